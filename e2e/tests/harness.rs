//! The harness itself, in headless Chromium against the sandbox's placeholder page: viewport
//! sizes, the dark colour scheme, and elements found and clicked inside a shadow root.
//! Needs chromedriver and Chromium (`scripts/setup.sh`; `CHROMEDRIVER` as in `scripts/env.sh`).

use std::time::Duration;

use serde_json::json;
use sir_e2e::{
    Driver, SessionOptions, cdp, inner_size, set_viewport, shadow_query, start_sandbox, wait_for, wait_for_shadow,
};

const WAIT: Duration = Duration::from_secs(5);

const FAKE_WIDGET_HOSTS: &str = include_str!("../js/tests/fake_widget_hosts.js");

#[tokio::test]
async fn sessions_get_the_viewport_and_colour_scheme_asked_for() {
    let sandbox = start_sandbox(None).await.unwrap();
    let driver = Driver::start().await.unwrap();
    for (width, height, dark) in [(1280, 800, false), (375, 812, true)] {
        let client = driver.session(SessionOptions { width, height, dark }).await.unwrap();
        client.goto(&sandbox.static_url()).await.unwrap();
        assert_eq!(inner_size(&client).await.unwrap(), (width, height));
        // A page taller than the viewport, so that a scrollbar would show if there were one.
        client.execute("document.body.style.height = '5000px'", vec![]).await.unwrap();
        let layout_width = client.execute("return document.documentElement.clientWidth", vec![]).await.unwrap();
        assert_eq!(layout_width, json!(width), "no scrollbar takes from the layout width");
        let is_dark =
            client.execute("return matchMedia('(prefers-color-scheme: dark)').matches", vec![]).await.unwrap();
        assert_eq!(is_dark, json!(dark), "{width}x{height}");
        // Taller than any screen, as for a whole-page screenshot.
        set_viewport(&client, width, 3000).await.unwrap();
        assert_eq!(inner_size(&client).await.unwrap(), (width, 3000));
        client.close().await.unwrap();
    }
}

#[tokio::test]
async fn devtools_commands_go_through_chromedriver() {
    let driver = Driver::start().await.unwrap();
    let client = driver.session(SessionOptions { width: 800, height: 600, dark: false }).await.unwrap();
    let answer = cdp(&client, "Runtime.evaluate", json!({ "expression": "6 * 7", "returnByValue": true })).await;
    assert_eq!(answer.unwrap()["result"]["value"], json!(42));
    client.close().await.unwrap();
}

#[tokio::test]
async fn shadow_elements_are_found_and_clicked_for_real() {
    let sandbox = start_sandbox(None).await.unwrap();
    let driver = Driver::start().await.unwrap();
    let client = driver.session(SessionOptions { width: 800, height: 600, dark: false }).await.unwrap();
    client.goto(&sandbox.static_url()).await.unwrap();
    // Two hosts shaped like the widget's, the second one filled in later, when asked.
    client.execute(FAKE_WIDGET_HOSTS, vec![]).await.unwrap();

    let first = shadow_query(&client, 0, "button.sir-button").await.unwrap();
    assert_eq!(first.text().await.unwrap(), "Donate 0");
    assert!(shadow_query(&client, 1, "button.sir-button").await.is_err(), "not there yet");
    assert!(shadow_query(&client, 7, "button").await.is_err(), "no such host");

    client.execute("fillSecondHost()", vec![]).await.unwrap();

    let second = wait_for_shadow(&client, 1, "button.sir-button", WAIT).await.unwrap();
    second.click().await.unwrap();
    let clicked = wait_for(&client, "body[data-clicked]", WAIT).await.unwrap();
    assert_eq!(clicked.attr("data-clicked").await.unwrap().as_deref(), Some("1:true"), "a trusted click");

    let err = wait_for(&client, "#never", Duration::from_millis(300)).await.unwrap_err();
    assert!(err.to_string().contains("timed out"), "{err}");
    client.close().await.unwrap();
}
