//! The donor's way through the form: choices, typed amounts, validation messages, the tip on the
//! Stripe path, the language, and the one create-link request a submission sends.

use serde_json::{Value, json};
use sir_donate::{Navigation, Provider};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

use crate::harness::*;
use crate::support::*;

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

/// What the browser's `Intl.NumberFormat` writes for `value` US dollars in `tag`, with `decimals`
/// decimals (the widget writes amounts itself: its texts must read the same).
fn intl_money(tag: &str, value: f64, decimals: u32) -> String {
    let options = js_sys::Object::new();
    for (name, v) in [
        ("style", JsValue::from_str("currency")),
        ("currency", JsValue::from_str("USD")),
        ("minimumFractionDigits", JsValue::from(decimals)),
        ("maximumFractionDigits", JsValue::from(decimals)),
    ] {
        js_sys::Reflect::set(&options, &JsValue::from_str(name), &v).unwrap();
    }
    let locales = js_sys::Array::of1(&JsValue::from_str(tag));
    js_sys::Intl::NumberFormat::new(&locales, &options)
        .format()
        .call1(&JsValue::NULL, &JsValue::from(value))
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
async fn amounts_read_as_the_browsers_intl_writes_them() {
    reset().await;
    // The language, the tag `Intl` gets for it, and an amount with cents as a donor types it there.
    for (locale, tag, typed) in [("en", "en-US", "1234.56"), ("es", "es", "1234,56"), ("fr", "fr", "1234,56")] {
        let w = mount(Props { locale: Some(locale), ..Props::default() }).await;
        w.open().await;
        let shadow = w.shadow().unwrap();
        let chips = shadow.query_selector_all("input[name='amount'] + *").unwrap();
        let shown: Vec<String> = (0..chips.length())
            .filter_map(|i| chips.item(i)?.text_content())
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
            .collect();
        let expected: Vec<String> = [25.0, 50.0, 100.0, 250.0].iter().map(|&v| intl_money(tag, v, 0)).collect();
        assert_eq!(shown, expected, "{locale}: the presets");
        w.type_into("#sir-amount", typed).await;
        let summary = w.text(".sir-summary");
        for (value, what) in [(1234.56, "the amount"), (1358.02, "the total with the 10 % tip")] {
            let intl = intl_money(tag, value, 2);
            assert!(summary.contains(&intl), "{locale}: {what}, {intl:?}, in {summary:?}");
        }
    }
}
