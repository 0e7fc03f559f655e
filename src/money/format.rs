//! Writing amounts and plain numbers as the donor's language does: through the browser's `Intl`
//! where there is one, else with a built-in formatter that writes what `Intl` would.

use super::Cents;
use crate::i18n::Locale;
use crate::text::{cat, digits};

/// `amount` (US dollars, the only currency of the API: [`CURRENCY`](super::CURRENCY)) as
/// `locale` writes money: `$25`, `$19.99` (en), `25 US$` (es), `25 $US` (fr). Whole amounts have
/// no decimals, others always two.
///
/// In the browser this is `Intl.NumberFormat`, so amounts read the way every other price on the
/// donor's screen does; the formatters are built once and reused. Where `Intl` is missing or
/// fails, it falls back to the built-in formatter that native builds use.
#[cfg(target_arch = "wasm32")]
pub fn format_money(amount: Cents, locale: Locale) -> String {
    super::intl::format(amount, locale).unwrap_or_else(|| format_builtin(amount, locale))
}

/// `amount` (US dollars, the only currency of the API: [`CURRENCY`](super::CURRENCY)) as
/// `locale` writes money: `$25`, `$19.99` (en), `25 US$` (es), `25 $US` (fr). Whole amounts have
/// no decimals, others always two.
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
    super::intl::decimal(value, locale)
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
}
