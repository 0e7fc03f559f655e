// `status url` of every request of this document (the navigation included) that answered with
// an HTTP status of 400 or more. No arguments.
return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .filter(e => e.responseStatus >= 400).map(e => e.responseStatus + ' ' + e.name);
