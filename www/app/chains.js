// The chain and denial view (issue 16, item 4): on each statement card, its chain of
// transmission («رويترز ← مصادر») and, for a denial, what it answers (a button that goes to it),
// and on the answered statement who denied it; and the who-denies-whom view of the whole
// article: speakers as nodes, each denial an arrow to the speaker whose statement it answers.
// The view is a list first (what the keyboard and screen readers use) and an SVG drawn here
// beside it (aria-hidden: the same edges as the list), no library.
//
// Every field read here is optional: an analysis from before issue 16 has no `chain`, no
// `rejects`, and then nothing is added and the view stays hidden. The controller (app.js) calls
// renderChains after the panels, and again when the language changes; setupChains wires the
// buttons once, with the controller's callbacks (a view never calls another view).

import { t } from './i18n.js';
import { el, SPEAKER_ICON, tint, MANY, sliced } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

const nameOf = (analysis, i) => analysis.speakers[i]?.name ?? '؟';

/** A speaker's name, isolated from the text around it (an Arabic name in an English line). */
function nameEl(analysis, i) {
  const b = el('bdi', `chain-name ${tint(i)}`, nameOf(analysis, i));
  b.dataset.speakerId = String(i);
  return b;
}

/** At most `n` characters of `s`, with an ellipsis when cut. */
const excerpt = (s, n = 90) => (s.length > n ? `${s.slice(0, n).trimEnd()}…` : s);

/** A button that goes somewhere in the text: `go` is 'statement' (id = a statement) or 'answered' (id = a denial). */
function goButton(className, go, id, ...children) {
  const b = el('button', `go ${className}`);
  b.type = 'button';
  b.dataset.go = go;
  b.dataset.id = String(id);
  b.append(...children);
  return b;
}

/**
 * The denials that answer another statement: { denial, claim, from, to } with statement ids and
 * speaker ids (from the denier to the speaker of the answered statement), in text order.
 */
export function denialEdges(analysis) {
  const edges = [];
  for (const st of analysis.statements) {
    const target = st.rejects?.statement;
    if (st.kind !== 'denial' || !Number.isInteger(target)) continue;
    const claim = analysis.statements[target];
    if (!claim) continue;
    edges.push({ denial: st.id, claim: claim.id, from: st.speaker, to: claim.speaker });
  }
  return edges;
}

/** The chain «A ← B ← C» (→ in a left-to-right page), with the link in words for screen readers. */
function chainLine(analysis, chain) {
  const p = el('p', 'chain');
  p.dataset.chain = chain.join(' ');
  p.append(el('span', 'chain-label', `${t('chainLabel')}: `));
  const arrow = document.documentElement.dir === 'rtl' ? '←' : '→';
  chain.forEach((sp, k) => {
    if (k > 0) {
      const a = el('span', 'chain-arrow', ` ${arrow} `);
      a.setAttribute('aria-hidden', 'true');
      p.append(a, el('span', 'sr-only', ` ${t('chainLink')} `));
    }
    p.append(nameEl(analysis, sp));
  });
  return p;
}

/**
 * Draws the chains, the answers and the who-denies-whom view of `analysis`, in time slices (a
 * 5 MB text has thousands of each); false when `alive()` turned false part-way.
 */
export async function renderChains(view, analysis, alive) {
  const statements = analysis.statements ?? [];
  const edges = denialEdges(analysis);
  const deniedBy = new Map();
  for (const e of edges) {
    if (!deniedBy.has(e.claim)) deniedBy.set(e.claim, []);
    deniedBy.get(e.claim).push(e.denial);
  }
  const hasAny = edges.length > 0 || statements.some((st) => st.chain || st.rejects);
  view.denialsPanel.hidden = true;
  view.denials.replaceChildren();
  view.denialsGraph.replaceChildren();
  if (hasAny && !(await decorateCards(view, analysis, deniedBy, alive))) return false;
  return renderDenials(view, analysis, edges, alive);
}

/** Adds the chain, what a denial answers and who denied it to each statement card. */
function decorateCards(view, analysis, deniedBy, alive) {
  return sliced([...view.statements.children], (li) => {
    const st = analysis.statements[Number(li.dataset.statement)];
    if (!st) return;
    const extra = [];
    if (Array.isArray(st.chain) && st.chain.length > 1) extra.push(chainLine(analysis, st.chain));
    if (st.rejects && typeof st.rejects.text === 'string') {
      const p = el('p', 'answers');
      const target = Number.isInteger(st.rejects.statement) ? analysis.statements[st.rejects.statement] : null;
      const quote = el('q', 'answers-text', excerpt(st.rejects.text));
      quote.dir = 'auto';
      if (target) {
        p.dataset.answers = String(target.id);
        const label = el('span', 'answers-label', `${t('answers')} `);
        p.append(goButton('answers-go', 'statement', target.id, label, nameEl(analysis, target.speaker), document.createTextNode(': '), quote));
      } else {
        p.append(goButton('answers-go', 'answered', st.id, el('span', 'answers-label', `${t('answersText')}: `), quote));
      }
      extra.push(p);
    }
    const by = deniedBy.get(st.id);
    if (by) {
      const p = el('p', 'denied-by');
      p.dataset.deniedBy = by.join(' ');
      p.append(el('span', 'denied-by-label', `✗ ${t('deniedBy')}: `));
      by.forEach((id, k) => {
        if (k > 0) p.append(document.createTextNode(' '));
        p.append(goButton('denied-by-go', 'statement', id, nameEl(analysis, analysis.statements[id].speaker)));
      });
      extra.push(p);
    }
    if (extra.length) {
      const box = el('div', 'chain-info');
      box.append(...extra);
      // Under the statement's words, before its «why?».
      li.insertBefore(box, li.querySelector(':scope > details'));
    }
  }, alive);
}

/** The who-denies-whom view: a list of the edges (the primary content) and their SVG drawing. */
async function renderDenials(view, analysis, edges, alive) {
  view.denialsCount.textContent = edges.length ? `(${edges.length})` : '';
  view.denials.classList.toggle('many', edges.length > MANY / 10);
  const items = [];
  const ok = await sliced(edges, (e) => {
    const li = el('li', `denial-edge ${tint(e.from)}`);
    li.dataset.from = String(e.from);
    li.dataset.to = String(e.to);
    li.dataset.denial = String(e.denial);
    li.dataset.claim = String(e.claim);
    const who = el('p', 'edge-who');
    const mark = el('span', 'edge-mark', '✗');
    mark.setAttribute('aria-hidden', 'true');
    who.append(mark, document.createTextNode(' '), nameEl(analysis, e.from), document.createTextNode(` ${t('denies')} `), nameEl(analysis, e.to));
    const denial = analysis.statements[e.denial];
    const claim = analysis.statements[e.claim];
    const go = el('p', 'edge-go');
    const b1 = goButton('edge-denial', 'statement', e.denial, document.createTextNode(t('theDenial')));
    b1.setAttribute('aria-label', `${t('theDenial')}: ${nameOf(analysis, e.from)} — ${excerpt(denial.content?.text ?? '', 60)}`);
    const b2 = goButton('edge-claim', 'statement', e.claim, document.createTextNode(t('theClaim')));
    b2.setAttribute('aria-label', `${t('theClaim')}: ${nameOf(analysis, e.to)} — ${excerpt(claim.content?.text ?? '', 60)}`);
    go.append(b1, b2);
    li.append(who, go);
    items.push(li);
  }, alive);
  if (!ok) return false;
  view.denials.append(...items);
  if (edges.length) view.denialsGraph.append(drawGraph(analysis, edges));
  view.denialsPanel.hidden = edges.length === 0;
  return true;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * The edges as an SVG: the speakers on a circle (two side by side), the first denier at the
 * reading start (the right in Arabic), each pair's denials one curved arrow (reciprocal
 * denials curve apart), with their number when more than one.
 */
function drawGraph(analysis, edges) {
  const nodes = [];
  for (const e of edges) for (const s of [e.from, e.to]) if (!nodes.includes(s)) nodes.push(s);
  const n = nodes.length;
  const rtl = document.documentElement.dir === 'rtl';
  const W = 480;
  const R = n <= 2 ? 150 : Math.min(170, 70 + 22 * n);
  const H = n <= 2 ? 150 : 2 * R + 100;
  const cx = W / 2;
  const cy = n <= 2 ? 60 : R + 40;
  const radius = 22;
  const pos = new Map();
  nodes.forEach((s, i) => {
    const a = n <= 2 ? Math.PI * i : -Math.PI / 2 + (2 * Math.PI * i) / n;
    const x = cx + (rtl ? 1 : -1) * (n === 1 ? 0 : R * Math.cos(a));
    const y = cy + (n <= 2 ? 0 : R * Math.sin(a));
    pos.set(s, { x, y });
  });
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'graph', 'aria-hidden': 'true', focusable: 'false' });
  const defs = svg('defs');
  const marker = svg('marker', {
    id: 'isnad-arrow',
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }));
  defs.append(marker);
  root.append(defs);
  // One arrow per (from, to) pair.
  const pairs = new Map();
  for (const e of edges) {
    const key = `${e.from}>${e.to}`;
    if (!pairs.has(key)) pairs.set(key, { from: e.from, to: e.to, denials: [] });
    pairs.get(key).denials.push(e.denial);
  }
  for (const p of pairs.values()) {
    const a = pos.get(p.from);
    const b = pos.get(p.to);
    const g = svg('g', { class: `edge ${tint(p.from)}` });
    g.dataset.go = 'statement';
    g.dataset.id = String(p.denials[0]);
    g.dataset.from = String(p.from);
    g.dataset.to = String(p.to);
    let d;
    let mid;
    if (p.from === p.to) {
      // Someone denying their own earlier words: a loop above the node.
      d = `M${a.x - 10},${a.y - radius + 2} C${a.x - 40},${a.y - 75} ${a.x + 40},${a.y - 75} ${a.x + 10},${a.y - radius - 2}`;
      mid = { x: a.x, y: a.y - 62 };
    } else {
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.hypot(dx, dy) || 1;
      const [ux, uy] = [dx / len, dy / len];
      // Bend to the right of the direction of travel, so A→B and B→A do not overlap.
      const bend = 26;
      const c = { x: (a.x + b.x) / 2 - uy * bend, y: (a.y + b.y) / 2 + ux * bend };
      const s = toward(a, c, radius + 2);
      const t2 = toward(b, c, radius + 6);
      d = `M${s.x.toFixed(1)},${s.y.toFixed(1)} Q${c.x.toFixed(1)},${c.y.toFixed(1)} ${t2.x.toFixed(1)},${t2.y.toFixed(1)}`;
      mid = { x: (s.x + 2 * c.x + t2.x) / 4, y: (s.y + 2 * c.y + t2.y) / 4 };
    }
    g.append(svg('path', { d, class: 'edge-line', 'marker-end': 'url(#isnad-arrow)' }));
    if (p.denials.length > 1) {
      const label = svg('text', { x: mid.x.toFixed(1), y: (mid.y - 6).toFixed(1), class: 'edge-count', 'text-anchor': 'middle' });
      label.textContent = `×${p.denials.length}`;
      g.append(label);
    }
    root.append(g);
  }
  for (const s of nodes) {
    const { x, y } = pos.get(s);
    const g = svg('g', { class: `node ${tint(s)}` });
    g.dataset.speakerId = String(s);
    g.append(svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: radius }));
    const icon = svg('text', { x: x.toFixed(1), y: (y + 6).toFixed(1), 'text-anchor': 'middle', class: 'node-icon' });
    icon.textContent = SPEAKER_ICON[analysis.speakers[s]?.kind] ?? '•';
    const name = svg('text', { x: x.toFixed(1), y: (y + radius + 20).toFixed(1), 'text-anchor': 'middle', class: 'node-name' });
    name.textContent = excerpt(nameOf(analysis, s), 22);
    g.append(icon, name);
    root.append(g);
  }
  return root;
}

/** The point `by` units from `p` toward `q`. */
function toward(p, q, by) {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: p.x + (dx / len) * by, y: p.y + (dy / len) * by };
}

/**
 * Wires the buttons of the cards and of the view (and the SVG's arrows, for the mouse): `show(id)`
 * goes to statement `id`, `showAnswered(id)` to the words denial `id` answers.
 */
export function setupChains(view, { show, showAnswered }) {
  const onClick = (e) => {
    const go = e.target.closest?.('[data-go]');
    if (!go) return;
    e.stopPropagation();
    if (go.dataset.go === 'answered') showAnswered(go.dataset.id);
    else show(go.dataset.id);
  };
  for (const c of [view.statements, view.denials, view.denialsGraph]) c.addEventListener('click', onClick);
}
