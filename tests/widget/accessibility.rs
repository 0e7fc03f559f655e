//! The dialog as assistive technology and the keyboard meet it: its name and role, focus moved
//! in, kept in and given back, Esc, the scroll lock, and ARIA references that always resolve.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use crate::harness::*;
use crate::support::*;

#[wasm_bindgen_test]
async fn shows_the_nonprofit_and_opens_an_accessible_dialog() {
    reset().await;
    let w = mount(Props::default()).await;
    w.ready().await;
    let button = w.el("button.sir-button");
    assert_eq!(w.text(".sir-button__label"), "Donate");
    assert_eq!(button.get_attribute("aria-label").as_deref(), Some("Donate to American Red Cross"));
    assert_eq!(button.get_attribute("aria-haspopup").as_deref(), Some("dialog"));
    assert!(w.q("img.sir-button__logo").is_some(), "the nonprofit's logo");

    w.open().await;
    let dialog = w.el("dialog.sir-dialog");
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    assert_eq!(w.text(&format!("#{title_id}")), "Donate to American Red Cross");
    assert!(w.active().is_some_and(|a| dialog.contains(Some(&a))), "focus moved into the dialog");
    let root = document().document_element().unwrap().unchecked_into::<HtmlElement>();
    assert_eq!(root.style().get_property_value("overflow").unwrap(), "hidden", "page scroll is locked");

    w.press("Escape", false).await;
    assert!(!w.dialog_open(), "Esc closes");
    assert!(w.active().is_some_and(|a| a.class_list().contains("sir-button")), "focus returns to the button");
    assert_eq!(root.style().get_property_value("overflow").unwrap(), "", "scroll is unlocked");

    w.open().await;
    w.el("button.sir-close").click();
    leptos::task::tick().await;
    assert!(!w.dialog_open(), "the labelled close button closes");
    assert_eq!(w.el("button.sir-close").get_attribute("aria-label").as_deref(), Some("Close"));
    let names = w.event_names();
    assert_eq!(names.iter().filter(|n| *n == "sir-donate:open").count(), 2, "{names:?}");
    assert_eq!(names.iter().filter(|n| *n == "sir-donate:close").count(), 2, "{names:?}");
    assert!(names.contains(&"sir-donate:ready".to_owned()));
}

#[wasm_bindgen_test]
async fn tab_and_shift_tab_stay_inside_the_dialog() {
    reset().await;
    let w = mount(Props::default()).await;
    w.open().await;
    let dialog = w.el("dialog.sir-dialog");
    w.el("button.sir-close").focus().unwrap();
    w.press("Tab", true).await;
    assert!(
        w.active().is_some_and(|a| a.class_list().contains("sir-submit")),
        "Shift+Tab from the first control wraps to the last"
    );
    w.press("Tab", false).await;
    assert!(w.active().is_some_and(|a| a.class_list().contains("sir-close")), "Tab from the last wraps to the first");
    for _ in 0..30 {
        w.press("Tab", false).await;
        assert!(w.active().is_some_and(|a| dialog.contains(Some(&a))), "focus never leaves the dialog");
    }
}

/// Every id that an ARIA reference or a label's `for` names exists in the widget's shadow root.
fn assert_references_resolve(w: &Mounted, when: &str) {
    let shadow = w.shadow().unwrap();
    let referring =
        shadow.query_selector_all("[aria-describedby], [aria-labelledby], [aria-controls], label[for]").unwrap();
    let mut checked = 0;
    for i in 0..referring.length() {
        let element: Element = referring.item(i).unwrap().unchecked_into();
        for attribute in ["aria-describedby", "aria-labelledby", "aria-controls", "for"] {
            for id in element.get_attribute(attribute).unwrap_or_default().split_whitespace() {
                assert!(
                    shadow.get_element_by_id(id).is_some(),
                    "{when}: {attribute}={id:?} on <{}> names no element",
                    element.tag_name()
                );
                assert_eq!(shadow.query_selector_all(&format!("#{id}")).unwrap().length(), 1, "{when}: #{id} twice");
                checked += 1;
            }
        }
    }
    assert!(checked >= 8, "{when}: only {checked} references found");
}

#[wasm_bindgen_test]
async fn every_aria_reference_resolves_in_every_state() {
    reset().await;
    let w = mount(Props::default()).await;
    w.open().await;
    assert_references_resolve(&w, "the open dialog");
    w.choose("tip", "Other %").await;
    assert_references_resolve(&w, "with the custom tip");
    w.submit_button().click();
    leptos::task::tick().await;
    assert_eq!(w.el("#sir-first-name").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_references_resolve(&w, "after a failed submit");
    w.fill_donor().await;
    assert_references_resolve(&w, "after fixing the fields");
}
