/* newsledger web view: chart tooltips, keyboard and touch navigation between points, claimant
   toggles, PNG download. Vanilla JS, no dependencies. Text is only ever set through
   textContent, never innerHTML. */
(function () {
  "use strict";
  var fig = document.querySelector(".chart");
  if (!fig) return;
  var tip = document.getElementById("chart-tip");
  var svgs = Array.prototype.slice.call(fig.querySelectorAll("svg.chart-svg"));
  var lastPointer = "mouse";
  var armed = null;  // the point a first tap showed; a second tap on it opens it

  function line(label, value) {
    var div = document.createElement("div");
    var b = document.createElement("b");
    b.textContent = label + ": ";
    div.appendChild(b);
    div.appendChild(document.createTextNode(value || "—"));
    return div;
  }

  function visibleMarks(svg) {
    return Array.prototype.slice.call(svg.querySelectorAll("a.mark"))
      .filter(function (m) { return !m.classList.contains("off"); });
  }

  function show(mark) {
    svgs.forEach(function (svg) {
      Array.prototype.forEach.call(svg.querySelectorAll("a.mark"), function (m) {
        m.classList.toggle("active", m === mark);
      });
    });
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    var head = document.createElement("div");
    head.textContent = (mark.getAttribute("aria-label") || "").split(" — ")[0];
    tip.appendChild(head);
    tip.appendChild(line("Date", mark.getAttribute("data-day")));
    tip.appendChild(line("Claimant", mark.getAttribute("data-claimant")));
    tip.appendChild(line("Outlet", mark.getAttribute("data-outlet")));
    var flags = Array.prototype.slice.call(mark.classList)
      .filter(function (c) { return c.indexOf("flag-") === 0; })
      .map(function (c) { return c.slice(5).replace("_", " "); });
    if (flags.length) tip.appendChild(line("Flags", flags.join(", ")));
    var s = mark.getAttribute("data-sentence");
    if (s) { var q = document.createElement("q"); q.textContent = s; tip.appendChild(q); }
    if (lastPointer === "touch") {
      var more = document.createElement("div");
      more.className = "tip-more";
      more.textContent = "Tap the point again to open its sentence.";
      tip.appendChild(more);
    }
    tip.hidden = false;
    var box = mark.getBoundingClientRect(), outer = fig.getBoundingClientRect();
    var width = Math.min(420, outer.width);
    var left = box.left - outer.left + box.width / 2 + 12;
    if (left + width > outer.width) left = Math.max(0, outer.width - width);
    tip.style.left = left + "px";
    tip.style.top = (box.top - outer.top + box.height + 6) + "px";
  }

  function hide() {
    tip.hidden = true;
    svgs.forEach(function (svg) {
      Array.prototype.forEach.call(svg.querySelectorAll("a.mark.active"), function (m) {
        m.classList.remove("active");
      });
    });
  }

  svgs.forEach(function (svg) {
    Array.prototype.forEach.call(svg.querySelectorAll("a.mark"), function (m) {
      m.addEventListener("pointerdown", function (ev) { lastPointer = ev.pointerType || "mouse"; });
      m.addEventListener("mouseenter", function () { if (lastPointer !== "touch") show(m); });
      m.addEventListener("mouseleave", function () { if (lastPointer !== "touch") hide(); });
      m.addEventListener("focus", function () { show(m); });
      m.addEventListener("blur", function () { if (lastPointer !== "touch") hide(); });
      // A tap shows the point first; a second tap on the same point opens it.
      // (Focus, which a tap also gives, shows the point too, so "active" cannot tell.)
      m.addEventListener("click", function (ev) {
        if (lastPointer === "touch" && armed !== m) {
          ev.preventDefault();
          armed = m;
          show(m);
        }
      });
      m.addEventListener("keydown", function (ev) {
        var marks = visibleMarks(svg), i = marks.indexOf(m), j = null;
        if (ev.key === "ArrowRight" || ev.key === "ArrowDown") j = Math.min(marks.length - 1, i + 1);
        else if (ev.key === "ArrowLeft" || ev.key === "ArrowUp") j = Math.max(0, i - 1);
        else if (ev.key === "Home") j = 0;
        else if (ev.key === "End") j = marks.length - 1;
        else if (ev.key === "Escape") { hide(); return; }
        if (j !== null && marks[j]) { ev.preventDefault(); lastPointer = "keyboard"; marks[j].focus(); }
      });
    });
  });

  // Claimant toggles: hide or show one claimant's marks and line in both layouts.
  Array.prototype.forEach.call(fig.querySelectorAll("button.toggle[data-key]"), function (b) {
    b.addEventListener("click", function () {
      var on = b.getAttribute("aria-pressed") !== "true";
      b.setAttribute("aria-pressed", on ? "true" : "false");
      var key = b.getAttribute("data-key");
      svgs.forEach(function (svg) {
        Array.prototype.forEach.call(svg.querySelectorAll("[data-key]"), function (el) {
          if (el.getAttribute("data-key") === key) {
            el.classList.toggle("off", !on);
            if (el.tagName.toLowerCase() === "a") {
              if (on) el.removeAttribute("tabindex"); else el.setAttribute("tabindex", "-1");
            }
          }
        });
      });
      hide();
    });
  });

  // PNG download: the wide chart with its computed look inlined, drawn on a canvas.
  var STYLE_PROPS = ["fill", "stroke", "stroke-width", "stroke-dasharray", "opacity",
                     "font-size", "font-weight", "font-family", "display"];
  var png = fig.querySelector(".dl-png");
  var wide = document.getElementById("chart-wide");
  if (png && wide) {
    png.addEventListener("click", function () {
      var clone = wide.cloneNode(true);
      var src = wide.querySelectorAll("*"), dst = clone.querySelectorAll("*");
      for (var k = 0; k < src.length; k++) {
        // Presentation attributes, not a style attribute: the page's CSP forbids inline styles.
        var cs = window.getComputedStyle(src[k]);
        STYLE_PROPS.forEach(function (p) {
          var v = cs.getPropertyValue(p);
          if (p === "display" && v !== "none") return;
          if (v) dst[k].setAttribute(p, v);
        });
      }
      var vb = wide.viewBox.baseVal, scale = 2;
      clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
      clone.setAttribute("width", vb.width);
      clone.setAttribute("height", vb.height);
      var data = new XMLSerializer().serializeToString(clone);
      var img = new Image();
      img.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = vb.width * scale;
        canvas.height = vb.height * scale;
        var ctx = canvas.getContext("2d");
        ctx.fillStyle = "#fff";
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        var a = document.createElement("a");
        a.href = canvas.toDataURL("image/png");
        a.download = png.getAttribute("data-name") || "chart.png";
        document.body.appendChild(a);
        a.click();
        document.body.removeChild(a);
      };
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(data);
    });
  }
})();
