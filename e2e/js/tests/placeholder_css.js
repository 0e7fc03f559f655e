// The rules of the placeholder stylesheet that a <sir-donate> (arguments[0], a selector) adopted
// in its shadow root, as text, or null without one. Runs after embed_prelude.js.
const root = outer(arguments[0]);
const sheet = root && root.adoptedStyleSheets[0];
return sheet ? [...sheet.cssRules].map(rule => rule.cssText).join('\n') : null;
