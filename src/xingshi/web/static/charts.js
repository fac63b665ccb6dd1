// 形势看板 charts: the data comes from the page's JSON block; no animation, so a page is
// complete once drawn (and printing or screenshots show the final state).
(function () {
  "use strict";
  var block = document.getElementById("chart-data");
  if (!block || typeof echarts === "undefined") return;
  var data = JSON.parse(block.textContent);
  var LIGHT = { green: "#2e9d4f", yellow: "#e6b000", red: "#d83b3b" };
  function drawn(el, chart) {
    chart.on("finished", function () { el.setAttribute("data-drawn", "1"); });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  var mapEl = document.getElementById("map");
  if (mapEl && data.map && data.map.geo) {
    echarts.registerMap("children", data.map.geo);
    var values = data.map.data.filter(function (d) { return d.value !== null; })
      .map(function (d) { return d.value; });
    var chart = echarts.init(mapEl, null, { renderer: "canvas" });
    drawn(mapEl, chart);
    chart.setOption({
      animation: false,
      tooltip: { trigger: "item", formatter: function (p) {
        return p.name + "：" + (p.value === undefined || isNaN(p.value) ? "无数据" : p.value + "%");
      } },
      visualMap: {
        min: values.length ? Math.min.apply(null, values) : 0,
        max: values.length ? Math.max.apply(null, values) : 1,
        calculable: true, orient: "horizontal", left: "center", bottom: 0,
        inRange: { color: ["#fde0dd", "#fa9fb5", "#c51b8a"] }, text: ["高", "低"]
      },
      series: [{
        type: "map", map: "children", roam: false,
        label: { show: true, fontSize: 10 },
        data: data.map.data.map(function (d) { return { name: d.name, value: d.value }; })
      }]
    });
  }
  (data.trends || []).forEach(function (t) {
    var el = document.getElementById("trend-" + t.indicator);
    if (!el) return;
    var years = Object.keys(t.series).sort();
    var chart = echarts.init(el, null, { renderer: "canvas" });
    drawn(el, chart);
    chart.setOption({
      animation: false,
      title: { text: t.name, textStyle: { fontSize: 13 } },
      tooltip: { trigger: "axis" },
      legend: { data: years.map(function (y) { return y + "年"; }), right: 0 },
      grid: { left: 40, right: 10, top: 40, bottom: 25 },
      xAxis: { type: "category", data: t.months },
      yAxis: { type: "value", name: "%" },
      series: years.map(function (y, i) {
        return { name: y + "年", type: "line", connectNulls: true, data: t.series[y],
                 lineStyle: { type: i === years.length - 1 ? "solid" : "dashed" } };
      })
    });
  });
  void LIGHT;
})();
