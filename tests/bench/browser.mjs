// The browser benchmark: the JS API of dist/pkg/ in headless Chromium, and the size of dist/.
//
// Run by `cargo xtask bench`, which builds dist/, writes the benchmark documents (the same ones
// the native benchmarks use, see benches/support/corpus.rs) and passes their directory:
//
//   node tests/bench/browser.mjs --docs target/bench [--runs 200] [--out target/bench/browser.json]
//
// What it measures, all in one Chromium run:
//   - cold start: a fresh browser context (empty cache) imports pkg/isnad.js and awaits init():
//     fetching the JS and the wasm, compiling, instantiating. Then the first analyze() of the
//     2,000-word document, which also pays the one-time lexicon load, and the second one.
//   - warm analyze(): the median of many calls in one page, for 200, 2,000 and 20,000 words.
//   - the floor: TextEncoder.encode + TextDecoder.decode of the same text, the least any wasm
//     text API pays to get a string in and out; analyze() is reported as a multiple of it.
// The page is served cross-origin isolated (COOP + COEP), which gives performance.now() 5 µs
// resolution instead of 100 µs. CHROMIUM=path picks another browser; CHROMIUM_FLAGS adds flags.

import { createServer } from 'node:http';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function parseArgs(argv) {
  const o = { docs: null, dist: join(ROOT, 'dist'), runs: 200, cold: 10, out: null };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--docs') o.docs = resolve(v);
    else if (k === '--dist') o.dist = resolve(v);
    else if (k === '--runs') o.runs = Number(v);
    else if (k === '--cold') o.cold = Number(v);
    else if (k === '--out') o.out = resolve(v);
    else throw new Error(`unknown argument ${k}; usage: browser.mjs --docs DIR [--dist DIR] [--runs N] [--cold N] [--out FILE]`);
    i++;
  }
  if (!o.docs) throw new Error('--docs DIR is required (doc-200.txt, doc-2000.txt, doc-20000.txt): run `cargo xtask bench`');
  return o;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};
const BENCH_PAGE = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>isnad bench</title>';

/** Serves `dist` and an empty page at /__bench__.html, cross-origin isolated, never cached. */
async function serve(dist) {
  const server = createServer(async (req, res) => {
    const headers = {
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    };
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path === '/__bench__.html') {
        res.writeHead(200, { ...headers, 'Content-Type': MIME['.html'] });
        return res.end(BENCH_PAGE);
      }
      const file = normalize(join(dist, path));
      if (!file.startsWith(dist + sep)) throw new Error('outside dist');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('404\n');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/**
 * One cold start in a fresh context (empty cache): import + init(), then analyze() of one word
 * (which pays the one-time lexicon load), then the first calls of analyze() on `doc`, which run
 * in V8's baseline wasm code until the optimizing tier replaces it.
 */
async function coldStart(browser, base, doc) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/__bench__.html`);
  const r = await page.evaluate(async (doc) => {
    const t0 = performance.now();
    const m = await import('/pkg/isnad.js');
    await m.default();
    const t1 = performance.now();
    m.analyze('قال');
    const t2 = performance.now();
    const calls = [];
    let statements = 0;
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      statements = m.analyze(doc).statements.length;
      calls.push(performance.now() - t);
    }
    return { init: t1 - t0, lexicon: t2 - t1, calls, statements, isolated: self.crossOriginIsolated };
  }, doc);
  await context.close();
  return r;
}

/** The parts of a cold start, in another fresh context: fetching the wasm, and compiling it. */
async function coldParts(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/__bench__.html`);
  const r = await page.evaluate(async () => {
    const t0 = performance.now();
    const bytes = await (await fetch('/pkg/isnad_bg.wasm')).arrayBuffer();
    const t1 = performance.now();
    await WebAssembly.compile(bytes);
    const t2 = performance.now();
    return { fetchWasm: t1 - t0, compileWasm: t2 - t1 };
  });
  await context.close();
  return r;
}

/** Warm timings in one page: `runs` calls of analyze() and of the encode/decode floor. */
async function warm(page, doc, runs) {
  return page.evaluate(
    async ({ doc, runs }) => {
      const m = await import('/pkg/isnad.js');
      await m.default();
      const enc = new TextEncoder();
      const dec = new TextDecoder();
      let sink = 0;
      const warmup = Math.max(3, Math.ceil(runs / 10));
      for (let i = 0; i < warmup; i++) sink += m.analyze(doc).statements.length + dec.decode(enc.encode(doc)).length;
      const analyze = [];
      const floor = [];
      // Interleaved, so a slow moment of the shared machine hits both alike.
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        sink += m.analyze(doc).statements.length;
        analyze.push(performance.now() - t);
        t = performance.now();
        sink += dec.decode(enc.encode(doc)).length;
        floor.push(performance.now() - t);
      }
      return { analyze, floor, sink };
    },
    { doc, runs },
  );
}

/**
 * Raw and gzip -9 sizes of dist/, grouped: the wasm, its JS glue, the page, the one-file page,
 * the npm package and the embedding examples.
 */
async function sizes(dist) {
  const files = [];
  async function walk(dir) {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else files.push(p);
    }
  }
  await walk(dist);
  const part = (rel) => {
    if (rel === 'pkg/isnad_bg.wasm') return 'wasm';
    if (rel.startsWith('pkg/') && rel.endsWith('.js')) return 'JS glue';
    if (rel.startsWith('pkg/')) return 'types (not loaded)';
    if (rel.startsWith('seeds/')) return 'seed articles';
    if (rel === 'isnad.html') return 'one-file page';
    if (rel.startsWith('npm/')) return 'npm package';
    if (rel.startsWith('examples/vendor/')) return 'examples: Quill';
    if (rel.startsWith('examples/')) return 'examples';
    return 'page files';
  };
  const rows = [];
  for (const f of files.sort()) {
    const body = await readFile(f);
    const rel = f.slice(dist.length + 1).split(sep).join('/');
    rows.push({ file: rel, part: part(rel), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return rows;
}

function chromiumVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const ms = (x) => `${x.toFixed(2)} ms`;
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const verdict = (ok) => (ok ? 'met' : 'MISSED');

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  if (!existsSync(join(opt.dist, 'pkg/isnad_bg.wasm'))) {
    throw new Error(`${opt.dist}/pkg/isnad_bg.wasm is missing: run \`cargo xtask dist\` (or \`cargo xtask bench\`)`);
  }
  const docs = {};
  for (const n of [200, 2000, 20000]) {
    const f = join(opt.docs, `doc-${n}.txt`);
    if (!(await stat(f).catch(() => null))) throw new Error(`${f} is missing: run \`cargo xtask bench\``);
    docs[n] = await readFile(f, 'utf8');
  }
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  const { base, close } = await serve(opt.dist);
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // Extra flags for experiments, e.g. CHROMIUM_FLAGS=--js-flags=--no-liftoff (optimize the
      // wasm before the first call instead of tiering up).
      ...(process.env.CHROMIUM_FLAGS ?? '').split(' ').filter(Boolean),
    ],
  });
  try {
    // Cold starts: the first one warms the browser process itself and is dropped.
    await coldStart(browser, base, docs[2000]);
    const colds = [];
    const coldPartsRuns = [];
    for (let i = 0; i < opt.cold; i++) {
      colds.push(await coldStart(browser, base, docs[2000]));
      coldPartsRuns.push(await coldParts(browser, base));
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/__bench__.html`);
    const runsFor = { 200: opt.runs, 2000: opt.runs, 20000: Math.max(10, Math.round(opt.runs / 8)) };
    const warmResults = {};
    for (const n of [200, 2000, 20000]) {
      const r = await warm(page, docs[n], runsFor[n]);
      warmResults[n] = {
        words: n,
        bytes: Buffer.byteLength(docs[n]),
        utf16: docs[n].length,
        runs: runsFor[n],
        analyzeMedian: median(r.analyze),
        analyzeP90: quantile(r.analyze, 0.9),
        floorMedian: median(r.floor),
      };
    }
    await context.close();

    const cold = {
      runs: colds.length,
      initMedian: median(colds.map((c) => c.init)),
      initMax: Math.max(...colds.map((c) => c.init)),
      lexiconMedian: median(colds.map((c) => c.lexicon)),
      // The median over the cold runs of the k-th analyze() of 2,000 words in a fresh page.
      callsMedian: colds[0].calls.map((_, k) => median(colds.map((c) => c.calls[k]))),
      fetchWasmMedian: median(coldPartsRuns.map((p) => p.fetchWasm)),
      compileWasmMedian: median(coldPartsRuns.map((p) => p.compileWasm)),
      statements2000: colds[0].statements,
      crossOriginIsolated: colds[0].isolated,
    };
    const size = await sizes(opt.dist);
    const w2 = warmResults[2000];
    const w20 = warmResults[20000];
    const wasmGzip = size.find((s) => s.part === 'wasm').gzip;
    const result = {
      chromium: chromiumVersion(executablePath),
      cold,
      warm: warmResults,
      ratioToFloor2000: w2.analyzeMedian / w2.floorMedian,
      ratio20kTo2k: w20.analyzeMedian / w2.analyzeMedian,
      sizes: size,
    };

    console.log(`\n${result.chromium}; performance.now() ${cold.crossOriginIsolated ? '5 µs (cross-origin isolated)' : '100 µs'} resolution`);
    console.log('\nwarm analyze() in one page (median of N calls; floor = TextEncoder.encode + TextDecoder.decode of the same text)');
    console.log('  words   bytes     N   median     p90      MB/s   floor     analyze/floor');
    for (const w of Object.values(warmResults)) {
      console.log(
        `  ${String(w.words).padStart(5)} ${String(w.bytes).padStart(7)} ${String(w.runs).padStart(5)}  ${ms(w.analyzeMedian).padStart(9)} ${ms(w.analyzeP90).padStart(9)}  ${(w.bytes / 1e3 / w.analyzeMedian).toFixed(1).padStart(6)}  ${ms(w.floorMedian).padStart(8)}  ${(w.analyzeMedian / w.floorMedian).toFixed(0).padStart(6)}×`,
      );
    }
    console.log(`\ncold start, median of ${cold.runs} fresh contexts (import isnad.js + init(): fetch, compile, instantiate)`);
    console.log(`  init ${ms(cold.initMedian)} (max ${ms(cold.initMax)}); measured apart in other fresh contexts: fetch wasm ${ms(cold.fetchWasmMedian)}, WebAssembly.compile ${ms(cold.compileWasmMedian)}`);
    console.log(`  then analyze('قال') ${ms(cold.lexiconMedian)} (the one-time lexicon load)`);
    console.log(`  then the 1st…10th analyze(2,000 words): ${cold.callsMedian.map((x) => x.toFixed(1)).join(' ')} ms (V8 tiers the wasm up meanwhile)`);
    console.log('\nsizes of dist/ (gzip -9)');
    const parts = {};
    for (const s of size) {
      parts[s.part] ??= { raw: 0, gzip: 0, files: [] };
      parts[s.part].raw += s.raw;
      parts[s.part].gzip += s.gzip;
      parts[s.part].files.push(s.file);
    }
    for (const [p, v] of Object.entries(parts)) {
      console.log(`  ${p.padEnd(20)} ${kib(v.raw).padStart(10)} raw ${kib(v.gzip).padStart(10)} gzip  ${v.files.length <= 4 ? v.files.join(', ') : `${v.files.length} files`}`);
    }
    console.log('\nacceptance (issue 7)');
    console.log(`  2,000 words median analyze ${ms(w2.analyzeMedian)}: ≤ 4 ms ${verdict(w2.analyzeMedian <= 4)}, goal 2 ms ${verdict(w2.analyzeMedian <= 2)}`);
    console.log(`  cold start ${ms(cold.initMedian)}: ≤ 100 ms ${verdict(cold.initMedian <= 100)}, goal 50 ms ${verdict(cold.initMedian <= 50)}`);
    console.log(`  20,000 / 2,000 words ${result.ratio20kTo2k.toFixed(2)}×: ≤ 11× ${verdict(result.ratio20kTo2k <= 11)}`);
    console.log(`  wasm ${kib(wasmGzip)} gzipped: ≤ 300 KiB ${verdict(wasmGzip <= 300 * 1024)}, goal 250 KiB ${verdict(wasmGzip <= 250 * 1024)}`);
    console.log(`  analyze is ${result.ratioToFloor2000.toFixed(0)}× the encode/decode floor on 2,000 words`);
    if (opt.out) {
      await writeFile(opt.out, JSON.stringify(result, null, 2) + '\n');
      console.log(`\nall figures: ${opt.out}`);
    }
  } finally {
    await browser.close();
    await close();
  }
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
