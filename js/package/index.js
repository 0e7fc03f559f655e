// sir-donate: the donate button and form of the SIR Giving Partner API, as an ES module.
// Types and documentation: index.d.ts; a guide: README.md.
import { mount as mountWidget } from "./sir_donate.js";
import { isLoaded } from "./load.js";

export { init } from "./load.js";
export { defineElement } from "./element.js";

/** The package's version (filled in by the build). */
export const version = "__SIR_VERSION__";

/** Puts a widget in `container`, with the camelCase `options` of index.d.ts. */
export function mount(container, options) {
  if (!isLoaded()) throw new Error("sir-donate: call init() (await it) before mount()");
  if (container?.nodeType !== Node.ELEMENT_NODE) {
    throw new TypeError("sir-donate: mount(container, options) needs an element to mount into, got " + container);
  }
  if (options === null || typeof options !== "object" || options.nodeType) {
    throw new TypeError(
      "sir-donate: mount(container, options) needs an options object, like " +
        "{ publishableKey: 'pk_live_…', nonprofit: 'khan-academy' }, got " + options,
    );
  }
  // The widget reads the options object's camelCase keys once, and warns in the console about
  // keys that are not options.
  let widget = mountWidget(container, options);
  return {
    open() {
      widget?.open();
    },
    unmount() {
      if (!widget) return;
      widget.unmount();
      widget.free();
      widget = null;
    },
  };
}
