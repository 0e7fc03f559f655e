// On link.html: what became of the `a[data-sir-donate]` link: how many such links and
// `<sir-donate>` elements the page has, whether the element took the link's place in `.demo`,
// and its attributes. No arguments.
const e = document.querySelector('sir-donate');
return { links: document.querySelectorAll('a[data-sir-donate]').length,
         widgets: document.querySelectorAll('sir-donate').length,
         inDemo: e.parentElement.classList.contains('demo'), nonprofit: e.getAttribute('nonprofit'),
         key: e.getAttribute('publishable-key'), href: e.getAttribute('href'),
         apiBase: e.getAttribute('api-base') };
