// The module worker of analyzeAsync() (see runner.js). It is given the compiled wasm module by the
// page, so it fetches nothing, and answers each job with its analysis or an error message.
//
// In:  {type: 'init', module, warm}            a WebAssembly.Module; warm: analyze a built-in
//                                               text first (warm.js), when no job is waiting
//      {type: 'analyze', id, text, options}
// Out: {type: 'result', id, analysis}
//      {type: 'error', id, message}

import { initSync, analyze } from './isnad.js';
import { warmUp } from './warm.js';

/** Why the wasm could not be instantiated, reported with every job; null when it was. */
let broken = null;

self.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'init') {
    try {
      initSync({ module: m.module });
      if (m.warm) warmUp(analyze);
    } catch (err) {
      broken = err;
    }
  } else if (m.type === 'analyze') {
    try {
      if (broken) throw broken;
      self.postMessage({ type: 'result', id: m.id, analysis: analyze(m.text, m.options) });
    } catch (err) {
      self.postMessage({ type: 'error', id: m.id, message: String(err?.message ?? err) });
    }
  }
};
