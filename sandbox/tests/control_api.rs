//! The `/__sandbox/` control API: faults of every kind, the request log,
//! added organizations, donation transitions and reset.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};
use sir_sandbox::SandboxConfig;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

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

/// Sends a raw request and returns every byte the server sent back.
async fn raw_exchange(addr: std::net::SocketAddr, request: &str) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut received = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut received))
        .await
        .expect("the server closes the connection");
    // A reset instead of a clean close is fine too: either way nothing arrived.
    if let Err(err) = read {
        assert_eq!(err.kind(), std::io::ErrorKind::ConnectionReset, "{err}");
    }
    received
}

#[tokio::test]
async fn drop_fault_closes_the_connection_without_any_response() {
    let sb = sandbox().await;
    let request =
        format!("GET /v1/partner/config HTTP/1.1\r\nHost: {}\r\nX-Partner-Key: {}\r\n\r\n", sb.api_addr, acme_key());
    // Control: without a fault the same raw request gets a real answer.
    let control = format!(
        "GET /v1/partner/config HTTP/1.1\r\nHost: {}\r\nX-Partner-Key: {}\r\nConnection: close\r\n\r\n",
        sb.api_addr,
        acme_key()
    );
    let answer = raw_exchange(sb.api_addr, &control).await;
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&answer));

    add_fault(&sb, json!({"endpoint": "config", "kind": "drop"})).await;
    let received = raw_exchange(sb.api_addr, &request).await;
    assert!(received.is_empty(), "got {:?}", String::from_utf8_lossy(&received));

    // The dropped request was still recorded.
    let log = request_log(&sb).await;
    assert_eq!(log.len(), 2);
    assert_eq!(log[1]["path"], "/v1/partner/config");
}

#[tokio::test]
async fn drop_fault_with_times_shows_as_network_errors_to_a_client() {
    let sb = sandbox().await;
    add_fault(&sb, json!({"endpoint": "status", "kind": "drop", "times": 2})).await;
    for _ in 0..2 {
        let result = client()
            .get(format!("{}/v1/partner/donations/status/pdn_1", sb.api_url()))
            .header(KEY_HEADER, acme_key())
            .send()
            .await;
        assert!(result.is_err(), "expected a network error, got {result:?}");
    }
    let res = get(&sb, "/v1/partner/donations/status/pdn_1", Some(&acme_key())).await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn connections_are_not_kept_alive_while_a_drop_is_queued() {
    // Browsers resend a request whose reused connection closes unanswered; a
    // fresh connection per request keeps a drop visible to the client.
    let sb = sandbox().await;
    let keep_alive = |res: &reqwest::Response| res.headers().get("connection").map(|v| v.to_str().unwrap().to_owned());
    let before = get(&sb, "/v1/partner/config", Some(&acme_key())).await;
    assert_eq!(keep_alive(&before), None);
    add_fault(&sb, json!({"endpoint": "create-link", "kind": "drop"})).await;
    let during = get(&sb, "/v1/partner/config", Some(&acme_key())).await;
    assert_eq!(keep_alive(&during).as_deref(), Some("close"));
    let dropped = client()
        .post(format!("{}/v1/partner/donations/create-link", sb.api_url()))
        .header(KEY_HEADER, acme_key())
        .body("{}")
        .send()
        .await;
    assert!(dropped.is_err());
    let after = get(&sb, "/v1/partner/config", Some(&acme_key())).await;
    assert_eq!(keep_alive(&after), None, "back to keep-alive once the drop is used up");
}

#[tokio::test]
async fn queuing_a_drop_closes_idle_keep_alive_connections() {
    let sb = sandbox().await;
    let mut idle = TcpStream::connect(sb.api_addr).await.unwrap();
    let request =
        format!("GET /v1/partner/config HTTP/1.1\r\nHost: {}\r\nX-Partner-Key: {}\r\n\r\n", sb.api_addr, acme_key());
    idle.write_all(request.as_bytes()).await.unwrap();
    let mut buf = vec![0u8; 64 * 1024];
    let n = idle.read(&mut buf).await.unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"), "a kept-alive answer first");
    // Control: without a drop fault the idle connection stays open.
    add_fault(&sb, json!({"endpoint": "config", "kind": "status", "status": 500})).await;
    let still_open = tokio::time::timeout(Duration::from_millis(200), idle.read(&mut buf)).await;
    assert!(still_open.is_err(), "no close without a drop fault");
    add_fault(&sb, json!({"endpoint": "create-link", "kind": "drop"})).await;
    let closed = tokio::time::timeout(Duration::from_secs(5), idle.read(&mut buf)).await.expect("closed promptly");
    assert_eq!(closed.unwrap_or(0), 0, "EOF: the idle connection was closed");
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

#[tokio::test]
async fn request_log_records_v1_requests_in_order() {
    let sb = sandbox().await;
    let key = acme_key();
    get(&sb, "/v1/partner/config", Some(&key)).await;
    client()
        .request(reqwest::Method::OPTIONS, format!("{}/v1/partner/donations/create-link", sb.api_url()))
        .header("Origin", "http://example.test")
        .header("Access-Control-Request-Method", "POST")
        .send()
        .await
        .unwrap();
    post_json(&sb, "/v1/partner/donations/create-link", Some(&key), &valid_body()).await;
    post_raw(&sb, "/v1/partner/donations/create-link", Some(&key), "plain text").await;
    get(&sb, "/v1/partner/organizations/khan-academy?lang=en&x=1", None).await;
    // Not under /v1/: not recorded.
    get(&sb, "/logos/khan-academy.svg", None).await;

    let log = request_log(&sb).await;
    let summary: Vec<(String, String)> = log
        .iter()
        .map(|e| (e["method"].as_str().unwrap().to_owned(), e["path"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("GET".into(), "/v1/partner/config".into()),
            ("OPTIONS".into(), "/v1/partner/donations/create-link".into()),
            ("POST".into(), "/v1/partner/donations/create-link".into()),
            ("POST".into(), "/v1/partner/donations/create-link".into()),
            ("GET".into(), "/v1/partner/organizations/khan-academy".into()),
        ]
    );
    assert_eq!(log[0]["headers"]["x-partner-key"], key);
    assert_eq!(log[0]["body"], Value::Null);
    assert_eq!(log[0]["query"], Value::Null);
    assert_eq!(log[1]["headers"]["origin"], "http://example.test");
    assert_eq!(log[2]["body"], valid_body());
    assert_eq!(log[2]["headers"]["content-type"], "application/json");
    assert_eq!(log[3]["body"], "plain text");
    assert_eq!(log[4]["query"], "lang=en&x=1");
    assert!(log[4]["headers"].get("x-partner-key").is_none());
}

#[tokio::test]
async fn reset_forgets_donations_faults_log_and_added_organizations() {
    let sb = sandbox().await;
    let key = acme_key();
    let created = create_donation(&sb, &key).await;
    let id = created["partnerDonationId"].as_str().unwrap().to_owned();
    add_fault(&sb, json!({"endpoint": "config", "kind": "status", "status": 500})).await;
    post_json(&sb, "/__sandbox/organizations", None, &json!({"slug": "new-org", "name": "New Org"})).await;
    post_json(&sb, "/__sandbox/organizations", None, &json!({"slug": "khan-academy", "name": "Replaced"})).await;

    let res = post_json(&sb, "/__sandbox/reset", None, &json!({})).await;
    assert_eq!(res.status(), 204);

    assert!(request_log(&sb).await.is_empty());
    assert_eq!(get(&sb, "/v1/partner/config", Some(&key)).await.status(), 200, "fault survived");
    let res = get(&sb, &format!("/v1/partner/donations/status/{id}"), Some(&key)).await;
    assert_eq!(res.status(), 404, "donation survived");
    assert_eq!(get(&sb, "/v1/partner/organizations/new-org", Some(&key)).await.status(), 404);
    let khan: Value = get(&sb, "/v1/partner/organizations/khan-academy", Some(&key)).await.json().await.unwrap();
    assert_eq!(khan["name"], "Khan Academy", "seeded organization not restored");
}

#[tokio::test]
async fn added_organizations_are_served_verbatim() {
    let sb = sandbox().await;
    let variant = json!({
        "id": "org_alias",
        "slug": "alias-variant",
        "name": "Alias Variant",
        "logo": "https://cdn.example/alias.png",
        "EIN": "12-3456789",
        "status": "ACTIVE",
        "tagline": "extra fields are kept"
    });
    let res = post_json(&sb, "/__sandbox/organizations", None, &variant).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.unwrap(), variant);

    let res = get(&sb, "/v1/partner/organizations/alias-variant", Some(&acme_key())).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap(), variant);

    // No logo at all is allowed, and an added organization can take donations.
    let bare = json!({"slug": "no-logo", "name": "No Logo Fund", "ein": "98-7654321"});
    post_json(&sb, "/__sandbox/organizations", None, &bare).await;
    let got: Value = get(&sb, "/v1/partner/organizations/no-logo", Some(&acme_key())).await.json().await.unwrap();
    assert_eq!(got, bare);
    let mut body = valid_body();
    body["nonprofitSlug"] = json!("no-logo");
    let res = post_json(&sb, "/v1/partner/donations/create-link", Some(&acme_key()), &body).await;
    assert_eq!(res.status(), 201);

    // Replacing a seeded organization.
    let replaced = json!({"slug": "american-red-cross", "name": "ARC Variant", "logoUrl": null});
    post_json(&sb, "/__sandbox/organizations", None, &replaced).await;
    let got: Value =
        get(&sb, "/v1/partner/organizations/american-red-cross", Some(&acme_key())).await.json().await.unwrap();
    assert_eq!(got, replaced);

    for bad in [json!({"name": "no slug"}), json!([1]), json!({"slug": ""}), json!({"slug": "a/b"})] {
        let res = post_json(&sb, "/__sandbox/organizations", None, &bad).await;
        error_body(res, 400, "VALIDATION_FAILED").await;
    }
}

#[tokio::test]
async fn control_transitions_complete_reward_and_cancel() {
    let sb = sandbox().await;
    let key = acme_key();
    let id = create_donation(&sb, &key).await["partnerDonationId"].as_str().unwrap().to_owned();

    let res = post_json(&sb, &format!("/__sandbox/donations/{id}/complete"), None, &json!({})).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], "COMPLETED");
    assert_eq!(body["partnerDonationId"], id);

    let rewarded = wait_for_status(&sb, &key, &id, "REWARDED").await;
    assert_eq!(rewarded["tokensAwarded"], 25);

    let again = post_json(&sb, &format!("/__sandbox/donations/{id}/cancel"), None, &json!({})).await;
    error_body(again, 409, "DONATION_NOT_PENDING").await;

    let other = create_donation(&sb, &key).await["partnerDonationId"].as_str().unwrap().to_owned();
    let res = post_json(&sb, &format!("/__sandbox/donations/{other}/cancel"), None, &json!({})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(status_of(&sb, &key, &other).await["status"], "CANCELLED");
    let res = post_json(&sb, &format!("/__sandbox/donations/{other}/complete"), None, &json!({})).await;
    error_body(res, 409, "DONATION_NOT_PENDING").await;

    let missing = post_json(&sb, "/__sandbox/donations/pdn_nope/complete", None, &json!({})).await;
    error_body(missing, 404, "NOT_FOUND").await;
}

#[tokio::test]
async fn control_api_can_be_turned_off() {
    let sb = sandbox_with(SandboxConfig { control: false, ..test_config() }).await;
    for path in ["/__sandbox/reset", "/__sandbox/faults", "/__sandbox/organizations"] {
        let res = post_json(&sb, path, None, &json!({"endpoint": "config", "kind": "drop"})).await;
        assert_eq!(res.status(), 404, "{path}");
    }
    assert_eq!(get(&sb, "/__sandbox/requests", None).await.status(), 404);
    // The API itself still works.
    assert_eq!(get(&sb, "/v1/partner/config", Some(&acme_key())).await.status(), 200);
}
