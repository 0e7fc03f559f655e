//! JSON in and out. The wasm build uses the browser's `JSON` with serde-wasm-bindgen, so no JSON
//! crate is compiled into the widget; native builds (unit tests) use serde_json. Both run the
//! same serde derives in `models`.

use serde::Serialize;
use serde::de::DeserializeOwned;

#[cfg(target_arch = "wasm32")]
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| "the body is not valid JSON".to_owned())?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
pub fn encode<T: Serialize>(value: &T) -> Result<String, String> {
    // Structs become plain objects; integers stay numbers (all our amounts are far below 2^53).
    let js = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&js).map(String::from).map_err(|_| "could not serialise the request".to_owned())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn encode<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}
