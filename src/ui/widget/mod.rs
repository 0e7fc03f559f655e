//! The widget inside its shadow root: the donor flow, shown in a dialog opened by a donate
//! button or inline in the page, and the return from checkout.
//!
//! Plain DOM rather than a view framework, because every byte of it is paid on partners' pages:
//! the state is one [`State`](state::State), each change goes through [`Widget::update`], which
//! syncs the DOM (`view`), and one handler shared by the page's widgets handles every click,
//! key and keystroke (`listen`). The flows that change the state each have their room: loading
//! (`load`), what the donor types and picks (`input`), showing the flow (`present`), submitting
//! (`submit`) and following a donation (`follow`). The Leptos
//! [`DonateButton`](super::DonateButton) and the script-tag embed both mount it with [`mount`].

mod follow;
mod hooks;
mod input;
mod listen;
mod load;
mod present;
mod state;
mod submit;
mod view;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::HtmlElement;

use super::dom;
use super::events::{Emitter, WidgetEvent};
use super::navigation::{CheckoutWindow, Navigator};
use super::setup::Setup;
use super::shadow;
use crate::api::{Client, Slug};
use crate::donation::{Mode, PendingDonation, WidgetOptions};
use crate::i18n::{Locale, Strings};
use state::State;
use view::{Fixed, View};

/// What an integrator may change on a mounted widget (the component's reactive props): read
/// afresh by every flow, replaced whole by [`Widget::reconfigure`].
struct Settings {
    s: &'static Strings,
    locale: Locale,
    options: WidgetOptions,
    label: String,
}

struct Inner {
    settings: RefCell<Rc<Settings>>,
    client: Client,
    slug: Slug,
    navigator: Navigator,
    emitter: Emitter,
    storage_key: String,
    state: RefCell<State>,
    view: RefCell<View>,
    window: RefCell<Option<CheckoutWindow>>,
    alive: Cell<bool>,
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
    /// Opens the dialog (inline: moves focus into the form), now if the widget is ready, or as
    /// soon as it is.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub fn open(&self) {
        if let Some(w) = &self.widget {
            w.request_open();
        }
    }

    /// Applies changed options in place (see [`Widget::reconfigure`]).
    #[cfg_attr(not(feature = "leptos"), allow(dead_code))]
    pub fn reconfigure(&self, setup: Setup) {
        if let Some(w) = &self.widget {
            w.reconfigure(setup);
        }
    }

    /// A control that opens and closes this widget, for the component's handle; none for a
    /// configuration problem.
    #[cfg_attr(not(feature = "leptos"), allow(dead_code))]
    pub fn control(&self) -> Option<WidgetControl> {
        self.widget.clone().map(WidgetControl)
    }

    /// Removes the widget and everything it registered; idempotent.
    pub fn unmount(&mut self) {
        if let Some(w) = self.widget.take() {
            w.unmount();
        }
        self.container.remove();
    }
}

/// Opens and closes a mounted widget; shares it, so it is dropped with the last clone but does
/// nothing once the widget is unmounted.
#[derive(Clone)]
#[cfg_attr(not(feature = "leptos"), allow(dead_code))]
pub(crate) struct WidgetControl(Widget);

#[cfg_attr(not(feature = "leptos"), allow(dead_code))]
impl WidgetControl {
    /// Opens the dialog (inline: focus into the form), now or once the widget is ready.
    pub fn open(&self) {
        if self.0.0.alive.get() {
            self.0.request_open();
        }
    }

    /// Closes the dialog, if open.
    pub fn close(&self) {
        self.0.update(|st| st.open_when_ready = false);
        self.0.close_dialog();
    }
}

impl Drop for WidgetHandle {
    fn drop(&mut self) {
        self.unmount();
    }
}

/// Mounts the widget in `host`'s shadow root (made if missing).
pub(crate) fn mount(host: HtmlElement, setup: Setup) -> Option<WidgetHandle> {
    let display = match setup.options.mode {
        Mode::Button => "inline-block",
        Mode::Inline => "block",
    };
    let _ = host.style().set_property("display", display);
    let container = shadow::prepare(&host)?;
    let doc = host.owner_document()?;
    let s = setup.locale.strings();
    let theme = setup.options.theme.as_str();
    let emitter = Emitter { host, nonprofit: setup.nonprofit, callback: setup.on_event };
    let (client, slug) = match setup.client {
        Ok(pair) => pair,
        Err(problem) => {
            // Shown to the site developer, once in the console and in place of the widget; no
            // request is made.
            dom::console_error(&problem.message);
            View::config_problem(&doc, &container, theme, s.key_problem_title, &problem.message);
            emitter.emit(WidgetEvent::problem(problem.code, problem.summary));
            return Some(WidgetHandle { container, widget: None });
        }
    };
    let label = setup.label.unwrap_or_else(|| s.donate.to_owned());
    let view = View::new(doc, &container, theme, setup.options.mode, &label, s);
    let state = State::new(&setup.options);
    let storage_key = PendingDonation::storage_key(&client.key().masked(), slug.as_str());
    let w = Widget(Rc::new(Inner {
        settings: RefCell::new(Rc::new(Settings { s, locale: setup.locale, options: setup.options, label })),
        state: RefCell::new(state),
        client,
        slug,
        navigator: setup.navigator,
        emitter,
        storage_key,
        view: RefCell::new(view),
        window: RefCell::new(None),
        alive: Cell::new(true),
    }));
    w.listen();
    w.load(); // renders the loading state
    w.resume_pending();
    if setup.autofocus {
        // The embed's placeholder had focus: keyboard users keep their place. After the caller's
        // own calls, though: a widget it opens at once (a donor clicked the placeholder) focuses
        // its dialog instead, and a focus on the button first would only cost the page a layout.
        let w = w.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let opening = w.with(|st| st.open_when_ready) || w.dialog().is_some_and(|d| d.open());
            if !opening {
                w.focus_home();
            }
        });
    }
    Some(WidgetHandle { container, widget: Some(w) })
}

impl Widget {
    /// The settings now (a change replaces them, so a flow keeps the ones it started with).
    fn settings(&self) -> Rc<Settings> {
        self.0.settings.borrow().clone()
    }

    /// Calls `f` with what the view needs besides the state.
    fn with_fixed<T>(&self, f: impl FnOnce(&Fixed) -> T) -> T {
        let set = self.settings();
        let options = &set.options;
        f(&Fixed {
            s: set.s,
            locale: set.locale,
            slug: self.0.slug.as_str(),
            presets: &options.presets,
            frequencies: &options.frequencies,
        })
    }

    fn render(&self) {
        if !self.0.alive.get() {
            return;
        }
        let st = self.0.state.borrow();
        self.with_fixed(|fixed| self.0.view.borrow_mut().sync(&st, fixed, dom::now_ms()));
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

    /// New settings from the integrator, applied in place: texts (language, label), theme,
    /// presets and frequencies, provider, checkout mode, referral code. What the donor typed and
    /// the state of a submission or a followed donation stay; choices the new options no longer
    /// offer fall back to the new defaults. The parts of the view built from the old settings
    /// are built again, and focus returns to the element the donor was on.
    fn reconfigure(&self, setup: Setup) {
        let s = setup.locale.strings();
        let label = setup.label.unwrap_or_else(|| s.donate.to_owned());
        let new = Settings { s, locale: setup.locale, options: setup.options, label };
        let old = self.settings();
        let unchanged = std::ptr::eq(old.s, new.s) && old.options == new.options && old.label == new.label;
        if unchanged || !self.0.alive.get() {
            return;
        }
        self.0.settings.replace(Rc::new(new));
        let set = self.settings();
        let focused = self.0.view.borrow().focused_id();
        self.0.view.borrow_mut().restyle(set.options.theme.as_str(), &set.label, set.s);
        self.update(|st| st.adapt_to(&set.options));
        if let Some(id) = focused {
            self.0.view.borrow().focus_id(&id);
        }
    }

    fn is_inline(&self) -> bool {
        self.settings().options.mode == Mode::Inline
    }
}
