// What a donor clicks on the page's first `<sir-donate>` now: the widget's Donate button if it is
// mounted, else the loader's placeholder button; null if neither is there yet. No arguments.
const o = document.querySelector('sir-donate').shadowRoot;
if (!o) return null;
const w = o.querySelector('div.sir-donate');
const b = w && w.shadowRoot && w.shadowRoot.querySelector('button.sir-button');
return b || [...o.children].find(c => c.matches('button')) || null;
