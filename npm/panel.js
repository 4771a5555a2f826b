// The panel of <isnad-analyzer>: speakers, denials and claims, drawn from an analysis. Text from
// the analysis (that is, from the user) only ever goes in through textContent, never as HTML.
//
// Parts, for ::part() in the page's CSS:
//   panel, header, title, status, body, heading, message,
//   speakers, speaker, name, role, tally,
//   statements denials | statements claims, statement denial | statement claim,
//   cue, content, sources, chain (a statement heard through others), answers (what a denial
//   answers), denied-by (a button to the denial that answers this statement)

/** An element with its part names, class and text (text through textContent only). */
function el(tag, part, text) {
  const node = document.createElement(tag);
  if (part) {
    node.setAttribute('part', part);
    node.className = part;
  }
  if (text != null) node.textContent = String(text);
  return node;
}

/** The panel's fixed frame: a header with a title and a live status line, and a body. */
export function panelFrame() {
  const panel = el('section', 'panel');
  const head = el('div', 'header');
  const title = el('div', 'title');
  title.setAttribute('role', 'heading');
  const status = el('span', 'status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  head.append(title, status);
  const body = el('div', 'body');
  panel.append(head, body);
  return { panel, title, status, body };
}

function speakerItem(words, speaker, claims, denials) {
  const li = el('li', 'speaker');
  li.dataset.speaker = speaker.name;
  li.dataset.kind = speaker.kind;
  const name = el('span', 'name', speaker.name);
  name.dir = 'auto';
  li.append(name);
  if (speaker.role) {
    const role = el('span', 'role', speaker.role);
    role.dir = 'auto';
    li.append(role);
  }
  li.append(el('span', 'kind', words.kind[speaker.kind] ?? speaker.kind), el('span', 'tally', words.tally(claims, denials)));
  return li;
}

/** The chain «A ← B» (→ in a left-to-right panel) of a statement heard through others. */
function chainLine(words, analysis, chain) {
  const line = el('span', 'chain');
  line.dataset.chain = chain.join(' ');
  line.append(`${words.chain}: `);
  chain.forEach((i, k) => {
    if (k > 0) {
      const arrow = el('span', null, ` ${words.dir === 'rtl' ? '←' : '→'} `);
      arrow.setAttribute('aria-hidden', 'true');
      const said = el('span', 'sr-only', ` ${words.citing} `);
      line.append(arrow, said);
    }
    const name = el('bdi', 'name', analysis.speakers[i]?.name ?? '؟');
    line.append(name);
  });
  return line;
}

function statementItem(words, analysis, st, onPick, deniedBy) {
  const speaker = analysis.speakers[st.speaker];
  const li = el('li', `statement ${st.kind}`);
  li.dataset.kind = st.kind;
  li.dataset.statement = String(st.id);
  li.dataset.speaker = speaker?.name ?? '';
  const button = el('button');
  button.type = 'button';
  button.title = words.show;
  const who = el('span', 'name', speaker?.name ?? '؟');
  const cue = el('span', 'cue', st.cue.text);
  const content = el('q', 'content', st.content.text);
  for (const n of [who, cue, content]) n.dir = 'auto';
  button.append(who, ' ', cue, content);
  if (Array.isArray(st.chain) && st.chain.length > 1) button.append(chainLine(words, analysis, st.chain));
  button.addEventListener('click', () => onPick(st));
  li.append(button);
  // What a denial answers, and who denied this one: buttons of their own, to the statement.
  const goTo = (part, label, target) => {
    const b = el('button', part);
    b.type = 'button';
    b.dataset.statement = String(target.id);
    const name = el('bdi', 'name', analysis.speakers[target.speaker]?.name ?? '؟');
    b.append(`${label} `, name);
    b.addEventListener('click', () => onPick(target));
    return b;
  };
  const target = Number.isInteger(st.rejects?.statement) ? analysis.statements[st.rejects.statement] : null;
  if (target) li.append(goTo('answers', words.answers, target));
  else if (st.rejects?.text) {
    const q = el('q', 'answers', st.rejects.text);
    q.dir = 'auto';
    li.append(el('span', 'answers', `${words.answers}: `), q);
  }
  for (const d of deniedBy.get(st.id) ?? []) li.append(goTo('denied-by', words.deniedBy, d));
  return li;
}

/** How many sources of each kind: `analysis.sources` (issue 16), else counted from the speakers. */
function sourcesLine(words, analysis) {
  let counts = analysis.sources;
  if (!counts) {
    counts = { person: 0, organization: 0, media: 0, anonymous: 0 };
    for (const sp of analysis.speakers) if (sp.kind in counts) counts[sp.kind]++;
  }
  const p = el('p', 'sources');
  p.append(
    ['person', 'organization', 'media', 'anonymous']
      .map((k) => `${words.kind[k]}: ${Number(counts[k]) || 0}`)
      .join(' · '),
  );
  for (const k of ['person', 'organization', 'media', 'anonymous']) p.dataset[k] = String(Number(counts[k]) || 0);
  return p;
}

/** A heading at `level` (ARIA, so the level can follow the page's outline without new elements). */
function heading(level, text) {
  const h = el('div', 'heading', text);
  h.setAttribute('role', 'heading');
  h.setAttribute('aria-level', String(level));
  return h;
}

/**
 * Draws `state` into the frame: { lang, words, analysis (or null), message, error, working,
 * denialsOnly, level, onPick }. `message` replaces the lists (empty text, no target); `error` is
 * shown in the status line; `level` is the title's heading level (the sections' is one more).
 */
export function renderPanel(frame, { lang, words, analysis, message, error, working, denialsOnly, level, onPick }) {
  frame.panel.lang = lang;
  frame.panel.dir = words.dir;
  frame.title.textContent = words.title;
  frame.title.setAttribute('aria-level', String(level));
  const statements = analysis?.statements ?? [];
  const denials = statements.filter((s) => s.kind === 'denial');
  const claims = statements.filter((s) => s.kind === 'claim');
  frame.status.classList.toggle('error', Boolean(error));
  if (error) frame.status.textContent = `${words.failed} ${error}`;
  else if (working) frame.status.textContent = words.working;
  else if (analysis && statements.length) frame.status.textContent = words.summary(statements.length, denials.length, analysis.speakers.length);
  else frame.status.textContent = '';

  const body = [];
  if (message) {
    body.push(el('p', 'message', message));
  } else if (analysis && statements.length === 0) {
    body.push(el('p', 'message', words.none));
  } else if (analysis) {
    // Who denied each statement (issue 16: a denial's `rejects.statement`; absent in older analyses).
    const deniedBy = new Map();
    for (const d of denials) {
      const target = d.rejects?.statement;
      if (!Number.isInteger(target) || !statements[target]) continue;
      if (!deniedBy.has(target)) deniedBy.set(target, []);
      deniedBy.get(target).push(d);
    }
    const item = (st) => statementItem(words, analysis, st, onPick, deniedBy);
    const tally = analysis.speakers.map(() => [0, 0]);
    for (const s of statements) if (tally[s.speaker]) tally[s.speaker][s.kind === 'denial' ? 1 : 0]++;
    const speakers = analysis.speakers.filter((sp) => !denialsOnly || tally[sp.id]?.[1] > 0);
    if (speakers.length) {
      const list = el('ul', 'speakers');
      list.append(...speakers.map((sp) => speakerItem(words, sp, ...tally[sp.id])));
      body.push(heading(level + 1, words.speakers), sourcesLine(words, analysis), list);
    }
    body.push(heading(level + 1, words.denials));
    if (denials.length) {
      const list = el('ol', 'statements denials');
      list.append(...denials.map(item));
      body.push(list);
    } else {
      body.push(el('p', 'message', words.noDenials));
    }
    if (!denialsOnly && claims.length) {
      const list = el('ol', 'statements claims');
      list.append(...claims.map(item));
      body.push(heading(level + 1, words.claims), list);
    }
  }
  frame.body.replaceChildren(...body);
}
