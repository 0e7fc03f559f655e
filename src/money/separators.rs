//! Which mark in a typed number separates the decimals and which groups the thousands, by the
//! donor's language: the rules listed on `parse_amount`.

use super::amount_error::AmountError;
use crate::i18n::Locale;

/// The mark that groups thousands in `locale`, among `.` and `,`. French groups with spaces,
/// which are never a decimal separator and so need no rule.
fn group_mark(locale: Locale) -> Option<u8> {
    match locale {
        Locale::En => Some(b','),
        Locale::Es => Some(b'.'),
        Locale::Fr => None,
    }
}

/// Splits a number (no sign, no currency) into the digits of its whole units and of its
/// fraction, deciding which mark is the decimal separator (see `parse_amount`).
pub(super) fn split_number(text: &str, locale: Locale) -> Result<(String, String), AmountError> {
    // Every kind of space a French number may use becomes one plain space, so what follows
    // works on ASCII bytes only. Anything else (letters, `e`, `+`, `NaN`, `∞`) is not a number.
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '0'..='9' | '.' | ',' => s.push(c),
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => s.push(' '),
            _ => return Err(AmountError::NotANumber),
        }
    }
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return Err(AmountError::NotANumber);
    }
    let count = |mark: u8| s.bytes().filter(|&b| b == mark).count();
    let (dots, commas, spaces) = (count(b'.'), count(b','), count(b' '));

    let (decimal, group) = match (dots, commas) {
        (0, 0) => (None, Some(b' ')),
        (1.., 1..) => {
            // Three kinds of separator in one number is never a real number format.
            if spaces > 0 {
                return Err(AmountError::NotANumber);
            }
            let last = s.bytes().rfind(|&b| b == b'.' || b == b',').unwrap_or(b'.');
            let other = if last == b'.' { b',' } else { b'.' };
            (Some(last), Some(other))
        }
        _ => {
            let mark = if dots > 0 { b'.' } else { b',' };
            if spaces > 0 {
                // Spaces group the digits, so the mark can only be the decimal separator.
                (Some(mark), Some(b' '))
            } else if dots + commas == 1 {
                let digits_after = s.bytes().rev().take_while(|&b| b != mark).count();
                if digits_after == 3 && group_mark(locale) == Some(mark) {
                    (None, Some(mark))
                } else {
                    (Some(mark), None)
                }
            } else if group_mark(locale) == Some(mark) {
                (None, Some(mark))
            } else {
                // Several of the locale's decimal separator: `1.2.3` in English.
                return Err(AmountError::NotANumber);
            }
        }
    };

    let (whole, fraction) = match decimal {
        Some(mark) => {
            let mut parts = s.split(char::from(mark));
            let whole = parts.next().unwrap_or_default();
            let fraction = parts.next().unwrap_or_default();
            if parts.next().is_some() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
                return Err(AmountError::NotANumber);
            }
            (whole, fraction)
        }
        None => (s.as_str(), ""),
    };
    let whole = ungroup(whole, group)?;
    // A well-formed number with a decimal comma: in English that is a mistake to point out.
    if locale == Locale::En && decimal == Some(b',') {
        return Err(AmountError::DecimalComma);
    }
    Ok((whole, fraction.to_owned()))
}

/// The digits of `whole`, checking that `group` (when present) separates them in threes.
fn ungroup(whole: &str, group: Option<u8>) -> Result<String, AmountError> {
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let Some(group) = group.filter(|g| whole.as_bytes().contains(g)) else {
        return if all_digits(whole) { Ok(whole.to_owned()) } else { Err(AmountError::NotANumber) };
    };
    let mut groups = whole.split(char::from(group));
    let first = groups.next().unwrap_or_default();
    // A grouped number starts with one to three digits, and not with 0: `0,500` is a decimal
    // typed with the wrong mark, and guessing would risk charging a thousand times too much.
    if first.is_empty() || first.len() > 3 || first.starts_with('0') || !all_digits(first) {
        return Err(AmountError::NotANumber);
    }
    let mut digits = first.to_owned();
    for part in groups {
        if part.len() != 3 || !all_digits(part) {
            return Err(AmountError::NotANumber);
        }
        digits.push_str(part);
    }
    Ok(digits)
}
