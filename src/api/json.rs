//! Reading and writing JSON through the browser's own `JSON.parse`/`JSON.stringify`: no JSON
//! library in the wasm. Readers are total: a missing or mistyped field is `None`, never a panic.

use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A parsed JSON object.
#[derive(Clone, Debug)]
pub struct JsonObject(Object);

impl JsonObject {
    /// Parses `text`; `None` unless it is a JSON object.
    pub fn parse(text: &str) -> Option<Self> {
        JSON::parse(text).ok().and_then(Self::from_value)
    }

    pub fn from_value(value: JsValue) -> Option<Self> {
        (value.is_object() && !Array::is_array(&value)).then(|| Self(value.unchecked_into()))
    }

    fn get(&self, key: &str) -> Option<JsValue> {
        Reflect::get(&self.0, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    pub fn str(&self, key: &str) -> Option<String> {
        self.get(key)?.as_string()
    }

    pub fn num(&self, key: &str) -> Option<f64> {
        self.get(key)?.as_f64()
    }

    pub fn bool(&self, key: &str) -> Option<bool> {
        self.get(key)?.as_bool()
    }

    /// A field's value as it is, for handing on to a browser API (an object, typically).
    pub fn raw(&self, key: &str) -> Option<JsValue> {
        self.get(key)
    }

    pub fn obj(&self, key: &str) -> Option<JsonObject> {
        Self::from_value(self.get(key)?)
    }

    pub fn array(&self, key: &str) -> Vec<JsValue> {
        self.get(key)
            .filter(Array::is_array)
            .map(|a| Array::from(&a).to_vec())
            .unwrap_or_default()
    }

    /// Every `key: string` pair of the object (non-string values skipped).
    pub fn string_entries(&self) -> Vec<(String, String)> {
        Object::entries(&self.0)
            .iter()
            .filter_map(|entry| {
                let pair = Array::from(&entry);
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect()
    }
}

/// Builds a JSON object to send.
pub struct JsonBuilder(Object);

/// A builder nests as a member of another one.
impl From<JsonBuilder> for JsValue {
    fn from(builder: JsonBuilder) -> Self {
        builder.0.into()
    }
}

impl Default for JsonBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl JsonBuilder {
    pub fn new() -> Self {
        Self(Object::new())
    }

    pub fn set(self, key: &str, value: impl Into<JsValue>) -> Self {
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value.into());
        self
    }

    pub fn set_opt(self, key: &str, value: Option<impl Into<JsValue>>) -> Self {
        match value {
            Some(value) => self.set(key, value),
            None => self,
        }
    }

    pub fn to_json(&self) -> String {
        JSON::stringify(&self.0)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| "{}".into())
    }
}
