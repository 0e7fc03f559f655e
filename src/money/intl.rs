//! The browser's `Intl.NumberFormat`, built once per (locale, whole) and kept for the page's life
//! (wasm only: native builds use the built-in formatter of `format`).

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::{CURRENCY, Cents};
use crate::i18n::Locale;
use crate::text::{cat, digits};

/// The locale, and whether the amount is whole (no decimals).
type Key = (Locale, bool);

thread_local! {
    /// Building a formatter costs far more than using one, and amounts are formatted on
    /// every render. `None` remembers a formatter the browser refused, so it is not
    /// rebuilt (and refused again) on every render either.
    /// A list, not a hash map: a page uses one or two formatters.
    static FORMATTERS: RefCell<Vec<(Key, Option<Function>)>> = const { RefCell::new(Vec::new()) };
}

/// `amount` formatted by the browser, or `None` if `Intl` is missing or throws.
pub(super) fn format(amount: Cents, locale: Locale) -> Option<String> {
    let key = (locale, amount.is_whole());
    let cached = FORMATTERS.with(|cache| cache.borrow().iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone()));
    let format = match cached {
        Some(format) => format,
        None => {
            // Built outside the borrow: nothing of ours runs inside JS, but no borrow is
            // held across a call into it either way.
            let built = build(locale, key.1);
            FORMATTERS.with(|cache| cache.borrow_mut().push((key, built.clone())));
            built
        }
    }?;
    // A decimal string rather than `cents / 100.0`: browsers format a numeric string
    // exactly, and older ones read it as the nearest double, which is no worse.
    let value = JsValue::from_str(&cat(&[&digits(amount.0 / 100), ".", &amount.cents_digits()]));
    format.call1(&JsValue::UNDEFINED, &value).ok()?.as_string()
}

/// `Intl.NumberFormat(locale, {maximumFractionDigits: 2}).format(value)`.
pub(super) fn decimal(value: f64, locale: Locale) -> String {
    let options = Object::new();
    let _ = Reflect::set(&options, &JsValue::from_str("maximumFractionDigits"), &JsValue::from_f64(2.0));
    let locales = Array::of1(&JsValue::from_str(locale.bcp47()));
    let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
    format
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// A new `Intl.NumberFormat(locale, {style: "currency", currency, …}).format`, through
/// `Reflect.construct` so that a throwing constructor is an `Err` rather than an exception
/// unwinding through Rust.
fn build(locale: Locale, whole: bool) -> Option<Function> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor: Function = Reflect::get(&intl, &JsValue::from_str("NumberFormat")).ok()?.dyn_into().ok()?;
    let options = Object::new();
    let digits = JsValue::from_f64(if whole { 0.0 } else { 2.0 });
    for (name, value) in [
        ("style", JsValue::from_str("currency")),
        ("currency", JsValue::from_str(CURRENCY)),
        // Both bounds, because older engines reject a maximum below the currency's
        // default minimum when the minimum is left out.
        ("minimumFractionDigits", digits.clone()),
        ("maximumFractionDigits", digits),
    ] {
        Reflect::set(&options, &JsValue::from_str(name), &value).ok()?;
    }
    let locales = Array::of1(&JsValue::from_str(locale.bcp47()));
    let formatter = Reflect::construct(&constructor, &Array::of2(&locales, &options)).ok()?;
    // `format` is a getter that returns a function already bound to its formatter.
    Reflect::get(&formatter, &JsValue::from_str("format")).ok()?.dyn_into().ok()
}
