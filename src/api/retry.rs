//! When a failed request is tried again, and how long to wait first.
//!
//! Pure functions of the error, the attempt number and a random number, so the policy is
//! unit-tested natively; the client supplies the clock, the randomness and the sleeping.

use std::time::Duration;

use super::error::ApiError;

/// Retry and timeout settings of the API client.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all for an idempotent GET, the first included.
    pub max_attempts: u32,
    /// The first backoff; each retry doubles it.
    pub base_delay: Duration,
    /// No backoff is longer than this.
    pub max_delay: Duration,
    /// A 429 asking for a longer wait than this is not retried automatically: the widget shows
    /// the donor a countdown instead of hanging.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_millis(300),
            max_delay: Duration::from_secs(4),
            max_retry_after: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// How long to wait before trying a GET again after `error` on attempt `attempt` (0-based),
    /// or `None` when it must not be retried. `random` is uniform in `[0, 1)`.
    ///
    /// Network errors and 5xx are retried with exponential backoff and "equal jitter" (half
    /// fixed, half random) so many widgets that failed together do not retry together. A 429 is
    /// retried after the server's `Retry-After` when that is short enough. Timeouts are not
    /// retried: the donor has already waited the whole timeout once.
    pub fn retry_delay(&self, error: &ApiError, attempt: u32, random: f64) -> Option<Duration> {
        if attempt + 1 >= self.max_attempts {
            return None;
        }
        match error {
            ApiError::Network { .. } | ApiError::Server { .. } => Some(self.backoff(attempt, random)),
            ApiError::RateLimited { retry_after: Some(wait) } if *wait <= self.max_retry_after => Some(*wait),
            ApiError::RateLimited { retry_after: None } => Some(self.backoff(attempt, random)),
            _ => None,
        }
    }

    /// `base × 2^attempt`, capped, of which the upper half is random.
    pub fn backoff(&self, attempt: u32, random: f64) -> Duration {
        let exp = self.base_delay.saturating_mul(1u32 << attempt.min(16)).min(self.max_delay);
        let random = if random.is_finite() { random.clamp(0.0, 1.0) } else { 0.5 };
        exp / 2 + exp.mul_f64(random / 2.0)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn network() -> ApiError {
        ApiError::Network { detail: "Failed to fetch".into() }
    }

    #[test]
    fn backoff_grows_is_capped_and_jittered() {
        let p = RetryPolicy::default();
        assert_eq!(p.backoff(0, 0.0), Duration::from_millis(150));
        assert_eq!(p.backoff(0, 1.0), Duration::from_millis(300));
        assert_eq!(p.backoff(1, 0.0), Duration::from_millis(300));
        assert_eq!(p.backoff(2, 1.0), Duration::from_millis(1200));
        assert_eq!(p.backoff(10, 1.0), p.max_delay);
        assert_eq!(p.backoff(40, 0.0), p.max_delay / 2);
        assert_eq!(p.backoff(0, f64::NAN), Duration::from_millis(225));
        let a = p.backoff(1, 0.1);
        let b = p.backoff(1, 0.9);
        assert!(a < b, "jitter spreads retries: {a:?} vs {b:?}");
    }

    #[test]
    fn retries_only_what_is_safe_and_bounded() {
        let p = RetryPolicy::default();
        assert!(p.retry_delay(&network(), 0, 0.5).is_some());
        assert!(p.retry_delay(&ApiError::Server { status: 503, message: None }, 1, 0.5).is_some());
        assert_eq!(p.retry_delay(&network(), 2, 0.5), None, "three attempts in all");
        let short = ApiError::RateLimited { retry_after: Some(Duration::from_secs(2)) };
        assert_eq!(p.retry_delay(&short, 0, 0.5), Some(Duration::from_secs(2)));
        let long = ApiError::RateLimited { retry_after: Some(Duration::from_secs(60)) };
        assert_eq!(p.retry_delay(&long, 0, 0.5), None);
        assert!(p.retry_delay(&ApiError::RateLimited { retry_after: None }, 0, 0.5).is_some());
        for never in [
            ApiError::Timeout { after: Duration::from_secs(10) },
            ApiError::NotFound { message: None },
            ApiError::Unauthorized { code: None, message: None },
            ApiError::InvalidResponse { detail: "x".into() },
            ApiError::Validation { status: 400, problems: vec![] },
        ] {
            assert_eq!(p.retry_delay(&never, 0, 0.5), None, "{never:?}");
        }
    }
}
