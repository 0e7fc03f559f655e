//! Checks that hold every language's table against the others: no string missing or left
//! untranslated, one typography, and values placed where each language wants them.

use std::collections::HashSet;

use super::*;
use crate::api::Frequency;

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
