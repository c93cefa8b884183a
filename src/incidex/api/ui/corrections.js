// The incident page's review panels: analyst corrections of fields, merging and splitting incidents, each listed with
// who made it and why, and undone from here. Every input has a label.
import { TYPES, api, el, label, post, show, status } from "./dom.js";

const CORRECTABLE = ["type", "date", "location.name", "location.admin1", "location.country_code",
  "casualties.killed.total", "casualties.injured.total", "casualties.hostages_taken",
  "casualties.hostages_released", "casualties.arrested"];
let uid = 0;

// An input (or select) with its label above it; ``attrs.name`` names the form field.
function field(text, control) {
  const id = `f${++uid}`;
  control.id = id;
  return el("div", { class: "field" }, el("label", { for: id }, text), control);
}

function who() {
  return field("Your name", el("input", { name: "who", required: true, autocomplete: "name",
    value: localStorage.getItem("incidex-who") || "" }));
}

function why(text) {
  return field(text, el("input", { name: "why", required: true }));
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

export function prefillCorrection(fieldName, value) {
  const form = document.getElementById("correction-form");
  if (!form) return;
  form.elements.field.value = fieldName;
  form.elements.value.value = value ?? "";
  form.elements.value.focus();
}

function correctionValue(fieldName, raw) {
  const text = raw.trim();
  if (!text) return null;
  if (fieldName.startsWith("casualties.")) {
    if (!/^\d+$/.test(text)) throw new Error(`${fieldName} takes a whole number or nothing; got “${text}”`);
    return parseInt(text, 10);
  }
  if (fieldName === "type" && !TYPES.includes(text.replace(/ /g, "_"))) throw new Error(`type must be one of: ${TYPES.join(", ")}`);
  return fieldName === "type" ? text.replace(/ /g, "_") : text;
}

// Every correction touching the incident (field, merge, split), newest first, each with its Undo.
export function correctionsList(id, { reload, go }) {
  const box = el("div", { class: "corrections-list" }, el("p", { class: "muted loading" }, "Loading corrections…"));
  api(`/api/corrections?incident_id=${encodeURIComponent(id)}&limit=500`).then((page) => {
    const rows = page.items.map((c) => el("tr", { class: c.undone ? "undone" : "", "data-kind": c.kind },
      el("td", {}, c.kind === "field" ? label(c.field) : c.kind), el("td", {}, changeText(c)),
      el("td", {}, c.who, el("div", { class: "muted" }, when(c.at))),
      el("td", {}, c.why),
      el("td", {}, c.undone ? el("span", { class: "muted" }, "undone", c.undo ? ` by ${show(c.undo.who)} ${when(c.undo.at)}` : "",
        c.undo && c.undo.why ? ` (${c.undo.why})` : "") : undoButton(id, c, { reload, go }))));
    box.replaceChildren(rows.length ? el("table", { class: "grid compact corrections" },
      el("thead", {}, el("tr", {}, ["Kind", "Change", "Who / when", "Why", "Undo"].map((h) => el("th", { scope: "col" }, h)))),
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

function undoButton(id, c, { reload, go }) {
  return el("button", { type: "button", class: "quiet", title: "undo this " + (c.kind === "field" ? "correction" : c.kind),
    onclick: async (event) => {
      event.target.disabled = true;
      const name = (localStorage.getItem("incidex-who") || "").trim();
      try {
        await post(c.undo_path, name ? { who: name } : {});
        // undoing a split from the split-off incident's page removes that incident: show the one it came from
        const gone = c.kind === "split" && id === c.result_ids[c.result_ids.length - 1];
        if (gone) go("/incidents/" + encodeURIComponent(c.incident_ids[0]));
        else reload();
        status(c.kind === "field" ? "Correction undone." : `The ${c.kind} is undone; its records are back where they were.`, "ok");
      } catch (error) {
        status(error.message, "error");
        event.target.disabled = false;
      }
    } }, "Undo");
}

export function correctionsPanel(id, { reload, go }) {
  const form = action(el("form", { id: "correction-form", class: "stack", "aria-label": "Correct a field" },
    el("div", { class: "row" },
      field("Field", el("select", { name: "field" }, CORRECTABLE.map((f) => el("option", { value: f }, f)))),
      field("New value (empty: unknown)", el("input", { name: "value" }))),
    el("div", { class: "row" }, who(), why("Why (source, reasoning)")),
    el("button", { type: "submit" }, "Save correction")), async (f) => {
    const name = f.field.value;
    await post(`/api/incidents/${encodeURIComponent(id)}/corrections`,
      { field: name, value: correctionValue(name, f.value.value), who: f.who.value.trim(), why: f.why.value.trim() });
    status(`Correction of ${name} saved.`, "ok");
    reload();
  });
  return el("section", { class: "panel", id: "corrections", tabindex: "-1", "aria-labelledby": "corrections-title" },
    el("h2", { id: "corrections-title" }, "Analyst corrections"), correctionsList(id, { reload, go }), form);
}

export function backgroundPanel(items) {
  return el("section", { class: "panel", id: "background", tabindex: "-1", "aria-labelledby": "background-title" },
    el("h2", { id: "background-title" }, "Background incidents recalled"),
    items.length ? el("ul", { class: "plain" }, items.map((b) => el("li", {},
      el("a", { href: "/incidents/" + encodeURIComponent(b.id), "data-nav": true }, label(b.type || "incident")),
      " · ", b.date || "undated", " · ", b.location || "unknown place", b.killed ? ` · ${b.killed} killed` : "")))
      : el("p", { class: "muted" }, "None in these reports."));
}

// The records merged into the incident with why each joined, a split of the ticked ones, and a merge with another.
export function recordsPanel(id, data, refs, { go }) {
  const reasons = new Map((data.merge_reasons || []).map((m) => [m.record_id, m]));
  const list = el("table", { class: "grid compact" },
    el("thead", {}, el("tr", {}, ["Split", "Report", "Why merged"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, (data.records || []).map((r) => {
      const reason = reasons.get(r.record_id);
      const ref = refs.get(r.document_id);
      return el("tr", {}, el("td", {}, el("input", { type: "checkbox", name: "record", value: r.record_id,
        "aria-label": `split off record ${r.record_id}${ref ? " of " + ref.label : ""}` })),
      el("td", {}, ref ? el("b", {}, ref.ref + " ") : null, ref ? ref.label : r.document_id,
        el("div", { class: "muted mono" }, r.record_id)),
      el("td", {}, reason ? [el("b", {}, Number(reason.score).toFixed(2)), " ", (reason.reasons || []).join("; ")]
        : el("span", { class: "muted" }, "seed record")));
    })));
  const split = action(el("form", { class: "stack", "aria-label": "Split the ticked records off" },
    el("div", { class: "row" }, who(), why("Why split")), el("button", { type: "submit" }, "Split selected")), async (f) => {
    const ids = [...list.querySelectorAll("input[name=record]:checked")].map((c) => c.value);
    if (!ids.length) throw new Error("Tick the records to move into a new incident, then split.");
    const result = await post(`/api/incidents/${encodeURIComponent(id)}/split`, { record_ids: ids, who: f.who.value.trim(), why: f.why.value.trim() });
    go("/incidents/" + encodeURIComponent(newId(result) || id));
    status("Split into a new incident.", "ok");
  });
  const merge = action(el("form", { class: "stack", "aria-label": "Merge with another incident" },
    el("div", { class: "row" }, field("Other incident id", el("input", { name: "other", required: true })), who(),
      why("Why merge")), el("button", { type: "submit" }, "Merge")), async (f) => {
    const result = await post("/api/incidents/merge", { ids: [id, f.other.value.trim()], who: f.who.value.trim(), why: f.why.value.trim() });
    go("/incidents/" + encodeURIComponent(newId(result) || id));
    status("Incidents merged.", "ok");
  });
  return el("section", { class: "panel", id: "records", tabindex: "-1", "aria-labelledby": "records-title" },
    el("h2", { id: "records-title" }, "Records, split and merge"), el("div", { class: "record-list" }, list),
    el("h3", {}, "Split"), split,
    el("h3", {}, "Merge"), merge);
}

function newId(result) {
  if (typeof result === "string") return result;
  return result && (result.id || result.incident_id || result.merged_id || result.new_id);
}
