//! Every way an API call can fail, and what to tell the donor and the site developer.
//!
//! [`interpret`] turns a raw HTTP answer into a model or an [`ApiError`]. It is pure, so every
//! status and body variation a client must accept (`sandbox/CONTRACT.md`) is unit-tested natively.

use std::fmt;
use std::time::Duration;

use super::checkout_link::LinkRefusal;
use serde::de::DeserializeOwned;

use super::json;
use super::models::ErrorBody;
use super::retry_after::parse_retry_after;
use crate::text::{cat, digits, join};

/// A failed API call.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// 401: missing, unknown or wrong-environment key.
    Unauthorized {
        /// The server's `code` (`ENVIRONMENT_MISMATCH`, …).
        code: Option<String>,
        /// The server's first message. For the console only: it may repeat a donor's input.
        message: Option<String>,
    },
    /// 403: the key is fine but this is not allowed.
    Forbidden {
        /// Why, from the server's `code`.
        reason: ForbiddenReason,
        /// The server's first message (console only).
        message: Option<String>,
    },
    /// 404: unknown nonprofit or donation (or one that belongs to another partner).
    NotFound {
        /// The server's first message (console only).
        message: Option<String>,
    },
    /// 400 / 422: the request was refused, with one problem per field where the server says.
    Validation {
        /// 400 or 422.
        status: u16,
        /// What was refused, one problem per server message.
        problems: Vec<Problem>,
    },
    /// 429: wait before trying again.
    RateLimited {
        /// From `Retry-After` (seconds or an HTTP date), when sent.
        retry_after: Option<Duration>,
    },
    /// 5xx.
    Server {
        /// The HTTP status.
        status: u16,
        /// The server's first message (console only).
        message: Option<String>,
    },
    /// The request never got an answer: offline, DNS, CORS refusal, connection dropped.
    Network {
        /// The browser's words ("Failed to fetch").
        detail: String,
    },
    /// No answer within the client's timeout; the request was aborted.
    Timeout {
        /// The timeout that ran out.
        after: Duration,
    },
    /// An answer arrived but is not what the endpoint promises.
    InvalidResponse {
        /// What was wrong with it, naming the member (console only).
        detail: String,
    },
    /// The checkout link failed the allow-list; it was not followed.
    CheckoutLinkRefused(LinkRefusal),
    /// Any other status (3xx, 405, 409, …).
    UnexpectedStatus {
        /// The HTTP status.
        status: u16,
        /// The server's first message (console only).
        message: Option<String>,
    },
}

/// Why a 403 was given, from the server's `code`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ForbiddenReason {
    /// `PARTNER_INACTIVE`: the partner is suspended or not yet approved.
    PartnerInactive,
    /// `FEATURE_DISABLED`: the partner lacks the `DONATIONS` feature.
    FeatureDisabled,
    /// `SECRET_KEY_IN_BROWSER`.
    SecretKeyInBrowser,
    /// Another code, or none.
    Other(Option<String>),
}

/// A request field the server can complain about, by its JSON name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// `nonprofitSlug`
    NonprofitSlug,
    /// `amount`
    Amount,
    /// `currency`
    Currency,
    /// `frequency`
    Frequency,
    /// `provider`
    Provider,
    /// `donorEmail`
    DonorEmail,
    /// `firstName`
    FirstName,
    /// `lastName`
    LastName,
    /// `tipAmount`
    TipAmount,
    /// `tipPercent`
    TipPercent,
    /// `referralCode`
    ReferralCode,
}

impl Field {
    const ALL: [Field; 11] = [
        Field::NonprofitSlug,
        Field::Amount,
        Field::Currency,
        Field::Frequency,
        Field::Provider,
        Field::DonorEmail,
        Field::FirstName,
        Field::LastName,
        Field::TipAmount,
        Field::TipPercent,
        Field::ReferralCode,
    ];

    /// The field's name in the request JSON (`donorEmail`, …).
    pub fn json_name(self) -> &'static str {
        match self {
            Field::NonprofitSlug => "nonprofitSlug",
            Field::Amount => "amount",
            Field::Currency => "currency",
            Field::Frequency => "frequency",
            Field::Provider => "provider",
            Field::DonorEmail => "donorEmail",
            Field::FirstName => "firstName",
            Field::LastName => "lastName",
            Field::TipAmount => "tipAmount",
            Field::TipPercent => "tipPercent",
            Field::ReferralCode => "referralCode",
        }
    }

    /// The field a validation message is about. Servers in the NestJS style start each message
    /// with the field name (`"donorEmail must be an email"`); `property.field` forms are accepted.
    pub fn of_message(message: &str) -> Option<Field> {
        let head = message.trim_start().split([' ', ':', '.', ',']).next()?;
        Field::ALL.into_iter().find(|f| f.json_name().eq_ignore_ascii_case(head))
    }
}

/// One thing the server refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field the server named, when it named one of the request's.
    pub field: Option<Field>,
    /// The server's words: for developers and logs, and shown next to the field.
    pub message: String,
}

impl ApiError {
    /// A stable, machine-readable code, used in `sir-donate:error` events.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Unauthorized { code: Some(c), .. } if c == "ENVIRONMENT_MISMATCH" => "environment_mismatch",
            ApiError::Unauthorized { .. } => "unauthorized",
            ApiError::Forbidden { reason: ForbiddenReason::PartnerInactive, .. } => "partner_inactive",
            ApiError::Forbidden { reason: ForbiddenReason::FeatureDisabled, .. } => "feature_disabled",
            ApiError::Forbidden { reason: ForbiddenReason::SecretKeyInBrowser, .. } => "secret_key_in_browser",
            ApiError::Forbidden { .. } => "forbidden",
            ApiError::NotFound { .. } => "not_found",
            ApiError::Validation { .. } => "validation",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::Server { .. } => "server_error",
            ApiError::Network { .. } => "network",
            ApiError::Timeout { .. } => "timeout",
            ApiError::InvalidResponse { .. } => "invalid_response",
            ApiError::CheckoutLinkRefused(_) => "checkout_link_refused",
            ApiError::UnexpectedStatus { .. } => "unexpected_status",
        }
    }

    /// A short sentence a donor can act on. It never repeats server text.
    pub fn donor_message(&self) -> &'static str {
        match self {
            ApiError::Unauthorized { .. } | ApiError::Forbidden { .. } => {
                "Donations are not available on this page right now."
            }
            ApiError::NotFound { .. } => "We couldn't find this nonprofit or donation.",
            ApiError::Validation { .. } => "Please check the highlighted fields.",
            ApiError::RateLimited { .. } => "Too many requests right now. Please try again in a moment.",
            ApiError::Server { .. } | ApiError::UnexpectedStatus { .. } | ApiError::InvalidResponse { .. } => {
                "Something went wrong on our side. Please try again."
            }
            ApiError::Network { .. } => "We couldn't reach the donation service. Check your connection and try again.",
            ApiError::Timeout { .. } => "The donation service is taking too long. Please try again.",
            ApiError::CheckoutLinkRefused(_) => {
                "We couldn't open a safe checkout page, so we stopped. No payment was made."
            }
        }
    }

    /// The HTTP status of the answer, when there was one that the API sent as an error.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Unauthorized { .. } => Some(401),
            ApiError::Forbidden { .. } => Some(403),
            ApiError::NotFound { .. } => Some(404),
            ApiError::Validation { status, .. }
            | ApiError::Server { status, .. }
            | ApiError::UnexpectedStatus { status, .. } => Some(*status),
            ApiError::RateLimited { .. } => Some(429),
            ApiError::Network { .. }
            | ApiError::Timeout { .. }
            | ApiError::InvalidResponse { .. }
            | ApiError::CheckoutLinkRefused(_) => None,
        }
    }

    /// The request fields the server refused, by their JSON names (validation errors only).
    pub fn fields(&self) -> Vec<&'static str> {
        let mut fields: Vec<&'static str> = Vec::new();
        for field in self.problems().iter().filter_map(|p| p.field) {
            if !fields.contains(&field.json_name()) {
                fields.push(field.json_name());
            }
        }
        fields
    }

    /// One sentence for the site developer that the widget wrote itself: no word of it comes
    /// from the server (whose messages may repeat what a donor typed), so it is safe to hand
    /// to the page's scripts in events. [`developer_message`](Self::developer_message) adds
    /// the server's words, for the console only.
    pub fn summary(&self) -> &'static str {
        match self {
            ApiError::Unauthorized { code: Some(c), .. } if c == "ENVIRONMENT_MISMATCH" => {
                "a pk_test_ key goes with the sandbox host and a pk_live_ key with production"
            }
            ApiError::Unauthorized { .. } => "the publishable key was not accepted",
            ApiError::Forbidden { reason: ForbiddenReason::PartnerInactive, .. } => {
                "this partner account is suspended or not yet approved"
            }
            ApiError::Forbidden { reason: ForbiddenReason::FeatureDisabled, .. } => {
                "this partner does not have the DONATIONS feature"
            }
            ApiError::Forbidden { reason: ForbiddenReason::SecretKeyInBrowser, .. } => {
                "a secret key reached the API from a browser; rotate it"
            }
            ApiError::Forbidden { .. } => "the API refused this request for this key",
            ApiError::NotFound { .. } => "no such nonprofit or donation for this partner",
            ApiError::Validation { .. } => "the API refused fields of the request",
            ApiError::RateLimited { .. } => "rate limited",
            ApiError::Server { .. } => "the API failed",
            ApiError::Network { .. } => "the API could not be reached",
            ApiError::Timeout { .. } => "no answer in time; the request was aborted",
            ApiError::InvalidResponse { .. } => "the API answered with something unexpected",
            ApiError::CheckoutLinkRefused(_) => "the checkout link failed the allow-list and was not followed",
            ApiError::UnexpectedStatus { .. } => "unexpected HTTP status from the API",
        }
    }

    /// What went wrong, in detail, for the site developer's console. It may quote the server,
    /// so it goes to the console only, never into events.
    pub fn developer_message(&self) -> String {
        // " Server said: …" after the sentence, when the server said something.
        let said = |m: &Option<String>| m.as_deref().map_or(String::new(), |m| cat(&[" Server said: ", m]));
        // " CODE" after the status, when there is a code.
        let code_of = |c: &Option<String>| c.as_deref().map_or(String::new(), |c| cat(&[" ", c]));
        match self {
            ApiError::Unauthorized { code, message } => match code.as_deref() {
                Some("ENVIRONMENT_MISMATCH") => cat(&[
                    "401 ENVIRONMENT_MISMATCH: a pk_test_ key goes with the sandbox host and a pk_live_ key with production; check api-base.",
                    &said(message),
                ]),
                _ => cat(&[
                    "401",
                    &code_of(code),
                    ": the publishable key was not accepted. Check that it is this partner's current key.",
                    &said(message),
                ]),
            },
            ApiError::Forbidden { reason, message } => {
                let head = match reason {
                    ForbiddenReason::PartnerInactive => {
                        "403 PARTNER_INACTIVE: this partner account is suspended or not yet approved, so donations are off.".into()
                    }
                    ForbiddenReason::FeatureDisabled => {
                        "403 FEATURE_DISABLED: this partner does not have the DONATIONS feature enabled.".into()
                    }
                    ForbiddenReason::SecretKeyInBrowser => {
                        "403 SECRET_KEY_IN_BROWSER: a secret key reached the API from a browser. Rotate it now.".into()
                    }
                    ForbiddenReason::Other(code) => {
                        cat(&["403", &code_of(code), ": the API refused this request for this key."])
                    }
                };
                cat(&[&head, &said(message)])
            }
            ApiError::NotFound { message } => {
                cat(&["404: no such nonprofit slug or donation for this partner.", &said(message)])
            }
            ApiError::Validation { status, problems } => {
                let list: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
                cat(&[&digits((*status).into()), ": the API refused the request: ", &join(&list, "; ")])
            }
            ApiError::RateLimited { retry_after } => match retry_after {
                Some(wait) => cat(&["429: rate limited; retry after ", &digits(wait.as_secs()), " s."]),
                None => "429: rate limited (no Retry-After header).".into(),
            },
            ApiError::Server { status, message } => {
                cat(&[&digits((*status).into()), ": the API failed.", &said(message)])
            }
            ApiError::Network { detail } => cat(&[
                "Network error: ",
                detail,
                ". The API could not be reached (offline, DNS, or a CORS/CSP refusal: check connect-src).",
            ]),
            ApiError::Timeout { after } => {
                cat(&["No answer within ", &digits(after.as_millis() as u64), " ms; the request was aborted."])
            }
            ApiError::InvalidResponse { detail } => cat(&["The API answered with something unexpected: ", detail, "."]),
            ApiError::CheckoutLinkRefused(reason) => cat(&[
                "Refused to follow the checkout link: ",
                &reason.message(),
                ". Add trusted hosts with allowed-hosts.",
            ]),
            ApiError::UnexpectedStatus { status, message } => {
                cat(&["Unexpected HTTP ", &digits((*status).into()), " from the API.", &said(message)])
            }
        }
    }

    /// What a validation error refused; nothing for other errors.
    fn problems(&self) -> &[Problem] {
        match self {
            ApiError::Validation { problems, .. } => problems,
            _ => &[],
        }
    }

    /// Problems for one field, for showing next to it.
    pub fn problems_for(&self, field: Field) -> impl Iterator<Item = &Problem> {
        self.problems().iter().filter(move |p| p.field == Some(field))
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.developer_message())
    }
}

impl std::error::Error for ApiError {}

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

    #[test]
    fn every_error_speaks_to_donor_and_developer() {
        let all = [
            err(400, "{}"),
            err(401, "{}"),
            err(403, "{}"),
            err(404, "{}"),
            err(429, "{}"),
            err(500, "{}"),
            err(418, "{}"),
            err(200, "x"),
            ApiError::Network { detail: "Failed to fetch".into() },
            ApiError::Timeout { after: Duration::from_secs(10) },
            ApiError::CheckoutLinkRefused(LinkRefusal::Scheme("javascript:".into())),
        ];
        let codes: std::collections::HashSet<_> = all.iter().map(ApiError::code).collect();
        assert_eq!(codes.len(), all.len(), "codes are distinct");
        for e in &all {
            assert!(!e.donor_message().is_empty());
            assert!(e.developer_message().len() > 10, "{e:?}");
        }
        let donor = ApiError::Forbidden { reason: ForbiddenReason::Other(None), message: Some("<b>x</b>".into()) };
        assert!(!donor.donor_message().contains("<b>"), "server text never reaches donors");
    }
}
