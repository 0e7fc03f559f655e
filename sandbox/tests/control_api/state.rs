//! The rest of the control API: the request log, added organizations,
//! donation transitions, reset, and turning the control API off.

use serde_json::{Value, json};
use sir_sandbox::SandboxConfig;

use crate::common::*;

#[tokio::test]
async fn request_log_records_v1_requests_in_order() {
    let sb = sandbox().await;
    let key = acme_key();
    get(&sb, "/v1/partner/config", Some(&key)).await;
    client()
        .request(reqwest::Method::OPTIONS, format!("{}/v1/partner/donations/create-link", sb.api_url()))
        .header("Origin", "http://example.test")
        .header("Access-Control-Request-Method", "POST")
        .send()
        .await
        .unwrap();
    post_json(&sb, "/v1/partner/donations/create-link", Some(&key), &valid_body()).await;
    post_raw(&sb, "/v1/partner/donations/create-link", Some(&key), "plain text").await;
    get(&sb, "/v1/partner/organizations/khan-academy?lang=en&x=1", None).await;
    // Not under /v1/: not recorded.
    get(&sb, "/logos/khan-academy.svg", None).await;

    let log = request_log(&sb).await;
    let summary: Vec<(String, String)> = log
        .iter()
        .map(|e| (e["method"].as_str().unwrap().to_owned(), e["path"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("GET".into(), "/v1/partner/config".into()),
            ("OPTIONS".into(), "/v1/partner/donations/create-link".into()),
            ("POST".into(), "/v1/partner/donations/create-link".into()),
            ("POST".into(), "/v1/partner/donations/create-link".into()),
            ("GET".into(), "/v1/partner/organizations/khan-academy".into()),
        ]
    );
    assert_eq!(log[0]["headers"]["x-partner-key"], key);
    assert_eq!(log[0]["body"], Value::Null);
    assert_eq!(log[0]["query"], Value::Null);
    assert_eq!(log[1]["headers"]["origin"], "http://example.test");
    assert_eq!(log[2]["body"], valid_body());
    assert_eq!(log[2]["headers"]["content-type"], "application/json");
    assert_eq!(log[3]["body"], "plain text");
    assert_eq!(log[4]["query"], "lang=en&x=1");
    assert!(log[4]["headers"].get("x-partner-key").is_none());
}

#[tokio::test]
async fn reset_forgets_donations_faults_log_and_added_organizations() {
    let sb = sandbox().await;
    let key = acme_key();
    let created = create_donation(&sb, &key).await;
    let id = created["partnerDonationId"].as_str().unwrap().to_owned();
    add_fault(&sb, json!({"endpoint": "config", "kind": "status", "status": 500})).await;
    post_json(&sb, "/__sandbox/organizations", None, &json!({"slug": "new-org", "name": "New Org"})).await;
    post_json(&sb, "/__sandbox/organizations", None, &json!({"slug": "khan-academy", "name": "Replaced"})).await;

    let res = post_json(&sb, "/__sandbox/reset", None, &json!({})).await;
    assert_eq!(res.status(), 204);

    assert!(request_log(&sb).await.is_empty());
    assert_eq!(get(&sb, "/v1/partner/config", Some(&key)).await.status(), 200, "fault survived");
    let res = get(&sb, &format!("/v1/partner/donations/status/{id}"), Some(&key)).await;
    assert_eq!(res.status(), 404, "donation survived");
    assert_eq!(get(&sb, "/v1/partner/organizations/new-org", Some(&key)).await.status(), 404);
    let khan: Value = get(&sb, "/v1/partner/organizations/khan-academy", Some(&key)).await.json().await.unwrap();
    assert_eq!(khan["name"], "Khan Academy", "seeded organization not restored");
}

#[tokio::test]
async fn added_organizations_are_served_verbatim() {
    let sb = sandbox().await;
    let variant = json!({
        "id": "org_alias",
        "slug": "alias-variant",
        "name": "Alias Variant",
        "logo": "https://cdn.example/alias.png",
        "EIN": "12-3456789",
        "status": "ACTIVE",
        "tagline": "extra fields are kept"
    });
    let res = post_json(&sb, "/__sandbox/organizations", None, &variant).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.unwrap(), variant);

    let res = get(&sb, "/v1/partner/organizations/alias-variant", Some(&acme_key())).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap(), variant);

    // No logo at all is allowed, and an added organization can take donations.
    let bare = json!({"slug": "no-logo", "name": "No Logo Fund", "ein": "98-7654321"});
    post_json(&sb, "/__sandbox/organizations", None, &bare).await;
    let got: Value = get(&sb, "/v1/partner/organizations/no-logo", Some(&acme_key())).await.json().await.unwrap();
    assert_eq!(got, bare);
    let mut body = valid_body();
    body["nonprofitSlug"] = json!("no-logo");
    let res = post_json(&sb, "/v1/partner/donations/create-link", Some(&acme_key()), &body).await;
    assert_eq!(res.status(), 201);

    // Replacing a seeded organization.
    let replaced = json!({"slug": "american-red-cross", "name": "ARC Variant", "logoUrl": null});
    post_json(&sb, "/__sandbox/organizations", None, &replaced).await;
    let got: Value =
        get(&sb, "/v1/partner/organizations/american-red-cross", Some(&acme_key())).await.json().await.unwrap();
    assert_eq!(got, replaced);

    for bad in [json!({"name": "no slug"}), json!([1]), json!({"slug": ""}), json!({"slug": "a/b"})] {
        let res = post_json(&sb, "/__sandbox/organizations", None, &bad).await;
        error_body(res, 400, "VALIDATION_FAILED").await;
    }
}

#[tokio::test]
async fn control_transitions_complete_reward_and_cancel() {
    let sb = sandbox().await;
    let key = acme_key();
    let id = create_donation(&sb, &key).await["partnerDonationId"].as_str().unwrap().to_owned();

    let res = post_json(&sb, &format!("/__sandbox/donations/{id}/complete"), None, &json!({})).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], "COMPLETED");
    assert_eq!(body["partnerDonationId"], id);

    let rewarded = wait_for_status(&sb, &key, &id, "REWARDED").await;
    assert_eq!(rewarded["tokensAwarded"], 25);

    let again = post_json(&sb, &format!("/__sandbox/donations/{id}/cancel"), None, &json!({})).await;
    error_body(again, 409, "DONATION_NOT_PENDING").await;

    let other = create_donation(&sb, &key).await["partnerDonationId"].as_str().unwrap().to_owned();
    let res = post_json(&sb, &format!("/__sandbox/donations/{other}/cancel"), None, &json!({})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(status_of(&sb, &key, &other).await["status"], "CANCELLED");
    let res = post_json(&sb, &format!("/__sandbox/donations/{other}/complete"), None, &json!({})).await;
    error_body(res, 409, "DONATION_NOT_PENDING").await;

    let missing = post_json(&sb, "/__sandbox/donations/pdn_nope/complete", None, &json!({})).await;
    error_body(missing, 404, "NOT_FOUND").await;
}

#[tokio::test]
async fn control_api_can_be_turned_off() {
    let sb = sandbox_with(SandboxConfig { control: false, ..test_config() }).await;
    for path in ["/__sandbox/reset", "/__sandbox/faults", "/__sandbox/organizations"] {
        let res = post_json(&sb, path, None, &json!({"endpoint": "config", "kind": "drop"})).await;
        assert_eq!(res.status(), 404, "{path}");
    }
    assert_eq!(get(&sb, "/__sandbox/requests", None).await.status(), 404);
    // The API itself still works.
    assert_eq!(get(&sb, "/v1/partner/config", Some(&acme_key())).await.status(), 200);
}
