//! The checkout page that every donationLink points at, and the generated logos.

mod common;

use common::*;
use serde_json::{Value, json};

async fn new_link(sb: &sir_sandbox::RunningSandbox, body: Value) -> (String, String) {
    let res = post_json(sb, "/v1/partner/donations/create-link", Some(&acme_key()), &body).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    (created["donationLink"].as_str().unwrap().to_owned(), created["partnerDonationId"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn checkout_page_shows_amount_nonprofit_and_actions() {
    let sb = sandbox().await;
    let mut body = valid_body();
    body["amount"] = json!(123_456);
    body["frequency"] = json!("monthly");
    let (link, id) = new_link(&sb, body).await;

    let res = client().get(&link).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let csp = res.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let html = res.text().await.unwrap();
    assert!(html.contains("<title>SIR Sandbox checkout</title>"));
    assert!(html.contains("$1,234.56"), "amount missing");
    assert!(html.contains("American Red Cross"), "nonprofit missing");
    assert!(html.contains("Monthly"));
    assert!(html.contains("PENDING"));
    assert!(html.to_lowercase().contains("no real money"));
    assert!(html.contains(&format!(r#"action="/checkout/{id}/complete""#)));
    assert!(html.contains(&format!(r#"action="/checkout/{id}/cancel""#)));
    assert!(html.contains("Complete donation") && html.contains("Cancel"));
    // Self-contained: nothing loaded from other hosts except the nonprofit's logo.
    assert!(!html.contains("<script>"), "inline scripts break under a strict CSP");
}

#[tokio::test]
async fn completing_on_the_page_moves_to_completed_then_rewarded() {
    let sb = sandbox().await;
    let (link, id) = new_link(&sb, valid_body()).await;

    let res = client().post(format!("{link}/complete")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with(&format!("/checkout/{id}")), "{location}");

    // Immediately after: COMPLETED (the reward delay is 100 ms).
    let status = status_of(&sb, &acme_key(), &id).await;
    assert_eq!(status["status"], "COMPLETED");
    assert!(status.get("tokensAwarded").is_none());

    let page = client().get(format!("{}{location}", sb.api_url())).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Return to the site"));
    assert!(page.contains(r#"<script src="/checkout.js"></script>"#));
    assert!(!page.contains("Complete donation"));

    let rewarded = wait_for_status(&sb, &acme_key(), &id, "REWARDED").await;
    assert_eq!(rewarded["tokensAwarded"], 25);
    assert_ne!(rewarded["updatedAt"], status["updatedAt"]);

    // Pressing a button again changes nothing and says so.
    let res = client().post(format!("{link}/cancel")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let page = client().get(format!("{}{location}", sb.api_url())).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("already final"), "{page}");
    assert_eq!(status_of(&sb, &acme_key(), &id).await["status"], "REWARDED");
}

#[tokio::test]
async fn cancelling_on_the_page_moves_to_cancelled() {
    let sb = sandbox().await;
    let (link, id) = new_link(&sb, valid_body()).await;
    let res = client().post(format!("{link}/cancel")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(status_of(&sb, &acme_key(), &id).await["status"], "CANCELLED");
    let html = client().get(&link).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("CANCELLED"));
    assert!(html.contains("cancelled"));

    // A client that follows redirects lands back on the page.
    let following = reqwest::Client::new();
    let res = following.post(format!("{link}/complete")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("SIR Sandbox checkout"));
}

#[tokio::test]
async fn unknown_checkout_ids_get_a_404_page() {
    let sb = sandbox().await;
    let res = get(&sb, "/checkout/pdn_000000000000000000000000", None).await;
    assert_eq!(res.status(), 404);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let html = res.text().await.unwrap();
    assert!(html.contains("not found"));
    let res =
        client().post(format!("{}/checkout/pdn_000000000000000000000000/complete", sb.api_url())).send().await.unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn checkout_page_escapes_organization_text() {
    let sb = sandbox().await;
    let org = json!({"slug": "xss-test", "name": "<script>alert(1)</script> & Co", "logoUrl": "https://x.example/a\"onerror=\"b.png"});
    post_json(&sb, "/__sandbox/organizations", None, &org).await;
    let mut body = valid_body();
    body["nonprofitSlug"] = json!("xss-test");
    let (link, _) = new_link(&sb, body).await;
    let html = client().get(&link).send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
    assert!(!html.contains("\"onerror=\""));
}

#[tokio::test]
async fn checkout_script_is_served_separately() {
    let sb = sandbox().await;
    let res = get(&sb, "/checkout.js", None).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().contains("javascript"));
    let js = res.text().await.unwrap();
    assert!(js.contains("return-to-site"));
    assert!(js.contains("history"));
}

#[tokio::test]
async fn logos_are_svg_with_cross_origin_resource_policy() {
    let sb = sandbox().await;
    for slug in
        ["american-red-cross", "doctors-without-borders", "world-wildlife-fund", "khan-academy", "feeding-america"]
    {
        // No key needed.
        let res = get(&sb, &format!("/logos/{slug}.svg"), None).await;
        assert_eq!(res.status(), 200, "{slug}");
        assert_eq!(res.headers()["content-type"], "image/svg+xml");
        assert_eq!(res.headers()["cross-origin-resource-policy"], "cross-origin");
        let svg = res.text().await.unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("<rect") && svg.contains("<text"));
    }
    let arc = get(&sb, "/logos/american-red-cross.svg", None).await.text().await.unwrap();
    assert!(arc.contains(">ARC</text>"));

    // The logo URL the organization endpoint reports really serves the logo.
    let org: Value = get(&sb, "/v1/partner/organizations/khan-academy", Some(&acme_key())).await.json().await.unwrap();
    let res = client().get(org["logoUrl"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");

    assert_eq!(get(&sb, "/logos/unknown-org.svg", None).await.status(), 404);
    assert_eq!(get(&sb, "/logos/khan-academy.png", None).await.status(), 404);
}
