//! The shadow root the widget renders into, with its stylesheet inside: host-page CSS cannot
//! reach the widget, and the widget's CSS cannot leak out.

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The widget's styles (`style/widget.css`), compiled in without comments and layout
/// whitespace (see `build.rs`).
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

thread_local! {
    /// One parsed stylesheet shared by every widget on the page.
    static SHEET: Option<CssStyleSheet> = {
        let sheet = CssStyleSheet::new().ok()?;
        sheet.replace_sync(WIDGET_CSS).ok()?;
        Some(sheet)
    };
}

/// Opens (or reuses) `host`'s shadow root, styles it, and returns a fresh container to mount in.
pub fn prepare(host: &HtmlElement) -> Option<HtmlElement> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).ok()?,
    };
    adopt_styles(&root);
    let document = host.owner_document()?;
    let container: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    root.append_child(&container).ok()?;
    Some(container)
}

/// Constructable stylesheets work under a strict `style-src` (no inline `<style>`); browsers
/// without them get a `<style>` element instead.
fn adopt_styles(root: &ShadowRoot) {
    let adopted = SHEET.with(|sheet| {
        let sheet = sheet.as_ref()?;
        Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &Array::of1(sheet)).ok()
    });
    if adopted.is_none() {
        let style = root.owner_document().and_then(|d| d.create_element("style").ok());
        if let Some(style) = style {
            style.set_text_content(Some(WIDGET_CSS));
            let _ = root.append_child(&style);
        }
    }
}
