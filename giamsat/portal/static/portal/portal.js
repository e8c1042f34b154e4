/* giamsat portal: draws charts from JSON in <script type="application/json" data-chart> tags. */
(function () {
  "use strict";
  var chartJs = null;
  function loadChartJs(cb) {
    if (window.Chart) { cb(); return; }
    if (chartJs) { chartJs.addEventListener("load", cb); return; }
    chartJs = document.createElement("script");
    chartJs.src = document.querySelector("meta[name=chartjs]") ? document.querySelector("meta[name=chartjs]").content : "";
    chartJs.addEventListener("load", cb);
    document.head.appendChild(chartJs);
  }
  function expand(root) {
    (root || document).querySelectorAll("script[data-charts]").forEach(function (node) {
      if (node.dataset.expanded) { return; }
      node.dataset.expanded = "1";
      var map = JSON.parse(node.textContent);
      Object.keys(map).forEach(function (id) {
        var one = document.createElement("script");
        one.type = "application/json"; one.dataset.chart = id; one.textContent = JSON.stringify(map[id]);
        node.parentNode.appendChild(one);
      });
    });
  }
  function draw(root) {
    expand(root);
    var specs = (root || document).querySelectorAll("script[data-chart]");
    if (!specs.length) { return; }
    loadChartJs(function () {
      specs.forEach(function (node) {
        if (node.dataset.drawn) { return; }
        node.dataset.drawn = "1";
        var canvas = document.getElementById(node.dataset.chart);
        if (!canvas) { return; }
        var spec = JSON.parse(node.textContent);
        spec.options = spec.options || {};
        spec.options.maintainAspectRatio = false;
        spec.options.animation = false;
        var links = spec.links;
        delete spec.links;
        if (links) {
          spec.options.onClick = function (evt, elements) {
            if (elements.length && links[elements[0].index]) { window.location.href = links[elements[0].index]; }
          };
          spec.options.onHover = function (evt, elements) { evt.native.target.style.cursor = elements.length ? "pointer" : "default"; };
        }
        new window.Chart(canvas, spec);
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function () { draw(document); });
})();
