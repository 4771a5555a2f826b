// The module worker of analyzeAsync() (see runner.js). It is given the compiled wasm module by the
// page, so it fetches nothing, and answers each job with its analysis or an error message.
//
// In:  {type: 'init', module}                  a WebAssembly.Module
//      {type: 'analyze', id, text, options}
// Out: {type: 'result', id, analysis}
//      {type: 'error', id, message}

import { initSync, analyze } from './isnad.js';

/** Why the wasm could not be instantiated, reported with every job; null when it was. */
let broken = null;

self.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'init') {
    try {
      initSync({ module: m.module });
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
