//! The four partner endpoints over real HTTP: authentication, fixture
//! partners, organizations, create-link validation and donation status.

mod common;

use common::*;
use serde_json::{Value, json};

const ENDPOINTS: [(&str, &str); 4] = [
    ("GET", "/v1/partner/config"),
    ("GET", "/v1/partner/organizations/american-red-cross"),
    ("POST", "/v1/partner/donations/create-link"),
    ("GET", "/v1/partner/donations/status/pdn_000000000000000000000000"),
];

async fn call(sb: &sir_sandbox::RunningSandbox, method: &str, path: &str, key: Option<&str>) -> reqwest::Response {
    if method == "POST" { post_json(sb, path, key, &valid_body()).await } else { get(sb, path, key).await }
}

#[tokio::test]
async fn config_for_the_active_partner() {
    let sb = sandbox().await;
    let res = get(&sb, "/v1/partner/config", Some(&acme_key())).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/json");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["name"], "Acme Giving");
    assert_eq!(body["slug"], "acme");
    assert_eq!(body["enabledFeatures"], json!(["DONATIONS", "ACTIONS"]));
    assert_eq!(body["rateLimit"], 5000);
    assert_eq!(body["isActive"], true);
    assert_eq!(body["status"], "ACTIVE");
    assert_eq!(body["tipConfig"], json!({"enabled": true, "defaultPercent": 10}));
    assert!(body["webhookUrl"].as_str().unwrap().starts_with("https://"));
    assert!(body["id"].as_str().is_some_and(|id| !id.is_empty()));
}

#[tokio::test]
async fn no_donations_partner_gets_config_but_cannot_create_links() {
    let sb = sandbox().await;
    let key = no_donations_key();
    let res = get(&sb, "/v1/partner/config", Some(&key)).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["name"], "No Donations Co");
    assert_eq!(body["enabledFeatures"], json!(["ACTIONS"]));
    assert_eq!(body["tipConfig"]["enabled"], false);

    let res = get(&sb, "/v1/partner/organizations/khan-academy", Some(&key)).await;
    assert_eq!(res.status(), 200);

    let res = post_json(&sb, "/v1/partner/donations/create-link", Some(&key), &valid_body()).await;
    assert!(res.headers().contains_key("x-ratelimit-limit"));
    error_body(res, 403, "FEATURE_DISABLED").await;
}

#[tokio::test]
async fn suspended_partner_is_refused_everywhere() {
    let sb = sandbox().await;
    for (method, path) in ENDPOINTS {
        let res = call(&sb, method, path, Some(&paused_key())).await;
        assert!(res.headers().contains_key("x-ratelimit-remaining"), "{path}");
        error_body(res, 403, "PARTNER_INACTIVE").await;
    }
}

#[tokio::test]
async fn credential_errors_on_every_endpoint() {
    let sb = sandbox().await;
    let hex = "ab".repeat(32);
    let cases: Vec<(Option<String>, u16, &str)> = vec![
        (None, 401, "UNAUTHORIZED"),
        (Some("not-a-key".into()), 401, "UNAUTHORIZED"),
        (Some("pk_test_123".into()), 401, "UNAUTHORIZED"),
        (Some(key("ff")), 401, "UNAUTHORIZED"),
        (Some(format!("pk_live_{hex}")), 401, "ENVIRONMENT_MISMATCH"),
        (Some(format!("sk_test_{hex}")), 403, "SECRET_KEY_IN_BROWSER"),
        (Some("sk_live_whatever".into()), 403, "SECRET_KEY_IN_BROWSER"),
    ];
    for (method, path) in ENDPOINTS {
        for (key, status, code) in &cases {
            let res = call(&sb, method, path, key.as_deref()).await;
            // Unknown credentials have no rate-limit bucket.
            assert!(!res.headers().contains_key("x-ratelimit-limit"), "{path} {key:?}");
            error_body(res, *status, code).await;
        }
    }
}

#[tokio::test]
async fn organizations_by_slug() {
    let sb = sandbox().await;
    for slug in
        ["american-red-cross", "doctors-without-borders", "world-wildlife-fund", "khan-academy", "feeding-america"]
    {
        let res = get(&sb, &format!("/v1/partner/organizations/{slug}"), Some(&acme_key())).await;
        assert_eq!(res.status(), 200, "{slug}");
        let org: Value = res.json().await.unwrap();
        assert_eq!(org["slug"], slug);
        assert_eq!(org["status"], "ACTIVE");
        assert!(org["id"].is_string() && org["name"].is_string() && org["ein"].is_string());
        assert_eq!(
            org["logoUrl"],
            format!("{}/logos/{slug}.svg", sb.api_url()),
            "logo must be absolute and on the sandbox's own listener"
        );
    }
    let arc: Value =
        get(&sb, "/v1/partner/organizations/american-red-cross", Some(&acme_key())).await.json().await.unwrap();
    assert_eq!(arc["name"], "American Red Cross");

    let res = get(&sb, "/v1/partner/organizations/no-such-org", Some(&acme_key())).await;
    error_body(res, 404, "NOT_FOUND").await;
}

#[tokio::test]
async fn create_link_returns_a_checkout_link_and_a_pending_donation() {
    let sb = sandbox().await;
    let res = post_json(&sb, "/v1/partner/donations/create-link", Some(&acme_key()), &valid_body()).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    let id = body["partnerDonationId"].as_str().unwrap();
    assert!(id.starts_with("pdn_") && id.len() == 28, "{id}");
    assert!(id[4..].bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(body["donationLink"], format!("{}/checkout/{id}", sb.api_url()));

    // Each call makes a new link.
    let again = create_donation(&sb, &acme_key()).await;
    assert_ne!(again["partnerDonationId"], body["partnerDonationId"]);

    let status = status_of(&sb, &acme_key(), id).await;
    assert_eq!(status["partnerDonationId"], id);
    assert_eq!(status["status"], "PENDING");
    assert_eq!(status["amount"], 2500);
    assert_eq!(status["currency"], "USD");
    assert_eq!(status["frequency"], "once");
    assert_eq!(status["nonprofitSlug"], "american-red-cross");
    assert!(status.get("tokensAwarded").is_none());
    let updated = status["updatedAt"].as_str().unwrap();
    assert!(updated.ends_with('Z') && updated.contains('T') && updated.len() >= 20, "{updated}");
}

#[tokio::test]
async fn create_link_accepts_optional_fields() {
    let sb = sandbox().await;
    let mut body = valid_body();
    body["tipAmount"] = json!(250);
    body["tipPercent"] = json!(10);
    body["referralCode"] = json!("REFER123");
    body["frequency"] = json!("monthly");
    body["provider"] = json!("every.org");
    let res = post_json(&sb, "/v1/partner/donations/create-link", Some(&acme_key()), &body).await;
    assert_eq!(res.status(), 201);
}

#[tokio::test]
async fn validation_reports_one_message_per_problem() {
    let sb = sandbox().await;
    let path = "/v1/partner/donations/create-link";
    let key = acme_key();

    let with = |field: &str, value: Value| {
        let mut body = valid_body();
        body[field] = value;
        body
    };
    let without = |field: &str| {
        let mut body = valid_body();
        body.as_object_mut().unwrap().remove(field);
        body
    };
    let cases: Vec<(Value, &str)> = vec![
        (without("nonprofitSlug"), "nonprofitSlug"),
        (with("nonprofitSlug", json!(12)), "nonprofitSlug"),
        (with("amount", json!(99)), "amount"),
        (with("amount", json!(10_000_001)), "amount"),
        (with("amount", json!(25.5)), "amount"),
        (with("amount", json!("2500")), "amount"),
        (without("amount"), "amount"),
        (with("currency", json!("EUR")), "currency"),
        (without("currency"), "currency"),
        (with("frequency", json!("weekly")), "frequency"),
        (with("provider", json!("paypal")), "provider"),
        (with("donorEmail", json!("not-an-email")), "donorEmail"),
        (without("donorEmail"), "donorEmail"),
        (with("firstName", json!("  ")), "firstName"),
        (with("lastName", json!(false)), "lastName"),
        (without("lastName"), "lastName"),
        (with("tipAmount", json!(-5)), "tipAmount"),
        (with("tipAmount", json!(1.5)), "tipAmount"),
        (with("tipPercent", json!(150)), "tipPercent"),
        (with("tipPercent", json!("10")), "tipPercent"),
        (with("referralCode", json!("R".repeat(65))), "referralCode"),
        (with("referralCode", json!(5)), "referralCode"),
    ];
    for (body, field) in cases {
        let res = post_json(&sb, path, Some(&key), &body).await;
        let err = error_body(res, 400, "VALIDATION_FAILED").await;
        let messages = err["message"].as_array().unwrap();
        assert_eq!(messages.len(), 1, "{field}: {messages:?}");
        assert!(messages[0].as_str().unwrap().starts_with(field), "{field}: {messages:?}");
    }

    // Several problems at once: one message each.
    let mut body = with("amount", json!(1));
    body["currency"] = json!("CAD");
    body["donorEmail"] = json!("x");
    let err = error_body(post_json(&sb, path, Some(&key), &body).await, 400, "VALIDATION_FAILED").await;
    assert_eq!(err["message"].as_array().unwrap().len(), 3, "{err}");

    // An empty object misses all eight required fields.
    let err = error_body(post_json(&sb, path, Some(&key), &json!({})).await, 400, "VALIDATION_FAILED").await;
    assert_eq!(err["message"].as_array().unwrap().len(), 8, "{err}");

    // Bodies that are not JSON objects.
    for raw in ["this is not json", "[1,2,3]", "", "42"] {
        let err = error_body(post_raw(&sb, path, Some(&key), raw).await, 400, "VALIDATION_FAILED").await;
        assert_eq!(err["message"], json!(["body must be a JSON object"]), "{raw:?}");
    }
}

#[tokio::test]
async fn unknown_nonprofit_is_404_when_the_rest_is_valid() {
    let sb = sandbox().await;
    let mut body = valid_body();
    body["nonprofitSlug"] = json!("no-such-org");
    let res = post_json(&sb, "/v1/partner/donations/create-link", Some(&acme_key()), &body).await;
    error_body(res, 404, "NOT_FOUND").await;

    body["amount"] = json!(5);
    let res = post_json(&sb, "/v1/partner/donations/create-link", Some(&acme_key()), &body).await;
    let err = error_body(res, 400, "VALIDATION_FAILED").await;
    let messages = err["message"].as_array().unwrap();
    assert_eq!(messages.len(), 2);
    assert!(messages.iter().any(|m| m.as_str().unwrap().starts_with("nonprofitSlug")));
}

#[tokio::test]
async fn status_is_visible_only_to_the_creating_partner() {
    let sb = sandbox().await;
    let created = create_donation(&sb, &acme_key()).await;
    let id = created["partnerDonationId"].as_str().unwrap();
    let path = format!("/v1/partner/donations/status/{id}");

    assert_eq!(get(&sb, &path, Some(&acme_key())).await.status(), 200);
    let foreign = get(&sb, &path, Some(&no_donations_key())).await;
    error_body(foreign, 404, "NOT_FOUND").await;
    let unknown = get(&sb, "/v1/partner/donations/status/pdn_ffffffffffffffffffffffff", Some(&acme_key())).await;
    error_body(unknown, 404, "NOT_FOUND").await;
}

#[tokio::test]
async fn unknown_routes_and_methods_get_error_bodies() {
    let sb = sandbox().await;
    error_body(get(&sb, "/v1/partner/nothing-here", Some(&acme_key())).await, 404, "NOT_FOUND").await;
    let res = post_json(&sb, "/v1/partner/config", Some(&acme_key()), &json!({})).await;
    error_body(res, 405, "METHOD_NOT_ALLOWED").await;
}

#[tokio::test]
async fn malformed_paths_and_oversized_bodies_still_get_error_bodies() {
    let sb = sandbox().await;
    let res = get(&sb, "/v1/partner/organizations/%FF", Some(&acme_key())).await;
    error_body(res, 400, "VALIDATION_FAILED").await;
    let res = get(&sb, "/v1/partner/donations/status/%FF%FE", Some(&acme_key())).await;
    error_body(res, 400, "VALIDATION_FAILED").await;

    // Just over the limits (1 MiB for the API, 2 MiB for the control API),
    // small enough for the whole upload to fit in loopback socket buffers.
    let over_api = "x".repeat(1024 * 1024 + 1024);
    let res = post_raw(&sb, "/v1/partner/donations/create-link", Some(&acme_key()), &over_api).await;
    error_body(res, 413, "PAYLOAD_TOO_LARGE").await;
    let over_control = "x".repeat(2 * 1024 * 1024 + 1024);
    let res = post_raw(&sb, "/__sandbox/organizations", None, &over_control).await;
    error_body(res, 413, "PAYLOAD_TOO_LARGE").await;
}
