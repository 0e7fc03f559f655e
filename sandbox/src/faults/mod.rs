//! Injected faults: queued through `POST /__sandbox/faults`, consumed by the
//! next matching partner-API requests before authentication runs.
//!
//! Faults exist so widget tests can exercise every failure the real service
//! might produce: odd status codes and bodies, slow answers, broken JSON and
//! connections that close without any response at all.

mod queue;

use std::time::Duration;

use axum::body::Body;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::errors::ApiError;

pub use queue::FaultQueue;

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

/// A fault as `POST /__sandbox/faults` takes it (only `endpoint` and `kind`
/// are required; unknown members are refused) and as the answer echoes it
/// back, with every default filled in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FaultSpec {
    /// `config`, `organization`, `create-link` or `status`.
    pub endpoint: String,
    /// `status`, `delay`, `malformed` or `drop`.
    pub kind: String,
    /// The answer's status: 500 for `status` and 200 for `malformed` when not
    /// given; echoed as `null` for `delay` and `drop` faults that name none.
    pub status: Option<u16>,
    /// Any JSON, sent as JSON; a string is sent as it is. Echoed as given.
    pub body: Option<Value>,
    /// Extra answer headers; values may be strings, numbers or booleans.
    pub headers: Option<Map<String, Value>>,
    /// Wait before acting; 0 to 300000, default 0.
    pub delay_ms: Option<u64>,
    /// How many matching requests the fault applies to, default 1.
    pub times: Option<u32>,
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
        let req: FaultSpec = serde_json::from_slice(raw).map_err(|e| format!("invalid fault: {e}"))?;
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
    pub fn to_spec(&self) -> FaultSpec {
        let default_status = match self.kind {
            FaultKind::Status => Some(StatusCode::INTERNAL_SERVER_ERROR),
            FaultKind::Malformed => Some(StatusCode::OK),
            FaultKind::Delay | FaultKind::Drop => None,
        };
        let headers = self
            .headers
            .iter()
            .map(|(n, v)| {
                let text = String::from_utf8_lossy(v.as_bytes()).into_owned();
                (n.as_str().to_owned(), Value::String(text))
            })
            .collect();
        FaultSpec {
            endpoint: self.endpoint.as_str().to_owned(),
            kind: self.kind.as_str().to_owned(),
            status: self.status.or(default_status).map(|s| s.as_u16()),
            body: self.body.clone(),
            headers: Some(headers),
            delay_ms: Some(u64::try_from(self.delay.as_millis()).unwrap_or(u64::MAX)),
            times: Some(self.times),
        }
    }

    /// What the fault answers instead of the endpoint: `None` for `delay`
    /// (the request then goes on as usual once the delay has passed).
    pub fn response(&self) -> Option<Response> {
        match self.kind {
            FaultKind::Delay => None,
            FaultKind::Drop => Some(dropped_response()),
            FaultKind::Status | FaultKind::Malformed => Some(self.canned_response()),
        }
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
        assert_eq!(
            serde_json::to_value(f.to_spec()).unwrap(),
            serde_json::json!({
                "endpoint": "config", "kind": "status", "status": 500, "body": null,
                "headers": {}, "delayMs": 0, "times": 1,
            })
        );
    }

    #[test]
    fn echo_normalises_headers_and_keeps_the_body() {
        let f = Fault::from_json(
            br#"{"endpoint":"create-link","kind":"drop","body":"x","headers":{"X-A":1,"x-b":true},"delayMs":5,"times":2}"#,
        )
        .unwrap();
        assert_eq!(
            serde_json::to_value(f.to_spec()).unwrap(),
            serde_json::json!({
                "endpoint": "create-link", "kind": "drop", "status": null, "body": "x",
                "headers": {"x-a": "1", "x-b": "true"}, "delayMs": 5, "times": 2,
            })
        );
        let malformed = Fault::from_json(br#"{"endpoint":"status","kind":"malformed"}"#).unwrap();
        assert_eq!(malformed.to_spec().status, Some(200));
        assert!(malformed.response().is_some());
        assert!(Fault::from_json(br#"{"endpoint":"status","kind":"delay"}"#).unwrap().response().is_none());
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
