// One connection's history: its details, a trend per query, its latest results.
"use strict";

const id = new URLSearchParams(window.location.search).get("id");

async function load() {
  try {
    const [connection, results, series] = await Promise.all([
      api("/api/v1/connections/" + encodeURIComponent(id)),
      api("/api/v1/results?limit=200&connectionId=" + encodeURIComponent(id)),
      api("/api/v1/series?hours=24&points=200&connectionId=" + encodeURIComponent(id))]);
    document.title = connection.connectionName + " · MonitoringWorker";
    document.getElementById("title").replaceChildren(el("strong", { id: "connection-name" }, connection.connectionName),
      " · " + connection.provider + " · " + (connection.environment || "") + (connection.isEnabled ? "" : " · disabled"));
    const names = new Map(results.map(r => [r.queryId, r.queryName]));
    const byQuery = new Map();
    for (const p of series) {
      if (!byQuery.has(p.queryId)) { byQuery.set(p.queryId, []); }
      byQuery.get(p.queryId).push(p);
    }
    document.getElementById("trends").replaceChildren(table(["Query", "Trend", "Latest"], [...byQuery.entries()].map(([q, points]) =>
      el("tr", {}, el("td", {}, names.get(q) || q), el("td", {}, sparkline(points, 240, 32)),
        el("td", { class: "num" }, value(points[points.length - 1].resultValue))))));
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
