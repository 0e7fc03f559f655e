//! What the kit's parts share: bounded polling, the widget's hosts in a page (through shadow
//! roots), hook selectors and the text an element shows.

use super::*;

/// Looks with `get` until it returns something or `timeout` has passed, yielding to the event
/// loop between looks.
pub(super) async fn poll<T>(timeout: Duration, mut get: impl FnMut() -> Option<T>) -> Option<T> {
    let start = js_sys::Date::now();
    loop {
        if let Some(value) = get() {
            return Some(value);
        }
        if js_sys::Date::now() - start > timeout.as_secs_f64() * 1000.0 {
            return None;
        }
        crate::timer::sleep(POLL).await;
    }
}

/// Panics: `what` did not come within `timeout`; `state` says what there was instead.
pub(super) fn fail_after(what: &str, timeout: Duration, state: &str) -> ! {
    panic!("sir_donate::testing: timed out after {timeout:?} waiting for {what}; {state}")
}

pub(super) fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("sir_donate::testing runs in a browser page")
}

pub(super) fn hook_selector(name: &str) -> String {
    ["[", HOOK_ATTRIBUTE, "=\"", name, "\"]"].concat()
}

/// The widget hosts in `container` (or `container` itself), in document order, looking into
/// the open shadow roots of other elements (the `<sir-donate>` element's) but not into a
/// widget's own.
pub(super) fn hosts_in(container: &Element) -> Vec<Element> {
    let mut hosts = Vec::new();
    if container.matches(HOST).unwrap_or(false) {
        hosts.push(container.clone());
        return hosts;
    }
    if let Some(root) = container.shadow_root() {
        collect_hosts(&root.query_selector_all("*").ok(), &mut hosts);
    }
    collect_hosts(&container.query_selector_all("*").ok(), &mut hosts);
    hosts
}

pub(super) fn collect_hosts(list: &Option<web_sys::NodeList>, hosts: &mut Vec<Element>) {
    let Some(list) = list else { return };
    for i in 0..list.length() {
        let Some(element) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        if element.matches(HOST).unwrap_or(false) {
            hosts.push(element);
        } else if let Some(root) = element.shadow_root() {
            collect_hosts(&root.query_selector_all("*").ok(), hosts);
        }
    }
}

/// A chip's label: the text of the radio's next sibling.
pub(super) fn chip_label(radio: &HtmlInputElement) -> String {
    radio.next_element_sibling().map(|label| text_of(&label, false)).unwrap_or_default()
}

/// The text of `node`'s text nodes joined by spaces, whitespace collapsed; without `<style>`
/// and `<script>`, and with `skip_hooked`, without descendants that carry a hook (buttons in
/// an alert or a note).
pub(super) fn text_of(node: &Node, skip_hooked: bool) -> String {
    let mut parts = Vec::new();
    collect_text(node, skip_hooked, &mut parts);
    collapse(&parts.join(" "))
}

pub(super) fn collect_text(node: &Node, skip_hooked: bool, parts: &mut Vec<String>) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        match child.node_type() {
            Node::TEXT_NODE => parts.extend(child.node_value()),
            Node::ELEMENT_NODE => {
                let element: &Element = child.unchecked_ref();
                let tag = element.tag_name().to_lowercase();
                if tag == "style" || tag == "script" || (skip_hooked && element.has_attribute(HOOK_ATTRIBUTE)) {
                    continue;
                }
                collect_text(&child, skip_hooked, parts);
            }
            _ => {}
        }
    }
}

/// Whitespace runs (no-break spaces included) as one space, trimmed.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn quote(text: &str) -> String {
    format!("{text:?}")
}
