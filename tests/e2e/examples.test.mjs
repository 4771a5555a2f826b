// End-to-end tests of the embedding examples in dist/examples/ (plain textarea, the Quill editor,
// the iframe embed): typing seed 000 gives an `isnad-analysis` event with Peskov's denial, the
// marks and the postMessage protocol work, and no example fetches anything off its origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openUrl, serveDir, seed } from './harness.mjs';

const SEED_000 = '000_04b6d5a339be90df.txt';
const PESKOV = 'بيسكوف';

let server;
let browser;
let text;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  text = await seed(SEED_000);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, [], 'page errors');
  assert.deepEqual(problems.consoleErrors, [], 'console errors (a CSP violation shows here)');
  assert.deepEqual(problems.dialogs, [], 'dialogs');
  assert.deepEqual(problems.foreignRequests, [], 'requests to other origins');
}

/**
 * Runs before the page's scripts: keeps every `isnad-analysis` event's detail in
 * window.__analyses and every message the window receives in window.__messages.
 */
function recorder() {
  window.__analyses = [];
  window.__messages = [];
  document.addEventListener('isnad-analysis', (e) => window.__analyses.push(e.detail));
  window.addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
}

/** Opens an example with the recorder in place. */
const openExample = (path, options = {}) => openUrl(browser, `${server.base}/examples/${path}`, { initScript: recorder, ...options });

const peskovDenialIn = (a) =>
  a.statements.find((s) => s.kind === 'denial' && a.speakers[s.speaker]?.name.includes(PESKOV));

/**
 * Types `text` into `selector`, waits until the element has analyzed all of it (`analyzed(page)`
 * gives the text of its latest analysis; `expected` is what that must be), then until the events
 * stop; returns every analysis the events carried, the last being that of the whole text.
 */
async function typeAndSettle(page, selector, { expected = text, analyzed = (p) => p.$eval('isnad-analyzer', (el) => el.text) } = {}) {
  await page.click(selector);
  await page.keyboard.type(text);
  const t0 = Date.now();
  while ((await analyzed(page)) !== expected) {
    assert.ok(Date.now() - t0 < 30000, 'the element never analyzed the whole text');
    await page.waitForTimeout(200);
  }
  let seen = -1;
  for (let waited = 0; waited < 30000; waited += 500) {
    const n = await page.evaluate(() => window.__analyses.length);
    if (n > 0 && n === seen) break;
    seen = n;
    await page.waitForTimeout(500);
  }
  return page.evaluate(() => window.__analyses);
}

/** The analysis of the whole typed text: it has Peskov's denial, as some event did. */
function finalWithPeskov(analyses) {
  assert.ok(analyses.length > 0, 'no isnad-analysis event');
  assert.ok(analyses.some(peskovDenialIn), 'no isnad-analysis event had Peskov’s denial');
  const last = analyses.at(-1);
  const st = peskovDenialIn(last);
  assert.ok(st, 'the analysis of the whole text has Peskov’s denial');
  return { analysis: last, st };
}

/** The shadow DOM panel's statements: [{kind, speaker}]. */
async function panelStatements(page, selector = 'isnad-analyzer') {
  return page.$eval(selector, (el) =>
    [...el.shadowRoot.querySelectorAll('li[data-statement]')].map((li) => ({ kind: li.dataset.kind, speaker: li.dataset.speaker })),
  );
}

test('textarea example: typing seed 000 gives an isnad-analysis event with Peskov’s denial; the panel, denials-only and English work', async () => {
  const { context, page, problems } = await openExample('textarea/');
  try {
    await page.waitForSelector('isnad-analyzer');
    const analyses = await typeAndSettle(page, '#story');
    const { analysis, st } = finalWithPeskov(analyses);
    // The last event's analysis is of exactly the text typed, with offsets into it.
    assert.equal(await page.$eval('isnad-analyzer', (el) => el.text), text);
    assert.equal(text.slice(st.content.start, st.content.end), st.content.text);
    // The event carries the isnad: what Peskov's denial answers, and the chains.
    assert.ok(st.rejects && Number.isInteger(st.rejects.statement), 'Peskov’s denial answers a statement');
    assert.equal(text.slice(st.rejects.start, st.rejects.end), st.rejects.text);
    assert.ok(analysis.statements.some((s) => (s.chain ?? []).length >= 2), 'a statement heard through someone');
    // Debounced: far fewer analyses than keystrokes.
    assert.ok(analyses.length < text.length / 20, `${analyses.length} analyses for ${text.length} keystrokes`);

    const items = await panelStatements(page);
    assert.ok(items.some((i) => i.kind === 'denial' && i.speaker.includes(PESKOV)), 'Peskov’s denial in the panel');
    assert.ok(items.some((i) => i.kind === 'claim'), 'claims in the panel');
    await page.check('#denials-only');
    await page.waitForFunction(() => document.querySelector('isnad-analyzer').hasAttribute('denials-only'));
    const denialsOnly = await panelStatements(page);
    assert.ok(denialsOnly.length > 0 && denialsOnly.every((i) => i.kind === 'denial'), 'denials only');
    await page.selectOption('#ui-lang', 'en');
    const heads = await page.$eval('isnad-analyzer', (el) => [...el.shadowRoot.querySelectorAll('[role=heading][aria-level="3"]')].map((h) => h.textContent));
    assert.ok(heads.includes('Denials'), `English headings: ${heads}`);
    assert.equal(await page.$eval('isnad-analyzer', (el) => el.shadowRoot.querySelector('[part~=panel]').dir), 'ltr');

    // Styles from the page: custom properties and ::part() (a constructed sheet: the CSP allows it).
    const styled = await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`isnad-analyzer { --isnad-denial: rgb(1, 2, 3); }
        isnad-analyzer::part(statement denial) { background-color: rgb(4, 5, 6); }`);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      const li = document.querySelector('isnad-analyzer').shadowRoot.querySelector('li[data-kind=denial]');
      return { part: getComputedStyle(li).backgroundColor, border: getComputedStyle(li.querySelector('button')).borderInlineStartColor };
    });
    assert.deepEqual(styled, { part: 'rgb(4, 5, 6)', border: 'rgb(1, 2, 3)' });

    // A click on a statement selects its content in the textarea.
    await page.$eval('isnad-analyzer', (el) => el.shadowRoot.querySelector('li[data-kind=denial] button').click());
    const selected = await page.$eval('#story', (t) => t.value.slice(t.selectionStart, t.selectionEnd));
    assert.equal(selected, st.content.text);
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('markup in the text (img onerror, script, javascript: links, </textarea>) stays text in the element’s panel, and never runs', async () => {
  const { context, page, problems } = await openExample('textarea/');
  try {
    const evil =
      'قال المتحدث باسم الوزارة إن <img src=x onerror=alert(1)> وصل. ' +
      'ونفى الوزير أن يكون <script>alert(2)</script> قد حدث. "<b onmouseover=alert(3)>نص</b>" ' +
      'وأكد المصدر أن <a href="javascript:alert(4)">الرابط</a> آمن. ' +
      'وقال المتحدث "</textarea><img src=y onerror=alert(5)>" في بيان.';
    await page.fill('#story', evil);
    await page.waitForFunction((t) => document.querySelector('isnad-analyzer').text === t, evil);
    const panel = await page.$eval('isnad-analyzer', (el) => ({
      made: el.shadowRoot.querySelectorAll('img, script, b, a, textarea').length,
      text: el.shadowRoot.textContent,
      items: el.shadowRoot.querySelectorAll('li[data-statement]').length,
    }));
    assert.ok(panel.items >= 2, 'the statements are listed');
    assert.equal(panel.made, 0, 'no element made from the text');
    assert.match(panel.text, /<script>alert\(2\)<\/script>/, 'the markup shown as text');
    for (const b of await page.locator('isnad-analyzer li button').all()) await b.hover();
    // A closing </textarea> in the text does not break out of the editor's value.
    assert.equal(await page.$eval('#story', (el) => el.value), evil, 'the editor keeps the text as it was');
    assert.ok(!problems.requests.some((u) => /\/[xy]$/.test(u)), 'no <img src> was ever fetched');
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('an <input> that appears after the element is found and watched', async () => {
  const { context, page, problems } = await openExample('textarea/');
  try {
    await page.evaluate(() => {
      const el = document.createElement('isnad-analyzer');
      el.id = 'late';
      el.setAttribute('for', 'headline');
      el.setAttribute('debounce', '0');
      document.body.append(el);
      setTimeout(() => document.body.append(Object.assign(document.createElement('input'), { id: 'headline' })), 200);
    });
    await page.fill('#headline', 'نفى وزير الخارجية أن يكون الاجتماع قد أُلغي.');
    await page.waitForFunction(() => document.getElementById('late').analysis?.statements.length > 0);
    const r = await page.$eval('#late', (el) => ({ target: el.target?.id, kinds: el.analysis.statements.map((s) => s.kind) }));
    assert.deepEqual(r, { target: 'headline', kinds: ['denial'] });
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('Quill example: typing seed 000 into the editor marks Peskov’s denial in it, outside the document Quill saves', async () => {
  const { context, page, problems } = await openExample('quill/', { contextOptions: { viewport: { width: 1280, height: 900 } } });
  try {
    await page.waitForSelector('.ql-editor#story');
    const { analysis, st } = finalWithPeskov(await typeAndSettle(page, '.ql-editor', { expected: `${text}\n` }));
    // The element read the same text as Quill's own model, so offsets agree with Quill's.
    const quillText = await page.evaluate(() => window.Quill.find(document.getElementById('editor')).getText());
    assert.equal(quillText, `${text}\n`);
    assert.equal(await page.$eval('isnad-analyzer', (el) => el.text), quillText);
    assert.equal(quillText.slice(st.content.start, st.content.end), st.content.text);

    // Marks: the browser paints them (CSS Custom Highlight API) over exactly the statements' text.
    const marks = await page.waitForFunction(() => {
      const get = (n) => [...(CSS.highlights.get(n) ?? [])].map((r) => r.toString());
      const m = { denial: get('isnad-denial'), claim: get('isnad-claim'), cue: get('isnad-cue'), speaker: get('isnad-speaker') };
      return m.denial.length > 0 && m;
    });
    const m = await marks.jsonValue();
    assert.ok(m.denial.includes(st.content.text), 'the denial is marked');
    assert.ok(m.cue.includes(st.cue.text), 'its cue is marked');
    assert.ok(m.speaker.some((s) => s.includes(PESKOV)), 'Peskov is marked');
    assert.equal(m.claim.length, analysis.statements.filter((s) => s.kind === 'claim').length);
    // …and never enter the article: Quill's document has no formatting at all.
    const ops = await page.evaluate(() => window.Quill.find(document.getElementById('editor')).getContents().ops);
    assert.deepEqual(ops.filter((op) => op.attributes), [], 'no formats in the saved document');

    // For the README: the editor with its marks, beside the panel.
    await page.evaluate(() => document.activeElement?.blur());
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-quill.png'), fullPage: false });

    // Denials only: the claim marks go.
    await page.check('#denials-only');
    await page.waitForFunction(() => (CSS.highlights.get('isnad-claim')?.size ?? 0) === 0);
    assert.ok(await page.evaluate(() => CSS.highlights.get('isnad-denial').size > 0));

    // Formatting (bold) changes the DOM but not the text: marks follow, no new analysis needed.
    const before = await page.evaluate(() => window.__analyses.length);
    await page.evaluate(() => window.Quill.find(document.getElementById('editor')).formatText(0, 20, 'bold', true));
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__analyses.length), before, 'no analysis for a format change');
    const denialNow = await page.evaluate(() => [...CSS.highlights.get('isnad-denial')].map((r) => r.toString()));
    assert.ok(denialNow.includes(st.content.text));
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('iframe example: the host sends the typed text by postMessage and receives the analysis the same way', async () => {
  const { context, page, problems } = await openExample('iframe/host.html');
  try {
    await page.waitForFunction(() => window.__messages.some((m) => m.data?.type === 'isnad:ready'), null, { timeout: 15000 });
    const { analysis } = finalWithPeskov(
      await typeAndSettle(page, '#story', {
        analyzed: (p) => p.frameLocator('#isnad-frame').locator('isnad-analyzer').evaluate((el) => el.text),
      }),
    );
    const messages = await page.evaluate(() => window.__messages);
    const answers = messages.filter((m) => m.data?.type === 'isnad:analysis');
    assert.ok(answers.length > 0, 'the host received isnad:analysis messages');
    assert.ok(answers.every((m) => m.origin === server.base), 'from the frame’s origin');
    assert.deepEqual(answers.at(-1).data.analysis, analysis);
    assert.ok(peskovDenialIn(answers.at(-1).data.analysis).rejects, 'the message carries what the denial answers');
    // The frame's own panel shows it too, and the frame sized itself.
    const frame = page.frameLocator('#isnad-frame');
    await frame.locator('isnad-analyzer li[data-kind=denial]').first().waitFor();
    assert.ok((await page.$eval('#isnad-frame', (f) => f.getBoundingClientRect().height)) > 160);
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('iframe embed across origins: it answers only the host origin named by ?host=, and no one else', async () => {
  // A host page on another origin: another port, served by the test (on loopback too: Chromium
  // blocks pages of other address spaces from framing a local one). It frames ?embed=URL and
  // records what the frame sends.
  const dir = await mkdtemp(join(tmpdir(), 'isnad-host-'));
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
    <iframe id="f"></iframe>
    <script>
      window.got = [];
      addEventListener('message', (e) => { if (e.source === f.contentWindow) got.push({ origin: e.origin, data: e.data }); });
      f.src = new URLSearchParams(location.search).get('embed');
    </script>`,
  );
  const cms = await serveDir(dir);
  const embed = (query) => `${server.base}/examples/iframe/embed.html${query}`;
  const context = await browser.newContext();
  const requests = [];
  context.on('request', (r) => requests.push(new URL(r.url()).origin));
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const open = (query) => page.goto(`${cms.base}/?embed=${encodeURIComponent(embed(query))}`);
    const ask = () =>
      page.evaluate(
        ([t, target]) => document.getElementById('f').contentWindow.postMessage({ type: 'isnad:analyze', id: 7, text: t }, target),
        [text, server.base],
      );

    // Named as the host: ready, then the analysis, both from the embed's origin.
    await open(`?host=${encodeURIComponent(cms.base)}`);
    await page.waitForFunction(() => window.got.some((m) => m.data?.type === 'isnad:ready'), null, { timeout: 15000 });
    await ask();
    await page.waitForFunction(() => window.got.some((m) => m.data?.type === 'isnad:analysis'), null, { timeout: 15000 });
    const got = await page.evaluate(() => window.got);
    assert.ok(got.every((m) => m.origin === server.base));
    const answer = got.find((m) => m.data.type === 'isnad:analysis').data;
    assert.equal(answer.id, 7);
    assert.ok(peskovDenialIn(answer.analysis), 'Peskov’s denial, by postMessage across origins');

    // Not named (the embed then trusts only its own origin), or named wrongly: the frame ignores
    // the host's messages and sends nothing, not even "ready".
    for (const query of ['', '?host=not-an-origin', `?host=${encodeURIComponent('http://127.0.0.2:1')}`]) {
      await open(query);
      await page.frameLocator('#f').locator('isnad-analyzer').waitFor({ state: 'attached' });
      await page.waitForTimeout(1000); // time to load the wasm and say "ready", were it going to
      await ask();
      await page.waitForTimeout(1000);
      assert.deepEqual(await page.evaluate(() => window.got), [], `embed.html${query} talked to the host`);
      const shown = await page.frameLocator('#f').locator('isnad-analyzer li[data-statement]').count();
      assert.equal(shown, 0, `embed.html${query} analyzed the host's text`);
    }
    assert.deepEqual(errors, []);
    assert.deepEqual([...new Set(requests)].sort(), [cms.base, server.base].sort(), 'no request but the host page and the embed');
  } finally {
    await context.close();
    await cms.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('axe-core finds no accessibility violations in the textarea and Quill examples, analyzed (light, dark)', async () => {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  for (const colorScheme of ['light', 'dark']) {
    for (const path of ['textarea/', 'quill/']) {
      const { context, page, problems } = await openExample(path, { contextOptions: { colorScheme } });
      try {
        await page.waitForSelector('#story');
        if (path === 'textarea/') await page.fill('#story', text);
        else await page.evaluate((t) => window.Quill.find(document.getElementById('editor')).setText(t), text);
        await page.waitForFunction(() => window.__analyses.some((a) => a.statements.length > 0));
        await page.evaluate(axeSource); // page.evaluate is not subject to the page's CSP
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        });
        assert.deepEqual(violations, [], `axe violations in ${path} (${colorScheme})`);
        assertClean(problems);
      } finally {
        await context.close();
      }
    }
  }
});
