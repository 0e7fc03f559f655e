//! Validation of the `POST /v1/partner/donations/create-link` body.
//!
//! Every problem is reported, one message per field, each message starting
//! with the field name, so a client can map messages back to form inputs.
//!
//! This file holds the body as read, the request it becomes and the checks
//! across members; the rule for each member is in `rules`.

mod rules;

use serde::Deserialize;
use serde_json::Value;

use crate::errors::ApiError;
use rules::{looks_like_email, non_empty_name, one_of, required, required_string};

pub const MIN_AMOUNT_CENTS: i64 = 100;
pub const MAX_AMOUNT_CENTS: i64 = 10_000_000;
pub const MAX_REFERRAL_CODE_CHARS: usize = 64;
pub const FREQUENCIES: [&str; 2] = ["once", "monthly"];
pub const PROVIDERS: [&str; 2] = ["every.org", "stripe"];

/// The create-link request body as read. Each member is kept as raw JSON, so
/// that a wrong type becomes that member's own message instead of ending the
/// read; `null` reads as absent and unknown members are ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct CreateLinkBody {
    pub nonprofit_slug: Option<Value>,
    pub amount: Option<Value>,
    pub currency: Option<Value>,
    pub frequency: Option<Value>,
    pub provider: Option<Value>,
    pub donor_email: Option<Value>,
    pub first_name: Option<Value>,
    pub last_name: Option<Value>,
    pub tip_amount: Option<Value>,
    pub tip_percent: Option<Value>,
    pub referral_code: Option<Value>,
}

impl CreateLinkBody {
    /// `None` unless `raw` is a JSON object.
    pub fn parse(raw: &[u8]) -> Option<Self> {
        // Through `Value` first: an object with a repeated member then keeps
        // its last value, as JSON readers commonly do, instead of failing.
        match serde_json::from_slice::<Value>(raw) {
            Ok(object @ Value::Object(_)) => serde_json::from_value(object).ok(),
            _ => None,
        }
    }
}

/// A create-link request that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateLink {
    pub nonprofit_slug: String,
    pub amount: i64,
    pub currency: String,
    pub frequency: String,
    pub provider: String,
    pub donor_email: String,
    pub first_name: String,
    pub last_name: String,
    pub tip_amount: Option<i64>,
    pub tip_percent: Option<f64>,
    pub referral_code: Option<String>,
}

/// Why a create-link body was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// 400: one message per problem.
    Invalid(Vec<String>),
    /// Everything else is fine but the slug names no nonprofit (answered with 404).
    UnknownNonprofit(String),
}

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::Invalid(problems) => ApiError::validation(problems),
            Refusal::UnknownNonprofit(slug) => ApiError::not_found(format!("no nonprofit with slug '{slug}'")),
        }
    }
}

/// Validates raw body bytes. `is_known_slug` says whether a nonprofit exists.
pub fn validate_create_link(raw: &[u8], is_known_slug: impl Fn(&str) -> bool) -> Result<Box<CreateLink>, Refusal> {
    let Some(body) = CreateLinkBody::parse(raw) else {
        return Err(Refusal::Invalid(vec!["body must be a JSON object".to_owned()]));
    };
    let mut problems = Vec::new();
    let p = &mut problems;

    let slug = required_string(body.nonprofit_slug.as_ref(), "nonprofitSlug", p, |s| !s.trim().is_empty())
        .map(|s| s.trim().to_owned());
    let amount = required(body.amount.as_ref(), "amount", p).and_then(|v| {
        let amount = v.as_i64().filter(|a| (MIN_AMOUNT_CENTS..=MAX_AMOUNT_CENTS).contains(a));
        if amount.is_none() {
            p.push(format!(
                "amount must be an integer number of cents between {MIN_AMOUNT_CENTS} and {MAX_AMOUNT_CENTS}"
            ));
        }
        amount
    });
    let currency = one_of(body.currency.as_ref(), "currency", &["USD"], p);
    let frequency = one_of(body.frequency.as_ref(), "frequency", &FREQUENCIES, p);
    let provider = one_of(body.provider.as_ref(), "provider", &PROVIDERS, p);
    let donor_email = required(body.donor_email.as_ref(), "donorEmail", p).and_then(|v| {
        let email = v.as_str().map(str::trim).filter(|e| looks_like_email(e));
        if email.is_none() {
            p.push("donorEmail must be a valid email address".to_owned());
        }
        email.map(str::to_owned)
    });
    let first_name = non_empty_name(body.first_name.as_ref(), "firstName", p);
    let last_name = non_empty_name(body.last_name.as_ref(), "lastName", p);

    let tip_amount = body.tip_amount.as_ref().and_then(|v| {
        let tip = v.as_i64().filter(|t| *t >= 0);
        if tip.is_none() {
            p.push("tipAmount must be an integer number of cents, 0 or more".to_owned());
        }
        tip
    });
    let tip_percent = body.tip_percent.as_ref().and_then(|v| {
        let pct = v.as_f64().filter(|pct| (0.0..=100.0).contains(pct));
        if pct.is_none() {
            p.push("tipPercent must be a number between 0 and 100".to_owned());
        }
        pct
    });
    let referral_code = body.referral_code.as_ref().and_then(|v| {
        let code = v.as_str().filter(|c| c.chars().count() <= MAX_REFERRAL_CODE_CHARS);
        if code.is_none() {
            p.push(format!("referralCode must be a string of at most {MAX_REFERRAL_CODE_CHARS} characters"));
        }
        code.map(str::to_owned)
    });

    let slug_known = slug.as_deref().map(&is_known_slug);
    if !problems.is_empty() {
        if let (Some(s), Some(false)) = (&slug, slug_known) {
            problems.insert(0, format!("nonprofitSlug '{s}' does not name a known nonprofit"));
        }
        return Err(Refusal::Invalid(problems));
    }

    if let (Some(s), Some(false)) = (&slug, slug_known) {
        return Err(Refusal::UnknownNonprofit(s.clone()));
    }
    let complete = || {
        Some(CreateLink {
            nonprofit_slug: slug?,
            amount: amount?,
            currency: currency?,
            frequency: frequency?,
            provider: provider?,
            donor_email: donor_email?,
            first_name: first_name?,
            last_name: last_name?,
            tip_amount,
            tip_percent,
            referral_code,
        })
    };
    // Never `None` in practice: every missing value above pushed a problem.
    complete().map(Box::new).ok_or_else(|| Refusal::Invalid(vec!["body is incomplete".to_owned()]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn known(slug: &str) -> bool {
        slug == "american-red-cross"
    }

    fn valid_body() -> Value {
        json!({
            "nonprofitSlug": "american-red-cross",
            "amount": 2500,
            "currency": "USD",
            "frequency": "once",
            "provider": "stripe",
            "donorEmail": "ada@example.com",
            "firstName": "Ada",
            "lastName": "Lovelace",
        })
    }

    fn run(body: &Value) -> Result<Box<CreateLink>, Refusal> {
        validate_create_link(body.to_string().as_bytes(), known)
    }

    fn problems(body: &Value) -> Vec<String> {
        match run(body) {
            Err(Refusal::Invalid(p)) => p,
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    fn with(field: &str, value: Value) -> Value {
        let mut body = valid_body();
        body[field] = value;
        body
    }

    #[test]
    fn the_published_example_is_valid() {
        let Ok(req) = run(&valid_body()) else { panic!("expected valid") };
        assert_eq!(req.amount, 2500);
        assert_eq!(req.nonprofit_slug, "american-red-cross");
        assert_eq!(req.tip_amount, None);
    }

    #[test]
    fn optional_fields_are_accepted_when_well_typed() {
        let mut body = valid_body();
        body["tipAmount"] = json!(250);
        body["tipPercent"] = json!(12.5);
        body["referralCode"] = json!("REFER123");
        let Ok(req) = run(&body) else { panic!("expected valid") };
        assert_eq!(req.tip_amount, Some(250));
        assert_eq!(req.tip_percent, Some(12.5));
        assert_eq!(req.referral_code.as_deref(), Some("REFER123"));
    }

    #[test]
    fn non_objects_get_one_message() {
        for raw in ["not json", "[1,2]", "\"text\"", "", "null"] {
            assert_eq!(
                validate_create_link(raw.as_bytes(), known),
                Err(Refusal::Invalid(vec!["body must be a JSON object".to_owned()]))
            );
        }
    }

    #[test]
    fn empty_object_reports_every_required_field() {
        let p = problems(&json!({}));
        assert_eq!(p.len(), 8, "{p:?}");
        for field in
            ["nonprofitSlug", "amount", "currency", "frequency", "provider", "donorEmail", "firstName", "lastName"]
        {
            assert!(p.iter().any(|m| m.starts_with(field)), "{field} missing in {p:?}");
        }
    }

    #[test]
    fn amount_rules() {
        for bad in [json!(99), json!(10_000_001), json!(25.5), json!("2500"), json!(-100), json!(true)] {
            assert_eq!(
                problems(&with("amount", bad)),
                vec!["amount must be an integer number of cents between 100 and 10000000"]
            );
        }
        for good in [100, 10_000_000] {
            assert!(run(&with("amount", json!(good))).is_ok());
        }
    }

    #[test]
    fn enumerated_fields() {
        assert_eq!(problems(&with("currency", json!("EUR"))), vec!["currency must be USD"]);
        assert_eq!(problems(&with("frequency", json!("weekly"))), vec!["frequency must be one of: once, monthly"]);
        assert_eq!(problems(&with("provider", json!(3))), vec!["provider must be one of: every.org, stripe"]);
        assert!(run(&with("provider", json!("every.org"))).is_ok());
        assert!(run(&with("frequency", json!("monthly"))).is_ok());
    }

    #[test]
    fn donor_fields() {
        for bad in [json!("nope"), json!("a@b"), json!("a b@c.d"), json!(7), json!("@x.org")] {
            assert_eq!(problems(&with("donorEmail", bad)), vec!["donorEmail must be a valid email address"]);
        }
        assert_eq!(problems(&with("firstName", json!("   "))), vec!["firstName must be a non-empty string"]);
        assert_eq!(problems(&with("lastName", json!(["x"]))), vec!["lastName must be a non-empty string"]);
    }

    #[test]
    fn optional_field_rules() {
        assert_eq!(
            problems(&with("tipAmount", json!(-1))),
            vec!["tipAmount must be an integer number of cents, 0 or more"]
        );
        assert_eq!(problems(&with("tipPercent", json!(101))), vec!["tipPercent must be a number between 0 and 100"]);
        assert_eq!(
            problems(&with("referralCode", json!("x".repeat(65)))),
            vec!["referralCode must be a string of at most 64 characters"]
        );
        assert!(run(&with("tipAmount", Value::Null)).is_ok());
    }

    #[test]
    fn several_problems_give_several_messages() {
        let mut body = with("amount", json!(1));
        body["currency"] = json!("GBP");
        body["firstName"] = json!("");
        assert_eq!(problems(&body).len(), 3);
    }

    #[test]
    fn unknown_slug_is_404_only_when_everything_else_is_valid() {
        assert_eq!(run(&with("nonprofitSlug", json!("nobody"))), Err(Refusal::UnknownNonprofit("nobody".into())));
        let mut body = with("nonprofitSlug", json!("nobody"));
        body["amount"] = json!(0);
        let p = problems(&body);
        assert_eq!(p.len(), 2);
        assert!(p[0].starts_with("nonprofitSlug"));
    }

    #[test]
    fn slug_type_and_emptiness() {
        assert_eq!(problems(&with("nonprofitSlug", json!(5))), vec!["nonprofitSlug must be a string"]);
        assert_eq!(problems(&with("nonprofitSlug", json!(""))), vec!["nonprofitSlug must not be empty"]);
    }

    #[test]
    fn unknown_members_are_ignored_and_a_repeated_member_keeps_its_last_value() {
        let mut body = valid_body();
        body["somethingElse"] = json!({"any": "thing"});
        assert!(run(&body).is_ok());
        let repeated = valid_body().to_string().replacen('{', r#"{"amount":1,"#, 1);
        assert_eq!(validate_create_link(repeated.as_bytes(), known).unwrap().amount, 2500);
    }
}
