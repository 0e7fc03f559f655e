//! The record of partner-API requests that `GET /__sandbox/requests` returns,
//! so tests can assert exactly what the widget sent (headers, bodies, order).

use std::collections::VecDeque;
use std::sync::Mutex;

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::errors::{ApiError, code};
use crate::state::AppState;
use crate::sync::lock;

/// Oldest entries are dropped past this many, so a long-running demo cannot
/// grow without bound.
pub const MAX_ENTRIES: usize = 10_000;

/// Largest request body the API accepts.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Only requests under this prefix are recorded.
pub const RECORDED_PREFIX: &str = "/v1/";

#[derive(Default)]
pub struct RequestLog {
    entries: Mutex<VecDeque<Value>>,
}

impl RequestLog {
    pub fn push(&self, entry: Value) {
        let mut entries = lock(&self.entries);
        if entries.len() >= MAX_ENTRIES {
            entries.pop_front();
        }
        entries.push_back(entry);
    }

    pub fn snapshot(&self) -> Value {
        Value::Array(lock(&self.entries).iter().cloned().collect())
    }

    pub fn reset(&self) {
        lock(&self.entries).clear();
    }
}

/// One log entry: method, path, query, lower-case headers and the body
/// (parsed JSON when it is JSON, else text, or null when empty).
pub fn entry(method: &str, path: &str, query: Option<&str>, headers: &HeaderMap, body: &[u8]) -> Value {
    let mut header_map = Map::new();
    for name in headers.keys() {
        let values: Vec<String> =
            headers.get_all(name).iter().map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).collect();
        header_map.insert(name.as_str().to_owned(), Value::String(values.join(", ")));
    }
    let body = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice::<Value>(body)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()))
    };
    json!({
        "method": method,
        "path": path,
        "query": query,
        "headers": header_map,
        "body": body,
    })
}

/// Outermost middleware on the API listener: records every `/v1/` request,
/// preflights included, before CORS or faults can answer it.
pub async fn record_requests(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with(RECORDED_PREFIX) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let bytes = match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => {
            state.requests.push(entry(parts.method.as_str(), parts.uri.path(), parts.uri.query(), &parts.headers, b""));
            return ApiError::new(
                axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                code::PAYLOAD_TOO_LARGE,
                format!("request body must be at most {MAX_BODY_BYTES} bytes"),
            )
            .into_response();
        }
    };
    state.requests.push(entry(parts.method.as_str(), parts.uri.path(), parts.uri.query(), &parts.headers, &bytes));
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn entries_parse_json_bodies_and_lowercase_headers() {
        let mut headers = HeaderMap::new();
        headers.insert("X-Partner-Key", HeaderValue::from_static("pk"));
        headers.append("accept", HeaderValue::from_static("a"));
        headers.append("accept", HeaderValue::from_static("b"));
        let e = entry("POST", "/v1/x", Some("a=1"), &headers, br#"{"k":1}"#);
        assert_eq!(e["headers"]["x-partner-key"], "pk");
        assert_eq!(e["headers"]["accept"], "a, b");
        assert_eq!(e["body"], json!({"k":1}));
        assert_eq!(e["query"], "a=1");
        let text = entry("GET", "/v1/x", None, &HeaderMap::new(), b"plain");
        assert_eq!(text["body"], "plain");
        assert_eq!(text["query"], Value::Null);
        assert_eq!(entry("GET", "/", None, &HeaderMap::new(), b"")["body"], Value::Null);
    }

    #[test]
    fn log_is_bounded() {
        let log = RequestLog::default();
        for i in 0..MAX_ENTRIES + 3 {
            log.push(json!(i));
        }
        let all = log.snapshot();
        assert_eq!(all.as_array().unwrap().len(), MAX_ENTRIES);
        assert_eq!(all[0], 3);
    }
}
