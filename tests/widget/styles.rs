//! The widget's stylesheet is parsed once for the page: every widget's shadow root adopts the same
//! constructable sheet (no `<style>` copy per widget), so a page of many buttons pays for one.

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::ShadowRoot;

use crate::harness::*;
use crate::support::*;

fn adopted(root: &ShadowRoot) -> Array {
    Reflect::get(root, &JsValue::from_str("adoptedStyleSheets")).unwrap().into()
}

#[wasm_bindgen_test]
async fn three_widgets_adopt_one_parsed_stylesheet() {
    reset().await;
    let widgets = [mount(Props::default()).await, mount(Props::default()).await, mount(Props::default()).await];
    let roots: Vec<ShadowRoot> = widgets.iter().map(|w| w.shadow().unwrap()).collect();
    let first = adopted(&roots[0]);
    assert_eq!(first.length(), 1, "one adopted sheet");
    let sheet = first.get(0);
    let rules = Reflect::get(&Reflect::get(&sheet, &"cssRules".into()).unwrap(), &"length".into()).unwrap();
    assert!(rules.as_f64().unwrap() > 20.0, "the sheet holds the widget's rules");
    for (i, root) in roots.iter().enumerate() {
        let sheets = adopted(root);
        assert_eq!(sheets.length(), 1, "widget {i}: one adopted sheet");
        assert_eq!(sheets.get(0), sheet, "widget {i} adopts the page's one sheet");
        assert!(root.query_selector("style").unwrap().is_none(), "widget {i}: no <style> copy");
    }
}
