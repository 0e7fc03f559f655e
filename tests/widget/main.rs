//! The `DonateButton` component, the whole donor flow, in headless Chromium against a running
//! `sir-sandbox`. Navigation goes through a recording `Navigator`, so a test sees where the donor
//! would have been sent without leaving the page.
//!
//! One module per topic (`accessibility`, `flow`, `inline`, `loading`, `failures`, `checkout`,
//! `listeners`, `styles`, `stack`, and `kit`: the test kit `sir_donate::testing`, with `--features
//! testing`); what they share is in `harness`, and the sandbox's control API in `support`, which
//! `tests/client.rs` uses too.
#![cfg(target_arch = "wasm32")]

#[path = "../support/mod.rs"]
mod support;

mod harness;

mod accessibility;
mod checkout;
mod failures;
mod flow;
mod inline;
mod kit;
mod listeners;
mod loading;
mod reactive;
mod stack;
mod styles;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
