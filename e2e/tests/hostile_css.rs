//! A page whose CSS is hostile to anything embedded in it (`hostile.html`: `* { all: unset }`,
//! `button { display: none !important }`, a 40px root font, red `[class*="sir"]`): the widget
//! still shows and works with its own look, and leaves the page's look as it was.
//!
//! Each test starts its own sandbox, chromedriver and Chromium ([`World`]).

use std::collections::BTreeSet;

use serde_json::{Value, json};
use sir_e2e::world::SOON;
use sir_e2e::{World, cdp};

/// Computed styles of the hostile page's own elements, and its style sheets.
const PAGE_LOOK: &str = include_str!("../js/tests/page_look.js");
const BUTTON_LOOK: &str = include_str!("../js/tests/button_look.js");
const DIALOG_LOOK: &str = include_str!("../js/tests/dialog_look.js");

/// What differs between two [`PAGE_LOOK`] answers, property by property.
fn look_changes(before: &Value, after: &Value) -> Vec<String> {
    let (Some(b), Some(a)) = (before.as_object(), after.as_object()) else {
        return vec![format!("{before} → {after}")];
    };
    let keys: BTreeSet<&String> = b.keys().chain(a.keys()).collect();
    let mut changes = Vec::new();
    for key in keys {
        let (old, new) = (&b.get(key.as_str()), &a.get(key.as_str()));
        match (old.and_then(Value::as_str), new.and_then(Value::as_str)) {
            (Some(old), Some(new)) => {
                for (o, n) in old.split("; ").zip(new.split("; ")) {
                    if o != n {
                        changes.push(format!("{key} {{ {o} }} → {{ {n} }}"));
                    }
                }
            }
            _ if old != new => changes.push(format!("{key}: {old:?} → {new:?}")),
            _ => {}
        }
    }
    changes
}

#[tokio::test]
async fn hostile_page_css_neither_breaks_the_widget_nor_is_changed_by_it() {
    let w = World::start().await;
    let host = "#hostile-widget";
    // The page's own look without the widget: the same page with the embed's files blocked.
    cdp(&w.client, "Network.enable", json!({})).await.unwrap();
    cdp(&w.client, "Network.setBlockedURLs", json!({ "urls": ["*/dist/*"] })).await.unwrap();
    w.open("hostile.html").await;
    w.wait_loaded().await;
    assert_eq!(
        w.js("return customElements.get('sir-donate') === undefined", vec![]).await,
        json!(true),
        "the loader was blocked"
    );
    let without = w.js(PAGE_LOOK, vec![]).await;
    cdp(&w.client, "Network.setBlockedURLs", json!({ "urls": [] })).await.unwrap();

    w.open("hostile.html").await;
    let button = w.wait_mounted(host).await;
    let changed = look_changes(&without, &w.js(PAGE_LOOK, vec![]).await);
    assert!(changed.is_empty(), "the widget changed the page outside its shadow roots: {changed:#?}");

    // The button shows, at its own size and colours, despite `button { display: none !important }`,
    // `* { all: unset }`, the 40px root font and the red `[class*="sir"]`.
    let look = w.js(BUTTON_LOOK, vec![json!(host)]).await;
    let num = |k: &str| look[k].as_f64().unwrap();
    assert!(num("width") >= 60.0 && num("height") >= 44.0 && num("height") <= 80.0, "a button-sized box: {look}");
    assert!(num("top") >= 0.0 && num("top") + num("height") <= 800.0, "on screen: {look}");
    assert_ne!(look["display"], "none", "{look}");
    assert_eq!(
        (&look["visibility"], &look["fontSize"], &look["color"], &look["background"], &look["onTop"]),
        (&json!("visible"), &json!("16px"), &json!("rgb(255, 255, 255)"), &json!("rgb(11, 110, 79)"), &json!(true)),
        "{look}"
    );
    assert!(button.is_displayed().await.unwrap(), "WebDriver sees it displayed");

    // A real click (WebDriver refuses to click an obscured element), a real dialog, real typing.
    button.click().await.expect("the button is clickable");
    w.wait_dialog(host, true).await;
    let field = w.wait_inner(host, "#sir-first-name", SOON).await;
    field.send_keys("Ada").await.expect("the field takes keys");
    assert_eq!(w.field_value(host, "#sir-first-name").await, "Ada");
    let dialog = w.js(DIALOG_LOOK, vec![json!(host)]).await;
    assert_eq!(
        dialog,
        json!({ "titleColor": "rgb(22, 32, 42)", "inputFont": "16px", "inputBorder": "solid", "fits": true }),
        "the dialog keeps its own look"
    );
    w.wait_inner(host, "button.sir-close", SOON).await.click().await.unwrap();
    w.wait_dialog(host, false).await;
    // Opening the dialog locked page scrolling; closing gave the page back exactly as it was.
    let changed = look_changes(&without, &w.js(PAGE_LOOK, vec![]).await);
    assert!(changed.is_empty(), "the page's look after the dialog closed: {changed:#?}");
    w.finish().await;
}
