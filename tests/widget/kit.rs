//! The kit for test authors (`sir_donate::testing`, feature `testing`) and the element hooks it
//! stands on. Every test here drives and reads the widget through the kit only, as an app's own
//! suite would: a whole donation, field errors, an alert and its retry, a failed load and its
//! Try again, a blocked window's notice, the outcome after checkout (done, and again), the
//! inline form, and a widget inside another shadow root (as the script-tag embed nests it). One
//! test checks that every hook of the open dialog is there, and that the hooks of the other
//! states are each covered by a test of this file.
#![cfg(feature = "testing")]

use std::any::Any;

use leptos::prelude::*;
use serde_json::{Value, json};
use sir_donate::testing::{self, Choice, EventLog, Input, Navigation, Navigations, Widget, hooks, recording_navigator};
use sir_donate::{CheckoutMode, DonateButton, Mode};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::harness::{create_link_posts, created_donation, document, mount_after_checkout};
use crate::support::*;

/// A widget for ACME and american-red-cross in a container of its own, with its events and
/// navigations recorded: what an app's test would mount.
struct Page {
    container: HtmlElement,
    widget: Widget,
    events: EventLog,
    navigations: Navigations,
    _mounted: Box<dyn Any>,
}

impl Drop for Page {
    fn drop(&mut self) {
        self.container.remove();
    }
}

fn mount(mode: Mode, checkout: CheckoutMode, block_windows: bool) -> Page {
    testing::start_fresh();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    mount_in(container.clone(), container, mode, checkout, block_windows)
}

/// Mounts in `parent`; `container` is what the page removes afterwards and where the kit looks.
fn mount_in(
    parent: HtmlElement,
    container: HtmlElement,
    mode: Mode,
    checkout: CheckoutMode,
    block_windows: bool,
) -> Page {
    let events = EventLog::attach(&container);
    let (navigator, navigations) = recording_navigator(block_windows);
    let mounted = leptos::mount::mount_to(parent, move || {
        view! {
            <DonateButton
                publishable_key=key(ACME).as_header_value().to_owned()
                nonprofit="american-red-cross"
                api_base=SANDBOX_URL
                locale="en"
                mode=mode
                checkout=checkout
                navigator=navigator
            />
        }
    });
    Page { widget: Widget::find(&container), container, events, navigations, _mounted: Box::new(mounted) }
}

fn button_page() -> Page {
    mount(Mode::Button, CheckoutMode::Redirect, false)
}

fn id_of(link_created: &str) -> String {
    let detail: Value = serde_json::from_str(link_created).unwrap();
    detail["partnerDonationId"].as_str().expect("the event names the donation").to_owned()
}

#[wasm_bindgen_test]
async fn a_whole_donation_through_the_kit_only() {
    reset().await;
    let page = button_page();
    let w = &page.widget;
    w.ready().await;
    assert!(w.is_ready() && !w.is_inline() && !w.is_open());
    assert_eq!(w.label().as_deref(), Some("Donate"));
    assert_eq!(w.button_name().as_deref(), Some("Donate to American Red Cross"));

    w.open().await;
    assert!(w.is_open());
    assert_eq!(w.title().as_deref(), Some("Donate to American Red Cross"));
    assert!(w.chips(Choice::Amount).contains(&"$100".to_owned()), "{:?}", w.chips(Choice::Amount));
    assert_eq!(w.chips(Choice::Frequency), ["One time", "Monthly"]);
    w.choose_amount("$100").await;
    w.choose_frequency("Monthly").await;
    assert_eq!(w.chosen(Choice::Amount).as_deref(), Some("$100"));
    assert_eq!(w.chosen(Choice::Frequency).as_deref(), Some("Monthly"));
    w.fill_donor("Ada", "Lovelace", "ada@example.org").await;
    assert_eq!(w.value(Input::FirstName).as_deref(), Some("Ada"));
    assert_eq!(w.value(Input::Email).as_deref(), Some("ada@example.org"));
    let summary = w.summary().unwrap();
    assert!(summary.contains("$100") && summary.contains("$110"), "summary with the 10 % tip: {summary}");
    assert!(w.text().contains("Donate to American Red Cross"), "{}", w.text());

    w.submit().await;
    let url = page.navigations.wait_for_redirect().await;
    let id = id_of(&page.events.wait_for("link-created").await);
    assert_eq!(url, format!("{SANDBOX_URL}/checkout/{id}"));
    assert_eq!(page.navigations.all(), vec![Navigation::Redirect(url)]);
    assert_eq!(page.navigations.last(), page.navigations.all().first().cloned());
    let posts = create_link_posts().await;
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0]["body"]["amount"], 10_000);
    assert_eq!(posts[0]["body"]["frequency"], "monthly");
    assert_eq!(page.events.names(), ["ready", "open", "link-created"]);
    assert_eq!(page.events.count("ready"), 1);
    for (name, detail) in page.events.entries() {
        assert!(!detail.contains("ada@") && !detail.contains("Lovelace"), "{name}: {detail}");
    }
}

#[wasm_bindgen_test]
async fn field_errors_read_through_the_kit() {
    reset().await;
    let page = button_page();
    let w = &page.widget;
    w.open().await;
    for input in [Input::FirstName, Input::LastName, Input::Email, Input::OtherAmount] {
        assert_eq!(w.field_error(input), None, "{input:?}: no error before a submission");
    }
    w.submit().await;
    for input in [Input::FirstName, Input::LastName, Input::Email] {
        let error = w.wait_for_field_error(input).await;
        assert!(!error.is_empty(), "{input:?}");
    }
    assert_eq!(w.field_error(Input::OtherAmount), None, "the preset amount is fine");

    w.fill_donor("Ada", "Lovelace", "not an email").await;
    w.type_into(Input::OtherAmount, "abc").await;
    w.submit().await;
    let amount = w.wait_for_field_error(Input::OtherAmount).await;
    assert!(amount.to_lowercase().contains("number"), "{amount}");
    assert!(w.field_error(Input::Email).is_some(), "the email is still wrong");
    assert_eq!(w.field_error(Input::FirstName), None, "{:?}", w.field_error(Input::FirstName));
    assert!(create_link_posts().await.is_empty(), "nothing sent while the form is invalid");
    assert!(page.navigations.is_empty());
}

#[wasm_bindgen_test]
async fn an_alert_and_its_retry_through_the_kit() {
    reset().await;
    fault(json!({"endpoint": "create-link", "kind": "status", "status": 500})).await;
    let page = button_page();
    let w = &page.widget;
    w.open().await;
    assert_eq!(w.alert(), None);
    w.fill_donor("Ada", "Lovelace", "ada@example.org").await;
    w.submit().await;
    let alert = w.wait_for_alert().await;
    assert!(alert.to_lowercase().contains("wrong"), "{alert}");
    assert!(!alert.contains("Try again"), "the message only, not the retry button: {alert}");
    assert!(w.element(hooks::RETRY).is_some(), "a retry button");
    assert_eq!(w.value(Input::FirstName).as_deref(), Some("Ada"), "input kept");
    let error = page.events.wait_for("error").await;
    assert!(error.contains("500"), "{error}");

    w.click(hooks::RETRY).await;
    page.navigations.wait_for_redirect().await;
    assert_eq!(create_link_posts().await.len(), 2, "one request per submission");
}

#[wasm_bindgen_test]
async fn a_failed_load_and_its_try_again_through_the_kit() {
    reset().await;
    // Every try of the configuration fails (the client makes three).
    fault(json!({"endpoint": "config", "kind": "status", "status": 503, "times": 3})).await;
    let page = button_page();
    let w = &page.widget;
    let note = w.wait_for_note().await;
    assert!(note.to_lowercase().contains("wrong"), "{note}");
    assert!(!note.contains("Try again"), "the note only, not its button: {note}");
    assert!(!w.is_ready(), "a failed load is not ready");
    w.click(hooks::RELOAD).await;
    w.ready().await;
    assert_eq!(w.note(), None, "the note is gone once loaded");
    w.open().await;
    assert!(w.element(hooks::FORM).is_some());
}

#[wasm_bindgen_test]
async fn a_blocked_window_is_a_notice_read_through_the_kit() {
    reset().await;
    let page = mount(Mode::Button, CheckoutMode::Popup, true);
    let w = &page.widget;
    w.open().await;
    assert_eq!(w.notice(), None);
    w.fill_donor("Ada", "Lovelace", "ada@example.org").await;
    w.submit().await;
    page.navigations.wait_for_redirect().await;
    let notice = w.wait_for_notice().await;
    assert!(notice.contains("blocked"), "{notice}");
}

/// The sandbox's control call that cancels a pending donation.
async fn cancel(id: &str) {
    let url = format!("{SANDBOX_URL}/__sandbox/donations/{id}/cancel");
    let response = gloo_net::http::Request::post(&url).send().await.expect("sandbox control API");
    assert!(response.ok(), "cancel answered {}", response.status());
}

#[wasm_bindgen_test]
async fn the_outcome_after_checkout_through_the_kit() {
    // Paid while the donor was away: the thank-you, and Done closes it.
    reset().await;
    let id = created_donation().await;
    let (container, _mounted) = mount_after_checkout(&id, 4200, Mode::Button);
    let w = Widget::find(&container);
    // Pending: the note under the button says so; the outcome comes in the dialog once paid.
    // First "Checking your donation…", then, once its status is read, "processing".
    w.until("the processing note", |w| w.note().is_some_and(|n| n.contains("processing"))).await;
    assert_eq!(w.outcome(), None);
    complete(&id).await;
    w.wait_for_text("Thank you").await;
    let outcome = w.outcome().unwrap();
    assert!(outcome.contains("Thank you") && outcome.contains("$42"), "{outcome}");
    assert!(w.is_open(), "shown in the dialog");
    w.click(hooks::DONE).await;
    w.until("the dialog to close", |w| !w.is_open()).await;
    container.remove();

    // Cancelled: the outcome says so, and Try again goes back to the form.
    reset().await;
    let id = created_donation().await;
    let (container, _mounted) = mount_after_checkout(&id, 4200, Mode::Button);
    let w = Widget::find(&container);
    w.wait_for_note().await;
    cancel(&id).await;
    let outcome = w.wait_for_outcome().await;
    assert!(!outcome.contains("Thank you"), "{outcome}");
    w.until("the again button", |w| w.element(hooks::AGAIN).is_some()).await;
    w.click(hooks::AGAIN).await;
    w.until("the form again", |w| w.element(hooks::FORM).is_some()).await;
    assert_eq!(w.outcome(), None);
    container.remove();
}

#[wasm_bindgen_test]
async fn an_inline_form_through_the_kit() {
    reset().await;
    let page = mount(Mode::Inline, CheckoutMode::Redirect, false);
    let w = &page.widget;
    w.ready().await;
    assert!(w.is_inline());
    assert!(w.element(hooks::INLINE).is_some() && w.element(hooks::DONATE).is_none());
    w.open().await; // nothing to open
    assert!(!w.is_open() && w.element(hooks::DIALOG).is_none());
    assert_eq!(w.title().as_deref(), Some("Donate to American Red Cross"));
    w.choose_amount("$100").await;
    w.fill_donor("Ada", "Lovelace", "ada@example.org").await;
    w.submit().await;
    page.navigations.wait_for_redirect().await;
    assert_eq!(create_link_posts().await.len(), 1);
    assert_eq!(page.events.names(), ["ready", "link-created"], "no open or close inline");
}

#[wasm_bindgen_test]
async fn widgets_are_found_inside_other_shadow_roots_as_the_embed_nests_them() {
    reset().await;
    testing::start_fresh();
    // Like `<sir-donate>`: an element whose own open shadow root holds the widget's host.
    let outer: HtmlElement = document().create_element("section").unwrap().unchecked_into();
    outer.set_id("kit-outer");
    document().body().unwrap().append_child(&outer).unwrap();
    let root = outer.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap();
    let inner: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    root.append_child(&inner).unwrap();
    let page = mount_in(inner, outer.clone(), Mode::Button, CheckoutMode::Redirect, false);

    assert_eq!(Widget::wait_for_count(&outer, 1).await.len(), 1);
    assert_eq!(Widget::count(&outer), 1);
    for w in [Widget::select("#kit-outer"), page.widget.clone()] {
        w.ready().await;
        assert_eq!(w.button_name().as_deref(), Some("Donate to American Red Cross"));
    }
    page.widget.open().await;
    assert_eq!(page.events.wait_for("open").await, page.events.details("open")[0]);
    drop(page);
    assert_eq!(Widget::count(&outer), 0, "the page removed it");
}

/// The hooks of the open dialog with its form (the custom tip chosen).
const OPEN_DIALOG: [&str; 20] = [
    hooks::DONATE,
    hooks::CLOSE,
    hooks::DIALOG,
    hooks::TITLE,
    hooks::FORM,
    hooks::SUBMIT,
    hooks::SUMMARY,
    hooks::OTHER_AMOUNT,
    hooks::OTHER_TIP,
    hooks::FIRST_NAME,
    hooks::LAST_NAME,
    hooks::EMAIL,
    "other-amount-error",
    "other-tip-error",
    "first-name-error",
    "last-name-error",
    "email-error",
    hooks::AMOUNT,
    hooks::FREQUENCY,
    hooks::TIP,
];

/// The hooks of other states, each found through the kit by a test above.
const OTHER_STATES: [&str; 9] = [
    hooks::RELOAD,  // a_failed_load_and_its_try_again_through_the_kit
    hooks::NOTE,    // a_failed_load_and_its_try_again_through_the_kit
    hooks::RETRY,   // an_alert_and_its_retry_through_the_kit
    hooks::ALERT,   // an_alert_and_its_retry_through_the_kit
    hooks::NOTICE,  // a_blocked_window_is_a_notice_read_through_the_kit
    hooks::OUTCOME, // the_outcome_after_checkout_through_the_kit (and NOTE while pending)
    hooks::DONE,    // the_outcome_after_checkout_through_the_kit
    hooks::AGAIN,   // the_outcome_after_checkout_through_the_kit
    hooks::INLINE,  // an_inline_form_through_the_kit
];

#[wasm_bindgen_test]
async fn every_hook_of_the_open_dialog_is_there() {
    reset().await;
    let page = button_page();
    let w = &page.widget;
    w.open().await;
    w.choose_tip("Other %").await;
    let missing: Vec<&str> = OPEN_DIALOG.into_iter().filter(|hook| w.element(hook).is_none()).collect();
    assert!(missing.is_empty(), "hooks missing from the open dialog: {missing:?}");
    for input in [Input::OtherAmount, Input::OtherTip, Input::FirstName, Input::LastName, Input::Email] {
        let element = w.element(input.hook()).unwrap();
        assert_eq!(element.tag_name(), "INPUT", "{input:?}");
        assert!(w.element(&input.error_hook()).is_some(), "{input:?}");
    }
    for group in [Choice::Amount, Choice::Frequency, Choice::Tip] {
        let radios = w.elements(group.hook());
        assert!(!radios.is_empty(), "{group:?}");
        for radio in &radios {
            assert_eq!(radio.get_attribute("type").as_deref(), Some("radio"), "{group:?}");
        }
        let labels = w.chips(group);
        assert_eq!(labels.len(), radios.len(), "{group:?}");
        assert!(labels.iter().all(|l| !l.is_empty()), "{group:?}: {labels:?}");
    }
    for button in [hooks::DONATE, hooks::CLOSE, hooks::SUBMIT] {
        assert_eq!(w.element(button).unwrap().tag_name(), "BUTTON", "{button}");
    }
    assert_eq!(w.element(hooks::DIALOG).unwrap().tag_name(), "DIALOG");
    assert_eq!(w.element(hooks::FORM).unwrap().tag_name(), "FORM");

    // Every hook the kit knows is checked here or by the test of its state.
    let mut covered: Vec<&str> = OPEN_DIALOG.into_iter().chain(OTHER_STATES).collect();
    let mut all = hooks::ALL.to_vec();
    covered.sort_unstable();
    all.sort_unstable();
    assert_eq!(covered, all, "a hook without a test, or a test of an unknown hook");
}
