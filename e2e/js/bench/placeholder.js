// The loader's placeholder button of the page's first `<sir-donate>`, or undefined. No arguments.
const o = document.querySelector('sir-donate').shadowRoot;
return o && [...o.children].find(c => c.matches('button'));
