//! Faults that answer: a given status, headers and body, a delay, broken
//! JSON; consumed first in first out per endpoint, never by a preflight, and
//! refused when malformed.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::*;

#[tokio::test]
async fn status_fault_answers_with_given_status_headers_and_json_body() {
    let sb = sandbox().await;
    add_fault(
        &sb,
        json!({
            "endpoint": "config",
            "kind": "status",
            "status": 503,
            "headers": {"Retry-After": "7", "X-Custom": "yes"},
            "body": {"oops": true}
        }),
    )
    .await;
    // Faults hit before authentication: no key needed to get the fault.
    let res = get(&sb, "/v1/partner/config", None).await;
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["retry-after"], "7");
    assert_eq!(res.headers()["x-custom"], "yes");
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
    assert_eq!(res.json::<Value>().await.unwrap(), json!({"oops": true}));
    // Consumed: the next request is normal again.
    assert_eq!(get(&sb, "/v1/partner/config", Some(&acme_key())).await.status(), 200);
}

#[tokio::test]
async fn status_fault_with_string_body_sends_raw_text_and_default_body_is_an_error_body() {
    let sb = sandbox().await;
    add_fault(
        &sb,
        json!({"endpoint": "organization", "kind": "status", "status": 502, "body": "<html>bad gateway</html>"}),
    )
    .await;
    let res = get(&sb, "/v1/partner/organizations/khan-academy", Some(&acme_key())).await;
    assert_eq!(res.status(), 502);
    assert_eq!(res.text().await.unwrap(), "<html>bad gateway</html>");

    add_fault(&sb, json!({"endpoint": "status", "kind": "status"})).await;
    let res = get(&sb, "/v1/partner/donations/status/pdn_1", Some(&acme_key())).await;
    error_body(res, 500, "INTERNAL_SERVER_ERROR").await;

    add_fault(
        &sb,
        json!({"endpoint": "create-link", "kind": "status", "status": 429, "headers": {"Retry-After": "2"}}),
    )
    .await;
    let res = post_json(&sb, "/v1/partner/donations/create-link", Some(&acme_key()), &valid_body()).await;
    assert_eq!(res.headers()["retry-after"], "2");
    error_body(res, 429, "RATE_LIMITED").await;
}

#[tokio::test]
async fn faults_apply_times_in_fifo_order_per_endpoint() {
    let sb = sandbox().await;
    add_fault(&sb, json!({"endpoint": "config", "kind": "status", "status": 500, "times": 2})).await;
    add_fault(&sb, json!({"endpoint": "config", "kind": "status", "status": 418})).await;
    add_fault(&sb, json!({"endpoint": "organization", "kind": "status", "status": 504})).await;

    let key = acme_key();
    let statuses = [
        get(&sb, "/v1/partner/config", Some(&key)).await.status().as_u16(),
        get(&sb, "/v1/partner/config", Some(&key)).await.status().as_u16(),
        get(&sb, "/v1/partner/config", Some(&key)).await.status().as_u16(),
        get(&sb, "/v1/partner/config", Some(&key)).await.status().as_u16(),
    ];
    assert_eq!(statuses, [500, 500, 418, 200]);
    assert_eq!(get(&sb, "/v1/partner/organizations/khan-academy", Some(&key)).await.status(), 504);
}

#[tokio::test]
async fn preflights_do_not_consume_faults() {
    let sb = sandbox().await;
    add_fault(&sb, json!({"endpoint": "create-link", "kind": "drop"})).await;
    let preflight = client()
        .request(reqwest::Method::OPTIONS, format!("{}/v1/partner/donations/create-link", sb.api_url()))
        .header("Origin", "http://example.test")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "x-partner-key,content-type")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    // The drop is still queued for the real request.
    let result = client()
        .post(format!("{}/v1/partner/donations/create-link", sb.api_url()))
        .header(KEY_HEADER, acme_key())
        .json(&valid_body())
        .send()
        .await;
    assert!(result.is_err(), "expected a network error, got {result:?}");
}

#[tokio::test]
async fn delay_fault_waits_then_answers_normally() {
    let sb = sandbox().await;
    add_fault(&sb, json!({"endpoint": "config", "kind": "delay", "delayMs": 400})).await;
    let started = Instant::now();
    let res = get(&sb, "/v1/partner/config", Some(&acme_key())).await;
    assert!(started.elapsed() >= Duration::from_millis(400), "{:?}", started.elapsed());
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["name"], "Acme Giving");

    let started = Instant::now();
    get(&sb, "/v1/partner/config", Some(&acme_key())).await;
    assert!(started.elapsed() < Duration::from_millis(400), "the delay fault was not consumed");
}

#[tokio::test]
async fn malformed_fault_sends_invalid_json_labelled_as_json() {
    let sb = sandbox().await;
    add_fault(&sb, json!({"endpoint": "status", "kind": "malformed"})).await;
    let res = get(&sb, "/v1/partner/donations/status/pdn_1", Some(&acme_key())).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    let text = res.text().await.unwrap();
    assert!(!text.is_empty());
    assert!(serde_json::from_str::<Value>(&text).is_err(), "{text} parsed");

    add_fault(&sb, json!({"endpoint": "status", "kind": "malformed", "status": 500})).await;
    let res = get(&sb, "/v1/partner/donations/status/pdn_1", Some(&acme_key())).await;
    assert_eq!(res.status(), 500);
    assert!(serde_json::from_str::<Value>(&res.text().await.unwrap()).is_err());
}

#[tokio::test]
async fn invalid_faults_are_rejected() {
    let sb = sandbox().await;
    for bad in [
        json!({"endpoint": "nope", "kind": "status"}),
        json!({"endpoint": "config", "kind": "teleport"}),
        json!({"endpoint": "config", "kind": "status", "status": 42}),
        json!({"endpoint": "config", "kind": "status", "times": 0}),
        json!({"endpoint": "config", "kind": "status", "unknownField": 1}),
        json!("just a string"),
    ] {
        let res = post_json(&sb, "/__sandbox/faults", None, &bad).await;
        error_body(res, 400, "VALIDATION_FAILED").await;
    }
    let res = post_raw(&sb, "/__sandbox/faults", None, "{not json").await;
    assert_eq!(res.status(), 400);
    // Nothing was queued.
    assert_eq!(get(&sb, "/v1/partner/config", Some(&acme_key())).await.status(), 200);
}
