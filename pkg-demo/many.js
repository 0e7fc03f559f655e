// Fills #widgets of many.html (and many-intent.html) with ?n=N <sir-donate> buttons (default 10,
// at most 200): in cards (a grid, the default) or, with ?layout=flow, in one wrapping row.
// Nonprofits in rotation unless ?nonprofit= names one; ?label=, ?locale= and ?theme= are set on
// every button when given, ?key= replaces the publishable key (another of the sandbox's partners)
// and ?class= adds classes to their container. It runs before the text
// that follows the buttons is parsed, so that text is first painted where it stays.
(function () {
  var params = new URLSearchParams(location.search);
  var n = Math.max(1, Math.min(200, parseInt(params.get("n") || "10", 10) || 10));
  var slugs = params.get("nonprofit")
    ? [params.get("nonprofit")]
    : ["american-red-cross", "doctors-without-borders", "world-wildlife-fund", "khan-academy", "feeding-america"];
  var flow = params.get("layout") === "flow";
  var box = document.getElementById("widgets");
  box.className = (flow ? "slot " : "grid ") + (params.get("class") || "");
  for (var i = 0; i < n; i++) {
    var slug = slugs[i % slugs.length];
    var widget = document.createElement("sir-donate");
    widget.id = "w" + (i + 1);
    widget.setAttribute("publishable-key", params.get("key") || box.getAttribute("data-publishable-key"));
    widget.setAttribute("nonprofit", slug);
    widget.setAttribute("api-base", box.getAttribute("data-api-base"));
    widget.setAttribute("href", "https://www.every.org/" + slug + "#/donate");
    ["label", "locale", "theme"].forEach(function (name) {
      if (params.get(name)) widget.setAttribute(name, params.get(name));
    });
    if (flow) {
      box.appendChild(widget);
    } else {
      var card = document.createElement("div");
      card.className = "demo";
      var title = document.createElement("h2");
      title.textContent = slug.replace(/-/g, " ");
      var caption = document.createElement("p");
      caption.className = "caption";
      caption.textContent = "Button " + (i + 1) + " of " + n;
      card.append(title, widget, caption);
      box.appendChild(card);
    }
  }
  // In a row, something else follows the buttons on their line.
  if (flow) {
    var more = document.createElement("a");
    more.href = "index.html";
    more.textContent = "Other ways to give";
    box.appendChild(more);
  }
})();
