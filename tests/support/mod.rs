//! Shared helpers for the browser tests: the sandbox's address and its control API.
//!
//! The tests talk to a real `sir-sandbox` over HTTP. The README's test command starts one and
//! passes its address in `SIR_SANDBOX_URL` at compile time; by hand, run `cargo run -p sir-sandbox`
//! and the default below is right.
#![allow(dead_code)] // each test file uses its own subset

use gloo_net::http::Request;
use serde_json::Value;
use sir_donate::api::Client;
use sir_donate::key::{ApiBase, PublishableKey};

pub const SANDBOX_URL: &str = match option_env!("SIR_SANDBOX_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8787",
};

/// Fixture keys of the sandbox: `pk_test_` + a hex pair repeated 32 times.
pub const ACME: &str = "5a";
pub const NO_DONATIONS: &str = "0d";
pub const SUSPENDED: &str = "5e";

pub fn key(pair: &str) -> PublishableKey {
    PublishableKey::parse(&format!("pk_test_{}", pair.repeat(32))).expect("fixture key parses")
}

pub fn sandbox_base() -> ApiBase {
    ApiBase::parse_override(SANDBOX_URL).expect("sandbox URL is a loopback URL")
}

/// A client for a fixture partner, pointed at the sandbox.
pub fn client(pair: &str) -> Client {
    Client::new(key(pair)).with_api_base(sandbox_base())
}

async fn control(path: &str, body: Option<Value>) -> String {
    let url = format!("{SANDBOX_URL}/__sandbox/{path}");
    let response = match body {
        Some(body) => Request::post(&url).header("Content-Type", "application/json").body(body.to_string()),
        None => Request::post(&url).build(),
    }
    .expect("control request builds")
    .send()
    .await
    .unwrap_or_else(|e| panic!("sandbox control API unreachable at {url} (is sir-sandbox running?): {e}"));
    assert!(response.ok(), "control {path} answered {}", response.status());
    response.text().await.expect("control body")
}

/// Forgets donations, faults and the request log.
pub async fn reset() {
    control("reset", None).await;
}

/// Queues a fault (see the spec's control API).
pub async fn fault(spec: Value) {
    control("faults", Some(spec)).await;
}

pub async fn add_organization(org: Value) {
    control("organizations", Some(org)).await;
}

pub async fn complete(id: &str) {
    control(&format!("donations/{id}/complete"), None).await;
}

/// The API requests the sandbox received since the last reset, preflights included.
pub async fn requests() -> Vec<Value> {
    let url = format!("{SANDBOX_URL}/__sandbox/requests");
    let text = Request::get(&url).send().await.expect("request log").text().await.expect("log body");
    serde_json::from_str(&text).expect("request log is JSON")
}

/// How many non-preflight requests hit `path_suffix` since the last reset.
pub async fn count_requests(method: &str, path_suffix: &str) -> usize {
    requests()
        .await
        .iter()
        .filter(|r| r["method"] == method && r["path"].as_str().is_some_and(|p| p.ends_with(path_suffix)))
        .count()
}
