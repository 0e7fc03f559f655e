//! When to ask for a donation's status again while the donor is at checkout.

use std::time::Duration;

/// Polling stops this long after it started, whatever the status: a donor who left the
/// checkout open is not followed forever.
pub const POLL_LIMIT: Duration = Duration::from_secs(10 * 60);
const FIRST_DELAY_MS: f64 = 1500.0;
const MAX_DELAY_MS: f64 = 15_000.0;

/// Backoff from 1.5 s growing by half each time up to 15 s, for at most [`POLL_LIMIT`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PollSchedule {
    started_ms: f64,
    attempt: u32,
}

impl PollSchedule {
    pub fn new(now_ms: f64) -> Self {
        Self { started_ms: now_ms, attempt: 0 }
    }

    /// The wait before the next status request, or `None` once the time is up.
    pub fn next_delay(&mut self, now_ms: f64) -> Option<Duration> {
        let left_ms = POLL_LIMIT.as_millis() as f64 - (now_ms - self.started_ms);
        if left_ms <= 0.0 {
            return None;
        }
        let delay = (FIRST_DELAY_MS * 1.5f64.powi(self.attempt.min(20) as i32)).min(MAX_DELAY_MS).min(left_ms);
        self.attempt += 1;
        Some(Duration::from_millis(delay as u64))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn backs_off_and_stops_after_ten_minutes() {
        let mut s = PollSchedule::new(1_000.0);
        assert_eq!(s.next_delay(1_000.0), Some(Duration::from_millis(1500)));
        assert_eq!(s.next_delay(2_500.0), Some(Duration::from_millis(2250)));
        assert_eq!(s.next_delay(5_000.0), Some(Duration::from_millis(3375)));
        for _ in 0..10 {
            s.next_delay(6_000.0);
        }
        assert_eq!(s.next_delay(7_000.0), Some(Duration::from_millis(15_000)), "capped");
        assert_eq!(s.next_delay(1_000.0 + 599_000.0), Some(Duration::from_millis(1000)), "never past the limit");
        assert_eq!(s.next_delay(1_000.0 + 600_000.0), None);
    }
}
