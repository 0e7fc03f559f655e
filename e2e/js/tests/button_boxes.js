// Where every `<sir-donate>` of the page is and what it shows, to compare the placeholders with
// the mounted buttons: for each, its id, `state` ('placeholder' or 'widget'), and as
// [x, y, width, height] the boxes of the element (`host`), of the button shown (the loader's
// placeholder or fallback, else the widget's button.sir-button) and of its label's text; and
// `after`, the box of #after-widgets. Runs after embed_prelude.js.
const box = thing => {
  const b = thing.getBoundingClientRect();
  return [b.x, b.y, b.width, b.height].map(v => Math.round(v * 100) / 100);
};
const textBox = element => {
  const range = document.createRange();
  range.selectNodeContents(element);
  return box(range);
};
const hosts = [...document.querySelectorAll('sir-donate')].map(host => {
  const r = inner(host);
  const widget = r && r.querySelector('button.sir-button');
  const button = widget || top(host, 'button, a')[0];
  const label = widget ? widget.querySelector('.sir-button__label') : button;
  return {
    id: host.id,
    state: widget ? 'widget' : 'placeholder',
    host: box(host),
    button: button ? box(button) : null,
    label: label ? textBox(label) : null,
  };
});
const after = document.getElementById('after-widgets');
return { hosts, after: after ? box(after) : null };
