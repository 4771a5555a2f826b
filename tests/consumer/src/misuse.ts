// Mistakes the types must catch. Each line after `@ts-expect-error` has to be an error, or
// tsc fails ("Unused '@ts-expect-error' directive"): so this fails if a type turns into `any`.
import { analyze, analyzeAsync } from 'isnad';
import type { Analysis } from 'isnad';

export function misuse(a: Analysis): void {
  const st = a.statements[0]!;
  // @ts-expect-error offsets are numbers
  const start: string = st.cue.start;
  // @ts-expect-error a statement is a claim or a denial
  if (st.kind === 'refutation') return;
  // @ts-expect-error explain is optional
  const explain: string = st.explain;
  // @ts-expect-error a speaker is a person, an organization, media or anonymous
  const sp = a.speakers[st.speaker]!.kind === 'robot';
  // @ts-expect-error options are checked
  analyze('نص', { explian: false });
  // @ts-expect-error the signal is an AbortSignal
  void analyzeAsync('نص', { signal: 'stop' });
  // @ts-expect-error analyze is synchronous
  void analyze('نص').then(() => {});
  // @ts-expect-error the text is a string
  analyze(42);
  void [start, explain, sp];
}
