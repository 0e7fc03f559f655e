//! Donate buttons arrive without moving the page: the loader's placeholder has the mounted
//! button's box, the logo's place included, so pages of 1, 10 and 50 buttons (`many.html`) keep a
//! cumulative layout shift (CLS) of at most 0.01 while the widget mounts and the logos arrive,
//! also for a nonprofit without a logo or whose logo fails to load; every button's box and label
//! stay where the placeholder had them, at 1280 and 375 px, light and dark, with a custom font,
//! radius and label; photographed before and after. The inline form has its own test (`inline`).
//!
//! Each test starts its own sandbox, chromedriver and Chromium ([`World`]).

use serde_json::{Value, json};
use sir_e2e::world::{MOUNT, SOON};
use sir_e2e::{SessionOptions, World, set_viewport, workspace_root};

const BUTTON_BOXES: &str = include_str!("../js/tests/button_boxes.js");
const BUTTONS_SETTLED: &str = include_str!("../js/tests/buttons_settled.js");
const LAYOUT_SHIFTS: &str = include_str!("../js/tests/layout_shifts.js");

/// The most cumulative layout shift a page may have ("good" is 0.1; the placeholder aims lower).
const MAX_CLS: f64 = 0.01;
/// How far (CSS px) a box may be from where it was: rounding of fractional layout only.
const SAME_PX: f64 = 0.5;

/// Waits until every button on the page is mounted, ready, and its logo loaded or failed.
async fn settle(w: &World, page: &str) {
    w.wait_js(&format!("every button of {page} mounted, logos settled"), BUTTONS_SETTLED, vec![], MOUNT).await;
}

/// The page's cumulative layout shift so far, and its shifts (for messages).
async fn layout_shift(w: &World) -> (f64, Value) {
    let answer = w.client.execute_async(LAYOUT_SHIFTS, vec![]).await.expect("layout shifts");
    (answer["total"].as_f64().expect("a number"), answer["shifts"].clone())
}

/// Opens `page` and returns its CLS once every button has mounted and its logo settled.
async fn cls_of(w: &World, page: &str) -> (f64, Value) {
    w.open(page).await;
    settle(w, page).await;
    layout_shift(w).await
}

/// Adds a nonprofit to the sandbox (`POST /__sandbox/organizations`).
async fn add_nonprofit(w: &World, org: Value) {
    let url = format!("{}/__sandbox/organizations", w.sandbox.api_url());
    let http = reqwest::Client::builder().no_proxy().build().expect("an HTTP client");
    let answer = http.post(url).json(&org).send().await.expect("POST /__sandbox/organizations");
    assert_eq!(answer.status().as_u16(), 201, "{org} refused: {:?}", answer.text().await);
}

/// A nonprofit without a logo, and one whose logo is not there (404), in `w`'s sandbox.
async fn add_nonprofits_without_logos(w: &World) -> [&'static str; 2] {
    add_nonprofit(w, json!({ "slug": "quiet-library", "name": "Quiet Library" })).await;
    let missing = format!("{}/logos/not-there.svg", w.sandbox.api_url());
    add_nonprofit(w, json!({ "slug": "lost-logo-trust", "name": "Lost Logo Trust", "logoUrl": missing })).await;
    ["quiet-library", "lost-logo-trust"]
}

fn rect(v: &Value) -> [f64; 4] {
    let n: Vec<f64> = v.as_array().expect("a box").iter().map(|x| x.as_f64().expect("a number")).collect();
    [n[0], n[1], n[2], n[3]]
}

/// What moved or changed size between two [`BUTTON_BOXES`] answers (placeholders, then mounted)
/// among `parts` of each button (`host`, `button`, `label`), and the text after them.
fn changes_of(parts: &[&str], before: &Value, after: &Value) -> Vec<String> {
    let mut changes = Vec::new();
    let (b, a) = (before["hosts"].as_array().unwrap(), after["hosts"].as_array().unwrap());
    assert_eq!(b.len(), a.len(), "as many buttons before and after");
    for (b, a) in b.iter().zip(a) {
        assert_eq!((&b["state"], &a["state"]), (&json!("placeholder"), &json!("widget")), "{b} → {a}");
        for part in parts {
            let (was, is) = (rect(&b[part]), rect(&a[part]));
            if was.iter().zip(is).any(|(x, y)| (x - y).abs() > SAME_PX) {
                changes.push(format!("#{} {part}: {was:?} → {is:?}", b["id"].as_str().unwrap_or("?")));
            }
        }
    }
    if parts.contains(&"host") && before["after"] != after["after"] {
        changes.push(format!("the text after the buttons: {} → {}", before["after"], after["after"]));
    }
    changes
}

/// [`changes_of`] every part.
fn box_changes(before: &Value, after: &Value) -> Vec<String> {
    changes_of(&["host", "button", "label"], before, after)
}

/// Saves a screenshot as `target/screenshots/layout-shift/{name}.png`.
async fn screenshot(w: &World, name: &str) {
    let out = workspace_root().join("target/screenshots/layout-shift");
    std::fs::create_dir_all(&out).unwrap();
    let png = w.client.screenshot().await.unwrap();
    assert!(png.len() > 1000, "an image of something");
    std::fs::write(out.join(format!("{name}.png")), &png).unwrap();
}

/// Opens `many-intent.html?{query}` (placeholders only, nothing loads until intent) and returns
/// the placeholders' [`BUTTON_BOXES`] once painted with their font.
async fn placeholders(w: &World, query: &str) -> Value {
    w.open(&format!("many-intent.html?{query}")).await;
    w.wait_js(
        "the placeholders painted, their font loaded",
        "return document.fonts.status === 'loaded' && [...document.querySelectorAll('sir-donate')]
           .every(h => h.shadowRoot && h.shadowRoot.querySelector('button'))",
        vec![],
        SOON,
    )
    .await;
    w.js(BUTTON_BOXES, vec![]).await
}

/// Reaches for the first button, which loads the widget for all: a script's event, not input,
/// so the shifts that follow count.
async fn reach_for_a_button(w: &World) {
    w.js("document.querySelector('sir-donate').dispatchEvent(new Event('pointerover', { bubbles: true }))", vec![])
        .await;
}

/// Opens `many-intent.html?{query}`, measures the placeholders, reaches for a button, waits
/// until every button is mounted with its logo, and returns what moved and the page's CLS.
/// Photographs both states as `{shot}-placeholder` and `{shot}-mounted`.
async fn placeholders_then_buttons(w: &World, query: &str, shot: &str) -> (Vec<String>, f64, Value) {
    let page = format!("many-intent.html?{query}");
    let before = placeholders(w, query).await;
    screenshot(w, &format!("{shot}-placeholder")).await;
    reach_for_a_button(w).await;
    settle(w, &page).await;
    let after = w.js(BUTTON_BOXES, vec![]).await;
    screenshot(w, &format!("{shot}-mounted")).await;
    let (cls, shifts) = layout_shift(w).await;
    (box_changes(&before, &after), cls, shifts)
}

#[tokio::test]
async fn pages_of_1_10_and_50_buttons_load_with_no_layout_shift() {
    let w = World::start_with(SessionOptions { width: 1280, height: 900, dark: false }).await;
    let mut failures = Vec::new();
    for (width, pages) in [
        (1280, &["n=1", "n=1&layout=flow", "n=10", "n=10&layout=flow", "n=50", "n=50&layout=flow"][..]),
        (375, &["n=10", "n=10&layout=flow", "n=50&layout=flow"][..]),
    ] {
        set_viewport(&w.client, width, 900).await.unwrap();
        for query in pages {
            let page = format!("many.html?{query}");
            let (cls, shifts) = cls_of(&w, &page).await;
            println!("{width} px {page}: CLS {cls:.4}");
            if cls > MAX_CLS {
                failures.push(format!("{width} px {page}: CLS {cls:.4}, shifts {shifts:#}"));
            }
        }
    }
    assert!(failures.is_empty(), "layout shift over {MAX_CLS}:\n{}", failures.join("\n"));
    w.finish().await;
}

#[tokio::test]
async fn a_nonprofit_without_a_logo_or_with_a_broken_one_moves_nothing_either() {
    let w = World::start_with(SessionOptions { width: 1280, height: 900, dark: false }).await;
    let mut failures = Vec::new();
    for slug in add_nonprofits_without_logos(&w).await {
        let page = format!("many.html?n=10&layout=flow&nonprofit={slug}");
        let (cls, shifts) = cls_of(&w, &page).await;
        println!("{page}: CLS {cls:.4}");
        if cls > MAX_CLS {
            failures.push(format!("{page}: CLS {cls:.4}, shifts {shifts:#}"));
        }
        let (moved, cls, shifts) = placeholders_then_buttons(&w, &format!("n=4&nonprofit={slug}"), slug).await;
        if !moved.is_empty() || cls > MAX_CLS {
            failures.push(format!("{slug}, placeholders then buttons: {moved:#?}, CLS {cls:.4}, shifts {shifts:#}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    w.finish().await;
}

#[tokio::test]
async fn each_placeholder_has_its_buttons_box_at_1280_and_375_px_light_and_dark() {
    // The default look, a longer label, the page's font and radius (--sir-font, --sir-radius),
    // and the dark theme forced by the attribute.
    let queries = [
        ("default", "n=10&layout=flow"),
        ("label", "n=4&label=Give%20monthly%20to%20the%20cause%20of%20your%20choice%20today"),
        ("themed", "n=4&layout=flow&class=theme-serif%20theme-pill%20theme-purple"),
        ("theme-dark", "n=3&layout=flow&theme=dark"),
    ];
    let mut failures = Vec::new();
    for (width, dark) in [(1280, false), (1280, true), (375, false), (375, true)] {
        let w = World::start_with(SessionOptions { width, height: 900, dark }).await;
        let scheme = if dark { "dark" } else { "light" };
        for (name, query) in queries {
            let shot = format!("{name}-{width}-{scheme}");
            let (moved, cls, shifts) = placeholders_then_buttons(&w, query, &shot).await;
            println!("{shot}: CLS {cls:.4}, {} changes", moved.len());
            if !moved.is_empty() || cls > MAX_CLS {
                failures.push(format!("{shot} ({query}): {moved:#?}, CLS {cls:.4}, shifts {shifts:#}"));
            }
        }
        w.finish().await;
    }
    assert!(failures.is_empty(), "the placeholders and the buttons differ:\n{}", failures.join("\n"));
}

#[tokio::test]
async fn the_button_has_the_placeholders_box_while_loading_ready_and_disabled() {
    let w = World::start_with(SessionOptions { width: 1280, height: 900, dark: false }).await;
    let query = "n=5&layout=flow";
    let before = placeholders(&w, query).await;
    // Loading: the partner's config held back for a while, every button busy meanwhile.
    w.fault(json!({ "endpoint": "config", "kind": "delay", "delayMs": 6000, "times": 1 })).await;
    reach_for_a_button(&w).await;
    let busy = "return [...document.querySelectorAll('sir-donate')].every(h => { const r = inner(h); \
                const b = r && r.querySelector('button.sir-button'); return b && b.getAttribute('aria-busy') === 'true'; })";
    w.wait_js("every button mounted and busy", busy, vec![], MOUNT).await;
    let loading = w.js(BUTTON_BOXES, vec![]).await;
    assert_eq!(box_changes(&before, &loading), Vec::<String>::new(), "loading");
    settle(&w, query).await;
    let ready = w.js(BUTTON_BOXES, vec![]).await;
    assert_eq!(box_changes(&before, &ready), Vec::<String>::new(), "ready");
    let (cls, shifts) = layout_shift(&w).await;
    assert!(cls <= MAX_CLS, "CLS {cls:.4}: {shifts:#}");

    // Disabled: a partner whose donations are off. The button keeps its box; the reason shown
    // under it is news, and adds its lines (so one button: nothing else to move).
    let key = sir_sandbox::fixture_keys::no_donations();
    let query = format!("n=1&layout=flow&key={key}");
    let before = placeholders(&w, &query).await;
    reach_for_a_button(&w).await;
    let disabled = "return [...document.querySelectorAll('sir-donate')].every(h => { const r = inner(h); \
                    const b = r && r.querySelector('button.sir-button'); return b && b.disabled; })";
    w.wait_js("every button disabled", disabled, vec![], MOUNT).await;
    let off = w.js(BUTTON_BOXES, vec![]).await;
    assert_eq!(changes_of(&["button", "label"], &before, &off), Vec::<String>::new(), "disabled");
    w.finish().await;
}
