//! The publishable key, the environment it selects, and the API base URL.
//!
//! This is the first layer: nothing reaches the network without a [`PublishableKey`], and the
//! only way to get one is [`PublishableKey::parse`], which refuses every kind of secret. So a
//! secret key can never be stored in, or sent by, the widget.

use std::fmt;

use crate::text::{cat, digits};
use crate::weburl;

/// Which SIR host a key belongs to. Test keys go with the sandbox host, live keys with
/// production; mixing them is an integration error the API answers with 401.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Environment {
    /// `pk_test_` keys and the sandbox host.
    Sandbox,
    /// `pk_live_` keys and the production host.
    Production,
}

impl Environment {
    /// The published API host for this environment.
    pub fn base_url(self) -> &'static str {
        match self {
            Environment::Sandbox => "https://devapi.sirgiving.org",
            Environment::Production => "https://api.sirgiving.org",
        }
    }
}

const TEST_PREFIX: &str = "pk_test_";
const LIVE_PREFIX: &str = "pk_live_";
/// Published keys carry 64 hex characters; anything much shorter is a truncated paste.
const MIN_BODY_LEN: usize = 16;
const MAX_BODY_LEN: usize = 128;

/// Why a string is not a usable publishable key. Each case has its own message, because each
/// points the site developer at a different mistake.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// Nothing was given.
    Empty,
    /// Leading or trailing whitespace: usually a copy-paste slip.
    Padded,
    /// `sk_…`: a secret key must never be in a browser.
    SecretKey,
    /// A bare 64-hex string: that is the partner's HMAC signing secret.
    HmacSecret,
    /// `whsec_…`: a webhook signing secret.
    WebhookSecret,
    /// A character outside `[A-Za-z0-9_]`.
    InvalidCharacter(char),
    /// Neither `pk_test_` nor `pk_live_`.
    UnknownPrefix,
    /// The right prefix, but the rest is too short or too long to be a key.
    WrongLength(usize),
}

impl KeyError {
    /// What the site developer sees in the console and in place of the button.
    pub fn developer_message(&self) -> String {
        match self {
            KeyError::Empty => "No publishable key was given. Pass your pk_test_… or pk_live_… key.".into(),
            KeyError::Padded => "The publishable key has spaces or line breaks around it. Remove them.".into(),
            KeyError::SecretKey => "This is a SECRET key (sk_…). It must never be put in a web page: rotate it now in the SIR partner dashboard, and use your publishable key (pk_…) here.".into(),
            KeyError::HmacSecret => "This looks like your HMAC signing secret (64 hex characters). It must never be put in a web page: rotate it, and use your publishable key (pk_…) here.".into(),
            KeyError::WebhookSecret => "This is a webhook signing secret (whsec_…). It must never be put in a web page: rotate it, and use your publishable key (pk_…) here.".into(),
            KeyError::InvalidCharacter(c) => cat(&["The publishable key contains '", c.encode_utf8(&mut [0; 4]), "'; keys contain only letters, digits and underscores."]),
            KeyError::UnknownPrefix => "This is not a publishable key: it must start with pk_test_ (sandbox) or pk_live_ (production).".into(),
            KeyError::WrongLength(n) => cat(&["The publishable key is ", &digits(*n as u64), " characters after its prefix; a SIR key has 64. Check that it was copied whole."]),
        }
    }

    /// What a donor may be shown: never the details of someone else's mistake.
    pub fn donor_message(&self) -> &'static str {
        "Donations are not available on this page right now."
    }

    /// True for the cases where a secret has been exposed and must be rotated.
    pub fn exposes_secret(&self) -> bool {
        matches!(self, KeyError::SecretKey | KeyError::HmacSecret | KeyError::WebhookSecret)
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.developer_message())
    }
}

impl std::error::Error for KeyError {}

/// A validated publishable key. `Debug` and `Display` show only its prefix and last four
/// characters, so it can be logged without being copied around whole.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PublishableKey {
    key: String,
    environment: Environment,
}

impl PublishableKey {
    /// Validates `input`, refusing secrets and malformed keys before any request is made.
    pub fn parse(input: &str) -> Result<Self, KeyError> {
        if input.is_empty() {
            return Err(KeyError::Empty);
        }
        if input.trim() != input {
            return Err(if input.trim().is_empty() { KeyError::Empty } else { KeyError::Padded });
        }
        // Secrets are recognised before the character check, so a secret with a stray
        // character is still reported as the leak it is.
        if input.starts_with("sk_") {
            return Err(KeyError::SecretKey);
        }
        if input.starts_with("whsec_") {
            return Err(KeyError::WebhookSecret);
        }
        if input.len() == 64 && input.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(KeyError::HmacSecret);
        }
        if let Some(c) = input.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '_')) {
            return Err(KeyError::InvalidCharacter(c));
        }
        let (environment, body) = if let Some(body) = input.strip_prefix(TEST_PREFIX) {
            (Environment::Sandbox, body)
        } else if let Some(body) = input.strip_prefix(LIVE_PREFIX) {
            (Environment::Production, body)
        } else {
            return Err(KeyError::UnknownPrefix);
        };
        if !(MIN_BODY_LEN..=MAX_BODY_LEN).contains(&body.len()) {
            return Err(KeyError::WrongLength(body.len()));
        }
        Ok(Self { key: input.to_owned(), environment })
    }

    /// Sandbox for `pk_test_`, production for `pk_live_`.
    pub fn environment(&self) -> Environment {
        self.environment
    }

    /// The whole key, for the `X-Partner-Key` header only.
    pub fn as_header_value(&self) -> &str {
        &self.key
    }

    /// `pk_test_…5a5a`: safe for logs and error messages.
    pub fn masked(&self) -> String {
        let prefix = match self.environment {
            Environment::Sandbox => TEST_PREFIX,
            Environment::Production => LIVE_PREFIX,
        };
        let tail = &self.key[self.key.len() - 4..];
        cat(&[prefix, "…", tail])
    }
}

impl fmt::Debug for PublishableKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PublishableKey").field(&self.masked()).finish()
    }
}

impl fmt::Display for PublishableKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// Why an API-base override was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiBaseError {
    /// Not an absolute URL.
    NotAUrl,
    /// Only `https:` is allowed, or `http:` on loopback for local development.
    Insecure,
    /// The URL carries a user name or password.
    Credentials,
    /// A base URL is a prefix: a query or fragment would be silently dropped or misplaced.
    QueryOrFragment,
}

impl ApiBaseError {
    /// What is wrong, for the site developer.
    pub fn developer_message(&self) -> &'static str {
        match self {
            ApiBaseError::NotAUrl => "api-base must be an absolute URL such as https://proxy.example.org/sir.",
            ApiBaseError::Insecure => {
                "api-base must use https:, or http: on localhost / 127.0.0.1 / [::1] for local development."
            }
            ApiBaseError::Credentials => "api-base must not contain a user name or password.",
            ApiBaseError::QueryOrFragment => "api-base must not contain a query (?…) or fragment (#…).",
        }
    }

    /// A sentence for the donor.
    pub fn donor_message(&self) -> &'static str {
        "Donations are not available on this page right now."
    }
}

impl fmt::Display for ApiBaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.developer_message())
    }
}

impl std::error::Error for ApiBaseError {}

/// Where API requests go: the key's published host, or an override for the local sandbox or a
/// partner's own proxy. Stored without a trailing slash, so paths are appended as `/v1/…`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ApiBase {
    url: String,
    loopback: bool,
}

impl ApiBase {
    /// The published host of `environment`.
    pub fn for_environment(environment: Environment) -> Self {
        Self { url: environment.base_url().to_owned(), loopback: false }
    }

    /// An override, accepted only for `https:` URLs or `http:` on loopback.
    pub fn parse_override(input: &str) -> Result<Self, ApiBaseError> {
        let url = weburl::parse(input.trim()).ok_or(ApiBaseError::NotAUrl)?;
        let loopback = url.is_loopback();
        match url.protocol.as_str() {
            "https:" => {}
            "http:" if loopback => {}
            _ => return Err(ApiBaseError::Insecure),
        }
        if url.has_credentials() {
            return Err(ApiBaseError::Credentials);
        }
        if !url.search.is_empty() || !url.hash.is_empty() || url.href.contains(['?', '#']) {
            return Err(ApiBaseError::QueryOrFragment);
        }
        Ok(Self { url: url.href.trim_end_matches('/').to_owned(), loopback })
    }

    /// The base URL without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// True for a loopback base: the local sandbox, where `http:` checkout links on loopback
    /// are allowed too.
    pub fn is_loopback(&self) -> bool {
        self.loopback
    }

    /// `base` + `path`, where `path` starts with `/`.
    pub fn join(&self, path: &str) -> String {
        cat(&[&self.url, path])
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn test_key() -> String {
        format!("pk_test_{}", "5a".repeat(32))
    }

    #[test]
    fn accepts_test_and_live_keys() {
        let k = PublishableKey::parse(&test_key()).unwrap();
        assert_eq!(k.environment(), Environment::Sandbox);
        assert_eq!(k.as_header_value(), test_key());
        let live = PublishableKey::parse(&format!("pk_live_{}", "ab".repeat(32))).unwrap();
        assert_eq!(live.environment(), Environment::Production);
        assert_eq!(ApiBase::for_environment(live.environment()).as_str(), "https://api.sirgiving.org");
        assert_eq!(ApiBase::for_environment(k.environment()).as_str(), "https://devapi.sirgiving.org");
    }

    #[test]
    fn refuses_each_kind_of_bad_key_distinctly() {
        let hex = "0123456789abcdef".repeat(4);
        let cases: Vec<(String, KeyError)> = vec![
            (String::new(), KeyError::Empty),
            ("   ".into(), KeyError::Empty),
            (format!(" {}", test_key()), KeyError::Padded),
            (format!("{}\n", test_key()), KeyError::Padded),
            (format!("sk_test_{hex}"), KeyError::SecretKey),
            (format!("sk_live_{hex}"), KeyError::SecretKey),
            ("sk_live_with-dash".into(), KeyError::SecretKey),
            (hex.clone(), KeyError::HmacSecret),
            (hex.to_uppercase(), KeyError::HmacSecret),
            (format!("whsec_{hex}"), KeyError::WebhookSecret),
            (format!("pk_test_{}-", "5a".repeat(32)), KeyError::InvalidCharacter('-')),
            (format!("pk_test_{}é", "5a".repeat(31)), KeyError::InvalidCharacter('é')),
            ("pk_test_<script>".into(), KeyError::InvalidCharacter('<')),
            (format!("rk_live_{hex}"), KeyError::UnknownPrefix),
            (format!("pk_prod_{hex}"), KeyError::UnknownPrefix),
            (format!("PK_TEST_{hex}"), KeyError::UnknownPrefix),
            ("pk_test_".into(), KeyError::WrongLength(0)),
            ("pk_test_abc".into(), KeyError::WrongLength(3)),
            (format!("pk_live_{}", "a".repeat(129)), KeyError::WrongLength(129)),
        ];
        for (input, expected) in cases {
            assert_eq!(PublishableKey::parse(&input), Err(expected.clone()), "input {input:?}");
        }
    }

    #[test]
    fn every_refusal_has_its_own_developer_message() {
        let errors = [
            KeyError::Empty,
            KeyError::Padded,
            KeyError::SecretKey,
            KeyError::HmacSecret,
            KeyError::WebhookSecret,
            KeyError::InvalidCharacter('-'),
            KeyError::UnknownPrefix,
            KeyError::WrongLength(3),
        ];
        let messages: std::collections::HashSet<_> = errors.iter().map(KeyError::developer_message).collect();
        assert_eq!(messages.len(), errors.len());
        assert!(errors.iter().all(|e| !e.donor_message().is_empty()));
        assert!(KeyError::SecretKey.exposes_secret() && !KeyError::Padded.exposes_secret());
    }

    #[test]
    fn debug_and_display_show_only_prefix_and_last_four() {
        let key = format!("pk_test_{}1234cafe", "0".repeat(56));
        let k = PublishableKey::parse(&key).unwrap();
        for shown in [format!("{k}"), format!("{k:?}"), k.masked()] {
            assert!(shown.contains("pk_test_…cafe"), "{shown}");
            assert!(!shown.contains("1234"), "{shown}");
            assert!(!shown.contains("000"), "{shown}");
        }
    }

    #[test]
    fn api_base_override_rules() {
        let ok = ApiBase::parse_override("https://proxy.example.org/sir/").unwrap();
        assert_eq!(ok.as_str(), "https://proxy.example.org/sir");
        assert_eq!(ok.join("/v1/partner/config"), "https://proxy.example.org/sir/v1/partner/config");
        assert!(!ok.is_loopback());
        for local in ["http://127.0.0.1:8787", "http://localhost:8787/", "http://[::1]:8787"] {
            let b = ApiBase::parse_override(local).unwrap();
            assert!(b.is_loopback(), "{local}");
            assert!(!b.as_str().ends_with('/'), "{local}");
        }
        assert_eq!(ApiBase::parse_override("http://api.example.org"), Err(ApiBaseError::Insecure));
        assert_eq!(ApiBase::parse_override("http://127.0.0.1.evil.example"), Err(ApiBaseError::Insecure));
        assert_eq!(ApiBase::parse_override("ftp://127.0.0.1"), Err(ApiBaseError::Insecure));
        assert_eq!(ApiBase::parse_override("javascript:alert(1)"), Err(ApiBaseError::Insecure));
        assert_eq!(ApiBase::parse_override("/relative"), Err(ApiBaseError::NotAUrl));
        assert_eq!(ApiBase::parse_override("https://u:p@proxy.example.org"), Err(ApiBaseError::Credentials));
        assert_eq!(ApiBase::parse_override("https://proxy.example.org/?a=1"), Err(ApiBaseError::QueryOrFragment));
        assert_eq!(ApiBase::parse_override("https://proxy.example.org/#x"), Err(ApiBaseError::QueryOrFragment));
    }
}
