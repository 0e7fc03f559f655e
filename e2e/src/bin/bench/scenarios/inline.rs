//! The inline form (`pkg-demo/bench.html?n=1&mode=inline`): the loader's box holds the form's
//! place, so the page must not move when the form arrives. Its layout shift, and when the form
//! is there.

use fantoccini::Client;
use sir_e2e::Result;

use super::{Bench, MOUNT, settle_idle};
use crate::record::{snapshot, wait_marks};
use crate::stats::Samples;

impl Bench<'_> {
    /// One run of the page with one inline form.
    pub async fn inline(&self) -> Result<Samples> {
        self.in_fresh_browser("inline form", async |client| self.inline_in(client).await).await
    }

    async fn inline_in(&self, client: &Client) -> Result<Samples> {
        client.goto(&self.page_url("bench.html?n=1&mode=inline")).await?;
        let snap = wait_marks(client, &["ready-painted", "placeholders-painted"], MOUNT).await?;
        snap.check_all_ready(1)?;
        settle_idle(client).await?;
        let snap = snapshot(client).await?;
        let t0 = snap.mark("t0")?;
        let mut s = Samples::default();
        s.ms("placeholders", "the form's place held (loader's box painted)", snap.mark("placeholders-painted")? - t0);
        s.ms("interactive", "the form shown", snap.mark("ready-painted")? - t0);
        s.score("cls", "cumulative layout shift (CLS)", snap.cls());
        s.raw = snap.raw();
        Ok(s)
    }
}
