// How the submit button and the dialog of the `<sir-donate>` arguments[0] (a selector) look:
// the button's background and corner radius, and whether the dialog is modal. Runs after
// embed_prelude.js.
const r = inner(arguments[0]);
const b = getComputedStyle(r.querySelector('button.sir-submit'));
const d = r.querySelector('dialog.sir-dialog');
return { background: b.backgroundColor, radius: b.borderTopLeftRadius, modal: d.matches(':modal') };
