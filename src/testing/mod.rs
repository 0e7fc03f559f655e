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

mod dom;
mod drive;
mod events;
mod navigations;
mod read;
mod widget;

use dom::*;
pub use events::EventLog;
pub use navigations::{Navigations, recording_navigator};
pub use widget::Widget;

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
