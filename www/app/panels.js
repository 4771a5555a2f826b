// The panels beside the text: the speakers (each a button that finds them), the statements in
// text order with their kind and speaker filters, and the notes (the status line under the
// text box and the diagnostics list).

import { t } from './i18n.js';
import { el, KIND_ICON, SPEAKER_ICON, speakerName, tint, MANY, sliced, rovingKeys } from './dom.js';

/** One entry per speaker: icon, name, role, kind, counts; a button that finds them in the text. */
export function renderSpeakers(view, analysis, onPick) {
  const counts = analysis.speakers.map(() => ({ claim: 0, denial: 0 }));
  for (const st of analysis.statements) {
    if (counts[st.speaker] && st.kind in counts[st.speaker]) counts[st.speaker][st.kind]++;
  }
  const items = analysis.speakers.map((sp, i) => {
    const li = el('li', `speaker kind-${sp.kind} ${tint(i)}`);
    li.dataset.speaker = sp.name;
    li.dataset.speakerId = String(i);
    const b = el('button', 'speaker-button');
    b.type = 'button';
    const head = el('span', 'speaker-head');
    const icon = el('span', 'speaker-icon', SPEAKER_ICON[sp.kind] ?? '•');
    icon.setAttribute('aria-hidden', 'true');
    head.append(icon, el('span', 'speaker-name', sp.name), el('span', 'chip', t('speakerKind')[sp.kind] ?? sp.kind));
    // Where Arabic marks it (قالت، الوزيرة); analyses from before issue 16 have no gender.
    if (sp.gender && t('gender')[sp.gender]) {
      const g = el('span', 'chip gender', t('gender')[sp.gender]);
      g.dataset.gender = sp.gender;
      head.append(g);
    }
    b.append(head);
    if (sp.role) b.append(el('span', 'speaker-role', sp.role));
    const tally = el('span', 'tally');
    tally.append(
      el('span', 'tally-claim', `${KIND_ICON.claim} ${t('tallyClaim')(counts[i].claim)}`),
      el('span', 'tally-denial', `${KIND_ICON.denial} ${t('tallyDenial')(counts[i].denial)}`),
      el('span', 'tally-mentions', t('mentions')(sp.mentions.length)),
    );
    b.append(tally);
    b.addEventListener('click', () => onPick(i));
    li.append(b);
    return li;
  });
  view.speakers.replaceChildren(...items);
  view.speakersCount.textContent = analysis.speakers.length ? `(${analysis.speakers.length})` : '';
  renderSources(view, analysis);
  // The speaker filter's choices follow the speakers.
  const keep = view.speakerFilter.value;
  const options = analysis.speakers.map((sp, i) => {
    const o = el('option', null, sp.name);
    o.value = String(i);
    return o;
  });
  view.speakerFilter.replaceChildren(view.speakerFilter.options[0], ...options);
  view.speakerFilter.value = keep && Number(keep) < analysis.speakers.length ? keep : '';
}

/**
 * How many sources of each kind: persons, bodies, media, anonymous. `analysis.sources` where the
 * analysis has it (issue 16), else counted from the speakers, which is what the core counts.
 */
function renderSources(view, analysis) {
  let counts = analysis.sources;
  if (!counts) {
    counts = { person: 0, organization: 0, media: 0, anonymous: 0 };
    for (const sp of analysis.speakers) if (sp.kind in counts) counts[sp.kind]++;
  }
  const kinds = ['person', 'organization', 'media', 'anonymous'];
  const parts = [el('span', 'sources-label', `${t('sources')}:`)];
  for (const k of kinds) {
    const n = Number(counts[k]) || 0;
    const part = el('span', `source-count kind-${k}`);
    part.dataset.kind = k;
    part.dataset.count = String(n);
    const icon = el('span', null, SPEAKER_ICON[k]);
    icon.setAttribute('aria-hidden', 'true');
    part.append(icon, document.createTextNode(` ${t('sourceCounts')[k](n)}`));
    parts.push(part);
  }
  view.sources.replaceChildren(...parts);
  view.sources.hidden = analysis.speakers.length === 0;
}

/** The statements, in text order; each item carries data-kind, data-speaker, data-statement. */
export async function renderStatements(view, analysis, alive) {
  const list = view.statements;
  list.replaceChildren();
  list.classList.toggle('many', analysis.statements.length > MANY);
  const frag = document.createDocumentFragment();
  const ok = await sliced(
    analysis.statements,
    (st, i) => {
      const li = el('li', `statement ${st.kind} ${tint(st.speaker)}`);
      li.dataset.kind = st.kind;
      li.dataset.speaker = speakerName(analysis, st);
      li.dataset.speakerId = String(st.speaker);
      li.dataset.statement = String(st.id);
      li.tabIndex = i === 0 ? 0 : -1;
      const head = el('div', 'statement-head');
      head.append(
        el('span', `badge ${st.kind}`, `${KIND_ICON[st.kind] ?? ''} ${t(st.kind) ?? st.kind}`),
        el('span', 'statement-speaker', speakerName(analysis, st)),
        el('span', 'chip', t('form')[st.form] ?? st.form),
        el('span', 'confidence', t('confidence')(Math.round((st.confidence ?? 0) * 100))),
      );
      const body = el('p', 'statement-body');
      body.append(el('span', 'cue-text', st.cue.text), document.createTextNode(' '), el('q', 'content-text', st.content.text));
      li.append(head, body);
      if (st.explain) {
        const why = el('details', 'explain');
        const p = el('p', null, st.explain);
        p.lang = 'en';
        why.append(el('summary', null, t('why')), p);
        li.append(why);
      }
      frag.append(li);
      // Long lists appear in pieces rather than all at the end.
      if (frag.childNodes.length >= 500) list.append(frag);
    },
    alive,
  );
  list.append(frag);
  return ok;
}

/** Shows only the statements that pass the kind and speaker filters; updates the count. */
export function applyFilters(view, analysis) {
  const kind = view.kindFilter().value;
  const speaker = view.speakerFilter.value;
  let shown = 0;
  let firstShown = null;
  for (const li of view.statements.children) {
    const ok = (kind === 'all' || li.dataset.kind === kind) && (speaker === '' || li.dataset.speakerId === speaker);
    li.hidden = !ok;
    if (ok) {
      shown++;
      firstShown ??= li;
    }
  }
  // Keep one Tab stop in the list, on a visible item.
  const stop = view.statements.querySelector('li[tabindex="0"]');
  if (firstShown && (!stop || stop.hidden)) {
    stop?.setAttribute('tabindex', '-1');
    firstShown.tabIndex = 0;
  }
  const all = analysis?.statements.length ?? 0;
  view.statementsCount.textContent = all ? t('shown')(shown, all) : '';
}

/** Status line and diagnostics: what the user should know about this text. */
export function renderNotes(view, text, analysis, problems, ms) {
  const notes = [...analysis.diagnostics, ...problems];
  const items = notes.map((d) => {
    const li = el('li', null, d);
    li.dir = 'auto';
    return li;
  });
  view.diagnostics.replaceChildren(...items);
  view.diagnostics.hidden = items.length === 0;
  let status;
  if (text.trim() === '') status = t('empty');
  else if (!/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text)) status = t('notArabic');
  else if (analysis.statements.length === 0) status = notes.length ? t('noneNotes') : t('none');
  else {
    const d = analysis.statements.filter((s) => s.kind === 'denial').length;
    status = t('summary')(analysis.statements.length, d, analysis.speakers.length);
  }
  if (ms != null && text.trim() !== '') status += t('took')(Math.max(1, Math.round(ms)));
  view.status.textContent = status;
}

/**
 * Wires the statements list: a click, Enter or Space on a statement calls `show(id)`; arrow keys
 * move among the statements; the filters redraw the list. `analysis()` is the one drawn.
 */
export function setupPanels(view, analysis, show) {
  view.statements.addEventListener('click', (e) => {
    const li = e.target.closest('li[data-statement]');
    // A button inside a card (the chain view's links) does its own thing.
    if (li && !e.target.closest('details, button')) show(li.dataset.statement);
  });
  view.statements.addEventListener('keydown', (e) => {
    const li = e.target.closest('li[data-statement]');
    if (li && e.target === li && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      show(li.dataset.statement);
    }
  });
  rovingKeys(view.statements, 'li[data-statement]');
  for (const r of document.querySelectorAll('input[name=kind]')) {
    r.addEventListener('change', () => applyFilters(view, analysis()));
  }
  view.speakerFilter.addEventListener('change', () => applyFilters(view, analysis()));
}
