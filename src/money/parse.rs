//! Reading an amount as a donor types it, exactly, into cents: signs, currency markers, digits
//! and the API's limits. Which mark separates the decimals is decided in `separators`.

use super::amount_error::AmountError;
use super::separators::split_number;
use super::{Cents, MAX_AMOUNT, MIN_AMOUNT};
use crate::i18n::Locale;

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
}
