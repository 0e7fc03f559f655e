// Sets `window.__busyAtClick` at the next pointerdown on the page: true if the widget button of
// the `<sir-donate>` arguments[0] (a selector) was then busy loading its config (focusable, but
// aria-disabled and aria-busy). Runs after embed_prelude.js.
document.addEventListener('pointerdown', () => {
  const b = inner(arguments[0]).querySelector('button.sir-button');
  window.__busyAtClick =
    !b.disabled && b.getAttribute('aria-disabled') === 'true' && b.getAttribute('aria-busy') === 'true';
}, { capture: true, once: true });
