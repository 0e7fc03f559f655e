//! What the browser is pointed at: an in-process sandbox on free ports serving the API and a
//! built site ([`start_sandbox`]), where the built sites are ([`workspace_root`], [`site_dir`]),
//! and the `pkg-demo/` pages with the widgets each one holds ([`PKG_DEMO_PAGES`]).

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

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

/// The root of the workspace this crate belongs to.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the e2e crate is in the workspace").to_path_buf()
}

/// The assembled site the embed tests run against: `$SIR_SITE_DIR`, else `target/site`.
/// Panics, saying how to build it, when it lacks `pkg-demo/` or a built `dist/`.
pub fn site_dir() -> PathBuf {
    let dir =
        std::env::var_os("SIR_SITE_DIR").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("target/site"));
    let has_wasm = std::fs::read_dir(dir.join("dist"))
        .map(|files| files.flatten().any(|f| f.file_name().to_string_lossy().ends_with(".wasm")))
        .unwrap_or(false);
    assert!(
        dir.join("pkg-demo/basic.html").is_file() && dir.join("dist/sir-donate.js").is_file() && has_wasm,
        "{} is not an assembled site (pkg-demo/ and a built dist/): run scripts/test.sh, or build it with \
         `trunk build && scripts/build-dist.sh` and `assemble_site` from scripts/lib.sh (or set SIR_SITE_DIR)",
        dir.display()
    );
    dir
}

/// One of the `pkg-demo/` host pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoPage {
    /// The file name in `pkg-demo/`.
    pub file: &'static str,
    /// A selector for each `<sir-donate>` on the page once it has loaded.
    pub widgets: &'static [&'static str],
    /// Its loader has `data-load="intent"`: nothing loads until a pointer or focus comes to
    /// the first widget's placeholder.
    pub loads_on_intent: bool,
}

impl DemoPage {
    /// The file name without `.html`.
    pub fn name(&self) -> &'static str {
        self.file.trim_end_matches(".html")
    }
}

const fn page(file: &'static str, widgets: &'static [&'static str]) -> DemoPage {
    DemoPage { file, widgets, loads_on_intent: false }
}

/// Every `pkg-demo/` page a visitor may open (the benchmark's pages left out).
pub const PKG_DEMO_PAGES: [DemoPage; 11] = [
    page("index.html", &[]),
    page("basic.html", &["#basic-widget"]),
    page("multiple.html", &["#w1", "#w2", "#w3", "#w4"]),
    page("theming.html", &["#t-purple", "#t-pill", "#t-serif", "#t-dark"]),
    page("spa.html", &["#slot sir-donate"]),
    page("strict-csp.html", &["#csp-widget"]),
    page("hostile.html", &["#hostile-widget"]),
    page("module.html", &["#module-widget"]),
    DemoPage { loads_on_intent: true, ..page("intent.html", &["#intent-widget"]) },
    page("link.html", &["sir-donate"]),
    page("inline.html", &["#inline-widget"]),
];
