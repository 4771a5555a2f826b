// Marks in the editor itself, with the CSS Custom Highlight API: ranges painted by the browser
// over the editor's text, so the editor's DOM and the journalist's document stay untouched (a
// rich-text editor never sees them, and they are never saved into the article).
//
// Highlight names (style them with ::highlight(NAME) in the page's CSS):
//   isnad-speaker   every mention of a speaker
//   isnad-cue       the verb or phrase that introduces a statement (قال، نفى …)
//   isnad-claim     the content of a claim
//   isnad-denial    the content of a denial
// Several <isnad-analyzer> elements share the four highlights; each adds and removes its own ranges.

export const NAMES = ['isnad-speaker', 'isnad-cue', 'isnad-claim', 'isnad-denial'];

/** Default looks, in a cascade layer so that any unlayered rule of the page overrides them. */
const DEFAULT_CSS = `@layer isnad {
  ::highlight(isnad-speaker) { text-decoration: underline double var(--isnad-speaker-mark, #6b4fa0); }
  ::highlight(isnad-cue) { color: var(--isnad-cue-mark, #7a4a00); text-decoration: underline dotted; }
  ::highlight(isnad-claim) { background-color: var(--isnad-claim-mark, rgb(31 95 139 / 0.16)); }
  ::highlight(isnad-denial) { background-color: var(--isnad-denial-mark, rgb(179 38 30 / 0.18));
    text-decoration: underline wavy var(--isnad-denial, #b3261e); }
}`;

const owned = new Map(); // owner element → [[Highlight, Range], …]
const styled = new WeakSet(); // documents that have the default looks

export function supported() {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

function highlight(name) {
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    h.priority = NAMES.indexOf(name); // a denial's paint wins over a speaker's
    CSS.highlights.set(name, h);
  }
  return h;
}

/** Adds the default looks to `doc` once, as a constructed style sheet (allowed by a strict CSP). */
function addDefaultStyles(doc) {
  if (styled.has(doc)) return;
  styled.add(doc);
  const sheet = new doc.defaultView.CSSStyleSheet();
  sheet.replaceSync(DEFAULT_CSS);
  doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
}

/** Replaces `owner`'s marks by `ranges`: { 'isnad-denial': [Range, …], … }. */
export function setMarks(owner, ranges) {
  clearMarks(owner);
  if (!supported()) return;
  addDefaultStyles(owner.ownerDocument);
  const mine = [];
  for (const [name, list] of Object.entries(ranges)) {
    const h = highlight(name);
    for (const r of list) {
      h.add(r);
      mine.push([h, r]);
    }
  }
  owned.set(owner, mine);
}

export function clearMarks(owner) {
  for (const [h, r] of owned.get(owner) ?? []) h.delete(r);
  owned.delete(owner);
}
