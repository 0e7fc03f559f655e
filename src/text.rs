//! Messages built without `format!`: concatenation and integer digits. Formatting machinery
//! (`core::fmt`, its argument tables and padding code) would otherwise be paid for in the wasm
//! by every message the widget can write. `cat` and `join` are plain loops rather than std's
//! `[&str]::concat` / `join`, whose generic implementation alone is about 900 bytes of wasm. Values that come from an integrator or a server are
//! put between quotes with [`quoted`], never through `Debug` (the dist compiles `Debug` output
//! away).

/// The parts, one after the other.
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// The parts with `separator` between them.
pub(crate) fn join(parts: &[&str], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

/// `n` in decimal digits.
pub(crate) fn digits(n: u64) -> String {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut rest = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    buf[at..].iter().map(|&b| char::from(b)).collect()
}

/// `n` in decimal digits, with a minus sign when negative.
pub(crate) fn signed_digits(n: i64) -> String {
    let magnitude = digits(n.unsigned_abs());
    if n < 0 { cat(&["-", &magnitude]) } else { magnitude }
}

/// `text` between double quotes, for quoting a value in a developer message.
pub(crate) fn quoted(text: &str) -> String {
    cat(&["\"", text, "\""])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_text() {
        assert_eq!(cat(&["a", "", "bc"]), "abc");
        assert_eq!(cat(&[]), "");
        assert_eq!(join(&["a", "b", "c"], ", "), "a, b, c");
        assert_eq!(join(&["a"], ", "), "a");
        assert_eq!(join(&[], ", "), "");
        for n in [0, 7, 10, 1234, u64::MAX] {
            assert_eq!(digits(n), n.to_string());
        }
        for n in [0, -1, 42, i64::MIN, i64::MAX] {
            assert_eq!(signed_digits(n), n.to_string());
        }
        assert_eq!(quoted("x y"), "\"x y\"");
    }
}
