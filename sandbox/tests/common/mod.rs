//! Helpers shared by the integration tests: an in-process sandbox on free
//! ports, the fixture keys and a valid create-link body.

#![allow(dead_code)] // each test file uses a different subset

use std::time::Duration;

use reqwest::{Client, Response};
use serde_json::{Value, json};
use sir_sandbox::{RunningSandbox, SandboxConfig, start};

pub const KEY_HEADER: &str = "X-Partner-Key";

pub fn key(pair: &str) -> String {
    format!("pk_test_{}", pair.repeat(32))
}

pub fn acme_key() -> String {
    key("5a")
}

pub fn no_donations_key() -> String {
    key("0d")
}

pub fn paused_key() -> String {
    key("5e")
}

/// A config on free loopback ports with a short reward delay.
pub fn test_config() -> SandboxConfig {
    SandboxConfig {
        api_addr: "127.0.0.1:0".parse().unwrap(),
        static_addr: "127.0.0.1:0".parse().unwrap(),
        reward_delay: Duration::from_millis(100),
        ..SandboxConfig::default()
    }
}

pub async fn sandbox() -> RunningSandbox {
    start(test_config()).await.expect("sandbox starts")
}

pub async fn sandbox_with(config: SandboxConfig) -> RunningSandbox {
    start(config).await.expect("sandbox starts")
}

/// A client that does not follow redirects, so tests see the 303s.
pub fn client() -> Client {
    Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

pub fn valid_body() -> Value {
    json!({
        "nonprofitSlug": "american-red-cross",
        "amount": 2500,
        "currency": "USD",
        "frequency": "once",
        "provider": "stripe",
        "donorEmail": "ada@example.com",
        "firstName": "Ada",
        "lastName": "Lovelace",
    })
}

pub async fn get(sb: &RunningSandbox, path: &str, key: Option<&str>) -> Response {
    let mut req = client().get(format!("{}{path}", sb.api_url()));
    if let Some(key) = key {
        req = req.header(KEY_HEADER, key);
    }
    req.send().await.unwrap()
}

pub async fn post_json(sb: &RunningSandbox, path: &str, key: Option<&str>, body: &Value) -> Response {
    let mut req = client().post(format!("{}{path}", sb.api_url())).json(body);
    if let Some(key) = key {
        req = req.header(KEY_HEADER, key);
    }
    req.send().await.unwrap()
}

pub async fn post_raw(sb: &RunningSandbox, path: &str, key: Option<&str>, body: &str) -> Response {
    let mut req = client()
        .post(format!("{}{path}", sb.api_url()))
        .header("content-type", "application/json")
        .body(body.to_owned());
    if let Some(key) = key {
        req = req.header(KEY_HEADER, key);
    }
    req.send().await.unwrap()
}

/// Creates a donation as `key` and returns the create-link response body.
pub async fn create_donation(sb: &RunningSandbox, key: &str) -> Value {
    let res = post_json(sb, "/v1/partner/donations/create-link", Some(key), &valid_body()).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

pub async fn status_of(sb: &RunningSandbox, key: &str, id: &str) -> Value {
    let res = get(sb, &format!("/v1/partner/donations/status/{id}"), Some(key)).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// Polls the status endpoint until `status` shows up or ~3 s pass.
pub async fn wait_for_status(sb: &RunningSandbox, key: &str, id: &str, status: &str) -> Value {
    let mut last = Value::Null;
    for _ in 0..60 {
        last = status_of(sb, key, id).await;
        if last["status"] == status {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("donation {id} never reached {status}; last seen {last}");
}

/// Asserts the contract's error body shape and returns it.
pub async fn error_body(res: Response, status: u16, code: &str) -> Value {
    assert_eq!(res.status(), status, "unexpected status");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["statusCode"], status, "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert!(body["error"].is_string(), "{body}");
    assert!(body["message"].is_string() || body["message"].is_array(), "{body}");
    body
}

pub async fn add_fault(sb: &RunningSandbox, fault: Value) {
    let res = post_json(sb, "/__sandbox/faults", None, &fault).await;
    assert_eq!(res.status(), 201, "fault {fault} refused");
}

pub async fn request_log(sb: &RunningSandbox) -> Vec<Value> {
    let res = get(sb, "/__sandbox/requests", None).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}
