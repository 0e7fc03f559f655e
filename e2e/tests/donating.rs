//! The donor flow through the script-tag embed, end to end: the dialog, the donor's details, the
//! sandbox's checkout page, and the thanks back on the page, with checkout in the same tab or a
//! new one, and with a keyboard alone.
//!
//! Each test starts its own sandbox, chromedriver and Chromium ([`World`]).

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use serde_json::json;
use sir_e2e::World;
use sir_e2e::world::{OUTCOME, POLL, SOON};

#[tokio::test]
async fn redirect_checkout_completes_and_the_widget_thanks_the_donor_on_return() {
    let w = World::start().await;
    w.open("basic.html").await;
    let host = "#basic-widget";
    w.open_dialog(host).await;
    w.fill_donor(host, "Ada", "Lovelace", "ada@example.org").await;
    w.wait_inner(host, "button.sir-submit:enabled", SOON).await.click().await.expect("click on the submit button");

    // The page itself goes to checkout.
    let id = w.wait_checkout().await;
    let created = w.create_link_requests().await;
    assert_eq!(created.len(), 1, "one create-link request: {created:?}");
    let body = &created[0]["body"];
    assert_eq!(
        (&body["firstName"], &body["lastName"], &body["donorEmail"], &body["nonprofitSlug"]),
        (&json!("Ada"), &json!("Lovelace"), &json!("ada@example.org"), &json!("american-red-cross")),
        "what the widget sent: {body}"
    );
    assert_eq!(w.donation_status(&id).await["status"], "PENDING");

    w.wait_xpath("//button[normalize-space()='Complete donation']").await.click().await.unwrap();
    let back = w.wait_xpath("//button[@id='return-to-site']").await;
    assert_ne!(w.donation_status(&id).await["status"], "PENDING", "the checkout page completed the donation");
    back.click().await.expect("click on Return to the site");

    let page = w.page_url("basic.html");
    w.wait_url("the return to basic.html", |u| u.as_str() == page).await;
    // Back on the page, the widget picks the donation up, polls it and thanks the donor, with
    // the tokens once the sandbox has rewarded it.
    w.wait_dialog(host, true).await;
    w.wait_text(host, "Thank you!", OUTCOME).await;
    w.wait_text(host, "SIR token", OUTCOME).await;
    let status = w.donation_status(&id).await;
    assert_eq!(status["status"], "REWARDED", "{status}");
    let tokens = status["tokensAwarded"].as_f64().expect("tokensAwarded");
    let text = w.widget_text(host).await;
    assert!(text.contains(&format!("You earned {tokens} SIR token")), "the widget shows {tokens} tokens: {text}");
    assert!(text.contains("Your $50 donation to American Red Cross"), "the thank-you names the amount: {text}");
    w.finish().await;
}

#[tokio::test]
async fn new_tab_checkout_completes_in_the_other_tab_and_the_page_shows_thanks() {
    let w = World::start().await;
    w.open("multiple.html").await;
    let host = "#w2"; // checkout="new-tab"
    let original = w.client.window().await.unwrap();
    w.open_dialog(host).await;
    w.fill_donor(host, "Grace", "Hopper", "grace@example.org").await;
    w.wait_inner(host, "button.sir-submit:enabled", SOON).await.click().await.expect("click on the submit button");

    let started = Instant::now();
    let tab = loop {
        let windows = w.client.windows().await.unwrap();
        if let Some(tab) = windows.into_iter().find(|h| *h != original) {
            break tab;
        }
        assert!(started.elapsed() < SOON, "no second window within {SOON:?}");
        tokio::time::sleep(POLL).await;
    };
    w.client.switch_to_window(tab.clone()).await.unwrap();
    let id = w.wait_checkout().await;
    w.wait_xpath("//button[normalize-space()='Complete donation']").await.click().await.unwrap();
    // What a donor does next: "Return to the site" (it closes a script-opened tab), else close the tab.
    w.wait_xpath("//button[@id='return-to-site']").await.click().await.unwrap();
    let started = Instant::now();
    while w.client.windows().await.unwrap().contains(&tab) && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(POLL).await;
    }
    if w.client.windows().await.unwrap().contains(&tab) {
        w.client.close_window().await.unwrap();
    }
    w.client.switch_to_window(original).await.unwrap();

    assert_eq!(w.client.current_url().await.unwrap().as_str(), w.page_url("multiple.html"), "the page stayed");
    w.wait_text(host, "Thank you!", OUTCOME).await;
    assert!(w.dialog_open(host).await, "the outcome shows in the dialog");
    w.wait_text(host, "SIR token", OUTCOME).await;
    assert_eq!(w.donation_status(&id).await["status"], "REWARDED");
    for other in ["#w1", "#w3", "#w4"] {
        assert!(!w.dialog_open(other).await, "{other} stays closed");
        assert!(!w.widget_text(other).await.contains("Thank you"), "{other} shows no outcome");
    }
    w.finish().await;
}

#[tokio::test]
async fn a_keyboard_alone_can_donate() {
    let w = World::start().await;
    w.open("basic.html").await;
    let host = "#basic-widget";
    w.wait_mounted(host).await;

    // From the top of the page: Tab to the button, Enter opens the dialog.
    w.tab_to("the donate button", 10, |f| f.starts_with("button.sir-button")).await;
    w.keys(&[Key::Enter.into()]).await;
    w.wait_dialog(host, true).await;
    let first = w.focused().await;
    assert!(first.contains("in div.sir-donate"), "focus moved into the dialog: {first}");

    w.tab_to("the first-name field", 20, |f| f.starts_with("input#sir-first-name")).await;
    w.type_text("Ada").await;
    w.keys(&[Key::Tab.into()]).await;
    assert!(w.focused().await.starts_with("input#sir-last-name"), "{}", w.focused().await);
    w.type_text("Lovelace").await;
    w.keys(&[Key::Tab.into()]).await;
    assert!(w.focused().await.starts_with("input#sir-email"), "{}", w.focused().await);
    w.type_text("ada@example.org").await;
    for (css, text) in [("#sir-first-name", "Ada"), ("#sir-last-name", "Lovelace"), ("#sir-email", "ada@example.org")] {
        assert_eq!(w.field_value(host, css).await, text);
    }
    // Enter in a field submits the form.
    w.keys(&[Key::Enter.into()]).await;
    let id = w.wait_checkout().await;
    assert_eq!(w.donation_status(&id).await["status"], "PENDING");
    w.finish().await;
}
