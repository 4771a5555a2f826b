// Where the page's files come from. Served, they are fetched from the page's origin
// (pkg/isnad_no_modules.js, worker.js, the wasm, seeds/); in the single file dist/isnad.html
// they are inlined in data blocks (#isnad-bindings, #isnad-worker, #isnad-wasm, #isnad-seeds)
// and nothing is fetched.

/** The text of the data block `id` of the single file; undefined when the page is served. */
export const inline = (id) => document.getElementById(id)?.textContent;

export async function fetchText(path) {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.text();
}
