// The type test of the npm package (scripts/npm-app.sh --types, run by scripts/test.sh): tsc
// --strict with the es2022 and dom libraries and no skipLibCheck. What is right must compile;
// each line under `@ts-expect-error` must fail to, or tsc reports the directive as unused.
// Nothing here runs.
import {
  defineElement,
  init,
  mount,
  version,
  type SirDonateErrorDetail,
  type SirDonateOptions,
  type SirDonateStatus,
  type SirDonateWidget,
  type WasmSource,
} from 'sir-donate';
import wasm from 'sir-donate/sir_donate_bg.wasm';

const el = document.createElement('div');
const key = 'pk_test_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a';

// init: no argument, the bundler's URL, a URL, a fetch or bytes.
export async function loading(bytes: ArrayBuffer): Promise<void> {
  await init();
  await init(wasm);
  await init(new URL(wasm, import.meta.url));
  await init(fetch('/sir_donate_bg.wasm'));
  await init(bytes);
  const source: WasmSource = '/assets/sir_donate_bg.wasm';
  const done: Promise<void> = init(source);
  await done;
  // @ts-expect-error: not a place to load the wasm from
  await init(42);
}

// mount: every option, with its literal values.
const every: Required<SirDonateOptions> = {
  publishableKey: key,
  nonprofit: 'american-red-cross',
  mode: 'inline',
  amounts: '10,25,50',
  defaultAmount: '25',
  frequency: 'monthly,once',
  defaultFrequency: 'monthly',
  provider: 'stripe',
  checkout: 'popup',
  label: 'Give',
  locale: 'fr',
  theme: 'dark',
  referralCode: 'SPRING',
  apiBase: 'http://127.0.0.1:8787',
  allowedHosts: 'pay.example.org',
};
const widget: SirDonateWidget = mount(el, every);
widget.open();
widget.unmount();
mount(el, { publishableKey: key, nonprofit: 'khan-academy' });
mount(el, { publishableKey: key, nonprofit: 'khan-academy', checkout: 'new-tab', provider: 'every.org' });
mount(el, { publishableKey: key, nonprofit: 'khan-academy', mode: 'button', theme: 'auto', locale: 'es' });

// @ts-expect-error: options are an object
mount(el, 42);
// @ts-expect-error: no options
mount(el);
// @ts-expect-error: a container is an element
mount('#donate', { publishableKey: key, nonprofit: 'khan-academy' });
// @ts-expect-error: nonprofit is required
mount(el, { publishableKey: key });
// @ts-expect-error: options are camelCase: publishableKey
mount(el, { 'publishable-key': key, nonprofit: 'khan-academy' });
// @ts-expect-error: an option that does not exist
mount(el, { publishableKey: key, nonprofit: 'khan-academy', colour: 'green' });
// @ts-expect-error: checkout is 'redirect', 'new-tab' or 'popup'
mount(el, { publishableKey: key, nonprofit: 'khan-academy', checkout: 'iframe' });
// @ts-expect-error: mode is 'button' or 'inline'
mount(el, { publishableKey: key, nonprofit: 'khan-academy', mode: 'modal' });
// @ts-expect-error: locale is 'en', 'es' or 'fr'
mount(el, { publishableKey: key, nonprofit: 'khan-academy', locale: 'de' });
// @ts-expect-error: theme is 'light', 'dark' or 'auto'
mount(el, { publishableKey: key, nonprofit: 'khan-academy', theme: 'neon' });
// @ts-expect-error: provider is 'every.org' or 'stripe'
mount(el, { publishableKey: key, nonprofit: 'khan-academy', provider: 'paypal' });
// @ts-expect-error: defaultFrequency is 'once' or 'monthly'
mount(el, { publishableKey: key, nonprofit: 'khan-academy', defaultFrequency: 'weekly' });
// @ts-expect-error: amounts is text, like '25,50,100'
mount(el, { publishableKey: key, nonprofit: 'khan-academy', amounts: [25, 50, 100] });
// @ts-expect-error: the handle has open and unmount only
widget.close();

// defineElement: nothing to await, options optional.
defineElement();
defineElement({ wasm, load: 'intent' });
defineElement({ load: 'idle' });
// @ts-expect-error: load is 'idle' or 'intent'
defineElement({ load: 'eager' });
const sirDonate: HTMLElement = document.createElement('sir-donate');
const text: string = version;

// Events: typed on elements, the document and the window.
el.addEventListener('sir-donate:ready', event => {
  const nonprofit: string = event.detail.nonprofit;
  // @ts-expect-error: a ready event has no donation id
  event.detail.partnerDonationId;
  return nonprofit;
});
document.addEventListener('sir-donate:link-created', event => {
  const id: string = event.detail.partnerDonationId;
  const nonprofit: string = event.detail.nonprofit;
  // @ts-expect-error: a link-created event has no status
  event.detail.status;
  return [id, nonprofit];
});
window.addEventListener('sir-donate:status', event => {
  const status: SirDonateStatus = event.detail.status;
  // @ts-expect-error: statuses are upper case
  if (event.detail.status === 'rewarded') return;
  return [status, event.detail.partnerDonationId];
});
sirDonate.addEventListener('sir-donate:error', event => {
  const detail: SirDonateErrorDetail = event.detail;
  const code: string = detail.code;
  const fields: string[] = detail.fields ?? [];
  // @ts-expect-error: status is absent unless the API answered with an error status
  const status: number = detail.status;
  // @ts-expect-error: fields may be absent
  detail.fields.length;
  return [code, fields, status, detail.message];
});
document.addEventListener('sir-donate:open', event => event.detail.nonprofit);
document.addEventListener('sir-donate:close', event => event.detail.nonprofit);
// Other events keep their own types.
el.addEventListener('click', event => event.clientX);

export { sirDonate, text };
