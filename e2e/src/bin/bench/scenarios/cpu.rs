//! Main-thread time on a slow device: `pkg-demo/bench.html?n=1` with the CPU slowed down
//! [`SLOWDOWN`] times until the widget is interactive and the browser idle, against the empty
//! page measured the same way. Split by what DevTools accounts for (script, compile, style,
//! layout) to show where the time goes.

use fantoccini::Client;
use sir_e2e::Result;

use super::empty::{main_thread, throttle_cpu};
use super::{Bench, MOUNT, settle_idle};
use crate::record::wait_marks;
use crate::stats::Samples;

/// DevTools' "4× slowdown", for a mid-range phone.
pub const SLOWDOWN: f64 = 4.0;

impl Bench<'_> {
    /// One run: the empty page, then the page with one widget, both at [`SLOWDOWN`].
    pub async fn cpu(&self) -> Result<Samples> {
        let empty = self.empty(SLOWDOWN).await?;
        let (mut s, widget) = self.in_fresh_browser("4× CPU", async |client| self.cpu_in(client).await).await?;
        let above = widget.above(empty.main_thread);
        s.ms("tasks", "main-thread task time above the empty page", above.tasks);
        s.ms("script", "of which script", above.script);
        s.ms("compile", "of which script compilation", above.compile);
        s.ms("style", "of which style", above.style);
        s.ms("layout", "of which layout", above.layout);
        s.ms("empty-tasks", "the empty page's own task time (from navigation to idle)", empty.main_thread.tasks);
        Ok(s)
    }

    async fn cpu_in(&self, client: &Client) -> Result<(Samples, super::empty::MainThread)> {
        throttle_cpu(client, SLOWDOWN).await?;
        let before = main_thread(client).await?;
        client.goto(&self.page_url("bench.html?n=1")).await?;
        let snap = wait_marks(client, &["ready-painted"], MOUNT).await?;
        snap.check_all_ready(1)?;
        settle_idle(client).await?;
        let mut s = Samples::default();
        s.ms("interactive", "widget interactive, from t0", snap.mark("ready-painted")? - snap.mark("t0")?);
        s.raw = snap.raw();
        Ok((s, main_thread(client).await?.above(before)))
    }
}
