//! Reading a `Retry-After` header: how long a 429 asks the client to wait.
//!
//! A module of its own that depends on nothing else in the API layer, so the error that carries
//! the wait (`error`) and the retry policy that honours it (`retry`, which depends on `error`)
//! both use it and the dependencies run one way: `retry_after` ← `error` ← `retry`.

use std::time::Duration;

/// Reads a `Retry-After` header: whole seconds, or an HTTP date (compared with `now_unix_ms`).
/// A date in the past means "now"; anything unreadable is `None`.
pub fn parse_retry_after(value: &str, now_unix_ms: f64) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Duration::from_secs(value.parse::<u64>().unwrap_or(u64::MAX).min(86_400)));
    }
    let at_ms = http_date_ms(value)?;
    let wait_ms = (at_ms - now_unix_ms).max(0.0);
    // Round up: waiting a fraction too long is harmless, too short earns another 429.
    Some(Duration::from_secs((wait_ms / 1000.0).ceil() as u64))
}

/// An HTTP date (IMF-fixdate, or the obsolete RFC 850 and asctime forms) in ms since the epoch.
/// The browser's `Date.parse` reads all three, so the wasm ships no date parser; it is lenient
/// with other text too, so only values that start with a day name, as all three forms do, are
/// given to it.
#[cfg(target_arch = "wasm32")]
fn http_date_ms(value: &str) -> Option<f64> {
    if !value.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(js_sys::Date::parse(value)).filter(|ms| ms.is_finite())
}

/// An HTTP date in ms since the epoch (native builds: the `httpdate` crate).
#[cfg(not(target_arch = "wasm32"))]
fn http_date_ms(value: &str) -> Option<f64> {
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(std::time::UNIX_EPOCH).ok()?.as_millis() as f64)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds() {
        assert_eq!(parse_retry_after("3", 0.0), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after(" 0 ", 0.0), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("99999999999999999999999", 0.0), Some(Duration::from_secs(86_400)));
        for bad in ["", "-1", "1.5", "soon", "3s"] {
            assert_eq!(parse_retry_after(bad, 0.0), None, "{bad:?}");
        }
    }

    #[test]
    fn retry_after_as_http_date() {
        // Sun, 06 Nov 1994 08:49:37 GMT = 784111777 s after the epoch.
        let now = 784_111_777_000.0;
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:42 GMT", now), Some(Duration::from_secs(5)));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:42 GMT", now + 4_500.0), Some(Duration::from_secs(1)));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:30 GMT", now), Some(Duration::ZERO), "past");
        assert_eq!(parse_retry_after("Sunday, 06-Nov-94 08:49:47 GMT", now), Some(Duration::from_secs(10)));
        assert_eq!(parse_retry_after("Sun, 32 Nov 1994 08:49:42 GMT", now), None);
    }
}
