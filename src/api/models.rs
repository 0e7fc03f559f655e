//! The JSON the four widget endpoints exchange, as serde types, decoded leniently.
//!
//! The real service may differ from our sandbox (`sandbox/CONTRACT.md` lists what a client must also accept), so the derives
//! say: every response member that is not essential is optional (`#[serde(default)]`: missing
//! is the default, `null` is `None` for an `Option` and an error otherwise), aliases are
//! accepted (`logo` for `logoUrl`, `EIN` for `ein`), unknown members are ignored and unknown
//! status words are kept rather than rejected. The same derives run in the browser and in the
//! native tests (see [`super::json`]); a member of the wrong type is an error that names it.

use serde::{Deserialize, Serialize};

use super::json::whole;

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

/// `GET /v1/partner/organizations/:slug`: a nonprofit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "OrganizationAnswer")]
pub struct Organization {
    /// The nonprofit's id.
    pub id: String,
    /// Its slug, as used in the path.
    pub slug: String,
    /// Its name, to show.
    pub name: String,
    /// `logoUrl`, or `logo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    /// `ein`, or `EIN`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ein: Option<String>,
    /// `ACTIVE` and the like, where the service says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// An organization as it arrives. The published names and their aliases are separate members,
/// so an answer that carries both is read (the published one wins) instead of being refused
/// as a duplicate, which a serde `alias` would do.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[derive(Default)]
struct OrganizationAnswer {
    id: String,
    slug: String,
    name: String,
    logo_url: Option<String>,
    logo: Option<String>,
    ein: Option<String>,
    #[serde(rename = "EIN")]
    ein_upper: Option<String>,
    status: Option<String>,
}

impl From<OrganizationAnswer> for Organization {
    fn from(a: OrganizationAnswer) -> Self {
        Organization {
            id: a.id,
            slug: a.slug,
            name: a.name,
            logo_url: a.logo_url.or(a.logo),
            ein: a.ein.or(a.ein_upper),
            status: a.status,
        }
    }
}

impl Organization {
    /// The name to show; the slug when the service sent none.
    pub fn display_name(&self) -> &str {
        if self.name.trim().is_empty() { &self.slug } else { &self.name }
    }
}

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

/// The body of a non-2xx answer. Every field may be missing. Its `statusCode` repeats the HTTP
/// status, which is read from the answer itself, so it is not read here.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ErrorBody {
    /// `Bad Request` and the like.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// `message`: one string, or one string per invalid field; empty when missing.
    #[serde(rename = "message", deserialize_with = "super::json::one_or_many")]
    pub messages: Vec<String>,
    /// A machine-readable reason (`FEATURE_DISABLED`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// A nonprofit slug as it may appear in a URL path: lower-case letters, digits and dashes.
/// Checking it first means host-page input can never add path segments or a query.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    /// The slug, if `input` (trimmed) is one: 1 to 100 lower-case letters, digits, `-` and `_`.
    pub fn parse(input: &str) -> Option<Self> {
        let s = input.trim();
        let ok = !s.is_empty()
            && s.len() <= 100
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        ok.then(|| Slug(s.to_owned()))
    }

    /// The slug as it goes into the path.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A `partnerDonationId`, checked before it goes into a URL path or an event: 1 to 128 of the
/// URL's unreserved characters (ASCII letters, digits, `-`, `.`, `_`, `~`), and not made of dots
/// only. The sandbox's ids (`pdn_` + 24 hex) and any id a real server is likely to use fit; an
/// id that would need escaping, could add or climb path segments (`a/b`, `..`, `%2e%2e`) or
/// carry anything but an identifier is refused, wherever it comes from (the API, session
/// storage or the host page).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DonationId(String);

impl TryFrom<String> for DonationId {
    type Error = &'static str;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        DonationId::parse(&text).ok_or("not a partnerDonationId: 1 to 128 URL-unreserved characters, not dots only")
    }
}

impl From<DonationId> for String {
    fn from(id: DonationId) -> Self {
        id.0
    }
}

impl DonationId {
    /// The id, if `input` is of the shape above.
    pub fn parse(input: &str) -> Option<Self> {
        let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        let ok = (1..=128).contains(&input.len()) && input.bytes().all(unreserved) && !input.bytes().all(|b| b == b'.');
        ok.then(|| DonationId(input.to_owned()))
    }

    /// The id as it goes into the path.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::json::{decode, encode};

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

    #[test]
    fn decodes_organization_and_its_variants() {
        let sandbox: Organization = decode(
            r#"{"id":"org_1","slug":"american-red-cross","name":"American Red Cross",
               "logoUrl":"https://x/logo.svg","ein":"53-0196605","status":"ACTIVE"}"#,
        )
        .unwrap();
        assert_eq!(sandbox.logo_url.as_deref(), Some("https://x/logo.svg"));
        assert_eq!(sandbox.ein.as_deref(), Some("53-0196605"));
        let aliased: Organization =
            decode(r#"{"id":"o","slug":"s","name":"N","logo":"https://x/l.png","EIN":"12","extra":{"a":1}}"#).unwrap();
        assert_eq!(aliased.logo_url.as_deref(), Some("https://x/l.png"));
        assert_eq!(aliased.ein.as_deref(), Some("12"));
        let bare: Organization = decode(r#"{"slug":"khan-academy"}"#).unwrap();
        assert_eq!(bare.logo_url, None);
        assert_eq!(bare.display_name(), "khan-academy");
    }

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
    fn responses_keep_their_leniencies() {
        // Numbers sent with a fraction of zero are the same number in the browser.
        let c: PartnerConfig =
            decode(r#"{"rateLimit":5000.0,"tipConfig":{"enabled":true,"defaultPercent":7.5}}"#).unwrap();
        assert_eq!(c.rate_limit, Some(5000));
        assert_eq!(c.tips().unwrap().default_percent, Some(7.5));
        // null is "not sent" for optional fields.
        let c: PartnerConfig = decode(
            r#"{"rateLimit":null,"isActive":null,"status":null,"tipConfig":null,"enabledFeatures":["DONATIONS"]}"#,
        )
        .unwrap();
        assert!(c.accepts_donations());
        // Both names of an aliased field: the published one wins, in either order.
        let both: Organization = decode(r#"{"logoUrl":"https://x/a.svg","logo":"https://x/b.png"}"#).unwrap();
        assert_eq!(both.logo_url.as_deref(), Some("https://x/a.svg"));
        let both: Organization = decode(r#"{"EIN":"2","logo":"https://x/b.png","ein":"1"}"#).unwrap();
        assert_eq!((both.logo_url.as_deref(), both.ein.as_deref()), (Some("https://x/b.png"), Some("1")));
        // Numbers as large as the browser holds exactly, and no larger.
        let s: DonationStatus = decode(r#"{"amount":9007199254740991}"#).unwrap();
        assert_eq!(s.amount, Some(9_007_199_254_740_991));
        assert!(decode::<DonationStatus>(r#"{"amount":9007199254740993}"#).is_err());
        assert!(decode::<DonationStatus>(r#"{"amount":-1}"#).is_err());
        let s: DonationStatus = decode(r#"{"status":" Canceled ","amount":null,"tokensAwarded":null}"#).unwrap();
        assert_eq!(s.status, StatusWord::Cancelled);
        assert_eq!(s.amount, None);
        let created: CreateLinkResponse =
            decode(r#"{"donationLink":"https://every.org/x","partnerDonationId":"pdn_1","extra":1}"#).unwrap();
        assert_eq!(created.partner_donation_id.as_deref(), Some("pdn_1"));
        assert_eq!(decode::<CreateLinkResponse>("{}"), Ok(CreateLinkResponse::default()));
    }

    #[test]
    fn responses_of_the_wrong_shape_are_errors_that_say_where() {
        let e = decode::<PartnerConfig>(r#"{"tipConfig":{"enabled":"yes"}}"#).unwrap_err();
        assert!(e.starts_with("tipConfig.enabled: invalid type: string \"yes\", expected a boolean"), "{e}");
        let e = decode::<DonationStatus>(r#"{"amount":25.5}"#).unwrap_err();
        assert!(e.starts_with("amount: invalid value: floating point `25.5`, expected a whole number"), "{e}");
        let e = decode::<Organization>(r#"{"name":7}"#).unwrap_err();
        assert!(e.starts_with("name: invalid type: integer `7`, expected a string"), "{e}");
        assert!(decode::<PartnerConfig>(r#"{"rateLimit":"5000"}"#).is_err());
        assert!(decode::<PartnerConfig>(r#"{"name":null}"#).is_err());
        assert!(decode::<DonationStatus>(r#"{"status":null}"#).is_err());
        assert!(decode::<DonationStatus>(r#"{"amount":25.5}"#).is_err());
        assert!(decode::<DonationStatus>("[]").is_err());
        assert!(decode::<ErrorBody>(r#"{"message":3}"#).is_err());
        assert!(decode::<ErrorBody>(r#"{"message":["a",3]}"#).is_err());
        assert_eq!(decode::<ErrorBody>(r#"{"message":[]}"#).unwrap().messages, Vec::<String>::new());
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

    #[test]
    fn slugs_and_ids_cannot_reshape_a_path() {
        assert!(Slug::parse("american-red-cross").is_some());
        for bad in ["", " ", "..", ".", "../config", "a/b", "a?b", "A-Upper", "a b", "%2e%2e", "a#b"] {
            assert!(Slug::parse(bad).is_none(), "{bad:?}");
        }
        for good in ["pdn_0123456789abcdef01234567", "PDN-1", "v1.2~x", "a..b", &"x".repeat(128)] {
            assert_eq!(DonationId::parse(good).as_ref().map(DonationId::as_str), Some(good), "{good:?}");
        }
        let too_long = "x".repeat(129);
        for bad in [
            "",
            " ",
            ".",
            "..",
            "...",
            "a/b",
            "../x",
            "/x",
            "%2e%2e",
            "%2F",
            "a b",
            " pdn_1",
            "a\nb",
            "a?b",
            "a#b",
            "a;b",
            "a\\b",
            "jane@example.com",
            "é",
            &too_long,
        ] {
            assert!(DonationId::parse(bad).is_none(), "{bad:?}");
        }
    }
}
