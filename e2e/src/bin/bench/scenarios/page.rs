//! A page with N widgets, the default embed (the widget loads when the browser is idle): time to
//! all placeholders and to all widgets interactive, long tasks, API requests, then memory after
//! mount, after removing every widget, and after two more mount / remove cycles.

use std::collections::BTreeSet;

use fantoccini::Client;
use serde_json::json;
use sir_e2e::{Result, cdp};

use super::empty::Baseline;
use super::{Bench, MOUNT, check_removed, settle_frames, settle_idle};
use crate::memory::memory;
use crate::record::{Res, snapshot, wait_marks};
use crate::stats::Samples;

impl Bench<'_> {
    /// One run of a page with `n` widgets; also returns the browser's version.
    pub async fn page(&self, n: usize) -> Result<(Samples, String)> {
        let empty = self.empty(1.0).await?;
        self.in_fresh_browser(&format!("page with {n} widget(s)"), async |client| self.page_in(client, n, &empty).await)
            .await
    }

    async fn page_in(&self, client: &Client, n: usize, empty: &Baseline) -> Result<(Samples, String)> {
        let version = cdp(client, "Browser.getVersion", json!({})).await?["product"].as_str().unwrap_or("?").to_owned();
        client.goto(&self.page_url(&format!("bench.html?n={n}"))).await?;
        let snap = wait_marks(client, &["ready-painted", "placeholders-painted", "widgets-painted"], MOUNT).await?;
        snap.check_all_ready(n)?;
        let calls = self.api_calls().await?;
        if !calls.iter().any(|(m, p, _)| m == "GET" && p == "/v1/partner/config") {
            return Err(format!("the widgets never asked for their config: {calls:?}").into());
        }
        // One config and one lookup per nonprofit per page, whatever the number of widgets.
        let gets: Vec<&str> = calls.iter().filter(|(m, _, _)| m == "GET").map(|(_, p, _)| p.as_str()).collect();
        let distinct: BTreeSet<&str> = gets.iter().copied().collect();
        if gets.len() != distinct.len() {
            return Err(format!("the same API request was sent twice on one page: {gets:?}").into());
        }
        settle_idle(client).await?;
        let snap = snapshot(client).await?;
        let (loader, glue, wasm) = (snap.resource(Res::Loader)?, snap.resource(Res::Glue)?, snap.resource(Res::Wasm)?);
        if glue.len() != 1 || wasm.len() != 1 {
            return Err(format!("glue and wasm should load once per page: {glue:?} {wasm:?}").into());
        }
        let t0 = snap.mark("t0")?;
        let ready = snap.mark("ready-painted")?;
        let mut s = Samples::default();
        s.ms("t0", "loader script tag reached (t0), since navigation start", t0);
        s.ms("loader-fetched", "loader downloaded, since navigation start", loader[0].end);
        s.ms("loader-defined", "loader ran (<sir-donate> defined)", snap.mark("loader-defined")? - t0);
        s.ms("placeholders", format!("all {n} placeholder(s) painted"), snap.mark("placeholders-painted")? - t0);
        if let Some(fcp) = snap.opt_mark("first-contentful-paint") {
            s.ms("fcp", "first contentful paint (a placeholder)", fcp - t0);
        }
        s.ms("wasm-fetched", "wasm fetched (response end)", wasm[0].end - t0);
        s.ms("wasm-instantiated", "wasm compiled and instantiated", snap.mark("wasm-instantiated")? - t0);
        s.ms("widgets", format!("all {n} widget button(s) rendered"), snap.mark("widgets-painted")? - t0);
        s.ms("interactive", format!("all {n} widget(s) interactive"), ready - t0);
        snap.long_tasks(&mut s, 0.0, ready);
        s.count("api-requests", "API requests (not counting preflights)", calls.len() as f64);
        let (requests, round_trips) = self.requests_before(&snap, ready).await?;
        s.count("requests", "requests until interactive (preflights included)", requests as f64);
        s.count("round-trips", "round trips in sequence until interactive", round_trips as f64);
        s.score("cls", "cumulative layout shift (CLS)", snap.cls());

        let mounted = memory(client).await?;
        mounted.record(&mut s, "mounted", "after mount");
        s.bytes(
            "memory-above-empty",
            "JS heap + wasm memory above the empty page, after mount",
            mounted.js_heap + mounted.wasm - empty.memory.js_heap,
        );
        s.count(
            "listeners-above-empty",
            "JS event listeners above the empty page, after mount",
            mounted.listeners - empty.memory.listeners,
        );

        // Remove every widget: the loader unmounts and frees each.
        client.execute("window.__bench.remove()", vec![]).await?;
        settle_frames(client).await?;
        check_removed(client).await?;
        let removed = memory(client).await?;
        removed.record(&mut s, "removed", "after removing all");

        // The same twice more. The second cycle still warms things up (compiled code, caches);
        // a leak shows as growth from the second to the third.
        let mut after = Vec::new();
        for cycle in ["again-", "third-"] {
            let add = format!(
                "const B = window.__bench; B.marks['{cycle}add'] = performance.now(); B.add(); B.watch('{cycle}');"
            );
            client.execute(&add, vec![]).await?;
            let ready = format!("{cycle}ready-painted");
            let again = wait_marks(client, &[ready.as_str()], MOUNT).await?;
            again.check_all_ready(n)?;
            if cycle == "again-" {
                let took = again.mark(&ready)? - again.mark("again-add")?;
                s.ms("remount", format!("re-mount {n} (module loaded) → all interactive"), took);
            }
            client.execute("window.__bench.remove()", vec![]).await?;
            settle_frames(client).await?;
            check_removed(client).await?;
            after.push(memory(client).await?);
        }
        let (second, third) = (after[0], after[1]);
        third.record(&mut s, "cycled", "after 3 mount + remove cycles");
        s.bytes("js-heap-growth", "JS heap growth, 3rd cycle over 2nd", third.js_heap - second.js_heap);
        s.bytes("wasm-growth", "wasm memory growth, 3rd cycle over 2nd", third.wasm - second.wasm);
        s.raw = snapshot(client).await?.raw();
        Ok((s, version))
    }
}
