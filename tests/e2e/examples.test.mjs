// End-to-end tests of the embedding examples in dist/examples/ (plain textarea, the Quill editor,
// the iframe embed): typing seed 000 gives an `isnad-analysis` event with Peskov's denial, the
// marks and the postMessage protocol work, and no example fetches anything off its origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openUrl, seed } from './harness.mjs';

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
 * Types `text` into `selector`, then waits until the events stop (no new one for longer than the
 * debounce); returns every analysis the events carried, the last being that of the whole text.
 */
async function typeAndSettle(page, selector) {
  await page.click(selector);
  await page.keyboard.type(text);
  let seen = -1;
  for (let waited = 0; waited < 30000; waited += 800) {
    const n = await page.evaluate(() => window.__analyses.length);
    if (n > 0 && n === seen) break;
    seen = n;
    await page.waitForTimeout(800);
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
    const { st } = finalWithPeskov(analyses);
    // The last event's analysis is of exactly the text typed, with offsets into it.
    assert.equal(await page.$eval('isnad-analyzer', (el) => el.text), text);
    assert.equal(text.slice(st.content.start, st.content.end), st.content.text);
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
    const heads = await page.$eval('isnad-analyzer', (el) => [...el.shadowRoot.querySelectorAll('h3')].map((h) => h.textContent));
    assert.ok(heads.includes('Denials'), `English headings: ${heads}`);
    assert.equal(await page.$eval('isnad-analyzer', (el) => el.shadowRoot.querySelector('[part~=panel]').dir), 'ltr');

    // A click on a statement selects its content in the textarea.
    await page.$eval('isnad-analyzer', (el) => el.shadowRoot.querySelector('li[data-kind=denial] button').click());
    const selected = await page.$eval('#story', (t) => t.value.slice(t.selectionStart, t.selectionEnd));
    assert.equal(selected, st.content.text);
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('Quill example: typing seed 000 into the editor marks Peskov’s denial in it, outside the document Quill saves', async () => {
  const { context, page, problems } = await openExample('quill/');
  try {
    await page.waitForSelector('.ql-editor#story');
    const { analysis, st } = finalWithPeskov(await typeAndSettle(page, '.ql-editor'));
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
    const { analysis } = finalWithPeskov(await typeAndSettle(page, '#story'));
    const messages = await page.evaluate(() => window.__messages);
    const answers = messages.filter((m) => m.data?.type === 'isnad:analysis');
    assert.ok(answers.length > 0, 'the host received isnad:analysis messages');
    assert.ok(answers.every((m) => m.origin === server.base), 'from the frame’s origin');
    assert.deepEqual(answers.at(-1).data.analysis, analysis);
    // The frame's own panel shows it too, and the frame sized itself.
    const frame = page.frameLocator('#isnad-frame');
    await frame.locator('isnad-analyzer li[data-kind=denial]').first().waitFor();
    assert.ok((await page.$eval('#isnad-frame', (f) => f.getBoundingClientRect().height)) > 160);
    assertClean(problems);
  } finally {
    await context.close();
  }
});
