// The list page's filters. One state object whose only store is the address: a link, a reload, Back and Forward all
// show what the address says. The form is drawn from the state, never read before its options exist.
import { TYPES, api, el, isoDay, label } from "./dom.js";

const LISTED = ["type", "country", "actor"];
const SINGLE = ["q", "admin1", "date_from", "date_to", "reported_from", "reported_to", "min_killed", "bbox"];
const ROLES = ["main", "background", "all"];
const PRESETS = [7, 30];  // "last N days" of event dates
const DEFAULT_SORT = "-date";

export function readState(search) {
  const params = new URLSearchParams(search);
  const state = { sort: params.get("sort") || DEFAULT_SORT };
  for (const key of LISTED) state[key] = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
  for (const key of SINGLE) state[key] = (params.get(key) || "").trim();
  state.role = ROLES.includes(params.get("role")) ? params.get("role") : "main";
  state.dated = params.get("dated") === "1";
  const last = Number(params.get("last"));
  state.last = PRESETS.includes(last) ? last : null;
  state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  return state;
}

// The address of a state: defaults left out, so the plain list is "/".
export function addressOf(state) {
  const params = new URLSearchParams();
  for (const key of LISTED) for (const value of state[key]) params.append(key, value);
  for (const key of SINGLE) if (state[key] && !(state.last && key.startsWith("date_"))) params.set(key, state[key]);
  if (state.last) params.set("last", state.last);
  if (state.role !== "main") params.set("role", state.role);
  if (state.dated) params.set("dated", "1");
  if (state.sort !== DEFAULT_SORT) params.set("sort", state.sort);
  if (state.offset) params.set("offset", state.offset);
  const query = params.toString();
  return "/" + (query ? "?" + query : "");
}

// The event-date window of a state: a preset counts back from today (local time), else the dates given.
function eventDates(state) {
  if (!state.last) return [state.date_from, state.date_to];
  const today = new Date();
  const first = new Date(today.getFullYear(), today.getMonth(), today.getDate() - state.last + 1);
  return [localDay(first), localDay(today)];
}

function localDay(date) {
  return isoDay(new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())));
}

// The API's query parameters for the filters of a state (no sort or page).
export function apiFilters(state, { without } = {}) {
  const params = new URLSearchParams();
  for (const key of LISTED) if (key !== without) for (const value of state[key]) params.append(key, value);
  const [from, to] = eventDates(state);
  const values = { ...state, date_from: from, date_to: to };
  for (const key of SINGLE) if (key !== without && values[key]) params.set(key, values[key]);
  if (state.role !== "all") params.set("role", state.role);
  if (state.dated) params.set("dated", "true");
  return params;
}

// ---------- the form ----------

let countryNames = new Map();

export function setupForm(form, { getState, commit }) {
  const typing = new Map();  // text fields commit after a pause; typing on replaces its own history entry
  for (const name of ["q", "admin1", "min_killed"]) {
    form.elements[name].addEventListener("input", () => {
      clearTimeout(typing.get(name));
      typing.set(name, setTimeout(() => {
        const value = form.elements[name].value.trim();
        if (name === "min_killed" && value && !/^\d+$/.test(value)) return;
        commit({ ...getState(), [name]: value }, { replace: form.dataset.typing === name });
        form.dataset.typing = name;
      }, 300));
    });
  }
  for (const name of ["date_from", "date_to", "reported_from", "reported_to"]) {
    form.elements[name].addEventListener("change", () => {
      const state = getState();
      const [from, to] = eventDates(state);
      const dates = name.startsWith("date_") ? { date_from: from, date_to: to, last: null } : {};
      commit({ ...state, ...dates, [name]: form.elements[name].value });
    });
  }
  for (const button of form.querySelectorAll("button[data-last]")) {
    button.addEventListener("click", () => {
      const last = Number(button.dataset.last);
      const state = getState();
      commit({ ...state, last: state.last === last ? null : last, date_from: "", date_to: "" });
    });
  }
  for (const radio of form.querySelectorAll("input[name=role]")) {
    radio.addEventListener("change", () => commit({ ...getState(), role: radio.value }));
  }
  form.elements.dated.addEventListener("change", () => commit({ ...getState(), dated: form.elements.dated.checked }));
  form.querySelector("#clear-filters").addEventListener("click", () => commit(readState("")));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("focusout", () => { delete form.dataset.typing; });

  choices(form.querySelector("#type-choices"), "type", "types", { getState, commit,
    options: async () => TYPES.map((type) => ({ value: type, text: label(type) })) });
  choices(form.querySelector("#country-choices"), "country", "countries", { getState, commit,
    options: async () => (await countryOptions()).map((row) => ({ value: row.country, text: countryName(row.country),
      count: row.count })) });
  choices(form.querySelector("#actor-choices"), "actor", "actors", { getState, commit, free: true, reload: true,
    options: async () => (await api("/api/stats/actors?" + apiFilters(getState(), { without: "actor" })))
      .map((row) => ({ value: row.name, text: row.name, count: row.count })) });
  const regions = form.querySelector("#region-options");
  form.elements.admin1.addEventListener("focus", async () => {
    const rows = await api("/api/stats/regions?" + apiFilters(getState(), { without: "admin1" }));
    regions.replaceChildren(...rows.map((row) => el("option", { value: row.admin1 },
      `${row.admin1} (${countryName(row.country)}) · ${row.count}`)));
  });
}

let countryRows = null;

async function countryOptions() {
  countryRows = countryRows || (await api("/api/stats/countries")).filter((row) => row.country);
  return countryRows;
}

export function setCountryNames(shapes) {
  countryNames = new Map(shapes.map((shape) => [shape.iso2, shape.name]));
}

export function countryName(code) {
  return code ? countryNames.get(code) || code : "unknown country";
}

// A dropdown of checkboxes for a filter that takes several values (any one matches). ``free``: a typed value not
// in the list can be added (actors: "name contains"); ``reload``: the options follow the other filters.
function choices(box, name, plural, { getState, commit, options, free = false, reload = false }) {
  const summary = box.querySelector("summary");
  const list = el("div", { class: "choice-list", role: "group", "aria-label": plural });
  const search = el("input", { type: "search", class: "choice-search", "aria-label": `find ${plural}`,
    placeholder: `find ${plural}` });
  const panel = el("div", { class: "choice-panel" }, search, list);
  box.append(panel);
  let loaded = null;
  let shown = [];

  const toggle = (value, on) => {
    const state = getState();
    const chosen = new Set(state[name]);
    if (on) chosen.add(value); else chosen.delete(value);
    commit({ ...state, [name]: [...chosen] });
  };
  const draw = () => {
    const chosen = getState()[name];
    const needle = search.value.trim().toLowerCase();
    const known = new Set(shown.map((o) => o.value));
    const rows = [...chosen.filter((v) => !known.has(v)).map((v) => ({ value: v, text: v })), ...shown]
      .filter((o) => !needle || o.text.toLowerCase().includes(needle) || chosen.includes(o.value));
    const items = rows.slice(0, 300).map((option) => el("label", { class: "choice" },
      el("input", { type: "checkbox", value: option.value, checked: chosen.includes(option.value),
        onchange: (event) => toggle(option.value, event.target.checked) }),
      " ", option.text, option.count !== undefined ? el("span", { class: "muted" }, " · " + option.count) : null));
    if (free && needle && !rows.some((o) => o.text.toLowerCase() === needle)) {
      items.unshift(el("button", { type: "button", class: "link add-choice",
        onclick: () => { toggle(search.value.trim(), true); search.value = ""; } }, `Add “${search.value.trim()}” (name contains)`));
    }
    if (!items.length) items.push(el("p", { class: "muted" }, loaded ? `No ${plural} match.` : "Loading…"));
    list.replaceChildren(...items);
  };
  const load = async () => {
    if (loaded && !reload) return draw();
    const key = reload ? apiFilters(getState(), { without: name }).toString() : "";
    if (loaded === key) return draw();
    draw();
    shown = await options();
    loaded = key;
    draw();
  };
  box.addEventListener("toggle", () => { if (box.open) load().catch(() => {}); });
  search.addEventListener("input", draw);
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && box.open) {
      box.open = false;
      summary.focus();
    }
  });
  box.redraw = () => {
    const chosen = getState()[name];
    const words = chosen.map((value) => name === "country" ? countryName(value) : name === "type" ? label(value) : value);
    summary.querySelector(".value").textContent = words.length ? words.join(", ") : "any";
    if (box.open) load().catch(() => {});
  };
}

// Draw the controls from the state: run after every commit and on Back and Forward.
export function syncForm(form, state) {
  for (const name of ["q", "admin1", "min_killed", "reported_from", "reported_to"]) {
    if (document.activeElement !== form.elements[name]) form.elements[name].value = state[name];
  }
  const [from, to] = eventDates(state);
  form.elements.date_from.value = from;
  form.elements.date_to.value = to;
  for (const button of form.querySelectorAll("button[data-last]")) {
    button.setAttribute("aria-pressed", String(state.last === Number(button.dataset.last)));
  }
  for (const radio of form.querySelectorAll("input[name=role]")) radio.checked = radio.value === state.role;
  form.elements.dated.checked = state.dated;
  for (const box of form.querySelectorAll("details.choices")) box.redraw();
  const area = document.getElementById("area-filter");
  area.hidden = !state.bbox;
  area.querySelector(".value").textContent = state.bbox ? state.bbox.split(",").map((n) => Number(n).toFixed(1)).join(", ") : "";
  const query = apiFilters(state);
  for (const link of document.querySelectorAll("a[data-export]")) {
    link.href = `/api/export?format=${link.dataset.export}&${query}`;
  }
}
