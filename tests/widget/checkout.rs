//! The trip to checkout and back: links that fail the allow-list, a new tab or a blocked popup,
//! the thank-you after returning, and donation ids of the wrong shape kept out of every URL.

use serde_json::json;
use sir_donate::{CheckoutMode, Mode, Navigation};
use wasm_bindgen_test::*;

use crate::harness::*;
use crate::support::*;

#[wasm_bindgen_test]
async fn unsafe_checkout_links_are_never_followed() {
    for link in ["javascript:alert(document.domain)", "https://every.org.evil.example/pay"] {
        reset().await;
        fault(json!({"endpoint": "create-link", "kind": "status", "status": 201,
            "body": {"donationLink": link, "partnerDonationId": "pdn_bbbbbbbbbbbbbbbbbbbbbbbb"}}))
        .await;
        let w = mount(Props::default()).await;
        w.open().await;
        w.fill_donor().await;
        let alert = submit_expecting_alert(&w).await;
        assert!(alert.to_lowercase().contains("safe"), "{link}: {alert}");
        assert!(w.navigations().is_empty(), "{link} was not followed");
        assert!(w.events.borrow().iter().any(|(n, d)| n == "sir-donate:error" && d.contains("checkout_link_refused")));
    }
}

#[wasm_bindgen_test]
async fn a_new_tab_opens_inside_the_click_and_the_page_follows_the_status() {
    reset().await;
    let w = mount(Props { checkout: Some(CheckoutMode::NewTab), ..Props::default() }).await;
    w.open().await;
    w.fill_donor().await;
    w.submit_button().click();
    assert_eq!(w.navigations(), vec![Navigation::WindowOpened(CheckoutMode::NewTab)], "opened synchronously");
    wait_until("the window is pointed at the link", || w.navigations().len() == 2).await;
    let Navigation::WindowNavigated(link) = w.navigations()[1].clone() else { panic!("{:?}", w.navigations()) };
    let id = link.rsplit('/').next().unwrap().to_owned();
    wait_until("the status is followed", || w.all_text().contains("checkout window")).await;
    complete(&id).await;
    wait_until("the thank-you", || w.all_text().contains("Thank you")).await;
    assert!(w.all_text().contains("$50"), "{}", w.all_text());
    // COMPLETED, or already REWARDED when the poll came after the sandbox's reward delay.
    let paid = |d: &String| d.contains("COMPLETED") || d.contains("REWARDED");
    assert!(w.events.borrow().iter().any(|(n, d)| n == "sir-donate:status" && paid(d)), "{:?}", w.events.borrow());
}

#[wasm_bindgen_test]
async fn a_blocked_popup_falls_back_to_redirect() {
    reset().await;
    let w = mount(Props { checkout: Some(CheckoutMode::Popup), block_windows: true, ..Props::default() }).await;
    w.open().await;
    w.fill_donor().await;
    w.submit_button().click();
    wait_until("the redirect", || !w.navigations().is_empty()).await;
    assert!(matches!(&w.navigations()[0], Navigation::Redirect(_)), "{:?}", w.navigations());
    assert!(w.all_text().contains("blocked"), "{}", w.all_text());
}

#[wasm_bindgen_test]
async fn returning_from_checkout_shows_the_thank_you() {
    reset().await;
    // A donation created and paid while the donor was away on the checkout page.
    let id = created_donation().await;
    let (container, _handle) = mount_after_checkout(&id, 4200, Mode::Button);
    let shadow = || container.query_selector(".sir-donate").ok().flatten().and_then(|h| h.shadow_root());
    let text = || shadow().and_then(|s| s.text_content()).unwrap_or_default();
    for _ in 0..100 {
        if count_requests("GET", &format!("/status/{id}")).await > 0 {
            break;
        }
        sleep(50).await;
    }
    sleep(200).await;
    assert!(text().contains("processing"), "the pending donation is shown as processing: {}", text());
    assert!(!text().contains("Thank you"), "still pending: no thank-you yet");
    complete(&id).await;
    wait_until("the thank-you after the sandbox completes it", || text().contains("Thank you")).await;
    assert!(text().contains("$42"), "{}", text());
    let open = shadow().and_then(|s| s.query_selector("dialog[open]").ok().flatten()).is_some();
    assert!(open, "the outcome is shown in the dialog");
    let status_requests =
        requests().await.iter().filter(|r| r["path"].as_str().is_some_and(|p| p.contains("/status/"))).count();
    assert!(status_requests >= 1);
    container.remove();
}

#[wasm_bindgen_test]
async fn donation_ids_of_the_wrong_shape_never_reach_a_url() {
    // From the API: a create-link answer whose id would climb the path.
    for id in ["..", "../config", "a/b", "%2e%2e", ""] {
        reset().await;
        fault(json!({"endpoint": "create-link", "kind": "status", "status": 201,
            "body": {"donationLink": format!("{SANDBOX_URL}/checkout/x"), "partnerDonationId": id}}))
        .await;
        let w = mount(Props { checkout: Some(CheckoutMode::NewTab), ..Props::default() }).await;
        w.open().await;
        w.fill_donor().await;
        let alert = submit_expecting_alert(&w).await;
        assert!(alert.to_lowercase().contains("wrong"), "{id:?}: {alert}");
        assert!(w.navigations().iter().all(|n| !format!("{n:?}").contains("/checkout/x")), "{id:?}: not followed");
        sleep(300).await;
        assert_eq!(count_requests("GET", "/donations/").await, 0, "{id:?}: no status request");
        assert_eq!(count_requests("GET", "/donations/status/").await, 0, "{id:?}");
    }
    // From session storage: a stored donation with such an id is dropped before any request.
    for id in ["..", "a/b", "%2e%2e"] {
        reset().await;
        let (container, _handle) = mount_after_checkout(id, 2500, Mode::Button);
        sleep(500).await;
        let paths: Vec<String> =
            requests().await.iter().filter_map(|r| r["path"].as_str().map(str::to_owned)).collect();
        assert!(paths.iter().all(|p| !p.contains("/donations")), "{id:?}: {paths:?}");
        assert_eq!(session_storage().get_item(&stored_donation_key()).unwrap(), None, "{id:?}: the entry is dropped");
        container.remove();
    }
}
