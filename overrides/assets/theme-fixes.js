/* Small accessibility fixes to the theme's own markup, done here because the theme's templates
   are not copied into this project. */
(function () {
  "use strict";

  // A table wider than a phone screen scrolls sideways: give it keyboard focus so that it can be
  // scrolled without a mouse (WCAG 2.1.1). Tables that fit stay out of the Tab order.
  function focusableTables() {
    var tables = document.querySelectorAll(".md-typeset__table > table");
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      if (table.scrollWidth > table.clientWidth + 1) table.setAttribute("tabindex", "0");
      else table.removeAttribute("tabindex");
    }
  }

  // The search panel is a dialog with no name (WCAG 4.1.2): name it after its search field.
  function nameDialogs() {
    var dialogs = document.querySelectorAll('[role="dialog"]:not([aria-label]):not([aria-labelledby])');
    for (var i = 0; i < dialogs.length; i++) {
      var field = dialogs[i].querySelector("input[aria-label]");
      if (field) dialogs[i].setAttribute("aria-label", field.getAttribute("aria-label"));
    }
  }

  function update() {
    focusableTables();
    nameDialogs();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(update);
  else document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("resize", focusableTables);
})();
