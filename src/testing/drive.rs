//! Driving a widget as a donor would: open and close it, click a hook, choose chips, type, fill
//! the donor fields, submit.

use super::*;

impl Widget {
    /// Waits until the widget is ready, then opens it: clicks the donate button and waits for
    /// the dialog. Inline, there is nothing to open: it waits until the form is shown.
    pub async fn open(&self) {
        self.ready().await;
        if self.is_inline() || self.is_open() {
            return;
        }
        self.click(hooks::DONATE).await;
        self.until("the dialog to open after a click on the donate button", Widget::is_open).await;
    }

    /// Closes the dialog with its close button and waits until it is closed; nothing when it is
    /// not open (or inline).
    pub async fn close(&self) {
        if !self.is_open() {
            return;
        }
        self.click(hooks::CLOSE).await;
        self.until("the dialog to close", |w| !w.is_open()).await;
    }

    /// Waits for the element with the hook `name`, enabled, and clicks it.
    pub async fn click(&self, name: &str) {
        let what = ["an enabled element with data-sir=\"", name, "\" to click"].concat();
        let element = self.until_some(&what, |w| w.element(name).filter(|e| !e.has_attribute("disabled"))).await;
        element.unchecked_into::<HtmlElement>().click();
        settle().await;
    }

    /// The labels of the chips of `group`, in order, as shown (whitespace collapsed).
    pub fn chips(&self, group: Choice) -> Vec<String> {
        self.radios(group).iter().map(chip_label).collect()
    }

    /// The label of the chip chosen in `group`, if any.
    pub fn chosen(&self, group: Choice) -> Option<String> {
        self.radios(group).iter().find(|radio| radio.checked()).map(chip_label)
    }

    /// Waits for the chip labelled `label` in `group` (whitespace collapsed on both sides, so
    /// `"100 €"` matches a narrow no-break space) and chooses it, as a click does.
    pub async fn choose(&self, group: Choice, label: &str) {
        let wanted = collapse(label);
        let what = ["a ", group.hook(), " chip labelled ", &quote(label)].concat();
        let radio =
            self.until_some(&what, |w| w.radios(group).into_iter().find(|radio| chip_label(radio) == wanted)).await;
        radio.click();
        settle().await;
    }

    /// Chooses the preset amount labelled `label` (`"$100"`).
    pub async fn choose_amount(&self, label: &str) {
        self.choose(Choice::Amount, label).await;
    }

    /// Chooses the frequency labelled `label` (`"Monthly"`).
    pub async fn choose_frequency(&self, label: &str) {
        self.choose(Choice::Frequency, label).await;
    }

    /// Chooses the tip share labelled `label` (`"No tip"`, `"Other %"`).
    pub async fn choose_tip(&self, label: &str) {
        self.choose(Choice::Tip, label).await;
    }

    /// Waits for the text input `input` and types `value` into it, as a donor does: sets its
    /// value and dispatches a bubbling `input` event.
    pub async fn type_into(&self, input: Input, value: &str) {
        let what = ["the ", input.hook(), " input"].concat();
        let element = self.until_some(&what, |w| w.element(input.hook())).await;
        let element: HtmlInputElement = element.unchecked_into();
        element.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = element.dispatch_event(&event);
        }
        settle().await;
    }

    /// Types the donor's first name, last name and email.
    pub async fn fill_donor(&self, first_name: &str, last_name: &str, email: &str) {
        self.type_into(Input::FirstName, first_name).await;
        self.type_into(Input::LastName, last_name).await;
        self.type_into(Input::Email, email).await;
    }

    /// Waits for the submit button, enabled, and clicks it. What follows (a field error, an
    /// alert, a navigation, an event) is for the test to wait for.
    pub async fn submit(&self) {
        self.click(hooks::SUBMIT).await;
    }

    pub(super) fn radios(&self, group: Choice) -> Vec<HtmlInputElement> {
        self.elements(group.hook())
            .into_iter()
            .filter(|e| e.get_attribute("type").as_deref() == Some("radio"))
            .map(JsCast::unchecked_into)
            .collect()
    }
}
