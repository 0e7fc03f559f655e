// Async. Calls back with the page's cumulative layout shift so far: the sum of its layout-shift
// entries that no recent input caused (entries since the page loaded are buffered).
const done = arguments[arguments.length - 1];
let total = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
}).observe({ type: 'layout-shift', buffered: true });
setTimeout(() => done(total), 300);
