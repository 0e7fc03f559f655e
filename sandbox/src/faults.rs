//! Injected faults: queued through `POST /__sandbox/faults`, consumed by the
//! next matching partner-API requests before authentication runs.
//!
//! Faults exist so widget tests can exercise every failure the real service
//! might produce: odd status codes and bodies, slow answers, broken JSON and
//! connections that close without any response at all.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use tokio::sync::Notify;

use crate::errors::ApiError;
use crate::state::AppState;
use crate::sync::lock;

/// Longest delay a fault may ask for; anything longer is surely a typo.
pub const MAX_DELAY_MS: u64 = 300_000;

/// The body a `malformed` fault sends unless it names its own.
pub const MALFORMED_BODY: &str = r#"{"id": "trunc"#;

/// The four widget endpoints a fault can target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    Config,
    Organization,
    CreateLink,
    Status,
}

impl Endpoint {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "config" => Some(Endpoint::Config),
            "organization" => Some(Endpoint::Organization),
            "create-link" => Some(Endpoint::CreateLink),
            "status" => Some(Endpoint::Status),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Endpoint::Config => "config",
            Endpoint::Organization => "organization",
            Endpoint::CreateLink => "create-link",
            Endpoint::Status => "status",
        }
    }

    /// Which endpoint a request path addresses, if any (method is ignored).
    pub fn from_path(path: &str) -> Option<Self> {
        let rest = path.strip_prefix("/v1/partner/")?;
        let one_segment = |s: &str| !s.is_empty() && !s.contains('/');
        match rest {
            "config" => Some(Endpoint::Config),
            "donations/create-link" => Some(Endpoint::CreateLink),
            _ => {
                if rest.strip_prefix("organizations/").is_some_and(one_segment) {
                    Some(Endpoint::Organization)
                } else if rest.strip_prefix("donations/status/").is_some_and(one_segment) {
                    Some(Endpoint::Status)
                } else {
                    None
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// Answer with the given status, headers and body.
    Status,
    /// Wait, then answer normally.
    Delay,
    /// Answer with a body that claims to be JSON but does not parse.
    Malformed,
    /// Close the connection without any response.
    Drop,
}

impl FaultKind {
    fn parse(name: &str) -> Option<Self> {
        match name {
            "status" => Some(FaultKind::Status),
            "delay" => Some(FaultKind::Delay),
            "malformed" => Some(FaultKind::Malformed),
            "drop" => Some(FaultKind::Drop),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            FaultKind::Status => "status",
            FaultKind::Delay => "delay",
            FaultKind::Malformed => "malformed",
            FaultKind::Drop => "drop",
        }
    }
}

/// The control API's request body, before validation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct FaultRequest {
    endpoint: String,
    kind: String,
    status: Option<u16>,
    body: Option<Value>,
    headers: Option<Map<String, Value>>,
    delay_ms: Option<u64>,
    times: Option<u32>,
}

/// A validated fault with the number of requests it still applies to.
#[derive(Debug, Clone)]
pub struct Fault {
    pub endpoint: Endpoint,
    pub kind: FaultKind,
    /// As given; `status` kind defaults it to 500, `malformed` to 200.
    pub status: Option<StatusCode>,
    pub body: Option<Value>,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub delay: Duration,
    pub times: u32,
}

impl Fault {
    /// Parses and validates the control API body; the error is one message.
    pub fn from_json(raw: &[u8]) -> Result<Fault, String> {
        let req: FaultRequest = serde_json::from_slice(raw).map_err(|e| format!("invalid fault: {e}"))?;
        let endpoint = Endpoint::parse(&req.endpoint)
            .ok_or_else(|| "endpoint must be one of: config, organization, create-link, status".to_owned())?;
        let kind = FaultKind::parse(&req.kind)
            .ok_or_else(|| "kind must be one of: status, delay, malformed, drop".to_owned())?;
        let status = match req.status {
            None => None,
            Some(code) if (200..=599).contains(&code) => StatusCode::from_u16(code).ok(),
            Some(_) => return Err("status must be an HTTP status between 200 and 599".to_owned()),
        };
        let mut headers = Vec::new();
        for (name, value) in req.headers.unwrap_or_default() {
            let text = match value {
                Value::String(s) => s,
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => return Err(format!("headers.{name} must be a string")),
            };
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| format!("headers: '{name}' is not a valid header name"))?;
            let value =
                HeaderValue::from_str(&text).map_err(|_| format!("headers.{name} is not a valid header value"))?;
            headers.push((name, value));
        }
        let delay_ms = req.delay_ms.unwrap_or(0);
        if delay_ms > MAX_DELAY_MS {
            return Err(format!("delayMs must be at most {MAX_DELAY_MS}"));
        }
        let times = req.times.unwrap_or(1);
        if times == 0 {
            return Err("times must be at least 1".to_owned());
        }
        Ok(Fault { endpoint, kind, status, body: req.body, headers, delay: Duration::from_millis(delay_ms), times })
    }

    /// The normalised fault, echoed back by the control API.
    pub fn to_json(&self) -> Value {
        let default_status = match self.kind {
            FaultKind::Status => Some(StatusCode::INTERNAL_SERVER_ERROR),
            FaultKind::Malformed => Some(StatusCode::OK),
            FaultKind::Delay | FaultKind::Drop => None,
        };
        let headers: Map<String, Value> = self
            .headers
            .iter()
            .map(|(n, v)| {
                let text = String::from_utf8_lossy(v.as_bytes()).into_owned();
                (n.as_str().to_owned(), Value::String(text))
            })
            .collect();
        json!({
            "endpoint": self.endpoint.as_str(),
            "kind": self.kind.as_str(),
            "status": self.status.or(default_status).map(|s| s.as_u16()),
            "body": self.body,
            "headers": headers,
            "delayMs": u64::try_from(self.delay.as_millis()).unwrap_or(u64::MAX),
            "times": self.times,
        })
    }

    /// The canned answer for `status` and `malformed` faults.
    fn canned_response(&self) -> Response {
        let mut response = match self.kind {
            FaultKind::Malformed => {
                let text = match &self.body {
                    Some(Value::String(s)) => s.clone(),
                    _ => MALFORMED_BODY.to_owned(),
                };
                let status = self.status.unwrap_or(StatusCode::OK);
                (status, [(CONTENT_TYPE, "application/json")], text).into_response()
            }
            _ => {
                let status = self.status.unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                match &self.body {
                    None => ApiError::standard_for(status).into_response(),
                    Some(Value::String(text)) => {
                        (status, [(CONTENT_TYPE, "text/plain; charset=utf-8")], text.clone()).into_response()
                    }
                    Some(other) => (status, axum::Json(other.clone())).into_response(),
                }
            }
        };
        // Given headers win over the defaults above (e.g. a custom Content-Type).
        for (name, value) in &self.headers {
            response.headers_mut().insert(name.clone(), value.clone());
        }
        response
    }
}

/// Marks a response that must not be sent: the connection server sees this
/// extension and closes the connection instead.
#[derive(Debug, Clone, Copy)]
pub struct DropConnection;

fn dropped_response() -> Response {
    let mut response = Response::new(Body::empty());
    response.extensions_mut().insert(DropConnection);
    response
}

/// FIFO queues of pending faults, one per endpoint.
#[derive(Default)]
pub struct FaultQueue {
    queues: Mutex<HashMap<Endpoint, VecDeque<Fault>>>,
    /// Woken when a `drop` is queued: the API listener then closes its idle keep-alive
    /// connections (see `http_server`).
    pub drop_queued: Arc<Notify>,
}

impl FaultQueue {
    /// Queues a fault; returns how many faults are now pending for its endpoint.
    pub fn push(&self, fault: Fault) -> usize {
        let is_drop = fault.kind == FaultKind::Drop;
        let pending = {
            let mut queues = lock(&self.queues);
            let queue = queues.entry(fault.endpoint).or_default();
            queue.push_back(fault);
            queue.len()
        };
        if is_drop {
            self.drop_queued.notify_waiters();
        }
        pending
    }

    /// Uses up one application of the oldest fault for `endpoint`.
    pub fn take(&self, endpoint: Endpoint) -> Option<Fault> {
        let mut queues = lock(&self.queues);
        let queue = queues.get_mut(&endpoint)?;
        let front = queue.front_mut()?;
        front.times = front.times.saturating_sub(1);
        let fault = front.clone();
        if front.times == 0 {
            queue.pop_front();
        }
        Some(fault)
    }

    /// True while any endpoint has a `drop` fault waiting.
    pub fn has_pending_drop(&self) -> bool {
        lock(&self.queues).values().flatten().any(|f| f.kind == FaultKind::Drop)
    }

    pub fn reset(&self) {
        lock(&self.queues).clear();
    }
}

/// Middleware on the partner routes: applies the next queued fault, if any,
/// before the request reaches authentication. Preflights are never faulted so
/// the browser always gets to see the faulted answer itself.
pub async fn apply_faults(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let Some(fault) = Endpoint::from_path(req.uri().path()).and_then(|e| state.faults.take(e)) else {
        return next.run(req).await;
    };
    if !fault.delay.is_zero() {
        tokio::time::sleep(fault.delay).await;
    }
    match fault.kind {
        FaultKind::Delay => next.run(req).await,
        FaultKind::Drop => dropped_response(),
        FaultKind::Status | FaultKind::Malformed => fault.canned_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_endpoints() {
        assert_eq!(Endpoint::from_path("/v1/partner/config"), Some(Endpoint::Config));
        assert_eq!(Endpoint::from_path("/v1/partner/organizations/khan-academy"), Some(Endpoint::Organization));
        assert_eq!(Endpoint::from_path("/v1/partner/donations/create-link"), Some(Endpoint::CreateLink));
        assert_eq!(Endpoint::from_path("/v1/partner/donations/status/pdn_1"), Some(Endpoint::Status));
        assert_eq!(Endpoint::from_path("/v1/partner/organizations/"), None);
        assert_eq!(Endpoint::from_path("/v1/partner/organizations/a/b"), None);
        assert_eq!(Endpoint::from_path("/v1/partner/other"), None);
        assert_eq!(Endpoint::from_path("/logos/x.svg"), None);
    }

    #[test]
    fn defaults_apply() {
        let f = Fault::from_json(br#"{"endpoint":"config","kind":"status"}"#).unwrap();
        assert_eq!(f.times, 1);
        assert_eq!(f.delay, Duration::ZERO);
        let echoed = f.to_json();
        assert_eq!(echoed["status"], 500);
        assert_eq!(echoed["times"], 1);
        assert_eq!(echoed["delayMs"], 0);
    }

    #[test]
    fn invalid_faults_are_refused() {
        for bad in [
            "not json",
            r#"{"endpoint":"nope","kind":"status"}"#,
            r#"{"endpoint":"config","kind":"explode"}"#,
            r#"{"endpoint":"config","kind":"status","status":99}"#,
            r#"{"endpoint":"config","kind":"status","times":0}"#,
            r#"{"endpoint":"config","kind":"delay","delayMs":-1}"#,
            r#"{"endpoint":"config","kind":"delay","delayMs":300001}"#,
            r#"{"endpoint":"config","kind":"status","headers":{"bad name":"x"}}"#,
            r#"{"endpoint":"config","kind":"status","headers":{"x-a":{"nested":1}}}"#,
            r#"{"endpoint":"config","kind":"status","delay_ms":5}"#,
            r#"{"kind":"status"}"#,
        ] {
            assert!(Fault::from_json(bad.as_bytes()).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn queue_is_fifo_and_counts_times() {
        let q = FaultQueue::default();
        let two = Fault::from_json(br#"{"endpoint":"config","kind":"status","status":502,"times":2}"#).unwrap();
        let one = Fault::from_json(br#"{"endpoint":"config","kind":"drop"}"#).unwrap();
        assert_eq!(q.push(two), 1);
        assert_eq!(q.push(one), 2);
        assert_eq!(q.take(Endpoint::Status).map(|f| f.kind), None);
        assert_eq!(q.take(Endpoint::Config).unwrap().kind, FaultKind::Status);
        assert_eq!(q.take(Endpoint::Config).unwrap().kind, FaultKind::Status);
        assert_eq!(q.take(Endpoint::Config).unwrap().kind, FaultKind::Drop);
        assert!(q.take(Endpoint::Config).is_none());
    }

    #[test]
    fn canned_responses_follow_the_body_rules() {
        let text = Fault::from_json(
            br#"{"endpoint":"config","kind":"status","status":503,"body":"down","headers":{"Retry-After":"7"}}"#,
        )
        .unwrap()
        .canned_response();
        assert_eq!(text.status(), 503);
        assert_eq!(text.headers()["retry-after"], "7");
        assert!(text.headers()[CONTENT_TYPE].to_str().unwrap().starts_with("text/plain"));

        let json_body =
            Fault::from_json(br#"{"endpoint":"config","kind":"status","body":{"a":1}}"#).unwrap().canned_response();
        assert_eq!(json_body.status(), 500);
        assert_eq!(json_body.headers()[CONTENT_TYPE], "application/json");

        let malformed = Fault::from_json(br#"{"endpoint":"status","kind":"malformed"}"#).unwrap().canned_response();
        assert_eq!(malformed.status(), 200);
        assert_eq!(malformed.headers()[CONTENT_TYPE], "application/json");
    }

    #[test]
    fn malformed_body_really_is_not_json() {
        assert!(serde_json::from_str::<Value>(MALFORMED_BODY).is_err());
    }
}
