//! Waiting in the browser: `setTimeout` as a future, for retry backoff, status polling and the
//! rate-limit countdown. A promise over the browser's timer is all it takes, so no timer crate
//! is shipped in the wasm.

use std::time::Duration;

use wasm_bindgen_futures::JsFuture;

/// Resolves once `wait` has passed. A sleep dropped early (its widget was removed) leaves the
/// browser's timer to fire into a promise nobody awaits, which is harmless.
pub(crate) async fn sleep(wait: Duration) {
    let ms = wait.as_millis().min(i32::MAX as u128) as i32;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
