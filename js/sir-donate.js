/* sir-donate: the script-tag loader.
 *
 * Defines <sir-donate>: it paints a placeholder button at once, loads the wasm widget (once per
 * page, on the first sign of intent or when the browser is idle) and mounts it in place of the
 * placeholder. If the widget cannot load, the placeholder becomes a plain link (`href`) or a
 * disabled button that says why. Works as a classic script and as a module script (so: no
 * import.meta, no static import/export). No dependencies, no eval, no innerHTML.
 *
 * The build replaces "__SIR_HASH__" (the content hash shared by the glue and the wasm next to this
 * script) and "__SIR_VERSION__", then minifies this file. Every byte counts here: keep it small.
 */
(() => {
  const D = document, CE = customElements, TAG = "sir-donate";

  // Pages may forbid inline styles (CSP style-src 'self'): one constructable sheet, shared by
  // every shadow root. Page CSS inherits in, so the placeholder resets what it inherits. Our
  // shadow root holds only the placeholder (button, or the fallback link) and the widget's div.
  let sheet; // stays unset without constructable stylesheets (Safari before 16.4): unstyled placeholder
  try {
    (sheet = new CSSStyleSheet()).replaceSync(
      ":host(:not([hidden])){display:inline-block}" +
      // all:initial drops whatever the page's CSS passes down (letter-spacing, text-transform…).
      // 24px line + 2 × 12px padding: the widget's 48px button.
      "button,a{all:initial;--a:var(--sir-accent,#0b6e4f);display:inline-block;padding:12px 22px;" +
      "border-radius:var(--sir-radius,12px);background:var(--a);color:var(--sir-accent-text,#fff);" +
      "font:700 16px/24px var(--sir-font,system-ui);cursor:pointer}" +
      ":focus-visible{outline:3px solid var(--a);outline-offset:2px}" +
      ":disabled{opacity:.6}",
    );
  } catch (e) {}

  // This script: currentScript for a classic script, a lookup for a module script.
  const me = D.currentScript || D.querySelector('script[src*="sir-donate"]');
  const intentOnly = me && me.dataset.load == "intent";
  const url = file => new URL(file, me.src).href;

  // The wasm widget, loaded once per page: `go()` (intent, idle, SirDonate('open')) starts it.
  let go;
  const hashed = ext => url("sir-donate.__SIR_HASH__." + ext);
  const ready = new Promise(resolve => (go = resolve))
    .then(() => import(hashed("js")))
    .then(glue => glue.default({ module_or_path: hashed("wasm") }).then(() => glue));
  ready.catch(e => console.error("sir-donate: could not load", e));

  const make = (tag, props) => Object.assign(D.createElement(tag), props);
  // Sets attributes from an object, camelCase keys becoming kebab-case (publishableKey → publishable-key).
  const setAttrs = (el, o) => {
    for (const k in o) if (o[k] != null) el.setAttribute(k.replace(/[A-Z]/g, c => "-" + c.toLowerCase()), o[k]);
    return el;
  };
  const find = t => (t.nodeType ? t : D.querySelector(t));

  // Intent (pointer, focus, touch, click) on any widget starts loading: one listener per event
  // on the document (events from inside a shadow root arrive retargeted to its <sir-donate>), so
  // a removed widget leaves no listener behind. A click before the widget is there opens it once
  // mounted (Enter/Space on the placeholder button is a click too).
  for (const type of "pointerover focusin touchstart click".split(" "))
    D.addEventListener(type, e => {
      const el = e.target.closest?.(TAG);
      if (el) {
        if (type == "click" && !el.w) el.o = 1;
        go();
      }
    }, true);

  // Element state: p = this connection's placeholder, w = the mounted widget, o = open when mounted.
  class SirDonateElement extends HTMLElement {
    connectedCallback() {
      const el = this, root = el.shadowRoot || el.attachShadow({ mode: "open" });
      // The widget's own button replaces this one with the label in the page's language.
      const p = (el.p = make("button", { type: "button", textContent: el.getAttribute("label") || "Donate" }));
      root.replaceChildren(p);
      if (sheet) root.adoptedStyleSheets = [sheet];
      intentOnly || (self.requestIdleCallback ? requestIdleCallback(go) : setTimeout(go, 1500));
      ready
        .then(glue => {
          if (!p.isConnected) return; // disconnected, re-rendered or already mounted meanwhile
          const c = make("div");
          root.append(c);
          el.w = glue.mount(c, el); // the widget reads its options from our attributes
          p.remove();
          if (el.o) el.w.open(), (el.o = 0);
        })
        .catch(() => {
          // No dead button: a link to `href` with the same look, else a disabled button saying why.
          const href = el.getAttribute("href");
          if (href) p.replaceWith(make("a", { href, textContent: p.textContent }));
          else (p.disabled = 1), (p.textContent = "Donations are unavailable right now.");
        });
    }

    disconnectedCallback() {
      const el = this, w = el.w;
      if (w) w.unmount(), w.free();
      el.w = el.p = 0;
      el.shadowRoot.replaceChildren();
    }

    // While connected, a change re-renders: placeholder now, widget re-mounted in a microtask
    // (once for a batch of changes).
    attributeChangedCallback() {
      if (this.p) this.disconnectedCallback(), this.connectedCallback();
    }
  }
  SirDonateElement.observedAttributes =
    "publishable-key nonprofit amounts default-amount frequency provider checkout label locale theme referral-code api-base allowed-hosts".split(" ");

  // The one global: SirDonate('open', target), SirDonate('mount', target, options),
  // SirDonate.open(target), SirDonate.mount(target, options) → the new element, SirDonate.version.
  const S = (SirDonateElement.S = (cmd, ...args) => S[cmd](...args));
  S.open = t => {
    const el = find(t);
    el && (el.w ? el.w.open() : ((el.o = 1), go()));
  };
  S.mount = (t, options) => find(t).appendChild(setAttrs(make(TAG), options));
  S.version = "__SIR_VERSION__";

  // Included twice: the first copy keeps the element and the global; this one only runs the queue.
  const real = (CE.get(TAG) || (CE.define(TAG, SirDonateElement), SirDonateElement)).S;
  const queue = (self.SirDonate || 0).q || []; // filled by the page's stub before we ran
  self.SirDonate = real;
  const onParsed = () => {
    // <a data-sir-donate data-nonprofit=… href=…> links become widgets (without JS they stay links).
    D.querySelectorAll("a[data-sir-donate]").forEach(a =>
      a.replaceWith(setAttrs(make(TAG), { ...a.dataset, href: a.href, id: a.id })),
    );
    queue.map(args => real(...args));
  };
  D.readyState == "loading" ? D.addEventListener("DOMContentLoaded", onParsed) : onParsed();
})();
