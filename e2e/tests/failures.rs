//! When the widget cannot load (its wasm blocked, as by a content blocker): each `<sir-donate>`
//! falls back to a link to its `href`, or says why, and one error is logged.
//!
//! Each test starts its own sandbox, chromedriver and Chromium ([`World`]).

use serde_json::{Value, json};
use sir_e2e::world::{MOUNT, SOON};
use sir_e2e::{World, cdp};
use sir_sandbox::fixture_keys;

const FALLBACK_LINKS: &str = include_str!("../js/tests/fallback_links.js");
const LATE_BUTTON_TEXT: &str = include_str!("../js/tests/late_button_text.js");

#[tokio::test]
async fn when_the_widget_cannot_load_every_button_becomes_its_link_or_says_why() {
    let w = World::start().await;
    w.record_errors().await;
    // The wasm is blocked (as by a content blocker): the loader cannot finish.
    cdp(&w.client, "Network.enable", json!({})).await.unwrap();
    cdp(&w.client, "Network.setBlockedURLs", json!({ "urls": ["*.wasm"] })).await.unwrap();
    w.open("multiple.html").await;
    let fallbacks = w.wait_js("the four buttons fell back to links", FALLBACK_LINKS, vec![], MOUNT).await;
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
    let late = w.wait_js("the late button is disabled with a message", LATE_BUTTON_TEXT, vec![], SOON).await;
    assert_eq!(late, json!("Donations are unavailable right now."));
    // The loader asked for each widget's configuration and nonprofit while the widget loaded,
    // once per page; the late button, after the failure, asked for nothing.
    let calls = w.api_calls().await;
    let mut distinct = calls.clone();
    distinct.dedup();
    assert!(
        calls.len() == distinct.len()
            && calls.iter().all(|(method, path)| method == "GET"
                && (path == "/v1/partner/config" || path.starts_with("/v1/partner/organizations/"))
                && !path.ends_with("khan-academy")),
        "only the loader's early requests, once each: {calls:?}"
    );
    w.finish().await;
}
