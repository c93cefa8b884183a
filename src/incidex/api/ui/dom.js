// What every part of the incidex UI shares: building DOM nodes, formatting values, talking to the API.
// Report text and every value from the API are hostile: the DOM is built with createElement and text nodes only,
// no HTML string is ever parsed, and links from reports are kept only when they are http(s).

export const TYPES = ["hostage_taking", "kidnapping", "bombing", "armed_assault", "assassination", "arson",
  "air_or_drone_strike", "shelling", "raid", "clash", "riot", "arrest", "plot", "robbery", "other"];
export const TYPE_COLOURS = {
  hostage_taking: "#9c4f96", kidnapping: "#7b68c8", bombing: "#c8463d", armed_assault: "#e0803a",
  assassination: "#7d2f2f", arson: "#d9a531", air_or_drone_strike: "#3b78b0", shelling: "#2b958a",
  raid: "#5f8f2f", clash: "#b9607f", riot: "#a59a3c", arrest: "#5f6b78", plot: "#96a3b3", robbery: "#8a6a55",
  other: "#a6adb6",
};

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

export function show(value) {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

export function label(field) {
  return String(field).replace(/_/g, " ");
}

// A figure or range as words: "12", "12–15", "at least 661", "up to 40"; never "null".
export function amount(value, low, high) {
  if (value !== null && value !== undefined) return String(value);
  const hasLow = low !== null && low !== undefined, hasHigh = high !== null && high !== undefined;
  if (hasLow && hasHigh) return low === high ? String(low) : `${low}–${high}`;
  if (hasLow) return `at least ${low}`;
  if (hasHigh) return `up to ${high}`;
  return "unknown";
}

export function typeChip(type) {
  const dot = el("i", { class: "dot", "aria-hidden": "true" });
  dot.style.background = TYPE_COLOURS[type] || "#999";  // CSSOM, not a style attribute: allowed by the CSP
  return el("span", { class: "chip" }, dot, label(type || "unknown"));
}

export function safeUrl(url) {
  try {
    const parsed = new URL(String(url));
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (_error) {
    return null;
  }
}

export function status(message, kind) {
  const box = document.getElementById("status");
  box.textContent = message || "";
  box.className = "status " + (kind || "");
  box.hidden = !message;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// "2024-05-11" → "11 May 2024", "2024-05" → "May 2024", "2024" → "2024".
export function dayText(iso) {
  const [year, month, day] = String(iso || "").split("-");
  if (!year) return "";
  if (!month) return year;
  const name = MONTHS[Number(month) - 1] || month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

export function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

// An incident's date as stored (day, month or year) with its precision spelled out when it is not a day.
export function dateText(value, precision) {
  if (!value) return "undated";
  const text = dayText(value);
  return precision && precision !== "day" && precision !== "unknown" ? `${text} (${precision} only)` : text;
}

export async function api(path, options) {
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem("incidex-token");
  if (token) headers.Authorization = "Bearer " + token;
  const init = { headers, method: (options && options.method) || "GET", signal: options && options.signal };
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

export function post(path, body) {
  return api(path, { method: "POST", body });
}

// Keyboard movement within a group of items of which one at a time takes Tab focus (a roving tabindex):
// arrows move, Home/End jump, Enter and Space activate. ``items`` are read anew on every key press.
export function rovingKeys(container, items, activate, extra) {
  container.addEventListener("keydown", (event) => {
    const list = items();
    const index = list.indexOf(document.activeElement);
    if (index < 0) return;
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    let next = null;
    if (event.key in moves) next = Math.min(Math.max(index + moves[event.key], 0), list.length - 1);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = list.length - 1;
    else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      activate(list[index]);
      return;
    } else if (extra && extra(event, list[index])) {
      event.preventDefault();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    focusItem(list, next);
  });
}

function focusItem(list, index) {
  list.forEach((item, n) => item.setAttribute("tabindex", n === index ? "0" : "-1"));
  if (list[index]) list[index].focus();
}
