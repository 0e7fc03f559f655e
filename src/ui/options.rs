//! The one definition of every option an integrator sets: its Rust prop name and type, its
//! `<sir-donate>` attribute, its `SirDonate.mount` key, the values it takes, its default, the
//! reader of its attribute text, and its doc line.
//!
//! [`with_options!`] hands the table to a macro of the caller's, which generates from it:
//! - `WidgetProps`'s fields (`ui::setup`), what every surface passes to the widget;
//! - the `DonateButton` component's props (`ui::button`);
//! - the attribute reader, and the attributes the embedded widget watches for changes (`embed`);
//!
//! and tests below check against it what is not Rust: the README's options table and the
//! TypeScript declaration of the options (`js/sir-donate.d.ts`). Adding an option is one edit: an entry here (and, if it is
//! a new kind of value, its reader below); the tests then say which generated text to refresh.
//!
//! Props with no text form (`on_event`, `navigator`, `timeout`, `handle`, `autofocus`) are the Rust
//! component's alone and are written there.

/// Calls `$then! { … }` with the option table. Each entry:
///
/// ```text
/// /// doc line(s)
/// rust_name: { RustType } [required | optional],
///     attribute "kebab-name", js "camelName", values "TypeScript type", default "text",
///     read reader_fn;
/// ```
///
/// A `required` option is a `RustType` in `WidgetProps` and a `Signal<RustType>` prop; an
/// `optional` one an `Option<RustType>` and a `MaybeProp<RustType>`. The reader turns the
/// attribute's text (never blank) into the `WidgetProps` field's type, or says what it expected.
/// The type is passed on as plain tokens (braced, so the table's grammar stays unambiguous), not
/// as a `ty` fragment, so that the generated props read as written for Leptos's `#[component]`.
macro_rules! with_options {
    ($then:ident) => {
        $then! {
            /// Your publishable key: `pk_test_…` (sandbox) or `pk_live_…` (production). Secret keys are refused before any request, with a message for the site developer in place of the widget.
            publishable_key: { String } [required],
                attribute "publishable-key", js "publishableKey", values "string", default "(required)",
                read $crate::ui::options::read::key;
            /// The nonprofit's slug, like `american-red-cross`.
            nonprofit: { String } [required],
                attribute "nonprofit", js "nonprofit", values "string", default "(required)",
                read $crate::ui::options::read::text;
            /// `button`: a donate button that opens the form in a dialog; `inline`: the form itself, in place in the page.
            mode: { $crate::donation::Mode } [optional],
                attribute "mode", js "mode", values "'button' | 'inline'", default "button",
                read $crate::ui::options::read::mode;
            /// Preset amounts offered as chips (attribute: dollars, like `25,50,100`; Rust: `Cents`).
            amounts: { Vec<$crate::money::Cents> } [optional],
                attribute "amounts", js "amounts", values "string", default "25, 50, 100, 250",
                read $crate::ui::options::read::amounts;
            /// The preset selected at first.
            default_amount: { $crate::money::Cents } [optional],
                attribute "default-amount", js "defaultAmount", values "string", default "50, or the middle preset",
                read $crate::ui::options::read::amount;
            /// The frequencies offered; unless `default-frequency` says otherwise, the first is selected.
            frequencies: { Vec<$crate::api::Frequency> } [optional],
                attribute "frequency", js "frequency", values "string", default "once, monthly",
                read $crate::ui::options::read::frequencies;
            /// The frequency selected at first.
            default_frequency: { $crate::api::Frequency } [optional],
                attribute "default-frequency", js "defaultFrequency", values "'once' | 'monthly'", default "the first offered",
                read $crate::ui::options::read::frequency;
            /// The payment provider; with Stripe the tip is also sent as `tipAmount`.
            provider: { $crate::api::Provider } [optional],
                attribute "provider", js "provider", values "'every.org' | 'stripe'", default "every.org",
                read $crate::ui::options::read::provider;
            /// How checkout opens. A new tab or popup opens inside the click (popup blockers allow it) and the widget follows the status meanwhile; a blocked window falls back to redirect.
            checkout: { $crate::donation::CheckoutMode } [optional],
                attribute "checkout", js "checkout", values "'redirect' | 'new-tab' | 'popup'", default "redirect",
                read $crate::ui::options::read::checkout;
            /// The button's text.
            label: { String } [optional],
                attribute "label", js "label", values "string", default "Donate (translated)",
                read $crate::ui::options::read::text_option;
            /// The language of every string.
            locale: { String } [optional],
                attribute "locale", js "locale", values "'en' | 'es' | 'fr'", default "the browser's language, else English",
                read $crate::ui::options::read::text_option;
            /// The colour scheme; `auto` follows the donor's `prefers-color-scheme`.
            theme: { $crate::donation::Theme } [optional],
                attribute "theme", js "theme", values "'light' | 'dark' | 'auto'", default "auto",
                read $crate::ui::options::read::theme;
            /// An attribution code sent with each donation.
            referral_code: { String } [optional],
                attribute "referral-code", js "referralCode", values "string", default "none",
                read $crate::ui::options::read::text_option;
            /// Where API calls go instead of the key's own host: the local sandbox or your proxy (`https:`, or `http:` on loopback).
            api_base: { String } [optional],
                attribute "api-base", js "apiBase", values "string", default "the key's own host",
                read $crate::ui::options::read::text_option;
            /// Extra checkout hosts to allow besides every.org, Stripe checkout and sirgiving.org.
            allowed_hosts: { Vec<String> } [optional],
                attribute "allowed-hosts", js "allowedHosts", values "string", default "none",
                read $crate::ui::options::read::hosts;
        }
    };
}
pub(crate) use with_options;

/// The `WidgetProps` field type of an option: `RustType` when `required`, else `Option<RustType>`.
macro_rules! field_type {
    (required $($ty:tt)+) => { $($ty)+ };
    (optional $($ty:tt)+) => { Option<$($ty)+> };
}
pub(crate) use field_type;

/// Readers of attribute text: each gets the attribute's value (never blank) and returns the
/// option's value, or what it expected, for the console warning.
// Natively only the unit tests call them.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) mod read {
    use crate::api::{Frequency, Provider};
    use crate::donation::{CheckoutMode, Mode, Theme};
    use crate::i18n::Locale;
    use crate::money::{Cents, parse_amount};

    /// What a reader says it expected, for the warning about a value it refused.
    pub type Expected = &'static str;

    /// The key as given: `PublishableKey::parse` explains a padded or malformed key better than
    /// a silent repair would.
    pub fn key(value: &str) -> Result<String, Expected> {
        Ok(value.to_owned())
    }

    pub fn text(value: &str) -> Result<String, Expected> {
        Ok(value.trim().to_owned())
    }

    pub fn text_option(value: &str) -> Result<Option<String>, Expected> {
        Ok(Some(value.trim().to_owned()))
    }

    pub fn mode(value: &str) -> Result<Option<Mode>, Expected> {
        Mode::parse(value).map(Some).ok_or("\"button\" or \"inline\"")
    }

    pub fn amounts(value: &str) -> Result<Option<Vec<Cents>>, Expected> {
        let list: Option<Vec<Cents>> = split_list(value).map(|a| parse_amount(a, Locale::En).ok()).collect();
        list.filter(|l| !l.is_empty()).map(Some).ok_or("dollar amounts between 1 and 100000, like \"25,50,100\"")
    }

    pub fn amount(value: &str) -> Result<Option<Cents>, Expected> {
        parse_amount(value.trim(), Locale::En).map(Some).map_err(|_| "a dollar amount, like \"50\"")
    }

    pub fn frequencies(value: &str) -> Result<Option<Vec<Frequency>>, Expected> {
        let list: Option<Vec<Frequency>> = split_list(value).map(Frequency::parse).collect();
        list.filter(|l| !l.is_empty()).map(Some).ok_or("\"once\", \"monthly\" or both, like \"monthly,once\"")
    }

    pub fn frequency(value: &str) -> Result<Option<Frequency>, Expected> {
        Frequency::parse(value.trim()).map(Some).ok_or("\"once\" or \"monthly\"")
    }

    pub fn provider(value: &str) -> Result<Option<Provider>, Expected> {
        Provider::parse(value.trim()).map(Some).ok_or("\"every.org\" or \"stripe\"")
    }

    pub fn checkout(value: &str) -> Result<Option<CheckoutMode>, Expected> {
        CheckoutMode::parse(value).map(Some).ok_or("\"redirect\", \"new-tab\" or \"popup\"")
    }

    pub fn theme(value: &str) -> Result<Option<Theme>, Expected> {
        Theme::parse(value).map(Some).ok_or("\"light\", \"dark\" or \"auto\"")
    }

    pub fn hosts(value: &str) -> Result<Option<Vec<String>>, Expected> {
        Ok(Some(split_list(value).map(str::to_owned).collect()))
    }

    /// Items separated by commas and/or whitespace.
    fn split_list(value: &str) -> impl Iterator<Item = &str> {
        value.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty())
    }
}

/// The table as data, for the checks of the texts generated from it.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod table {
    /// One option, as the README and the TypeScript declaration describe it.
    pub struct OptionDoc {
        pub rust: &'static str,
        pub required: bool,
        pub attribute: &'static str,
        pub js: &'static str,
        pub values: &'static str,
        pub default: &'static str,
        pub doc: &'static str,
    }

    macro_rules! is_required {
        (required) => {
            true
        };
        (optional) => {
            false
        };
    }

    macro_rules! docs {
        ($( $(#[doc = $doc:literal])* $name:ident : { $($ty:tt)+ } [$kind:ident],
            attribute $attr:literal, js $js:literal, values $values:literal, default $default:literal,
            read $read:path; )*) => {
            pub const OPTIONS: &[OptionDoc] = &[$(OptionDoc {
                rust: stringify!($name),
                required: is_required!($kind),
                attribute: $attr,
                js: $js,
                values: $values,
                default: $default,
                doc: concat!($($doc),*),
            }),*];
        };
    }
    with_options!(docs);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::table::OPTIONS;
    use crate::text::cat;

    const README: &str = include_str!("../../README.md");
    const LOADER: &str = include_str!("../../js/sir-donate.js");
    const TYPES: &str = include_str!("../../js/sir-donate.d.ts");
    const README_BEGIN: &str = "<!-- options table: generated from src/ui/options.rs -->\n";
    const README_END: &str = "<!-- end of options table -->";
    const TYPES_BEGIN: &str = "  // options: generated from src/ui/options.rs\n";
    const TYPES_END: &str = "  // end of options";

    /// `SirDonate.mount` turns each key into an attribute by putting a dash before each
    /// capital and lower-casing it; every JS name must come back to its attribute that way.
    #[test]
    fn js_names_are_the_attributes_in_camel_case() {
        for o in OPTIONS {
            let kebab: String =
                o.js.chars()
                    .flat_map(|c| if c.is_ascii_uppercase() { vec!['-', c.to_ascii_lowercase()] } else { vec![c] })
                    .collect();
            assert_eq!(kebab, o.attribute, "{}", o.rust);
            assert!(!o.doc.trim().is_empty(), "{} has no doc line", o.rust);
        }
    }

    #[test]
    fn names_are_unique() {
        for (i, a) in OPTIONS.iter().enumerate() {
            for b in &OPTIONS[i + 1..] {
                assert!(a.rust != b.rust && a.attribute != b.attribute && a.js != b.js, "{} / {}", a.rust, b.rust);
            }
        }
    }

    /// The widget watches its element's attributes with this table (`embed`); the loader keeps
    /// no list of its own to fall out of step.
    #[test]
    fn the_loader_keeps_no_list_of_attributes() {
        assert!(!LOADER.contains("observedAttributes"), "js/sir-donate.js: attributes are watched by the widget");
    }

    fn readme_table() -> String {
        let mut out = String::from(
            "| Attribute | `SirDonate.mount` key | Rust prop | Values | Default | Meaning |\n|---|---|---|---|---|---|\n",
        );
        for o in OPTIONS {
            let values = o.values.replace('|', "/");
            out.push_str(&cat(&[
                "| `",
                o.attribute,
                "` | `",
                o.js,
                "` | `",
                o.rust,
                "` | ",
                &values,
                " | ",
                o.default,
                " | ",
                o.doc.trim(),
                " |\n",
            ]));
        }
        out
    }

    fn types_block() -> String {
        let mut out = String::new();
        for o in OPTIONS {
            let optional = if o.required { "" } else { "?" };
            out.push_str(&cat(&["  /** ", o.doc.trim(), " Default: ", o.default, ". */\n"]));
            out.push_str(&cat(&["  ", o.js, optional, ": ", o.values, ";\n"]));
        }
        out
    }

    /// The text between `begin` and `end` in `file`.
    fn between<'a>(file: &'a str, begin: &str, end: &str) -> Option<&'a str> {
        let start = file.find(begin)? + begin.len();
        Some(&file[start..start + file[start..].find(end)?])
    }

    /// Checks a generated block; with `SIR_WRITE_GENERATED=1` rewrites it instead.
    fn check_generated(path: &str, file: &str, begin: &str, end: &str, expected: &str) {
        let found =
            between(file, begin, end).unwrap_or_else(|| panic!("{path}: no block between {begin:?} and {end:?}"));
        if found == expected {
            return;
        }
        if std::env::var_os("SIR_WRITE_GENERATED").is_some() {
            let start = file.find(begin).expect("found above") + begin.len();
            let rewritten = cat(&[&file[..start], expected, &file[start + found.len()..]]);
            std::fs::write(cat(&[env!("CARGO_MANIFEST_DIR"), "/", path]), rewritten).expect("write");
            return;
        }
        panic!(
            "{path} is out of step with src/ui/options.rs; run `SIR_WRITE_GENERATED=1 cargo test -p sir-donate options` \
             to refresh it. Expected:\n{expected}"
        );
    }

    #[test]
    fn the_readme_lists_every_option() {
        check_generated("README.md", README, README_BEGIN, README_END, &readme_table());
    }

    #[test]
    fn the_typescript_declaration_lists_every_option() {
        check_generated("js/sir-donate.d.ts", TYPES, TYPES_BEGIN, TYPES_END, &types_block());
    }

    const PACKAGE_TYPES: &str = include_str!("../../js/package/index.d.ts");
    const PACKAGE_README: &str = include_str!("../../js/package/README.md");

    /// The npm package's types carry the loader's block of options, word for word.
    #[test]
    fn the_package_declaration_lists_every_option() {
        check_generated("js/package/index.d.ts", PACKAGE_TYPES, TYPES_BEGIN, TYPES_END, &types_block());
    }

    /// The npm package's README lists the options by their `mount` key, without the Rust props.
    #[test]
    fn the_package_readme_lists_every_option() {
        let mut table = String::from("| Key | Attribute | Values | Default | Meaning |\n|---|---|---|---|---|\n");
        for o in OPTIONS {
            let row = [o.js, "` | `", o.attribute, "` | ", &o.values.replace('|', "/"), " | ", o.default, " | "];
            table.push_str(&cat(&["| `", &cat(&row), o.doc.trim(), " |\n"]));
        }
        check_generated("js/package/README.md", PACKAGE_README, README_BEGIN, README_END, &table);
    }

    #[test]
    fn every_reader_refuses_what_it_cannot_read() {
        use super::read;
        let refused: [(&str, bool); 8] = [
            ("mode", read::mode("popover").is_err()),
            ("amounts", read::amounts("25,lots").is_err()),
            ("default-amount", read::amount("-3").is_err()),
            ("frequency", read::frequencies("weekly").is_err()),
            ("default-frequency", read::frequency("yearly").is_err()),
            ("provider", read::provider("paypal").is_err()),
            ("checkout", read::checkout("iframe").is_err()),
            ("theme", read::theme("neon").is_err()),
        ];
        for (name, was_refused) in refused {
            assert!(was_refused, "{name}");
        }
    }
}
