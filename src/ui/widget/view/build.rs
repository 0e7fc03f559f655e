//! Building blocks of the view: elements made with `createElement` and filled with
//! `textContent` (no text is ever parsed as HTML), and setters that touch the DOM only when the
//! value changes.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, Node};

use super::super::hooks::hook;
use crate::text::digits;

pub(super) fn el(doc: &Document, tag: &str, class: &str) -> Element {
    // Tag names are constants of the view, so creation cannot fail.
    let element = doc.create_element(tag).expect("valid tag name");
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element
}

pub(super) fn with_text(doc: &Document, tag: &str, class: &str, text: &str) -> Element {
    let element = el(doc, tag, class);
    element.set_text_content(Some(text));
    element
}

pub(super) fn attrs(element: &Element, pairs: &[(&str, &str)]) {
    for (name, value) in pairs {
        let _ = element.set_attribute(name, value);
    }
}

pub(super) fn append(parent: &Element, children: &[&Element]) {
    for child in children {
        let _ = parent.append_child(child);
    }
}

pub(super) fn set_text(element: &Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

pub(super) fn set_attr(element: &Element, name: &str, value: &str) {
    if element.get_attribute(name).as_deref() != Some(value) {
        let _ = element.set_attribute(name, value);
    }
}

pub(super) fn set_flag(element: &Element, name: &str, on: bool) {
    let _ = element.toggle_attribute_with_force(name, on);
}

pub(super) fn bool_text(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

/// Puts `child` into `parent` (before `before`, or last) or takes it out.
pub(super) fn place(parent: &Element, child: &Element, shown: bool, before: Option<&Node>) {
    let here = child.parent_node().is_some();
    if shown && !here {
        let _ = parent.insert_before(child, before);
    } else if !shown && here {
        child.remove();
    }
}

pub(super) fn input(element: Element) -> HtmlInputElement {
    element.unchecked_into()
}

/// A `<button type="button">` with a text.
pub(super) fn button(doc: &Document, class: &str, text: &str) -> Element {
    let button = with_text(doc, "button", class, text);
    attrs(&button, &[("type", "button")]);
    button
}

/// `<label class="sir-chip"><input type="radio">…</label>`; `value` tells the listener which.
pub(super) fn chip(doc: &Document, name: &str, value: usize, text: &str) -> (Element, HtmlInputElement) {
    let label = el(doc, "label", "sir-chip");
    let radio = el(doc, "input", "sir-chip__input");
    attrs(&radio, &[("type", "radio"), ("name", name), ("value", &digits(value as u64))]);
    hook(&radio, name);
    append(&label, &[&radio, &with_text(doc, "span", "sir-chip__text", text)]);
    (label, input(radio))
}

pub(super) fn fieldset(doc: &Document, legend: &str) -> Element {
    let set = el(doc, "fieldset", "sir-fieldset");
    append(&set, &[&with_text(doc, "legend", "sir-legend", legend)]);
    set
}

pub(super) fn spinner(doc: &Document) -> Element {
    let spin = el(doc, "span", "sir-spinner");
    attrs(&spin, &[("aria-hidden", "true")]);
    spin
}

pub(super) fn logo(doc: &Document, class: &str, size: &str) -> Element {
    let img = el(doc, "img", class);
    attrs(&img, &[("alt", ""), ("width", size), ("height", size)]);
    img
}

/// Shows or hides a logo, pointing it at `src` (checked by the state) when shown.
pub(super) fn sync_logo(img: &Element, parent: &Element, src: Option<&str>, before: Option<&Node>) {
    if let Some(src) = src {
        set_attr(img, "src", src);
    }
    place(parent, img, src.is_some(), before);
}
