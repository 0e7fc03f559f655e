// How the open dialog of the `<sir-donate>` arguments[0] (a selector) looks: its title's colour,
// the first-name field's font size and border style, and whether the dialog fits the viewport
// with a usable size. Runs after embed_prelude.js.
const r = inner(arguments[0]);
const title = getComputedStyle(r.querySelector('.sir-panel__title'));
const input = getComputedStyle(r.querySelector('#sir-first-name'));
const box = r.querySelector('dialog').getBoundingClientRect();
return { titleColor: title.color, inputFont: input.fontSize, inputBorder: input.borderTopStyle,
         fits: box.width > 200 && box.width <= innerWidth && box.height > 200 };
