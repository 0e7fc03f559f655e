//! Load on intent (`pkg-demo/bench-intent.html`, `data-load="intent"`): nothing is fetched until
//! a real pointer moves onto the placeholder; then the glue and the wasm are fetched, compiled
//! and mounted. Times run from that pointerover.

use fantoccini::Client;
use sir_e2e::Result;

use super::{Bench, MOUNT, SOON, element, hover, settle_idle};
use crate::memory::memory;
use crate::record::{Res, snapshot, wait_marks};
use crate::stats::Samples;

const PLACEHOLDER: &str = include_str!("../../../../js/bench/placeholder.js");

impl Bench<'_> {
    /// One run of the load-on-intent page.
    pub async fn intent(&self) -> Result<Samples> {
        self.in_fresh_browser("load on intent", async |client| self.intent_in(client).await).await
    }

    async fn intent_in(&self, client: &Client) -> Result<Samples> {
        client.goto(&self.page_url("bench-intent.html?n=1")).await?;
        wait_marks(client, &["placeholders-painted"], SOON).await?;
        settle_idle(client).await?;
        // Before intent: nothing of the widget fetched, no API request.
        let before = snapshot(client).await?;
        if !before.resource(Res::Glue)?.is_empty() || !before.resource(Res::Wasm)?.is_empty() {
            return Err("the widget was fetched before any intent".into());
        }
        if !self.api_calls().await?.is_empty() {
            return Err("API requests before any intent".into());
        }
        let placeholder = element(client, PLACEHOLDER, vec![]).await?.ok_or("no placeholder button")?;
        let mut s = Samples::default();
        let idle = memory(client).await?;
        s.bytes("js-heap-placeholder", "JS heap, placeholder only (before intent)", idle.js_heap);

        hover(client, &placeholder).await?;
        let snap = wait_marks(client, &["ready-painted", "widgets-painted"], MOUNT).await?;
        snap.check_all_ready(1)?;
        let intent = snap.mark("intent-pointerover")?;
        let (glue, wasm) = (snap.resource(Res::Glue)?, snap.resource(Res::Wasm)?);
        if glue.len() != 1 || wasm.len() != 1 {
            return Err(format!("glue and wasm should load once: {glue:?} {wasm:?}").into());
        }
        if glue[0].start < intent || wasm[0].start < intent {
            return Err("the widget was fetched before the intent".into());
        }
        let ready = snap.mark("ready-painted")?;
        s.ms("glue-fetched", "intent → glue fetched", glue[0].end - intent);
        s.ms("wasm-fetched", "intent → wasm fetched", wasm[0].end - intent);
        s.ms("wasm-instantiated", "intent → wasm compiled and instantiated", snap.mark("wasm-instantiated")? - intent);
        s.ms("widget", "intent → widget button rendered", snap.mark("widgets-painted")? - intent);
        s.ms("interactive", "intent → widget interactive", ready - intent);
        snap.long_tasks(&mut s, intent, ready);
        settle_idle(client).await?;
        let mounted = memory(client).await?;
        s.bytes("js-heap-mounted", "JS heap, widget interactive", mounted.js_heap);
        s.bytes("wasm-mounted", "wasm memory, widget interactive", mounted.wasm);
        s.raw = snapshot(client).await?.raw();
        Ok(s)
    }
}
