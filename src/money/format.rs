//! Writing amounts and plain numbers as the donor's language does, the way browsers' `Intl`
//! writes them.

use super::Cents;
use crate::i18n::Locale;
use crate::text::{cat, digits};

/// `amount` (US dollars, the only currency of the API) as `locale` writes money: `$25`, `$19.99`
/// (en), `25 US$` (es), `25 $US` (fr). Whole amounts have no decimals, others always two. English
/// is US English, the forms donors paying in dollars expect; Spanish and French are regionless,
/// so `US$` / `$US`, which no reader mistakes for a local dollar.
///
/// CLDR's patterns for US dollars in these three languages, which is what browsers' `Intl`
/// writes for them (a browser test compares the two, in `tests/widget/flow.rs`). Not `Intl`
/// itself: a page's first `Intl.NumberFormat` costs tens of milliseconds while the browser loads
/// its number data, inside the task that shows a donor the form.
pub fn format_money(amount: Cents, locale: Locale) -> String {
    let number = format_number(amount, locale);
    match locale {
        Locale::En => cat(&["$", &number]),
        Locale::Es => cat(&[&number, "\u{a0}US$"]),
        Locale::Fr => cat(&[&number, "\u{a0}$US"]),
    }
}

/// A plain number (a tip share, a token count) as `locale` writes it, with at most two
/// decimals: `1,250.5` (en), `1250,5` (es), `1 250,5` (fr), as `Intl.NumberFormat` with
/// `maximumFractionDigits: 2` writes it. Negative and non-finite values (which no share or count
/// is) are written as 0; values beyond what cents can count, as the largest.
pub fn format_decimal(value: f64, locale: Locale) -> String {
    // Rounded to hundredths as an integer, so no float is ever printed (that would also pull
    // Rust's float formatting into the wasm). `as` saturates, and makes NaN 0.
    let hundredths = Cents((value.max(0.0) * 100.0).round() as u64);
    let mut number = format_number(hundredths, locale);
    if !hundredths.is_whole() && number.ends_with('0') {
        number.pop(); // at most two decimals, without a trailing zero: `12.5`, not `12.50`
    }
    number
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
        out.push_str(&amount.cents_digits());
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use Locale::{En, Es, Fr};

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
    fn plain_numbers_have_at_most_two_decimals_and_no_trailing_zero() {
        let cases = [
            (10.0, En, "10"),
            (12.5, En, "12.5"),
            (12.345, En, "12.35"),
            (0.1 + 0.2, En, "0.3"),
            (1250.5, En, "1,250.5"),
            (1250.5, Es, "1250,5"),
            (12_500.0, Es, "12.500"),
            (1250.5, Fr, "1\u{202f}250,5"),
            (-3.0, En, "0"),
            (f64::NAN, Fr, "0"),
        ];
        for (value, locale, expected) in cases {
            assert_eq!(format_decimal(value, locale), expected, "{value} in {locale:?}");
        }
    }
}
