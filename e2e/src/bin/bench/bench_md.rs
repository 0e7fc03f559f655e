//! BENCH.md: the latest tables, the machine, how to reproduce and how each number is measured.

use std::fmt::Write as _;

use crate::report::{Report, range, thousands};
use crate::sizes::SizeRow;

/// How each number is taken, for BENCH.md.
const METHOD: &str = "\
- **Runs.** Every run of every scenario opens a fresh headless Chromium (new profile, HTTP cache \
disabled through the DevTools protocol) against a freshly reset in-process sir-sandbox, on loopback: \
cold loads with no network latency, so the times are the widget's own cost (download on loopback, \
compile, run). Scenarios alternate within each run; one unrecorded warm-up run comes first. The \
tables give the median over the runs, the interquartile range (p25–p75) and the extremes (min–max).
- **Clock.** The page measures itself (`pkg-demo/bench.js`, included right before the loader's \
script tag): `performance.now()` at that point is *t0* for the page scenarios. Times across the \
navigation to checkout add each document's `performance.timeOrigin`.
- **Placeholders painted / widgets rendered / interactive.** A `requestAnimationFrame` watcher looks \
at every `<sir-donate>` each frame: the first frame in which all of them show the loader's \
placeholder (or already the widget), all hold the widget's `button.sir-button`, and all of those \
buttons are ready (enabled and not `aria-busy`, i.e. config and nonprofit loaded); the time is taken \
just after that frame was rendered (a task posted from the frame callback). The `sir-donate:ready` \
events are counted as a cross-check.
- **Fetched** is the resource-timing `responseEnd` of the file. **Compiled and instantiated** is when \
the glue's `WebAssembly.instantiateStreaming` call resolved (wrapped by the page, not changed).
- **Intent** is a real pointer move (WebDriver) onto the placeholder of `bench-intent.html`, whose \
loader has `data-load=\"intent\"`; before it the benchmark checks that nothing of the widget was \
fetched and no API request made. Times run from the `pointerover` event's timestamp.
- **Donor flow.** Real WebDriver clicks and typing. *Dialog visible*: from the click event to the \
first rendered frame with the dialog open and laid out. *create-link sent*: from the submit click to \
the `fetch` start in resource timing (the CORS preflight is inside the request's duration). \
*Navigation started*: the Navigation API's `navigate` event. The checkout page's own navigation \
timing gives the rest. The sandbox's request log must show exactly one `create-link` with the typed \
details, and the checkout page its \"Complete donation\" button.
- **Long tasks** are `longtask` performance entries (over 50 ms) overlapping the scenario: page load \
to all interactive, intent to interactive, click on Donate to the navigation.
- **Fast 3G early click.** DevTools' network emulation (`Network.emulateNetworkConditions`: \
562.5 ms latency per request, 1.44 Mbit/s down, 675 kbit/s up) from before the navigation; the \
embed's files are served brotli-compressed (`.br` copies beside them, as a CDN serves them). A real \
WebDriver click lands 300 ms after the placeholder's first rendered frame, on the placeholder or on \
the widget's button, whichever is there. *Donation form visible* is the first rendered frame with \
the dialog open and its `form.sir-form` laid out. *Requests* counts the embed's and the API's \
requests that started before then (resource timing) plus one CORS preflight for each API path the \
sandbox received an `OPTIONS` for; *round trips in sequence* is the longest chain of those requests \
each starting after the previous one ended, a preflight counting as one more.
- **Layout shift (CLS)** is Chromium's: the largest session window (shifts under 1 s apart, at most \
5 s) of `layout-shift` entries without recent input, from the page's start until the widgets are \
interactive and the browser has been idle twice.
- **Main thread at 4× CPU.** DevTools' CPU throttling (`Emulation.setCPUThrottlingRate`, rate 4) from \
before the navigation; `Performance.getMetrics` read just before the navigation and once the widget \
is interactive and the browser idle twice: the difference in `TaskDuration` (all main-thread tasks), \
and in `ScriptDuration`, `V8CompileDuration`, `RecalcStyleDuration` and `LayoutDuration`, minus the \
same for `pkg-demo/bench-empty.html` (the benchmark page with no widget and no loader) in its own \
fresh browser.
- **Above the empty page.** Each page run first measures `pkg-demo/bench-empty.html` in its own \
fresh browser; *JS heap + wasm memory above the empty page* is the page's JS heap plus the wasm \
module's memory, minus the empty page's JS heap, after the same forced garbage collections.
- **Memory** is taken after two forced garbage collections (DevTools `HeapProfiler.collectGarbage`): \
JS heap used, DOM nodes and JS event listeners from `Performance.getMetrics`, and the wasm module's \
linear memory (`memory.buffer.byteLength`, read through the glue module the loader initialised). \
Removing widgets removes every `<sir-donate>`; the loader unmounts and frees each. WebAssembly memory \
never shrinks, so it stays at its high-water mark after removal. The page scenarios then mount and \
remove all widgets twice more: the second cycle still warms up (compiled code, caches), so a leak \
shows as growth from the second cycle to the third. Nodes and listeners should return to the page's \
own; a few kB of JS heap per cycle are resource-timing entries (the logos are fetched again) and \
engine noise.
- **Sizes** are of the release `dist/` files (`gzip -9`, `brotli -q 11`), as a CDN would serve them \
compressed. The widget's CSS is compiled into the wasm and counted there too.";

impl Report {
    /// BENCH.md: the latest table, the machine, and how to reproduce.
    pub fn markdown(&self) -> String {
        let mut m = String::new();
        let _ = writeln!(m, "# Benchmark\n");
        let _ = writeln!(
            m,
            "The release script-tag embed (`dist/`) in headless Chromium, on loopback against the local \
             sir-sandbox. Generated by `scripts/bench.sh` on {}: {} runs per scenario, median with the \
             spread p25–p75 and min–max. The numbers are for comparing builds on one machine, not a \
             promise about visitors' devices or networks.\n",
            self.generated, self.runs
        );
        let _ = writeln!(m, "## Reproduce\n");
        let _ = writeln!(
            m,
            "```bash\nscripts/bench.sh              # setup, release build of dist/, then the measurement\n\
             scripts/bench.sh --runs 10    # more runs (or SIR_BENCH_RUNS=10)\n\
             scripts/bench.sh --widgets 1,10,100,500\n\
             scripts/bench.sh --only early-click,cpu   # some scenarios only\n```\n"
        );
        let _ = writeln!(
            m,
            "It installs what it needs (`scripts/setup.sh`), builds `dist/` (`scripts/build-dist.sh`), \
             serves `pkg-demo/` and `dist/` from `target/bench/site/`, prints the tables, writes every \
             sample to `target/bench/bench.json` and rewrites this file. It fails only if something does \
             not work (a widget never becomes interactive, a request is missing); timings never fail it. \
             This run took {:.0} s after the build.\n",
            self.seconds
        );
        let peers = self.peers_markdown();
        if !self.beside_peers().is_empty() {
            let _ = writeln!(m, "## Beside every.org\n");
            let _ = writeln!(
                m,
                "every.org's donate button is the peer to beat. Its figures are **reference values**, measured \
                 once on 2026-11-30 on this kind of machine (every.org donate button 0.4 `button.js` and our \
                 release dist on the same host page, headless Chromium, loopback, brotli, 5 runs alternating; \
                 every.org's servers replaced by a local stub, its Stripe.js and font requests failing, so they \
                 are a lower bound). every.org's code is not part of this repository and is not re-measured \
                 here. Ours are this run's medians (details in the sections below); lower is better for every \
                 figure, and a ratio below 1 means ours is lower.\n"
            );
            let _ = writeln!(m, "{peers}");
        }
        let _ = writeln!(m, "## Machine\n\n| | |\n|---|---|");
        for (k, v) in self.machine.rows() {
            let _ = writeln!(m, "| {k} | {v} |");
        }
        let _ = writeln!(m, "\n## Sizes\n\n| Part | File | Raw | gzip -9 | brotli -q 11 |\n|---|---|---:|---:|---:|");
        for r in &self.sizes {
            let _ = writeln!(
                m,
                "| {} | `{}` | {} | {} | {} |",
                r.part,
                r.file,
                thousands(r.raw),
                thousands(r.gzip),
                thousands(r.brotli)
            );
        }
        let total = |f: fn(&SizeRow) -> u64| self.sizes.iter().filter(|r| !r.part.starts_with("CSS")).map(f).sum();
        let _ = writeln!(
            m,
            "| **Total on the wire** | loader + glue + wasm | {} | {} | {} |",
            thousands(total(|r| r.raw)),
            thousands(total(|r| r.gzip)),
            thousands(total(|r| r.brotli))
        );
        if let Some((header, rows)) = self.page_summary() {
            let _ = writeln!(
                m,
                "\n## Pages with {} widgets\n",
                header.iter().map(|h| h.split(' ').next().unwrap_or_default()).collect::<Vec<_>>().join(", ")
            );
            let _ = writeln!(m, "Median (min–max) over the runs; details of each in the sections below.\n");
            let _ = writeln!(m, "| | {} |", header.join(" | "));
            let _ = writeln!(m, "|---|{}", "---:|".repeat(header.len()));
            for (label, cells) in rows {
                let _ = writeln!(m, "| {label} | {} |", cells.join(" | "));
            }
        }
        for sc in &self.scenarios {
            let _ = writeln!(m, "\n## {}\n\n{}.\n", sc.title, sc.what);
            let _ = writeln!(m, "| Metric | Median | p25–p75 | min–max |\n|---|---:|---:|---:|");
            for metric in &sc.metrics {
                if let Some(s) = metric.summary() {
                    let _ = writeln!(
                        m,
                        "| {} | {} | {} | {} |",
                        metric.label.replace('|', "\\|"),
                        metric.unit.format(s.median),
                        range(metric.unit, s.p25, s.p75),
                        range(metric.unit, s.min, s.max)
                    );
                }
            }
        }
        let _ = writeln!(m, "\n## How it measures\n\n{METHOD}");
        m
    }
}
