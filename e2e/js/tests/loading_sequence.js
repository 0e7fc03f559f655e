// How the page loaded the widget: for each request of the embed and the API (resource timing),
// its path, start and response end on the page's clock; and the preconnect links in <head>.
// No arguments.
const requests = performance.getEntriesByType('resource')
  .filter(e => /\/sir-donate[^/]*\.(js|wasm)$|\/v1\/partner\//.test(e.name.split(/[?#]/)[0]))
  .map(e => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
const preconnects = [...document.head.querySelectorAll('link[rel=preconnect]')]
  .map(l => ({ href: l.href, crossOrigin: l.crossOrigin }));
return { requests, preconnects };
