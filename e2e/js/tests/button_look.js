// The widget button of the `<sir-donate>` arguments[0] (a selector): its box, computed display,
// visibility, font size and colours, and `onTop`: whether a click in its middle lands on it,
// through the shadow roots. Runs after embed_prelude.js.
const b = inner(arguments[0]).querySelector('button.sir-button');
const r = b.getBoundingClientRect(), s = getComputedStyle(b);
const x = r.x + r.width / 2, y = r.y + r.height / 2;
let e = document.elementFromPoint(x, y);
while (e && e.shadowRoot) {
  const within = e.shadowRoot.elementFromPoint(x, y);
  if (!within || within === e) break;
  e = within;
}
const hit = e === b || b.contains(e);
return { width: r.width, height: r.height, top: r.top, display: s.display, visibility: s.visibility,
         fontSize: s.fontSize, color: s.color, background: s.backgroundColor, onTop: hit };
