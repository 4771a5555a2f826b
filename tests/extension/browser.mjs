// The machinery of the extension's tests: the saved news pages with the seed articles in them,
// a proxy that serves them and records every request the browser makes, Chromium with
// dist/extension/ loaded, the toolbar button pressed, and the side panel read.
//
// How the test presses the button: Chromium's DevTools protocol has `Extensions.triggerAction`
// (a browser-level command, allowed with --enable-unsafe-extension-debugging), which runs the
// extension's action on a tab target exactly as a click on the toolbar button does: the
// service worker's `action.onClicked` fires with the tab, Chromium grants `activeTab` for it and
// counts it as a user gesture, so `sidePanel.open()` works. Keyboard shortcuts cannot be pressed
// from the protocol (its key events go to the page, not to the browser's accelerators), and
// calling the service worker's listener by hand would grant no `activeTab`.
//
// How the test reads the side panel: the panel is a page of its own (the browser's, not a tab),
// which Playwright does not attach to. The test attaches to it through the browser session
// (Target.attachToTarget, then Target.sendMessageToTarget) and evaluates and screenshots there.
//
// Loading the extension: Debian's Chromium is a Chromium build, which still honors
// --load-extension (branded Chrome stopped in 137); headless is the new headless mode (the
// whole browser without a window: `--headless`, which Playwright passes), which runs extensions
// and side panels. Playwright's default --disable-extensions is dropped.

import { createServer } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');
export const EXTENSION = join(DIST, 'extension');
const PAGES = join(ROOT, 'tests/extension/pages');

/** The host of the saved news pages, and of the page (dist/), both served by the proxy. */
export const NEWS = 'http://news.isnad.test';
export const APP = 'http://isnad.test';

/**
 * The seed articles as the saved pages hold them: a headline (000 has none in the seed: it
 * gets one as an outlet would), and the body, one paragraph a line, without the scraper's
 * leftovers ("[ad_1]", "Source link") that no outlet shows.
 */
export const SEEDS = {
  '000': { file: '000_04b6d5a339be90df.txt', headline: 'الكرملين: لا علاقة لروسيا بالهجمات الإلكترونية على الخزانة الأمريكية' },
  '002': { file: '002_df66d1c33c88f395.txt', headline: null }, // its first line is its headline
};

export function seedArticle(key) {
  const { file, headline } = SEEDS[key];
  const lines = readFileSync(join(ROOT, 'seeds', file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^\[ad_\d+\]$|^Source link$/.test(l));
  return headline ? { headline, body: lines } : { headline: lines[0], body: lines.slice(1) };
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A paragraph broken over source lines and indented, as a CMS's template writes it. */
function wrapped(line) {
  const words = line.split(' ');
  const rows = [];
  for (let i = 0; i < words.length; i += 9) rows.push(words.slice(i, i + 9).join(' '));
  return `            <p>\n              ${rows.map(escapeHtml).join('\n              ')}\n            </p>`;
}

/**
 * A saved page with its placeholders filled: {{headline:K}}, {{body:K}} (a <p> a line),
 * {{wrapped:K:FROM-TO}} (lines FROM to TO, each broken over source lines), {{json:K}}.
 */
export function renderPage(html) {
  return html.replace(/\{\{(\w+):(\d{3})(?::(\d+)-?(\d+)?)?\}\}/g, (_, what, key, from, to) => {
    const a = seedArticle(key);
    if (what === 'headline') return escapeHtml(a.headline);
    if (what === 'json') return JSON.stringify(a).replace(/</g, '\\u003c');
    const lines = from === undefined ? a.body : a.body.slice(Number(from), to === undefined ? undefined : Number(to));
    if (what === 'body') return lines.map((l) => `    <p>${escapeHtml(l)}</p>`).join('\n');
    if (what === 'wrapped') return lines.map(wrapped).join('\n');
    throw new Error(`unknown placeholder ${what}`);
  });
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The strict policy of article.html: nothing inline, nothing from elsewhere. */
export const STRICT_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; base-uri 'none'";

async function serveFile(res, root, path, headers = {}) {
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep)) throw new Error('outside the root');
  const real = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
  let body = await readFile(real);
  if (root === PAGES && real.endsWith('.html')) body = renderPage(body.toString('utf8'));
  res.writeHead(200, { 'Content-Type': MIME[extname(real)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

/**
 * The browser's only way out: an HTTP proxy on 127.0.0.1 that serves the saved pages at NEWS
 * and dist/ at APP, and records every request it is sent, for anything. A request for any
 * other host is answered 502 and recorded all the same (`foreign`).
 */
export async function startProxy() {
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://unknown.invalid');
    const entry = { method: req.method, url: url.href, at: Date.now(), body: '' };
    log.push(entry);
    try {
      for await (const chunk of req) entry.body += chunk;
      const path = decodeURIComponent(url.pathname);
      if (url.origin === NEWS) await serveFile(res, PAGES, path, path === '/article.html' ? { 'Content-Security-Policy': STRICT_CSP } : {});
      else if (url.origin === APP) await serveFile(res, DIST, path);
      else throw new Error('foreign');
    } catch (e) {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(e.message === 'foreign' ? 502 : 404, { 'Content-Type': 'text/plain' });
      res.end('not here\n');
    }
  });
  // Chromium may reset a connection it no longer needs (at the end of a test, as it closes): a
  // reset is not a failure of anything tested, so it must not become an uncaught error.
  const ignoreReset = (e) => {
    if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') throw e;
  };
  server.on('connection', (socket) => socket.on('error', ignoreReset));
  server.on('clientError', (e, socket) => {
    ignoreReset(e);
    socket.destroy();
  });
  server.on('connect', (req, socket) => {
    socket.on('error', ignoreReset);
    log.push({ method: 'CONNECT', url: req.url, at: Date.now() });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    server: `http://127.0.0.1:${server.address().port}`,
    log,
    /** Requests recorded from now on: `const since = proxy.mark(); …; since()`. */
    mark() {
      const n = log.length;
      return () => log.slice(n);
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * Chromium with the extension loaded, every request sent through `proxy`; `languages` are the
 * browser's preferred languages (chrome://settings/languages), `dark` forces the dark theme.
 * Returns { context, sw (the service worker), id, cdp (a browser-level session), close }.
 */
export async function launchWithExtension(proxy, { languages = 'ar,en-US', dark = false, extension = EXTENSION } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'isnad-extension-'));
  // A fresh profile with the languages set, as a person sets them in the browser's settings.
  await mkdir(join(profile, 'Default'));
  await writeFile(join(profile, 'Default/Preferences'), JSON.stringify({ intl: { accept_languages: languages }, signin: { allowed: false }, extensions: { autoupdate: { next_check: '99999999999999999' } } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: null,
    proxy: { server: proxy.server },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--window-size=1280,800',
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--enable-unsafe-extension-debugging',
      ...(dark ? ['--force-dark-mode'] : []),
    ],
  });
  let [sw] = context.serviceWorkers();
  sw ??= await context.waitForEvent('serviceworker', { timeout: 15000 });
  await untilListening(sw);
  const id = new URL(sw.url()).host;
  const cdp = await context.browser().newBrowserCDPSession();
  return {
    context,
    sw,
    id,
    cdp,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the extension's service worker has run background.js, and checks that it listens
 * to the toolbar button. The worker's target (what `serviceworker` reports) appears before its
 * script has run, and Chromium hands a press of the button only to the `action.onClicked`
 * listeners it already knows of: a press before background.js has added its listener is lost
 * (activeTab is granted all the same) and the side panel never opens. This matters only on a
 * fresh profile, as the tests' are (once added, a listener is remembered and a press wakes the
 * worker): about one run in eight, the second browser launched by a test was pressed before its
 * worker had run its script. The worker is `activated` only after its install and activate
 * events, which Chromium dispatches after the script has run, so after its addListener.
 */
async function untilListening(sw, timeout = 15000) {
  const state = await sw.evaluate(
    (timeout) =>
      new Promise((resolve) => {
        const worker = self.serviceWorker;
        const check = () => {
          if (worker.state === 'activated') resolve(chrome.action.onClicked.hasListeners() ? 'listening' : 'deaf');
        };
        worker.addEventListener('statechange', check);
        setTimeout(() => resolve(`still ${worker.state}`), timeout);
        check();
      }),
    timeout,
  );
  if (state === 'deaf') throw new Error('the service worker does not listen to the toolbar button (action.onClicked)');
  if (state !== 'listening') throw new Error(`the service worker was never activated (${state} after ${timeout} ms)`);
}

let pageCount = 0;

/** Opens a saved page in a new tab (each with its own URL, so its tab can be told apart). */
export async function openNews(browser, name) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const response = await page.goto(`${NEWS}/${name}?tab=${++pageCount}`);
  return { page, errors, headers: response.headers() };
}

/** Presses the extension's toolbar button on `page`'s tab (see the top of this file). */
export async function pressButton(browser, page) {
  const { targetInfos } = await browser.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await browser.cdp.send('Extensions.triggerAction', { id: browser.id, targetId: tab.targetId });
}

/** The side panel open for `page`'s tab, as a Panel; waits for it to appear. */
export async function panelFor(browser, page, timeout = 10000) {
  // The button gave the extension `activeTab`, so its service worker may see the tab's URL.
  const tabId = await browser.sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
  if (tabId === undefined) throw new Error(`the extension cannot see the tab of ${page.url()}`);
  const url = `chrome-extension://${browser.id}/sidepanel.html?tab=${tabId}`;
  const t0 = Date.now();
  for (;;) {
    const { targetInfos } = await browser.cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'page' && t.url === url);
    if (target) return Panel.attach(browser.cdp, target.targetId);
    if (Date.now() - t0 > timeout) throw new Error(`no side panel at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether a side panel is open for `tabUrl`'s tab (by the panel's target). */
export async function panelTargets(browser) {
  const { targetInfos } = await browser.cdp.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'page' && t.url.startsWith(`chrome-extension://${browser.id}/sidepanel.html`));
}

/** A DevTools session with the side panel, through the browser session (not flattened). */
export class Panel {
  static async attach(cdp, targetId) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    const panel = new Panel(cdp, sessionId, targetId);
    await panel.send('Runtime.enable');
    return panel;
  }

  constructor(cdp, sessionId, targetId) {
    this.cdp = cdp;
    this.sessionId = sessionId;
    this.targetId = targetId;
    this.next = 1;
    this.waiting = new Map();
    this.errors = [];
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message);
      if (m.id && this.waiting.has(m.id)) {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error) w.reject(new Error(`${m.error.message} ${m.error.data ?? ''}`));
        else w.resolve(m.result);
      } else if (m.method === 'Runtime.exceptionThrown') {
        this.errors.push(m.params.exceptionDetails.exception?.description ?? m.params.exceptionDetails.text);
      } else if (m.method === 'Runtime.consoleAPICalled' && m.params.type === 'error') {
        this.errors.push(m.params.args.map((a) => a.value ?? a.description).join(' '));
      }
    });
  }

  send(method, params = {}) {
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.waiting.set(id, { resolve, reject });
      this.cdp
        .send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  }

  /** Runs `fn(arg)` in the panel and returns its (JSON) value. */
  async eval(fn, arg) {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', {
      expression: `(${fn})(${JSON.stringify(arg)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  }

  /** Waits until the panel's state (document.body.dataset.state) is one of `states`. */
  async waitFor(states, timeout = 20000) {
    const t0 = Date.now();
    let last;
    while (Date.now() - t0 < timeout) {
      last = await this.eval(() => document.body?.dataset.state);
      if (states.includes(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the side panel stayed "${last}", never ${states.join(' or ')}`);
  }

  /** What the panel shows: state, status, title, the article choice, the analysis and its list. */
  read() {
    return this.eval(() => {
      const el = document.getElementById('analyzer');
      const choose = document.getElementById('choose');
      return {
        state: document.body.dataset.state,
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        status: document.getElementById('status').textContent,
        title: document.getElementById('article').hidden ? null : document.getElementById('title').textContent,
        articles: document.getElementById('several').hidden ? [] : [...choose.options].map((o) => o.textContent),
        chosen: document.getElementById('several').hidden ? -1 : Number(choose.value),
        text: el.text,
        analysis: el.analysis,
        items: [...el.shadowRoot.querySelectorAll('li[data-statement]')].map((li) => ({
          kind: li.dataset.kind,
          speaker: li.dataset.speaker,
        })),
        hidden: el.hidden,
      };
    });
  }

  async screenshot() {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(data, 'base64');
  }

  /** A key pressed in the panel, as the keyboard sends it. */
  async press(key, code = key) {
    for (const type of ['keyDown', 'keyUp']) await this.send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: key === 'Escape' ? 27 : 0 });
  }
}

/** The marks in `page`, read from its main world: { highlight name: [the marked text, …] }. */
export function marksIn(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      ['isnad-speaker', 'isnad-cue', 'isnad-claim', 'isnad-denial'].map((name) => [
        name,
        [...(CSS.highlights.get(name)?.values() ?? [])].map((r) => r.toString()),
      ]),
    ),
  );
}

/** The JS API (dist/npm/, the same wasm and bindings as the extension's) in node. */
export async function jsApi() {
  const m = await import(join(DIST, 'npm/isnad.js'));
  m.initSync({ module: await readFile(join(DIST, 'npm/isnad_bg.wasm')) });
  return m;
}
