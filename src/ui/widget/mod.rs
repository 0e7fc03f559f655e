//! The widget inside its shadow root: the button, the dialog, the donor flow and the return
//! from checkout.
//!
//! Plain DOM rather than a view framework, because every byte of it is paid on partners' pages:
//! the state is one [`State`](state::State), each change goes through [`Widget::update`], which
//! syncs the DOM (`view`), and one delegated listener on the widget's root handles every click,
//! key and keystroke. The dialog is built on first open, so a page of closed buttons holds only
//! buttons. The Leptos [`DonateButton`](super::DonateButton) and the script-tag embed both mount
//! it with [`mount`].

mod state;
mod view;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};

use super::dom;
use super::events::{Emitter, WidgetEvent};
use super::navigation::{CheckoutWindow, Navigator};
use super::setup::Setup;
use super::shadow;
use crate::api::shared;
use crate::api::{ApiError, Client, DonationId, Slug, StatusWord};
use crate::donation::{AmountChoice, CheckoutMode, PendingDonation, PollSchedule, TipChoice, WidgetOptions};
use crate::i18n::{Locale, Strings};
use crate::money::Cents;
use state::{Alert, Load, State, Tracking};
use view::{Fixed, View};

/// The events the root listens to; `cancel` and `focusin` arrive in the capture phase.
/// `pointerover` is a donor heading for the button (see `Widget::prepare`).
const EVENTS: [&str; 8] = ["click", "submit", "input", "change", "focusin", "keydown", "cancel", "pointerover"];

/// A DOM listener owned by the widget.
type Listener = Closure<dyn Fn(Event)>;

struct Inner {
    s: &'static Strings,
    locale: Locale,
    client: Client,
    slug: Slug,
    options: WidgetOptions,
    navigator: Navigator,
    emitter: Emitter,
    storage_key: String,
    state: RefCell<State>,
    view: RefCell<View>,
    window: RefCell<Option<CheckoutWindow>>,
    /// The root's listener and the window's `pageshow` and `online` listeners, removed on
    /// unmount.
    listeners: RefCell<Vec<Listener>>,
    alive: Cell<bool>,
    /// Whether `prepare` has run.
    prepared: Cell<bool>,
}

/// One live widget. Clones share it.
#[derive(Clone)]
struct Widget(Rc<Inner>);

/// A mounted widget, or the configuration problem shown instead of one.
pub(crate) struct WidgetHandle {
    container: HtmlElement,
    widget: Option<Widget>,
}

impl WidgetHandle {
    /// Opens the dialog, now if the widget is ready, or as soon as it is.
    pub fn open(&self) {
        if let Some(w) = &self.widget {
            w.request_open();
        }
    }

    /// Removes the widget and everything it registered; idempotent.
    pub fn unmount(&mut self) {
        if let Some(w) = self.widget.take() {
            w.unmount();
        }
        self.container.remove();
    }
}

impl Drop for WidgetHandle {
    fn drop(&mut self) {
        self.unmount();
    }
}

/// Mounts the widget in `host`'s shadow root (made if missing).
pub(crate) fn mount(host: HtmlElement, setup: Setup) -> Option<WidgetHandle> {
    let _ = host.style().set_property("display", "inline-block");
    let container = shadow::prepare(&host)?;
    let doc = host.owner_document()?;
    let s = setup.locale.strings();
    let theme = setup.options.theme.as_str();
    let emitter = Emitter { host, nonprofit: setup.nonprofit, callback: setup.on_event };
    let (client, slug) = match setup.client {
        Ok(pair) => pair,
        Err(problem) => {
            // Shown to the site developer, once in the console and in place of the button; no
            // request is made.
            dom::console_error(&problem.message);
            View::config_problem(&doc, &container, theme, s.key_problem_title, &problem.message);
            emitter.emit(WidgetEvent::problem(problem.code, problem.summary));
            return Some(WidgetHandle { container, widget: None });
        }
    };
    let label = setup.label.unwrap_or_else(|| s.donate.to_owned());
    let view = View::new(doc, &container, theme, &label);
    let storage_key = PendingDonation::storage_key(&client.key().masked(), slug.as_str());
    let w = Widget(Rc::new(Inner {
        s,
        locale: setup.locale,
        state: RefCell::new(State::new(&setup.options)),
        client,
        slug,
        options: setup.options,
        navigator: setup.navigator,
        emitter,
        storage_key,
        view: RefCell::new(view),
        window: RefCell::new(None),
        listeners: RefCell::new(Vec::new()),
        alive: Cell::new(true),
        prepared: Cell::new(false),
    }));
    w.listen();
    w.load(); // renders the loading state
    w.resume_pending();
    if setup.autofocus {
        // The embed's placeholder had focus: keyboard users keep their place.
        let _ = w.0.view.borrow().button.focus();
    }
    Some(WidgetHandle { container, widget: Some(w) })
}

impl Widget {
    fn fixed(&self) -> Fixed<'_> {
        let i = &self.0;
        Fixed {
            s: i.s,
            locale: i.locale,
            slug: i.slug.as_str(),
            presets: &i.options.presets,
            frequencies: &i.options.frequencies,
        }
    }

    fn render(&self) {
        if !self.0.alive.get() {
            return;
        }
        let st = self.0.state.borrow();
        self.0.view.borrow_mut().sync(&st, &self.fixed(), dom::now_ms());
    }

    /// Changes the state, then brings the DOM in step. Returns `None` once unmounted, so async
    /// work that outlived its widget stops.
    fn update<T>(&self, change: impl FnOnce(&mut State) -> T) -> Option<T> {
        if !self.0.alive.get() {
            return None;
        }
        let out = change(&mut self.0.state.borrow_mut());
        self.render();
        Some(out)
    }

    fn with<T>(&self, read: impl FnOnce(&State) -> T) -> T {
        read(&self.0.state.borrow())
    }

    fn emit(&self, event: WidgetEvent) {
        self.0.emitter.emit(event);
    }

    fn dialog(&self) -> Option<web_sys::HtmlDialogElement> {
        Some(self.0.view.borrow().dialog.as_ref()?.dialog.clone())
    }

    // ---- listening ----

    fn listen(&self) {
        let w = self.clone();
        let on_root = Listener::new(move |event: Event| w.on_event(&event));
        let root = self.0.view.borrow().root.clone();
        for kind in EVENTS {
            let _ = root.add_event_listener_with_callback_and_bool(kind, on_root.as_ref().unchecked_ref(), true);
        }
        // Back/forward cache: the page comes back as it was left, mid-redirect; look again.
        let w = self.clone();
        let on_pageshow = Listener::new(move |event: Event| {
            let persisted = event.dyn_ref::<web_sys::PageTransitionEvent>().is_some_and(|e| e.persisted());
            if persisted {
                w.update(|st| {
                    st.redirecting = false;
                    st.submitting = false;
                });
                w.resume_pending();
            }
        });
        let w = self.clone();
        let on_online = Listener::new(move |_: Event| w.on_online());
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("pageshow", on_pageshow.as_ref().unchecked_ref());
            let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        }
        self.0.listeners.replace(vec![on_root, on_pageshow, on_online]);
    }

    fn unmount(&self) {
        if !self.0.alive.replace(false) {
            return;
        }
        let listeners = self.0.listeners.take();
        let root = self.0.view.borrow().root.clone();
        if let [on_root, on_pageshow, on_online] = listeners.as_slice() {
            for kind in EVENTS {
                let _ = root.remove_event_listener_with_callback_and_bool(kind, on_root.as_ref().unchecked_ref(), true);
            }
            if let Some(window) = web_sys::window() {
                let _ = window.remove_event_listener_with_callback("pageshow", on_pageshow.as_ref().unchecked_ref());
                let _ = window.remove_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
            }
        }
        if let Some(dialog) = self.dialog().filter(|d| d.open()) {
            dialog.close();
            dom::unlock_scroll();
        }
        root.remove();
    }

    /// The one handler for everything that happens inside the widget.
    fn on_event(&self, event: &Event) {
        let kind = event.type_();
        match kind.as_str() {
            "pointerover" => return self.prepare(),
            "focusin" => self.prepare(),
            _ => {}
        }
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let dialog = self.dialog();
        let on_dialog = dialog.as_ref().is_some_and(|d| d.is_same_node(Some(&target)));
        let in_dialog = dialog.as_ref().is_some_and(|d| d.contains(Some(&target)));
        match kind.as_str() {
            // A click on the backdrop lands on the <dialog> element itself.
            "click" if on_dialog => self.close_dialog(),
            "click" => {
                let act = target.closest("[data-act]").ok().flatten().and_then(|b| b.get_attribute("data-act"));
                match act.as_deref() {
                    Some("open") => self.request_open(),
                    Some("reload") => {
                        self.load();
                        // The note and its button go away while loading: keyboard users keep
                        // their place on the Donate button, which works again meanwhile.
                        let _ = self.0.view.borrow().button.focus();
                    }
                    Some("close") => self.close_dialog(),
                    Some("retry") => self.submit(),
                    Some("done") => {
                        self.close_dialog();
                        self.start_over();
                    }
                    Some("again") => self.start_over(),
                    _ => {}
                }
            }
            "submit" => {
                event.prevent_default();
                self.submit();
            }
            "input" => self.on_input(&target),
            "change" => self.on_choice(&target),
            "focusin" if target.id() == "sir-amount" => {
                let typed = self.with(|st| st.custom_amount.clone());
                if !typed.trim().is_empty() {
                    self.update(|st| st.input.amount = AmountChoice::Custom(typed));
                }
            }
            "keydown" if in_dialog => {
                let (Some(key), Some(dialog)) = (event.dyn_ref::<KeyboardEvent>(), dialog) else { return };
                match key.key().as_str() {
                    "Escape" => {
                        event.prevent_default();
                        self.close_dialog();
                    }
                    "Tab" => dom::trap_tab(&dialog, key),
                    _ => {}
                }
            }
            // The browser's own Esc handling would close without our bookkeeping.
            "cancel" if on_dialog => {
                event.prevent_default();
                self.close_dialog();
            }
            _ => {}
        }
    }

    /// Typing in one of the text fields.
    fn on_input(&self, target: &Element) {
        let Some(field) = target.dyn_ref::<HtmlInputElement>() else { return };
        let text = field.value();
        let fallback = self.0.options.default_amount;
        self.update(|st| match target.id().as_str() {
            "sir-amount" => {
                st.input.amount = match (text.trim().is_empty(), fallback) {
                    (true, Some(c)) => AmountChoice::Preset(c),
                    _ => AmountChoice::Custom(text.clone()),
                };
                st.custom_amount = text;
                st.errors.amount = None;
            }
            "sir-tip" => {
                st.input.tip = TipChoice::Custom(text.clone());
                st.custom_tip = text;
                st.errors.tip = false;
            }
            "sir-first-name" => {
                st.input.first_name = text;
                st.errors.first_name = None;
            }
            "sir-last-name" => {
                st.input.last_name = text;
                st.errors.last_name = None;
            }
            "sir-email" => {
                st.input.email = text;
                st.errors.email = None;
            }
            _ => {}
        });
    }

    /// Picking a chip: its `name` says which choice, its `value` which option.
    fn on_choice(&self, target: &Element) {
        let Some(radio) = target.dyn_ref::<HtmlInputElement>() else { return };
        let Ok(index) = radio.value().parse::<usize>() else { return };
        let options = &self.0.options;
        self.update(|st| match radio.name().as_str() {
            "amount" => {
                if let Some(c) = options.presets.get(index) {
                    st.input.amount = AmountChoice::Preset(*c);
                    st.errors.amount = None;
                }
            }
            "frequency" => {
                if let Some(f) = options.frequencies.get(index) {
                    st.input.frequency = *f;
                }
            }
            "tip" => {
                let chosen = st.suggested_tip().and_then(|s| state::tip_chips(s).into_iter().nth(index));
                // "Other" brings back what the donor typed, and its error with it.
                match chosen {
                    Some(TipChoice::Custom(_)) => st.input.tip = TipChoice::Custom(st.custom_tip.clone()),
                    Some(preset) => {
                        st.input.tip = preset;
                        st.errors.tip = false;
                    }
                    None => {}
                }
            }
            _ => {}
        });
    }

    // ---- loading ----

    /// Fetches configuration and nonprofit together (shared with other widgets on the page).
    fn load(&self) {
        self.update(|st| st.load = Load::Loading);
        let w = self.clone();
        spawn_local(async move {
            let client = &w.0.client;
            // Both requests start here; the answers are awaited in turn.
            let (config, org) = (shared::config(client), shared::organization(client, &w.0.slug));
            let (config, org) = (config.await, org.await.map(state::with_safe_logo));
            let next = match (config, org) {
                (Ok(config), Ok(org)) if config.accepts_donations() => Load::Ready(config, org),
                (Ok(config), Ok(org)) => {
                    dom::console_error(if config.is_active() {
                        "this partner does not have the DONATIONS feature, so the button is disabled"
                    } else {
                        "this partner account is not active, so the button is disabled"
                    });
                    Load::DonationsOff(org)
                }
                (Err(e), _) | (_, Err(e)) => {
                    dom::console_error(&e.developer_message());
                    Load::Failed(e)
                }
            };
            let event = match &next {
                Load::Ready(..) => WidgetEvent::Ready,
                Load::Failed(e) => WidgetEvent::from_error(e),
                _ => WidgetEvent::problem("donations_off", "donations are off for this partner"),
            };
            let Some(open) = w.update(|st| {
                st.load = next;
                let open = st.open_when_ready && st.is_ready();
                // A click that came while loading is answered once, now: a later load (the
                // donor's retry, or the page coming back online) does not pop the dialog up.
                st.open_when_ready = false;
                open
            }) else {
                return;
            };
            w.emit(event);
            if open {
                w.open_dialog();
            }
        });
    }

    /// The pointer or the focus reached the widget: get ready for the click that may follow by
    /// doing now, once, the costly part of the first open that does not need the click (the
    /// page's first `Intl` formatter: about 30 ms of a 70 ms first open in the benchmark). Nothing
    /// is done before a donor shows this intent. A touch gets no head start (its `pointerover`
    /// comes just before its click), and costs nothing more either.
    fn prepare(&self) {
        if !self.0.prepared.replace(true) {
            crate::money::prepare_formatting(self.0.locale);
        }
    }

    /// A click on the button, or the embed's `open()`: opens now, or once loaded. After a
    /// load that failed in a way a new attempt may fix, it loads again first.
    fn request_open(&self) {
        let (loading, reload) = self.with(|st| (matches!(st.load, Load::Loading), st.load_may_be_retried()));
        if reload {
            self.load();
        }
        if loading || reload {
            self.update(|st| st.open_when_ready = true);
        } else {
            self.open_dialog();
        }
    }

    /// The browser is online again: a load that failed for want of a connection (or any
    /// failure a new attempt may fix) is tried again without the donor asking.
    fn on_online(&self) {
        if self.with(State::load_may_be_retried) {
            self.load();
        }
    }

    // ---- the dialog ----

    fn open_dialog(&self) {
        if !self.0.alive.get() || self.with(|st| !st.is_ready() && st.tracking.is_none()) {
            return;
        }
        let dialog = {
            let st = self.0.state.borrow();
            self.0.view.borrow_mut().dialog(&st, &self.fixed(), dom::now_ms()).clone()
        };
        if dialog.open() || dialog.show_modal().is_err() {
            return;
        }
        dom::lock_scroll();
        self.emit(WidgetEvent::Open);
        // The first control of the form (or of the outcome) gets focus, not the close button.
        let body = dialog.query_selector(".sir-dialog__body").ok().flatten();
        let first = body.map(|b| dom::focusables(&b)).and_then(|f| f.into_iter().next());
        let _ = match first {
            Some(el) => el.focus(),
            None => dom::focusables(&dialog).first().map_or(Ok(()), |el| el.focus()),
        };
    }

    fn close_dialog(&self) {
        let Some(dialog) = self.dialog().filter(|d| d.open()) else { return };
        dialog.close();
        dom::unlock_scroll();
        self.emit(WidgetEvent::Close);
        let _ = self.0.view.borrow().button.focus();
    }

    /// Moves focus to the first field with a problem, so keyboard and screen-reader users land on it.
    fn focus_first_invalid(&self) {
        let Some(dialog) = self.dialog() else { return };
        if let Ok(Some(el)) = dialog.query_selector("[aria-invalid='true']")
            && let Ok(el) = el.dyn_into::<HtmlElement>()
        {
            let _ = el.focus();
        }
    }

    // ---- submitting ----

    /// One submission: at most one create-link request, whatever the clicks and key repeats.
    fn submit(&self) {
        let now = dom::now_ms();
        let checked = self.update(|st| {
            if st.busy() || st.seconds_to_wait(now).is_some() {
                return None;
            }
            let tips = st.config()?.tips();
            match st.input.validate(tips.as_ref(), self.0.locale) {
                Ok(valid) => {
                    st.errors = Default::default();
                    st.alert = None;
                    st.notice = None;
                    st.submitting = true;
                    Some(Ok(valid))
                }
                Err(errors) => {
                    st.errors = errors;
                    Some(Err(()))
                }
            }
        });
        let valid = match checked.flatten() {
            Some(Ok(valid)) => valid,
            Some(Err(())) => return self.focus_first_invalid(),
            None => return,
        };
        let i = &self.0;
        let request = valid.to_request(&i.slug, i.options.provider, i.options.referral_code.as_deref());
        let mode = i.options.checkout;
        // The checkout window must open now, inside the click, or popup blockers refuse it.
        let window = match mode {
            CheckoutMode::Redirect => None,
            mode => i.navigator.open_window(mode, i.s.preparing_checkout),
        };
        let blocked = mode != CheckoutMode::Redirect && window.is_none();
        let amount = valid.amount;
        let w = self.clone();
        spawn_local(async move {
            let result = w.0.client.create_link(&request).await;
            if w.update(|st| st.submitting = false).is_none() {
                return; // the widget was removed meanwhile
            }
            match result {
                Ok(link) => {
                    let id = link.partner_donation_id;
                    w.emit(WidgetEvent::link_created(&id));
                    let pending = PendingDonation::new(&id, amount, dom::now_ms());
                    if let Some(json) = pending.to_json() {
                        dom::storage_set(&w.0.storage_key, &json);
                    }
                    match window {
                        Some(window) => {
                            window.navigate(&link.checkout_url);
                            w.0.window.replace(Some(window));
                            w.track(id, amount, true);
                        }
                        None => {
                            w.update(|st| {
                                if blocked {
                                    st.notice = Some(w.0.s.popup_blocked);
                                }
                                st.redirecting = true;
                            });
                            w.0.navigator.redirect(&link.checkout_url);
                        }
                    }
                }
                Err(error) => {
                    if let Some(window) = window {
                        window.close();
                    }
                    dom::console_error(&error.developer_message());
                    w.emit(WidgetEvent::from_error(&error));
                    let retry_at_ms = match &error {
                        ApiError::RateLimited { retry_after } => {
                            Some(dom::now_ms() + retry_after.map_or(5_000.0, |d| d.as_secs_f64() * 1000.0))
                        }
                        _ => None,
                    };
                    w.update(|st| {
                        if let ApiError::Validation { problems, .. } = &error {
                            problems.iter().for_each(|p| st.errors.mark_server_field(p.field));
                        }
                        st.alert = Some(Alert { error, retry_at_ms });
                    });
                    if let Some(at) = retry_at_ms {
                        w.count_down(at);
                    }
                }
            }
        });
    }

    /// Re-renders every second until `until_ms`, for the rate-limit countdown.
    fn count_down(&self, until_ms: f64) {
        let w = self.clone();
        spawn_local(async move {
            while dom::now_ms() < until_ms {
                crate::timer::sleep(std::time::Duration::from_millis(1000)).await;
                if w.update(|_| ()).is_none() {
                    break;
                }
            }
        });
    }

    // ---- following a donation ----

    /// Picks up a donation left in session storage by an earlier visit of this page.
    fn resume_pending(&self) {
        let key = &self.0.storage_key;
        // An entry that is unreadable, stale, or whose id is not of the shape a URL path may
        // take is dropped before any request.
        let Some(pending) = dom::storage_get(key).and_then(|text| PendingDonation::from_json(&text, dom::now_ms()))
        else {
            dom::storage_remove(key);
            return;
        };
        let id = pending.partner_donation_id;
        let already = self.with(|st| st.tracking.as_ref().is_some_and(|t| t.id == id.as_str()));
        if !already {
            self.track(id, Cents(pending.amount), false);
        }
    }

    /// Follows a donation's status with backoff until it is final or ten minutes have passed.
    fn track(&self, id: DonationId, amount: Cents, elsewhere: bool) {
        let id_text = id.as_str().to_owned();
        let tracking = Tracking { id: id_text.clone(), amount, status: None, elsewhere };
        self.update(|st| st.tracking = Some(tracking));
        let w = self.clone();
        spawn_local(async move {
            let mut schedule = PollSchedule::new(dom::now_ms());
            let mut last: Option<StatusWord> = None;
            let current =
                |w: &Widget| w.0.alive.get() && w.with(|st| st.tracking.as_ref().is_some_and(|t| t.id == id_text));
            // Stops when removed, or replaced by a newer donation.
            while current(&w) {
                match w.0.client.status(&id).await {
                    Ok(status) => {
                        if !current(&w) {
                            break;
                        }
                        let word = status.status.clone();
                        if last.as_ref() != Some(&word) {
                            w.emit(WidgetEvent::status(&id, &word));
                            last = Some(word.clone());
                        }
                        w.update(|st| {
                            if let Some(t) = &mut st.tracking {
                                t.status = Some(status);
                            }
                        });
                        if word.is_paid() || word.is_unsuccessful() {
                            w.open_dialog();
                        }
                        if word.is_final() {
                            dom::storage_remove(&w.0.storage_key);
                            break;
                        }
                    }
                    Err(ApiError::NotFound { .. }) => {
                        dom::storage_remove(&w.0.storage_key);
                        w.update(|st| st.tracking = None);
                        break;
                    }
                    // Anything else may pass: keep asking until the time is up.
                    Err(_) => {}
                }
                match schedule.next_delay(dom::now_ms()) {
                    Some(wait) => crate::timer::sleep(wait).await,
                    None => break,
                }
            }
        });
    }

    /// Leaves the outcome for the form again, keeping what the donor typed.
    fn start_over(&self) {
        dom::storage_remove(&self.0.storage_key);
        self.update(|st| {
            st.tracking = None;
            st.redirecting = false;
        });
    }
}
