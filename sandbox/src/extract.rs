//! Extractors whose rejections use the contract's error body, so even a
//! malformed path or an oversized body answers in the documented JSON shape
//! rather than axum's plain-text defaults.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;

use crate::errors::{ApiError, code};

/// The single `{param}` of a route, percent-decoded.
pub struct PathParam(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathParam {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(PathParam(value)),
            Err(rejection) => Err(rejected(rejection.status(), rejection.body_text())),
        }
    }
}

/// The whole request body as bytes, within axum's default size limit.
pub struct RawBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for RawBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Bytes::from_request(req, state).await {
            Ok(bytes) => Ok(RawBody(bytes)),
            Err(rejection) => Err(rejected(rejection.status(), rejection.body_text())),
        }
    }
}

fn rejected(status: StatusCode, message: String) -> ApiError {
    let code = match status {
        StatusCode::PAYLOAD_TOO_LARGE => code::PAYLOAD_TOO_LARGE,
        s if s.is_server_error() => "INTERNAL_SERVER_ERROR",
        _ => code::VALIDATION_FAILED,
    };
    ApiError::new(status, code, message)
}
