//! A donor on a slow mobile network who clicks early: Chromium's "Fast 3G" profile (562.5 ms of
//! latency per request, 1.44 Mbit/s down, 675 kbit/s up), `pkg-demo/bench.html?n=1`, and a real
//! click [`EARLY`] after the button first paints, whether or not the widget has loaded by then.
//! The figure that counts is when the donation form is visible, from t0; with it, the requests
//! and round trips the page waited for.

use std::time::Duration;

use fantoccini::Client;
use serde_json::json;
use sir_e2e::{Result, cdp};

use super::{Bench, MOUNT, element};
use crate::record::{snapshot, wait_marks};
use crate::stats::Samples;

/// How long after the placeholder paints the donor clicks.
pub const EARLY: Duration = Duration::from_millis(300);

const CLICK_TARGET: &str = include_str!("../../../../js/bench/click_target.js");

/// DevTools' "Fast 3G": 562.5 ms latency, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up (bytes/s).
fn fast_3g() -> serde_json::Value {
    json!({
        "offline": false,
        "latency": 562.5,
        "downloadThroughput": 1_600_000.0 * 0.9 / 8.0,
        "uploadThroughput": 750_000.0 * 0.9 / 8.0,
        "connectionType": "cellular3g",
    })
}

impl Bench<'_> {
    /// One run of the early click on Fast 3G.
    pub async fn early_click(&self) -> Result<Samples> {
        self.in_fresh_browser("early click on Fast 3G", async |client| self.early_click_in(client).await).await
    }

    async fn early_click_in(&self, client: &Client) -> Result<Samples> {
        cdp(client, "Network.emulateNetworkConditions", fast_3g()).await?;
        client.goto(&self.page_url("bench.html?n=1")).await?;
        let snap = wait_marks(client, &["placeholders-painted"], MOUNT).await?;
        let painted = snap.mark("placeholders-painted")?;
        let now = client.execute("return performance.now()", vec![]).await?.as_f64().unwrap_or(painted);
        let wait = (painted + EARLY.as_secs_f64() * 1000.0 - now).max(0.0);
        tokio::time::sleep(Duration::from_secs_f64(wait / 1000.0)).await;
        let target = element(client, CLICK_TARGET, vec![]).await?.ok_or("nothing to click")?;
        target.click().await?;
        let snap = wait_marks(client, &["form-painted", "ready-painted"], MOUNT).await?;
        snap.check_all_ready(1)?;
        let t0 = snap.mark("t0")?;
        let form = snap.mark("form-painted")?;
        let click = snap.mark("first-click")?;
        let mut s = Samples::default();
        s.ms("placeholders", "placeholder painted", painted - t0);
        s.ms("click", "donor's click (the placeholder's or the widget's button)", click - t0);
        s.ms("dialog", "dialog visible", snap.mark("dialog-painted")? - t0);
        s.ms("form", "donation form visible", form - t0);
        s.ms("click-form", "click → donation form visible", form - click);
        s.ms("interactive", "widget interactive", snap.mark("ready-painted")? - t0);

        // What the page waited for before the form.
        let (requests, round_trips) = self.requests_before(&snap, form).await?;
        s.count("requests", "requests before the form (preflights included)", requests as f64);
        s.count("round-trips", "round trips in sequence before the form", round_trips as f64);
        s.score("cls", "cumulative layout shift (CLS)", snap.cls());
        if snapshot(client).await?.failure().is_some() {
            return Err("the page reported an error".into());
        }
        s.raw = snap.raw();
        Ok(s)
    }
}
