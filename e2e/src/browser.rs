//! The browser: a private `chromedriver` process ([`Driver`]) and the headless Chromium sessions
//! it opens ([`Driver::session`]), with the viewport and colour scheme a test asks for
//! ([`SessionOptions`], [`set_viewport`]).

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr, TcpListener as StdTcpListener};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};

use crate::devtools::cdp;
use crate::{POLL_INTERVAL, Result};

/// How long chromedriver may take to answer `/status` with `ready: true`.
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(20);

/// How many ports [`Driver::start`] tries when the one it picked is taken before chromedriver
/// binds it.
const PORT_ATTEMPTS: u32 = 5;

/// Why chromedriver did not start: its port was taken (worth another port), or anything else.
enum StartError {
    /// The tail of chromedriver's log, which says the address was in use.
    PortTaken(String),
    Other(crate::Error),
}

impl<E: Into<crate::Error>> From<E> for StartError {
    fn from(e: E) -> StartError {
        StartError::Other(e.into())
    }
}

/// Whether chromedriver's log says it could not listen because the port was in use.
fn port_was_taken(log: &str) -> bool {
    log.contains("ERR_ADDRESS_IN_USE") || log.contains("Address already in use")
}

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
    ///
    /// The port is one the system just called free, but another process (a parallel test's
    /// sandbox or browser) can take it before chromedriver binds it; then chromedriver exits at
    /// once, and this tries again on another port.
    pub async fn start() -> Result<Driver> {
        let mut attempt = 1;
        loop {
            match Driver::start_on(free_port()?).await {
                Err(StartError::PortTaken(log)) if attempt < PORT_ATTEMPTS => {
                    eprintln!("chromedriver's port was taken before it bound it (attempt {attempt}): {log}");
                    attempt += 1;
                }
                Err(StartError::PortTaken(log)) => {
                    return Err(format!("chromedriver found its port taken {attempt} times; its log:\n{log}").into());
                }
                Err(StartError::Other(e)) => return Err(e),
                Ok(driver) => return Ok(driver),
            }
        }
    }

    async fn start_on(port: u16) -> std::result::Result<Driver, StartError> {
        let program = std::env::var_os("CHROMEDRIVER").map(PathBuf::from).unwrap_or_else(|| "chromedriver".into());
        let scratch = scratch_dir()?;
        let log = scratch.join("chromedriver.log");
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
        match driver.wait_ready(&log).await {
            Ok(()) => Ok(driver),
            Err(e) => {
                let tail = read_tail(&log);
                // Dropping `driver` kills the process and removes its scratch directory.
                if driver.child.try_wait().ok().flatten().is_some() && port_was_taken(&tail) {
                    Err(StartError::PortTaken(tail))
                } else {
                    Err(StartError::Other(e))
                }
            }
        }
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
/// starting a browser then needs no HTTP client of its own.
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A port held by someone else is told apart from other failures, so that `start` moves
    /// on to another port instead of failing the test that wanted a browser.
    #[tokio::test]
    async fn a_port_taken_before_chromedriver_binds_it_is_retried_elsewhere() {
        let held = StdTcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("a port to hold");
        let port = held.local_addr().expect("its address").port();
        match Driver::start_on(port).await {
            Err(StartError::PortTaken(log)) => assert!(port_was_taken(&log), "{log}"),
            Err(StartError::Other(e)) => panic!("told as another failure: {e}"),
            Ok(driver) => panic!("chromedriver started on a held port: {driver:?}"),
        }
        let driver = Driver::start().await.expect("chromedriver starts on another port");
        assert_ne!(driver.url(), format!("http://127.0.0.1:{port}"));
    }
}
