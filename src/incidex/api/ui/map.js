// The incident map: country outlines from countries.json (shipped, offline) and markers from /api/stats/map, which
// groups the incidents in view into cells; as the view zooms in the cells shrink and the groups split. Place names
// appear at regional and city scale. Keyboard: Tab reaches the markers, arrows move between them, Enter opens an
// incident or zooms into a group (a group at one spot lists its incidents), + and - zoom, 0 shows the world.
import { TYPES, TYPE_COLOURS, api, dateText, el, label, rovingKeys, show, svg, typeChip } from "./dom.js";

const WORLD = { x: 0, y: 0, w: 360, h: 150 };  // x = lon + 180, y = 90 - lat (latitudes 90 to -60 in view)
const MIN_WIDTH = 0.05;  // degrees across at the closest zoom, about 5 km
const CELL_PX = 48;  // a cell is about this many pixels wide
const LABEL_WIDTH = 40;  // place names show when the view is at most this many degrees wide
const STACKED = 0.01;  // degrees: a group whose incidents lie within this is one spot, and lists them

const map = { view: { ...WORLD }, cells: [], filters: null, generation: 0, timer: null, restoreFocus: null,
  countries: [], onOpen: null, onArea: null };

export function setupMap({ countries, onOpen, onArea }) {
  map.countries = countries;
  map.onOpen = onOpen;
  map.onArea = onArea;
  const box = document.getElementById("map");
  box.append(svg("g", { class: "land", "aria-hidden": "true" }, countries.map((c) =>
    svg("path", { d: c.d, class: "country", "data-iso": c.iso2 || "" }))), svg("g", { class: "markers" }),
  svg("g", { class: "labels", "aria-hidden": "true" }));
  box.addEventListener("wheel", (event) => {
    event.preventDefault();
    const rect = box.getBoundingClientRect();
    zoomAt(event.deltaY > 0 ? 1.4 : 1 / 1.4, (event.clientX - rect.left) / rect.width,
      (event.clientY - rect.top) / rect.height);
  }, { passive: false });
  let drag = null;
  box.addEventListener("pointerdown", (event) => {
    if (event.target.closest(".marker")) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...map.view } };
    box.setPointerCapture(event.pointerId);
  });
  box.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const k = drag.view.w / box.getBoundingClientRect().width;
    setView({ ...drag.view, x: drag.view.x - (event.clientX - drag.x) * k, y: drag.view.y - (event.clientY - drag.y) * k });
  });
  box.addEventListener("pointerup", () => { drag = null; });
  box.addEventListener("click", (event) => {
    const marker = event.target.closest(".marker");
    if (marker) activate(marker);
  });
  const markers = box.querySelector(".markers");
  rovingKeys(markers, () => [...markers.querySelectorAll(".marker")], activate, (event, marker) => {
    if (event.key === "+" || event.key === "=") return zoomOn(marker, 1 / 2.5);
    if (event.key === "-") return zoomOn(marker, 2.5);
    if (event.key === "0") return setView({ ...WORLD }) || true;
    return false;
  });
  document.getElementById("map-in").addEventListener("click", () => zoomAt(1 / 2, 0.5, 0.5));
  document.getElementById("map-out").addEventListener("click", () => zoomAt(2, 0.5, 0.5));
  document.getElementById("map-reset").addEventListener("click", () => setView({ ...WORLD }));
  window.addEventListener("resize", () => setView(map.view));
}

// Load the cells of the current view for these API filters; resolves when the markers are drawn.
export function loadMap(filters) {
  map.filters = filters;
  return fetchCells();
}

function zoomAt(scale, fx, fy) {
  const v = map.view;
  const w = Math.min(Math.max(v.w * scale, MIN_WIDTH), WORLD.w);
  const k = w / v.w;
  setView({ x: v.x + fx * v.w * (1 - k), y: v.y + fy * v.h * (1 - k), w, h: v.h * k });
}

function zoomOn(marker, scale) {
  const v = map.view;
  const x = Number(marker.dataset.x), y = Number(marker.dataset.y);
  zoomAt(scale, (x - v.x) / v.w, (y - v.y) / v.h);
  return true;
}

function setView(view) {
  map.view = view;
  const box = document.getElementById("map");
  box.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  draw();
  clearTimeout(map.timer);
  map.timer = setTimeout(fetchCells, 150);
  return true;
}

// Map units per screen pixel (the SVG keeps its aspect ratio: the tighter of the two scales applies).
function unit() {
  const rect = document.getElementById("map").getBoundingClientRect();
  return Math.max(map.view.w / Math.max(rect.width, 1), map.view.h / Math.max(rect.height, 1));
}

function cellSize() {
  const target = CELL_PX * unit();
  let cell = 45;
  while (cell / 2 >= target && cell > 0.001) cell /= 2;
  return cell;
}

function viewBox() {
  const v = map.view;
  const clamp = (value, low, high) => Math.min(Math.max(value, low), high);
  return [clamp(v.x - 180, -180, 180), clamp(90 - v.y - v.h, -90, 90), clamp(v.x + v.w - 180, -180, 180),
    clamp(90 - v.y, -90, 90)];
}

async function fetchCells() {
  if (!map.filters) return;
  const generation = ++map.generation;
  const params = new URLSearchParams(map.filters);
  let [west, south, east, north] = viewBox();
  const area = params.get("bbox");
  if (area) {
    const [w, s, e, n] = area.split(",").map(Number);
    [west, south, east, north] = [Math.max(west, w), Math.max(south, s), Math.min(east, e), Math.min(north, n)];
  }
  const cell = cellSize();
  let data = { cells: [], unlocated: 0 };
  if (west < east && south < north) {
    params.set("bbox", [west, south, east, north].map((n) => n.toFixed(4)).join(","));
    params.set("cell", cell);
    data = await api("/api/stats/map?" + params);
  }
  if (generation !== map.generation) return;
  map.cells = data.cells.map((c) => ({ ...c, x: c.lon + 180, y: 90 - c.lat, key: c.id || `${c.west},${c.south},${c.count}` }));
  map.cell = cell;
  const shown = map.cells.reduce((n, c) => n + c.count, 0);
  document.getElementById("map-count").textContent = `${shown} in view` + (data.unlocated ? ` · ${data.unlocated} without coordinates` : "");
  drawLegend();
  draw({ fetched: true });
}

function radius(cell) {
  if (cell.count > 1) return 8 + 3 * Math.log2(cell.count);
  return Math.min(4 + 2 * Math.sqrt(cell.killed || 0), 14);
}

function describe(cell) {
  if (cell.count === 1) {
    return `${label(cell.type || "incident")} at ${cell.location || "an unnamed place"}`
      + `${cell.background ? " (background)" : ""}, ${show(cell.killed)} killed. Enter opens it.`;
  }
  const where = cell.location ? ` at ${cell.location}` : "";
  const stacked = isStacked(cell) ? "Enter lists them." : "Enter zooms in.";
  return `${cell.count} incidents${where}, ${show(cell.killed)} killed. ${stacked}`;
}

function isStacked(cell) {
  return Math.max(cell.north - cell.south, cell.east - cell.west) <= STACKED || map.view.w <= MIN_WIDTH * 1.01;
}

// Draw the markers of the cells at the current zoom. Keyboard focus stays on the marker it was on, or moves to the
// one nearest where it was (after a zoom into a group: nearest the group's centre, once its cells have come).
function draw({ fetched = false } = {}) {
  const box = document.getElementById("map");
  const markers = box.querySelector(".markers"), labels = box.querySelector(".labels");
  const u = unit();
  const order = map.cells.slice().sort((a, b) => a.x - b.x || a.y - b.y);
  const focused = markers.contains(document.activeElement) ? document.activeElement : null;
  const focusKey = (focused || markers.querySelector('.marker[tabindex="0"]'))?.dataset.key;
  const focusAt = focused ? { x: Number(focused.dataset.x), y: Number(focused.dataset.y) } : map.restoreFocus;
  const nodes = order.map((cell) => {
    const group = cell.count > 1;
    const faded = cell.background === cell.count;
    const node = svg("g", {
      class: `marker ${group ? "group" : "single"}${faded ? " background" : ""}`, role: "button", tabindex: "-1",
      "aria-label": describe(cell), "data-key": cell.key, "data-id": cell.id, "data-count": cell.count,
      "data-x": cell.x, "data-y": cell.y, "data-west": cell.west, "data-east": cell.east, "data-south": cell.south,
      "data-north": cell.north,
    }, svg("circle", { cx: cell.x, cy: cell.y, r: radius(cell) * u,
      fill: group ? null : TYPE_COLOURS[cell.type] || "#999" }));
    if (group) {
      const count = svg("text", { x: cell.x, y: cell.y, "font-size": 11 * u, dy: "0.35em", "text-anchor": "middle",
        "aria-hidden": "true" });
      count.textContent = cell.count;
      node.append(count);
    }
    const title = svg("title");
    title.textContent = describe(cell);
    node.append(title);
    return node;
  });
  markers.replaceChildren(...nodes);
  let index = order.findIndex((cell) => cell.key === focusKey);
  if (index < 0 && focusAt) index = nearest(order, focusAt);
  index = Math.max(index, 0);
  nodes.forEach((node, n) => node.setAttribute("tabindex", n === index ? "0" : "-1"));
  const restore = fetched && map.restoreFocus;
  if ((focused || restore) && nodes[index]) nodes[index].focus({ preventScroll: true });
  if (restore) map.restoreFocus = null;
  labels.replaceChildren(...(map.view.w <= LABEL_WIDTH ? placeLabels(order, u) : []));
}

function nearest(cells, point) {
  let best = -1, distance = Infinity;
  cells.forEach((cell, n) => {
    const d = (cell.x - point.x) ** 2 + (cell.y - point.y) ** 2;
    if (d < distance) [best, distance] = [n, d];
  });
  return best;
}

// Place names beside the markers that have one, largest groups first, skipping names that would overlap.
function placeLabels(cells, u) {
  const taken = [];
  const out = [];
  for (const cell of cells.slice().sort((a, b) => b.count - a.count)) {
    if (!cell.location) continue;
    const r = radius(cell) * u;
    const width = (cell.location.length * 6.5 + 4) * u, height = 13 * u;
    const rect = { x: cell.x + r + 2 * u, y: cell.y - height / 2, w: width, h: height };
    if (taken.some((t) => rect.x < t.x + t.w && t.x < rect.x + rect.w && rect.y < t.y + t.h && t.y < rect.y + rect.h)) continue;
    taken.push(rect);
    const text = svg("text", { x: rect.x, y: cell.y, dy: "0.35em", "font-size": 11 * u, class: "place" });
    text.textContent = cell.location;
    out.push(text);
  }
  return out;
}

function activate(marker) {
  const cell = map.cells.find((c) => c.key === marker.dataset.key);
  if (!cell) return;
  if (cell.count === 1) return map.onOpen(cell.id);
  if (isStacked(cell)) return listGroup(cell, marker);
  const pad = Math.max(0.15 * Math.max(cell.east - cell.west, cell.north - cell.south), 0.02);
  const w = Math.max(cell.east - cell.west + 2 * pad, (cell.north - cell.south + 2 * pad) * WORLD.w / WORLD.h, MIN_WIDTH);
  const h = w * WORLD.h / WORLD.w;
  map.restoreFocus = { x: cell.x, y: cell.y };
  setView({ x: (cell.west + cell.east) / 2 + 180 - w / 2, y: 90 - (cell.south + cell.north) / 2 - h / 2, w, h });
}

// The incidents of a group at one spot, as links, in a small dialog over the map.
async function listGroup(cell, marker) {
  const eps = 1e-4;
  const area = [cell.west - eps, cell.south - eps, cell.east + eps, cell.north + eps].map((n) => n.toFixed(5)).join(",");
  const params = new URLSearchParams(map.filters);
  params.set("bbox", area);
  params.set("sort", "-date");
  params.set("limit", 50);
  const page = await api("/api/incidents?" + params);
  const close = () => {
    popover.remove();
    (document.querySelector(`#map .marker[data-key="${CSS.escape(marker.dataset.key)}"]`) || marker).focus();
  };
  const popover = el("div", { class: "map-popover", role: "dialog", "aria-label": `${cell.count} incidents at ${cell.location || "one place"}` },
    el("div", { class: "panel-head" }, el("b", {}, `${page.total} incidents at ${cell.location || "one place"}`),
      el("span", { class: "spacer" }), el("button", { type: "button", class: "quiet", onclick: close }, "Close")),
    el("ul", { class: "plain" }, page.items.map((item) => el("li", {},
      el("a", { href: "/incidents/" + encodeURIComponent(item.id), "data-nav": true },
        dateText(item.date, item.date_precision), " · ", label(item.type), " · ", show(item.killed), " killed")))),
    page.total > page.items.length ? el("p", { class: "muted" }, `The ${page.items.length} latest of ${page.total}.`) : null,
    el("button", { type: "button", onclick: () => { popover.remove(); map.onArea(area); } }, "Show them in the table"));
  popover.addEventListener("keydown", (event) => { if (event.key === "Escape") close(); });
  document.querySelector(".map-popover")?.remove();
  document.getElementById("map-frame").append(popover);
  (popover.querySelector("a") || popover.querySelector("button")).focus();
}

function drawLegend() {
  const present = TYPES.filter((t) => map.cells.some((c) => c.type === t && c.count === 1));
  const fadedDot = el("i", { class: "dot faded", "aria-hidden": "true" });
  const groupDot = el("i", { class: "dot group", "aria-hidden": "true" });
  document.getElementById("type-legend").replaceChildren(...present.map(typeChip),
    el("span", { class: "chip" }, fadedDot, "faded: background only"),
    el("span", { class: "chip" }, groupDot, "number: several incidents, click to zoom in"),
    el("span", { class: "muted" }, "· dot size: killed"));
}
