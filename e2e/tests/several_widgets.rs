//! Several widgets on one page (`multiple.html`): each keeps its own state and options, and
//! together they download the widget once and ask for the partner config once.
//!
//! Each test starts its own sandbox, chromedriver and Chromium ([`World`]).

use fantoccini::key::Key;
use serde_json::json;
use sir_e2e::World;
use sir_e2e::world::SOON;

const AMOUNT_CHIPS: &str = include_str!("../js/tests/amount_chips.js");

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
        async move { w.js(AMOUNT_CHIPS, vec![json!(host)]).await }
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
    let count = |method: &str, path: &str| calls.iter().filter(|(m, p)| m == method && p == path).count();
    assert_eq!(count("GET", "/v1/partner/config"), 1, "one config request for the page: {calls:?}");
    for slug in ["american-red-cross", "doctors-without-borders", "world-wildlife-fund", "feeding-america"] {
        let path = format!("/v1/partner/organizations/{slug}");
        assert_eq!(count("GET", &path), 1, "one request for {slug}: {calls:?}");
    }
    assert_eq!(calls.len(), 5, "nothing else: {calls:?}");
    w.finish().await;
}
