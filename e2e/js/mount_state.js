// Where the `<sir-donate>` arguments[0] (a selector) is in loading: 'mounted' (its widget button
// is enabled, or its inline form is shown), 'loading', or 'failed: …' with why (the loader's
// fallback, or the widget's error note once it is no longer busy). Runs after embed_prelude.js.
const h = hostOf(arguments[0]);
const fallback = top(h, 'button:disabled, a')[0];
if (fallback) return 'failed: the loader fell back to ' + fallback.outerHTML;
const r = inner(h), b = r && r.querySelector('button.sir-button');
if (b && !b.disabled) return 'mounted';
if (r && r.querySelector('.sir-inline form.sir-form')) return 'mounted';
const note = r && r.querySelector('.sir-note, .sir-config-error');
if (note && (!b || b.getAttribute('aria-busy') === 'false'))
  return 'failed: the widget says ' + JSON.stringify(note.textContent);
return 'loading';
