//! The app's own browser tests, written with `sir_donate::testing` (and the app's public items):
//! no sleeps, no shadow-root code, no selector of the widget's. The app's own controls are found
//! by their ids, which are the app's.
//!
//! Run in this directory with `wasm-pack test --headless --chrome`, against a running
//! `sir-sandbox`: its address comes from `SIR_SANDBOX_URL` at compile time (default
//! `http://127.0.0.1:8787`, where `cargo run -p sir-sandbox` listens).
#![cfg(target_arch = "wasm32")]

use std::any::Any;

use leptos::prelude::*;
use leptos_app::{App, AppState};
use sir_donate::Theme;
use sir_donate::testing::{self, EventLog, Navigations, Widget, recording_navigator, wait_until};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const SANDBOX_URL: &str = match option_env!("SIR_SANDBOX_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8787",
};

/// The app, mounted in a container of its own with a recording navigator (a donation does not
/// leave the test page) and the widgets' events recorded; removed when dropped.
struct Page {
    container: HtmlElement,
    state: AppState,
    navigations: Navigations,
    events: EventLog,
    _app: Box<dyn Any>,
}

impl Drop for Page {
    fn drop(&mut self) {
        self.container.remove();
    }
}

impl Page {
    /// The donate button widget: the page's first.
    fn button(&self) -> Widget {
        Widget::find_nth(&self.container, 0)
    }

    /// The inline widget: the page's second, while shown.
    fn inline(&self) -> Widget {
        Widget::find_nth(&self.container, 1)
    }

    /// One of the app's own elements, by its id.
    fn app_element<T: JsCast>(&self, id: &str) -> T {
        let element = self.container.query_selector(&format!("#{id}")).unwrap();
        element.unwrap_or_else(|| panic!("the app has no #{id}")).unchecked_into()
    }

    fn app_text(&self, id: &str) -> String {
        self.app_element::<HtmlElement>(id).text_content().unwrap_or_default()
    }
}

async fn mount_app() -> Page {
    reset().await;
    testing::start_fresh();
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let events = EventLog::attach(&container);
    let (navigator, navigations) = recording_navigator(false);
    let state = AppState::new();
    let app = leptos::mount::mount_to(container.clone(), move || {
        view! { <App api_base=SANDBOX_URL navigator=navigator state=state /> }
    });
    Page { container, state, navigations, events, _app: Box::new(app) }
}

/// The sandbox's control API: forget donations, faults and the request log.
async fn reset() {
    let url = format!("{SANDBOX_URL}/__sandbox/reset");
    let response = gloo_net::http::Request::post(&url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("no sir-sandbox at {SANDBOX_URL} (is it running?): {e}"));
    assert!(response.ok(), "reset answered {}", response.status());
}

/// The bodies of the create-link requests the sandbox received since the reset.
async fn create_links() -> Vec<serde_json::Value> {
    let url = format!("{SANDBOX_URL}/__sandbox/requests");
    let text = gloo_net::http::Request::get(&url).send().await.unwrap().text().await.unwrap();
    let log: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let create_link = |r: &serde_json::Value| {
        r["method"] == "POST" && r["path"].as_str().is_some_and(|p| p.ends_with("/create-link"))
    };
    log.into_iter().filter(create_link).map(|r| r["body"].clone()).collect()
}

#[wasm_bindgen_test]
async fn a_donation_completes_through_the_donate_button() {
    let page = mount_app().await;
    let w = page.button();
    w.open().await;
    assert_eq!(w.title().as_deref(), Some("Donate to American Red Cross"));
    w.choose_amount("$100").await;
    w.fill_donor("Ada", "Lovelace", "ada@example.org").await;
    w.submit().await;
    let url = page.navigations.wait_for_redirect().await;
    assert!(url.starts_with(&format!("{SANDBOX_URL}/checkout/")), "{url}");
    let posts = create_links().await;
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0]["amount"], 10_000);
    page.events.wait_for("link-created").await;
    // The app hears it too, through the component's `on_event`.
    wait_until("the app to show the event", || page.app_text("last-event") == "sir-donate:link-created").await;
}

#[wasm_bindgen_test]
async fn a_donation_completes_in_the_inline_form() {
    let page = mount_app().await;
    let w = page.inline();
    w.ready().await;
    assert!(w.is_inline());
    w.choose_amount("$50").await;
    w.fill_donor("Ada", "Lovelace", "ada@example.org").await;
    w.submit().await;
    page.navigations.wait_for_redirect().await;
    assert_eq!(create_links().await.len(), 1);
}

#[wasm_bindgen_test]
async fn switching_the_nonprofit_mounts_the_widgets_again_for_it() {
    let page = mount_app().await;
    let (button, inline) = (page.button(), page.inline());
    button.ready().await;
    assert_eq!(button.button_name().as_deref(), Some("Donate to American Red Cross"));

    // Through the signal.
    page.state.nonprofit.set("khan-academy".to_owned());
    let names = |name: &'static str| move |w: &Widget| w.button_name().as_deref() == Some(name);
    let titled = |title: &'static str| move |w: &Widget| w.title().as_deref() == Some(title);
    button.until("the button to name Khan Academy", names("Donate to Khan Academy")).await;
    inline.until("the inline form to name Khan Academy", titled("Donate to Khan Academy")).await;
    button.open().await;
    assert_eq!(button.title().as_deref(), Some("Donate to Khan Academy"));
    button.close().await;

    // Through the app's switcher, and a donation goes to the new nonprofit.
    page.app_element::<HtmlElement>("nonprofit-feeding-america").click();
    button.until("the button to name Feeding America", names("Donate to Feeding America")).await;
    assert_eq!(page.app_text("chosen-nonprofit"), "Feeding America");
    button.open().await;
    button.fill_donor("Ada", "Lovelace", "ada@example.org").await;
    button.submit().await;
    page.navigations.wait_for_redirect().await;
    let posts = create_links().await;
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0]["nonprofitSlug"], "feeding-america");
}

#[wasm_bindgen_test]
async fn switching_the_language_updates_the_label_in_place() {
    let page = mount_app().await;
    let (button, inline) = (page.button(), page.inline());
    button.ready().await;
    inline.ready().await;
    assert_eq!(button.label().as_deref(), Some("Donate"));
    let donate = button.element(testing::hooks::DONATE).unwrap();

    page.state.locale.set("es".to_owned());
    button.until("the label in Spanish", |w| w.label().as_deref() == Some("Donar")).await;
    assert_eq!(button.button_name().as_deref(), Some("Donar a American Red Cross"));
    let same = button.element(testing::hooks::DONATE).is_some_and(|now| now.is_same_node(Some(&donate)));
    assert!(same, "the same button, relabelled in place");
    inline.until("the inline form in Spanish", |w| w.title().as_deref() == Some("Donar a American Red Cross")).await;

    // Through the app's language switcher.
    let select: HtmlSelectElement = page.app_element("language");
    select.set_value("fr");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    button.until("the label in French", |w| w.label().as_deref() == Some("Faire un don")).await;

    // A new theme keeps the widgets working.
    page.state.theme.set(Theme::Dark);
    button.ready().await;
    button.open().await;
    assert_eq!(button.title().as_deref(), Some("Faire un don à American Red Cross"));
    let main: HtmlElement = page.container.query_selector("main").unwrap().unwrap().unchecked_into();
    assert_eq!(main.get_attribute("data-theme").as_deref(), Some("dark"));
}

#[wasm_bindgen_test]
async fn the_app_button_opens_the_dialog_through_the_handle() {
    let page = mount_app().await;
    let w = page.button();
    // Clicked before the widget is ready: it opens once ready.
    page.app_element::<HtmlElement>("open-donation").click();
    w.until("the dialog to open", |w| w.is_open()).await;
    page.events.wait_for("open").await;
    w.close().await;
    assert!(!w.is_open());
    // And again, once ready.
    page.app_element::<HtmlElement>("open-donation").click();
    w.until("the dialog to open again", |w| w.is_open()).await;
    page.events.wait_for_count("open", 2).await;
}

#[wasm_bindgen_test]
async fn the_show_toggle_removes_and_adds_the_inline_widget() {
    let page = mount_app().await;
    Widget::wait_for_count(&page.container, 2).await;
    page.inline().ready().await;
    assert!(page.inline().is_inline());

    page.state.show_inline.set(false);
    let left = Widget::wait_for_count(&page.container, 1).await;
    left[0].ready().await;
    assert!(!left[0].is_inline(), "the donate button stays");

    // Through the app's checkbox.
    page.app_element::<HtmlInputElement>("show-inline").click();
    Widget::wait_for_count(&page.container, 2).await;
    let inline = page.inline();
    inline.ready().await;
    assert!(inline.is_inline());
    inline.fill_donor("Ada", "Lovelace", "ada@example.org").await;
    inline.submit().await;
    page.navigations.wait_for_redirect().await;
}
