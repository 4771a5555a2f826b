// isnad's analysis worker: the body of a classic worker.
//
// Not a script on its own. The page builds the worker's source by appending this file to the
// wasm-bindgen `no-modules` bindings (pkg/isnad_no_modules.js, which define the global
// `wasm_bindgen`) and starts it from a blob: URL. Why one blob instead of a worker file that loads
// the bindings: the same source then works in the single-file build (dist/isnad.html opened from
// disk, where nothing can be fetched and module workers cannot start from a blob: URL), and a
// worker restarted after a cancelled run or a crash costs no request at all.
//
// Messages in:  {type: 'init', module, warm}  a compiled WebAssembly.Module (compiled once by the page);
//                                            warm: analyze WARM_TEXT after 'ready' (see below)
//               {type: 'analyze', seq, text}
// Messages out: {type: 'ready', version}
//               {type: 'part', seq, statements}        (only for texts cut into pieces)
//               {type: 'progress', seq, done, total}   (idem)
//               {type: 'result', seq, analysis, ms}
//               {type: 'error', seq, message}          (seq is null when init failed)

/** Texts up to this many UTF-16 units are analyzed in one call: the normal case, any article. */
const ONE_SHOT_MAX = 300_000;
/** Longer texts are cut into pieces of about this size, at paragraph ends, to report progress. */
const PIECE = 100_000;

/**
 * Cuts a long text into [start, end) pieces that end at a paragraph break (or, lacking one
 * nearby, at a space), so no sentence is split and every piece can be analyzed on its own.
 */
function pieces(text) {
  const out = [];
  let start = 0;
  while (text.length - start > PIECE * 1.5) {
    const from = start + PIECE;
    let cut = text.indexOf('\n', from);
    if (cut < 0 || cut > from + PIECE) cut = text.indexOf(' ', from);
    if (cut < 0) break;
    out.push([start, cut + 1]);
    start = cut + 1;
  }
  out.push([start, text.length]);
  return out;
}

/**
 * The warm-up, run right after 'ready' on the page's first worker while the user is still
 * pasting: V8 compiles the wasm lazily and optimizes hot functions only after they have run a
 * while, so without it the first analysis costs several times the later ones (BENCHMARKS.md).
 * The same text as the npm package's warm.js.
 */
const WARM_TEXT =
  'قال المتحدث باسم وزارة الخارجية، أحمد حافظ، في بيان اليوم إن "المفاوضات مستمرة ولن نتراجع". ' +
  'ونفت الحكومة أن تكون قد تلقت أي طلب رسمي، مؤكدةً أنه لا علاقة لها بذلك.\n\n' +
  'وبحسب ما أفاد مصدر مسؤول طلب عدم الكشف عن هويته، فإن الاجتماع سيعقد غداً. ' +
  'وأضاف الرئيس الأمريكي جو بايدن للصحفيين: «سنواصل العمل مع شركائنا».';
const WARM_RUNS = 10;

const shift = (span, by) => ({ start: span.start + by, end: span.end + by, text: span.text });

/**
 * Analyzes a long text piece by piece and joins the results: spans moved by the piece's offset,
 * one speaker per (kind, name) across pieces, statements renumbered in text order.
 * Attribution does not cross a piece boundary (a pronoun's antecedent in an earlier piece is
 * not seen), which is why this is used only beyond ONE_SHOT_MAX.
 */
function analyzeInPieces(text, seq) {
  const parts = pieces(text);
  const speakers = [];
  const byKey = new Map();
  let statements = 0;
  const diagnostics = new Set();
  parts.forEach(([start, end], i) => {
    const a = wasm_bindgen.analyze(text.slice(start, end));
    const ids = a.speakers.map((sp) => {
      const key = `${sp.kind}\u0000${sp.name}`;
      let id = byKey.get(key);
      if (id === undefined) {
        id = speakers.length;
        byKey.set(key, id);
        speakers.push({ id, name: sp.name, role: sp.role, kind: sp.kind, mentions: [] });
      }
      if (!speakers[id].role && sp.role) speakers[id].role = sp.role;
      if (!speakers[id].gender && sp.gender) speakers[id].gender = sp.gender;
      for (const m of sp.mentions) speakers[id].mentions.push(shift(m, start));
      return id;
    });
    const fresh = [];
    for (const st of a.statements) {
      const s = {
        ...st,
        id: statements + fresh.length,
        speaker: ids[st.speaker],
        cue: shift(st.cue, start),
        content: shift(st.content, start),
      };
      // Issue 16's fields point at speakers and statements of the piece: renumbered likewise.
      if (st.chain) s.chain = st.chain.map((sp) => ids[sp]);
      if (st.rejects) {
        s.rejects = shift(st.rejects, start);
        if (st.rejects.statement != null) s.rejects.statement = statements + st.rejects.statement;
      }
      fresh.push(s);
    }
    for (const d of a.diagnostics) diagnostics.add(d);
    // Statements go out piece by piece: many small messages, none that takes the page long to
    // receive. The final result then carries `statements: null` (the page joins the parts).
    statements += fresh.length;
    self.postMessage({ type: 'part', seq, statements: fresh });
    self.postMessage({ type: 'progress', seq, done: i + 1, total: parts.length });
  });
  return { speakers, statements: null, diagnostics: [...diagnostics] };
}

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    try {
      wasm_bindgen.initSync({ module: msg.module });
      self.postMessage({ type: 'ready', version: wasm_bindgen.version() });
      if (msg.warm) for (let i = 0; i < WARM_RUNS; i++) wasm_bindgen.analyze(WARM_TEXT);
    } catch (err) {
      self.postMessage({ type: 'error', seq: null, message: String(err?.message ?? err) });
    }
  } else if (msg.type === 'analyze') {
    const t0 = performance.now();
    try {
      const analysis = msg.text.length > ONE_SHOT_MAX ? analyzeInPieces(msg.text, msg.seq) : wasm_bindgen.analyze(msg.text);
      self.postMessage({ type: 'result', seq: msg.seq, analysis, ms: performance.now() - t0 });
    } catch (err) {
      // A trap or a panic in the wasm: the page reports it and starts a fresh worker, since the
      // module's memory may be left in a broken state.
      self.postMessage({ type: 'error', seq: msg.seq, message: String(err?.message ?? err) });
    }
  }
};
