//! Money: amounts as exact integer cents, read from what a donor types and written in the
//! donor's language.
//!
//! No amount ever passes through a float: `"19.99"` becomes `Cents(1999)` digit by digit, and
//! tips are computed in integers, so the amount the donor sees is exactly the amount sent.

use std::fmt;

use crate::i18n::Locale;
use crate::text::{cat, digits};

/// An amount in cents, the API's unit (`Cents(2500)` is $25.00).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(pub u64);

/// The smallest donation the API accepts: $1.
pub const MIN_AMOUNT: Cents = Cents(100);
/// The largest donation the API accepts: $100,000.
pub const MAX_AMOUNT: Cents = Cents(10_000_000);
/// The currency of every amount: the API accepts only US dollars.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // read by the browser's formatter
pub const CURRENCY: &str = "USD";

impl Cents {
    /// No money.
    pub const ZERO: Cents = Cents(0);

    /// True for a whole number of dollars, which is shown without decimals (`$25`, not `$25.00`).
    pub fn is_whole(self) -> bool {
        self.0.is_multiple_of(100)
    }

    /// `self + other`, stopping at the largest value rather than wrapping, so a sum of donor
    /// input can never turn into a small amount.
    pub fn saturating_add(self, other: Cents) -> Cents {
        Cents(self.0.saturating_add(other.0))
    }

    /// True when the API accepts this as a donation amount.
    pub fn is_within_limits(self) -> bool {
        (MIN_AMOUNT..=MAX_AMOUNT).contains(&self)
    }
}

/// Why typed text is not an acceptable amount. Each case has its own message, because each
/// asks the donor to fix something different.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AmountError {
    /// Nothing, or only a currency sign.
    Empty,
    /// Not a number: letters, `NaN`, `Infinity`, several decimal separators, or digit grouping
    /// that is not in threes (`1,00,0`).
    NotANumber,
    /// A leading minus sign, of any kind.
    Negative,
    Zero,
    /// More than two digits after the decimal separator.
    TooManyDecimals,
    /// English only: a comma used as the decimal separator (`12,34`). In English a comma only
    /// groups thousands, so guessing would risk charging a hundred times too much or too little.
    DecimalComma,
    /// Below [`MIN_AMOUNT`].
    BelowMinimum,
    /// Above [`MAX_AMOUNT`], including numbers too large to hold.
    AboveMaximum,
}

impl AmountError {
    /// The sentence to show next to the amount field, with the limits written as `locale`
    /// writes money.
    pub fn message(self, locale: Locale) -> String {
        let s = locale.strings();
        match self {
            AmountError::Empty => s.err_amount_empty.to_owned(),
            AmountError::NotANumber => s.err_amount_nan.to_owned(),
            AmountError::Negative => s.err_amount_negative.to_owned(),
            AmountError::Zero => s.err_amount_zero.to_owned(),
            AmountError::TooManyDecimals => s.err_amount_decimals.to_owned(),
            AmountError::DecimalComma => s.err_amount_comma.to_owned(),
            AmountError::BelowMinimum => (s.err_amount_min)(&format_money(MIN_AMOUNT, locale)),
            AmountError::AboveMaximum => (s.err_amount_max)(&format_money(MAX_AMOUNT, locale)),
        }
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for AmountError {}

/// Every dash a keyboard, phone or copied text may put in front of a number. Any of them means
/// the donor typed a negative amount, which deserves its own message rather than "not a number".
const MINUS_SIGNS: [char; 9] =
    ['-', '\u{2212}', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{fe63}', '\u{ff0d}'];

/// Currency markers a donor may type or paste around the number: `$25`, `US$25`, `25 USD`, and
/// the Spanish and French forms `25 US$`, `25 $US`. Longest first, so `US$` is not read as `$`.
const CURRENCY_PREFIXES: [&str; 3] = ["US$", "USD", "$"];
const CURRENCY_SUFFIXES: [&str; 4] = ["US$", "$US", "USD", "$"];

/// Reads an amount as a donor types it, exactly, into cents.
///
/// Accepts `25`, `25.5`, `25.50`, `$25`, ` 25 `, `25 USD`, and the separators of `locale`:
/// `1,000.50` (en), `1.000,50` (es), `1 000,50` (fr, with a space, no-break space or narrow
/// no-break space). A plain `25.50` works in every locale and `25,50` in Spanish and French; in
/// English a comma only ever groups thousands (`1,234`, `1,234.50`), so `12,34` is refused with
/// [`AmountError::DecimalComma`] rather than read as $12.34. Which mark is the decimal
/// separator:
/// - when both `.` and `,` appear, the last one, and the other must group digits in threes;
/// - when one mark appears once and is followed by exactly three digits, it groups thousands if
///   it is the locale's group separator (`,` in English, `.` in Spanish), else it is the decimal
///   separator (so `1.000` is one thousand in Spanish but too many decimals in English);
/// - when the locale's group separator appears several times, it groups (`1.000.000` in Spanish);
/// - otherwise it is the decimal separator, and may appear only once.
///
/// The result is checked against [`MIN_AMOUNT`] and [`MAX_AMOUNT`]. Input of any size is safe:
/// a number too large to hold is [`AmountError::AboveMaximum`].
pub fn parse_amount(input: &str, locale: Locale) -> Result<Cents, AmountError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    // Checked on both sides of the currency sign: `-$5` and `$-5` are both negative.
    if text.starts_with(MINUS_SIGNS) {
        return Err(AmountError::Negative);
    }
    let text = strip_currency(text);
    if text.starts_with(MINUS_SIGNS) {
        return Err(AmountError::Negative);
    }
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    let (units, fraction) = split_number(text, locale)?;
    if fraction.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    // The digits of the whole units, then exactly two of cents: "19" + "9" + "0" is 1990.
    let padding = std::iter::repeat_n(b'0', 2 - fraction.len());
    let mut cents: u64 = 0;
    for digit in units.bytes().chain(fraction.bytes()).chain(padding) {
        cents = cents
            .checked_mul(10)
            .and_then(|c| c.checked_add(u64::from(digit - b'0')))
            .ok_or(AmountError::AboveMaximum)?;
    }
    match Cents(cents) {
        Cents::ZERO => Err(AmountError::Zero),
        amount if amount < MIN_AMOUNT => Err(AmountError::BelowMinimum),
        amount if amount > MAX_AMOUNT => Err(AmountError::AboveMaximum),
        amount => Ok(amount),
    }
}

/// `text` without one currency marker in front and one behind, and the spaces next to them.
fn strip_currency(text: &str) -> &str {
    let mut text = text;
    if let Some(rest) = CURRENCY_PREFIXES.iter().find_map(|p| strip_prefix_ignore_case(text, p)) {
        text = rest.trim_start();
    }
    if let Some(rest) = CURRENCY_SUFFIXES.iter().find_map(|s| strip_suffix_ignore_case(text, s)) {
        text = rest.trim_end();
    }
    text
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    // `get` is `None` off a character boundary, so multi-byte input cannot make this panic.
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let start = text.len().checked_sub(suffix.len())?;
    let tail = text.get(start..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..start])
}

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
/// fraction, deciding which mark is the decimal separator (see [`parse_amount`]).
fn split_number(text: &str, locale: Locale) -> Result<(String, String), AmountError> {
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

/// `percent` % of `amount`, rounded half up to the cent: the tip on a donation.
///
/// Computed in integers on the percent in units of 0.0001 %, so every percent a donor can
/// type gives the exact result (12.5 % of $19.99 is 249.875 cents, so 250). A negative or NaN
/// percent gives nothing; more than 100 % is taken as 100 %.
pub fn percent_of(amount: Cents, percent: f64) -> Cents {
    if percent.is_nan() || percent <= 0.0 {
        return Cents::ZERO;
    }
    // At most 1 000 000.
    let millionths = (percent.min(100.0) * 10_000.0).round() as u64;
    // amount × millionths / 10⁶ without overflow or 128-bit division: with amount = q·10⁶ + r
    // it is q × millionths (at most `amount`) plus r × millionths / 10⁶ (below 10¹²), rounded.
    let (q, r) = (amount.0 / 1_000_000, amount.0 % 1_000_000);
    Cents(q * millionths + (r * millionths + 500_000) / 1_000_000)
}

/// `amount` (US dollars, the only currency of the API: [`CURRENCY`]) as `locale` writes money:
/// `$25`, `$19.99` (en), `25 US$` (es), `25 $US` (fr). Whole amounts have no decimals, others
/// always two.
///
/// In the browser this is `Intl.NumberFormat`, so amounts read the way every other price on the
/// donor's screen does; the formatters are built once and reused. Where `Intl` is missing or
/// fails, it falls back to the built-in formatter that native builds use.
#[cfg(target_arch = "wasm32")]
pub fn format_money(amount: Cents, locale: Locale) -> String {
    intl::format(amount, locale).unwrap_or_else(|| format_builtin(amount, locale))
}

/// `amount` (US dollars, the only currency of the API: [`CURRENCY`]) as `locale` writes money:
/// `$25`, `$19.99` (en), `25 US$` (es), `25 $US` (fr). Whole amounts have no decimals, others
/// always two.
///
/// Native builds use a built-in formatter that follows what browsers' `Intl` writes for these
/// languages, for tests and as the browser's fallback.
#[cfg(not(target_arch = "wasm32"))]
pub fn format_money(amount: Cents, locale: Locale) -> String {
    format_builtin(amount, locale)
}

/// Builds the browser's money formatters for `locale` ahead of need. A page's first
/// `Intl.NumberFormat` costs tens of milliseconds (the browser loads its number data then), and
/// the first open of the dialog would otherwise pay it inside the donor's click. Cheap once done.
#[cfg(target_arch = "wasm32")]
pub fn prepare_formatting(locale: Locale) {
    // Whole amounts (the presets) and amounts with cents (tips, totals) use one formatter each.
    format_money(Cents(100), locale);
    format_money(Cents(150), locale);
}

/// Native builds format without `Intl`: nothing to prepare.
#[cfg(not(target_arch = "wasm32"))]
pub fn prepare_formatting(_locale: Locale) {}

/// A plain number (a tip share, a token count) as `locale` writes it, with at most two
/// decimals: `1,250.5` (en), `1250,5` (es), `1 250,5` (fr). In the browser this is
/// `Intl.NumberFormat`, which also keeps Rust's float formatting out of the wasm.
#[cfg(target_arch = "wasm32")]
pub fn format_decimal(value: f64, locale: Locale) -> String {
    intl::decimal(value, locale)
}

/// A plain number as `locale` writes it, with at most two decimals (native builds: no
/// grouping).
#[cfg(not(target_arch = "wasm32"))]
pub fn format_decimal(value: f64, locale: Locale) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded}") };
    match locale {
        Locale::En => text,
        Locale::Es | Locale::Fr => text.replace('.', ","),
    }
}

/// The built-in formatter: CLDR's patterns for US dollars in these three languages, which is
/// what `Intl` writes for them.
fn format_builtin(amount: Cents, locale: Locale) -> String {
    let number = format_number(amount, locale);
    match locale {
        Locale::En => cat(&["$", &number]),
        Locale::Es => cat(&[&number, "\u{a0}US$"]),
        Locale::Fr => cat(&[&number, "\u{a0}$US"]),
    }
}

/// The number part: grouped thousands and, unless whole, two decimals.
fn format_number(amount: Cents, locale: Locale) -> String {
    // Spanish leaves four-digit numbers ungrouped (`1000`, but `10.000`); French groups with a
    // narrow no-break space.
    let (group, decimal, min_grouped_len) = match locale {
        Locale::En => (",", '.', 4),
        Locale::Es => (".", ',', 5),
        Locale::Fr => ("\u{202f}", ',', 4),
    };
    let units = digits(amount.0 / 100);
    let mut out = String::with_capacity(units.len() * 2 + 3);
    for (i, digit) in units.chars().enumerate() {
        if i > 0 && units.len() >= min_grouped_len && (units.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(digit);
    }
    if !amount.is_whole() {
        out.push(decimal);
        out.push_str(&cents_digits(amount));
    }
    out
}

/// The two digits of `amount`'s cents, `"05"` for five.
fn cents_digits(amount: Cents) -> String {
    let cents = (amount.0 % 100) as u8;
    [char::from(b'0' + cents / 10), char::from(b'0' + cents % 10)].iter().collect()
}

/// `Intl.NumberFormat`, built once per (locale, whole) and kept for the page's life.
#[cfg(target_arch = "wasm32")]
mod intl {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    use super::{CURRENCY, Cents, cents_digits};
    use crate::i18n::Locale;
    use crate::text::{cat, digits};

    /// The locale, and whether the amount is whole (no decimals).
    type Key = (Locale, bool);

    thread_local! {
        /// Building a formatter costs far more than using one, and amounts are formatted on
        /// every render. `None` remembers a formatter the browser refused, so it is not
        /// rebuilt (and refused again) on every render either.
        /// A list, not a hash map: a page uses one or two formatters.
        static FORMATTERS: RefCell<Vec<(Key, Option<Function>)>> = const { RefCell::new(Vec::new()) };
    }

    /// `amount` formatted by the browser, or `None` if `Intl` is missing or throws.
    pub(super) fn format(amount: Cents, locale: Locale) -> Option<String> {
        let key = (locale, amount.is_whole());
        let cached = FORMATTERS.with(|cache| cache.borrow().iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone()));
        let format = match cached {
            Some(format) => format,
            None => {
                // Built outside the borrow: nothing of ours runs inside JS, but no borrow is
                // held across a call into it either way.
                let built = build(locale, key.1);
                FORMATTERS.with(|cache| cache.borrow_mut().push((key, built.clone())));
                built
            }
        }?;
        // A decimal string rather than `cents / 100.0`: browsers format a numeric string
        // exactly, and older ones read it as the nearest double, which is no worse.
        let value = JsValue::from_str(&cat(&[&digits(amount.0 / 100), ".", &cents_digits(amount)]));
        format.call1(&JsValue::UNDEFINED, &value).ok()?.as_string()
    }

    /// `Intl.NumberFormat(locale, {maximumFractionDigits: 2}).format(value)`.
    pub(super) fn decimal(value: f64, locale: Locale) -> String {
        let options = Object::new();
        let _ = Reflect::set(&options, &JsValue::from_str("maximumFractionDigits"), &JsValue::from_f64(2.0));
        let locales = Array::of1(&JsValue::from_str(locale.bcp47()));
        let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
        format
            .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    }

    /// A new `Intl.NumberFormat(locale, {style: "currency", currency, …}).format`, through
    /// `Reflect.construct` so that a throwing constructor is an `Err` rather than an exception
    /// unwinding through Rust.
    fn build(locale: Locale, whole: bool) -> Option<Function> {
        let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
        let constructor: Function = Reflect::get(&intl, &JsValue::from_str("NumberFormat")).ok()?.dyn_into().ok()?;
        let options = Object::new();
        let digits = JsValue::from_f64(if whole { 0.0 } else { 2.0 });
        for (name, value) in [
            ("style", JsValue::from_str("currency")),
            ("currency", JsValue::from_str(CURRENCY)),
            // Both bounds, because older engines reject a maximum below the currency's
            // default minimum when the minimum is left out.
            ("minimumFractionDigits", digits.clone()),
            ("maximumFractionDigits", digits),
        ] {
            Reflect::set(&options, &JsValue::from_str(name), &value).ok()?;
        }
        let locales = Array::of1(&JsValue::from_str(locale.bcp47()));
        let formatter = Reflect::construct(&constructor, &Array::of2(&locales, &options)).ok()?;
        // `format` is a getter that returns a function already bound to its formatter.
        Reflect::get(&formatter, &JsValue::from_str("format")).ok()?.dyn_into().ok()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use AmountError::*;
    use Locale::{En, Es, Fr};

    #[test]
    fn parses_amounts_by_every_rule() {
        let huge = format!("1{}", "0".repeat(10_000));
        let cases: Vec<(&str, Locale, Result<u64, AmountError>)> = vec![
            // Plain numbers and decimals.
            ("25", En, Ok(2500)),
            ("25.5", En, Ok(2550)),
            ("25.50", En, Ok(2550)),
            ("19.99", En, Ok(1999)),
            ("1", En, Ok(100)),
            ("1.01", En, Ok(101)),
            ("025", En, Ok(2500)),
            ("25.", En, Ok(2500)),
            ("100000", En, Ok(10_000_000)),
            ("100,000.00", En, Ok(10_000_000)),
            // Whitespace and currency markers.
            (" 25 ", En, Ok(2500)),
            ("\t25\n", En, Ok(2500)),
            ("$25", En, Ok(2500)),
            ("$ 25", En, Ok(2500)),
            ("US$25", En, Ok(2500)),
            ("us$ 25.50", En, Ok(2550)),
            ("25$", En, Ok(2500)),
            ("25 USD", En, Ok(2500)),
            ("25usd", En, Ok(2500)),
            ("USD 25", En, Ok(2500)),
            ("$25 USD", En, Ok(2500)),
            ("25\u{a0}US$", Es, Ok(2500)),
            ("25\u{a0}$US", Fr, Ok(2500)),
            // English separators.
            ("1,000.50", En, Ok(100_050)),
            ("1,000", En, Ok(100_000)),
            ("12,345.6", En, Ok(1_234_560)),
            ("1,234", En, Ok(123_400)),
            ("1,234.50", En, Ok(123_450)),
            ("12,34", En, Err(DecimalComma)),
            ("25,50", En, Err(DecimalComma)),
            ("25,5", En, Err(DecimalComma)),
            ("1.000,50", En, Err(DecimalComma)),
            ("1 000,50", En, Err(DecimalComma)),
            ("$12,34", En, Err(DecimalComma)),
            ("1 000.50", En, Ok(100_050)),
            ("1.000", En, Err(TooManyDecimals)),
            // Spanish separators.
            ("1.000,50", Es, Ok(100_050)),
            ("1.000", Es, Ok(100_000)),
            ("10.000", Es, Ok(1_000_000)),
            ("25.500", Es, Ok(2_550_000)),
            ("25,50", Es, Ok(2550)),
            ("25.50", Es, Ok(2550)),
            ("1,000.50", Es, Ok(100_050)),
            ("1,000", Es, Err(TooManyDecimals)),
            ("1.000.000", Es, Err(AboveMaximum)),
            ("1,000,000", Es, Err(NotANumber)),
            // French separators: space, no-break space, narrow no-break space.
            ("1 000,50", Fr, Ok(100_050)),
            ("1\u{a0}000,50", Fr, Ok(100_050)),
            ("1\u{202f}000,50", Fr, Ok(100_050)),
            ("1\u{202f}000", Fr, Ok(100_000)),
            ("25,50", Fr, Ok(2550)),
            ("25.50", Fr, Ok(2550)),
            ("1 000.50", Fr, Ok(100_050)),
            ("1,000", Fr, Err(TooManyDecimals)),
            ("1.000", Fr, Err(TooManyDecimals)),
            ("1.000.000", Fr, Err(NotANumber)),
            ("1 000.000,50", Fr, Err(NotANumber)),
            // Empty.
            ("", En, Err(Empty)),
            ("   ", En, Err(Empty)),
            ("\u{a0}", Fr, Err(Empty)),
            ("$", En, Err(Empty)),
            ("US$ ", En, Err(Empty)),
            // Not a number.
            ("abc", En, Err(NotANumber)),
            ("NaN", En, Err(NotANumber)),
            ("Infinity", En, Err(NotANumber)),
            ("inf", En, Err(NotANumber)),
            ("1e3", En, Err(NotANumber)),
            ("12a", En, Err(NotANumber)),
            ("+25", En, Err(NotANumber)),
            ("25-", En, Err(NotANumber)),
            ("€25", En, Err(NotANumber)),
            ("٢٥", En, Err(NotANumber)),
            (".", En, Err(NotANumber)),
            (",", Fr, Err(NotANumber)),
            ("1.2.3", En, Err(NotANumber)),
            ("1,2,3", Fr, Err(NotANumber)),
            ("1,000.50.25", En, Err(NotANumber)),
            ("1,00,0", En, Err(NotANumber)),
            ("1,00.50", En, Err(NotANumber)),
            ("1.5,000", En, Err(NotANumber)),
            ("1,0000", En, Err(DecimalComma)),
            ("1,000,00", En, Err(NotANumber)),
            ("1,,000", En, Err(NotANumber)),
            ("1000,000.50", En, Err(NotANumber)),
            (",500", En, Err(NotANumber)),
            ("0,500", En, Err(NotANumber)),
            ("2 5", Fr, Err(NotANumber)),
            ("25 50", En, Err(NotANumber)),
            ("1  000", Fr, Err(NotANumber)),
            ("1 000,50,25", Fr, Err(NotANumber)),
            ("1,000 000", En, Err(NotANumber)),
            ("$$25", En, Err(NotANumber)),
            // Negative, with any minus sign, on either side of the currency sign.
            ("-5", En, Err(Negative)),
            ("\u{2212}5", En, Err(Negative)),
            ("\u{2013}5", En, Err(Negative)),
            ("-$5", En, Err(Negative)),
            ("$-5", En, Err(Negative)),
            (" -0 ", En, Err(Negative)),
            ("-abc", En, Err(Negative)),
            // Zero.
            ("0", En, Err(Zero)),
            ("0.00", En, Err(Zero)),
            ("$0", En, Err(Zero)),
            ("0,0", Fr, Err(Zero)),
            ("000", En, Err(Zero)),
            // Too many decimals, even when they are zeros.
            ("1.999", En, Err(TooManyDecimals)),
            ("25,500", Es, Err(TooManyDecimals)),
            ("0.001", En, Err(TooManyDecimals)),
            ("1,000.505", En, Err(TooManyDecimals)),
            // Limits.
            ("0.99", En, Err(BelowMinimum)),
            ("0.1", En, Err(BelowMinimum)),
            (".5", En, Err(BelowMinimum)),
            ("100000.01", En, Err(AboveMaximum)),
            ("1,000,000", En, Err(AboveMaximum)),
            ("18446744073709551615", En, Err(AboveMaximum)),
            ("184467440737095516.15", En, Err(AboveMaximum)),
            ("99999999999999999999999999", En, Err(AboveMaximum)),
            (&huge, En, Err(AboveMaximum)),
        ];
        assert!(cases.len() >= 30);
        for (input, locale, expected) in cases {
            assert_eq!(parse_amount(input, locale), expected.map(Cents), "{input:?} in {locale:?}");
        }
    }

    #[test]
    fn amounts_are_exact_cents() {
        // The classic float traps: 19.99 * 100 and 0.29 * 100 are not whole numbers in f64.
        assert_eq!(parse_amount("19.99", En), Ok(Cents(1999)));
        assert_eq!(parse_amount("1.29", En), Ok(Cents(129)));
        assert_eq!(parse_amount("1,13", Fr), Ok(Cents(113)));
        assert_eq!(parse_amount("4.35", En), Ok(Cents(435)));
        assert_eq!(parse_amount("1.15", Es), Ok(Cents(115)));
    }

    #[test]
    fn sub_dollar_amounts_are_exact_but_below_minimum() {
        // 0.29 is exact (29 cents) and then refused by the limit, not by rounding.
        assert_eq!(parse_amount("0.29", En), Err(BelowMinimum));
        assert!(!Cents(29).is_within_limits());
        assert_eq!(parse_amount("1.00", En), Ok(MIN_AMOUNT));
        assert_eq!(parse_amount("100.000", Es), Ok(MAX_AMOUNT));
        assert_eq!(parse_amount("100\u{202f}000,00", Fr), Ok(MAX_AMOUNT));
        assert!(MIN_AMOUNT.is_within_limits() && MAX_AMOUNT.is_within_limits());
        assert!(!Cents(MAX_AMOUNT.0 + 1).is_within_limits());
    }

    #[test]
    fn tips_round_half_up_to_the_cent() {
        let cases = [
            (2500, 10.0, 250),
            (1999, 12.5, 250), // 249.875
            (1999, 15.0, 300), // 299.85
            (1999, 10.0, 200), // 199.9
            (100, 0.5, 1),     // 0.5: half rounds up
            (100, 0.49, 0),
            (10, 5.0, 1), // 0.5
            (10, 2.5, 0), // 0.25
            (333, 33.333, 111),
            (2500, 0.0, 0),
            (2500, -5.0, 0),
            (2500, f64::NAN, 0),
            (2500, f64::NEG_INFINITY, 0),
            (2500, 100.0, 2500),
            (2500, 150.0, 2500),
            (2500, f64::INFINITY, 2500),
            (0, 10.0, 0),
        ];
        for (amount, percent, expected) in cases {
            assert_eq!(percent_of(Cents(amount), percent), Cents(expected), "{percent} % of {amount}");
        }
        assert_eq!(percent_of(Cents(u64::MAX), 100.0), Cents(u64::MAX));
        assert_eq!(percent_of(Cents(u64::MAX), 50.0), Cents(u64::MAX / 2 + 1));
        assert_eq!(percent_of(MAX_AMOUNT, 12.5), Cents(1_250_000));
    }

    #[test]
    fn formats_like_the_browser() {
        let cases = [
            (2500, En, "$25"),
            (1999, En, "$19.99"),
            (100_050, En, "$1,000.50"),
            (10_000_000, En, "$100,000"),
            (5, En, "$0.05"),
            (0, En, "$0"),
            (2500, Es, "25\u{a0}US$"),
            (1999, Es, "19,99\u{a0}US$"),
            (100_050, Es, "1000,50\u{a0}US$"),
            (1_000_000, Es, "10.000\u{a0}US$"),
            (2500, Fr, "25\u{a0}$US"),
            (1999, Fr, "19,99\u{a0}$US"),
            (100_050, Fr, "1\u{202f}000,50\u{a0}$US"),
            (123_456_789, Fr, "1\u{202f}234\u{202f}567,89\u{a0}$US"),
        ];
        for (cents, locale, expected) in cases {
            assert_eq!(format_money(Cents(cents), locale), expected, "{cents} in {locale:?}");
        }
    }

    #[test]
    fn formatted_amounts_read_back() {
        for locale in Locale::ALL {
            for cents in [100, 1999, 2500, 100_050, 1_234_567, 10_000_000] {
                let shown = format_money(Cents(cents), locale);
                assert_eq!(parse_amount(&shown, locale), Ok(Cents(cents)), "{shown:?} in {locale:?}");
            }
        }
    }

    #[test]
    fn error_messages_name_the_limits() {
        assert_eq!(BelowMinimum.message(En), "The minimum donation is $1.");
        assert_eq!(AboveMaximum.message(En), "The maximum donation is $100,000.");
        assert_eq!(AboveMaximum.message(Es), "La donación máxima es de 100.000\u{a0}US$.");
        assert_eq!(AboveMaximum.to_string(), AboveMaximum.message(En));
        let all = [Empty, NotANumber, Negative, Zero, TooManyDecimals, DecimalComma, BelowMinimum, AboveMaximum];
        for locale in Locale::ALL {
            let messages: std::collections::HashSet<_> = all.iter().map(|e| e.message(locale)).collect();
            assert_eq!(messages.len(), all.len(), "{locale:?}");
            // The static hint under the custom amount must state the same limits.
            let hint = locale.strings().custom_amount_hint;
            assert!(hint.contains(&format_money(MIN_AMOUNT, locale)), "{locale:?}: {hint}");
            assert!(hint.contains(&format_money(MAX_AMOUNT, locale)), "{locale:?}: {hint}");
        }
    }

    #[test]
    fn cents_helpers() {
        assert!(Cents(2500).is_whole() && !Cents(2550).is_whole());
        assert_eq!(Cents(u64::MAX).saturating_add(Cents(1)), Cents(u64::MAX));
        assert_eq!(Cents(2500).saturating_add(Cents(250)), Cents(2750));
        assert!(Cents(100) < Cents(101));
    }
}
