//! The record of partner-API requests that `GET /__sandbox/requests` returns,
//! so tests can assert exactly what the widget sent (headers, bodies, order).

use std::collections::{BTreeMap, VecDeque};
use std::sync::Mutex;

use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::sync::lock;

/// Oldest entries are dropped past this many, so a long-running demo cannot
/// grow without bound.
pub const MAX_ENTRIES: usize = 10_000;

/// Largest request body the API accepts.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Only requests under this prefix are recorded.
pub const RECORDED_PREFIX: &str = "/v1/";

/// One recorded request, as `GET /__sandbox/requests` lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedRequest {
    pub method: String,
    pub path: String,
    /// The raw query string without `?`, or `null`.
    pub query: Option<String>,
    /// Lower-case names; repeated headers joined with `", "`.
    pub headers: BTreeMap<String, String>,
    /// The body parsed as JSON when it is JSON, else as text, `null` when empty.
    pub body: Value,
}

impl LoggedRequest {
    pub fn new(method: &str, path: &str, query: Option<&str>, headers: &HeaderMap, body: &[u8]) -> Self {
        let headers = headers
            .keys()
            .map(|name| {
                let values: Vec<String> =
                    headers.get_all(name).iter().map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).collect();
                (name.as_str().to_owned(), values.join(", "))
            })
            .collect();
        let body = if body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice::<Value>(body)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()))
        };
        Self { method: method.to_owned(), path: path.to_owned(), query: query.map(str::to_owned), headers, body }
    }
}

#[derive(Default)]
pub struct RequestLog {
    entries: Mutex<VecDeque<LoggedRequest>>,
}

impl RequestLog {
    pub fn push(&self, entry: LoggedRequest) {
        let mut entries = lock(&self.entries);
        if entries.len() >= MAX_ENTRIES {
            entries.pop_front();
        }
        entries.push_back(entry);
    }

    pub fn snapshot(&self) -> Vec<LoggedRequest> {
        lock(&self.entries).iter().cloned().collect()
    }

    pub fn reset(&self) {
        lock(&self.entries).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use serde_json::json;

    #[test]
    fn entries_parse_json_bodies_and_lowercase_headers() {
        let mut headers = HeaderMap::new();
        headers.insert("X-Partner-Key", HeaderValue::from_static("pk"));
        headers.append("accept", HeaderValue::from_static("a"));
        headers.append("accept", HeaderValue::from_static("b"));
        let e = LoggedRequest::new("POST", "/v1/x", Some("a=1"), &headers, br#"{"k":1}"#);
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            json!({
                "method": "POST",
                "path": "/v1/x",
                "query": "a=1",
                "headers": {"accept": "a, b", "x-partner-key": "pk"},
                "body": {"k": 1},
            })
        );
        let text = serde_json::to_value(LoggedRequest::new("GET", "/v1/x", None, &HeaderMap::new(), b"plain")).unwrap();
        assert_eq!(text["body"], "plain");
        assert_eq!(text["query"], Value::Null);
        assert_eq!(LoggedRequest::new("GET", "/", None, &HeaderMap::new(), b"").body, Value::Null);
    }

    #[test]
    fn log_is_bounded() {
        let log = RequestLog::default();
        for i in 0..MAX_ENTRIES + 3 {
            log.push(LoggedRequest::new("GET", &format!("/v1/{i}"), None, &HeaderMap::new(), b""));
        }
        let all = log.snapshot();
        assert_eq!(all.len(), MAX_ENTRIES);
        assert_eq!(all[0].path, "/v1/3");
    }
}
