//! One HTTP exchange with a timeout, in the browser, through gloo-net.
//!
//! The timeout is an `AbortSignal.timeout`, which aborts the fetch and the reading of its body,
//! so a hung request frees its connection instead of lingering after the widget has given up on
//! it. (Browsers from before 2022 lack it; there requests go out without a time limit.)

use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder};
use wasm_bindgen::prelude::*;
use web_sys::{AbortSignal, RequestCredentials};

use super::error::{ApiError, RawResponse};
use crate::key::PublishableKey;

#[wasm_bindgen]
extern "C" {
    /// `AbortSignal.timeout(ms)`. Bound here with `catch` so that a browser without it (before
    /// 2022) makes an `Err` instead of an exception through the wasm.
    #[wasm_bindgen(js_namespace = AbortSignal, js_name = timeout, catch)]
    fn abort_after(ms: u32) -> Result<AbortSignal, JsValue>;
}

/// The request's method, and the body of a POST.
pub(crate) enum Method {
    Get,
    /// POST with a JSON body.
    Post(String),
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
    // Without `AbortSignal.timeout` the request still goes out, only without a time limit.
    let signal = abort_after(timeout.as_millis().min(u32::MAX as u128) as u32).ok();
    let builder = |request: RequestBuilder| {
        request
            .header("X-Partner-Key", key.as_header_value())
            // The widget never needs cookies, and sending none keeps the API call anonymous.
            .credentials(RequestCredentials::Omit)
            .abort_signal(signal.as_ref())
    };
    // The signal rejects with a `TimeoutError` once the time is up.
    let failed = |error: gloo_net::Error| match error {
        gloo_net::Error::JsError(e) if e.name == "TimeoutError" => ApiError::Timeout { after: timeout },
        gloo_net::Error::JsError(e) => ApiError::Network { detail: e.message },
        other => ApiError::Network { detail: other.to_string() },
    };
    let request = match method {
        Method::Get => builder(Request::get(url)).build(),
        Method::Post(body) => builder(Request::post(url)).header("Content-Type", "application/json").body(body),
    }
    .map_err(failed)?;
    let response = request.send().await.map_err(failed)?;
    let retry_after = response.headers().get("retry-after");
    let body = response.text().await.map_err(failed)?;
    Ok(RawResponse { status: response.status(), retry_after, body })
}
