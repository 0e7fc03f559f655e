//! The sandbox's own checkout page, where every `donationLink` points.
//!
//! It stands in for the provider's hosted checkout: the donor (or a browser
//! test) completes or cancels the donation here. The page is self-contained
//! and script-free except for the optional "Return to the site" button, whose
//! script is a separate file so the page works under a strict CSP.

use crate::donations::{Donation, DonationStatus, TransitionError};
use crate::extract::PathParam;
use crate::markup::{escape, format_money};
use crate::organizations::Organization;
use crate::state::AppState;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, LOCATION};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; \
                   img-src 'self' http: https: data:; form-action 'self'; base-uri 'none'";

/// The "Return to the site" behaviour. A popup or script-opened tab closes;
/// otherwise history goes back past the checkout (and past the form POST when
/// the donor got here by pressing one of the buttons).
const CHECKOUT_JS: &str = r#"// SIR sandbox checkout: return to the page that sent the donor here.
(function () {
  var button = document.getElementById("return-to-site");
  if (!button) return;
  button.addEventListener("click", function () {
    var steps = Number(button.getAttribute("data-history-steps")) || 1;
    if (window.opener || history.length <= steps) {
      window.close();
      return;
    }
    history.go(-steps);
  });
})();
"#;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/checkout.js", get(script))
        .route("/checkout/{id}", get(page))
        .route("/checkout/{id}/complete", post(complete))
        .route("/checkout/{id}/cancel", post(cancel))
}

/// Set on the redirect after a button press, to tell the page what happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Notice {
    None,
    Done,
    AlreadyFinal,
}

impl Notice {
    fn from_query(query: Option<&str>) -> Self {
        let pairs = query.unwrap_or("").split('&');
        let mut notice = Notice::None;
        for pair in pairs {
            match pair {
                "result=done" => notice = Notice::Done,
                "result=already-final" => notice = Notice::AlreadyFinal,
                _ => {}
            }
        }
        notice
    }
}

async fn script() -> Response {
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8"), (CACHE_CONTROL, "no-cache")], CHECKOUT_JS).into_response()
}

async fn page(State(state): State<AppState>, PathParam(id): PathParam, RawQuery(query): RawQuery) -> Response {
    match state.donations.get(&id) {
        Some(donation) => {
            let org = state.organizations.get(&donation.nonprofit_slug);
            let name = state.organizations.display_name(&donation.nonprofit_slug);
            let logo = org.as_ref().and_then(logo_url);
            html_response(
                StatusCode::OK,
                render_page(&donation, &name, logo.as_deref(), Notice::from_query(query.as_deref())),
            )
        }
        None => not_found(&id),
    }
}

async fn complete(State(state): State<AppState>, PathParam(id): PathParam) -> Response {
    let result = state.donations.complete(&id, state.reward_delay);
    after_action(&id, result)
}

async fn cancel(State(state): State<AppState>, PathParam(id): PathParam) -> Response {
    let result = state.donations.cancel(&id);
    after_action(&id, result)
}

/// Post/redirect/get: always 303 back to the page, which then shows the outcome.
fn after_action(id: &str, result: Result<Donation, TransitionError>) -> Response {
    let notice = match result {
        Ok(_) => "done",
        Err(TransitionError::NotPending(_)) => "already-final",
        Err(TransitionError::NotFound) => return not_found(id),
    };
    // Only stored ids get here, and those are `pdn_` + hex: safe in a header.
    let location = format!("/checkout/{id}?result={notice}");
    (StatusCode::SEE_OTHER, [(LOCATION, location)]).into_response()
}

/// The organization's logo, from `logoUrl` or the `logo` alias, if it is an
/// http(s) URL.
fn logo_url(org: &Organization) -> Option<String> {
    org.logo().filter(|url| url.starts_with("https://") || url.starts_with("http://")).map(str::to_owned)
}

fn html_response(status: StatusCode, html: String) -> Response {
    (status, [(CONTENT_SECURITY_POLICY, CSP), (CACHE_CONTROL, "no-store")], Html(html)).into_response()
}

fn not_found(id: &str) -> Response {
    let body = format!(
        r#"<div class="content">
      <h1>Checkout not found</h1>
      <p class="lead">No sandbox donation has the id <code>{}</code>. Links live only as long as the sandbox process (or until it is reset).</p>
    </div>"#,
        escape(id)
    );
    html_response(StatusCode::NOT_FOUND, layout(&body, false))
}

fn frequency_label(frequency: &str) -> String {
    match frequency {
        "once" => "One-time donation".to_owned(),
        "monthly" => "Monthly donation".to_owned(),
        other => format!("{} donation", escape(other)),
    }
}

fn outcome(donation: &Donation) -> (&'static str, String) {
    match donation.status {
        DonationStatus::Pending => ("", String::new()),
        DonationStatus::Completed => {
            ("ok", "Thank you! Your donation is complete. SIR tokens are on their way.".to_owned())
        }
        DonationStatus::Rewarded => (
            "ok",
            format!(
                "Thank you! Your donation is complete and {} SIR tokens were awarded.",
                donation.tokens_awarded.unwrap_or(0)
            ),
        ),
        DonationStatus::Cancelled => ("cancelled", "This donation was cancelled. Nothing was charged.".to_owned()),
    }
}

fn render_page(donation: &Donation, org_name: &str, logo: Option<&str>, notice: Notice) -> String {
    let id = escape(&donation.id);
    let status = donation.status.as_str();
    let logo_html =
        logo.map(|url| format!(r#"<img src="{}" alt="" width="48" height="48">"#, escape(url))).unwrap_or_default();
    let tip_html = donation
        .tip_amount
        .filter(|tip| *tip > 0)
        .map(|tip| format!("<dt>Tip to SIR</dt><dd>{}</dd>", escape(&format_money(tip, &donation.currency))))
        .unwrap_or_default();
    let notice_html = if notice == Notice::AlreadyFinal {
        r#"<p class="notice">This donation was already final, so nothing changed.</p>"#
    } else {
        ""
    };
    let action_html = if donation.status == DonationStatus::Pending {
        format!(
            r#"<div class="actions">
        <form method="post" action="/checkout/{id}/complete"><button class="primary" type="submit">Complete donation</button></form>
        <form method="post" action="/checkout/{id}/cancel"><button class="secondary" type="submit">Cancel</button></form>
      </div>"#
        )
    } else {
        let (class, message) = outcome(donation);
        // After a button press the form POST added a history entry to skip too.
        let steps = if notice == Notice::None { 1 } else { 2 };
        format!(
            r#"<p class="outcome outcome-{class}" role="status">{}</p>
      <div class="actions">
        <button id="return-to-site" class="primary" type="button" data-history-steps="{steps}">Return to the site</button>
      </div>
      <p class="hint">If nothing happens, close this tab to return.</p>"#,
            escape(&message)
        )
    };
    let body = format!(
        r#"<div class="content">
      <div class="org">
        {logo_html}
        <div><p class="eyebrow">Donation to</p><h1>{org}</h1></div>
      </div>
      <p class="amount">{amount}</p>
      <p class="frequency">{frequency}</p>
      <dl>
        <dt>Status</dt><dd><span class="status status-{status_class}" data-status="{status}">{status}</span></dd>
        {tip_html}
        <dt>Provider</dt><dd>{provider} (simulated)</dd>
        <dt>Reference</dt><dd><code>{id}</code></dd>
      </dl>
      {notice_html}
      {action_html}
    </div>"#,
        org = escape(org_name),
        amount = escape(&format_money(donation.amount, &donation.currency)),
        frequency = frequency_label(&donation.frequency),
        status_class = status.to_ascii_lowercase(),
        provider = escape(&donation.provider),
    );
    layout(&body, donation.status != DonationStatus::Pending)
}

fn layout(content: &str, with_script: bool) -> String {
    let script = if with_script { r#"<script src="/checkout.js"></script>"# } else { "" };
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <link rel="icon" href="data:,">
  <title>SIR Sandbox checkout</title>
  <style>
    :root {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1d2433; }}
    * {{ box-sizing: border-box; }}
    body {{ margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: linear-gradient(160deg, #eef1fb, #f7f3ee); padding: 16px; }}
    .card {{ background: #fff; width: 100%; max-width: 440px; border-radius: 18px; box-shadow: 0 12px 40px rgba(24, 34, 68, .14); overflow: hidden; }}
    .banner {{ margin: 0; background: #fff4d6; color: #6b4b00; font-size: 13px; padding: 10px 24px; border-bottom: 1px solid #f0dfa8; }}
    .content {{ padding: 24px; }}
    .org {{ display: flex; align-items: center; gap: 14px; }}
    .org img {{ width: 48px; height: 48px; border-radius: 12px; flex: none; }}
    .eyebrow {{ margin: 0; font-size: 12px; text-transform: uppercase; letter-spacing: .08em; color: #6b7280; }}
    h1 {{ margin: 2px 0 0; font-size: 20px; }}
    .lead {{ color: #4b5563; line-height: 1.5; }}
    .amount {{ margin: 22px 0 0; font-size: 40px; font-weight: 700; letter-spacing: -.02em; }}
    .frequency {{ margin: 2px 0 18px; color: #4b5563; }}
    dl {{ display: grid; grid-template-columns: max-content 1fr; gap: 8px 16px; margin: 0; font-size: 14px; }}
    dt {{ color: #6b7280; }}
    dd {{ margin: 0; }}
    code {{ font-size: 13px; background: #f3f4f6; padding: 1px 6px; border-radius: 6px; word-break: break-all; }}
    .status {{ display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 12px; font-weight: 700; letter-spacing: .05em; background: #eef0f4; }}
    .status-pending {{ background: #e7edff; color: #2646a3; }}
    .status-completed, .status-rewarded {{ background: #dcf5e7; color: #17613a; }}
    .status-cancelled {{ background: #fde8e8; color: #9b1c1c; }}
    .actions {{ display: flex; gap: 12px; margin-top: 24px; }}
    .actions form:first-child {{ flex: 1; }}
    button {{ font: inherit; font-weight: 600; border: 0; border-radius: 12px; padding: 12px 18px; cursor: pointer; }}
    .primary {{ width: 100%; background: #2f5bea; color: #fff; }}
    .primary:hover {{ background: #2448c4; }}
    .secondary {{ background: #eef0f4; color: #1d2433; }}
    .secondary:hover {{ background: #e2e5ec; }}
    button:focus-visible {{ outline: 3px solid #9bb3ff; outline-offset: 2px; }}
    .outcome {{ margin: 22px 0 0; padding: 12px 14px; border-radius: 12px; line-height: 1.45; }}
    .outcome-ok {{ background: #ecfbf2; color: #17613a; }}
    .outcome-cancelled {{ background: #fdf0f0; color: #9b1c1c; }}
    .notice {{ margin: 18px 0 0; font-size: 14px; color: #6b4b00; }}
    .hint {{ margin: 10px 0 0; font-size: 12px; color: #6b7280; text-align: center; }}
  </style>
</head>
<body>
  <main class="card">
    <p class="banner" role="note"><strong>Sandbox checkout</strong> &mdash; a test page. No real money moves and nothing is charged.</p>
    {content}
  </main>
  {script}
</body>
</html>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    fn donation(status: DonationStatus) -> Donation {
        Donation {
            id: "pdn_0123456789abcdef01234567".into(),
            partner_id: "ptn_acme".into(),
            nonprofit_slug: "khan-academy".into(),
            amount: 250_000,
            tip_amount: Some(2500),
            currency: "USD".into(),
            frequency: "monthly".into(),
            provider: "stripe".into(),
            status,
            tokens_awarded: (status == DonationStatus::Rewarded).then_some(2500),
            updated_at: SystemTime::now(),
        }
    }

    #[test]
    fn pending_page_offers_both_actions() {
        let html = render_page(&donation(DonationStatus::Pending), "Khan <Academy>", None, Notice::None);
        assert!(html.contains("<title>SIR Sandbox checkout</title>"));
        assert!(html.contains("$2,500.00"));
        assert!(html.contains("Khan &lt;Academy&gt;"));
        assert!(html.contains("Monthly donation"));
        assert!(html.contains(r#"action="/checkout/pdn_0123456789abcdef01234567/complete""#));
        assert!(html.contains("Complete donation"));
        assert!(html.contains(">Cancel</button>"));
        assert!(!html.contains("checkout.js"));
    }

    #[test]
    fn final_page_shows_outcome_and_return_control() {
        let html = render_page(&donation(DonationStatus::Rewarded), "KA", None, Notice::Done);
        assert!(html.contains("2500 SIR tokens"));
        assert!(html.contains("Return to the site"));
        assert!(html.contains(r#"data-history-steps="2""#));
        assert!(html.contains(r#"<script src="/checkout.js"></script>"#));
        assert!(!html.contains("Complete donation"));
        let again = render_page(&donation(DonationStatus::Cancelled), "KA", None, Notice::AlreadyFinal);
        assert!(again.contains("already final"));
        assert!(again.contains("cancelled"));
    }

    #[test]
    fn logo_urls_must_be_http() {
        let org = |json: serde_json::Value| match json {
            serde_json::Value::Object(map) => Organization::Added(map),
            _ => unreachable!(),
        };
        assert_eq!(logo_url(&org(serde_json::json!({"logo": "https://x/y.png"}))).as_deref(), Some("https://x/y.png"));
        assert_eq!(logo_url(&org(serde_json::json!({"logoUrl": "javascript:alert(1)"}))), None);
        assert_eq!(logo_url(&org(serde_json::json!({}))), None);
    }

    #[test]
    fn notices_come_from_the_query() {
        assert_eq!(Notice::from_query(Some("result=done")), Notice::Done);
        assert_eq!(Notice::from_query(Some("x=1&result=already-final")), Notice::AlreadyFinal);
        assert_eq!(Notice::from_query(None), Notice::None);
    }
}
