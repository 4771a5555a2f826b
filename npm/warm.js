// The warm-up: a short built-in news text analyzed a few times right after the wasm is
// instantiated, so that the user's first analysis does not pay for V8's lazy compilation and
// tier-up of the hot functions (BENCHMARKS.md: without it, the first analysis of 2,000 words
// takes several times the steady time). Used by init({ warm: true }) and by the worker of
// analyzeAsync() when it is started ahead of a job. The page's worker (www/worker.js) has the
// same text.

/** Reported speech of the common kinds: a title and name, a quotation, a denial, an attribution. */
export const WARM_TEXT =
  'قال المتحدث باسم وزارة الخارجية، أحمد حافظ، في بيان اليوم إن "المفاوضات مستمرة ولن نتراجع". ' +
  'ونفت الحكومة أن تكون قد تلقت أي طلب رسمي، مؤكدةً أنه لا علاقة لها بذلك.\n\n' +
  'وبحسب ما أفاد مصدر مسؤول طلب عدم الكشف عن هويته، فإن الاجتماع سيعقد غداً. ' +
  'وأضاف الرئيس الأمريكي جو بايدن للصحفيين: «سنواصل العمل مع شركائنا».';

/** How many times the text is analyzed: enough for the hot functions to be optimized. */
export const WARM_RUNS = 10;

/** Analyzes the warm-up text WARM_RUNS times with `analyze` (a wasm-bindgen analyze function). */
export function warmUp(analyze) {
  for (let i = 0; i < WARM_RUNS; i++) analyze(WARM_TEXT);
}
