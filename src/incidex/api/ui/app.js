// incidex analyst UI. Plain JavaScript, no dependencies.
// Report text and every value from the API are hostile: the DOM is built with createElement and text nodes only,
// no HTML string is ever parsed, and links from reports are kept only when they are http(s).
"use strict";

const TYPES = ["hostage_taking", "kidnapping", "bombing", "armed_assault", "assassination", "arson",
  "air_or_drone_strike", "shelling", "raid", "clash", "riot", "arrest", "plot", "robbery", "other"];
const TYPE_COLOURS = {
  hostage_taking: "#9c4f96", kidnapping: "#7b68c8", bombing: "#c8463d", armed_assault: "#e0803a",
  assassination: "#7d2f2f", arson: "#d9a531", air_or_drone_strike: "#3b78b0", shelling: "#2b958a",
  raid: "#5f8f2f", clash: "#b9607f", riot: "#a59a3c", arrest: "#5f6b78", plot: "#96a3b3", robbery: "#8a6a55",
  other: "#a6adb6",
};
const FIELD_GROUPS = [
  ["type", "type"], ["date", "date"], ["location", "location"], ["perpetrators", "perpetrator"],
  ["victims", "victim"], ["casualties", "casualties"], ["targets", "target"], ["weapons", "weapon"],
  ["responders", "responder"], ["sources", "source"], ["role", "role"],
];
const CORRECTABLE = ["type", "date", "location.name", "location.admin1", "location.country_code",
  "casualties.killed.total", "casualties.injured.total", "casualties.hostages_taken",
  "casualties.hostages_released", "casualties.arrested"];
const PAGE = 50;
const MAP_LIMIT = 500;
const WORLD = { x: 0, y: 0, w: 360, h: 150 };

const state = { sort: "-date", offset: 0, generation: 0, countries: null, view: { ...WORLD }, fitted: false };

// ---------- DOM helpers ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  setAttrs(node, attrs);
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function tooltip(node, text) {
  const title = svg("title");
  title.textContent = text;
  node.append(title);
  return node;
}

function show(value) {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

function label(field) {
  return String(field).replace(/_/g, " ");
}

function safeUrl(url) {
  try {
    const parsed = new URL(String(url));
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (_error) {
    return null;
  }
}

function status(message, kind) {
  const box = document.getElementById("status");
  box.textContent = message || "";
  box.className = "status " + (kind || "");
  box.hidden = !message;
}

// ---------- API ----------

async function api(path, options) {
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem("incidex-token");
  if (token) headers.Authorization = "Bearer " + token;
  const init = { headers, method: (options && options.method) || "GET" };
  if (options && options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, init);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && body.detail;
    const message = typeof detail === "string" ? detail
      : Array.isArray(detail) ? detail.map((d) => (d.loc || []).slice(1).join(".") + ": " + d.msg).join("; ")
      : response.statusText;
    throw new Error(`${init.method} ${path.split("?")[0]} failed (${response.status}): ${message}`);
  }
  return body;
}

function post(path, body) {
  return api(path, { method: "POST", body });
}

function newId(result) {
  if (typeof result === "string") return result;
  return result && (result.id || result.incident_id || result.merged_id || result.new_id);
}

// ---------- routing ----------

function navigate(url) {
  history.pushState(null, "", url);
  route();
}

function route() {
  const match = location.pathname.match(/^\/incidents\/([^/]+)$/);
  document.getElementById("list-view").hidden = Boolean(match);
  document.getElementById("incident-view").hidden = !match;
  status("");
  if (match) loadIncident(decodeURIComponent(match[1]));
  else loadList();
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-nav]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(link.getAttribute("href"));
});
window.addEventListener("popstate", route);

// ---------- list view: filters ----------

function filterParams() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(document.getElementById("filters"))) {
    if (String(value).trim()) params.set(key, String(value).trim());
  }
  return params;
}

function restoreFilters() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams(location.search);
  for (const element of form.elements) {
    if (element.name && params.has(element.name)) element.value = params.get(element.name);
  }
  state.sort = params.get("sort") || "-date";
  state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
}

function syncAddress(params) {
  const shown = new URLSearchParams(params);
  if (state.sort !== "-date") shown.set("sort", state.sort);
  if (state.offset) shown.set("offset", state.offset);
  const query = shown.toString();
  history.replaceState(null, "", "/" + (query ? "?" + query : ""));
  sessionStorage.setItem("incidex-list", query ? "?" + query : "");
}

function setupFilters() {
  const form = document.getElementById("filters");
  const typeSelect = form.elements.type;
  for (const type of TYPES) typeSelect.append(el("option", { value: type }, label(type)));
  let timer = null;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.offset = 0; state.fitted = false; loadList(); }, 250);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(changed, 0));
  for (const th of document.querySelectorAll("#incidents th[data-sort]")) {
    th.tabIndex = 0;
    th.addEventListener("click", () => {
      const key = th.dataset.sort;
      const descending = key === "type" ? false : state.sort !== "-" + key;
      state.sort = key === "type" ? "type" : (descending ? "-" : "") + key;
      state.offset = 0;
      loadTable(filterParams(), state.generation);
    });
  }
  document.getElementById("prev-page").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE);
    loadTable(filterParams(), state.generation);
  });
  document.getElementById("next-page").addEventListener("click", () => {
    state.offset += PAGE;
    loadTable(filterParams(), state.generation);
  });
  document.getElementById("map-reset").addEventListener("click", () => setView({ ...WORLD }));
  const token = document.getElementById("token");
  token.value = sessionStorage.getItem("incidex-token") || "";
  token.addEventListener("change", () => sessionStorage.setItem("incidex-token", token.value.trim()));
}

async function loadCountryOptions() {
  const select = document.getElementById("filters").elements.country;
  if (select.dataset.loaded) return;
  select.dataset.loaded = "1";
  const wanted = new URLSearchParams(location.search).get("country");
  const names = new Map((state.countries || []).map((c) => [c.iso2, c.name]));
  const rows = await api("/api/stats/countries");
  for (const row of rows) {
    if (!row.country) continue;
    const name = names.get(row.country);
    select.append(el("option", { value: row.country }, `${name ? name + " (" + row.country + ")" : row.country} · ${row.count}`));
  }
  if (wanted) select.value = wanted;
}

async function loadList() {
  const generation = ++state.generation;
  const params = filterParams();
  try {
    if (!state.countries) state.countries = await fetch("/static/countries.json").then((r) => r.json());
    await loadCountryOptions();
    await Promise.all([loadTable(params, generation), loadMap(params, generation), loadTimeline(params, generation),
      loadCountryStats(params, generation)]);
  } catch (error) {
    status(error.message, "error");
  }
}

// ---------- list view: table ----------

async function loadTable(params, generation) {
  const query = new URLSearchParams(params);
  query.set("sort", state.sort);
  query.set("limit", PAGE);
  query.set("offset", state.offset);
  syncAddress(params);
  let data;
  try {
    data = await api("/api/incidents?" + query);
  } catch (error) {
    status(error.message, "error");
    return;
  }
  if (generation !== state.generation) return;
  const body = document.querySelector("#incidents tbody");
  body.replaceChildren(...data.items.map(tableRow));
  if (!data.items.length) body.append(el("tr", {}, el("td", { colspan: 7, class: "empty" }, "No incidents match these filters.")));
  const first = data.total ? state.offset + 1 : 0;
  document.getElementById("table-count").textContent =
    `${first}–${state.offset + data.items.length} of ${data.total}`;
  document.getElementById("prev-page").disabled = state.offset === 0;
  document.getElementById("next-page").disabled = state.offset + data.items.length >= data.total;
  for (const th of document.querySelectorAll("#incidents th[data-sort]")) {
    const key = th.dataset.sort;
    th.className = state.sort === key ? "sorted asc" : state.sort === "-" + key ? "sorted desc" : "";
  }
}

function place(item) {
  return [item.location, item.admin1, item.country].filter(Boolean)
    .filter((part, index, parts) => parts.indexOf(part) === index).join(", ");
}

function typeChip(type) {
  const dot = el("i", { class: "dot" });
  dot.style.background = TYPE_COLOURS[type] || "#999";  // CSSOM, not a style attribute: allowed by the CSP
  return el("span", { class: "chip" }, dot, label(type || "unknown"));
}

function dateText(item) {
  const date = item.date || "undated";
  return item.date_precision && item.date_precision !== "day" && item.date ? `${date} (${item.date_precision})` : date;
}

function tableRow(item) {
  const href = "/incidents/" + encodeURIComponent(item.id);
  const row = el("tr", { class: item.role === "background" ? "background" : null, "data-id": item.id },
    el("td", { class: "nowrap" }, el("a", { href, "data-nav": true }, dateText(item))),
    el("td", {}, typeChip(item.type), item.role === "background" ? el("span", { class: "tag" }, "background") : null,
      item.corrected ? el("span", { class: "tag corrected", title: "changed by an analyst" }, "corrected") : null),
    el("td", {}, place(item) || "—"),
    el("td", { class: "num" }, show(item.killed)),
    el("td", { class: "num" }, show(item.injured)),
    el("td", {}, (item.perpetrators || []).join("; ") || "—"),
    el("td", { class: "num" }, show(item.source_count)));
  row.addEventListener("click", (event) => { if (!event.target.closest("a")) navigate(href); });
  return row;
}

// ---------- list view: map ----------

function setView(view) {
  state.view = view;
  const map = document.getElementById("map");
  map.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  const unit = view.w / Math.max(map.clientWidth, 1);
  for (const dot of map.querySelectorAll("circle.incident")) dot.setAttribute("r", Number(dot.dataset.px) * unit);
}

function setupMap() {
  const map = document.getElementById("map");
  map.addEventListener("wheel", (event) => {
    event.preventDefault();
    const box = map.getBoundingClientRect();
    const v = state.view;
    const scale = Math.min(Math.max(event.deltaY > 0 ? 1.25 : 0.8, 2 / v.w), 400 / v.w);
    const fx = (event.clientX - box.left) / box.width;
    const fy = (event.clientY - box.top) / box.height;
    setView({ x: v.x + fx * v.w * (1 - scale), y: v.y + fy * v.h * (1 - scale), w: v.w * scale, h: v.h * scale });
  }, { passive: false });
  let drag = null;
  map.addEventListener("pointerdown", (event) => {
    if (event.target.closest("circle")) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...state.view } };
    map.setPointerCapture(event.pointerId);
  });
  map.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const k = drag.view.w / map.getBoundingClientRect().width;
    setView({ ...drag.view, x: drag.view.x - (event.clientX - drag.x) * k, y: drag.view.y - (event.clientY - drag.y) * k });
  });
  map.addEventListener("pointerup", () => { drag = null; });
}

function fitView(points) {
  if (!points.length) return { ...WORLD };
  const xs = points.map((p) => p.lon + 180), ys = points.map((p) => 90 - p.lat);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const spanX = Math.max(...xs) - Math.min(...xs), spanY = Math.max(...ys) - Math.min(...ys);
  const w = Math.min(360, Math.max(40, spanX * 1.3, spanY * 1.3 * WORLD.w / WORLD.h));
  const h = w * WORLD.h / WORLD.w;
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}

async function loadMap(params, generation) {
  const query = new URLSearchParams(params);
  query.set("limit", MAP_LIMIT);
  query.set("sort", "-killed");
  const data = await api("/api/incidents?" + query);
  if (generation !== state.generation) return;
  const map = document.getElementById("map");
  const active = new Set(data.items.map((item) => item.country).filter(Boolean));
  const land = svg("g", { class: "land" }, state.countries.map((c) =>
    tooltip(svg("path", { d: c.d, class: active.has(c.iso2) ? "country active" : "country" }), c.name)));
  const located = data.items.filter((i) => Number.isFinite(i.lat) && Number.isFinite(i.lon));
  const dots = located
    .map((item) => ({ item, size: (item.killed || 0) + (item.injured || 0) }))
    .sort((a, b) => b.size - a.size)
    .map(({ item, size }) => {
      const dot = svg("circle", {
        class: "incident" + (item.role === "background" ? " background" : ""), cx: item.lon + 180, cy: 90 - item.lat,
        fill: TYPE_COLOURS[item.type] || "#999", "data-id": item.id, "data-px": Math.min(3.5 + 2.2 * Math.sqrt(size), 28),
      });
      dot.addEventListener("click", () => navigate("/incidents/" + encodeURIComponent(item.id)));
      return tooltip(dot, `${dateText(item)} · ${label(item.type)} · ${place(item) || "unknown place"}\n`
        + `killed ${show(item.killed)} · injured ${show(item.injured)}`);
    });
  map.replaceChildren(land, svg("g", { class: "dots" }, dots));
  const missing = data.items.length - located.length;
  document.getElementById("map-count").textContent = `${located.length} shown`
    + (missing ? ` · ${missing} without coordinates` : "") + (data.total > data.items.length ? ` · largest ${MAP_LIMIT} of ${data.total}` : "");
  setView(state.fitted ? state.view : fitView(located));
  state.fitted = true;
  const legend = document.getElementById("type-legend");
  const present = TYPES.filter((t) => data.items.some((i) => i.type === t));
  legend.replaceChildren(...present.map(typeChip), el("span", { class: "muted" }, "· size: √(killed + injured)"));
}

// ---------- list view: timeline ----------

function mondays(first, last) {
  const weeks = [];
  for (let day = new Date(first + "T00:00:00Z"); day <= new Date(last + "T00:00:00Z"); day.setUTCDate(day.getUTCDate() + 7)) {
    weeks.push(day.toISOString().slice(0, 10));
    if (weeks.length > 2000) break;
  }
  return weeks;
}

async function loadTimeline(params, generation) {
  const rows = await api("/api/stats/weekly?" + params);
  if (generation !== state.generation) return;
  const chart = document.getElementById("timeline");
  const width = Math.max(chart.clientWidth, 300), height = 170, left = 34, bottom = 22, top = 8;
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const valid = rows.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.week));
  document.getElementById("timeline-count").textContent = `${valid.reduce((n, r) => n + r.count, 0)} dated incidents`;
  if (!valid.length) {
    chart.replaceChildren(svg("text", { x: width / 2, y: height / 2, class: "empty", "text-anchor": "middle" }));
    chart.firstChild.textContent = "No dated incidents";
    return;
  }
  const weekList = valid.map((r) => r.week).sort();
  const weeks = mondays(weekList[0], weekList[weekList.length - 1]);
  const byWeek = new Map(weeks.map((w) => [w, []]));
  for (const row of valid) byWeek.get(row.week)?.push(row);
  const max = Math.max(1, ...[...byWeek.values()].map((list) => list.reduce((n, r) => n + r.count, 0)));
  const step = Math.min((width - left - 4) / weeks.length, 24);
  const y = (value) => height - bottom - (value / max) * (height - bottom - top);
  const parts = [];
  for (const tick of new Set([0, Math.ceil(max / 2), max])) {
    parts.push(svg("line", { x1: left, x2: width, y1: y(tick), y2: y(tick), class: "gridline" }));
    const text = svg("text", { x: left - 5, y: y(tick) + 3, "text-anchor": "end", class: "axis" });
    text.textContent = tick;
    parts.push(text);
  }
  let lastMonth = null, lastLabelX = -100;
  weeks.forEach((week, index) => {
    const x = left + index * step;
    let base = 0;
    for (const row of byWeek.get(week).sort((a, b) => TYPES.indexOf(a.type) - TYPES.indexOf(b.type))) {
      const bar = svg("rect", {
        x: x + step * 0.1, width: Math.max(step * 0.8, 1), y: y(base + row.count), height: y(base) - y(base + row.count),
        fill: TYPE_COLOURS[row.type] || "#999", class: "bar", "data-week": week,
      });
      bar.addEventListener("click", () => filterWeek(week));
      parts.push(tooltip(bar, `week of ${week}: ${row.count} ${label(row.type)}, ${show(row.killed)} killed`));
      base += row.count;
    }
    const month = week.slice(0, 7);
    if (month !== lastMonth && x - lastLabelX > 48) {
      const text = svg("text", { x, y: height - 6, class: "axis" });
      text.textContent = new Date(week + "T00:00:00Z").toLocaleDateString("en", { month: "short", year: "numeric", timeZone: "UTC" });
      parts.push(text);
      lastLabelX = x;
    }
    lastMonth = month;
  });
  chart.replaceChildren(...parts);
}

async function loadCountryStats(params, generation) {
  const rows = await api("/api/stats/countries?" + params);
  if (generation !== state.generation) return;
  const names = new Map((state.countries || []).map((c) => [c.iso2, c.name]));
  const top = rows.slice().sort((a, b) => b.count - a.count || (b.killed || 0) - (a.killed || 0)).slice(0, 8);
  const max = Math.max(1, ...top.map((r) => r.count));
  const body = document.querySelector("#by-country tbody");
  body.replaceChildren(...top.map((row) => {
    const bar = el("i", { class: "bar" });
    bar.style.width = (100 * row.count / max).toFixed(1) + "%";
    const name = row.country ? names.get(row.country) || row.country : "unknown country";
    const link = el("button", { type: "button", class: "link", title: "filter by this country" }, name);
    link.addEventListener("click", () => {
      const select = document.getElementById("filters").elements.country;
      select.value = row.country || "";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    return el("tr", {}, el("td", {}, link), el("td", { class: "barcell" }, bar), el("td", { class: "num" }, row.count),
      el("td", { class: "num" }, show(row.killed)));
  }));
  if (!top.length) body.append(el("tr", {}, el("td", { colspan: 4, class: "empty" }, "No incidents match.")));
}

function filterWeek(week) {
  const form = document.getElementById("filters");
  const end = new Date(week + "T00:00:00Z");
  end.setUTCDate(end.getUTCDate() + 6);
  form.elements.date_from.value = week;
  form.elements.date_to.value = end.toISOString().slice(0, 10);
  form.dispatchEvent(new Event("change"));
}

// ---------- incident view ----------

function fieldGroup(field) {
  const head = String(field).split(".")[0];
  const found = FIELD_GROUPS.find(([prefix]) => head === prefix || head.startsWith(prefix));
  return found ? found[1] : "other";
}

async function loadIncident(id) {
  const view = document.getElementById("incident-view");
  view.replaceChildren(el("p", { class: "muted loading" }, "Loading incident…"));
  let data;
  try {
    data = await api("/api/incidents/" + encodeURIComponent(id));
  } catch (error) {
    // an incident merged away or split off is gone, but the corrections that touched it can still be undone here
    view.replaceChildren(el("p", {}, el("a", { href: "/", "data-nav": true }, "‹ All incidents")), el("p", { class: "error" }, error.message),
      el("section", { class: "panel" }, el("h2", {}, "Corrections that touched this incident"), correctionsList(id)));
    return;
  }
  renderIncident(view, id, data);
}

function renderIncident(view, id, data) {
  const inc = data.incident || {};
  const loc = inc.location || {};
  const records = data.records || [];
  const killed = inc.casualties?.killed?.total, injured = inc.casualties?.injured?.total;
  const title = el("div", { class: "incident-head" },
    el("a", { href: "/" + (sessionStorage.getItem("incidex-list") || ""), "data-nav": true, class: "back" }, "‹ All incidents"),
    el("h1", {}, typeChip(inc.type), " ", [loc.name, loc.admin1, loc.country_code].filter(Boolean).join(", ") || "unknown place",
      el("span", { class: "muted" }, " · " + (inc.date?.value || "undated"))),
    el("div", { class: "facts-line" },
      el("span", {}, el("b", {}, show(killed)), " killed"), el("span", {}, el("b", {}, show(injured)), " injured"),
      el("span", {}, el("b", {}, records.length), " record(s) from ", el("b", {}, (data.documents || []).length), " document(s)"),
      (data.corrections || []).some((c) => !c.undone) ? el("span", { class: "tag corrected" }, "corrected") : null,
      el("span", { class: "muted mono" }, "id " + id)));
  const main = el("div", { class: "incident-main" },
    el("div", { class: "incident-docs" }, (data.documents || []).map((doc) => documentPanel(doc, records))),
    el("aside", { class: "incident-side" },
      factsPanel(inc), figuresPanel(inc, records, data.documents || []), correctionsPanel(id),
      backgroundPanel(data.background || []), recordsPanel(id, data)));
  view.replaceChildren(title, main);
}

function factRow(name, value, field) {
  return el("tr", {}, el("th", {}, name), el("td", {}, show(value)),
    el("td", { class: "edit" }, field ? el("button", { type: "button", class: "link", title: "correct " + field,
      onclick: () => prefillCorrection(field, value) }, "correct") : null));
}

function names(list) {
  return (list || []).map((item) => item.name || item.text).filter(Boolean).join("; ");
}

function factsPanel(inc) {
  const loc = inc.location || {};
  const c = inc.casualties || {};
  const coords = Number.isFinite(loc.lat) ? `${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}` : null;
  return el("section", { class: "panel" }, el("h2", {}, "Reconciled record"),
    el("table", { class: "facts" }, el("tbody", {},
      factRow("Type", label(inc.type || ""), "type"),
      factRow("Date", inc.date?.value ? `${inc.date.value} (${inc.date.precision})` : null, "date"),
      factRow("Place", loc.name, "location.name"),
      factRow("Admin1 / country", [loc.admin1, loc.country_code].filter(Boolean).join(" / "), "location.country_code"),
      factRow("Coordinates", coords ? coords + (loc.uncertain ? " (uncertain)" : "") : null),
      factRow("Killed", c.killed?.total, "casualties.killed.total"),
      factRow("Injured", c.injured?.total, "casualties.injured.total"),
      factRow("Hostages taken", c.hostages_taken, "casualties.hostages_taken"),
      factRow("Arrested", c.arrested, "casualties.arrested"),
      factRow("Perpetrators", names(inc.perpetrators)),
      factRow("Victims", names(inc.victims)),
      factRow("Targets", names(inc.targets)),
      factRow("Responders", names(inc.responders)),
      factRow("Weapons", names(inc.weapons)))),
    notesList(inc.notes));
}

function notesList(notes) {
  const list = Array.isArray(notes) ? notes : String(notes || "").split(/\n|; /);
  const shown = list.map((n) => String(n).trim()).filter(Boolean);
  return shown.length ? el("ul", { class: "notes" }, shown.map((n) => el("li", {}, n))) : null;
}

// Figures as each source states them, grouped by field, with the reconciled value and the rule that chose it.
function figuresPanel(inc, records, documents) {
  const titles = new Map(documents.map((d) => [d.id, d.title || d.source || d.id]));
  let figures = inc.figures;
  if (!Array.isArray(figures) || !figures.length) {
    figures = records.flatMap((r) => (r.incident?.figures || []).map((f) => ({ ...f, document_id: r.document_id })));
  }
  const rules = new Map((inc.reconciliation || []).map((r) => [r.field, r]));
  const fields = [...new Set([...figures.map((f) => f.field), ...rules.keys()])];
  const groups = fields.map((field) => {
    const list = figures.filter((f) => f.field === field);
    const values = new Set(list.map((f) => (f.value ?? `${f.low}–${f.high}`)));
    return { field, list, rule: rules.get(field), disagree: values.size > 1 };
  }).sort((a, b) => Number(b.disagree) - Number(a.disagree));
  const section = el("section", { class: "panel" }, el("h2", {}, "Figures by source"));
  if (!groups.length) return section.appendChild(el("p", { class: "muted" }, "No casualty figures stated.")).parentNode;
  for (const group of groups) {
    const reconciled = group.rule ? (group.rule.value ?? `${group.rule.low}–${group.rule.high}`) : null;
    section.append(el("div", { class: "figure-group" + (group.disagree ? " disagree" : "") },
      el("div", { class: "figure-head" }, el("b", {}, label(group.field)),
        group.disagree ? el("span", { class: "tag warn" }, "sources disagree") : null,
        el("span", { class: "spacer" }),
        reconciled !== null ? el("span", { class: "reconciled" }, "→ ", el("b", {}, show(reconciled))) : null),
      el("table", { class: "figures" }, el("tbody", {}, group.list.map((f) =>
        el("tr", {}, el("td", { class: "num" }, f.value ?? (f.low !== null && f.low !== undefined ? `${f.low}–${f.high}` : "?")),
          el("td", {}, f.source || el("span", { class: "muted" }, "unattributed"),
            el("div", { class: "muted small" }, titles.get(f.document_id) || f.document_id || "")),
          el("td", { class: "quote" }, f.text ? "“" + f.text + "”" : ""))))),
      group.rule ? el("div", { class: "rule muted" }, "rule: ", group.rule.rule) : null));
  }
  return section;
}

// ---------- document text with evidence ----------

function spansOf(doc, records) {
  const length = (doc.text || "").length;
  const ok = (s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start && s.end <= length;
  const evidence = [], claims = [], sources = [];
  records.filter((r) => r.document_id === doc.id).forEach((record, r) => {
    const incident = record.incident || {};
    for (const ev of incident.evidence || []) {
      if (ok(ev)) evidence.push({ ...ev, key: `e${evidence.length}`, group: fieldGroup(ev.field), record: r });
    }
    for (const source of incident.sources || []) {
      const entry = { source, claims: [] };
      for (const claim of source.claims || []) {
        if (!ok(claim)) continue;
        const span = { ...claim, key: `c${claims.length}`, source };
        claims.push(span);
        entry.claims.push(span);
      }
      sources.push(entry);
    }
  });
  return { evidence, claims, sources };
}

// Evidence of these components comes from a learned model (the encoder heads, or the older spaCy tagger), not the
// rules: the hover says so.
const LEARNED_COMPONENTS = new Set(["incidex_encoder_roles_v1", "incidex_muc_roles_v1"]);

// Cut the text at every span boundary; each piece knows every evidence and claim span covering it, so
// overlapping spans stay visible (the piece takes the colour of its shortest span and lists all fields).
function highlightedText(text, evidence, claims, docKey) {
  const all = [...evidence, ...claims];
  const cuts = [...new Set([0, text.length, ...all.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(a, b);
    const evs = evidence.filter((s) => s.start <= a && s.end >= b);
    const cls = claims.filter((s) => s.start <= a && s.end >= b);
    if (!evs.length && !cls.length) {
      nodes.push(document.createTextNode(piece));
      continue;
    }
    const shortest = evs.slice().sort((x, y) => (x.end - x.start) - (y.end - y.start))[0];
    const classes = [evs.length ? "hl g-" + shortest.group : "", evs.length > 1 ? "multi" : "", cls.length ? "claim" : ""];
    const fields = [...new Set(evs.map((s) => s.field))].join(", ");
    const hover = [...new Set(evs.map((s) => s.field + (LEARNED_COMPONENTS.has(s.component) ? " (learned tagger)" : "")))].join(", ");
    const claimHover = cls.map((s) => `claim by ${s.source.name} (${label(s.source.kind)})`).join("; ");
    nodes.push(el("mark", {
      class: classes.filter(Boolean).join(" "),
      title: [hover, claimHover].filter(Boolean).join(" · "),
      "data-fields": fields || null,
      "data-spans": [...evs, ...cls].map((s) => `${docKey}-${s.key}`).join(" "),
    }, piece));
  }
  return nodes;
}

function documentPanel(doc, records) {
  const docKey = "d" + Math.abs(hash(doc.id));
  const { evidence, claims, sources } = spansOf(doc, records);
  const body = el("div", { class: "report-text", "data-document": doc.id }, highlightedText(doc.text || "", evidence, claims, docKey));
  const groups = [...new Set(evidence.map((s) => s.group))];
  const legend = el("div", { class: "legend evidence-legend" }, groups.map((g) => {
    const item = el("button", { type: "button", class: "key hl g-" + g, title: "show only " + g + " evidence" },
      g, " ", el("span", { class: "muted" }, new Set(evidence.filter((s) => s.group === g).map((s) => s.start + ":" + s.end)).size));
    item.addEventListener("click", () => focusGroup(body, legend, item, g));
    return item;
  }), claims.length ? el("span", { class: "key claim" }, "claim attributed to a source") : null,
  evidence.length ? el("span", { class: "muted" }, "hover a highlight for its field") : el("span", { class: "muted" }, "no evidence spans in this document"));
  const url = safeUrl(doc.url);
  return el("article", { class: "panel document" },
    el("div", { class: "doc-head" }, el("h2", {}, doc.title || "Untitled report"),
      el("div", { class: "muted" }, [doc.source, doc.published].filter(Boolean).join(" · ") || "source unknown",
        url ? el("span", {}, " · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")) : null)),
    legend, body, sourceChain(sources, body, docKey));
}

function focusGroup(body, legend, item, group) {
  const on = !item.classList.contains("focused");
  for (const key of legend.querySelectorAll(".key")) key.classList.remove("focused");
  item.classList.toggle("focused", on);
  body.classList.toggle("focusing", on);
  for (const mark of body.querySelectorAll("mark.hl")) mark.classList.toggle("dim", on && !mark.classList.contains("g-" + group));
}

function sourceChain(sources, body, docKey) {
  const section = el("div", { class: "sources" }, el("h3", {}, "Who said what"));
  if (!sources.length) section.append(el("p", { class: "muted" }, "The report attributes nothing to a named source."));
  for (const { source, claims } of sources) {
    section.append(el("div", { class: "source" },
      el("div", {}, el("b", {}, source.name), " ", el("span", { class: "tag kind-" + source.kind }, label(source.kind)),
        source.verb ? el("span", { class: "muted" }, " · " + source.verb) : null),
      el("ul", {}, claims.map((claim) => el("li", {}, el("button", { type: "button", class: "link claim-link",
        title: "show in the text", onclick: () => flash(body, `${docKey}-${claim.key}`) },
        (claim.hedged ? "(hedged) " : "") + "“" + claim.text + "”"))))));
  }
  return section;
}

function flash(body, key) {
  const marks = [...body.querySelectorAll("mark")].filter((m) => (m.dataset.spans || "").split(" ").includes(key));
  if (!marks.length) return;
  marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
  for (const mark of marks) {
    mark.classList.remove("flash");
    void mark.offsetWidth;
    mark.classList.add("flash");
  }
}

function hash(text) {
  let h = 0;
  for (const ch of String(text)) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

// ---------- corrections, merge, split ----------

function prefillCorrection(field, value) {
  const form = document.getElementById("correction-form");
  if (!form) return;
  form.elements.field.value = field;
  form.elements.value.value = value ?? "";
  form.elements.value.focus();
}

function correctionValue(field, raw) {
  const text = raw.trim();
  if (!text) return null;
  if (field.startsWith("casualties.")) {
    if (!/^\d+$/.test(text)) throw new Error(`${field} takes a whole number or nothing; got “${text}”`);
    return parseInt(text, 10);
  }
  if (field === "type" && !TYPES.includes(text.replace(/ /g, "_"))) throw new Error(`type must be one of: ${TYPES.join(", ")}`);
  return field === "type" ? text.replace(/ /g, "_") : text;
}

function who() {
  return el("input", { name: "who", required: true, placeholder: "your name", value: localStorage.getItem("incidex-who") || "" });
}

function action(form, run) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      if (form.elements.who) localStorage.setItem("incidex-who", form.elements.who.value.trim());
      await run(form.elements);
    } catch (error) {
      status(error.message, "error");
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

// Every correction touching the incident (field, merge, split), newest first, each with its Undo.
function correctionsList(id) {
  const box = el("div", { class: "corrections-list" }, el("p", { class: "muted loading" }, "Loading corrections…"));
  api(`/api/corrections?incident_id=${encodeURIComponent(id)}&limit=500`).then((page) => {
    const rows = page.items.map((c) => el("tr", { class: c.undone ? "undone" : "", "data-kind": c.kind },
      el("td", {}, c.kind === "field" ? label(c.field) : c.kind), el("td", {}, changeText(c)),
      el("td", {}, c.who, el("div", { class: "muted" }, when(c.at))),
      el("td", {}, c.why),
      el("td", {}, c.undone ? el("span", { class: "muted" }, "undone", c.undo ? ` by ${show(c.undo.who)} ${when(c.undo.at)}` : "",
        c.undo && c.undo.why ? ` (${c.undo.why})` : "") : undoButton(id, c))));
    box.replaceChildren(rows.length ? el("table", { class: "grid compact corrections" },
      el("thead", {}, el("tr", {}, ["Kind", "Change", "Who / when", "Why", ""].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows)) : el("p", { class: "muted" }, "No corrections yet. Extracted values are kept; a correction overrides them and can be undone."));
  }).catch((error) => box.replaceChildren(el("p", { class: "error" }, error.message)));
  return box;
}

function when(at) {
  return String(at || "").replace("T", " ").slice(0, 16);
}

function incidentLink(other) {
  return el("a", { href: "/incidents/" + encodeURIComponent(other), "data-nav": true, class: "mono" }, other);
}

function changeText(c) {
  const value = (v) => show(v === null || v === undefined ? null : JSON.stringify(v));
  if (c.kind === "field") return [value(c.old), " → ", el("b", {}, value(c.new))];
  if (c.kind === "merge") {
    return ["merged ", ...c.incident_ids.slice(1).flatMap((other, n) => [n ? ", " : null, incidentLink(other)]),
      " into ", incidentLink(c.result_ids[0]), ` (${c.record_ids.length} record(s) moved)`];
  }
  return [`split ${c.record_ids.length} record(s) off `, incidentLink(c.incident_ids[0]), " into ",
    incidentLink(c.result_ids[c.result_ids.length - 1])];
}

function undoButton(id, c) {
  return el("button", { type: "button", class: "quiet", title: "undo this " + (c.kind === "field" ? "correction" : c.kind),
    onclick: async (event) => {
      event.target.disabled = true;
      const who = (localStorage.getItem("incidex-who") || "").trim();
      try {
        await post(c.undo_path, who ? { who } : {});
        // undoing a split from the split-off incident's page removes that incident: show the one it came from
        const gone = c.kind === "split" && id === c.result_ids[c.result_ids.length - 1];
        if (gone) navigate("/incidents/" + encodeURIComponent(c.incident_ids[0]));
        else loadIncident(id);
        status(c.kind === "field" ? "Correction undone." : `The ${c.kind} is undone; its records are back where they were.`, "ok");
      } catch (error) {
        status(error.message, "error");
        event.target.disabled = false;
      }
    } }, "Undo");
}

function correctionsPanel(id) {
  const form = action(el("form", { id: "correction-form", class: "stack" },
    el("div", { class: "row" }, el("select", { name: "field" }, CORRECTABLE.map((f) => el("option", { value: f }, f))),
      el("input", { name: "value", placeholder: "new value (empty = unknown)" })),
    el("div", { class: "row" }, who(), el("input", { name: "why", required: true, placeholder: "why (source, reasoning)" })),
    el("button", { type: "submit" }, "Save correction")), async (f) => {
    const field = f.field.value;
    await post(`/api/incidents/${encodeURIComponent(id)}/corrections`,
      { field, value: correctionValue(field, f.value.value), who: f.who.value.trim(), why: f.why.value.trim() });
    status(`Correction of ${field} saved.`, "ok");
    loadIncident(id);
  });
  return el("section", { class: "panel" }, el("h2", {}, "Analyst corrections"), correctionsList(id), form);
}

function backgroundPanel(items) {
  return el("section", { class: "panel" }, el("h2", {}, "Background incidents recalled"),
    items.length ? el("ul", { class: "plain" }, items.map((b) => el("li", {},
      el("a", { href: "/incidents/" + encodeURIComponent(b.id), "data-nav": true }, label(b.type || "incident")),
      " · ", b.date || "undated", " · ", b.location || "unknown place", b.killed ? ` · ${b.killed} killed` : "")))
      : el("p", { class: "muted" }, "None in these reports."));
}

function recordsPanel(id, data) {
  const reasons = new Map((data.merge_reasons || []).map((m) => [m.record_id, m]));
  const titles = new Map((data.documents || []).map((d) => [d.id, d.title || d.id]));
  const list = el("table", { class: "grid compact" }, el("tbody", {}, (data.records || []).map((r) => {
    const why = reasons.get(r.record_id);
    return el("tr", {}, el("td", {}, el("input", { type: "checkbox", name: "record", value: r.record_id, "aria-label": "select record" })),
      el("td", {}, titles.get(r.document_id) || r.document_id, el("div", { class: "muted mono" }, r.record_id)),
      el("td", {}, why ? [el("b", {}, Number(why.score).toFixed(2)), " ", (why.reasons || []).join("; ")] : el("span", { class: "muted" }, "seed record")));
  })));
  const split = action(el("form", { class: "stack" }, el("div", { class: "row" }, who(),
    el("input", { name: "why", required: true, placeholder: "why split" }), el("button", { type: "submit" }, "Split selected"))), async (f) => {
    const ids = [...list.querySelectorAll("input[name=record]:checked")].map((c) => c.value);
    if (!ids.length) throw new Error("Tick the records to move into a new incident, then split.");
    const result = await post(`/api/incidents/${encodeURIComponent(id)}/split`, { record_ids: ids, who: f.who.value.trim(), why: f.why.value.trim() });
    navigate("/incidents/" + encodeURIComponent(newId(result) || id));
    status("Split into a new incident.", "ok");
  });
  const merge = action(el("form", { class: "stack" }, el("div", { class: "row" },
    el("input", { name: "other", required: true, placeholder: "other incident id" }), who(),
    el("input", { name: "why", required: true, placeholder: "why merge" }), el("button", { type: "submit" }, "Merge"))), async (f) => {
    const result = await post("/api/incidents/merge", { ids: [id, f.other.value.trim()], who: f.who.value.trim(), why: f.why.value.trim() });
    navigate("/incidents/" + encodeURIComponent(newId(result) || id));
    status("Incidents merged.", "ok");
  });
  return el("section", { class: "panel" }, el("h2", {}, "Records and merge"), list, split, merge);
}

// ---------- start ----------

document.addEventListener("DOMContentLoaded", () => {
  restoreFilters();
  setupFilters();
  setupMap();
  route();
});
