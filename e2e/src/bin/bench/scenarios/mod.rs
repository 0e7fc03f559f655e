//! The scenarios, each run in a fresh browser against a reset sandbox: a page with N widgets
//! (`page`), load on intent (`intent`) and the donor flow (`donate`). Each checks that every step
//! really happened and returns the run's [`Samples`](crate::stats::Samples); [`Bench::all`] runs
//! them all.

mod cpu;
mod donate;
mod empty;
mod inline;
mod intent;
mod page;
mod slow_network;

use std::time::Duration;

use fantoccini::Client;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::elements::Element;
use serde_json::{Value, json};
use sir_e2e::{Driver, Result, SessionOptions, cdp, element_of};
use sir_sandbox::RunningSandbox;

use crate::config::Config;
use crate::machine::Machine;
use crate::record::{Res, Snapshot};
use crate::report::{Report, utc_now};
use crate::round_trips::{Request, round_trips};
use crate::sizes::SizeRow;
use crate::stats::Scenario;

/// How long the widget may take to load (download, compile, config). The sandbox answers on
/// loopback, so this is only reached when something is broken.
pub const MOUNT: Duration = Duration::from_secs(90);
/// How long the pointer rests on Donate before the click in the donor flow: a short hover for a
/// person (they take 300 ms or more from reaching a button to clicking it).
pub const HOVER: Duration = Duration::from_millis(300);
/// For what follows a click at once (a dialog opening, a navigation).
pub const SOON: Duration = Duration::from_secs(30);
/// Pause between two polls of the page.
pub const POLL: Duration = Duration::from_millis(50);

const SETTLE_IDLE: &str = include_str!("../../../../js/bench/settle_idle.js");
const SETTLE_FRAMES: &str = include_str!("../../../../js/bench/settle_frames.js");

/// What every scenario runs against: the sandbox, the chromedriver that opens a fresh browser
/// for each run, and an HTTP client for the sandbox's control API.
pub struct Bench<'a> {
    sandbox: &'a RunningSandbox,
    driver: &'a Driver,
    http: reqwest::Client,
}

impl<'a> Bench<'a> {
    pub fn new(sandbox: &'a RunningSandbox, driver: &'a Driver) -> Result<Bench<'a>> {
        Ok(Bench { sandbox, driver, http: reqwest::Client::builder().no_proxy().build()? })
    }

    /// Every scenario (or those `config.only` names), `config.runs` times after one warm-up run,
    /// and the report of it all.
    pub async fn all(&self, config: &Config, sizes: Vec<SizeRow>) -> Result<Report> {
        let mut scenarios: Vec<Scenario> = Vec::new();
        if config.runs_scenario("page") {
            for &n in &config.widgets {
                scenarios.push(Scenario::new(
                    format!("page-{n}"),
                    format!("Page with {n} widget{}", if n == 1 { "" } else { "s" }),
                    format!(
                        "pkg-demo/bench.html?n={n}: the default embed (the widget loads when the browser is idle); \
                         times from t0, the moment just before the loader's script tag; memory and main-thread \
                         time above the same page without widget or loader (pkg-demo/bench-empty.html)"
                    ),
                ));
            }
        }
        if config.runs_scenario("early-click") {
            scenarios.push(Scenario::new(
                "early-click",
                "Early click on Fast 3G",
                "pkg-demo/bench.html?n=1 on DevTools' Fast 3G profile (562.5 ms latency per request, 1.44 Mbit/s \
                 down): a real click 300 ms after the placeholder paints, whether the widget has loaded or not; \
                 times from t0",
            ));
        }
        if config.runs_scenario("inline") {
            scenarios.push(Scenario::new(
                "inline",
                "Inline form",
                "pkg-demo/bench.html?n=1&mode=inline: one inline form, the default embed; times from t0",
            ));
        }
        if config.runs_scenario("cpu") {
            scenarios.push(Scenario::new(
                "cpu",
                "Main thread at 4× CPU slowdown",
                "pkg-demo/bench.html?n=1 with DevTools' CPU throttling at 4× until the widget is interactive \
                 and the browser idle, against pkg-demo/bench-empty.html the same way: main-thread task time \
                 (DevTools' TaskDuration) above the empty page's",
            ));
        }
        if config.runs_scenario("intent") {
            scenarios.push(Scenario::new(
                "intent",
                "Load on intent",
                "pkg-demo/bench-intent.html (data-load=\"intent\"): nothing fetched until a real pointer moves onto \
                 the placeholder; times from that pointerover event",
            ));
        }
        if config.runs_scenario("donate") {
            scenarios.push(Scenario::new(
                "donate",
                "Donor flow",
                "pkg-demo/bench.html?n=1 once interactive: the pointer rests on Donate for 300 ms, as a mouse user's \
                 does, then a real click; typing, a real click on submit, checkout in redirect mode",
            ));
        }

        // One unrecorded run first: the first browser start on a machine reads everything from disk.
        eprintln!("bench: warm-up run");
        let (_, version) = self.page(1).await?;
        let mut machine = Machine::probe();
        machine.chromium = Some(version);
        for run in 1..=config.runs {
            for scenario in scenarios.iter_mut() {
                eprintln!("bench: run {run}/{}: {}", config.runs, scenario.title);
                let samples = match scenario.id.as_str() {
                    "early-click" => self.early_click().await?,
                    "cpu" => self.cpu().await?,
                    "inline" => self.inline().await?,
                    "intent" => self.intent().await?,
                    "donate" => self.donate().await?,
                    page => {
                        let n = page.trim_start_matches("page-").parse().map_err(|_| format!("no scenario {page}"))?;
                        self.page(n).await?.0
                    }
                };
                scenario.record(samples);
            }
        }
        Ok(Report { runs: config.runs, machine, sizes, scenarios, seconds: 0.0, generated: utc_now() })
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

    /// The requests of the embed and the API that started before `until` on the page's clock,
    /// preflights included, and how many round trips they took in sequence.
    async fn requests_before(&self, snap: &Snapshot, until: f64) -> Result<(usize, usize)> {
        let preflighted = self.preflighted_paths().await?;
        let mut requests = Vec::new();
        for which in [Res::Loader, Res::Glue, Res::Wasm, Res::Api] {
            for f in snap.resource(which)? {
                if f.start < until {
                    let preflight = which == Res::Api && preflighted.contains(&f.path);
                    requests.push(Request { start: f.start, end: f.end, preflight });
                }
            }
        }
        let preflights = requests.iter().filter(|r| r.preflight).count();
        Ok((requests.len() + preflights, round_trips(&requests)))
    }

    /// Every API request the sandbox received since its reset, preflights included.
    async fn request_log(&self) -> Result<Vec<Value>> {
        let answer = self.http.get(format!("{}/__sandbox/requests", self.sandbox.api_url())).send().await?;
        if !answer.status().is_success() {
            return Err(format!("GET /__sandbox/requests: {}", answer.status()).into());
        }
        Ok(answer.json().await?)
    }

    /// The paths the browser sent a CORS preflight (`OPTIONS`) for, as the sandbox received them.
    async fn preflighted_paths(&self) -> Result<Vec<String>> {
        let log = self.request_log().await?;
        Ok(log
            .iter()
            .filter(|r| r["method"] == "OPTIONS")
            .filter_map(|r| r["path"].as_str().map(str::to_owned))
            .collect())
    }

    /// `(method, path, body)` of the non-preflight API requests the sandbox received.
    async fn api_calls(&self) -> Result<Vec<(String, String, Value)>> {
        let log = self.request_log().await?;
        Ok(log
            .into_iter()
            .filter(|r| r["method"] != "OPTIONS")
            .map(|r| {
                let s = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
                (s("method"), s("path"), r["body"].clone())
            })
            .collect())
    }

    /// Runs `run` in a fresh browser ([`Bench::session`]) and closes the browser whatever
    /// happened; an error says which scenario (`what`) it came from.
    async fn in_fresh_browser<T>(&self, what: &str, run: impl AsyncFnOnce(&Client) -> Result<T>) -> Result<T> {
        let client = self.session().await?;
        let result = run(&client).await;
        let _ = client.close().await;
        result.map_err(|e| format!("{what}: {e}").into())
    }
}

/// Waits until the page has loaded and the browser has been idle twice since.
async fn settle_idle(client: &Client) -> Result<()> {
    client.execute_async(SETTLE_IDLE, vec![]).await?;
    Ok(())
}

/// Waits two rendered frames and a short pause: time for unmounting to finish.
async fn settle_frames(client: &Client) -> Result<()> {
    client.execute_async(SETTLE_FRAMES, vec![]).await?;
    Ok(())
}

/// Fails unless every `<sir-donate>` is gone from the page.
async fn check_removed(client: &Client) -> Result<()> {
    let left = client.execute("return document.querySelectorAll('sir-donate').length", vec![]).await?;
    if left != json!(0) {
        return Err(format!("{left} <sir-donate> elements left after removing them all").into());
    }
    Ok(())
}

/// The element a script returns, as one WebDriver can click and type into; `None` for null.
async fn element(client: &Client, script: &str, args: Vec<Value>) -> Result<Option<Element>> {
    element_of(client, client.execute(script, args).await?)
}

/// Moves the mouse pointer onto the centre of `element` (a real pointer move, no button pressed).
async fn hover(client: &Client, element: &Element) -> Result<()> {
    let mouse = MouseActions::new("mouse".to_owned()).then(PointerAction::MoveToElement {
        element: element.clone(),
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    client.perform_actions(mouse).await?;
    Ok(())
}
