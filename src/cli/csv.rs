//! Statements as CSV (RFC 4180): one row per statement, CRLF line ends, a field quoted when it
//! holds a comma, a double quote, CR or LF, its quotes doubled. The columns are the page's CSV
//! export (`www/app/export.js`) with the document's id first, so one script reads both; offsets are
//! code points, like the CLI's JSON. The isnad columns come last: `chain` (the parties' names,
//! outermost first, joined by « ← »), what a denial answers (`rejects_start`, `rejects_end`, and
//! `rejects_statement`, the id of the statement whose content it is) and `speaker_gender`; each
//! empty when the analysis has none.

use isnad::Analysis;
use serde::Serialize;

pub const COLUMNS: [&str; 19] = [
    "doc_id",
    "id",
    "speaker",
    "role",
    "speaker_kind",
    "kind",
    "form",
    "confidence",
    "cue",
    "cue_start",
    "cue_end",
    "content",
    "content_start",
    "content_end",
    "chain",
    "rejects_start",
    "rejects_end",
    "rejects_statement",
    "speaker_gender",
];

pub fn write_header(out: &mut Vec<u8>) {
    write_row(out, COLUMNS.iter().map(|c| c.to_string()));
}

/// Appends one row per statement of `analysis`, the document `doc_id`'s.
pub fn write_statements(doc_id: &str, analysis: &Analysis, out: &mut Vec<u8>) {
    for st in &analysis.statements {
        let speaker = &analysis.speakers[st.speaker];
        write_row(
            out,
            [
                doc_id.to_string(),
                st.id.to_string(),
                speaker.name.clone(),
                speaker.role.clone(),
                name(&speaker.kind),
                name(&st.kind),
                name(&st.form),
                st.confidence.to_string(),
                st.cue.text.clone(),
                st.cue.start.to_string(),
                st.cue.end.to_string(),
                st.content.text.clone(),
                st.content.start.to_string(),
                st.content.end.to_string(),
                chain(analysis, st),
                st.rejects.as_ref().map_or(String::new(), |t| t.start.to_string()),
                st.rejects.as_ref().map_or(String::new(), |t| t.end.to_string()),
                st.rejects.as_ref().and_then(|t| t.statement).map_or(String::new(), |i| i.to_string()),
                speaker.gender.as_ref().map_or(String::new(), name),
            ],
        );
    }
}

/// A statement's chain as its parties' names, outermost first: «وكالة رويترز ← مصادر».
fn chain(analysis: &Analysis, st: &isnad::Statement) -> String {
    let names: Vec<&str> = st.chain.iter().flatten().map(|&s| analysis.speakers[s].name.as_str()).collect();
    names.join(" ← ")
}

/// An enum's name as the JSON spells it (`person`, `denial`, `direct`).
fn name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

pub fn write_row(out: &mut Vec<u8>, fields: impl IntoIterator<Item = String>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_field(out, &f);
    }
    out.extend_from_slice(b"\r\n");
}

fn write_field(out: &mut Vec<u8>, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push(b'"');
        out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(field.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        let mut out = Vec::new();
        write_row(&mut out, ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "", "قال، «نعم»"].map(String::from));
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,قال، «نعم»\r\n"
        );
    }

    #[test]
    fn one_row_per_statement_after_a_header() {
        let text = "قال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا.";
        let analysis = isnad::analyze(text, isnad::OffsetUnit::CodePoint);
        let mut out = Vec::new();
        write_header(&mut out);
        write_statements("doc,1", &analysis, &mut out);
        let csv = String::from_utf8(out).unwrap();
        let rows: Vec<&str> = csv.split_terminator("\r\n").collect();
        assert_eq!(rows.len(), 1 + analysis.statements.len());
        assert!(rows[0].starts_with("doc_id,id,speaker,role,speaker_kind,kind,form,confidence,cue,"));
        assert!(rows[1].starts_with("\"doc,1\",0,"), "{}", rows[1]);
        assert!(rows[1].contains(",claim,indirect,"), "{}", rows[1]);
        assert!(rows[0].ends_with(",chain,rejects_start,rejects_end,rejects_statement,speaker_gender"), "{}", rows[0]);
    }

    #[test]
    fn the_isnad_columns_say_the_chain_the_target_and_the_gender() {
        let text = "وذكرت صحيفة واشنطن بوست أن قراصنة روس اخترقوا شبكة وزارة الخزانة.\n\
                    ونقلت وكالة رويترز عن الوزيرة سلمى حداد قولها إن قراصنة روس لم يخترقوا الوزارة.\n\
                    ونفى الكرملين أن يكون قراصنة روس وراء اختراق الوزارة.";
        let analysis = isnad::analyze(text, isnad::OffsetUnit::CodePoint);
        let mut out = Vec::new();
        write_header(&mut out);
        write_statements("d", &analysis, &mut out);
        let csv = String::from_utf8(out).unwrap();
        let rows: Vec<Vec<&str>> = csv.split_terminator("\r\n").map(|r| r.split(',').collect()).collect();
        let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
        let relayed = rows.iter().find(|r| r[col("speaker")] == "سلمى حداد").expect("the minister's row");
        assert_eq!(relayed[col("chain")], "وكالة رويترز ← سلمى حداد");
        assert_eq!(relayed[col("speaker_gender")], "female");
        let denial = rows.iter().find(|r| r[col("kind")] == "denial").expect("the denial's row");
        let target = analysis.statements.iter().find_map(|s| s.rejects.as_ref()).expect("a target");
        assert_eq!(denial[col("rejects_start")], target.start.to_string());
        assert_eq!(denial[col("rejects_end")], target.end.to_string());
        assert_eq!(denial[col("rejects_statement")], target.statement.unwrap().to_string());
        assert_eq!(denial[col("chain")], "");
    }
}
