// isnad's reader in the page: finds the article, sends its text to the side panel, and marks
// speakers, cues, claims and denials on the page's own words with the CSS Custom Highlight API.
//
// sidepanel.js injects it (chrome.scripting.executeScript, after vendor/readability/Readability.js)
// into the extension's isolated world of the tab the toolbar button was pressed on, then talks to
// it over one port named "isnad". It never changes the page's DOM: Readability works on a copy,
// and the marks are ranges the browser paints (their one style sheet is a constructed one, which
// no Content-Security-Policy of the page blocks). It makes no request of any kind.
//
// `cargo xtask dist` builds dist/extension/content.js from npm/editor-text.js (readText, domRange),
// npm/highlights.js (setMarks, clearMarks) and this file, in that order, inside one function that
// returns at once when the reader is already in the page (the panel injects it on every read).
//
// Port messages
//   to the panel:   {type: 'article', status: 'ok' | 'none' | 'not-arabic', text, title,
//                    articles: [title, …], chosen, unmapped}
//                   {type: 'marked', counts: {name: n, …}}
//                   {type: 'close'}                      Esc pressed on the page
//   from the panel: {type: 'mark', text, analysis}      the analysis of `text`: mark it
//                   {type: 'show', id}                   scroll to statement `id` and flash it
//                   {type: 'choose', index}              read another of the page's articles
//                   {type: 'reread'}

/** Fewer Arabic letters than this is not an article (a caption, a headline alone). */
const MIN_ARABIC_LETTERS = 150;
/** The share of the letters that must be Arabic. */
const MIN_ARABIC_SHARE = 0.5;
/** Read again once the page has been quiet this long after a change … */
const QUIET_MS = 400;
/** … or this long after the first change, on a page that never is quiet. */
const MAX_WAIT_MS = 2000;
/** How long a statement shown from the panel stays flashed. */
const FLASH_MS = 1600;

/** The owner of this reader's marks in highlights.js (any object with the document). */
const OWNER = { ownerDocument: document };

let port = null;
/** The article read last: {status, text, nodes ([offset, live text node, kept]), title, …}. */
let current = null;
/** The analysis marked on the page, and the text it is of. */
let marked = null;
/** The article the reader asked for on a page with several (an index into articleElements()). */
let choice = -1;
let timer = 0;
let firstChange = 0;
let flashTimer = 0;

const observer = new MutationObserver(() => {
  const now = performance.now();
  if (!firstChange) firstChange = now;
  clearTimeout(timer);
  const wait = Math.max(0, Math.min(QUIET_MS, firstChange + MAX_WAIT_MS - now));
  timer = setTimeout(() => {
    firstChange = 0;
    update(false);
  }, wait);
});

function arabicLetters(text) {
  return text.match(/\p{Script=Arabic}/gu)?.filter((c) => /\p{L}/u.test(c)).length ?? 0;
}

/** Maps each text node under `copy` to its twin under `original` (a deep clone has the same shape). */
function twin(original, copy, map) {
  const a = document.createTreeWalker(original, NodeFilter.SHOW_TEXT);
  const b = (copy.ownerDocument ?? copy).createTreeWalker(copy, NodeFilter.SHOW_TEXT);
  while (a.nextNode() && b.nextNode()) map.set(b.currentNode, a.currentNode);
}

/**
 * The article in `scope` (the document, or one article element of it) by Readability, which
 * reads a copy: its text as the page shows it, and where each piece of that text lives in the
 * page. Null when Readability finds nothing.
 */
function extract(scope) {
  const map = new Map();
  let doc;
  if (scope === document) {
    doc = document.cloneNode(true);
    twin(document, doc, map);
  } else {
    doc = document.implementation.createHTMLDocument(document.title);
    for (const attr of ['lang', 'dir']) {
      const value = document.documentElement.getAttribute(attr);
      if (value) doc.documentElement.setAttribute(attr, value);
    }
    const copy = scope.cloneNode(true);
    twin(scope, copy, map);
    doc.body.append(doc.adoptNode(copy));
  }
  let parsed;
  try {
    // The serializer keeps the article element itself, whose text nodes are the copy's own:
    // Readability moves them about but does not recreate them.
    parsed = new Readability(doc, { serializer: (el) => el, keepClasses: true }).parse();
  } catch {
    return null;
  }
  if (!parsed?.content) return null;
  const read = readText(parsed.content, { rendered: true });
  let text = read.text;
  let nodes = [];
  let unmapped = 0;
  for (const [at, node, kept] of read.nodes) {
    const live = map.get(node);
    if (live) nodes.push([at, live, kept]);
    else unmapped += kept.length;
  }
  // Readability leaves the headline out when it repeats the page's title; the reader reads it
  // as the article's first line, as the outlet shows it (and as a pasted article begins).
  const top = headline(scope, parsed.title ?? '', text, nodes[0]?.[1]);
  if (top) {
    const head = readText(top, { rendered: true });
    const shift = head.text.length + 1;
    text = `${head.text}\n${text}`;
    nodes = [...head.nodes, ...nodes.map(([at, node, kept]) => [at + shift, node, kept])];
  }
  return { text, nodes, title: (parsed.title ?? '').trim(), unmapped };
}

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * The article's headline in `scope` when the text does not begin with it: in one article
 * element, its first heading; in the whole page, the <h1> that is (or is part of) the page's
 * title. Only a heading before the article's first words counts.
 */
function headline(scope, title, text, firstNode) {
  const wanted = collapse(title);
  const candidates = scope === document ? [...document.querySelectorAll('h1')] : [scope.querySelector('h1, h2, h3')];
  for (const h of candidates) {
    if (!h) continue;
    const t = collapse(h.textContent);
    if (t === '' || text.startsWith(t)) return null;
    if (scope === document && !(wanted && (wanted.includes(t) || t.includes(wanted)))) continue;
    if (firstNode && !(h.compareDocumentPosition(firstNode) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    return h;
  }
  return null;
}

/** The page's article elements that hold Arabic text, outermost only. */
function articleElements() {
  const all = [...document.querySelectorAll('article, [role="article"]')];
  return all.filter(
    (el) =>
      !all.some((other) => other !== el && other.contains(el)) &&
      el.checkVisibility?.() !== false &&
      arabicLetters(el.textContent) >= MIN_ARABIC_LETTERS,
  );
}

/** What the reader would call an article element: its first heading, else its first words. */
function headingOf(el) {
  const h = el.querySelector('h1, h2, h3');
  const text = collapse((h ?? el).textContent);
  return h ? text : `${text.split(' ').slice(0, 8).join(' ')} …`;
}

/** Of several article elements, the one Readability takes for the page's main article. */
function mainArticle(articles) {
  const whole = extract(document);
  const share = articles.map(() => 0);
  for (const [, node, kept] of whole?.nodes ?? []) {
    const i = articles.findIndex((a) => a.contains(node));
    if (i >= 0) share[i] += kept.length;
  }
  const best = share.indexOf(Math.max(...share));
  if (share[best] > 0) return best;
  const letters = articles.map((a) => arabicLetters(a.textContent));
  return letters.indexOf(Math.max(...letters));
}

/** Reads the page: the article (one of several if the page has them) and whether it is Arabic. */
function readPage() {
  const articles = articleElements();
  let chosen = -1;
  let got;
  if (articles.length > 1) {
    chosen = choice >= 0 && choice < articles.length ? choice : mainArticle(articles);
    got = extract(articles[chosen]);
    if (got) got.title = headingOf(articles[chosen]) || got.title;
  } else {
    got = extract(document);
  }
  const titles = articles.length > 1 ? articles.map(headingOf) : [];
  if (!got || got.text.trim() === '') return { status: 'none', text: '', nodes: [], title: '', articles: titles, chosen, unmapped: 0 };
  return { status: status(got.text), ...got, articles: titles, chosen };
}

/** 'ok' for an Arabic article; 'none' for too little text (it may be loading); else 'not-arabic'. */
function status(text) {
  const arabic = arabicLetters(text);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (arabic < MIN_ARABIC_SHARE * letters) return 'not-arabic';
  return arabic >= MIN_ARABIC_LETTERS ? 'ok' : 'none';
}

function sameReading(a, b) {
  return (
    a && b && a.status === b.status && a.text === b.text && a.chosen === b.chosen && a.articles.join('\n') === b.articles.join('\n')
  );
}

/** Reads the page again; tells the panel when the article changed (always, if `force`). */
function update(force) {
  if (!port) return;
  const next = readPage();
  const same = sameReading(current, next);
  current = next;
  if (marked && marked.text === next.text) mark(marked.analysis); // the same words, maybe new nodes
  else clearReaderMarks();
  if (same && !force) return;
  const { nodes, ...article } = next;
  port.postMessage({ type: 'article', ...article });
}

function clearReaderMarks() {
  marked = null;
  clearMarks(OWNER);
  unflash();
}

/** Marks `analysis` (of current.text) on the page; returns how many ranges of each kind. */
function mark(analysis) {
  clearMarks(OWNER);
  marked = { text: current.text, analysis };
  const read = { nodes: current.nodes };
  const ranges = { 'isnad-speaker': [], 'isnad-cue': [], 'isnad-claim': [], 'isnad-denial': [] };
  const add = (name, span) => {
    const r = domRange(read, span.start, span.end);
    if (r && !r.collapsed) ranges[name].push(r);
  };
  const speaking = new Set(analysis.statements.map((s) => s.speaker));
  for (const sp of analysis.speakers) if (speaking.has(sp.id)) for (const m of sp.mentions) add('isnad-speaker', m);
  for (const st of analysis.statements) {
    add('isnad-cue', st.cue);
    add(st.kind === 'denial' ? 'isnad-denial' : 'isnad-claim', st.content);
  }
  setMarks(OWNER, ranges);
  return Object.fromEntries(Object.entries(ranges).map(([name, list]) => [name, list.length]));
}

let flashSheet = null;

function unflash() {
  clearTimeout(flashTimer);
  if (supported()) CSS.highlights.delete('isnad-focus');
}

/** Brings statement `id` into view and flashes it from its cue to the end of its content. */
function show(id) {
  const st = marked?.analysis.statements.find((s) => s.id === id);
  if (!st) return;
  const range = domRange(
    { nodes: current.nodes },
    Math.min(st.cue.start, st.content.start),
    Math.max(st.cue.end, st.content.end),
  );
  if (!range) return;
  const at = range.startContainer.parentElement;
  at?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (!supported()) return;
  if (!flashSheet) {
    flashSheet = new CSSStyleSheet();
    flashSheet.replaceSync('@layer isnad { ::highlight(isnad-focus) { background-color: rgb(255 200 40 / 0.55); } }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, flashSheet];
  }
  unflash();
  CSS.highlights.set('isnad-focus', new Highlight(range));
  flashTimer = setTimeout(unflash, FLASH_MS);
}

/** Esc on the page closes the panel, unless the page used the key itself (a dialog of its own). */
function onKey(e) {
  if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing || !port) return;
  const p = port;
  p.postMessage({ type: 'close' });
  stop();
  p.disconnect();
}

function onMessage(p, m) {
  if (p !== port) return;
  if (m.type === 'mark') {
    if (!current || m.text !== current.text) return; // stale: a newer article is on its way
    p.postMessage({ type: 'marked', counts: mark(m.analysis) });
  } else if (m.type === 'show') {
    show(m.id);
  } else if (m.type === 'choose') {
    choice = m.index;
    update(true);
  } else if (m.type === 'reread') {
    update(true);
  }
}

function start(p) {
  port = p;
  current = null;
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  addEventListener('keydown', onKey);
  update(true);
}

function stop() {
  port = null;
  current = null;
  observer.disconnect();
  clearTimeout(timer);
  firstChange = 0;
  removeEventListener('keydown', onKey);
  clearReaderMarks();
}

chrome.runtime.onConnect.addListener((p) => {
  if (p.name !== 'isnad') return;
  const old = port;
  if (old) {
    stop();
    old.disconnect();
  }
  p.onMessage.addListener((m) => onMessage(p, m));
  p.onDisconnect.addListener(() => {
    if (port === p) stop();
  });
  start(p);
});
