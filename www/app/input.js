// The input: the text box, the clear button, the example buttons, and keeping the text in this
// browser (IndexedDB: asynchronous, so even a 5 MB text never blocks the page). This module
// says when to analyze (typing waits for a pause, a paste or an example goes at once); the
// controller (app.js) says how.

import { t } from './i18n.js';
import { el, showError } from './dom.js';
import { inline, fetchText } from './files.js';

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

/**
 * Wires the text box and the clear button; `analyze()` analyzes the box's text now. Typing waits
 * for a pause (150 ms); a paste is a whole text at once, analyzed right away. Returns
 * `now()`, which analyzes at once and drops any wait, and `setText(text)`, which replaces the
 * text, keeps it and analyzes it.
 */
export function setupInput(view, analyze) {
  let timer = 0;
  let saveTimer = 0;

  const now = () => {
    clearTimeout(timer);
    analyze();
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
    now();
  };

  view.text.addEventListener('input', (e) => {
    clearTimeout(timer);
    timer = setTimeout(now, e.inputType === 'insertFromPaste' ? 0 : 150);
    remember();
  });
  view.clear.addEventListener('click', () => {
    setText('');
    view.text.focus();
  });
  return { now, setText };
}

/** Adds one button per example article before the clear button; a click puts it in the box. */
export function showSeeds(view, setText) {
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
}

/** Starts reading the text kept from an earlier visit; resolves to it (undefined if none). */
export function keptText(view) {
  return loadText().catch(() => {
    view.kept.dataset.state = 'failed';
    view.kept.textContent = t('notKept');
    return undefined;
  });
}

/** Puts the kept text back into the box, unless something was typed there meanwhile. */
export function restoreText(view, kept) {
  if (typeof kept === 'string' && view.text.value === '') view.text.value = kept;
}
