// Adds two elements shaped like the widget's hosts (`div.sir-donate` with an open shadow root
// holding a `button.sir-button`); the second stays empty until the test calls
// `window.fillSecondHost()`, which fills it in 300 ms later (so the test's "not there yet" holds
// however slow the machine, and its wait has something to wait for). A click on button i stores
// `i:isTrusted` in `document.body.dataset.clicked`. No arguments.
for (const i of [0, 1]) {
  const host = document.body.appendChild(document.createElement('div'));
  host.className = 'sir-donate';
  const root = host.attachShadow({ mode: 'open' });
  const fill = () => {
    const b = root.appendChild(document.createElement('button'));
    b.className = 'sir-button';
    b.textContent = 'Donate ' + i;
    b.addEventListener('click', e => { document.body.dataset.clicked = i + ':' + e.isTrusted; });
  };
  if (i === 0) fill(); else window.fillSecondHost = () => setTimeout(fill, 300);
}
