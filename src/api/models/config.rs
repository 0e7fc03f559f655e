//! `GET /v1/partner/config`: the partner's widget configuration, and whether it lets donors
//! donate and tip.

use serde::{Deserialize, Serialize};

use crate::api::json::whole;

/// `GET /v1/partner/config`: the partner's widget configuration.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PartnerConfig {
    /// The partner's id.
    pub id: String,
    /// The partner's name.
    pub name: String,
    /// The partner's slug.
    pub slug: String,
    /// Features on for this partner; donating needs `DONATIONS`.
    pub enabled_features: Vec<String>,
    /// Requests allowed per minute, where the service says.
    #[serde(deserialize_with = "whole::optional", skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<u64>,
    /// `false` when the partner may not take donations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    /// `PENDING_APPROVAL`, `ACTIVE` or `SUSPENDED` where the service reports it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Whether donors are offered a tip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tip_config: Option<TipConfig>,
}

/// Whether the donor is offered a tip, and the suggested share.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TipConfig {
    /// Tips are offered.
    pub enabled: bool,
    /// The suggested share, in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_percent: Option<f64>,
}

impl PartnerConfig {
    /// Authentication alone does not enable donations: the partner must be active and have the
    /// `DONATIONS` feature.
    pub fn accepts_donations(&self) -> bool {
        self.is_active() && self.enabled_features.iter().any(|f| f.eq_ignore_ascii_case("DONATIONS"))
    }

    /// Active unless the service says otherwise, by flag or by status word.
    pub fn is_active(&self) -> bool {
        let status_ok = self.status.as_deref().is_none_or(|s| s.eq_ignore_ascii_case("ACTIVE"));
        self.is_active != Some(false) && status_ok
    }

    /// The tip configuration when tips are on, with its default share clamped to 0–100 %.
    pub fn tips(&self) -> Option<TipConfig> {
        let tips = self.tip_config.as_ref().filter(|t| t.enabled)?;
        Some(TipConfig {
            enabled: true,
            default_percent: tips.default_percent.filter(|p| p.is_finite()).map(|p| p.clamp(0.0, 100.0)),
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::json::decode;

    #[test]
    fn decodes_the_published_config_example() {
        let c: PartnerConfig = decode(
            r#"{"id":"...","name":"Acme Inc","slug":"acme","enabledFeatures":["DONATIONS","ACTIONS"],
               "rateLimit":5000,"isActive":true,"webhookUrl":"https://acme.com/webhooks/sir",
               "tipConfig":{"enabled":true,"defaultPercent":10}}"#,
        )
        .unwrap();
        assert_eq!(c.name, "Acme Inc");
        assert_eq!(c.rate_limit, Some(5000));
        assert!(c.accepts_donations());
        assert_eq!(c.tips().unwrap().default_percent, Some(10.0));
    }

    #[test]
    fn config_without_donations_or_inactive_refuses_donating() {
        let no_feature: PartnerConfig = decode(r#"{"enabledFeatures":["ACTIONS"],"isActive":true}"#).unwrap();
        assert!(!no_feature.accepts_donations());
        let inactive: PartnerConfig = decode(r#"{"enabledFeatures":["DONATIONS"],"isActive":false}"#).unwrap();
        assert!(!inactive.accepts_donations());
        let suspended: PartnerConfig = decode(r#"{"enabledFeatures":["donations"],"status":"SUSPENDED"}"#).unwrap();
        assert!(!suspended.accepts_donations());
        let minimal: PartnerConfig = decode(r#"{"enabledFeatures":["donations"]}"#).unwrap();
        assert!(minimal.accepts_donations(), "missing isActive/status means active");
        assert_eq!(minimal.tips(), None);
        let off: PartnerConfig = decode(r#"{"tipConfig":{"enabled":false,"defaultPercent":10}}"#).unwrap();
        assert_eq!(off.tips(), None);
        let wild: PartnerConfig = decode(r#"{"tipConfig":{"enabled":true,"defaultPercent":250}}"#).unwrap();
        assert_eq!(wild.tips().unwrap().default_percent, Some(100.0));
    }
}
