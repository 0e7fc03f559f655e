// Adds a second inline widget next to `<sir-donate>` arguments[0] (a selector), with the same
// attributes and the id arguments[1], and returns the loader's placeholder box for it at once
// ({width, height}), before the widget (whose code is loaded already) replaces it.
// Runs after embed_prelude.js.
const first = hostOf(arguments[0]);
const second = document.createElement('sir-donate');
for (const a of first.attributes) if (a.name !== 'id') second.setAttribute(a.name, a.value);
second.id = arguments[1];
first.after(second);
const box = outer(second).querySelector('output').getBoundingClientRect();
return { width: box.width, height: box.height };
