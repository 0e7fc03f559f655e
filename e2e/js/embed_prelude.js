// Put in front of every page script of the embed tests (`World::js`); takes no arguments.
// `outer(host)` is the loader's shadow root of a `<sir-donate>` (a selector or an element),
// `inner(host)` the widget's nested one, `top(host, sel)` the placeholder (or its fallback),
// `deep(root, sel)` collects matches across every shadow root under `root`, `downloads()` lists
// the widget files fetched so far (the loader itself excluded), `deepActive()` is the focused
// element through shadow roots.
const hostOf = h => (typeof h === 'string' ? document.querySelector(h) : h);
const outer = h => { const e = hostOf(h); return e && e.shadowRoot; };
const inner = h => {
  const o = outer(h);
  const w = o && o.querySelector('.sir-donate');
  return w && w.shadowRoot;
};
// Children of the loader's shadow root matching `sel` (the placeholder, or its fallback).
const top = (h, sel) => { const o = outer(h); return o ? [...o.children].filter(e => e.matches(sel)) : []; };
const deep = (root, sel, out = []) => {
  root.querySelectorAll(sel).forEach(e => out.push(e));
  root.querySelectorAll('*').forEach(e => e.shadowRoot && deep(e.shadowRoot, sel, out));
  return out;
};
const downloads = () => {
  const names = performance.getEntriesByType('resource').map(e => e.name.split(/[?#]/)[0]);
  const file = n => n.split('/').pop();
  return {
    wasm: names.filter(n => n.endsWith('.wasm')),
    glue: names.filter(n => /^sir-donate\..+\.js$/.test(file(n))),
  };
};
const deepActive = () => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
};
