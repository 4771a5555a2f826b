// The worker behind analyzeAsync(): one module worker at a time, started on first use. Jobs run
// one after another in call order, and only one is in the worker at a time, so that aborting it
// can end the worker (the only way to stop wasm mid-run) without losing the others: the next job
// starts a fresh worker from the same compiled module. A worker that fails is replaced the same way.

/** Jobs not yet sent to the worker, oldest first. */
const queue = [];
/** The job in the worker, or null. */
let running = null;
/** The worker, or null until a job needs one. */
let worker = null;
let nextId = 1;

/** What an aborted analyzeAsync() rejects with, whatever reason was given to abort(). */
export function abortError() {
  return new DOMException('isnad: the analysis was aborted', 'AbortError');
}

/** Queues one analysis of `text` by the wasm `module`; resolves to the analysis. */
export function runInWorker(module, text, options, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const job = { id: nextId++, module, text, options, signal, resolve, reject, onAbort: null };
    if (signal) {
      job.onAbort = () => abort(job);
      signal.addEventListener('abort', job.onAbort, { once: true });
    }
    queue.push(job);
    pump();
  });
}

function finish(job) {
  job.signal?.removeEventListener('abort', job.onAbort);
}

function abort(job) {
  if (running === job) {
    stopWorker();
    running = null;
  } else {
    const i = queue.indexOf(job);
    if (i < 0) return; // already settled
    queue.splice(i, 1);
  }
  finish(job);
  job.reject(abortError());
  pump();
}

function stopWorker() {
  worker?.terminate();
  worker = null;
}

/** Sends the next job to the worker, starting one if there is none. */
function pump() {
  if (running || queue.length === 0) return;
  const job = queue.shift();
  running = job;
  worker ??= startWorker(job.module, false);
  worker.postMessage({ type: 'analyze', id: job.id, text: job.text, options: job.options });
}

/**
 * Starts the worker ahead of any job, if none runs, and has it analyze a built-in text first
 * (init({ warm: true })): the first analyzeAsync() then finds it instantiated and warm.
 */
export function prestartWorker(module) {
  if (worker || running || queue.length > 0) return;
  worker = startWorker(module, true);
}

/** A worker for `module`; `warm` when no job waits for it (a warm-up would only delay the job). */
function startWorker(module, warm) {
  // Written out in full so that bundlers (Vite, webpack 5, esbuild) see the worker and emit it.
  const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'isnad' });
  w.postMessage({ type: 'init', module, warm });
  w.onmessage = (e) => {
    const m = e.data;
    const job = running;
    if (w !== worker || !job || m.id !== job.id) return;
    running = null;
    finish(job);
    if (m.type === 'result') {
      job.resolve(m.analysis);
    } else {
      // A wasm trap may leave the module's memory broken: the next job gets a fresh worker.
      stopWorker();
      job.reject(new Error(m.message));
    }
    pump();
  };
  w.onerror = (e) => {
    // The worker could not start (its script failed to load) or threw outside a job.
    e.preventDefault();
    if (w !== worker) return;
    stopWorker();
    const job = running;
    running = null;
    if (job) {
      finish(job);
      job.reject(new Error(`isnad: the analysis worker failed${e.message ? `: ${e.message}` : ''}`));
    }
    pump();
  };
  return w;
}
