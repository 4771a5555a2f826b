//! The Python module `isnad._isnad`, re-exported by `python/isnad/__init__.py`: the only code
//! that knows Python, as `src/wasm.rs` is the only code that knows JavaScript.
//!
//! An analysis reaches Python as the CLI's JSON, by construction: it is serialized by the same
//! serde code as `isnad FILE` (offsets in code points), parsed back into [`Json`], a tree that
//! keeps the key order, and turned into dicts, lists, str, int and float. Going through the text
//! keeps `confidence` the number the CLI prints (0.8, not the f32's 0.800000011920929). The
//! analysis, the serialization and the parse run without the GIL; only building the Python
//! objects needs it.

// The CLI's own code for an archive's lines and for summaries, compiled here too, so that the
// package writes what `isnad --jsonl` writes and summarizes as `isnad summarize` does, by
// construction. Each file depends on the core and serde only; what the CLI alone uses is unused
// here.
#[allow(dead_code)]
#[path = "../../../src/cli/jsonl.rs"]
mod jsonl;
#[allow(dead_code)]
#[path = "../../../src/cli/lines.rs"]
mod lines;
#[allow(dead_code)]
#[path = "../../../src/cli/summary.rs"]
mod summary;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyList, PyString};
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A JSON value, objects with their keys in the order they were written.
enum Json {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> serde::de::Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::UInt(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(entry) = map.next_entry::<String, Json>()? {
            fields.push(entry);
        }
        Ok(Json::Object(fields))
    }
}

/// The analysis of one text as the CLI's JSON (code points), without `explain` unless asked.
/// Runs without the GIL.
fn analyze_json(text: &str, explain: bool) -> Result<Json, String> {
    let mut analysis = isnad::analyze(text, isnad::OffsetUnit::CodePoint);
    if !explain {
        for st in &mut analysis.statements {
            st.explain = None;
        }
    }
    let json = serde_json::to_string(&analysis).map_err(|e| format!("cannot serialize the analysis: {e}"))?;
    serde_json::from_str(&json).map_err(|e| format!("cannot read the analysis back: {e}"))
}

/// The Python object of a [`Json`]: dict (keys interned, in order), list, str, int, float, bool,
/// None.
fn to_py(py: Python<'_>, value: Json) -> PyResult<Bound<'_, PyAny>> {
    Ok(match value {
        Json::Null => py.None().into_bound(py),
        Json::Bool(b) => PyBool::new(py, b).to_owned().into_any(),
        Json::Int(i) => i.into_pyobject(py)?.into_any(),
        Json::UInt(u) => u.into_pyobject(py)?.into_any(),
        Json::Float(f) => PyFloat::new(py, f).into_any(),
        Json::Str(s) => PyString::new(py, &s).into_any(),
        Json::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Json::Object(fields) => {
            let dict = PyDict::new(py);
            for (k, v) in fields {
                dict.set_item(PyString::intern(py, &k), to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// The type name of `obj`, for messages ("int", "bytes", "NoneType").
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// `obj` as UTF-8 text, or a TypeError (not a str) or ValueError (a lone surrogate) that says
/// which argument (`what`: "text", "texts[3]") and what to do.
fn text_of<'a>(obj: &'a Bound<'_, PyAny>, func: &str, what: &str) -> PyResult<&'a str> {
    let Ok(s) = obj.cast::<PyString>() else {
        let ty = type_name(obj);
        let hint = if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
            "; decode it first, e.g. data.decode(\"utf-8\")"
        } else if obj.is_none() || obj.is_instance_of::<PyFloat>() {
            " (a missing value? drop or fill those first, e.g. series.fillna(\"\"))"
        } else {
            ""
        };
        return Err(PyTypeError::new_err(format!("{func}: {what} must be str, not {ty}{hint}")));
    };
    s.to_str().map_err(|e| {
        // Python strings may hold lone surrogates (from json.loads of a broken "\ud83d" escape,
        // or os.fsdecode's surrogateescape), which are not Unicode text: UTF-8 cannot hold them.
        let py = obj.py();
        let index = e.value(py).getattr("start").and_then(|i| i.extract::<usize>()).ok();
        let code = index.and_then(|i| obj.get_item(i).ok()).and_then(|c| {
            let ord = py.import("builtins").ok()?.getattr("ord").ok()?;
            ord.call1((c,)).ok()?.extract::<u32>().ok()
        });
        let at = match (index, code) {
            (Some(i), Some(c)) => format!(" U+{c:04X} at index {i}"),
            (Some(i), None) => format!(" at index {i}"),
            _ => String::new(),
        };
        PyValueError::new_err(format!(
            "{func}: {what} has a lone surrogate{at}, which is not valid Unicode; replace such characters \
             first, e.g. {what}.encode(\"utf-8\", \"replace\").decode(\"utf-8\") (one \"?\" each, so offsets \
             stay the same)"
        ))
    })
}

// The docstrings of `analyze` and `analyze_many` are the stub's (python/isnad/__init__.pyi),
// word for word: a test compares them.
/// Analyzes Arabic news text: who spoke, and what each claimed or denied.
///
/// Returns the analysis as the ``isnad`` CLI prints it, as Python objects: a dict with
/// ``speakers``, ``statements``, ``sources`` and ``diagnostics``. Offsets count code points, so
/// ``text[span["start"]:span["end"]] == span["text"]`` for every cue, content, mention and
/// denial's target.
///
/// Without ``explain=True`` statements have no ``explain`` key; with it, the result equals
/// ``json.loads`` of the CLI's output (``isnad FILE``) exactly.
///
/// Never fails on a str: odd input gives an empty analysis and ``diagnostics``. Releases the
/// GIL while it works.
///
/// Raises:
///     TypeError: ``text`` is not a str (bytes: decode them first).
///     ValueError: ``text`` holds a lone surrogate (not valid Unicode); the message gives its index.
#[pyfunction]
#[pyo3(signature = (text, *, explain = false))]
fn analyze<'py>(py: Python<'py>, text: &Bound<'py, PyAny>, explain: bool) -> PyResult<Bound<'py, PyAny>> {
    let text = text_of(text, "analyze()", "text")?;
    let json = py.detach(|| analyze_json(text, explain)).map_err(PyRuntimeError::new_err)?;
    to_py(py, json)
}

/// Analyzes many texts on several threads; returns their analyses in the order of ``texts``.
///
/// ``texts`` is any iterable of str (a list, a tuple, a pandas Series, a generator). The result
/// equals ``[analyze(t, explain=explain) for t in texts]``. ``threads`` is the number of
/// analysis threads (default: one per core the process may use). The GIL is released during
/// the analysis, so other Python threads run meanwhile.
///
/// Every item is checked before any work starts.
///
/// Raises:
///     TypeError: ``texts`` is a single str, or not iterable, or an item is not a str (the
///         message names its index).
///     ValueError: an item holds a lone surrogate (the message gives which item and where), or
///         ``threads`` is less than 1.
#[pyfunction]
#[pyo3(signature = (texts, threads = None, *, explain = false))]
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<i64>,
    explain: bool,
) -> PyResult<Bound<'py, PyList>> {
    const FUNC: &str = "analyze_many()";
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{FUNC}: texts must be an iterable of str (a list, a tuple, a pandas Series …), not a single str; \
             for one text use analyze(text)"
        )));
    }
    if texts.is_instance_of::<PyBytes>() || texts.is_instance_of::<PyByteArray>() {
        return Err(PyTypeError::new_err(format!(
            "{FUNC}: texts must be an iterable of str, not {}",
            type_name(texts)
        )));
    }
    let threads = thread_count(FUNC, threads)?;
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{FUNC}: texts must be an iterable of str (a list, a tuple, a pandas Series …), not {}",
            type_name(texts)
        ))
    })?;
    let items: Vec<Bound<'py, PyAny>> = iter.collect::<PyResult<_>>()?;
    let strs = items
        .iter()
        .enumerate()
        .map(|(i, obj)| text_of(obj, FUNC, &format!("texts[{i}]")))
        .collect::<PyResult<Vec<&str>>>()?;
    let results = py.detach(|| analyze_parallel(&strs, threads, explain));
    let list = PyList::empty(py);
    for r in results {
        list.append(to_py(py, r.map_err(PyRuntimeError::new_err)?)?)?;
    }
    Ok(list)
}

/// Each text's analysis on `threads` threads, in the texts' order.
fn analyze_parallel(texts: &[&str], threads: usize, explain: bool) -> Vec<Result<Json, String>> {
    parallel_map(texts, threads, |t| analyze_json(t, explain))
}

/// `f` of each item on `threads` scoped threads taking the next item as they finish, in the
/// items' order. Scoped threads, started and joined here, rather than a global pool: nothing is
/// left running, so a process that forks afterwards (multiprocessing, Spark's Python workers)
/// cannot deadlock.
fn parallel_map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break mine };
                        mine.push((i, f(item)));
                    }
                })
            })
            .collect();
        // A panic in a worker (analyze never panics by design) resumes here, and PyO3 turns it
        // into a PanicException.
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
    });
    done.sort_unstable_by_key(|d| d.0);
    done.into_iter().map(|d| d.1).collect()
}

/// `threads` as given to a function: None is one per core; less than 1 is a ValueError.
fn thread_count(func: &str, threads: Option<i64>) -> PyResult<usize> {
    match threads {
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
        Some(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Some(n) => {
            Err(PyValueError::new_err(format!("{func}: threads must be 1 or more (or None: one per core), not {n}")))
        }
    }
}

/// The records `isnad --jsonl` writes for `lines` (str or bytes, each one line of an archive,
/// its line break optional), the first being line `first_line` of its input: one str per
/// non-blank line, without a line break. `analyze_jsonl` in `__init__.py` calls this on chunks
/// of an iterable; the tests compare it with the CLI byte for byte.
#[pyfunction]
#[pyo3(signature = (lines, first_line, threads = None))]
fn _jsonl_records<'py>(
    py: Python<'py>,
    lines: &Bound<'py, PyList>,
    first_line: u64,
    threads: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    const FUNC: &str = "analyze_jsonl()";
    let threads = thread_count(FUNC, threads)?;
    let mut owned: Vec<(u64, Vec<u8>)> = Vec::with_capacity(lines.len());
    for (i, item) in lines.iter().enumerate() {
        let number = first_line + i as u64;
        let mut bytes = if let Ok(b) = item.cast::<PyBytes>() {
            b.as_bytes().to_vec()
        } else if let Ok(b) = item.cast::<PyByteArray>() {
            b.to_vec()
        } else if item.is_instance_of::<PyString>() {
            text_of(&item, FUNC, &format!("line {number}"))?.as_bytes().to_vec()
        } else {
            return Err(PyTypeError::new_err(format!(
                "{FUNC}: line {number} must be str or bytes (one line of a JSON-lines archive), not {}",
                type_name(&item)
            )));
        };
        // As the CLI reads a line: without its break (\n or \r\n), and without a byte-order
        // mark at the start of the input.
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
        }
        if number == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        owned.push((number, bytes));
    }
    let records = py.detach(|| {
        parallel_map(&owned, threads, |(number, bytes)| {
            let outcome = if bytes.len() > lines::MAX_LINE {
                jsonl::Outcome::Failed(jsonl::too_long(bytes.len() as u64, lines::MAX_LINE))
            } else {
                jsonl::analyze_line(bytes)
            };
            let mut out = Vec::new();
            match outcome {
                jsonl::Outcome::Blank => return None,
                jsonl::Outcome::Analyzed(doc, analysis) => jsonl::write_record(&doc, &analysis, &mut out),
                jsonl::Outcome::Failed(e) => jsonl::write_error(&e, None, *number, &mut out),
            }
            out.pop(); // the line break
            Some(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
        })
    });
    let list = PyList::empty(py);
    for r in records.into_iter().flatten() {
        list.append(PyString::new(py, &r))?;
    }
    Ok(list)
}

/// The summary of `records` (each a JSON line, as `isnad --jsonl` writes them) grouped by the
/// field `by`: `(speakers, groups, documents, errors)`, each table a list of dicts. `summarize`
/// in `__init__.py` turns dicts into lines first.
#[pyfunction]
#[pyo3(signature = (records, by = None))]
fn _summarize<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyList>,
    by: Option<String>,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>, u64, u64)> {
    let lines: Vec<String> = records.iter().map(|r| r.extract::<String>()).collect::<PyResult<_>>()?;
    let result = py.detach(|| {
        let mut s = summary::Summary::new(by);
        for (i, line) in lines.iter().enumerate() {
            s.add_line(line).map_err(|e| format!("summarize(): records[{i}]: {e}"))?;
        }
        Ok::<_, String>((s.speakers(), s.groups(), s.documents(), s.errors()))
    });
    let (speakers, groups, documents, errors) = result.map_err(PyValueError::new_err)?;
    Ok((table_to_py(py, speakers)?, table_to_py(py, groups)?, documents, errors))
}

/// A summary table as a list of dicts, one per row, keyed by the column names.
fn table_to_py(py: Python<'_>, table: summary::Table) -> PyResult<Bound<'_, PyList>> {
    let columns: Vec<Bound<'_, PyString>> = table.columns.iter().map(|c| PyString::intern(py, c)).collect();
    let list = PyList::empty(py);
    for row in table.rows {
        let dict = PyDict::new(py);
        for (k, cell) in columns.iter().zip(row) {
            match cell {
                summary::Cell::Text(t) => dict.set_item(k, t)?,
                summary::Cell::Int(n) => dict.set_item(k, n)?,
                summary::Cell::Share(x) => dict.set_item(k, x)?,
            }
        }
        list.append(dict)?;
    }
    Ok(list)
}

/// The compiled part of the `isnad` package; import `isnad`, not this.
#[pymodule]
#[pyo3(name = "_isnad")]
fn isnad_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(_jsonl_records, m)?)?;
    m.add_function(wrap_pyfunction!(_summarize, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
