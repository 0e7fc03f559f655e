//! Why typed text is not an acceptable amount, and the sentence that tells the donor, in their
//! language, what to fix.

use std::fmt;

use super::format::format_money;
use super::{MAX_AMOUNT, MIN_AMOUNT};
use crate::i18n::Locale;

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use AmountError::*;
    use Locale::{En, Es};

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
}
