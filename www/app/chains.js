// The chain and denial view (issue 16, item 4), not drawn yet: the analysis has no `chain` or
// `rejects` so far. Its place is here: each statement's chain of transmission («رويترز ←
// مصادر»), what a denial answers, and who denies whom across the article (speakers as nodes,
// each denial an arrow to the speaker whose claim it answers; SVG, and a list for the keyboard
// and screen readers). The controller (app.js) calls renderChains each time an analysis is
// drawn, after the panels, and again when the language changes; the words go in i18n.js, the
// shared helpers (el, tint, speakerName, sliced) are in dom.js, and showStatement in
// reading.js goes to a statement in the text.

/** Draws the chain and denial view of `analysis`; nothing yet. */
export function renderChains(view, analysis) {}
