//! The donor's text fields (first name, last name, email): their limits, the check each one
//! gets, and the sentence that says what is wrong with one.

use crate::i18n::Strings;

/// The longest first or last name accepted, in characters.
pub const NAME_MAX_CHARS: usize = 100;
/// The longest email address accepted, in characters (RFC 5321's path limit).
pub const EMAIL_MAX_CHARS: usize = 254;

/// The donor's text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    FirstName,
    LastName,
    Email,
}

impl TextField {
    /// The most characters the field takes.
    pub fn max_chars(self) -> usize {
        match self {
            TextField::FirstName | TextField::LastName => NAME_MAX_CHARS,
            TextField::Email => EMAIL_MAX_CHARS,
        }
    }

    /// The field's label.
    pub fn label(self, s: &Strings) -> &'static str {
        match self {
            TextField::FirstName => s.first_name,
            TextField::LastName => s.last_name,
            TextField::Email => s.email,
        }
    }
}

/// Why a donor's text field was refused. Each case has its own message, because each asks the
/// donor to fix something different.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// Nothing but spaces.
    Missing,
    /// Over [`TextField::max_chars`].
    TooLong,
    /// A name with a tab, a line break or another control character; an email that is not one.
    Malformed,
    /// The API refused what passed our own checks.
    Refused,
}

impl TextProblem {
    /// The sentence to show next to `field`.
    pub fn message(self, field: TextField, s: &Strings) -> String {
        let label = field.label(s);
        match (self, field) {
            (TextProblem::TooLong, _) => (s.err_too_long)(label, field.max_chars() as u64),
            (TextProblem::Missing, TextField::FirstName) => s.err_first_name.to_owned(),
            (TextProblem::Missing, TextField::LastName) => s.err_last_name.to_owned(),
            (_, TextField::Email) => s.err_email.to_owned(),
            (TextProblem::Malformed, _) => (s.err_control_characters)(label),
            (TextProblem::Refused, _) => (s.err_refused)(label),
        }
    }
}

/// The donor's text without its outer whitespace, or what is wrong with it: empty, too long,
/// a name with control characters, an email that is not plausibly one.
pub(super) fn check_text(input: &str, field: TextField) -> Result<&str, TextProblem> {
    let text = input.trim();
    if text.is_empty() {
        return Err(TextProblem::Missing);
    }
    if text.chars().count() > field.max_chars() {
        return Err(TextProblem::TooLong);
    }
    let well_formed = match field {
        TextField::FirstName | TextField::LastName => !text.chars().any(char::is_control),
        TextField::Email => is_plausible_email(text),
    };
    if well_formed { Ok(text) } else { Err(TextProblem::Malformed) }
}

/// A deliberately simple check: one `@`, something before it, a dotted domain after it, no
/// spaces. The API has the last word; this catches typos before a round trip. Domain labels are
/// ASCII letters, digits and dashes, or any non-ASCII character (internationalised domains),
/// which spares the wasm Unicode's letter tables.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    let label_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || !c.is_ascii();
    let labels_ok = domain
        .split('.')
        .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(label_char));
    email.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !local.chars().any(|c| c.is_whitespace() || c.is_control() || c == '@' || c == ',' || c == ';')
        && domain.contains('.')
        && labels_ok
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in ["a@b.co", "ada.lovelace+gifts@example.org", "x@sub.example.museum", "é@exämple.org"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.org",
            "ada@example",
            "a b@example.org",
            "a@b@c.org",
            "a@-x.org",
            "a@x..org",
            "a@x.org,b@y.org",
            "a@ex_ample.org",
            "a@exa mple.org",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }
}
