//! The donor's choices and typing, checked field by field, and the request they become. What
//! makes a name or an email acceptable, and the message when it is not, is in `text_fields`.

use super::text_fields::{TextField, TextProblem, check_text};
use crate::api::{CreateLinkRequest, Field, Frequency, Provider, Slug, TipConfig};
use crate::i18n::Locale;
use crate::money::{AmountError, Cents, parse_amount, percent_of};

/// Which amount the donor picked.
#[derive(Clone, Debug, PartialEq)]
pub enum AmountChoice {
    Preset(Cents),
    /// Typed in the "other amount" field, as typed.
    Custom(String),
}

/// The donor's tip choice, when the partner offers tips.
#[derive(Clone, Debug, PartialEq)]
pub enum TipChoice {
    /// The partner's suggested share (`tipConfig.defaultPercent`).
    Suggested,
    /// A preset share chosen by the donor.
    Percent(f64),
    /// Typed in the "other %" field, as typed.
    Custom(String),
    None,
}

/// Everything the donor entered. It lives as long as the widget, so nothing is lost when a
/// submission fails and the donor tries again.
#[derive(Clone, Debug, PartialEq)]
pub struct DonorInput {
    pub amount: AmountChoice,
    pub frequency: Frequency,
    pub tip: TipChoice,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

/// A custom tip share that is not a number from 0 to 100 with at most two decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidTip;

/// The problems of a submission, by field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldErrors {
    pub amount: Option<AmountError>,
    pub tip: bool,
    pub first_name: Option<TextProblem>,
    pub last_name: Option<TextProblem>,
    pub email: Option<TextProblem>,
}

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        *self == FieldErrors::default()
    }

    /// Marks the fields a server validation error names.
    pub fn mark_server_field(&mut self, field: Option<Field>) {
        match field {
            Some(Field::Amount) => self.amount = Some(AmountError::NotANumber),
            Some(Field::TipAmount | Field::TipPercent) => self.tip = true,
            Some(Field::FirstName) => self.first_name = Some(TextProblem::Refused),
            Some(Field::LastName) => self.last_name = Some(TextProblem::Refused),
            Some(Field::DonorEmail) => self.email = Some(TextProblem::Refused),
            _ => {}
        }
    }
}

/// A donation that passed every check, ready to be sent.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidDonation {
    pub amount: Cents,
    pub frequency: Frequency,
    /// The tip share when the donor tips, `None` otherwise.
    pub tip_percent: Option<f64>,
    pub tip: Cents,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

impl ValidDonation {
    /// The create-link body. `tipAmount` is sent only on the Stripe path, as the API documents.
    pub fn to_request(&self, nonprofit: &Slug, provider: Provider, referral_code: Option<&str>) -> CreateLinkRequest {
        CreateLinkRequest {
            nonprofit_slug: nonprofit.as_str().to_owned(),
            amount: self.amount.0,
            currency: "USD".into(),
            frequency: self.frequency,
            provider,
            donor_email: self.email.clone(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            tip_amount: (provider == Provider::Stripe && self.tip_percent.is_some()).then_some(self.tip.0),
            tip_percent: self.tip_percent,
            referral_code: referral_code.map(str::to_owned),
        }
    }
}

impl DonorInput {
    /// The amount, if the current choice is a valid one.
    pub fn amount(&self, locale: Locale) -> Result<Cents, AmountError> {
        match &self.amount {
            AmountChoice::Preset(c) => Ok(*c),
            AmountChoice::Custom(text) => parse_amount(text, locale),
        }
    }

    /// The tip share in percent, `Ok(None)` for no tip; `Err` for an unreadable custom share.
    pub fn tip_percent(&self, tips: Option<&TipConfig>, locale: Locale) -> Result<Option<f64>, InvalidTip> {
        let Some(tips) = tips else { return Ok(None) };
        let percent = match &self.tip {
            TipChoice::None => return Ok(None),
            TipChoice::Suggested => tips.default_percent.unwrap_or(0.0),
            TipChoice::Percent(p) => *p,
            TipChoice::Custom(text) => parse_percent(text, locale).ok_or(InvalidTip)?,
        };
        Ok((percent > 0.0).then_some(percent))
    }

    /// Checks every field at once, so the donor sees all problems together.
    pub fn validate(&self, tips: Option<&TipConfig>, locale: Locale) -> Result<ValidDonation, FieldErrors> {
        let mut errors = FieldErrors::default();
        let amount = self.amount(locale).map_err(|e| errors.amount = Some(e)).ok();
        let tip_percent = self.tip_percent(tips, locale).map_err(|InvalidTip| errors.tip = true).ok().flatten();
        let first_name = check_text(&self.first_name, TextField::FirstName).map_err(|e| errors.first_name = Some(e));
        let last_name = check_text(&self.last_name, TextField::LastName).map_err(|e| errors.last_name = Some(e));
        let email = check_text(&self.email, TextField::Email).map_err(|e| errors.email = Some(e));
        match (amount, first_name, last_name, email) {
            (Some(amount), Ok(first_name), Ok(last_name), Ok(email)) if errors.is_empty() => Ok(ValidDonation {
                amount,
                frequency: self.frequency,
                tip_percent,
                tip: tip_percent.map(|p| percent_of(amount, p)).unwrap_or(Cents(0)),
                first_name: first_name.to_owned(),
                last_name: last_name.to_owned(),
                email: email.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// A tip share typed by the donor: 0–100, at most two decimals, `%` allowed.
fn parse_percent(input: &str, locale: Locale) -> Option<f64> {
    let text = input.trim().trim_end_matches('%').trim();
    let text = if locale == Locale::En { text.to_owned() } else { text.replace(',', ".") };
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let digits_ok = !whole.is_empty()
        && whole.len() <= 3
        && frac.len() <= 2
        && whole.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit());
    if !digits_ok {
        return None;
    }
    // Read as whole hundredths: exact, and no float parser in the wasm.
    let hundredths = whole.bytes().chain(frac.bytes()).chain(std::iter::repeat_n(b'0', 2 - frac.len()));
    let hundredths = hundredths.fold(0u32, |n, digit| n * 10 + u32::from(digit - b'0'));
    (hundredths <= 10_000).then(|| f64::from(hundredths) / 100.0)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::donation::text_fields::{EMAIL_MAX_CHARS, NAME_MAX_CHARS};

    fn input() -> DonorInput {
        DonorInput {
            amount: AmountChoice::Preset(Cents(2500)),
            frequency: Frequency::Once,
            tip: TipChoice::Suggested,
            first_name: " Ada ".into(),
            last_name: "Lovelace".into(),
            email: "ada@example.org ".into(),
        }
    }

    fn tips() -> TipConfig {
        TipConfig { enabled: true, default_percent: Some(10.0) }
    }

    #[test]
    fn a_valid_donation_with_the_suggested_tip() {
        let d = input().validate(Some(&tips()), Locale::En).unwrap();
        assert_eq!(d.amount, Cents(2500));
        assert_eq!(d.tip, Cents(250));
        assert_eq!(d.amount.saturating_add(d.tip), Cents(2750));
        assert_eq!(d.first_name, "Ada");
        assert_eq!(d.email, "ada@example.org");
        let slug = Slug::parse("american-red-cross").unwrap();
        let every = d.to_request(&slug, Provider::EveryOrg, Some("REFER123"));
        assert_eq!(every.tip_percent, Some(10.0));
        assert_eq!(every.tip_amount, None, "tipAmount is for the Stripe path only");
        assert_eq!(every.referral_code.as_deref(), Some("REFER123"));
        let stripe = d.to_request(&slug, Provider::Stripe, None);
        assert_eq!(stripe.tip_amount, Some(250));
    }

    #[test]
    fn tips_can_be_changed_or_removed_and_are_absent_when_off() {
        let none = DonorInput { tip: TipChoice::None, ..input() }.validate(Some(&tips()), Locale::En).unwrap();
        assert_eq!((none.tip_percent, none.tip), (None, Cents(0)));
        let stripe = none.to_request(&Slug::parse("x").unwrap(), Provider::Stripe, None);
        assert_eq!((stripe.tip_percent, stripe.tip_amount), (None, None));
        let fifteen =
            DonorInput { tip: TipChoice::Percent(15.0), ..input() }.validate(Some(&tips()), Locale::En).unwrap();
        assert_eq!(fifteen.tip, Cents(375));
        let custom = DonorInput { tip: TipChoice::Custom("12,5 %".into()), ..input() }
            .validate(Some(&tips()), Locale::Fr)
            .unwrap();
        assert_eq!(custom.tip_percent, Some(12.5));
        let off = input().validate(None, Locale::En).unwrap();
        assert_eq!((off.tip_percent, off.tip), (None, Cents(0)));
        for bad in ["", "abc", "101", "-5", "1.234"] {
            let e = DonorInput { tip: TipChoice::Custom(bad.into()), ..input() }.validate(Some(&tips()), Locale::En);
            assert!(e.unwrap_err().tip, "{bad:?}");
        }
    }

    #[test]
    fn every_field_problem_is_reported_at_once() {
        let bad = DonorInput {
            amount: AmountChoice::Custom("0".into()),
            first_name: "  ".into(),
            last_name: String::new(),
            email: "ada@".into(),
            ..input()
        };
        let e = bad.validate(Some(&tips()), Locale::En).unwrap_err();
        assert_eq!(e.amount, Some(AmountError::Zero));
        assert_eq!(
            (e.first_name, e.last_name, e.email, e.tip),
            (Some(TextProblem::Missing), Some(TextProblem::Missing), Some(TextProblem::Malformed), false)
        );
    }

    #[test]
    fn each_text_problem_says_what_is_wrong() {
        let long_name = "J".repeat(5_000);
        let cases = [
            (DonorInput { first_name: long_name.clone(), ..input() }, TextField::FirstName, TextProblem::TooLong),
            (
                DonorInput { last_name: "L".repeat(NAME_MAX_CHARS + 1), ..input() },
                TextField::LastName,
                TextProblem::TooLong,
            ),
            (DonorInput { first_name: "Ada\tL".into(), ..input() }, TextField::FirstName, TextProblem::Malformed),
            (DonorInput { last_name: "a\nb".into(), ..input() }, TextField::LastName, TextProblem::Malformed),
            (
                DonorInput { email: format!("{}@example.org", "a".repeat(EMAIL_MAX_CHARS)), ..input() },
                TextField::Email,
                TextProblem::TooLong,
            ),
            (DonorInput { email: "   ".into(), ..input() }, TextField::Email, TextProblem::Missing),
        ];
        for (donor, field, expected) in cases {
            let e = donor.validate(None, Locale::En).unwrap_err();
            let found = match field {
                TextField::FirstName => e.first_name,
                TextField::LastName => e.last_name,
                TextField::Email => e.email,
            };
            assert_eq!(found, Some(expected), "{field:?}");
        }
        // At the limit is fine, counted in characters (not bytes).
        let at_limit = DonorInput { first_name: "é".repeat(NAME_MAX_CHARS), ..input() };
        assert!(at_limit.validate(None, Locale::En).is_ok());

        let s = Locale::En.strings();
        assert_eq!(TextProblem::Missing.message(TextField::FirstName, s), "Enter your first name.");
        let too_long = TextProblem::TooLong.message(TextField::FirstName, s);
        assert!(too_long.contains("too long") && too_long.contains("100"), "{too_long}");
        assert!(TextProblem::TooLong.message(TextField::Email, s).contains("254"));
        let control = TextProblem::Malformed.message(TextField::LastName, s);
        assert!(control.contains("Last name") && control.contains("line breaks"), "{control}");
        for locale in Locale::ALL {
            let s = locale.strings();
            let messages: std::collections::HashSet<_> =
                [TextProblem::Missing, TextProblem::TooLong, TextProblem::Malformed, TextProblem::Refused]
                    .into_iter()
                    .map(|p| p.message(TextField::FirstName, s))
                    .collect();
            assert_eq!(messages.len(), 4, "{locale:?}: every problem of a name has its own message");
        }
    }

    #[test]
    fn custom_amounts_are_parsed_exactly() {
        let d = DonorInput { amount: AmountChoice::Custom("19.99".into()), ..input() };
        assert_eq!(d.validate(None, Locale::En).unwrap().amount, Cents(1999));
        let d = DonorInput { amount: AmountChoice::Custom("1.000,50".into()), ..input() };
        assert_eq!(d.validate(None, Locale::Es).unwrap().amount, Cents(100_050));
    }

    #[test]
    fn server_fields_map_to_inputs() {
        let mut e = FieldErrors::default();
        e.mark_server_field(Some(Field::DonorEmail));
        e.mark_server_field(Some(Field::Currency));
        e.mark_server_field(None);
        assert_eq!((e.email, e.first_name, e.amount), (Some(TextProblem::Refused), None, None));
    }
}
