//! # sir-donate
//!
//! The embeddable donate button for the SIR Giving Partner API, in Rust with Leptos, compiled
//! to WebAssembly. It holds only a publishable key (`pk_test_…` / `pk_live_…`) and talks to the
//! four public widget endpoints.
//!
//! Layers, each depending only on the ones above it (see `ARCHITECTURE.md`):
//! 1. [`key`]: the publishable key, its environment and the API base URL;
//! 2. [`api`]: models, errors, retry policy, checkout-link allow-list and the HTTP client;
//! 3. donation state: the donor's choices, validation, money and the strings of each language
//!    (internal);
//! 4. the widget in plain DOM (internal), and [`DonateButton`], the Leptos component that
//!    mounts it (the default `leptos` feature; the script-tag build leaves it out), with
//!    [`WidgetEvent`] and [`Navigator`];
//! 5. [`embed`]: what the script-tag loader calls (`mount`, `Mounted::open`, `Mounted::unmount`).
//!
//! What a Rust app or a test author needs is public: the component and its prop types
//! ([`Cents`], [`Frequency`], [`Provider`], [`CheckoutMode`], [`Theme`]), [`WidgetEvent`],
//! [`Navigator`], the typed [`api::Client`] with its models and [`api::ApiError`], and
//! [`key::PublishableKey`]. Everything else is private to the crate.
//!
//! ```
//! use sir_donate::key::{ApiBase, Environment, PublishableKey};
//!
//! let key = PublishableKey::parse(&format!("pk_test_{}", "5a".repeat(32))).unwrap();
//! assert_eq!(key.environment(), Environment::Sandbox);
//! assert_eq!(key.to_string(), "pk_test_…5a5a"); // never the whole key
//! assert!(PublishableKey::parse("sk_live_abc").is_err()); // secrets are refused
//! let local = ApiBase::parse_override("http://127.0.0.1:8787").unwrap();
//! assert!(local.is_loopback());
//! ```

#![warn(missing_docs)]

pub mod api;
mod donation;
pub mod embed;
mod i18n;
pub mod key;
mod money;
#[cfg(all(feature = "testing", target_arch = "wasm32"))]
pub mod testing;
mod text;
mod timer;
mod ui;
mod weburl;

// The script-tag build's allocator (feature `small-allocator`; see Cargo.toml). The widget runs on
// the page's one thread, so the single-threaded form is the right one.
#[cfg(all(feature = "small-allocator", target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The README's Rust examples are compiled as doc tests, so they cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;

pub use api::shared::clear as forget_shared_answers;
pub use api::{Frequency, Provider};
pub use donation::{CheckoutMode, Mode, Theme};
pub use money::Cents;
#[cfg(feature = "leptos")]
pub use ui::{DonateButton, DonateButtonHandle, DonateButtonProps};
pub use ui::{Navigation, Navigator, WidgetEvent};
