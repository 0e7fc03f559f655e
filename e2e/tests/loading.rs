//! How the widget loads: the loader's placeholder, the lazy download when the browser is idle or
//! (with `data-load="intent"`) at the first pointer or focus, and clicks that come before the
//! widget or its config are ready.
//!
//! Each test starts its own sandbox, chromedriver and Chromium ([`World`]).

use fantoccini::key::Key;
use serde_json::json;
use sir_e2e::World;
use sir_e2e::world::{MOUNT, SOON};

const NOTE_CLICK_BEFORE_WIDGET: &str = include_str!("../js/tests/note_click_before_widget.js");
const NOTE_BUSY_AT_CLICK: &str = include_str!("../js/tests/note_busy_at_click.js");

#[tokio::test]
async fn a_click_before_the_widget_loaded_opens_the_dialog_once_it_has() {
    let w = World::start().await;
    w.open("intent.html").await;
    let host = "#intent-widget";
    let placeholder = w.outer(host, "button").await.expect("the loader painted a placeholder button");
    assert_eq!(placeholder.text().await.unwrap(), "Donate");
    let (wasm, glue) = w.downloads().await;
    assert!(wasm.is_empty() && glue.is_empty(), "nothing fetched before intent: {wasm:?} {glue:?}");
    assert!(w.inner(host, "button").await.is_none(), "the widget is not there yet");

    // A real click (the pointer moves there first, so intent and click come together): the
    // placeholder is clicked while the widget is still downloading.
    w.js(NOTE_CLICK_BEFORE_WIDGET, vec![json!(host)]).await;
    placeholder.click().await.expect("click on the placeholder");
    assert_eq!(w.js("return window.__clickedEarly", vec![]).await, json!(true), "the click came before the widget");
    w.wait_dialog(host, true).await;
    assert!(
        w.js("return top(arguments[0], 'button').length === 0", vec![json!(host)]).await == json!(true),
        "the placeholder is gone once the widget mounted"
    );
    let (wasm, _) = w.downloads().await;
    assert_eq!(wasm.len(), 1, "{wasm:?}");
    // The form is usable.
    w.fill_donor(host, "Alan", "Turing", "alan@example.org").await;
    w.finish().await;
}

#[tokio::test]
async fn a_click_while_the_widget_loads_its_config_opens_the_dialog_once_ready() {
    let w = World::start().await;
    // The partner config answers 3 s late: the widget is mounted, its button busy, meanwhile.
    w.fault(json!({ "endpoint": "config", "kind": "delay", "delayMs": 3000, "times": 1 })).await;
    w.open("intent.html").await;
    let host = "#intent-widget";
    let placeholder = w.outer(host, "button").await.expect("the placeholder");
    w.hover(&placeholder).await;
    let busy = w.wait_inner(host, "button.sir-button[aria-busy=true]", MOUNT).await;
    w.js(NOTE_BUSY_AT_CLICK, vec![json!(host)]).await;
    // The donor clicks the (busy) button they see; the dialog opens when the widget is ready.
    busy.click().await.expect("click on the busy button");
    assert_eq!(w.js("return window.__busyAtClick", vec![]).await, json!(true), "clicked while the config loaded");
    w.wait_mounted(host).await;
    w.wait_dialog(host, true).await;
    w.finish().await;
}

#[tokio::test]
async fn the_placeholder_shows_the_label_or_donate_and_the_widget_follows_attribute_changes() {
    let w = World::start().await;
    w.open("intent.html").await;
    let host = "#intent-widget";
    let placeholder_text = "return top(arguments[0], 'button').map(b => b.textContent)";
    let set = "hostOf(arguments[0]).setAttribute(arguments[1], arguments[2]);";
    assert_eq!(w.js(placeholder_text, vec![json!(host)]).await, json!(["Donate"]));
    // Changes before the widget is there are no intent (nothing loads); the widget reads them
    // when it mounts. The placeholder keeps its look until then.
    for (name, value) in [("locale", "es"), ("label", "Give now")] {
        w.js(set, vec![json!(host), json!(name), json!(value)]).await;
    }
    assert_eq!(w.downloads().await, (vec![], vec![]), "attribute changes are no intent");
    let placeholder = w.outer(host, "button").await.expect("the placeholder");
    w.hover(&placeholder).await;
    w.wait_mounted(host).await;
    let label = "const r = inner(arguments[0]); const l = r && r.querySelector('.sir-button__label'); \
                 return l ? l.textContent : null;";
    assert_eq!(w.js(label, vec![json!(host)]).await, json!("Give now"), "the widget read the changed label");
    // Once mounted, the widget watches its attributes and mounts again when one changes.
    w.js(set, vec![json!(host), json!("label"), json!("Dona hoy")]).await;
    w.wait_js(
        "the label after the change",
        "const r = inner(arguments[0]); const l = r && r.querySelector('.sir-button__label'); \
         return !!l && l.textContent === 'Dona hoy';",
        vec![json!(host)],
        SOON,
    )
    .await;
    w.js(set, vec![json!(host), json!("mode"), json!("inline")]).await;
    w.wait_inner(host, "section.sir-inline form.sir-form", SOON).await;
    assert!(w.inner(host, "button.sir-button").await.is_none(), "the button gave way to the inline form");
    w.finish().await;
}

#[tokio::test]
async fn with_data_load_intent_nothing_is_fetched_until_the_pointer_comes() {
    let w = World::start().await;
    w.open("intent.html").await;
    let host = "#intent-widget";
    w.assert_nothing_fetched().await;
    let placeholder = w.outer(host, "button").await.expect("the placeholder");
    w.hover(&placeholder).await;
    let (wasm, glue) = w.wait_downloaded("intent.html").await;
    assert_eq!((wasm.len(), glue.len()), (1, 1), "{wasm:?} {glue:?}");
    w.wait_mounted(host).await;
    assert!(!w.dialog_open(host).await, "a hover does not open the dialog");
    w.finish().await;
}

#[tokio::test]
async fn with_data_load_intent_keyboard_focus_loads_the_widget_and_keeps_focus() {
    let w = World::start().await;
    w.open("intent.html").await;
    let host = "#intent-widget";
    w.assert_nothing_fetched().await;
    // Focusing the placeholder starts the load; on a fast machine the widget may already have
    // replaced it (keeping focus) by the time focus is read, so either button is the target.
    w.tab_to("the donate button", 10, |f| f == "button in sir-donate" || f.starts_with("button.sir-button")).await;
    w.wait_downloaded("intent.html").await;
    w.wait_mounted(host).await;
    // The keyboard user who reached the placeholder is still on the button after it was
    // replaced by the widget's: Enter opens the dialog.
    let focused = w.focused().await;
    assert!(focused.starts_with("button.sir-button"), "focus after the widget mounted: {focused:?}");
    w.keys(&[Key::Enter.into()]).await;
    w.wait_dialog(host, true).await;
    w.finish().await;
}

#[tokio::test]
async fn by_default_the_widget_loads_when_the_browser_is_idle() {
    let w = World::start().await;
    w.open("basic.html").await;
    let (wasm, glue) = w.wait_downloaded("basic.html").await;
    assert_eq!((wasm.len(), glue.len()), (1, 1), "{wasm:?} {glue:?}");
    w.wait_mounted("#basic-widget").await;
    assert!(!w.dialog_open("#basic-widget").await);
    w.finish().await;
}
