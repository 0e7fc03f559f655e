//! Money: amounts as exact integer cents, read from what a donor types and written in the
//! donor's language.
//!
//! No amount ever passes through a float: `"19.99"` becomes `Cents(1999)` digit by digit, and
//! tips are computed in integers, so the amount the donor sees is exactly the amount sent.
//!
//! This file holds the amount and the API's limits. Reading what a donor types is `parse`, with
//! `separators` deciding which mark separates the decimals; why typed text is not an amount, and
//! the sentence that says so, is `amount_error`; writing amounts is `format`; the tip on a
//! donation is `tip`.

mod amount_error;
mod format;
mod parse;
mod separators;
mod tip;

pub use amount_error::AmountError;
pub use format::{format_decimal, format_money};
pub use parse::parse_amount;
pub use tip::percent_of;

/// An amount in cents, the API's unit (`Cents(2500)` is $25.00).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(pub u64);

/// The smallest donation the API accepts: $1.
pub const MIN_AMOUNT: Cents = Cents(100);
/// The largest donation the API accepts: $100,000.
pub const MAX_AMOUNT: Cents = Cents(10_000_000);

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

    /// The two digits of the cents, `"05"` for five: what follows the decimal separator.
    fn cents_digits(self) -> String {
        let cents = (self.0 % 100) as u8;
        [char::from(b'0' + cents / 10), char::from(b'0' + cents % 10)].iter().collect()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::i18n::Locale;

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
    fn cents_helpers() {
        assert!(Cents(2500).is_whole() && !Cents(2550).is_whole());
        assert_eq!(Cents(u64::MAX).saturating_add(Cents(1)), Cents(u64::MAX));
        assert_eq!(Cents(2500).saturating_add(Cents(250)), Cents(2750));
        assert!(Cents(100) < Cents(101));
    }
}
