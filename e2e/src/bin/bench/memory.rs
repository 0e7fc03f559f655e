//! What the browser holds: JS heap, DOM nodes, event listeners and the wasm module's memory,
//! measured after forced garbage collections.

use fantoccini::Client;
use serde_json::{Value, json};
use sir_e2e::{Result, cdp};

use crate::stats::Samples;

/// The wasm module's linear memory in bytes, read through the glue.
const WASM_MEMORY: &str = include_str!("../../../js/bench/wasm_memory.js");

/// Memory after two full garbage collections.
#[derive(Debug, Clone, Copy)]
pub struct Memory {
    pub js_heap: f64,
    pub nodes: f64,
    pub listeners: f64,
    pub wasm: f64,
}

impl Memory {
    /// Records the four numbers as metrics named after `id`, labelled `when`.
    pub fn record(&self, s: &mut Samples, id: &'static str, when: &str) {
        let (heap, nodes, listeners, wasm): (&'static str, &'static str, &'static str, &'static str) = match id {
            "mounted" => ("js-heap-mounted", "nodes-mounted", "listeners-mounted", "wasm-mounted"),
            "removed" => ("js-heap-removed", "nodes-removed", "listeners-removed", "wasm-removed"),
            _ => ("js-heap-cycled", "nodes-cycled", "listeners-cycled", "wasm-cycled"),
        };
        s.bytes(heap, format!("JS heap used, {when}"), self.js_heap);
        s.bytes(wasm, format!("wasm memory, {when}"), self.wasm);
        s.count(nodes, format!("DOM nodes, {when}"), self.nodes);
        s.count(listeners, format!("JS event listeners, {when}"), self.listeners);
    }
}

/// Memory now, after two forced garbage collections: JS heap used, DOM nodes, JS event listeners
/// (DevTools `Performance.getMetrics`) and the wasm module's linear memory (0 before it loaded).
pub async fn memory(client: &Client) -> Result<Memory> {
    for _ in 0..2 {
        cdp(client, "HeapProfiler.collectGarbage", json!({})).await?;
    }
    let metrics = Metrics::now(client).await?;
    let metric = |name: &str| metrics.get(name);
    let wasm = client.execute_async(WASM_MEMORY, vec![]).await?;
    let wasm = match wasm["bytes"].as_f64() {
        Some(b) => b,
        // Before the widget loaded there is no module (the intent page before intent).
        None if wasm["error"] == "the glue was never fetched" => 0.0,
        None => return Err(format!("cannot read the wasm memory: {wasm}").into()),
    };
    Ok(Memory {
        js_heap: metric("JSHeapUsedSize")?,
        nodes: metric("Nodes")?,
        listeners: metric("JSEventListeners")?,
        wasm,
    })
}

/// DevTools' `Performance.getMetrics`, read once.
pub struct Metrics(Value);

impl Metrics {
    pub async fn now(client: &Client) -> Result<Metrics> {
        Ok(Metrics(cdp(client, "Performance.getMetrics", json!({})).await?))
    }

    /// The metric `name` (seconds for durations).
    pub fn get(&self, name: &str) -> Result<f64> {
        self.0["metrics"]
            .as_array()
            .and_then(|l| l.iter().find(|m| m["name"] == name))
            .and_then(|m| m["value"].as_f64())
            .ok_or_else(|| format!("Performance.getMetrics has no {name}: {}", self.0).into())
    }
}
