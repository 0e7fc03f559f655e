//! The loading sequence of the script-tag embed: once loading starts, everything the widget
//! needs is requested at once (the glue, the wasm, the configuration and the nonprofit), the API
//! origin is pre-connected as soon as a widget is seen, only a publishable key ever goes out,
//! and visitors who asked to save data download the widget only when they reach for it.
//!
//! Each test starts its own sandbox, chromedriver and Chromium ([`World`]).

use serde_json::{Value, json};
use sir_e2e::{World, cdp};

const LOADING_SEQUENCE: &str = include_str!("../js/tests/loading_sequence.js");

/// The one request whose path passes `is`, or a failure listing what was requested.
fn request<'a>(sequence: &'a Value, what: &str, is: impl Fn(&str) -> bool) -> &'a Value {
    let requests = sequence["requests"].as_array().expect("requests");
    let found: Vec<&Value> = requests.iter().filter(|r| r["path"].as_str().is_some_and(&is)).collect();
    assert_eq!(found.len(), 1, "one request for the {what}: {requests:?}");
    found[0]
}

#[tokio::test]
async fn the_glue_the_wasm_and_the_api_requests_start_together() {
    let w = World::start().await;
    w.open("basic.html").await;
    w.wait_mounted("#basic-widget").await;
    w.wait_inner("#basic-widget", "button.sir-button[aria-busy=false]", sir_e2e::world::MOUNT).await;
    let sequence = w.js(LOADING_SEQUENCE, vec![]).await;
    // The glue and the wasm are named after their content hash; the loader is sir-donate.js.
    let hashed =
        |p: &str, ext: &str| p.starts_with("/dist/sir-donate.") && p.ends_with(ext) && p != "/dist/sir-donate.js";
    let glue = request(&sequence, "glue", |p| hashed(p, ".js"));
    let wasm = request(&sequence, "wasm", |p| hashed(p, ".wasm"));
    let config = request(&sequence, "config", |p| p == "/v1/partner/config");
    let nonprofit = request(&sequence, "nonprofit", |p| p == "/v1/partner/organizations/american-red-cross");
    let glue_end = glue["end"].as_f64().unwrap();
    // Each started before the glue had even arrived: none waited for the widget's code.
    for (what, r) in [("wasm", wasm), ("config", config), ("nonprofit", nonprofit)] {
        let start = r["start"].as_f64().unwrap();
        assert!(start < glue_end, "the {what} request started at {start}, after the glue arrived ({glue_end})");
    }
    // And the widget used those answers: one request each, no second one of its own.
    let calls = w.api_calls().await;
    assert_eq!(
        calls,
        vec![
            ("GET".to_owned(), "/v1/partner/config".to_owned()),
            ("GET".to_owned(), "/v1/partner/organizations/american-red-cross".to_owned()),
        ],
        "{calls:?}"
    );
    // The API origin was pre-connected, for CORS requests without credentials.
    let api = w.sandbox.api_url().trim_end_matches('/').to_owned();
    let preconnects = sequence["preconnects"].as_array().unwrap();
    assert!(
        preconnects
            .iter()
            .any(|l| l["href"].as_str().is_some_and(|h| h.trim_end_matches('/') == api)
                && l["crossOrigin"] == "anonymous"),
        "a preconnect to {api}: {preconnects:?}"
    );
    w.finish().await;
}

#[tokio::test]
async fn a_secret_key_in_the_attribute_is_never_sent() {
    let w = World::start().await;
    w.open("intent.html").await;
    let host = "#intent-widget";
    // The partner pasted their secret key by mistake, before the widget loads.
    let secret = format!("sk_live_{}", "9".repeat(48));
    w.js("hostOf(arguments[0]).setAttribute('publishable-key', arguments[1])", vec![json!(host), json!(secret)]).await;
    let placeholder = w.outer(host, "button").await.expect("the placeholder");
    w.hover(&placeholder).await;
    w.wait_downloaded("intent.html").await;
    // The widget refuses the key and says so to the developer; nothing was sent to the API.
    w.wait_inner(host, ".sir-config-error", sir_e2e::world::MOUNT).await;
    let requests = w.api_requests().await;
    assert!(requests.is_empty(), "no API request with a secret key: {requests:?}");
    w.finish().await;
}

#[tokio::test]
async fn when_the_visitor_saves_data_the_widget_loads_only_on_intent() {
    let w = World::start().await;
    // What Chromium reports with the Save-Data preference on (Lite mode, a data-saver extension).
    let save_data = "Object.defineProperty(navigator.connection, 'saveData', { get: () => true });";
    cdp(&w.client, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": save_data })).await.unwrap();
    w.open("basic.html").await;
    assert_eq!(w.js("return navigator.connection.saveData", vec![]).await, json!(true));
    // basic.html loads on idle by default: here, nothing comes until the pointer does.
    w.assert_nothing_fetched().await;
    let placeholder = w.outer("#basic-widget", "button").await.expect("the placeholder");
    w.hover(&placeholder).await;
    let (wasm, glue) = w.wait_downloaded("basic.html").await;
    assert_eq!((wasm.len(), glue.len()), (1, 1), "{wasm:?} {glue:?}");
    w.wait_mounted("#basic-widget").await;
    w.finish().await;
}
