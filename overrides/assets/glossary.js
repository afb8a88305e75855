/* Glossary toggletips: a marked term is a link to its glossary entry (works with no script);
   this turns it into a toggletip that opens on hover, on Enter and on tap (WCAG 2.2: 1.4.13,
   2.1.1, 4.1.2). Definitions come from the page's own "Words to know" list, as text only. */
(function () {
  "use strict";

  var open = null; // { term, tip, byHover }
  var closeTimer = null;
  var counter = 0;

  function definitionOf(term) {
    return document.getElementById("guide-def-" + term.getAttribute("data-guide-term"));
  }

  function definitionFor(term) {
    var dd = definitionOf(term);
    return dd ? dd.textContent : "";
  }

  function labels() {
    var block = document.querySelector(".guide-words");
    return { more: (block && block.getAttribute("data-more")) || "Read more in the glossary" };
  }

  function build(term) {
    var tip = document.createElement("span");
    var text = document.createElement("span");
    var more = document.createElement("a");
    var words = labels();
    tip.className = "guide-tip";
    tip.id = "guide-tip-" + (++counter);
    tip.setAttribute("role", "note");
    text.className = "guide-tip__text";
    text.textContent = definitionFor(term);
    if (definitionOf(term).lang) text.lang = definitionOf(term).lang; // an English fallback definition
    more.className = "guide-tip__more";
    more.href = term.getAttribute("href");
    more.textContent = words.more;
    tip.appendChild(text);
    tip.appendChild(more);
    tip.addEventListener("mouseenter", cancelClose);
    tip.addEventListener("mouseleave", scheduleClose);
    tip.addEventListener("focusout", onFocusOut);
    return tip;
  }

  function place(term, tip) {
    var parent = tip.offsetParent || document.body;
    var base = parent.getBoundingClientRect();
    var rect = term.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    tip.style.width = width + "px";
    tip.style.left = (left - base.left) + "px";
    tip.style.top = (rect.bottom - base.top + 6) + "px";
  }

  function show(term, byHover) {
    if (open && open.term === term) {
      open.byHover = open.byHover && byHover;
      return;
    }
    hide(false);
    var tip = build(term);
    term.insertAdjacentElement("afterend", tip);
    place(term, tip);
    term.setAttribute("aria-expanded", "true");
    term.setAttribute("aria-describedby", tip.id);
    open = { term: term, tip: tip, byHover: byHover };
  }

  function hide(returnFocus) {
    cancelClose();
    if (!open) return;
    var term = open.term;
    var tip = open.tip;
    open = null; // first, so that the focus moves below do not re-enter hide()
    if (returnFocus) term.focus();
    if (tip.parentNode) tip.parentNode.removeChild(tip);
    term.setAttribute("aria-expanded", "false");
    term.removeAttribute("aria-describedby");
  }

  function cancelClose() {
    if (closeTimer) clearTimeout(closeTimer);
    closeTimer = null;
  }

  function scheduleClose() {
    cancelClose();
    if (open && open.byHover) closeTimer = setTimeout(function () { hide(false); }, 300);
  }

  function onFocusOut(event) {
    if (!open) return;
    var next = event.relatedTarget;
    if (next && (next === open.term || open.tip.contains(next))) return;
    if (!open.byHover) hide(false);
  }

  function setUp(term) {
    if (term.hasAttribute("aria-expanded")) return;
    term.setAttribute("aria-expanded", "false");
    term.addEventListener("pointerenter", function (event) {
      if (event.pointerType === "mouse") { cancelClose(); show(term, true); }
    });
    term.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse") scheduleClose();
    });
    term.addEventListener("click", function (event) {
      // A mouse click on a definition already shown by hover follows the link to the glossary.
      if (open && open.term === term && open.byHover) return;
      event.preventDefault();
      if (open && open.term === term) hide(false);
      else show(term, false);
    });
    term.addEventListener("focusout", onFocusOut);
  }

  function init() {
    hide(false);
    var terms = document.querySelectorAll("a.guide-term[data-guide-term]");
    for (var i = 0; i < terms.length; i++) {
      if (definitionFor(terms[i])) setUp(terms[i]);
    }
  }

  // Capture phase: the theme's own Escape handling must not move focus away first.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) {
      var inside = open.tip.contains(document.activeElement);
      event.stopPropagation();
      hide(inside);
    }
  }, true);
  document.addEventListener("click", function (event) {
    if (open && !open.term.contains(event.target) && !open.tip.contains(event.target)) hide(false);
  });
  window.addEventListener("resize", function () { if (open) place(open.term, open.tip); });

  // Material's document$ emits on first load and after each instant-navigation page change.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
