//! The inline form (`mode="inline"`) through the script-tag embed: the loader holds its place
//! with a box of its size, a keyboard alone can donate through it, and the donor is thanked in
//! place on return from checkout; photographed at 1280 and 375 px, light and dark.
//!
//! Each test starts its own sandbox, chromedriver and Chromium ([`World`]).

use fantoccini::key::Key;
use serde_json::{Value, json};
use sir_e2e::world::{OUTCOME, SOON};
use sir_e2e::{SessionOptions, World, workspace_root};

const SECOND_INLINE_PLACEHOLDER: &str = include_str!("../js/tests/second_inline_placeholder.js");
const INLINE_PANEL_BOX: &str = include_str!("../js/tests/inline_panel_box.js");
const LAYOUT_SHIFT: &str = include_str!("../js/tests/layout_shift.js");

const HOST: &str = "#inline-widget";

fn size(v: &Value) -> (f64, f64) {
    (v["width"].as_f64().expect("a width"), v["height"].as_f64().expect("a height"))
}

#[tokio::test]
async fn the_form_takes_the_placeholders_place_without_moving_the_page() {
    for (width, height) in [(1280, 900), (375, 800)] {
        let w = World::start_with(SessionOptions { width, height, dark: false }).await;
        w.open("inline.html").await;
        w.wait_mounted(HOST).await;
        let cls = w.client.execute_async(LAYOUT_SHIFT, vec![]).await.expect("layout shift");
        let cls = cls.as_f64().expect("a number");
        assert!(cls <= 0.01, "{width} px: cumulative layout shift {cls} while the form arrived");

        // A second inline widget: its placeholder now, its panel once mounted, at the same size.
        let placeholder = w.js(SECOND_INLINE_PLACEHOLDER, vec![json!(HOST), json!("second")]).await;
        w.wait_mounted("#second").await;
        let panel = w.wait_js("the second panel", INLINE_PANEL_BOX, vec![json!("#second")], SOON).await;
        let ((pw, ph), (fw, fh)) = (size(&placeholder), size(&panel));
        assert!(
            (pw - fw).abs() <= 1.0 && (ph - fh).abs() <= 1.0,
            "{width} px: the placeholder is {pw}×{ph}, the form {fw}×{fh}"
        );
        assert!(fh > 600.0 && fw > 250.0, "{width} px: a form-sized panel, {fw}×{fh}");
        w.finish().await;
    }
}

#[tokio::test]
async fn a_keyboard_alone_can_donate_through_the_inline_form_and_is_thanked_in_place() {
    let w = World::start().await;
    w.open("inline.html").await;
    w.wait_mounted(HOST).await;
    assert!(w.inner(HOST, "button.sir-button").await.is_none(), "no donate button inline");

    // SirDonate.open moves focus into the form.
    w.js("SirDonate.open(arguments[0])", vec![json!(HOST)]).await;
    let first = w.focused().await;
    assert!(first.contains("in div.sir-donate"), "focus moved into the form: {first}");

    w.tab_to("the first-name field", 20, |f| f.starts_with("input#sir-first-name")).await;
    w.type_text("Ada").await;
    w.keys(&[Key::Tab.into()]).await;
    w.type_text("Lovelace").await;
    w.keys(&[Key::Tab.into()]).await;
    assert!(w.focused().await.starts_with("input#sir-email"), "{}", w.focused().await);
    w.type_text("ada@example.org").await;
    w.keys(&[Key::Enter.into()]).await;

    let id = w.wait_checkout().await;
    let created = w.create_link_requests().await;
    assert_eq!(created.len(), 1, "one create-link request: {created:?}");
    assert_eq!(created[0]["body"]["nonprofitSlug"], "khan-academy");

    w.wait_xpath("//button[normalize-space()='Complete donation']").await.click().await.unwrap();
    w.wait_xpath("//button[@id='return-to-site']").await.click().await.unwrap();
    let page = w.page_url("inline.html");
    w.wait_url("the return to inline.html", |u| u.as_str() == page).await;
    w.wait_text(HOST, "Thank you!", OUTCOME).await;
    assert!(w.inner(HOST, "dialog").await.is_none(), "thanked in place, not in a dialog");
    assert!(w.inner(HOST, "section.sir-inline .sir-outcome").await.is_some());
    assert_ne!(w.donation_status(&id).await["status"], "PENDING", "the checkout page completed it");
    w.finish().await;
}

#[tokio::test]
async fn screenshots_of_the_inline_form() {
    let out = workspace_root().join("target/screenshots/pkg-demo");
    std::fs::create_dir_all(&out).unwrap();
    for (width, dark) in [(1280, false), (1280, true), (375, false), (375, true)] {
        let w = World::start_with(SessionOptions { width, height: 1400, dark }).await;
        w.open("inline.html").await;
        w.wait_mounted(HOST).await;
        w.wait_js(
            "fonts and logos settled",
            "return document.readyState === 'complete' && document.fonts.status === 'loaded'",
            vec![],
            SOON,
        )
        .await;
        let png = w.client.screenshot().await.unwrap();
        assert!(png.len() > 1000, "an image of something");
        let scheme = if dark { "dark" } else { "light" };
        std::fs::write(out.join(format!("inline-{width}-{scheme}.png")), &png).unwrap();
        w.finish().await;
    }
}
