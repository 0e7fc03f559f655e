// The amount choices in the dialog of the `<sir-donate>` arguments[0] (a selector), as their
// labels, the chosen one prefixed with `*`. Runs after embed_prelude.js.
return [...inner(arguments[0]).querySelectorAll('label.sir-chip')]
  .filter(l => l.querySelector('input[name=amount]'))
  .map(l => (l.querySelector('input').checked ? '*' : '') + l.textContent.trim());
