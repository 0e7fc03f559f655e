// The first match of the CSS selector arguments[0] in the widget's own shadow root, inside the
// page's first `<sir-donate>`; null (or undefined) if there is none yet.
const o = document.querySelector('sir-donate').shadowRoot;
const w = o && o.querySelector('div.sir-donate'); const r = w && w.shadowRoot;
return r && r.querySelector(arguments[0]);
