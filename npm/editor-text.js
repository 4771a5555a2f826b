// The text of the element <isnad-analyzer> watches, and the way back from an offset in that text
// to a place in the editor. A <textarea> or <input> is its value. Any other element (a
// contenteditable, the root of a rich-text editor) is read from its DOM as a reader sees it:
// each block (<p>, <div>, <li>, …) on a line of its own, <br> a line break. That is the same text
// rich-text editors give (Quill's getText(): one "\n" per paragraph), so offsets agree with theirs.
//
// A web page's markup (the browser extension reads articles with it) also holds the source's
// line breaks and indentation, which a reader never sees: `readText(el, { rendered: true })`
// collapses white space as CSS does by default (a run of spaces, tabs and line breaks is one
// space, none at the start or end of a line), and remembers where each character it kept came
// from, so that offsets still lead back to the right place in the DOM.

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);
/** Elements whose content is never shown as text. */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'canvas']);

/** True for the form fields whose text is their value. */
export function isField(el) {
  return el.localName === 'textarea' || el.localName === 'input';
}

/** White space that CSS collapses (white-space: normal); not the no-break space. */
const COLLAPSIBLE = /[ \t\n\r\f]/;

/**
 * The text of `el`: `{ text, nodes }`, where `nodes` lists `[offset, textNode]` pairs in text
 * order for DOM elements (null for fields), to turn offsets back into DOM ranges. With
 * `rendered`, white space is collapsed as a page shows it, and each pair has a third member: the
 * index in the node's data of each character the text kept from it.
 */
export function readText(el, { rendered = false } = {}) {
  if (isField(el)) return { text: el.value, nodes: null };
  const nodes = [];
  let text = '';
  let lineOpen = false; // something is on the current line, so a block must start a new one
  /** Drops a collapsed space left at the end of a line (rendered only). */
  const trimLine = () => {
    if (!rendered || !text.endsWith(' ')) return;
    text = text.slice(0, -1);
    const last = nodes[nodes.length - 1];
    last[2].pop();
    if (last[2].length === 0) nodes.pop();
  };
  const breakLine = () => {
    trimLine();
    text += '\n';
    lineOpen = false;
  };
  const addText = (n) => {
    if (!rendered) {
      nodes.push([text.length, n]);
      text += n.data;
      lineOpen = true;
      return;
    }
    const kept = [];
    let out = '';
    for (let i = 0; i < n.data.length; i++) {
      const c = n.data[i];
      if (COLLAPSIBLE.test(c)) {
        // One space between words, none at the start of a line or after another space.
        if (!lineOpen || (out || text).endsWith(' ')) continue;
        out += ' ';
      } else {
        out += c;
        lineOpen = true;
      }
      kept.push(i);
    }
    if (out === '') return;
    nodes.push([text.length, n, kept]);
    text += out;
  };
  const walk = (parent) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === Node.TEXT_NODE) {
        if (n.data !== '') addText(n);
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        const tag = n.localName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') {
          breakLine();
          continue;
        }
        const block = BLOCKS.has(tag);
        if (block && lineOpen) breakLine();
        walk(n);
        if (block && lineOpen) breakLine();
      }
    }
  };
  walk(el);
  trimLine();
  return { text, nodes };
}

/** The DOM position of `offset` (`atEnd`: a range's end, which may close a text node). */
function position(nodes, offset, atEnd) {
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (nodes[mid][0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const [start, node, kept] = nodes[lo] ?? [];
  if (!node) return null;
  // Where the i-th character taken from a node starts, or where the one before it ends; without
  // `kept` (nothing collapsed) both are i.
  const startOf = (entry, i) => (entry[2] ? entry[2][i] : i);
  const endOf = (entry, i) => (entry[2] ? (i === 0 ? entry[2][0] : entry[2][i - 1] + 1) : i);
  const length = kept ? kept.length : node.data.length;
  if (offset < start) return [node, startOf(nodes[lo], 0)];
  const inside = offset - start;
  if (atEnd && inside <= length) return [node, endOf(nodes[lo], inside)];
  if (inside < length) return [node, startOf(nodes[lo], inside)];
  // Past this node: on a line break that the DOM holds as markup, not text.
  if (atEnd) return [node, endOf(nodes[lo], length)];
  const next = nodes[lo + 1];
  return next ? [next[1], startOf(next, 0)] : [node, endOf(nodes[lo], length)];
}

/** A DOM Range over [start, end) of what readText() returned, or null (fields have none). */
export function domRange(read, start, end) {
  if (!read.nodes || read.nodes.length === 0) return null;
  const from = position(read.nodes, start, false);
  const to = position(read.nodes, end, true);
  if (!from || !to) return null;
  const range = new Range();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}

/** Selects [start, end) in the editor and brings it into view, as a click on a statement does. */
export function select(el, read, start, end) {
  el.focus({ preventScroll: true });
  if (isField(el)) {
    el.setSelectionRange(start, end);
    return;
  }
  const range = domRange(read, start, end);
  if (!range) return;
  const selection = el.ownerDocument.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
}
