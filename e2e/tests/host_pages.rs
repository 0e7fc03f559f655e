//! The embed on pages built in different ways: a single-page app that adds and removes widgets,
//! a strict Content Security Policy, the loader as a module script, and a marked link the loader
//! upgrades to a widget. (Hostile page CSS has its own file, `hostile_css.rs`.)
//!
//! Each test starts its own sandbox, chromedriver and Chromium ([`World`]).

use std::time::Instant;

use fantoccini::Locator;
use fantoccini::key::Key;
use serde_json::json;
use sir_e2e::World;
use sir_e2e::world::{MOUNT, POLL};
use sir_sandbox::fixture_keys;

const SPA_WIDGETS: &str = include_str!("../js/tests/spa_widgets.js");
const SUBMIT_LOOK: &str = include_str!("../js/tests/submit_look.js");
const UPGRADED_LINK: &str = include_str!("../js/tests/upgraded_link.js");

#[tokio::test]
async fn widgets_added_and_removed_after_load_mount_and_go_away() {
    let w = World::start().await;
    w.open("spa.html").await;
    // No dialogs: a widget builds its dialog on first open.
    let expect = |n: usize| json!({ "count": n.to_string(), "elements": n, "mounted": n, "failed": 0, "hosts": n, "dialogs": 0 });
    let wait_state = |n: usize| {
        let w = &w;
        async move {
            let want = expect(n);
            let started = Instant::now();
            loop {
                let now = w.js(SPA_WIDGETS, vec![]).await;
                if now == want {
                    return;
                }
                assert_eq!(
                    now["failed"],
                    0,
                    "a widget failed to load: {now}; {}",
                    w.describe("#slot sir-donate").await
                );
                assert!(started.elapsed() < MOUNT, "timed out waiting for {want}, have {now}");
                tokio::time::sleep(POLL).await;
            }
        }
    };
    // spa.js mounts the first one through SirDonate.mount().
    wait_state(1).await;
    let first = w
        .js(
            "return inner(document.querySelector('#slot sir-donate')).querySelector('.sir-button__label').textContent",
            vec![],
        )
        .await;
    assert_eq!(first, json!("Give to the Red Cross"), "SirDonate.mount() passed the label");

    let add = w.client.find(Locator::Css("#add")).await.unwrap();
    let remove = w.client.find(Locator::Css("#remove")).await.unwrap();
    for _ in 0..3 {
        add.click().await.unwrap();
    }
    wait_state(4).await;

    // Remove the last one, with its dialog built (opened and closed): it leaves the document and
    // empties its shadow root, dialog included.
    let last = "#slot sir-donate:last-of-type";
    w.open_dialog(last).await;
    w.keys(&[Key::Escape.into()]).await;
    w.wait_dialog(last, false).await;
    assert_eq!(w.js(SPA_WIDGETS, vec![]).await["dialogs"], json!(1), "the opened widget built its dialog");
    w.js("window.__last = document.querySelector('#slot sir-donate:last-of-type'); return null;", vec![]).await;
    remove.click().await.unwrap();
    wait_state(3).await;
    let gone =
        w.js("return { connected: __last.isConnected, children: __last.shadowRoot.childNodes.length };", vec![]).await;
    assert_eq!(gone, json!({ "connected": false, "children": 0 }), "the removed widget let go of everything");

    for _ in 0..3 {
        remove.click().await.unwrap();
    }
    wait_state(0).await;
    assert_eq!(w.js("return deep(document, '.sir-donate, .sir, dialog').length", vec![]).await, json!(0));

    // Adding again still works.
    add.click().await.unwrap();
    wait_state(1).await;
    let host = "#slot sir-donate";
    w.open_dialog(host).await;
    w.fill_donor(host, "Ada", "Lovelace", "ada@example.org").await;
    w.finish().await;
}

#[tokio::test]
async fn under_a_strict_csp_the_widget_mounts_styled_with_no_violation() {
    let w = World::start().await;
    w.record_errors().await;
    w.open("strict-csp.html").await;
    let host = "#csp-widget";
    w.open_dialog(host).await;
    w.fill_donor(host, "Ada", "Lovelace", "ada@example.org").await;
    // Its stylesheets applied (constructable sheets, no inline style): the accent-coloured
    // button, a modal dialog with a backdrop.
    let look = w.js(SUBMIT_LOOK, vec![json!(host)]).await;
    assert_eq!(look, json!({ "background": "rgb(11, 110, 79)", "radius": "12px", "modal": true }));
    assert_eq!(w.js("return window.__cspViolations", vec![]).await, json!([]), "no CSP violation");
    assert_eq!(w.js("return document.getElementById('violations').textContent", vec![]).await, json!("0"));
    assert_eq!(w.recorded("__errors").await, Vec::<String>::new(), "no console error");
    w.finish().await;
}

#[tokio::test]
async fn the_loader_works_as_a_module_script() {
    let w = World::start().await;
    w.open("module.html").await;
    assert_eq!(
        w.js("return document.querySelector('script[src*=\"sir-donate\"]').type", vec![]).await,
        json!("module")
    );
    w.open_dialog("#module-widget").await;
    w.fill_donor("#module-widget", "Ada", "Lovelace", "ada@example.org").await;
    w.finish().await;
}

#[tokio::test]
async fn a_marked_link_becomes_a_working_widget() {
    let w = World::start().await;
    w.open("link.html").await;
    let host = "sir-donate";
    w.wait_mounted(host).await;
    let upgraded = w.js(UPGRADED_LINK, vec![]).await;
    assert_eq!(
        upgraded,
        json!({ "links": 0, "widgets": 1, "inDemo": true, "nonprofit": "khan-academy", "key": fixture_keys::acme(),
                "href": "https://www.every.org/khan-academy#/donate", "apiBase": w.sandbox.api_url() })
    );
    w.open_dialog(host).await;
    let title = w.js("return inner('sir-donate').querySelector('.sir-panel__title').textContent", vec![]).await;
    assert!(title.as_str().unwrap().contains("Khan Academy"), "{title}");
    w.finish().await;
}
