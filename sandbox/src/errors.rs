//! The one error body shape every JSON error uses:
//! `{"statusCode":400,"error":"Bad Request","message":"..." | ["..."],"code":"..."}`,
//! and [`ApiError`], which handlers return to send it.

use axum::Json;
use axum::http::header::HeaderName;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

/// Error codes the sandbox uses in the `code` field.
pub mod code {
    pub const UNAUTHORIZED: &str = "UNAUTHORIZED";
    pub const ENVIRONMENT_MISMATCH: &str = "ENVIRONMENT_MISMATCH";
    pub const SECRET_KEY_IN_BROWSER: &str = "SECRET_KEY_IN_BROWSER";
    pub const PARTNER_INACTIVE: &str = "PARTNER_INACTIVE";
    pub const FEATURE_DISABLED: &str = "FEATURE_DISABLED";
    pub const VALIDATION_FAILED: &str = "VALIDATION_FAILED";
    pub const NOT_FOUND: &str = "NOT_FOUND";
    pub const RATE_LIMITED: &str = "RATE_LIMITED";
    pub const METHOD_NOT_ALLOWED: &str = "METHOD_NOT_ALLOWED";
    pub const PAYLOAD_TOO_LARGE: &str = "PAYLOAD_TOO_LARGE";
    pub const FORBIDDEN: &str = "FORBIDDEN";
    pub const DONATION_NOT_PENDING: &str = "DONATION_NOT_PENDING";
}

/// `message` is a plain string for most errors and a list for validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Message {
    One(String),
    Many(Vec<String>),
}

/// The JSON body of every error answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// The HTTP status again, as a number.
    pub status_code: u16,
    /// The status's reason phrase, e.g. `Not Found`.
    pub error: String,
    pub message: Message,
    /// One of [`code`], or a code derived from the status for fault bodies.
    pub code: String,
}

/// An error answer in the contract's shape: status, body and any extra headers.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: Message,
    pub code: String,
    /// Sent along with the body (e.g. `Retry-After`, `X-RateLimit-*`).
    pub headers: Vec<(HeaderName, HeaderValue)>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Self { status, message: Message::One(message.into()), code: code.to_owned(), headers: Vec::new() }
    }

    /// A 400 with one message.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code::VALIDATION_FAILED, message)
    }

    /// A 400 listing every problem found, one string each.
    pub fn validation(problems: Vec<String>) -> Self {
        let mut error = Self::bad_request("");
        error.message = Message::Many(problems);
        error
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, code::NOT_FOUND, message)
    }

    /// The body a fault of kind `status` sends when it names no body itself.
    pub fn standard_for(status: StatusCode) -> Self {
        let code = match status.as_u16() {
            400 => code::VALIDATION_FAILED.to_owned(),
            401 => code::UNAUTHORIZED.to_owned(),
            403 => code::FORBIDDEN.to_owned(),
            404 => code::NOT_FOUND.to_owned(),
            429 => code::RATE_LIMITED.to_owned(),
            _ => reason(status).to_ascii_uppercase().replace([' ', '-'], "_"),
        };
        let message = format!("Simulated {} {} (sandbox fault)", status.as_u16(), reason(status));
        Self { status, message: Message::One(message), code, headers: Vec::new() }
    }

    /// Adds headers to send with the error.
    pub fn with_headers(mut self, headers: impl IntoIterator<Item = (HeaderName, HeaderValue)>) -> Self {
        self.headers.extend(headers);
        self
    }

    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            status_code: self.status.as_u16(),
            error: reason(self.status).to_owned(),
            message: self.message.clone(),
            code: self.code.clone(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body())).into_response();
        for (name, value) in self.headers {
            response.headers_mut().insert(name, value);
        }
        response
    }
}

/// The canonical reason phrase, or a generic one for unregistered codes.
pub fn reason(status: StatusCode) -> &'static str {
    status.canonical_reason().unwrap_or(if status.is_client_error() {
        "Client Error"
    } else if status.is_server_error() {
        "Server Error"
    } else {
        "Unknown"
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn body_has_the_contract_shape() {
        let body = ApiError::new(StatusCode::UNAUTHORIZED, code::UNAUTHORIZED, "nope").body();
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            json!({"statusCode":401,"error":"Unauthorized","message":"nope","code":"UNAUTHORIZED"})
        );
        let many = serde_json::to_value(ApiError::validation(vec!["a bad".into(), "b bad".into()]).body()).unwrap();
        assert_eq!(
            many,
            json!({"statusCode":400,"error":"Bad Request","message":["a bad","b bad"],"code":"VALIDATION_FAILED"})
        );
    }

    #[test]
    fn bodies_read_back_with_either_message_form() {
        let one: ErrorBody =
            serde_json::from_str(r#"{"statusCode":404,"error":"Not Found","message":"gone","code":"NOT_FOUND"}"#)
                .unwrap();
        assert_eq!(one.message, Message::One("gone".into()));
        let many: ErrorBody =
            serde_json::from_str(r#"{"statusCode":400,"error":"Bad Request","message":["a"],"code":"X"}"#).unwrap();
        assert_eq!(many.message, Message::Many(vec!["a".into()]));
    }

    #[test]
    fn standard_bodies_derive_codes_from_the_status() {
        assert_eq!(ApiError::standard_for(StatusCode::INTERNAL_SERVER_ERROR).code, "INTERNAL_SERVER_ERROR");
        assert_eq!(ApiError::standard_for(StatusCode::TOO_MANY_REQUESTS).code, "RATE_LIMITED");
        assert_eq!(ApiError::standard_for(StatusCode::SERVICE_UNAVAILABLE).code, "SERVICE_UNAVAILABLE");
        let odd = StatusCode::from_u16(599).unwrap();
        assert_eq!(ApiError::standard_for(odd).body().error, "Server Error");
    }

    #[test]
    fn responses_carry_status_body_and_extra_headers() {
        let response = ApiError::new(StatusCode::TOO_MANY_REQUESTS, code::RATE_LIMITED, "slow down")
            .with_headers([(HeaderName::from_static("retry-after"), HeaderValue::from(7u64))])
            .into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()["retry-after"], "7");
        assert_eq!(response.headers()["content-type"], "application/json");
    }
}
