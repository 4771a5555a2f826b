// The worker client: the analysis engine, a Web Worker running the wasm (worker.js), one at a
// time. The wasm is compiled once here and handed to every worker; a stale run or a crash ends
// the worker and a fresh one starts from the same compiled module.

import { inline, fetchText } from './files.js';

/** The wasm module, compiled once; every worker instantiates it without fetching anything. */
async function compileWasm() {
  const b64 = inline('isnad-wasm');
  if (b64 != null) {
    const raw = atob(b64.trim());
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return WebAssembly.compile(bytes);
  }
  const res = await fetch('pkg/isnad_bg.wasm');
  if (!res.ok) throw new Error(`pkg/isnad_bg.wasm: HTTP ${res.status}`);
  return WebAssembly.compileStreaming(res);
}

/** The worker's source: the bindings, then the worker body (see worker.js). */
async function workerSource() {
  const bindings = inline('isnad-bindings') ?? (await fetchText('pkg/isnad_no_modules.js'));
  const body = inline('isnad-worker') ?? (await fetchText('worker.js'));
  return `${bindings}\n${body}`;
}

/**
 * The analysis engine: one worker at a time. A new request while one is running terminates the
 * worker (the stale run cannot be interrupted any other way) and starts a fresh one from the
 * same compiled module; a crash does the same. Results carry a sequence number, so a late
 * answer to an old request is never shown.
 */
class Engine {
  constructor(module, sourceUrl) {
    this.module = module;
    this.sourceUrl = sourceUrl;
    this.seq = 0;
    this.pending = null; // { seq, resolve, reject, onProgress }
    this.restarts = 0;
  }

  /**
   * Starts a worker; resolves to the library's version once it has instantiated the wasm.
   * `warm`: the worker then analyzes a built-in text, so the user's first analysis runs on
   * optimized code (only for the first worker: a restarted one gets a request at once, and
   * finds the module's code already optimized, since workers share the compiled module).
   */
  start(warm = false) {
    this.worker?.terminate();
    const worker = new Worker(this.sourceUrl, { name: 'isnad-analysis' });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'ready') resolve(m.version);
        else if (m.type === 'error' && m.seq === null) reject(new Error(m.message));
        else this.answer(m);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        const err = new Error(e.message || 'the analysis worker failed');
        reject(err);
        if (this.pending?.sent) this.fail(err);
      };
    });
    worker.postMessage({ type: 'init', module: this.module, warm });
    return this.ready;
  }

  answer(m) {
    const p = this.pending;
    if (!p || m.seq !== p.seq) return; // stale
    if (m.type === 'part') {
      p.parts.push(m.statements);
    } else if (m.type === 'progress') {
      p.onProgress?.(m.done / m.total);
    } else if (m.type === 'result') {
      this.pending = null;
      if (m.analysis.statements === null) m.analysis.statements = p.parts.flat();
      p.resolve({ analysis: m.analysis, ms: m.ms });
    } else if (m.type === 'error') {
      this.fail(new Error(m.message));
    }
  }

  /** The worker crashed or the wasm trapped: report to the caller, start afresh. */
  fail(err) {
    const p = this.pending;
    this.pending = null;
    this.restarts++;
    document.documentElement.dataset.engineRestarts = String(this.restarts);
    this.start().catch(() => {});
    p?.reject(err);
  }

  /**
   * Analyzes `text`; rejects with {stale: true} when a newer request replaced this one before
   * it finished. A stale run already in the worker is stopped by replacing the worker.
   */
  analyze(text, onProgress) {
    const old = this.pending;
    if (old) {
      this.pending = null;
      old.reject({ stale: true });
      if (old.sent) this.start().catch(() => {});
    }
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      const p = { seq, resolve, reject, onProgress, sent: false, parts: [] };
      this.pending = p;
      this.ready.then(
        () => {
          if (this.pending !== p) return;
          p.sent = true;
          this.worker.postMessage({ type: 'analyze', seq, text });
        },
        (err) => {
          if (this.pending !== p) return;
          this.pending = null;
          reject(err);
        },
      );
    });
  }
}

/** Compiles the wasm, starts the first worker (warmed); resolves to { engine, version }. */
export async function loadEngine() {
  const [module, source] = await Promise.all([compileWasm(), workerSource()]);
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const engine = new Engine(module, url);
  const v = await engine.start(true);
  return { engine, version: v };
}
