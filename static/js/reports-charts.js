/* KPI charts. Each <canvas data-chart-source="ID"> is drawn from the JSON in
 * <script type="application/json" id="ID"> (Django's json_script: data, never executed, so the
 * strict CSP holds). The table beside each chart carries the same numbers for everyone who does
 * not see the chart. */
(function () {
  "use strict";
  var COLOURS = ["#0b4f8a", "#0a6b4f", "#8a4b0b", "#6b2d8a", "#4a5560"];

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart-source"));
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var spec = JSON.parse(source.textContent);
    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    new window.Chart(canvas, {
      type: spec.type || "bar",
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (dataset, index) {
          return {
            label: dataset.label,
            data: dataset.data,
            backgroundColor: COLOURS[index % COLOURS.length],
            borderColor: COLOURS[index % COLOURS.length]
          };
        })
      },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        animation: reduced ? false : undefined,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true }, x: { beginAtZero: true } }
      }
    });
    canvas.setAttribute("data-chart-drawn", "true");
  }

  function init() {
    var canvases = document.querySelectorAll("canvas[data-chart-source]");
    for (var i = 0; i < canvases.length; i += 1) {
      draw(canvases[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
