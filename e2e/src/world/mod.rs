//! [`World`]: one end-to-end test of the script-tag embed, with its own sandbox (serving the
//! assembled site, see [`site_dir`]), chromedriver and Chromium session, and what such a test
//! does on the `pkg-demo/` pages.
//!
//! Inside a `<sir-donate>` element the loader's shadow root holds the placeholder `button`, then
//! a `div` holding the widget's host `div.sir-donate`, whose own (nested) shadow root holds the
//! button, the dialog and its form. Clicks and key presses go through WebDriver (trusted
//! events); page state is read with scripts ([`World::js`]), which can use the helpers of
//! `e2e/js/embed_prelude.js`.
//!
//! The site is `$SIR_SITE_DIR`, else `target/site` of the workspace: `scripts/test.sh` builds it
//! (or by hand: `trunk build && scripts/build-dist.sh`, then `assemble_site` from
//! `scripts/lib.sh`). Needs chromedriver and Chromium (`scripts/setup.sh`; `CHROMEDRIVER` as in
//! `scripts/env.sh`).
//!
//! The methods panic with a description of the page when something does not happen in time:
//! they are for tests. By topic:
//! - `widget`: the widget on the page: mounted, its dialog, its fields, its text;
//! - `downloads`: what the page fetched of the widget, and when;
//! - `input`: the keyboard and the pointer;
//! - `checkout`: navigations, and the sandbox's checkout page;
//! - `sandbox_api`: the sandbox's request log, faults and donation status;
//! - `console`: console errors and warnings recorded from the start of every document.

mod checkout;
mod console;
mod downloads;
mod input;
mod sandbox_api;
mod widget;

use std::time::{Duration, Instant};

use fantoccini::Client;
use fantoccini::elements::Element;
use serde_json::Value;
use sir_sandbox::RunningSandbox;

use crate::{Driver, SessionOptions, element_of, site_dir, start_sandbox};

/// How long the widget may take to download, compile and load its config. The sandbox answers
/// locally, so this is only reached when something is broken (or the machine is very busy).
pub const MOUNT: Duration = Duration::from_secs(60);
/// For things that follow a click at once (a dialog opening, a navigation starting).
pub const SOON: Duration = Duration::from_secs(20);
/// The return from checkout: the widget polls with backoff (1.5 s, 2.25 s, …) and the sandbox
/// rewards 1.5 s after completion.
pub const OUTCOME: Duration = Duration::from_secs(60);
/// Pause between two polls of the page.
pub const POLL: Duration = crate::POLL_INTERVAL;

/// Put in front of every page script: helpers to reach into the shadow roots.
const PRELUDE: &str = include_str!("../../js/embed_prelude.js");

/// One test's world: a sandbox serving the site, a chromedriver and one Chromium session.
/// Fields drop in order: the sandbox stops, then chromedriver is killed with its browsers.
pub struct World {
    /// Serves the assembled site and the API.
    pub sandbox: RunningSandbox,
    driver: Driver,
    /// The browser session.
    pub client: Client,
    /// For the sandbox's control API.
    http: reqwest::Client,
}

impl World {
    /// A world with a desktop-sized browser.
    pub async fn start() -> World {
        World::start_with(SessionOptions::DESKTOP).await
    }

    /// A world whose browser looks like `opts`.
    pub async fn start_with(opts: SessionOptions) -> World {
        let site = site_dir();
        let sandbox = start_sandbox(Some(site)).await.expect("sir-sandbox starts");
        let driver = Driver::start().await.expect("chromedriver starts");
        let client = driver.session(opts).await.expect("a Chromium session opens");
        let http = reqwest::Client::builder().no_proxy().build().expect("an HTTP client");
        World { sandbox, driver, client, http }
    }

    /// Closes the browser at once (a dropped client only schedules it), then stops the rest.
    pub async fn finish(self) {
        let World { sandbox, driver, client, http: _ } = self;
        let _ = client.close().await;
        drop(driver);
        sandbox.shutdown().await;
    }

    /// The URL of a `pkg-demo/` page.
    pub fn page_url(&self, page: &str) -> String {
        format!("{}/pkg-demo/{page}", self.sandbox.static_url())
    }

    /// Opens a `pkg-demo/` page.
    pub async fn open(&self, page: &str) {
        self.client.goto(&self.page_url(page)).await.unwrap_or_else(|e| panic!("cannot open {page}: {e}"));
    }

    /// Runs `body` after the prelude (`e2e/js/embed_prelude.js`); `arguments` are `args`.
    pub async fn js(&self, body: &str, args: Vec<Value>) -> Value {
        let script = format!("{PRELUDE}\n{body}");
        self.client.execute(&script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{body}"))
    }

    /// The element a script returns, as one WebDriver can click and type into; `None` for null.
    pub async fn element(&self, body: &str, args: Vec<Value>) -> Option<Element> {
        let found = self.js(body, args).await;
        element_of(&self.client, found).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Polls `body` until it returns something truthy (not null, false, 0, "" or []), and returns it.
    pub async fn wait_js(&self, what: &str, body: &str, args: Vec<Value>, timeout: Duration) -> Value {
        let started = Instant::now();
        loop {
            let value = self.js(body, args.clone()).await;
            if truthy(&value) {
                return value;
            }
            if started.elapsed() >= timeout {
                panic!("timed out after {timeout:?} waiting until {what} (last answer: {value})");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the document has loaded (`readyState` is `complete`).
    pub async fn wait_loaded(&self) {
        self.wait_js("the page loaded", "return document.readyState === 'complete'", vec![], SOON).await;
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    }
}
