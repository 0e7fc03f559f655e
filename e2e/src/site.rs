//! What the browser is pointed at: an in-process sandbox on free ports serving the API and a
//! built site ([`start_sandbox`]).

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use sir_sandbox::{RunningSandbox, SandboxConfig};

use crate::Result;

/// Starts a sandbox on free loopback ports, serving `static_dir` (or a placeholder page) on the
/// static port. Must run inside a Tokio runtime; keep the returned value alive while it is used.
pub async fn start_sandbox(static_dir: Option<PathBuf>) -> Result<RunningSandbox> {
    let any_port = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
    let config = SandboxConfig { api_addr: any_port, static_addr: any_port, static_dir, ..SandboxConfig::default() };
    sir_sandbox::start(config).await.map_err(|e| format!("sir-sandbox did not start: {e}").into())
}

/// The demo page served by `sandbox`, pointed at the sandbox's own API.
pub fn demo_url(sandbox: &RunningSandbox) -> String {
    format!("{}/?api={}", sandbox.static_url(), sandbox.api_url())
}
