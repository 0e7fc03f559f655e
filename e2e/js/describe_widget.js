// What the `<sir-donate>` arguments[0] (a selector) holds now, as text for failure messages: the
// start of both shadow roots and the console errors recorded so far. Runs after embed_prelude.js.
const h = hostOf(arguments[0]);
if (!h) return 'no element ' + arguments[0];
const o = h.shadowRoot, i = inner(h);
return 'loader root: ' + (o ? o.innerHTML.slice(0, 400) : 'none') +
  '; widget root: ' + (i ? i.innerHTML.slice(0, 400) : 'none') +
  '; console errors: ' + JSON.stringify(window.__errors || 'not recorded');
