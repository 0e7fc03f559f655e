// Whether the widget of the page's first `<sir-donate>` shows its dialog: open, visible and laid
// out taller than 100 px. No arguments.
const o = document.querySelector('sir-donate').shadowRoot;
const w = o && o.querySelector('div.sir-donate'); const r = w && w.shadowRoot;
const d = r.querySelector('dialog.sir-dialog');
return !!d && d.open && d.checkVisibility() && d.getBoundingClientRect().height > 100;
