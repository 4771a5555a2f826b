// The reading view: the whole text in paragraph blocks, each statement's cue and content
// highlighted and tinted in its speaker's color, the speakers' mentions underlined; the tooltip
// on a highlight (mouse and keyboard); scrolling to a statement and flashing it.

import { t } from './i18n.js';
import { el, KIND_ICON, speakerOf, speakerName, tint, yieldNow, SLICE_MS, MANY, sliced, rovingKeys } from './dom.js';

/** A span the page can trust: in range and matching the text it claims to cover. */
function spanOk(text, span) {
  return (
    span != null &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= text.length &&
    text.slice(span.start, span.end) === span.text
  );
}

/**
 * Splits `text` into runs at every span boundary and after every line break; each run knows
 * which cues, contents and mentions cover it. Flat runs, so overlapping or nested statements
 * need no nested markup, and no run crosses a paragraph.
 */
async function segment(text, analysis, problems) {
  const ranges = [];
  for (const st of analysis.statements) {
    for (const part of ['cue', 'content']) {
      if (spanOk(text, st[part])) ranges.push({ part, st, start: st[part].start, end: st[part].end });
      else problems.push(t('badSpan')(st.id, part));
    }
  }
  // What a denial answers (issue 16): marked in the text so the statement card can go to it.
  for (const st of analysis.statements) {
    if (st.rejects && spanOk(text, st.rejects)) ranges.push({ part: 'target', st, start: st.rejects.start, end: st.rejects.end });
  }
  for (const sp of analysis.speakers) {
    for (const m of sp.mentions) {
      if (spanOk(text, m)) ranges.push({ part: 'mention', sp, start: m.start, end: m.end });
    }
  }
  await yieldNow();
  const cuts = new Set([0, text.length]);
  for (const r of ranges) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) cuts.add(i + 1);
  const points = Float64Array.from(cuts).sort(); // typed: a numeric sort, and a fast one
  // A sweep over the cut points, keeping the ranges open at each: linear in practice.
  ranges.sort((a, b) => a.start - b.start);
  let next = 0;
  let open = [];
  await yieldNow();
  const runs = [];
  let t0 = performance.now();
  for (let i = 0; i + 1 < points.length; i++) {
    if ((i & 1023) === 1023 && performance.now() - t0 > SLICE_MS) {
      await yieldNow(); // a 5 MB text has some 100 000 runs
      t0 = performance.now();
    }
    const [start, end] = [points[i], points[i + 1]];
    while (next < ranges.length && ranges[next].start <= start) open.push(ranges[next++]);
    if (open.length) open = open.filter((r) => r.end > start);
    runs.push({ start, end, covering: open.length ? open.slice() : null });
  }
  return runs;
}

/**
 * The reading view: the whole text in paragraph blocks, each statement's cue and content
 * highlighted and tinted in its speaker's color. The first highlight of each statement is its
 * keyboard stop (roving tabindex: one Tab stop, arrows move on).
 */
export async function renderReading(container, text, analysis, problems, alive) {
  await yieldNow();
  if (!alive()) return false;
  const runs = await segment(text, analysis, problems);
  if (!alive()) return false;
  container.replaceChildren();
  container.classList.toggle('many', runs.length > MANY);
  let para = el('div', 'para');
  container.append(para);
  const anchored = new Set();
  const contentStarted = new Set();
  return sliced(
    runs,
    (run) => {
      const piece = text.slice(run.start, run.end);
      const parts = run.covering ? run.covering.filter((r) => r.part === 'cue' || r.part === 'content') : [];
      const mention = run.covering?.find((r) => r.part === 'mention');
      const answered = run.covering ? run.covering.filter((r) => r.part === 'target') : [];
      if (parts.length === 0 && !mention && answered.length === 0) {
        para.append(document.createTextNode(piece));
      } else {
        // The innermost (shortest) statement part decides how the run looks.
        parts.sort((a, b) => a.end - a.start - (b.end - b.start));
        const inner = parts[0];
        let node;
        if (inner) {
          const st = inner.st;
          node = el('mark', `hl ${inner.part} ${st.kind} ${tint(st.speaker)}`, piece);
          node.dataset.statement = [...new Set(parts.map((r) => r.st.id))].join(' ');
          node.dataset.kind = st.kind;
          node.dataset.speaker = speakerName(analysis, st);
          if (inner.part === 'content' && run.start === inner.start && !contentStarted.has(st.id)) {
            contentStarted.add(st.id);
            node.classList.add('start');
          }
          if (!anchored.has(st.id)) {
            anchored.add(st.id);
            node.classList.add('anchor');
            node.tabIndex = anchored.size === 1 ? 0 : -1;
          }
        } else {
          node = el('span', null, piece);
        }
        if (mention) node.classList.add('mention');
        if (answered.length) {
          node.classList.add('answered');
          node.dataset.answeredBy = answered.map((r) => r.st.id).join(' ');
        }
        para.append(node);
      }
      if (piece.endsWith('\n') && run.end < text.length) {
        para = el('div', 'para');
        container.append(para);
      }
    },
    alive,
  );
}

/** The highlights of statement `id` in the reading view. */
function marksOf(view, id) {
  return [...view.reading.querySelectorAll('mark[data-statement]')].filter((m) =>
    m.dataset.statement.split(' ').includes(String(id)),
  );
}

/** Scrolls to a statement's highlight and flashes it (the flash restarts on every call). */
export function showStatement(view, id) {
  for (const m of view.reading.querySelectorAll('.flash')) m.classList.remove('flash');
  const marks = marksOf(view, id);
  if (!marks.length) return;
  void view.reading.offsetWidth; // restart the animation
  for (const m of marks) m.classList.add('flash');
  marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/** Scrolls to the words denial `id` answers (its `rejects` span) and flashes them. */
export function showAnswered(view, id) {
  for (const m of view.reading.querySelectorAll('.flash')) m.classList.remove('flash');
  const nodes = [...view.reading.querySelectorAll('[data-answered-by]')].filter((n) =>
    n.dataset.answeredBy.split(' ').includes(String(id)),
  );
  if (!nodes.length) return;
  void view.reading.offsetWidth; // restart the animation
  for (const n of nodes) n.classList.add('flash');
  nodes[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/** The tooltip for a highlight: speaker, role, kind, form and confidence. */
function showTip(view, analysis, mark) {
  const id = Number(mark.dataset.statement.split(' ')[0]);
  const st = analysis?.statements[id];
  if (!st) return;
  const sp = speakerOf(analysis, st);
  const rows = [
    [t('tipSpeaker'), sp?.name ?? '؟'],
    [t('tipRole'), sp?.role || '—'],
    [t('tipKind'), `${KIND_ICON[st.kind] ?? ''} ${t(st.kind) ?? st.kind}`],
    [t('tipForm'), t('form')[st.form] ?? st.form],
    [t('tipConfidence'), `${Math.round((st.confidence ?? 0) * 100)}٪`],
  ];
  const dl = el('dl');
  for (const [k, v] of rows) dl.append(el('dt', null, k), el('dd', null, v));
  view.tip.replaceChildren(dl);
  view.tip.hidden = false;
  mark.setAttribute('aria-describedby', 'tip');
  const r = mark.getBoundingClientRect();
  const tipH = view.tip.offsetHeight;
  const top = r.bottom + 6 + tipH > window.innerHeight ? r.top - tipH - 6 : r.bottom + 6;
  view.tip.style.top = `${Math.max(4, top)}px`;
  const w = view.tip.offsetWidth;
  view.tip.style.left = `${Math.min(Math.max(4, r.right - w), window.innerWidth - w - 4)}px`;
}

export function hideTip(view) {
  view.tip.hidden = true;
  for (const m of view.reading.querySelectorAll('[aria-describedby="tip"]')) m.removeAttribute('aria-describedby');
}

/**
 * Wires the reading view: arrow keys among its highlights, and the tooltip for mouse and
 * keyboard alike, which follows its highlight when the page scrolls. `analysis()` is the one drawn.
 */
export function setupReading(view, analysis) {
  rovingKeys(view.reading, 'mark.anchor');
  const tipFor = (e) => {
    const m = e.target.closest?.('mark[data-statement]');
    if (m) showTip(view, analysis(), m);
  };
  view.reading.addEventListener('mouseover', tipFor);
  view.reading.addEventListener('focusin', tipFor);
  view.reading.addEventListener('mouseleave', () => hideTip(view));
  view.reading.addEventListener('focusout', () => hideTip(view));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hideTip(view);
  });
  window.addEventListener(
    'scroll',
    () => {
      const m = view.reading.querySelector('[aria-describedby="tip"]');
      if (m && !view.tip.hidden) showTip(view, analysis(), m);
    },
    { passive: true },
  );
}
