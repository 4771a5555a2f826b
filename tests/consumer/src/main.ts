// A consumer of the isnad package, written against its types. tsc --strict must accept it; the
// test then runs the compiled file in Chromium and drives it through `window.consumer`.
import { init, analyze, analyzeAsync, version } from 'isnad';
import type {
  Analysis,
  AnalyzeAsyncOptions,
  Form,
  Gender,
  Sources,
  Span,
  SpeakerKind,
  Statement,
  StatementKind,
  Target,
} from 'isnad';
import { IsnadAnalyzer } from 'isnad/element';
import type { IsnadAnalysisEvent } from 'isnad/element';

/** Every span of an analysis; its offsets are numbers that slice the text. */
function spans(a: Analysis): Span[] {
  const targets: Span[] = a.statements.flatMap((s) => (s.rejects ? [{ start: s.rejects.start, end: s.rejects.end, text: s.rejects.text }] : []));
  return [...a.speakers.flatMap((s) => s.mentions), ...a.statements.flatMap((s) => [s.cue, s.content]), ...targets];
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
const GENDER: Record<Gender, string> = { female: '♀', male: '♂' };

/** A statement's chain as its parties' names, outermost first («وكالة رويترز ← مصادر»). */
function chainNames(a: Analysis, st: Statement): string[] {
  const chain: number[] | undefined = st.chain;
  return (chain ?? []).map((i) => a.speakers[i]?.name ?? '?');
}

/** Who denies whom: [denier, answered speaker] for every denial that answers a statement. */
function deniesWhom(a: Analysis): [string, string][] {
  return a.statements.flatMap((st): [string, string][] => {
    const t: Target | undefined = st.rejects;
    const answered = t?.statement === undefined ? undefined : a.statements[t.statement];
    const by = a.speakers[st.speaker];
    return answered && by ? [[by.name, a.speakers[answered.speaker]?.name ?? '?']] : [];
  });
}

function sourceCount(s: Sources): number {
  return s.person + s.organization + s.media + s.anonymous;
}

function genders(a: Analysis): string[] {
  return a.speakers.flatMap((sp) => (sp.gender ? [GENDER[sp.gender]] : []));
}

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
  chainNames,
  deniesWhom,
  sourceCount,
  genders,
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
