// isnad for web pages: `init()`, then `analyze()` in the caller's thread or `analyzeAsync()` in a
// Web Worker. The wasm is fetched and compiled once; the worker gets the compiled module, so it
// starts without another request.
//
// This is the package's entry point (package.json "exports": "."). Its types are in index.d.ts;
// the analysis types there come from the Rust types (isnad.d.ts, written by wasm-bindgen).

import initBindings, { analyze as analyzeWasm, version as versionWasm } from './isnad.js';
import { abortError, prestartWorker, runInWorker } from './runner.js';
import { warmUp } from './warm.js';

/** The compiled WebAssembly.Module once init() has finished, else null. */
let compiled = null;
/** The pending or finished init(), so that every caller waits for the same one. */
let starting = null;

/** Compiles the wasm from whatever init() was given: a module, bytes, a Response or a URL. */
async function compile(input) {
  const source = await input;
  if (source instanceof WebAssembly.Module) return source;
  if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer) return WebAssembly.compile(source);
  const response = source instanceof Response ? source : await fetch(source);
  if (!response.ok) throw new Error(`isnad: cannot load the wasm from ${response.url || source}: HTTP ${response.status}`);
  // compileStreaming needs the application/wasm type; a server that sends another still works.
  if (response.headers.get('Content-Type')?.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** True once a warm-up has run in this thread. */
let warmed = false;

/** True for init()'s options object, as opposed to an input (URL, Response, bytes, module…). */
function isOptions(x) {
  return x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype;
}

/**
 * Loads the analyzer. `input` says where the wasm is (default: isnad_bg.wasm next to this file).
 * Calling it again returns the same promise; after a failure, the next call tries again.
 *
 * `options.warm`: analyze a short built-in text a few times once the wasm is instantiated, so the
 * first real analyze() is about as fast as the later ones (the warm-up costs tens of
 * milliseconds, inside this promise); it also starts analyzeAsync()'s worker, which warms itself
 * in the background. Either `init({ warm: true })` or `init(input, { warm: true })`.
 */
export function init(input, options) {
  if (options === undefined && isOptions(input)) [input, options] = [undefined, input];
  starting ??= (async () => {
    const module = await compile(input ?? new URL('./isnad_bg.wasm', import.meta.url));
    await initBindings({ module_or_path: module });
    compiled = module;
  })().catch((err) => {
    starting = null;
    throw err;
  });
  if (!options?.warm) return starting;
  return starting.then(() => {
    if (warmed) return;
    warmed = true;
    prestartWorker(compiled);
    warmUp(analyzeWasm);
  });
}

function checkText(text) {
  if (typeof text !== 'string') throw new TypeError(`isnad: the text to analyze must be a string, not ${typeof text}`);
}

/** Analyzes `text` now, in this thread. Needs `await init()` first. */
export function analyze(text, options) {
  checkText(text);
  if (!compiled) throw new Error('isnad: call `await init()` before analyze()');
  return analyzeWasm(text, options);
}

/**
 * Analyzes `text` in a Web Worker, so the page stays responsive on long texts. Starts the
 * analyzer if needed. `options.signal` aborts: the promise then rejects with an AbortError.
 */
export async function analyzeAsync(text, options = {}) {
  checkText(text);
  const { signal, ...rest } = options;
  if (signal?.aborted) throw abortError();
  await init();
  return runInWorker(compiled, text, rest, signal);
}

/** The library's version, e.g. "0.1.0". Needs `await init()` first. */
export function version() {
  if (!compiled) throw new Error('isnad: call `await init()` before version()');
  return versionWasm();
}
