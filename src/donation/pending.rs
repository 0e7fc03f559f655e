//! The donation a widget is waiting on, kept in `sessionStorage` across the trip to checkout
//! so the widget can show the outcome when the donor comes back (reload, Back, bfcache).
//! It holds no donor details: only the id and what the thank-you needs.

use serde::{Deserialize, Serialize};

use crate::api::DonationId;
use crate::api::json::{self, whole};
use crate::money::Cents;
use crate::text::cat;

/// Stored as `{"partnerDonationId", "amount", "createdAtMs"}`; every field is required.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingDonation {
    /// The id the status is asked with; an entry whose id is not of the checked shape is not
    /// read at all.
    pub partner_donation_id: DonationId,
    /// The donation amount in cents, for the thank-you if the status omits it.
    #[serde(deserialize_with = "whole::required")]
    pub amount: u64,
    /// When the link was created (ms since the epoch): stale entries are dropped.
    pub created_at_ms: f64,
}

/// Entries older than this are forgotten: the donor has long moved on.
const MAX_AGE_MS: f64 = 24.0 * 3600.0 * 1000.0;

impl PendingDonation {
    pub fn new(partner_donation_id: &DonationId, amount: Cents, now_ms: f64) -> Self {
        Self { partner_donation_id: partner_donation_id.clone(), amount: amount.0, created_at_ms: now_ms }
    }

    /// The storage key of one widget: per partner key and nonprofit, so two widgets for
    /// different nonprofits on one page keep separate donations.
    pub fn storage_key(masked_key: &str, nonprofit: &str) -> String {
        cat(&["sir-donate:v1:", masked_key, ":", nonprofit])
    }

    pub fn to_json(&self) -> Option<String> {
        json::encode(self).ok()
    }

    /// Reads a stored entry; anything unreadable or stale is `None`.
    pub fn from_json(text: &str, now_ms: f64) -> Option<Self> {
        let p: PendingDonation = json::decode_quietly(text)?;
        let fresh = now_ms - p.created_at_ms < MAX_AGE_MS && p.created_at_ms <= now_ms + 60_000.0;
        fresh.then_some(p)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_junk_and_stale_entries() {
        let p = PendingDonation::new(&DonationId::parse("pdn_1").unwrap(), Cents(2500), 1_000.0);
        let text = p.to_json().unwrap();
        assert!(!text.contains('@'), "no donor details");
        assert_eq!(PendingDonation::from_json(&text, 2_000.0), Some(p));
        assert_eq!(PendingDonation::from_json(&text, 1_000.0 + MAX_AGE_MS), None);
        assert_eq!(PendingDonation::from_json("{", 0.0), None);
        for id in ["", "..", "a/b", "%2e%2e"] {
            let entry = format!(r#"{{"partnerDonationId":"{id}","amount":1,"createdAtMs":0}}"#);
            assert_eq!(PendingDonation::from_json(&entry, 0.0), None, "{id:?}");
        }
        assert_eq!(PendingDonation::storage_key("pk_test_…5a5a", "acme"), "sir-donate:v1:pk_test_…5a5a:acme");
    }

    #[test]
    fn stored_entries_need_every_field() {
        let p = PendingDonation::new(&DonationId::parse("pdn_1").unwrap(), Cents(4200), 1_000.5);
        let text = p.to_json().unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(json["amount"].is_u64() && !text.contains("4200.0"), "cents stay an integer: {text}");
        assert_eq!(PendingDonation::from_json(&text, 2_000.0), Some(p));
        let whole = r#"{"partnerDonationId":"pdn_1","amount":4200,"createdAtMs":1000,"extra":true}"#;
        assert!(PendingDonation::from_json(whole, 2_000.0).is_some(), "unknown fields are ignored");
        for partial in [
            r#"{"amount":4200,"createdAtMs":1000}"#,
            r#"{"partnerDonationId":"pdn_1","createdAtMs":1000}"#,
            r#"{"partnerDonationId":"pdn_1","amount":4200}"#,
            r#"{"partnerDonationId":"pdn_1","amount":null,"createdAtMs":1000}"#,
            r#"{"partnerDonationId":"pdn_1","amount":42.5,"createdAtMs":1000}"#,
            "null",
        ] {
            assert_eq!(PendingDonation::from_json(partial, 2_000.0), None, "{partial}");
        }
    }
}
