//! A page of many widgets holds a few listeners for all of them, and none once they are gone: the
//! widgets share one handler, on the document and the window once for the page, and on a flow's
//! frame only once the frame exists (a dialog's first open, an inline panel). The shared handler
//! hands each event to the widget it happened in, and the window's `pageshow` to every widget.

use leptos::prelude::*;
use sir_donate::{DonateButton, Navigation};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use crate::harness::{Props, document, mount, wait_until};
use crate::support::*;

/// Counts the event listeners that can still fire (on the window, the document, or a connected
/// node), as the DOM keeps them: one per target, type, listener and capture flag, whatever the
/// number of identical `addEventListener` calls. It wraps `EventTarget.prototype`'s
/// `addEventListener` and `removeEventListener` from now on, so a listener on a removed
/// element, which goes with the element, is not counted.
fn count_listeners() -> impl Fn() -> u32 {
    js_sys::Function::new_no_args(
        "const p = EventTarget.prototype;
         if (p.__sirKept) return;
         const kept = p.__sirKept = [];
         const capture = o => typeof o == 'object' ? !!(o && o.capture) : !!o;
         const same = (r, t, type, f, o) => r[0] === t && r[1] === type && r[2] === f && r[3] === capture(o);
         const add = p.addEventListener, remove = p.removeEventListener;
         p.addEventListener = function (type, f, o) {
           if (f && !kept.some(r => same(r, this, type, f, o))) kept.push([this, type, f, capture(o)]);
           return add.apply(this, arguments);
         };
         p.removeEventListener = function (type, f, o) {
           const i = kept.findIndex(r => same(r, this, type, f, o));
           if (i >= 0) kept.splice(i, 1);
           return remove.apply(this, arguments);
         };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let live = js_sys::Function::new_no_args(
        "return EventTarget.prototype.__sirKept
           .filter(([t]) => t === window || t === document || t.isConnected).length;",
    );
    let start = live.call0(&wasm_bindgen::JsValue::NULL).unwrap().as_f64().unwrap() as u32;
    move || live.call0(&wasm_bindgen::JsValue::NULL).unwrap().as_f64().unwrap() as u32 - start
}

/// The shadow roots of the widgets in `container`, in page order.
fn widget_roots(container: &HtmlElement) -> Vec<web_sys::ShadowRoot> {
    let hosts = container.query_selector_all(".sir-donate").unwrap();
    (0..hosts.length()).filter_map(|i| hosts.item(i)?.unchecked_into::<Element>().shadow_root()).collect()
}

fn find(root: &web_sys::ShadowRoot, css: &str) -> Option<HtmlElement> {
    root.query_selector(css).unwrap().map(JsCast::unchecked_into)
}

#[wasm_bindgen_test]
async fn twenty_buttons_share_four_listeners_each_click_reaches_its_own_widget_and_none_are_left() {
    reset().await;
    let listeners = count_listeners();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let owner = Owner::new();
    let mounted = owner.with(|| {
        leptos::mount::mount_to(container.clone(), move || {
            (0..20)
                .map(|_| {
                    view! { <DonateButton publishable_key=key(ACME).as_header_value().to_owned()
                    nonprofit="american-red-cross" api_base=SANDBOX_URL locale="en"/> }
                })
                .collect_view()
        })
    });
    let ready = |root: &web_sys::ShadowRoot| find(root, "[data-sir=donate]:not([aria-disabled=true])").is_some();
    wait_until("twenty ready buttons", || {
        let roots = widget_roots(&container);
        roots.len() == 20 && roots.iter().all(ready)
    })
    .await;
    // click and focusin on the document; pageshow and online on the window.
    assert_eq!(listeners(), 4, "twenty closed buttons share the page's four listeners");

    // The thirteenth widget's click opens the thirteenth widget's dialog, and no other.
    let roots = widget_roots(&container);
    find(&roots[12], "[data-sir=donate]").unwrap().click();
    let open = |root: &web_sys::ShadowRoot| find(root, "dialog[open]").is_some();
    wait_until("the thirteenth dialog opens", || open(&roots[12])).await;
    let opened: Vec<usize> = (0..20).filter(|&i| open(&roots[i])).collect();
    assert_eq!(opened, vec![12], "only the clicked widget opened");
    // Its frame listens for what stays inside it: change, submit, cancel, input, keydown.
    assert_eq!(listeners(), 9, "an open dialog adds its frame's five");
    // The frame's keydown reaches the same widget: Esc closes it.
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let dialog = find(&roots[12], "dialog").unwrap();
    dialog
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
    wait_until("the dialog closes", || !open(&roots[12])).await;
    // Opening it again adds nothing: the frame listens once.
    find(&roots[12], "[data-sir=donate]").unwrap().click();
    wait_until("the dialog opens again", || open(&roots[12])).await;
    assert_eq!(listeners(), 9, "a second open adds nothing");

    drop(mounted);
    container.remove();
    assert_eq!(listeners(), 0, "every listener is gone with the widgets");
}

#[wasm_bindgen_test]
async fn the_page_back_from_the_cache_follows_the_donation_it_left_for() {
    reset().await;
    let w = mount(Props::default()).await;
    w.open().await;
    w.fill_donor().await;
    w.submit_button().click();
    wait_until("the redirect to checkout", || !w.navigations().is_empty()).await;
    let Navigation::Redirect(link) = w.navigations()[0].clone() else { panic!("{:?}", w.navigations()) };
    assert_eq!(w.submit_button().get_attribute("aria-busy").as_deref(), Some("true"), "on its way to checkout");
    // The donor comes back with the browser's Back button, to the page as it was left.
    js_sys::Function::new_no_args("dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))")
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
    let id = link.rsplit('/').next().unwrap().to_owned();
    complete(&id).await;
    wait_until("the thank-you", || w.all_text().contains("Thank you")).await;
}
