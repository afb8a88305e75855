/* The offline copy is opened from the disk (file://), where browsers refuse web workers. This runs
   Material's search worker in a hidden frame instead. Material's own shim (iframe-worker) writes an
   inline script into its frame, which the guide's Content-Security-Policy refuses; this one only
   loads script files. Only the pages of the offline copy load it. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function load(frame, src) {
    return new Promise(function (resolve, reject) {
      var script = frame.document.createElement("script");
      script.src = new URL(src, document.baseURI).href;
      script.onload = resolve;
      script.onerror = reject;
      frame.document.body.appendChild(script);
    });
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      var self = this;
      this.iframe = document.createElement("iframe");
      this.iframe.hidden = true;
      this.iframe.title = "";
      document.body.appendChild(this.iframe);
      var frame = this.iframe.contentWindow;
      // What the worker script calls: its answers go to the page, its extra scripts load in order.
      frame.postMessage = function (data) {
        var event = new MessageEvent("message", { data: data });
        self.dispatchEvent(event);
        if (typeof self.onmessage === "function") self.onmessage(event);
      };
      frame.importScripts = function () {
        return Array.prototype.reduce.call(arguments, function (done, src) {
          return done.then(function () { return load(frame, src); });
        }, Promise.resolve());
      };
      this.ready = load(frame, url);
      this.ready.catch(function () {  // as a worker that cannot start: the page shows search as broken
        var event = new ErrorEvent("error", { message: "The search could not start." });
        self.dispatchEvent(event);
        if (typeof self.onerror === "function") self.onerror(event);
      });
    }
    postMessage(data) {
      var frame = this.iframe.contentWindow;
      this.ready.then(function () {
        frame.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }
    terminate() {
      this.iframe.remove();
    }
  }

  // Material's search worker looks for `IFrameWorker` to find its language files from the frame.
  window.IFrameWorker = FrameWorker;
  window.Worker = FrameWorker;
})();
