/* "Listen": the page's main text read aloud by the browser's own speech synthesis.
   Only voices that run on the device (voice.localService) are used, so no page text is ever sent
   to a speech service; with no local voice for the page's language the button stays hidden.
   Each sentence is highlighted while it is read (CSS Custom Highlight API where there is one,
   else its paragraph). Reading stops when the reader leaves the page. */
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var box = document.querySelector(".guide-listen");
  if (!synth || !box || typeof window.SpeechSynthesisUtterance !== "function") return;

  var lang = (box.getAttribute("data-lang") || document.documentElement.lang || "en").toLowerCase();
  var play = box.querySelector(".guide-listen__play");
  var pause = box.querySelector(".guide-listen__pause");
  var stop = box.querySelector(".guide-listen__stop");
  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, figcaption, th, td";
  var SKIP = ".guide-listen, .headerlink, svg, nav, script, style, .md-source-file, .guide-print";
  var state = "idle"; // idle, speaking, paused
  var queue = [];
  var marked = null;

  function localVoice() {
    var base = lang.split("-")[0];
    var voices = synth.getVoices().filter(function (v) { return v.localService; });
    return voices.filter(function (v) { return v.lang.toLowerCase() === lang; })[0] ||
      voices.filter(function (v) { return v.lang.toLowerCase().split(/[-_]/)[0] === base; })[0] || null;
  }

  function sentences(text) {
    if (window.Intl && Intl.Segmenter) {
      var parts = [];
      var segments = new Intl.Segmenter(lang, { granularity: "sentence" }).segment(text);
      for (var s of segments) parts.push({ text: s.segment, at: s.index });
      return parts;
    }
    var found = [], re = /[^.!?。！？؟]+[.!?。！？؟]*\s*/g, m;
    while ((m = re.exec(text))) found.push({ text: m[0], at: m.index });
    return found;
  }

  // Every block of the article that holds its own text, once (a <p> inside an <li> is read with the <li>).
  function blocks() {
    var article = document.querySelector(".md-content article");
    if (!article) return [];
    return Array.prototype.filter.call(article.querySelectorAll(BLOCKS), function (el) {
      return !el.closest(SKIP) && !(el.parentElement && el.parentElement.closest(BLOCKS)) && el.textContent.trim();
    });
  }

  function readableText(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll(SKIP).forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function highlight(el, sentence) {
    unmark();
    if (window.CSS && CSS.highlights && window.Highlight) {
      var range = rangeFor(el, sentence);
      if (range) { CSS.highlights.set("guide-reading", new Highlight(range)); marked = "range"; return; }
    }
    el.classList.add("guide-reading");
    marked = el;
  }

  // The range of `sentence` inside the block's text nodes (found by its words, spaces ignored).
  function rangeFor(el, sentence) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), nodes = [], text = "", n;
    while ((n = walker.nextNode())) {
      if (n.parentElement.closest(SKIP)) continue;
      nodes.push({ node: n, start: text.length });
      text += n.data;
    }
    var wanted = sentence.trim();
    var at = text.indexOf(wanted);
    if (at < 0 || !wanted) return null;
    var range = document.createRange();
    var end = at + wanted.length;
    nodes.forEach(function (p) {
      var stop = p.start + p.node.data.length;
      if (at >= p.start && at <= stop) range.setStart(p.node, at - p.start);
      if (end >= p.start && end <= stop) range.setEnd(p.node, end - p.start);
    });
    return range;
  }

  function unmark() {
    if (marked === "range") CSS.highlights.delete("guide-reading");
    else if (marked) marked.classList.remove("guide-reading");
    marked = null;
  }

  function show(now) {
    state = now;
    play.hidden = now !== "idle";
    pause.hidden = now === "idle";
    stop.hidden = now === "idle";
    pause.textContent = now === "paused" ? pause.getAttribute("data-resume") : pause.getAttribute("data-pause");
  }

  function next() {
    var item = queue.shift();
    if (!item) { finish(); return; }
    var voice = localVoice();
    if (!voice) { finish(); return; } // never fall back to a voice that sends the text away
    var utterance = new SpeechSynthesisUtterance(item.text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onstart = function () { highlight(item.block, item.text); };
    utterance.onend = function () { if (state !== "idle") next(); };
    utterance.onerror = function () { finish(); };
    synth.speak(utterance);
  }

  function start() {
    if (!localVoice()) return;
    queue = [];
    blocks().forEach(function (block) {
      sentences(readableText(block)).forEach(function (s) {
        if (s.text.trim()) queue.push({ block: block, text: s.text.trim() });
      });
    });
    synth.cancel();
    show("speaking");
    next();
    pause.focus();
  }

  function finish() {
    var focused = box.contains(document.activeElement); // on Pause or Stop, which hide now
    queue = [];
    synth.cancel();
    unmark();
    show("idle");
    if (focused) play.focus();
  }

  function toggle() {
    if (state === "speaking") { synth.pause(); show("paused"); }
    else if (state === "paused") { synth.resume(); show("speaking"); }
  }

  function offer() {
    if (localVoice()) { box.hidden = false; } else { box.hidden = true; if (state !== "idle") finish(); }
  }

  play.addEventListener("click", start);
  pause.addEventListener("click", toggle);
  stop.addEventListener("click", finish);
  box.addEventListener("keydown", function (e) { if (e.key === "Escape" && state !== "idle") finish(); });
  window.addEventListener("pagehide", function () { synth.cancel(); });
  if (synth.addEventListener) synth.addEventListener("voiceschanged", offer);
  offer();
})();
