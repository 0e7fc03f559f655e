// The app a new user writes from the package README: init() with the wasm URL esbuild gives,
// mount() with camelCase options and a handle, defineElement() for <sir-donate>, and typed
// events. index.html loads it as app.js; the type test checks it too (tsconfig.json).
import { defineElement, init, mount, type SirDonateEventMap, type SirDonateOptions } from 'sir-donate';
import wasm from 'sir-donate/sir_donate_bg.wasm';

// esbuild's file loader gives the wasm's path relative to the bundle.
await init(new URL(wasm, import.meta.url));

const options: SirDonateOptions = {
  publishableKey: 'pk_test_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a',
  nonprofit: 'american-red-cross',
  checkout: 'redirect',
  locale: 'en',
  // The local sandbox's API, which the page carries; leave apiBase out in production.
  apiBase: document.body.dataset.apiBase,
};
const widget = mount(document.getElementById('donate')!, options);
document.getElementById('donate-now')!.addEventListener('click', () => widget.open());

defineElement();

// Every event of every widget on the page, listed and kept in sessionStorage, so that the
// events sent before a redirect to checkout are still there on return.
const log: { type: string; detail: unknown }[] = JSON.parse(sessionStorage.getItem('sir-donate-events') ?? '[]');
const list = document.getElementById('events')!;
const show = (entry: { type: string; detail: unknown }) => {
  list.append(Object.assign(document.createElement('li'), { textContent: `${entry.type} ${JSON.stringify(entry.detail)}` }));
};
log.forEach(show);
const types: (keyof SirDonateEventMap)[] = [
  'sir-donate:ready',
  'sir-donate:open',
  'sir-donate:close',
  'sir-donate:link-created',
  'sir-donate:status',
  'sir-donate:error',
];
for (const type of types) {
  document.addEventListener(type, event => {
    const entry = { type, detail: event.detail };
    log.push(entry);
    sessionStorage.setItem('sir-donate-events', JSON.stringify(log));
    show(entry);
  });
}
document.addEventListener('sir-donate:status', event => {
  if (event.detail.status === 'REWARDED') document.title = `Thank you (${event.detail.partnerDonationId})`;
});
