// The text of the element <isnad-analyzer> watches, and the way back from an offset in that text
// to a place in the editor. A <textarea> or <input> is its value. Any other element (a
// contenteditable, the root of a rich-text editor) is read from its DOM as a reader sees it:
// each block (<p>, <div>, <li>, …) on a line of its own, <br> a line break. That is the same text
// rich-text editors give (Quill's getText(): one "\n" per paragraph), so offsets agree with theirs.

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

/**
 * The text of `el`: `{ text, nodes }`, where `nodes` lists `[offset, textNode]` pairs in text
 * order for DOM elements (null for fields), to turn offsets back into DOM ranges.
 */
export function readText(el) {
  if (isField(el)) return { text: el.value, nodes: null };
  const nodes = [];
  let text = '';
  let lineOpen = false; // something is on the current line, so a block must start a new one
  const walk = (parent) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === Node.TEXT_NODE) {
        if (n.data === '') continue;
        nodes.push([text.length, n]);
        text += n.data;
        lineOpen = true;
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        const tag = n.localName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') {
          text += '\n';
          lineOpen = false;
          continue;
        }
        const block = BLOCKS.has(tag);
        if (block && lineOpen) {
          text += '\n';
          lineOpen = false;
        }
        walk(n);
        if (block && lineOpen) {
          text += '\n';
          lineOpen = false;
        }
      }
    }
  };
  walk(el);
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
  const [start, node] = nodes[lo] ?? [];
  if (!node) return null;
  if (offset < start) return [node, 0];
  const inside = offset - start;
  if (inside < node.data.length || (atEnd && inside === node.data.length)) return [node, inside];
  // Past this node: on a line break that the DOM holds as markup, not text.
  if (atEnd) return [node, node.data.length];
  const next = nodes[lo + 1];
  return next ? [next[1], 0] : [node, node.data.length];
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
