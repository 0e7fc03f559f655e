// The first match of the CSS selector arguments[1] inside the open shadow root of the page's
// arguments[0]-th widget host (`.sir-donate`). `null` rather than an exception while the host
// or its shadow root do not exist yet, so that the waiting helper can poll through page start-up.
const host = document.querySelectorAll('.sir-donate')[arguments[0]];
return host && host.shadowRoot ? host.shadowRoot.querySelector(arguments[1]) : null;
