//! The `DonateButton` component, the whole donor flow, in headless Chromium against a running
//! `sir-sandbox`. Navigation goes through a recording `Navigator`, so a test sees where the donor
//! would have been sent without leaving the page.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use serde_json::{Value, json};
use sir_donate::api::{CreateLinkRequest, Frequency as ApiFrequency, Provider as ApiProvider};
use sir_donate::{CheckoutMode, DonateButton, Frequency, Navigation, Navigator, Provider, WidgetEvent};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const EVENTS: [&str; 6] = [
    "sir-donate:ready",
    "sir-donate:open",
    "sir-donate:close",
    "sir-donate:link-created",
    "sir-donate:status",
    "sir-donate:error",
];

/// Props a test varies; everything else is the component's default.
#[derive(Clone)]
struct Props {
    key: String,
    nonprofit: &'static str,
    locale: Option<&'static str>,
    provider: Option<Provider>,
    checkout: Option<CheckoutMode>,
    timeout: Option<Duration>,
    block_windows: bool,
}

impl Default for Props {
    fn default() -> Self {
        Self {
            key: key(ACME).as_header_value().to_owned(),
            nonprofit: "american-red-cross",
            locale: Some("en"),
            provider: None,
            checkout: None,
            timeout: None,
            block_windows: false,
        }
    }
}

/// A mounted widget with its recorded navigations and DOM events.
struct Mounted {
    container: HtmlElement,
    navigations: Rc<RefCell<Vec<Navigation>>>,
    events: Rc<RefCell<Vec<(String, String)>>>,
    /// What the `on_event` callback received, as `Debug` text (a callback must be `Send`).
    callbacks: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::CustomEvent)>>,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.container.remove();
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: u64) {
    gloo_timers::future::sleep(Duration::from_millis(ms)).await;
}

/// Waits (bounded) until `cond` holds, letting the reactive system and the network run.
async fn wait_until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..200 {
        leptos::task::tick().await;
        if cond() {
            return;
        }
        sleep(25).await;
    }
    panic!("timed out waiting until {what}");
}

async fn mount(props: Props) -> Mounted {
    // A donation stored by an earlier test must not be picked up as a return from checkout.
    web_sys::window().unwrap().session_storage().unwrap().unwrap().clear().unwrap();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let events = Rc::new(RefCell::new(Vec::new()));
    let mut listeners = Vec::new();
    for name in EVENTS {
        let log = events.clone();
        let listener = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let detail = js_sys::JSON::stringify(&e.detail()).map(String::from).unwrap_or_default();
            log.borrow_mut().push((e.type_(), detail));
        });
        container.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref()).unwrap();
        listeners.push(listener);
    }
    let (navigator, navigations) = Navigator::recording(props.block_windows);
    let callbacks = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let received = callbacks.clone();
    let on_event = Callback::new(move |event: WidgetEvent| received.lock().unwrap().push(format!("{event:?}")));
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <DonateButton
                publishable_key=props.key
                nonprofit=props.nonprofit
                api_base=SANDBOX_URL
                locale=props.locale.unwrap_or("")
                provider=props.provider.unwrap_or_default()
                checkout=props.checkout.unwrap_or_default()
                timeout=props.timeout.unwrap_or(Duration::from_secs(15))
                navigator=navigator
                on_event=on_event
            />
        }
    });
    let mounted =
        Mounted { container, navigations, events, callbacks, _listeners: listeners, _handle: Box::new(handle) };
    wait_until("the shadow root renders", || mounted.shadow().is_some()).await;
    mounted
}

impl Mounted {
    fn shadow(&self) -> Option<ShadowRoot> {
        self.container.query_selector(".sir-donate").ok().flatten()?.shadow_root()
    }

    fn q(&self, css: &str) -> Option<Element> {
        self.shadow()?.query_selector(css).ok().flatten()
    }

    fn el(&self, css: &str) -> HtmlElement {
        self.q(css).unwrap_or_else(|| panic!("no {css} in the widget")).unchecked_into()
    }

    fn text(&self, css: &str) -> String {
        self.q(css).and_then(|e| e.text_content()).unwrap_or_default()
    }

    fn all_text(&self) -> String {
        self.shadow().and_then(|s| s.text_content()).unwrap_or_default()
    }

    fn dialog_open(&self) -> bool {
        self.q("dialog.sir-dialog").is_some_and(|d| d.has_attribute("open"))
    }

    fn active(&self) -> Option<Element> {
        self.shadow()?.active_element()
    }

    async fn ready(&self) {
        wait_until("the Donate button is ready", || {
            self.q("button.sir-button").is_some_and(|b| {
                !b.has_attribute("disabled") && b.get_attribute("aria-disabled").as_deref() == Some("false")
            })
        })
        .await;
    }

    async fn open(&self) {
        self.ready().await;
        self.el("button.sir-button").click();
        wait_until("the dialog opens", || self.dialog_open()).await;
    }

    async fn type_into(&self, css: &str, value: &str) {
        let input: HtmlInputElement = self.el(css).unchecked_into();
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
        leptos::task::tick().await;
    }

    /// Checks the chip whose text is `label` in the radio group `name`.
    async fn choose(&self, name: &str, label: &str) {
        let shadow = self.shadow().unwrap();
        let chips = shadow.query_selector_all(&format!("input[name='{name}']")).unwrap();
        for i in 0..chips.length() {
            let input: HtmlInputElement = chips.item(i).unwrap().unchecked_into();
            let text = input.next_element_sibling().and_then(|s| s.text_content()).unwrap_or_default();
            if text == label {
                input.click();
                leptos::task::tick().await;
                return;
            }
        }
        panic!("no {name} chip labelled {label:?}");
    }

    async fn fill_donor(&self) {
        self.type_into("#sir-first-name", "Ada").await;
        self.type_into("#sir-last-name", "Lovelace").await;
        self.type_into("#sir-email", "ada@example.org").await;
    }

    fn submit_button(&self) -> HtmlElement {
        self.el("button.sir-submit")
    }

    async fn press(&self, key: &str, shift: bool) {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_shift_key(shift);
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_composed(true);
        let target: Element = self.active().unwrap_or_else(|| self.q("dialog").unwrap());
        target.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
        leptos::task::tick().await;
    }

    fn event_names(&self) -> Vec<String> {
        self.events.borrow().iter().map(|(n, _)| n.clone()).collect()
    }

    fn navigations(&self) -> Vec<Navigation> {
        self.navigations.borrow().clone()
    }
}

fn session_storage() -> web_sys::Storage {
    web_sys::window().unwrap().session_storage().unwrap().unwrap()
}

/// Where the widget for ACME and american-red-cross keeps the donation it follows.
fn stored_donation_key() -> String {
    format!("sir-donate:v1:{}:american-red-cross", key(ACME).masked())
}

/// Mounts a widget as a page does when the donor comes back from checkout: with the donation
/// `id` of `amount` cents already in session storage.
fn mount_after_checkout(id: &str, amount: u64) -> (HtmlElement, impl Drop) {
    let pending = json!({"partnerDonationId": id, "amount": amount, "createdAtMs": js_sys::Date::now()});
    // `mount` clears storage first, so the entry is written right before, as a reload would find it.
    let storage = session_storage();
    storage.clear().unwrap();
    storage.set_item(&stored_donation_key(), &pending.to_string()).unwrap();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let (navigator, _) = Navigator::recording(false);
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! { <DonateButton publishable_key=key(ACME).as_header_value().to_owned() nonprofit="american-red-cross"
        api_base=SANDBOX_URL locale="en" navigator/> }
    });
    (container, handle)
}

async fn create_link_posts() -> Vec<Value> {
    requests()
        .await
        .into_iter()
        .filter(|r| r["method"] == "POST" && r["path"].as_str().is_some_and(|p| p.ends_with("/create-link")))
        .collect()
}

#[wasm_bindgen_test]
async fn shows_the_nonprofit_and_opens_an_accessible_dialog() {
    reset().await;
    let w = mount(Props::default()).await;
    w.ready().await;
    let button = w.el("button.sir-button");
    assert_eq!(w.text(".sir-button__label"), "Donate");
    assert_eq!(button.get_attribute("aria-label").as_deref(), Some("Donate to American Red Cross"));
    assert_eq!(button.get_attribute("aria-haspopup").as_deref(), Some("dialog"));
    assert!(w.q("img.sir-button__logo").is_some(), "the nonprofit's logo");

    w.open().await;
    let dialog = w.el("dialog.sir-dialog");
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    assert_eq!(w.text(&format!("#{title_id}")), "Donate to American Red Cross");
    assert!(w.active().is_some_and(|a| dialog.contains(Some(&a))), "focus moved into the dialog");
    let root = document().document_element().unwrap().unchecked_into::<HtmlElement>();
    assert_eq!(root.style().get_property_value("overflow").unwrap(), "hidden", "page scroll is locked");

    w.press("Escape", false).await;
    assert!(!w.dialog_open(), "Esc closes");
    assert!(w.active().is_some_and(|a| a.class_list().contains("sir-button")), "focus returns to the button");
    assert_eq!(root.style().get_property_value("overflow").unwrap(), "", "scroll is unlocked");

    w.open().await;
    w.el("button.sir-close").click();
    leptos::task::tick().await;
    assert!(!w.dialog_open(), "the labelled close button closes");
    assert_eq!(w.el("button.sir-close").get_attribute("aria-label").as_deref(), Some("Close"));
    let names = w.event_names();
    assert_eq!(names.iter().filter(|n| *n == "sir-donate:open").count(), 2, "{names:?}");
    assert_eq!(names.iter().filter(|n| *n == "sir-donate:close").count(), 2, "{names:?}");
    assert!(names.contains(&"sir-donate:ready".to_owned()));
}

#[wasm_bindgen_test]
async fn a_click_while_loading_opens_the_dialog_when_ready() {
    reset().await;
    sir_donate::forget_shared_answers();
    fault(json!({"endpoint": "config", "kind": "delay", "delayMs": 800})).await;
    let w = mount(Props::default()).await;
    wait_until("the button renders", || w.q("button.sir-button").is_some()).await;
    let button = w.el("button.sir-button");
    assert_eq!(button.get_attribute("aria-disabled").as_deref(), Some("true"), "still loading");
    assert!(!button.has_attribute("disabled"), "focusable and clickable while loading");
    button.click();
    assert!(!w.dialog_open());
    wait_until("the dialog opens once ready", || w.dialog_open()).await;
}

#[wasm_bindgen_test]
async fn tab_and_shift_tab_stay_inside_the_dialog() {
    reset().await;
    let w = mount(Props::default()).await;
    w.open().await;
    let dialog = w.el("dialog.sir-dialog");
    w.el("button.sir-close").focus().unwrap();
    w.press("Tab", true).await;
    assert!(
        w.active().is_some_and(|a| a.class_list().contains("sir-submit")),
        "Shift+Tab from the first control wraps to the last"
    );
    w.press("Tab", false).await;
    assert!(w.active().is_some_and(|a| a.class_list().contains("sir-close")), "Tab from the last wraps to the first");
    for _ in 0..30 {
        w.press("Tab", false).await;
        assert!(w.active().is_some_and(|a| dialog.contains(Some(&a))), "focus never leaves the dialog");
    }
}

#[wasm_bindgen_test]
async fn one_submission_sends_exactly_one_create_link_and_redirects_to_it() {
    reset().await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.choose("amount", "$100").await;
    w.choose("frequency", "Monthly").await;
    w.fill_donor().await;
    assert!(w.text(".sir-summary").contains("$100"), "summary: {}", w.text(".sir-summary"));
    assert!(w.text(".sir-summary").contains("$110"), "total with the 10 % tip: {}", w.text(".sir-summary"));
    // A double click and a repeated Enter: one submission.
    w.submit_button().click();
    w.submit_button().click();
    w.el("#sir-email").unchecked_into::<HtmlInputElement>().form().unwrap().request_submit().ok();
    wait_until("the redirect", || !w.navigations().is_empty()).await;
    sleep(300).await;
    let posts = create_link_posts().await;
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(
        posts[0]["body"],
        json!({"nonprofitSlug": "american-red-cross", "amount": 10000, "currency": "USD", "frequency": "monthly",
            "provider": "every.org", "donorEmail": "ada@example.org", "firstName": "Ada", "lastName": "Lovelace",
            "tipPercent": 10})
    );
    let created = w.events.borrow().iter().find(|(n, _)| n == "sir-donate:link-created").cloned().unwrap();
    let detail: Value = serde_json::from_str(&created.1).unwrap();
    let id = detail["partnerDonationId"].as_str().unwrap().to_owned();
    assert_eq!(w.navigations(), vec![Navigation::Redirect(format!("{SANDBOX_URL}/checkout/{id}"))]);
    for (_, detail) in w.events.borrow().iter() {
        assert!(!detail.contains("ada@") && !detail.contains("Ada") && !detail.contains("Lovelace"), "PII: {detail}");
    }
}

#[wasm_bindgen_test]
async fn custom_amounts_parse_exactly_and_invalid_ones_are_explained() {
    reset().await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.type_into("#sir-amount", "19.99").await;
    assert!(w.text(".sir-summary").contains("$19.99"), "{}", w.text(".sir-summary"));
    w.fill_donor().await;
    for (typed, message) in [
        ("-5", "negative"),
        ("0", "zero"),
        ("abc", "number"),
        ("1.234", "decimal"),
        ("0.50", "$1"),
        ("100001", "$100,000"),
        // In English a comma only groups thousands: 12,34 is not $12.34.
        ("12,34", "point for cents"),
    ] {
        w.type_into("#sir-amount", typed).await;
        w.submit_button().click();
        leptos::task::tick().await;
        let error = w.text("#sir-amount-error").to_lowercase();
        assert!(error.contains(&message.to_lowercase()), "{typed:?}: {error:?}");
        assert_eq!(w.el("#sir-amount").get_attribute("aria-invalid").as_deref(), Some("true"));
    }
    assert!(create_link_posts().await.is_empty(), "no request for invalid amounts");
    w.type_into("#sir-amount", "1,000.50").await;
    w.choose("tip", "No tip").await;
    w.submit_button().click();
    wait_until("the redirect", || !w.navigations().is_empty()).await;
    let posts = create_link_posts().await;
    assert_eq!(posts[0]["body"]["amount"], 100_050);
    assert!(posts[0]["body"].get("tipPercent").is_none(), "no tip removes tipPercent");
}

#[wasm_bindgen_test]
async fn donor_fields_are_validated_with_messages() {
    reset().await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.type_into("#sir-email", "ada@").await;
    w.submit_button().click();
    leptos::task::tick().await;
    for id in ["sir-first-name", "sir-last-name", "sir-email"] {
        assert_eq!(w.el(&format!("#{id}")).get_attribute("aria-invalid").as_deref(), Some("true"), "{id}");
        assert!(!w.text(&format!("#{id}-error")).is_empty(), "{id} has a message");
    }
    leptos::task::tick().await;
    assert!(w.active().is_some_and(|a| a.id() == "sir-first-name"), "focus goes to the first problem");
    // Each message says what is wrong: a name that is too long is not a missing one.
    w.type_into("#sir-first-name", &"J".repeat(5_000)).await;
    w.type_into("#sir-last-name", "Lovelace\tKing").await;
    w.submit_button().click();
    leptos::task::tick().await;
    let first = w.text("#sir-first-name-error");
    assert!(first.contains("too long") && first.contains("100"), "{first:?}");
    let last = w.text("#sir-last-name-error");
    assert!(last.contains("tabs or line breaks"), "{last:?}");
    assert_eq!(w.el("#sir-first-name").unchecked_into::<HtmlInputElement>().value().len(), 5_000, "input kept");
    assert!(create_link_posts().await.is_empty());
}

#[wasm_bindgen_test]
async fn stripe_with_a_changed_tip_sends_tip_amount() {
    reset().await;
    let w = mount(Props { provider: Some(Provider::Stripe), ..Props::default() }).await;
    w.open().await;
    w.choose("amount", "$50").await;
    w.choose("tip", "15%").await;
    assert!(w.text(".sir-tip-amount").contains("$7.50"), "{}", w.text(".sir-tip-amount"));
    w.fill_donor().await;
    w.submit_button().click();
    wait_until("the redirect", || !w.navigations().is_empty()).await;
    let body = &create_link_posts().await[0]["body"];
    assert_eq!(
        (body["provider"].clone(), body["tipPercent"].clone(), body["tipAmount"].clone()),
        (json!("stripe"), json!(15), json!(750))
    );
}

async fn submit_expecting_alert(w: &Mounted) -> String {
    w.submit_button().click();
    wait_until("an alert", || w.q(".sir-alert").is_some()).await;
    w.text(".sir-alert")
}

#[wasm_bindgen_test]
async fn a_429_counts_down_and_keeps_the_donor_input() {
    reset().await;
    fault(json!({"endpoint": "create-link", "kind": "status", "status": 429, "headers": {"Retry-After": "30"}})).await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.fill_donor().await;
    let alert = submit_expecting_alert(&w).await;
    assert!(alert.contains("30") || alert.contains("29"), "{alert}");
    let retry = w.el(".sir-alert button");
    assert!(retry.has_attribute("disabled"), "retry waits for the countdown");
    w.submit_button().click();
    sleep(200).await;
    assert_eq!(create_link_posts().await.len(), 1, "no second request during the countdown");
    assert_eq!(w.el("#sir-email").unchecked_into::<HtmlInputElement>().value(), "ada@example.org");
    assert!(w.navigations().is_empty());
    assert!(w.events.borrow().iter().any(|(n, d)| n == "sir-donate:error" && d.contains("rate_limited")));
}

#[wasm_bindgen_test]
async fn a_500_offers_retry_which_then_succeeds() {
    reset().await;
    fault(json!({"endpoint": "create-link", "kind": "status", "status": 500})).await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.fill_donor().await;
    let alert = submit_expecting_alert(&w).await;
    assert!(alert.contains("Try again") || alert.to_lowercase().contains("wrong"), "{alert}");
    assert_eq!(w.el("#sir-first-name").unchecked_into::<HtmlInputElement>().value(), "Ada", "input kept");
    w.el(".sir-alert button").click();
    wait_until("the redirect after retrying", || !w.navigations().is_empty()).await;
    assert_eq!(create_link_posts().await.len(), 2, "one request per submission");
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_a_network_error_with_retry() {
    reset().await;
    fault(json!({"endpoint": "create-link", "kind": "drop"})).await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.fill_donor().await;
    let alert = submit_expecting_alert(&w).await;
    assert!(alert.to_lowercase().contains("connection") || alert.to_lowercase().contains("reach"), "{alert}");
    assert!(w.q(".sir-alert button").is_some(), "a retry button");
    assert_eq!(create_link_posts().await.len(), 1);
    assert!(w.navigations().is_empty());
}

#[wasm_bindgen_test]
async fn a_timeout_is_explained_and_can_be_retried() {
    reset().await;
    fault(json!({"endpoint": "create-link", "kind": "delay", "delayMs": 2000})).await;
    let w = mount(Props { timeout: Some(Duration::from_millis(500)), ..Props::default() }).await;
    w.open().await;
    w.fill_donor().await;
    let alert = submit_expecting_alert(&w).await;
    assert!(alert.contains("too long"), "{alert}");
    assert!(w.navigations().is_empty());
    assert!(w.events.borrow().iter().any(|(n, d)| n == "sir-donate:error" && d.contains("timeout")));
    w.el(".sir-alert button").click();
    wait_until("the redirect after retrying", || !w.navigations().is_empty()).await;
    assert_eq!(w.el("#sir-last-name").unchecked_into::<HtmlInputElement>().value(), "Lovelace");
}

#[wasm_bindgen_test]
async fn feature_disabled_at_submit_is_explained() {
    reset().await;
    fault(json!({"endpoint": "create-link", "kind": "status", "status": 403,
        "body": {"statusCode": 403, "code": "FEATURE_DISABLED", "message": "no donations"}}))
    .await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.fill_donor().await;
    let alert = submit_expecting_alert(&w).await;
    assert!(alert.to_lowercase().contains("available"), "{alert}");
    assert!(w.events.borrow().iter().any(|(n, d)| n == "sir-donate:error" && d.contains("feature_disabled")));
}

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
async fn partners_that_cannot_take_donations_get_a_disabled_button() {
    reset().await;
    for pair in [NO_DONATIONS, SUSPENDED] {
        let w = mount(Props { key: key(pair).as_header_value().to_owned(), ..Props::default() }).await;
        wait_until("the explanation", || w.q(".sir-note").is_some()).await;
        assert!(w.el("button.sir-button").has_attribute("disabled"), "{pair}");
        assert!(w.text(".sir-note").to_lowercase().contains("available"), "{pair}: {}", w.text(".sir-note"));
    }
}

#[wasm_bindgen_test]
async fn a_secret_key_is_refused_without_any_request() {
    reset().await;
    let secret = format!("sk_live_{}", "ab".repeat(32));
    let w = mount(Props { key: secret, ..Props::default() }).await;
    let message = w.text(".sir-config-error");
    assert!(message.contains("SECRET"), "{message}");
    assert!(w.q("button.sir-button").is_none(), "no button");
    sleep(300).await;
    assert!(requests().await.is_empty(), "zero requests");
    assert!(w.events.borrow().iter().any(|(n, d)| n == "sir-donate:error" && d.contains("invalid_key")));
    assert!(!w.events.borrow().iter().any(|(_, d)| d.contains("sk_live")), "the key is never echoed");
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
    let created = client(ACME)
        .create_link(&CreateLinkRequest {
            nonprofit_slug: "american-red-cross".into(),
            amount: 4200,
            currency: "USD".into(),
            frequency: ApiFrequency::Once,
            provider: ApiProvider::EveryOrg,
            donor_email: "ada@example.org".into(),
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            tip_amount: None,
            tip_percent: None,
            referral_code: None,
        })
        .await
        .unwrap();
    let id = created.partner_donation_id.as_str().to_owned();
    let (container, _handle) = mount_after_checkout(&id, 4200);
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
async fn the_locale_prop_switches_every_string() {
    reset().await;
    for (locale, donate, submit) in [("es", "Donar", "pago"), ("fr", "Faire un don", "paiement")] {
        let w = mount(Props { locale: Some(locale), ..Props::default() }).await;
        w.ready().await;
        assert_eq!(w.text(".sir-button__label"), donate);
        w.open().await;
        assert!(
            w.submit_button().text_content().unwrap().to_lowercase().contains(submit),
            "{locale}: {:?}",
            w.submit_button().text_content()
        );
        assert!(!w.all_text().contains("Amount"), "{locale}: no English left");
    }
}

#[wasm_bindgen_test]
async fn config_and_nonprofit_are_fetched_once_for_many_widgets() {
    reset().await;
    sir_donate::forget_shared_answers();
    let widgets = futures_join_all((0..3).map(|_| mount(Props::default()))).await;
    for w in &widgets {
        w.ready().await;
    }
    assert_eq!(count_requests("GET", "/config").await, 1);
    assert_eq!(count_requests("GET", "/organizations/american-red-cross").await, 1);
    let _ = Frequency::Once;
}

async fn futures_join_all<F: std::future::Future>(items: impl Iterator<Item = F>) -> Vec<F::Output> {
    let mut out = Vec::new();
    for item in items {
        out.push(item.await);
    }
    out
}

/// What a careless server might say back: the donor's own name and email.
const ECHO: &str = "could not create donation for Jane Doe <jane@example.com>";

#[wasm_bindgen_test]
async fn error_events_and_callbacks_never_carry_server_text_or_donor_input() {
    let body = |code: &str| json!({"statusCode": 0, "error": ECHO, "code": code, "message": [ECHO]});
    let cases = [
        // 4xx with a code the widget knows, with one it does not, a 409 and a 429.
        (json!({"status": 403, "body": body("FEATURE_DISABLED")}), "feature_disabled", Some(403u64)),
        (json!({"status": 403, "body": body("JANE_DOE")}), "forbidden", Some(403)),
        (json!({"status": 400, "body": body("VALIDATION_FAILED")}), "validation", Some(400)),
        (json!({"status": 409, "body": body("CONFLICT")}), "unexpected_status", Some(409)),
        (
            json!({"status": 429, "body": body("RATE_LIMITED"), "headers": {"Retry-After": "1"}}),
            "rate_limited",
            Some(429),
        ),
        // 5xx, and a malformed body in a success answer.
        (json!({"status": 500, "body": body("INTERNAL")}), "server_error", Some(500)),
        (json!({"status": 201, "body": ECHO}), "invalid_response", None),
    ];
    for (answer, code, status) in cases {
        reset().await;
        let mut spec = json!({"endpoint": "create-link", "kind": "status"});
        spec.as_object_mut().unwrap().extend(answer.as_object().unwrap().clone());
        fault(spec).await;
        let w = mount(Props::default()).await;
        w.open().await;
        w.type_into("#sir-first-name", "Jane").await;
        w.type_into("#sir-last-name", "Doe").await;
        w.type_into("#sir-email", "jane@example.com").await;
        submit_expecting_alert(&w).await;
        wait_until("the error event", || w.event_names().iter().any(|n| n == "sir-donate:error")).await;
        let events = w.events.borrow().clone();
        let (_, detail) = events.iter().find(|(n, _)| n == "sir-donate:error").unwrap();
        let detail: Value = serde_json::from_str(detail).unwrap();
        assert_eq!(detail["code"], code, "{detail}");
        assert_eq!(detail["status"].as_u64(), status, "{detail}");
        let callbacks = w.callbacks.lock().unwrap().join("\n");
        assert!(callbacks.contains(&format!("code: {code:?}")), "{callbacks}");
        let published: Vec<String> =
            events.iter().map(|(_, d)| d.clone()).chain(callbacks.lines().map(str::to_owned)).collect();
        for text in &published {
            for word in ["Jane", "Doe", "jane@", "jane%40", "example.com"] {
                assert!(!text.contains(word), "{code}: {word:?} reached a page script: {text}");
            }
        }
        // What the donor typed survives the failure.
        assert_eq!(w.el("#sir-email").unchecked_into::<HtmlInputElement>().value(), "jane@example.com");
    }
}

/// Mounts a widget whose first load fails as `fault` makes it, and waits for the failure.
async fn mount_failing(fault_spec: Value) -> Mounted {
    reset().await;
    sir_donate::forget_shared_answers();
    fault(fault_spec).await;
    let w = mount(Props::default()).await;
    wait_until("the failure note with its retry", || w.q(".sir-note button[data-act='reload']").is_some()).await;
    w
}

/// After a failed load the widget recovers without a page reload and a donation completes.
async fn recover_and_donate(w: &Mounted) {
    w.ready().await;
    assert!(w.q(".sir-note").is_none(), "the failure note is gone: {}", w.all_text());
    w.open().await;
    w.fill_donor().await;
    w.submit_button().click();
    wait_until("the redirect to checkout", || !w.navigations().is_empty()).await;
    assert_eq!(create_link_posts().await.len(), 1);
}

#[wasm_bindgen_test]
async fn a_failed_load_offers_a_retry_that_then_works() {
    let cases = [
        // Every try of the configuration fails (the client makes three).
        (json!({"endpoint": "config", "kind": "status", "status": 503, "times": 3}), "wrong"),
        // The nonprofit answers with JSON that does not parse (not retried by the client).
        (json!({"endpoint": "organization", "kind": "malformed"}), "wrong"),
        // The network is down for every try.
        (json!({"endpoint": "config", "kind": "drop", "times": 3}), "connection"),
    ];
    for (fault_spec, says) in cases {
        let w = mount_failing(fault_spec.clone()).await;
        let note = w.text(".sir-note").to_lowercase();
        assert!(note.contains(says), "{fault_spec}: {note}");
        let button = w.el("button.sir-button");
        assert!(!button.has_attribute("disabled"), "{fault_spec}: the button stays usable");
        w.el(".sir-note button").click();
        recover_and_donate(&w).await;
    }
}

#[wasm_bindgen_test]
async fn a_click_on_donate_after_a_failed_load_loads_again_and_opens() {
    let w = mount_failing(json!({"endpoint": "config", "kind": "status", "status": 500, "times": 3})).await;
    w.el("button.sir-button").click();
    wait_until("the dialog opens once loaded", || w.dialog_open()).await;
}

#[wasm_bindgen_test]
async fn coming_back_online_loads_again_by_itself() {
    let w = mount_failing(json!({"endpoint": "config", "kind": "drop", "times": 3})).await;
    assert!(!w.dialog_open());
    web_sys::window().unwrap().dispatch_event(&web_sys::Event::new("online").unwrap()).unwrap();
    recover_and_donate(&w).await;
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
        let (container, _handle) = mount_after_checkout(id, 2500);
        sleep(500).await;
        let paths: Vec<String> =
            requests().await.iter().filter_map(|r| r["path"].as_str().map(str::to_owned)).collect();
        assert!(paths.iter().all(|p| !p.contains("/donations")), "{id:?}: {paths:?}");
        assert_eq!(session_storage().get_item(&stored_donation_key()).unwrap(), None, "{id:?}: the entry is dropped");
        container.remove();
    }
}

/// Every id that an ARIA reference or a label's `for` names exists in the widget's shadow root.
fn assert_references_resolve(w: &Mounted, when: &str) {
    let shadow = w.shadow().unwrap();
    let referring =
        shadow.query_selector_all("[aria-describedby], [aria-labelledby], [aria-controls], label[for]").unwrap();
    let mut checked = 0;
    for i in 0..referring.length() {
        let element: Element = referring.item(i).unwrap().unchecked_into();
        for attribute in ["aria-describedby", "aria-labelledby", "aria-controls", "for"] {
            for id in element.get_attribute(attribute).unwrap_or_default().split_whitespace() {
                assert!(
                    shadow.get_element_by_id(id).is_some(),
                    "{when}: {attribute}={id:?} on <{}> names no element",
                    element.tag_name()
                );
                assert_eq!(shadow.query_selector_all(&format!("#{id}")).unwrap().length(), 1, "{when}: #{id} twice");
                checked += 1;
            }
        }
    }
    assert!(checked >= 8, "{when}: only {checked} references found");
}

#[wasm_bindgen_test]
async fn every_aria_reference_resolves_in_every_state() {
    reset().await;
    let w = mount(Props::default()).await;
    w.open().await;
    assert_references_resolve(&w, "the open dialog");
    w.choose("tip", "Other %").await;
    assert_references_resolve(&w, "with the custom tip");
    w.submit_button().click();
    leptos::task::tick().await;
    assert_eq!(w.el("#sir-first-name").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_references_resolve(&w, "after a failed submit");
    w.fill_donor().await;
    assert_references_resolve(&w, "after fixing the fields");
}
