// On hostile.html: computed styles of the page's own elements (one `prop: value; …` string per
// selector), and how many style sheets, adopted sheets and <style> elements it has. No arguments.
const props = ['display', 'font-size', 'font-family', 'font-weight', 'color', 'background-color',
  'border-top-width', 'border-top-style', 'border-top-color', 'margin-top', 'padding-top', 'line-height',
  'overflow', 'visibility', 'text-decoration-line', 'position', 'z-index'];
const look = sel => {
  const e = document.querySelector(sel), s = getComputedStyle(e);
  return props.map(p => p + ': ' + s.getPropertyValue(p)).join('; ');
};
const out = {};
for (const sel of ['html', 'body', '.back', '.back a', 'h1', '.banner', '.sir-zone', 'body > p:last-of-type', 'code'])
  out[sel] = look(sel);
out.sheets = document.styleSheets.length;
out.adopted = document.adoptedStyleSheets.length;
out.styleElements = document.querySelectorAll('style').length;
return out;
