// The timeline: incidents per day, week, month or year over the filtered range (/api/stats/timeline), stacked by type.
// Incidents dated only to a month or a year on a finer scale are drawn as hatched bands under the bars across the whole
// period they may fall in, never as a bar in its first week. Keyboard: Tab reaches the bars, arrows move between bars
// and bands, Enter narrows the event-date filter to one of them.
import { TYPES, TYPE_COLOURS, dayText, rovingKeys, show, svg } from "./dom.js";

const HEIGHT = 196, LEFT = 34, RIGHT = 6, TOP = 8, BARS_BOTTOM = 124, LANE = 9, LANES = 4;
const DAY = 86400000;
const UNIT_LABEL = { day: "day", week: "week", month: "month", year: "year" };
let onPick = null;

export function setupTimeline(pick) {
  onPick = pick;
  const chart = document.getElementById("timeline");
  rovingKeys(chart, () => [...chart.querySelectorAll(".bin, .span")], (item) => pickItem(item));
  chart.addEventListener("click", (event) => {
    const item = event.target.closest(".bin, .span");
    if (item) pickItem(item);
  });
}

function pickItem(item) {
  if (Number(item.dataset.count) > 0) onPick(item.dataset.start, item.dataset.end);
}

function days(iso) {
  return Date.parse(iso + "T00:00:00Z") / DAY;
}

function binLabel(unit, start) {
  if (unit === "year") return start.slice(0, 4);
  if (unit === "month") return dayText(start.slice(0, 7));
  return dayText(start);
}

function periodText(unit, start, end) {
  if (unit === "week") return `week of ${dayText(start)}`;
  if (start === end) return dayText(start);
  const [a, b] = [start.slice(5), end.slice(5)];
  if (a === "01-01" && b === "12-31" && start.slice(0, 4) === end.slice(0, 4)) return start.slice(0, 4);
  if (start.slice(0, 7) === end.slice(0, 7) && start.endsWith("-01")) return dayText(start.slice(0, 7));
  return `${dayText(start)} to ${dayText(end)}`;
}

function typesText(types) {
  return Object.entries(types).sort((a, b) => b[1] - a[1]).map(([type, n]) => `${n} ${type.replace(/_/g, " ")}`).join(", ");
}

export function drawTimeline(data) {
  const chart = document.getElementById("timeline");
  const width = Math.max(chart.clientWidth, 300);
  chart.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
  const bins = data.bins || [], spans = data.spans || [];
  document.getElementById("timeline-title").textContent = `Incidents per ${UNIT_LABEL[data.unit] || "week"}`;
  const parts = [`${data.dated} dated`];
  if (spans.length) parts.push(`${spans.reduce((n, s) => n + s.count, 0)} known only to a month or year (bands)`);
  if (data.undated) parts.push(`${data.undated} undated, not drawn`);
  document.getElementById("timeline-count").textContent = parts.join(" · ");
  if (!bins.length) {
    const empty = svg("text", { x: width / 2, y: HEIGHT / 2, class: "empty", "text-anchor": "middle" });
    empty.textContent = "No dated incidents";
    chart.replaceChildren(empty);
    return;
  }
  const first = days(bins[0].start), last = days(bins[bins.length - 1].end) + 1;
  const x = (iso, end = false) => LEFT + ((days(iso) + (end ? 1 : 0) - first) / (last - first)) * (width - LEFT - RIGHT);
  const max = Math.max(1, ...bins.map((b) => b.count));
  const y = (value) => BARS_BOTTOM - (value / max) * (BARS_BOTTOM - TOP);
  const out = [svg("defs", {}, svg("pattern", { id: "vague", width: 5, height: 5, patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)" }, svg("rect", { width: 5, height: 5, class: "vague-bg" }),
  svg("line", { x1: 0, y1: 0, x2: 0, y2: 5, class: "vague-line" })))];
  for (const tick of new Set([0, Math.ceil(max / 2), max])) {
    out.push(svg("line", { x1: LEFT, x2: width - RIGHT, y1: y(tick), y2: y(tick), class: "gridline" }));
    const text = svg("text", { x: LEFT - 5, y: y(tick) + 3, "text-anchor": "end", class: "axis" });
    text.textContent = tick;
    out.push(text);
  }
  const step = Math.max(1, Math.ceil(70 / ((width - LEFT - RIGHT) / bins.length)));
  bins.forEach((bin, index) => {
    const x0 = x(bin.start), x1 = x(bin.end, true);
    const gap = Math.min(1, (x1 - x0) * 0.15);
    const group = svg("g", { class: "bin", role: "button", tabindex: "-1", "data-start": bin.start, "data-end": bin.end,
      "data-count": bin.count, "aria-label": `${periodText(data.unit, bin.start, bin.end)}: ${bin.count} incidents`
        + (bin.count ? ` (${typesText(bin.types)}), ${show(bin.killed)} killed. Enter shows only these dates.` : "") },
    svg("rect", { class: "hit", x: x0, width: Math.max(x1 - x0, 1), y: TOP, height: BARS_BOTTOM - TOP }));
    let base = 0;
    for (const type of TYPES) {
      const count = bin.types[type];
      if (!count) continue;
      group.append(svg("rect", { class: "bar", x: x0 + gap / 2, width: Math.max(x1 - x0 - gap, 1), y: y(base + count),
        height: y(base) - y(base + count), fill: TYPE_COLOURS[type] || "#999", "data-type": type }));
      base += count;
    }
    const title = svg("title");
    title.textContent = group.getAttribute("aria-label");
    group.append(title);
    out.push(group);
    if (index % step === 0 && x0 + 56 <= width) {
      const text = svg("text", { x: x0, y: BARS_BOTTOM + 13, class: "axis" });
      text.textContent = binLabel(data.unit, bin.start);
      out.push(text);
    }
  });
  const lanes = [];
  for (const span of spans) {
    const x0 = x(span.start), x1 = x(span.end, true);
    let lane = lanes.findIndex((end) => end <= x0);
    if (lane < 0) lane = lanes.length < LANES ? lanes.length : LANES - 1;
    lanes[lane] = x1 + 2;
    const top = BARS_BOTTOM + 22 + lane * LANE;
    const group = svg("g", { class: "span", role: "button", tabindex: "-1", "data-start": span.start,
      "data-end": span.end, "data-count": span.count,
      "aria-label": `Dated only to ${periodText("span", span.start, span.end)}: ${span.count} incidents `
        + `(${typesText(span.types)}), ${show(span.killed)} killed. Enter shows only these dates.` },
    svg("rect", { class: "band", x: x0, width: Math.max(x1 - x0, 2), y: top, height: LANE - 2, fill: "url(#vague)" }));
    const title = svg("title");
    title.textContent = group.getAttribute("aria-label");
    group.append(title);
    out.push(group);
  }
  chart.replaceChildren(...out);
  const items = [...chart.querySelectorAll(".bin, .span")];
  const start = Math.max(0, items.findIndex((item) => Number(item.dataset.count) > 0));
  items.forEach((item, n) => item.setAttribute("tabindex", n === start ? "0" : "-1"));
}
