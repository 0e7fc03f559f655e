//! Finding a mounted widget in the page (through shadow roots), and waiting for it: mounted,
//! ready, gone, or any condition a test names.

use super::*;

/// One widget of the page, found again on every call: the `n`-th widget of a container (or of
/// the page, or of the element a selector matches), so a `Widget` keeps following its widget
/// when it is mounted again (a changed option, a `<Show>` that removed and re-added it).
///
/// Reads (`text`, `alert`, …) look once and return what is there now; actions (`open`,
/// `choose_amount`, `submit`, …) and `wait_for_*` wait (bounded) for what they need, and panic
/// with what they awaited and what the widget shows when it does not come.
#[derive(Clone, Debug)]
pub struct Widget {
    pub(super) scope: Scope,
    pub(super) index: usize,
    pub(super) timeout: Duration,
}

impl Widget {
    /// The first widget in `container` (a page's element, a `<sir-donate>` element, or the
    /// widget's host itself).
    pub fn find(container: &Element) -> Widget {
        Widget::find_nth(container, 0)
    }

    /// The `n`-th widget (from 0, in document order) in `container`.
    pub fn find_nth(container: &Element, n: usize) -> Widget {
        Widget { scope: Scope::Within(container.clone()), index: n, timeout: DEFAULT_TIMEOUT }
    }

    /// The `n`-th widget (from 0, in document order) in the whole page.
    pub fn nth(n: usize) -> Widget {
        Widget { scope: Scope::Page, index: n, timeout: DEFAULT_TIMEOUT }
    }

    /// The first widget in (or at) the first element of the page that matches `selector`, like
    /// `sir-donate[nonprofit=khan-academy]` or `#sidebar`.
    pub fn select(selector: &str) -> Widget {
        Widget { scope: Scope::Selector(selector.to_owned()), index: 0, timeout: DEFAULT_TIMEOUT }
    }

    /// Every widget in `container` now, in document order.
    pub fn all(container: &Element) -> Vec<Widget> {
        (0..Widget::count(container)).map(|n| Widget::find_nth(container, n)).collect()
    }

    /// How many widgets `container` holds now.
    pub fn count(container: &Element) -> usize {
        hosts_in(container).len()
    }

    /// Waits until `container` holds exactly `count` widgets (each with its shadow root), and
    /// returns them.
    pub async fn wait_for_count(container: &Element, count: usize) -> Vec<Widget> {
        let mounted = || hosts_in(container).iter().filter(|host| host.shadow_root().is_some()).count();
        if poll(DEFAULT_TIMEOUT, || (mounted() == count).then_some(())).await.is_none() {
            let what = format!("exactly {count} widget(s) in the container");
            fail_after(&what, DEFAULT_TIMEOUT, &format!("the container holds {}", mounted()));
        }
        Widget::all(container)
    }

    /// The same widget, with `timeout` for every wait instead of [`DEFAULT_TIMEOUT`].
    pub fn with_timeout(mut self, timeout: Duration) -> Widget {
        self.timeout = timeout;
        self
    }

    /// The widget's host element (`div.sir-donate`), if it is in the page now.
    pub fn host(&self) -> Option<Element> {
        let hosts = match &self.scope {
            Scope::Page => hosts_in(&document().document_element()?),
            Scope::Within(container) => hosts_in(container),
            Scope::Selector(selector) => hosts_in(&document().query_selector(selector).ok()??),
        };
        hosts.into_iter().nth(self.index)
    }

    /// The widget's shadow root, once mounted.
    pub fn shadow_root(&self) -> Option<ShadowRoot> {
        self.host()?.shadow_root()
    }

    /// Whether the widget is in the page and rendered (its shadow root holds something).
    pub fn is_mounted(&self) -> bool {
        self.shadow_root().is_some_and(|root| root.child_element_count() > 0)
    }

    /// Waits until the widget is in the page and rendered.
    pub async fn wait_mounted(&self) {
        self.until("the widget to be mounted", Widget::is_mounted).await;
    }

    /// Waits until no widget is at this place any more (the last one of a container removed).
    pub async fn wait_gone(&self) {
        self.until("the widget to be removed", |w| w.host().is_none()).await;
    }

    /// The first element with the hook `name` (`data-sir="name"`) in the widget, if it is there.
    pub fn element(&self, name: &str) -> Option<Element> {
        self.shadow_root()?.query_selector(&hook_selector(name)).ok()?
    }

    /// Every element with the hook `name`, in document order.
    pub fn elements(&self, name: &str) -> Vec<Element> {
        let Some(list) = self.shadow_root().and_then(|root| root.query_selector_all(&hook_selector(name)).ok()) else {
            return Vec::new();
        };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
    }

    /// Whether the widget shows its form in place (inline mode) rather than a donate button.
    pub fn is_inline(&self) -> bool {
        self.element(hooks::INLINE).is_some()
    }

    /// Whether the widget is ready for a donor: its donate button enabled, no longer loading
    /// and with no failed load to try again; or, inline, its form shown.
    pub fn is_ready(&self) -> bool {
        if let Some(panel) = self.element(hooks::INLINE) {
            return panel.query_selector(&hook_selector(hooks::FORM)).ok().flatten().is_some();
        }
        self.element(hooks::DONATE).is_some_and(|button| {
            !button.has_attribute("disabled") && button.get_attribute("aria-disabled").as_deref() != Some("true")
        }) && self.element(hooks::RELOAD).is_none()
    }

    /// Waits until the widget is ready: its donate button enabled (configuration and nonprofit
    /// loaded, no failure shown) or, inline, its form shown. A widget that cannot take
    /// donations (a disabled button) or whose load failed never is: the panic shows why.
    pub async fn ready(&self) {
        self.until("the widget to be ready (the donate button enabled, or inline the form shown)", Widget::is_ready)
            .await;
    }

    /// Whether the dialog is open.
    pub fn is_open(&self) -> bool {
        self.element(hooks::DIALOG).is_some_and(|dialog| dialog.has_attribute("open"))
    }

    /// Waits until `condition` holds of the widget; the panic names `what` was awaited and
    /// what the widget showed.
    pub async fn until(&self, what: &str, condition: impl Fn(&Widget) -> bool) {
        self.until_some(what, |w| condition(w).then_some(())).await;
    }

    /// Waits until `get` returns something, and returns it.
    pub(super) async fn until_some<T>(&self, what: &str, get: impl Fn(&Widget) -> Option<T>) -> T {
        match poll(self.timeout, || get(self)).await {
            Some(value) => value,
            None => fail_after(what, self.timeout, &["the widget shows: ", &self.describe()].concat()),
        }
    }

    /// What the widget shows, for a failure message.
    pub(super) fn describe(&self) -> String {
        let Some(host) = self.host() else {
            let count = document().document_element().map_or(0, |d| hosts_in(&d).len());
            return format!("no widget is there ({}; the page holds {count} in all)", self.place());
        };
        if host.shadow_root().is_none() {
            return "its host is in the page but the widget is not mounted in it yet".into();
        }
        let mut parts = Vec::new();
        if self.is_inline() {
            parts.push("inline".to_owned());
        } else if let Some(button) = self.element(hooks::DONATE) {
            let state = if button.has_attribute("disabled") {
                "disabled"
            } else if button.get_attribute("aria-disabled").as_deref() == Some("true") {
                "loading"
            } else {
                "enabled"
            };
            let name = button.get_attribute("aria-label").unwrap_or_default();
            parts.push(format!("donate button {state} ({name:?})"));
            parts.push(if self.is_open() { "dialog open" } else { "dialog closed" }.to_owned());
        }
        let mut text = self.text();
        if text.chars().count() > 600 {
            text = text.chars().take(600).chain("…".chars()).collect();
        }
        parts.push(["text ", &quote(&text)].concat());
        parts.join("; ")
    }

    /// Where this widget is looked for, for a failure message.
    pub(super) fn place(&self) -> String {
        let n = self.index;
        match &self.scope {
            Scope::Page => format!("widget #{n} of the page"),
            Scope::Within(container) => {
                let tag = container.tag_name().to_lowercase();
                format!("widget #{n} in a <{tag}> that holds {}", hosts_in(container).len())
            }
            Scope::Selector(selector) => format!("widget #{n} in {selector:?}"),
        }
    }
}
