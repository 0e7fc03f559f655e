//! Classifying the `X-Partner-Key` header and masking keys for logs.
//!
//! The widget may only ever send a publishable test key to the sandbox. Every
//! other shape of credential maps to the specific error the contract names, so
//! integrators learn *which* mistake they made instead of a generic 401.

/// Length of the hex part of a well-formed publishable key.
const KEY_HEX_LEN: usize = 64;

/// What a raw `X-Partner-Key` value turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyClass {
    /// No header at all.
    Missing,
    /// Present but not any key shape we recognise (wrong prefix, bad hex, wrong length).
    Malformed,
    /// `pk_test_<64 hex>`: the only kind the sandbox can accept.
    TestPublishable,
    /// `pk_live_<64 hex>`: a production key sent to a test host.
    LivePublishable,
    /// `sk_test_…`, `sk_live_…` or a bare 64-hex HMAC secret: server-only material.
    Secret,
}

/// Classifies a header value. `None` means the header was absent.
pub fn classify(raw: Option<&str>) -> KeyClass {
    let Some(key) = raw else {
        return KeyClass::Missing;
    };
    if key.starts_with("sk_test_") || key.starts_with("sk_live_") || is_hex_of_len(key, KEY_HEX_LEN) {
        return KeyClass::Secret;
    }
    if let Some(hex) = key.strip_prefix("pk_test_")
        && is_hex_of_len(hex, KEY_HEX_LEN)
    {
        return KeyClass::TestPublishable;
    }
    if let Some(hex) = key.strip_prefix("pk_live_")
        && is_hex_of_len(hex, KEY_HEX_LEN)
    {
        return KeyClass::LivePublishable;
    }
    KeyClass::Malformed
}

fn is_hex_of_len(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The fixture key built from one two-hex-digit pair repeated 32 times.
pub fn fixture_key(pair: &str) -> String {
    format!("pk_test_{}", pair.repeat(KEY_HEX_LEN / 2))
}

/// Renders a key for logs: its well-known prefix plus the last four characters,
/// e.g. `pk_test_…5a5a`. Never returns enough of a key to reuse it.
pub fn mask(raw: Option<&str>) -> String {
    let Some(key) = raw else {
        return "-".to_owned();
    };
    const PREFIXES: [&str; 4] = ["pk_test_", "pk_live_", "sk_test_", "sk_live_"];
    let prefix = PREFIXES.iter().find(|p| key.starts_with(*p)).copied().unwrap_or("");
    let rest = &key[prefix.len()..];
    let chars: Vec<char> = rest.chars().collect();
    // Short values would be revealed almost entirely by their last four characters.
    if chars.len() < 12 {
        return format!("{prefix}…");
    }
    let tail: String =
        chars[chars.len() - 4..].iter().map(|c| if c.is_ascii_alphanumeric() { *c } else { '?' }).collect();
    format!("{prefix}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixture_keys_are_well_formed_test_keys() {
        for pair in ["5a", "0d", "5e"] {
            let key = fixture_key(pair);
            assert_eq!(key.len(), 8 + 64);
            assert_eq!(classify(Some(&key)), KeyClass::TestPublishable);
        }
    }

    #[test]
    fn classifies_every_credential_shape() {
        let hex = "ab".repeat(32);
        assert_eq!(classify(None), KeyClass::Missing);
        assert_eq!(classify(Some("")), KeyClass::Malformed);
        assert_eq!(classify(Some("pk_test_abc")), KeyClass::Malformed);
        assert_eq!(classify(Some(&format!("pk_test_{}", "zz".repeat(32)))), KeyClass::Malformed);
        assert_eq!(classify(Some(&format!("pk_test_{hex}0"))), KeyClass::Malformed);
        assert_eq!(classify(Some(&format!("pk_test_{hex}"))), KeyClass::TestPublishable);
        assert_eq!(classify(Some(&format!("pk_live_{hex}"))), KeyClass::LivePublishable);
        assert_eq!(classify(Some("pk_live_short")), KeyClass::Malformed);
        assert_eq!(classify(Some("sk_test_anything")), KeyClass::Secret);
        assert_eq!(classify(Some(&format!("sk_live_{hex}"))), KeyClass::Secret);
        assert_eq!(classify(Some(&hex)), KeyClass::Secret);
        assert_eq!(classify(Some("Bearer xyz")), KeyClass::Malformed);
    }

    #[test]
    fn masking_keeps_prefix_and_last_four_only() {
        let key = fixture_key("5a");
        assert_eq!(mask(Some(&key)), "pk_test_…5a5a");
        assert_eq!(mask(Some(&format!("sk_live_{}", "12".repeat(32)))), "sk_live_…1212");
        assert_eq!(mask(None), "-");
        assert_eq!(mask(Some("pk_test_abc")), "pk_test_…");
        assert_eq!(mask(Some("short")), "…");
        assert_eq!(mask(Some("some-odd-credential-value")), "…alue");
        assert_eq!(mask(Some("weird value with\nnewline!")), "…ine?");
    }

    #[test]
    fn masking_never_contains_the_full_key() {
        let key = fixture_key("0d");
        let masked = mask(Some(&key));
        assert!(!masked.contains(&key[8..]));
        assert!(masked.chars().count() <= "pk_test_…".chars().count() + 4);
    }
}
