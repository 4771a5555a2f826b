// End-to-end tests of the page's script as ES modules (www/app.js and www/app/*.js): served, every
// module is loaded at start and cached by the service worker, and nothing is fetched once the page
// has loaded, whatever the user does; from disk, the single file's joined script (xtask/src/join.rs)
// does what the modules do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, DIST, startServer, launchBrowser, openPage, setText, seed } from './harness.mjs';

const SEED_000 = '000_04b6d5a339be90df.txt';
const PESKOV = 'بيسكوف';

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

/** Every file under www/, as a path relative to it with `/` separators. */
async function wwwFiles(dir = join(ROOT, 'www')) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await wwwFiles(p)));
    else out.push(relative(join(ROOT, 'www'), p).split(sep).join('/'));
  }
  return out.sort();
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

test('served: every module is loaded at start and cached for offline use; no request after load', async () => {
  const modules = (await wwwFiles()).filter((f) => f.startsWith('app/'));
  assert.ok(modules.length >= 5, `www/app/ holds the page's modules: ${modules}`);
  const { context, page, problems } = await openPage(browser, server.base, { acceptDownloads: true });
  try {
    // Loading: the page fetched each module once, all before the engine was ready (none is
    // imported later). Resource timing, not requests: the service worker fetches them too.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    for (const m of modules) {
      const n = loaded.filter((p) => p === `/${m}`).length;
      assert.equal(n, 1, `${m} loaded ${n} times by the page`);
    }
    // The service worker's cache holds every file of www/ (sw.js aside), each module included.
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cached = await page.evaluate(async () => {
      const paths = [];
      for (const name of await caches.keys()) {
        for (const r of await (await caches.open(name)).keys()) paths.push(new URL(r.url).pathname.slice(1));
      }
      return paths;
    });
    const missing = (await wwwFiles()).filter((f) => f !== 'sw.js' && !cached.includes(f));
    assert.deepEqual(missing, [], 'files of www/ missing from the service worker cache (CORE in sw.js)');

    // A whole session, every module at work: nothing more is fetched (seed buttons aside, which
    // fetch their article when served, by design; downloads are blob: URLs of the page).
    const afterLoad = problems.requests.length;
    await analyzed(page, async () => setText(page, await seed(SEED_000)));
    await analyzed(page, () => page.locator('#text').pressSequentially(' قال'));
    await page.check('input[name=kind][value=denial]');
    await page.check('input[name=kind][value=all]');
    await page.click(`#speakers li[data-speaker*="${PESKOV}"] button`);
    await page.selectOption('#speaker-filter', '');
    await page.hover(`#reading mark[data-kind=denial][data-speaker*="${PESKOV}"]`);
    assert.equal(await page.isVisible('#tip'), true);
    await page.keyboard.press('Escape');
    await page.locator('#statements > li[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reading mark.flash');
    await page.click('#lang');
    assert.equal(await page.textContent('#statements-title [data-t=statements]'), 'Statements');
    await page.click('#lang');
    await page.click('#copy-json');
    await Promise.all([page.waitForEvent('download'), page.click('#save-csv')]);
    await Promise.all([page.waitForEvent('download'), page.click('#save-json')]);
    await analyzed(page, () => page.click('#clear'));
    const after = problems.requests.slice(afterLoad).filter((u) => !u.startsWith(`blob:${server.base}/`));
    assert.deepEqual(after, [], 'requests after load');
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('from disk: the single file runs the joined modules (language, filters, tooltip, speaker pick)', async () => {
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
    await analyzed(page, () => page.click(`button[data-seed="${SEED_000}"]`));
    await page.click('#lang');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('#statements-title [data-t=statements]'), 'Statements');
    // The analysis is drawn again in English.
    await page.waitForFunction(() => /^Statements: \d+ \(\d+ denials\)/.test(document.getElementById('status').textContent));
    assert.match(await page.textContent(`#statements li[data-kind=denial][data-speaker*="${PESKOV}"] .badge`), /denial/);
    await page.check('input[name=kind][value=denial]');
    const kinds = await page.$$eval('#statements > li', (lis) => lis.filter((li) => !li.hidden).map((li) => li.dataset.kind));
    assert.deepEqual([...new Set(kinds)], ['denial']);
    await page.check('input[name=kind][value=all]');
    await page.click(`#speakers li[data-speaker*="${PESKOV}"] button`);
    const speakers = await page.$$eval('#statements > li', (lis) => lis.filter((li) => !li.hidden).map((li) => li.dataset.speaker));
    assert.ok(speakers.length > 0 && speakers.every((s) => s.includes(PESKOV)));
    await page.waitForSelector('#reading mark.flash');
    await page.hover(`#reading mark[data-kind=denial][data-speaker*="${PESKOV}"]`);
    assert.match(await page.textContent('#tip'), /Speaker/);
    const outside = requests.filter((u) => u !== url && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(outside, [], 'the single file fetches nothing');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
