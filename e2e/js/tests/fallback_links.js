// On multiple.html: `[text, href]` of the link each of the four widgets (#w1 … #w4) fell back
// to, or false while any of them has not. No arguments. Runs after embed_prelude.js.
const links = ['#w1', '#w2', '#w3', '#w4'].map(h => top(h, 'a')[0]);
return links.every(Boolean) && links.map(a => [a.textContent, a.getAttribute('href')]);
