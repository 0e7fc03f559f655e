// Types for the script-tag loader, js/sir-donate.js: the `SirDonate` global it defines and the
// `<sir-donate>` element. The options are generated from src/ui/options.rs (a test checks them).

/** What `SirDonate.mount` accepts: the `<sir-donate>` attributes, in camelCase. */
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
  /** Where the button goes if the widget cannot load. */
  href?: string;
}

/** `SirDonate('open', target)` and `SirDonate('mount', target, options)`, or the methods below. */
export interface SirDonateGlobal {
  (command: "open", target: string | Element): void;
  (command: "mount", target: string | Element, options: SirDonateOptions): HTMLElement;
  /** Opens the widget's dialog (inline: focuses its form), loading the widget first if needed. */
  open(target: string | Element): void;
  /** Appends a new `<sir-donate>` with these options to `target`, and returns it. */
  mount(target: string | Element, options: SirDonateOptions): HTMLElement;
  /** The widget's version. */
  readonly version: string;
}

declare global {
  interface Window {
    SirDonate: SirDonateGlobal;
  }
  interface HTMLElementTagNameMap {
    "sir-donate": HTMLElement;
  }
}
