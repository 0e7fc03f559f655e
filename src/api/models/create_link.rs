//! `POST /v1/partner/donations/create-link`: the request body with its frequency and provider
//! words, and the answer as it arrives, before its link and id are checked.

use serde::{Deserialize, Serialize};

/// How often the donation repeats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    /// One donation.
    #[default]
    Once,
    /// A donation every month.
    Monthly,
}

impl Frequency {
    /// The API's word: `once` or `monthly`.
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Once => "once",
            Frequency::Monthly => "monthly",
        }
    }

    /// Reads an integrator's word (attribute or option), leniently.
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim().to_ascii_lowercase().as_str() {
            "once" | "one-time" | "onetime" => Some(Frequency::Once),
            "monthly" => Some(Frequency::Monthly),
            _ => None,
        }
    }
}

/// Who processes the payment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Provider {
    /// every.org (the default).
    #[default]
    #[serde(rename = "every.org")]
    EveryOrg,
    /// Stripe; the tip is then also sent as `tipAmount`.
    #[serde(rename = "stripe")]
    Stripe,
}

impl Provider {
    /// The API's word: `every.org` or `stripe`.
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::EveryOrg => "every.org",
            Provider::Stripe => "stripe",
        }
    }

    /// Reads an integrator's word (attribute or option), leniently.
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim().to_ascii_lowercase().as_str() {
            "every.org" | "everyorg" | "every" => Some(Provider::EveryOrg),
            "stripe" => Some(Provider::Stripe),
            _ => None,
        }
    }
}

/// `POST /v1/partner/donations/create-link` body. Amounts are integer cents; the optional
/// fields are left out when `None`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateLinkRequest {
    /// The nonprofit's slug.
    pub nonprofit_slug: String,
    /// The donation, in cents.
    pub amount: u64,
    /// `USD`.
    pub currency: String,
    /// Once or monthly.
    pub frequency: Frequency,
    /// Who processes the payment.
    pub provider: Provider,
    /// The donor's email, for the receipt.
    pub donor_email: String,
    /// The donor's first name.
    pub first_name: String,
    /// The donor's last name.
    pub last_name: String,
    /// The tip in cents (Stripe only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tip_amount: Option<u64>,
    /// The tip share in percent.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tip_percent: Option<f64>,
    /// An attribution code.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub referral_code: Option<String>,
}

/// The create-link response as it arrives, before the link is checked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateLinkResponse {
    /// The checkout URL, not yet checked against the allow-list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub donation_link: Option<String>,
    /// The id to ask the status with, not yet checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_donation_id: Option<String>,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::json::encode;

    #[test]
    fn encodes_create_link_with_the_published_field_names() {
        let req = CreateLinkRequest {
            nonprofit_slug: "american-red-cross".into(),
            amount: 2500,
            currency: "USD".into(),
            frequency: Frequency::Monthly,
            provider: Provider::EveryOrg,
            donor_email: "ada@example.org".into(),
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            tip_amount: None,
            tip_percent: Some(10.0),
            referral_code: None,
        };
        let json: serde_json::Value = serde_json::from_str(&encode(&req).unwrap()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"nonprofitSlug":"american-red-cross","amount":2500,"currency":"USD",
                "frequency":"monthly","provider":"every.org","donorEmail":"ada@example.org",
                "firstName":"Ada","lastName":"Lovelace","tipPercent":10.0})
        );
        let stripe = CreateLinkRequest { provider: Provider::Stripe, tip_amount: Some(250), ..req };
        let json: serde_json::Value = serde_json::from_str(&encode(&stripe).unwrap()).unwrap();
        assert_eq!(json["provider"], "stripe");
        assert_eq!(json["tipAmount"], 250);
    }

    #[test]
    fn create_link_text_has_integer_cents_and_no_empty_options() {
        let req = CreateLinkRequest {
            nonprofit_slug: "acme".into(),
            amount: 10_000,
            currency: "USD".into(),
            frequency: Frequency::Once,
            provider: Provider::Stripe,
            donor_email: "ada@example.org".into(),
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            tip_amount: Some(1_500),
            tip_percent: None,
            referral_code: Some("REFER123".into()),
        };
        let text = encode(&req).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(json["amount"].is_u64() && json["tipAmount"].is_u64() && !text.contains(".0"), "{text}");
        assert_eq!((json["amount"].as_u64(), json["tipAmount"].as_u64()), (Some(10_000), Some(1_500)));
        assert!(!text.contains("tipPercent"), "{text}");
        assert_eq!(json["referralCode"], "REFER123");
        assert_eq!(json["frequency"], "once");
    }

    #[test]
    fn parses_attribute_words() {
        assert_eq!(Frequency::parse(" Monthly "), Some(Frequency::Monthly));
        assert_eq!(Frequency::parse("weekly"), None);
        assert_eq!(Provider::parse("Stripe"), Some(Provider::Stripe));
        assert_eq!(Provider::parse("every.org"), Some(Provider::EveryOrg));
        assert_eq!(Provider::parse("paypal"), None);
    }
}
