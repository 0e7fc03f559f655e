//! Loading the configuration and the nonprofit: shared by every widget of a page, clicks while
//! loading, partners and keys that cannot take donations, and recovery from a failed load.

use serde_json::{Value, json};
use sir_donate::Frequency;
use wasm_bindgen_test::*;

use crate::harness::*;
use crate::support::*;

#[wasm_bindgen_test]
async fn a_click_while_loading_opens_the_dialog_when_ready() {
    reset().await;
    sir_donate::forget_shared_answers();
    fault(json!({"endpoint": "config", "kind": "delay", "delayMs": 800})).await;
    let w = mount(Props::default()).await;
    wait_until("the button renders", || w.q("button.sir-button").is_some()).await;
    let button = w.el("button.sir-button");
    assert_eq!(button.get_attribute("aria-disabled").as_deref(), Some("true"), "still loading");
    assert!(!button.has_attribute("disabled"), "focusable and clickable while loading");
    button.click();
    assert!(!w.dialog_open());
    wait_until("the dialog opens once ready", || w.dialog_open()).await;
}

#[wasm_bindgen_test]
async fn config_and_nonprofit_are_fetched_once_for_many_widgets() {
    reset().await;
    sir_donate::forget_shared_answers();
    let widgets = futures_join_all((0..3).map(|_| mount(Props::default()))).await;
    for w in &widgets {
        w.ready().await;
    }
    assert_eq!(count_requests("GET", "/config").await, 1);
    assert_eq!(count_requests("GET", "/organizations/american-red-cross").await, 1);
    let _ = Frequency::Once;
}

async fn futures_join_all<F: std::future::Future>(items: impl Iterator<Item = F>) -> Vec<F::Output> {
    let mut out = Vec::new();
    for item in items {
        out.push(item.await);
    }
    out
}

#[wasm_bindgen_test]
async fn partners_that_cannot_take_donations_get_a_disabled_button() {
    reset().await;
    for pair in [NO_DONATIONS, SUSPENDED] {
        let w = mount(Props { key: key(pair).as_header_value().to_owned(), ..Props::default() }).await;
        wait_until("the explanation", || w.q(".sir-note").is_some()).await;
        assert!(w.el("button.sir-button").has_attribute("disabled"), "{pair}");
        assert!(w.text(".sir-note").to_lowercase().contains("available"), "{pair}: {}", w.text(".sir-note"));
    }
}

#[wasm_bindgen_test]
async fn a_secret_key_is_refused_without_any_request() {
    reset().await;
    let secret = format!("sk_live_{}", "ab".repeat(32));
    let w = mount(Props { key: secret, ..Props::default() }).await;
    let message = w.text(".sir-config-error");
    assert!(message.contains("SECRET"), "{message}");
    assert!(w.q("button.sir-button").is_none(), "no button");
    sleep(300).await;
    assert!(requests().await.is_empty(), "zero requests");
    assert!(w.events.borrow().iter().any(|(n, d)| n == "sir-donate:error" && d.contains("invalid_key")));
    assert!(!w.events.borrow().iter().any(|(_, d)| d.contains("sk_live")), "the key is never echoed");
}

/// Mounts a widget whose first load fails as `fault` makes it, and waits for the failure.
async fn mount_failing(fault_spec: Value) -> Mounted {
    reset().await;
    sir_donate::forget_shared_answers();
    fault(fault_spec).await;
    let w = mount(Props::default()).await;
    wait_until("the failure note with its retry", || w.q(".sir-note button[data-sir='reload']").is_some()).await;
    w
}

/// After a failed load the widget recovers without a page reload and a donation completes.
async fn recover_and_donate(w: &Mounted) {
    w.ready().await;
    assert!(w.q(".sir-note").is_none(), "the failure note is gone: {}", w.all_text());
    w.open().await;
    w.fill_donor().await;
    w.submit_button().click();
    wait_until("the redirect to checkout", || !w.navigations().is_empty()).await;
    assert_eq!(create_link_posts().await.len(), 1);
}

#[wasm_bindgen_test]
async fn a_failed_load_offers_a_retry_that_then_works() {
    let cases = [
        // Every try of the configuration fails (the client makes three).
        (json!({"endpoint": "config", "kind": "status", "status": 503, "times": 3}), "wrong"),
        // The nonprofit answers with JSON that does not parse (not retried by the client).
        (json!({"endpoint": "organization", "kind": "malformed"}), "wrong"),
        // The network is down for every try.
        (json!({"endpoint": "config", "kind": "drop", "times": 3}), "connection"),
    ];
    for (fault_spec, says) in cases {
        let w = mount_failing(fault_spec.clone()).await;
        let note = w.text(".sir-note").to_lowercase();
        assert!(note.contains(says), "{fault_spec}: {note}");
        let button = w.el("button.sir-button");
        assert!(!button.has_attribute("disabled"), "{fault_spec}: the button stays usable");
        w.el(".sir-note button").click();
        recover_and_donate(&w).await;
    }
}

#[wasm_bindgen_test]
async fn a_click_on_donate_after_a_failed_load_loads_again_and_opens() {
    let w = mount_failing(json!({"endpoint": "config", "kind": "status", "status": 500, "times": 3})).await;
    w.el("button.sir-button").click();
    wait_until("the dialog opens once loaded", || w.dialog_open()).await;
}

#[wasm_bindgen_test]
async fn coming_back_online_loads_again_by_itself() {
    let w = mount_failing(json!({"endpoint": "config", "kind": "drop", "times": 3})).await;
    assert!(!w.dialog_open());
    web_sys::window().unwrap().dispatch_event(&web_sys::Event::new("online").unwrap()).unwrap();
    recover_and_donate(&w).await;
}
