// Types of the package's entry point (index.js). The analysis types themselves are generated
// from the Rust types by tsify and wasm-bindgen (isnad.d.ts): they describe exactly the JSON the
// analyzer returns, and are re-exported here.

import type { Analysis, AnalyzeOptions } from './isnad.js';

export type {
  Analysis,
  AnalyzeOptions,
  Form,
  Gender,
  Sources,
  Span,
  Speaker,
  SpeakerKind,
  Statement,
  StatementKind,
  Target,
} from './isnad.js';

/** Where init() finds the wasm: a URL, a fetch Response, the bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Options of init(). */
export interface InitOptions {
  /**
   * Analyze a short built-in text a few times once the wasm is instantiated, so that the first
   * real `analyze()` is about as fast as the later ones instead of several times slower (V8
   * compiles and optimizes the wasm lazily). The warm-up runs inside init()'s promise, in the
   * calling thread (tens of milliseconds); it also starts analyzeAsync()'s worker, which warms
   * itself in the background. Default false.
   */
  warm?: boolean;
}

/**
 * Loads the analyzer: fetches and compiles `isnad_bg.wasm` (by default the one next to
 * index.js). Call it once before `analyze()`; calling it again returns the same promise
 * (with `{ warm: true }`, followed by the warm-up, once).
 */
export function init(input?: InitInput | Promise<InitInput>, options?: InitOptions): Promise<void>;
export function init(options: InitOptions): Promise<void>;

/**
 * Analyzes `text` now, in the caller's thread (about 2.5 ms for 2,000 words). Offsets are
 * UTF-16 code units: `text.slice(span.start, span.end) === span.text`. Throws if init() has not
 * finished.
 */
export function analyze(text: string, options?: AnalyzeOptions): Analysis;

/** Options of analyzeAsync(): those of analyze(), and a signal to abort the run. */
export interface AnalyzeAsyncOptions extends AnalyzeOptions {
  /** Aborting it ends the run at once; the promise then rejects with a DOMException named "AbortError". */
  signal?: AbortSignal;
}

/**
 * Analyzes `text` in a Web Worker (started on first use, from the same compiled wasm), so the
 * page stays responsive. Calls init() itself if needed. Runs one at a time, in call order.
 */
export function analyzeAsync(text: string, options?: AnalyzeAsyncOptions): Promise<Analysis>;

/** The library's version, e.g. "0.1.0". Throws if init() has not finished. */
export function version(): string;
