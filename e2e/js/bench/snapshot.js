// `window.__bench` (recorded by pkg-demo/bench.js) as JSON text, its functions left out, with the
// time origin, the widgets' state now, how many loaders fell back, and the resource entries of
// the embed and the API; null on a page without it. No arguments.
const B = window.__bench;
if (!B) return null;
const { add, remove, state, watch, ...data } = B;
const keep = /\/sir-donate[^/]*\.(js|wasm)$|\/v1\/partner\//;
const resources = performance.getEntriesByType('resource')
  .filter(e => keep.test(e.name.split(/[?#]/)[0]))
  .map(e => ({ name: e.name, start: e.startTime, end: e.responseEnd, type: e.initiatorType }));
const fallback = [...document.querySelectorAll('sir-donate')]
  .filter(el => el.shadowRoot && [...el.shadowRoot.children].some(c => c.matches('a, button:disabled'))).length;
return JSON.stringify({ ...data, timeOrigin: performance.timeOrigin, state: state(), fallback, resources });
