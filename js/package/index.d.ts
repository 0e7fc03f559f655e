// Types of the sir-donate npm package: the donate button and form of the SIR Giving Partner API.
// Written for TypeScript's `strict` mode with the `es2022` and `dom` libraries; they need no
// `skipLibCheck`. The options are generated from the widget's option table (a test checks them).

/**
 * Where the widget's WebAssembly comes from: its URL (a string, a `URL` or a `Request`), a
 * `fetch` response, or its bytes; or a promise of one of these.
 */
export type WasmSource = string | URL | Request | Response | BufferSource;

/**
 * Loads the widget's WebAssembly (`sir_donate_bg.wasm`, about 190 KB, 70 KB brotli). Await it
 * once before {@link mount}; calling it again returns the same promise, so every part of an app
 * may call it. If loading fails, the promise rejects and a later call tries again.
 *
 * @param wasm Where the `.wasm` file is. Without it, the file next to this module
 * (`new URL('./sir_donate_bg.wasm', import.meta.url)`), which Vite, webpack 5 and Parcel copy
 * into your build for you. With esbuild, import the file's URL and pass it:
 * `import wasm from 'sir-donate/sir_donate_bg.wasm'` with `--loader:.wasm=file`.
 *
 * @example
 * import { init, mount } from 'sir-donate';
 * await init();
 * mount(document.getElementById('donate')!, { publishableKey: 'pk_live_…', nonprofit: 'khan-academy' });
 */
export function init(wasm?: WasmSource | Promise<WasmSource>): Promise<void>;

/**
 * The options of a widget: the `<sir-donate>` attributes, in camelCase (the same keys as
 * `SirDonate.mount` of the script tag). A key that is not an option, and a value the widget
 * cannot read, are ignored with a warning in the console: a typo never takes the button down.
 */
export interface SirDonateOptions {
  // options: generated from src/ui/options.rs
  /** Your publishable key: `pk_test_…` (sandbox) or `pk_live_…` (production). Secret keys are refused before any request, with a message for the site developer in place of the widget. Default: (required). */
  publishableKey: string;
  /** The nonprofit's slug, like `american-red-cross`. Default: (required). */
  nonprofit: string;
  /** `button`: a donate button that opens the form in a dialog; `inline`: the form itself, in place in the page. Default: button. */
  mode?: 'button' | 'inline';
  /** Preset amounts offered as chips (attribute: dollars, like `25,50,100`; Rust: `Cents`). Default: 25, 50, 100, 250. */
  amounts?: string;
  /** The preset selected at first. Default: 50, or the middle preset. */
  defaultAmount?: string;
  /** The frequencies offered; unless `default-frequency` says otherwise, the first is selected. Default: once, monthly. */
  frequency?: string;
  /** The frequency selected at first. Default: the first offered. */
  defaultFrequency?: 'once' | 'monthly';
  /** The payment provider; with Stripe the tip is also sent as `tipAmount`. Default: every.org. */
  provider?: 'every.org' | 'stripe';
  /** How checkout opens. A new tab or popup opens inside the click (popup blockers allow it) and the widget follows the status meanwhile; a blocked window falls back to redirect. Default: redirect. */
  checkout?: 'redirect' | 'new-tab' | 'popup';
  /** The button's text. Default: Donate (translated). */
  label?: string;
  /** The language of every string. Default: the browser's language, else English. */
  locale?: 'en' | 'es' | 'fr';
  /** The colour scheme; `auto` follows the donor's `prefers-color-scheme`. Default: auto. */
  theme?: 'light' | 'dark' | 'auto';
  /** An attribution code sent with each donation. Default: none. */
  referralCode?: string;
  /** Where API calls go instead of the key's own host: the local sandbox or your proxy (`https:`, or `http:` on loopback). Default: the key's own host. */
  apiBase?: string;
  /** Extra checkout hosts to allow besides every.org, Stripe checkout and sirgiving.org. Default: none. */
  allowedHosts?: string;
  // end of options
}

/** A widget that {@link mount} put in the page. */
export interface SirDonateWidget {
  /**
   * Opens the donation dialog (an inline form: moves focus into it), now or as soon as the
   * widget has loaded its configuration.
   */
  open(): void;
  /**
   * Removes the widget and frees what it holds (listeners, timers, memory). Call it when your
   * component goes away; calling it again does nothing.
   */
  unmount(): void;
}

/**
 * Puts a widget in `container` (appended to what it holds): a donate button that opens the form
 * in a dialog, or with `mode: 'inline'` the form itself. It reads `options` once; to change
 * them, unmount it and mount another.
 *
 * @throws Error `sir-donate: call init() (await it) before mount()` when the WebAssembly is not
 * loaded yet, and a `TypeError` when `container` is not an element or `options` not an object.
 *
 * @example
 * const widget = mount(document.querySelector<HTMLElement>('#donate')!, {
 *   publishableKey: 'pk_live_…',
 *   nonprofit: 'american-red-cross',
 *   checkout: 'new-tab',
 * });
 * widget.open();
 */
export function mount(container: HTMLElement, options: SirDonateOptions): SirDonateWidget;

/** How {@link defineElement} loads the widget. */
export interface DefineElementOptions {
  /** Where the WebAssembly is, as for {@link init}. Ignored when `init()` was called already. */
  wasm?: WasmSource | Promise<WasmSource>;
  /**
   * When the widget loads: `'idle'` (the default) when the browser is idle or at the first sign
   * of intent (hover, focus, touch or click on a `<sir-donate>`), `'intent'` only at that sign.
   * Once `init()` has loaded it, elements mount at once.
   */
  load?: 'idle' | 'intent';
}

/**
 * Defines the `<sir-donate>` element, with the attributes and behaviour of the script-tag embed:
 * each element paints a placeholder at once (a button, or for `mode="inline"` a box of the
 * form's size), the widget loads once for the page and replaces it, a click made meanwhile
 * opens the dialog once loaded, changed attributes update the widget, and if the widget cannot
 * load the placeholder becomes a link to the element's `href` (or says why).
 *
 * Call it once, before or after the elements are in the page; it returns at once, with nothing
 * to await. If `<sir-donate>` is defined already (by the script tag's loader or an earlier
 * call), it does nothing.
 *
 * @example
 * import { defineElement } from 'sir-donate';
 * defineElement();
 * // <sir-donate publishable-key="pk_live_…" nonprofit="khan-academy"></sir-donate>
 */
export function defineElement(options?: DefineElementOptions): void;

/** The package's version, like `"0.1.0"`. */
export const version: string;

/** The `detail` every widget event carries. */
export interface SirDonateDetail {
  /** The widget's nonprofit slug, as given in its options. */
  nonprofit: string;
}

/** `sir-donate:link-created`: a checkout link was created (one per submission). */
export interface SirDonateLinkCreatedDetail extends SirDonateDetail {
  /** The donation's id: 1 to 128 URL-unreserved characters. */
  partnerDonationId: string;
}

/** A donation's status, or `UNKNOWN` for a word the widget does not know. */
export type SirDonateStatus = 'PENDING' | 'COMPLETED' | 'REWARDED' | 'FAILED' | 'CANCELLED' | 'EXPIRED' | 'UNKNOWN';

/** `sir-donate:status`: a donation's status was read (back from checkout, or while it is open elsewhere). */
export interface SirDonateStatusDetail extends SirDonateDetail {
  /** The donation's id. */
  partnerDonationId: string;
  /** Its status. */
  status: SirDonateStatus;
}

/**
 * What failed: an API failure, a configuration the widget refused before any request
 * (`invalid_…`), or a partner that takes no donations. Other strings may come in later versions.
 */
export type SirDonateErrorCode =
  | 'invalid_key'
  | 'invalid_nonprofit'
  | 'invalid_api_base'
  | 'invalid_allowed_hosts'
  | 'donations_off'
  | 'unauthorized'
  | 'environment_mismatch'
  | 'partner_inactive'
  | 'feature_disabled'
  | 'secret_key_in_browser'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'server_error'
  | 'network'
  | 'timeout'
  | 'invalid_response'
  | 'checkout_link_refused'
  | 'unexpected_status'
  | (string & {});

/** `sir-donate:error`: something failed. Never carries what the donor typed, nor the server's words. */
export interface SirDonateErrorDetail extends SirDonateDetail {
  /** What failed. */
  code: SirDonateErrorCode;
  /** The HTTP status, when the API answered with an error status. */
  status?: number;
  /** The request fields the API refused, by their JSON names (`["firstName", "donorEmail"]`). */
  fields?: string[];
  /** A fixed sentence for developers. */
  message: string;
}

/**
 * The widget's events: `CustomEvent`s that bubble (and cross shadow roots) from the widget to
 * its container, the document and the window. With this package's types,
 * `addEventListener('sir-donate:link-created', e => e.detail.partnerDonationId)` is typed on
 * every element, the document and the window.
 */
export interface SirDonateEventMap {
  /** The configuration and the nonprofit are loaded: the button works. */
  'sir-donate:ready': CustomEvent<SirDonateDetail>;
  /** The dialog opened (an inline form sends none). */
  'sir-donate:open': CustomEvent<SirDonateDetail>;
  /** The dialog closed (an inline form sends none). */
  'sir-donate:close': CustomEvent<SirDonateDetail>;
  /** A checkout link was created. */
  'sir-donate:link-created': CustomEvent<SirDonateLinkCreatedDetail>;
  /** A donation's status was read. */
  'sir-donate:status': CustomEvent<SirDonateStatusDetail>;
  /** Something failed. */
  'sir-donate:error': CustomEvent<SirDonateErrorDetail>;
}

declare global {
  interface ElementEventMap extends SirDonateEventMap {}
  interface DocumentEventMap extends SirDonateEventMap {}
  interface WindowEventMap extends SirDonateEventMap {}
  interface HTMLElementTagNameMap {
    'sir-donate': HTMLElement;
  }
}
