// Types of <isnad-analyzer> (element.js). Importing "isnad/element" defines the element and adds
// it, and its event, to the DOM's type maps.

import type { Analysis } from './index.js';

/**
 * `<isnad-analyzer for="ID">`: watches the textarea, input or contenteditable element with that
 * id, analyzes it a moment after each edit, shows speakers, denials and claims in its panel, and
 * dispatches `isnad-analysis` (a CustomEvent whose `detail` is the analysis; it bubbles).
 *
 * Attributes: `for`, `lang` ("en" for English, else Arabic), `denials-only`, `highlight` (mark
 * statements in a contenteditable with the CSS Custom Highlight API), `debounce` (ms, 300),
 * `heading-level` (the panel title's, 2; its sections' one more).
 */
export class IsnadAnalyzer extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The analysis shown, or null before the first one. */
  readonly analysis: Analysis | null;
  /** The text that analysis is of. */
  readonly text: string;
  /** The element being watched (the `for` target), or null. */
  readonly target: HTMLElement | null;
  /** Reflects the `denials-only` attribute. */
  denialsOnly: boolean;
  /** Reads the target again now, after a change no event announces (`textarea.value = …`). */
  refresh(): void;
  /**
   * Analyzes `text`, shows it and dispatches `isnad-analysis`. A newer call, or an edit, aborts
   * this one, which then rejects with a DOMException named "AbortError".
   */
  analyze(text: string): Promise<Analysis>;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, before: string | null, after: string | null): void;
}

/** The event <isnad-analyzer> dispatches after each analysis. */
export type IsnadAnalysisEvent = CustomEvent<Analysis>;

declare global {
  interface HTMLElementTagNameMap {
    'isnad-analyzer': IsnadAnalyzer;
  }
  interface HTMLElementEventMap {
    'isnad-analysis': IsnadAnalysisEvent;
  }
  interface DocumentEventMap {
    'isnad-analysis': IsnadAnalysisEvent;
  }
}
