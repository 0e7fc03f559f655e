//! What the tests of every topic share: the props a test varies, mounting the component (fresh,
//! or as a page does when the donor comes back from checkout), reading and driving the widget
//! inside its shadow root, waiting for it, and the create-link requests the sandbox received.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use serde_json::{Value, json};
use sir_donate::{CheckoutMode, DonateButton, Mode, Navigation, Navigator, Provider, WidgetEvent};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit, ShadowRoot};

use crate::support::*;

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
pub struct Props {
    pub key: String,
    pub nonprofit: &'static str,
    pub locale: Option<&'static str>,
    pub provider: Option<Provider>,
    pub checkout: Option<CheckoutMode>,
    pub mode: Option<Mode>,
    pub timeout: Option<Duration>,
    pub block_windows: bool,
}

impl Default for Props {
    fn default() -> Self {
        Self {
            key: key(ACME).as_header_value().to_owned(),
            nonprofit: "american-red-cross",
            locale: Some("en"),
            provider: None,
            checkout: None,
            mode: None,
            timeout: None,
            block_windows: false,
        }
    }
}

/// A mounted widget with its recorded navigations and DOM events.
pub struct Mounted {
    container: HtmlElement,
    navigations: Rc<RefCell<Vec<Navigation>>>,
    pub events: Rc<RefCell<Vec<(String, String)>>>,
    /// What the `on_event` callback received, as `Debug` text (a callback must be `Send`).
    pub callbacks: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::CustomEvent)>>,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.container.remove();
    }
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub async fn sleep(ms: u64) {
    gloo_timers::future::sleep(Duration::from_millis(ms)).await;
}

/// Waits (bounded) until `cond` holds, letting the reactive system and the network run.
pub async fn wait_until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..200 {
        leptos::task::tick().await;
        if cond() {
            return;
        }
        sleep(25).await;
    }
    panic!("timed out waiting until {what}");
}

pub async fn mount(props: Props) -> Mounted {
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
                mode=props.mode.unwrap_or_default()
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
    pub fn shadow(&self) -> Option<ShadowRoot> {
        self.container.query_selector(".sir-donate").ok().flatten()?.shadow_root()
    }

    pub fn q(&self, css: &str) -> Option<Element> {
        self.shadow()?.query_selector(css).ok().flatten()
    }

    pub fn el(&self, css: &str) -> HtmlElement {
        self.q(css).unwrap_or_else(|| panic!("no {css} in the widget")).unchecked_into()
    }

    pub fn text(&self, css: &str) -> String {
        self.q(css).and_then(|e| e.text_content()).unwrap_or_default()
    }

    pub fn all_text(&self) -> String {
        self.shadow().and_then(|s| s.text_content()).unwrap_or_default()
    }

    pub fn dialog_open(&self) -> bool {
        self.q("dialog.sir-dialog").is_some_and(|d| d.has_attribute("open"))
    }

    pub fn active(&self) -> Option<Element> {
        self.shadow()?.active_element()
    }

    pub async fn ready(&self) {
        wait_until("the Donate button is ready", || {
            self.q("button.sir-button").is_some_and(|b| {
                !b.has_attribute("disabled") && b.get_attribute("aria-disabled").as_deref() == Some("false")
            })
        })
        .await;
    }

    pub async fn open(&self) {
        self.ready().await;
        self.el("button.sir-button").click();
        wait_until("the dialog opens", || self.dialog_open()).await;
    }

    pub async fn type_into(&self, css: &str, value: &str) {
        let input: HtmlInputElement = self.el(css).unchecked_into();
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
        leptos::task::tick().await;
    }

    /// Checks the chip whose text is `label` in the radio group `name`.
    pub async fn choose(&self, name: &str, label: &str) {
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

    pub async fn fill_donor(&self) {
        self.type_into("#sir-first-name", "Ada").await;
        self.type_into("#sir-last-name", "Lovelace").await;
        self.type_into("#sir-email", "ada@example.org").await;
    }

    pub fn submit_button(&self) -> HtmlElement {
        self.el("button.sir-submit")
    }

    pub async fn press(&self, key: &str, shift: bool) {
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

    pub fn event_names(&self) -> Vec<String> {
        self.events.borrow().iter().map(|(n, _)| n.clone()).collect()
    }

    pub fn navigations(&self) -> Vec<Navigation> {
        self.navigations.borrow().clone()
    }
}

pub fn session_storage() -> web_sys::Storage {
    web_sys::window().unwrap().session_storage().unwrap().unwrap()
}

/// Where the widget for ACME and american-red-cross keeps the donation it follows.
pub fn stored_donation_key() -> String {
    format!("sir-donate:v1:{}:american-red-cross", key(ACME).masked())
}

/// Mounts a widget as a page does when the donor comes back from checkout: with the donation
/// `id` of `amount` cents already in session storage, shown in `mode`.
pub fn mount_after_checkout(id: &str, amount: u64, mode: Mode) -> (HtmlElement, impl Drop) {
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
        api_base=SANDBOX_URL locale="en" navigator mode/> }
    });
    (container, handle)
}

pub async fn create_link_posts() -> Vec<Value> {
    requests()
        .await
        .into_iter()
        .filter(|r| r["method"] == "POST" && r["path"].as_str().is_some_and(|p| p.ends_with("/create-link")))
        .collect()
}

pub async fn submit_expecting_alert(w: &Mounted) -> String {
    w.submit_button().click();
    wait_until("an alert", || w.q(".sir-alert").is_some()).await;
    w.text(".sir-alert")
}

/// Creates a $42 donation for Ada through the API, as the widget does before the trip to
/// checkout, and returns its id.
pub async fn created_donation() -> String {
    let created = client(ACME)
        .create_link(&sir_donate::api::CreateLinkRequest {
            nonprofit_slug: "american-red-cross".into(),
            amount: 4200,
            currency: "USD".into(),
            frequency: sir_donate::api::Frequency::Once,
            provider: sir_donate::api::Provider::EveryOrg,
            donor_email: "ada@example.org".into(),
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            tip_amount: None,
            tip_percent: None,
            referral_code: None,
        })
        .await
        .unwrap();
    created.partner_donation_id.as_str().to_owned()
}
