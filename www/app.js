// isnad's page: text in, speakers / claims / denials out.
//
// Three parts, kept apart so each can change alone (a web worker for the analysis, export,
// offline):
//   1. the engine    — loadEngine() / analyzeText(): the wasm module; the only code that knows it
//   2. rendering     — render(view, text, analysis): pure DOM building from an analysis object
//   3. the controller — wires the textarea, the seed buttons and the debounce to 1 and 2
//
// Safety rule: text from the user or the analysis only ever reaches the page through
// textContent / createTextNode, never through innerHTML or insertAdjacentHTML.

import init, { analyze, version } from './pkg/isnad.js';

const DEBOUNCE_MS = 150;

// ---------------------------------------------------------------------------------------------
// 1. The engine

let engineReady = null;

/** Loads and compiles the wasm once; resolves to the library's version string. */
export function loadEngine() {
  engineReady ??= init().then(() => version());
  return engineReady;
}

/**
 * Analyzes `text`; resolves to the analysis object (offsets in UTF-16 code units, so
 * text.slice(span.start, span.end) === span.text). Async so that a worker can replace it.
 */
export async function analyzeText(text) {
  await loadEngine();
  return analyze(text);
}

// ---------------------------------------------------------------------------------------------
// 2. Rendering

const KIND_LABEL = { claim: 'تأكيد', denial: 'نفي' };
const KIND_ICON = { claim: '✓', denial: '✗' };
const FORM_LABEL = { direct: 'اقتباس مباشر', indirect: 'نقل غير مباشر', mixed: 'نقل مختلط' };
const SPEAKER_KIND_LABEL = {
  person: 'شخص',
  organization: 'جهة',
  media: 'وسيلة إعلام',
  anonymous: 'مصدر مجهول',
};

/** Creates an element with optional class and text (text via textContent only). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  return node;
}

function speakerName(analysis, st) {
  return analysis.speakers[st.speaker]?.name ?? '؟';
}

/** A span the page can trust: in range and matching the text it claims to cover. */
function spanOk(text, span) {
  return (
    span != null &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= text.length &&
    text.slice(span.start, span.end) === span.text
  );
}

/**
 * Splits `text` into runs at every span boundary; each run knows which cues, contents and
 * mentions cover it. Flat runs, so overlapping or nested statements need no nested markup.
 */
function segment(text, analysis, problems) {
  const ranges = [];
  for (const st of analysis.statements) {
    for (const part of ['cue', 'content']) {
      if (spanOk(text, st[part])) ranges.push({ part, st, start: st[part].start, end: st[part].end });
      else problems.push(`التصريح ${st.id}: مقطع «${part}» لا يطابق النص فلم يُظلَّل`);
    }
  }
  for (const sp of analysis.speakers) {
    for (const m of sp.mentions) {
      if (spanOk(text, m)) ranges.push({ part: 'mention', sp, start: m.start, end: m.end });
    }
  }
  const cuts = new Set([0, text.length]);
  for (const r of ranges) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // A sweep over the cut points, keeping the ranges open at each: linear in practice, even for
  // long texts with thousands of statements.
  ranges.sort((a, b) => a.start - b.start);
  let next = 0;
  let open = [];
  const runs = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    while (next < ranges.length && ranges[next].start <= start) open.push(ranges[next++]);
    open = open.filter((r) => r.end > start);
    // Every open range reaches at least to `end`: `end` is the next cut point.
    runs.push({ start, end, covering: open.slice() });
  }
  return runs;
}

/** The reading view: the whole text, statements' cues and contents highlighted. */
function renderReading(container, text, analysis, problems) {
  const frag = document.createDocumentFragment();
  const started = new Set();
  for (const run of segment(text, analysis, problems)) {
    const piece = text.slice(run.start, run.end);
    const parts = run.covering.filter((r) => r.part !== 'mention');
    const mention = run.covering.find((r) => r.part === 'mention');
    if (parts.length === 0 && !mention) {
      frag.append(document.createTextNode(piece));
      continue;
    }
    // The innermost (shortest) statement part decides how the run looks.
    parts.sort((a, b) => a.end - a.start - (b.end - b.start));
    const inner = parts[0];
    const node = el(inner ? 'mark' : 'span', inner ? `hl ${inner.part} ${inner.st.kind}` : 'mention', piece);
    if (inner) {
      const ids = [...new Set(parts.map((r) => r.st.id))];
      node.dataset.statement = ids.join(' ');
      node.dataset.kind = inner.st.kind;
      node.dataset.speaker = speakerName(analysis, inner.st);
      node.title = `${KIND_LABEL[inner.st.kind] ?? inner.st.kind} — ${speakerName(analysis, inner.st)}`;
      const key = `${inner.st.id}:${inner.part}`;
      if (!started.has(key) && run.start === inner.start) {
        started.add(key);
        node.classList.add('start');
      }
    }
    if (mention) {
      node.classList.add('mention');
      if (!inner) node.title = mention.sp.name;
    }
    frag.append(node);
  }
  container.replaceChildren(frag);
}

/** One line per speaker: name, role, kind, number of claims and denials. */
function renderSpeakers(list, countNode, analysis) {
  const counts = analysis.speakers.map(() => ({ claim: 0, denial: 0 }));
  for (const st of analysis.statements) {
    if (counts[st.speaker] && st.kind in counts[st.speaker]) counts[st.speaker][st.kind]++;
  }
  const items = analysis.speakers.map((sp, i) => {
    const li = el('li', `speaker kind-${sp.kind}`);
    li.dataset.speaker = sp.name;
    const head = el('div', 'speaker-head');
    head.append(el('span', 'speaker-name', sp.name), el('span', 'chip', SPEAKER_KIND_LABEL[sp.kind] ?? sp.kind));
    li.append(head);
    if (sp.role) li.append(el('div', 'speaker-role', sp.role));
    const tally = el('div', 'tally');
    tally.append(
      el('span', 'tally-claim', `${KIND_ICON.claim} ${counts[i].claim} تأكيد`),
      el('span', 'tally-denial', `${KIND_ICON.denial} ${counts[i].denial} نفي`),
      el('span', 'tally-mentions', `${sp.mentions.length} ذِكر`),
    );
    li.append(tally);
    return li;
  });
  list.replaceChildren(...items);
  countNode.textContent = analysis.speakers.length ? `(${analysis.speakers.length})` : '';
}

/** The statements, in text order; each item carries data-kind and data-speaker. */
function renderStatements(list, countNode, analysis, onPick) {
  const items = analysis.statements.map((st) => {
    const li = el('li', `statement ${st.kind}`);
    li.dataset.kind = st.kind;
    li.dataset.speaker = speakerName(analysis, st);
    li.dataset.statement = String(st.id);
    li.tabIndex = 0;
    const head = el('div', 'statement-head');
    head.append(
      el('span', `badge ${st.kind}`, `${KIND_ICON[st.kind] ?? ''} ${KIND_LABEL[st.kind] ?? st.kind}`),
      el('span', 'statement-speaker', speakerName(analysis, st)),
      el('span', 'chip', FORM_LABEL[st.form] ?? st.form),
      el('span', 'confidence', `ثقة ${Math.round((st.confidence ?? 0) * 100)}٪`),
    );
    const body = el('p', 'statement-body');
    body.append(el('span', 'cue-text', st.cue.text), document.createTextNode(' '), el('q', 'content-text', st.content.text));
    li.append(head, body);
    if (st.explain) {
      const why = el('details', 'explain');
      why.append(el('summary', null, 'لماذا؟'), el('p', null, st.explain));
      li.append(why);
    }
    li.addEventListener('click', (e) => {
      if (!e.target.closest('details')) onPick(st.id);
    });
    li.addEventListener('keydown', (e) => {
      if ((e.key === 'Enter' || e.key === ' ') && e.target === li) {
        e.preventDefault();
        onPick(st.id);
      }
    });
    return li;
  });
  list.replaceChildren(...items);
  countNode.textContent = analysis.statements.length ? `(${analysis.statements.length})` : '';
}

/** Status line and diagnostics: what the user should know about this text. */
function renderNotes(view, text, analysis, problems, ms) {
  const notes = [...analysis.diagnostics, ...problems];
  const items = notes.map((d) => {
    const li = el('li', null, d);
    li.dir = 'auto';
    return li;
  });
  view.diagnostics.replaceChildren(...items);
  view.diagnostics.hidden = items.length === 0;
  let status;
  if (text.trim() === '') {
    status = 'الصق نص خبر عربي في المربع أعلاه أو اختر أحد الأمثلة، وسيظهر التحليل أثناء الكتابة.';
  } else if (analysis.statements.length === 0) {
    status = notes.length
      ? 'لم يُعثر على تصريحات منسوبة في هذا النص؛ انظر الملاحظات أدناه.'
      : 'لم يُعثر على تصريحات منسوبة في هذا النص. جرّب خبرًا ينقل أقوال متحدثين (قال، أكد، نفى…).';
  } else {
    const n = analysis.statements.length;
    const d = analysis.statements.filter((s) => s.kind === 'denial').length;
    status = `التصريحات: ${n} (منها ${d} نفي) — المتحدثون: ${analysis.speakers.length}`;
  }
  if (ms != null && text.trim() !== '') status += ` — حُلِّل في ${Math.max(1, Math.round(ms))} مللي ثانية`;
  view.status.textContent = status;
}

/**
 * Draws `analysis` of `text` into `view` (the page's elements). Pure rendering: no analysis, no
 * network; safe to call with any analysis object of the documented shape.
 */
export function render(view, text, analysis, { ms, onPick = () => {} } = {}) {
  const problems = [];
  renderReading(view.reading, text, analysis, problems);
  renderSpeakers(view.speakers, view.speakersCount, analysis);
  renderStatements(view.statements, view.statementsCount, analysis, onPick);
  renderNotes(view, text, analysis, problems, ms);
}

/** An error in words, in the page (never a blank screen). */
export function showError(view, message, err) {
  view.error.replaceChildren(
    el('strong', null, message),
    el('div', 'error-detail', err ? String(err.message ?? err) : ''),
  );
  view.error.hidden = false;
}

function clearError(view) {
  view.error.hidden = true;
  view.error.replaceChildren();
}

// ---------------------------------------------------------------------------------------------
// 3. The controller

function pageView() {
  const $ = (id) => document.getElementById(id);
  return {
    text: $('text'),
    seeds: $('seed-buttons'),
    clear: $('clear'),
    error: $('error'),
    status: $('status'),
    diagnostics: $('diagnostics'),
    reading: $('reading'),
    speakers: $('speakers'),
    speakersCount: $('speakers-count'),
    statements: $('statements'),
    statementsCount: $('statements-count'),
    version: $('version'),
  };
}

/** Scrolls to a statement's highlight in the reading view and flashes it. */
function focusStatement(view, id) {
  const marks = [...view.reading.querySelectorAll('mark[data-statement]')].filter((m) =>
    m.dataset.statement.split(' ').includes(String(id)),
  );
  for (const m of view.reading.querySelectorAll('mark.focus')) m.classList.remove('focus');
  for (const m of marks) m.classList.add('focus');
  marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

async function loadSeeds(view, onText) {
  let seeds;
  try {
    const res = await fetch('seeds/index.json');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    seeds = await res.json();
  } catch (err) {
    showError(view, 'تعذّر تحميل قائمة الأمثلة.', err);
    return;
  }
  const buttons = seeds.map((seed, i) => {
    const b = el('button', 'seed', `مثال ${(i + 1).toLocaleString('ar-EG')}`);
    b.type = 'button';
    b.title = seed.title;
    b.dataset.seed = seed.file;
    b.addEventListener('click', async () => {
      try {
        const res = await fetch(`seeds/${encodeURIComponent(seed.file)}`);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        onText(await res.text());
      } catch (err) {
        showError(view, `تعذّر تحميل المثال ${seed.file}.`, err);
      }
    });
    return b;
  });
  view.seeds.prepend(...buttons);
}

function start() {
  const view = pageView();
  let seq = 0;
  let timer = 0;
  let engineOk = false;

  const update = async () => {
    clearTimeout(timer);
    if (!engineOk) return;
    const mine = ++seq;
    const text = view.text.value;
    const t0 = performance.now();
    let analysis;
    try {
      analysis = await analyzeText(text);
    } catch (err) {
      if (mine !== seq) return;
      const empty = { speakers: [], statements: [], diagnostics: [] };
      render(view, text, empty);
      showError(view, 'تعذّر تحليل هذا النص: توقف المحلل بخطأ.', err);
      return;
    }
    if (mine !== seq) return; // a newer edit is on its way
    clearError(view);
    render(view, text, analysis, {
      ms: performance.now() - t0,
      onPick: (id) => focusStatement(view, id),
    });
  };
  const setText = (text) => {
    view.text.value = text;
    update();
  };

  view.text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  });
  view.clear.addEventListener('click', () => {
    setText('');
    view.text.focus();
  });
  loadSeeds(view, setText);

  loadEngine().then(
    (v) => {
      engineOk = true;
      view.version.textContent = `isnad ${v}`;
      update();
    },
    (err) => {
      view.status.textContent = '';
      showError(view, 'تعذّر تحميل محرك التحليل (WebAssembly). أعد تحميل الصفحة؛ وإن تكرر الخطأ فاستعمل متصفحًا حديثًا.', err);
    },
  );
}

// Anything unexpected still ends up as words on the page.
window.addEventListener('error', (e) => {
  const view = pageView();
  if (view.error) showError(view, 'حدث خطأ غير متوقع في الصفحة.', e.error ?? e.message);
});
window.addEventListener('unhandledrejection', (e) => {
  const view = pageView();
  if (view.error) showError(view, 'حدث خطأ غير متوقع في الصفحة.', e.reason);
});

start();
