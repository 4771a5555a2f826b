//! What an archive's analyses say across documents: each speaker (by folded name and kind) with
//! its documents, claims and denials, and per group of documents (an input field's value, such
//! as `outlet`) how many sources are anonymous, named persons, bodies and media.
//!
//! It reads the analysis JSON, not the core's types: records of `isnad --jsonl` (the input's
//! fields and `analysis`), error records, or bare analyses, from the CLI, Spark or Python alike.
//! So a field the analysis gains — a speaker's `gender` (`female`, `male`, or absent) — is in the
//! summary as soon as it is in the JSON: the gender columns appear when any speaker has one.
//!
//! The result is two [`Table`]s whose rows are the same for `isnad summarize` (CSV and HTML,
//! `summarize.rs`) and for the Python package's `isnad.summarize` (dicts), which compiles this
//! file too: it depends on nothing else of the CLI.

use serde_json::Value;
use std::collections::HashMap;

/// One value of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Int(u64),
    /// A share from 0 to 1, rounded to 4 decimals (so the CSV and Python show the same number).
    Share(f64),
}

impl Cell {
    /// As written in a CSV field or an HTML cell: shares in Rust's shortest form (0.25, 1, 0).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Share(x) => x.to_string(),
        }
    }
}

/// A table: column names, then rows of as many cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The index of column `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// Speaker kinds with a column of their own, in the JSON's spelling; another kind (a future
/// one) counts in `speakers` only.
pub const KINDS: [&str; 4] = ["person", "organization", "media", "anonymous"];
const KIND_COLUMNS: [&str; 4] = ["persons", "organizations", "media", "anonymous"];

/// The speakers' genders, in the JSON's spelling (issue 16).
pub const GENDERS: [&str; 2] = ["female", "male"];

#[derive(Default)]
struct SpeakerTotals {
    /// Each name as written, with how many documents wrote it so; the most common is shown.
    names: HashMap<String, u64>,
    /// Its place among the speakers in the order they were first seen (for a stable order
    /// among equals).
    first: u64,
    documents: u64,
    statements: u64,
    claims: u64,
    denials: u64,
    /// Documents that gave it each of [`GENDERS`].
    genders: [u64; 2],
}

#[derive(Default)]
struct GroupTotals {
    first: u64,
    documents: u64,
    statements: u64,
    claims: u64,
    denials: u64,
    /// Speakers of its documents, each counted once per document.
    speakers: u64,
    kinds: [u64; 4],
    anonymous_statements: u64,
    documents_with_anonymous: u64,
    /// Person speakers of each of [`GENDERS`].
    persons_gender: [u64; 2],
}

/// The summary being built, one record at a time.
pub struct Summary {
    by: Option<String>,
    documents: u64,
    errors: u64,
    speakers: HashMap<(String, String), SpeakerTotals>,
    groups: HashMap<String, GroupTotals>,
    has_gender: bool,
}

impl Summary {
    /// `by`: the input field whose values group the documents (`outlet`); `None`: one group.
    pub fn new(by: Option<String>) -> Summary {
        Summary { by, documents: 0, errors: 0, speakers: HashMap::new(), groups: HashMap::new(), has_gender: false }
    }

    /// Documents summarized (error records not included).
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// Error records met (lines `isnad --jsonl` could not analyze).
    pub fn errors(&self) -> u64 {
        self.errors
    }

    /// The grouping field, if any.
    pub fn by(&self) -> Option<&str> {
        self.by.as_deref()
    }

    /// Whether any speaker had a `gender`.
    pub fn has_gender(&self) -> bool {
        self.has_gender
    }

    /// Adds one line of `isnad --jsonl`'s output (or a bare analysis); `Err` says what it is
    /// instead. A blank line is nothing.
    pub fn add_line(&mut self, line: &str) -> Result<(), String> {
        if line.trim().is_empty() {
            return Ok(());
        }
        let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
        self.add(&value)
    }

    /// Adds one record: `{…fields, "analysis": {…}}`, an error record `{…, "error": "…"}`, or a
    /// bare analysis `{"speakers": […], "statements": […], …}`.
    pub fn add(&mut self, record: &Value) -> Result<(), String> {
        let Value::Object(map) = record else {
            return Err("not a JSON object; give the output of isnad --jsonl (one record a line)".into());
        };
        if map.contains_key("error") && !map.contains_key("analysis") {
            self.errors += 1;
            return Ok(());
        }
        let analysis = match map.get("analysis") {
            Some(a) => a,
            None if map.contains_key("speakers") && map.contains_key("statements") => record,
            None => {
                return Err("a record with neither \"analysis\" nor \"error\"; give the output of isnad --jsonl, \
                            not its input"
                    .into())
            }
        };
        let speakers = array(analysis, "speakers")?;
        let statements = array(analysis, "statements")?;
        let group = match &self.by {
            None => "all".to_string(),
            Some(field) => match map.get(field) {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
            },
        };
        // Each speaker of the document: its key, kind and gender; its statements below.
        let mut keys = Vec::with_capacity(speakers.len());
        for s in speakers {
            let name = s.get("name").and_then(Value::as_str).unwrap_or_default();
            let kind = s.get("kind").and_then(Value::as_str).unwrap_or_default();
            let gender = s.get("gender").and_then(Value::as_str).and_then(|g| GENDERS.iter().position(|x| *x == g));
            keys.push((fold(name), kind.to_string(), name, gender));
        }
        let mut per_speaker = vec![[0u64; 2]; speakers.len()]; // claims, denials
        for st in statements {
            let Some(i) = st.get("speaker").and_then(Value::as_u64).map(|i| i as usize).filter(|&i| i < keys.len())
            else {
                return Err("a statement whose speaker is not in speakers".into());
            };
            let denial = st.get("kind").and_then(Value::as_str) == Some("denial");
            per_speaker[i][usize::from(denial)] += 1;
        }
        self.documents += 1;
        let order = self.documents;

        let g = self.groups.entry(group).or_insert_with(|| GroupTotals { first: order, ..GroupTotals::default() });
        g.documents += 1;
        let mut anonymous_here = false;
        // Speakers of one document with the same key (coreference left two) count once.
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for (i, (key, kind, name, gender)) in keys.iter().enumerate() {
            let [claims, denials] = per_speaker[i];
            g.statements += claims + denials;
            g.claims += claims;
            g.denials += denials;
            let kind_index = KINDS.iter().position(|k| k == kind);
            if kind == "anonymous" {
                g.anonymous_statements += claims + denials;
            }
            let first_here = seen.insert((key.as_str(), kind.as_str()), i).is_none();
            if first_here {
                g.speakers += 1;
                if let Some(k) = kind_index {
                    g.kinds[k] += 1;
                }
                anonymous_here |= kind == "anonymous";
                if let (Some(x), "person") = (gender, kind.as_str()) {
                    g.persons_gender[*x] += 1;
                }
            }
            let next = self.speakers.len() as u64;
            let t = self
                .speakers
                .entry((key.clone(), kind.clone()))
                .or_insert_with(|| SpeakerTotals { first: next, ..SpeakerTotals::default() });
            t.statements += claims + denials;
            t.claims += claims;
            t.denials += denials;
            if first_here {
                t.documents += 1;
                *t.names.entry((*name).to_string()).or_default() += 1;
                if let Some(x) = gender {
                    t.genders[*x] += 1;
                }
            }
            self.has_gender |= gender.is_some();
        }
        g.documents_with_anonymous += u64::from(anonymous_here);
        Ok(())
    }

    /// One row per speaker: `name` (as most documents write it), `folded` (the key, with `kind`),
    /// `kind`, `gender` (when any speaker has one: the one its documents give, `mixed` when they
    /// disagree, empty when none), `documents`, `statements`, `claims`, `denials`; most
    /// statements first.
    pub fn speakers(&self) -> Table {
        let mut columns = vec!["name", "folded", "kind"];
        if self.has_gender {
            columns.push("gender");
        }
        columns.extend(["documents", "statements", "claims", "denials"]);
        let mut all: Vec<(&(String, String), &SpeakerTotals)> = self.speakers.iter().collect();
        all.sort_by(|a, b| {
            (b.1.statements, b.1.documents).cmp(&(a.1.statements, a.1.documents)).then(a.1.first.cmp(&b.1.first))
        });
        let rows = all
            .into_iter()
            .map(|((folded, kind), t)| {
                let name = t
                    .names
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map_or(String::new(), |(n, _)| n.clone());
                let mut row = vec![Cell::Text(name), Cell::Text(folded.clone()), Cell::Text(kind.clone())];
                if self.has_gender {
                    let g = match t.genders {
                        [0, 0] => "",
                        [_, 0] => GENDERS[0],
                        [0, _] => GENDERS[1],
                        _ => "mixed",
                    };
                    row.push(Cell::Text(g.into()));
                }
                row.extend([t.documents, t.statements, t.claims, t.denials].map(Cell::Int));
                row
            })
            .collect();
        Table { columns: columns.into_iter().map(String::from).collect(), rows }
    }

    /// One row per group (each value of the `by` field; `all` without one), most documents
    /// first: the field's value, `documents`, `statements`, `claims`, `denials`, `speakers`
    /// (each counted once per document), the speakers of each kind, `anonymous_share` (anonymous
    /// ÷ speakers), `anonymous_statements`, `anonymous_statement_share`,
    /// `documents_with_anonymous`, and with genders `persons_female`, `persons_male`,
    /// `persons_unmarked`, `female_share` (female ÷ persons whose gender is marked).
    pub fn groups(&self) -> Table {
        let mut columns: Vec<String> = vec![self.by.clone().unwrap_or_else(|| "group".into())];
        columns.extend(["documents", "statements", "claims", "denials", "speakers"].map(String::from));
        columns.extend(KIND_COLUMNS.map(String::from));
        columns.extend(
            ["anonymous_share", "anonymous_statements", "anonymous_statement_share", "documents_with_anonymous"]
                .map(String::from),
        );
        if self.has_gender {
            columns.extend(["persons_female", "persons_male", "persons_unmarked", "female_share"].map(String::from));
        }
        let mut all: Vec<(&String, &GroupTotals)> = self.groups.iter().collect();
        all.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then(a.1.first.cmp(&b.1.first)));
        let rows = all
            .into_iter()
            .map(|(name, g)| {
                let mut row = vec![Cell::Text(name.clone())];
                row.extend([g.documents, g.statements, g.claims, g.denials, g.speakers].map(Cell::Int));
                row.extend(g.kinds.map(Cell::Int));
                row.push(share(g.kinds[3], g.speakers));
                row.push(Cell::Int(g.anonymous_statements));
                row.push(share(g.anonymous_statements, g.statements));
                row.push(Cell::Int(g.documents_with_anonymous));
                if self.has_gender {
                    let [f, m] = g.persons_gender;
                    row.extend([f, m, g.kinds[0] - f - m].map(Cell::Int));
                    row.push(share(f, f + m));
                }
                row
            })
            .collect();
        Table { columns, rows }
    }
}

/// `part ÷ whole` rounded to 4 decimals; 0 when `whole` is 0.
fn share(part: u64, whole: u64) -> Cell {
    if whole == 0 {
        return Cell::Share(0.0);
    }
    Cell::Share((part as f64 / whole as f64 * 10_000.0).round() / 10_000.0)
}

/// A speaker's key: its name folded as the analyzer folds words (no diacritics or tatweel, one
/// hamza form, ى/ي and ة/ه alike), its spaces collapsed.
fn fold(name: &str) -> String {
    isnad::normalize::fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn array<'a>(analysis: &'a Value, key: &str) -> Result<&'a Vec<Value>, String> {
    analysis
        .get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("an analysis without a \"{key}\" list; is this isnad --jsonl's output?"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn speaker(name: &str, kind: &str) -> Value {
        json!({"id": 0, "name": name, "role": "", "kind": kind, "mentions": []})
    }

    fn statement(speaker: usize, kind: &str) -> Value {
        json!({"id": 0, "speaker": speaker, "kind": kind})
    }

    fn row<'a>(t: &'a Table, first: &str) -> &'a [Cell] {
        t.rows.iter().find(|r| r[0] == Cell::Text(first.into())).map(Vec::as_slice).unwrap()
    }

    fn get(t: &Table, row: &[Cell], column: &str) -> Cell {
        row[t.column(column).unwrap_or_else(|| panic!("no column {column}"))].clone()
    }

    #[test]
    fn speakers_merge_by_folded_name_and_kind_and_count_documents_once() {
        let mut s = Summary::new(Some("outlet".into()));
        let a = json!({"outlet": "A", "analysis": {
            "speakers": [speaker("أحمد", "person"), speaker("احمد", "person"), speaker("مصدر", "anonymous")],
            "statements": [statement(0, "claim"), statement(1, "denial"), statement(2, "claim")]}});
        let b = json!({"outlet": "B", "analysis": {
            "speakers": [speaker("أحمد", "person"), speaker("أحمد", "organization")],
            "statements": [statement(0, "claim")]}});
        s.add(&a).unwrap();
        s.add(&b).unwrap();
        s.add(&json!({"id": 3, "line": 3, "error": "not valid JSON"})).unwrap();
        assert_eq!((s.documents(), s.errors()), (2, 1));
        let t = s.speakers();
        assert_eq!(t.columns, ["name", "folded", "kind", "documents", "statements", "claims", "denials"]);
        assert_eq!(t.rows.len(), 3, "one person, one organization, one anonymous source");
        assert_eq!(
            t.rows[0],
            [Cell::Text("أحمد".into()), Cell::Text("احمد".into()), Cell::Text("person".into())]
                .into_iter()
                .chain([2, 3, 2, 1].map(Cell::Int))
                .collect::<Vec<_>>()
        );
        let g = s.groups();
        assert_eq!(g.columns[0], "outlet");
        let ra = row(&g, "A");
        assert_eq!(get(&g, ra, "speakers"), Cell::Int(2), "the two spellings of أحمد are one speaker");
        assert_eq!(get(&g, ra, "anonymous"), Cell::Int(1));
        assert_eq!(get(&g, ra, "anonymous_share"), Cell::Share(0.5));
        assert_eq!(get(&g, ra, "anonymous_statement_share"), Cell::Share(0.3333));
        assert_eq!(get(&g, ra, "documents_with_anonymous"), Cell::Int(1));
        let rb = row(&g, "B");
        assert_eq!(get(&g, rb, "organizations"), Cell::Int(1));
        assert_eq!(get(&g, rb, "anonymous_share"), Cell::Share(0.0));
        assert!(g.column("persons_female").is_none(), "no gender in the input, no gender columns");
    }

    #[test]
    fn gender_columns_appear_when_the_analysis_has_gender() {
        let mut s = Summary::new(None);
        let mut f = speaker("الوزيرة", "person");
        f["gender"] = json!("female");
        let mut m = speaker("الوزير", "person");
        m["gender"] = json!("male");
        let mut org = speaker("الوزارة", "organization");
        org["gender"] = json!("female");
        let analysis = json!({"speakers": [f, m, org, speaker("زيد", "person")],
            "statements": [statement(0, "claim"), statement(1, "claim"), statement(2, "claim"), statement(3, "claim")]});
        s.add(&analysis).unwrap(); // a bare analysis is a document too
        assert!(s.has_gender());
        let t = s.speakers();
        let gender = t.column("gender").unwrap();
        let genders: Vec<String> = t.rows.iter().map(|r| r[gender].text()).collect();
        assert_eq!(genders, ["female", "male", "female", ""]);
        let g = s.groups();
        let r = row(&g, "all");
        assert_eq!(get(&g, r, "persons_female"), Cell::Int(1), "an organization's grammatical gender is not counted");
        assert_eq!(get(&g, r, "persons_male"), Cell::Int(1));
        assert_eq!(get(&g, r, "persons_unmarked"), Cell::Int(1));
        assert_eq!(get(&g, r, "female_share"), Cell::Share(0.5));
    }

    #[test]
    fn groups_by_any_field_value() {
        let mut s = Summary::new(Some("year".into()));
        for year in [json!(2018), json!(2018), json!(null), json!("2017")] {
            s.add(&json!({"year": year, "analysis": {"speakers": [], "statements": [], "diagnostics": []}})).unwrap();
        }
        let g = s.groups();
        let firsts: Vec<String> = g.rows.iter().map(|r| r[0].text()).collect();
        assert_eq!(firsts, ["2018", "", "2017"], "most documents first, then first seen");
        assert_eq!(get(&g, row(&g, "2018"), "documents"), Cell::Int(2));
    }

    #[test]
    fn what_is_not_a_record_says_so() {
        let mut s = Summary::new(None);
        assert!(s.add_line("[1]").unwrap_err().contains("not a JSON object"));
        assert!(s.add_line("{\"id\": 1, \"text\": \"…\"}").unwrap_err().contains("not its input"));
        assert!(s.add_line("{\"analysis\": {\"speakers\": []}}").unwrap_err().contains("\"statements\""));
        assert!(s.add_line("{").unwrap_err().starts_with("not JSON"));
        let bad = json!({"analysis": {"speakers": [], "statements": [statement(3, "claim")]}});
        assert!(s.add(&bad).unwrap_err().contains("not in speakers"));
        s.add_line("  ").unwrap();
        assert_eq!(s.documents(), 0);
    }
}
