// What the wrong calls the package README warns about do at run time, each of them a type error
// too (the type test checks this file, and that every @ts-expect-error below is needed), and
// defineElement() on a page whose script tag defined <sir-donate> already. checks.html loads it
// as checks.js, with the wasm copied beside it: init() finds it there by itself.
import { defineElement, init, mount } from 'sir-donate';

const say = (id: string, text: string) => {
  document.getElementById(id)!.textContent = text;
};
const apiBase = document.body.dataset.apiBase;
const key = 'pk_test_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a';

// Too early: the WebAssembly is not loaded yet.
try {
  mount(document.getElementById('kebab')!, { publishableKey: key, nonprofit: 'khan-academy' });
  say('before-init', 'mounted');
} catch (error) {
  say('before-init', String(error));
}

await init();

try {
  // @ts-expect-error: options are an object
  mount(document.getElementById('kebab')!, 42);
  say('not-options', 'mounted');
} catch (error) {
  say('not-options', String(error));
}

// The attributes' names as keys: a type error, and at run time one console warning per key.
mount(document.getElementById('kebab')!, {
  // @ts-expect-error: options are camelCase (publishableKey)
  'publishable-key': key,
  nonprofit: 'khan-academy',
  'api-base': apiBase,
});

// The loader's element class carries its global (SirDonate): it must still be the one defined.
try {
  defineElement();
  const loaders = 'SirDonate' in (customElements.get('sir-donate') ?? {});
  say('define-element', loaders ? "returned, and <sir-donate> is still the loader's" : 'replaced the element');
} catch (error) {
  say('define-element', String(error));
}
