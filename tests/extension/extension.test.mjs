// The browser extension (dist/extension/) in headless Chromium, on saved news pages of the shapes
// outlets use, with the seed articles in them: the toolbar button pressed on each, what the side
// panel shows, the marks on the page's words, the requests made, and what it asks for.
// How the button is pressed and the panel read: see browser.mjs.
//
// `cargo xtask test extension` builds dist/ first; run directly with `node --test tests/extension/`
// after `cargo xtask dist`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import {
  APP,
  DIST,
  EXTENSION,
  NEWS,
  ROOT,
  jsApi,
  launchWithExtension,
  marksIn,
  openNews,
  panelFor,
  panelTargets,
  pressButton,
  seedArticle,
  startProxy,
} from './browser.mjs';

const ALLOWED_PERMISSIONS = ['activeTab', 'scripting', 'sidePanel'];
const MARKS = ['isnad-speaker', 'isnad-cue', 'isnad-claim', 'isnad-denial'];

let proxy;
let browser;
let api;

before(async () => {
  proxy = await startProxy();
  browser = await launchWithExtension(proxy);
  api = await jsApi();
});

after(async () => {
  await browser?.close();
  await proxy?.close();
});

/** The article as a reader copying it from the page would paste it: headline, then body. */
const articleText = (key) => {
  const a = seedArticle(key);
  return [a.headline, ...a.body].join('\n');
};

/** A statement as the reader sees it: kind, speaker, cue and content (white space as rendered). */
const squash = (s) => s.replace(/\s+/g, ' ').trim();
const statementsOf = (a) =>
  a.statements.map((s) => [s.kind, a.speakers[s.speaker].name, squash(s.cue.text), squash(s.content.text)]);
const sorted = (list) => [...list].sort();

/**
 * Chromium itself, with or without any extension (checked by launching it bare), talks to two
 * services of its own: the extension updater (update.googleapis.com) and account checks
 * (accounts.google.com). The proxy refuses their tunnels, so nothing goes through them; they
 * are not the extension's. Any other request after the page has loaded is a failure.
 */
function browserOwn(r) {
  return (
    (r.method === 'CONNECT' && /^(accounts\.google\.com|update\.googleapis\.com):443$/.test(r.url)) ||
    (r.method === 'POST' && r.url.startsWith('http://update.googleapis.com/service/update2/json'))
  );
}

function assertNoRequest(requests, what) {
  const leaked = requests.filter((r) => !browserOwn(r));
  assert.deepEqual(leaked, [], `requests while ${what}`);
  for (const r of requests) assert.doesNotMatch(r.body ?? '', /\p{Script=Arabic}/u, `article text in a request to ${r.url}`);
}

/** Presses the button on `name`, waits for the panel to be `state`; returns all there is to see. */
async function readWithExtension(name, { state = 'done' } = {}) {
  const { page, errors, headers } = await openNews(browser, name);
  const domBefore = await page.evaluate(() => document.documentElement.outerHTML);
  const since = proxy.mark();
  await pressButton(browser, page);
  const panel = await panelFor(browser, page);
  await panel.waitFor([state]);
  return { page, panel, errors, headers, domBefore, since, shown: await panel.read() };
}

/** The marks on the page cover exactly the statements' words: cues, claims, denials, speakers. */
async function assertMarks(page, analysis) {
  const marks = await marksIn(page);
  const want = { 'isnad-speaker': [], 'isnad-cue': [], 'isnad-claim': [], 'isnad-denial': [] };
  for (const s of analysis.statements) {
    want['isnad-cue'].push(squash(s.cue.text));
    want[s.kind === 'denial' ? 'isnad-denial' : 'isnad-claim'].push(squash(s.content.text));
  }
  // Speakers who say something here: a party named only in another's chain (issue 16) is a
  // speaker of the analysis, but the page marks who speaks.
  const speaking = new Set(analysis.statements.map((s) => s.speaker));
  for (const sp of analysis.speakers) {
    if (speaking.has(sp.id)) for (const m of sp.mentions) want['isnad-speaker'].push(squash(m.text));
  }
  // A range's text has no line break between two paragraphs; compare the words, not the spaces.
  const words = (list) => sorted(list.map((t) => t.replace(/\s+/g, '')));
  for (const name of MARKS) assert.deepEqual(words(marks[name]), words(want[name]), `${name} marks`);
  assert.ok(marks['isnad-denial'].length + marks['isnad-claim'].length > 0, 'something is marked');
}

/**
 * The page's own analysis of `text` pasted into it (dist/, served at APP), in a browser of its
 * own without the extension, as a person would use the page: each statement's kind and speaker.
 */
async function pastedIntoThePage(text) {
  const plain = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
    proxy: { server: proxy.server },
  });
  try {
    const page = await plain.newPage();
    await page.goto(`${APP}/`);
    await page.waitForFunction(() => document.getElementById('version')?.textContent.startsWith('isnad '));
    await page.fill('#text', text);
    const n = api.analyze(text).statements.length;
    await page.waitForFunction((k) => document.querySelectorAll('#statements > li[data-kind]').length === k, n);
    return await page.$$eval('#statements > li', (lis) => lis.map((li) => `${li.dataset.kind} ${li.dataset.speaker}`));
  } finally {
    await plain.close();
  }
}

test('the manifest asks for activeTab, scripting and sidePanel only, and the build has no remote code', async () => {
  const manifest = JSON.parse(await readFile(join(EXTENSION, 'manifest.json'), 'utf8'));
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(sorted(manifest.permissions), ALLOWED_PERMISSIONS);
  for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'web_accessible_resources', 'externally_connectable', 'update_url']) {
    assert.equal(manifest[key], undefined, `the manifest has no ${key}`);
  }
  const csp = manifest.content_security_policy.extension_pages;
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(csp, /connect-src 'self';/);
  assert.doesNotMatch(csp, /https?:|\*|'unsafe-eval'|'unsafe-inline'/);
  assert.equal(manifest.background.service_worker, 'background.js');
  // The keyboard shortcut opens it (the toolbar action's own command; Chromium cannot press it
  // through DevTools, so the declaration is what is checked here).
  assert.match(manifest.commands?._execute_action?.suggested_key?.default ?? '', /^Alt\+Shift\+[A-Z]$/);
  const cargo = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(manifest.version, /^version = "(.+)"$/m.exec(cargo)[1]);

  // No remote code: every script is a file of the extension, and none names a URL to load.
  const files = await listFiles(EXTENSION);
  for (const f of files.filter((f) => f.endsWith('.html'))) {
    const html = await readFile(join(EXTENSION, f), 'utf8');
    for (const [, src] of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)) {
      assert.ok(files.includes(src), `${f} loads ${src}, a file of the extension`);
    }
  }
  for (const f of files.filter((f) => f.endsWith('.js') && !f.startsWith('vendor/'))) {
    const js = await readFile(join(EXTENSION, f), 'utf8');
    assert.doesNotMatch(js, /\bimport\s*\(\s*['"`]https?:|\bimportScripts\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\beval\s*\(|new Function\s*\(/, f);
    assert.doesNotMatch(js, /\bfetch\s*\(\s*['"`]https?:/, f);
  }
  // Readability is the pinned npm package, vendored whole.
  const pinned = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).devDependencies['@mozilla/readability'];
  const vendored = await readFile(join(EXTENSION, 'vendor/readability/Readability.js'), 'utf8');
  assert.equal(vendored, await readFile(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8'));
  const installed = JSON.parse(await readFile(join(ROOT, 'node_modules/@mozilla/readability/package.json'), 'utf8'));
  assert.equal(installed.version, pinned);
});

test('the zip holds exactly the files of dist/extension/', async () => {
  const manifest = JSON.parse(await readFile(join(EXTENSION, 'manifest.json'), 'utf8'));
  const zip = await readFile(join(DIST, `isnad-extension-${manifest.version}.zip`));
  const members = readStoredZip(zip);
  const files = await listFiles(EXTENSION);
  assert.deepEqual([...members.keys()].sort(), files);
  for (const f of files) assert.ok(members.get(f).equals(await readFile(join(EXTENSION, f))), `${f} in the zip`);
});

for (const [name, key] of Object.entries({ 'article.html': '000', 'nested.html': '002', 'rtl-ltr.html': '000' })) {
  test(`${name}: the article is read, analyzed as the JS API does, and marked on its words; nothing leaves`, async () => {
    const { page, panel, errors, domBefore, since, shown } = await readWithExtension(name);
    try {
      // It read the article, headline first, and nothing else: no menu, ad, related link or sidebar.
      assert.equal(shown.text.trim(), articleText(key));
      assert.equal(shown.lang, 'ar');
      assert.equal(shown.dir, 'rtl');
      assert.equal(shown.title, seedArticle(key).headline);
      // The same statements as the JS API on the same text: count, speakers, cues, contents.
      const reference = api.analyze(articleText(key));
      assert.deepEqual(statementsOf(shown.analysis), statementsOf(reference));
      assert.equal(shown.items.length, reference.statements.length, 'the panel lists every statement');
      await assertMarks(page, shown.analysis);
      // The page's DOM is as it was: the marks are the browser's paint, not elements.
      assert.equal(await page.evaluate(() => document.documentElement.outerHTML), domBefore);
      assertNoRequest(since(), 'reading, analyzing and marking');
      assert.deepEqual(errors, [], 'page errors');
      assert.deepEqual(panel.errors, [], 'side panel errors');
    } finally {
      await page.close();
    }
  });
}

test('the statements through the extension are those of the page with the same article pasted', async () => {
  for (const [name, key] of [['nested.html', '002'], ['article.html', '000']]) {
    const { page, shown } = await readWithExtension(name);
    try {
      const inThePage = await pastedIntoThePage(articleText(key));
      const inThePanel = shown.items.map((it) => `${it.kind} ${it.speaker}`);
      assert.equal(inThePanel.length, inThePage.length, `${name}: as many statements`);
      assert.deepEqual(sorted(inThePanel), sorted(inThePage), `${name}: the same kinds and speakers`);
    } finally {
      await page.close();
    }
  }
});

test('a strict page CSP does not stop the marks from being painted; Esc closes the panel and clears them', async () => {
  const { page, panel, headers } = await readWithExtension('article.html');
  try {
    // article.html is served with the strict policy (browser.mjs): its own style sheet only.
    assert.match(headers['content-security-policy'], /default-src 'none'/);
    const clip = await page.evaluate(() => {
      const range = [...CSS.highlights.get('isnad-denial').values()][1];
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const r = range.getBoundingClientRect();
      return { x: Math.max(0, r.x), y: Math.max(0, r.y), width: Math.max(20, r.width), height: Math.max(10, r.height) };
    });
    const marked = await page.screenshot({ clip });
    await panel.press('Escape');
    const t0 = Date.now();
    while ((await panelTargets(browser)).some((t) => t.targetId === panel.targetId)) {
      assert.ok(Date.now() - t0 < 5000, 'Esc closed the side panel');
      await page.waitForTimeout(100);
    }
    await page.waitForFunction(() => (CSS.highlights.get('isnad-denial')?.size ?? 0) === 0);
    const plain = await page.screenshot({ clip });
    assert.ok(!marked.equals(plain), 'the denial was painted, and is no longer');
  } finally {
    await page.close();
  }
});

test('late.html: text that arrives after load is read when it appears', async () => {
  const { page, errors } = await openNews(browser, 'late.html');
  const since = proxy.mark();
  await pressButton(browser, page);
  const panel = await panelFor(browser, page);
  // Before the script fills the <article> (two seconds after load): no article yet, and it says so.
  assert.equal(await panel.waitFor(['none']), 'none');
  assert.match((await panel.read()).status, /لم يُعثر على مقال/);
  await panel.waitFor(['done'], 20000);
  const shown = await panel.read();
  assert.equal(shown.text.trim(), articleText('000'));
  assert.deepEqual(statementsOf(shown.analysis), statementsOf(api.analyze(articleText('000'))));
  await assertMarks(page, shown.analysis);
  assertNoRequest(since(), 'waiting for the late text');
  assert.deepEqual(errors, []);
  await page.close();
});

test('english.html: a page with no Arabic article gets a clear message and no marks', async () => {
  const { page, panel, since, shown } = await readWithExtension('english.html', { state: 'not-arabic' });
  assert.match(shown.status, /لم يُعثر على مقال عربي/);
  assert.equal(shown.hidden, true, 'no analysis is shown');
  const marks = await marksIn(page);
  for (const name of MARKS) assert.deepEqual(marks[name], [], name);
  assertNoRequest(since(), 'reading an English page');
  assert.deepEqual(panel.errors, []);
  await page.close();
});

test('several.html: of several articles it says which it read, and reads another when asked', async () => {
  const { page, panel, shown } = await readWithExtension('several.html');
  try {
    // Two articles offered (the short teaser is not one); the one read is named and chosen.
    assert.deepEqual(shown.articles, [seedArticle('000').headline, seedArticle('002').headline]);
    const first = shown.chosen;
    const keys = ['000', '002'];
    assert.equal(shown.title, seedArticle(keys[first]).headline);
    assert.equal(shown.text.trim(), articleText(keys[first]));
    await assertMarks(page, shown.analysis);
    const inside = (i) =>
      page.evaluate(
        (i) => [...CSS.highlights.get('isnad-claim').values()].every((r) => document.querySelectorAll('article')[i].contains(r.startContainer)),
        i,
      );
    assert.ok(await inside(first), 'the marks are in the article read');

    // The reader picks the other one in the panel.
    const other = 1 - first;
    await panel.eval((i) => {
      const select = document.getElementById('choose');
      select.value = String(i);
      select.dispatchEvent(new Event('change'));
    }, other);
    const t0 = Date.now();
    let now;
    do {
      await page.waitForTimeout(100);
      now = await panel.read();
      assert.ok(Date.now() - t0 < 15000, 'the other article was read');
    } while (now.state !== 'done' || now.chosen !== other || now.text.trim() !== articleText(keys[other]));
    assert.equal(now.title, seedArticle(keys[other]).headline);
    assert.deepEqual(statementsOf(now.analysis), statementsOf(api.analyze(articleText(keys[other]))));
    await assertMarks(page, now.analysis);
    assert.ok(await inside(other), 'the marks moved to the other article');
  } finally {
    await page.close();
  }
});

test('a statement clicked in the panel is scrolled to on the page', async () => {
  const { page, panel, shown } = await readWithExtension('nested.html');
  try {
    const last = shown.analysis.statements.at(-1);
    assert.equal(await page.evaluate(() => scrollY), 0);
    await panel.eval((id) => {
      const li = document.getElementById('analyzer').shadowRoot.querySelector(`li[data-statement="${id}"] button`);
      li.click();
    }, last.id);
    await page.waitForFunction(() => scrollY > 100 && CSS.highlights.has('isnad-focus'));
    const flashed = await page.evaluate(() => [...CSS.highlights.get('isnad-focus').values()][0].toString());
    assert.ok(squash(flashed).includes(squash(last.content.text)), 'the flash covers the statement');
  } finally {
    await page.close();
  }
});

test('the panel follows the browser: English and dark when the browser is; screenshot for docs/', async () => {
  // The screenshot first, in this (Arabic) browser: nested.html with its panel beside it.
  const { page, panel } = await readWithExtension('nested.html');
  try {
    await page.evaluate(() => {
      const range = [...CSS.highlights.get('isnad-denial').values()][0];
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    });
    await writeFile(join(ROOT, 'docs/screenshot-extension.png'), await sideBySide(await page.screenshot(), await panel.screenshot()));
  } finally {
    await page.close();
  }

  const english = await launchWithExtension(proxy, { languages: 'en-US,en', dark: true });
  try {
    const { page: p } = await openNews(english, 'nested.html');
    await pressButton(english, p);
    const pn = await panelFor(english, p);
    await pn.waitFor(['done']);
    const shown = await pn.read();
    assert.equal(shown.lang, 'en');
    assert.equal(shown.dir, 'ltr');
    assert.match(shown.status, /statements marked/);
    const look = await pn.eval(() => ({
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      background: getComputedStyle(document.body).backgroundColor,
      heading: document.getElementById('analyzer').shadowRoot.querySelector('.title').textContent,
    }));
    assert.equal(look.dark, true);
    const [r, g, b] = look.background.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 150, `a dark background (${look.background})`);
    assert.equal(look.heading, 'isnad');
    assert.deepEqual(statementsOf(shown.analysis), statementsOf(api.analyze(articleText('002'))));
  } finally {
    await english.close();
  }
});

/** Two PNGs side by side: the page, and the side panel on its right, where Chromium puts it. */
async function sideBySide(pagePng, panelPng) {
  const page = await browser.context.newPage();
  try {
    const img = (png) => `data:image/png;base64,${png.toString('base64')}`;
    await page.setContent(
      `<body style="margin:0;display:flex;align-items:flex-start;background:#888;gap:2px">` +
        `<img src="${img(pagePng)}"><img src="${img(panelPng)}" style="border-left:1px solid #444"></body>`,
    );
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    const size = await page.evaluate(() => ({ width: document.body.scrollWidth, height: Math.max(...[...document.images].map((i) => i.height)) }));
    await page.setViewportSize(size);
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

async function listFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath ?? e.path, e.name)));
  }
  return out.sort();
}

/** The members of a zip whose members are stored (as xtask writes it): name → bytes. */
function readStoredZip(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const members = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    assert.equal(method, 0, `${name} is stored`);
    const local = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    members.set(name, zip.subarray(local, local + size));
    at += 46 + nameLength + extra + comment;
  }
  return members;
}
