//! An HTTP answer as the transport received it, and what it means: the model its 2xx body
//! decodes to, or the [`ApiError`] its status and error body describe.

use serde::de::DeserializeOwned;

use super::field::{Field, Problem};
use super::{ApiError, ForbiddenReason};
use crate::api::json;
use crate::api::models::ErrorBody;
use crate::api::retry_after::parse_retry_after;
use crate::text::{cat, digits};

/// An HTTP answer as the transport received it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawResponse {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: String,
}

/// Decodes a 2xx answer as `T`, or maps the status and error body to an [`ApiError`].
/// `now_unix_ms` resolves a `Retry-After` given as an HTTP date.
pub fn interpret<T: DeserializeOwned>(raw: &RawResponse, now_unix_ms: f64) -> Result<T, ApiError> {
    check_status(raw, now_unix_ms)?;
    decode_body(raw)
}

/// Decodes the body of an answer that passed [`check_status`] as `T`.
pub(crate) fn decode_body<T: DeserializeOwned>(raw: &RawResponse) -> Result<T, ApiError> {
    json::decode(&raw.body).map_err(|e| ApiError::InvalidResponse {
        detail: cat(&["HTTP ", &digits(raw.status.into()), " body could not be read: ", &e]),
    })
}

/// `Ok` for a 2xx answer with a body; otherwise the [`ApiError`] its status and error body
/// mean. Not generic, and kept out of line, so the wasm holds one copy of it rather than one
/// per endpoint.
#[inline(never)]
pub(crate) fn check_status(raw: &RawResponse, now_unix_ms: f64) -> Result<(), ApiError> {
    if (200..300).contains(&raw.status) {
        if raw.body.trim().is_empty() {
            let detail = cat(&["HTTP ", &digits(raw.status.into()), " with an empty body"]);
            return Err(ApiError::InvalidResponse { detail });
        }
        return Ok(());
    }
    // Error bodies are optional and may be anything: an unreadable one is just an empty one.
    let body: ErrorBody = json::decode_quietly(&raw.body).unwrap_or_default();
    let messages = body.messages;
    let first_message = messages.first().cloned().or(body.error.clone());
    Err(match raw.status {
        400 | 422 => {
            let mut problems: Vec<Problem> =
                messages.into_iter().map(|message| Problem { field: Field::of_message(&message), message }).collect();
            if problems.is_empty() {
                let message = body.error.unwrap_or_else(|| "the request was refused".into());
                problems.push(Problem { field: None, message });
            }
            ApiError::Validation { status: raw.status, problems }
        }
        401 => ApiError::Unauthorized { code: body.code, message: first_message },
        403 => {
            let reason = match body.code.as_deref() {
                Some("PARTNER_INACTIVE") => ForbiddenReason::PartnerInactive,
                Some("FEATURE_DISABLED") => ForbiddenReason::FeatureDisabled,
                Some("SECRET_KEY_IN_BROWSER") => ForbiddenReason::SecretKeyInBrowser,
                _ => ForbiddenReason::Other(body.code),
            };
            ApiError::Forbidden { reason, message: first_message }
        }
        404 => ApiError::NotFound { message: first_message },
        429 => ApiError::RateLimited {
            retry_after: raw.retry_after.as_deref().and_then(|v| parse_retry_after(v, now_unix_ms)),
        },
        500..=599 => ApiError::Server { status: raw.status, message: first_message },
        status => ApiError::UnexpectedStatus { status, message: first_message },
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::api::models::PartnerConfig;

    fn raw(status: u16, body: &str) -> RawResponse {
        RawResponse { status, retry_after: None, body: body.into() }
    }

    fn err(status: u16, body: &str) -> ApiError {
        interpret::<PartnerConfig>(&raw(status, body), 0.0).unwrap_err()
    }

    #[test]
    fn success_decodes_and_bad_success_bodies_are_invalid() {
        let ok: PartnerConfig = interpret(&raw(200, r#"{"name":"Acme"}"#), 0.0).unwrap();
        assert_eq!(ok.name, "Acme");
        assert!(matches!(err(200, ""), ApiError::InvalidResponse { .. }));
        assert!(matches!(err(200, "<html>oops</html>"), ApiError::InvalidResponse { .. }));
        assert!(matches!(err(200, r#"{"id": "trunc"#), ApiError::InvalidResponse { .. }));
        assert!(matches!(err(201, r#"{"enabledFeatures": "DONATIONS"}"#), ApiError::InvalidResponse { .. }));
    }

    #[test]
    fn validation_messages_land_on_their_fields() {
        let e = err(
            400,
            r#"{"statusCode":400,"error":"Bad Request","code":"VALIDATION_FAILED",
                "message":["amount must be an integer number of cents","donorEmail must be an email","something else"]}"#,
        );
        let ApiError::Validation { problems, .. } = &e else { panic!("{e:?}") };
        assert_eq!(problems.len(), 3);
        assert_eq!(problems[0].field, Some(Field::Amount));
        assert_eq!(problems[1].field, Some(Field::DonorEmail));
        assert_eq!(problems[2].field, None);
        assert_eq!(e.problems_for(Field::DonorEmail).count(), 1);
        assert_eq!(e.problems_for(Field::FirstName).count(), 0);
        let single = err(400, r#"{"message":"firstName should not be empty"}"#);
        assert_eq!(single.problems_for(Field::FirstName).count(), 1);
        for body in ["", "not json", "{}", r#"{"error":"Bad Request"}"#] {
            let ApiError::Validation { problems, .. } = err(400, body) else { panic!("{body}") };
            assert_eq!(problems.len(), 1, "{body}");
        }
        assert!(matches!(err(422, "{}"), ApiError::Validation { .. }));
    }

    #[test]
    fn auth_errors_keep_the_server_code() {
        let e = err(401, r#"{"code":"ENVIRONMENT_MISMATCH","message":"test key on live host"}"#);
        assert_eq!(e.code(), "environment_mismatch");
        assert!(e.developer_message().contains("test key on live host"));
        assert_eq!(err(401, "").code(), "unauthorized");
        for (code, expected) in [
            ("PARTNER_INACTIVE", "partner_inactive"),
            ("FEATURE_DISABLED", "feature_disabled"),
            ("SECRET_KEY_IN_BROWSER", "secret_key_in_browser"),
            ("SOMETHING_NEW", "forbidden"),
        ] {
            assert_eq!(err(403, &format!(r#"{{"code":"{code}"}}"#)).code(), expected);
        }
        assert_eq!(
            err(403, "<html>Forbidden</html>"),
            ApiError::Forbidden { reason: ForbiddenReason::Other(None), message: None }
        );
    }

    #[test]
    fn other_statuses() {
        assert_eq!(err(404, ""), ApiError::NotFound { message: None });
        assert_eq!(
            err(404, r#"{"message":"no such org"}"#),
            ApiError::NotFound { message: Some("no such org".into()) }
        );
        assert_eq!(err(500, "boom"), ApiError::Server { status: 500, message: None });
        assert_eq!(err(503, r#"{"error":"Service Unavailable"}"#).code(), "server_error");
        assert_eq!(err(409, "{}"), ApiError::UnexpectedStatus { status: 409, message: None });
        assert_eq!(err(302, ""), ApiError::UnexpectedStatus { status: 302, message: None });
    }

    #[test]
    fn rate_limit_reads_retry_after() {
        let mut r = raw(429, r#"{"code":"RATE_LIMITED"}"#);
        r.retry_after = Some("7".into());
        let e = interpret::<PartnerConfig>(&r, 0.0).unwrap_err();
        assert_eq!(e, ApiError::RateLimited { retry_after: Some(Duration::from_secs(7)) });
        r.retry_after = Some("Sun, 06 Nov 1994 08:49:40 GMT".into());
        let e = interpret::<PartnerConfig>(&r, 784_111_777_000.0).unwrap_err();
        assert_eq!(e, ApiError::RateLimited { retry_after: Some(Duration::from_secs(3)) });
        r.retry_after = None;
        assert_eq!(interpret::<PartnerConfig>(&r, 0.0).unwrap_err(), ApiError::RateLimited { retry_after: None });
    }
}
