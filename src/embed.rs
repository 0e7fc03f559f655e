//! The script-tag embedding: what the JS loader calls once the wasm module is loaded.
//!
//! `<sir-donate>` attributes arrive as strings; `from_attributes`, generated from the option
//! table (`ui::options`), turns them into the widget's options, ignoring (with a console
//! warning) what it cannot read rather than failing, because a typo in a host page must never
//! take the button down.

use crate::text::{cat, quoted};
use crate::ui::WidgetProps;
use crate::ui::options::read::Expected;

macro_rules! attribute_reader {
    ($( $(#[doc = $doc:literal])* $name:ident : { $($ty:tt)+ } [$kind:ident],
        attribute $attr:literal, js $js:literal, values $values:literal, default $default:literal,
        read $read:path; )*) => {
        /// The attributes `<sir-donate>` understands, in kebab-case.
        pub const ATTRIBUTES: &[&str] = &[$($attr),*];

        /// Each option's key in an options object (the `SirDonate.mount` key: the attribute in
        /// camelCase), in the order of `ATTRIBUTES`.
        #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
        const KEYS: &[&str] = &[$($js),*];

        /// Each attribute with the reader that stores its value in the props: one small function
        /// per option, and one loop below for all of them.
        #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
        const READERS: &[(&str, fn(&mut WidgetProps, &str) -> Result<(), Expected>)] = &[$(
            ($attr, |props, value| {
                props.$name = $read(value)?;
                Ok(())
            }),
        )*];
    };
}
crate::ui::options::with_options!(attribute_reader);

/// Reads the attributes through `get` (name → value) into the widget's options. Returns them and
/// one warning per value that was ignored. A blank attribute is an absent one.
// Natively only the unit tests below call it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn from_attributes(get: impl Fn(&str) -> Option<String>) -> (WidgetProps, Vec<String>) {
    let mut props = WidgetProps::default();
    let mut warnings = Vec::new();
    for (attribute, read) in READERS {
        if let Some(value) = get(attribute).filter(|v| !v.trim().is_empty())
            && let Err(expected) = read(&mut props, &value)
        {
            warnings.push(cat(&["ignored ", attribute, "=", &quoted(&value), ": expected ", expected]));
        }
    }
    (props, warnings)
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{Element, HtmlElement, MutationObserver, MutationObserverInit};

    use crate::text::{cat, quoted};
    use crate::ui::{WidgetHandle, WidgetProps};

    /// What a mounted widget holds: where it renders, where its options come from, and the
    /// widget itself with the host element made for it.
    struct Embedded {
        container: HtmlElement,
        source: JsValue,
        widget: RefCell<Option<(Element, Option<WidgetHandle>)>>,
    }

    /// A mounted widget. Mounted from a `<sir-donate>` element, it watches the element's
    /// attributes (those of the option table, so no list of them is kept in JavaScript) and
    /// mounts again when one changes.
    #[wasm_bindgen]
    pub struct Mounted {
        embedded: Rc<Embedded>,
        watcher: Option<(MutationObserver, Closure<dyn Fn()>)>,
    }

    #[wasm_bindgen]
    impl Mounted {
        /// Opens the dialog (inline: moves focus into the form), now or as soon as the widget is
        /// ready.
        pub fn open(&self) {
            if let Some((_, Some(handle))) = &*self.embedded.widget.borrow() {
                handle.open();
            }
        }

        /// Removes the widget with everything it holds (listeners, timers, state).
        pub fn unmount(&mut self) {
            if let Some((observer, _)) = self.watcher.take() {
                observer.disconnect();
            }
            self.embedded.remove();
        }
    }

    impl Embedded {
        /// Reads the options and mounts the widget in a new host element.
        fn render(&self, autofocus: bool) {
            self.remove();
            let element = self.source.dyn_ref::<Element>();
            let get = |name: &str| match element {
                Some(el) => el.get_attribute(name),
                None => option_value(&self.source, name),
            };
            let (props, warnings) = super::from_attributes(get);
            for warning in warnings {
                warn(&cat(&["sir-donate: ", &warning]));
            }
            let props = WidgetProps { autofocus, ..props };
            // The same host element the `DonateButton` component renders, so pages and tests find
            // the widget the same way in both.
            let Some(host) = self.container.owner_document().and_then(|d| d.create_element("div").ok()) else {
                return;
            };
            host.set_class_name("sir-donate");
            if self.container.append_child(&host).is_err() {
                return;
            }
            let handle = crate::ui::mount(host.clone().unchecked_into(), props.into_setup());
            self.widget.replace(Some((host, handle)));
        }

        fn remove(&self) {
            // The handle goes first: unmounting it removes its listeners and its dialog.
            if let Some((host, handle)) = self.widget.take() {
                drop(handle);
                host.remove();
            }
        }
    }

    /// The option with attribute `attribute` in an options object, under its camelCase key, as
    /// text: a string as it is, another value as JavaScript writes it (`[25, 50]` is `"25,50"`);
    /// `undefined` and `null` are no value.
    fn option_value(options: &JsValue, attribute: &str) -> Option<String> {
        let key = super::KEYS[super::ATTRIBUTES.iter().position(|a| *a == attribute)?];
        let value = js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?;
        if value.loose_eq(&JsValue::NULL) {
            return None;
        }
        Some(value.as_string().unwrap_or_else(|| value.unchecked_ref::<js_sys::Object>().to_string().into()))
    }

    /// Warns about each key of an options object that names no option: a typo, or an attribute's
    /// kebab-case name in place of its camelCase key (then the warning says the key). The widget
    /// mounts all the same.
    fn warn_unknown_keys(options: &JsValue) {
        if !options.is_object() {
            return;
        }
        for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string())
        {
            if super::KEYS.contains(&key.as_str()) {
                continue;
            }
            let camel = super::ATTRIBUTES.iter().position(|a| *a == key).map_or("", |i| super::KEYS[i]);
            let hint = if camel.is_empty() { "" } else { "; options are in camelCase: " };
            warn(&cat(&["sir-donate: ignored the unknown option ", &quoted(&key), hint, camel]));
        }
    }

    fn warn(message: &str) {
        web_sys::console::warn_1(&message.into());
    }

    /// Mounts a widget into `container`, reading its options from `source`: a `<sir-donate>`
    /// element (its attributes, watched for changes), or an options object with the camelCase
    /// keys of `SirDonate.mount` (`publishableKey`, `nonprofit`, …; a key that names no option
    /// is ignored with a console warning). `early` holds the API requests the script-tag loader
    /// started while the widget downloaded (see `api::early`); other callers leave it out.
    #[wasm_bindgen]
    pub fn mount(container: HtmlElement, source: JsValue, early: Option<js_sys::Map>) -> Mounted {
        if let Some(requests) = early {
            crate::api::early::adopt(requests);
        }
        let element = source.dyn_ref::<Element>().cloned();
        if element.is_none() {
            warn_unknown_keys(&source);
        }
        // Keyboard users who reached the placeholder keep focus on the real button.
        let had_focus = element.as_ref().and_then(|el| el.shadow_root()).and_then(|r| r.active_element()).is_some();
        let embedded = Rc::new(Embedded { container, source, widget: RefCell::new(None) });
        embedded.render(had_focus);
        let watcher = element.and_then(|element| {
            let again = embedded.clone();
            // One batch of changes (a framework setting several attributes) mounts once.
            let on_change = Closure::<dyn Fn()>::new(move || again.render(false));
            let observer = MutationObserver::new(on_change.as_ref().unchecked_ref()).ok()?;
            let init = MutationObserverInit::new();
            let names: js_sys::Array = super::ATTRIBUTES.iter().map(|name| JsValue::from_str(name)).collect();
            init.set_attribute_filter(&names);
            observer.observe_with_options(&element, &init).ok()?;
            Some((observer, on_change))
        });
        Mounted { embedded, watcher }
    }

    /// The crate version, for `SirDonate.version`.
    #[wasm_bindgen]
    pub fn version() -> String {
        env!("CARGO_PKG_VERSION").to_owned()
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{Mounted, mount, version};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::{Frequency, Provider};
    use crate::donation::{CheckoutMode, Mode, Theme};
    use crate::money::Cents;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> (WidgetProps, Vec<String>) {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        from_attributes(|name| map.get(name).cloned())
    }

    #[test]
    fn reads_every_attribute() {
        let (o, warnings) = read(&[
            ("publishable-key", "pk_test_x"),
            ("nonprofit", " american-red-cross "),
            ("amounts", "10, 25 50"),
            ("default-amount", "25"),
            ("mode", "Inline"),
            ("frequency", "monthly,once"),
            ("default-frequency", "once"),
            ("provider", "stripe"),
            ("checkout", "new-tab"),
            ("label", "Give"),
            ("locale", "fr"),
            ("theme", "dark"),
            ("referral-code", "REFER123"),
            ("api-base", "http://127.0.0.1:8787"),
            ("allowed-hosts", "a.example.org, b.example.org"),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(o.nonprofit, "american-red-cross");
        assert_eq!(o.amounts, Some(vec![Cents(1000), Cents(2500), Cents(5000)]));
        assert_eq!(o.default_amount, Some(Cents(2500)));
        assert_eq!(o.frequencies, Some(vec![Frequency::Monthly, Frequency::Once]));
        assert_eq!(o.default_frequency, Some(Frequency::Once));
        assert_eq!(o.mode, Some(Mode::Inline));
        assert_eq!(o.provider, Some(Provider::Stripe));
        assert_eq!(o.checkout, Some(CheckoutMode::NewTab));
        assert_eq!(o.theme, Some(Theme::Dark));
        assert_eq!(o.allowed_hosts, Some(vec!["a.example.org".to_owned(), "b.example.org".to_owned()]));
        assert_eq!(o.api_base.as_deref(), Some("http://127.0.0.1:8787"));
    }

    #[test]
    fn bad_values_are_ignored_with_a_warning() {
        let (o, warnings) = read(&[
            ("publishable-key", "pk_test_x"),
            ("amounts", "25,lots"),
            ("default-amount", "-3"),
            ("frequency", "weekly"),
            ("default-frequency", "yearly"),
            ("mode", "popover"),
            ("provider", "paypal"),
            ("checkout", "iframe"),
            ("theme", "neon"),
            ("label", "   "),
        ]);
        assert_eq!(warnings.len(), 8, "{warnings:?}");
        assert_eq!(
            warnings[1],
            "ignored amounts=\"25,lots\": expected dollar amounts between 1 and 100000, like \"25,50,100\""
        );
        assert_eq!(o.amounts, None);
        assert_eq!(o.default_amount, None);
        assert_eq!((o.frequencies, o.default_frequency, o.mode), (None, None, None));
        assert_eq!((o.provider, o.checkout, o.theme), (None, None, None));
        assert_eq!(o.label, None, "a blank label keeps the default");
        assert!(warnings.iter().all(|w| !w.contains("pk_test")), "warnings never echo the key");
    }

    #[test]
    fn missing_attributes_mean_defaults() {
        let (o, warnings) = read(&[]);
        assert!(warnings.is_empty());
        assert_eq!((o.publishable_key.as_str(), o.nonprofit.as_str()), ("", ""));
        assert_eq!((o.amounts, o.default_amount, o.frequencies, o.default_frequency), (None, None, None, None));
        assert_eq!((o.provider, o.checkout, o.theme), (None, None, None));
        assert_eq!((o.label, o.locale, o.referral_code, o.api_base), (None, None, None, None));
        assert!(o.allowed_hosts.is_none());
        assert_eq!(o.mode, None);
        assert_eq!(ATTRIBUTES.len(), 15);
    }
}
