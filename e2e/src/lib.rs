//! `sir-e2e`: drives the demo app and the script-tag embed in headless Chromium over WebDriver,
//! against an in-process `sir-sandbox`, for the end-to-end tests, the screenshot tool
//! (`src/bin/screenshots.rs`) and the benchmark (`src/bin/bench/`).
//!
//! The pieces:
//! - [`browser`]: [`Driver`] starts a private `chromedriver` on a free loopback port and stops it
//!   on drop; [`Driver::session`] opens a headless Chromium with a fresh profile, a given viewport
//!   and colour scheme ([`set_viewport`], [`inner_size`]).
//! - [`devtools`]: [`cdp`] sends a DevTools protocol command through chromedriver.
//! - [`site`]: [`start_sandbox`] serves the API and a static directory on free ports; where the
//!   built sites are, and the `pkg-demo/` pages with their widgets.
//! - [`find`]: [`wait_for`], [`shadow_query`] and [`wait_for_shadow`] find elements, also inside
//!   the widget's shadow roots, which page-level CSS selectors cannot reach; [`element_of`] turns
//!   a page script's answer into an element.
//! - [`world`]: [`World`], one embed test's sandbox, chromedriver and browser, with what the
//!   tests do on the `pkg-demo/` pages (mount, open the dialog, type, read the sandbox's log).
//!
//! The JavaScript sent to the browser is in `e2e/js/`: the library's at its top, then `tests/`,
//! `bench/` and `screenshots/` for the test files and the tools.
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

use std::time::Duration;

pub mod browser;
pub mod devtools;
pub mod find;
pub mod site;
pub mod world;

pub use browser::{Driver, SessionOptions, inner_size, set_viewport};
pub use devtools::cdp;
pub use find::{element_of, shadow_query, wait_for, wait_for_shadow};
pub use site::{DemoPage, PKG_DEMO_PAGES, demo_url, site_dir, start_sandbox, workspace_root};
pub use world::World;

/// Every failure here ends a test or the tool with a message, so one boxed error type is enough.
pub type Error = Box<dyn std::error::Error + Send + Sync>;
/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Pause between two polls of the wait helpers.
const POLL_INTERVAL: Duration = Duration::from_millis(100);
