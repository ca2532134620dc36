// dateline: the zoomable date axis over the timeline list. No inline scripts (strict CSP):
// the events come from the server-rendered list (#events li[data-date]).
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function period(d) {             // "YYYY[-MM[-DD]]" -> [start, end) in ms (UTC)
    var p = (d || "").split("-").map(function (x) { return parseInt(x, 10); });
    if (!p.length || isNaN(p[0])) return null;
    if (p.length === 1) return [Date.UTC(p[0], 0, 1), Date.UTC(p[0] + 1, 0, 1)];
    if (p.length === 2) return [Date.UTC(p[0], p[1] - 1, 1), Date.UTC(p[0], p[1], 1)];
    return [Date.UTC(p[0], p[1] - 1, p[2]), Date.UTC(p[0], p[1] - 1, p[2] + 1)];
  }
  function el(name, attrs, parent) {
    var e = document.createElementNS(SVGNS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function fmt(t, unit) {
    var d = new Date(t);
    if (unit === "y") return String(d.getUTCFullYear());
    if (unit === "m") return MONTHS[d.getUTCMonth()] + (d.getUTCMonth() === 0 ? " " + d.getUTCFullYear() : "");
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()];
  }
  function label(t0, t1) {
    var a = new Date(t0), b = new Date(t1 - 1);
    function f(d) { return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear(); }
    return f(a) + " – " + f(b);
  }
  // tick plans, finest first: [unit, step, minimum span in ms for which the plan is too fine]
  var PLANS = [["d", 1, 16 * DAY], ["d", 7, 100 * DAY], ["m", 1, 400 * DAY], ["m", 3, 1100 * DAY],
               ["y", 1, 16 * 365 * DAY], ["y", 5, 70 * 365 * DAY], ["y", 10, 160 * 365 * DAY],
               ["y", 25, 400 * 365 * DAY], ["y", 50, 1e15]];
  function ticks(t0, t1) {
    var span = t1 - t0, plan = PLANS[PLANS.length - 1];
    for (var i = 0; i < PLANS.length; i++) if (span < PLANS[i][2]) { plan = PLANS[i]; break; }
    var unit = plan[0], step = plan[1], out = [], d = new Date(t0), t;
    if (unit === "y") {
      var y = Math.ceil(d.getUTCFullYear() / step) * step;
      for (; (t = Date.UTC(y, 0, 1)) <= t1; y += step) if (t >= t0) out.push(t);
    } else if (unit === "m") {
      var y2 = d.getUTCFullYear(), m = Math.ceil(d.getUTCMonth() / step) * step;
      for (; (t = Date.UTC(y2, m, 1)) <= t1; m += step) if (t >= t0) out.push(t);
    } else {
      var s = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      for (t = s; t <= t1; t += step * DAY) if (t >= t0) out.push(t);
    }
    return {unit: unit, list: out};
  }

  function init() {
    var axis = document.getElementById("axis");
    var list = document.getElementById("events");
    if (!axis || !list) return;
    var items = [];
    list.querySelectorAll("li[data-date]").forEach(function (li) {
      var p = period(li.getAttribute("data-date"));
      if (p) items.push({id: li.getAttribute("data-id"), p: p, bg: li.getAttribute("data-bg") === "1",
                         cls: li.className, date: li.getAttribute("data-date"),
                         text: li.getAttribute("data-summary") || ""});
    });
    var wf = period(axis.getAttribute("data-window-from")), wt = period(axis.getAttribute("data-window-to"));
    var story = wf && wt ? [wf[0], wt[1]] : null;
    if (!items.length) { axis.classList.add("empty"); return; }
    var lo = Math.min.apply(null, items.map(function (i) { return i.p[0]; }));
    var hi = Math.max.apply(null, items.map(function (i) { return i.p[1]; }));
    if (story) { lo = Math.min(lo, story[0]); hi = Math.max(hi, story[1]); }
    var pad = Math.max((hi - lo) * 0.03, 2 * DAY);
    var full = [lo - pad, hi + pad];
    var MIN_SPAN = 3 * DAY, FULL_SPAN = full[1] - full[0];
    var view = full.slice();
    var zoom = document.getElementById("zoom");
    var rangeLabel = document.getElementById("axis-range");

    function setView(c, span) {
      span = Math.max(MIN_SPAN, Math.min(span, FULL_SPAN * 1.2));
      view = [c - span / 2, c + span / 2];
      if (zoom) zoom.value = String(Math.round(100 * Math.log(FULL_SPAN / span) / Math.log(FULL_SPAN / MIN_SPAN)));
      draw();
    }
    function center() { return (view[0] + view[1]) / 2; }
    function focus() {   // zoom presets centre on the story when it is in view, else on the view
      if (story && story[1] > view[0] && story[0] < view[1]) return (story[0] + story[1]) / 2;
      return center();
    }

    function draw() {
      var W = Math.max(axis.clientWidth, 320), t0 = view[0], t1 = view[1];
      var X = function (t) { return (t - t0) / (t1 - t0) * W; };
      var lanes = [], LANE = 16, TOP = 8, MAXL = 10;
      var shown = items.filter(function (i) { return i.p[1] > t0 && i.p[0] < t1; });
      shown.forEach(function (i) {
        var x0 = X(i.p[0]), x1 = X(i.p[1]), w = x1 - x0;
        i.x0 = x0; i.w = w; i.cx = w < 10 ? (x0 + x1) / 2 : x0;
        var left = w < 10 ? i.cx - 6 : x0, right = w < 10 ? i.cx + 6 : x1;
        var l = 0;
        while (l < lanes.length && lanes[l] > left - 2) l++;
        if (l >= MAXL) l = MAXL - 1;
        lanes[l] = Math.max(lanes[l] || -1e9, right);
        i.lane = l;
      });
      var H = TOP + Math.max(lanes.length, 1) * LANE + 34;
      var axisY = H - 28;
      var svg = el("svg", {width: W, height: H, viewBox: "0 0 " + W + " " + H, "class": "axis-svg",
                           role: "img", "aria-label": "events on a date axis"});
      if (story && story[1] > t0 && story[0] < t1) {
        var sx = Math.max(X(story[0]), 0), ex = Math.min(X(story[1]), W);
        el("rect", {x: sx, y: 0, width: Math.max(ex - sx, 2), height: axisY, "class": "story-band"}, svg);
        var st = el("text", {x: Math.min(Math.max(sx + 4, 4), W - 80), y: axisY - 4, "class": "story-label"}, svg);
        st.textContent = "story";
      }
      var tk = ticks(t0, t1);
      tk.list.forEach(function (t) {
        var x = X(t);
        el("line", {x1: x, y1: 0, x2: x, y2: axisY + 5, "class": "tick"}, svg);
        var tx = el("text", {x: x + 3, y: axisY + 18, "class": "tick-label"}, svg);
        tx.textContent = fmt(t, tk.unit);
      });
      el("line", {x1: 0, y1: axisY, x2: W, y2: axisY, "class": "axis-line"}, svg);
      shown.forEach(function (i) {
        var y = TOP + i.lane * LANE + LANE / 2;
        var a = el("a", {href: "/events/" + i.id, "class": "mark" + (i.bg ? " bg" : "") +
                          (i.cls.indexOf("m-planned") >= 0 ? " planned" : "") +
                          (i.cls.indexOf("m-reported") >= 0 ? " reported" : ""),
                          "data-id": i.id}, svg);
        var shape = i.w < 10 ? el("circle", {cx: i.cx, cy: y, r: 5}, a)
                             : el("rect", {x: i.x0, y: y - 5, width: Math.max(i.w - 1, 2), height: 10, rx: 4}, a);
        var title = el("title", {}, shape);
        title.textContent = i.date + " — " + i.text;
      });
      axis.textContent = "";
      axis.appendChild(svg);
      if (rangeLabel) rangeLabel.textContent = label(Math.max(t0, full[0]), Math.min(t1, full[1])) +
        " · " + shown.length + " of " + items.length + " in view";
    }

    var SPANS = {decade: 3653 * DAY, year: 366 * DAY, month: 31 * DAY, week: 7 * DAY};
    document.querySelectorAll("[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var z = b.getAttribute("data-zoom");
        if (z === "all") { view = full.slice(); if (zoom) zoom.value = "0"; draw(); }
        else if (z === "story" && story) setView((story[0] + story[1]) / 2, (story[1] - story[0]) * 1.1 + 4 * DAY);
        else if (SPANS[z]) setView(focus(), SPANS[z]);
      });
    });
    document.querySelectorAll("[data-pan]").forEach(function (b) {
      b.addEventListener("click", function () {
        var d = (view[1] - view[0]) * 0.5 * parseInt(b.getAttribute("data-pan"), 10);
        view = [view[0] + d, view[1] + d]; draw();
      });
    });
    if (zoom) zoom.addEventListener("input", function () {
      var f = parseInt(zoom.value, 10) / 100;
      var span = FULL_SPAN * Math.pow(MIN_SPAN / FULL_SPAN, f);
      var c = center();
      view = [c - span / 2, c + span / 2]; draw();
    });
    // drag to pan
    var drag = null;
    axis.addEventListener("pointerdown", function (e) {
      if (e.target.closest && e.target.closest("a")) return;
      drag = {x: e.clientX, v: view.slice()}; axis.setPointerCapture(e.pointerId); axis.classList.add("dragging");
    });
    axis.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var dt = (e.clientX - drag.x) / axis.clientWidth * (drag.v[1] - drag.v[0]);
      view = [drag.v[0] - dt, drag.v[1] - dt]; draw();
    });
    function end() { drag = null; axis.classList.remove("dragging"); }
    axis.addEventListener("pointerup", end);
    axis.addEventListener("pointercancel", end);
    window.addEventListener("resize", draw);
    // open on the story, not on the span that history or one far-off date stretches:
    // "all" shows the rest
    if (story && FULL_SPAN > 2 * (story[1] - story[0]) + 8 * DAY)
      setView((story[0] + story[1]) / 2, (story[1] - story[0]) * 1.1 + 4 * DAY);
    else draw();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
