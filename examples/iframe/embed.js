// The frame side of the iframe embed: the panel of <isnad-analyzer>, fed by postMessage. It
// answers only its parent window, and only at one origin: ?host=ORIGIN (default: its own origin).
// Options: ?lang=en (English panel), ?denials-only.
import { init, version } from '../../npm/index.js';
import '../../npm/element.js';

const params = new URLSearchParams(location.search);
const panel = document.querySelector('isnad-analyzer');
if (params.get('lang')) panel.setAttribute('lang', params.get('lang'));
panel.denialsOnly = params.has('denials-only');

/** The host's origin, or null when ?host= is not an origin (then the frame talks to no one). */
function hostOrigin() {
  const given = params.get('host');
  if (given === null) return location.origin;
  try {
    const origin = new URL(given).origin;
    return origin === given.replace(/\/$/, '') && origin !== 'null' ? origin : null;
  } catch {
    return null;
  }
}

const host = hostOrigin();
const parent = window.parent !== window ? window.parent : null;
const tell = (message) => {
  if (parent && host) parent.postMessage(message, host); // never '*': the text is the journalist's
};

window.addEventListener('message', async (e) => {
  if (!parent || e.source !== parent || e.origin !== host) return;
  const m = e.data;
  if (m?.type !== 'isnad:analyze' || typeof m.text !== 'string') return;
  try {
    const analysis = await panel.analyze(m.text);
    tell({ type: 'isnad:analysis', id: m.id, analysis });
  } catch (err) {
    // An AbortError: a newer text came in, and it will be answered instead.
    if (err?.name !== 'AbortError') tell({ type: 'isnad:error', id: m.id, message: String(err?.message ?? err) });
  }
});

if (!parent) document.getElementById('standalone').hidden = false;

new ResizeObserver(() => tell({ type: 'isnad:resize', height: document.documentElement.scrollHeight })).observe(document.body);

init().then(
  () => tell({ type: 'isnad:ready', version: version() }),
  (err) => tell({ type: 'isnad:error', id: null, message: String(err?.message ?? err) }),
);
