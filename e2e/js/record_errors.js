// Installed at the start of every document (DevTools `Page.addScriptToEvaluateOnNewDocument`, so
// it runs before any page script and is not subject to the page's CSP); takes no arguments.
// Wraps `console.error` / `console.warn` and records uncaught errors, failed element loads and
// unhandled rejections in `window.__errors` / `window.__warnings`.
(() => {
  const errors = (window.__errors = []), warnings = (window.__warnings = []);
  const text = args => args.map(a => {
    if (a instanceof Error) return a.stack || String(a);
    if (typeof a === 'string') return a;
    try { return JSON.stringify(a); } catch (e) { return String(a); }
  }).join(' ');
  const error = console.error.bind(console), warn = console.warn.bind(console);
  console.error = (...a) => { errors.push('console.error: ' + text(a)); error(...a); };
  console.warn = (...a) => { warnings.push('console.warn: ' + text(a)); warn(...a); };
  addEventListener('error', e => {
    const t = e.target;
    errors.push(t && t !== window ? 'failed to load ' + (t.src || t.href || t.tagName) : 'uncaught: ' + e.message);
  }, true);
  addEventListener('unhandledrejection', e => errors.push('unhandled rejection: ' + text([e.reason])));
})();
