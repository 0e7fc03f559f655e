//! The widget's listeners, shared by the page so that a page of many closed buttons holds no
//! listener per button.
//!
//! One handler serves every widget. It hears, once for the page, the events that cross shadow
//! roots and may happen anywhere in a widget (`click` and `focusin`, on the document
//! in the capture phase) and the window's `pageshow` and `online`; and, on each flow's frame once
//! the frame exists (a dialog's first open, an inline panel at mount), what happens only inside
//! it and may not leave the widget's shadow root (`change`, `submit`, `cancel`, and an `input` or
//! `keydown` a script dispatches without `composed`). It hands an event to the widget whose root
//! is on the event's path. The page's listeners go when its last widget is unmounted; a frame's
//! go with the frame.
//!
//! A widget mounted inside a closed shadow root is out of the document's sight (the event's path
//! stops at that root's host), so its button would not answer: the embed's and the component's
//! hosts are open.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, Event, EventTarget, KeyboardEvent};

use super::hooks::{Action, TextInput};
use super::{Widget, dom};
use crate::donation::AmountChoice;

/// Heard on the flow's frame.
const FRAME_EVENTS: [&str; 5] = ["change", "submit", "cancel", "input", "keydown"];

thread_local! {
    /// The page's mounted widgets.
    static WIDGETS: RefCell<Vec<Widget>> = const { RefCell::new(Vec::new()) };
    /// The one handler, made once and kept for the page's life.
    static HANDLER: Closure<dyn Fn(Event)> = Closure::new(on_page_event);
}

/// Adds (or removes) the handler on `target` for each of `kinds`, in the capture phase. Adding it
/// again for the same kind does nothing (the DOM keeps one registration).
fn listen_on(target: &EventTarget, kinds: &[&str], add: bool) {
    HANDLER.with(|h| {
        for kind in kinds {
            let h = h.as_ref().unchecked_ref();
            let _ = if add {
                target.add_event_listener_with_callback_and_bool(kind, h, true)
            } else {
                target.remove_event_listener_with_callback_and_bool(kind, h, true)
            };
        }
    });
}

/// The page's listeners: added with the first widget, removed with the last.
fn listen_to_page(add: bool) {
    let Some(window) = web_sys::window() else { return };
    if let Some(document) = window.document() {
        listen_on(&document, &["click", "focusin"], add);
    }
    listen_on(&window, &["pageshow", "online"], add);
}

/// Every event the widgets hear.
fn on_page_event(event: Event) {
    let kind = event.type_();
    // Copies, so that a widget's handling may mount or unmount widgets.
    let widgets = || WIDGETS.with(|w| w.borrow().clone());
    match kind.as_str() {
        // Back/forward cache: the page comes back as it was left, mid-redirect; look again.
        "pageshow" if event.dyn_ref::<web_sys::PageTransitionEvent>().is_some_and(|e| e.persisted()) => {
            widgets().iter().for_each(Widget::on_page_shown_again)
        }
        "online" => widgets().iter().for_each(Widget::on_online),
        _ => {
            // Heard outside a shadow root, the target is retargeted to its host: the path's
            // first node is the element the event happened on, in the same tree as the root of
            // the widget it belongs to (a widget's elements are all in its shadow root).
            let Ok(target) = event.composed_path().get(0).dyn_into::<Element>() else { return };
            let w =
                WIDGETS.with(|w| w.borrow().iter().find(|w| w.0.view.borrow().root.contains(Some(&target))).cloned());
            if let Some(w) = w {
                w.on_event(&event, &kind, target);
            }
        }
    }
}

impl Widget {
    /// Joins the page's widgets (the first one installs the page's listeners); an inline
    /// panel's frame exists already.
    pub(super) fn listen(&self) {
        if WIDGETS.with(|w| {
            let mut w = w.borrow_mut();
            w.push(self.clone());
            w.len() == 1
        }) {
            listen_to_page(true);
        }
        self.listen_to_frame();
    }

    /// Listens on the flow's frame, once it exists (the dialog's first open; inline, at once).
    pub(super) fn listen_to_frame(&self) {
        if let Some((frame, _)) = self.0.view.borrow().flow() {
            listen_on(frame, &FRAME_EVENTS, true);
        }
    }

    /// The page came back from the back/forward cache.
    fn on_page_shown_again(&self) {
        self.update(|st| {
            st.redirecting = false;
            st.submitting = false;
        });
        self.resume_pending();
    }

    pub(super) fn unmount(&self) {
        if !self.0.alive.replace(false) {
            return;
        }
        if WIDGETS.with(|w| {
            let mut w = w.borrow_mut();
            w.retain(|w| w.0.alive.get());
            w.is_empty()
        }) {
            listen_to_page(false);
        }
        if let Some(dialog) = self.dialog().filter(|d| d.open()) {
            dialog.close();
            dom::unlock_scroll();
        }
        self.0.view.borrow().root.remove();
    }

    /// The one handler for everything that happens inside the widget, on `target`.
    fn on_event(&self, event: &Event, kind: &str, target: Element) {
        let dialog = self.dialog();
        let on_dialog = dialog.as_ref().is_some_and(|d| d.is_same_node(Some(&target)));
        let in_dialog = dialog.as_ref().is_some_and(|d| d.contains(Some(&target)));
        match kind {
            // A click on the backdrop lands on the <dialog> element itself.
            "click" if on_dialog => self.close_dialog(),
            "click" => match Action::of(&target) {
                Some(Action::Open) => self.request_open(),
                Some(Action::Reload) => self.reload(),
                Some(Action::Close) => self.close_dialog(),
                Some(Action::Retry) => self.submit(),
                Some(Action::Done) => {
                    self.close_dialog();
                    self.start_over();
                }
                Some(Action::Again) => self.start_over(),
                None => {}
            },
            "submit" => {
                event.prevent_default();
                self.submit();
            }
            "input" => self.on_input(&target),
            "change" => self.on_choice(&target),
            // Back in "other amount": what the donor typed there is the amount again.
            "focusin" if TextInput::of(&target) == Some(TextInput::Amount) => {
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
}
