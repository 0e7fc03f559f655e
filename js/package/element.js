// <sir-donate> for apps that bundle the package: the element of the script-tag embed (the loader,
// js/sir-donate.js in the repository: the same placeholder and stylesheet, lazy loading, early
// click, fallback link), with the widget loaded by this package's init() instead of from a CDN.
// The widget reads the element's attributes itself, and watches them.
import { mount as mountWidget } from "./sir_donate.js";
import { init, isLoaded } from "./load.js";

const TAG = "sir-donate";

// The loader's placeholder stylesheet, character for character (an end-to-end test compares
// the two): a button with the place of the nonprofit's logo (a heart until the widget shows the
// logo), or for mode="inline" a box of the inline form's size.
const PLACEHOLDER_CSS =
  ":host(:not([hidden])){display:inline-block}" +
  ":host([mode=inline]:not([hidden])){display:block}" +
  "button,a{all:initial;display:inline-block;padding:12px 22px 12px 52px;" +
  "border-radius:var(--sir-radius,12px);background:var(--sir-accent,#0b6e4f);color:var(--sir-accent-text,#fff);" +
  "font:700 16px/24px var(--sir-font,system-ui);cursor:pointer}" +
  'button:before,a:before{content:"\\2665\\FE0E"/"";position:absolute;margin-left:-30px}' +
  ":focus-visible{outline:3px solid var(--sir-accent,#0b6e4f);outline-offset:2px}" +
  ":disabled{opacity:.6}" +
  "output{display:block;max-width:30rem;min-height:var(--sir-inline-height,62rem);" +
  "border:1px solid var(--sir-border,#e3e7eb);border-radius:var(--sir-radius,12px)}" +
  "@media(max-width:420px){output{min-height:var(--sir-inline-height,76rem)}}";

const create = (tag, properties) => Object.assign(document.createElement(tag), properties);
const isInline = element => element.getAttribute("mode") == "inline";

/** Defines <sir-donate> unless it is defined already. See index.d.ts. */
export function defineElement({ wasm, load = "idle" } = {}) {
  if (customElements.get(TAG)) return; // by the script tag's loader, or an earlier call

  let sheet; // unset without constructable stylesheets: an unstyled placeholder
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(PLACEHOLDER_CSS);
  } catch (error) {}

  // The widget, loaded once: startLoading() (idle time, intent) starts it, every element waits.
  let startLoading;
  const widgetLoaded = new Promise(resolve => {
    startLoading = resolve;
  }).then(() => init(wasm));
  widgetLoaded.catch(error => console.error(error));

  class SirDonateElement extends HTMLElement {
    #widget = null; // the mounted widget
    #openWhenMounted = false; // clicked (or opened) before the widget was there

    connectedCallback() {
      const root = this.shadowRoot || this.attachShadow({ mode: "open" });
      const label = this.getAttribute("label") || "Donate";
      // A button, which the widget's own replaces; inline, a box the size of the form, so that
      // nothing moves when the form arrives.
      const placeholder = isInline(this) ? create("output") : create("button", { textContent: label });
      root.replaceChildren(placeholder);
      if (sheet) root.adoptedStyleSheets = [sheet];

      if (isLoaded()) startLoading();
      else if (load != "intent") {
        if (window.requestIdleCallback) requestIdleCallback(startLoading);
        else setTimeout(startLoading, 1500);
      }

      widgetLoaded
        .then(() => {
          // Disconnected, re-rendered or already mounted meanwhile: that render's job now.
          if (!placeholder.isConnected) return;
          const container = create("div");
          root.append(container);
          this.#widget = mountWidget(container, this); // the widget reads our attributes
          placeholder.remove();
          if (this.#openWhenMounted) {
            this.#widget.open();
            this.#openWhenMounted = false;
          }
        })
        .catch(() => {
          // No dead button: a link to `href` that looks like the button, else a reason.
          const href = this.getAttribute("href");
          if (href) {
            placeholder.replaceWith(create("a", { href, textContent: label }));
          } else {
            placeholder.textContent = "Donations are unavailable right now.";
            placeholder.disabled = true;
          }
        });
    }

    disconnectedCallback() {
      if (this.#widget) {
        this.#widget.unmount();
        this.#widget.free();
        this.#widget = null;
      }
      this.shadowRoot.replaceChildren();
    }

    // Intent on an element starts loading; a click on a placeholder button opens the dialog
    // once the widget is mounted (an inline form is in the page already).
    static intent(element, type) {
      if (type == "click" && !element.#widget && !isInline(element)) element.#openWhenMounted = true;
      startLoading();
    }
  }

  customElements.define(TAG, SirDonateElement);
  // One listener per kind of intent, on the document (events from inside a shadow root arrive
  // retargeted to their <sir-donate>), so removed elements leave none behind.
  for (const type of ["pointerover", "focusin", "touchstart", "click"]) {
    document.addEventListener(
      type,
      event => {
        const element = event.target.closest?.(TAG);
        if (element instanceof SirDonateElement) SirDonateElement.intent(element, type);
      },
      true,
    );
  }
}
