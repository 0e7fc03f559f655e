//! Navigations: waiting for the browser to reach a URL, and the sandbox's checkout page the
//! widget sends donors to.

use std::time::Instant;

use fantoccini::Locator;
use fantoccini::elements::Element;

use super::{POLL, SOON, World};

impl World {
    /// Waits (up to [`SOON`]) until the browser's URL satisfies `ok`, and returns it.
    pub async fn wait_url(&self, what: &str, ok: impl Fn(&url::Url) -> bool) -> url::Url {
        let started = Instant::now();
        loop {
            let url = self.client.current_url().await.expect("current URL");
            if ok(&url) {
                return url;
            }
            if started.elapsed() >= SOON {
                panic!("timed out after {SOON:?} waiting for {what}; the browser is at {url}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the browser shows the sandbox's checkout page and returns the donation id.
    pub async fn wait_checkout(&self) -> String {
        let prefix = format!("{}/checkout/", self.sandbox.api_url());
        let url = self.wait_url("the sandbox's checkout page", |u| u.as_str().starts_with(&prefix)).await;
        let id = url.path().trim_start_matches("/checkout/").to_owned();
        assert!(id.starts_with("pdn_"), "a donation id in the checkout URL {url}");
        self.wait_xpath("//button[normalize-space()='Complete donation']").await;
        id
    }

    /// Waits (up to [`SOON`]) until the page has an element matching `xpath`: the checkout page
    /// is the sandbox's plain HTML, where its buttons are best found by their text.
    pub async fn wait_xpath(&self, xpath: &str) -> Element {
        let started = Instant::now();
        loop {
            match self.client.find(Locator::XPath(xpath)).await {
                Ok(e) => return e,
                Err(e) if e.is_no_such_element() => {}
                Err(e) => panic!("looking for {xpath}: {e}"),
            }
            if started.elapsed() >= SOON {
                let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
                panic!("timed out after {SOON:?} waiting for {xpath} at {url}");
            }
            tokio::time::sleep(POLL).await;
        }
    }
}
