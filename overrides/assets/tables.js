/* A table wider than a phone screen scrolls sideways; give it keyboard focus so that it can be
   scrolled without a mouse (WCAG 2.1.1). Tables that fit are left out of the Tab order. */
(function () {
  "use strict";

  function update() {
    var tables = document.querySelectorAll(".md-typeset__table > table");
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      if (table.scrollWidth > table.clientWidth + 1) table.setAttribute("tabindex", "0");
      else table.removeAttribute("tabindex");
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(update);
  else document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("resize", update);
})();
