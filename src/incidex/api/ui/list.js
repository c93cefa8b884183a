// The list page: filters, map, timeline, incidents per country and the incident table, all drawn from one state
// that lives in the address (see filters.js).
import { api, dateText, dayText, el, show, status, typeChip } from "./dom.js";
import { addressOf, apiFilters, countryName, readState, setupForm, syncForm } from "./filters.js";
import { loadMap, setupMap } from "./map.js";
import { drawTimeline, setupTimeline } from "./timeline.js";

const PAGE = 50;
const SORTS = { date: "-date", type: "type", country: "country", killed: "-killed", reports: "-reports" };  // first click
let state = readState("");
let generation = 0;
let navigate = null;

export function setupList({ countries, go }) {
  navigate = go;
  const form = document.getElementById("filters");
  setupForm(form, { getState: () => state, commit });
  setupMap({ countries, onOpen: (id) => navigate("/incidents/" + encodeURIComponent(id)),
    onArea: (bbox) => commit({ ...state, bbox }) });
  setupTimeline((from, to) => commit({ ...state, date_from: from, date_to: to, last: null }));
  document.getElementById("timeline-all").addEventListener("click", () => commit({ ...state, date_from: "", date_to: "", last: null }));
  document.querySelector("#area-filter button").addEventListener("click", () => commit({ ...state, bbox: "" }));
  for (const th of document.querySelectorAll("#incidents th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.sort;
      const first = SORTS[key];
      const sort = state.sort === first && first.startsWith("-") ? first.slice(1) : first;
      commit({ ...state, sort }, { keepPage: false, only: "table" });
    });
  }
  document.getElementById("prev-page").addEventListener("click", () =>
    commit({ ...state, offset: Math.max(0, state.offset - PAGE) }, { keepPage: true, only: "table" }));
  document.getElementById("next-page").addEventListener("click", () =>
    commit({ ...state, offset: state.offset + PAGE }, { keepPage: true, only: "table" }));
}

// A new state from a control: a new history entry (typing replaces its own), then redraw.
function commit(next, { replace = false, keepPage = false, only = null } = {}) {
  state = { ...next, offset: keepPage ? next.offset : 0 };
  const address = addressOf(state);
  if (address !== location.pathname + location.search) history[replace ? "replaceState" : "pushState"](null, "", address);
  showList({ only });
}

// Draw the list for the address (first load, a commit, Back and Forward).
export async function showList({ only = null } = {}) {
  state = readState(location.search);
  sessionStorage.setItem("incidex-list", addressOf(state));
  const form = document.getElementById("filters");
  syncForm(form, state);
  const current = ++generation;
  const filters = apiFilters(state);
  const parts = [loadTable(filters, current)];
  if (only !== "table") {
    document.getElementById("timeline-all").hidden = !(state.date_from || state.date_to || state.last);
    parts.push(loadMap(filters), api("/api/stats/timeline?" + filters).then((data) => {
      if (current === generation) drawTimeline(data);
    }), loadCountryStats(filters, current));
  }
  try {
    await Promise.all(parts);
    if (current === generation) {
      document.body.dataset.drawn = String(current);
      performance.mark("incidex:list-drawn");
    }
  } catch (error) {
    status(error.message, "error");
  }
}

async function loadTable(filters, current) {
  const query = new URLSearchParams(filters);
  query.set("sort", state.sort);
  query.set("limit", PAGE);
  query.set("offset", state.offset);
  const data = await api("/api/incidents?" + query);
  if (current !== generation) return;
  const body = document.querySelector("#incidents tbody");
  body.replaceChildren(...data.items.map(tableRow));
  if (!data.items.length) {
    body.append(el("tr", {}, el("td", { colspan: 9, class: "empty" }, "No incidents match these filters.")));
  }
  const first = data.total ? state.offset + 1 : 0;
  document.getElementById("table-count").textContent = `${first}–${state.offset + data.items.length} of ${data.total}`;
  document.getElementById("prev-page").disabled = state.offset === 0;
  document.getElementById("next-page").disabled = state.offset + data.items.length >= data.total;
  for (const th of document.querySelectorAll("#incidents th[data-sort]")) {
    const key = th.dataset.sort;
    const sorted = state.sort === key ? "ascending" : state.sort === "-" + key ? "descending" : null;
    if (sorted) th.setAttribute("aria-sort", sorted); else th.removeAttribute("aria-sort");
  }
}

function place(item) {
  return [item.location, item.admin1].filter(Boolean).filter((part, index, parts) => parts.indexOf(part) === index)
    .join(", ");
}

function tableRow(item) {
  const href = "/incidents/" + encodeURIComponent(item.id);
  const perpetrators = (item.perpetrators || []).join("; ");
  const reported = item.reported_from ? dayText(item.reported_from) : "—";
  const row = el("tr", { class: item.role === "background" ? "background" : null, "data-id": item.id },
    el("td", {}, el("a", { href, "data-nav": true }, dateText(item.date, item.date_precision))),
    el("td", {}, typeChip(item.type), item.role === "background" ? el("span", { class: "tag" }, "background") : null,
      item.corrected ? el("span", { class: "tag corrected", title: "changed by an analyst" }, "corrected") : null),
    el("td", { class: "place" }, place(item) || "—"),
    el("td", { class: "country" }, item.country ? countryName(item.country) : "—"),
    el("td", { class: "num" }, show(item.killed)),
    el("td", { class: "num" }, show(item.injured)),
    el("td", { class: "actors", title: perpetrators || null }, perpetrators || "—"),
    el("td", { class: "num" }, show(item.report_count)),
    el("td", { class: "nowrap" }, reported));
  row.addEventListener("click", (event) => { if (!event.target.closest("a")) navigate(href); });
  return row;
}

async function loadCountryStats(filters, current) {
  const rows = await api("/api/stats/countries?" + filters);
  if (current !== generation) return;
  const top = rows.slice(0, 8);
  const max = Math.max(1, ...top.map((r) => r.count));
  const body = document.querySelector("#by-country tbody");
  body.replaceChildren(...top.map((row) => {
    const bar = el("i", { class: "bar" });
    bar.style.width = (100 * row.count / max).toFixed(1) + "%";
    const name = countryName(row.country);
    const chosen = state.country.includes(row.country);
    const button = row.country ? el("button", { type: "button", class: "link", "aria-pressed": String(chosen),
      title: chosen ? "remove this country from the filter" : "filter by this country",
      onclick: () => commit({ ...state, country: chosen ? state.country.filter((c) => c !== row.country)
        : [...state.country, row.country] }) }, name) : el("span", { class: "muted" }, name);
    return el("tr", {}, el("td", {}, button), el("td", { class: "barcell" }, bar), el("td", { class: "num" }, row.count),
      el("td", { class: "num" }, show(row.killed)));
  }));
  if (!top.length) body.append(el("tr", {}, el("td", { colspan: 4, class: "empty" }, "No incidents match.")));
}
