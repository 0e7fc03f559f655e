//! What each [`ApiError`] says: a stable code and a one-line summary, neither with a word from
//! the server, so both are safe to hand to page scripts; a sentence for the donor; and the whole
//! story, server words included, for the developer's console only.

use std::fmt;

use super::{ApiError, ForbiddenReason};
use crate::text::{cat, digits, join};

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
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.developer_message())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::api::checkout_link::LinkRefusal;
    use crate::api::error::{RawResponse, interpret};
    use crate::api::models::PartnerConfig;

    fn err(status: u16, body: &str) -> ApiError {
        let raw = RawResponse { status, retry_after: None, body: body.into() };
        interpret::<PartnerConfig>(&raw, 0.0).unwrap_err()
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
