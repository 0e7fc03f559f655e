//! Screenshots of the demo app (`target/demo-site`, built by `trunk build`) in headless Chromium:
//! the page and the first widget's open dialog, at desktop and phone widths, light and dark, plus
//! the `theme=dark` example's dialog on a light page. Writes PNGs to `target/screenshots/demo/`.
//! `scripts/screenshots.sh` builds the demo and runs this.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use fantoccini::Client;
use sir_e2e::{Driver, Result, SessionOptions, demo_url, set_viewport, start_sandbox, wait_for_shadow};

/// How long the widgets may take to load their config (the sandbox answers locally, so this is
/// only reached when something is broken).
const READY_TIMEOUT: Duration = Duration::from_secs(20);
/// Desktop and phone viewports (the phone one is an iPhone X-class 375 × 812).
const DESKTOP: (u32, u32) = (1280, 800);
const PHONE: (u32, u32) = (375, 812);
/// Taller pages are cut here rather than producing an unbounded image.
const MAX_PAGE_HEIGHT: u32 = 8000;
/// Widget indexes on the demo page: the "Default" example and the "Dark theme" example.
const DEFAULT_WIDGET: usize = 0;
const DARK_THEME_WIDGET: usize = 2;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("screenshots: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().ok_or("the e2e crate has no parent directory")?;
    let site = root.join("target/demo-site");
    if !site.join("index.html").is_file() {
        return Err("target/demo-site/index.html is missing: build the demo first (`trunk build`, \
                    or run scripts/screenshots.sh, which does)"
            .into());
    }
    let out = root.join("target/screenshots/demo");
    std::fs::create_dir_all(&out)?;

    let sandbox = start_sandbox(Some(site)).await?;
    let driver = Driver::start().await?;
    let url = demo_url(&sandbox);
    let shots = Shots { root, out: &out, url: &url };
    let result = shots.take_all(&driver).await;
    drop(driver);
    sandbox.shutdown().await;
    result
}

struct Shots<'a> {
    root: &'a Path,
    out: &'a Path,
    url: &'a str,
}

impl Shots<'_> {
    async fn take_all(&self, driver: &Driver) -> Result<()> {
        for (width, height) in [DESKTOP, PHONE] {
            for dark in [false, true] {
                let opts = SessionOptions { width, height, dark };
                let client = driver.session(opts).await?;
                // Close the browser on failure too; the first error is the one worth reporting.
                let result = self.page_and_dialog(&client, opts).await;
                let closed = client.close().await;
                result?;
                closed?;
            }
        }
        Ok(())
    }

    /// `demo-{w}-{scheme}.png`, `dialog-{w}-{scheme}.png` and, for the light desktop page, the
    /// dark-themed widget's dialog (`dialog-1280-theme-dark.png`).
    async fn page_and_dialog(&self, client: &Client, opts: SessionOptions) -> Result<()> {
        let scheme = if opts.dark { "dark" } else { "light" };
        let w = opts.width;
        self.open_demo(client).await?;
        self.full_page(client, opts, &format!("demo-{w}-{scheme}.png")).await?;
        self.dialog(client, DEFAULT_WIDGET, &format!("dialog-{w}-{scheme}.png")).await?;
        if (opts.width, opts.height) == DESKTOP && !opts.dark {
            self.open_demo(client).await?;
            self.dialog(client, DARK_THEME_WIDGET, "dialog-1280-theme-dark.png").await?;
        }
        Ok(())
    }

    /// Loads the demo page and waits until the widgets this tool clicks have loaded.
    async fn open_demo(&self, client: &Client) -> Result<()> {
        client.goto(self.url).await?;
        for widget in [DEFAULT_WIDGET, DARK_THEME_WIDGET] {
            wait_for_shadow(client, widget, "button.sir-button:enabled", READY_TIMEOUT)
                .await
                .map_err(|e| format!("the demo's widgets did not become ready: {e}"))?;
        }
        settle(client).await
    }

    /// The whole page: the viewport grows to the document's height for the shot, then returns
    /// to its size, so that later shots see the page as a visitor does.
    async fn full_page(&self, client: &Client, opts: SessionOptions, name: &str) -> Result<()> {
        let height = client.execute("return document.documentElement.scrollHeight", vec![]).await?;
        let height = height.as_u64().ok_or("document height is not a number")? as u32;
        let height = height.clamp(opts.height, MAX_PAGE_HEIGHT);
        set_viewport(client, opts.width, height).await?;
        settle(client).await?;
        let shot = client.screenshot().await;
        set_viewport(client, opts.width, opts.height).await?;
        self.save(name, &shot?)
    }

    /// Clicks the widget's button (a real, trusted click), waits for its modal dialog with the
    /// donation form, and shoots the viewport.
    async fn dialog(&self, client: &Client, widget: usize, name: &str) -> Result<()> {
        let button = wait_for_shadow(client, widget, "button.sir-button:enabled", READY_TIMEOUT).await?;
        button.click().await?;
        wait_for_shadow(client, widget, "dialog.sir-dialog[open] form.sir-form", READY_TIMEOUT)
            .await
            .map_err(|e| format!("widget #{widget}'s dialog did not open with its form: {e}"))?;
        settle(client).await?;
        self.save(name, &client.screenshot().await?)
    }

    fn save(&self, name: &str, png: &[u8]) -> Result<()> {
        let path: PathBuf = self.out.join(name);
        std::fs::write(&path, png).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("{}", path.strip_prefix(self.root).unwrap_or(&path).display());
        Ok(())
    }
}

/// Waits (bounded) for web fonts and every image, in the page and in the widgets' shadow roots,
/// then lets the dialog's 0.2 s entrance animation finish.
async fn settle(client: &Client) -> Result<()> {
    const SETTLE: &str = include_str!("../../js/screenshots/settle.js");
    client.execute_async(SETTLE, vec![]).await?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    Ok(())
}
