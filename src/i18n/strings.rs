//! The shape of a language's text: every field a language must fill in, and the choices of text
//! (a frequency's label, an API error's sentence) made on top of it.

use crate::api::{ApiError, Frequency};

/// Every piece of text the widget shows, in one language.
///
/// Plain fields are complete phrases. Function fields take values already formatted for the
/// locale (amounts through [`crate::money::format_money`]) and place them where the language
/// wants them.
#[derive(Debug)]
pub struct Strings {
    // The button and the dialog.
    /// The donate button: "Donate".
    pub donate: &'static str,
    /// The button's accessible name, with the nonprofit: "Donate to {name}".
    pub donate_to: fn(&str) -> String,
    /// The dialog heading: "Donate to {name}".
    pub dialog_title: fn(&str) -> String,
    /// The dialog's close button.
    pub close: &'static str,
    pub loading: &'static str,

    // Amount.
    pub amount_legend: &'static str,
    pub custom_amount: &'static str,
    /// Under the custom amount: the limits, written as this locale writes money. Must agree with
    /// [`crate::money::MIN_AMOUNT`] and [`crate::money::MAX_AMOUNT`] (a test checks it).
    pub custom_amount_hint: &'static str,

    // Frequency.
    pub frequency_legend: &'static str,
    /// Choice label for a one-time donation: "One time".
    pub once: &'static str,
    /// Choice label for a monthly donation: "Monthly".
    pub monthly: &'static str,
    /// After a monthly amount: "/month", as in "$25/month".
    pub per_month: &'static str,
    /// A one-time donation inside a sentence ([`Strings::summary_line`]): "one-time".
    pub once_word: &'static str,
    /// A monthly donation inside a sentence: "monthly".
    pub monthly_word: &'static str,

    // Tip.
    pub tip_legend: &'static str,
    pub tip_explainer: &'static str,
    pub tip_none: &'static str,
    pub tip_custom: &'static str,
    /// The tip in money: "Tip: {money}".
    pub tip_amount: fn(&str) -> String,

    // Donor.
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub email: &'static str,
    /// Why we ask for the email: "For your receipt".
    pub email_hint: &'static str,

    // Summary and submit.
    pub summary_title: &'static str,
    /// One sentence: `(amount, frequency_word, nonprofit)`, where `frequency_word` is
    /// [`Strings::once_word`] or [`Strings::monthly_word`] (see [`Strings::frequency_word`]).
    pub summary_line: fn(&str, &str, &str) -> String,
    /// "Total: {money}".
    pub summary_total: fn(&str) -> String,
    pub continue_to_checkout: &'static str,
    /// While the checkout link is being created.
    pub submitting: &'static str,
    /// While the checkout page is opening.
    pub preparing_checkout: &'static str,

    // Field errors.
    pub err_amount_empty: &'static str,
    pub err_amount_nan: &'static str,
    pub err_amount_negative: &'static str,
    pub err_amount_zero: &'static str,
    pub err_amount_decimals: &'static str,
    /// English only: a comma where the decimal point belongs (`12,34`); a comma only groups
    /// thousands there. The other languages read a comma as the decimal separator.
    pub err_amount_comma: &'static str,
    /// With the minimum, formatted: "The minimum donation is {min}."
    pub err_amount_min: fn(&str) -> String,
    /// With the maximum, formatted: "The maximum donation is {max}."
    pub err_amount_max: fn(&str) -> String,
    pub err_first_name: &'static str,
    pub err_last_name: &'static str,
    pub err_email: &'static str,
    /// A text field over its limit: `(label, most characters)`.
    pub err_too_long: fn(&str, u64) -> String,
    /// A name with a tab, a line break or another control character: `(label)`.
    pub err_control_characters: fn(&str) -> String,
    /// A name that passed the widget's checks but the API refused: `(label)`.
    pub err_refused: fn(&str) -> String,
    pub err_tip: &'static str,

    // API errors, one per kind of `ApiError::code()` (see [`Strings::api_error`]).
    /// The key or the partner account cannot take donations (401, 403 and their codes). The
    /// donor cannot fix that, so it says only that donating is unavailable.
    pub err_unavailable: &'static str,
    pub err_not_found: &'static str,
    pub err_validation: &'static str,
    /// 429 with a `Retry-After`, in whole seconds.
    pub err_rate_limited: fn(u64) -> String,
    /// 429 without a `Retry-After`.
    pub err_rate_limited_soon: &'static str,
    /// 5xx, unexpected statuses and unreadable answers.
    pub err_server: &'static str,
    pub err_network: &'static str,
    pub err_timeout: &'static str,
    /// The checkout link failed the allow-list and was not opened.
    pub err_link_refused: &'static str,
    /// The button after an API error.
    pub retry: &'static str,

    // Configuration.
    /// In place of the button when the partner cannot take donations.
    pub donations_off: &'static str,
    /// Heading of the notice the site developer sees for a bad key or setting.
    pub key_problem_title: &'static str,

    // Return from checkout.
    pub status_checking: &'static str,
    pub status_processing: &'static str,
    pub thank_you_title: &'static str,
    /// `(amount, nonprofit)`.
    pub thank_you_body: fn(&str, &str) -> String,
    /// The SIR tokens earned: the number as the locale writes it, and its value, which picks
    /// singular or plural (so no formatted number is parsed back). "You earned {n} SIR tokens."
    pub tokens_awarded: fn(&str, f64) -> String,
    pub unsuccessful_title: &'static str,
    pub unsuccessful_body: &'static str,
    pub cancelled_body: &'static str,
    pub expired_body: &'static str,
    /// The button after an unsuccessful donation.
    pub try_again: &'static str,
    pub done: &'static str,
    pub popup_blocked: &'static str,
    pub checkout_open_elsewhere: &'static str,
}

impl Strings {
    /// The choice label for `frequency`: "One time" / "Monthly".
    pub fn frequency_label(&self, frequency: Frequency) -> &'static str {
        match frequency {
            Frequency::Once => self.once,
            Frequency::Monthly => self.monthly,
        }
    }

    /// `frequency` as a word inside a sentence, for [`Strings::summary_line`].
    pub fn frequency_word(&self, frequency: Frequency) -> &'static str {
        match frequency {
            Frequency::Once => self.once_word,
            Frequency::Monthly => self.monthly_word,
        }
    }

    /// What to tell the donor about a failed API call. It never repeats server text.
    pub fn api_error(&self, error: &ApiError) -> String {
        // Matched on the variants rather than on `code()` strings, so a new kind of error is a
        // compile error here instead of a silent fallback.
        match error {
            ApiError::Unauthorized { .. } | ApiError::Forbidden { .. } => self.err_unavailable.to_owned(),
            ApiError::NotFound { .. } => self.err_not_found.to_owned(),
            ApiError::Validation { .. } => self.err_validation.to_owned(),
            // "0 s" would read as "now", which the server just refused.
            ApiError::RateLimited { retry_after: Some(wait) } => (self.err_rate_limited)(wait.as_secs().max(1)),
            ApiError::RateLimited { retry_after: None } => self.err_rate_limited_soon.to_owned(),
            ApiError::Server { .. } | ApiError::UnexpectedStatus { .. } | ApiError::InvalidResponse { .. } => {
                self.err_server.to_owned()
            }
            ApiError::Network { .. } => self.err_network.to_owned(),
            ApiError::Timeout { .. } => self.err_timeout.to_owned(),
            ApiError::CheckoutLinkRefused(_) => self.err_link_refused.to_owned(),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::HashSet;
    use std::time::Duration;

    use super::*;
    use crate::api::{ForbiddenReason, LinkRefusal};
    use crate::i18n::Locale;

    #[test]
    fn every_api_error_has_a_donor_sentence() {
        let errors = [
            ApiError::Unauthorized { code: Some("ENVIRONMENT_MISMATCH".into()), message: None },
            ApiError::Unauthorized { code: None, message: None },
            ApiError::Forbidden { reason: ForbiddenReason::PartnerInactive, message: None },
            ApiError::Forbidden { reason: ForbiddenReason::FeatureDisabled, message: None },
            ApiError::Forbidden { reason: ForbiddenReason::SecretKeyInBrowser, message: None },
            ApiError::Forbidden { reason: ForbiddenReason::Other(None), message: Some("<b>x</b>".into()) },
            ApiError::NotFound { message: Some("no such org".into()) },
            ApiError::Validation { status: 400, problems: vec![] },
            ApiError::RateLimited { retry_after: Some(Duration::from_secs(30)) },
            ApiError::RateLimited { retry_after: Some(Duration::from_millis(200)) },
            ApiError::RateLimited { retry_after: None },
            ApiError::Server { status: 503, message: None },
            ApiError::Network { detail: "Failed to fetch".into() },
            ApiError::Timeout { after: Duration::from_secs(10) },
            ApiError::InvalidResponse { detail: "x".into() },
            ApiError::CheckoutLinkRefused(LinkRefusal::Scheme("javascript:".into())),
            ApiError::UnexpectedStatus { status: 409, message: None },
        ];
        for locale in Locale::ALL {
            let s = locale.strings();
            for e in &errors {
                let text = s.api_error(e);
                assert!(!text.is_empty(), "{locale:?} {}", e.code());
                assert!(!text.contains("<b>") && !text.contains("no such org"), "server text leaked: {text}");
            }
            assert_eq!(s.api_error(&errors[0]), s.err_unavailable);
            assert_eq!(s.api_error(&errors[9]), (s.err_rate_limited)(1), "a sub-second wait reads as 1 s");
        }
        let en = Locale::En.strings();
        assert_eq!(en.api_error(&errors[8]), "Too many requests. Try again in 30 s.");
        assert_eq!(en.api_error(&errors[7]), "Please check the highlighted fields.");
        // Each kind of failure reads differently, except the ones the donor cannot tell apart.
        let distinct: HashSet<_> = errors.iter().map(|e| en.api_error(e)).collect();
        assert_eq!(distinct.len(), 10, "{distinct:?}");
    }
}
