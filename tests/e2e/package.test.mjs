// The npm package as a consumer gets it: `npm pack dist/npm`, the tarball installed into a copy
// of tests/consumer/ in a temporary directory, type-checked with `tsc --strict`, then run in
// Chromium from node_modules (the worker of analyzeAsync loaded as a consumer loads it). Also:
// the generated types describe exactly the JSON the analyzer returns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, DIST, launchBrowser, openUrl, serveDir, seed } from './harness.mjs';

const run = promisify(execFile);
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const SEED_000 = '000_04b6d5a339be90df.txt';
const SEED_002 = '002_df66d1c33c88f395.txt';
const PESKOV = 'بيسكوف';
/** The tarball holds the gzipped wasm (with the mined word lists; its budget is 250 KiB, 220,538
 * bytes at the mined accusatives) and some 26 KB of JS (246 KB packed then); far more than the
 * budget and the JS means stray files. */
const MAX_TARBALL = 285_000;

let tmp;
let app;
let packed;
let browser;
let server;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'isnad-consumer-'));
  const { stdout } = await run('npm', ['pack', join(DIST, 'npm'), '--json', '--pack-destination', tmp], { cwd: tmp });
  [packed] = JSON.parse(stdout);
  app = join(tmp, 'app');
  await cp(join(ROOT, 'tests/consumer'), app, { recursive: true });
  // From the tarball only: --offline, so nothing can come from the registry.
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(tmp, packed.filename)], { cwd: app });
  await writeFile(join(app, 'seed-000.txt'), await seed(SEED_000));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('npm pack of dist/npm: package "isnad" with exports and types, only its own files, small', async () => {
  const expected = [...(await readdir(join(ROOT, 'npm'))), 'isnad.js', 'isnad.d.ts', 'isnad_bg.wasm'].sort();
  assert.deepEqual(packed.files.map((f) => f.path).sort(), expected);
  assert.ok(packed.size < MAX_TARBALL, `tarball is ${packed.size} bytes`);
  const pkg = JSON.parse(await readFile(join(app, 'node_modules/isnad/package.json'), 'utf8'));
  assert.equal(pkg.name, 'isnad');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.types, './index.d.ts');
  assert.deepEqual(pkg.exports['.'], { types: './index.d.ts', default: './index.js' });
  assert.deepEqual(pkg.exports['./element'], { types: './element.d.ts', default: './element.js' });
  const cargo = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(pkg.version, cargo.match(/^version = "(.*)"/m)[1], 'the crate’s version');
});

test('a consumer project that installed the tarball type-checks with tsc --strict', async () => {
  try {
    await run('node', [TSC, '-p', app, '--strict', '--noEmit']);
  } catch (e) {
    assert.fail(`tsc --strict found errors:\n${e.stdout}${e.stderr}`);
  }
});

/** Compiles the consumer and opens it in Chromium; resolves to { context, page, problems }. */
async function openConsumer() {
  await run('node', [TSC, '-p', app]).catch((e) => assert.fail(`tsc:\n${e.stdout}`));
  server ??= await serveDir(app);
  const opened = await openUrl(browser, `${server.base}/index.html`, {
    // Counts the workers the package starts, to see that an abort ends one and the next call starts another.
    initScript: () => {
      const Native = window.Worker;
      window.__workers = 0;
      window.Worker = class extends Native {
        constructor(...args) {
          super(...args);
          window.__workers++;
          (window.__stacks ??= []).push(new Error().stack);
        }
      };
    },
  });
  await opened.page.waitForFunction(() => window.consumer);
  return opened;
}

function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, [], 'page errors');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.foreignRequests, [], 'requests to other origins');
}

test('the installed package runs in Chromium: analyze, analyzeAsync, options, the element', async () => {
  const { context, page, problems } = await openConsumer();
  try {
    const text = await seed(SEED_000);
    const r = await page.evaluate(async (t) => {
      const c = window.consumer;
      // With the warm-up: a built-in text analyzed in this thread, and the worker started ahead.
      await c.warmInit();
      await c.init(); // the same promise, no second warm-up
      const a = c.analyze(t);
      const b = await c.asyncRun(t);
      const quiet = c.analyze(t, { explain: false });
      return {
        version: c.version(),
        a,
        same: JSON.stringify(a) === JSON.stringify(b),
        bad: c.badSpans(t, a),
        denials: c.denialsBy(a, 'بيسكوف').length,
        explained: a.statements.filter((s) => typeof s.explain === 'string').length,
        quietExplained: quiet.statements.filter((s) => 'explain' in s).length,
        quietSame: quiet.statements.length === a.statements.length,
        described: c.describe(a).length,
        chains: a.statements.map((st) => c.chainNames(a, st)).filter((ch) => ch.length > 0),
        deniesWhom: c.deniesWhom(a),
        sources: c.sourceCount(a.sources),
        speakers: a.speakers.length,
        genders: c.genders(a),
        isElement: c.isElement,
        notString: (() => {
          try {
            c.analyze(42);
            return null;
          } catch (e) {
            return e.name;
          }
        })(),
      };
    }, text);
    assert.match(r.version, /^\d+\.\d+\.\d+/);
    assert.ok(r.denials >= 1, 'Peskov’s denial');
    assert.deepEqual(r.bad, [], 'every span slices the text');
    assert.equal(r.same, true, 'analyzeAsync gives what analyze gives');
    assert.equal(r.explained, r.a.statements.length, 'explain by default');
    assert.equal(r.quietExplained, 0, '{explain: false} leaves it out');
    assert.ok(r.quietSame);
    assert.equal(r.described, r.a.statements.length);
    // The isnad of seed 000: Reuters' words from sources, Peskov answering the Washington Post.
    assert.ok(r.chains.some((ch) => ch.length === 2 && ch[0].includes('رويترز') && ch[1].includes('مصادر')), JSON.stringify(r.chains));
    assert.ok(r.deniesWhom.some(([by, whom]) => by.includes(PESKOV) && whom.includes('واشنطن بوست')), JSON.stringify(r.deniesWhom));
    assert.equal(r.sources, r.speakers, 'sources count every speaker');
    assert.ok(r.genders.length > 0, 'persons have a gender');
    assert.equal(r.isElement, true);
    assert.equal(r.notString, 'TypeError');

    // The element, created by the consumer, watching its textarea.
    await page.fill('#story', text);
    await page.waitForFunction((t) => window.consumer.analyzer.text === t, text);
    const last = await page.evaluate(() => window.consumer.events.at(-1));
    assert.ok(last.statements.some((s) => s.kind === 'denial' && last.speakers[s.speaker].name.includes(PESKOV)));
    assert.ok(problems.requests.some((u) => u.endsWith('/node_modules/isnad/worker.js')), 'the worker from node_modules');
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('analyzeAsync aborted mid-run rejects with an AbortError at once; the next call starts a new worker', async () => {
  const { context, page, problems } = await openConsumer();
  try {
    const text = await seed(SEED_000);
    const r = await page.evaluate(async (t) => {
      const c = window.consumer;
      const long = Array(1500).fill(t).join('\n\n'); // about 3 MB
      await c.asyncRun(t); // the worker is up and warm
      let t0 = performance.now();
      const full = await c.asyncRun(long);
      const fullMs = performance.now() - t0;
      const workersBefore = window.__workers;

      const ctl = c.abortController();
      const pending = c.asyncRun(long, { signal: ctl.signal });
      await new Promise((ok) => setTimeout(ok, fullMs / 4));
      t0 = performance.now();
      ctl.abort(new Error('a custom reason'));
      let error = null;
      try {
        await pending;
      } catch (e) {
        error = { name: e.name, isDomException: e instanceof DOMException };
      }
      const abortMs = performance.now() - t0;
      await new Promise((ok) => setTimeout(ok, 100));
      const workersAfterAbort = window.__workers;
      const next = await c.asyncRun(t);
      const workersAfterNext = window.__workers;

      // Aborted with a job queued behind it: that job is answered, by a new worker.
      const ctl2 = c.abortController();
      const pending2 = c.asyncRun(long, { signal: ctl2.signal }).catch((e) => e.name);
      const queued = c.asyncRun(t);
      await new Promise((ok) => setTimeout(ok, fullMs / 4));
      ctl2.abort();
      const queuedAnswer = await queued;

      // Aborted before it starts, and aborted while queued.
      const pre = c.abortController();
      pre.abort();
      const preError = await c.asyncRun(t, { signal: pre.signal }).then(() => null, (e) => e.name);
      const blocker = c.asyncRun(long);
      const q = c.abortController();
      const waiting = c.asyncRun(t, { signal: q.signal });
      q.abort();
      const queuedError = await waiting.then(() => null, (e) => e.name);
      const blocked = await blocker;
      return {
        fullMs,
        fullCount: full.statements.length,
        error,
        abortMs,
        workersBefore,
        workersAfterAbort,
        workersAfterNext,
        workersEnd: window.__workers,
        stacks: window.__stacks,
        nextDenials: c.denialsBy(next, 'بيسكوف').length,
        aborted2: await pending2,
        queuedDenials: c.denialsBy(queuedAnswer, 'بيسكوف').length,
        preError,
        queuedError,
        blockedCount: blocked.statements.length,
      };
    }, text);
    assert.ok(r.fullMs > 200, `the long text took only ${r.fullMs} ms: too short to abort mid-run`);
    assert.ok(r.fullCount > 1000);
    assert.deepEqual(r.error, { name: 'AbortError', isDomException: true });
    assert.ok(r.abortMs < r.fullMs / 4, `rejected ${r.abortMs} ms after abort(); a full run takes ${r.fullMs} ms`);
    assert.equal(r.workersBefore, 1, r.stacks.join('\n\n'));
    assert.equal(r.workersAfterAbort, 1, 'no new worker until one is needed');
    assert.ok(r.nextDenials >= 1, 'the next call is answered…');
    assert.equal(r.workersAfterNext, 2, '…by a new worker: the abort ended the old one');
    assert.equal(r.aborted2, 'AbortError');
    assert.ok(r.queuedDenials >= 1, 'a job queued behind an aborted one is answered');
    assert.equal(r.workersEnd, 3, 'by one more worker; no worker for the rest');
    assert.equal(r.preError, 'AbortError');
    assert.equal(r.queuedError, 'AbortError');
    assert.equal(r.blockedCount, r.fullCount, 'aborting a queued call leaves the running one alone');
    assertClean(problems);
  } finally {
    await context.close();
  }
});

/**
 * The declarations of isnad.d.ts (tsify's output): interfaces as {field: {type, optional}} and
 * type aliases as sets of string literals.
 */
function parseDeclarations(dts) {
  const body = dts.replace(/\/\*[\s\S]*?\*\//g, '');
  const interfaces = {};
  for (const [, name, fields] of body.matchAll(/export interface (\w+) \{([^}]*)\}/g)) {
    interfaces[name] = {};
    for (const [, field, optional, type] of fields.matchAll(/(\w+)(\??): ([^;]+);/g)) {
      interfaces[name][field] = { type: type.trim(), optional: optional === '?' };
    }
  }
  const unions = {};
  for (const [, name, values] of body.matchAll(/export type (\w+) = ((?:"[^"]*"(?: \| )?)+);/g)) {
    unions[name] = new Set([...values.matchAll(/"([^"]*)"/g)].map((m) => m[1]));
  }
  return { interfaces, unions };
}

/** Checks `value` against the declared `type`: every field declared, no field undeclared. */
function conforms(decls, value, type, path, errors) {
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return errors.push(`${path}: not an array`);
    value.forEach((v, i) => conforms(decls, v, type.slice(0, -2), `${path}[${i}]`, errors));
  } else if (['number', 'string', 'boolean'].includes(type)) {
    if (typeof value !== type) errors.push(`${path}: ${typeof value}, declared ${type}`);
  } else if (decls.unions[type]) {
    if (!decls.unions[type].has(value)) errors.push(`${path}: ${JSON.stringify(value)} is not a ${type}`);
  } else if (decls.interfaces[type]) {
    const fields = decls.interfaces[type];
    if (typeof value !== 'object' || value === null) return errors.push(`${path}: not an object`);
    for (const key of Object.keys(value)) if (!fields[key]) errors.push(`${path}.${key}: not declared in ${type}`);
    for (const [key, f] of Object.entries(fields)) {
      if (!(key in value)) {
        if (!f.optional) errors.push(`${path}.${key}: missing, declared required in ${type}`);
      } else conforms(decls, value[key], f.type, `${path}.${key}`, errors);
    }
  } else {
    errors.push(`${path}: the test does not know the type ${type}`);
  }
}

test('the generated types describe exactly the JSON analyze() returns (fields, optional fields, unions, numbers)', async () => {
  const decls = parseDeclarations(await readFile(join(app, 'node_modules/isnad/isnad.d.ts'), 'utf8'));
  assert.ok(decls.interfaces.Analysis && decls.interfaces.Span, 'isnad.d.ts declares Analysis and Span');
  assert.deepEqual(decls.interfaces.Span, {
    start: { type: 'number', optional: false },
    end: { type: 'number', optional: false },
    text: { type: 'string', optional: false },
  });
  const { context, page } = await openConsumer();
  try {
    const texts = [await seed(SEED_000), `😀 ${await seed(SEED_002)}`, 'no Arabic here', ''];
    const analyses = await page.evaluate(async (ts) => {
      await window.consumer.init();
      return ts.flatMap((t) => [window.consumer.analyze(t), window.consumer.analyze(t, { explain: false })]);
    }, texts);
    const errors = [];
    analyses.forEach((a, i) => conforms(decls, a, 'Analysis', `analysis ${i}`, errors));
    assert.deepEqual(errors, []);
    // Every field of every interface occurs somewhere, so none is checked against nothing.
    const seen = new Set();
    const walk = (v, type) => {
      if (type.endsWith('[]')) return v.forEach((x) => walk(x, type.slice(0, -2)));
      const fields = decls.interfaces[type];
      if (!fields) return;
      for (const [k, f] of Object.entries(fields)) if (k in v) (seen.add(`${type}.${k}`), walk(v[k], f.type));
    };
    analyses.forEach((a) => walk(a, 'Analysis'));
    const declared = ['Analysis', 'Speaker', 'Statement', 'Span', 'Target', 'Sources'].flatMap((t) =>
      Object.keys(decls.interfaces[t]).map((k) => `${t}.${k}`),
    );
    assert.deepEqual(declared.filter((d) => !seen.has(d)), [], 'fields never seen');
  } finally {
    await context.close();
  }
});
