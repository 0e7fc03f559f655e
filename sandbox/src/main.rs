//! `sir-sandbox` command line: parse flags, start the servers, announce the
//! listening addresses on stdout and serve until interrupted.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use sir_sandbox::{SandboxConfig, start};

const LONG_ABOUT: &str = "\
Local stand-in for the SIR Giving Partner API widget endpoints.

Serves GET /v1/partner/config, GET /v1/partner/organizations/:slug,
POST /v1/partner/donations/create-link and
GET /v1/partner/donations/status/:partnerDonationId on the API listener,
plus a checkout page (/checkout/:id) that every donationLink points at, and
generated nonprofit logos (/logos/:slug.svg). A second listener serves static
files so pages call the API cross-origin, with CORS preflight.

Fixture keys (header X-Partner-Key, all pk_test_ + a hex pair x 32):
  pk_test_5a5a…5a  Acme Giving: ACTIVE, DONATIONS on, tips at 10 %
  pk_test_0d0d…0d  No Donations Co: ACTIVE, DONATIONS off
  pk_test_5e5e…5e  Paused Partner: SUSPENDED (403 PARTNER_INACTIVE)
Other pk_test_ keys get 401, pk_live_ keys 401 ENVIRONMENT_MISMATCH and
sk_ keys 403 SECRET_KEY_IN_BROWSER.

Control API (loopback clients only; off with --no-control):
  POST /__sandbox/reset                     forget donations, faults, log, added nonprofits
  POST /__sandbox/faults                    queue a fault, e.g.
       {\"endpoint\":\"config\",\"kind\":\"status\",\"status\":503,\"times\":1}
       endpoint: config | organization | create-link | status
       kind: status | delay | malformed | drop   (+ body, headers, delayMs)
  POST /__sandbox/organizations             add or replace a nonprofit (JSON as served)
  GET  /__sandbox/requests                  every /v1/ request received, in order
  POST /__sandbox/donations/:id/complete    PENDING -> COMPLETED -> REWARDED
  POST /__sandbox/donations/:id/cancel      PENDING -> CANCELLED

On start it prints `api listening on http://ADDR` and
`static listening on http://ADDR` to stdout, then logs one line per API
request to stderr (keys masked).";

#[derive(Debug, Parser)]
#[command(name = "sir-sandbox", version, about = "Local stand-in for the SIR Giving Partner API", long_about = LONG_ABOUT)]
struct Args {
    /// Address of the API listener (port 0 picks a free port).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8787")]
    api_addr: SocketAddr,

    /// Address of the static file listener (port 0 picks a free port).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8788")]
    static_addr: SocketAddr,

    /// Directory to serve on the static listener (index.html for directories).
    #[arg(long, value_name = "DIR")]
    static_dir: Option<PathBuf>,

    /// Milliseconds between a donation's COMPLETED and REWARDED states.
    #[arg(long, value_name = "MS", default_value_t = 1500)]
    reward_delay_ms: u64,

    /// Do not mount the /__sandbox/ control API.
    #[arg(long)]
    no_control: bool,

    /// Requests per 60 s allowed per key, overriding every partner's own limit.
    #[arg(long, value_name = "N")]
    rate_limit: Option<u32>,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    for (label, addr) in [("api", args.api_addr), ("static", args.static_addr)] {
        if !addr.ip().is_loopback() {
            eprintln!(
                "warning: the {label} listener binds {addr}, which is not loopback; \
                 other machines can reach the sandbox"
            );
        }
    }
    let config = SandboxConfig {
        api_addr: args.api_addr,
        static_addr: args.static_addr,
        static_dir: args.static_dir,
        reward_delay: Duration::from_millis(args.reward_delay_ms),
        control: !args.no_control,
        rate_limit: args.rate_limit,
    };
    let sandbox = match start(config).await {
        Ok(sandbox) => sandbox,
        Err(err) => {
            eprintln!("sir-sandbox: cannot start: {err}");
            return ExitCode::FAILURE;
        }
    };
    {
        // Scripts wait for these two lines, so flush them immediately. A
        // closed stdout is not a reason to stop serving.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "api listening on {}", sandbox.api_url());
        let _ = writeln!(out, "static listening on {}", sandbox.static_url());
        let _ = out.flush();
    }
    wait_for_shutdown_signal().await;
    sandbox.shutdown().await;
    ExitCode::SUCCESS
}

/// Ctrl-C everywhere, and SIGTERM on Unix (what scripts and CI send).
async fn wait_for_shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn flags_parse() {
        let args = Args::try_parse_from([
            "sir-sandbox",
            "--api-addr",
            "127.0.0.1:0",
            "--static-dir",
            "site",
            "--reward-delay-ms",
            "10",
            "--no-control",
            "--rate-limit",
            "3",
        ])
        .unwrap();
        assert_eq!(args.api_addr.port(), 0);
        assert_eq!(args.static_addr.to_string(), "127.0.0.1:8788");
        assert_eq!(args.reward_delay_ms, 10);
        assert!(args.no_control);
        assert_eq!(args.rate_limit, Some(3));
    }
}
