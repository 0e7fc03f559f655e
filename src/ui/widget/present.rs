//! Showing the flow to the donor, by container: the dialog opens modal (top layer, focus trap,
//! Esc, scroll lock, focus returned to the button on close); the inline panel is always shown,
//! so "opening" it moves focus into it.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement};

use super::{Widget, dom};
use crate::ui::events::WidgetEvent;

impl Widget {
    pub(super) fn dialog(&self) -> Option<HtmlDialogElement> {
        self.0.view.borrow().dialog().cloned()
    }

    /// Focus on the donate button, or on the inline panel.
    pub(super) fn focus_home(&self) {
        let view = self.0.view.borrow();
        let home = match view.button() {
            Some(button) => Some(button.clone()),
            None => view.flow().and_then(|(frame, _)| frame.clone().dyn_into::<HtmlElement>().ok()),
        };
        if let Some(home) = home {
            let _ = home.focus();
        }
    }

    /// Opens the dialog, or moves focus into the inline form, when there is something to show.
    pub(super) fn present(&self) {
        if !self.0.alive.get() || self.with(|st| !st.is_ready() && st.tracking.is_none()) {
            return;
        }
        if self.is_inline() {
            return self.focus_first_control();
        }
        let dialog = {
            let st = self.0.state.borrow();
            self.with_fixed(|fixed| self.0.view.borrow_mut().dialog_to_open(&st, fixed, dom::now_ms()))
        };
        let Some(dialog) = dialog else { return };
        self.listen_to_frame();
        if dialog.open() {
            return;
        }
        // The page's scroll is locked first, and the control to focus marked `autofocus`, so that
        // `showModal` focuses it in its own layout: a focus moved afterwards would cost the page
        // another style and layout pass in the same task (measured: 5–8 ms of a first open).
        dom::lock_scroll();
        let first = self.first_control();
        if let Some(el) = &first {
            let _ = el.set_attribute("autofocus", "");
        }
        let shown = dialog.show_modal();
        if let Some(el) = &first {
            let _ = el.remove_attribute("autofocus");
        }
        if shown.is_err() {
            dom::unlock_scroll();
            return;
        }
        self.emit(WidgetEvent::Open);
        // Where the browser does not follow `autofocus` in a dialog (or a listener of the open
        // event moved focus), the focus is moved by hand.
        if let Some(el) = first.filter(|el| dom::active_element(el).is_none_or(|a| !a.is_same_node(Some(el)))) {
            let _ = el.focus();
        }
    }

    /// The outcome of a followed donation is known: the dialog opens to show it; inline, it is
    /// already in place (and announced), so focus stays where the donor is.
    pub(super) fn show_outcome(&self) {
        if !self.is_inline() {
            self.present();
        }
    }

    /// Moves focus to the first control of the body.
    fn focus_first_control(&self) {
        if let Some(el) = self.first_control() {
            let _ = el.focus();
        }
    }

    /// The first control of the body (the form, or the outcome), not the close button; the
    /// frame's first (the close button) when the body has none.
    fn first_control(&self) -> Option<HtmlElement> {
        let (frame, body) = self.0.view.borrow().flow().map(|(f, b)| (f.clone(), b))?;
        let first = body.map(|b| dom::focusables(&b)).and_then(|f| f.into_iter().next());
        first.or_else(|| dom::focusables(&frame).into_iter().next())
    }

    pub(super) fn close_dialog(&self) {
        let Some(dialog) = self.dialog().filter(|d| d.open()) else { return };
        dialog.close();
        dom::unlock_scroll();
        self.emit(WidgetEvent::Close);
        self.focus_home();
    }

    /// Moves focus to the first field with a problem, so keyboard and screen-reader users land on it.
    pub(super) fn focus_first_invalid(&self) {
        let Some(frame) = self.0.view.borrow().flow().map(|(f, _)| f.clone()) else { return };
        if let Some(el) = first_invalid(&frame) {
            let _ = el.focus();
        }
    }
}

fn first_invalid(frame: &Element) -> Option<HtmlElement> {
    frame.query_selector("[aria-invalid='true']").ok().flatten()?.dyn_into::<HtmlElement>().ok()
}
