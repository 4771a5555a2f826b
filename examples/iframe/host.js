// The host side of the iframe embed: what a CMS adds to its editing screen. It sends the text to
// the frame and takes back the analysis, by postMessage, and talks to nobody but that frame.
//
// To the frame:   {type: 'isnad:analyze', id, text}
// From the frame: {type: 'isnad:ready', version}
//                 {type: 'isnad:analysis', id, analysis}
//                 {type: 'isnad:error', id, message}
//                 {type: 'isnad:resize', height}
// The host re-dispatches each analysis as an `isnad-analysis` event on the <iframe>, like the
// element does.

const frame = document.getElementById('isnad-frame');
const story = document.getElementById('story');
const received = document.getElementById('received');
const frameOrigin = new URL(frame.src, location.href).origin;

let ready = false;
let sent = 0;
let timer = 0;

function send() {
  if (!ready) return; // sent once the frame says it is ready
  frame.contentWindow.postMessage({ type: 'isnad:analyze', id: ++sent, text: story.value }, frameOrigin);
}

window.addEventListener('message', (e) => {
  // Only our frame, from the origin we loaded it from.
  if (e.source !== frame.contentWindow || e.origin !== frameOrigin) return;
  const m = e.data;
  if (m?.type === 'isnad:ready') {
    ready = true;
    send();
  } else if (m?.type === 'isnad:analysis' && m.id === sent) {
    const denials = m.analysis.statements.filter((s) => s.kind === 'denial').length;
    received.textContent = `postMessage: ${m.analysis.statements.length} statements, ${denials} denials`;
    frame.dispatchEvent(new CustomEvent('isnad-analysis', { detail: m.analysis, bubbles: true }));
  } else if (m?.type === 'isnad:error') {
    received.textContent = `isnad: ${m.message}`;
  } else if (m?.type === 'isnad:resize' && Number.isFinite(m.height)) {
    frame.style.height = `${Math.min(Math.max(m.height, 160), 2000)}px`;
  }
});

story.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(send, 300);
});
