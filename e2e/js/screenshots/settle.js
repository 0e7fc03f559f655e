// For `execute_async`: calls back with null once web fonts and every image, in the page and in
// the widgets' shadow roots (`.sir-donate`), have loaded or failed, or after 5 s at most. No
// arguments besides the callback.
const done = arguments[arguments.length - 1];
const roots = [document, ...[...document.querySelectorAll('.sir-donate')].map(h => h.shadowRoot).filter(Boolean)];
const images = roots.flatMap(r => [...r.querySelectorAll('img')]).filter(i => !i.complete)
  .map(i => new Promise(ok => { i.addEventListener('load', ok); i.addEventListener('error', ok); }));
const limit = new Promise(ok => setTimeout(ok, 5000));
Promise.race([Promise.all([document.fonts.ready, ...images]), limit]).then(() => done(null));
