// End-to-end tests of the page as a newsroom tool: panels, filters, keyboard, export, keeping
// the text, security (CSP, markup as text), accessibility (axe-core), a 5 MB text, offline use,
// the single-file build, and screenshots for docs/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { ROOT, DIST, startServer, launchBrowser, openPage, setText, seed, analyzeInPage } from './harness.mjs';

const SEED_000 = '000_04b6d5a339be90df.txt';
const SEED_002 = '002_df66d1c33c88f395.txt';
const PESKOV = 'بيسكوف';
const KOSACHEV = 'كوساتشوف';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, [], 'page errors');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.dialogs, [], 'dialogs');
  assert.deepEqual(problems.foreignRequests, [], 'requests to other origins');
}

/** Waits until the page has drawn an analysis newer than the one drawn before `action`. */
async function analyzed(page, action) {
  const before = await page.evaluate(() => Number(document.documentElement.dataset.analyzed ?? 0));
  await action();
  await page.waitForFunction(
    (n) => {
      const d = document.documentElement.dataset;
      return Number(d.analyzed ?? 0) > n && Number(d.analyzedLength) === document.getElementById('text').value.length;
    },
    before,
    { timeout: 20000 },
  );
}

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(s) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && s[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else if (c === '\n') throw new Error(`bare LF at ${i}: RFC 4180 wants CRLF`);
    else (field += c), i++;
  }
  if (field !== '' || row.length) throw new Error('last row not ended by CRLF');
  return rows;
}

test('seed 000: Peskov denies, Kosachev claims; filters, speaker click, tooltip and keyboard work', async () => {
  const { context, page, problems } = await openPage(browser, server.base, { viewport: { width: 1280, height: 900 } });
  try {
    await analyzed(page, async () => setText(page, await seed(SEED_000)));
    // Reading view and list both mark kind and speaker.
    assert.ok(await page.locator(`#reading mark[data-kind=denial][data-speaker*="${PESKOV}"]`).count());
    assert.ok(await page.locator(`#reading mark[data-speaker*="${KOSACHEV}"]`).count());
    assert.ok(await page.locator(`#statements li[data-kind=denial][data-speaker*="${PESKOV}"]`).count());
    assert.ok(await page.locator(`#statements li[data-kind=claim][data-speaker*="${KOSACHEV}"]`).count());

    // Filter: denials only.
    await page.check('input[name=kind][value=denial]');
    const visible = await page.$$eval('#statements > li', (lis) => lis.filter((li) => !li.hidden).map((li) => li.dataset.kind));
    assert.ok(visible.length > 0);
    assert.deepEqual([...new Set(visible)], ['denial']);
    assert.match(await page.textContent('#statements-count'), /\d+ من \d+/);
    await page.check('input[name=kind][value=all]');

    // Clicking a speaker scrolls to one of their passages and flashes it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.click(`#speakers li[data-speaker*="${KOSACHEV}"] button`);
    await page.waitForFunction(
      (name) => {
        const m = document.querySelector('#reading mark.flash');
        if (!m || !m.dataset.speaker.includes(name)) return false;
        const r = m.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      },
      KOSACHEV,
      { timeout: 5000 },
    );
    // ... and filters the list to that speaker.
    const speakers = await page.$$eval('#statements > li', (lis) => lis.filter((li) => !li.hidden).map((li) => li.dataset.speaker));
    assert.ok(speakers.length > 0 && speakers.every((s) => s.includes(KOSACHEV)));

    // Hover shows speaker, role, kind, form, confidence.
    await page.hover(`#reading mark[data-kind=denial][data-speaker*="${PESKOV}"]`);
    const tip = await page.textContent('#tip');
    assert.equal(await page.isVisible('#tip'), true);
    assert.match(tip, /بيسكوف/);
    assert.match(tip, /المتحدث الرسمي/); // the role
    assert.match(tip, /نفي/);
    assert.match(tip, /\d+٪/);

    // Keyboard: Tab reaches the statements list; arrows move between statements.
    await page.selectOption('#speaker-filter', '');
    const first = page.locator('#statements > li[tabindex="0"]');
    await first.focus();
    const id0 = await page.evaluate(() => document.activeElement.dataset.statement);
    await page.keyboard.press('ArrowDown');
    const id1 = await page.evaluate(() => document.activeElement.dataset.statement);
    assert.equal(Number(id1), Number(id0) + 1, 'ArrowDown moves to the next statement');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#reading mark.flash[data-statement~="${id1}"]`);
    // The reading view's highlights are reachable too, and focus shows the tooltip.
    await page.focus('#reading mark.anchor[tabindex="0"]');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement.matches('#reading mark.anchor')), true);
    assert.equal(await page.isVisible('#tip'), true);
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('export: CSV follows RFC 4180 and matches the analysis; JSON is the analysis', async () => {
  const { context, page, problems } = await openPage(browser, server.base, { acceptDownloads: true });
  try {
    // A quotation with a comma, a double quote and a line break inside the content.
    const text = (await seed(SEED_000)) + '\nوقال الوزير: "نحن، بكل وضوح، نرفض ""هذا"" الكلام\nتماما".';
    await analyzed(page, () => setText(page, text));
    const expected = await analyzeInPage(page, text);

    const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#save-csv')]);
    assert.equal(csvDl.suggestedFilename(), 'isnad-statements.csv');
    const rows = parseCsv(await readFile(await csvDl.path(), 'utf8'));
    assert.deepEqual(rows[0], [
      'id', 'speaker', 'role', 'speaker_kind', 'kind', 'form', 'confidence',
      'cue', 'cue_start', 'cue_end', 'content', 'content_start', 'content_end',
      'chain', 'rejects_start', 'rejects_end', 'rejects_statement', 'speaker_gender',
    ]);
    assert.equal(rows.length - 1, expected.statements.length);
    for (const [i, st] of expected.statements.entries()) {
      const r = rows[i + 1];
      assert.equal(r[1], expected.speakers[st.speaker].name);
      assert.equal(r[4], st.kind);
      assert.equal(r[10], st.content.text);
      assert.equal(text.slice(Number(r[11]), Number(r[12])), r[10], 'CSV offsets point into the text');
      assert.equal(r[13], (st.chain ?? []).map((p) => expected.speakers[p].name).join(' ← '));
      assert.equal(r[16], String(st.rejects?.statement ?? ''));
      if (st.rejects) assert.equal(text.slice(Number(r[14]), Number(r[15])), st.rejects.text, 'the target’s offsets');
      assert.equal(r[17], expected.speakers[st.speaker].gender ?? '');
    }
    assert.ok(rows.some((r) => r[13].includes(' ← ')) && rows.some((r) => r[16] !== ''), 'a chain and a target in seed 000');
    assert.ok(rows.some((r) => /[,"\n]/.test(r[10])), 'some content needed quoting');

    const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#save-json')]);
    const json = JSON.parse(await readFile(await jsonDl.path(), 'utf8'));
    assert.equal(json.text, text);
    assert.deepEqual(json.statements, expected.statements);
    assert.deepEqual(json.speakers, expected.speakers);
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('the text survives a reload and the clear button forgets it', async () => {
  const { context, page, problems } = await openPage(browser, server.base);
  try {
    const text = await seed(SEED_002);
    await analyzed(page, () => setText(page, text));
    await page.waitForTimeout(600); // the save is debounced
    await page.reload();
    await page.waitForSelector('#statements > li[data-kind]');
    assert.equal(await page.inputValue('#text'), text);
    await page.click('#clear');
    await page.waitForTimeout(600);
    await page.reload();
    await page.waitForFunction(() => document.getElementById('version').textContent.startsWith('isnad '));
    await page.waitForTimeout(300);
    assert.equal(await page.inputValue('#text'), '');
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('hostile text stays text: img onerror, script, javascript: links, </textarea>', async () => {
  const { context, page, problems } = await openPage(browser, server.base);
  try {
    const evil =
      'قال المتحدث باسم الوزارة إن <img src=x onerror=alert(1)> وصل.\n' +
      'ونفى الوزير أن يكون <script>alert(2)</script> قد حدث.\n' +
      'وأكد المصدر أن <a href="javascript:alert(3)">الرابط</a> آمن.\n' +
      'وقال المتحدث "</textarea><img src=y onerror=alert(4)>" في بيان.';
    await analyzed(page, () => setText(page, evil));
    assert.equal(await page.textContent('#reading'), evil);
    assert.equal(await page.inputValue('#text'), evil);
    assert.equal(await page.locator('body img, body a, main script').count(), 0, 'no element made from the text');
    for (const m of await page.locator('#reading mark').all()) await m.hover();
    for (const li of await page.locator('#statements > li').all()) await li.click();
    await page.waitForTimeout(200);
    assert.deepEqual(problems.dialogs, [], 'no dialog fired');
    assert.ok(!problems.requests.some((u) => /\/(x|y)$/.test(u)), 'no image was fetched');
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('the Content-Security-Policy blocks an injected inline script', async () => {
  const { context, page, problems } = await openPage(browser, server.base);
  try {
    const result = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return { ran: window.__injected === true, violations };
    });
    assert.equal(result.ran, false, 'the inline script must not run');
    assert.ok(result.violations.some((v) => v.startsWith('script-src')), `violations: ${result.violations}`);
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a trap in the wasm is reported and the worker is restarted', async () => {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  try {
    await p.route('**/pkg/isnad_no_modules.js', async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace(
        'function analyze(text, options) {',
        "function analyze(text, options) { if (text.includes('TRAP')) throw new WebAssembly.RuntimeError('unreachable');",
      );
      assert.ok(body.includes('RuntimeError'));
      await route.fulfill({ response: res, body });
    });
    await p.goto(`${server.base}/`);
    await p.waitForFunction(() => document.getElementById('version').textContent.startsWith('isnad '));
    await p.fill('#text', 'قال الوزير TRAP');
    await p.waitForSelector('#error:not([hidden])');
    assert.match(await p.textContent('#error'), /unreachable/);
    await p.waitForFunction(() => document.documentElement.dataset.engineRestarts === '1');
    await p.fill('#text', await seed(SEED_000));
    await p.waitForSelector('#statements > li[data-kind=denial]');
    assert.equal(await p.isHidden('#error'), true);
  } finally {
    await ctx.close();
  }
});

test('axe-core finds no accessibility violations in the analyzed page (light, dark, English)', async () => {
  const require = createRequire(import.meta.url);
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const colorScheme of ['light', 'dark']) {
    const { context, page, problems } = await openPage(browser, server.base, { colorScheme });
    try {
      await analyzed(page, async () => setText(page, await seed(SEED_000)));
      // page.evaluate is not subject to the page's CSP (an injected <script> would be).
      await page.evaluate(axeSource);
      const check = () =>
        page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        });
      assert.deepEqual(await check(), [], `axe violations (${colorScheme})`);
      if (colorScheme === 'light') {
        await page.click('#lang');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.deepEqual(await check(), [], 'axe violations (English)');
      }
      assertClean(problems);
    } finally {
      await context.close();
    }
  }
});

test('5 MB of Arabic: the main thread never blocks for 200 ms, progress shows, the result arrives', async () => {
  const { context, page, problems } = await openPage(browser, server.base);
  try {
    const a = await seed(SEED_000);
    const b = await seed(SEED_002);
    let big = '';
    while (Buffer.byteLength(big) < 5_000_000) big += `${a}\n\n${b}\n\n`;
    // The paste itself: the textarea lays out 5 MB of text, which is the browser's own work.
    await page.evaluate((t) => {
      document.getElementById('text').value = t;
    }, big);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    // From here on, the page's own work: analysis, progress, drawing.
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
      window.__sawProgress = false;
      const bar = document.getElementById('progress');
      new MutationObserver(() => {
        if (!bar.hidden && bar.value > 0 && bar.value < 1) window.__sawProgress = true;
      }).observe(bar, { attributes: true });
      document.getElementById('text').dispatchEvent(new Event('input', { bubbles: true }));
    });
    const t0 = Date.now();
    await page.waitForFunction(
      () =>
        document.getElementById('progress').hidden &&
        document.documentElement.dataset.analyzed &&
        document.querySelectorAll('#statements > li').length > 10000,
      null,
      { timeout: 90000, polling: 500 },
    );
    const ms = Date.now() - t0;
    const long = await page.evaluate(() => window.__longTasks);
    assert.ok(long.every((d) => d < 200), `long tasks (ms): ${long.join(', ')}`);
    assert.equal(await page.evaluate(() => window.__sawProgress), true, 'progress was shown');
    assert.match(await page.textContent('#status'), /التصريحات: \d{5}/);
    console.log(`# 5 MB analyzed and drawn in ${ms} ms; long tasks: [${long.join(', ')}]`);
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('offline: after one visit, the page reloads and analyzes with the network off and the server gone', async () => {
  // A server of our own, so that it can be stopped for real.
  const own = await startServer({ own: true });
  const { context, page, problems } = await openPage(browser, own.base);
  try {
    // The service worker is installed (its cache filled) and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await own.close();
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => document.getElementById('version').textContent.startsWith('isnad '), null, {
      timeout: 15000,
    });
    await analyzed(page, async () => setText(page, await seed(SEED_000)));
    assert.ok(await page.locator(`#statements li[data-kind=denial][data-speaker*="${PESKOV}"]`).count());
    assert.deepEqual(problems.foreignRequests, []);
  } finally {
    await context.close();
    await own.close().catch(() => {});
  }
});

test('dist/isnad.html opened from disk (file://) analyzes seed 000 and fetches nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    const url = pathToFileURL(join(DIST, 'isnad.html')).href;
    await page.goto(url);
    await page.waitForFunction(() => document.getElementById('version').textContent.startsWith('isnad '), null, {
      timeout: 15000,
    });
    // The example buttons work from the file too.
    await page.click(`button[data-seed="${SEED_000}"]`);
    await page.waitForSelector(`#statements li[data-kind=denial][data-speaker*="${PESKOV}"]`, { timeout: 10000 });
    assert.equal(await page.inputValue('#text'), await seed(SEED_000));
    const outside = requests.filter((u) => u !== url && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(outside, [], 'the single file fetches nothing');
    assert.deepEqual(errors, []);
    // Its CSP is strict too: an injected inline script does not run.
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return window.__injected === true;
    });
    assert.equal(ran, false);
  } finally {
    await context.close();
  }
});

test('requests: loading, both seeds and export stay on the origin; analysis makes none at all', async () => {
  const { context, page, problems } = await openPage(browser, server.base, { acceptDownloads: true });
  try {
    await page.click(`button[data-seed="${SEED_000}"]`);
    await page.waitForSelector(`#statements li[data-speaker*="${PESKOV}"]`);
    // The service worker caches the page and the seeds as it installs (sw.js): those requests
    // belong to loading, however late a slow machine makes them, so wait for it to be active.
    const active = await page.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 15000))]),
    );
    assert.ok(active, 'the service worker did not become active within 15 s');
    const afterLoad = problems.requests.length;
    for (const name of [SEED_000, SEED_002, SEED_000]) {
      await analyzed(page, async () => setText(page, await seed(name)));
    }
    assert.deepEqual(problems.requests.slice(afterLoad), [], 'analysis made requests');
    await Promise.all([page.waitForEvent('download'), page.click('#save-csv')]);
    await Promise.all([page.waitForEvent('download'), page.click('#save-json')]);
    const offOrigin = problems.requests.filter((u) => !u.startsWith(server.base) && !u.startsWith(`blob:${server.base}`));
    assert.deepEqual(offOrigin, []);
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('no HTML parsing API is used anywhere in www/, the package (npm/), examples/ or the extension', async () => {
  const banned = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|createContextualFragment|DOMParser)\b/;
  const found = [];
  for (const dir of ['www', 'npm', 'examples', 'extension']) {
    assert.ok(existsSync(join(ROOT, dir)), `${dir}/ is missing`);
    const walk = async (d) => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else if (/\.(m?js|html)$/.test(e.name)) {
          (await readFile(p, 'utf8')).split('\n').forEach((line, i) => {
            if (banned.test(line)) found.push(`${p.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`);
          });
        }
      }
    };
    await walk(join(ROOT, dir));
  }
  assert.deepEqual(found, [], 'use textContent / createElement instead');
});

test('screenshots for docs/: desktop, phone, dark', async () => {
  await mkdir(join(ROOT, 'docs'), { recursive: true });
  const shots = [
    ['screenshot-desktop.png', { viewport: { width: 1280, height: 1000 }, colorScheme: 'light' }],
    ['screenshot-phone.png', { viewport: { width: 390, height: 844 }, colorScheme: 'light', deviceScaleFactor: 2 }],
    ['screenshot-dark.png', { viewport: { width: 1280, height: 1000 }, colorScheme: 'dark' }],
  ];
  for (const [file, options] of shots) {
    const { context, page, problems } = await openPage(browser, server.base, options);
    try {
      await analyzed(page, async () => setText(page, await seed(SEED_000)));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${file}: ${overflow}px wider than the viewport`);
      await page.evaluate(() => {
        const t = document.getElementById('text');
        t.blur();
        t.scrollTop = 0;
      });
      if (file !== 'screenshot-phone.png') await page.hover(`#reading mark[data-kind=denial][data-speaker*="${PESKOV}"]`);
      await page.screenshot({ path: join(ROOT, 'docs', file), fullPage: file !== 'screenshot-phone.png' });
      assertClean(problems);
    } finally {
      await context.close();
    }
  }
});
