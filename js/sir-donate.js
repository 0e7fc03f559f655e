/* sir-donate: the script-tag loader.
 *
 * Defines <sir-donate>: it paints a placeholder at once (a button; for mode="inline", a box the
 * size of the inline form), loads the wasm widget (once per page, on the first sign of intent or
 * when the browser is idle) and mounts it in place of the placeholder. If the widget cannot
 * load, the placeholder becomes a plain link (`href`) or says why. Works as a classic script and
 * as a module script (so: no import.meta, no static import/export). No dependencies, no eval, no
 * innerHTML.
 *
 * The build replaces "__SIR_HASH__" (the content hash shared by the glue and the wasm next to this
 * script) and "__SIR_VERSION__", then minifies this file: names are shortened, and so are the
 * properties this loader keeps on elements, whose names end in "_" for that reason (esbuild
 * --mangle-props=_$). The minified file has a size budget (scripts/size-budget.sh): this source
 * is written to be read, the minifier makes it small.
 */
(() => {
  const TAG = "sir-donate";

  // Pages may forbid inline styles (CSP style-src 'self'): one constructable sheet, shared by
  // every shadow root. Page CSS inherits in, so the placeholder button resets what it inherits.
  // Our shadow root holds only the placeholder (button, inline box, or the fallback link) and the
  // widget's div.
  let sheet; // stays unset without constructable stylesheets (Safari before 16.4): unstyled placeholder
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      ":host(:not([hidden])){display:inline-block}" +
        ":host([mode=inline]:not([hidden])){display:block}" +
        // all:initial drops whatever the page's CSS passes down (letter-spacing, text-transform…).
        // The box of the widget's button (style/widget.css, .sir-button), so nothing moves when it
        // takes the placeholder's place (e2e/tests/layout_shift.rs): a 24px line between 12px
        // paddings, and on the left the 24px place of the nonprofit's logo (at 18px, 10px before
        // the label), with a heart where the widget has it until the logo arrives. The heart is
        // out of the flow (the button's baseline stays the label's, as in the widget) and hidden
        // from assistive technology (/""): the label names the button.
        "button,a{all:initial;display:inline-block;padding:12px 22px 12px 52px;" +
        "border-radius:var(--sir-radius,12px);background:var(--sir-accent,#0b6e4f);color:var(--sir-accent-text,#fff);" +
        "font:700 16px/24px var(--sir-font,system-ui);cursor:pointer}" +
        'button:before,a:before{content:"\\2665\\FE0E"/"";position:absolute;margin-left:-30px}' +
        ":focus-visible{outline:3px solid var(--sir-accent,#0b6e4f);outline-offset:2px}" +
        ":disabled{opacity:.6}" +
        // The inline box has the inline panel's size and frame (an <output>: a status, so the
        // reason it gives if the widget cannot load is announced). The widget's CSS
        // (style/widget.css, .sir-inline) uses the same values, so the form takes the box's place
        // without moving anything; a test compares the two.
        "output{display:block;max-width:30rem;min-height:var(--sir-inline-height,62rem);" +
        "border:1px solid var(--sir-border,#e3e7eb);border-radius:var(--sir-radius,12px)}" +
        // Narrow: chips wrap and the name fields stack, so the form is taller.
        "@media(max-width:420px){output{min-height:var(--sir-inline-height,76rem)}}",
    );
  } catch (error) {}

  // This script: document.currentScript for a classic script; a module script has none, so a
  // lookup by its address.
  const thisScript = document.currentScript || document.querySelector('script[src*="sir-donate"]');
  // Loading waits for intent when the page asks for it (data-load="intent"), and when the visitor
  // asked to save data: then only donors who reach for the button download the widget.
  const loadOnIntentOnly = thisScript?.dataset.load == "intent" || navigator.connection?.saveData;
  // The glue and the wasm sit next to this script, named after their content hash.
  const widgetFile = extension => new URL("sir-donate.__SIR_HASH__." + extension, thisScript.src).href;

  // A widget's API base as the widget derives it (its api-base, else the key's environment:
  // pk_live_ → production, any other → the sandbox), without a trailing slash. The widget checks
  // it (https, or http on loopback) and takes no answer from a base it refuses.
  const apiBase = (element, key) =>
    (element.getAttribute("api-base") || "https://" + (/^pk_live_/.test(key) ? "" : "dev") + "api.sirgiving.org").replace(
      /\/+$/,
      "",
    );
  const keyOf = element => element.getAttribute("publishable-key");

  // Early API requests, by URL and key: the configuration and the nonprofit each widget will
  // ask for, started with the glue and the wasm instead of after them (each waits for a CORS
  // preflight: on a slow network this saves two round trips). The widget takes the answer to
  // the very request it would send, and sends any other itself. Only a publishable key is ever
  // sent (a secret key pasted into the attribute never leaves the page; the widget refuses it),
  // and a publishable key is public: it is in the page.
  const earlyRequests = new Map();
  const requestEarly = element => {
    const key = keyOf(element);
    const base = apiBase(element, key);
    const nonprofit = element.getAttribute("nonprofit");
    for (const path of ["config", nonprofit && "organizations/" + nonprofit]) {
      const url = base + "/v1/partner/" + path;
      if (path && /^pk_/.test(key) && !earlyRequests.has(url + key)) {
        // With the widget's own time limit (15 s), where browsers have AbortSignal.timeout. The
        // widget gets the body of a success; of anything else, nothing (it asks again itself).
        const body = fetch(url, { headers: { "X-Partner-Key": key }, credentials: "omit", signal: AbortSignal.timeout?.(15e3) })
          .then(answer => answer.ok && answer.text())
          .catch(() => {});
        earlyRequests.set(url + key, body);
      }
    }
  };

  // The wasm widget, loaded once per page: startLoading() (intent, idle time, SirDonate.open)
  // starts everything it needs at once (the glue, the wasm, the early API requests), and every
  // element waits for the same promise. The wasm downloads beside the glue rather than after it;
  // the glue compiles it as it streams in.
  let startLoading;
  const widgetLoaded = new Promise(resolve => {
    startLoading = resolve;
  }).then(() => {
    const wasm = fetch(widgetFile("wasm"));
    wasm.catch(() => {}); // a failure reaches the glue's init, which is awaited below
    document.querySelectorAll(TAG).forEach(requestEarly);
    return import(widgetFile("js")).then(glue => glue.default({ module_or_path: wasm }).then(() => glue));
  });
  widgetLoaded.catch(error => console.error("sir-donate: could not load", error));

  const create = (tag, properties) => Object.assign(document.createElement(tag), properties);

  // One <link rel=preconnect> per API base (crossorigin: the widget's requests are CORS requests
  // without credentials, which use connections of their own).
  const preconnected = new Set();
  const preconnect = base => {
    if (!preconnected.has(base)) {
      preconnected.add(base);
      document.head.append(create("link", { rel: "preconnect", href: base, crossOrigin: "" }));
    }
  };

  // Sets attributes from an object, camelCase keys becoming kebab-case (publishableKey →
  // publishable-key); null and undefined values are left out.
  const setAttributes = (element, attributes) => {
    for (const name in attributes) {
      if (attributes[name] != null)
        element.setAttribute(name.replace(/[A-Z]/g, letter => "-" + letter.toLowerCase()), attributes[name]);
    }
    return element;
  };

  // What SirDonate.open and .mount accept: an element, or a selector (its first match).
  const findElement = target => (target.nodeType ? target : document.querySelector(target));

  // An inline widget shows its form in the page; any other shows a button that opens a dialog.
  const isInline = element => element.getAttribute("mode") == "inline";

  // State kept on each element (the minifier shortens these names):
  //   widget_           the mounted widget
  //   openWhenMounted_  open the widget as soon as it is mounted (clicked, or SirDonate.open, early)
  class SirDonateElement extends HTMLElement {
    connectedCallback() {
      const root = this.shadowRoot || this.attachShadow({ mode: "open" });
      const inline = isInline(this);
      const label = this.getAttribute("label") || "Donate";
      // A button, which the widget's own button replaces (with the label in the page's language);
      // for an inline widget, a box the size of the form, so nothing moves when the form arrives
      // (`label` names a button: the box has none). The button needs no type="button": in a
      // shadow root it belongs to no form, so it submits nothing.
      const placeholder = inline ? create("output") : create("button", { textContent: label });
      root.replaceChildren(placeholder);
      if (sheet) root.adoptedStyleSheets = [sheet];
      // The connection to the API is opened now, so the widget's first requests skip its setup.
      preconnect(apiBase(this, keyOf(this)));

      if (!loadOnIntentOnly) {
        if (window.requestIdleCallback) requestIdleCallback(startLoading);
        else setTimeout(startLoading, 1500);
      }

      widgetLoaded
        .then(glue => {
          // Disconnected, re-rendered or already mounted meanwhile: that render's job now.
          if (!placeholder.isConnected) return;
          const container = create("div");
          root.append(container);
          // The widget reads its options from our attributes, and takes its early answers.
          this.widget_ = glue.mount(container, this, earlyRequests);
          placeholder.remove();
          if (this.openWhenMounted_) {
            this.widget_.open();
            this.openWhenMounted_ = false;
          }
        })
        .catch(() => {
          // No dead button, no endless "loading": a link to `href` that looks like the button,
          // else the placeholder says why (a button is disabled too).
          const href = this.getAttribute("href");
          if (href) {
            placeholder.replaceWith(create("a", { href, textContent: label }));
          } else {
            placeholder.textContent = "Donations are unavailable right now.";
            placeholder.disabled = true; // a button's; an output has no such property to mind it
          }
        });
    }

    disconnectedCallback() {
      const widget = this.widget_;
      if (widget) {
        widget.unmount();
        widget.free();
      }
      this.widget_ = null;
      this.shadowRoot.replaceChildren();
    }
    // No attributeChangedCallback: once the widget is there it watches every attribute itself
    // (it knows its options, and mounts again when one changes); until then, nothing has read
    // them, and the placeholder keeps its look until the widget replaces it.
  }

  // The one global: SirDonate('open', target), SirDonate('mount', target, options),
  // SirDonate.open(target), SirDonate.mount(target, options) → the new element, SirDonate.version.
  const SirDonate = (command, ...args) => SirDonate[command](...args);
  // Opens the widget's dialog (an inline widget focuses its form), once mounted if need be.
  SirDonate.open = target => {
    const element = findElement(target);
    if (!element) return;
    if (element.widget_) {
      element.widget_.open();
    } else {
      element.openWhenMounted_ = true;
      startLoading();
    }
  };
  SirDonate.mount = (target, options) => findElement(target).appendChild(setAttributes(create(TAG), options));
  SirDonate.version = "__SIR_VERSION__";
  // The element class carries its global, for a second copy of this script to find (below). Not
  // renamed by the minifier: copies of different versions must agree on it.
  SirDonateElement.SirDonate = SirDonate;

  // Included twice (maybe two versions): the first copy keeps the element, its listeners and the
  // global; a later one only upgrades links and runs the queue, with the first copy's global (its
  // own would touch elements it does not manage).
  if (!customElements.get(TAG)) {
    customElements.define(TAG, SirDonateElement);
    // Intent (pointer, focus, touch, click) on any widget starts loading: one listener per event
    // on the document (events from inside a shadow root arrive retargeted to its <sir-donate>),
    // so a removed widget leaves no listener behind.
    for (const type of "pointerover focusin touchstart click".split(" ")) {
      document.addEventListener(
        type,
        event => {
          const element = event.target.closest?.(TAG);
          if (!element) return;
          // A click on the placeholder button (Enter and Space on it are clicks too) opens the
          // dialog once the widget is mounted; an inline form is in the page already.
          if (type == "click" && !element.widget_ && !isInline(element)) element.openWhenMounted_ = true;
          startLoading();
        },
        true,
      );
    }
  }
  const pageGlobal = customElements.get(TAG).SirDonate;
  const queue = window.SirDonate?.q || []; // calls the page's stub queued before this script ran
  window.SirDonate = pageGlobal;

  const onParsed = () => {
    // <a data-sir-donate data-nonprofit=… href=…> links become widgets (without JS they stay links).
    for (const link of document.querySelectorAll("a[data-sir-donate]")) {
      link.replaceWith(setAttributes(create(TAG), { ...link.dataset, href: link.href, id: link.id }));
    }
    for (const args of queue) pageGlobal(...args);
  };
  if (document.readyState == "loading") document.addEventListener("DOMContentLoaded", onParsed);
  else onParsed();
})();
