//! One HTTP exchange with a timeout, in the browser (the browser's `fetch`).
//!
//! The timeout is an `AbortSignal.timeout`, which aborts the fetch and the reading of its body,
//! so a hung request frees its connection instead of lingering after the widget has given up on
//! it. (Browsers from before 2022 lack it; there requests go out without a time limit.)

use std::time::Duration;

use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, RequestCredentials, RequestInit, Response};

use super::error::{ApiError, RawResponse};
use crate::key::PublishableKey;

#[wasm_bindgen]
extern "C" {
    /// `AbortSignal.timeout(ms)`. Bound here with `catch` so that a browser without it (before
    /// 2022) makes an `Err` instead of an exception through the wasm.
    #[wasm_bindgen(js_namespace = AbortSignal, js_name = timeout, catch)]
    fn abort_after(ms: u32) -> Result<AbortSignal, JsValue>;
}

pub(crate) enum Method {
    Get,
    /// POST with a JSON body.
    Post(String),
}

/// The browser's words for a failed fetch ("Failed to fetch", "signal is aborted…").
fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => "the request failed".to_owned(),
    }
}

/// Sends one request with the partner key and reads the whole answer, or fails with
/// `Network` / `Timeout`. HTTP error statuses are not errors here: [`super::error::interpret`]
/// decides what they mean.
pub(crate) async fn send(
    method: Method,
    url: &str,
    key: &PublishableKey,
    timeout: Duration,
) -> Result<RawResponse, ApiError> {
    let network = |detail: String| ApiError::Network { detail };
    let window = web_sys::window().ok_or_else(|| network("no window to fetch from".into()))?;
    // Without `AbortSignal.timeout` the request still goes out, only without a time limit.
    let signal = abort_after(timeout.as_millis().min(u32::MAX as u128) as u32).ok();
    let headers = Headers::new().map_err(|e| network(describe(&e)))?;
    let _ = headers.set("X-Partner-Key", key.as_header_value());
    let init = RequestInit::new();
    // The widget never needs cookies, and sending none keeps the API call anonymous.
    init.set_credentials(RequestCredentials::Omit);
    init.set_signal(signal.as_ref());
    match method {
        Method::Get => init.set_method("GET"),
        Method::Post(body) => {
            init.set_method("POST");
            let _ = headers.set("Content-Type", "application/json");
            init.set_body(&JsValue::from_str(&body));
        }
    }
    init.set_headers(&headers);

    // The signal rejects with a `TimeoutError` once the time is up.
    let failed = |e: JsValue| {
        let timed_out = e.dyn_ref::<js_sys::Error>().is_some_and(|e| e.name() == "TimeoutError");
        if timed_out { ApiError::Timeout { after: timeout } } else { network(describe(&e)) }
    };
    let response: Response =
        JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(failed)?.unchecked_into();
    let status = response.status();
    let retry_after = response.headers().get("retry-after").ok().flatten();
    let text = response.text().map_err(failed)?;
    let body = JsFuture::from(text).await.map_err(failed)?.as_string().unwrap_or_default();
    Ok(RawResponse { status, retry_after, body })
}
