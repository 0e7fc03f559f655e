//! Reading what a widget shows: field values and errors, the alert, the notice, the note, the
//! outcome, the summary, its title and label, and waiting until one of them says something.

use super::*;

impl Widget {
    /// What the text input `input` holds, if it is shown.
    pub fn value(&self, input: Input) -> Option<String> {
        Some(self.element(input.hook())?.unchecked_into::<HtmlInputElement>().value())
    }

    /// The error line of `input`, when it says something.
    pub fn field_error(&self, input: Input) -> Option<String> {
        self.element(&input.error_hook()).map(|e| text_of(&e, false)).filter(|t| !t.is_empty())
    }

    /// The alert of a failed submission (its message, without the Try again button), if shown.
    pub fn alert(&self) -> Option<String> {
        self.shown_text(hooks::ALERT)
    }

    /// The notice at the top of the form, if shown.
    pub fn notice(&self) -> Option<String> {
        self.shown_text(hooks::NOTICE)
    }

    /// The note under the donate button or in the inline panel (without its Try again
    /// button), if shown.
    pub fn note(&self) -> Option<String> {
        self.shown_text(hooks::NOTE)
    }

    /// What became of a donation after checkout (the thank-you, …), if shown.
    pub fn outcome(&self) -> Option<String> {
        self.shown_text(hooks::OUTCOME)
    }

    /// The donation's summary (amount, tip, total), if the form is shown.
    pub fn summary(&self) -> Option<String> {
        self.element(hooks::SUMMARY).map(|e| text_of(&e, false))
    }

    /// The flow's heading (`Donate to American Red Cross`), once the dialog was built or inline.
    pub fn title(&self) -> Option<String> {
        self.element(hooks::TITLE).map(|e| text_of(&e, false))
    }

    /// The donate button's visible text (its `label`, or `Donate` in the widget's language).
    pub fn label(&self) -> Option<String> {
        self.element(hooks::DONATE).map(|e| text_of(&e, false))
    }

    /// The donate button's accessible name (`Donate to American Red Cross`).
    pub fn button_name(&self) -> Option<String> {
        self.element(hooks::DONATE)?.get_attribute("aria-label")
    }

    /// The whole widget's text: its text nodes joined by spaces, whitespace collapsed (so
    /// `contains` finds a phrase whatever the markup around it).
    pub fn text(&self) -> String {
        self.shadow_root().map(|root| text_of(&root, false)).unwrap_or_default()
    }

    /// Waits for an alert and returns its message.
    pub async fn wait_for_alert(&self) -> String {
        self.until_some("an alert", Widget::alert).await
    }

    /// Waits for the note (under the button, or the inline panel's failure line) and returns it.
    pub async fn wait_for_note(&self) -> String {
        self.until_some("a note", Widget::note).await
    }

    /// Waits for the notice at the top of the form and returns it.
    pub async fn wait_for_notice(&self) -> String {
        self.until_some("a notice", Widget::notice).await
    }

    /// Waits for the outcome of a donation and returns it.
    pub async fn wait_for_outcome(&self) -> String {
        self.until_some("the outcome of a donation", Widget::outcome).await
    }

    /// Waits until the error line of `input` says something, and returns it.
    pub async fn wait_for_field_error(&self, input: Input) -> String {
        let what = ["an error under the ", input.hook(), " input"].concat();
        self.until_some(&what, |w| w.field_error(input)).await
    }

    /// Waits until the widget's [`text`](Widget::text) contains `needle`.
    pub async fn wait_for_text(&self, needle: &str) {
        let what = ["the widget to show ", &quote(needle)].concat();
        self.until(&what, |w| w.text().contains(needle)).await;
    }

    /// The text of the element with the hook `name` without its hooked buttons, when it is
    /// shown and says something.
    pub(super) fn shown_text(&self, name: &str) -> Option<String> {
        self.element(name).map(|e| text_of(&e, true)).filter(|t| !t.is_empty())
    }
}
