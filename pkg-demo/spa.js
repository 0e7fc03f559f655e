// The single-page-app demo: widgets come and go after the page has loaded, as a framework would
// add and remove them. The first one is made through the JS API (SirDonate.mount), the others
// with plain DOM calls; the loader handles both, and removing one frees everything it held.
(function () {
  var KEY = "pk_test_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";
  var NONPROFITS = ["doctors-without-borders", "world-wildlife-fund", "khan-academy", "feeding-america", "american-red-cross"];
  var slot = document.getElementById("slot");
  var count = document.getElementById("count");
  var apiBase = slot.getAttribute("data-api-base");
  var added = 0;

  function update() {
    count.textContent = String(slot.getElementsByTagName("sir-donate").length);
  }

  function add() {
    var slug = NONPROFITS[added++ % NONPROFITS.length];
    var widget = document.createElement("sir-donate");
    widget.setAttribute("publishable-key", KEY);
    widget.setAttribute("nonprofit", slug);
    widget.setAttribute("api-base", apiBase);
    widget.setAttribute("href", "https://www.every.org/" + slug + "#/donate");
    slot.appendChild(widget);
    update();
  }

  function removeLast() {
    var widgets = slot.getElementsByTagName("sir-donate");
    if (widgets.length) widgets[widgets.length - 1].remove();
    update();
  }

  document.getElementById("add").addEventListener("click", add);
  document.getElementById("remove").addEventListener("click", removeLast);
  update();

  // SirDonate exists as soon as the loader has defined <sir-donate>.
  customElements.whenDefined("sir-donate").then(function () {
    SirDonate.mount("#slot", {
      publishableKey: KEY,
      nonprofit: "american-red-cross",
      apiBase: apiBase,
      label: "Give to the Red Cross",
      href: "https://www.every.org/american-red-cross#/donate",
    });
    update();
  });
})();
