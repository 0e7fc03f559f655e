//! JSON text in and out of the API's serde models, with one set of decoding rules on both
//! targets.
//!
//! The models' derives (see [`super::models`]) say how each member is read. In the browser the
//! text is parsed by the browser's own `JSON.parse` and serde-wasm-bindgen reads the value into
//! the model, so the wasm ships no JSON parser; natively serde_json reads the text. The derives
//! are the same on both sides, and the two rules a derive cannot state alone and the two
//! readers would see differently are written once here, for both: [`whole`] numbers (the
//! browser has only doubles, so `2500.0` is `2500` there and must be here too) and
//! [`one_or_many`] strings. Errors name the member that was wrong (`tipConfig.enabled: invalid
//! type: string "yes", expected a boolean`), through serde_path_to_error.

use serde::de::{DeserializeOwned, SeqAccess, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// Above this a JSON number may not be the integer that was sent (`Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Every document the widget reads is one JSON object. serde's derived structs would also take
/// an array and fill the fields by position, which is the silent mis-assignment typed models
/// are here to prevent, so anything but an object is refused before serde sees it.
const NOT_AN_OBJECT: &str = "expected a JSON object";

/// A decoding error with the path of the member it is about, when it is about one.
fn located<E>(error: serde_path_to_error::Error<E>, message: impl FnOnce(E) -> String) -> String {
    let path = error.path().to_string();
    let message = message(error.into_inner());
    if path == "." { message } else { format!("{path}: {message}") }
}

/// `text` as parsed by the browser's `JSON.parse`, if it is one JSON object. Not generic, and
/// kept out of line, so the wasm holds it once rather than once per model.
#[cfg(target_arch = "wasm32")]
#[inline(never)]
fn parse_object(text: &str) -> Result<wasm_bindgen::JsValue, String> {
    // The parser's own message may quote the text (which may hold what a donor typed), so it
    // is not repeated.
    let value = js_sys::JSON::parse(text).map_err(|_| "the body is not JSON".to_owned())?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(NOT_AN_OBJECT.to_owned());
    }
    Ok(value)
}

/// A serde-wasm-bindgen error with the member it is about. Its errors are JavaScript `Error`s
/// whose message is serde's words (their `Display` would add "Error: " in front).
#[cfg(target_arch = "wasm32")]
#[inline(never)]
fn located_in_browser(error: serde_path_to_error::Error<serde_wasm_bindgen::Error>) -> String {
    located(error, |e| {
        let error = wasm_bindgen::JsValue::from(e);
        wasm_bindgen::JsCast::dyn_ref::<js_sys::Error>(&error).map_or_else(String::new, |e| e.message().into())
    })
}

/// Parses `text` and reads it as `T`. The browser's `JSON.parse` and serde-wasm-bindgen.
#[cfg(target_arch = "wasm32")]
pub(crate) fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = parse_object(text)?;
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(located_in_browser)
}

/// Like [`decode`], for documents whose errors nobody reads (an error body, a stored record:
/// there an unreadable one is as good as none). The same rules, without the path tracking that
/// names the member, which costs the wasm about a kilobyte per model.
#[cfg(target_arch = "wasm32")]
pub(crate) fn decode_quietly<T: DeserializeOwned>(text: &str) -> Option<T> {
    T::deserialize(serde_wasm_bindgen::Deserializer::from(parse_object(text).ok()?)).ok()
}

/// Parses `text` and reads it as `T`. serde_json, with the same derives as in the browser.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    if !text.trim_start().starts_with('{') {
        return Err(NOT_AN_OBJECT.to_owned());
    }
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut reader).map_err(|e| located(e, |e| e.to_string()))?;
    reader.end().map_err(|e| e.to_string())?;
    Ok(value)
}

/// Like [`decode`], for documents whose errors nobody reads.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn decode_quietly<T: DeserializeOwned>(text: &str) -> Option<T> {
    decode(text).ok()
}

/// The JSON text of `value`: serde-wasm-bindgen makes the JavaScript value and the browser's
/// `JSON.stringify` writes it (integers stay integers).
#[cfg(target_arch = "wasm32")]
pub(crate) fn encode<T: Serialize>(value: &T) -> Result<String, String> {
    let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&value).map(String::from).map_err(|_| "the value cannot be written as JSON".to_owned())
}

/// The JSON text of `value` (serde_json).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn encode<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

/// `deserialize_with` helpers for whole numbers from 0 to [`MAX_SAFE_INTEGER`], read as the
/// browser reads every JSON number: a double, so that `2500.0` counts as `2500` on both targets
/// and `25.5`, `-1` or anything past 2⁵³ is an error.
pub(crate) mod whole {
    use super::*;

    fn check<E: serde::de::Error>(n: f64) -> Result<u64, E> {
        if n.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER as f64).contains(&n) {
            Ok(n as u64)
        } else {
            Err(E::invalid_value(Unexpected::Float(n), &"a whole number from 0 to 9007199254740991"))
        }
    }

    /// A whole number that must be there.
    pub(crate) fn required<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        check(f64::deserialize(d)?)
    }

    /// A whole number that may be missing or `null`.
    pub(crate) fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        Option::<f64>::deserialize(d)?.map(check).transpose()
    }
}

/// `deserialize_with` for a member that is one string or an array of strings (the error body's
/// `message`), read as an array either way; `null` is an empty one. A visitor of its own rather
/// than an untagged enum, whose buffering of the value costs the wasm a few kilobytes.
pub(crate) fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct OneOrMany;

    impl<'de> Visitor<'de> for OneOrMany {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string or an array of strings")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
            Ok(vec![text.to_owned()])
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Self::Value, A::Error> {
            let mut texts = Vec::new();
            while let Some(text) = items.next_element()? {
                texts.push(text);
            }
            Ok(texts)
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }

    d.deserialize_any(OneOrMany)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, Deserialize, Serialize)]
    #[serde(rename_all = "camelCase", default)]
    struct Sample {
        label: String,
        #[serde(deserialize_with = "whole::optional", skip_serializing_if = "Option::is_none")]
        count: Option<u64>,
        #[serde(deserialize_with = "one_or_many")]
        notes: Vec<String>,
        inner: Option<Inner>,
    }

    #[derive(Debug, Default, PartialEq, Deserialize, Serialize)]
    struct Inner {
        #[serde(deserialize_with = "whole::required")]
        n: u64,
    }

    #[test]
    fn missing_is_default_null_is_none_only_for_options() {
        assert_eq!(decode::<Sample>("{}"), Ok(Sample::default()));
        let s: Sample = decode(r#"{"count":null,"notes":null,"inner":null,"unknown":[1]}"#).unwrap();
        assert_eq!(s, Sample::default());
        let e = decode::<Sample>(r#"{"label":null}"#).unwrap_err();
        assert!(e.starts_with("label: invalid type: null, expected a string"), "{e}");
        let e = decode::<Sample>(r#"{"inner":{}}"#).unwrap_err();
        assert!(e.starts_with("inner: missing field `n`"), "{e}");
    }

    #[test]
    fn whole_numbers_are_read_as_the_browser_reads_them() {
        assert_eq!(decode::<Sample>(r#"{"count":2500}"#).unwrap().count, Some(2500));
        assert_eq!(decode::<Sample>(r#"{"count":2500.0}"#).unwrap().count, Some(2500));
        assert_eq!(decode::<Sample>(r#"{"inner":{"n":0}}"#).unwrap().inner, Some(Inner { n: 0 }));
        for bad in ["25.5", "-1", "1e300", "\"7\"", "true"] {
            let e = decode::<Sample>(&format!(r#"{{"count":{bad}}}"#)).unwrap_err();
            assert!(e.starts_with("count: "), "{bad}: {e}");
        }
        let e = decode::<Sample>(r#"{"inner":{"n":1.5}}"#).unwrap_err();
        assert!(e.starts_with("inner.n: invalid value: floating point `1.5`"), "{e}");
    }

    #[test]
    fn one_or_many_strings() {
        assert_eq!(decode::<Sample>(r#"{"notes":"a"}"#).unwrap().notes, vec!["a"]);
        assert_eq!(decode::<Sample>(r#"{"notes":["a","b"]}"#).unwrap().notes, vec!["a", "b"]);
        assert!(decode::<Sample>(r#"{"notes":3}"#).is_err());
        assert!(decode::<Sample>(r#"{"notes":["a",3]}"#).is_err());
    }

    #[test]
    fn text_that_is_not_one_json_value_is_refused() {
        for bad in ["", "not json", r#"{"label":"a"} trailing"#, "[]", "null"] {
            assert!(decode::<Sample>(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn encoding_leaves_out_absent_options() {
        let text = encode(&Sample { label: "x".into(), count: None, notes: vec![], inner: None }).unwrap();
        assert_eq!(text, r#"{"label":"x","notes":[],"inner":null}"#);
    }
}
