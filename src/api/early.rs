//! Answers the script-tag loader asked for before the widget arrived.
//!
//! The loader (`js/sir-donate.js`) knows each widget's key, API base and nonprofit from its
//! attributes, so it starts the configuration and nonprofit requests beside the download of the
//! glue and the wasm instead of after them: two round trips (CORS preflight, then the request)
//! sooner on a slow network. It hands them over at mount as a `Map` from `"{url}{key}"` to a
//! promise of the answer's body (the loader reads it, for a success only). A GET takes the one
//! that matches the request it would send, exactly once, if it succeeded; anything else (another
//! URL, a retry, an early request that failed) goes out as usual, through the retry policy. A
//! request the loader got wrong is a wasted request, never a wrong answer: the widget takes only
//! the answer to its own URL and key.

use std::cell::RefCell;

use wasm_bindgen::JsValue;

use crate::text::cat;

thread_local! {
    static EARLY: RefCell<Option<js_sys::Map>> = const { RefCell::new(None) };
}

/// Keeps the loader's early requests (the same `Map` for every widget of the page).
pub fn adopt(requests: js_sys::Map) {
    EARLY.with(|early| *early.borrow_mut() = Some(requests));
}

/// The body of the loader's answer to `url` with `key`, if it sent that request, has not handed
/// it to anyone yet, and got a success (2xx) back: the promise resolves to the body's text, or
/// to something else when there is none (a failure, which the caller sends again itself).
pub(crate) fn take(url: &str, key: &str) -> Option<js_sys::Promise> {
    EARLY.with(|early| {
        let early = early.borrow();
        let requests = early.as_ref()?;
        let id = JsValue::from_str(&cat(&[url, key]));
        let body = requests.get(&id);
        requests.delete(&id);
        (!body.is_undefined()).then(|| js_sys::Promise::resolve(&body))
    })
}
