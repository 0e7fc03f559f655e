// For `execute_async`: calls back with `true` once the browser has been idle twice in a row. The
// loader's own idle callback, which a page with data-load="intent" must not register, would have
// run by then. No arguments besides the callback.
const done = arguments[arguments.length - 1];
requestIdleCallback(() => requestIdleCallback(() => done(true), { timeout: 5000 }), { timeout: 5000 });
