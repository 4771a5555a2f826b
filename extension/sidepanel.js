// The side panel of one tab (sidepanel.html?tab=ID, opened by background.js): it injects the
// reader (content.js, with Readability) into that tab, receives the article's text over a port,
// analyzes it here with the wasm core (the npm package's <isnad-analyzer>, whose worker runs the
// analysis), and sends the analysis back for the reader to mark on the page.
//
// `document.body.dataset.state` says where it is: starting, no-tab, cannot, gone, none,
// not-arabic, analyzing, done, error (the style sheet and the tests read it).

import './isnad/element.js';
import { WORDS, uiLanguage } from './words.js';

const lang = uiLanguage();
const words = WORDS[lang];
const tabId = Number(new URLSearchParams(location.search).get('tab'));

const $ = (id) => document.getElementById(id);
const analyzer = $('analyzer');
const status = $('status');

document.documentElement.lang = lang;
document.documentElement.dir = words.dir;
analyzer.setAttribute('lang', lang);
$('read-label').textContent = words.read;
$('reread').textContent = words.reread;
$('private').textContent = words.private;

/** The port to the reader in the page, or null. */
let port = null;
/** The article the reader sent last. */
let article = null;

function setState(state, message = '') {
  document.body.dataset.state = state;
  status.textContent = message;
}

/** Shows the article's name, and the choice among several. */
function showArticle(a) {
  $('article').hidden = a.status !== 'ok';
  $('title').textContent = a.title;
  const several = a.articles.length > 1;
  $('several').hidden = !several;
  if (several) {
    $('several-label').textContent = words.several(a.articles.length);
    const select = $('choose');
    select.replaceChildren(
      ...a.articles.map((title, i) => {
        const option = document.createElement('option');
        option.value = String(i);
        option.textContent = title;
        return option;
      }),
    );
    select.value = String(a.chosen);
  }
}

async function onArticle(a) {
  article = a;
  showArticle(a);
  if (a.status !== 'ok') {
    analyzer.hidden = true;
    setState(a.status, a.status === 'none' ? words.none : words.notArabic);
    return;
  }
  setState('analyzing', words.analyzing);
  let analysis;
  try {
    analysis = await analyzer.analyze(a.text);
  } catch (err) {
    if (err?.name === 'AbortError') return; // a newer article took over
    setState('error', `${words.failed} ${err?.message ?? err}`);
    return;
  }
  if (article !== a) return;
  analyzer.hidden = false;
  port?.postMessage({ type: 'mark', text: a.text, analysis });
}

function onMessage(m) {
  if (m.type === 'article') onArticle(m);
  else if (m.type === 'marked' && article?.status === 'ok') setState('done', words.marked(analyzer.analysis.statements.length));
  else if (m.type === 'close') window.close();
}

/** Injects the reader into the tab (again: it stays only once) and connects to it. */
async function read() {
  if (!Number.isInteger(tabId)) {
    setState('no-tab', words.noTab);
    return;
  }
  if (port) {
    port.postMessage({ type: 'reread' });
    return;
  }
  setState('starting', words.starting);
  try {
    await chrome.scripting.executeScript({
      target: { tabId },
      files: ['vendor/readability/Readability.js', 'content.js'],
    });
  } catch {
    setState('cannot', words.cannot);
    return;
  }
  const p = chrome.tabs.connect(tabId, { name: 'isnad' });
  port = p;
  p.onMessage.addListener(onMessage);
  p.onDisconnect.addListener(() => {
    if (port !== p) return;
    port = null;
    article = null;
    analyzer.hidden = true;
    $('article').hidden = true;
    setState('gone', words.gone);
  });
}

// A click on a statement in the panel shows it on the page.
analyzer.shadowRoot.addEventListener('click', (e) => {
  const li = e.target.closest?.('li[data-statement]');
  if (li) port?.postMessage({ type: 'show', id: Number(li.dataset.statement) });
});

$('choose').addEventListener('change', (e) => port?.postMessage({ type: 'choose', index: Number(e.target.value) }));
$('reread').addEventListener('click', () => read());

addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !e.defaultPrevented) window.close();
});

// The toolbar button pressed again on this tab.
chrome.runtime.onMessage.addListener((m) => {
  if (m?.type === 'isnad:read' && m.tabId === tabId) read();
});

read();
