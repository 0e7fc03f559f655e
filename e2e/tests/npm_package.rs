//! The npm package (`pkg/`) as an app uses it: the test app `e2e/npm-app/`, with the package
//! installed from its tarball and bundled by esbuild as the package README says
//! (`scripts/npm-app.sh --bundle`, into the site's `npm-app/`), in Chromium against the sandbox.
//! A button from `mount()` and an inline form from `defineElement()`'s `<sir-donate>` each take a
//! donation to the sandbox's checkout page, the first one back to the thanks, with its typed
//! events; wrong calls say what is wrong; and `defineElement()` leaves the script tag's element
//! alone.
//!
//! Needs `pkg/` (`scripts/build-dist.sh`), npm and esbuild (`scripts/setup.sh`), besides what
//! every end-to-end test needs. Each test starts its own sandbox, chromedriver and Chromium
//! ([`World`]); the app is bundled once for all of them.

use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use fantoccini::elements::Element;
use serde_json::{Value, json};
use sir_e2e::world::{MOUNT, OUTCOME, POLL, SOON};
use sir_e2e::{World, site_dir, workspace_root};

/// The first match of `arguments[1]` in the shadow root of the widget `mount()` put in the
/// container `arguments[0]`.
const IN_MOUNTED: &str = include_str!("../js/tests/in_mounted.js");
/// The text of the placeholder stylesheet of the `<sir-donate>` `arguments[0]`.
const PLACEHOLDER_CSS: &str = include_str!("../js/tests/placeholder_css.js");

/// Bundles the app into the site's `npm-app/`, once for every test here, and returns its URL path.
fn bundled() -> &'static str {
    static BUNDLED: OnceLock<Result<(), String>> = OnceLock::new();
    let built = BUNDLED.get_or_init(|| {
        let out = site_dir().join("npm-app");
        let _ = std::fs::remove_dir_all(&out);
        let script = workspace_root().join("scripts/npm-app.sh");
        let run = Command::new(&script).arg("--bundle").arg(&out).output().map_err(|e| format!("{script:?}: {e}"))?;
        if run.status.success() {
            Ok(())
        } else {
            Err(format!(
                "scripts/npm-app.sh --bundle failed ({}); it needs pkg/ (scripts/build-dist.sh), npm and esbuild \
                 (source scripts/env.sh && scripts/setup.sh):\n{}{}",
                run.status,
                String::from_utf8_lossy(&run.stdout),
                String::from_utf8_lossy(&run.stderr)
            ))
        }
    });
    if let Err(e) = built {
        panic!("{e}");
    }
    "npm-app"
}

/// Opens a page of the bundled app.
async fn open_app(w: &World, page: &str) -> String {
    let url = format!("{}/{}/{page}", w.sandbox.static_url(), bundled());
    w.client.goto(&url).await.unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    url
}

/// Waits until the widget `mount()` put in `container` has an element matching `css`.
async fn wait_in_mounted(w: &World, container: &str, css: &str, timeout: Duration) -> Element {
    let started = Instant::now();
    loop {
        if let Some(element) = w.element(IN_MOUNTED, vec![json!(container), json!(css)]).await {
            return element;
        }
        let text = w.js("return document.querySelector(arguments[0]).textContent", vec![json!(container)]).await;
        assert!(started.elapsed() < timeout, "timed out after {timeout:?} waiting for `{css}` in {container}; {text}");
        tokio::time::sleep(POLL).await;
    }
}

/// Waits until the widget `mount()` put in `container` shows `text`.
async fn wait_mounted_text(w: &World, container: &str, text: &str, timeout: Duration) {
    let script = "const h = document.querySelector(arguments[0] + ' > .sir-donate'); \
                  return !!h && !!h.shadowRoot && h.shadowRoot.textContent.includes(arguments[1]);";
    w.wait_js(
        &format!("the widget in {container} shows {text:?}"),
        script,
        vec![json!(container), json!(text)],
        timeout,
    )
    .await;
}

/// The text of an element of the page.
async fn text_of(w: &World, css: &str) -> String {
    let v = w
        .js("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", vec![json!(css)])
        .await;
    v.as_str().unwrap_or_else(|| panic!("no {css} on the page")).to_owned()
}

/// The widget events the app recorded (`{type, detail}`), this visit and the ones before.
async fn events(w: &World) -> Vec<Value> {
    let v = w.js("return JSON.parse(sessionStorage.getItem('sir-donate-events') || '[]');", vec![]).await;
    v.as_array().expect("the app's event log").clone()
}

/// The create-link requests the sandbox received.
async fn created(w: &World) -> Vec<Value> {
    w.api_requests()
        .await
        .into_iter()
        .filter(|r| r["method"] == "POST" && r["path"] == "/v1/partner/donations/create-link")
        .collect()
}

#[tokio::test]
async fn a_bundled_app_mounts_a_button_that_takes_a_donation_with_typed_events() {
    let w = World::start().await;
    w.record_errors().await;
    let page = open_app(&w, "index.html").await;
    let container = "#donate";
    wait_in_mounted(&w, container, "button.sir-button:enabled", MOUNT).await;

    // The page's own button opens the dialog through mount()'s handle.
    w.client.find(Locator::Css("#donate-now")).await.unwrap().click().await.expect("click on Donate now");
    wait_in_mounted(&w, container, "dialog.sir-dialog[open]", SOON).await;
    for (css, text) in [("#sir-first-name", "Ada"), ("#sir-last-name", "Lovelace"), ("#sir-email", "ada@example.org")] {
        let field = wait_in_mounted(&w, container, css, SOON).await;
        field.send_keys(text).await.unwrap_or_else(|e| panic!("typing into {css}: {e}"));
    }
    assert_eq!(w.recorded("__errors").await, Vec::<String>::new(), "no console errors before checkout");
    assert_eq!(w.recorded("__warnings").await, Vec::<String>::new(), "no console warnings before checkout");
    wait_in_mounted(&w, container, "button.sir-submit:enabled", SOON).await.click().await.expect("click on submit");

    let id = w.wait_checkout().await;
    let created = created(&w).await;
    assert_eq!(created.len(), 1, "one create-link request: {created:?}");
    let body = &created[0]["body"];
    assert_eq!(
        (&body["nonprofitSlug"], &body["firstName"], &body["donorEmail"]),
        (&json!("american-red-cross"), &json!("Ada"), &json!("ada@example.org")),
        "the camelCase options and the donor reached the API: {body}"
    );

    w.wait_xpath("//button[normalize-space()='Complete donation']").await.click().await.unwrap();
    w.wait_xpath("//button[@id='return-to-site']").await.click().await.expect("click on Return to the site");
    w.wait_url("the return to the app", |u| u.as_str() == page).await;
    wait_mounted_text(&w, container, "Thank you!", OUTCOME).await;
    w.wait_js(
        "the app saw the status REWARDED",
        "return document.title.startsWith('Thank you (' + arguments[0]);",
        vec![json!(id)],
        OUTCOME,
    )
    .await;

    // The typed events, as the app's listeners on the document received them.
    let seen = events(&w).await;
    let has = |kind: &str, detail: Value| seen.iter().any(|e| e["type"] == kind && e["detail"] == detail);
    let red_cross = json!({ "nonprofit": "american-red-cross" });
    assert!(has("sir-donate:ready", red_cross.clone()), "{seen:?}");
    assert!(has("sir-donate:ready", json!({ "nonprofit": "khan-academy" })), "the element's too: {seen:?}");
    assert!(has("sir-donate:open", red_cross), "{seen:?}");
    let link = json!({ "nonprofit": "american-red-cross", "partnerDonationId": id });
    assert!(has("sir-donate:link-created", link), "{seen:?}");
    let rewarded = json!({ "nonprofit": "american-red-cross", "partnerDonationId": id, "status": "REWARDED" });
    assert!(has("sir-donate:status", rewarded), "{seen:?}");
    assert!(!seen.iter().any(|e| e["type"] == "sir-donate:error"), "{seen:?}");
    assert_eq!(w.recorded("__errors").await, Vec::<String>::new(), "no console errors after the return");
    w.finish().await;
}

#[tokio::test]
async fn define_element_gives_the_script_tags_element_and_its_inline_form_takes_a_donation() {
    let w = World::start().await;
    open_app(&w, "index.html").await;
    let host = "#inline-widget";
    w.wait_mounted(host).await;
    // The placeholder the element painted is the loader's, to the character.
    let package_css = w.js(PLACEHOLDER_CSS, vec![json!(host)]).await;

    w.fill_donor(host, "Grace", "Hopper", "grace@example.org").await;
    w.wait_inner(host, ".sir-inline button.sir-submit:enabled", SOON).await.click().await.expect("click on submit");
    w.wait_checkout().await;
    let created = created(&w).await;
    assert_eq!(created.len(), 1, "one create-link request: {created:?}");
    assert_eq!(created[0]["body"]["nonprofitSlug"], "khan-academy", "{created:?}");

    w.open("basic.html").await;
    w.wait_mounted("#basic-widget").await;
    let loader_css = w.js(PLACEHOLDER_CSS, vec![json!("#basic-widget")]).await;
    assert!(package_css.as_str().is_some_and(|css| css.contains("output")), "a placeholder sheet: {package_css}");
    assert_eq!(package_css, loader_css, "the package's placeholder stylesheet is the loader's");
    w.finish().await;
}

#[tokio::test]
async fn wrong_calls_say_what_is_wrong_and_define_element_leaves_the_loaders_element_be() {
    let w = World::start().await;
    w.record_errors().await;
    open_app(&w, "checks.html").await;
    w.wait_js("the checks ran", "return document.getElementById('define-element').textContent", vec![], MOUNT).await;

    assert_eq!(text_of(&w, "#before-init").await, "Error: sir-donate: call init() (await it) before mount()");
    let not_options = text_of(&w, "#not-options").await;
    assert!(
        not_options.starts_with("TypeError: sir-donate: mount(container, options) needs an options object"),
        "{not_options}"
    );
    assert_eq!(text_of(&w, "#define-element").await, "returned, and <sir-donate> is still the loader's");

    // Kebab-case keys: a warning for each, naming its camelCase key, and the widget says what is
    // missing in place of the button.
    wait_mounted_text(&w, "#kebab", "No publishable key was given", SOON).await;
    let warnings = w.recorded("__warnings").await;
    for (kebab, camel) in [("publishable-key", "publishableKey"), ("api-base", "apiBase")] {
        let expected = format!(
            "console.warn: sir-donate: ignored the unknown option \"{kebab}\"; options are in camelCase: {camel}"
        );
        assert!(warnings.contains(&expected), "{expected:?} in {warnings:?}");
    }
    assert_eq!(warnings.len(), 2, "no other warning: {warnings:?}");
    let errors = w.recorded("__errors").await;
    assert!(errors.iter().all(|e| e.contains("No publishable key was given")), "only the missing key: {errors:?}");

    // The loader's element works beside the package, each with its own wasm: the loader's from
    // dist/, the package's copied beside checks.js, where init() found it by itself.
    w.wait_mounted("#loader-widget").await;
    let (wasm, glue) = w.downloads().await;
    assert!(glue.iter().any(|g| g.contains("/dist/sir-donate.")), "the loader's glue: {glue:?}");
    assert!(wasm.iter().any(|f| f.contains("/dist/sir-donate.")), "the loader's wasm: {wasm:?}");
    assert!(wasm.iter().any(|f| f.ends_with("/npm-app/sir_donate_bg.wasm")), "the package's wasm: {wasm:?}");
    w.finish().await;
}
