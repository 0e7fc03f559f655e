//! Inline mode (`mode=Mode::Inline`): the same donor flow as the dialog, in place in the page:
//! validation, one create-link per submission, a failed load and its retry, and the outcome
//! after checkout, with no button and no dialog.

use serde_json::json;
use sir_donate::Mode;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use crate::harness::*;
use crate::support::*;

fn inline() -> Props {
    Props { mode: Some(Mode::Inline), ..Props::default() }
}

async fn inline_form_ready(w: &Mounted) {
    wait_until("the inline form", || w.q("section.sir-inline form.sir-form").is_some()).await;
}

#[wasm_bindgen_test]
async fn an_inline_form_validates_and_donates_in_place_with_one_create_link() {
    reset().await;
    let w = mount(inline()).await;
    // Loading: the panel is there at once, named by its heading, with no button and no dialog.
    assert!(w.q("section.sir-inline").is_some(), "the panel is shown while loading");
    inline_form_ready(&w).await;
    assert!(w.q("button.sir-button").is_none() && w.q("dialog").is_none(), "no button, no dialog");
    let title_id = w.el("section.sir-inline").get_attribute("aria-labelledby").unwrap();
    assert!(w.text(&format!("#{title_id}")).contains("American Red Cross"), "{}", w.text(&format!("#{title_id}")));
    assert_eq!(w.event_names(), ["sir-donate:ready"]);

    // The widget's own checks, before any request; focus lands on the first field to fix.
    w.submit_button().click();
    leptos::task::tick().await;
    assert_eq!(w.active().map(|a| a.id()).as_deref(), Some("sir-first-name"));
    assert!(!w.text("#sir-first-name-error").is_empty());
    assert!(create_link_posts().await.is_empty(), "nothing sent while the form is invalid");

    w.choose("amount", "$100").await;
    w.fill_donor().await;
    assert!(w.text(".sir-summary").contains("$110"), "summary: {}", w.text(".sir-summary"));
    // A double click: one submission.
    w.submit_button().click();
    w.submit_button().click();
    wait_until("the redirect", || !w.navigations().is_empty()).await;
    sleep(300).await;
    let posts = create_link_posts().await;
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0]["body"]["amount"], 10000);
    let names = w.event_names();
    assert_eq!(names, ["sir-donate:ready", "sir-donate:link-created"], "no open or close events inline");
    for (_, detail) in w.events.borrow().iter() {
        assert!(!detail.contains("ada@") && !detail.contains("Lovelace"), "PII: {detail}");
    }
}

#[wasm_bindgen_test]
async fn an_inline_form_shows_a_failed_load_in_place_and_recovers() {
    reset().await;
    sir_donate::forget_shared_answers();
    fault(json!({"endpoint": "config", "kind": "status", "status": 503, "times": 3})).await;
    let w = mount(inline()).await;
    wait_until("the failure in the panel, with its retry", || {
        w.q("section.sir-inline .sir-note button[data-sir='reload']").is_some()
    })
    .await;
    assert!(w.text("section.sir-inline .sir-note").to_lowercase().contains("wrong"));
    w.el("section.sir-inline .sir-note button").click();
    // Keyboard users keep their place: the panel holds focus while the form loads.
    assert!(w.active().is_some_and(|a| a.class_name() == "sir-inline"), "focus on the panel");
    inline_form_ready(&w).await;
    w.fill_donor().await;
    w.submit_button().click();
    wait_until("the redirect to checkout", || !w.navigations().is_empty()).await;
    assert_eq!(create_link_posts().await.len(), 1);
}

#[wasm_bindgen_test]
async fn an_inline_form_shows_the_outcome_in_place_after_checkout() {
    reset().await;
    let id = created_donation().await;
    complete(&id).await;
    let (container, _handle) = mount_after_checkout(&id, 4200, Mode::Inline);
    let shadow = || container.query_selector(".sir-donate").ok().flatten().and_then(|h| h.shadow_root());
    let q = |css: &str| shadow().and_then(|s| s.query_selector(css).ok().flatten());
    wait_until("the thank-you in the panel", || {
        q("section.sir-inline").and_then(|p| p.text_content()).is_some_and(|t| t.contains("Thank you"))
    })
    .await;
    assert!(q("dialog").is_none(), "no dialog inline");
    q("button[data-sir='done']").unwrap().unchecked_into::<HtmlElement>().click();
    wait_until("the form again after Done", || q("section.sir-inline form.sir-form").is_some()).await;
    container.remove();
}
