//! Console errors and warnings, uncaught errors, failed loads and unhandled rejections, recorded
//! from the start of every document (`e2e/js/record_errors.js`).

use serde_json::json;

use super::World;
use crate::cdp;

const RECORD_ERRORS: &str = include_str!("../../js/record_errors.js");

impl World {
    /// Records console errors and warnings of every document loaded from now on, in
    /// `window.__errors` and `window.__warnings`. Through the DevTools protocol, so that the
    /// recorder runs before any page script and whatever the page's CSP.
    pub async fn record_errors(&self) {
        cdp(&self.client, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": RECORD_ERRORS }))
            .await
            .expect("Page.addScriptToEvaluateOnNewDocument");
    }

    /// What was recorded in `window.<what>` (`__errors` or `__warnings`) on this page.
    pub async fn recorded(&self, what: &str) -> Vec<String> {
        let v = self.js(&format!("return window.{what} || null;"), vec![]).await;
        let list = v.as_array().unwrap_or_else(|| panic!("window.{what} was not recorded on this page"));
        list.iter().map(|s| s.as_str().unwrap_or_default().to_owned()).collect()
    }
}
