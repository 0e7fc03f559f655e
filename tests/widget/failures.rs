//! Submissions that fail: rate limits, server errors, dropped connections, timeouts and refusals,
//! each explained to the donor with what they typed kept, and none leaking server text or donor
//! input to the page's scripts.

use std::time::Duration;

use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

use crate::harness::*;
use crate::support::*;

#[wasm_bindgen_test]
async fn a_429_counts_down_and_keeps_the_donor_input() {
    reset().await;
    fault(json!({"endpoint": "create-link", "kind": "status", "status": 429, "headers": {"Retry-After": "30"}})).await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.fill_donor().await;
    let alert = submit_expecting_alert(&w).await;
    assert!(alert.contains("30") || alert.contains("29"), "{alert}");
    let retry = w.el(".sir-alert button");
    assert!(retry.has_attribute("disabled"), "retry waits for the countdown");
    w.submit_button().click();
    sleep(200).await;
    assert_eq!(create_link_posts().await.len(), 1, "no second request during the countdown");
    assert_eq!(w.el("#sir-email").unchecked_into::<HtmlInputElement>().value(), "ada@example.org");
    assert!(w.navigations().is_empty());
    assert!(w.events.borrow().iter().any(|(n, d)| n == "sir-donate:error" && d.contains("rate_limited")));
}

#[wasm_bindgen_test]
async fn a_500_offers_retry_which_then_succeeds() {
    reset().await;
    fault(json!({"endpoint": "create-link", "kind": "status", "status": 500})).await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.fill_donor().await;
    let alert = submit_expecting_alert(&w).await;
    assert!(alert.contains("Try again") || alert.to_lowercase().contains("wrong"), "{alert}");
    assert_eq!(w.el("#sir-first-name").unchecked_into::<HtmlInputElement>().value(), "Ada", "input kept");
    w.el(".sir-alert button").click();
    wait_until("the redirect after retrying", || !w.navigations().is_empty()).await;
    assert_eq!(create_link_posts().await.len(), 2, "one request per submission");
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_a_network_error_with_retry() {
    reset().await;
    fault(json!({"endpoint": "create-link", "kind": "drop"})).await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.fill_donor().await;
    let alert = submit_expecting_alert(&w).await;
    assert!(alert.to_lowercase().contains("connection") || alert.to_lowercase().contains("reach"), "{alert}");
    assert!(w.q(".sir-alert button").is_some(), "a retry button");
    assert_eq!(create_link_posts().await.len(), 1);
    assert!(w.navigations().is_empty());
}

#[wasm_bindgen_test]
async fn a_timeout_is_explained_and_can_be_retried() {
    reset().await;
    fault(json!({"endpoint": "create-link", "kind": "delay", "delayMs": 2000})).await;
    let w = mount(Props { timeout: Some(Duration::from_millis(500)), ..Props::default() }).await;
    w.open().await;
    w.fill_donor().await;
    let alert = submit_expecting_alert(&w).await;
    assert!(alert.contains("too long"), "{alert}");
    assert!(w.navigations().is_empty());
    assert!(w.events.borrow().iter().any(|(n, d)| n == "sir-donate:error" && d.contains("timeout")));
    w.el(".sir-alert button").click();
    wait_until("the redirect after retrying", || !w.navigations().is_empty()).await;
    assert_eq!(w.el("#sir-last-name").unchecked_into::<HtmlInputElement>().value(), "Lovelace");
}

#[wasm_bindgen_test]
async fn feature_disabled_at_submit_is_explained() {
    reset().await;
    fault(json!({"endpoint": "create-link", "kind": "status", "status": 403,
        "body": {"statusCode": 403, "code": "FEATURE_DISABLED", "message": "no donations"}}))
    .await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.fill_donor().await;
    let alert = submit_expecting_alert(&w).await;
    assert!(alert.to_lowercase().contains("available"), "{alert}");
    assert!(w.events.borrow().iter().any(|(n, d)| n == "sir-donate:error" && d.contains("feature_disabled")));
}

/// What a careless server might say back: the donor's own name and email.
const ECHO: &str = "could not create donation for Jane Doe <jane@example.com>";

#[wasm_bindgen_test]
async fn error_events_and_callbacks_never_carry_server_text_or_donor_input() {
    let body = |code: &str| json!({"statusCode": 0, "error": ECHO, "code": code, "message": [ECHO]});
    let cases = [
        // 4xx with a code the widget knows, with one it does not, a 409 and a 429.
        (json!({"status": 403, "body": body("FEATURE_DISABLED")}), "feature_disabled", Some(403u64)),
        (json!({"status": 403, "body": body("JANE_DOE")}), "forbidden", Some(403)),
        (json!({"status": 400, "body": body("VALIDATION_FAILED")}), "validation", Some(400)),
        (json!({"status": 409, "body": body("CONFLICT")}), "unexpected_status", Some(409)),
        (
            json!({"status": 429, "body": body("RATE_LIMITED"), "headers": {"Retry-After": "1"}}),
            "rate_limited",
            Some(429),
        ),
        // 5xx, and a malformed body in a success answer.
        (json!({"status": 500, "body": body("INTERNAL")}), "server_error", Some(500)),
        (json!({"status": 201, "body": ECHO}), "invalid_response", None),
    ];
    for (answer, code, status) in cases {
        reset().await;
        let mut spec = json!({"endpoint": "create-link", "kind": "status"});
        spec.as_object_mut().unwrap().extend(answer.as_object().unwrap().clone());
        fault(spec).await;
        let w = mount(Props::default()).await;
        w.open().await;
        w.type_into("#sir-first-name", "Jane").await;
        w.type_into("#sir-last-name", "Doe").await;
        w.type_into("#sir-email", "jane@example.com").await;
        submit_expecting_alert(&w).await;
        wait_until("the error event", || w.event_names().iter().any(|n| n == "sir-donate:error")).await;
        let events = w.events.borrow().clone();
        let (_, detail) = events.iter().find(|(n, _)| n == "sir-donate:error").unwrap();
        let detail: Value = serde_json::from_str(detail).unwrap();
        assert_eq!(detail["code"], code, "{detail}");
        assert_eq!(detail["status"].as_u64(), status, "{detail}");
        let callbacks = w.callbacks.lock().unwrap().join("\n");
        assert!(callbacks.contains(&format!("code: {code:?}")), "{callbacks}");
        let published: Vec<String> =
            events.iter().map(|(_, d)| d.clone()).chain(callbacks.lines().map(str::to_owned)).collect();
        for text in &published {
            for word in ["Jane", "Doe", "jane@", "jane%40", "example.com"] {
                assert!(!text.contains(word), "{code}: {word:?} reached a page script: {text}");
            }
        }
        // What the donor typed survives the failure.
        assert_eq!(w.el("#sir-email").unchecked_into::<HtmlInputElement>().value(), "jane@example.com");
    }
}
