//! The donor flow: the pointer moves onto Donate and rests there [`HOVER`] before a real click,
//! as a mouse user's does; then the dialog, typing, a real click on submit, the `create-link`
//! request and the navigation to the sandbox's checkout page.

use std::time::Instant;

use fantoccini::Client;
use serde_json::{Value, json};
use sir_e2e::Result;

use super::{Bench, HOVER, MOUNT, POLL, SOON, element, hover, settle_idle};
use crate::record::{Res, Snapshot, wait_marks};
use crate::stats::Samples;

const WIDGET_ELEMENT: &str = include_str!("../../../../js/bench/widget_element.js");
const DIALOG_VISIBLE: &str = include_str!("../../../../js/bench/dialog_visible.js");
const CHECKOUT_PAGE: &str = include_str!("../../../../js/bench/checkout_page.js");

impl Bench<'_> {
    /// One run of the donor flow, to the checkout page.
    pub async fn donate(&self) -> Result<Samples> {
        self.in_fresh_browser("donor flow", async |client| self.donate_in(client).await).await
    }

    async fn donate_in(&self, client: &Client) -> Result<Samples> {
        client.goto(&self.page_url("bench.html?n=1")).await?;
        wait_marks(client, &["ready-painted"], MOUNT).await?.check_all_ready(1)?;
        settle_idle(client).await?;
        let button =
            element(client, WIDGET_ELEMENT, vec![json!("button.sir-button")]).await?.ok_or("no widget button")?;
        // A mouse user's pointer reaches the button before the click: the widget uses that moment
        // to get ready for the first open (see `Widget::prepare`), so the bench moves it there
        // first, as a person would, rather than teleporting a click onto the button.
        hover(client, &button).await?;
        tokio::time::sleep(HOVER).await;
        button.click().await?;
        wait_marks(client, &["dialog-painted"], SOON).await?;
        let open = client.execute(DIALOG_VISIBLE, vec![]).await?;
        if open != json!(true) {
            return Err("the dialog is not open and visible after the click".into());
        }
        for (css, text) in
            [("#sir-first-name", "Ada"), ("#sir-last-name", "Lovelace"), ("#sir-email", "ada@example.org")]
        {
            let field = element(client, WIDGET_ELEMENT, vec![json!(css)])
                .await?
                .ok_or_else(|| format!("no {css} in the dialog"))?;
            field.send_keys(text).await?;
        }
        let submit = element(client, WIDGET_ELEMENT, vec![json!("button.sir-submit:enabled")])
            .await?
            .ok_or("no enabled submit button")?;
        submit.click().await?;

        // The browser goes to the sandbox's checkout page.
        let prefix = format!("{}/checkout/", self.sandbox.api_url());
        let started = Instant::now();
        loop {
            let url = client.current_url().await?;
            let done = client.execute("return document.readyState === 'complete'", vec![]).await?;
            if url.as_str().starts_with(&prefix) && done == json!(true) {
                break;
            }
            if started.elapsed() > SOON {
                return Err(format!("no checkout page after {SOON:?}; the browser is at {url}").into());
            }
            tokio::time::sleep(POLL).await;
        }
        let checkout = client.execute(CHECKOUT_PAGE, vec![]).await?;
        if checkout["complete"] != json!(true) {
            return Err("the checkout page has no \"Complete donation\" button".into());
        }
        let created: Vec<Value> = self
            .api_calls()
            .await?
            .into_iter()
            .filter(|(m, p, _)| m == "POST" && p == "/v1/partner/donations/create-link")
            .map(|(_, _, body)| body)
            .collect();
        if created.len() != 1 || created[0]["firstName"] != "Ada" || created[0]["donorEmail"] != "ada@example.org" {
            return Err(format!("expected one create-link request with the typed details, got {created:?}").into());
        }

        // What the page recorded before it was left, kept in its origin's sessionStorage.
        client.goto(&self.page_url("index.html")).await?;
        let saved = client.execute("return sessionStorage.getItem('sir-bench')", vec![]).await?;
        let snap =
            Snapshot(serde_json::from_str(saved.as_str().ok_or("the bench page saved nothing when it was left")?)?);
        let links = snap.resource(Res::CreateLink)?;
        if links.len() != 1 {
            return Err(format!("expected one create-link fetch in resource timing: {links:?}").into());
        }
        let link = &links[0];
        let click = snap.mark("donate-click")?;
        let submit = snap.mark("submit-click")?;
        let nav = snap.opt_mark("navigate").map_or_else(|| snap.mark("beforeunload"), Ok)?;
        let abs = |t: f64| snap.0["timeOrigin"].as_f64().unwrap_or_default() + t;
        let checkout_at =
            |k: &str| checkout["timeOrigin"].as_f64().unwrap_or_default() + checkout[k].as_f64().unwrap_or(0.0);
        let mut s = Samples::default();
        s.ms("dialog", "click on Donate → dialog visible", snap.mark("dialog-painted")? - click);
        s.ms("create-link-sent", "submit → create-link request sent", link.start - submit);
        s.ms("create-link", "create-link request → response (with preflight)", link.end - link.start);
        s.ms("navigation", "response → navigation started", nav - link.end);
        s.ms("checkout-response", "navigation started → checkout page received", checkout_at("responseEnd") - abs(nav));
        s.ms("checkout-loaded", "submit → checkout page loaded", checkout_at("load") - abs(submit));
        snap.long_tasks(&mut s, click, nav);
        s.raw = snap.raw();
        s.raw["checkout"] = checkout;
        Ok(s)
    }
}
