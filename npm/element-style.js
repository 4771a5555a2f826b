// The look of <isnad-analyzer>'s panel (its shadow DOM). Change it from the page with custom
// properties on the element, or with ::part() (every part is named in panel.js):
//
//   isnad-analyzer { --isnad-denial: darkred; --isnad-font: 14px/1.5 "Noto Naskh Arabic", serif; }
//   isnad-analyzer::part(statement denial) { background: #fff4f4; }

export const PANEL_CSS = `
:host {
  display: block;
  box-sizing: border-box;
  font: var(--isnad-font, 15px/1.6 system-ui, "Segoe UI", Tahoma, sans-serif);
  color: var(--isnad-fg, CanvasText);
  background: var(--isnad-bg, Canvas);
  border: 1px solid var(--isnad-border, #c9ced6);
  border-radius: var(--isnad-radius, 8px);
  padding: var(--isnad-padding, 0.75em 1em);
  max-height: var(--isnad-max-height, none);
  overflow: auto;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.header { display: flex; flex-wrap: wrap; gap: 0.25em 0.75em; align-items: baseline; }
.title { font-weight: 700; color: var(--isnad-accent, #1f5f8b); }
.status { color: var(--isnad-muted, GrayText); font-size: 0.9em; }
.status.error { color: var(--isnad-denial, #b3261e); }
.heading { font-weight: 700; font-size: 0.95em; margin: 0.9em 0 0.3em; color: var(--isnad-accent, #1f5f8b); }
ul, ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35em; }
.speaker { display: flex; flex-wrap: wrap; gap: 0 0.5em; }
.name { font-weight: 600; }
.role, .tally, .kind { color: var(--isnad-muted, GrayText); font-size: 0.9em; }
.statement button:not(.answers, .denied-by) {
  all: unset; display: block; width: 100%; cursor: pointer; padding: 0.35em 0.6em;
  border-radius: calc(var(--isnad-radius, 8px) / 2);
  border-inline-start: 4px solid var(--isnad-claim, #1f5f8b);
}
.statement.denial button:not(.answers, .denied-by) { border-inline-start: 4px dashed var(--isnad-denial, #b3261e); }
.statement button:hover { background: color-mix(in srgb, currentColor 6%, transparent); }
.statement button:focus-visible { outline: 2px solid var(--isnad-accent, #1f5f8b); outline-offset: 1px; }
.cue { font-weight: 700; }
.content { display: block; }
.content::before { content: "«"; }
.content::after { content: "»"; }
.chain { display: block; font-size: 0.9em; color: var(--isnad-muted, GrayText); }
.chain .name { color: var(--isnad-fg, CanvasText); }
.sources { margin: 0 0 0.35em; font-size: 0.9em; color: var(--isnad-muted, GrayText); }
button.answers, button.denied-by {
  font: inherit; font-size: 0.9em; cursor: pointer; margin: 0.15em 0.6em 0; padding: 0 0.5em;
  color: inherit; background: transparent; border: 1px dashed var(--isnad-denial, #b3261e);
  border-radius: calc(var(--isnad-radius, 8px) / 2);
}
button.answers:focus-visible, button.denied-by:focus-visible { outline: 2px solid var(--isnad-accent, #1f5f8b); outline-offset: 1px; }
q.answers { font-size: 0.9em; color: var(--isnad-muted, GrayText); }
span.answers { font-size: 0.9em; margin-inline-start: 0.6em; color: var(--isnad-muted, GrayText); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

let sheet = null;

/** The panel's style sheet, made once and adopted by every element (allowed by a strict CSP). */
export function panelSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(PANEL_CSS);
  }
  return sheet;
}
