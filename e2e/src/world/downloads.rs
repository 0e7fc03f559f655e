//! What the page fetched of the widget (the glue and the wasm, not the loader), and checks that
//! it fetched nothing while it must not.

use std::time::{Duration, Instant};

use serde_json::json;

use super::{MOUNT, POLL, World};

/// How long a page is watched for a download that must not happen.
const QUIET: Duration = Duration::from_secs(2);

const TWO_IDLE_PERIODS: &str = include_str!("../../js/two_idle_periods.js");

impl World {
    /// (wasm files, glue files) the page has fetched so far.
    pub async fn downloads(&self) -> (Vec<String>, Vec<String>) {
        let v = self.js("return downloads();", vec![]).await;
        let list = |k: &str| -> Vec<String> {
            v[k].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect()
        };
        (list("wasm"), list("glue"))
    }

    /// Waits until the page has fetched the wasm, and returns (wasm files, glue files).
    pub async fn wait_downloaded(&self, page: &str) -> (Vec<String>, Vec<String>) {
        self.wait_js(&format!("{page} fetched the wasm"), "return downloads().wasm.length > 0", vec![], MOUNT).await;
        self.downloads().await
    }

    /// Watches the page for a while after the browser went idle: nothing of the widget may be
    /// fetched, and no API request made.
    pub async fn assert_nothing_fetched(&self) {
        self.wait_loaded().await;
        let idle = self.client.execute_async(TWO_IDLE_PERIODS, vec![]).await.unwrap();
        assert_eq!(idle, json!(true));
        let started = Instant::now();
        while started.elapsed() < QUIET {
            let (wasm, glue) = self.downloads().await;
            assert!(wasm.is_empty() && glue.is_empty(), "fetched without intent: {wasm:?} {glue:?}");
            tokio::time::sleep(POLL).await;
        }
        assert_eq!(self.api_calls().await, Vec::<(String, String)>::new(), "no API request without intent");
    }
}
