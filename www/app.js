// isnad's page: text in, speakers / claims / denials out.
//
// Parts, kept apart so each can change alone:
//   1. words        — the UI text in Arabic and English
//   2. the engine   — a Web Worker running the wasm; restarted when a run goes stale or crashes
//   3. rendering    — DOM building from an analysis object, in time slices for long texts
//   4. export       — JSON and CSV, copied or downloaded
//   5. keeping      — the text in IndexedDB, in this browser only
//   6. the controller — wires the controls to 2–5
//
// Safety rule: text from the user or the analysis only ever reaches the page through
// textContent / createTextNode / attribute values, never through an HTML parser
// (tests/e2e/lint.test.mjs fails the build if one is used anywhere in www/).
//
// Two ways to run: served (index.html fetches pkg/isnad_no_modules.js, worker.js and the wasm from its
// origin), or as the single file dist/isnad.html, where they are inlined in data blocks
// (#isnad-bindings, #isnad-worker, #isnad-wasm, #isnad-seeds) and nothing is fetched.

// ---------------------------------------------------------------------------------------------
// 1. Words

const WORDS = {
  ar: {
    title: 'إسناد',
    tagline: 'من قال ماذا في الخبر: المتحدثون، وما أكّدوه، وما نفوه.',
    input: 'نص الخبر',
    examples: 'أمثلة',
    example: (n) => `مثال ${n.toLocaleString('ar-EG')}`,
    clear: 'مسح النص',
    placeholder: 'الصق هنا نص خبر باللغة العربية، أو اختر أحد الأمثلة…',
    kept: 'يبقى النص في هذا المتصفح وحده (ولو أُعيد تحميل الصفحة) حتى تضغط «مسح النص»؛ لا يُرسَل إلى أي مكان.',
    notKept: 'تعذّر حفظ النص في هذا المتصفح (التخزين غير متاح هنا)؛ سيضيع عند إعادة التحميل.',
    progress: 'تقدّم التحليل',
    export: 'تصدير التحليل',
    copyJson: 'نسخ JSON',
    saveJson: 'تنزيل JSON',
    saveCsv: 'تنزيل CSV للتصريحات',
    copied: 'نُسخ التحليل (JSON) إلى الحافظة.',
    copyFailed: 'تعذّر النسخ إلى الحافظة؛ استعمل «تنزيل JSON».',
    reading: 'قراءة النص',
    claim: 'تأكيد',
    denial: 'نفي',
    cue: 'فعل القول',
    readingHelp: 'مرّر المؤشر على مقطع مظلَّل أو انتقل إليه بلوحة المفاتيح (Tab ثم الأسهم) لترى المتحدث ونوع التصريح ودرجة الثقة.',
    speakers: 'المتحدثون',
    statements: 'التصريحات',
    show: 'اعرض',
    all: 'الكل',
    claims: 'التأكيدات',
    denials: 'النفي',
    speaker: 'المتحدث',
    allSpeakers: 'كل المتحدثين',
    statementsHelp: 'الأسهم للتنقل بين التصريحات، وEnter لإظهار التصريح في النص.',
    footer: 'يجري التحليل كاملًا داخل متصفحك؛ لا يُرسَل النص إلى أي خادم، وتعمل الصفحة دون اتصال بعد زيارتها مرة.',
    loading: 'جارٍ تحميل محرك التحليل…',
    empty: 'الصق نص خبر عربي في المربع أعلاه أو اختر أحد الأمثلة، وسيظهر التحليل أثناء الكتابة.',
    notArabic: 'لم يُعثر على حروف عربية في هذا النص. إسناد يقرأ الأخبار المكتوبة بالعربية: الصق نصًا عربيًا.',
    none: 'لم يُعثر على تصريحات منسوبة في هذا النص. جرّب خبرًا ينقل أقوال متحدثين (قال، أكد، نفى…).',
    noneNotes: 'لم يُعثر على تصريحات منسوبة في هذا النص؛ انظر الملاحظات أدناه.',
    working: 'جارٍ التحليل…',
    summary: (n, d, s) => `التصريحات: ${n} (منها ${d} نفي) — المتحدثون: ${s}`,
    took: (ms) => ` — حُلِّل في ${ms} مللي ثانية`,
    shown: (n, all) => (n === all ? `(${all})` : `(${n} من ${all})`),
    tallyClaim: (n) => `${n} تأكيد`,
    tallyDenial: (n) => `${n} نفي`,
    mentions: (n) => `${n} ذِكر`,
    confidence: (p) => `ثقة ${p}٪`,
    why: 'لماذا؟',
    tipSpeaker: 'المتحدث',
    tipRole: 'الصفة',
    tipKind: 'النوع',
    tipForm: 'الصيغة',
    tipConfidence: 'الثقة',
    form: { direct: 'اقتباس مباشر', indirect: 'نقل غير مباشر', mixed: 'نقل مختلط' },
    speakerKind: { person: 'شخص', organization: 'جهة', media: 'وسيلة إعلام', anonymous: 'مصدر مجهول' },
    badSpan: (id, part) => `التصريح ${id}: مقطع «${part}» لا يطابق النص فلم يُظلَّل`,
    engineFailed: 'تعذّر تحميل محرك التحليل (WebAssembly). أعد تحميل الصفحة؛ وإن تكرر الخطأ فاستعمل متصفحًا حديثًا.',
    analysisFailed: 'تعذّر تحليل هذا النص: توقف المحلل بخطأ. أُعيد تشغيل المحلل؛ عدّل النص أو جرّب نصًا آخر.',
    seedsFailed: 'تعذّر تحميل قائمة الأمثلة.',
    seedFailed: (f) => `تعذّر تحميل المثال ${f}.`,
    unexpected: 'حدث خطأ غير متوقع في الصفحة.',
    other: 'English',
  },
  en: {
    title: 'isnad',
    tagline: 'Who said what in Arabic news: the speakers, what they claimed and what they denied.',
    input: 'Article text',
    examples: 'Examples',
    example: (n) => `Example ${n}`,
    clear: 'Clear text',
    placeholder: 'Paste an Arabic news article here, or pick an example…',
    kept: 'The text stays in this browser only (even across reloads) until you press “Clear text”; it is never sent anywhere.',
    notKept: 'This browser cannot keep the text (storage unavailable); it will be lost on reload.',
    progress: 'Analysis progress',
    export: 'Export the analysis',
    copyJson: 'Copy JSON',
    saveJson: 'Download JSON',
    saveCsv: 'Download statements CSV',
    copied: 'The analysis (JSON) is on the clipboard.',
    copyFailed: 'Could not copy to the clipboard; use “Download JSON”.',
    reading: 'Reading view',
    claim: 'claim',
    denial: 'denial',
    cue: 'speech verb',
    readingHelp: 'Hover over a highlight, or reach it with the keyboard (Tab, then the arrow keys), to see its speaker, kind and confidence.',
    speakers: 'Speakers',
    statements: 'Statements',
    show: 'Show',
    all: 'All',
    claims: 'Claims',
    denials: 'Denials',
    speaker: 'Speaker',
    allSpeakers: 'All speakers',
    statementsHelp: 'Arrow keys move between statements; Enter shows one in the text.',
    footer: 'The whole analysis runs in your browser; the text is never sent to a server, and the page works offline after one visit.',
    loading: 'Loading the analysis engine…',
    empty: 'Paste an Arabic news article above or pick an example; the analysis updates as you type.',
    notArabic: 'This text has no Arabic letters. isnad reads news written in Arabic: paste an Arabic text.',
    none: 'No attributed statements found. Try an article that reports what people said (قال، أكد، نفى…).',
    noneNotes: 'No attributed statements found; see the notes below.',
    working: 'Analyzing…',
    summary: (n, d, s) => `Statements: ${n} (${d} denials) — speakers: ${s}`,
    took: (ms) => ` — analyzed in ${ms} ms`,
    shown: (n, all) => (n === all ? `(${all})` : `(${n} of ${all})`),
    tallyClaim: (n) => `${n} claims`,
    tallyDenial: (n) => `${n} denials`,
    mentions: (n) => `${n} mentions`,
    confidence: (p) => `confidence ${p}%`,
    why: 'Why?',
    tipSpeaker: 'Speaker',
    tipRole: 'Role',
    tipKind: 'Kind',
    tipForm: 'Form',
    tipConfidence: 'Confidence',
    form: { direct: 'direct quotation', indirect: 'reported speech', mixed: 'mixed' },
    speakerKind: { person: 'person', organization: 'organization', media: 'media', anonymous: 'anonymous source' },
    badSpan: (id, part) => `statement ${id}: its ${part} does not match the text and is not highlighted`,
    engineFailed: 'Could not load the analysis engine (WebAssembly). Reload the page; if it happens again, use a recent browser.',
    analysisFailed: 'The analyzer stopped with an error on this text. It has been restarted; edit the text or try another one.',
    seedsFailed: 'Could not load the list of examples.',
    seedFailed: (f) => `Could not load the example ${f}.`,
    unexpected: 'Something unexpected went wrong in the page.',
    other: 'العربية',
  },
};

let lang = 'ar';
const t = (key) => WORDS[lang][key];

const KIND_ICON = { claim: '✓', denial: '✗' };
const SPEAKER_ICON = { person: '👤', organization: '🏛', media: '📰', anonymous: '❓' };
/** Speakers get one of this many tints (classes sp0…sp9 in style.css), by their index. */
const TINTS = 10;

// ---------------------------------------------------------------------------------------------
// 2. The engine

const inline = (id) => document.getElementById(id)?.textContent;

/** The wasm module, compiled once; every worker instantiates it without fetching anything. */
async function compileWasm() {
  const b64 = inline('isnad-wasm');
  if (b64 != null) {
    const raw = atob(b64.trim());
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return WebAssembly.compile(bytes);
  }
  const res = await fetch('pkg/isnad_bg.wasm');
  if (!res.ok) throw new Error(`pkg/isnad_bg.wasm: HTTP ${res.status}`);
  return WebAssembly.compileStreaming(res);
}

async function fetchText(path) {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.text();
}

/** The worker's source: the bindings, then the worker body (see worker.js). */
async function workerSource() {
  const bindings = inline('isnad-bindings') ?? (await fetchText('pkg/isnad_no_modules.js'));
  const body = inline('isnad-worker') ?? (await fetchText('worker.js'));
  return `${bindings}\n${body}`;
}

/**
 * The analysis engine: one worker at a time. A new request while one is running terminates the
 * worker (the stale run cannot be interrupted any other way) and starts a fresh one from the
 * same compiled module; a crash does the same. Results carry a sequence number, so a late
 * answer to an old request is never shown.
 */
class Engine {
  constructor(module, sourceUrl) {
    this.module = module;
    this.sourceUrl = sourceUrl;
    this.seq = 0;
    this.pending = null; // { seq, resolve, reject, onProgress }
    this.restarts = 0;
  }

  /**
   * Starts a worker; resolves to the library's version once it has instantiated the wasm.
   * `warm`: the worker then analyzes a built-in text, so the user's first analysis runs on
   * optimized code (only for the first worker: a restarted one gets a request at once, and
   * finds the module's code already optimized, since workers share the compiled module).
   */
  start(warm = false) {
    this.worker?.terminate();
    const worker = new Worker(this.sourceUrl, { name: 'isnad-analysis' });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'ready') resolve(m.version);
        else if (m.type === 'error' && m.seq === null) reject(new Error(m.message));
        else this.answer(m);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        const err = new Error(e.message || 'the analysis worker failed');
        reject(err);
        if (this.pending?.sent) this.fail(err);
      };
    });
    worker.postMessage({ type: 'init', module: this.module, warm });
    return this.ready;
  }

  answer(m) {
    const p = this.pending;
    if (!p || m.seq !== p.seq) return; // stale
    if (m.type === 'part') {
      p.parts.push(m.statements);
    } else if (m.type === 'progress') {
      p.onProgress?.(m.done / m.total);
    } else if (m.type === 'result') {
      this.pending = null;
      if (m.analysis.statements === null) m.analysis.statements = p.parts.flat();
      p.resolve({ analysis: m.analysis, ms: m.ms });
    } else if (m.type === 'error') {
      this.fail(new Error(m.message));
    }
  }

  /** The worker crashed or the wasm trapped: report to the caller, start afresh. */
  fail(err) {
    const p = this.pending;
    this.pending = null;
    this.restarts++;
    document.documentElement.dataset.engineRestarts = String(this.restarts);
    this.start().catch(() => {});
    p?.reject(err);
  }

  /**
   * Analyzes `text`; rejects with {stale: true} when a newer request replaced this one before
   * it finished. A stale run already in the worker is stopped by replacing the worker.
   */
  analyze(text, onProgress) {
    const old = this.pending;
    if (old) {
      this.pending = null;
      old.reject({ stale: true });
      if (old.sent) this.start().catch(() => {});
    }
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      const p = { seq, resolve, reject, onProgress, sent: false, parts: [] };
      this.pending = p;
      this.ready.then(
        () => {
          if (this.pending !== p) return;
          p.sent = true;
          this.worker.postMessage({ type: 'analyze', seq, text });
        },
        (err) => {
          if (this.pending !== p) return;
          this.pending = null;
          reject(err);
        },
      );
    });
  }
}

async function loadEngine() {
  const [module, source] = await Promise.all([compileWasm(), workerSource()]);
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const engine = new Engine(module, url);
  const v = await engine.start(true);
  return { engine, version: v };
}

// ---------------------------------------------------------------------------------------------
// 3. Rendering

/** Creates an element with optional class and text (text via textContent only). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  return node;
}

const speakerOf = (analysis, st) => analysis.speakers[st.speaker];
const speakerName = (analysis, st) => speakerOf(analysis, st)?.name ?? '؟';
const tint = (speakerId) => `sp${speakerId % TINTS}`;

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
 * Splits `text` into runs at every span boundary and after every line break; each run knows
 * which cues, contents and mentions cover it. Flat runs, so overlapping or nested statements
 * need no nested markup, and no run crosses a paragraph.
 */
async function segment(text, analysis, problems) {
  const ranges = [];
  for (const st of analysis.statements) {
    for (const part of ['cue', 'content']) {
      if (spanOk(text, st[part])) ranges.push({ part, st, start: st[part].start, end: st[part].end });
      else problems.push(t('badSpan')(st.id, part));
    }
  }
  for (const sp of analysis.speakers) {
    for (const m of sp.mentions) {
      if (spanOk(text, m)) ranges.push({ part: 'mention', sp, start: m.start, end: m.end });
    }
  }
  await yieldNow();
  const cuts = new Set([0, text.length]);
  for (const r of ranges) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) cuts.add(i + 1);
  const points = Float64Array.from(cuts).sort(); // typed: a numeric sort, and a fast one
  // A sweep over the cut points, keeping the ranges open at each: linear in practice.
  ranges.sort((a, b) => a.start - b.start);
  let next = 0;
  let open = [];
  await yieldNow();
  const runs = [];
  let t0 = performance.now();
  for (let i = 0; i + 1 < points.length; i++) {
    if ((i & 1023) === 1023 && performance.now() - t0 > SLICE_MS) {
      await yieldNow(); // a 5 MB text has some 100 000 runs
      t0 = performance.now();
    }
    const [start, end] = [points[i], points[i + 1]];
    while (next < ranges.length && ranges[next].start <= start) open.push(ranges[next++]);
    if (open.length) open = open.filter((r) => r.end > start);
    runs.push({ start, end, covering: open.length ? open.slice() : null });
  }
  return runs;
}

/** Yields to the event loop so that no task runs long (input, paint and scroll go on). */
const yieldNow = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Work done between two yields, in ms: far under the 200 ms a user notices as a freeze. */
const SLICE_MS = 15;

/** Beyond this many runs or statements, off-screen parts are left unrendered (style.css `.many`). */
const MANY = 2000;

/** Runs `fn` over `items`, yielding every SLICE_MS; stops early when `alive()` turns false. */
async function sliced(items, fn, alive) {
  let t0 = performance.now();
  for (let i = 0; i < items.length; i++) {
    fn(items[i], i);
    if ((i & 63) === 63 && performance.now() - t0 > SLICE_MS) {
      await yieldNow();
      if (!alive()) return false;
      t0 = performance.now();
    }
  }
  return true;
}

/**
 * The reading view: the whole text in paragraph blocks, each statement's cue and content
 * highlighted and tinted in its speaker's color. The first highlight of each statement is its
 * keyboard stop (roving tabindex: one Tab stop, arrows move on).
 */
async function renderReading(container, text, analysis, problems, alive) {
  await yieldNow();
  if (!alive()) return false;
  const runs = await segment(text, analysis, problems);
  if (!alive()) return false;
  container.replaceChildren();
  container.classList.toggle('many', runs.length > MANY);
  let para = el('div', 'para');
  container.append(para);
  const anchored = new Set();
  const contentStarted = new Set();
  return sliced(
    runs,
    (run) => {
      const piece = text.slice(run.start, run.end);
      const parts = run.covering ? run.covering.filter((r) => r.part !== 'mention') : [];
      const mention = run.covering?.find((r) => r.part === 'mention');
      if (parts.length === 0 && !mention) {
        para.append(document.createTextNode(piece));
      } else {
        // The innermost (shortest) statement part decides how the run looks.
        parts.sort((a, b) => a.end - a.start - (b.end - b.start));
        const inner = parts[0];
        let node;
        if (inner) {
          const st = inner.st;
          node = el('mark', `hl ${inner.part} ${st.kind} ${tint(st.speaker)}`, piece);
          node.dataset.statement = [...new Set(parts.map((r) => r.st.id))].join(' ');
          node.dataset.kind = st.kind;
          node.dataset.speaker = speakerName(analysis, st);
          if (inner.part === 'content' && run.start === inner.start && !contentStarted.has(st.id)) {
            contentStarted.add(st.id);
            node.classList.add('start');
          }
          if (!anchored.has(st.id)) {
            anchored.add(st.id);
            node.classList.add('anchor');
            node.tabIndex = anchored.size === 1 ? 0 : -1;
          }
        } else {
          node = el('span', null, piece);
        }
        if (mention) node.classList.add('mention');
        para.append(node);
      }
      if (piece.endsWith('\n') && run.end < text.length) {
        para = el('div', 'para');
        container.append(para);
      }
    },
    alive,
  );
}

/** One entry per speaker: icon, name, role, kind, counts; a button that finds them in the text. */
function renderSpeakers(view, analysis, onPick) {
  const counts = analysis.speakers.map(() => ({ claim: 0, denial: 0 }));
  for (const st of analysis.statements) {
    if (counts[st.speaker] && st.kind in counts[st.speaker]) counts[st.speaker][st.kind]++;
  }
  const items = analysis.speakers.map((sp, i) => {
    const li = el('li', `speaker kind-${sp.kind} ${tint(i)}`);
    li.dataset.speaker = sp.name;
    li.dataset.speakerId = String(i);
    const b = el('button', 'speaker-button');
    b.type = 'button';
    const head = el('span', 'speaker-head');
    const icon = el('span', 'speaker-icon', SPEAKER_ICON[sp.kind] ?? '•');
    icon.setAttribute('aria-hidden', 'true');
    head.append(icon, el('span', 'speaker-name', sp.name), el('span', 'chip', t('speakerKind')[sp.kind] ?? sp.kind));
    b.append(head);
    if (sp.role) b.append(el('span', 'speaker-role', sp.role));
    const tally = el('span', 'tally');
    tally.append(
      el('span', 'tally-claim', `${KIND_ICON.claim} ${t('tallyClaim')(counts[i].claim)}`),
      el('span', 'tally-denial', `${KIND_ICON.denial} ${t('tallyDenial')(counts[i].denial)}`),
      el('span', 'tally-mentions', t('mentions')(sp.mentions.length)),
    );
    b.append(tally);
    b.addEventListener('click', () => onPick(i));
    li.append(b);
    return li;
  });
  view.speakers.replaceChildren(...items);
  view.speakersCount.textContent = analysis.speakers.length ? `(${analysis.speakers.length})` : '';
  // The speaker filter's choices follow the speakers.
  const keep = view.speakerFilter.value;
  const options = analysis.speakers.map((sp, i) => {
    const o = el('option', null, sp.name);
    o.value = String(i);
    return o;
  });
  view.speakerFilter.replaceChildren(view.speakerFilter.options[0], ...options);
  view.speakerFilter.value = keep && Number(keep) < analysis.speakers.length ? keep : '';
}

/** The statements, in text order; each item carries data-kind, data-speaker, data-statement. */
async function renderStatements(view, analysis, alive) {
  const list = view.statements;
  list.replaceChildren();
  list.classList.toggle('many', analysis.statements.length > MANY);
  const frag = document.createDocumentFragment();
  const ok = await sliced(
    analysis.statements,
    (st, i) => {
      const li = el('li', `statement ${st.kind} ${tint(st.speaker)}`);
      li.dataset.kind = st.kind;
      li.dataset.speaker = speakerName(analysis, st);
      li.dataset.speakerId = String(st.speaker);
      li.dataset.statement = String(st.id);
      li.tabIndex = i === 0 ? 0 : -1;
      const head = el('div', 'statement-head');
      head.append(
        el('span', `badge ${st.kind}`, `${KIND_ICON[st.kind] ?? ''} ${t(st.kind) ?? st.kind}`),
        el('span', 'statement-speaker', speakerName(analysis, st)),
        el('span', 'chip', t('form')[st.form] ?? st.form),
        el('span', 'confidence', t('confidence')(Math.round((st.confidence ?? 0) * 100))),
      );
      const body = el('p', 'statement-body');
      body.append(el('span', 'cue-text', st.cue.text), document.createTextNode(' '), el('q', 'content-text', st.content.text));
      li.append(head, body);
      if (st.explain) {
        const why = el('details', 'explain');
        const p = el('p', null, st.explain);
        p.lang = 'en';
        why.append(el('summary', null, t('why')), p);
        li.append(why);
      }
      frag.append(li);
      // Long lists appear in pieces rather than all at the end.
      if (frag.childNodes.length >= 500) list.append(frag);
    },
    alive,
  );
  list.append(frag);
  return ok;
}

/** Shows only the statements that pass the kind and speaker filters; updates the count. */
function applyFilters(view, analysis) {
  const kind = view.kindFilter().value;
  const speaker = view.speakerFilter.value;
  let shown = 0;
  let firstShown = null;
  for (const li of view.statements.children) {
    const ok = (kind === 'all' || li.dataset.kind === kind) && (speaker === '' || li.dataset.speakerId === speaker);
    li.hidden = !ok;
    if (ok) {
      shown++;
      firstShown ??= li;
    }
  }
  // Keep one Tab stop in the list, on a visible item.
  const stop = view.statements.querySelector('li[tabindex="0"]');
  if (firstShown && (!stop || stop.hidden)) {
    stop?.setAttribute('tabindex', '-1');
    firstShown.tabIndex = 0;
  }
  const all = analysis?.statements.length ?? 0;
  view.statementsCount.textContent = all ? t('shown')(shown, all) : '';
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
  if (text.trim() === '') status = t('empty');
  else if (!/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text)) status = t('notArabic');
  else if (analysis.statements.length === 0) status = notes.length ? t('noneNotes') : t('none');
  else {
    const d = analysis.statements.filter((s) => s.kind === 'denial').length;
    status = t('summary')(analysis.statements.length, d, analysis.speakers.length);
  }
  if (ms != null && text.trim() !== '') status += t('took')(Math.max(1, Math.round(ms)));
  view.status.textContent = status;
}

/** The highlights of statement `id` in the reading view. */
function marksOf(view, id) {
  return [...view.reading.querySelectorAll('mark[data-statement]')].filter((m) =>
    m.dataset.statement.split(' ').includes(String(id)),
  );
}

/** Scrolls to a statement's highlight and flashes it (the flash restarts on every call). */
function showStatement(view, id) {
  for (const m of view.reading.querySelectorAll('mark.flash')) m.classList.remove('flash');
  const marks = marksOf(view, id);
  if (!marks.length) return;
  void view.reading.offsetWidth; // restart the animation
  for (const m of marks) m.classList.add('flash');
  marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/** The tooltip for a highlight: speaker, role, kind, form and confidence. */
function showTip(view, analysis, mark) {
  const id = Number(mark.dataset.statement.split(' ')[0]);
  const st = analysis?.statements[id];
  if (!st) return;
  const sp = speakerOf(analysis, st);
  const rows = [
    [t('tipSpeaker'), sp?.name ?? '؟'],
    [t('tipRole'), sp?.role || '—'],
    [t('tipKind'), `${KIND_ICON[st.kind] ?? ''} ${t(st.kind) ?? st.kind}`],
    [t('tipForm'), t('form')[st.form] ?? st.form],
    [t('tipConfidence'), `${Math.round((st.confidence ?? 0) * 100)}٪`],
  ];
  const dl = el('dl');
  for (const [k, v] of rows) dl.append(el('dt', null, k), el('dd', null, v));
  view.tip.replaceChildren(dl);
  view.tip.hidden = false;
  mark.setAttribute('aria-describedby', 'tip');
  const r = mark.getBoundingClientRect();
  const tipH = view.tip.offsetHeight;
  const top = r.bottom + 6 + tipH > window.innerHeight ? r.top - tipH - 6 : r.bottom + 6;
  view.tip.style.top = `${Math.max(4, top)}px`;
  const w = view.tip.offsetWidth;
  view.tip.style.left = `${Math.min(Math.max(4, r.right - w), window.innerWidth - w - 4)}px`;
}

function hideTip(view) {
  view.tip.hidden = true;
  for (const m of view.reading.querySelectorAll('[aria-describedby="tip"]')) m.removeAttribute('aria-describedby');
}

/**
 * Arrow keys move focus among `selector` items inside `container` (skipping hidden ones), with
 * one Tab stop (roving tabindex). In right-to-left text, ArrowLeft goes forward.
 */
function rovingKeys(container, selector) {
  container.addEventListener('keydown', (e) => {
    const current = e.target.closest(selector);
    if (!current || !container.contains(current)) return;
    const rtl = getComputedStyle(container).direction === 'rtl';
    const step =
      { ArrowDown: 1, ArrowUp: -1, ArrowLeft: rtl ? 1 : -1, ArrowRight: rtl ? -1 : 1 }[e.key] ??
      (e.key === 'Home' ? -Infinity : e.key === 'End' ? Infinity : 0);
    if (!step) return;
    e.preventDefault();
    const items = [...container.querySelectorAll(selector)].filter((x) => !x.hidden && !x.closest('[hidden]'));
    const i = items.indexOf(current);
    const j = step === -Infinity ? 0 : step === Infinity ? items.length - 1 : Math.min(items.length - 1, Math.max(0, i + step));
    const target = items[j];
    if (!target || target === current) return;
    current.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  });
}

/** An error in words, in the page (never a blank screen). */
function showError(view, message, err) {
  view.error.replaceChildren(el('strong', null, message), el('div', 'error-detail', err ? String(err.message ?? err) : ''));
  view.error.hidden = false;
}

function clearError(view) {
  view.error.hidden = true;
  view.error.replaceChildren();
}

// ---------------------------------------------------------------------------------------------
// 4. Export

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
 * The statements as CSV: a header row, CRLF line ends, offsets in UTF-16 units like the JSON;
 * the columns of the CLI's `--format csv` (src/cli/csv.rs), its doc_id aside.
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

// ---------------------------------------------------------------------------------------------
// 5. Keeping the text (IndexedDB: asynchronous, so even a 5 MB text never blocks the page)

const DB = { name: 'isnad', store: 'kept', key: 'text' };

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB.name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(DB.store);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Runs `fn(store)` in one transaction; resolves to its request's result once committed. */
async function keep(mode, fn) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(DB.store, mode);
      const req = fn(tx.objectStore(DB.store));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const saveText = (text) => keep('readwrite', (s) => (text ? s.put(text, DB.key) : s.delete(DB.key)));
const loadText = () => keep('readonly', (s) => s.get(DB.key));

// ---------------------------------------------------------------------------------------------
// 6. The controller

function pageView() {
  const $ = (id) => document.getElementById(id);
  return {
    text: $('text'),
    seeds: $('seed-buttons'),
    clear: $('clear'),
    kept: $('kept'),
    error: $('error'),
    status: $('status'),
    progress: $('progress'),
    diagnostics: $('diagnostics'),
    reading: $('reading'),
    speakers: $('speakers'),
    speakersCount: $('speakers-count'),
    statements: $('statements'),
    statementsCount: $('statements-count'),
    speakerFilter: $('speaker-filter'),
    kindFilter: () => document.querySelector('input[name=kind]:checked'),
    copyJson: $('copy-json'),
    saveJson: $('save-json'),
    saveCsv: $('save-csv'),
    tip: $('tip'),
    lang: $('lang'),
    version: $('version'),
  };
}

/** The seed list and texts: inlined in the single-file build, fetched when served. */
async function seedList() {
  const json = inline('isnad-seeds');
  if (json != null) return JSON.parse(json);
  const res = await fetch('seeds/index.json');
  if (!res.ok) throw new Error(`seeds/index.json: HTTP ${res.status}`);
  return res.json();
}

async function seedText(seed) {
  return seed.text ?? fetchText(`seeds/${encodeURIComponent(seed.file)}`);
}

/** Puts the UI text of the current language into the static page. */
function applyWords(view) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  for (const n of document.querySelectorAll('[data-t]')) n.textContent = t(n.dataset.t);
  for (const n of document.querySelectorAll('[data-t-label]')) n.setAttribute('aria-label', t(n.dataset.tLabel));
  for (const n of document.querySelectorAll('[data-t-placeholder]')) n.placeholder = t(n.dataset.tPlaceholder);
  view.lang.textContent = t('other');
  view.lang.lang = lang === 'ar' ? 'en' : 'ar';
  view.lang.dir = lang === 'ar' ? 'ltr' : 'rtl';
  for (const [i, b] of [...view.seeds.querySelectorAll('button[data-seed]')].entries()) b.textContent = t('example')(i + 1);
}

function start() {
  const view = pageView();
  const state = { engine: null, version: '', text: '', analysis: null, gen: 0, ms: null };
  let timer = 0;
  let saveTimer = 0;

  const setExport = (on) => {
    for (const b of [view.copyJson, view.saveJson, view.saveCsv]) b.disabled = !on;
  };

  /** Analyzes the textarea's text and draws the result; a newer call makes this one stop. */
  const update = async () => {
    clearTimeout(timer);
    if (!state.engine) return;
    const gen = ++state.gen;
    const alive = () => gen === state.gen;
    const text = view.text.value;
    setExport(false);
    const slow = setTimeout(() => {
      if (!alive()) return;
      view.status.textContent = t('working');
      view.progress.removeAttribute('value'); // indeterminate until the first piece is done
      view.progress.hidden = false;
    }, 250);
    let result;
    try {
      result = await state.engine.analyze(text, (fraction) => {
        if (alive()) view.progress.value = fraction;
      });
    } catch (err) {
      if (err?.stale || !alive()) return;
      clearTimeout(slow);
      view.progress.hidden = true;
      state.analysis = null;
      await draw(text, { speakers: [], statements: [], diagnostics: [] }, null, alive);
      showError(view, t('analysisFailed'), err);
      return;
    } finally {
      clearTimeout(slow);
    }
    // The result's message was a task of its own; drawing starts in the next one.
    await yieldNow();
    if (!alive()) return;
    clearError(view);
    state.text = text;
    state.analysis = result.analysis;
    state.ms = result.ms;
    const done = await draw(text, result.analysis, result.ms, alive);
    if (!done) return;
    view.progress.hidden = true;
    setExport(text.trim() !== '');
    // For tests and tools: which run is drawn, and the length of the text it analyzed.
    document.documentElement.dataset.analyzedLength = String(text.length);
    document.documentElement.dataset.analyzed = String(gen);
  };

  /** Draws everything; false when a newer analysis took over part-way. */
  const draw = async (text, analysis, ms, alive) => {
    hideTip(view);
    const problems = [];
    renderSpeakers(view, analysis, (i) => pickSpeaker(i));
    if (!(await renderReading(view.reading, text, analysis, problems, alive))) return false;
    if (!(await renderStatements(view, analysis, alive))) return false;
    applyFilters(view, analysis);
    renderNotes(view, text, analysis, problems, ms);
    return true;
  };

  const pickSpeaker = (i) => {
    const st = state.analysis?.statements.find((s) => s.speaker === i);
    view.speakerFilter.value = String(i);
    applyFilters(view, state.analysis);
    if (st) showStatement(view, st.id);
  };

  const remember = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveText(view.text.value).then(
        () => (view.kept.dataset.state = 'ok'),
        () => {
          view.kept.dataset.state = 'failed';
          view.kept.textContent = t('notKept');
        },
      );
    }, 300);
  };

  const setText = (text) => {
    view.text.value = text;
    remember();
    update();
  };

  // Typing waits for a pause (150 ms); a paste is a whole text at once, analyzed right away.
  view.text.addEventListener('input', (e) => {
    clearTimeout(timer);
    timer = setTimeout(update, e.inputType === 'insertFromPaste' ? 0 : 150);
    remember();
  });
  view.clear.addEventListener('click', () => {
    setText('');
    view.text.focus();
  });

  // Panels and filters.
  view.statements.addEventListener('click', (e) => {
    const li = e.target.closest('li[data-statement]');
    if (li && !e.target.closest('details')) showStatement(view, li.dataset.statement);
  });
  view.statements.addEventListener('keydown', (e) => {
    const li = e.target.closest('li[data-statement]');
    if (li && e.target === li && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      showStatement(view, li.dataset.statement);
    }
  });
  rovingKeys(view.statements, 'li[data-statement]');
  rovingKeys(view.reading, 'mark.anchor');
  for (const r of document.querySelectorAll('input[name=kind]')) {
    r.addEventListener('change', () => applyFilters(view, state.analysis));
  }
  view.speakerFilter.addEventListener('change', () => applyFilters(view, state.analysis));

  // The tooltip, for mouse and keyboard alike.
  const tipFor = (e) => {
    const m = e.target.closest?.('mark[data-statement]');
    if (m) showTip(view, state.analysis, m);
  };
  view.reading.addEventListener('mouseover', tipFor);
  view.reading.addEventListener('focusin', tipFor);
  view.reading.addEventListener('mouseleave', () => hideTip(view));
  view.reading.addEventListener('focusout', () => hideTip(view));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hideTip(view);
  });
  // The tooltip follows its highlight when the page scrolls.
  window.addEventListener(
    'scroll',
    () => {
      const m = view.reading.querySelector('[aria-describedby="tip"]');
      if (m && !view.tip.hidden) showTip(view, state.analysis, m);
    },
    { passive: true },
  );

  // Export.
  view.copyJson.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(analysisJson(state.text, state.analysis, state.version));
      view.status.textContent = t('copied');
    } catch {
      view.status.textContent = t('copyFailed');
    }
  });
  view.saveJson.addEventListener('click', () =>
    download('isnad-analysis.json', 'application/json', analysisJson(state.text, state.analysis, state.version)),
  );
  view.saveCsv.addEventListener('click', () =>
    download('isnad-statements.csv', 'text/csv;charset=utf-8', statementsCsv(state.analysis)),
  );

  view.lang.addEventListener('click', () => {
    lang = lang === 'ar' ? 'en' : 'ar';
    try {
      localStorage.setItem('isnad-lang', lang);
    } catch {
      // The language choice is a convenience.
    }
    applyWords(view);
    if (state.analysis) draw(state.text, state.analysis, state.ms, ((g) => () => g === state.gen)(state.gen));
  });
  try {
    if (localStorage.getItem('isnad-lang') === 'en') lang = 'en';
  } catch {
    // Storage may be off; Arabic it is.
  }
  applyWords(view);
  view.status.textContent = t('loading');

  seedList().then(
    (seeds) => {
      const buttons = seeds.map((seed, i) => {
        const b = el('button', 'seed', t('example')(i + 1));
        b.type = 'button';
        b.title = seed.title;
        b.dataset.seed = seed.file;
        b.addEventListener('click', async () => {
          try {
            setText(await seedText(seed));
          } catch (err) {
            showError(view, t('seedFailed')(seed.file), err);
          }
        });
        return b;
      });
      view.seeds.prepend(...buttons);
    },
    (err) => showError(view, t('seedsFailed'), err),
  );

  const restored = loadText().catch(() => {
    view.kept.dataset.state = 'failed';
    view.kept.textContent = t('notKept');
    return undefined;
  });

  loadEngine().then(
    async ({ engine, version }) => {
      const kept = await restored;
      if (typeof kept === 'string' && view.text.value === '') view.text.value = kept;
      state.engine = engine;
      state.version = version;
      view.version.textContent = `isnad ${version}`;
      update();
    },
    (err) => {
      view.status.textContent = '';
      showError(view, t('engineFailed'), err);
    },
  );

  // Offline after one visit (only where service workers exist: http(s), not file://).
  if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
    navigator.serviceWorker.register('sw.js').catch(() => {
      // Offline use is a bonus; the page works online without it.
    });
  }
}

// Anything unexpected still ends up as words on the page.
window.addEventListener('error', (e) => {
  const view = pageView();
  if (view.error) showError(view, t('unexpected'), e.error ?? e.message);
});
window.addEventListener('unhandledrejection', (e) => {
  const view = pageView();
  if (view.error) showError(view, t('unexpected'), e.reason);
});

start();
