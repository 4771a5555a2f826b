// <isnad-analyzer for="ID">: watches the <textarea>, <input> or contenteditable element with that
// id, analyzes its text again a moment after each edit (in a Web Worker, through analyzeAsync),
// shows who said what in its own panel (shadow DOM), and tells the page with an `isnad-analysis`
// event whose `detail` is the analysis.
//
// Attributes:
//   for="ID"        the element to watch (it may appear later: editors build their DOM late)
//   lang="en"       the panel's language: Arabic unless this, or the page, says English
//   denials-only    list only denials (and the speakers who made them)
//   highlight       also mark statements inside a contenteditable editor (highlights.js)
//   debounce="300"  milliseconds to wait after an edit before analyzing
//   heading-level="2"  the panel title's heading level, to fit the page's outline (sections: +1)
// Without `for`, call `el.analyze(text)` to show the analysis of any text.
//
// Importing this module defines the element (package.json "exports": "./element").

import { analyzeAsync } from './index.js';
import { readText, domRange, select, isField } from './editor-text.js';
import { setMarks, clearMarks } from './highlights.js';
import { panelFrame, renderPanel } from './panel.js';
import { panelSheet } from './element-style.js';
import { wordsFor } from './element-words.js';

const DEBOUNCE_MS = 300;

export class IsnadAnalyzer extends HTMLElement {
  static observedAttributes = ['for', 'lang', 'denials-only', 'highlight', 'heading-level'];

  #frame;
  #target = null;
  #unwatch = null;
  #timer = 0;
  #controller = null;
  #analysis = null;
  #text = '';
  #error = '';
  #message = '';

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [panelSheet()];
    this.#frame = panelFrame();
    root.append(this.#frame.panel);
  }

  /** The analysis shown, or null before the first one. */
  get analysis() {
    return this.#analysis;
  }

  /** The text that analysis is of. */
  get text() {
    return this.#text;
  }

  /** The element being watched, or null. */
  get target() {
    return this.#target;
  }

  get denialsOnly() {
    return this.hasAttribute('denials-only');
  }

  set denialsOnly(on) {
    this.toggleAttribute('denials-only', Boolean(on));
  }

  connectedCallback() {
    this.#watch();
    this.#render();
  }

  disconnectedCallback() {
    this.#unwatchTarget();
    clearTimeout(this.#timer);
    const running = this.#controller;
    this.#controller = null;
    running?.abort();
    clearMarks(this);
  }

  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || before === after) return;
    if (name === 'for') this.#watch();
    else {
      this.#render();
      this.#mark();
    }
  }

  /** Reads the target again now: after a change no event announces (`textarea.value = …`). */
  refresh() {
    this.#schedule(0);
  }

  /**
   * Analyzes `text`, shows it and dispatches `isnad-analysis`; resolves to the analysis. A newer
   * call (or edit) aborts this one, which then rejects with an AbortError.
   */
  async analyze(text) {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const slow = setTimeout(() => this.#render(true), 200);
    let analysis;
    try {
      analysis = await analyzeAsync(text, { signal: controller.signal });
    } catch (err) {
      if (this.#controller === controller) {
        // Not replaced by a newer run: a real failure (or an abort by disconnecting).
        this.#controller = null;
        if (err?.name !== 'AbortError') this.#error = String(err?.message ?? err);
        this.#render();
      }
      throw err;
    } finally {
      clearTimeout(slow);
    }
    // Success means this run was not aborted, so it is the newest.
    this.#controller = null;
    this.#analysis = analysis;
    this.#text = text;
    this.#error = '';
    this.#message = '';
    this.#render();
    this.#mark();
    this.dispatchEvent(new CustomEvent('isnad-analysis', { detail: analysis, bubbles: true, composed: true }));
    return analysis;
  }

  #watch() {
    this.#unwatchTarget();
    const id = this.getAttribute('for');
    if (!id) return;
    const scope = this.getRootNode();
    const find = () => (scope.getElementById ? scope.getElementById(id) : this.ownerDocument.getElementById(id));
    const target = find();
    if (!target) {
      // Not there yet: rich-text editors build their DOM after the page loads.
      this.#message = wordsFor(this)[1].noTarget(id);
      const waiting = new MutationObserver(() => {
        if (find()) this.#watch();
      });
      waiting.observe(scope, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
      this.#unwatch = () => waiting.disconnect();
      this.#render();
      return;
    }
    this.#message = '';
    this.#target = target;
    const edited = () => this.#schedule();
    if (isField(target)) {
      target.addEventListener('input', edited);
      this.#unwatch = () => target.removeEventListener('input', edited);
    } else {
      // Sees typing and the editor's own changes (its API, undo, paste) alike.
      const observer = new MutationObserver(edited);
      observer.observe(target, { childList: true, subtree: true, characterData: true });
      this.#unwatch = () => observer.disconnect();
    }
    this.#schedule(0);
  }

  #unwatchTarget() {
    this.#unwatch?.();
    this.#unwatch = null;
    this.#target = null;
  }

  #schedule(delay = Number(this.getAttribute('debounce') ?? DEBOUNCE_MS)) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#update(), Number.isFinite(delay) ? delay : DEBOUNCE_MS);
  }

  #update() {
    if (!this.#target) return;
    const read = readText(this.#target);
    if (this.#analysis && read.text === this.#text && !this.#controller) {
      this.#mark(); // the markup changed (bold, a new paragraph element …) but not the text
      return;
    }
    this.analyze(read.text).catch(() => {
      // Shown in the panel; an AbortError means a newer edit took over.
    });
  }

  /** Marks the statements inside a contenteditable target, when asked to (`highlight`). */
  #mark() {
    clearMarks(this);
    const a = this.#analysis;
    if (!this.hasAttribute('highlight') || !a || !this.#target || isField(this.#target)) return;
    const read = readText(this.#target);
    if (read.text !== this.#text) return; // stale: a new analysis is coming
    const only = this.denialsOnly;
    const shown = a.statements.filter((s) => !only || s.kind === 'denial');
    const speakers = new Set(shown.map((s) => s.speaker));
    const ranges = { 'isnad-speaker': [], 'isnad-cue': [], 'isnad-claim': [], 'isnad-denial': [] };
    const add = (name, span) => {
      const r = domRange(read, span.start, span.end);
      if (r) ranges[name].push(r);
    };
    for (const sp of a.speakers) if (speakers.has(sp.id)) for (const m of sp.mentions) add('isnad-speaker', m);
    for (const st of shown) {
      add('isnad-cue', st.cue);
      add(st.kind === 'denial' ? 'isnad-denial' : 'isnad-claim', st.content);
    }
    setMarks(this, ranges);
  }

  #render(working = false) {
    const [lang, words] = wordsFor(this);
    const empty = !this.#analysis || this.#text.trim() === '';
    renderPanel(this.#frame, {
      lang,
      words,
      analysis: empty ? null : this.#analysis,
      message: this.#message || (empty && !working ? words.empty : ''),
      error: this.#error,
      working,
      denialsOnly: this.denialsOnly,
      level: Math.min(Math.max(Math.trunc(Number(this.getAttribute('heading-level') ?? 2)) || 2, 1), 5),
      onPick: (st) => this.#pick(st),
    });
  }

  /** A click on a statement selects its content in the editor. */
  #pick(st) {
    const target = this.#target;
    if (!target) return;
    const read = readText(target);
    if (read.text === this.#text) select(target, read, st.content.start, st.content.end);
  }
}

if (!customElements.get('isnad-analyzer')) customElements.define('isnad-analyzer', IsnadAnalyzer);
