//! The widget's languages and every word it shows a donor.
//!
//! Each language keeps all of its text in one file (`en.rs`, `es.rs`, `fr.rs`) as one
//! [`Strings`] value, so a translator reads and reviews a language in one place and the compiler
//! refuses a language that is missing a string. Text that embeds a value (a name, an amount) is a
//! function, because word order differs between languages; callers pass values already
//! formatted for the locale (see [`crate::money::format_money`]).

use crate::api::{ApiError, Frequency};

mod en;
mod es;
mod fr;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    En,
    Es,
    Fr,
}

impl Locale {
    /// Every supported language, in the order a language picker would list them.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Es, Locale::Fr];

    /// The language the widget should use: the one the site asked for (a `lang` attribute, say)
    /// if we speak it, else the browser's, else English. Both are BCP 47 tags matched on their
    /// primary subtag, case-insensitively, so `es-MX` and `fr_CA` count.
    pub fn negotiate(requested: Option<&str>, browser: Option<&str>) -> Locale {
        requested.and_then(Locale::from_tag).or_else(|| browser.and_then(Locale::from_tag)).unwrap_or_default()
    }

    /// The language of a BCP 47 tag (`en`, `es-419`, `fr_CA`, `FR`), by its primary subtag only:
    /// regional variants share one translation. `None` for a language the widget does not speak.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        // `_` shows up in tags copied from POSIX locales (`fr_CA.UTF-8`).
        let primary = tag.trim().split(['-', '_', '.']).next()?;
        Locale::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The two-letter language code: `"en"`, `"es"`, `"fr"`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::Fr => "fr",
        }
    }

    /// The tag handed to `Intl` and used for `lang` attributes. English says `en-US` because
    /// amounts are US dollars and the US forms (`$25`) are what donors expect; Spanish and French
    /// stay regionless so `Intl` writes `US$` / `$US`, which no reader mistakes for a local dollar.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // for the browser's `Intl`
    pub fn bcp47(self) -> &'static str {
        match self {
            Locale::En => "en-US",
            Locale::Es => "es",
            Locale::Fr => "fr",
        }
    }

    /// All of this language's text.
    pub fn strings(self) -> &'static Strings {
        match self {
            Locale::En => &en::STRINGS,
            Locale::Es => &es::STRINGS,
            Locale::Fr => &fr::STRINGS,
        }
    }
}

/// The browser's preferred language (`navigator.language`), if there is one.
///
/// Read through `Reflect` rather than `web_sys::Navigator`, so the crate needs no extra web-sys
/// feature; it also works in a worker, and answers `None` rather than failing where there is no
/// `navigator` at all.
#[cfg(target_arch = "wasm32")]
pub fn browser_language() -> Option<String> {
    use wasm_bindgen::JsValue;

    let navigator = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator")).ok()?;
    if navigator.is_undefined() || navigator.is_null() {
        return None;
    }
    let language = js_sys::Reflect::get(&navigator, &JsValue::from_str("language")).ok()?.as_string()?;
    let language = language.trim();
    (!language.is_empty()).then(|| language.to_owned())
}

/// Outside a browser there is no preferred language.
#[cfg(not(target_arch = "wasm32"))]
pub fn browser_language() -> Option<String> {
    None
}

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

    /// Every string of a language, by field name, with the function fields called on sample
    /// values. It destructures without `..`, so a new field that is not listed here does not
    /// compile.
    fn all_texts(s: &Strings) -> Vec<(&'static str, String)> {
        let Strings {
            donate,
            donate_to,
            dialog_title,
            close,
            loading,
            amount_legend,
            custom_amount,
            custom_amount_hint,
            frequency_legend,
            once,
            monthly,
            per_month,
            once_word,
            monthly_word,
            tip_legend,
            tip_explainer,
            tip_none,
            tip_custom,
            tip_amount,
            first_name,
            last_name,
            email,
            email_hint,
            summary_title,
            summary_line,
            summary_total,
            continue_to_checkout,
            submitting,
            preparing_checkout,
            err_amount_empty,
            err_amount_nan,
            err_amount_negative,
            err_amount_zero,
            err_amount_decimals,
            err_amount_comma,
            err_amount_min,
            err_amount_max,
            err_first_name,
            err_last_name,
            err_email,
            err_too_long,
            err_control_characters,
            err_refused,
            err_tip,
            err_unavailable,
            err_not_found,
            err_validation,
            err_rate_limited,
            err_rate_limited_soon,
            err_server,
            err_network,
            err_timeout,
            err_link_refused,
            retry,
            donations_off,
            key_problem_title,
            status_checking,
            status_processing,
            thank_you_title,
            thank_you_body,
            tokens_awarded,
            unsuccessful_title,
            unsuccessful_body,
            cancelled_body,
            expired_body,
            try_again,
            done,
            popup_blocked,
            checkout_open_elsewhere,
        } = s;
        vec![
            ("donate", donate.to_string()),
            ("donate_to", donate_to("Acme")),
            ("dialog_title", dialog_title("Acme")),
            ("close", close.to_string()),
            ("loading", loading.to_string()),
            ("amount_legend", amount_legend.to_string()),
            ("custom_amount", custom_amount.to_string()),
            ("custom_amount_hint", custom_amount_hint.to_string()),
            ("frequency_legend", frequency_legend.to_string()),
            ("once", once.to_string()),
            ("monthly", monthly.to_string()),
            ("per_month", per_month.to_string()),
            ("once_word", once_word.to_string()),
            ("monthly_word", monthly_word.to_string()),
            ("tip_legend", tip_legend.to_string()),
            ("tip_explainer", tip_explainer.to_string()),
            ("tip_none", tip_none.to_string()),
            ("tip_custom", tip_custom.to_string()),
            ("tip_amount", tip_amount("$2.50")),
            ("first_name", first_name.to_string()),
            ("last_name", last_name.to_string()),
            ("email", email.to_string()),
            ("email_hint", email_hint.to_string()),
            ("summary_title", summary_title.to_string()),
            ("summary_line", summary_line("$25", once_word, "Acme")),
            ("summary_total", summary_total("$27.50")),
            ("continue_to_checkout", continue_to_checkout.to_string()),
            ("submitting", submitting.to_string()),
            ("preparing_checkout", preparing_checkout.to_string()),
            ("err_amount_empty", err_amount_empty.to_string()),
            ("err_amount_nan", err_amount_nan.to_string()),
            ("err_amount_negative", err_amount_negative.to_string()),
            ("err_amount_zero", err_amount_zero.to_string()),
            ("err_amount_decimals", err_amount_decimals.to_string()),
            ("err_amount_comma", err_amount_comma.to_string()),
            ("err_amount_min", err_amount_min("$1")),
            ("err_amount_max", err_amount_max("$100,000")),
            ("err_first_name", err_first_name.to_string()),
            ("err_last_name", err_last_name.to_string()),
            ("err_email", err_email.to_string()),
            ("err_too_long", err_too_long(first_name, 100)),
            ("err_control_characters", err_control_characters(first_name)),
            ("err_refused", err_refused(first_name)),
            ("err_tip", err_tip.to_string()),
            ("err_unavailable", err_unavailable.to_string()),
            ("err_not_found", err_not_found.to_string()),
            ("err_validation", err_validation.to_string()),
            ("err_rate_limited", err_rate_limited(7)),
            ("err_rate_limited_soon", err_rate_limited_soon.to_string()),
            ("err_server", err_server.to_string()),
            ("err_network", err_network.to_string()),
            ("err_timeout", err_timeout.to_string()),
            ("err_link_refused", err_link_refused.to_string()),
            ("retry", retry.to_string()),
            ("donations_off", donations_off.to_string()),
            ("key_problem_title", key_problem_title.to_string()),
            ("status_checking", status_checking.to_string()),
            ("status_processing", status_processing.to_string()),
            ("thank_you_title", thank_you_title.to_string()),
            ("thank_you_body", thank_you_body("$25", "Acme")),
            ("tokens_awarded", tokens_awarded("12", 12.0)),
            ("unsuccessful_title", unsuccessful_title.to_string()),
            ("unsuccessful_body", unsuccessful_body.to_string()),
            ("cancelled_body", cancelled_body.to_string()),
            ("expired_body", expired_body.to_string()),
            ("try_again", try_again.to_string()),
            ("done", done.to_string()),
            ("popup_blocked", popup_blocked.to_string()),
            ("checkout_open_elsewhere", checkout_open_elsewhere.to_string()),
        ]
    }

    #[test]
    fn every_language_has_every_string() {
        for locale in Locale::ALL {
            for (field, text) in all_texts(locale.strings()) {
                assert!(!text.trim().is_empty(), "{locale:?}.{field} is empty");
                assert_eq!(text.trim(), text, "{locale:?}.{field} has stray spaces");
                assert!(!text.contains('{'), "{locale:?}.{field} has an unfilled placeholder: {text}");
            }
        }
    }

    #[test]
    fn languages_are_really_translated() {
        let sample = [
            "donate",
            "close",
            "amount_legend",
            "monthly",
            "tip_explainer",
            "email_hint",
            "continue_to_checkout",
            "err_email",
            "err_network",
            "thank_you_title",
            "thank_you_body",
            "unsuccessful_body",
            "popup_blocked",
        ];
        let texts: Vec<_> = Locale::ALL.iter().map(|l| all_texts(l.strings())).collect();
        for field in sample {
            let versions: HashSet<_> =
                texts.iter().map(|t| t.iter().find(|(f, _)| *f == field).map(|(_, s)| s.clone()).unwrap()).collect();
            assert_eq!(versions.len(), Locale::ALL.len(), "{field} is the same in two languages: {versions:?}");
        }
        // Whole languages, not just samples: no language is a copy of another with a few edits.
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            let same = texts[a].iter().zip(&texts[b]).filter(|(x, y)| x.1 == y.1).count();
            assert!(same <= 3, "{:?} and {:?} share {same} strings", Locale::ALL[a], Locale::ALL[b]);
        }
    }

    #[test]
    fn typography_is_consistent() {
        for locale in Locale::ALL {
            for (field, text) in all_texts(locale.strings()) {
                // Curly apostrophes everywhere, three dots as one ellipsis character.
                assert!(!text.contains('\''), "{locale:?}.{field} uses a straight apostrophe: {text}");
                assert!(!text.contains("..."), "{locale:?}.{field} spells out an ellipsis: {text}");
                if locale == Locale::Fr {
                    // French puts a non-breaking space before `:` (U+00A0) and before `?`, `!`,
                    // `;` (U+202F), so the mark never wraps onto a line of its own.
                    for (i, c) in text.char_indices() {
                        if matches!(c, ':' | '?' | '!' | ';') {
                            let before = text[..i].chars().next_back();
                            let expected = if c == ':' { '\u{a0}' } else { '\u{202f}' };
                            assert_eq!(before, Some(expected), "fr.{field}: space before {c:?} in {text:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn filled_strings_put_values_in_place() {
        let en = Locale::En.strings();
        assert_eq!((en.donate_to)("Acme"), "Donate to Acme");
        assert_eq!((en.dialog_title)("Acme"), "Donate to Acme");
        assert_eq!((en.tip_amount)("$2.50"), "Tip: $2.50");
        assert_eq!((en.summary_total)("$27.50"), "Total: $27.50");
        assert_eq!((en.err_rate_limited)(7), "Too many requests. Try again in 7 s.");
        assert_eq!((en.tokens_awarded)("12", 12.0), "You earned 12 SIR tokens.");
        assert_eq!((en.tokens_awarded)("1", 1.0), "You earned 1 SIR token.");
        assert_eq!(
            (en.summary_line)("$25", en.frequency_word(Frequency::Monthly), "Acme"),
            "A monthly donation of $25 to Acme"
        );
        for locale in Locale::ALL {
            let s = locale.strings();
            assert!((s.donate_to)("Acme Relief").contains("Acme Relief"), "{locale:?}");
            assert!((s.thank_you_body)("25 $X", "Acme Relief").contains("25 $X"), "{locale:?}");
            assert!((s.thank_you_body)("25 $X", "Acme Relief").contains("Acme Relief"), "{locale:?}");
            let line = (s.summary_line)("25 $X", s.frequency_word(Frequency::Once), "Acme Relief");
            assert!(line.contains("25 $X") && line.contains("Acme Relief"), "{locale:?}: {line}");
            assert!(line.contains(s.once_word), "{locale:?}: {line}");
            assert!((s.err_rate_limited)(42).contains("42"), "{locale:?}");
            assert!((s.err_amount_max)("MAX").contains("MAX"), "{locale:?}");
            assert!((s.tokens_awarded)("3", 3.0).contains('3'), "{locale:?}");
            assert_eq!(s.frequency_label(Frequency::Once), s.once);
            assert_eq!(s.frequency_label(Frequency::Monthly), s.monthly);
        }
        let fr = Locale::Fr.strings();
        assert_eq!((fr.tokens_awarded)("1,5", 1.5), "Vous avez gagné 1,5\u{a0}jeton SIR.");
        assert_eq!((fr.tokens_awarded)("2", 2.0), "Vous avez gagné 2\u{a0}jetons SIR.");
        assert_eq!((Locale::Es.strings().tokens_awarded)("1", 1.0), "Ganaste 1 token SIR.");
    }

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

    #[test]
    fn negotiates_by_primary_subtag() {
        let cases: [(Option<&str>, Option<&str>, Locale); 16] = [
            (None, None, Locale::En),
            (Some("es"), None, Locale::Es),
            (Some("es-MX"), Some("fr-FR"), Locale::Es),
            (Some("ES-419"), None, Locale::Es),
            (Some("fr_CA"), None, Locale::Fr),
            (Some(" fr "), None, Locale::Fr),
            (Some("fr_CA.UTF-8"), None, Locale::Fr),
            (Some("de"), Some("fr-BE"), Locale::Fr),
            (Some("de"), Some("pt-BR"), Locale::En),
            (Some("de"), None, Locale::En),
            (None, Some("es-AR"), Locale::Es),
            (Some(""), Some("fr"), Locale::Fr),
            (Some("english"), Some("es"), Locale::Es),
            (Some("e"), None, Locale::En),
            (Some("en-GB"), Some("fr"), Locale::En),
            (Some("-es"), None, Locale::En),
        ];
        for (requested, browser, expected) in cases {
            assert_eq!(Locale::negotiate(requested, browser), expected, "{requested:?} / {browser:?}");
        }
        assert_eq!(Locale::default(), Locale::En);
        assert_eq!(Locale::ALL.map(Locale::bcp47), ["en-US", "es", "fr"]);
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.bcp47()), Some(locale));
            assert_eq!(Locale::from_tag(locale.code()), Some(locale));
        }
    }
}
