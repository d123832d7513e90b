/* newsledger web view: chart tooltips and keyboard navigation between points.
   Vanilla JS, no dependencies. Text is only ever set through textContent, never innerHTML. */
(function () {
  "use strict";
  var svg = document.querySelector(".chart-svg");
  if (!svg) return;
  var tip = document.getElementById("chart-tip");
  var fig = svg.closest(".chart");
  var marks = Array.prototype.slice.call(svg.querySelectorAll("a.mark"));

  function line(label, value) {
    var div = document.createElement("div");
    var b = document.createElement("b");
    b.textContent = label + ": ";
    div.appendChild(b);
    div.appendChild(document.createTextNode(value || "—"));
    return div;
  }

  function show(mark) {
    marks.forEach(function (m) { m.classList.toggle("active", m === mark); });
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    var title = mark.querySelector("title");
    var head = document.createElement("div");
    head.textContent = (title ? title.textContent.split(" — ")[0] : "");
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
    tip.hidden = false;
    var box = mark.getBoundingClientRect(), outer = fig.getBoundingClientRect();
    var left = box.left - outer.left + box.width / 2 + 12;
    if (left + 420 > outer.width) left = Math.max(0, box.left - outer.left - 420);
    tip.style.left = left + "px";
    tip.style.top = (box.top - outer.top + box.height + 6) + "px";
  }

  function hide() {
    tip.hidden = true;
    marks.forEach(function (m) { m.classList.remove("active"); });
  }

  marks.forEach(function (m, i) {
    m.addEventListener("mouseenter", function () { show(m); });
    m.addEventListener("mouseleave", hide);
    m.addEventListener("focus", function () { show(m); });
    m.addEventListener("blur", hide);
    m.addEventListener("keydown", function (ev) {
      var j = null;
      if (ev.key === "ArrowRight" || ev.key === "ArrowDown") j = Math.min(marks.length - 1, i + 1);
      else if (ev.key === "ArrowLeft" || ev.key === "ArrowUp") j = Math.max(0, i - 1);
      else if (ev.key === "Home") j = 0;
      else if (ev.key === "End") j = marks.length - 1;
      else if (ev.key === "Escape") { hide(); return; }
      if (j !== null) { ev.preventDefault(); marks[j].focus(); }
    });
  });
})();
