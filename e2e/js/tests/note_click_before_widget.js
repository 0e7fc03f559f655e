// Sets `window.__clickedEarly` at the next click on the page: true if the widget of the
// `<sir-donate>` arguments[0] (a selector) had not mounted yet. Runs after embed_prelude.js.
document.addEventListener('click', () => { window.__clickedEarly = !inner(arguments[0]); },
  { capture: true, once: true });
