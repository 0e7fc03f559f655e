//! `GET /v1/partner/donations/status/:partnerDonationId`: where a donation is, with every status
//! word the widget knows and room for the ones it does not.

use serde::{Deserialize, Serialize};

use crate::api::json::whole;

/// A donation's state. Words the widget does not know are kept in `Other` and shown as
/// "processing", so a new state on the server never breaks the widget.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum StatusWord {
    /// Link created, not paid yet.
    Pending,
    /// Paid.
    Completed,
    /// Paid, and SIR tokens issued.
    Rewarded,
    /// The payment failed.
    Failed,
    /// The donor cancelled.
    Cancelled,
    /// The checkout expired.
    Expired,
    /// A word the widget does not know, as received.
    Other(String),
}

impl From<String> for StatusWord {
    fn from(word: String) -> Self {
        StatusWord::parse(&word)
    }
}

impl From<StatusWord> for String {
    fn from(word: StatusWord) -> Self {
        word.as_str().to_owned()
    }
}

impl StatusWord {
    /// Reads a status word in any case (`canceled` too).
    pub fn parse(word: &str) -> Self {
        match word.trim().to_ascii_uppercase().as_str() {
            "PENDING" => StatusWord::Pending,
            "COMPLETED" => StatusWord::Completed,
            "REWARDED" => StatusWord::Rewarded,
            "FAILED" => StatusWord::Failed,
            "CANCELLED" | "CANCELED" => StatusWord::Cancelled,
            "EXPIRED" => StatusWord::Expired,
            _ => StatusWord::Other(word.to_owned()),
        }
    }

    /// The canonical upper-case word (unknown words as received).
    pub fn as_str(&self) -> &str {
        match self {
            StatusWord::Other(word) => word,
            known => known.known_word().unwrap_or_default(),
        }
    }

    /// The canonical word of a status the widget knows; `None` for [`StatusWord::Other`], whose
    /// text came from the server as it was.
    pub fn known_word(&self) -> Option<&'static str> {
        Some(match self {
            StatusWord::Pending => "PENDING",
            StatusWord::Completed => "COMPLETED",
            StatusWord::Rewarded => "REWARDED",
            StatusWord::Failed => "FAILED",
            StatusWord::Cancelled => "CANCELLED",
            StatusWord::Expired => "EXPIRED",
            StatusWord::Other(_) => return None,
        })
    }

    /// The donor has paid.
    pub fn is_paid(&self) -> bool {
        matches!(self, StatusWord::Completed | StatusWord::Rewarded)
    }

    /// Nothing more will happen: stop polling.
    pub fn is_final(&self) -> bool {
        matches!(self, StatusWord::Rewarded | StatusWord::Failed | StatusWord::Cancelled | StatusWord::Expired)
    }

    /// The donation did not go through and the donor may try again.
    pub fn is_unsuccessful(&self) -> bool {
        matches!(self, StatusWord::Failed | StatusWord::Cancelled | StatusWord::Expired)
    }
}

impl Default for StatusWord {
    fn default() -> Self {
        StatusWord::Other(String::new())
    }
}

/// `GET /v1/partner/donations/status/:partnerDonationId`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DonationStatus {
    /// The donation's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_donation_id: Option<String>,
    /// Where the donation is; any string is accepted (unknown words become `Other`).
    pub status: StatusWord,
    /// Integer cents.
    #[serde(deserialize_with = "whole::optional", skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    /// `USD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `once` or `monthly`, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
    /// The nonprofit donated to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nonprofit_slug: Option<String>,
    /// SIR tokens issued, once rewarded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens_awarded: Option<f64>,
    /// When the status last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::json::decode;

    #[test]
    fn decodes_status_with_variants() {
        let s: DonationStatus = decode(
            r#"{"partnerDonationId":"pdn_1","status":"REWARDED","amount":2500,"currency":"USD",
               "frequency":"once","nonprofitSlug":"american-red-cross","tokensAwarded":25,
               "updatedAt":"2026-11-27T10:00:00Z","surprise":true}"#,
        )
        .unwrap();
        assert_eq!(s.status, StatusWord::Rewarded);
        assert_eq!(s.amount, Some(2500));
        assert_eq!(s.tokens_awarded, Some(25.0));
        let lower: DonationStatus = decode(r#"{"status":"completed"}"#).unwrap();
        assert_eq!(lower.status, StatusWord::Completed);
        assert!(lower.status.is_paid() && !lower.status.is_final());
        let unknown: DonationStatus = decode(r#"{"status":"AWAITING_BANK"}"#).unwrap();
        assert_eq!(unknown.status, StatusWord::Other("AWAITING_BANK".into()));
        assert!(!unknown.status.is_final() && !unknown.status.is_paid());
        let empty: DonationStatus = decode("{}").unwrap();
        assert_eq!(empty.status, StatusWord::default());
    }

    #[test]
    fn status_words_classify() {
        for w in ["pending", "PENDING"] {
            assert_eq!(StatusWord::parse(w), StatusWord::Pending);
        }
        assert_eq!(StatusWord::parse("canceled"), StatusWord::Cancelled);
        for w in ["REWARDED", "FAILED", "cancelled", "expired"] {
            assert!(StatusWord::parse(w).is_final(), "{w}");
        }
        for w in ["FAILED", "CANCELLED", "EXPIRED"] {
            assert!(StatusWord::parse(w).is_unsuccessful(), "{w}");
        }
        assert_eq!(StatusWord::parse("expired").as_str(), "EXPIRED");
    }
}
