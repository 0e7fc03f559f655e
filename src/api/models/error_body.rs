//! The body of a non-2xx answer, which any endpoint may send.

use serde::{Deserialize, Serialize};

/// The body of a non-2xx answer. Every field may be missing. Its `statusCode` repeats the HTTP
/// status, which is read from the answer itself, so it is not read here.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ErrorBody {
    /// `Bad Request` and the like.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// `message`: one string, or one string per invalid field; empty when missing.
    #[serde(rename = "message", deserialize_with = "crate::api::json::one_or_many")]
    pub messages: Vec<String>,
    /// A machine-readable reason (`FEATURE_DISABLED`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::json::decode;

    #[test]
    fn decodes_error_bodies() {
        let one: ErrorBody =
            decode(r#"{"statusCode":403,"error":"Forbidden","message":"nope","code":"FEATURE_DISABLED"}"#).unwrap();
        assert_eq!(one.code.as_deref(), Some("FEATURE_DISABLED"));
        assert_eq!(one.messages, vec!["nope"]);
        let many: ErrorBody = decode(r#"{"message":["amount bad","donorEmail bad"]}"#).unwrap();
        assert_eq!(many.messages.len(), 2);
        let empty: ErrorBody = decode("{}").unwrap();
        assert_eq!(empty, ErrorBody::default());
    }
}
