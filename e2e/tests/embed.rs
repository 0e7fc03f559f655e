//! End-to-end tests of the script-tag embed: the loader (`dist/sir-donate.js`), the wasm-bindgen
//! glue and the wasm widget on the `pkg-demo/` host pages, in headless Chromium over WebDriver,
//! against an in-process sir-sandbox that serves the assembled site and the API.
//!
//! The site is `$SIR_SITE_DIR`, else `target/site` of the workspace: `scripts/test.sh` builds it
//! (or by hand: `trunk build && scripts/build-dist.sh`, then `assemble_site` from
//! `scripts/lib.sh`). Needs chromedriver and Chromium (`scripts/setup.sh`; `CHROMEDRIVER` as in
//! `scripts/env.sh`).
//!
//! Every test starts its own sandbox (free ports), chromedriver and Chromium. Inside a
//! `<sir-donate>` element the loader's shadow root holds the placeholder `button`, then a `div`
//! holding the widget's host `div.sir-donate`, whose own (nested) shadow root holds the button,
//! the dialog and its form. Clicks and key presses go through WebDriver (trusted events); page
//! state is read with scripts.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{Value, json};
use sir_e2e::{Driver, SessionOptions, cdp, element_of, set_viewport, start_sandbox};
use sir_sandbox::RunningSandbox;
use sir_sandbox::fixture_keys;

/// How long the widget may take to download, compile and load its config. The sandbox answers
/// locally, so this is only reached when something is broken (or the machine is very busy).
const MOUNT: Duration = Duration::from_secs(60);
/// For things that follow a click at once (a dialog opening, a navigation starting).
const SOON: Duration = Duration::from_secs(20);
/// The return from checkout: the widget polls with backoff (1.5 s, 2.25 s, …) and the sandbox
/// rewards 1.5 s after completion.
const OUTCOME: Duration = Duration::from_secs(60);
/// How long a page is watched for a download that must not happen.
const QUIET: Duration = Duration::from_secs(2);
const POLL: Duration = Duration::from_millis(100);

/// Script helpers put in front of every page script: `outer(host)` is the loader's shadow root
/// of a `<sir-donate>` (a selector or an element), `inner(host)` the widget's nested one, `deep`
/// collects matches across every shadow root of the document, `downloads()` lists the widget
/// files fetched so far (the loader itself excluded).
const PRELUDE: &str = r#"
const hostOf = h => (typeof h === 'string' ? document.querySelector(h) : h);
const outer = h => { const e = hostOf(h); return e && e.shadowRoot; };
const inner = h => {
  const o = outer(h);
  const w = o && o.querySelector('.sir-donate');
  return w && w.shadowRoot;
};
// Children of the loader's shadow root matching `sel` (the placeholder, or its fallback).
const top = (h, sel) => { const o = outer(h); return o ? [...o.children].filter(e => e.matches(sel)) : []; };
const deep = (root, sel, out = []) => {
  root.querySelectorAll(sel).forEach(e => out.push(e));
  root.querySelectorAll('*').forEach(e => e.shadowRoot && deep(e.shadowRoot, sel, out));
  return out;
};
const downloads = () => {
  const names = performance.getEntriesByType('resource').map(e => e.name.split(/[?#]/)[0]);
  const file = n => n.split('/').pop();
  return {
    wasm: names.filter(n => n.endsWith('.wasm')),
    glue: names.filter(n => /^sir-donate\..+\.js$/.test(file(n))),
  };
};
const deepActive = () => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
};
"#;

/// Wraps `console.error` / `console.warn` and records uncaught errors, failed element loads and
/// unhandled rejections in `window.__errors` / `window.__warnings`, from the start of every
/// document (installed through the DevTools protocol, so it runs before any page script and is
/// not subject to the page's CSP).
const ERROR_RECORDER: &str = r#"(() => {
  const errors = (window.__errors = []), warnings = (window.__warnings = []);
  const text = args => args.map(a => {
    if (a instanceof Error) return a.stack || String(a);
    if (typeof a === 'string') return a;
    try { return JSON.stringify(a); } catch (e) { return String(a); }
  }).join(' ');
  const error = console.error.bind(console), warn = console.warn.bind(console);
  console.error = (...a) => { errors.push('console.error: ' + text(a)); error(...a); };
  console.warn = (...a) => { warnings.push('console.warn: ' + text(a)); warn(...a); };
  addEventListener('error', e => {
    const t = e.target;
    errors.push(t && t !== window ? 'failed to load ' + (t.src || t.href || t.tagName) : 'uncaught: ' + e.message);
  }, true);
  addEventListener('unhandledrejection', e => errors.push('unhandled rejection: ' + text([e.reason])));
})();"#;

/// One test's world: a sandbox serving the site, a chromedriver and one Chromium session.
/// Fields drop in order: the sandbox stops, then chromedriver is killed with its browsers.
struct World {
    sandbox: RunningSandbox,
    driver: Driver,
    client: Client,
    http: reqwest::Client,
}

impl World {
    async fn start() -> World {
        World::start_with(SessionOptions::DESKTOP).await
    }

    async fn start_with(opts: SessionOptions) -> World {
        let site = site_dir();
        let sandbox = start_sandbox(Some(site)).await.expect("sir-sandbox starts");
        let driver = Driver::start().await.expect("chromedriver starts");
        let client = driver.session(opts).await.expect("a Chromium session opens");
        let http = reqwest::Client::builder().no_proxy().build().expect("an HTTP client");
        World { sandbox, driver, client, http }
    }

    /// Closes the browser at once (a dropped client only schedules it), then stops the rest.
    async fn finish(self) {
        let World { sandbox, driver, client, http: _ } = self;
        let _ = client.close().await;
        drop(driver);
        sandbox.shutdown().await;
    }

    fn page_url(&self, page: &str) -> String {
        format!("{}/pkg-demo/{page}", self.sandbox.static_url())
    }

    async fn open(&self, page: &str) {
        self.client.goto(&self.page_url(page)).await.unwrap_or_else(|e| panic!("cannot open {page}: {e}"));
    }

    /// Runs `body` after [`PRELUDE`]; `arguments` are `args`.
    async fn js(&self, body: &str, args: Vec<Value>) -> Value {
        let script = format!("{PRELUDE}\n{body}");
        self.client.execute(&script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{body}"))
    }

    /// The element a script returns, as one WebDriver can click and type into; `None` for null.
    async fn element(&self, body: &str, args: Vec<Value>) -> Option<Element> {
        let found = self.js(body, args).await;
        element_of(&self.client, found).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Polls `body` until it returns something truthy (not null, false, 0, "" or []), and returns it.
    async fn wait_js(&self, what: &str, body: &str, args: Vec<Value>, timeout: Duration) -> Value {
        let started = Instant::now();
        loop {
            let value = self.js(body, args.clone()).await;
            if truthy(&value) {
                return value;
            }
            if started.elapsed() >= timeout {
                panic!("timed out after {timeout:?} waiting until {what} (last answer: {value})");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The first match of `css` in the widget's own (nested) shadow root inside `host`.
    async fn inner(&self, host: &str, css: &str) -> Option<Element> {
        self.element(
            "const r = inner(arguments[0]); return r ? r.querySelector(arguments[1]) : null;",
            vec![json!(host), json!(css)],
        )
        .await
    }

    async fn wait_inner(&self, host: &str, css: &str, timeout: Duration) -> Element {
        let started = Instant::now();
        loop {
            if let Some(element) = self.inner(host, css).await {
                return element;
            }
            if started.elapsed() >= timeout {
                let state = self.describe(host).await;
                panic!("timed out after {timeout:?} waiting for `{css}` in the widget of `{host}`; {state}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The first match of `css` in the loader's shadow root of `host` (the placeholder).
    async fn outer(&self, host: &str, css: &str) -> Option<Element> {
        self.element(
            "const r = outer(arguments[0]); return r ? r.querySelector(arguments[1]) : null;",
            vec![json!(host), json!(css)],
        )
        .await
    }

    /// What `host` holds now, for failure messages.
    async fn describe(&self, host: &str) -> String {
        let state = self
            .js(
                "const h = hostOf(arguments[0]);
                 if (!h) return 'no element ' + arguments[0];
                 const o = h.shadowRoot, i = inner(h);
                 return 'loader root: ' + (o ? o.innerHTML.slice(0, 400) : 'none') +
                   '; widget root: ' + (i ? i.innerHTML.slice(0, 400) : 'none') +
                   '; console errors: ' + JSON.stringify(window.__errors || 'not recorded');",
                vec![json!(host)],
            )
            .await;
        state.as_str().unwrap_or_default().to_owned()
    }

    /// Waits until the widget in `host` has loaded its config: its button is enabled. Fails at
    /// once if loading ended otherwise (the loader's fallback, or the widget's error note).
    async fn wait_mounted(&self, host: &str) -> Element {
        const STATE: &str = "const h = hostOf(arguments[0]), o = h && h.shadowRoot;
            const fallback = top(h, 'button:disabled, a')[0];
            if (fallback) return 'failed: the loader fell back to ' + fallback.outerHTML;
            const r = inner(h), b = r && r.querySelector('button.sir-button');
            if (b && !b.disabled) return 'mounted';
            const note = r && r.querySelector('.sir-note, .sir-config-error');
            if (note && (!b || b.getAttribute('aria-busy') === 'false'))
              return 'failed: the widget says ' + JSON.stringify(note.textContent);
            return 'loading';";
        let started = Instant::now();
        loop {
            let state = self.js(STATE, vec![json!(host)]).await;
            match state.as_str().unwrap_or_default() {
                "mounted" => return self.inner(host, "button.sir-button:enabled").await.expect("the enabled button"),
                "loading" if started.elapsed() < MOUNT => tokio::time::sleep(POLL).await,
                _ => {
                    let detail = self.describe(host).await;
                    panic!("the widget in `{host}` did not mount ({state}); {detail}");
                }
            }
        }
    }

    async fn dialog_open(&self, host: &str) -> bool {
        self.inner(host, "dialog.sir-dialog[open]").await.is_some()
    }

    async fn wait_dialog(&self, host: &str, open: bool) {
        let what = if open { "open" } else { "closed" };
        self.wait_js(
            &format!("the dialog of `{host}` is {what}"),
            "const r = inner(arguments[0]); const d = r && r.querySelector('dialog.sir-dialog');
             return !!d && d.open === arguments[1];",
            vec![json!(host), json!(open)],
            SOON,
        )
        .await;
    }

    /// Opens the dialog of a mounted widget with a real click on its button.
    async fn open_dialog(&self, host: &str) {
        self.wait_mounted(host).await.click().await.unwrap_or_else(|e| panic!("click on `{host}`: {e}"));
        self.wait_dialog(host, true).await;
    }

    /// The `value` of an input in the widget's dialog.
    async fn field_value(&self, host: &str, css: &str) -> String {
        let v = self
            .js("const r = inner(arguments[0]); const e = r && r.querySelector(arguments[1]); return e ? e.value : null;", vec![
                json!(host),
                json!(css),
            ])
            .await;
        v.as_str().unwrap_or_else(|| panic!("no `{css}` in the widget of `{host}`")).to_owned()
    }

    /// Types into the donor fields with WebDriver (which focuses each field first).
    async fn fill_donor(&self, host: &str, first: &str, last: &str, email: &str) {
        for (css, text) in [("#sir-first-name", first), ("#sir-last-name", last), ("#sir-email", email)] {
            let field = self.wait_inner(host, css, SOON).await;
            field.send_keys(text).await.unwrap_or_else(|e| panic!("typing into {css}: {e}"));
            assert_eq!(self.field_value(host, css).await, text, "{css} holds what was typed");
        }
    }

    /// The text of the widget's shadow root (button, dialog, outcome).
    async fn widget_text(&self, host: &str) -> String {
        let v = self.js("const r = inner(arguments[0]); return r ? r.textContent : '';", vec![json!(host)]).await;
        v.as_str().unwrap_or_default().to_owned()
    }

    async fn wait_text(&self, host: &str, text: &str, timeout: Duration) {
        self.wait_js(
            &format!("the widget of `{host}` shows {text:?}"),
            "const r = inner(arguments[0]); return !!r && r.textContent.includes(arguments[1]);",
            vec![json!(host), json!(text)],
            timeout,
        )
        .await;
    }

    /// (wasm files, glue files) the page has fetched so far.
    async fn downloads(&self) -> (Vec<String>, Vec<String>) {
        let v = self.js("return downloads();", vec![]).await;
        let list = |k: &str| -> Vec<String> {
            v[k].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect()
        };
        (list("wasm"), list("glue"))
    }

    async fn wait_url(&self, what: &str, ok: impl Fn(&url::Url) -> bool) -> url::Url {
        let started = Instant::now();
        loop {
            let url = self.client.current_url().await.expect("current URL");
            if ok(&url) {
                return url;
            }
            if started.elapsed() >= SOON {
                panic!("timed out after {SOON:?} waiting for {what}; the browser is at {url}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the browser shows the sandbox's checkout page and returns the donation id.
    async fn wait_checkout(&self) -> String {
        let prefix = format!("{}/checkout/", self.sandbox.api_url());
        let url = self.wait_url("the sandbox's checkout page", |u| u.as_str().starts_with(&prefix)).await;
        let id = url.path().trim_start_matches("/checkout/").to_owned();
        assert!(id.starts_with("pdn_"), "a donation id in the checkout URL {url}");
        wait_for_xpath(&self.client, "//button[normalize-space()='Complete donation']").await;
        id
    }

    /// Every `/v1/` request the sandbox received, oldest first (preflights included).
    async fn api_requests(&self) -> Vec<Value> {
        let url = format!("{}/__sandbox/requests", self.sandbox.api_url());
        let answer = self.http.get(url).send().await.expect("GET /__sandbox/requests");
        assert!(answer.status().is_success(), "GET /__sandbox/requests: {}", answer.status());
        answer.json::<Vec<Value>>().await.expect("a JSON array")
    }

    /// `(method, path)` of the non-preflight `/v1/` requests so far.
    async fn api_calls(&self) -> Vec<(String, String)> {
        self.api_requests()
            .await
            .iter()
            .filter(|r| r["method"] != "OPTIONS")
            .map(|r| (r["method"].as_str().unwrap().to_owned(), r["path"].as_str().unwrap().to_owned()))
            .collect()
    }

    /// Queues a sandbox fault (`POST /__sandbox/faults`).
    async fn fault(&self, fault: Value) {
        let url = format!("{}/__sandbox/faults", self.sandbox.api_url());
        let answer = self.http.post(url).json(&fault).send().await.expect("POST /__sandbox/faults");
        assert_eq!(answer.status().as_u16(), 201, "fault {fault} refused: {:?}", answer.text().await);
    }

    /// The donation's status as the partner API reports it.
    async fn donation_status(&self, id: &str) -> Value {
        let url = format!("{}/v1/partner/donations/status/{id}", self.sandbox.api_url());
        let answer =
            self.http.get(url).header("X-Partner-Key", fixture_keys::acme()).send().await.expect("status request");
        assert!(answer.status().is_success(), "status of {id}: {}", answer.status());
        answer.json().await.expect("status JSON")
    }

    /// Presses keys one after the other, with no element targeted: they go wherever focus is.
    async fn keys(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".to_owned());
        for &k in keys {
            actions = actions.then(KeyAction::Down { value: k }).then(KeyAction::Up { value: k });
        }
        self.client.perform_actions(actions).await.expect("key presses");
    }

    async fn type_text(&self, text: &str) {
        self.keys(&text.chars().collect::<Vec<_>>()).await;
    }

    /// A description of the focused element, through shadow roots: `tag#id.class`.
    async fn focused(&self) -> String {
        let v = self
            .js(
                "const a = deepActive();
                 if (!a) return '';
                 const host = a.getRootNode().host;
                 return a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') +
                   (typeof a.className === 'string' && a.className ? '.' + a.className.trim().split(/\\s+/).join('.') : '') +
                   (host ? ' in ' + host.tagName.toLowerCase() + (host.className ? '.' + host.className : '') : '');",
                vec![],
            )
            .await;
        v.as_str().unwrap_or_default().to_owned()
    }

    /// Presses Tab until `is_target(focused())`, at most `max` times; returns the presses made.
    async fn tab_to(&self, what: &str, max: usize, is_target: impl Fn(&str) -> bool) -> usize {
        let mut seen = Vec::new();
        for n in 1..=max {
            self.keys(&[Key::Tab.into()]).await;
            let now = self.focused().await;
            if is_target(&now) {
                return n;
            }
            seen.push(now);
        }
        panic!("{max} presses of Tab never reached {what}; focus went: {seen:?}");
    }

    /// Moves the mouse pointer onto the centre of `element` (no button pressed).
    async fn hover(&self, element: &Element) {
        let mouse = MouseActions::new("mouse".to_owned()).then(PointerAction::MoveToElement {
            element: element.clone(),
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        self.client.perform_actions(mouse).await.expect("pointer move");
    }

    /// Records console errors and warnings of every document loaded from now on (see
    /// [`ERROR_RECORDER`]).
    async fn record_errors(&self) {
        cdp(&self.client, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": ERROR_RECORDER }))
            .await
            .expect("Page.addScriptToEvaluateOnNewDocument");
    }

    async fn recorded(&self, what: &str) -> Vec<String> {
        let v = self.js(&format!("return window.{what} || null;"), vec![]).await;
        let list = v.as_array().unwrap_or_else(|| panic!("window.{what} was not recorded on this page"));
        list.iter().map(|s| s.as_str().unwrap_or_default().to_owned()).collect()
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    }
}

async fn wait_for_xpath(client: &Client, xpath: &str) -> Element {
    let started = Instant::now();
    loop {
        match client.find(Locator::XPath(xpath)).await {
            Ok(e) => return e,
            Err(e) if e.is_no_such_element() => {}
            Err(e) => panic!("looking for {xpath}: {e}"),
        }
        if started.elapsed() >= SOON {
            let url = client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
            panic!("timed out after {SOON:?} waiting for {xpath} at {url}");
        }
        tokio::time::sleep(POLL).await;
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the e2e crate is in the workspace").to_path_buf()
}

/// The assembled site: `$SIR_SITE_DIR`, else `target/site`.
fn site_dir() -> PathBuf {
    let dir =
        std::env::var_os("SIR_SITE_DIR").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("target/site"));
    let has_wasm = std::fs::read_dir(dir.join("dist"))
        .map(|files| files.flatten().any(|f| f.file_name().to_string_lossy().ends_with(".wasm")))
        .unwrap_or(false);
    assert!(
        dir.join("pkg-demo/basic.html").is_file() && dir.join("dist/sir-donate.js").is_file() && has_wasm,
        "{} is not an assembled site (pkg-demo/ and a built dist/): run scripts/test.sh, or build it with \
         `trunk build && scripts/build-dist.sh` and `assemble_site` from scripts/lib.sh (or set SIR_SITE_DIR)",
        dir.display()
    );
    dir
}

fn count(calls: &[(String, String)], method: &str, path: &str) -> usize {
    calls.iter().filter(|(m, p)| m == method && p == path).count()
}

// 1.
#[tokio::test]
async fn redirect_checkout_completes_and_the_widget_thanks_the_donor_on_return() {
    let w = World::start().await;
    w.open("basic.html").await;
    let host = "#basic-widget";
    w.open_dialog(host).await;
    w.fill_donor(host, "Ada", "Lovelace", "ada@example.org").await;
    w.wait_inner(host, "button.sir-submit:enabled", SOON).await.click().await.expect("click on the submit button");

    // The page itself goes to checkout.
    let id = w.wait_checkout().await;
    let created: Vec<Value> = w
        .api_requests()
        .await
        .into_iter()
        .filter(|r| r["method"] == "POST" && r["path"] == "/v1/partner/donations/create-link")
        .collect();
    assert_eq!(created.len(), 1, "one create-link request: {created:?}");
    let body = &created[0]["body"];
    assert_eq!(
        (&body["firstName"], &body["lastName"], &body["donorEmail"], &body["nonprofitSlug"]),
        (&json!("Ada"), &json!("Lovelace"), &json!("ada@example.org"), &json!("american-red-cross")),
        "what the widget sent: {body}"
    );
    assert_eq!(w.donation_status(&id).await["status"], "PENDING");

    wait_for_xpath(&w.client, "//button[normalize-space()='Complete donation']").await.click().await.unwrap();
    let back = wait_for_xpath(&w.client, "//button[@id='return-to-site']").await;
    assert_ne!(w.donation_status(&id).await["status"], "PENDING", "the checkout page completed the donation");
    back.click().await.expect("click on Return to the site");

    let page = w.page_url("basic.html");
    w.wait_url("the return to basic.html", |u| u.as_str() == page).await;
    // Back on the page, the widget picks the donation up, polls it and thanks the donor, with
    // the tokens once the sandbox has rewarded it.
    w.wait_dialog(host, true).await;
    w.wait_text(host, "Thank you!", OUTCOME).await;
    w.wait_text(host, "SIR token", OUTCOME).await;
    let status = w.donation_status(&id).await;
    assert_eq!(status["status"], "REWARDED", "{status}");
    let tokens = status["tokensAwarded"].as_f64().expect("tokensAwarded");
    let text = w.widget_text(host).await;
    assert!(text.contains(&format!("You earned {tokens} SIR token")), "the widget shows {tokens} tokens: {text}");
    assert!(text.contains("Your $50 donation to American Red Cross"), "the thank-you names the amount: {text}");
    w.finish().await;
}

// 2.
#[tokio::test]
async fn new_tab_checkout_completes_in_the_other_tab_and_the_page_shows_thanks() {
    let w = World::start().await;
    w.open("multiple.html").await;
    let host = "#w2"; // checkout="new-tab"
    let original = w.client.window().await.unwrap();
    w.open_dialog(host).await;
    w.fill_donor(host, "Grace", "Hopper", "grace@example.org").await;
    w.wait_inner(host, "button.sir-submit:enabled", SOON).await.click().await.expect("click on the submit button");

    let started = Instant::now();
    let tab = loop {
        let windows = w.client.windows().await.unwrap();
        if let Some(tab) = windows.into_iter().find(|h| *h != original) {
            break tab;
        }
        assert!(started.elapsed() < SOON, "no second window within {SOON:?}");
        tokio::time::sleep(POLL).await;
    };
    w.client.switch_to_window(tab.clone()).await.unwrap();
    let id = w.wait_checkout().await;
    wait_for_xpath(&w.client, "//button[normalize-space()='Complete donation']").await.click().await.unwrap();
    // What a donor does next: "Return to the site" (it closes a script-opened tab), else close the tab.
    wait_for_xpath(&w.client, "//button[@id='return-to-site']").await.click().await.unwrap();
    let started = Instant::now();
    while w.client.windows().await.unwrap().contains(&tab) && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(POLL).await;
    }
    if w.client.windows().await.unwrap().contains(&tab) {
        w.client.close_window().await.unwrap();
    }
    w.client.switch_to_window(original).await.unwrap();

    assert_eq!(w.client.current_url().await.unwrap().as_str(), w.page_url("multiple.html"), "the page stayed");
    w.wait_text(host, "Thank you!", OUTCOME).await;
    assert!(w.dialog_open(host).await, "the outcome shows in the dialog");
    w.wait_text(host, "SIR token", OUTCOME).await;
    assert_eq!(w.donation_status(&id).await["status"], "REWARDED");
    for other in ["#w1", "#w3", "#w4"] {
        assert!(!w.dialog_open(other).await, "{other} stays closed");
        assert!(!w.widget_text(other).await.contains("Thank you"), "{other} shows no outcome");
    }
    w.finish().await;
}

// 3.
#[tokio::test]
async fn a_click_before_the_widget_loaded_opens_the_dialog_once_it_has() {
    let w = World::start().await;
    w.open("intent.html").await;
    let host = "#intent-widget";
    let placeholder = w.outer(host, "button").await.expect("the loader painted a placeholder button");
    assert_eq!(placeholder.text().await.unwrap(), "Donate");
    let (wasm, glue) = w.downloads().await;
    assert!(wasm.is_empty() && glue.is_empty(), "nothing fetched before intent: {wasm:?} {glue:?}");
    assert!(w.inner(host, "button").await.is_none(), "the widget is not there yet");

    // A real click (the pointer moves there first, so intent and click come together): the
    // placeholder is clicked while the widget is still downloading.
    w.js(
        "document.addEventListener('click', () => { window.__clickedEarly = !inner(arguments[0]); },
           { capture: true, once: true });",
        vec![json!(host)],
    )
    .await;
    placeholder.click().await.expect("click on the placeholder");
    assert_eq!(w.js("return window.__clickedEarly", vec![]).await, json!(true), "the click came before the widget");
    w.wait_dialog(host, true).await;
    assert!(
        w.js("return top(arguments[0], 'button').length === 0", vec![json!(host)]).await == json!(true),
        "the placeholder is gone once the widget mounted"
    );
    let (wasm, _) = w.downloads().await;
    assert_eq!(wasm.len(), 1, "{wasm:?}");
    // The form is usable.
    w.fill_donor(host, "Alan", "Turing", "alan@example.org").await;
    w.finish().await;
}

// 3b.
#[tokio::test]
async fn a_click_while_the_widget_loads_its_config_opens_the_dialog_once_ready() {
    let w = World::start().await;
    // The partner config answers 3 s late: the widget is mounted, its button busy, meanwhile.
    w.fault(json!({ "endpoint": "config", "kind": "delay", "delayMs": 3000, "times": 1 })).await;
    w.open("intent.html").await;
    let host = "#intent-widget";
    let placeholder = w.outer(host, "button").await.expect("the placeholder");
    w.hover(&placeholder).await;
    let busy = w.wait_inner(host, "button.sir-button[aria-busy=true]", MOUNT).await;
    w.js(
        "document.addEventListener('pointerdown', () => {
           const b = inner(arguments[0]).querySelector('button.sir-button');
           window.__busyAtClick = !b.disabled && b.getAttribute('aria-disabled') === 'true' && b.getAttribute('aria-busy') === 'true';
         }, { capture: true, once: true });",
        vec![json!(host)],
    )
    .await;
    // The donor clicks the (busy) button they see; the dialog opens when the widget is ready.
    busy.click().await.expect("click on the busy button");
    assert_eq!(w.js("return window.__busyAtClick", vec![]).await, json!(true), "clicked while the config loaded");
    w.wait_mounted(host).await;
    w.wait_dialog(host, true).await;
    w.finish().await;
}

// 3c.
#[tokio::test]
async fn when_the_widget_cannot_load_every_button_becomes_its_link_or_says_why() {
    let w = World::start().await;
    w.record_errors().await;
    // The wasm is blocked (as by a content blocker): the loader cannot finish.
    cdp(&w.client, "Network.enable", json!({})).await.unwrap();
    cdp(&w.client, "Network.setBlockedURLs", json!({ "urls": ["*.wasm"] })).await.unwrap();
    w.open("multiple.html").await;
    let fallbacks = w
        .wait_js(
            "the four buttons fell back to links",
            "const links = ['#w1', '#w2', '#w3', '#w4'].map(h => top(h, 'a')[0]);
             return links.every(Boolean) && links.map(a => [a.textContent, a.getAttribute('href')]);",
            vec![],
            MOUNT,
        )
        .await;
    assert_eq!(
        Value::Array(fallbacks.as_array().unwrap()[..3].to_vec()),
        json!([
            ["Donate", "https://www.every.org/american-red-cross#/donate"],
            ["Donate", "https://www.every.org/doctors-without-borders#/donate"],
            ["Donate", "https://www.every.org/world-wildlife-fund#/donate"],
        ]),
        "each button became a link to its href, with the button's label"
    );
    assert_eq!(fallbacks[3][1], "https://www.every.org/feeding-america#/donate");
    let errors = w.recorded("__errors").await;
    let ours: Vec<&String> = errors.iter().filter(|e| e.contains("sir-donate")).collect();
    assert_eq!(ours.len(), 1, "one `sir-donate: could not load` error: {errors:?}");
    assert!(ours[0].contains("sir-donate: could not load"), "{ours:?}");

    // A button without href, added later, says why instead of being a dead button.
    w.js(
        "SirDonate.mount(document.body, { id: 'late', publishableKey: arguments[0], nonprofit: 'khan-academy' });",
        vec![json!(fixture_keys::acme())],
    )
    .await;
    let late = w
        .wait_js(
            "the late button is disabled with a message",
            "const b = top('#late', 'button:disabled')[0];
             return b && b.textContent;",
            vec![],
            SOON,
        )
        .await;
    assert_eq!(late, json!("Donations are unavailable right now."));
    assert!(w.api_calls().await.is_empty(), "no API request without the widget");
    w.finish().await;
}

// 3d.
#[tokio::test]
async fn the_placeholder_shows_the_label_or_donate_and_rerenders_on_attribute_changes() {
    let w = World::start().await;
    w.open("intent.html").await;
    let host = "#intent-widget";
    let label = "return top(arguments[0], 'button').map(b => b.textContent)";
    assert_eq!(w.js(label, vec![json!(host)]).await, json!(["Donate"]));
    // Attribute changes re-render the placeholder (and are no intent: nothing loads).
    let mut seen = Vec::new();
    for (name, value) in [("locale", "es"), ("locale", "fr-CA"), ("label", "Give now")] {
        w.js(
            "hostOf(arguments[0]).setAttribute(arguments[1], arguments[2]);",
            vec![json!(host), json!(name), json!(value)],
        )
        .await;
        seen.push(w.js(label, vec![json!(host)]).await);
    }
    assert_eq!(w.downloads().await, (vec![], vec![]), "attribute changes are no intent");
    // As documented (README): the placeholder says `label`, else "Donate"; the widget that
    // replaces it speaks the `locale`.
    assert_eq!(seen, [json!(["Donate"]), json!(["Donate"]), json!(["Give now"])]);
    w.finish().await;
}

// 4.
#[tokio::test]
async fn several_widgets_on_a_page_keep_separate_state() {
    let w = World::start().await;
    w.open("multiple.html").await;
    for host in ["#w1", "#w2", "#w3", "#w4"] {
        w.wait_mounted(host).await;
    }
    w.open_dialog("#w1").await;
    w.wait_inner("#w1", "#sir-first-name", SOON).await.send_keys("Ada").await.unwrap();
    w.wait_inner("#w1", "button.sir-close", SOON).await.click().await.unwrap();
    w.wait_dialog("#w1", false).await;

    w.open_dialog("#w2").await;
    assert_eq!(w.field_value("#w2", "#sir-first-name").await, "", "the second widget's field is empty");
    assert!(!w.dialog_open("#w1").await, "only one dialog is open");
    w.wait_inner("#w2", "#sir-last-name", SOON).await.send_keys("Hopper").await.unwrap();
    w.keys(&[Key::Escape.into()]).await;
    w.wait_dialog("#w2", false).await;

    w.open_dialog("#w1").await;
    assert_eq!(w.field_value("#w1", "#sir-first-name").await, "Ada", "the first widget kept its text");
    assert_eq!(w.field_value("#w1", "#sir-last-name").await, "", "and did not get the second one's");
    w.keys(&[Key::Escape.into()]).await;
    w.wait_dialog("#w1", false).await;
    w.open_dialog("#w2").await;
    assert_eq!(w.field_value("#w2", "#sir-last-name").await, "Hopper");
    assert_eq!(w.field_value("#w2", "#sir-first-name").await, "");

    // Their options are their own too: #w3 offers $10/$25/$50 with $25 chosen, #w4 speaks Spanish.
    let chips = |host: &'static str| {
        let w = &w;
        async move {
            w.js(
                "return [...inner(arguments[0]).querySelectorAll('label.sir-chip')]
                   .filter(l => l.querySelector('input[name=amount]'))
                   .map(l => (l.querySelector('input').checked ? '*' : '') + l.textContent.trim());",
                vec![json!(host)],
            )
            .await
        }
    };
    w.keys(&[Key::Escape.into()]).await;
    w.wait_dialog("#w2", false).await;
    w.open_dialog("#w3").await;
    assert_eq!(chips("#w3").await, json!(["$10", "*$25", "$50"]));
    w.keys(&[Key::Escape.into()]).await;
    w.wait_dialog("#w3", false).await;
    w.open_dialog("#w1").await;
    assert_eq!(chips("#w1").await, json!(["$25", "*$50", "$100", "$250"]));
    w.keys(&[Key::Escape.into()]).await;
    assert!(w.widget_text("#w4").await.contains("Donar"), "#w4 is in Spanish: {}", w.widget_text("#w4").await);
    w.finish().await;
}

// 5.
#[tokio::test]
async fn widgets_added_and_removed_after_load_mount_and_go_away() {
    let w = World::start().await;
    w.open("spa.html").await;
    let state = "const slot = document.getElementById('slot');
        return {
          count: document.getElementById('count').textContent,
          elements: slot.querySelectorAll('sir-donate').length,
          mounted: [...slot.querySelectorAll('sir-donate')].filter(e => {
            const r = inner(e); return !!r && !!r.querySelector('button.sir-button:enabled');
          }).length,
          failed: [...slot.querySelectorAll('sir-donate')].filter(e => {
            const b = inner(e) && inner(e).querySelector('button.sir-button');
            return !!b && b.disabled && b.getAttribute('aria-busy') === 'false';
          }).length,
          hosts: deep(document, '.sir-donate').length,
          dialogs: deep(document, 'dialog').length,
        };";
    // No dialogs: a widget builds its dialog on first open.
    let expect = |n: usize| json!({ "count": n.to_string(), "elements": n, "mounted": n, "failed": 0, "hosts": n, "dialogs": 0 });
    let wait_state = |n: usize| {
        let w = &w;
        async move {
            let want = expect(n);
            let started = Instant::now();
            loop {
                let now = w.js(state, vec![]).await;
                if now == want {
                    return;
                }
                assert_eq!(
                    now["failed"],
                    0,
                    "a widget failed to load: {now}; {}",
                    w.describe("#slot sir-donate").await
                );
                assert!(started.elapsed() < MOUNT, "timed out waiting for {want}, have {now}");
                tokio::time::sleep(POLL).await;
            }
        }
    };
    // spa.js mounts the first one through SirDonate.mount().
    wait_state(1).await;
    let first = w
        .js(
            "return inner(document.querySelector('#slot sir-donate')).querySelector('.sir-button__label').textContent",
            vec![],
        )
        .await;
    assert_eq!(first, json!("Give to the Red Cross"), "SirDonate.mount() passed the label");

    let add = w.client.find(Locator::Css("#add")).await.unwrap();
    let remove = w.client.find(Locator::Css("#remove")).await.unwrap();
    for _ in 0..3 {
        add.click().await.unwrap();
    }
    wait_state(4).await;

    // Remove the last one, with its dialog built (opened and closed): it leaves the document and
    // empties its shadow root, dialog included.
    let last = "#slot sir-donate:last-of-type";
    w.open_dialog(last).await;
    w.keys(&[Key::Escape.into()]).await;
    w.wait_dialog(last, false).await;
    assert_eq!(w.js(state, vec![]).await["dialogs"], json!(1), "the opened widget built its dialog");
    w.js("window.__last = document.querySelector('#slot sir-donate:last-of-type'); return null;", vec![]).await;
    remove.click().await.unwrap();
    wait_state(3).await;
    let gone =
        w.js("return { connected: __last.isConnected, children: __last.shadowRoot.childNodes.length };", vec![]).await;
    assert_eq!(gone, json!({ "connected": false, "children": 0 }), "the removed widget let go of everything");

    for _ in 0..3 {
        remove.click().await.unwrap();
    }
    wait_state(0).await;
    assert_eq!(w.js("return deep(document, '.sir-donate, .sir, dialog').length", vec![]).await, json!(0));

    // Adding again still works.
    add.click().await.unwrap();
    wait_state(1).await;
    let host = "#slot sir-donate";
    w.open_dialog(host).await;
    w.fill_donor(host, "Ada", "Lovelace", "ada@example.org").await;
    w.finish().await;
}

// 6.
#[tokio::test]
async fn under_a_strict_csp_the_widget_mounts_styled_with_no_violation() {
    let w = World::start().await;
    w.record_errors().await;
    w.open("strict-csp.html").await;
    let host = "#csp-widget";
    w.open_dialog(host).await;
    w.fill_donor(host, "Ada", "Lovelace", "ada@example.org").await;
    // Its stylesheets applied (constructable sheets, no inline style): the accent-coloured
    // button, a modal dialog with a backdrop.
    let look = w
        .js(
            "const r = inner(arguments[0]);
             const b = getComputedStyle(r.querySelector('button.sir-submit'));
             const d = r.querySelector('dialog.sir-dialog');
             return { background: b.backgroundColor, radius: b.borderTopLeftRadius, modal: d.matches(':modal') };",
            vec![json!(host)],
        )
        .await;
    assert_eq!(look, json!({ "background": "rgb(11, 110, 79)", "radius": "12px", "modal": true }));
    assert_eq!(w.js("return window.__cspViolations", vec![]).await, json!([]), "no CSP violation");
    assert_eq!(w.js("return document.getElementById('violations').textContent", vec![]).await, json!("0"));
    assert_eq!(w.recorded("__errors").await, Vec::<String>::new(), "no console error");
    w.finish().await;
}

/// Computed styles of the hostile page's own elements, and its style sheets.
const PAGE_LOOK: &str =
    "const props = ['display', 'font-size', 'font-family', 'font-weight', 'color', 'background-color',
    'border-top-width', 'border-top-style', 'border-top-color', 'margin-top', 'padding-top', 'line-height',
    'overflow', 'visibility', 'text-decoration-line', 'position', 'z-index'];
  const look = sel => {
    const e = document.querySelector(sel), s = getComputedStyle(e);
    return props.map(p => p + ': ' + s.getPropertyValue(p)).join('; ');
  };
  const out = {};
  for (const sel of ['html', 'body', '.back', '.back a', 'h1', '.banner', '.sir-zone', 'body > p:last-of-type', 'code'])
    out[sel] = look(sel);
  out.sheets = document.styleSheets.length;
  out.adopted = document.adoptedStyleSheets.length;
  out.styleElements = document.querySelectorAll('style').length;
  return out;";

/// What differs between two [`PAGE_LOOK`] answers, property by property.
fn look_changes(before: &Value, after: &Value) -> Vec<String> {
    let (Some(b), Some(a)) = (before.as_object(), after.as_object()) else {
        return vec![format!("{before} → {after}")];
    };
    let keys: std::collections::BTreeSet<&String> = b.keys().chain(a.keys()).collect();
    let mut changes = Vec::new();
    for key in keys {
        let (old, new) = (&b.get(key.as_str()), &a.get(key.as_str()));
        match (old.and_then(Value::as_str), new.and_then(Value::as_str)) {
            (Some(old), Some(new)) => {
                for (o, n) in old.split("; ").zip(new.split("; ")) {
                    if o != n {
                        changes.push(format!("{key} {{ {o} }} → {{ {n} }}"));
                    }
                }
            }
            _ if old != new => changes.push(format!("{key}: {old:?} → {new:?}")),
            _ => {}
        }
    }
    changes
}

// 7.
#[tokio::test]
async fn hostile_page_css_neither_breaks_the_widget_nor_is_changed_by_it() {
    let w = World::start().await;
    let host = "#hostile-widget";
    // The page's own look without the widget: the same page with the embed's files blocked.
    cdp(&w.client, "Network.enable", json!({})).await.unwrap();
    cdp(&w.client, "Network.setBlockedURLs", json!({ "urls": ["*/dist/*"] })).await.unwrap();
    w.open("hostile.html").await;
    w.wait_js("the page loaded", "return document.readyState === 'complete'", vec![], SOON).await;
    assert_eq!(
        w.js("return customElements.get('sir-donate') === undefined", vec![]).await,
        json!(true),
        "the loader was blocked"
    );
    let without = w.js(PAGE_LOOK, vec![]).await;
    cdp(&w.client, "Network.setBlockedURLs", json!({ "urls": [] })).await.unwrap();

    w.open("hostile.html").await;
    let button = w.wait_mounted(host).await;
    let changed = look_changes(&without, &w.js(PAGE_LOOK, vec![]).await);
    assert!(changed.is_empty(), "the widget changed the page outside its shadow roots: {changed:#?}");

    // The button shows, at its own size and colours, despite `button { display: none !important }`,
    // `* { all: unset }`, the 40px root font and the red `[class*="sir"]`.
    let look = w
        .js(
            "const b = inner(arguments[0]).querySelector('button.sir-button');
             const r = b.getBoundingClientRect(), s = getComputedStyle(b);
             // What a click in its middle lands on, through the shadow roots.
             const x = r.x + r.width / 2, y = r.y + r.height / 2;
             let e = document.elementFromPoint(x, y);
             while (e && e.shadowRoot) {
               const within = e.shadowRoot.elementFromPoint(x, y);
               if (!within || within === e) break;
               e = within;
             }
             const hit = e === b || b.contains(e);
             return { width: r.width, height: r.height, top: r.top, display: s.display, visibility: s.visibility,
                      fontSize: s.fontSize, color: s.color, background: s.backgroundColor, onTop: hit };",
            vec![json!(host)],
        )
        .await;
    let num = |k: &str| look[k].as_f64().unwrap();
    assert!(num("width") >= 60.0 && num("height") >= 44.0 && num("height") <= 80.0, "a button-sized box: {look}");
    assert!(num("top") >= 0.0 && num("top") + num("height") <= 800.0, "on screen: {look}");
    assert_ne!(look["display"], "none", "{look}");
    assert_eq!(
        (&look["visibility"], &look["fontSize"], &look["color"], &look["background"], &look["onTop"]),
        (&json!("visible"), &json!("16px"), &json!("rgb(255, 255, 255)"), &json!("rgb(11, 110, 79)"), &json!(true)),
        "{look}"
    );
    assert!(button.is_displayed().await.unwrap(), "WebDriver sees it displayed");

    // A real click (WebDriver refuses to click an obscured element), a real dialog, real typing.
    button.click().await.expect("the button is clickable");
    w.wait_dialog(host, true).await;
    let field = w.wait_inner(host, "#sir-first-name", SOON).await;
    field.send_keys("Ada").await.expect("the field takes keys");
    assert_eq!(w.field_value(host, "#sir-first-name").await, "Ada");
    let dialog = w
        .js(
            "const r = inner(arguments[0]);
             const title = getComputedStyle(r.querySelector('.sir-dialog__title'));
             const input = getComputedStyle(r.querySelector('#sir-first-name'));
             const box = r.querySelector('dialog').getBoundingClientRect();
             return { titleColor: title.color, inputFont: input.fontSize, inputBorder: input.borderTopStyle,
                      fits: box.width > 200 && box.width <= innerWidth && box.height > 200 };",
            vec![json!(host)],
        )
        .await;
    assert_eq!(
        dialog,
        json!({ "titleColor": "rgb(22, 32, 42)", "inputFont": "16px", "inputBorder": "solid", "fits": true }),
        "the dialog keeps its own look"
    );
    w.wait_inner(host, "button.sir-close", SOON).await.click().await.unwrap();
    w.wait_dialog(host, false).await;
    // Opening the dialog locked page scrolling; closing gave the page back exactly as it was.
    let changed = look_changes(&without, &w.js(PAGE_LOOK, vec![]).await);
    assert!(changed.is_empty(), "the page's look after the dialog closed: {changed:#?}");
    w.finish().await;
}

// 8.
#[tokio::test]
async fn a_keyboard_alone_can_donate() {
    let w = World::start().await;
    w.open("basic.html").await;
    let host = "#basic-widget";
    w.wait_mounted(host).await;

    // From the top of the page: Tab to the button, Enter opens the dialog.
    w.tab_to("the donate button", 10, |f| f.starts_with("button.sir-button")).await;
    w.keys(&[Key::Enter.into()]).await;
    w.wait_dialog(host, true).await;
    let first = w.focused().await;
    assert!(first.contains("in div.sir-donate"), "focus moved into the dialog: {first}");

    w.tab_to("the first-name field", 20, |f| f.starts_with("input#sir-first-name")).await;
    w.type_text("Ada").await;
    w.keys(&[Key::Tab.into()]).await;
    assert!(w.focused().await.starts_with("input#sir-last-name"), "{}", w.focused().await);
    w.type_text("Lovelace").await;
    w.keys(&[Key::Tab.into()]).await;
    assert!(w.focused().await.starts_with("input#sir-email"), "{}", w.focused().await);
    w.type_text("ada@example.org").await;
    for (css, text) in [("#sir-first-name", "Ada"), ("#sir-last-name", "Lovelace"), ("#sir-email", "ada@example.org")] {
        assert_eq!(w.field_value(host, css).await, text);
    }
    // Enter in a field submits the form.
    w.keys(&[Key::Enter.into()]).await;
    let id = w.wait_checkout().await;
    assert_eq!(w.donation_status(&id).await["status"], "PENDING");
    w.finish().await;
}

// 9.
#[tokio::test]
async fn no_page_logs_an_error() {
    let w = World::start().await;
    w.record_errors().await;
    let pages: [(&str, &[&str]); 10] = [
        ("index.html", &[]),
        ("basic.html", &["#basic-widget"]),
        ("multiple.html", &["#w1", "#w2", "#w3", "#w4"]),
        ("theming.html", &["#t-purple", "#t-pill", "#t-serif", "#t-dark"]),
        ("spa.html", &["#slot sir-donate"]),
        ("strict-csp.html", &["#csp-widget"]),
        ("hostile.html", &["#hostile-widget"]),
        ("module.html", &["#module-widget"]),
        ("intent.html", &["#intent-widget"]),
        ("link.html", &["sir-donate"]),
    ];
    let mut problems = Vec::new();
    for (page, hosts) in pages {
        w.open(page).await;
        if page == "intent.html" {
            let placeholder = w.outer("#intent-widget", "button").await.expect("the placeholder");
            w.hover(&placeholder).await;
        }
        for host in hosts {
            w.wait_mounted(host).await;
        }
        w.wait_js("the page loaded", "return document.readyState === 'complete'", vec![], SOON).await;
        let errors = w.recorded("__errors").await;
        let warnings = w.recorded("__warnings").await;
        let failed = w
            .js(
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                   .filter(e => e.responseStatus >= 400).map(e => e.responseStatus + ' ' + e.name);",
                vec![],
            )
            .await;
        for e in errors.iter().chain(&warnings) {
            problems.push(format!("{page}: {e}"));
        }
        for f in failed.as_array().unwrap() {
            problems.push(format!("{page}: HTTP {}", f.as_str().unwrap()));
        }
    }
    assert!(problems.is_empty(), "console errors, warnings or failed requests:\n{}", problems.join("\n"));
    w.finish().await;
}

/// Waits until the page has fetched the wasm, and returns (wasm files, glue files).
async fn wait_downloaded(w: &World, page: &str) -> (Vec<String>, Vec<String>) {
    w.wait_js(&format!("{page} fetched the wasm"), "return downloads().wasm.length > 0", vec![], MOUNT).await;
    w.downloads().await
}

/// Watches the page for [`QUIET`] after the browser went idle: nothing of the widget may be
/// fetched, and no API request made.
async fn assert_nothing_fetched(w: &World) {
    w.wait_js("the page loaded", "return document.readyState === 'complete'", vec![], SOON).await;
    // Two idle periods: the loader's own idle callback (which intent mode must not register)
    // would have run by then.
    let idle = w
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             requestIdleCallback(() => requestIdleCallback(() => done(true), { timeout: 5000 }), { timeout: 5000 });",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(idle, json!(true));
    let started = Instant::now();
    while started.elapsed() < QUIET {
        let (wasm, glue) = w.downloads().await;
        assert!(wasm.is_empty() && glue.is_empty(), "fetched without intent: {wasm:?} {glue:?}");
        tokio::time::sleep(POLL).await;
    }
    assert_eq!(w.api_calls().await, Vec::<(String, String)>::new(), "no API request without intent");
}

// 10a.
#[tokio::test]
async fn with_data_load_intent_nothing_is_fetched_until_the_pointer_comes() {
    let w = World::start().await;
    w.open("intent.html").await;
    let host = "#intent-widget";
    assert_nothing_fetched(&w).await;
    let placeholder = w.outer(host, "button").await.expect("the placeholder");
    w.hover(&placeholder).await;
    let (wasm, glue) = wait_downloaded(&w, "intent.html").await;
    assert_eq!((wasm.len(), glue.len()), (1, 1), "{wasm:?} {glue:?}");
    w.wait_mounted(host).await;
    assert!(!w.dialog_open(host).await, "a hover does not open the dialog");
    w.finish().await;
}

// 10b.
#[tokio::test]
async fn with_data_load_intent_keyboard_focus_loads_the_widget_and_keeps_focus() {
    let w = World::start().await;
    w.open("intent.html").await;
    let host = "#intent-widget";
    assert_nothing_fetched(&w).await;
    // Focusing the placeholder starts the load; on a fast machine the widget may already have
    // replaced it (keeping focus) by the time focus is read, so either button is the target.
    w.tab_to("the donate button", 10, |f| f == "button in sir-donate" || f.starts_with("button.sir-button")).await;
    wait_downloaded(&w, "intent.html").await;
    w.wait_mounted(host).await;
    // The keyboard user who reached the placeholder is still on the button after it was
    // replaced by the widget's: Enter opens the dialog.
    let focused = w.focused().await;
    assert!(focused.starts_with("button.sir-button"), "focus after the widget mounted: {focused:?}");
    w.keys(&[Key::Enter.into()]).await;
    w.wait_dialog(host, true).await;
    w.finish().await;
}

// 10c.
#[tokio::test]
async fn by_default_the_widget_loads_when_the_browser_is_idle() {
    let w = World::start().await;
    w.open("basic.html").await;
    let (wasm, glue) = wait_downloaded(&w, "basic.html").await;
    assert_eq!((wasm.len(), glue.len()), (1, 1), "{wasm:?} {glue:?}");
    w.wait_mounted("#basic-widget").await;
    assert!(!w.dialog_open("#basic-widget").await);
    w.finish().await;
}

// 11.
#[tokio::test]
async fn four_widgets_share_one_download_and_one_config_request() {
    let w = World::start().await;
    w.open("multiple.html").await;
    for host in ["#w1", "#w2", "#w3", "#w4"] {
        w.wait_mounted(host).await;
    }
    let (wasm, glue) = w.downloads().await;
    assert_eq!(wasm.len(), 1, "one wasm download: {wasm:?}");
    assert_eq!(glue.len(), 1, "one glue download: {glue:?}");
    let calls = w.api_calls().await;
    assert_eq!(count(&calls, "GET", "/v1/partner/config"), 1, "one config request for the page: {calls:?}");
    for slug in ["american-red-cross", "doctors-without-borders", "world-wildlife-fund", "feeding-america"] {
        let path = format!("/v1/partner/organizations/{slug}");
        assert_eq!(count(&calls, "GET", &path), 1, "one request for {slug}: {calls:?}");
    }
    assert_eq!(calls.len(), 5, "nothing else: {calls:?}");
    w.finish().await;
}

// 12.
#[tokio::test]
async fn the_loader_works_as_a_module_script() {
    let w = World::start().await;
    w.open("module.html").await;
    assert_eq!(
        w.js("return document.querySelector('script[src*=\"sir-donate\"]').type", vec![]).await,
        json!("module")
    );
    w.open_dialog("#module-widget").await;
    w.fill_donor("#module-widget", "Ada", "Lovelace", "ada@example.org").await;
    w.finish().await;
}

// 12.
#[tokio::test]
async fn a_marked_link_becomes_a_working_widget() {
    let w = World::start().await;
    w.open("link.html").await;
    let host = "sir-donate";
    w.wait_mounted(host).await;
    let upgraded = w
        .js(
            "const e = document.querySelector('sir-donate');
             return { links: document.querySelectorAll('a[data-sir-donate]').length, widgets: document.querySelectorAll('sir-donate').length,
                      inDemo: e.parentElement.classList.contains('demo'), nonprofit: e.getAttribute('nonprofit'),
                      key: e.getAttribute('publishable-key'), href: e.getAttribute('href'),
                      apiBase: e.getAttribute('api-base') };",
            vec![],
        )
        .await;
    assert_eq!(
        upgraded,
        json!({ "links": 0, "widgets": 1, "inDemo": true, "nonprofit": "khan-academy", "key": fixture_keys::acme(),
                "href": "https://www.every.org/khan-academy#/donate", "apiBase": w.sandbox.api_url() })
    );
    w.open_dialog(host).await;
    let title = w.js("return inner('sir-donate').querySelector('.sir-dialog__title').textContent", vec![]).await;
    assert!(title.as_str().unwrap().contains("Khan Academy"), "{title}");
    w.finish().await;
}

/// `(width, height)` from a PNG's header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.len() > 24 && png.starts_with(b"\x89PNG\r\n\x1a\n") && &png[12..16] == b"IHDR", "not a PNG");
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    (be(16), be(20))
}

// 13.
#[tokio::test]
async fn screenshots_of_every_page() {
    let w = World::start().await;
    let out = workspace_root().join("target/screenshots/pkg-demo");
    std::fs::create_dir_all(&out).unwrap();
    let pages: [(&str, &[&str]); 10] = [
        ("index", &[]),
        ("basic", &["#basic-widget"]),
        ("multiple", &["#w1", "#w2", "#w3", "#w4"]),
        ("theming", &["#t-purple", "#t-pill", "#t-serif", "#t-dark"]),
        ("spa", &["#slot sir-donate"]),
        ("strict-csp", &["#csp-widget"]),
        ("hostile", &["#hostile-widget"]),
        ("module", &["#module-widget"]),
        ("intent", &["#intent-widget"]),
        ("link", &["sir-donate"]),
    ];
    let mut written = Vec::new();
    let mut shoot = async |name: String, width: u32, height: u32| {
        let png = w.client.screenshot().await.unwrap();
        assert_eq!(png_size(&png), (width, height), "{name}");
        assert!(png.len() > 1000, "{name} is an image of something");
        let path = out.join(format!("{name}.png"));
        std::fs::write(&path, &png).unwrap();
        written.push(path);
    };
    for (page, hosts) in pages {
        set_viewport(&w.client, SessionOptions::DESKTOP.width, SessionOptions::DESKTOP.height).await.unwrap();
        w.open(&format!("{page}.html")).await;
        if page == "intent" {
            let placeholder = w.outer("#intent-widget", "button").await.expect("the placeholder");
            w.hover(&placeholder).await;
        }
        for host in hosts {
            w.wait_mounted(host).await;
        }
        // Fonts and images (nonprofit logos) settled.
        w.wait_js(
            "the page loaded",
            "return document.readyState === 'complete' && document.fonts.status === 'loaded'",
            vec![],
            SOON,
        )
        .await;
        // The whole page (at most 4000 px), then the open dialog in a desktop viewport.
        let height = w.js("return document.documentElement.scrollHeight", vec![]).await.as_u64().unwrap() as u32;
        let height = height.clamp(SessionOptions::DESKTOP.height, 4000);
        set_viewport(&w.client, SessionOptions::DESKTOP.width, height).await.unwrap();
        shoot(page.to_owned(), SessionOptions::DESKTOP.width, height).await;
        if page == "basic" || page == "hostile" {
            set_viewport(&w.client, SessionOptions::DESKTOP.width, SessionOptions::DESKTOP.height).await.unwrap();
            w.open_dialog(hosts[0]).await;
            shoot(format!("{page}-dialog"), SessionOptions::DESKTOP.width, SessionOptions::DESKTOP.height).await;
        }
    }
    assert_eq!(written.len(), 12, "{written:?}");
    for path in &written {
        let size = std::fs::metadata(path).unwrap().len();
        assert!(size > 0, "{} is empty", path.display());
    }
    w.finish().await;
}
