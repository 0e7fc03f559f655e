//! The fixture partners behind the three built-in test keys.

use serde::{Deserialize, Serialize};

use crate::keys::fixture_key;

pub const FEATURE_DONATIONS: &str = "DONATIONS";
pub const FEATURE_ACTIONS: &str = "ACTIONS";

/// Lifecycle status from the published partner states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PartnerStatus {
    Active,
    Suspended,
}

impl PartnerStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PartnerStatus::Active => "ACTIVE",
            PartnerStatus::Suspended => "SUSPENDED",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Partner {
    pub key: String,
    pub id: &'static str,
    pub name: &'static str,
    pub slug: &'static str,
    pub status: PartnerStatus,
    pub enabled_features: &'static [&'static str],
    pub rate_limit: u32,
    pub webhook_url: &'static str,
    pub tips_enabled: bool,
    pub tip_default_percent: u32,
}

impl Partner {
    pub fn is_active(&self) -> bool {
        self.status == PartnerStatus::Active
    }

    pub fn has_feature(&self, feature: &str) -> bool {
        self.enabled_features.contains(&feature)
    }

    /// The `GET /v1/partner/config` body. `rate_limit` is the limit actually
    /// enforced, which a sandbox-wide override may have replaced.
    pub fn config(&self, rate_limit: u32) -> PartnerConfig {
        PartnerConfig {
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            slug: self.slug.to_owned(),
            enabled_features: self.enabled_features.iter().map(|f| (*f).to_owned()).collect(),
            rate_limit,
            is_active: self.is_active(),
            status: self.status,
            webhook_url: self.webhook_url.to_owned(),
            tip_config: TipConfig { enabled: self.tips_enabled, default_percent: self.tip_default_percent },
        }
    }
}

/// `GET /v1/partner/config`: who the key belongs to and what it may do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerConfig {
    pub id: String,
    pub name: String,
    pub slug: String,
    /// E.g. `["DONATIONS", "ACTIONS"]`; create-link needs `DONATIONS`.
    pub enabled_features: Vec<String>,
    /// Requests allowed per 60-second window.
    pub rate_limit: u32,
    pub is_active: bool,
    pub status: PartnerStatus,
    pub webhook_url: String,
    pub tip_config: TipConfig,
}

/// Whether the widget offers the donor a tip to SIR, and the suggested share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TipConfig {
    pub enabled: bool,
    pub default_percent: u32,
}

/// The three partners, keyed by `pk_test_` + a hex pair repeated 32 times.
pub fn fixtures() -> Vec<Partner> {
    vec![
        Partner {
            key: fixture_key("5a"),
            id: "ptn_acme",
            name: "Acme Giving",
            slug: "acme",
            status: PartnerStatus::Active,
            enabled_features: &[FEATURE_DONATIONS, FEATURE_ACTIONS],
            rate_limit: 5000,
            webhook_url: "https://acme.example/webhooks/sir",
            tips_enabled: true,
            tip_default_percent: 10,
        },
        Partner {
            key: fixture_key("0d"),
            id: "ptn_no_donations",
            name: "No Donations Co",
            slug: "no-donations",
            status: PartnerStatus::Active,
            enabled_features: &[FEATURE_ACTIONS],
            rate_limit: 1000,
            webhook_url: "https://no-donations.example/webhooks/sir",
            tips_enabled: false,
            tip_default_percent: 0,
        },
        Partner {
            key: fixture_key("5e"),
            id: "ptn_paused",
            name: "Paused Partner",
            slug: "paused",
            status: PartnerStatus::Suspended,
            enabled_features: &[FEATURE_DONATIONS, FEATURE_ACTIONS],
            rate_limit: 1000,
            webhook_url: "https://paused.example/webhooks/sir",
            tips_enabled: false,
            tip_default_percent: 0,
        },
    ]
}

/// Finds the partner owning `key`, if it is one of the fixtures.
pub fn find<'a>(partners: &'a [Partner], key: &str) -> Option<&'a Partner> {
    partners.iter().find(|p| p.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixture_keys_map_to_the_documented_partners() {
        let all = fixtures();
        let acme = find(&all, &fixture_key("5a")).unwrap();
        assert_eq!(acme.name, "Acme Giving");
        assert!(acme.is_active() && acme.has_feature(FEATURE_DONATIONS));
        let none = find(&all, &fixture_key("0d")).unwrap();
        assert!(none.is_active() && !none.has_feature(FEATURE_DONATIONS));
        let paused = find(&all, &fixture_key("5e")).unwrap();
        assert!(!paused.is_active());
        assert!(find(&all, &fixture_key("ff")).is_none());
    }

    #[test]
    fn config_reports_the_enforced_limit_in_the_documented_shape() {
        let all = fixtures();
        let body = serde_json::to_value(all[0].config(3)).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "id": "ptn_acme",
                "name": "Acme Giving",
                "slug": "acme",
                "enabledFeatures": ["DONATIONS", "ACTIONS"],
                "rateLimit": 3,
                "isActive": true,
                "status": "ACTIVE",
                "webhookUrl": "https://acme.example/webhooks/sir",
                "tipConfig": {"enabled": true, "defaultPercent": 10},
            })
        );
        assert_eq!(serde_json::to_value(all[2].config(1)).unwrap()["status"], "SUSPENDED");
    }
}
