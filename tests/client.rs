//! The real API client against a running `sir-sandbox`, in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod support;

use std::time::Duration;

use serde_json::{Value, json};
use sir_donate::api::{
    ApiError, ClientOptions, CreateLinkRequest, DonationId, Field, ForbiddenReason, Frequency, LinkRefusal, Provider,
    Slug, StatusWord,
};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn donation() -> CreateLinkRequest {
    CreateLinkRequest {
        nonprofit_slug: "american-red-cross".into(),
        amount: 2500,
        currency: "USD".into(),
        frequency: Frequency::Once,
        provider: Provider::EveryOrg,
        donor_email: "ada@example.org".into(),
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        tip_amount: None,
        tip_percent: Some(10.0),
        referral_code: Some("REFER123".into()),
    }
}

fn slug(s: &str) -> Slug {
    Slug::parse(s).unwrap()
}

#[wasm_bindgen_test]
async fn config_of_each_fixture_partner() {
    reset().await;
    let acme = client(ACME).config().await.unwrap();
    assert_eq!(acme.name, "Acme Giving");
    assert!(acme.accepts_donations());
    assert_eq!(acme.tips().and_then(|t| t.default_percent), Some(10.0));

    let no_donations = client(NO_DONATIONS).config().await.unwrap();
    assert!(!no_donations.accepts_donations());

    let suspended = client(SUSPENDED).config().await.unwrap_err();
    assert!(matches!(suspended, ApiError::Forbidden { reason: ForbiddenReason::PartnerInactive, .. }), "{suspended:?}");

    let unknown = client("77").config().await.unwrap_err();
    assert!(matches!(unknown, ApiError::Unauthorized { .. }), "{unknown:?}");

    let log = requests().await;
    let sent = log.iter().find(|r| r["method"] == "GET").expect("a GET was logged");
    assert_eq!(sent["headers"]["x-partner-key"], key(ACME).as_header_value());
}

#[wasm_bindgen_test]
async fn organization_and_its_variants() {
    reset().await;
    let org = client(ACME).organization(&slug("american-red-cross")).await.unwrap();
    assert_eq!(org.name, "American Red Cross");
    assert!(org.logo_url.as_deref().is_some_and(|u| u.starts_with(SANDBOX_URL)), "{org:?}");

    let missing = client(ACME).organization(&slug("no-such-nonprofit")).await.unwrap_err();
    assert!(matches!(missing, ApiError::NotFound { .. }), "{missing:?}");

    add_organization(json!({"id": "org_x", "slug": "alias-org", "name": "Alias Org",
        "logo": "https://cdn.example.org/l.png", "EIN": "12-3456789", "founded": 1901}))
    .await;
    let aliased = client(ACME).organization(&slug("alias-org")).await.unwrap();
    assert_eq!(aliased.logo_url.as_deref(), Some("https://cdn.example.org/l.png"));
    assert_eq!(aliased.ein.as_deref(), Some("12-3456789"));
}

#[wasm_bindgen_test]
async fn create_link_then_status_through_completion() {
    reset().await;
    let acme = client(ACME);
    let created = acme.create_link(&donation()).await.unwrap();
    assert!(created.partner_donation_id.as_str().starts_with("pdn_"));
    assert!(created.checkout_url.as_str().starts_with(SANDBOX_URL), "{}", created.checkout_url);

    let log = requests().await;
    let posts: Vec<_> = log.iter().filter(|r| r["method"] == "POST").collect();
    assert_eq!(posts.len(), 1);
    assert_eq!(
        posts[0]["body"],
        json!({"nonprofitSlug": "american-red-cross", "amount": 2500, "currency": "USD", "frequency": "once",
            "provider": "every.org", "donorEmail": "ada@example.org", "firstName": "Ada", "lastName": "Lovelace",
            "tipPercent": 10, "referralCode": "REFER123"})
    );

    let status = acme.status(&created.partner_donation_id).await.unwrap();
    assert_eq!(status.status, StatusWord::Pending);
    assert_eq!(status.amount, Some(2500));
    complete(created.partner_donation_id.as_str()).await;
    let status = acme.status(&created.partner_donation_id).await.unwrap();
    assert!(status.status.is_paid(), "{status:?}");

    let foreign = client(NO_DONATIONS).status(&created.partner_donation_id).await.unwrap_err();
    assert!(matches!(foreign, ApiError::NotFound { .. }), "another partner cannot see it: {foreign:?}");
    let unknown = acme.status(&DonationId::parse("pdn_000000000000000000000000").unwrap()).await.unwrap_err();
    assert!(matches!(unknown, ApiError::NotFound { .. }));
}

#[wasm_bindgen_test]
async fn create_link_refusals_are_typed() {
    reset().await;
    let invalid = CreateLinkRequest { donor_email: "not-an-email".into(), amount: 5, ..donation() };
    let err = client(ACME).create_link(&invalid).await.unwrap_err();
    assert_eq!(err.problems_for(Field::DonorEmail).count(), 1, "{err:?}");
    assert_eq!(err.problems_for(Field::Amount).count(), 1, "{err:?}");

    let err = client(NO_DONATIONS).create_link(&donation()).await.unwrap_err();
    assert!(matches!(err, ApiError::Forbidden { reason: ForbiddenReason::FeatureDisabled, .. }), "{err:?}");
}

#[wasm_bindgen_test]
async fn a_429_is_waited_out_then_succeeds() {
    reset().await;
    fault(json!({"endpoint": "config", "kind": "status", "status": 429, "headers": {"Retry-After": "1"},
        "body": {"statusCode": 429, "code": "RATE_LIMITED"}}))
    .await;
    let started = js_sys::Date::now();
    let config = client(ACME).config().await.unwrap();
    assert_eq!(config.name, "Acme Giving");
    assert!(js_sys::Date::now() - started >= 1000.0, "Retry-After was honoured");
    assert_eq!(count_requests("GET", "/config").await, 2);
}

#[wasm_bindgen_test]
async fn a_long_retry_after_is_reported_not_waited() {
    reset().await;
    fault(json!({"endpoint": "config", "kind": "status", "status": 429, "headers": {"Retry-After": "60"}})).await;
    let err = client(ACME).config().await.unwrap_err();
    assert_eq!(err, ApiError::RateLimited { retry_after: Some(Duration::from_secs(60)) });
    assert_eq!(count_requests("GET", "/config").await, 1);
}

#[wasm_bindgen_test]
async fn a_500_is_retried_then_succeeds() {
    reset().await;
    fault(json!({"endpoint": "organization", "kind": "status", "status": 500})).await;
    let org = client(ACME).organization(&slug("american-red-cross")).await.unwrap();
    assert_eq!(org.slug, "american-red-cross");
    assert_eq!(count_requests("GET", "/organizations/american-red-cross").await, 2);
}

#[wasm_bindgen_test]
async fn persistent_server_errors_give_up_after_three_attempts() {
    reset().await;
    fault(json!({"endpoint": "status", "kind": "status", "status": 503, "times": 5})).await;
    let err = client(ACME).status(&DonationId::parse("pdn_x").unwrap()).await.unwrap_err();
    assert_eq!(err.code(), "server_error", "{err:?}");
    assert_eq!(count_requests("GET", "/status/pdn_x").await, 3);
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_a_network_error_and_retried() {
    reset().await;
    fault(json!({"endpoint": "config", "kind": "drop"})).await;
    assert!(client(ACME).config().await.is_ok());
    assert_eq!(count_requests("GET", "/config").await, 2);
}

#[wasm_bindgen_test]
async fn a_delay_past_the_timeout_aborts() {
    reset().await;
    fault(json!({"endpoint": "config", "kind": "delay", "delayMs": 2500})).await;
    let quick = ClientOptions { timeout: Duration::from_millis(400), ..ClientOptions::default() };
    let err = client(ACME).with_options(quick).config().await.unwrap_err();
    assert_eq!(err, ApiError::Timeout { after: Duration::from_millis(400) });
    assert_eq!(count_requests("GET", "/config").await, 1, "a timeout is not retried");
}

#[wasm_bindgen_test]
async fn a_malformed_body_is_an_invalid_response() {
    reset().await;
    fault(json!({"endpoint": "config", "kind": "malformed"})).await;
    let err = client(ACME).config().await.unwrap_err();
    assert!(matches!(err, ApiError::InvalidResponse { .. }), "{err:?}");
}

/// The browser decodes with the same serde rules as the native tests: the same leniencies
/// and the same errors naming the member.
#[wasm_bindgen_test]
async fn the_browser_decodes_by_the_same_rules_as_native_tests() {
    let answer =
        |endpoint: &str, body: Value| json!({"endpoint": endpoint, "kind": "status", "status": 200, "body": body});
    reset().await;
    fault(answer(
        "config",
        json!({"rateLimit": 5000.0, "enabledFeatures": ["DONATIONS"], "isActive": null,
        "tipConfig": {"enabled": true, "defaultPercent": 7.5}, "extra": [1]}),
    ))
    .await;
    let config = client(ACME).config().await.unwrap();
    assert_eq!((config.rate_limit, config.tips().unwrap().default_percent), (Some(5000), Some(7.5)));
    assert!(config.accepts_donations());

    fault(answer("organization", json!({"name": "N", "EIN": "2", "logo": "https://x/b.png", "ein": "1"}))).await;
    let org = client(ACME).organization(&Slug::parse("american-red-cross").unwrap()).await.unwrap();
    assert_eq!((org.logo_url.as_deref(), org.ein.as_deref()), (Some("https://x/b.png"), Some("1")));

    for (body, names) in [
        (
            json!({"tipConfig": {"enabled": "yes"}}),
            "tipConfig.enabled: invalid type: string \"yes\", expected a boolean",
        ),
        // serde-wasm-bindgen calls null a "unit value" where serde_json says "null".
        (json!({"name": null}), "name: invalid type: "),
        (json!({"rateLimit": 25.5}), "rateLimit: invalid value: floating point `25.5`"),
        (json!([1, 2]), "expected a JSON object"),
    ] {
        fault(answer("config", body.clone())).await;
        let err = client(ACME).config().await.unwrap_err();
        let ApiError::InvalidResponse { detail } = &err else { panic!("{body}: {err:?}") };
        assert!(detail.contains(names), "{body}: {detail}");
    }
}

#[wasm_bindgen_test]
async fn create_link_is_never_retried() {
    for kind in [json!({"kind": "status", "status": 500}), json!({"kind": "drop"})] {
        reset().await;
        let mut spec = kind.clone();
        spec["endpoint"] = json!("create-link");
        fault(spec).await;
        let err = client(ACME).create_link(&donation()).await.unwrap_err();
        assert!(matches!(err, ApiError::Server { .. } | ApiError::Network { .. }), "{kind}: {err:?}");
        assert_eq!(count_requests("POST", "/donations/create-link").await, 1, "{kind}");
    }
}

#[wasm_bindgen_test]
async fn unsafe_checkout_links_are_refused() {
    for (link, refusal) in [
        ("javascript:alert(document.cookie)", LinkRefusal::Scheme("javascript:".into())),
        ("https://every.org.evil.example/pay", LinkRefusal::HostNotAllowed("every.org.evil.example".into())),
        ("https://every.org@evil.example/pay", LinkRefusal::Credentials),
    ] {
        reset().await;
        fault(json!({"endpoint": "create-link", "kind": "status", "status": 201,
            "body": {"donationLink": link, "partnerDonationId": "pdn_aaaaaaaaaaaaaaaaaaaaaaaa"}}))
        .await;
        let err = client(ACME).create_link(&donation()).await.unwrap_err();
        assert_eq!(err, ApiError::CheckoutLinkRefused(refusal), "{link}");
    }
}

#[wasm_bindgen_test]
async fn an_unreachable_api_is_a_network_error() {
    let nowhere = sir_donate::key::ApiBase::parse_override("http://127.0.0.1:9").unwrap();
    let options = ClientOptions {
        retry: sir_donate::api::RetryPolicy { max_attempts: 1, ..Default::default() },
        ..Default::default()
    };
    let err = sir_donate::api::Client::new(key(ACME)).with_api_base(nowhere).with_options(options).config().await;
    assert!(matches!(err, Err(ApiError::Network { .. })), "{err:?}");
}

/// The script-tag loader starts the configuration and nonprofit requests while the widget
/// downloads and hands over their bodies (`api::early`): a GET takes the answer to its very URL
/// and key, once; the next one goes out itself.
#[wasm_bindgen_test]
async fn a_get_takes_the_loaders_early_answer_to_its_url_and_key_once() {
    use wasm_bindgen::JsValue;
    reset().await;
    let acme = client(ACME);
    let url = acme.api_base().join("/v1/partner/config");
    // Told apart by what it says: the early answer is another partner's configuration (one that
    // does not accept donations), filed under Acme's URL and key.
    let headers = web_sys::Headers::new().unwrap();
    headers.set("X-Partner-Key", key(NO_DONATIONS).as_header_value()).unwrap();
    let init = web_sys::RequestInit::new();
    init.set_headers(&headers);
    // As the loader hands it over: the body of a success, else `false`.
    let body_if_ok = js_sys::Function::new_with_args("fetched", "return fetched.then(a => a.ok && a.text())");
    let fetched = web_sys::window().unwrap().fetch_with_str_and_init(&url, &init);
    let answer = body_if_ok.call1(&JsValue::NULL, &fetched).unwrap();
    let early = js_sys::Map::new();
    early.set(&JsValue::from_str(&format!("{url}{}", key(ACME).as_header_value())), &answer);
    // Another key's early answer is not Acme's to take.
    early.set(&JsValue::from_str(&format!("{url}{}", key(SUSPENDED).as_header_value())), &answer);
    sir_donate::api::early::adopt(early.clone());

    let first = acme.config().await.unwrap();
    assert!(!first.accepts_donations(), "the first GET took the early answer");
    let second = acme.config().await.unwrap();
    assert!(second.accepts_donations(), "the next GET asked the API itself");
    assert_eq!(early.size(), 1, "only the other key's answer is left");
    assert_eq!(count_requests("GET", "/v1/partner/config").await, 2, "the early request and Acme's own");
    sir_donate::api::early::adopt(js_sys::Map::new());
}
