/* argmap's map explorer: pan and zoom (by the vendored Panzoom), fit, keyboard, search
   and focus, over a Graphviz SVG drawn by argmap. window.argmapExplore(root) sets up one
   explorer on an element holding .am-viewport > svg and, optionally, a
   JSON data element (script.am-data) with the map's statements and steps. */
(function () {
  "use strict";
  if (window.argmapExplore) { return; }
  var SVG_PT = 4 / 3; // CSS px per pt: Graphviz gives the drawing's size in points
  var MAX_OPEN_SCALE = 1; // a small map opens at its natural size, never magnified

  function button(bar, label, title, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = title;
    b.setAttribute("aria-label", title);
    b.addEventListener("click", onClick);
    bar.appendChild(b);
    return b;
  }

  function naturalSize(svg) {
    var w = svg.width.baseVal, h = svg.height.baseVal;
    function px(len) {
      if (len.unitType === SVGLength.SVG_LENGTHTYPE_PT) { return len.valueInSpecifiedUnits * SVG_PT; }
      return len.value;
    }
    var vb = svg.viewBox && svg.viewBox.baseVal;
    var width = px(w) || (vb ? vb.width : 0) || 1;
    var height = px(h) || (vb ? vb.height : 0) || 1;
    return {width: width, height: height};
  }

  function readData(root) {
    var el = root.querySelector("script.am-data");
    if (!el) { return null; }
    try { return JSON.parse(el.textContent); } catch (err) { return null; }
  }

  // The map as a directed graph of statements and steps: premise -> step -> target
  // (a statement, or for an undercut the step it undercuts).
  function buildGraph(data) {
    var up = new Map(), down = new Map(), text = new Map(), steps = new Map();
    function edge(a, b) {
      if (!up.has(a)) { up.set(a, []); }
      if (!down.has(b)) { down.set(b, []); }
      up.get(a).push(b);
      down.get(b).push(a);
    }
    data.statements.forEach(function (s) { text.set(s[0], s[1]); });
    data.steps.forEach(function (st) {
      var id = st[0], premises = st[1], target = st[2];
      steps.set(id, {premises: premises, target: target});
      premises.forEach(function (p) { edge(p, id); });
      edge(id, target);
    });
    return {up: up, down: down, text: text, steps: steps};
  }

  function closure(start, next) {
    var seen = new Set([start]), stack = [start];
    while (stack.length) {
      (next.get(stack.pop()) || []).forEach(function (n) {
        if (!seen.has(n)) { seen.add(n); stack.push(n); }
      });
    }
    seen.delete(start);
    return seen;
  }

  window.argmapExplore = function (root, options) {
    options = options || {};
    if (root.getAttribute("data-am-ready")) { return root.argmapExplorer; }
    root.setAttribute("data-am-ready", "1");
    var viewport = root.querySelector(".am-viewport");
    var svg = viewport.querySelector("svg");
    var keyTarget = options.keys || viewport;
    root.classList.add("am-js");
    svg.removeAttribute("style");
    var size = naturalSize(svg);
    svg.style.width = size.width + "px";
    svg.style.height = size.height + "px";
    var data = readData(root);
    var graph = data ? buildGraph(data) : null;
    // Statement nodes by statement id (a junction's id has the same form: the data tells).
    var nodes = new Map();
    viewport.querySelectorAll("g.node").forEach(function (g) {
      var id = g.getAttribute("id") || "";
      if (id.indexOf("am:") === 0 && id.indexOf(":", 3) < 0) {
        id = id.slice(3);
        if (!graph || graph.text.has(id)) { nodes.set(id, g); }
      }
    });

    // ---------------------------------------------------------------- toolbar
    var bar = document.createElement("div");
    bar.className = "am-toolbar";
    var search = null, found = null, far = null, status = null;
    if (graph && options.search !== false) {
      search = document.createElement("input");
      search.type = "search";
      search.className = "am-search";
      search.placeholder = "Find a statement";
      search.setAttribute("aria-label", "Find a statement");
      bar.appendChild(search);
      found = document.createElement("span");
      found.className = "am-found";
      bar.appendChild(found);
      far = document.createElement("select");
      far.className = "am-far-select";
      far.title = "Collapse what is far from the selected statement";
      far.setAttribute("aria-label", far.title);
      [["", "Show all"], ["1", "Within 1 step"], ["2", "Within 2 steps"], ["3", "Within 3 steps"]]
        .forEach(function (o) {
          var opt = document.createElement("option");
          opt.value = o[0];
          opt.textContent = o[1];
          far.appendChild(opt);
        });
      bar.appendChild(far);
    }
    var zoomOut = button(bar, "\u2212", "Zoom out (-)", function () { zoomBy(1 / 1.25); });
    var zoomIn = button(bar, "+", "Zoom in (+)", function () { zoomBy(1.25); });
    var fitAll = button(bar, "Fit", "Fit the map in view (0)", function () { fit(); });
    var fitW = button(bar, "Width", "Fit the map's width (W)", function () { fitWidth(); });
    zoomOut.className = "am-zoom-out";
    zoomIn.className = "am-zoom-in";
    fitAll.className = "am-fit";
    fitW.className = "am-fit-width";
    // The status line keeps its room when empty: showing it never moves the map.
    status = document.createElement("span");
    status.className = "am-status";
    status.setAttribute("aria-live", "polite");
    bar.appendChild(status);
    viewport.parentNode.insertBefore(bar, viewport);
    viewport.tabIndex = 0;

    // --------------------------------------------------------------- pan/zoom
    if (options.height === "auto") {
      // As tall as the map fitted to the width, within 70% of the window.
      var s0 = Math.min(MAX_OPEN_SCALE, viewport.clientWidth / size.width);
      viewport.style.height = Math.max(160, Math.min(size.height * s0 + 4,
        window.innerHeight * 0.7)) + "px";
    }
    // Panzoom's transform is scale(s) translate(t) about the SVG's centre c (Panzoom
    // treats an outer svg element as HTML), so a point p of the drawing shows at
    // c + s * (p + t - c) = s * (p + u) with u = t + c * (1 - s) / s: the view is (s, u).
    function offset(scale) {
      return {x: size.width / 2 * (1 - scale) / scale, y: size.height / 2 * (1 - scale) / scale};
    }
    // The view (s, u) that shows `box` (in the drawing's px) whole, or across the width
    // from its top.
    function boxView(box, widthOnly) {
      var vw = viewport.clientWidth, vh = viewport.clientHeight;
      var s = widthOnly ? vw / box.width : Math.min(vw / box.width, vh / box.height);
      s = Math.min(MAX_OPEN_SCALE, s * (widthOnly ? 1 : 0.98));
      var x = (vw / s - box.width) / 2 - box.x;
      var y = widthOnly ? -box.y : (vh / s - box.height) / 2 - box.y;
      return {s: s, x: x, y: y};
    }
    var whole = {x: 0, y: 0, width: size.width, height: size.height};
    // A large map opens fitted to the width (Panzoom pans to its start after a timeout,
    // so the opening view is its start, not a first move).
    var opening = boxView(whole, true), o0 = offset(opening.s);
    var pz = null;
    // Panzoom paints on a later frame the values it had when asked, and pans to its start
    // after a timeout: painting its current values instead, and panning to the start now,
    // the map never shows (nor is clicked) anywhere but where it is.
    function paint(elem, v) {
      var s = pz ? pz.getScale() : v.scale, t = pz ? pz.getPan() : v;
      elem.style.transform = "scale(" + s + ") translate(" + t.x + "px, " + t.y + "px)";
    }
    pz = window.Panzoom(svg, {canvas: true, maxScale: 8, minScale: Math.min(0.5, opening.s / 2),
      step: 0.25, animate: false, cursor: "grab", startScale: opening.s,
      startX: opening.x - o0.x, startY: opening.y - o0.y, setTransform: paint});
    pz.pan(opening.x - o0.x, opening.y - o0.y, {animate: false, force: true});
    svg.style.transformOrigin = "50% 50%";
    paint(svg, null);
    viewport.addEventListener("wheel", function (e) { pz.zoomWithWheel(e); }, {passive: false});

    function getView() {
      var s = pz.getScale(), t = pz.getPan(), o = offset(s);
      return {s: s, x: t.x + o.x, y: t.y + o.y};
    }
    function setView(scale, x, y) {
      var o = offset(scale);
      pz.zoom(scale, {animate: false, force: true});
      pz.pan(x - o.x, y - o.y, {animate: false, force: true});
    }
    function fitBox(box, widthOnly) {
      var v = boxView(box, widthOnly);
      pz.setOptions({minScale: Math.min(0.5, v.s / 2)});
      setView(v.s, v.x, v.y);
    }
    // A node's box in the drawing's px, from the SVG's own coordinates (its CTM maps to
    // the SVG element's px and leaves out the CSS transform, so the box does not depend
    // on a transform Panzoom has set but the browser not yet painted).
    function localBox(g) {
      var b = g.getBBox(), m = g.getCTM(), xs = [], ys = [];
      [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
        .forEach(function (c) {
          xs.push(m.a * c[0] + m.c * c[1] + m.e);
          ys.push(m.b * c[0] + m.d * c[1] + m.f);
        });
      var x0 = Math.min.apply(null, xs), y0 = Math.min.apply(null, ys);
      return {x: x0, y: y0, width: Math.max.apply(null, xs) - x0, height: Math.max.apply(null, ys) - y0};
    }
    function visibleBox() {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      nodes.forEach(function (g) {
        if (g.classList.contains("am-far")) { return; }
        var r = localBox(g);
        x0 = Math.min(x0, r.x);
        y0 = Math.min(y0, r.y);
        x1 = Math.max(x1, r.x + r.width);
        y1 = Math.max(y1, r.y + r.height);
      });
      if (x0 === Infinity) { return whole; }
      var pad = 16;
      return {x: x0 - pad, y: y0 - pad, width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad};
    }
    function fit() { fitBox(root.classList.contains("am-collapsed") ? visibleBox() : whole, false); }
    function fitWidth() { fitBox(whole, true); }
    function zoomBy(factor) {
      var v = viewport.getBoundingClientRect();
      pz.zoomToPoint(pz.getScale() * factor,
        {clientX: v.left + v.width / 2, clientY: v.top + v.height / 2}, {animate: false});
    }
    function panBy(dx, dy) {
      var s = pz.getScale(), p = pz.getPan();
      pz.pan(p.x + dx / s, p.y + dy / s, {animate: false, force: true});
    }
    // Bring a statement's node to the middle of the view, zoomed in enough to read.
    function show(id) {
      var g = nodes.get(id);
      if (!g) { return; }
      var r = localBox(g), s = Math.max(getView().s, Math.min(1, MAX_OPEN_SCALE));
      var cx = r.x + r.width / 2, cy = r.y + r.height / 2;
      setView(s, viewport.clientWidth / 2 / s - cx, viewport.clientHeight / 2 / s - cy);
    }

    // ---------------------------------------------------------- focus/search
    var focused = null;
    function elementsOf(stepId, members) {
      // A step's arrows and junction: from each of its premises in members, and on to
      // its target.
      var st = graph.steps.get(stepId), out = [];
      st.premises.forEach(function (p) {
        if (members.has(p)) { out.push("am:" + p + ":" + stepId); }
      });
      out.push("am:" + stepId, "am:" + stepId + ":" + st.target);
      return out;
    }
    function byId(svgId) { return svg.getElementById ? svg.getElementById(svgId) : null; }
    function clearClasses(names) {
      names.forEach(function (c) {
        svg.querySelectorAll("." + c).forEach(function (el) { el.classList.remove(c); });
      });
    }
    function applyFocus() {
      clearClasses(["am-focus", "am-reason", "am-consequence", "am-path", "am-far"]);
      root.classList.toggle("am-focusing", focused !== null);
      root.classList.remove("am-collapsed");
      status.textContent = "";
      if (focused === null || !graph) { return; }
      var reasons = closure(focused, graph.down), consequences = closure(focused, graph.up);
      var members = new Set([focused]);
      reasons.forEach(function (x) { members.add(x); });
      consequences.forEach(function (x) { members.add(x); });
      nodes.get(focused).classList.add("am-focus");
      reasons.forEach(function (x) {
        if (nodes.has(x)) { nodes.get(x).classList.add("am-reason"); }
        else if (graph.steps.has(x)) {
          elementsOf(x, members).forEach(function (e) {
            var el = byId(e);
            if (el) { el.classList.add("am-path"); }
          });
        }
      });
      consequences.forEach(function (x) {
        if (nodes.has(x)) { nodes.get(x).classList.add("am-consequence"); }
        else if (graph.steps.has(x)) {
          elementsOf(x, members).forEach(function (e) {
            var el = byId(e);
            if (el) { el.classList.add("am-path"); }
          });
        }
      });
      var n = 0;
      nodes.forEach(function (g, id) { if (reasons.has(id)) { n += 1; } });
      var m = 0;
      nodes.forEach(function (g, id) { if (consequences.has(id)) { m += 1; } });
      status.textContent = focused + ": " + n + " reason" + (n === 1 ? "" : "s") +
        " and objection" + (n === 1 ? "" : "s") + " below, bears on " + m;
      if (far && far.value) { collapse(Number(far.value)); }
    }
    // Hide the statements more than `limit` steps from the focused one (a step joins the
    // statements of one inference), and every arrow that touches a hidden one.
    function collapse(limit) {
      // 0-1 breadth first: entering a step from a statement costs one, leaving it none.
      var dist = new Map([[focused, 0]]), queue = [focused];
      while (queue.length) {
        var x = queue.shift(), d = dist.get(x);
        var cost = graph.steps.has(x) ? 0 : 1;
        (graph.up.get(x) || []).concat(graph.down.get(x) || []).forEach(function (y) {
          if (!dist.has(y) || dist.get(y) > d + cost) {
            dist.set(y, d + cost);
            if (cost) { queue.push(y); } else { queue.unshift(y); }
          }
        });
      }
      var hidden = 0;
      nodes.forEach(function (g, id) {
        if (!dist.has(id) || dist.get(id) > limit) { g.classList.add("am-far"); hidden += 1; }
      });
      svg.querySelectorAll("g.edge, g.node").forEach(function (el) {
        var id = el.getAttribute("id") || "";
        if (id.indexOf("am:") !== 0 || nodes.has(id.slice(3))) { return; }
        var ends = id.slice(3).split(":");
        var keep = ends.every(function (e) {
          return nodes.has(e) ? !nodes.get(e).classList.contains("am-far") : stepShown(e);
        });
        if (!keep) { el.classList.add("am-far"); }
      });
      function stepShown(stepId) {
        var st = graph.steps.get(stepId);
        if (!st) { return true; }
        var t = nodes.has(st.target) ? !nodes.get(st.target).classList.contains("am-far")
          : stepShown(st.target);
        return t && st.premises.some(function (p) {
          return nodes.has(p) && !nodes.get(p).classList.contains("am-far");
        });
      }
      root.classList.add("am-collapsed");
      status.textContent += "; " + hidden + " statement" + (hidden === 1 ? "" : "s") +
        " more than " + limit + " step" + (limit === 1 ? "" : "s") + " away hidden";
    }
    function setFocus(id) {
      focused = id !== null && nodes.has(id) ? id : null;
      applyFocus();
    }
    if (far) {
      far.addEventListener("change", function () {
        applyFocus();
        if (focused !== null) { fit(); }
      });
    }
    var matches = [], current = -1;
    function runSearch() {
      clearClasses(["am-match"]);
      matches = [];
      current = -1;
      var q = search.value.trim().toLowerCase();
      if (q) {
        graph.text.forEach(function (text, id) {
          if (nodes.has(id) && (text.toLowerCase().indexOf(q) >= 0 || id.toLowerCase() === q)) {
            matches.push(id);
            nodes.get(id).classList.add("am-match");
          }
        });
      }
      found.textContent = q ? (matches.length ? matches.length + " found" : "none found") : "";
      if (matches.length) { next(); }
    }
    function next() {
      if (!matches.length) { return; }
      current = (current + 1) % matches.length;
      var id = matches[current];
      found.textContent = (current + 1) + " of " + matches.length;
      show(id);
      setFocus(id);
    }
    if (search) {
      search.addEventListener("input", runSearch);
      search.addEventListener("keydown", function (e) {
        if (e.key === "Enter") { e.preventDefault(); next(); }
        if (e.key === "Escape") { search.value = ""; runSearch(); setFocus(null); search.blur(); }
        e.stopPropagation();
      });
    }

    // ------------------------------------------------------- pointer and keys
    var downAt = null;
    viewport.addEventListener("pointerdown", function (e) {
      downAt = [e.clientX, e.clientY];
      viewport.focus({preventScroll: true});
    }, true);
    function dragged(e) {
      return downAt !== null && Math.abs(e.clientX - downAt[0]) + Math.abs(e.clientY - downAt[1]) > 4;
    }
    nodes.forEach(function (g, id) {
      g.addEventListener("click", function (e) {
        if (dragged(e)) { return; }
        setFocus(focused === id ? null : id);
        root.dispatchEvent(new CustomEvent("am-node-click", {detail: {id: id}}));
      });
    });
    keyTarget.addEventListener("keydown", function (e) {
      var t = e.target;
      if (e.ctrlKey || e.metaKey || e.altKey) { return; }
      if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) { return; }
      var step = 60, done = true;
      switch (e.key) {
        case "+": case "=": zoomBy(1.25); break;
        case "-": case "_": zoomBy(1 / 1.25); break;
        case "0": fit(); break;
        case "w": case "W": fitWidth(); break;
        case "ArrowLeft": panBy(step, 0); break;
        case "ArrowRight": panBy(-step, 0); break;
        case "ArrowUp": panBy(0, step); break;
        case "ArrowDown": panBy(0, -step); break;
        case "/": if (search) { search.focus(); } else { done = false; } break;
        case "Escape": setFocus(null); done = false; break;
        default: done = false;
      }
      if (done) { e.preventDefault(); }
    });

    var api = {panzoom: pz, fit: fit, fitWidth: fitWidth, show: show, focus: setFocus,
      zoomBy: zoomBy, nodes: nodes};
    root.argmapExplorer = api;
    return api;
  };
})();
