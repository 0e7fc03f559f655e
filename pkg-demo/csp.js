// Records every Content-Security-Policy violation on the page, for the tests and for the eye:
// window.__cspViolations holds "violatedDirective blockedURI" strings, #violations their count.
// Loaded (not async) before the widget so that nothing is missed.
(function () {
  var violations = (window.__cspViolations = []);
  function show() {
    var out = document.getElementById("violations");
    if (out) out.textContent = String(violations.length);
  }
  document.addEventListener("securitypolicyviolation", function (e) {
    violations.push(e.violatedDirective + " " + e.blockedURI);
    show();
  });
  document.addEventListener("DOMContentLoaded", show);
})();
