//! Donations created through create-link, and their status lifecycle:
//! `PENDING` → `COMPLETED` → `REWARDED`, or `PENDING` → `CANCELLED`.
//!
//! Donor details (email, names) are validated but never stored: nothing in
//! the sandbox needs them after the request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::clock::rfc3339_utc;
use crate::sync::lock;

/// The sandbox's status words. The real service also knows `FAILED` and
/// `EXPIRED`, which the sandbox never produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DonationStatus {
    Pending,
    Completed,
    Rewarded,
    Cancelled,
}

impl DonationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DonationStatus::Pending => "PENDING",
            DonationStatus::Completed => "COMPLETED",
            DonationStatus::Rewarded => "REWARDED",
            DonationStatus::Cancelled => "CANCELLED",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Donation {
    pub id: String,
    pub partner_id: String,
    pub nonprofit_slug: String,
    pub amount: i64,
    pub tip_amount: Option<i64>,
    pub currency: String,
    pub frequency: String,
    pub provider: String,
    pub status: DonationStatus,
    pub tokens_awarded: Option<i64>,
    pub updated_at: SystemTime,
}

impl Donation {
    /// The status endpoint's body; `tokensAwarded` appears only once rewarded.
    pub fn status_body(&self) -> DonationStatusBody {
        DonationStatusBody {
            partner_donation_id: self.id.clone(),
            status: self.status,
            amount: self.amount,
            currency: self.currency.clone(),
            frequency: self.frequency.clone(),
            nonprofit_slug: self.nonprofit_slug.clone(),
            updated_at: rfc3339_utc(self.updated_at),
            tokens_awarded: self.tokens_awarded,
        }
    }
}

/// `GET /v1/partner/donations/status/:partnerDonationId`, and the control
/// API's complete and cancel answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DonationStatusBody {
    pub partner_donation_id: String,
    pub status: DonationStatus,
    /// Integer cents.
    pub amount: i64,
    pub currency: String,
    pub frequency: String,
    pub nonprofit_slug: String,
    /// RFC 3339 UTC with milliseconds, e.g. `2025-01-31T09:05:07.042Z`.
    pub updated_at: String,
    /// SIR tokens issued; absent until the donation is `REWARDED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens_awarded: Option<i64>,
}

/// New donation data before the store assigns an id and status.
pub struct NewDonation {
    pub partner_id: String,
    pub nonprofit_slug: String,
    pub amount: i64,
    pub tip_amount: Option<i64>,
    pub currency: String,
    pub frequency: String,
    pub provider: String,
}

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionError {
    NotFound,
    /// The donation is no longer `PENDING`; carries its current status.
    NotPending(DonationStatus),
}

/// SIR tokens issued for a donation: one per whole dollar.
pub fn tokens_for(amount_cents: i64) -> i64 {
    amount_cents / 100
}

/// `pdn_` + 24 random hex digits.
pub fn new_donation_id() -> String {
    let mut bytes = [0u8; 12];
    if getrandom::fill(&mut bytes).is_err() {
        // The OS RNG failing is practically impossible; a time-derived id is
        // still unique enough for a local sandbox.
        let nanos = crate::clock::since_epoch(SystemTime::now()).as_nanos();
        bytes.copy_from_slice(&nanos.to_le_bytes()[..12]);
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("pdn_{hex}")
}

#[derive(Default)]
pub struct DonationStore {
    donations: Mutex<HashMap<String, Donation>>,
}

impl DonationStore {
    pub fn create(&self, new: NewDonation) -> Donation {
        let donation = Donation {
            id: new_donation_id(),
            partner_id: new.partner_id,
            nonprofit_slug: new.nonprofit_slug,
            amount: new.amount,
            tip_amount: new.tip_amount,
            currency: new.currency,
            frequency: new.frequency,
            provider: new.provider,
            status: DonationStatus::Pending,
            tokens_awarded: None,
            updated_at: SystemTime::now(),
        };
        lock(&self.donations).insert(donation.id.clone(), donation.clone());
        donation
    }

    pub fn get(&self, id: &str) -> Option<Donation> {
        lock(&self.donations).get(id).cloned()
    }

    /// A donation as seen by `partner_id`: someone else's donation is invisible.
    pub fn get_for_partner(&self, id: &str, partner_id: &str) -> Option<Donation> {
        self.get(id).filter(|d| d.partner_id == partner_id)
    }

    /// `PENDING` → `COMPLETED`, then `REWARDED` after `reward_delay`.
    pub fn complete(self: &Arc<Self>, id: &str, reward_delay: Duration) -> Result<Donation, TransitionError> {
        let completed = self.transition(id, DonationStatus::Completed)?;
        let store = Arc::clone(self);
        let id = id.to_owned();
        tokio::spawn(async move {
            tokio::time::sleep(reward_delay).await;
            store.reward(&id);
        });
        Ok(completed)
    }

    /// `PENDING` → `CANCELLED`.
    pub fn cancel(&self, id: &str) -> Result<Donation, TransitionError> {
        self.transition(id, DonationStatus::Cancelled)
    }

    fn transition(&self, id: &str, to: DonationStatus) -> Result<Donation, TransitionError> {
        let mut donations = lock(&self.donations);
        let donation = donations.get_mut(id).ok_or(TransitionError::NotFound)?;
        if donation.status != DonationStatus::Pending {
            return Err(TransitionError::NotPending(donation.status));
        }
        donation.status = to;
        donation.updated_at = SystemTime::now();
        Ok(donation.clone())
    }

    /// `COMPLETED` → `REWARDED`; a no-op if the donation was reset away meanwhile.
    fn reward(&self, id: &str) {
        let mut donations = lock(&self.donations);
        if let Some(d) = donations.get_mut(id)
            && d.status == DonationStatus::Completed
        {
            d.status = DonationStatus::Rewarded;
            d.tokens_awarded = Some(tokens_for(d.amount));
            d.updated_at = SystemTime::now();
        }
    }

    pub fn reset(&self) {
        lock(&self.donations).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(store: &DonationStore) -> Donation {
        store.create(NewDonation {
            partner_id: "ptn_a".into(),
            nonprofit_slug: "khan-academy".into(),
            amount: 2550,
            tip_amount: None,
            currency: "USD".into(),
            frequency: "once".into(),
            provider: "stripe".into(),
        })
    }

    #[test]
    fn ids_have_the_documented_shape_and_differ() {
        let a = new_donation_id();
        let b = new_donation_id();
        assert_ne!(a, b);
        assert_eq!(a.len(), 4 + 24);
        assert!(a.starts_with("pdn_"));
        assert!(a[4..].bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }

    #[test]
    fn status_body_omits_tokens_until_rewarded() {
        let store = DonationStore::default();
        let d = sample(&store);
        let body = serde_json::to_value(d.status_body()).unwrap();
        let updated = body["updatedAt"].as_str().unwrap().to_owned();
        assert!(updated.ends_with('Z'));
        assert_eq!(
            body,
            serde_json::json!({
                "partnerDonationId": d.id,
                "status": "PENDING",
                "amount": 2550,
                "currency": "USD",
                "frequency": "once",
                "nonprofitSlug": "khan-academy",
                "updatedAt": updated,
            })
        );
        store.transition(&d.id, DonationStatus::Completed).unwrap();
        store.reward(&d.id);
        let rewarded = serde_json::to_value(store.get(&d.id).unwrap().status_body()).unwrap();
        assert_eq!(rewarded["status"], "REWARDED");
        assert_eq!(rewarded["tokensAwarded"], 25);
    }

    #[test]
    fn only_pending_donations_move() {
        let store = DonationStore::default();
        let d = sample(&store);
        assert_eq!(store.cancel(&d.id).unwrap().status, DonationStatus::Cancelled);
        assert_eq!(store.cancel(&d.id).unwrap_err(), TransitionError::NotPending(DonationStatus::Cancelled));
        store.reward(&d.id);
        assert_eq!(store.get(&d.id).unwrap().status, DonationStatus::Cancelled);
        assert_eq!(store.cancel("pdn_missing").unwrap_err(), TransitionError::NotFound);
    }

    #[test]
    fn foreign_donations_are_invisible() {
        let store = DonationStore::default();
        let d = sample(&store);
        assert!(store.get_for_partner(&d.id, "ptn_a").is_some());
        assert!(store.get_for_partner(&d.id, "ptn_b").is_none());
    }

    #[tokio::test]
    async fn completion_is_rewarded_after_the_delay() {
        let store = Arc::new(DonationStore::default());
        let d = sample(&store);
        let done = store.complete(&d.id, Duration::from_millis(20)).unwrap();
        assert_eq!(done.status, DonationStatus::Completed);
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(store.get(&d.id).unwrap().status, DonationStatus::Rewarded);
    }
}
