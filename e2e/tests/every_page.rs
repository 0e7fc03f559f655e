//! Every `pkg-demo/` page, once its widgets have mounted: none logs an error or a warning or
//! fails a request, and each is photographed (`target/screenshots/pkg-demo/`).
//!
//! Each test starts its own sandbox, chromedriver and Chromium ([`World`]).

use sir_e2e::world::SOON;
use sir_e2e::{PKG_DEMO_PAGES, SessionOptions, World, set_viewport, workspace_root};

const FAILED_REQUESTS: &str = include_str!("../js/tests/failed_requests.js");

#[tokio::test]
async fn no_page_logs_an_error() {
    let w = World::start().await;
    w.record_errors().await;
    let mut problems = Vec::new();
    for page in &PKG_DEMO_PAGES {
        w.open_mounted(page).await;
        w.wait_loaded().await;
        let errors = w.recorded("__errors").await;
        let warnings = w.recorded("__warnings").await;
        let failed = w.js(FAILED_REQUESTS, vec![]).await;
        for e in errors.iter().chain(&warnings) {
            problems.push(format!("{}: {e}", page.file));
        }
        for f in failed.as_array().unwrap() {
            problems.push(format!("{}: HTTP {}", page.file, f.as_str().unwrap()));
        }
    }
    assert!(problems.is_empty(), "console errors, warnings or failed requests:\n{}", problems.join("\n"));
    w.finish().await;
}

/// `(width, height)` from a PNG's header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.len() > 24 && png.starts_with(b"\x89PNG\r\n\x1a\n") && &png[12..16] == b"IHDR", "not a PNG");
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    (be(16), be(20))
}

#[tokio::test]
async fn screenshots_of_every_page() {
    let w = World::start().await;
    let out = workspace_root().join("target/screenshots/pkg-demo");
    std::fs::create_dir_all(&out).unwrap();
    let desktop = SessionOptions::DESKTOP;
    let mut written = Vec::new();
    let mut shoot = async |name: String, width: u32, height: u32| {
        let png = w.client.screenshot().await.unwrap();
        assert_eq!(png_size(&png), (width, height), "{name}");
        assert!(png.len() > 1000, "{name} is an image of something");
        let path = out.join(format!("{name}.png"));
        std::fs::write(&path, &png).unwrap();
        written.push(path);
    };
    for page in &PKG_DEMO_PAGES {
        set_viewport(&w.client, desktop.width, desktop.height).await.unwrap();
        w.open_mounted(page).await;
        // Fonts and images (nonprofit logos) settled.
        w.wait_js(
            "the page loaded",
            "return document.readyState === 'complete' && document.fonts.status === 'loaded'",
            vec![],
            SOON,
        )
        .await;
        // The whole page (at most 4000 px), then the open dialog in a desktop viewport.
        let height = w.js("return document.documentElement.scrollHeight", vec![]).await.as_u64().unwrap() as u32;
        let height = height.clamp(desktop.height, 4000);
        set_viewport(&w.client, desktop.width, height).await.unwrap();
        shoot(page.name().to_owned(), desktop.width, height).await;
        if matches!(page.name(), "basic" | "hostile") {
            set_viewport(&w.client, desktop.width, desktop.height).await.unwrap();
            w.open_dialog(page.widgets[0]).await;
            shoot(format!("{}-dialog", page.name()), desktop.width, desktop.height).await;
        }
    }
    assert_eq!(written.len(), 13, "{written:?}");
    for path in &written {
        let size = std::fs::metadata(path).unwrap().len();
        assert!(size > 0, "{} is empty", path.display());
    }
    w.finish().await;
}
