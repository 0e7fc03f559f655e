/* Instrumentation for the benchmark pages (bench.html, bench-intent.html), run by the benchmark
 * command (scripts/bench.sh, e2e/src/bin/bench.rs). Not part of the embed.
 *
 * Included as a blocking script right before the loader's <script async> tag. It
 *   1. fills #widgets with ?n=N <sir-donate> elements (default 1), nonprofits in rotation, in
 *      ?mode=M if given (inline);
 *   2. records what happens from then on in window.__bench, all times in milliseconds on this
 *      document's clock (performance.now(); add performance.timeOrigin to compare documents):
 *      - t0: the moment just before the loader's script tag;
 *      - frame watcher (requestAnimationFrame): the first frame in which every element shows its
 *        placeholder (or already the widget), every element holds the widget's button, and every
 *        widget button is ready (enabled, not busy); each as the frame's time and as the time
 *        just after that frame was rendered (a task posted from the frame callback);
 *      - the first intent event (pointerover, focusin, touchstart, click) on a <sir-donate>,
 *        the loader's define, WebAssembly instantiation (wrapped, not changed), sir-donate:ready
 *        and sir-donate:error events, clicks on the widget's Donate and submit buttons, the
 *        dialog's first rendered frame after a Donate click, the start of a navigation away;
 *      - long tasks (PerformanceObserver 'longtask', buffered).
 *   3. keeps a copy in sessionStorage ('sir-bench') when the page is left, so the benchmark can
 *      read what happened before the widget navigated to checkout.
 * It never delays or changes the widget: listeners are passive observers, the wrapped
 * WebAssembly functions call the originals.
 */
(() => {
  const now = () => performance.now();
  const params = new URLSearchParams(location.search);
  // n=0: the empty page that memory and main-thread figures are measured above (bench-empty.html).
  const n = Math.max(0, Math.min(1000, parseInt(params.get("n") ?? "1", 10) || 0));
  const slugs = ["american-red-cross", "doctors-without-borders", "world-wildlife-fund", "khan-academy", "feeding-america"];
  const B = (window.__bench = {
    n,
    marks: {},
    longtasks: [],
    ready: 0,
    errors: [],
    clicks: [],
    shifts: [],
  });
  const mark = (name, t = now()) => {
    if (!(name in B.marks)) B.marks[name] = t;
  };

  performance.setResourceTimingBufferSize(5000);
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {
    B.errors.push("no longtask observer: " + e);
  }
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) mark(e.name, e.startTime); // first-paint, first-contentful-paint
    }).observe({ type: "paint", buffered: true });
  } catch (e) {}
  // Layout shifts not caused by input, for the cumulative layout shift (CLS).
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) B.shifts.push({ start: e.startTime, value: e.value });
    }).observe({ type: "layout-shift", buffered: true });
  } catch (e) {
    B.errors.push("no layout-shift observer: " + e);
  }

  // The widgets.
  const box = document.getElementById("widgets");
  const apiBase = box.dataset.apiBase;
  const key = box.dataset.publishableKey;
  B.add = () => {
    for (let i = 0; i < n; i++) {
      const el = document.createElement("sir-donate");
      el.setAttribute("publishable-key", key);
      el.setAttribute("nonprofit", slugs[i % slugs.length]);
      el.setAttribute("api-base", apiBase);
      el.setAttribute("href", "https://www.every.org/" + slugs[i % slugs.length] + "#/donate");
      if (params.get("mode")) el.setAttribute("mode", params.get("mode"));
      box.append(el);
    }
  };
  B.remove = () => box.replaceChildren();
  B.add();

  // Nested shadow roots: the loader's (open) holds the placeholder button, then a div whose own
  // shadow root holds the widget's button.sir-button and its dialog.
  const inner = el => {
    const w = el.shadowRoot && el.shadowRoot.querySelector("div.sir-donate");
    return w && w.shadowRoot;
  };
  const hosts = () => document.querySelectorAll("sir-donate");
  const state = () => {
    let painted = 0, widget = 0, ready = 0;
    const all = hosts();
    for (const el of all) {
      const o = el.shadowRoot;
      if (o && [...o.children].some(c => c.matches("button, div"))) painted++;
      // A button's widget is ready when its button is enabled and not busy; an inline one when it
      // shows its form.
      const b = inner(el) && inner(el).querySelector("button.sir-button, form.sir-form");
      if (b) {
        widget++;
        if (b.matches("form") || (!b.disabled && b.getAttribute("aria-busy") === "false")) ready++;
      }
    }
    return { count: all.length, painted, widget, ready };
  };
  B.state = state;

  // After the frame whose callback runs now has been rendered: a task posted from the callback.
  const afterFrame = name => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => mark(name);
    ch.port2.postMessage(0);
  };

  // Watches every frame until all widgets are ready; `prefix` names the marks (a second mount
  // cycle uses its own). Started now and again by B.watch(prefix) after re-adding widgets.
  B.watch = prefix => {
    const frame = t => {
      const s = state();
      if (s.count && s.painted === s.count && !(prefix + "placeholders-frame" in B.marks)) {
        mark(prefix + "placeholders-frame", t);
        afterFrame(prefix + "placeholders-painted");
      }
      if (s.count && s.widget === s.count && !(prefix + "widgets-frame" in B.marks)) {
        mark(prefix + "widgets-frame", t);
        afterFrame(prefix + "widgets-painted");
      }
      if (s.count && s.ready === s.count) {
        mark(prefix + "ready-frame", t);
        afterFrame(prefix + "ready-painted");
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };

  customElements.whenDefined("sir-donate").then(() => mark("loader-defined"));

  // Compilation: the glue instantiates the module with one of these.
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    if (!original) continue;
    WebAssembly[name] = function (...args) {
      mark("wasm-instantiate-start");
      return original.apply(this, args).then(result => {
        mark("wasm-instantiated");
        return result;
      });
    };
  }

  // Intent, as the loader sees it (document capture listeners; these come first).
  for (const type of ["pointerover", "focusin", "touchstart", "click"])
    document.addEventListener(type, e => {
      if (!(e.target.closest && e.target.closest("sir-donate"))) return;
      mark("intent", e.timeStamp), mark("intent-" + type, e.timeStamp);
      // The first click on a widget, placeholder or button: from it, watch for the dialog and
      // its donation form (an early click opens the dialog once the widget is mounted).
      if (type === "click" && !("first-click" in B.marks)) mark("first-click", e.timeStamp), watchDialog();
    }, true);

  // Clicks on the widget's own buttons (composedPath reaches into the open shadow roots).
  addEventListener("click", e => {
    const path = e.composedPath();
    const is = css => path.some(x => x.matches && x.matches(css));
    const what = is("button.sir-submit") ? "submit" : is("button.sir-button") ? "donate" : null;
    if (!what) return;
    B.clicks.push({ what, t: e.timeStamp });
    mark(what + "-click", e.timeStamp);
  }, true);

  // The first rendered frames in which the dialog is open and visible, and in which it shows the
  // donation form (the nonprofit loaded, amounts and fields to fill).
  const shown = el => {
    const r = el && el.getBoundingClientRect();
    return r && r.width > 0 && r.height > 0 && (!el.checkVisibility || el.checkVisibility());
  };
  const watchDialog = () => {
    const frame = t => {
      for (const el of hosts()) {
        const d = inner(el) && inner(el).querySelector("dialog.sir-dialog[open]");
        if (shown(d) && !("dialog-frame" in B.marks)) {
          mark("dialog-frame", t);
          afterFrame("dialog-painted");
        }
        if (shown(d) && shown(d.querySelector("form.sir-form"))) {
          mark("form-frame", t);
          afterFrame("form-painted");
          return;
        }
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };

  document.addEventListener("sir-donate:ready", () => {
    B.ready++;
    mark("first-ready");
  });
  document.addEventListener("sir-donate:error", e => B.errors.push(JSON.stringify(e.detail)));
  document.addEventListener("sir-donate:link-created", () => mark("link-created"));

  // Leaving the page: the Navigation API's navigate event fires when a navigation starts;
  // beforeunload and pagehide as it proceeds. The copy in sessionStorage survives the trip.
  const save = () => {
    const keep = /\/sir-donate[^/]*\.(js|wasm)$|\/v1\/partner\//;
    const resources = performance
      .getEntriesByType("resource")
      .filter(e => keep.test(e.name.split(/[?#]/)[0]))
      .map(e => ({ name: e.name, start: e.startTime, end: e.responseEnd, type: e.initiatorType }));
    const { add, remove, state, watch, ...data } = B;
    try {
      sessionStorage.setItem("sir-bench", JSON.stringify({ ...data, timeOrigin: performance.timeOrigin, resources }));
    } catch (e) {}
  };
  if (window.navigation) navigation.addEventListener("navigate", () => mark("navigate"));
  addEventListener("beforeunload", () => (mark("beforeunload"), save()));
  addEventListener("pagehide", () => (mark("pagehide"), save()));

  if (n) B.watch("");
  mark("t0");
})();
