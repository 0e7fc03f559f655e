//! One HTTP exchange with a timeout, in the browser (fetch through gloo-net).
//!
//! The timeout aborts the fetch with an `AbortController`, so a hung request frees its
//! connection instead of lingering after the widget has given up on it.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder};
use gloo_timers::callback::Timeout;
use web_sys::{AbortController, RequestCredentials};

use super::error::{ApiError, RawResponse};
use crate::key::PublishableKey;

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
    let network = |detail: String| ApiError::Network { detail };
    let controller = AbortController::new().map_err(|_| network("AbortController is unavailable".into()))?;
    let timed_out = Rc::new(Cell::new(false));
    // Dropping the timer (when this function returns) cancels it.
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::new(timeout.as_millis().min(u32::MAX as u128) as u32, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let builder = |b: RequestBuilder| {
        b.header("X-Partner-Key", key.as_header_value())
            // The widget never needs cookies, and sending none keeps the API call anonymous.
            .credentials(RequestCredentials::Omit)
            .abort_signal(Some(&controller.signal()))
    };
    let request = match method {
        Method::Get => builder(Request::get(url)).build(),
        Method::Post(body) => builder(Request::post(url)).header("Content-Type", "application/json").body(body),
    }
    .map_err(|e| network(e.to_string()))?;

    let failed = |e: gloo_net::Error| {
        if timed_out.get() { ApiError::Timeout { after: timeout } } else { network(e.to_string()) }
    };
    let response = request.send().await.map_err(failed)?;
    let status = response.status();
    let retry_after = response.headers().get("retry-after");
    let body = response.text().await.map_err(failed)?;
    Ok(RawResponse { status, retry_after, body })
}
