//! The widget on a `pkg-demo/` page, as a visitor meets it: the loader's placeholder, the mounted
//! widget, its dialog and the donor fields, and what it says.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use serde_json::json;

use super::{MOUNT, POLL, SOON, World};
use crate::DemoPage;

const DESCRIBE_WIDGET: &str = include_str!("../../js/describe_widget.js");
const MOUNT_STATE: &str = include_str!("../../js/mount_state.js");
const DIALOG_IS: &str = include_str!("../../js/dialog_is.js");

impl World {
    /// The first match of `css` in the widget's own (nested) shadow root inside `host`.
    pub async fn inner(&self, host: &str, css: &str) -> Option<Element> {
        self.element(
            "const r = inner(arguments[0]); return r ? r.querySelector(arguments[1]) : null;",
            vec![json!(host), json!(css)],
        )
        .await
    }

    /// Like [`World::inner`], but polls until the element exists (bounded by `timeout`).
    pub async fn wait_inner(&self, host: &str, css: &str, timeout: Duration) -> Element {
        let started = Instant::now();
        loop {
            if let Some(element) = self.inner(host, css).await {
                return element;
            }
            if started.elapsed() >= timeout {
                let state = self.describe(host).await;
                panic!("timed out after {timeout:?} waiting for `{css}` in the widget of `{host}`; {state}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The first match of `css` in the loader's shadow root of `host` (the placeholder).
    pub async fn outer(&self, host: &str, css: &str) -> Option<Element> {
        self.element(
            "const r = outer(arguments[0]); return r ? r.querySelector(arguments[1]) : null;",
            vec![json!(host), json!(css)],
        )
        .await
    }

    /// What `host` holds now, for failure messages.
    pub async fn describe(&self, host: &str) -> String {
        let state = self.js(DESCRIBE_WIDGET, vec![json!(host)]).await;
        state.as_str().unwrap_or_default().to_owned()
    }

    /// Waits until the widget in `host` has loaded its config: its button is enabled (returned),
    /// or, inline, its form is shown (its submit button returned). Fails at once if loading ended
    /// otherwise (the loader's fallback, or the widget's error note).
    pub async fn wait_mounted(&self, host: &str) -> Element {
        let started = Instant::now();
        loop {
            let state = self.js(MOUNT_STATE, vec![json!(host)]).await;
            match state.as_str().unwrap_or_default() {
                "mounted" => {
                    let ready = "button.sir-button:enabled, .sir-inline button.sir-submit";
                    return self.inner(host, ready).await.expect("the enabled button or the inline form");
                }
                "loading" if started.elapsed() < MOUNT => tokio::time::sleep(POLL).await,
                _ => {
                    let detail = self.describe(host).await;
                    panic!("the widget in `{host}` did not mount ({state}); {detail}");
                }
            }
        }
    }

    /// Opens `page` and waits until every widget on it is mounted; on a page that loads on
    /// intent, the pointer first moves onto the placeholder.
    pub async fn open_mounted(&self, page: &DemoPage) {
        self.open(page.file).await;
        if page.loads_on_intent {
            let placeholder = self.outer(page.widgets[0], "button").await.expect("the placeholder");
            self.hover(&placeholder).await;
        }
        for host in page.widgets {
            self.wait_mounted(host).await;
        }
    }

    /// Whether the dialog of `host` is open now.
    pub async fn dialog_open(&self, host: &str) -> bool {
        self.inner(host, "dialog.sir-dialog[open]").await.is_some()
    }

    /// Waits until the dialog of `host` is `open` (or closed).
    pub async fn wait_dialog(&self, host: &str, open: bool) {
        let what = if open { "open" } else { "closed" };
        self.wait_js(&format!("the dialog of `{host}` is {what}"), DIALOG_IS, vec![json!(host), json!(open)], SOON)
            .await;
    }

    /// Opens the dialog of a mounted widget with a real click on its button.
    pub async fn open_dialog(&self, host: &str) {
        self.wait_mounted(host).await.click().await.unwrap_or_else(|e| panic!("click on `{host}`: {e}"));
        self.wait_dialog(host, true).await;
    }

    /// The `value` of an input in the widget's dialog.
    pub async fn field_value(&self, host: &str, css: &str) -> String {
        let v = self
            .js("const r = inner(arguments[0]); const e = r && r.querySelector(arguments[1]); return e ? e.value : null;", vec![
                json!(host),
                json!(css),
            ])
            .await;
        v.as_str().unwrap_or_else(|| panic!("no `{css}` in the widget of `{host}`")).to_owned()
    }

    /// Types into the donor fields with WebDriver (which focuses each field first).
    pub async fn fill_donor(&self, host: &str, first: &str, last: &str, email: &str) {
        for (css, text) in [("#sir-first-name", first), ("#sir-last-name", last), ("#sir-email", email)] {
            let field = self.wait_inner(host, css, SOON).await;
            field.send_keys(text).await.unwrap_or_else(|e| panic!("typing into {css}: {e}"));
            assert_eq!(self.field_value(host, css).await, text, "{css} holds what was typed");
        }
    }

    /// The text of the widget's shadow root (button, dialog, outcome).
    pub async fn widget_text(&self, host: &str) -> String {
        let v = self.js("const r = inner(arguments[0]); return r ? r.textContent : '';", vec![json!(host)]).await;
        v.as_str().unwrap_or_default().to_owned()
    }

    /// Waits until the widget's shadow root shows `text`.
    pub async fn wait_text(&self, host: &str, text: &str, timeout: Duration) {
        self.wait_js(
            &format!("the widget of `{host}` shows {text:?}"),
            "const r = inner(arguments[0]); return !!r && r.textContent.includes(arguments[1]);",
            vec![json!(host), json!(text)],
            timeout,
        )
        .await;
    }
}
