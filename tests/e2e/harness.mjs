// Shared setup of the end-to-end tests: a server for dist/ and a headless Chromium.
//
// `cargo xtask test e2e` builds dist/, serves it with xtask's own server and passes its address
// in ISNAD_BASE_URL. Run directly (`node --test tests/e2e/` after `cargo xtask dist`), the tests
// serve dist/ themselves with a small node server on a free port.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');

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

/**
 * Starts serving dist/ (or uses ISNAD_BASE_URL, unless `own`: a server this test can stop);
 * returns { base, close }.
 */
export async function startServer({ own = false } = {}) {
  if (process.env.ISNAD_BASE_URL && !own) {
    return { base: process.env.ISNAD_BASE_URL.replace(/\/$/, ''), close: async () => {} };
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `cargo xtask dist` first (or `cargo xtask test e2e`)');
  }
  return serveDir(DIST);
}

/** Serves the directory `root` on a free port of 127.0.0.1; returns { base, close }. */
export async function serveDir(root) {
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root + sep) && file !== root) throw new Error('outside the root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('404 not found\n');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens `url` in a new context and records everything that should not happen: page errors,
 * console errors, dialogs, and requests to any origin but `origin` (default: the URL's own).
 * `contextOptions` go to browser.newContext(); `initScript` runs in every frame before its scripts.
 */
export async function openUrl(browser, url, { contextOptions = {}, origin = new URL(url).origin, initScript } = {}) {
  const context = await browser.newContext(contextOptions);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = { pageErrors: [], consoleErrors: [], dialogs: [], foreignRequests: [], requests: [] };
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
  });
  page.on('dialog', async (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  context.on('request', (r) => {
    problems.requests.push(r.url());
    const u = new URL(r.url());
    // data: URLs (the empty favicon) stay in the page; everything else must be same-origin.
    if (u.protocol !== 'data:' && u.origin !== origin) problems.foreignRequests.push(r.url());
  });
  await page.goto(url);
  return { context, page, problems };
}

/** Opens the page (see openUrl); resolves once the engine has loaded. */
export async function openPage(browser, base, options = {}) {
  const opened = await openUrl(browser, `${base}/`, { contextOptions: options });
  // The footer shows the version once the wasm is loaded.
  await opened.page.waitForFunction(() => document.getElementById('version')?.textContent.startsWith('isnad '), null, {
    timeout: 15000,
  });
  return opened;
}

/**
 * The analysis of `text` by the library itself, in the page (its own instance of the bindings;
 * the page's engine runs in a worker).
 */
export async function analyzeInPage(page, text) {
  return page.evaluate(async (t) => {
    const m = await import('./pkg/isnad.js');
    await m.default();
    return m.analyze(t);
  }, text);
}

/** Replaces the textarea's text as a paste would (one input event). */
export async function setText(page, text) {
  await page.fill('#text', text);
}

export async function seed(name) {
  return readFile(join(ROOT, 'seeds', name), 'utf8');
}
