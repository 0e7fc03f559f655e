//! The baseline: `pkg-demo/bench-empty.html`, the benchmark page without widget or loader, so
//! that memory and main-thread time can be given above what any page costs.

use fantoccini::Client;
use serde_json::json;
use sir_e2e::{Result, cdp};

use super::{Bench, settle_idle};
use crate::memory::{Memory, Metrics, memory};

/// Main-thread time so far (DevTools `Performance.getMetrics`, in milliseconds): all tasks, and
/// the parts of it spent running and compiling script, computing style and layout.
#[derive(Debug, Clone, Copy, Default)]
pub struct MainThread {
    pub tasks: f64,
    pub script: f64,
    pub compile: f64,
    pub style: f64,
    pub layout: f64,
}

impl MainThread {
    /// What `self` spent more than `base`.
    pub fn above(self, base: MainThread) -> MainThread {
        MainThread {
            tasks: self.tasks - base.tasks,
            script: self.script - base.script,
            compile: self.compile - base.compile,
            style: self.style - base.style,
            layout: self.layout - base.layout,
        }
    }
}

/// The page's main-thread time since the session enabled the Performance domain.
pub async fn main_thread(client: &Client) -> Result<MainThread> {
    let metrics = Metrics::now(client).await?;
    let ms = |name: &str| metrics.get(name).map(|seconds| seconds * 1000.0);
    Ok(MainThread {
        tasks: ms("TaskDuration")?,
        script: ms("ScriptDuration")?,
        compile: ms("V8CompileDuration")?,
        style: ms("RecalcStyleDuration")?,
        layout: ms("LayoutDuration")?,
    })
}

/// The empty page, measured like the others: memory once it has loaded and the browser is idle,
/// and the main-thread time from just before the navigation until then.
pub struct Baseline {
    pub memory: Memory,
    pub main_thread: MainThread,
}

impl Bench<'_> {
    /// One run of the empty page in a fresh browser, its CPU slowed down `cpu_slowdown` times.
    pub async fn empty(&self, cpu_slowdown: f64) -> Result<Baseline> {
        self.in_fresh_browser("empty page", async |client| {
            throttle_cpu(client, cpu_slowdown).await?;
            let before = main_thread(client).await?;
            client.goto(&self.page_url("bench-empty.html?n=0")).await?;
            settle_idle(client).await?;
            let main_thread = main_thread(client).await?.above(before);
            Ok(Baseline { memory: memory(client).await?, main_thread })
        })
        .await
    }
}

/// Slows the page's CPU down `rate` times (1: not at all), as DevTools' performance panel does.
pub async fn throttle_cpu(client: &Client, rate: f64) -> Result<()> {
    cdp(client, "Emulation.setCPUThrottlingRate", json!({ "rate": rate })).await?;
    Ok(())
}
