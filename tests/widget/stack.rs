//! The shadow stack (wasm's stack for what does not fit in locals: structs, buffers, futures
//! being built) is small on purpose: build.rs sizes it for every wasm32 build of this crate, these
//! tests included (128 KiB unoptimised, the dist's 20 KiB with `--release`), so that the widget's
//! memory stays small (ARCHITECTURE.md, "Memory"). A flow that overflowed it would trap and fail
//! its test; these check the layout the linker made and that the flows keep a margin of 4.
//!
//! Reading: linear memory starts zeroed and the stack grows down from its top, so the lowest
//! non-zero byte of the stack region marks the deepest the stack has reached: over the flows run
//! here and every test that ran before them in the same wasm instance.

use sir_donate::{CheckoutMode, Mode};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::harness::*;
use crate::support::*;

/// The stack's size as build.rs gives it to the linker.
const STACK_SIZE: usize = match usize::from_str_radix(env!("SIR_STACK_SIZE"), 10) {
    Ok(size) => size,
    Err(_) => panic!("SIR_STACK_SIZE is a number"),
};

unsafe extern "C" {
    // Defined by wasm-ld: the bounds of the stack region.
    static __stack_low: u8;
    static __stack_high: u8;
    // Defined by wasm-ld: where the data (statics) end and the heap begins.
    static __heap_base: u8;
}

/// The stack's bounds. Through `black_box`: the compiler takes a static's address for non-zero,
/// which the stack's low end is not.
fn bounds() -> (usize, usize) {
    let low = std::hint::black_box(&raw const __stack_low) as usize;
    (low, std::hint::black_box(&raw const __stack_high) as usize)
}

/// How deep the stack has reached so far, in bytes below its top.
fn deepest() -> usize {
    let (low, high) = bounds();
    // The copy's buffer first: allocating may grow the memory, which detaches the views of it.
    let mut copy = vec![0u8; high - low];
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    js_sys::Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), low as u32, (high - low) as u32)
        .copy_to(&mut copy);
    let untouched = copy.iter().position(|&b| b != 0).unwrap_or(high - low);
    high - low - untouched
}

#[wasm_bindgen_test]
fn the_stack_comes_first_with_the_size_build_rs_gives() {
    let (low, high) = bounds();
    // Stack first: below the stack is address 0, so an overflow stores out of bounds and traps
    // instead of overwriting the statics and the heap above it.
    assert_eq!(low, 0, "the stack starts at address 0");
    assert_eq!(high - low, STACK_SIZE, "the stack has the size build.rs passes to the linker");
    assert!(&raw const __heap_base as usize > high, "the statics and the heap come after the stack");
    let local = 0u8;
    let here = &raw const local as usize;
    assert!(here > low && here < high, "this test's own stack frame ({here}) is inside [{low}, {high})");
}

#[wasm_bindgen_test]
async fn the_flows_reach_at_most_a_quarter_of_the_stack() {
    // Every container and flow, with the most stack-hungry steps: mounting (options and the
    // widget's state), validation errors, the create-link with a new tab, the followed status and
    // the thank-you, a failed load and its retry, a return from checkout, and inline.
    reset().await;
    let w = mount(Props { checkout: Some(CheckoutMode::NewTab), ..Props::default() }).await;
    w.open().await;
    w.type_into("#sir-amount", "12,345.678x").await;
    w.submit_button().click();
    wait_until("the amount's error", || !w.text("#sir-amount-error").is_empty()).await;
    w.type_into("#sir-amount", "1,000.50").await;
    w.fill_donor().await;
    w.submit_button().click();
    wait_until("the window is pointed at the link", || w.navigations().len() == 2).await;
    let sir_donate::Navigation::WindowNavigated(link) = w.navigations()[1].clone() else {
        panic!("{:?}", w.navigations())
    };
    let id = link.rsplit('/').next().unwrap().to_owned();
    wait_until("the status is followed", || w.all_text().contains("checkout window")).await;
    complete(&id).await;
    wait_until("the thank-you", || w.all_text().contains("Thank you")).await;
    drop(w);

    reset().await;
    sir_donate::forget_shared_answers();
    fault(serde_json::json!({"endpoint": "config", "kind": "status", "status": 503, "times": 3})).await;
    let w = mount(Props { mode: Some(Mode::Inline), ..Props::default() }).await;
    wait_until("the failure's Try again", || w.q("[data-sir=reload]").is_some()).await;
    reset().await;
    w.el("[data-sir=reload]").click();
    wait_until("the inline form", || w.q("button.sir-submit").is_some()).await;
    w.fill_donor().await;
    w.submit_button().click();
    wait_until("the redirect", || !w.navigations().is_empty()).await;
    drop(w);

    let id = created_donation().await;
    let (container, _handle) = mount_after_checkout(&id, 4200, Mode::Button);
    let shadow = || container.query_selector(".sir-donate").ok().flatten().and_then(|h| h.shadow_root());
    complete(&id).await;
    wait_until("the thank-you after a return from checkout", || {
        shadow().and_then(|s| s.text_content()).is_some_and(|t| t.contains("Thank you"))
    })
    .await;
    container.remove();

    let used = deepest();
    web_sys::console::log_1(&format!("shadow stack: deepest reach {used} of {STACK_SIZE} bytes").into());
    assert!(used > 0, "the reading sees the stack in use");
    assert!(used * 4 <= STACK_SIZE, "the stack reached {used} of {STACK_SIZE} bytes: less than 4 times the margin");
}
