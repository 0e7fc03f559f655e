//! The tip on a donation: a share of the amount, computed exactly in integer cents.

use super::Cents;

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::money::MAX_AMOUNT;

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
}
