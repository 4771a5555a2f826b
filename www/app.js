// isnad's page: text in, speakers / claims / denials out. This is the controller: it holds what
// is drawn, runs an analysis when the input says so, and draws it with the views. Each job is a
// module of its own in app/, so each can change alone (no bundler, no build step):
//
//   app/i18n.js     the UI words in Arabic and English, the language chosen
//   app/dom.js      what the views share: elements, tints and icons, time slices, arrow keys, errors
//   app/files.js    the page's files: fetched from the origin, or inlined in the single file
//   app/engine.js   the worker client: a Web Worker running the wasm, restarted when stale or crashed
//   app/input.js    the text box, the examples, keeping the text in this browser (IndexedDB)
//   app/reading.js  the reading view: the text with its highlights, the tooltip
//   app/panels.js   the speakers, the statements and their filters, the status line and notes
//   app/chains.js   each statement's chain and what a denial answers; who denies whom (list + SVG)
//   app/export.js   JSON and CSV, copied or downloaded
//
// Two ways to run: served (a module per file, fetched from the page's origin, cached by sw.js for
// offline use), or as the single file dist/isnad.html, where `cargo xtask dist` joins these
// modules into one inline script (xtask/src/join.rs) and inlines the files it would fetch.

import { t, loadLang, switchLang, applyWords } from './app/i18n.js';
import { pageView, showError, clearError, yieldNow } from './app/dom.js';
import { loadEngine } from './app/engine.js';
import { setupInput, showSeeds, keptText, restoreText } from './app/input.js';
import { renderReading, setupReading, showStatement, showAnswered, hideTip } from './app/reading.js';
import { renderSpeakers, renderStatements, applyFilters, renderNotes, setupPanels } from './app/panels.js';
import { renderChains, setupChains } from './app/chains.js';
import { setExport, setupExport } from './app/export.js';

function start() {
  const view = pageView();
  const state = { engine: null, version: '', text: '', analysis: null, gen: 0, ms: null };

  /** Analyzes the textarea's text and draws the result; a newer call makes this one stop. */
  const update = async () => {
    if (!state.engine) return;
    const gen = ++state.gen;
    const alive = () => gen === state.gen;
    const text = view.text.value;
    setExport(view, false);
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
    setExport(view, text.trim() !== '');
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
    if (!(await renderChains(view, analysis, alive))) return false;
    renderNotes(view, text, analysis, problems, ms);
    return true;
  };

  /** A speaker picked in the panel: list only their statements and show the first in the text. */
  const pickSpeaker = (i) => {
    const st = state.analysis?.statements.find((s) => s.speaker === i);
    view.speakerFilter.value = String(i);
    applyFilters(view, state.analysis);
    if (st) showStatement(view, st.id);
  };

  const input = setupInput(view, update);
  setupPanels(view, () => state.analysis, (id) => showStatement(view, id));
  setupReading(view, () => state.analysis);
  setupChains(view, { show: (id) => showStatement(view, id), showAnswered: (id) => showAnswered(view, id) });
  setupExport(view, () => state);

  view.lang.addEventListener('click', () => {
    switchLang();
    applyWords(view);
    if (state.analysis) draw(state.text, state.analysis, state.ms, ((g) => () => g === state.gen)(state.gen));
  });
  loadLang();
  applyWords(view);
  view.status.textContent = t('loading');

  showSeeds(view, input.setText);
  const restored = keptText(view);

  loadEngine().then(
    async ({ engine, version }) => {
      restoreText(view, await restored);
      state.engine = engine;
      state.version = version;
      view.version.textContent = `isnad ${version}`;
      input.now();
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
