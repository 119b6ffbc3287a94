// Shared by the status pages: fetching the API with the page's session, building DOM safely (text, never HTML).
"use strict";

async function api(path) {
  const response = await fetch(path, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
  if (response.status === 401 || response.redirected) { window.location = "/login"; throw new Error("signed out"); }
  if (!response.ok) { throw new Error(path + ": HTTP " + response.status); }
  return response.json();
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined) { node.setAttribute(name, value); }
  }
  for (const child of children) {
    if (child === null || child === undefined) { continue; }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function age(seconds) {
  if (seconds === null || seconds === undefined) { return ""; }
  if (seconds < 90) { return seconds + " s"; }
  if (seconds < 5400) { return Math.round(seconds / 60) + " min"; }
  if (seconds < 172800) { return Math.round(seconds / 3600) + " h"; }
  return Math.round(seconds / 86400) + " d";
}

function value(v) {
  if (v === null || v === undefined) { return "–"; }
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString() : String(Math.round(v * 100) / 100);
}

function time(instant) {
  return instant ? new Date(instant).toLocaleString() : "";
}

// A small line of the values, scaled to their own range.
function sparkline(points, width, height) {
  const values = points.map(p => p.resultValue).filter(v => v !== null && v !== undefined);
  if (values.length < 2) { return null; }
  const min = Math.min(...values), max = Math.max(...values), span = max - min || 1;
  const step = width / (values.length - 1);
  const coordinates = values.map((v, i) => (i * step).toFixed(1) + "," + (height - 1 - (v - min) / span * (height - 2)).toFixed(1)).join(" ");
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  svg.setAttribute("aria-label", "trend: " + values.length + " values from " + value(min) + " to " + value(max));
  const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
  line.setAttribute("points", coordinates);
  svg.append(line);
  return svg;
}

function table(headers, rows) {
  return el("table", {}, el("thead", {}, el("tr", {}, ...headers.map(h => el("th", {}, h)))),
    el("tbody", {}, ...rows));
}
