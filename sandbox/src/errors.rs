//! The one error body shape every JSON error uses:
//! `{"statusCode":400,"error":"Bad Request","message":"..." | ["..."],"code":"..."}`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

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
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    One(String),
    Many(Vec<String>),
}

/// An error answer in the contract's shape.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: Message,
    pub code: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Self { status, message: Message::One(message.into()), code: code.to_owned() }
    }

    /// A 400 listing every problem found, one string each.
    pub fn validation(problems: Vec<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            message: Message::Many(problems),
            code: code::VALIDATION_FAILED.to_owned(),
        }
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
        Self { status, message: Message::One(message), code }
    }

    pub fn body(&self) -> Value {
        let message = match &self.message {
            Message::One(text) => Value::String(text.clone()),
            Message::Many(list) => json!(list),
        };
        json!({
            "statusCode": self.status.as_u16(),
            "error": reason(self.status),
            "message": message,
            "code": self.code,
        })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body())).into_response()
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

    #[test]
    fn body_has_the_contract_shape() {
        let body = ApiError::new(StatusCode::UNAUTHORIZED, code::UNAUTHORIZED, "nope").body();
        assert_eq!(body, json!({"statusCode":401,"error":"Unauthorized","message":"nope","code":"UNAUTHORIZED"}));
        let many = ApiError::validation(vec!["a bad".into(), "b bad".into()]).body();
        assert_eq!(many["message"], json!(["a bad", "b bad"]));
        assert_eq!(many["error"], "Bad Request");
    }

    #[test]
    fn standard_bodies_derive_codes_from_the_status() {
        assert_eq!(ApiError::standard_for(StatusCode::INTERNAL_SERVER_ERROR).code, "INTERNAL_SERVER_ERROR");
        assert_eq!(ApiError::standard_for(StatusCode::TOO_MANY_REQUESTS).code, "RATE_LIMITED");
        assert_eq!(ApiError::standard_for(StatusCode::SERVICE_UNAVAILABLE).code, "SERVICE_UNAVAILABLE");
        let odd = StatusCode::from_u16(599).unwrap();
        assert_eq!(ApiError::standard_for(odd).body()["error"], "Server Error");
    }
}
