//! One line of a JSON-lines archive in, one record out.
//!
//! In: a JSON object with a string `text` and any other fields (`id` by convention, any JSON
//! value). Out: the same object in its own key order, without `text` (the analysis points into
//! it by offsets, and the input already holds it), with `analysis` added last. The other fields
//! are copied as their exact JSON text ([`RawValue`]), so a 20-digit numeric id or a nested
//! object comes out exactly as it went in. A line that gives no analysis becomes an error record
//! `{"id": …, "file": …, "line": N, "error": "…"}` (`id` when the line had one, `file` when the
//! input is a named file).
//!
//! `analysis` and `error` are isnad's own keys: an input field with either name is not copied,
//! so that a record is an analysis or an error and never looks like both.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

/// A document read from one line.
pub struct Document {
    /// The fields other than `text`, in input order, each as its JSON text.
    pub fields: Vec<(String, Box<RawValue>)>,
    pub text: String,
}

/// Why a line gives no analysis, with the line's `id` when it could be read.
#[derive(Debug)]
pub struct LineError {
    pub id: Option<Box<RawValue>>,
    pub message: String,
}

impl LineError {
    fn new(message: String) -> LineError {
        LineError { id: None, message }
    }
}

impl Document {
    /// The `id` field, if any (the first, if the line repeats it).
    pub fn id(&self) -> Option<&RawValue> {
        id_of(&self.fields)
    }
}

fn id_of(fields: &[(String, Box<RawValue>)]) -> Option<&RawValue> {
    fields.iter().find(|(k, _)| k == "id").map(|(_, v)| &**v)
}

/// Reads a line's document. The messages name the problem and the line's expected shape.
pub fn parse(line: &[u8]) -> Result<Document, LineError> {
    let line = std::str::from_utf8(line).map_err(|e| {
        LineError::new(format!(
            "not valid UTF-8 (first bad byte at byte {} of the line); convert the archive to UTF-8, e.g. with iconv",
            e.valid_up_to()
        ))
    })?;
    let object: Object = serde_json::from_str(line).map_err(|e| LineError::new(json_error(&e)))?;
    let id = id_of(&object.fields).map(|v| v.to_owned());
    let text = match object.text {
        Some(Value::String(text)) => text,
        None | Some(Value::Null) => {
            return Err(LineError {
                id,
                message: "no \"text\" field: each line needs an object such as {\"id\": 1, \"text\": \"…\"}".into(),
            })
        }
        Some(other) => return Err(LineError { id, message: format!("\"text\" is {}, not a string", kind_of(&other)) }),
    };
    Ok(Document { fields: object.fields, text })
}

/// serde_json's message, with the column in the line rather than "line 1 column N".
fn json_error(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let msg = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m);
    match e.classify() {
        serde_json::error::Category::Data => msg.to_string(),
        serde_json::error::Category::Eof => format!("not valid JSON: {msg} (the line ends too early)"),
        _ => format!("not valid JSON: {msg} at column {}", e.column()),
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The input object: `text` parsed (it must be a string), every other field kept as raw JSON in
/// input order. (serde_json's own `Map` would sort the keys.)
struct Object {
    fields: Vec<(String, Box<RawValue>)>,
    text: Option<Value>,
}

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Object, D::Error> {
        d.deserialize_map(ObjectVisitor)
    }
}

struct ObjectVisitor;

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Object;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object such as {\"id\": 1, \"text\": \"…\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
        let mut fields = Vec::new();
        let mut text = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "text" {
                text = Some(map.next_value::<Value>()?); // the last one, as JSON parsers do
            } else {
                fields.push((key, map.next_value::<Box<RawValue>>()?));
            }
        }
        Ok(Object { fields, text })
    }
}

/// Keys an input field may not take in a record (see the module's doc).
const OWN_KEYS: [&str; 2] = ["analysis", "error"];

/// Appends the record of an analyzed document, and a line break.
pub fn write_record(doc: &Document, analysis: &isnad::Analysis, out: &mut Vec<u8>) {
    struct Record<'a>(&'a Document, &'a isnad::Analysis);
    impl Serialize for Record<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(None)?;
            for (k, v) in self.0.fields.iter().filter(|(k, _)| !OWN_KEYS.contains(&k.as_str())) {
                map.serialize_entry(k, v)?;
            }
            map.serialize_entry("analysis", self.1)?;
            map.end()
        }
    }
    write_line(&Record(doc, analysis), out);
}

/// Appends the error record of line `line` of `file` (`None`: standard input), and a line break.
pub fn write_error(error: &LineError, file: Option<&str>, line: u64, out: &mut Vec<u8>) {
    struct Error<'a>(&'a LineError, Option<&'a str>, u64);
    impl Serialize for Error<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(None)?;
            if let Some(id) = &self.0.id {
                map.serialize_entry("id", id)?;
            }
            if let Some(file) = self.1 {
                map.serialize_entry("file", file)?;
            }
            map.serialize_entry("line", &self.2)?;
            map.serialize_entry("error", &self.0.message)?;
            map.end()
        }
    }
    write_line(&Error(error, file, line), out);
}

fn write_line<T: Serialize>(value: &T, out: &mut Vec<u8>) {
    // Writing to a Vec cannot fail, and every map key here is a string.
    serde_json::to_writer(&mut *out, value).expect("a record serializes to JSON");
    out.push(b'\n');
}

/// An id as a CSV cell: a string's contents, any other value's JSON text (`42`), empty for none
/// or null.
pub fn id_cell(id: Option<&RawValue>) -> String {
    match id.map(RawValue::get) {
        None | Some("null") => String::new(),
        Some(raw) if raw.starts_with('"') => serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string()),
        Some(raw) => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &str) -> String {
        parse(line.as_bytes()).err().expect("an error").message
    }

    #[test]
    fn fields_pass_through_exactly_in_order_without_text() {
        let line = r#"{"url":"u","id":123456789012345678901234,"text":"قال","meta":{"z":1,"a":[1.0]},"analysis":7,"error":null}"#;
        let doc = parse(line.as_bytes()).unwrap();
        assert_eq!(doc.text, "قال");
        let mut out = Vec::new();
        write_record(&doc, &isnad::Analysis::default(), &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"url\":\"u\",\"id\":123456789012345678901234,\"meta\":{\"z\":1,\"a\":[1.0]},\
             \"analysis\":{\"speakers\":[],\"statements\":[],\
             \"sources\":{\"person\":0,\"organization\":0,\"media\":0,\"anonymous\":0},\"diagnostics\":[]}}\n"
        );
        assert_eq!(id_cell(doc.id()), "123456789012345678901234");
    }

    #[test]
    fn bad_lines_say_why() {
        assert!(err("{\"id\": 1, \"text\": \"a\"").contains("not valid JSON"));
        assert!(err("{\"id\": 1 \"text\": \"a\"}").contains("column 10"), "{}", err("{\"id\": 1 \"text\": \"a\"}"));
        assert!(err("[1, 2]").contains("a JSON object such as"));
        assert!(err("\"just text\"").contains("a JSON object such as"));
        assert!(err("{\"id\": 1}").contains("no \"text\" field"));
        assert!(err("{\"id\": 1, \"text\": null}").contains("no \"text\" field"));
        assert!(err("{\"id\": 1, \"text\": 5}").contains("\"text\" is a number"));
        assert!(err("{\"text\": \"a\"} x").contains("trailing characters"));
        let bad_utf8 = parse(b"{\"text\": \"\xff\"}").err().unwrap().message;
        assert!(bad_utf8.contains("not valid UTF-8") && bad_utf8.contains("byte 10"), "{bad_utf8}");
        // The id survives when only the text is wrong.
        let e = parse(br#"{"id": "a-1", "text": []}"#).err().unwrap();
        assert_eq!(e.id.unwrap().get(), "\"a-1\"");
    }

    #[test]
    fn error_records() {
        let e = LineError { id: Some(RawValue::from_string("7".into()).unwrap()), message: "no \"text\"".into() };
        let mut out = Vec::new();
        write_error(&e, Some("a.jsonl"), 3, &mut out);
        write_error(&LineError::new("bad".into()), None, 4, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"id\":7,\"file\":\"a.jsonl\",\"line\":3,\"error\":\"no \\\"text\\\"\"}\n{\"line\":4,\"error\":\"bad\"}\n"
        );
    }

    #[test]
    fn id_cells() {
        let raw = |s: &str| RawValue::from_string(s.into()).unwrap();
        assert_eq!(id_cell(Some(&*raw(r#""a\"b,\u00e9""#))), "a\"b,é");
        assert_eq!(id_cell(Some(&*raw("null"))), "");
        assert_eq!(id_cell(Some(&*raw("[1,2]"))), "[1,2]");
        assert_eq!(id_cell(None), "");
    }
}
