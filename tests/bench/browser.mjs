// The browser benchmark: the JS API of dist/ in headless Chromium, and the size of dist/.
//
// Run by `cargo xtask bench`, which builds dist/ and passes the directory of the benchmark texts
// (benches/texts/: real articles of the ant-2018 collection, about 200, 2,000 and 20,000 words):
//
//   node tests/bench/browser.mjs --docs benches/texts [--runs 200] [--cold 5] [--out target/bench/browser.json]
//
// What it measures, all in one Chromium run:
//   - the first analyses, as a page that embeds the npm package pays them: in a fresh browser
//     context each time (empty cache), import npm/index.js and await init() (fetch, compile,
//     instantiate), then analyze() the text 10 times: the 1st, and the 2nd-10th. Once with
//     init(), with init({ warm: true }) when the package has it (npm/warm.js), and with
//     init({ warm: true }) then 1 s idle before the first analyze() (the user pasting: V8
//     optimizes the warmed functions in the background meanwhile). The median over `--cold`
//     fresh contexts.
//   - steady analyze(): the median of many calls in one page, for each text.
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
  const o = { docs: null, dist: join(ROOT, 'dist'), runs: 200, cold: 5, out: null };
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
  if (!o.docs) throw new Error('--docs DIR is required (ant-200.txt, ant-2000.txt, ant-20000.txt): e.g. --docs benches/texts');
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
 * One fresh context (empty cache): import the npm package and await init() (with `warm`, init({
 * warm: true })), then 10 calls of analyze() on `doc`: the first calls run in V8's baseline wasm
 * code until the optimizing tier replaces it, which is what a warm-up hides.
 */
async function firstCalls(browser, base, doc, warm, pause = 0) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/__bench__.html`);
  const r = await page.evaluate(
    async ({ doc, warm, pause }) => {
      const t0 = performance.now();
      const m = await import('/npm/index.js');
      await (warm ? m.init({ warm: true }) : m.init());
      const t1 = performance.now();
      // The user is still pasting: V8 finishes optimizing in the background meanwhile.
      if (pause) await new Promise((ok) => setTimeout(ok, pause));
      const calls = [];
      let statements = 0;
      for (let i = 0; i < 10; i++) {
        const t = performance.now();
        statements = m.analyze(doc).statements.length;
        calls.push(performance.now() - t);
      }
      return { init: t1 - t0, calls, statements, isolated: self.crossOriginIsolated };
    },
    { doc, warm, pause },
  );
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
      const m = await import('/npm/index.js');
      await m.init();
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

/** The idle time between init({ warm: true }) and the first analyze() in the third mode, in ms. */
const PAUSE = 1000;

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
    const f = join(opt.docs, `ant-${n}.txt`);
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
    const hasWarm = existsSync(join(opt.dist, 'npm/warm.js'));
    // [name, warm, pause before the first analyze()]
    const modes = [['cold', false, 0]];
    if (hasWarm) modes.push(['warm', true, 0], ['warm1s', true, PAUSE]);
    // The first fresh context warms the browser process itself and is dropped.
    await firstCalls(browser, base, docs[200], false);
    // first[n][mode]: the fresh-context runs, interleaved so a busy moment hits every case alike.
    const first = {};
    for (const n of [200, 2000, 20000]) first[n] = { cold: [], warm: [], warm1s: [] };
    const coldPartsRuns = [];
    for (let i = 0; i < opt.cold; i++) {
      for (const n of [200, 2000, 20000]) {
        for (const [name, warm, pause] of modes) first[n][name].push(await firstCalls(browser, base, docs[n], warm, pause));
      }
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

    const summary = (runs) =>
      runs.length === 0
        ? null
        : {
            runs: runs.length,
            initMedian: median(runs.map((c) => c.init)),
            // The median over the fresh contexts of the k-th analyze() (k = 1 … 10).
            callsMedian: runs[0].calls.map((_, k) => median(runs.map((c) => c.calls[k]))),
            firstMedian: median(runs.map((c) => c.calls[0])),
            // The 2nd-10th calls of every context together.
            secondToTenthMedian: median(runs.flatMap((c) => c.calls.slice(1))),
            secondToTenthMax: median(runs.map((c) => Math.max(...c.calls.slice(1)))),
            statements: runs[0].statements,
          };
    const firstResults = {};
    for (const n of [200, 2000, 20000]) {
      firstResults[n] = { cold: summary(first[n].cold), warm: summary(first[n].warm), warm1s: summary(first[n].warm1s) };
    }
    const cold = {
      runs: opt.cold,
      fetchWasmMedian: median(coldPartsRuns.map((p) => p.fetchWasm)),
      compileWasmMedian: median(coldPartsRuns.map((p) => p.compileWasm)),
      crossOriginIsolated: first[200].cold[0].isolated,
    };
    const size = await sizes(opt.dist);
    const w2 = warmResults[2000];
    const w20 = warmResults[20000];
    const wasmGzip = size.find((s) => s.part === 'wasm').gzip;
    const result = {
      chromium: chromiumVersion(executablePath),
      cold,
      first: firstResults,
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
    console.log(`\nthe first analyses in a fresh context (median of ${opt.cold}): import npm/index.js + init(), then analyze() ×10`);
    console.log('  words  init()                     init   1st analyze  2nd-10th (median, max)  steady median');
    for (const n of [200, 2000, 20000]) {
      for (const mode of ['cold', 'warm', 'warm1s']) {
        const f = firstResults[n][mode];
        if (!f) continue;
        const label = { cold: 'init()', warm: 'init({ warm: true })', warm1s: '  … then 1 s idle' }[mode];
        console.log(
          `  ${String(n).padStart(5)}  ${label.padEnd(22)} ${ms(f.initMedian).padStart(10)} ${ms(f.firstMedian).padStart(12)}  ${ms(f.secondToTenthMedian).padStart(10)}, ${ms(f.secondToTenthMax).padStart(9)}  ${ms(warmResults[n].analyzeMedian).padStart(12)}`,
        );
      }
    }
    console.log(`  each call, 2,000 words, init(): ${firstResults[2000].cold.callsMedian.map((x) => x.toFixed(1)).join(' ')} ms`);
    if (firstResults[2000].warm) {
      console.log(`  each call, 2,000 words, init({ warm: true }): ${firstResults[2000].warm.callsMedian.map((x) => x.toFixed(1)).join(' ')} ms`);
      console.log(`  each call, 2,000 words, init({ warm: true }), 1 s idle: ${firstResults[2000].warm1s.callsMedian.map((x) => x.toFixed(1)).join(' ')} ms`);
    }
    console.log(`  measured apart in other fresh contexts: fetch wasm ${ms(cold.fetchWasmMedian)}, WebAssembly.compile ${ms(cold.compileWasmMedian)}`);
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
    console.log('\nacceptance (issue 17)');
    for (const mode of ['cold', 'warm', 'warm1s']) {
      const f = firstResults[2000][mode];
      if (!f) continue;
      const label = { cold: 'init()', warm: 'init({ warm: true })', warm1s: 'init({ warm: true }) and 1 s idle' }[mode];
      console.log(`  2,000 words, first analyze() after ${label} ${ms(f.firstMedian)}: ≤ 25 ms ${verdict(f.firstMedian <= 25)}`);
    }
    console.log(`  2,000 words, steady median ${ms(w2.analyzeMedian)}: ≤ 1.5 ms ${verdict(w2.analyzeMedian <= 1.5)}`);
    console.log(`  20,000 / 2,000 words ${result.ratio20kTo2k.toFixed(2)}× (issue 7: ≤ 11×) ${verdict(result.ratio20kTo2k <= 11)}`);
    console.log(`  wasm ${kib(wasmGzip)} gzipped: ≤ 250 KiB ${verdict(wasmGzip <= 250 * 1024)}`);
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
