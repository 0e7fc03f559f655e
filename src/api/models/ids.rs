//! The identifiers that go into URL paths, checked before they do: a nonprofit's slug and a
//! donation's id.

use serde::{Deserialize, Serialize};

/// A nonprofit slug as it may appear in a URL path: lower-case letters, digits and dashes.
/// Checking it first means host-page input can never add path segments or a query.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    /// The slug, if `input` (trimmed) is one: 1 to 100 lower-case letters, digits, `-` and `_`.
    pub fn parse(input: &str) -> Option<Self> {
        let s = input.trim();
        let ok = !s.is_empty()
            && s.len() <= 100
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        ok.then(|| Slug(s.to_owned()))
    }

    /// The slug as it goes into the path.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A `partnerDonationId`, checked before it goes into a URL path or an event: 1 to 128 of the
/// URL's unreserved characters (ASCII letters, digits, `-`, `.`, `_`, `~`), and not made of dots
/// only. The sandbox's ids (`pdn_` + 24 hex) and any id a real server is likely to use fit; an
/// id that would need escaping, could add or climb path segments (`a/b`, `..`, `%2e%2e`) or
/// carry anything but an identifier is refused, wherever it comes from (the API, session
/// storage or the host page).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DonationId(String);

impl TryFrom<String> for DonationId {
    type Error = &'static str;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        DonationId::parse(&text).ok_or("not a partnerDonationId: 1 to 128 URL-unreserved characters, not dots only")
    }
}

impl From<DonationId> for String {
    fn from(id: DonationId) -> Self {
        id.0
    }
}

impl DonationId {
    /// The id, if `input` is of the shape above.
    pub fn parse(input: &str) -> Option<Self> {
        let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        let ok = (1..=128).contains(&input.len()) && input.bytes().all(unreserved) && !input.bytes().all(|b| b == b'.');
        ok.then(|| DonationId(input.to_owned()))
    }

    /// The id as it goes into the path.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_ids_cannot_reshape_a_path() {
        assert!(Slug::parse("american-red-cross").is_some());
        for bad in ["", " ", "..", ".", "../config", "a/b", "a?b", "A-Upper", "a b", "%2e%2e", "a#b"] {
            assert!(Slug::parse(bad).is_none(), "{bad:?}");
        }
        for good in ["pdn_0123456789abcdef01234567", "PDN-1", "v1.2~x", "a..b", &"x".repeat(128)] {
            assert_eq!(DonationId::parse(good).as_ref().map(DonationId::as_str), Some(good), "{good:?}");
        }
        let too_long = "x".repeat(129);
        for bad in [
            "",
            " ",
            ".",
            "..",
            "...",
            "a/b",
            "../x",
            "/x",
            "%2e%2e",
            "%2F",
            "a b",
            " pdn_1",
            "a\nb",
            "a?b",
            "a#b",
            "a;b",
            "a\\b",
            "jane@example.com",
            "é",
            &too_long,
        ] {
            assert!(DonationId::parse(bad).is_none(), "{bad:?}");
        }
    }
}
