//! Small DOM helpers: focus management for the modal dialog, page-scroll lock, session storage
//! and the console. Each fails softly: a missing browser feature never panics the widget.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, ShadowRoot};

const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]):not([type=radio]), \
    input[type=radio]:checked:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// The focusable elements inside `container`, in document order.
pub fn focusables(container: &Element) -> Vec<HtmlElement> {
    let Ok(list) = container.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
}

/// The focused element, looking inside the shadow root that holds `inside`.
pub fn active_element(inside: &Element) -> Option<Element> {
    let root = inside.get_root_node();
    match root.dyn_ref::<ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => web_sys::window()?.document()?.active_element(),
    }
}

/// Keeps Tab and Shift+Tab cycling inside `dialog`. Focus is moved by hand rather than left to
/// the browser, so it never escapes to the page behind the dialog.
pub fn trap_tab(dialog: &Element, event: &KeyboardEvent) {
    let items = focusables(dialog);
    if items.is_empty() {
        event.prevent_default();
        return;
    }
    let active = active_element(dialog);
    let index = active.and_then(|a| items.iter().position(|i| a.is_same_node(Some(i))));
    let next = match (index, event.shift_key()) {
        (Some(0) | None, true) => items.len() - 1,
        (Some(i), true) => i - 1,
        (Some(i), false) if i + 1 < items.len() => i + 1,
        _ => 0,
    };
    event.prevent_default();
    let _ = items[next].focus();
}

thread_local! {
    /// How many dialogs hold the scroll lock, and the page's own overflow value to restore.
    static SCROLL_LOCK: RefCell<(u32, String)> = const { RefCell::new((0, String::new())) };
}

/// Stops the page behind an open dialog from scrolling. Nested locks are counted.
pub fn lock_scroll() {
    let Some(style) = root_style() else { return };
    SCROLL_LOCK.with(|lock| {
        let mut lock = lock.borrow_mut();
        if lock.0 == 0 {
            lock.1 = style.get_property_value("overflow").unwrap_or_default();
            let _ = style.set_property("overflow", "hidden");
        }
        lock.0 += 1;
    });
}

pub fn unlock_scroll() {
    let Some(style) = root_style() else { return };
    SCROLL_LOCK.with(|lock| {
        let mut lock = lock.borrow_mut();
        if lock.0 == 0 {
            return;
        }
        lock.0 -= 1;
        if lock.0 == 0 {
            let _ = if lock.1.is_empty() {
                style.remove_property("overflow").map(|_| ())
            } else {
                style.set_property("overflow", &lock.1)
            };
        }
    });
}

fn root_style() -> Option<web_sys::CssStyleDeclaration> {
    let root = web_sys::window()?.document()?.document_element()?;
    Some(root.dyn_into::<HtmlElement>().ok()?.style())
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn storage_get(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

pub fn storage_set(key: &str, value: &str) {
    if let Some(s) = session_storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn storage_remove(key: &str) {
    if let Some(s) = session_storage() {
        let _ = s.remove_item(key);
    }
}

/// One console error for the site developer.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&crate::text::cat(&["sir-donate: ", message]).into());
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
