//! The benchmark: the release script-tag embed (`dist/`) in headless Chromium over WebDriver,
//! on loopback against an in-process sir-sandbox. `scripts/bench.sh` builds everything and runs
//! this; see `BENCH.md` for what each number means.
//!
//! Scenarios, each run in a fresh browser (new profile, cache disabled) against a reset sandbox:
//! - `page-N` (N = 1, 10, 50 by default): `pkg-demo/bench.html?n=N`, the default embed (the
//!   widget loads when the browser is idle): time to all placeholders, to all widgets
//!   interactive, layout shift, requests and round trips, long tasks, then memory (above the
//!   empty page `pkg-demo/bench-empty.html` too) after mount, after removing every widget, and
//!   after two more mount / remove cycles;
//! - `early-click`: the same page with one widget on emulated Fast 3G, a real click 300 ms after
//!   the placeholder paints, until the donation form is visible;
//! - `inline`: one inline form, its layout shift;
//! - `cpu`: main-thread time at 4× CPU slowdown, above the empty page's;
//! - `intent`: `pkg-demo/bench-intent.html` (`data-load="intent"`): nothing is fetched until a
//!   real pointer moves onto the placeholder; then glue and wasm fetched, compiled, mounted;
//! - `donate`: the pointer moves onto Donate and rests there [`HOVER`](scenarios::HOVER) before a
//!   real click, as a mouse user's does; the dialog, typing, a real click on submit, the
//!   `create-link` request and the navigation to the sandbox's checkout page.
//!
//! The figures every.org was measured for are printed beside its reference values (`peers`).
//!
//! The page records its own timings (`pkg-demo/bench.js`); this program drives the browser,
//! checks that every step really happened (elements, requests in the sandbox's log), reads the
//! numbers and reports medians and spreads. It never judges a timing: it fails only when
//! something does not work.
//!
//! Usage: `bench [--runs N] [--widgets 1,10,50] [--only SCENARIOS] [--site DIR] [--out DIR]
//! [--bench-md FILE]` (`SIR_BENCH_RUNS`, `SIR_BENCH_WIDGETS`, `SIR_BENCH_ONLY`, `SIR_BENCH_SITE`
//! also work).
//!
//! The pieces: `config` (the settings), `scenarios` (driving the browser through each scenario),
//! `record` (what the page recorded), `memory` (what the browser holds), `stats` (samples and
//! their summaries), and the output: `sizes`, `machine`, `report` (the table and the JSON) and
//! `bench_md` (BENCH.md). The scripts sent to the page are in `e2e/js/bench/`.

mod bench_md;
mod config;
mod machine;
mod memory;
mod peers;
mod record;
mod report;
mod round_trips;
mod scenarios;
mod sizes;
mod stats;

use std::process::ExitCode;
use std::time::Instant;

use sir_e2e::{Driver, Result, start_sandbox, workspace_root};

use crate::config::Config;
use crate::scenarios::Bench;

#[tokio::main]
async fn main() -> ExitCode {
    // On Ctrl-C, dropping `run` stops the sandbox, chromedriver and every browser it started.
    let result = tokio::select! {
        result = run() => result,
        _ = tokio::signal::ctrl_c() => Err("interrupted".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<()> {
    let config = Config::parse()?;
    let started = Instant::now();
    let sizes = sizes::sizes(&config.site.join("dist"), &workspace_root().join("target/dist-build/widget.min.css"))?;

    let sandbox = start_sandbox(Some(config.site.clone())).await?;
    let driver = Driver::start().await?;
    let bench = Bench::new(&sandbox, &driver)?;
    let result = bench.all(&config, sizes).await;
    drop(driver);
    sandbox.shutdown().await;
    let mut report = result?;
    report.seconds = started.elapsed().as_secs_f64();

    print!("{}", report.table());
    std::fs::create_dir_all(&config.out)?;
    let json_path = config.out.join("bench.json");
    std::fs::write(&json_path, serde_json::to_string_pretty(&report.to_json())? + "\n")?;
    std::fs::write(&config.bench_md, report.markdown())?;
    eprintln!("bench: wrote {} and {}", json_path.display(), config.bench_md.display());
    Ok(())
}
