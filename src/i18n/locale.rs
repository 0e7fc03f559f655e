//! The languages the widget speaks, how a widget picks one from what the site and the browser
//! ask for, and the text table of each.

use super::strings::Strings;
use super::{en, es, fr};

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    En,
    Es,
    Fr,
}

impl Locale {
    /// Every supported language, in the order a language picker would list them.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Es, Locale::Fr];

    /// The language the widget should use: the one the site asked for (a `lang` attribute, say)
    /// if we speak it, else the browser's, else English. Both are BCP 47 tags matched on their
    /// primary subtag, case-insensitively, so `es-MX` and `fr_CA` count.
    pub fn negotiate(requested: Option<&str>, browser: Option<&str>) -> Locale {
        requested.and_then(Locale::from_tag).or_else(|| browser.and_then(Locale::from_tag)).unwrap_or_default()
    }

    /// The language of a BCP 47 tag (`en`, `es-419`, `fr_CA`, `FR`), by its primary subtag only:
    /// regional variants share one translation. `None` for a language the widget does not speak.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        // `_` shows up in tags copied from POSIX locales (`fr_CA.UTF-8`).
        let primary = tag.trim().split(['-', '_', '.']).next()?;
        Locale::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The two-letter language code: `"en"`, `"es"`, `"fr"`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::Fr => "fr",
        }
    }

    /// All of this language's text.
    pub fn strings(self) -> &'static Strings {
        match self {
            Locale::En => &en::STRINGS,
            Locale::Es => &es::STRINGS,
            Locale::Fr => &fr::STRINGS,
        }
    }
}

/// The browser's preferred language (`navigator.language`), if there is one.
///
/// Read through `Reflect` rather than `web_sys::Navigator`, so the crate needs no extra web-sys
/// feature; it also works in a worker, and answers `None` rather than failing where there is no
/// `navigator` at all.
#[cfg(target_arch = "wasm32")]
pub fn browser_language() -> Option<String> {
    use wasm_bindgen::JsValue;

    let navigator = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator")).ok()?;
    if navigator.is_undefined() || navigator.is_null() {
        return None;
    }
    let language = js_sys::Reflect::get(&navigator, &JsValue::from_str("language")).ok()?.as_string()?;
    let language = language.trim();
    (!language.is_empty()).then(|| language.to_owned())
}

/// Outside a browser there is no preferred language.
#[cfg(not(target_arch = "wasm32"))]
pub fn browser_language() -> Option<String> {
    None
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn negotiates_by_primary_subtag() {
        let cases: [(Option<&str>, Option<&str>, Locale); 16] = [
            (None, None, Locale::En),
            (Some("es"), None, Locale::Es),
            (Some("es-MX"), Some("fr-FR"), Locale::Es),
            (Some("ES-419"), None, Locale::Es),
            (Some("fr_CA"), None, Locale::Fr),
            (Some(" fr "), None, Locale::Fr),
            (Some("fr_CA.UTF-8"), None, Locale::Fr),
            (Some("de"), Some("fr-BE"), Locale::Fr),
            (Some("de"), Some("pt-BR"), Locale::En),
            (Some("de"), None, Locale::En),
            (None, Some("es-AR"), Locale::Es),
            (Some(""), Some("fr"), Locale::Fr),
            (Some("english"), Some("es"), Locale::Es),
            (Some("e"), None, Locale::En),
            (Some("en-GB"), Some("fr"), Locale::En),
            (Some("-es"), None, Locale::En),
        ];
        for (requested, browser, expected) in cases {
            assert_eq!(Locale::negotiate(requested, browser), expected, "{requested:?} / {browser:?}");
        }
        assert_eq!(Locale::default(), Locale::En);
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.code()), Some(locale));
        }
    }
}
