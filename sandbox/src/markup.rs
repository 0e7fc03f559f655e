//! Text helpers for the HTML and SVG the sandbox renders.

/// Escapes text for use in HTML/XML element content and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `2500, "USD"` → `$25.00`; thousands are grouped (`$100,000.00`).
/// Other currencies render as `25.00 EUR`.
pub fn format_money(cents: i64, currency: &str) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let whole = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let amount = format!("{grouped}.{:02}", abs % 100);
    if currency.eq_ignore_ascii_case("USD") { format!("{sign}${amount}") } else { format!("{sign}{amount} {currency}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn formats_money() {
        assert_eq!(format_money(2500, "USD"), "$25.00");
        assert_eq!(format_money(100, "USD"), "$1.00");
        assert_eq!(format_money(5, "USD"), "$0.05");
        assert_eq!(format_money(10_000_000, "USD"), "$100,000.00");
        assert_eq!(format_money(123_456_789, "USD"), "$1,234,567.89");
        assert_eq!(format_money(2500, "EUR"), "25.00 EUR");
        assert_eq!(format_money(-150, "USD"), "-$1.50");
    }
}
