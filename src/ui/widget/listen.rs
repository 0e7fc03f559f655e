//! The widget's listeners: one delegated listener on its root for everything that happens
//! inside (dispatched by the element hooks), and the window's `pageshow` and `online`.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, Event, KeyboardEvent};

use super::hooks::{Action, TextInput};
use super::{Widget, dom};
use crate::donation::AmountChoice;

/// The events the root listens to; `cancel` and `focusin` arrive in the capture phase.
/// `pointerover` is a donor heading for the widget (see `Widget::prepare`).
const EVENTS: [&str; 8] = ["click", "submit", "input", "change", "focusin", "keydown", "cancel", "pointerover"];

/// A DOM listener owned by the widget.
pub(super) type Listener = Closure<dyn Fn(Event)>;

impl Widget {
    pub(super) fn listen(&self) {
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

    pub(super) fn unmount(&self) {
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
