// A consumer of the isnad package, written against its types. tsc --strict must accept it; the
// test then runs the compiled file in Chromium and drives it through `window.consumer`.
import { init, analyze, analyzeAsync, version } from 'isnad';
import type { Analysis, AnalyzeAsyncOptions, Form, Span, SpeakerKind, Statement, StatementKind } from 'isnad';
import { IsnadAnalyzer } from 'isnad/element';
import type { IsnadAnalysisEvent } from 'isnad/element';

/** Every span of an analysis; its offsets are numbers that slice the text. */
function spans(a: Analysis): Span[] {
  return [...a.speakers.flatMap((s) => s.mentions), ...a.statements.flatMap((s) => [s.cue, s.content])];
}

function badSpans(text: string, a: Analysis): Span[] {
  return spans(a).filter((s) => text.slice(s.start, s.end) !== s.text);
}

function denialsBy(a: Analysis, name: string): Statement[] {
  return a.statements.filter((s) => s.kind === 'denial' && (a.speakers[s.speaker]?.name.includes(name) ?? false));
}

// Exhaustive maps: they stop compiling if the Rust enums gain or lose a variant.
const KIND: Record<StatementKind, string> = { claim: '✓', denial: '✗' };
const SPEAKER: Record<SpeakerKind, string> = { person: '👤', organization: '🏛', media: '📰', anonymous: '❓' };
const FORM: Record<Form, string> = { direct: '“”', indirect: '→', mixed: '→“”' };

function describe(a: Analysis): string[] {
  return a.statements.map((st) => {
    const sp = a.speakers[st.speaker];
    const explain: string = st.explain ?? '';
    return `${KIND[st.kind]} ${sp ? SPEAKER[sp.kind] : '?'} ${FORM[st.form]} ${st.confidence.toFixed(2)} ${explain.length}`;
  });
}

async function asyncRun(text: string, options: AnalyzeAsyncOptions = {}): Promise<Analysis> {
  return analyzeAsync(text, options);
}

// The element, typed through HTMLElementTagNameMap and HTMLElementEventMap.
const analyzer = document.createElement('isnad-analyzer');
analyzer.setAttribute('for', 'story');
analyzer.denialsOnly = false;
const events: Analysis[] = [];
analyzer.addEventListener('isnad-analysis', (e) => {
  const detail: Analysis = e.detail;
  events.push(detail);
});
document.addEventListener('isnad-analysis', (e: IsnadAnalysisEvent) => void e.detail.diagnostics.length);
document.body.append(analyzer);

const consumer = {
  init,
  warmInit: () => init({ warm: true }),
  analyze,
  asyncRun,
  version,
  spans,
  badSpans,
  denialsBy,
  describe,
  events,
  analyzer,
  isElement: analyzer instanceof IsnadAnalyzer,
  abortController: () => new AbortController(),
};

declare global {
  interface Window {
    consumer: typeof consumer;
  }
}
window.consumer = consumer;
