// On spa.html: the page's counter and, under #slot, how many `<sir-donate>` there are, how many
// show an enabled widget button, how many failed (a disabled button that is not busy), and the
// widget hosts and dialogs anywhere in the document. No arguments. Runs after embed_prelude.js.
const slot = document.getElementById('slot');
return {
  count: document.getElementById('count').textContent,
  elements: slot.querySelectorAll('sir-donate').length,
  mounted: [...slot.querySelectorAll('sir-donate')].filter(e => {
    const r = inner(e); return !!r && !!r.querySelector('button.sir-button:enabled');
  }).length,
  failed: [...slot.querySelectorAll('sir-donate')].filter(e => {
    const b = inner(e) && inner(e).querySelector('button.sir-button');
    return !!b && b.disabled && b.getAttribute('aria-busy') === 'false';
  }).length,
  hosts: deep(document, '.sir-donate').length,
  dialogs: deep(document, 'dialog').length,
};
