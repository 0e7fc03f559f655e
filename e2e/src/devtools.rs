//! The Chrome DevTools Protocol, through chromedriver: what WebDriver cannot do (emulate a
//! viewport, hide scrollbars, block URLs, read performance metrics, run a script in every new
//! document).

use fantoccini::Client;
use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{Value, json};

use crate::Result;

/// Sends one Chrome DevTools Protocol command through chromedriver
/// (`POST /session/{id}/goog/cdp/execute`) and returns its result.
pub async fn cdp(client: &Client, method: &str, params: Value) -> Result<Value> {
    Ok(client.issue_cmd(CdpCommand { method: method.to_owned(), params }).await?)
}

#[derive(Debug)]
struct CdpCommand {
    method: String,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.method, "params": self.params }).to_string()))
    }
}
