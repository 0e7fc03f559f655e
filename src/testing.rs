//! A kit for browser tests of pages that use the widget (feature `testing`, wasm32 only).
//!
//! An app's own `wasm-pack test --headless --chrome` suite drives the widget through this
//! module, whether the page mounted it with the Leptos [`DonateButton`](crate::DonateButton) or
//! with the script-tag `<sir-donate>` element: the kit finds the widget in the page, waits for it
//! (polling with a bounded timeout, yielding to the event loop so Leptos effects and the
//! widget's requests run), drives it as a donor would and reads what it shows. A test needs no
//! sleeps, no wait-until loops, no shadow-root code and no selector from this crate's source.
//!
//! Everything inside the widget is found through its **element hooks**, the `data-sir="…"`
//! attributes that are the widget's stable contract (classes, ids and markup are not; see
//! [`hooks`]). The widget itself is its host element, `div.sir-donate`, whose open shadow root
//! holds it; for the script-tag embed that host is inside the `<sir-donate>` element's own
//! shadow root, and the kit looks there too.
//!
//! Failures panic with what was awaited and what the widget showed, after
//! [`DEFAULT_TIMEOUT`] unless a test chose another ([`Widget::with_timeout`]).
//!
//! ```no_run
//! use leptos::prelude::*;
//! use sir_donate::DonateButton;
//! use sir_donate::testing::{EventLog, Input, Widget, recording_navigator};
//! use wasm_bindgen::JsCast;
//!
//! # async fn a_donation_completes() {
//! let document = web_sys::window().unwrap().document().unwrap();
//! let container = document.create_element("div").unwrap();
//! document.body().unwrap().append_child(&container).unwrap();
//! let events = EventLog::attach(&container);
//! let (navigator, navigations) = recording_navigator(false);
//! let _mounted = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
//!     view! {
//!         <DonateButton
//!             publishable_key="pk_test_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"
//!             nonprofit="american-red-cross"
//!             api_base="http://127.0.0.1:8787"
//!             navigator=navigator
//!         />
//!     }
//! });
//!
//! let widget = Widget::find(&container);
//! widget.open().await; // waits until it is ready, clicks Donate, waits for the dialog
//! widget.submit().await;
//! assert!(!widget.wait_for_field_error(Input::FirstName).await.is_empty());
//!
//! widget.choose_amount("$100").await;
//! widget.fill_donor("Ada", "Lovelace", "ada@example.org").await;
//! widget.submit().await;
//! let url = navigations.wait_for_redirect().await;
//! assert!(url.contains("/checkout/"));
//! assert_eq!(events.names(), ["ready", "open", "link-created"]);
//! # }
//! ```

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, EventTarget, HtmlElement, HtmlInputElement, Node, ShadowRoot};

pub use crate::ui::{Navigation, Navigator};

/// How long every wait of the kit lasts before it panics, unless a test sets another
/// ([`Widget::with_timeout`], [`EventLog::with_timeout`], [`Navigations::with_timeout`]).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// How often a wait looks again; each look first yields to the browser's event loop.
const POLL: Duration = Duration::from_millis(20);

/// The selector of a widget's host element, the one selector the kit uses.
const HOST: &str = "div.sir-donate";

use crate::ui::hook_names::ATTRIBUTE as HOOK_ATTRIBUTE;

/// The prefix of the widget's `sessionStorage` entries.
const STORAGE_PREFIX: &str = "sir-donate:";

/// The prefix of the widget's DOM events (`sir-donate:ready`, …).
const EVENT_PREFIX: &str = "sir-donate:";

/// The names of the widget's DOM events, without their `sir-donate:` prefix: what an
/// [`EventLog`] records.
pub const EVENT_NAMES: [&str; 6] = ["ready", "open", "close", "link-created", "status", "error"];

/// The widget's element hooks: the values of its `data-sir` attributes, a stable contract
/// (unlike its classes, ids and markup). The kit finds everything through them; a test that
/// needs an element the kit has no method for reads it with [`Widget::element`].
pub mod hooks {
    pub use crate::ui::hook_names::*;
}

/// A text input of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// "Other amount" (`data-sir="other-amount"`).
    OtherAmount,
    /// The "Other" tip share (`data-sir="other-tip"`), shown once the tip's "Other" chip is
    /// chosen.
    OtherTip,
    /// The donor's first name (`data-sir="first-name"`).
    FirstName,
    /// The donor's last name (`data-sir="last-name"`).
    LastName,
    /// The donor's email (`data-sir="email"`).
    Email,
}

impl Input {
    /// The input's hook.
    pub fn hook(self) -> &'static str {
        match self {
            Input::OtherAmount => hooks::OTHER_AMOUNT,
            Input::OtherTip => hooks::OTHER_TIP,
            Input::FirstName => hooks::FIRST_NAME,
            Input::LastName => hooks::LAST_NAME,
            Input::Email => hooks::EMAIL,
        }
    }

    /// The hook of its error line: its own followed by `-error`.
    pub fn error_hook(self) -> String {
        [self.hook(), hooks::ERROR_SUFFIX].concat()
    }
}

/// A group of chips (radios) of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The preset amounts (`data-sir="amount"`), labelled as the donor sees them (`$100`).
    Amount,
    /// The frequencies (`data-sir="frequency"`): `One time`, `Monthly` in English.
    Frequency,
    /// The tip shares (`data-sir="tip"`): `No tip`, `10%`, …, `Other %` in English.
    Tip,
}

impl Choice {
    /// The hook of the group's radios.
    pub fn hook(self) -> &'static str {
        match self {
            Choice::Amount => hooks::AMOUNT,
            Choice::Frequency => hooks::FREQUENCY,
            Choice::Tip => hooks::TIP,
        }
    }
}

/// Where to look for a widget.
#[derive(Clone, Debug)]
enum Scope {
    /// The whole page.
    Page,
    /// Inside an element (or the element itself).
    Within(Element),
    /// Inside the first element of the page that matches a selector.
    Selector(String),
}

/// One widget of the page, found again on every call: the `n`-th widget of a container (or of
/// the page, or of the element a selector matches), so a `Widget` keeps following its widget
/// when it is mounted again (a changed option, a `<Show>` that removed and re-added it).
///
/// Reads (`text`, `alert`, …) look once and return what is there now; actions (`open`,
/// `choose_amount`, `submit`, …) and `wait_for_*` wait (bounded) for what they need, and panic
/// with what they awaited and what the widget shows when it does not come.
#[derive(Clone, Debug)]
pub struct Widget {
    scope: Scope,
    index: usize,
    timeout: Duration,
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

    /// Waits until `condition` holds of the widget; the panic names `what` was awaited and
    /// what the widget showed.
    pub async fn until(&self, what: &str, condition: impl Fn(&Widget) -> bool) {
        self.until_some(what, |w| condition(w).then_some(())).await;
    }

    /// Waits until `get` returns something, and returns it.
    async fn until_some<T>(&self, what: &str, get: impl Fn(&Widget) -> Option<T>) -> T {
        match poll(self.timeout, || get(self)).await {
            Some(value) => value,
            None => fail_after(what, self.timeout, &["the widget shows: ", &self.describe()].concat()),
        }
    }

    fn radios(&self, group: Choice) -> Vec<HtmlInputElement> {
        self.elements(group.hook())
            .into_iter()
            .filter(|e| e.get_attribute("type").as_deref() == Some("radio"))
            .map(JsCast::unchecked_into)
            .collect()
    }

    /// The text of the element with the hook `name` without its hooked buttons, when it is
    /// shown and says something.
    fn shown_text(&self, name: &str) -> Option<String> {
        self.element(name).map(|e| text_of(&e, true)).filter(|t| !t.is_empty())
    }

    /// What the widget shows, for a failure message.
    fn describe(&self) -> String {
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
    fn place(&self) -> String {
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

/// Where a recording [`Navigator`] sent the donor, read through the kit.
#[derive(Clone)]
pub struct Navigations {
    log: Rc<RefCell<Vec<Navigation>>>,
    timeout: Duration,
}

/// A [`Navigator`] that records navigations instead of leaving the page (give it to the
/// component's `navigator` prop), and the [`Navigations`] to read them from. With
/// `block_windows`, opening a checkout window fails as under a popup blocker.
pub fn recording_navigator(block_windows: bool) -> (Navigator, Navigations) {
    let (navigator, log) = Navigator::recording(block_windows);
    (navigator, Navigations::from_log(log))
}

impl Navigations {
    /// Reads the log of [`Navigator::recording`].
    pub fn from_log(log: Rc<RefCell<Vec<Navigation>>>) -> Navigations {
        Navigations { log, timeout: DEFAULT_TIMEOUT }
    }

    /// The same log, with `timeout` for its waits instead of [`DEFAULT_TIMEOUT`].
    pub fn with_timeout(mut self, timeout: Duration) -> Navigations {
        self.timeout = timeout;
        self
    }

    /// Every navigation so far, in order.
    pub fn all(&self) -> Vec<Navigation> {
        self.log.borrow().clone()
    }

    /// The latest navigation.
    pub fn last(&self) -> Option<Navigation> {
        self.log.borrow().last().cloned()
    }

    /// How many navigations there were.
    pub fn len(&self) -> usize {
        self.log.borrow().len()
    }

    /// Whether there was none.
    pub fn is_empty(&self) -> bool {
        self.log.borrow().is_empty()
    }

    /// The links the page itself was sent to, in order.
    pub fn redirects(&self) -> Vec<String> {
        self.log
            .borrow()
            .iter()
            .filter_map(|n| match n {
                Navigation::Redirect(url) => Some(url.clone()),
                _ => None,
            })
            .collect()
    }

    /// Forgets the navigations so far.
    pub fn clear(&self) {
        self.log.borrow_mut().clear();
    }

    /// Waits for a first navigation and returns it.
    pub async fn wait_for_any(&self) -> Navigation {
        match poll(self.timeout, || self.log.borrow().first().cloned()).await {
            Some(navigation) => navigation,
            None => fail_after("a navigation", self.timeout, "none was recorded"),
        }
    }

    /// Waits until the page is sent somewhere, and returns the link.
    pub async fn wait_for_redirect(&self) -> String {
        match poll(self.timeout, || self.redirects().into_iter().next()).await {
            Some(url) => url,
            None => fail_after("a redirect", self.timeout, &format!("recorded: {:?}", self.all())),
        }
    }
}

impl fmt::Debug for Navigations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.log.borrow().iter()).finish()
    }
}

/// Records the widget's `sir-donate:*` DOM events that reach an element: `(name, detail)`, the
/// name without its `sir-donate:` prefix (`ready`, `open`, `close`, `link-created`, `status`,
/// `error`) and the detail as JSON text. The events bubble and cross shadow roots, so a
/// container of the widget (or the document) hears them; attach before mounting to hear
/// `ready`. Dropping the log removes its listeners.
pub struct EventLog {
    target: EventTarget,
    entries: Rc<RefCell<Vec<(String, String)>>>,
    listeners: Vec<(String, Listener)>,
    timeout: Duration,
}

/// A DOM event listener kept alive by its [`EventLog`].
type Listener = Closure<dyn FnMut(web_sys::Event)>;

impl EventLog {
    /// Starts recording the events that reach `target`.
    pub fn attach(target: &EventTarget) -> EventLog {
        let entries = Rc::new(RefCell::new(Vec::new()));
        let mut listeners = Vec::new();
        for name in EVENT_NAMES {
            let log = entries.clone();
            let listener = Listener::new(move |event: web_sys::Event| {
                let detail = event
                    .dyn_ref::<web_sys::CustomEvent>()
                    .and_then(|e| js_sys::JSON::stringify(&e.detail()).ok())
                    .map(String::from)
                    .unwrap_or_default();
                let name = event.type_();
                let name = name.strip_prefix(EVENT_PREFIX).unwrap_or(&name).to_owned();
                log.borrow_mut().push((name, detail));
            });
            let type_ = [EVENT_PREFIX, name].concat();
            let _ = target.add_event_listener_with_callback(&type_, listener.as_ref().unchecked_ref());
            listeners.push((type_, listener));
        }
        EventLog { target: target.clone(), entries, listeners, timeout: DEFAULT_TIMEOUT }
    }

    /// The same log, with `timeout` for its waits instead of [`DEFAULT_TIMEOUT`].
    pub fn with_timeout(mut self, timeout: Duration) -> EventLog {
        self.timeout = timeout;
        self
    }

    /// Every event so far, in order: `(name, detail as JSON text)`.
    pub fn entries(&self) -> Vec<(String, String)> {
        self.entries.borrow().clone()
    }

    /// The names of the events so far, in order.
    pub fn names(&self) -> Vec<String> {
        self.entries.borrow().iter().map(|(name, _)| name.clone()).collect()
    }

    /// The details (JSON text) of the events named `name`, in order.
    pub fn details(&self, name: &str) -> Vec<String> {
        self.entries.borrow().iter().filter(|(n, _)| n == name).map(|(_, detail)| detail.clone()).collect()
    }

    /// How many events named `name` there were.
    pub fn count(&self, name: &str) -> usize {
        self.entries.borrow().iter().filter(|(n, _)| n == name).count()
    }

    /// Forgets the events so far.
    pub fn clear(&self) {
        self.entries.borrow_mut().clear();
    }

    /// Waits for an event named `name` and returns the detail of the first one.
    pub async fn wait_for(&self, name: &str) -> String {
        match poll(self.timeout, || self.details(name).into_iter().next()).await {
            Some(detail) => detail,
            None => {
                let what = format!("a {EVENT_PREFIX}{name} event");
                fail_after(&what, self.timeout, &format!("recorded: {:?}", self.names()))
            }
        }
    }

    /// Waits until `count` events named `name` were recorded.
    pub async fn wait_for_count(&self, name: &str, count: usize) {
        if poll(self.timeout, || (self.count(name) >= count).then_some(())).await.is_none() {
            let what = format!("{count} {EVENT_PREFIX}{name} event(s)");
            fail_after(&what, self.timeout, &format!("recorded: {:?}", self.names()));
        }
    }
}

impl fmt::Debug for EventLog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.entries.borrow().iter()).finish()
    }
}

impl Drop for EventLog {
    fn drop(&mut self) {
        for (type_, listener) in &self.listeners {
            let _ = self.target.remove_event_listener_with_callback(type_, listener.as_ref().unchecked_ref());
        }
    }
}

/// Starts a test afresh: forgets the donations widgets follow across the trip to checkout
/// (their `sir-donate:` entries in `sessionStorage`: left there by an earlier test, one would
/// make the next widget show that donation's status instead of the form) and the configuration
/// and nonprofit answers kept for the page ([`forget_shared_answers`](crate::forget_shared_answers)),
/// so a fault queued at the API is met by the next widget's own requests. Call it before mounting.
pub fn start_fresh() {
    crate::forget_shared_answers();
    let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) else { return };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect();
    for key in keys.iter().filter(|key| key.starts_with(STORAGE_PREFIX)) {
        let _ = storage.remove_item(key);
    }
}

/// Yields to the browser's event loop once (a 0 ms timer), so pending Leptos effects, DOM
/// updates and resolved requests run: after setting a signal, before reading what it changed.
pub async fn settle() {
    crate::timer::sleep(Duration::ZERO).await;
}

/// Waits (up to [`DEFAULT_TIMEOUT`]) until `condition` holds, yielding to the event loop between
/// looks; panics naming `what` was awaited. For conditions outside one widget (an app's own
/// elements, a signal); a widget's are [`Widget::until`].
pub async fn wait_until(what: &str, condition: impl FnMut() -> bool) {
    let mut condition = condition;
    if poll(DEFAULT_TIMEOUT, || condition().then_some(())).await.is_none() {
        fail_after(what, DEFAULT_TIMEOUT, "the condition never held");
    }
}

/// Looks with `get` until it returns something or `timeout` has passed, yielding to the event
/// loop between looks.
async fn poll<T>(timeout: Duration, mut get: impl FnMut() -> Option<T>) -> Option<T> {
    let start = js_sys::Date::now();
    loop {
        if let Some(value) = get() {
            return Some(value);
        }
        if js_sys::Date::now() - start > timeout.as_secs_f64() * 1000.0 {
            return None;
        }
        crate::timer::sleep(POLL).await;
    }
}

/// Panics: `what` did not come within `timeout`; `state` says what there was instead.
fn fail_after(what: &str, timeout: Duration, state: &str) -> ! {
    panic!("sir_donate::testing: timed out after {timeout:?} waiting for {what}; {state}")
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("sir_donate::testing runs in a browser page")
}

fn hook_selector(name: &str) -> String {
    ["[", HOOK_ATTRIBUTE, "=\"", name, "\"]"].concat()
}

/// The widget hosts in `container` (or `container` itself), in document order, looking into
/// the open shadow roots of other elements (the `<sir-donate>` element's) but not into a
/// widget's own.
fn hosts_in(container: &Element) -> Vec<Element> {
    let mut hosts = Vec::new();
    if container.matches(HOST).unwrap_or(false) {
        hosts.push(container.clone());
        return hosts;
    }
    if let Some(root) = container.shadow_root() {
        collect_hosts(&root.query_selector_all("*").ok(), &mut hosts);
    }
    collect_hosts(&container.query_selector_all("*").ok(), &mut hosts);
    hosts
}

fn collect_hosts(list: &Option<web_sys::NodeList>, hosts: &mut Vec<Element>) {
    let Some(list) = list else { return };
    for i in 0..list.length() {
        let Some(element) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        if element.matches(HOST).unwrap_or(false) {
            hosts.push(element);
        } else if let Some(root) = element.shadow_root() {
            collect_hosts(&root.query_selector_all("*").ok(), hosts);
        }
    }
}

/// A chip's label: the text of the radio's next sibling.
fn chip_label(radio: &HtmlInputElement) -> String {
    radio.next_element_sibling().map(|label| text_of(&label, false)).unwrap_or_default()
}

/// The text of `node`'s text nodes joined by spaces, whitespace collapsed; without `<style>`
/// and `<script>`, and with `skip_hooked`, without descendants that carry a hook (buttons in
/// an alert or a note).
fn text_of(node: &Node, skip_hooked: bool) -> String {
    let mut parts = Vec::new();
    collect_text(node, skip_hooked, &mut parts);
    collapse(&parts.join(" "))
}

fn collect_text(node: &Node, skip_hooked: bool, parts: &mut Vec<String>) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        match child.node_type() {
            Node::TEXT_NODE => parts.extend(child.node_value()),
            Node::ELEMENT_NODE => {
                let element: &Element = child.unchecked_ref();
                let tag = element.tag_name().to_lowercase();
                if tag == "style" || tag == "script" || (skip_hooked && element.has_attribute(HOOK_ATTRIBUTE)) {
                    continue;
                }
                collect_text(&child, skip_hooked, parts);
            }
            _ => {}
        }
    }
}

/// Whitespace runs (no-break spaces included) as one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn quote(text: &str) -> String {
    format!("{text:?}")
}
