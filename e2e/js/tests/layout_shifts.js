// Async. Calls back with the page's layout shifts so far that no recent input caused (entries
// since the page loaded are buffered): `total`, their sum (the cumulative layout shift), and
// `shifts`, each with its value and what moved (the node, its box before and after), for
// failure messages.
const done = arguments[arguments.length - 1];
const shifts = [];
const rect = r => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
const describe = node => {
  if (!node) return 'a node no longer there';
  const element = node.nodeType === 1 ? node : node.parentElement;
  let host = element && element.getRootNode().host;
  while (host && host.localName !== 'sir-donate') host = host.getRootNode().host;
  const name = element ? element.localName + (element.className ? '.' + element.className : '') : '?';
  return (node.nodeType === 3 ? 'text in ' : '') + name + (host ? ' in ' + (host.id || host.localName) : '');
};
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    shifts.push({
      value: entry.value,
      at: Math.round(entry.startTime),
      sources: entry.sources.map(s => describe(s.node) + ': ' + rect(s.previousRect) + ' → ' + rect(s.currentRect)),
    });
  }
}).observe({ type: 'layout-shift', buffered: true });
setTimeout(() => done({ total: shifts.reduce((sum, s) => sum + s.value, 0), shifts }), 300);
