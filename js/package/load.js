// Loading the widget's WebAssembly: once per page, shared by mount() and <sir-donate> (internal;
// init() is exported by index.js).
import initWasm from "./sir_donate.js";

let loading; // the promise of the load under way or done; unset again if it failed
let loaded = false;

/** Loads the WebAssembly from `wasm`, or from the file next to this module. See index.d.ts. */
export function init(wasm) {
  loading ??= initWasm({
    // Written out as `new URL("…", import.meta.url)` for bundlers: Vite, webpack 5 and Parcel
    // recognise the pattern, copy the file into the build and rewrite the address.
    module_or_path: wasm ?? new URL("./sir_donate_bg.wasm", import.meta.url),
  }).then(
    () => {
      loaded = true;
    },
    error => {
      loading = undefined; // a later call tries again
      throw new Error(
        "sir-donate: could not load the widget's WebAssembly (" +
          (error?.message ?? error) +
          "). Serve sir_donate_bg.wasm from the package with your app and pass its URL to init(); " +
          "the package's README has recipes for bundlers.",
        { cause: error },
      );
    },
  );
  return loading;
}

/** Whether init() has finished loading. */
export const isLoaded = () => loaded;
