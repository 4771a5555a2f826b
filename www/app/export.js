// Export: the analysis as JSON (with the text it points into and the version that made it),
// copied or downloaded, and the statements as CSV (RFC 4180), downloaded. The CLI's
// `--format csv` writes the same columns with the document's id first (src/cli/csv.rs).

import { t } from './i18n.js';
import { el } from './dom.js';

/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value) {
  const s = value == null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const CSV_COLUMNS = [
  'id', 'speaker', 'role', 'speaker_kind', 'kind', 'form', 'confidence',
  'cue', 'cue_start', 'cue_end', 'content', 'content_start', 'content_end',
  'chain', 'rejects_start', 'rejects_end', 'rejects_statement', 'speaker_gender',
];

/**
 * The statements as CSV: a header row, CRLF line ends, offsets in UTF-16 units like the JSON. The
 * chain is its parties' names, outermost first, joined by « ← »; a column the analysis has
 * nothing for is empty.
 */
export function statementsCsv(analysis) {
  const rows = [CSV_COLUMNS];
  for (const st of analysis.statements) {
    const sp = analysis.speakers[st.speaker] ?? {};
    const chain = (st.chain ?? []).map((i) => analysis.speakers[i]?.name ?? '').join(' ← ');
    rows.push([
      st.id, sp.name, sp.role, sp.kind, st.kind, st.form, st.confidence,
      st.cue.text, st.cue.start, st.cue.end, st.content.text, st.content.start, st.content.end,
      chain, st.rejects?.start, st.rejects?.end, st.rejects?.statement, sp.gender,
    ]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The analysis as JSON, with the text it points into and the version that made it. */
function analysisJson(text, analysis, version) {
  return JSON.stringify({ isnad: version, offsets: 'utf-16', text, ...analysis }, null, 2);
}

function download(name, type, body) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = el('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Turns the three export buttons on or off (off while an analysis is on its way). */
export function setExport(view, on) {
  for (const b of [view.copyJson, view.saveJson, view.saveCsv]) b.disabled = !on;
}

/** Wires the export buttons; `drawn()` is { text, analysis, version } of the analysis shown. */
export function setupExport(view, drawn) {
  view.copyJson.addEventListener('click', async () => {
    const { text, analysis, version } = drawn();
    try {
      await navigator.clipboard.writeText(analysisJson(text, analysis, version));
      view.status.textContent = t('copied');
    } catch {
      view.status.textContent = t('copyFailed');
    }
  });
  view.saveJson.addEventListener('click', () => {
    const { text, analysis, version } = drawn();
    download('isnad-analysis.json', 'application/json', analysisJson(text, analysis, version));
  });
  view.saveCsv.addEventListener('click', () =>
    download('isnad-statements.csv', 'text/csv;charset=utf-8', statementsCsv(drawn().analysis)),
  );
}
