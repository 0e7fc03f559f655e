//! Everything the API listener's handlers share.

use std::sync::Arc;
use std::time::Duration;

use crate::donations::DonationStore;
use crate::faults::FaultQueue;
use crate::organizations::Directory;
use crate::partners::{self, Partner};
use crate::rate_limit::RateLimiter;
use crate::request_log::RequestLog;

/// Cheap to clone: every part is shared.
#[derive(Clone)]
pub struct AppState {
    pub partners: Arc<Vec<Partner>>,
    pub organizations: Arc<Directory>,
    pub donations: Arc<DonationStore>,
    pub faults: Arc<FaultQueue>,
    pub requests: Arc<RequestLog>,
    pub rate_limiter: Arc<RateLimiter>,
    /// `http://HOST:PORT` of the API listener, for links and logo URLs.
    pub api_base: Arc<str>,
    pub reward_delay: Duration,
    pub rate_limit_override: Option<u32>,
}

impl AppState {
    pub fn new(api_base: String, reward_delay: Duration, rate_limit_override: Option<u32>) -> Self {
        Self {
            partners: Arc::new(partners::fixtures()),
            organizations: Arc::new(Directory::new(api_base.clone())),
            donations: Arc::default(),
            faults: Arc::default(),
            requests: Arc::default(),
            rate_limiter: Arc::default(),
            api_base: api_base.into(),
            reward_delay,
            rate_limit_override,
        }
    }

    /// The limit enforced for `partner`: the sandbox-wide override if set.
    pub fn rate_limit_for(&self, partner: &Partner) -> u32 {
        self.rate_limit_override.unwrap_or(partner.rate_limit)
    }

    /// Back to a fresh start: no donations, faults, logged requests, added
    /// organizations or rate-limit windows.
    pub fn reset(&self) {
        self.donations.reset();
        self.faults.reset();
        self.requests.reset();
        self.organizations.reset();
        self.rate_limiter.reset();
    }
}
