// The text of the disabled button the loader painted for the `<sir-donate id="late">` when the
// widget cannot load, or undefined until it has. No arguments. Runs after embed_prelude.js.
const b = top('#late', 'button:disabled')[0];
return b && b.textContent;
