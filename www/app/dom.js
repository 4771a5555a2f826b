// What the views share: the page's elements by name, building elements (text only ever through
// textContent), how an analysis looks (speaker tints, kind and speaker icons), drawing long lists
// in time slices, arrow-key movement in a list, and the error box.
//
// Safety rule: text from the user or the analysis only ever reaches the page through
// textContent / createTextNode / attribute values, never through an HTML parser
// (tests/e2e/newsroom.test.mjs fails the build if one is used anywhere in www/).

/** The page's elements, by the names the modules use. */
export function pageView() {
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
    sources: $('sources'),
    denialsPanel: $('denials-panel'),
    denials: $('denials'),
    denialsCount: $('denials-count'),
    denialsGraph: $('denials-graph'),
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

/** Creates an element with optional class and text (text via textContent only). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  return node;
}

export const KIND_ICON = { claim: '✓', denial: '✗' };
export const SPEAKER_ICON = { person: '👤', organization: '🏛', media: '📰', anonymous: '❓' };
/** Speakers get one of this many tints (classes sp0…sp9 in style.css), by their index. */
const TINTS = 10;

export const speakerOf = (analysis, st) => analysis.speakers[st.speaker];
export const speakerName = (analysis, st) => speakerOf(analysis, st)?.name ?? '؟';
export const tint = (speakerId) => `sp${speakerId % TINTS}`;

/** Yields to the event loop so that no task runs long (input, paint and scroll go on). */
export const yieldNow = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Work done between two yields, in ms: far under the 200 ms a user notices as a freeze. */
export const SLICE_MS = 15;

/** Beyond this many runs or statements, off-screen parts are left unrendered (style.css `.many`). */
export const MANY = 2000;

/** Runs `fn` over `items`, yielding every SLICE_MS; stops early when `alive()` turns false. */
export async function sliced(items, fn, alive) {
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
 * Arrow keys move focus among `selector` items inside `container` (skipping hidden ones), with
 * one Tab stop (roving tabindex). In right-to-left text, ArrowLeft goes forward.
 */
export function rovingKeys(container, selector) {
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
export function showError(view, message, err) {
  view.error.replaceChildren(el('strong', null, message), el('div', 'error-detail', err ? String(err.message ?? err) : ''));
  view.error.hidden = false;
}

export function clearError(view) {
  view.error.hidden = true;
  view.error.replaceChildren();
}
