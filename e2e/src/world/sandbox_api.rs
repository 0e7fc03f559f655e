//! The sandbox's control API (`/__sandbox/…`): the log of the API requests the widget made, and
//! faults queued for the next ones; and the partner API's view of a donation.

use serde_json::Value;
use sir_sandbox::fixture_keys;

use super::World;

impl World {
    /// Every `/v1/` request the sandbox received, oldest first (preflights included).
    pub async fn api_requests(&self) -> Vec<Value> {
        let url = format!("{}/__sandbox/requests", self.sandbox.api_url());
        let answer = self.http.get(url).send().await.expect("GET /__sandbox/requests");
        assert!(answer.status().is_success(), "GET /__sandbox/requests: {}", answer.status());
        answer.json::<Vec<Value>>().await.expect("a JSON array")
    }

    /// `(method, path)` of the non-preflight `/v1/` requests so far.
    pub async fn api_calls(&self) -> Vec<(String, String)> {
        self.api_requests()
            .await
            .iter()
            .filter(|r| r["method"] != "OPTIONS")
            .map(|r| (r["method"].as_str().unwrap().to_owned(), r["path"].as_str().unwrap().to_owned()))
            .collect()
    }

    /// The create-link requests so far (`POST`, with the `body` the widget sent).
    pub async fn create_link_requests(&self) -> Vec<Value> {
        let requests = self.api_requests().await.into_iter();
        requests.filter(|r| r["method"] == "POST" && r["path"] == "/v1/partner/donations/create-link").collect()
    }

    /// Queues a sandbox fault (`POST /__sandbox/faults`).
    pub async fn fault(&self, fault: Value) {
        let url = format!("{}/__sandbox/faults", self.sandbox.api_url());
        let answer = self.http.post(url).json(&fault).send().await.expect("POST /__sandbox/faults");
        assert_eq!(answer.status().as_u16(), 201, "fault {fault} refused: {:?}", answer.text().await);
    }

    /// The donation's status as the partner API reports it.
    pub async fn donation_status(&self, id: &str) -> Value {
        let url = format!("{}/v1/partner/donations/status/{id}", self.sandbox.api_url());
        let answer =
            self.http.get(url).header("X-Partner-Key", fixture_keys::acme()).send().await.expect("status request");
        assert!(answer.status().is_success(), "status of {id}: {}", answer.status());
        answer.json().await.expect("status JSON")
    }
}
