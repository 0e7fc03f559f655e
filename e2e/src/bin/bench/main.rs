//! The benchmark: the release script-tag embed (`dist/`) in headless Chromium over WebDriver,
//! on loopback against an in-process sir-sandbox. `scripts/bench.sh` builds everything and runs
//! this; see `BENCH.md` for what each number means.
//!
//! Scenarios, each run in a fresh browser (new profile, cache disabled) against a reset sandbox:
//! - `page-N` (N = 1, 10, 100 by default): `pkg-demo/bench.html?n=N`, the default embed (the
//!   widget loads when the browser is idle): time to all placeholders, to all widgets
//!   interactive, long tasks, then memory after mount, after removing every widget, and after
//!   two more mount / remove cycles;
//! - `intent`: `pkg-demo/bench-intent.html` (`data-load="intent"`): nothing is fetched until a
//!   real pointer moves onto the placeholder; then glue and wasm fetched, compiled, mounted;
//! - `donate`: the pointer moves onto Donate and rests there [`HOVER`] before a real click, as a
//!   mouse user's does; the dialog, typing, a real click on submit, the `create-link` request and
//!   the navigation to the sandbox's checkout page.
//!
//! The page records its own timings (`pkg-demo/bench.js`); this program drives the browser,
//! checks that every step really happened (elements, requests in the sandbox's log), reads the
//! numbers and reports medians and spreads. It never judges a timing: it fails only when
//! something does not work.
//!
//! Usage: `bench [--runs N] [--widgets 1,10,100] [--site DIR] [--out DIR] [--bench-md FILE]`
//! (`SIR_BENCH_RUNS`, `SIR_BENCH_WIDGETS`, `SIR_BENCH_SITE` also work).

mod report;
mod stats;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use fantoccini::Client;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::elements::Element;
use serde_json::{Value, json};
use sir_e2e::{Driver, Result, SessionOptions, cdp, element_of, start_sandbox};
use sir_sandbox::RunningSandbox;

use crate::report::{Machine, Report, SizeRow};
use crate::stats::{Samples, Scenario};

/// How long the widget may take to load (download, compile, config). The sandbox answers on
/// loopback, so this is only reached when something is broken.
const MOUNT: Duration = Duration::from_secs(90);
/// How long the pointer rests on Donate before the click in the donor flow: a short hover for a
/// person (they take 300 ms or more from reaching a button to clicking it).
const HOVER: Duration = Duration::from_millis(300);
/// For what follows a click at once (a dialog opening, a navigation).
const SOON: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);

/// `window.__bench` as JSON text (its functions left out), with the time origin, the widgets'
/// state now, whether any loader fell back, and the resource entries of the embed and the API.
const SNAPSHOT: &str = r#"
const B = window.__bench;
if (!B) return null;
const { add, remove, state, watch, ...data } = B;
const keep = /\/sir-donate[^/]*\.(js|wasm)$|\/v1\/partner\//;
const resources = performance.getEntriesByType('resource')
  .filter(e => keep.test(e.name.split(/[?#]/)[0]))
  .map(e => ({ name: e.name, start: e.startTime, end: e.responseEnd, type: e.initiatorType }));
const fallback = [...document.querySelectorAll('sir-donate')]
  .filter(el => el.shadowRoot && [...el.shadowRoot.children].some(c => c.matches('a, button:disabled'))).length;
return JSON.stringify({ ...data, timeOrigin: performance.timeOrigin, state: state(), fallback, resources });
"#;

/// Resolves once the page has loaded and the browser has been idle twice since.
const SETTLE_IDLE: &str = r#"
const done = arguments[arguments.length - 1];
const idle = f => requestIdleCallback(f, { timeout: 5000 });
const loaded = document.readyState === 'complete'
  ? Promise.resolve() : new Promise(r => addEventListener('load', r, { once: true }));
loaded.then(() => idle(() => idle(() => done(true))));
"#;

/// Resolves after two rendered frames and a short pause: time for unmounting to finish.
const SETTLE_FRAMES: &str = r#"
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(true), 300)));
"#;

/// The wasm module's linear memory in bytes, read through the glue: importing the same URL
/// returns the module instance the loader already initialised, and its init function then
/// returns the existing exports without fetching anything. The dist shortens export names, so
/// the memory is found by its type.
const WASM_MEMORY: &str = r#"
const done = arguments[arguments.length - 1];
const glue = performance.getEntriesByType('resource').map(e => e.name)
  .find(n => /\/sir-donate\.[0-9a-f]+\.js$/.test(n.split(/[?#]/)[0]));
if (!glue) { done({ error: 'the glue was never fetched' }); return; }
import(glue)
  .then(g => g.default({ module_or_path: glue.replace(/\.js$/, '.wasm') }))
  .then(w => {
    const memory = Object.values(w).find(v => v instanceof WebAssembly.Memory);
    if (!memory) throw new Error('the wasm exports no memory');
    return memory.buffer.byteLength;
  })
  .then(bytes => done({ bytes }), e => done({ error: String(e) }));
"#;

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

/// Command-line and environment settings.
#[derive(Debug)]
struct Config {
    runs: usize,
    widgets: Vec<usize>,
    site: PathBuf,
    out: PathBuf,
    bench_md: PathBuf,
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the e2e crate is in the workspace").to_path_buf()
}

impl Config {
    fn parse() -> Result<Config> {
        let root = workspace_root();
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let mut runs = env("SIR_BENCH_RUNS").unwrap_or_else(|| "5".into());
        let mut widgets = env("SIR_BENCH_WIDGETS").unwrap_or_else(|| "1,10,100".into());
        let mut site = env("SIR_BENCH_SITE").map(PathBuf::from).unwrap_or_else(|| root.join("target/bench/site"));
        let mut out = root.join("target/bench");
        let mut bench_md = root.join("BENCH.md");
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
            match arg.as_str() {
                "--runs" => runs = value()?,
                "--widgets" => widgets = value()?,
                "--site" => site = value()?.into(),
                "--out" => out = value()?.into(),
                "--bench-md" => bench_md = value()?.into(),
                "-h" | "--help" => {
                    println!("usage: bench [--runs N] [--widgets 1,10,100] [--site DIR] [--out DIR] [--bench-md FILE]");
                    std::process::exit(0);
                }
                other => return Err(format!("unknown argument {other:?} (try --help)").into()),
            }
        }
        let runs: usize = runs.parse().map_err(|_| format!("--runs: not a number: {runs:?}"))?;
        if runs == 0 {
            return Err("--runs must be at least 1".into());
        }
        let widgets = widgets
            .split(',')
            .map(|w| w.trim().parse::<usize>().ok().filter(|n| (1..=1000).contains(n)))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| format!("--widgets: a comma-separated list of counts from 1 to 1000, not {widgets:?}"))?;
        let has = |p: &str| site.join(p).is_file();
        if !has("pkg-demo/bench.html") || !has("pkg-demo/bench-intent.html") || !has("dist/sir-donate.js") {
            return Err(format!(
                "{} is not a benchmark site (pkg-demo/ and a built dist/): run scripts/bench.sh, which builds it",
                site.display()
            )
            .into());
        }
        Ok(Config { runs, widgets, site, out, bench_md })
    }
}

async fn run() -> Result<()> {
    let config = Config::parse()?;
    let started = Instant::now();
    let sizes = report::sizes(&config.site.join("dist"), &workspace_root().join("target/dist-build/widget.min.css"))?;

    let sandbox = start_sandbox(Some(config.site.clone())).await?;
    let driver = Driver::start().await?;
    let bench = Bench { sandbox: &sandbox, driver: &driver, http: reqwest::Client::builder().no_proxy().build()? };
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

struct Bench<'a> {
    sandbox: &'a RunningSandbox,
    driver: &'a Driver,
    http: reqwest::Client,
}

impl Bench<'_> {
    async fn all(&self, config: &Config, sizes: Vec<SizeRow>) -> Result<Report> {
        let mut scenarios: Vec<Scenario> = config
            .widgets
            .iter()
            .map(|&n| {
                Scenario::new(
                    format!("page-{n}"),
                    format!("Page with {n} widget{}", if n == 1 { "" } else { "s" }),
                    format!(
                        "pkg-demo/bench.html?n={n}: the default embed (the widget loads when the browser is idle); \
                         times from t0, the moment just before the loader's script tag"
                    ),
                )
            })
            .collect();
        scenarios.push(Scenario::new(
            "intent",
            "Load on intent",
            "pkg-demo/bench-intent.html (data-load=\"intent\"): nothing fetched until a real pointer moves onto \
             the placeholder; times from that pointerover event",
        ));
        scenarios.push(Scenario::new(
            "donate",
            "Donor flow",
            "pkg-demo/bench.html?n=1 once interactive: the pointer rests on Donate for 300 ms, as a mouse user's \
             does, then a real click; typing, a real click on submit, checkout in redirect mode",
        ));

        // One unrecorded run first: the first browser start on a machine reads everything from disk.
        eprintln!("bench: warm-up run");
        self.page(1).await?;
        let mut machine = Machine::probe();
        for run in 1..=config.runs {
            for (i, &n) in config.widgets.iter().enumerate() {
                eprintln!("bench: run {run}/{}: page with {n} widget(s)", config.runs);
                let (samples, version) = self.page(n).await?;
                machine.chromium.get_or_insert(version);
                scenarios[i].record(samples);
            }
            let k = config.widgets.len();
            eprintln!("bench: run {run}/{}: load on intent", config.runs);
            scenarios[k].record(self.intent().await?);
            eprintln!("bench: run {run}/{}: donor flow", config.runs);
            scenarios[k + 1].record(self.donate().await?);
        }
        Ok(Report { runs: config.runs, machine, sizes, scenarios, seconds: 0.0, generated: report::utc_now() })
    }

    /// A fresh sandbox state and a fresh browser: new profile, cache disabled, metrics on.
    async fn session(&self) -> Result<Client> {
        let reset = self.http.post(format!("{}/__sandbox/reset", self.sandbox.api_url())).send().await?;
        if !reset.status().is_success() {
            return Err(format!("POST /__sandbox/reset: {}", reset.status()).into());
        }
        let client = self.driver.session(SessionOptions::DESKTOP).await?;
        let setup = async {
            cdp(&client, "Network.enable", json!({})).await?;
            cdp(&client, "Network.setCacheDisabled", json!({ "cacheDisabled": true })).await?;
            cdp(&client, "Performance.enable", json!({})).await?;
            cdp(&client, "HeapProfiler.enable", json!({})).await?;
            Result::<()>::Ok(())
        };
        if let Err(e) = setup.await {
            let _ = client.close().await;
            return Err(e);
        }
        Ok(client)
    }

    fn page_url(&self, page: &str) -> String {
        format!("{}/pkg-demo/{page}", self.sandbox.static_url())
    }

    /// `(method, path, body)` of the non-preflight API requests the sandbox received.
    async fn api_calls(&self) -> Result<Vec<(String, String, Value)>> {
        let answer = self.http.get(format!("{}/__sandbox/requests", self.sandbox.api_url())).send().await?;
        if !answer.status().is_success() {
            return Err(format!("GET /__sandbox/requests: {}", answer.status()).into());
        }
        let log: Vec<Value> = answer.json().await?;
        Ok(log
            .into_iter()
            .filter(|r| r["method"] != "OPTIONS")
            .map(|r| {
                let s = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
                (s("method"), s("path"), r["body"].clone())
            })
            .collect())
    }

    /// One run of a page with `n` widgets; also returns the browser's version.
    async fn page(&self, n: usize) -> Result<(Samples, String)> {
        let client = self.session().await?;
        let result = self.page_in(&client, n).await;
        let _ = client.close().await;
        result.map_err(|e| format!("page with {n} widget(s): {e}").into())
    }

    async fn page_in(&self, client: &Client, n: usize) -> Result<(Samples, String)> {
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
        let distinct: std::collections::BTreeSet<&str> = gets.iter().copied().collect();
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

        let mounted = memory(client).await?;
        mounted.record(&mut s, "mounted", "after mount");

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

    /// One run of the load-on-intent page.
    async fn intent(&self) -> Result<Samples> {
        let client = self.session().await?;
        let result = self.intent_in(&client).await;
        let _ = client.close().await;
        result.map_err(|e| format!("load on intent: {e}").into())
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
        let placeholder = element(
            client,
            "const o = document.querySelector('sir-donate').shadowRoot; \
             return o && [...o.children].find(c => c.matches('button'));",
        )
        .await?
        .ok_or("no placeholder button")?;
        let mut s = Samples::default();
        let idle = memory(client).await?;
        s.bytes("js-heap-placeholder", "JS heap, placeholder only (before intent)", idle.js_heap);

        let mouse = MouseActions::new("mouse".to_owned()).then(PointerAction::MoveToElement {
            element: placeholder,
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        client.perform_actions(mouse).await?;
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

    /// One run of the donor flow, to the checkout page.
    async fn donate(&self) -> Result<Samples> {
        let client = self.session().await?;
        let result = self.donate_in(&client).await;
        let _ = client.close().await;
        result.map_err(|e| format!("donor flow: {e}").into())
    }

    async fn donate_in(&self, client: &Client) -> Result<Samples> {
        client.goto(&self.page_url("bench.html?n=1")).await?;
        wait_marks(client, &["ready-painted"], MOUNT).await?.check_all_ready(1)?;
        settle_idle(client).await?;
        let inner = "const o = document.querySelector('sir-donate').shadowRoot;\
                     const w = o && o.querySelector('div.sir-donate'); const r = w && w.shadowRoot;";
        let button = element(client, &format!("{inner} return r && r.querySelector('button.sir-button');"))
            .await?
            .ok_or("no widget button")?;
        // A mouse user's pointer reaches the button before the click: the widget uses that moment
        // to get ready for the first open (see `Widget::prepare`), so the bench moves it there
        // first, as a person would, rather than teleporting a click onto the button.
        let hover = MouseActions::new("mouse".to_owned()).then(PointerAction::MoveToElement {
            element: button.clone(),
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        client.perform_actions(hover).await?;
        tokio::time::sleep(HOVER).await;
        button.click().await?;
        wait_marks(client, &["dialog-painted"], SOON).await?;
        let open = client
            .execute(
                &format!(
                    "{inner} const d = r.querySelector('dialog.sir-dialog'); \
                     return !!d && d.open && d.checkVisibility() && d.getBoundingClientRect().height > 100;"
                ),
                vec![],
            )
            .await?;
        if open != json!(true) {
            return Err("the dialog is not open and visible after the click".into());
        }
        for (css, text) in
            [("#sir-first-name", "Ada"), ("#sir-last-name", "Lovelace"), ("#sir-email", "ada@example.org")]
        {
            let field = element(client, &format!("{inner} return r.querySelector('{css}');"))
                .await?
                .ok_or_else(|| format!("no {css} in the dialog"))?;
            field.send_keys(text).await?;
        }
        let submit = element(client, &format!("{inner} return r.querySelector('button.sir-submit:enabled');"))
            .await?
            .ok_or("no enabled submit button")?;
        submit.click().await?;

        // The browser goes to the sandbox's checkout page.
        let prefix = format!("{}/checkout/", self.sandbox.api_url());
        let started = Instant::now();
        loop {
            let url = client.current_url().await?;
            let done = client.execute("return document.readyState === 'complete'", vec![]).await?;
            if url.as_str().starts_with(&prefix) && done == json!(true) {
                break;
            }
            if started.elapsed() > SOON {
                return Err(format!("no checkout page after {SOON:?}; the browser is at {url}").into());
            }
            tokio::time::sleep(POLL).await;
        }
        let checkout = client
            .execute(
                "const n = performance.getEntriesByType('navigation')[0];
                 const complete = [...document.querySelectorAll('button')].some(b => b.textContent.trim() === 'Complete donation');
                 return { timeOrigin: performance.timeOrigin, responseEnd: n.responseEnd, load: n.loadEventEnd, complete };",
                vec![],
            )
            .await?;
        if checkout["complete"] != json!(true) {
            return Err("the checkout page has no \"Complete donation\" button".into());
        }
        let created: Vec<Value> = self
            .api_calls()
            .await?
            .into_iter()
            .filter(|(m, p, _)| m == "POST" && p == "/v1/partner/donations/create-link")
            .map(|(_, _, body)| body)
            .collect();
        if created.len() != 1 || created[0]["firstName"] != "Ada" || created[0]["donorEmail"] != "ada@example.org" {
            return Err(format!("expected one create-link request with the typed details, got {created:?}").into());
        }

        // What the page recorded before it was left, kept in its origin's sessionStorage.
        client.goto(&self.page_url("index.html")).await?;
        let saved = client.execute("return sessionStorage.getItem('sir-bench')", vec![]).await?;
        let snap =
            Snapshot(serde_json::from_str(saved.as_str().ok_or("the bench page saved nothing when it was left")?)?);
        let links = snap.resource(Res::CreateLink)?;
        if links.len() != 1 {
            return Err(format!("expected one create-link fetch in resource timing: {links:?}").into());
        }
        let link = &links[0];
        let click = snap.mark("donate-click")?;
        let submit = snap.mark("submit-click")?;
        let nav = snap.opt_mark("navigate").map_or_else(|| snap.mark("beforeunload"), Ok)?;
        let abs = |t: f64| snap.0["timeOrigin"].as_f64().unwrap_or_default() + t;
        let checkout_at =
            |k: &str| checkout["timeOrigin"].as_f64().unwrap_or_default() + checkout[k].as_f64().unwrap_or(0.0);
        let mut s = Samples::default();
        s.ms("dialog", "click on Donate → dialog visible", snap.mark("dialog-painted")? - click);
        s.ms("create-link-sent", "submit → create-link request sent", link.start - submit);
        s.ms("create-link", "create-link request → response (with preflight)", link.end - link.start);
        s.ms("navigation", "response → navigation started", nav - link.end);
        s.ms("checkout-response", "navigation started → checkout page received", checkout_at("responseEnd") - abs(nav));
        s.ms("checkout-loaded", "submit → checkout page loaded", checkout_at("load") - abs(submit));
        snap.long_tasks(&mut s, click, nav);
        s.raw = snap.raw();
        s.raw["checkout"] = checkout;
        Ok(s)
    }
}

/// The widget files and API calls a page fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Res {
    Loader,
    Glue,
    Wasm,
    CreateLink,
}

#[derive(Debug, Clone)]
struct Fetch {
    start: f64,
    end: f64,
}

/// What `pkg-demo/bench.js` recorded (see [`SNAPSHOT`]).
struct Snapshot(Value);

impl Snapshot {
    /// The page's own record, for the JSON.
    fn raw(&self) -> Value {
        let keep = ["timeOrigin", "marks", "longtasks", "ready", "clicks", "resources"];
        Value::Object(keep.iter().map(|k| (k.to_string(), self.0[*k].clone())).collect())
    }

    fn opt_mark(&self, name: &str) -> Option<f64> {
        self.0["marks"][name].as_f64()
    }

    fn mark(&self, name: &str) -> Result<f64> {
        self.opt_mark(name).ok_or_else(|| format!("the page recorded no {name:?}: {}", self.0["marks"]).into())
    }

    fn resource(&self, which: Res) -> Result<Vec<Fetch>> {
        let list = self.0["resources"].as_array().ok_or("no resource entries recorded")?;
        Ok(list
            .iter()
            .filter_map(|e| {
                let name = e["name"].as_str()?;
                let path = name.split(['?', '#']).next().unwrap_or(name);
                let file = path.rsplit('/').next().unwrap_or(path);
                let hashed = |ext: &str| {
                    file.strip_prefix("sir-donate.")
                        .and_then(|f| f.strip_suffix(ext))
                        .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
                };
                let hit = match which {
                    Res::Loader => file == "sir-donate.js",
                    Res::Glue => hashed(".js"),
                    Res::Wasm => hashed(".wasm"),
                    Res::CreateLink => path.ends_with("/v1/partner/donations/create-link"),
                };
                hit.then(|| Fetch {
                    start: e["start"].as_f64().unwrap_or_default(),
                    end: e["end"].as_f64().unwrap_or_default(),
                })
            })
            .collect())
    }

    /// Long tasks overlapping `from`..`to`: count, total and longest duration.
    fn long_tasks(&self, s: &mut Samples, from: f64, to: f64) {
        let tasks: Vec<f64> = self.0["longtasks"]
            .as_array()
            .map(|l| {
                l.iter()
                    .filter_map(|t| Some((t["start"].as_f64()?, t["duration"].as_f64()?)))
                    .filter(|&(start, d)| start < to && start + d > from)
                    .map(|(_, d)| d)
                    .collect()
            })
            .unwrap_or_default();
        s.count("long-tasks", "long tasks (> 50 ms)", tasks.len() as f64);
        // `+ 0.0`: an empty float sum is -0.0.
        s.ms("long-tasks-total", "long tasks, total", tasks.iter().sum::<f64>() + 0.0);
        s.ms("long-tasks-max", "long tasks, longest", tasks.iter().copied().fold(0.0, f64::max));
    }

    /// Every widget reported ready, shows an enabled button, and nothing failed.
    fn check_all_ready(&self, n: usize) -> Result<()> {
        let st = &self.0["state"];
        let ok = st["count"] == json!(n) && st["ready"] == json!(n) && self.0["ready"].as_u64() >= Some(n as u64);
        if !ok {
            return Err(
                format!("not all {n} widgets are interactive: state {st}, ready events {}", self.0["ready"]).into()
            );
        }
        Ok(())
    }

    fn failure(&self) -> Option<String> {
        let errors = self.0["errors"].as_array().map(Vec::len).unwrap_or(0);
        if errors > 0 {
            return Some(format!("the page reported errors: {}", self.0["errors"]));
        }
        if self.0["fallback"].as_u64().unwrap_or(0) > 0 {
            return Some("the loader fell back (the widget could not load)".into());
        }
        None
    }
}

async fn snapshot(client: &Client) -> Result<Snapshot> {
    let text = client.execute(SNAPSHOT, vec![]).await?;
    let text = text.as_str().ok_or("the page has no window.__bench (not a benchmark page?)")?;
    Ok(Snapshot(serde_json::from_str(text)?))
}

/// Polls the page's record until it has every mark in `marks`; fails at once on an error.
async fn wait_marks(client: &Client, marks: &[&str], timeout: Duration) -> Result<Snapshot> {
    let started = Instant::now();
    loop {
        // The page may not have run bench.js yet right after a navigation.
        if let Ok(snap) = snapshot(client).await {
            if let Some(failure) = snap.failure() {
                return Err(failure.into());
            }
            if marks.iter().all(|m| snap.opt_mark(m).is_some()) {
                return Ok(snap);
            }
            if started.elapsed() > timeout {
                return Err(format!(
                    "waited {timeout:?} for {marks:?}; the page has {} with widgets {}",
                    snap.0["marks"], snap.0["state"]
                )
                .into());
            }
        } else if started.elapsed() > timeout {
            return Err(format!("waited {timeout:?} for the benchmark page").into());
        }
        tokio::time::sleep(POLL).await;
    }
}

async fn settle_idle(client: &Client) -> Result<()> {
    client.execute_async(SETTLE_IDLE, vec![]).await?;
    Ok(())
}

async fn settle_frames(client: &Client) -> Result<()> {
    client.execute_async(SETTLE_FRAMES, vec![]).await?;
    Ok(())
}

async fn check_removed(client: &Client) -> Result<()> {
    let left = client.execute("return document.querySelectorAll('sir-donate').length", vec![]).await?;
    if left != json!(0) {
        return Err(format!("{left} <sir-donate> elements left after removing them all").into());
    }
    Ok(())
}

/// The element a script returns, as one WebDriver can click and type into; `None` for null.
async fn element(client: &Client, script: &str) -> Result<Option<Element>> {
    element_of(client, client.execute(script, vec![]).await?)
}

/// Memory after two full garbage collections.
#[derive(Debug, Clone, Copy)]
struct Memory {
    js_heap: f64,
    nodes: f64,
    listeners: f64,
    wasm: f64,
}

impl Memory {
    fn record(&self, s: &mut Samples, id: &'static str, when: &str) {
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

async fn memory(client: &Client) -> Result<Memory> {
    for _ in 0..2 {
        cdp(client, "HeapProfiler.collectGarbage", json!({})).await?;
    }
    let metrics = cdp(client, "Performance.getMetrics", json!({})).await?;
    let metric = |name: &str| -> Result<f64> {
        metrics["metrics"]
            .as_array()
            .and_then(|l| l.iter().find(|m| m["name"] == name))
            .and_then(|m| m["value"].as_f64())
            .ok_or_else(|| format!("Performance.getMetrics has no {name}: {metrics}").into())
    };
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
