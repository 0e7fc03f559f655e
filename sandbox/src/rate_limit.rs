//! Fixed-window rate limiting per key.
//!
//! A key's window opens with its first request and lasts 60 s; when it has
//! passed, the next request opens a fresh one. Starting windows at the first
//! request (rather than at wall-clock minute boundaries) keeps tests that send
//! a handful of requests from straddling a boundary by accident.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderMap, HeaderName, HeaderValue};

use crate::clock::since_epoch;
use crate::sync::lock;

pub const WINDOW: Duration = Duration::from_secs(60);

struct Window {
    opened: Instant,
    opened_wall: SystemTime,
    used: u32,
}

/// The verdict for one request, with what the headers should say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub allowed: bool,
    pub limit: u32,
    pub remaining: u32,
    /// Epoch seconds at which the window ends (rounded up).
    pub reset_epoch: u64,
    /// Whole seconds until the window ends, at least 1.
    pub retry_after: u64,
}

impl Decision {
    /// `X-RateLimit-*`, and `Retry-After` when refused.
    pub fn headers(&self) -> Vec<(HeaderName, HeaderValue)> {
        let mut headers = vec![
            (HeaderName::from_static("x-ratelimit-limit"), HeaderValue::from(self.limit)),
            (HeaderName::from_static("x-ratelimit-remaining"), HeaderValue::from(self.remaining)),
            (HeaderName::from_static("x-ratelimit-reset"), HeaderValue::from(self.reset_epoch)),
        ];
        if !self.allowed {
            headers.push((RETRY_AFTER, HeaderValue::from(self.retry_after)));
        }
        headers
    }

    /// Adds [`Decision::headers`] to `headers`.
    pub fn write_headers(&self, headers: &mut HeaderMap) {
        for (name, value) in self.headers() {
            headers.insert(name, value);
        }
    }
}

#[derive(Default)]
pub struct RateLimiter {
    windows: Mutex<HashMap<String, Window>>,
}

impl RateLimiter {
    /// Counts one request for `key` against `limit` per window.
    pub fn check(&self, key: &str, limit: u32) -> Decision {
        self.check_at(key, limit, Instant::now(), SystemTime::now())
    }

    fn check_at(&self, key: &str, limit: u32, now: Instant, now_wall: SystemTime) -> Decision {
        let mut windows = lock(&self.windows);
        let window = windows.entry(key.to_owned()).or_insert(Window { opened: now, opened_wall: now_wall, used: 0 });
        if now.saturating_duration_since(window.opened) >= WINDOW {
            *window = Window { opened: now, opened_wall: now_wall, used: 0 };
        }
        window.used = window.used.saturating_add(1);
        let allowed = window.used <= limit;
        let left = WINDOW.saturating_sub(now.saturating_duration_since(window.opened));
        let end = since_epoch(window.opened_wall) + WINDOW;
        Decision {
            allowed,
            limit,
            remaining: limit.saturating_sub(window.used),
            reset_epoch: ceil_secs(end),
            retry_after: ceil_secs(left).max(1),
        }
    }

    pub fn reset(&self) {
        lock(&self.windows).clear();
    }
}

fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_then_refuses_then_reopens() {
        let rl = RateLimiter::default();
        let t0 = Instant::now();
        let wall = SystemTime::UNIX_EPOCH + Duration::from_millis(1_000_500);
        let first = rl.check_at("k", 2, t0, wall);
        assert!(first.allowed);
        assert_eq!(first.remaining, 1);
        assert_eq!(first.reset_epoch, 1061); // 1000.5 s + 60 s, rounded up
        assert!(rl.check_at("k", 2, t0, wall).allowed);
        let third = rl.check_at("k", 2, t0 + Duration::from_millis(10_200), wall);
        assert!(!third.allowed);
        assert_eq!(third.remaining, 0);
        assert_eq!(third.retry_after, 50); // 49.8 s left, rounded up
        let later = rl.check_at("k", 2, t0 + WINDOW, wall + WINDOW);
        assert!(later.allowed);
        assert_eq!(later.remaining, 1);
    }

    #[test]
    fn keys_are_independent_and_reset_forgets() {
        let rl = RateLimiter::default();
        assert!(rl.check("a", 1).allowed);
        assert!(!rl.check("a", 1).allowed);
        assert!(rl.check("b", 1).allowed);
        rl.reset();
        assert!(rl.check("a", 1).allowed);
    }

    #[test]
    fn headers_include_retry_after_only_when_refused() {
        let rl = RateLimiter::default();
        let mut h = HeaderMap::new();
        rl.check("a", 1).write_headers(&mut h);
        assert_eq!(h["x-ratelimit-limit"], "1");
        assert_eq!(h["x-ratelimit-remaining"], "0");
        assert!(!h.contains_key("retry-after"));
        let mut h = HeaderMap::new();
        rl.check("a", 1).write_headers(&mut h);
        assert!(h.contains_key("retry-after"));
    }
}
