// The plain <textarea> example: the element does the work; this only wires the page's options
// to its attributes and shows the events it dispatches.
import '../../npm/element.js';

const SEED = '../../seeds/000_04b6d5a339be90df.txt';

const story = document.getElementById('story');
const analyzer = document.querySelector('isnad-analyzer');
const events = document.getElementById('events');

document.getElementById('denials-only').addEventListener('change', (e) => {
  analyzer.denialsOnly = e.target.checked;
});
document.getElementById('ui-lang').addEventListener('change', (e) => {
  analyzer.setAttribute('lang', e.target.value);
});
document.getElementById('load-seed').addEventListener('click', async () => {
  const res = await fetch(SEED);
  story.value = await res.text();
  analyzer.refresh(); // setting .value fires no input event
});

let count = 0;
analyzer.addEventListener('isnad-analysis', (e) => {
  count++;
  const denials = e.detail.statements.filter((s) => s.kind === 'denial').length;
  events.textContent = `isnad-analysis #${count}: ${e.detail.statements.length} statements, ${denials} denials`;
});
