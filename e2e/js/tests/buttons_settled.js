// True once every `<sir-donate>` of the page shows the widget's button, no longer busy, with
// its logo (if any) loaded or failed, and the page's fonts have loaded: after this nothing in
// the buttons changes by itself. Runs after embed_prelude.js.
if (document.readyState !== 'complete' || document.fonts.status !== 'loaded') return false;
return [...document.querySelectorAll('sir-donate')].every(host => {
  const r = inner(host);
  const b = r && r.querySelector('button.sir-button');
  return b && b.getAttribute('aria-busy') === 'false' && [...b.querySelectorAll('img')].every(i => i.complete);
});
