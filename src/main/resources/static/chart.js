// A query's trend as a chart (uPlot): time and value axes, its warning and critical thresholds as dashed lines, and
// bands behind the line where its results were Warning or Critical.
"use strict";

const CHART_COLORS = { value: "#1565c0", Warning: "#f9a825", Critical: "#c62828" };

function trendChart(points, query, width) {
  const numeric = points.filter(p => p.resultValue !== null && p.resultValue !== undefined);
  if (numeric.length < 2) { return null; }
  const xs = numeric.map(p => Date.parse(p.executedAt) / 1000);
  const ys = numeric.map(p => p.resultValue);
  const statuses = numeric.map(p => p.status);
  const thresholds = [["warning", query && query.warningThreshold, CHART_COLORS.Warning],
    ["critical", query && query.criticalThreshold, CHART_COLORS.Critical]].filter(t => t[1] !== null && t[1] !== undefined);
  const series = [{}, { label: "value", stroke: CHART_COLORS.value, width: 2, points: { show: false } }];
  const data = [xs, ys];
  for (const [label, level, color] of thresholds) {
    series.push({ label: label + " " + value(level), stroke: color, width: 1.5, dash: [6, 4], points: { show: false } });
    data.push(xs.map(() => level));
  }
  const holder = el("div", { class: "chart", "data-query": query ? query.queryName : "",
    "data-thresholds": thresholds.map(t => t[0]).join(" ") });
  const options = {
    width: width, height: 220,
    series: series,
    scales: { y: { range: (u, min, max) => {
      const low = Math.min(min, ...thresholds.map(t => t[1])), high = Math.max(max, ...thresholds.map(t => t[1]));
      const pad = (high - low) * 0.1 || Math.abs(high) * 0.1 || 1;
      return [low - pad, high + pad];
    } } },
    axes: [{ label: "time" }, { label: "value" }],
    hooks: { drawClear: [u => stateBands(u, xs, statuses)] },
  };
  holder.chart = new uPlot(options, data, holder);
  return holder;
}

// Behind the line: each stretch between two results takes the colour of the first one's status.
function stateBands(u, xs, statuses) {
  const ctx = u.ctx, top = u.bbox.top, height = u.bbox.height;
  ctx.save();
  ctx.globalAlpha = 0.14;
  for (let i = 0; i < xs.length; i++) {
    const color = CHART_COLORS[statuses[i]];
    if (!color || statuses[i] === "value") { continue; }
    const from = u.valToPos(xs[i], "x", true);
    const to = i + 1 < xs.length ? u.valToPos(xs[i + 1], "x", true) : from + 2;
    ctx.fillStyle = color;
    ctx.fillRect(from, top, Math.max(to - from, 2), height);
  }
  ctx.restore();
}
