//! Finding elements: by CSS selector in the page ([`wait_for`]), inside the open shadow root of a
//! widget host `.sir-donate` ([`shadow_query`], [`wait_for_shadow`]), which page-level selectors
//! cannot reach, and from whatever a page script returned ([`element_of`]).

use std::time::{Duration, Instant};

use fantoccini::elements::{Element, ElementRef};
use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use crate::{POLL_INTERVAL, Result};

/// The key under which WebDriver encodes an element reference in JSON (W3C WebDriver, "web
/// element identifier").
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Waits until the page has an element matching `css` and returns it.
pub async fn wait_for(client: &Client, css: &str, timeout: Duration) -> Result<Element> {
    let started = Instant::now();
    loop {
        match client.find(Locator::Css(css)).await {
            Ok(element) => return Ok(element),
            Err(e) if e.is_no_such_element() => {}
            Err(e) => return Err(e.into()),
        }
        if started.elapsed() >= timeout {
            return Err(format!("timed out after {timeout:?} waiting for `{css}`").into());
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

/// The first element matching `css` inside the open shadow root of the page's
/// `host_index`-th widget host (`.sir-donate`), as an element WebDriver can click and read.
pub async fn shadow_query(client: &Client, host_index: usize, css: &str) -> Result<Element> {
    try_shadow_query(client, host_index, css)
        .await?
        .ok_or_else(|| format!("no `{css}` in the shadow root of widget #{host_index}").into())
}

/// Like [`shadow_query`], but polls until the element exists (bounded by `timeout`).
pub async fn wait_for_shadow(client: &Client, host_index: usize, css: &str, timeout: Duration) -> Result<Element> {
    let started = Instant::now();
    loop {
        if let Some(element) = try_shadow_query(client, host_index, css).await? {
            return Ok(element);
        }
        if started.elapsed() >= timeout {
            return Err(format!(
                "timed out after {timeout:?} waiting for `{css}` in the shadow root of widget #{host_index}"
            )
            .into());
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

async fn try_shadow_query(client: &Client, host_index: usize, css: &str) -> Result<Option<Element>> {
    const SHADOW_QUERY: &str = include_str!("../js/shadow_query.js");
    element_of(client, client.execute(SHADOW_QUERY, vec![json!(host_index), json!(css)]).await?)
}

/// The element a page script returned, as one WebDriver can click and type into; `None` for
/// `null`, an error for anything else that is not an element reference.
pub fn element_of(client: &Client, found: Value) -> Result<Option<Element>> {
    match &found {
        Value::Null => Ok(None),
        Value::Object(map) => match map.get(ELEMENT_KEY).and_then(Value::as_str) {
            Some(id) => Ok(Some(Element::from_element_id(client.clone(), ElementRef::from(id.to_owned())))),
            None => Err(format!("not an element reference: {found}").into()),
        },
        other => Err(format!("not an element reference: {other}").into()),
    }
}
