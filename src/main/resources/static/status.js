// The status page: /api/v1/status and /api/v1/maintenance, redrawn every few seconds; filters kept in the address.
"use strict";

const STATES = ["Critical", "Warning", "Unknown", "Stale", "NoData", "Ok"];
const params = new URLSearchParams(window.location.search);
const refreshSeconds = Math.max(2, Number(params.get("refresh")) || 5);

function options(select, values, chosen) {
  const keep = select.options[0];
  select.replaceChildren(keep, ...values.map(v => el("option", { value: v }, v)));
  select.value = values.includes(chosen) ? chosen : "";
}

function grid(status) {
  const connections = new Map(), queries = new Map(), cells = new Map();
  for (const c of status.grid) {
    connections.set(c.connectionId, c);
    queries.set(c.queryId, c.queryName);
    cells.set(c.connectionId + "/" + c.queryId, c);
  }
  const series = new Map();
  for (const p of status.series) {
    const key = p.connectionId + "/" + p.queryId;
    if (!series.has(key)) { series.set(key, []); }
    series.get(key).push(p);
  }
  const queryIds = [...queries.keys()].sort((a, b) => queries.get(a).localeCompare(queries.get(b)));
  const rows = [...connections.values()].map(c => el("tr", {},
    el("th", {}, el("a", { href: "/connection.html?id=" + c.connectionId, class: "connection" }, c.connectionName),
      el("div", { class: "muted" }, c.environment + " · " + c.provider)),
    ...queryIds.map(q => {
      const cell = cells.get(c.connectionId + "/" + q);
      if (!cell) { return el("td", { class: "empty" }); }
      // a soft state on its way (fewer than HardAfter problem runs in a row): shown beside the hard one, never hidden
      const soft = cell.pendingState && cell.pendingState !== cell.state && cell.pendingCount > 0
        ? cell.pendingState + " " + cell.pendingCount + "/" + cell.hardAfter : "";
      return el("td", {
          class: "cell state-" + cell.state + (soft ? " soft-" + cell.pendingState : ""), "data-connection": c.connectionName,
          "data-query": cell.queryName, "data-state": cell.state, "data-soft": soft,
          title: cell.state + " since " + time(cell.stateSince) + (soft ? "\nsoft " + soft + " problem runs before it turns " + cell.pendingState : "")
            + (cell.lastMessage ? "\n" + cell.lastMessage : "") + (cell.acknowledgedBy ? "\nacknowledged by " + cell.acknowledgedBy : "")
        },
        el("div", { class: "value" }, (cell.state === "Ok" ? value(cell.lastValue) : cell.state + " " + value(cell.lastValue))
          + (soft ? " → " + soft : "")),
        el("div", { class: "since" }, "for " + age(cell.ageSeconds) + (cell.isFlapping ? " · flapping" : "")),
        sparkline(series.get(c.connectionId + "/" + q) || [], 90, 18));
    })));
  const head = [""].concat(queryIds.map(q => queries.get(q)));
  return rows.length ? el("table", { class: "grid" }, el("thead", {}, el("tr", {}, ...head.map(h => el("th", {}, h)))), el("tbody", {}, ...rows))
    : el("p", { class: "muted" }, "No results yet: add connections and queries, or widen the filters.");
}

function summary(status) {
  const counts = new Map(STATES.map(s => [s, 0]));
  status.grid.forEach(c => counts.set(c.state, (counts.get(c.state) || 0) + 1));
  return STATES.filter(s => counts.get(s) > 0).map(s => el("span", { class: "state-" + s, "data-count": s }, counts.get(s) + " " + s));
}

function alerts(status) {
  if (!status.alerts.length) { return el("p", { class: "muted", id: "no-alerts" }, "Nothing is red."); }
  return table(["Since", "Alert", "State", "Value"], status.alerts.map(a => el("tr", { "data-alert": a.state },
    el("td", { title: time(a.stateSince) }, age(a.ageSeconds)),
    el("td", {}, a.queryName + (a.rowKey ? " [" + a.rowKey + "]" : ""), el("div", { class: "muted" }, a.connectionName),
      a.acknowledgedBy ? el("div", { class: "muted" }, "acknowledged by " + a.acknowledgedBy) : null),
    el("td", {}, el("span", { class: "state-" + a.state, style: "padding:1px 6px;border-radius:8px;color:#fff" }, a.state)),
    el("td", { class: "num", title: a.lastMessage || "" }, value(a.lastValue)))));
}

// Windows and silences that are active or to come: what they cover (by name where the page knows it), when, why, who.
function maintenance(windows, status) {
  const shown = windows.filter(w => w.state === "Active" || w.state === "Scheduled");
  if (!shown.length) { return el("p", { class: "muted", id: "no-maintenance" }, "None active or scheduled."); }
  const connections = new Map(status.grid.map(c => [c.connectionId, c.connectionName]));
  const queries = new Map(status.grid.map(c => [c.queryId, c.queryName]));
  const scope = w => [w.environment ? "environment " + w.environment : null,
    w.connectionId ? connections.get(w.connectionId) || w.connectionId : null,
    w.queryId ? queries.get(w.queryId) || w.queryId : null, w.rowKey ? "[" + w.rowKey + "]" : null].filter(Boolean).join(" · ");
  const when = w => w.cron ? "cron " + w.cron + " for " + w.durationMinutes + " min" + (w.timeZone ? " (" + w.timeZone + ")" : "")
    + (w.endsAt ? " until " + time(w.endsAt) : "") : (w.state === "Active" ? "until " : time(w.startsAt) + " to ") + time(w.endsAt);
  return table(["State", "Covers", "When", "Why"], shown.map(w => el("tr", { "data-window": w.state },
    el("td", {}, w.state === "Active" ? el("strong", {}, w.kind === "Silence" ? "Silenced" : "In maintenance") : "Scheduled"),
    el("td", {}, scope(w)),
    el("td", {}, when(w), w.nextStart ? el("div", { class: "muted" }, "next " + time(w.nextStart)) : null),
    el("td", {}, w.reason, el("div", { class: "muted" }, "by " + w.createdBy)))));
}

function workers(status) {
  return table(["Worker", "Status", "Heartbeat", "Running"], status.workers.map(w => el("tr", {},
    el("td", {}, w.workerName), el("td", {}, w.status), el("td", { class: "num" }, age(w.heartbeatAgeSeconds) + " ago"),
    el("td", { class: "num" }, w.runningJobs))));
}

function queue(status) {
  if (!status.queue.length) { return el("p", { class: "muted" }, "Empty."); }
  return table(["Status", "Priority", "Jobs"], status.queue.map(q => el("tr", {},
    el("td", {}, q.status), el("td", { class: "num" }, q.priority), el("td", { class: "num" }, q.jobCount))));
}

function errors(status) {
  if (!status.recentErrors.length) { return el("p", { class: "muted" }, "None."); }
  return table(["When", "Connection", "Query", "Error"], status.recentErrors.map(e => el("tr", {},
    el("td", {}, time(e.executedAt)), el("td", {}, e.connectionName), el("td", {}, e.queryName),
    el("td", { class: "error" }, e.errorMessage || e.status))));
}

async function refresh() {
  const environment = document.getElementById("environment").value || params.get("environment") || "";
  const provider = document.getElementById("provider").value || params.get("provider") || "";
  try {
    const query = new URLSearchParams();
    if (environment) { query.set("environment", environment); }
    if (provider) { query.set("provider", provider); }
    const [status, windows] = await Promise.all([api("/api/v1/status?" + query), api("/api/v1/maintenance")]);
    options(document.getElementById("environment"), status.environments, environment);
    options(document.getElementById("provider"), status.providers, provider);
    document.getElementById("summary").replaceChildren(...summary(status));
    document.getElementById("grid").replaceChildren(grid(status));
    document.getElementById("alerts").replaceChildren(alerts(status));
    document.getElementById("maintenance").replaceChildren(maintenance(windows, status));
    document.getElementById("workers").replaceChildren(workers(status));
    document.getElementById("queue").replaceChildren(queue(status));
    document.getElementById("errors").replaceChildren(errors(status));
    document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (e) {
    document.getElementById("updated").textContent = "not updated: " + e.message;
  }
}

for (const id of ["environment", "provider"]) {
  document.getElementById(id).addEventListener("change", () => {
    const next = new URLSearchParams(window.location.search);
    const chosen = document.getElementById(id).value;
    if (chosen) { next.set(id, chosen); } else { next.delete(id); }
    params.set(id, chosen);
    history.replaceState(null, "", "?" + next);
    refresh();
  });
}
refresh();
setInterval(refresh, refreshSeconds * 1000);
