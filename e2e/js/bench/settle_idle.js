// For `execute_async`: calls back with `true` once the page has loaded and the browser has been
// idle twice since. No arguments besides the callback.
const done = arguments[arguments.length - 1];
const idle = f => requestIdleCallback(f, { timeout: 5000 });
const loaded = document.readyState === 'complete'
  ? Promise.resolve() : new Promise(r => addEventListener('load', r, { once: true }));
loaded.then(() => idle(() => idle(() => done(true))));
