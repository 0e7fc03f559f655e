// The box ({width, height}) of the inline panel of `<sir-donate>` arguments[0], or null while
// it is not mounted. Runs after embed_prelude.js.
const r = inner(arguments[0]);
const panel = r && r.querySelector('section.sir-inline');
if (!panel) return null;
const box = panel.getBoundingClientRect();
return { width: box.width, height: box.height };
