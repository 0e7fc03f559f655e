//! JSON in and out, without serde in the widget.
//!
//! Decoding is one code path for both targets: [`decode`] parses the text into a [`JsonValue`]
//! (in wasm the browser's `JSON.parse`, read through `Reflect`; natively a `serde_json::Value`)
//! and the hand-written [`FromJson`] impls of the models read their fields from it. The wasm
//! therefore holds no JSON parser, no serde visitors and no float parsing. Encoding builds a
//! [`JsonObject`] field by field and lets the browser's `JSON.stringify` write the text (so no
//! float formatting enters the wasm); natively it is a `serde_json::Map`.
//!
//! [`read`] reads an object from a table of [`Member`]s the way `#[serde(default)]` did: a
//! missing member takes its default, `null` is `None` for an optional member and an error
//! otherwise, a member of the wrong shape is an error naming it, and unknown members are ignored.

use crate::text::{cat, digits};

/// A parsed JSON value, read without knowing how it is stored.
pub trait JsonValue: Sized {
    /// The member `key` of an object; `None` when missing or when this is not an object.
    fn get(&self, key: &str) -> Option<Self>;
    fn as_str(&self) -> Option<String>;
    fn as_f64(&self) -> Option<f64>;
    fn as_bool(&self) -> Option<bool>;
    /// The elements of an array; `None` when this is not an array.
    fn items(&self) -> Option<Vec<Self>>;
    fn is_null(&self) -> bool;
    /// An object in the JSON sense: not an array, not `null`.
    fn is_object(&self) -> bool;
}

/// A type read from a parsed JSON value, through [`read`]. Errors say what was expected, and
/// where.
pub trait FromJson: Sized {
    fn from_json_value<V: JsonValue>(v: &V) -> Result<Self, String>;
}

/// A type written as one JSON object.
pub trait ToJson {
    fn to_json_object(&self) -> JsonObject;
}

/// Parses `text` and reads it as `T`.
pub fn decode<T: FromJson>(text: &str) -> Result<T, String> {
    T::from_json_value(&parse(text)?)
}

/// The JSON text of `value`.
pub fn encode<T: ToJson>(value: &T) -> Result<String, String> {
    value.to_json_object().finish()
}

/// What a value is, for error messages.
fn describe<V: JsonValue>(v: &V) -> &'static str {
    if v.is_null() {
        "null"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.as_str().is_some() {
        "a string"
    } else if v.items().is_some() {
        "an array"
    } else {
        "an object"
    }
}

/// "expected {what}, found {what `v` is}".
pub fn expected<V: JsonValue>(what: &str, v: &V) -> String {
    cat(&["expected ", what, ", found ", describe(v)])
}

/// Above this a JSON number may not be the integer that was sent (`Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// What a member must hold.
#[derive(Clone, Copy)]
pub enum Shape {
    Text,
    /// `true` or `false`.
    Flag,
    Number,
    /// A whole number from 0 to the given maximum (at most [`MAX_SAFE_INTEGER`]). `2500.0`
    /// counts: in the browser it is the same number as `2500`.
    Whole(u64),
    /// An array of strings.
    Texts,
    /// One string, or an array of strings; read as an array either way.
    TextOrTexts,
    /// An object with these members.
    Object(&'static [Member]),
}

/// Whether a member may be missing or `null`.
#[derive(Clone, Copy, PartialEq)]
pub enum Presence {
    /// Missing or `null`: absent (serde's `default` on an `Option`).
    Optional,
    /// Missing: absent; `null` is an error (serde's `default` on a plain value).
    Defaulted,
    /// Missing or `null` is an error.
    Required,
}

/// One member a model reads: its names (the published one first, then aliases), what it holds
/// and whether it may be left out. Unknown members are never looked at.
pub struct Member {
    pub names: &'static [&'static str],
    pub shape: Shape,
    pub presence: Presence,
}

impl Member {
    pub const fn optional(names: &'static [&'static str], shape: Shape) -> Member {
        Member { names, shape, presence: Presence::Optional }
    }

    pub const fn defaulted(names: &'static [&'static str], shape: Shape) -> Member {
        Member { names, shape, presence: Presence::Defaulted }
    }

    pub const fn required(names: &'static [&'static str], shape: Shape) -> Member {
        Member { names, shape, presence: Presence::Required }
    }
}

/// A member as read: absent, or a value of its shape.
enum Value {
    Absent,
    Text(String),
    Flag(bool),
    Number(f64),
    Whole(u64),
    Texts(Vec<String>),
    Object(Values),
}

/// The members of an object read by [`read`], taken in the order they were listed. Taking a
/// member as something other than its shape, or an absent one, gives the default.
pub struct Values(std::vec::IntoIter<Value>);

impl Values {
    fn next(&mut self) -> Value {
        self.0.next().unwrap_or(Value::Absent)
    }

    pub fn opt_text(&mut self) -> Option<String> {
        match self.next() {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn text(&mut self) -> String {
        self.opt_text().unwrap_or_default()
    }

    pub fn opt_flag(&mut self) -> Option<bool> {
        match self.next() {
            Value::Flag(flag) => Some(flag),
            _ => None,
        }
    }

    pub fn flag(&mut self) -> bool {
        self.opt_flag().unwrap_or_default()
    }

    pub fn opt_number(&mut self) -> Option<f64> {
        match self.next() {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn number(&mut self) -> f64 {
        self.opt_number().unwrap_or_default()
    }

    pub fn opt_whole(&mut self) -> Option<u64> {
        match self.next() {
            Value::Whole(n) => Some(n),
            _ => None,
        }
    }

    pub fn whole(&mut self) -> u64 {
        self.opt_whole().unwrap_or_default()
    }

    pub fn texts(&mut self) -> Vec<String> {
        match self.next() {
            Value::Texts(texts) => texts,
            _ => Vec::new(),
        }
    }

    pub fn opt_object(&mut self) -> Option<Values> {
        match self.next() {
            Value::Object(values) => Some(values),
            _ => None,
        }
    }
}

/// Reads `members` of the object `v` the way `#[serde(default)]` did: a missing member is
/// absent unless required, `null` is absent for an optional member and an error otherwise, a
/// member of the wrong shape is an error naming it, and aliases take the first name present and
/// not `null`. One table-driven reader for every model keeps the wasm from holding one
/// hand-written reader (and its error paths) per model.
pub fn read<V: JsonValue>(v: &V, members: &[Member]) -> Result<Values, String> {
    if !v.is_object() {
        return Err(expected("an object", v));
    }
    let mut values = Vec::with_capacity(members.len());
    for member in members {
        let value = match lookup(v, member.names) {
            None if member.presence == Presence::Required => {
                // Every table names each member: the tables are constants, and a test checks them.
                return Err(cat(&["missing field `", member.names[0], "`"]));
            }
            Some((_, found)) if found.is_null() && member.presence == Presence::Optional => Value::Absent,
            Some((name, found)) => shaped(&found, member.shape).map_err(|e| cat(&[name, ": ", &e]))?,
            None => Value::Absent,
        };
        values.push(value);
    }
    Ok(Values(values.into_iter()))
}

/// The first of `names` present and not `null`; when every one present is `null`, that `null`.
fn lookup<'k, V: JsonValue>(v: &V, names: &[&'k str]) -> Option<(&'k str, V)> {
    let mut null = None;
    for &name in names {
        match v.get(name) {
            Some(found) if !found.is_null() => return Some((name, found)),
            Some(found) => null = null.or(Some((name, found))),
            None => {}
        }
    }
    null
}

fn shaped<V: JsonValue>(v: &V, shape: Shape) -> Result<Value, String> {
    let value = match shape {
        Shape::Text => v.as_str().map(Value::Text).ok_or("a string"),
        Shape::Flag => v.as_bool().map(Value::Flag).ok_or("true or false"),
        Shape::Number => v.as_f64().map(Value::Number).ok_or("a number"),
        Shape::Whole(max) => return whole(v, max).map(Value::Whole),
        Shape::Texts => return texts(v).map(Value::Texts),
        Shape::TextOrTexts => match v.as_str() {
            Some(one) => Ok(Value::Texts(vec![one])),
            None if v.items().is_some() => return texts(v).map(Value::Texts),
            None => Err("a string or an array of strings"),
        },
        Shape::Object(members) => return read(v, members).map(Value::Object),
    };
    value.map_err(|what| expected(what, v))
}

fn whole<V: JsonValue>(v: &V, max: u64) -> Result<u64, String> {
    let max = max.min(MAX_SAFE_INTEGER);
    match v.as_f64() {
        Some(x) if x.fract() == 0.0 && (0.0..=max as f64).contains(&x) => Ok(x as u64),
        _ => Err(cat(&["expected a whole number from 0 to ", &digits(max), ", found ", describe(v)])),
    }
}

fn texts<V: JsonValue>(v: &V) -> Result<Vec<String>, String> {
    let items = v.items().ok_or_else(|| expected("an array", v))?;
    let mut texts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let text = item.as_str().ok_or_else(|| cat(&["[", &digits(i as u64), "]: ", &expected("a string", item)]))?;
        texts.push(text);
    }
    Ok(texts)
}

#[cfg(target_arch = "wasm32")]
pub use browser::{Json, JsonObject};
#[cfg(not(target_arch = "wasm32"))]
pub use native::{Json, JsonObject};

#[cfg(target_arch = "wasm32")]
fn parse(text: &str) -> Result<Json, String> {
    js_sys::JSON::parse(text).map(Json).map_err(|_| NOT_JSON.to_owned())
}

#[cfg(not(target_arch = "wasm32"))]
fn parse(text: &str) -> Result<Json, String> {
    serde_json::from_str(text).map_err(|_| NOT_JSON.to_owned())
}

const NOT_JSON: &str = "the body is not valid JSON";

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    use super::JsonValue;

    /// A value made by `JSON.parse`.
    pub struct Json(pub(super) JsValue);

    impl JsonValue for Json {
        fn get(&self, key: &str) -> Option<Self> {
            // `Reflect.get` throws on a primitive, so only objects are asked. It also sees what
            // `Object.prototype` has; none of the names the models read is there.
            if !self.0.is_object() {
                return None;
            }
            Reflect::get(&self.0, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined()).map(Json)
        }

        fn as_str(&self) -> Option<String> {
            self.0.as_string()
        }

        fn as_f64(&self) -> Option<f64> {
            self.0.as_f64()
        }

        fn as_bool(&self) -> Option<bool> {
            self.0.as_bool()
        }

        fn items(&self) -> Option<Vec<Self>> {
            Array::is_array(&self.0).then(|| self.0.unchecked_ref::<Array>().iter().map(Json).collect())
        }

        fn is_null(&self) -> bool {
            self.0.is_null()
        }

        fn is_object(&self) -> bool {
            self.0.is_object() && !Array::is_array(&self.0)
        }
    }

    /// A JSON object being built, written by `JSON.stringify`.
    pub struct JsonObject(Object);

    impl JsonObject {
        pub fn new() -> Self {
            JsonObject(Object::new())
        }

        fn set(self, key: &str, value: JsValue) -> Self {
            // Setting a data property on a plain object cannot fail.
            let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value);
            self
        }

        pub fn str(self, key: &str, value: &str) -> Self {
            self.set(key, JsValue::from_str(value))
        }

        /// `JSON.stringify` writes whole numbers without a fraction and non-finite ones as `null`.
        pub fn num(self, key: &str, value: f64) -> Self {
            self.set(key, JsValue::from_f64(value))
        }

        /// Exact below 2^53; every amount is far below.
        pub fn int(self, key: &str, value: u64) -> Self {
            self.num(key, value as f64)
        }

        pub fn bool(self, key: &str, value: bool) -> Self {
            self.set(key, JsValue::from_bool(value))
        }

        pub fn finish(self) -> Result<String, String> {
            js_sys::JSON::stringify(&self.0).map(String::from).map_err(|_| "could not serialise the value".to_owned())
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use serde_json::{Map, Number, Value};

    use super::JsonValue;

    pub type Json = Value;

    impl JsonValue for Value {
        fn get(&self, key: &str) -> Option<Self> {
            self.as_object()?.get(key).cloned()
        }

        fn as_str(&self) -> Option<String> {
            Value::as_str(self).map(str::to_owned)
        }

        fn as_f64(&self) -> Option<f64> {
            Value::as_f64(self)
        }

        fn as_bool(&self) -> Option<bool> {
            Value::as_bool(self)
        }

        fn items(&self) -> Option<Vec<Self>> {
            self.as_array().cloned()
        }

        fn is_null(&self) -> bool {
            Value::is_null(self)
        }

        fn is_object(&self) -> bool {
            Value::is_object(self)
        }
    }

    /// A JSON object being built, written by serde_json.
    pub struct JsonObject(Map<String, Value>);

    impl JsonObject {
        pub fn new() -> Self {
            JsonObject(Map::new())
        }

        fn set(mut self, key: &str, value: Value) -> Self {
            self.0.insert(key.to_owned(), value);
            self
        }

        pub fn str(self, key: &str, value: &str) -> Self {
            self.set(key, Value::from(value))
        }

        /// Non-finite numbers become `null`, as `JSON.stringify` writes them.
        pub fn num(self, key: &str, value: f64) -> Self {
            self.set(key, Number::from_f64(value).map_or(Value::Null, Value::Number))
        }

        /// A JSON integer (`2500`, not `2500.0`).
        pub fn int(self, key: &str, value: u64) -> Self {
            self.set(key, Value::Number(Number::from(value)))
        }

        pub fn bool(self, key: &str, value: bool) -> Self {
            self.set(key, Value::Bool(value))
        }

        pub fn finish(self) -> Result<String, String> {
            serde_json::to_string(&self.0).map_err(|e| e.to_string())
        }
    }
}

impl Default for JsonObject {
    fn default() -> Self {
        Self::new()
    }
}

impl JsonObject {
    /// Adds the member only when there is a value (serde's `skip_serializing_if = "Option::is_none"`).
    pub fn opt_str(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.str(key, v),
            None => self,
        }
    }

    pub fn opt_num(self, key: &str, value: Option<f64>) -> Self {
        match value {
            Some(v) => self.num(key, v),
            None => self,
        }
    }

    pub fn opt_int(self, key: &str, value: Option<u64>) -> Self {
        match value {
            Some(v) => self.int(key, v),
            None => self,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq)]
    struct Sample {
        text: String,
        maybe: Option<String>,
        count: Option<u32>,
        list: Vec<String>,
        alias: Option<String>,
    }

    const SAMPLE: &[Member] = &[
        Member::defaulted(&["text"], Shape::Text),
        Member::optional(&["maybe"], Shape::Text),
        Member::optional(&["count"], Shape::Whole(u32::MAX as u64)),
        Member::defaulted(&["list"], Shape::Texts),
        Member::optional(&["alias", "other"], Shape::Text),
    ];

    impl FromJson for Sample {
        fn from_json_value<V: JsonValue>(v: &V) -> Result<Self, String> {
            let mut m = read(v, SAMPLE)?;
            Ok(Sample {
                text: m.text(),
                maybe: m.opt_text(),
                count: m.opt_whole().map(|n| n as u32),
                list: m.texts(),
                alias: m.opt_text(),
            })
        }
    }

    #[test]
    fn missing_fields_default_and_unknown_fields_are_ignored() {
        assert_eq!(decode::<Sample>("{}"), Ok(Sample::default()));
        assert_eq!(decode::<Sample>(r#"{"extra":[1,{"a":null}],"text":"t"}"#).unwrap().text, "t");
    }

    #[test]
    fn null_is_none_for_options_and_an_error_otherwise() {
        assert_eq!(decode::<Sample>(r#"{"maybe":null,"count":null}"#), Ok(Sample::default()));
        assert_eq!(decode::<Sample>(r#"{"text":null}"#), Err("text: expected a string, found null".into()));
        assert!(decode::<Sample>(r#"{"list":null}"#).is_err());
    }

    #[test]
    fn integers_are_whole_numbers_in_range() {
        assert_eq!(decode::<Sample>(r#"{"count":5000}"#).unwrap().count, Some(5000));
        assert_eq!(decode::<Sample>(r#"{"count":5000.0}"#).unwrap().count, Some(5000), "the browser's view");
        for bad in ["-1", "1.5", "4294967296", r#""5000""#, "true"] {
            let e = decode::<Sample>(&format!(r#"{{"count":{bad}}}"#)).unwrap_err();
            assert!(e.starts_with("count: expected a whole number from 0 to 4294967295"), "{bad}: {e}");
        }
        let safe = |n: &str| whole(&parse(n).unwrap(), u64::MAX);
        assert_eq!(safe("9007199254740991"), Ok(9_007_199_254_740_991));
        assert!(safe("9007199254740992").is_err(), "not exact in the browser");
    }

    #[test]
    fn errors_name_the_field_and_what_was_found() {
        assert_eq!(decode::<Sample>(r#"{"list":"DONATIONS"}"#), Err("list: expected an array, found a string".into()));
        assert_eq!(decode::<Sample>(r#"{"list":["a",2]}"#), Err("list: [1]: expected a string, found a number".into()));
        assert_eq!(decode::<Sample>("[]"), Err("expected an object, found an array".into()));
        assert_eq!(decode::<Sample>("null"), Err("expected an object, found null".into()));
        assert_eq!(decode::<Sample>(r#""{}""#), Err("expected an object, found a string".into()));
        assert_eq!(decode::<Sample>("{"), Err(NOT_JSON.into()));
    }

    #[test]
    fn aliases_take_the_first_name_present_and_not_null() {
        let alias = |text: &str| decode::<Sample>(text).unwrap().alias;
        assert_eq!(alias(r#"{"other":"o"}"#).as_deref(), Some("o"));
        assert_eq!(alias(r#"{"alias":"a","other":"o"}"#).as_deref(), Some("a"));
        assert_eq!(alias(r#"{"alias":null,"other":"o"}"#).as_deref(), Some("o"));
        assert_eq!(alias(r#"{"alias":null}"#), None);
        assert!(decode::<Sample>(r#"{"other":1}"#).unwrap_err().starts_with("other: "));
    }

    #[test]
    fn required_fields_must_be_present() {
        struct Needs(u64);
        impl FromJson for Needs {
            fn from_json_value<V: JsonValue>(v: &V) -> Result<Self, String> {
                Ok(Needs(read(v, &[Member::required(&["amount"], Shape::Whole(u64::MAX))])?.whole()))
            }
        }
        assert_eq!(decode::<Needs>(r#"{"amount":7}"#).map(|n| n.0), Ok(7));
        assert_eq!(decode::<Needs>("{}").err(), Some("missing field `amount`".into()));
        assert!(decode::<Needs>(r#"{"amount":null}"#).is_err());
    }

    #[test]
    fn nested_objects_and_one_or_many_texts() {
        struct Outer(Option<bool>, Vec<String>);
        const INNER: &[Member] = &[Member::defaulted(&["on"], Shape::Flag)];
        impl FromJson for Outer {
            fn from_json_value<V: JsonValue>(v: &V) -> Result<Self, String> {
                let members =
                    &[Member::optional(&["inner"], Shape::Object(INNER)), Member::optional(&["m"], Shape::TextOrTexts)];
                let mut m = read(v, members)?;
                Ok(Outer(m.opt_object().map(|mut inner| inner.flag()), m.texts()))
            }
        }
        let outer = |text: &str| decode::<Outer>(text).map(|o| (o.0, o.1));
        assert_eq!(outer(r#"{"inner":{"on":true},"m":"one"}"#), Ok((Some(true), vec!["one".into()])));
        assert_eq!(outer(r#"{"inner":{},"m":["a","b"]}"#), Ok((Some(false), vec!["a".into(), "b".into()])));
        assert_eq!(outer(r#"{"inner":null,"m":null}"#), Ok((None, vec![])));
        assert_eq!(outer(r#"{"inner":{"on":"yes"}}"#), Err("inner: on: expected true or false, found a string".into()));
        assert_eq!(outer(r#"{"inner":[]}"#), Err("inner: expected an object, found an array".into()));
        assert_eq!(outer(r#"{"m":3}"#), Err("m: expected a string or an array of strings, found a number".into()));
        assert_eq!(outer(r#"{"m":["a",3]}"#), Err("m: [1]: expected a string, found a number".into()));
    }

    #[test]
    fn objects_write_integers_as_integers() {
        let text = JsonObject::new()
            .str("s", "a\"b")
            .int("cents", 10_000)
            .num("share", 12.5)
            .num("nan", f64::NAN)
            .bool("yes", true)
            .opt_int("none", None)
            .opt_str("some", Some("x"))
            .finish()
            .unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value, serde_json::json!({"s":"a\"b","cents":10000,"share":12.5,"nan":null,"yes":true,"some":"x"}));
        assert!(value["cents"].is_u64() && !text.contains("10000.0"), "{text}");
    }
}
