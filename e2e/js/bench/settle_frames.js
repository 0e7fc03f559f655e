// For `execute_async`: calls back with `true` after two rendered frames and a short pause, time
// for unmounting to finish. No arguments besides the callback.
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(true), 300)));
