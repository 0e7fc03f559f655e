//! The one seam through which the widget leaves the page: a redirect, or a checkout window.
//!
//! The browser implementation navigates for real; [`Navigator::recording`] records instead, so
//! tests can observe where a donor would have been sent without leaving the test page.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::api::CheckoutUrl;
use crate::donation::CheckoutMode;
use crate::text::{cat, signed_digits};

/// Something the widget did to take the donor to checkout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Navigation {
    /// The page itself was sent to the link.
    Redirect(String),
    /// A blank checkout window was opened (synchronously, inside the click).
    WindowOpened(CheckoutMode),
    /// The checkout window was pointed at the link.
    WindowNavigated(String),
    /// The checkout window was closed because no link came.
    WindowClosed,
}

/// Where navigations go.
#[derive(Clone, Default)]
pub struct Navigator {
    recorder: Option<Rc<RefCell<Vec<Navigation>>>>,
    block_windows: bool,
}

impl Navigator {
    /// Really navigates: the default.
    pub fn browser() -> Self {
        Self::default()
    }

    /// Records navigations instead of performing them. With `block_windows`, opening a window
    /// fails as it does under a popup blocker.
    pub fn recording(block_windows: bool) -> (Self, Rc<RefCell<Vec<Navigation>>>) {
        let log = Rc::new(RefCell::new(Vec::new()));
        (Self { recorder: Some(log.clone()), block_windows }, log)
    }

    fn record(&self, navigation: Navigation) -> bool {
        match &self.recorder {
            Some(log) => {
                log.borrow_mut().push(navigation);
                true
            }
            None => false,
        }
    }

    /// Sends the page to a checked checkout link.
    pub fn redirect(&self, url: &CheckoutUrl) {
        if self.record(Navigation::Redirect(url.as_str().to_owned())) {
            return;
        }
        if let Some(window) = web_sys::window() {
            let _ = window.location().assign(url.as_str());
        }
    }

    /// Opens a blank checkout window showing `waiting_text`. Must be called synchronously
    /// inside the donor's click, or popup blockers refuse it. `None` when blocked.
    pub fn open_window(&self, mode: CheckoutMode, waiting_text: &str) -> Option<CheckoutWindow> {
        if self.recorder.is_some() {
            if self.block_windows {
                return None;
            }
            self.record(Navigation::WindowOpened(mode));
            return Some(CheckoutWindow { window: None, navigator: self.clone() });
        }
        let window = web_sys::window()?;
        let features = match mode {
            CheckoutMode::Popup => popup_features(&window),
            _ => String::new(),
        };
        let opened = window.open_with_url_and_target_and_features("", "_blank", &features).ok().flatten()?;
        // Text only, never markup; and the checkout page gets no handle back on this page.
        if let Some(body) = opened.document().and_then(|d| d.body()) {
            body.set_text_content(Some(waiting_text));
            let _ = body.style().set_property("font", "16px system-ui, sans-serif");
            let _ = body.style().set_property("padding", "32px");
        }
        let _ = js_sys::Reflect::set(&opened, &JsValue::from_str("opener"), &JsValue::NULL);
        Some(CheckoutWindow { window: Some(opened), navigator: self.clone() })
    }
}

/// A centred popup of a checkout-friendly size.
fn popup_features(window: &web_sys::Window) -> String {
    let (w, h) = (480.0, 720.0);
    let num = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let left = num(window.screen_x()) + (num(window.outer_width()) - w).max(0.0) / 2.0;
    let top = num(window.screen_y()) + (num(window.outer_height()) - h).max(0.0) / 2.0;
    // Whole pixels: formatting them as integers keeps float printing out of the wasm.
    let px = |v: f64| signed_digits(v as i64);
    cat(&["popup,width=", &px(w), ",height=", &px(h), ",left=", &px(left), ",top=", &px(top)])
}

/// A checkout window opened ahead of its link.
pub struct CheckoutWindow {
    window: Option<web_sys::Window>,
    navigator: Navigator,
}

impl CheckoutWindow {
    pub fn navigate(&self, url: &CheckoutUrl) {
        if self.navigator.record(Navigation::WindowNavigated(url.as_str().to_owned())) {
            return;
        }
        if let Some(w) = &self.window {
            let _ = w.location().set_href(url.as_str());
        }
    }

    pub fn close(&self) {
        if self.navigator.record(Navigation::WindowClosed) {
            return;
        }
        if let Some(w) = &self.window {
            let _ = w.close();
        }
    }
}
