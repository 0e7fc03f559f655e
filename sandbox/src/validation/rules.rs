//! The rule for one member of the create-link body: present, a string, one
//! of a list, a name, an email. Each rule that fails pushes one message,
//! starting with the member's name, and leaves the value out.

use serde_json::Value;

/// A present value, or a "`field` is required" problem.
pub(super) fn required<'a>(value: Option<&'a Value>, field: &str, problems: &mut Vec<String>) -> Option<&'a Value> {
    if value.is_none() {
        problems.push(format!("{field} is required"));
    }
    value
}

pub(super) fn required_string(
    value: Option<&Value>,
    field: &str,
    problems: &mut Vec<String>,
    ok: impl Fn(&str) -> bool,
) -> Option<String> {
    let value = required(value, field, problems)?;
    match value.as_str() {
        Some(s) if ok(s) => Some(s.to_owned()),
        Some(_) => {
            problems.push(format!("{field} must not be empty"));
            None
        }
        None => {
            problems.push(format!("{field} must be a string"));
            None
        }
    }
}

pub(super) fn one_of(
    value: Option<&Value>,
    field: &str,
    allowed: &[&str],
    problems: &mut Vec<String>,
) -> Option<String> {
    let value = required(value, field, problems)?;
    match value.as_str() {
        Some(s) if allowed.contains(&s) => Some(s.to_owned()),
        _ if allowed.len() == 1 => {
            problems.push(format!("{field} must be {}", allowed[0]));
            None
        }
        _ => {
            problems.push(format!("{field} must be one of: {}", allowed.join(", ")));
            None
        }
    }
}

pub(super) fn non_empty_name(value: Option<&Value>, field: &str, problems: &mut Vec<String>) -> Option<String> {
    let value = required(value, field, problems)?;
    let name = value.as_str().map(str::trim).filter(|s| !s.is_empty());
    if name.is_none() {
        problems.push(format!("{field} must be a non-empty string"));
    }
    name.map(str::to_owned)
}

/// Deliberately simple: one `@`, a non-empty local part, a dotted domain,
/// no whitespace. Real address validation happens at the provider.
pub(super) fn looks_like_email(s: &str) -> bool {
    if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_heuristic() {
        assert!(looks_like_email("a.b+c@example.co.uk"));
        assert!(!looks_like_email("a@@example.com"));
        assert!(!looks_like_email("a@example..com"));
        assert!(!looks_like_email("a@.example.com"));
    }
}
