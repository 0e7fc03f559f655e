// The focused element, through shadow roots, as `tag#id.class` followed by ` in host.class` when
// it is inside a shadow root; '' when nothing is focused. No arguments. Runs after embed_prelude.js.
const a = deepActive();
if (!a) return '';
const host = a.getRootNode().host;
return a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') +
  (typeof a.className === 'string' && a.className ? '.' + a.className.trim().split(/\s+/).join('.') : '') +
  (host ? ' in ' + host.tagName.toLowerCase() + (host.className ? '.' + host.className : '') : '');
