//! The component's props follow the app's signals without the app re-creating it: texts, theme
//! and presets change in place (an open dialog keeps what the donor typed), another nonprofit is
//! another widget (mounted again, and loaded); and the handle opens and closes it.

use leptos::prelude::*;
use sir_donate::{Cents, DonateButton, DonateButtonHandle, Mode, Navigator, Theme};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

use crate::harness::*;
use crate::support::*;

/// A component mounted once, with its props driven by signals the test changes.
struct Reactive {
    container: HtmlElement,
    nonprofit: RwSignal<String>,
    label: RwSignal<Option<String>>,
    locale: RwSignal<String>,
    theme: RwSignal<Theme>,
    amounts: RwSignal<Vec<Cents>>,
    mode: RwSignal<Mode>,
    handle: DonateButtonHandle,
    _owner: Box<dyn std::any::Any>,
}

impl Drop for Reactive {
    fn drop(&mut self) {
        self.container.remove();
    }
}

impl Reactive {
    async fn mount() -> Reactive {
        session_storage().clear().unwrap();
        let container: HtmlElement = crate::harness::document().create_element("div").unwrap().unchecked_into();
        crate::harness::document().body().unwrap().append_child(&container).unwrap();
        let owner = Owner::new();
        let (nonprofit, label, locale, theme, amounts, mode, handle) = owner.with(|| {
            (
                RwSignal::new("american-red-cross".to_owned()),
                RwSignal::new(None::<String>),
                RwSignal::new("en".to_owned()),
                RwSignal::new(Theme::Light),
                RwSignal::new(vec![Cents(2500), Cents(5000), Cents(10000)]),
                RwSignal::new(Mode::Button),
                DonateButtonHandle::new(),
            )
        });
        let (navigator, _) = Navigator::recording(false);
        let mounted = owner.with(|| {
            leptos::mount::mount_to(container.clone(), move || {
                view! {
                    <DonateButton
                        publishable_key=key(ACME).as_header_value().to_owned()
                        nonprofit=nonprofit
                        label=label
                        locale=locale
                        theme=theme
                        amounts=amounts
                        mode=mode
                        api_base=SANDBOX_URL
                        navigator
                        handle
                    />
                }
            })
        });
        let r = Reactive {
            container,
            nonprofit,
            label,
            locale,
            theme,
            amounts,
            mode,
            handle,
            _owner: Box::new((owner, mounted)),
        };
        wait_until("the button is ready", || r.q("button[data-sir=donate]:not([aria-disabled=true])").is_some()).await;
        r
    }

    fn shadow(&self) -> Option<ShadowRoot> {
        self.container.query_selector(".sir-donate").ok().flatten()?.shadow_root()
    }

    fn q(&self, css: &str) -> Option<Element> {
        self.shadow()?.query_selector(css).ok().flatten()
    }

    fn text(&self, css: &str) -> String {
        self.q(css).and_then(|e| e.text_content()).unwrap_or_default()
    }

    fn dialog_open(&self) -> bool {
        self.q("dialog[data-sir=dialog][open]").is_some()
    }
}

#[wasm_bindgen_test]
async fn changing_a_signal_updates_the_mounted_widget_in_place() {
    reset().await;
    let r = Reactive::mount().await;
    let button = r.q("button[data-sir=donate]").unwrap();
    // The label, in place: the same button element, now with the new text.
    r.label.set(Some("Give monthly".into()));
    wait_until("the new label", || r.text("button[data-sir=donate]") == "Give monthly").await;
    assert!(r.q("button[data-sir=donate]").unwrap().is_same_node(Some(&button)), "the same button, not a new widget");

    // With the dialog open and a name typed, the language, theme and presets change in place.
    r.handle.open();
    wait_until("the dialog opens from the handle", || r.dialog_open()).await;
    let first: HtmlInputElement = r.q("input[data-sir=first-name]").unwrap().unchecked_into();
    first.set_value("Ada");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    first.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    let config_requests = count_requests("GET", "/config").await;

    r.locale.set("fr".into());
    r.theme.set(Theme::Dark);
    r.amounts.set(vec![Cents(1000), Cents(2000)]);
    wait_until("the French form", || r.text("[data-sir=submit]").contains("paiement")).await;
    assert!(r.dialog_open(), "the dialog stayed open");
    let typed: HtmlInputElement = r.q("input[data-sir=first-name]").unwrap().unchecked_into();
    assert_eq!(typed.value(), "Ada", "what the donor typed survives");
    let chips: Vec<String> = {
        let list = r.shadow().unwrap().query_selector_all("input[data-sir=amount] + span").unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
    };
    assert_eq!(chips.len(), 2, "the new presets: {chips:?}");
    assert!(chips[0].contains("10") && chips[1].contains("20"), "{chips:?}");
    assert!(r.q(".sir--dark").is_some(), "the dark theme");
    assert_eq!(count_requests("GET", "/config").await, config_requests, "nothing was loaded again");

    r.handle.close();
    wait_until("the handle closes the dialog", || !r.dialog_open()).await;
}

#[wasm_bindgen_test]
async fn another_nonprofit_or_mode_mounts_the_widget_again() {
    reset().await;
    let r = Reactive::mount().await;
    let button = r.q("button[data-sir=donate]").unwrap();
    assert!(button.get_attribute("aria-label").unwrap_or_default().contains("American Red Cross"));
    r.nonprofit.set("khan-academy".into());
    wait_until("the widget for Khan Academy", || {
        r.q("button[data-sir=donate]")
            .and_then(|b| b.get_attribute("aria-label"))
            .is_some_and(|l| l.contains("Khan Academy"))
    })
    .await;
    assert!(!r.q("button[data-sir=donate]").unwrap().is_same_node(Some(&button)), "a new widget");
    assert_eq!(r.shadow().unwrap().query_selector_all("[data-sir=donate]").unwrap().length(), 1, "only one");

    r.mode.set(Mode::Inline);
    wait_until("the inline form", || r.q("[data-sir=inline] [data-sir=form]").is_some()).await;
    assert!(r.q("button[data-sir=donate]").is_none(), "the button gave way");
    // The handle follows the new widget: inline, open moves focus into the form.
    r.handle.open();
    let focused = r.shadow().unwrap().active_element();
    assert!(
        focused.is_some_and(|f| f.get_attribute("data-sir").as_deref() == Some("amount")),
        "focus on the first chip"
    );
}

#[wasm_bindgen_test]
async fn the_handle_opens_a_widget_that_is_not_ready_yet() {
    reset().await;
    sir_donate::forget_shared_answers();
    fault(serde_json::json!({"endpoint": "config", "kind": "delay", "delayMs": 600})).await;
    let container: HtmlElement = crate::harness::document().create_element("div").unwrap().unchecked_into();
    crate::harness::document().body().unwrap().append_child(&container).unwrap();
    let owner = Owner::new();
    let handle = owner.with(DonateButtonHandle::new);
    // Asked before the component even mounts.
    handle.open();
    let (navigator, _) = Navigator::recording(false);
    let _mounted = owner.with(|| {
        leptos::mount::mount_to(container.clone(), move || {
            view! { <DonateButton publishable_key=key(ACME).as_header_value().to_owned()
            nonprofit="american-red-cross" api_base=SANDBOX_URL locale="en" navigator handle/> }
        })
    });
    let open = || {
        container
            .query_selector(".sir-donate")
            .ok()
            .flatten()
            .and_then(|h| h.shadow_root())
            .and_then(|s| s.query_selector("dialog[open]").ok().flatten())
            .is_some()
    };
    wait_until("the dialog opens once loaded", open).await;
    container.remove();
}
