//! `sir-e2e`: drives the demo app in headless Chromium over WebDriver, against an in-process
//! `sir-sandbox`, for end-to-end tests and the screenshot tool (`src/bin/screenshots.rs`).
//!
//! The pieces:
//! - [`Driver`] starts a private `chromedriver` on a free loopback port and stops it on drop;
//!   [`Driver::session`] opens a headless Chromium with a fresh profile, a given viewport and
//!   colour scheme.
//! - [`start_sandbox`] serves the API and a static directory on free ports.
//! - [`wait_for`], [`shadow_query`] and [`wait_for_shadow`] find elements, also inside the
//!   widget's shadow roots, which page-level CSS selectors cannot reach.
//!
//! ```no_run
//! # async fn demo() -> sir_e2e::Result<()> {
//! use std::time::Duration;
//! use sir_e2e::{Driver, SessionOptions, demo_url, start_sandbox, wait_for_shadow};
//! let sandbox = start_sandbox(Some("target/demo-site".into())).await?;
//! let driver = Driver::start().await?;
//! let client = driver.session(SessionOptions { width: 1280, height: 800, dark: false }).await?;
//! client.goto(&demo_url(&sandbox)).await?;
//! wait_for_shadow(&client, 0, "button.sir-button:enabled", Duration::from_secs(20)).await?.click().await?;
//! client.close().await?;
//! # Ok(()) }
//! ```

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr, TcpListener as StdTcpListener};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::elements::{Element, ElementRef};
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use sir_sandbox::{RunningSandbox, SandboxConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};

/// Every failure here ends a test or the tool with a message, so one boxed error type is enough.
pub type Error = Box<dyn std::error::Error + Send + Sync>;
/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The key under which WebDriver encodes an element reference in JSON (W3C WebDriver, "web
/// element identifier").
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long chromedriver may take to answer `/status` with `ready: true`.
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(20);
/// Pause between two polls of the wait helpers.
const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// Chromium flags for a headless run that is reproducible and works as root: no sandbox (root
/// cannot use it), no GPU, `/tmp` instead of a small `/dev/shm`, and no background traffic
/// (updates, sync, QUIC probes) that would reach for the network or slow the start.
const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
];

/// A private `chromedriver` on a free loopback port. Dropping it kills the process (and the
/// browsers it started, which share its process group) and removes the profiles it used.
///
/// The binary is `$CHROMEDRIVER`, else `chromedriver` on `PATH`.
pub struct Driver {
    child: Child,
    url: String,
    /// Scratch directory: the chromedriver log and one Chromium profile per session.
    scratch: PathBuf,
    /// Sessions opened so far, to name their profiles.
    sessions: AtomicU32,
    /// The browser binary sessions use; `None` lets chromedriver find one.
    chrome: Option<PathBuf>,
}

impl fmt::Debug for Driver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Driver").field("url", &self.url).field("pid", &self.child.id()).finish()
    }
}

/// What a browser session looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionOptions {
    /// Viewport width in CSS pixels. Scrollbars are hidden (overlaid, as on phones), so this is
    /// also the page's layout width.
    pub width: u32,
    /// Viewport height in CSS pixels.
    pub height: u32,
    /// Makes `prefers-color-scheme: dark` match.
    pub dark: bool,
}

impl SessionOptions {
    /// A 1280 × 800 desktop window in the light scheme.
    pub const DESKTOP: SessionOptions = SessionOptions { width: 1280, height: 800, dark: false };
}

impl Driver {
    /// Starts chromedriver and waits (bounded) until its `/status` reports ready.
    pub async fn start() -> Result<Driver> {
        let program = std::env::var_os("CHROMEDRIVER").map(PathBuf::from).unwrap_or_else(|| "chromedriver".into());
        let scratch = scratch_dir()?;
        let log = scratch.join("chromedriver.log");
        let port = free_port()?;
        let mut command = Command::new(&program);
        command
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true);
        // Its own process group, so that drop can also reach the Chromium processes it starts
        // if a session was never closed.
        #[cfg(unix)]
        command.process_group(0);
        let child = command.spawn().map_err(|e| {
            let _ = std::fs::remove_dir_all(&scratch);
            format!(
                "cannot start chromedriver `{}`: {e} (set CHROMEDRIVER, or install it with scripts/setup.sh)",
                program.display()
            )
        })?;
        let chrome = chrome_binary();
        let mut driver =
            Driver { child, url: format!("http://127.0.0.1:{port}"), scratch, sessions: AtomicU32::new(0), chrome };
        driver.wait_ready(&log).await?;
        Ok(driver)
    }

    /// `http://127.0.0.1:PORT` of the chromedriver.
    pub fn url(&self) -> &str {
        &self.url
    }

    async fn wait_ready(&mut self, log: &Path) -> Result<()> {
        let started = Instant::now();
        let addr: SocketAddr = self.url.trim_start_matches("http://").parse()?;
        let mut last = String::from("no answer yet");
        while started.elapsed() < DRIVER_START_TIMEOUT {
            if let Some(status) = self.child.try_wait()? {
                return Err(format!("chromedriver exited at start ({status}); its log:\n{}", read_tail(log)).into());
            }
            match status_ready(addr).await {
                Ok(true) => return Ok(()),
                Ok(false) => last = "answered /status with ready: false".into(),
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
        Err(format!(
            "chromedriver at {} not ready after {:?} (last: {last}); its log:\n{}",
            self.url,
            DRIVER_START_TIMEOUT,
            read_tail(log)
        )
        .into())
    }

    /// Opens a headless Chromium session with a fresh profile whose viewport is
    /// `opts.width` × `opts.height` CSS pixels, without scrollbars.
    ///
    /// Close it with [`Client::close`] when done: that quits the browser at once, while a
    /// dropped client only schedules it.
    pub async fn session(&self, opts: SessionOptions) -> Result<Client> {
        let n = self.sessions.fetch_add(1, Ordering::Relaxed);
        let profile = self.scratch.join(format!("profile-{n}"));
        std::fs::create_dir_all(&profile)?;
        let mut args: Vec<String> = CHROME_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        // A first guess only: `size_session` then sets the viewport itself.
        args.push(format!("--window-size={},{}", opts.width, opts.height));
        if opts.dark {
            // Headless Chromium has no system theme to follow; this flag makes
            // `prefers-color-scheme: dark` match.
            args.push("--force-dark-mode".into());
        }
        let mut chrome_options = json!({ "args": args });
        if let Some(binary) = &self.chrome {
            chrome_options["binary"] = json!(binary);
        }
        let mut caps = Capabilities::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), chrome_options);
        let client =
            ClientBuilder::new(HttpConnector::new()).capabilities(caps).connect(&self.url).await.map_err(|e| {
                let log = read_tail(&self.scratch.join("chromedriver.log"));
                format!("chromedriver could not open a Chromium session: {e}; its log:\n{log}")
            })?;
        if let Err(e) = size_session(&client, opts).await {
            let _ = client.close().await;
            return Err(e);
        }
        Ok(client)
    }
}

async fn size_session(client: &Client, opts: SessionOptions) -> Result<()> {
    // Phones overlay their scrollbars; a desktop scrollbar would take 15 px of a 375 px layout,
    // and make the layout width differ between a scrolling viewport and a whole-page shot.
    cdp(client, "Emulation.setScrollbarsHidden", json!({ "hidden": true })).await?;
    set_viewport(client, opts.width, opts.height).await
}

impl Drop for Driver {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(pid) = self.child.id() {
            // The negative pid addresses the whole process group: chromedriver and any Chromium
            // left behind by a session that was not closed.
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .stderr(Stdio::null())
                .status();
        }
        // chromedriver itself, also where there are no process groups; then reap it.
        let _ = self.child.start_kill();
        let _ = self.child.try_wait();
        let _ = std::fs::remove_dir_all(&self.scratch);
    }
}

/// Makes the page's viewport `width` × `height` CSS pixels.
///
/// WebDriver sizes the *window*; the viewport (`innerWidth` × `innerHeight`) can differ from it,
/// and a desktop browser may refuse windows narrower than its minimum. When the window size alone
/// does not give the wanted viewport, the viewport is emulated through the DevTools protocol
/// (`Emulation.setDeviceMetricsOverride`), as the browser's device mode does.
pub async fn set_viewport(client: &Client, width: u32, height: u32) -> Result<()> {
    client.set_window_size(width, height).await?;
    let (w, h) = inner_size(client).await?;
    if (w, h) == (width, height) {
        return Ok(());
    }
    // Grow the window by what the browser UI takes, then check again.
    let (ww, wh) = (width + width.saturating_sub(w), height + height.saturating_sub(h));
    client.set_window_size(ww, wh).await?;
    if inner_size(client).await? == (width, height) {
        return Ok(());
    }
    cdp(
        client,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
    )
    .await?;
    let got = inner_size(client).await?;
    if got != (width, height) {
        return Err(format!("viewport is {}x{} after emulation, wanted {width}x{height}", got.0, got.1).into());
    }
    Ok(())
}

/// `window.innerWidth` and `window.innerHeight`.
pub async fn inner_size(client: &Client) -> Result<(u32, u32)> {
    let v = client.execute("return [window.innerWidth, window.innerHeight]", vec![]).await?;
    let n = |i: usize| v.get(i).and_then(Value::as_u64).map(|n| n as u32);
    match (n(0), n(1)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err(format!("unexpected window size answer: {v}").into()),
    }
}

/// Sends one Chrome DevTools Protocol command through chromedriver
/// (`POST /session/{id}/goog/cdp/execute`) and returns its result.
pub async fn cdp(client: &Client, method: &str, params: Value) -> Result<Value> {
    Ok(client.issue_cmd(CdpCommand { method: method.to_owned(), params }).await?)
}

#[derive(Debug)]
struct CdpCommand {
    method: String,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.method, "params": self.params }).to_string()))
    }
}

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

/// Waits until the page has an element matching `css` and returns it.
pub async fn wait_for(client: &Client, css: &str, timeout: Duration) -> Result<Element> {
    let started = Instant::now();
    loop {
        match client.find(Locator::Css(css)).await {
            Ok(element) => return Ok(element),
            Err(e) if e.is_no_such_element() => {}
            Err(e) => return Err(e.into()),
        }
        if started.elapsed() >= timeout {
            return Err(format!("timed out after {timeout:?} waiting for `{css}`").into());
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

/// The first element matching `css` inside the open shadow root of the page's
/// `host_index`-th widget host (`.sir-donate`), as an element WebDriver can click and read.
pub async fn shadow_query(client: &Client, host_index: usize, css: &str) -> Result<Element> {
    try_shadow_query(client, host_index, css)
        .await?
        .ok_or_else(|| format!("no `{css}` in the shadow root of widget #{host_index}").into())
}

/// Like [`shadow_query`], but polls until the element exists (bounded by `timeout`).
pub async fn wait_for_shadow(client: &Client, host_index: usize, css: &str, timeout: Duration) -> Result<Element> {
    let started = Instant::now();
    loop {
        if let Some(element) = try_shadow_query(client, host_index, css).await? {
            return Ok(element);
        }
        if started.elapsed() >= timeout {
            return Err(format!(
                "timed out after {timeout:?} waiting for `{css}` in the shadow root of widget #{host_index}"
            )
            .into());
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

async fn try_shadow_query(client: &Client, host_index: usize, css: &str) -> Result<Option<Element>> {
    // `null` rather than an exception while the host or its shadow root do not exist yet, so
    // that the waiting helper can poll through page start-up.
    const SCRIPT: &str = "const host = document.querySelectorAll('.sir-donate')[arguments[0]];\
        return host && host.shadowRoot ? host.shadowRoot.querySelector(arguments[1]) : null;";
    element_of(client, client.execute(SCRIPT, vec![json!(host_index), json!(css)]).await?)
}

/// The element a page script returned, as one WebDriver can click and type into; `None` for
/// `null`, an error for anything else that is not an element reference.
pub fn element_of(client: &Client, found: Value) -> Result<Option<Element>> {
    match &found {
        Value::Null => Ok(None),
        Value::Object(map) => match map.get(ELEMENT_KEY).and_then(Value::as_str) {
            Some(id) => Ok(Some(Element::from_element_id(client.clone(), ElementRef::from(id.to_owned())))),
            None => Err(format!("not an element reference: {found}").into()),
        },
        other => Err(format!("not an element reference: {other}").into()),
    }
}

/// A loopback port nobody listens on right now (bind to port 0, read it, let it go).
fn free_port() -> Result<u16> {
    Ok(StdTcpListener::bind((Ipv4Addr::LOCALHOST, 0))?.local_addr()?.port())
}

/// `$CHROME`, else Debian's Chromium if installed; `None` lets chromedriver search.
fn chrome_binary() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROME") {
        return Some(path.into());
    }
    let debian = Path::new("/usr/bin/chromium");
    debian.exists().then(|| debian.to_path_buf())
}

/// A new, empty directory under the system temp dir, unique to this process and call.
fn scratch_dir() -> Result<PathBuf> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let name = format!("sir-e2e-{}-{}-{nanos}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    let dir = std::env::temp_dir().join(name);
    std::fs::create_dir(&dir)?;
    Ok(dir)
}

/// Asks chromedriver's `GET /status` whether it accepts sessions, with one hand-written request:
/// the harness needs no HTTP client for anything else.
async fn status_ready(addr: SocketAddr) -> Result<bool> {
    let body = tokio::time::timeout(Duration::from_secs(2), get_status(addr)).await??;
    let status: Value = serde_json::from_slice(&body)?;
    Ok(status["value"]["ready"].as_bool().unwrap_or(false))
}

/// The body of `GET /status`. HTTP/1.1, as chromedriver refuses 1.0; it keeps the connection
/// open, so the body ends after `Content-Length` bytes rather than at the end of the stream.
async fn get_status(addr: SocketAddr) -> Result<Vec<u8>> {
    let mut stream = TcpStream::connect(addr).await?;
    let request = format!("GET /status HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut response = Vec::new();
    let mut buf = [0; 4096];
    loop {
        let n = stream.read(&mut buf).await?;
        response.extend_from_slice(&buf[..n]);
        if let Some(head_end) = response.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&response[..head_end]).to_ascii_lowercase();
            let length = head.lines().find_map(|l| l.strip_prefix("content-length:")).map(|v| v.trim().parse());
            let body = &response[head_end + 4..];
            match length {
                Some(Ok(length)) if body.len() >= length => return Ok(body[..length].to_vec()),
                Some(Err(_)) => return Err("bad Content-Length".into()),
                None if n == 0 => return Ok(body.to_vec()),
                _ => {}
            }
        }
        if n == 0 {
            return Err("connection closed before the whole answer".into());
        }
    }
}

/// The end of a log file, for error messages.
fn read_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}
