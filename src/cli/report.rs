//! `isnad summarize`'s HTML report: one self-contained page a journalist opens from disk, the
//! plots drawn as static SVG, the figures also as tables. No script, no font, no image or style
//! from elsewhere: the page works offline and shows the same thing in every browser.
//!
//! Every text from the archive (names, field values) is escaped ([`esc`]) before it is written.

use super::summary::{Cell, Summary, Table};

/// Okabe–Ito colours, which stay apart for readers with any common colour blindness.
const COLOURS: [&str; 5] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"];
/// Groups and speakers drawn in a plot; the tables below it have them all (speakers: [`TOP_TABLE`]).
const TOP_PLOT: usize = 25;
const TOP_TABLE: usize = 200;

/// The page. `inputs` names what was read, for its heading.
pub fn html(summary: &Summary, inputs: &str) -> String {
    let groups = summary.groups();
    let speakers = summary.speakers();
    let by = summary.by().unwrap_or("group");
    let mut h = String::new();
    h.push_str(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    h.push_str("<title>isnad: who this archive quotes</title>\n<style>\n");
    h.push_str(STYLE);
    h.push_str("</style>\n</head>\n<body>\n<main>\n<h1>Who this archive quotes</h1>\n");
    h.push_str(&format!(
        "<p class=\"lead\">{} documents from {}{}, analyzed by isnad {}: who spoke, what each claimed and \
         what each denied.{}</p>\n",
        thousands(summary.documents()),
        esc(inputs),
        match summary.by() {
            Some(f) => format!(", grouped by <code>{}</code>", esc(f)),
            None => String::new(),
        },
        env!("CARGO_PKG_VERSION"),
        if summary.errors() > 0 {
            format!(" {} lines could not be analyzed and are left out.", thousands(summary.errors()))
        } else {
            String::new()
        },
    ));

    let col = |t: &Table, name: &str| t.column(name).unwrap_or_else(|| panic!("summary column {name}"));
    let int = |c: &Cell| if let Cell::Int(n) = c { *n as f64 } else { 0.0 };
    let share = |c: &Cell| if let Cell::Share(x) = c { *x } else { 0.0 };
    let plotted: Vec<&Vec<Cell>> = groups.rows.iter().take(TOP_PLOT).collect();
    let more = if groups.rows.len() > TOP_PLOT {
        format!(" The {TOP_PLOT} {by} values with the most documents; the table below has all {}.", groups.rows.len())
    } else {
        String::new()
    };

    // 1. The share of anonymous sources.
    let (anon, speakers_col, docs) =
        (col(&groups, "anonymous_share"), col(&groups, "speakers"), col(&groups, "documents"));
    let rows: Vec<Bar> = plotted
        .iter()
        .map(|r| Bar {
            label: group_label(&r[0]),
            parts: vec![share(&r[anon])],
            note: format!(
                "{}: {} of {} sources, {} docs",
                percent(share(&r[anon])),
                thousands(int(&r[col(&groups, "anonymous")]) as u64),
                thousands(int(&r[speakers_col]) as u64),
                thousands(int(&r[docs]) as u64)
            ),
        })
        .collect();
    h.push_str(&format!("<h2>Anonymous sources by {}</h2>\n", esc(by)));
    h.push_str(&format!(
        "<p>The share of sources that are unnamed («مصدر مطلع», «مسؤولون») among all the sources of \
         each {}'s documents, each source counted once per document.{more}</p>\n",
        esc(by)
    ));
    // The scale: the largest share and a quarter more, in tenths (a share of 13 % fills half the
    // width rather than an eighth).
    let top_share = rows.iter().map(|r| r.parts[0]).fold(0.0, f64::max);
    let scale = ((top_share * 1.25 * 10.0).ceil() / 10.0).clamp(0.1, 1.0);
    h.push_str(&bars("anonymous", &format!("Share of anonymous sources by {by}"), &rows, scale, &[], true));

    // 2. Kinds of source.
    let kinds = ["persons", "organizations", "media", "anonymous"];
    let kind_cols: Vec<usize> = kinds.iter().map(|k| col(&groups, k)).collect();
    let rows: Vec<Bar> = plotted
        .iter()
        .map(|r| {
            let total = int(&r[speakers_col]).max(1.0);
            Bar {
                label: group_label(&r[0]),
                parts: kind_cols.iter().map(|&c| int(&r[c]) / total).collect(),
                note: format!("{} sources", thousands(int(&r[speakers_col]) as u64)),
            }
        })
        .collect();
    h.push_str(&format!("<h2>Who the sources are, by {}</h2>\n", esc(by)));
    h.push_str("<p>Named persons, organizations (ministries, parties, companies), media and anonymous sources, as shares of each group's sources.</p>\n");
    h.push_str(&bars("kinds", &format!("Kinds of source by {by}"), &rows, 1.0, &kinds, true));

    // 3. Gender, when the analyses carry it.
    if summary.has_gender() {
        let (f, m) = (col(&groups, "persons_female"), col(&groups, "persons_male"));
        let rows: Vec<Bar> = plotted
            .iter()
            .map(|r| {
                let marked = (int(&r[f]) + int(&r[m])).max(1.0);
                Bar {
                    label: group_label(&r[0]),
                    parts: vec![int(&r[f]) / marked, int(&r[m]) / marked],
                    note: format!(
                        "{} of {} persons marked",
                        thousands(int(&r[f]) as u64),
                        thousands((int(&r[f]) + int(&r[m])) as u64)
                    ),
                }
            })
            .collect();
        h.push_str(&format!("<h2>Women and men among named persons, by {}</h2>\n", esc(by)));
        h.push_str("<p>Persons whose gender the Arabic marks (قالت / قال، الوزيرة / الوزير); persons it does not mark are left out of the shares.</p>\n");
        h.push_str(&bars(
            "gender",
            &format!("Women and men among persons by {by}"),
            &rows,
            1.0,
            &["female", "male"],
            true,
        ));
    }

    // 4. The most quoted.
    let (name, kind, claims, denials, sdocs) = (
        col(&speakers, "name"),
        col(&speakers, "kind"),
        col(&speakers, "claims"),
        col(&speakers, "denials"),
        col(&speakers, "documents"),
    );
    let top: Vec<&Vec<Cell>> = speakers.rows.iter().take(TOP_PLOT).collect();
    let max = top.iter().map(|r| int(&r[claims]) + int(&r[denials])).fold(1.0, f64::max);
    let rows: Vec<Bar> = top
        .iter()
        .map(|r| Bar {
            label: r[name].text(),
            parts: vec![int(&r[claims]), int(&r[denials])],
            note: format!(
                "{}: {} claims, {} denials, {} docs",
                r[kind].text(),
                thousands(int(&r[claims]) as u64),
                thousands(int(&r[denials]) as u64),
                thousands(int(&r[sdocs]) as u64)
            ),
        })
        .collect();
    h.push_str("<h2>The most quoted</h2>\n");
    h.push_str("<p>Speakers with the most statements across the archive, each name folded (spelling variants and diacritics merged) and kept apart by kind.</p>\n");
    h.push_str(&bars("speakers", "The most quoted speakers", &rows, max, &["claims", "denials"], false));

    h.push_str(&format!("<h2>All {} values</h2>\n", esc(by)));
    h.push_str(&table(&groups, usize::MAX));
    h.push_str(&format!(
        "<h2>Speakers{}</h2>\n",
        if speakers.rows.len() > TOP_TABLE {
            format!(" (the {TOP_TABLE} most quoted of {})", thousands(speakers.rows.len() as u64))
        } else {
            String::new()
        }
    ));
    h.push_str(&table(&speakers, TOP_TABLE));
    h.push_str(NOTE);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// One bar: its label, its parts (stacked, in the legend's order) and the text after it.
struct Bar {
    label: String,
    parts: Vec<f64>,
    note: String,
}

/// A horizontal bar chart as inline SVG, with a legend when `legend` names the parts.
fn bars(id: &str, title: &str, rows: &[Bar], max: f64, legend: &[&str], percent_axis: bool) -> String {
    const W: f64 = 960.0;
    const LABEL: f64 = 250.0;
    const BAR: f64 = 360.0;
    const ROW: f64 = 24.0;
    let top = if legend.is_empty() { 8.0 } else { 34.0 };
    let height = top + ROW * rows.len() as f64 + 26.0;
    let mut s = format!(
        "<figure>\n<svg id=\"{id}\" viewBox=\"0 0 {W} {height}\" width=\"{W}\" role=\"img\" aria-labelledby=\"{id}-title\" \
         xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n\
         <title id=\"{id}-title\">{}</title>\n",
        esc(title)
    );
    let mut x = LABEL;
    for (i, name) in legend.iter().enumerate() {
        s.push_str(&format!(
            "<rect x=\"{x}\" y=\"8\" width=\"14\" height=\"14\" fill=\"{}\"/><text x=\"{}\" y=\"20\">{}</text>\n",
            COLOURS[i % COLOURS.len()],
            x + 19.0,
            esc(name)
        ));
        x += 30.0 + 8.0 * name.chars().count() as f64;
    }
    // Grid lines at quarters of the scale.
    for q in 0..=4 {
        let gx = LABEL + BAR * f64::from(q) / 4.0;
        let value = max * f64::from(q) / 4.0;
        let label = if percent_axis { percent(value) } else { thousands(value.round() as u64) };
        s.push_str(&format!(
            "<line x1=\"{gx}\" y1=\"{top}\" x2=\"{gx}\" y2=\"{}\" stroke=\"#ccc\"/><text x=\"{gx}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{label}</text>\n",
            height - 22.0,
            height - 8.0
        ));
    }
    for (i, row) in rows.iter().enumerate() {
        let y = top + ROW * i as f64;
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            LABEL - 8.0,
            y + 16.0,
            esc(&shorten(&row.label, 36))
        ));
        let mut x = LABEL;
        for (j, part) in row.parts.iter().enumerate() {
            let w = if max > 0.0 { BAR * part / max } else { 0.0 };
            if w > 0.0 {
                s.push_str(&format!(
                    "<rect x=\"{x:.1}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\" fill=\"{}\"/>\n",
                    y + 4.0,
                    ROW - 8.0,
                    COLOURS[j % COLOURS.len()]
                ));
            }
            x += w;
        }
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" fill=\"#333\">{}</text>\n",
            LABEL + BAR + 8.0,
            y + 16.0,
            esc(&row.note)
        ));
    }
    s.push_str("</svg>\n</figure>\n");
    s
}

/// A table of the first `max` rows; numbers right-aligned, text in its own direction.
fn table(t: &Table, max: usize) -> String {
    let mut s = String::from("<div class=\"scroll\"><table>\n<thead><tr>");
    for c in &t.columns {
        s.push_str(&format!("<th>{}</th>", esc(&c.replace('_', " "))));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for row in t.rows.iter().take(max) {
        s.push_str("<tr>");
        for cell in row {
            match cell {
                Cell::Text(x) => s.push_str(&format!("<td dir=\"auto\">{}</td>", esc(x))),
                Cell::Int(n) => s.push_str(&format!("<td class=\"n\">{}</td>", thousands(*n))),
                Cell::Share(x) => s.push_str(&format!("<td class=\"n\">{}</td>", percent(*x))),
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table></div>\n");
    s
}

/// A group's value as a label: the empty value (the field missing or null) named.
fn group_label(c: &Cell) -> String {
    match c.text() {
        s if s.is_empty() => "(none)".into(),
        s => s,
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max - 1).collect::<String>() + "…"
    }
}

fn percent(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

fn thousands(n: u64) -> String {
    super::jsonl::thousands(n)
}

/// Text for HTML and SVG: the five characters that could end a text or an attribute escaped.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: #222; background: #fff; }
main { max-width: 1000px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .3rem; }
.lead { color: #444; }
figure { margin: .5rem 0; overflow-x: auto; }
svg { max-width: 100%; height: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e3e3e3; text-align: start; white-space: nowrap; }
th { position: sticky; top: 0; background: #f4f4f4; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code { background: #f1f1f1; padding: 0 .25em; }
.note { color: #555; font-size: 13px; margin-top: 2rem; }
";

const NOTE: &str = "<p class=\"note\">How this is counted: a source is a speaker isnad found in a document, \
counted once per document however often it speaks; a speaker across the archive is one folded name of one kind \
(so «أحمد» and «احمد» are one, and a person and a body of the same name are two). Anonymous means the text does \
not name the source. The figures are isnad's reading, which finds about two statements in three with the right \
speaker on news it has not seen (see the README's Accuracy): use them to compare groups and to find articles to \
read, not as a count of record. The CSV files beside this page hold the same tables.</p>\n";

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn archive_text_is_escaped_and_nothing_is_loaded_from_elsewhere() {
        let mut s = Summary::new(Some("outlet".into()));
        let speaker =
            json!({"id": 0, "name": "<script>alert(1)</script>", "role": "", "kind": "person", "mentions": []});
        s.add(&json!({"outlet": "\"><b onmouseover=alert(1)>",
            "analysis": {"speakers": [speaker], "statements": [{"id": 0, "speaker": 0, "kind": "claim"}]}}))
            .unwrap();
        let page = html(&s, "a&b.jsonl");
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<b "));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("a&amp;b.jsonl"));
        for far in ["src=", "href=", "@import", "url("] {
            assert!(!page.contains(far), "the page refers to something outside itself: {far}");
        }
        assert_eq!(page.matches("<svg").count(), 3, "anonymous, kinds, speakers (no gender in the input)");
    }

    #[test]
    fn bars_scale_to_the_maximum() {
        let rows = [Bar { label: "a".into(), parts: vec![2.0, 1.0], note: String::new() }];
        let svg = bars("t", "t", &rows, 4.0, &["x", "y"], false);
        assert!(svg.contains("width=\"180.0\""), "2 of 4 is half of 360: {svg}");
        assert!(
            svg.contains("x=\"430.0\" y=\"38\" width=\"90.0\""),
            "the second part starts where the first ends: {svg}"
        );
    }
}
