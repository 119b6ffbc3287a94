// One connection's history: its details, a chart per query (chart.js), its latest results.
"use strict";

const id = new URLSearchParams(window.location.search).get("id");

async function load() {
  try {
    const [connection, results, series, queries] = await Promise.all([
      api("/api/v1/connections/" + encodeURIComponent(id)),
      api("/api/v1/results?limit=200&connectionId=" + encodeURIComponent(id)),
      api("/api/v1/series?hours=24&points=200&connectionId=" + encodeURIComponent(id)),
      api("/api/v1/queries")]);
    document.title = connection.connectionName + " · MonitoringWorker";
    document.getElementById("title").replaceChildren(el("strong", { id: "connection-name" }, connection.connectionName),
      " · " + connection.provider + " · " + (connection.environment || "") + (connection.isEnabled ? "" : " · disabled"));
    const names = new Map(results.map(r => [r.queryId, r.queryName]));
    const queryRows = new Map(queries.map(q => [q.queryId, q]));
    const byQuery = new Map();
    for (const p of series) {
      if (!byQuery.has(p.queryId)) { byQuery.set(p.queryId, []); }
      byQuery.get(p.queryId).push(p);
    }
    // charts of the last load are let go with their listeners
    document.querySelectorAll("#trends .chart").forEach(c => c.chart && c.chart.destroy());
    const width = Math.max(320, Math.min(960, document.getElementById("trends").clientWidth - 8));
    document.getElementById("trends").replaceChildren(...[...byQuery.entries()].map(([q, points]) =>
      el("figure", { class: "trend" },
        el("figcaption", {}, el("strong", {}, names.get(q) || (queryRows.get(q) || {}).queryName || q),
          " · latest " + value(points[points.length - 1].resultValue) + " · " + points[points.length - 1].status),
        trendChart(points, queryRows.get(q), width) || el("p", { class: "muted" }, "no numeric values to chart"))));
    document.getElementById("history").replaceChildren(table(["When", "Query", "Status", "Value", "ms", "Message"], results.map(r =>
      el("tr", { "data-status": r.status }, el("td", {}, time(r.executedAt)), el("td", {}, r.queryName),
        el("td", {}, el("span", { class: "pill state-" + (r.status === "Error" || r.status === "Timeout" ? "Unknown" : r.status) }, r.status)),
        el("td", { class: "num" }, value(r.resultValue)), el("td", { class: "num" }, r.durationMs),
        el("td", { class: r.errorMessage ? "error" : "muted" }, r.errorMessage || r.resultText || "")))));
    document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (e) {
    document.getElementById("updated").textContent = "not loaded: " + e.message;
  }
}
load();
setInterval(load, 15000);
