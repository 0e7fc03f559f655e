//! Rate-limit headers and 429s, and CORS for browser callers.

mod common;

use std::time::{SystemTime, UNIX_EPOCH};

use common::*;
use sir_sandbox::SandboxConfig;

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers().get(name).unwrap_or_else(|| panic!("missing header {name}")).to_str().unwrap().to_owned()
}

fn now_epoch() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()
}

#[tokio::test]
async fn rate_limit_headers_count_down_and_429_after_the_limit() {
    let sb = sandbox_with(SandboxConfig { rate_limit: Some(3), ..test_config() }).await;
    let key = acme_key();
    let mut resets = Vec::new();
    for expected_remaining in ["2", "1", "0"] {
        let res = get(&sb, "/v1/partner/config", Some(&key)).await;
        assert_eq!(res.status(), 200);
        assert_eq!(header(&res, "x-ratelimit-limit"), "3");
        assert_eq!(header(&res, "x-ratelimit-remaining"), expected_remaining);
        assert!(res.headers().get("retry-after").is_none());
        resets.push(header(&res, "x-ratelimit-reset").parse::<u64>().unwrap());
    }
    // One window for all three; it ends about 60 s from now.
    assert!(resets.windows(2).all(|w| w[0] == w[1]));
    let reset = resets[0];
    let now = now_epoch();
    assert!(reset > now && reset <= now + 61, "reset {reset} vs now {now}");

    // The fourth request in the window is refused.
    let res = get(&sb, "/v1/partner/organizations/khan-academy", Some(&key)).await;
    assert_eq!(res.status(), 429);
    assert_eq!(header(&res, "x-ratelimit-remaining"), "0");
    let retry_after: u64 = header(&res, "retry-after").parse().unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    error_body(res, 429, "RATE_LIMITED").await;

    // Limits are per key: another partner still has its own budget.
    let other = get(&sb, "/v1/partner/config", Some(&no_donations_key())).await;
    assert_eq!(other.status(), 200);
    assert_eq!(header(&other, "x-ratelimit-remaining"), "2");
    // The config reports the enforced limit.
    let config: serde_json::Value = other.json().await.unwrap();
    assert_eq!(config["rateLimit"], 3);

    // A reset through the control API opens fresh windows.
    assert_eq!(post_json(&sb, "/__sandbox/reset", None, &serde_json::json!({})).await.status(), 204);
    assert_eq!(get(&sb, "/v1/partner/config", Some(&key)).await.status(), 200);
}

#[tokio::test]
async fn error_answers_for_known_keys_carry_rate_limit_headers() {
    let sb = sandbox().await;
    let res = get(&sb, "/v1/partner/organizations/unknown-org", Some(&acme_key())).await;
    assert_eq!(res.status(), 404);
    assert_eq!(header(&res, "x-ratelimit-limit"), "5000");
    let res = get(&sb, "/v1/partner/config", Some(&paused_key())).await;
    assert_eq!(res.status(), 403);
    assert!(res.headers().contains_key("x-ratelimit-reset"));
}

#[tokio::test]
async fn preflight_allows_any_origin_with_the_key_header() {
    let sb = sandbox().await;
    for path in [
        "/v1/partner/config",
        "/v1/partner/donations/create-link",
        "/v1/partner/donations/status/pdn_1",
        "/__sandbox/faults",
    ] {
        let res = client()
            .request(reqwest::Method::OPTIONS, format!("{}{path}", sb.api_url()))
            .header("Origin", "http://127.0.0.1:9999")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "x-partner-key,content-type")
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "{path}: {}", res.status());
        assert_eq!(header(&res, "access-control-allow-origin"), "*");
        let allowed = header(&res, "access-control-allow-headers").to_ascii_lowercase();
        assert!(allowed.contains("x-partner-key") && allowed.contains("content-type"), "{allowed}");
        let methods = header(&res, "access-control-allow-methods");
        for m in ["GET", "POST", "OPTIONS"] {
            assert!(methods.contains(m), "{methods}");
        }
    }
}

#[tokio::test]
async fn responses_expose_rate_limit_headers_to_scripts() {
    let sb = sandbox().await;
    let res = client()
        .get(format!("{}/v1/partner/config", sb.api_url()))
        .header("Origin", "http://example.test")
        .header(KEY_HEADER, acme_key())
        .send()
        .await
        .unwrap();
    assert_eq!(header(&res, "access-control-allow-origin"), "*");
    let exposed = header(&res, "access-control-expose-headers").to_ascii_lowercase();
    for name in ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after"] {
        assert!(exposed.contains(name), "{exposed}");
    }

    // Errors, logos and the checkout page are readable cross-origin too.
    for path in ["/v1/partner/config", "/logos/khan-academy.svg", "/checkout/pdn_x", "/__sandbox/requests"] {
        let res = client()
            .get(format!("{}{path}", sb.api_url()))
            .header("Origin", "http://example.test")
            .send()
            .await
            .unwrap();
        assert_eq!(header(&res, "access-control-allow-origin"), "*", "{path}");
    }
}
