//! `sir-sandbox`: a local stand-in for the SIR Giving Partner API's widget
//! endpoints, in the spirit of `stripe-mock`.
//!
//! It runs two HTTP listeners: the API (partner endpoints, the checkout page,
//! nonprofit logos and the test-only control API) and a static file server on
//! another port, so pages call the API cross-origin exactly as in production.
//!
//! The HTTP contract it implements (keys, the four endpoints and their JSON,
//! the error body, rate limits, CORS, the checkout page, the control API and
//! its faults) is described in [`CONTRACT.md`](../CONTRACT.md), next to this
//! crate's `Cargo.toml`. Every request and response body is a serde type, and
//! the contract names the type for each shape.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use sir_sandbox::{SandboxConfig, start};
//! let sandbox = start(SandboxConfig {
//!     api_addr: "127.0.0.1:0".parse().unwrap(),
//!     static_addr: "127.0.0.1:0".parse().unwrap(),
//!     ..SandboxConfig::default()
//! })
//! .await?;
//! println!("API at {}", sandbox.api_url());
//! # Ok(()) }
//! ```

mod api;
mod app;
mod checkout;
mod clock;
mod control;
mod donations;
mod errors;
mod extract;
mod faults;
mod http_server;
mod keys;
mod logos;
mod markup;
mod organizations;
mod partners;
mod rate_limit;
mod request_log;
mod state;
mod static_site;
mod sync;
mod validation;

use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::http_server::AccessLog;
use crate::state::AppState;

/// The three fixture keys, for tests and examples.
pub mod fixture_keys {
    /// "Acme Giving": ACTIVE, `DONATIONS` on, tips at 10 %.
    pub fn acme() -> String {
        crate::keys::fixture_key("5a")
    }
    /// "No Donations Co": ACTIVE, `DONATIONS` off.
    pub fn no_donations() -> String {
        crate::keys::fixture_key("0d")
    }
    /// "Paused Partner": SUSPENDED.
    pub fn paused() -> String {
        crate::keys::fixture_key("5e")
    }
}

/// How to run a sandbox.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// API listener (port 0 picks a free port).
    pub api_addr: SocketAddr,
    /// Static file listener (port 0 picks a free port).
    pub static_addr: SocketAddr,
    /// Directory the static listener serves; `None` serves a placeholder page.
    pub static_dir: Option<PathBuf>,
    /// Time between `COMPLETED` and `REWARDED`.
    pub reward_delay: Duration,
    /// Whether the `/__sandbox/` control API is mounted.
    pub control: bool,
    /// Overrides every partner's requests-per-60-s limit.
    pub rate_limit: Option<u32>,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            api_addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 8787)),
            static_addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 8788)),
            static_dir: None,
            reward_delay: Duration::from_millis(1500),
            control: true,
            rate_limit: None,
        }
    }
}

/// A sandbox serving in the background. Dropping it (or calling
/// [`RunningSandbox::shutdown`]) stops both listeners.
#[derive(Debug)]
pub struct RunningSandbox {
    /// The API listener's actual address.
    pub api_addr: SocketAddr,
    /// The static listener's actual address.
    pub static_addr: SocketAddr,
    // Dropping the sender is the shutdown signal for every server task.
    shutdown: watch::Sender<()>,
    servers: Vec<JoinHandle<()>>,
}

impl RunningSandbox {
    /// `http://127.0.0.1:PORT` of the API listener.
    pub fn api_url(&self) -> String {
        base_url(self.api_addr)
    }

    /// `http://127.0.0.1:PORT` of the static listener.
    pub fn static_url(&self) -> String {
        base_url(self.static_addr)
    }

    /// Stops accepting, lets open connections finish, and waits for the
    /// accept loops to end.
    pub async fn shutdown(self) {
        let RunningSandbox { shutdown, servers, .. } = self;
        drop(shutdown);
        for server in servers {
            let _ = server.await;
        }
    }
}

/// Binds both listeners, starts serving in background tasks and returns at
/// once. Must be called inside a Tokio runtime.
pub async fn start(config: SandboxConfig) -> io::Result<RunningSandbox> {
    let api_listener = TcpListener::bind(config.api_addr).await?;
    let static_listener = TcpListener::bind(config.static_addr).await?;
    let api_addr = api_listener.local_addr()?;
    let static_addr = static_listener.local_addr()?;

    let state = AppState::new(base_url(api_addr), config.reward_delay, config.rate_limit);
    let drop_queued = state.faults.drop_queued.clone();
    let api_base_for_pages = state.api_base.clone();
    let api_router = app::api_router(state, config.control);
    let static_router = static_site::router(config.static_dir, api_base_for_pages)?;

    let (shutdown, stop) = watch::channel(());
    let servers = vec![
        http_server::spawn(api_listener, api_router, stop.clone(), AccessLog::On, Some(drop_queued)),
        http_server::spawn(static_listener, static_router, stop, AccessLog::Off, None),
    ];
    Ok(RunningSandbox { api_addr, static_addr, shutdown, servers })
}

/// The URL clients should use for a bound address. An unspecified address
/// (`0.0.0.0`, `::`) is reachable through loopback, which also makes the
/// links the sandbox hands out work on this machine.
fn base_url(addr: SocketAddr) -> String {
    let mut addr = addr;
    if addr.ip().is_unspecified() {
        addr.set_ip(match addr {
            SocketAddr::V4(_) => Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => Ipv6Addr::LOCALHOST.into(),
        });
    }
    format!("http://{addr}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_documented_ones() {
        let c = SandboxConfig::default();
        assert_eq!(c.api_addr.to_string(), "127.0.0.1:8787");
        assert_eq!(c.static_addr.to_string(), "127.0.0.1:8788");
        assert_eq!(c.reward_delay, Duration::from_millis(1500));
        assert!(c.control && c.static_dir.is_none() && c.rate_limit.is_none());
    }

    /// `CONTRACT.md` must keep naming types that exist and every error code.
    #[test]
    fn contract_names_real_types_and_every_error_code() {
        use crate::errors::code;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let contract = std::fs::read_to_string(dir.join("CONTRACT.md")).unwrap();
        // References look like: `PartnerConfig` in `src/partners.rs`
        let mut named = 0;
        for (at, marker) in contract.match_indices("` in `src/") {
            let ty = &contract[contract[..at].rfind('`').unwrap() + 1..at];
            let rest = &contract[at + marker.len() - "src/".len()..];
            let path = &rest[..rest.find('`').unwrap()];
            let source = std::fs::read_to_string(dir.join(path)).unwrap_or_default();
            let defined = ["struct", "enum"].iter().any(|kind| source.contains(&format!("pub {kind} {ty} ")));
            assert!(defined, "CONTRACT.md names {ty} in {path}, which does not define it");
            named += 1;
        }
        assert!(named >= 10, "only {named} type references found");
        for code in [
            code::UNAUTHORIZED,
            code::ENVIRONMENT_MISMATCH,
            code::SECRET_KEY_IN_BROWSER,
            code::PARTNER_INACTIVE,
            code::FEATURE_DISABLED,
            code::VALIDATION_FAILED,
            code::NOT_FOUND,
            code::RATE_LIMITED,
            code::METHOD_NOT_ALLOWED,
            code::PAYLOAD_TOO_LARGE,
            code::FORBIDDEN,
            code::DONATION_NOT_PENDING,
        ] {
            assert!(contract.contains(&format!("`{code}`")), "CONTRACT.md does not mention {code}");
        }
    }

    #[test]
    fn base_urls_replace_unspecified_hosts() {
        assert_eq!(base_url("127.0.0.1:1".parse().unwrap()), "http://127.0.0.1:1");
        assert_eq!(base_url("0.0.0.0:2".parse().unwrap()), "http://127.0.0.1:2");
        assert_eq!(base_url("[::]:3".parse().unwrap()), "http://[::1]:3");
        assert_eq!(base_url("[::1]:4".parse().unwrap()), "http://[::1]:4");
    }
}
