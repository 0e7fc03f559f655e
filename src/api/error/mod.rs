//! Every way an API call can fail, and what to tell the donor and the site developer.
//!
//! [`interpret`] turns a raw HTTP answer into a model or an [`ApiError`]. It is pure, so every
//! status and body variation a client must accept (`sandbox/CONTRACT.md`) is unit-tested natively.
//!
//! This file holds the error itself. The request fields a server can name are in `field`; what
//! each error says to page scripts, donors and developers in `messages`; the reading of an
//! answer's status and error body in `response`.

mod field;
mod messages;
mod response;

use std::time::Duration;

use super::checkout_link::LinkRefusal;

pub use field::{Field, Problem};
pub use response::{RawResponse, interpret};
pub(crate) use response::{check_status, decode_body};

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

impl ApiError {
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

impl std::error::Error for ApiError {}
