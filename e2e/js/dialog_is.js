// Whether the widget in the `<sir-donate>` arguments[0] (a selector) has its dialog, open if
// arguments[1] is true, closed if false. Runs after embed_prelude.js.
const r = inner(arguments[0]); const d = r && r.querySelector('dialog.sir-dialog');
return !!d && d.open === arguments[1];
