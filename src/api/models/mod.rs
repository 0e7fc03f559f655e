//! The JSON the four widget endpoints exchange, as serde types, decoded leniently.
//!
//! The real service may differ from our sandbox (`sandbox/CONTRACT.md` lists what a client must
//! also accept), so the derives say: every response member that is not essential is optional
//! (`#[serde(default)]`: missing is the default, `null` is `None` for an `Option` and an error
//! otherwise), aliases are accepted (`logo` for `logoUrl`, `EIN` for `ein`), unknown members are
//! ignored and unknown status words are kept rather than rejected. The same derives run in the
//! browser and in the native tests (see [`super::json`]); a member of the wrong type is an error
//! that names it.
//!
//! One file per endpoint's types (`config`, `organization`, `create_link`, `status`), the error
//! body every endpoint may answer with (`error_body`), and the checked identifiers that go into
//! URL paths (`ids`). The tests here hold the leniencies that every response shares.

mod config;
mod create_link;
mod error_body;
mod ids;
mod organization;
mod status;

pub use config::{PartnerConfig, TipConfig};
pub use create_link::{CreateLinkRequest, CreateLinkResponse, Frequency, Provider};
pub use error_body::ErrorBody;
pub use ids::{DonationId, Slug};
pub use organization::Organization;
pub use status::{DonationStatus, StatusWord};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::json::decode;

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
}
