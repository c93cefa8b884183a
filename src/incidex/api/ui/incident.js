// The incident page. It opens on a summary: the reconciled record, a table of its reports (outlet, date, link and the
// figures each gives) and the figures by source, each traced to its report by a short reference (R1, R2, ...). The
// reports' full texts, with their evidence highlighted, are folded until opened. The review panels (corrections,
// records, split and merge) sit in a side landmark that the "On this page" links reach in a few key presses.
import { amount, api, dateText, dayText, el, label, safeUrl, show, typeChip } from "./dom.js";
import { documentBody } from "./evidence.js";
import { backgroundPanel, correctionsList, correctionsPanel, prefillCorrection, recordsPanel } from "./corrections.js";

let go = null;

export function setupIncident(navigate) {
  go = navigate;
}

export async function showIncident(id) {
  const view = document.getElementById("incident-view");
  view.replaceChildren(el("p", { class: "muted loading" }, "Loading incident…"));
  const reload = () => showIncident(id);
  let data;
  try {
    data = await api("/api/incidents/" + encodeURIComponent(id));
  } catch (error) {
    // an incident merged away or split off is gone, but the corrections that touched it can still be undone here
    view.replaceChildren(el("p", {}, backLink()), el("h1", {}, "Incident ", el("span", { class: "mono" }, id)),
      el("p", { class: "error" }, error.message),
      el("section", { class: "panel" }, el("h2", {}, "Corrections that touched this incident"), correctionsList(id, { reload, go })));
    return;
  }
  render(view, id, data, reload);
}

function backLink() {
  return el("a", { href: sessionStorage.getItem("incidex-list") || "/", "data-nav": true, class: "back" }, "‹ All incidents");
}

// A short reference per report (R1, R2, ... by publication date, then id) and a label that tells untitled ones apart.
function references(documents) {
  const ordered = documents.slice().sort((a, b) => String(a.published || "9999").localeCompare(String(b.published || "9999"))
    || String(a.id).localeCompare(String(b.id)));
  return new Map(ordered.map((doc, n) => [doc.id, { ref: `R${n + 1}`, doc, label: doc.title || `Untitled report ${doc.id}` }]));
}

function placeText(loc) {
  return [loc.name, loc.admin1, loc.country_code].filter(Boolean).join(", ") || "unknown place";
}

function render(view, id, data, reload) {
  const inc = data.incident || {};
  const documents = data.documents || [];
  const records = data.records || [];
  const refs = references(documents);
  const figures = figuresOf(inc, records);
  const sections = [["summary", "Summary"], ["reports", `Reports (${documents.length})`], ["figures", "Figures by source"],
    ["texts", "Full texts"], ["corrections", "Corrections"], ["records", "Records, split and merge"],
    ["background", "Background"]];
  const nav = el("nav", { class: "on-page", "aria-label": "On this page" }, el("span", { class: "muted" }, "On this page:"),
    sections.map(([target, text]) => el("a", { href: "#" + target, "data-jump": target }, text)));
  const head = el("header", { class: "incident-head" }, backLink(),
    el("h1", {}, typeChip(inc.type), " ", placeText(inc.location || {}),
      el("span", { class: "muted" }, " · " + dateText(inc.date?.value, inc.date?.precision))),
    el("div", { class: "facts-line" },
      el("span", {}, el("b", {}, casualty(inc, "killed")), " killed"),
      el("span", {}, el("b", {}, casualty(inc, "injured")), " injured"),
      el("span", {}, el("b", {}, documents.length), ` report${documents.length === 1 ? "" : "s"}`),
      el("span", { class: "tag" }, inc.role || "main"),
      (data.corrections || []).some((c) => !c.undone) ? el("span", { class: "tag corrected" }, "corrected") : null,
      el("span", { class: "muted mono" }, "id " + id)),
    nav);
  const body = el("div", { class: "incident-body" }, factsPanel(inc), reportsPanel(refs, records, figures),
    figuresPanel(inc, figures, refs), textsPanel(refs, records));
  const side = el("aside", { class: "incident-side", "aria-label": "Review: corrections, split and merge" },
    correctionsPanel(id, { reload, go }), recordsPanel(id, data, refs, { go }), backgroundPanel(data.background || []));
  view.replaceChildren(head, el("div", { class: "incident-main" }, body, side));
  nav.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-jump]");
    if (!link) return;
    event.preventDefault();
    jump(link.dataset.jump);
  });
  view.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-doc]");
    if (!link) return;
    event.preventDefault();
    openText(link.dataset.doc);
  });
}

// Move focus (and the view) to a section without changing the address.
function jump(target) {
  const section = document.getElementById(target);
  if (!section) return;
  section.scrollIntoView({ block: "start" });
  section.focus({ preventScroll: true });
}

function openText(ref) {
  const details = document.getElementById("text-" + ref);
  if (!details) return;
  details.open = true;
  details.scrollIntoView({ block: "start" });
  details.querySelector("summary").focus({ preventScroll: true });
}

function casualty(inc, kind) {
  const total = inc.casualties?.[kind]?.total;
  if (total !== null && total !== undefined) return String(total);
  const rule = (inc.reconciliation || []).find((r) => r.field === `${kind}.total`);
  return rule ? amount(rule.value, rule.low, rule.high) : "—";
}

function section(id, title, ...children) {
  return el("section", { class: "panel", id, tabindex: "-1", "aria-labelledby": id + "-title" },
    el("h2", { id: id + "-title" }, title), ...children);
}

function factRow(name, value, fieldName) {
  return el("tr", {}, el("th", { scope: "row" }, name), el("td", {}, show(value)),
    el("td", { class: "edit" }, fieldName ? el("button", { type: "button", class: "link",
      "aria-label": `correct ${name.toLowerCase()}`, onclick: () => prefillCorrection(fieldName, value) }, "correct") : null));
}

function names(list) {
  return (list || []).map((item) => item.name || item.text).filter(Boolean).join("; ");
}

function factsPanel(inc) {
  const loc = inc.location || {};
  const c = inc.casualties || {};
  const coords = Number.isFinite(loc.lat) ? `${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}` : null;
  return section("summary", "Reconciled record",
    el("table", { class: "facts" }, el("tbody", {},
      factRow("Type", label(inc.type || ""), "type"),
      factRow("Date", inc.date?.value ? dateText(inc.date.value, inc.date.precision) : null, "date"),
      factRow("Place", loc.name, "location.name"),
      factRow("Admin1 / country", [loc.admin1, loc.country_code].filter(Boolean).join(" / "), "location.country_code"),
      factRow("Coordinates", coords ? coords + (loc.uncertain ? " (uncertain)" : "") : null),
      factRow("Killed", casualty(inc, "killed"), "casualties.killed.total"),
      factRow("Injured", casualty(inc, "injured"), "casualties.injured.total"),
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
  return shown.length ? el("ul", { class: "notes", "aria-label": "how the record was reconciled" },
    shown.map((n) => el("li", {}, n))) : null;
}

// The figures each report states (the merged view's, else the records'), each with the document it comes from.
function figuresOf(inc, records) {
  if (Array.isArray(inc.figures) && inc.figures.length) return inc.figures;
  return records.flatMap((r) => (r.incident?.figures || []).map((f) => ({ ...f, document_id: r.document_id })));
}

function refLink(ref) {
  return el("a", { href: "#text-" + ref.ref, "data-doc": ref.ref, class: "ref", title: "open the text of " + ref.label }, ref.ref);
}

// "killed.total" → "killed", "killed.victims" → "killed (victims)", "hostages_taken" → "hostages taken".
function figureLabel(field) {
  const [head, part] = String(field).split(".");
  return label(head) + (part && part !== "total" ? ` (${label(part)})` : "");
}

// One row per report: reference, title or id with its link, outlet, publication date, role, the figures it gives.
function reportsPanel(refs, records, figures) {
  const fields = [...new Set(figures.map((f) => f.field))];
  const head = ["Ref", "Report", "Outlet", "Published", "Role", ...fields.map(figureLabel)];
  const rows = [...refs.values()].map((ref) => {
    const doc = ref.doc;
    const url = safeUrl(doc.url);
    const roles = [...new Set(records.filter((r) => r.document_id === doc.id).map((r) => r.incident?.role || "main"))];
    return el("tr", { "data-document": doc.id },
      el("td", {}, refLink(ref)),
      el("td", { class: "report" }, doc.title || el("span", { class: "muted" }, "untitled"),
        el("div", { class: "muted mono" }, doc.id,
          url ? [" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null)),
      el("td", {}, doc.source || el("span", { class: "muted" }, "unknown outlet")),
      el("td", { class: "nowrap" }, doc.published ? dayText(doc.published.slice(0, 10)) : "—"),
      el("td", {}, roles.join(", ") || "—"),
      fields.map((name) => {
        const given = figures.filter((f) => f.document_id === doc.id && f.field === name);
        const amounts = [...new Set(given.map((f) => amount(f.value, f.low, f.high)))];
        return el("td", { class: "num", "data-field": name }, amounts.length ? amounts.join("; ") : "—");
      }));
  });
  return section("reports", `Reports (${refs.size})`,
    el("div", { class: "scroll" }, el("table", { class: "grid compact reports" },
      el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col" }, h)))), el("tbody", {}, rows))));
}

// Figures as each source states them, grouped by field, with the reconciled value and the rule that chose it.
function figuresPanel(inc, figures, refs) {
  const rules = new Map((inc.reconciliation || []).map((r) => [r.field, r]));
  const fields = [...new Set([...figures.map((f) => f.field), ...rules.keys()])];
  const groups = fields.map((name) => {
    const list = figures.filter((f) => f.field === name);
    const values = new Set(list.map((f) => amount(f.value, f.low, f.high)));
    return { field: name, list, rule: rules.get(name), disagree: values.size > 1 };
  }).sort((a, b) => Number(b.disagree) - Number(a.disagree));
  const panel = section("figures", "Figures by source");
  if (!groups.length) panel.append(el("p", { class: "muted" }, "No casualty figures stated."));
  for (const group of groups) {
    const reconciled = group.rule ? amount(group.rule.value, group.rule.low, group.rule.high) : null;
    panel.append(el("div", { class: "figure-group" + (group.disagree ? " disagree" : ""), "data-field": group.field },
      el("div", { class: "figure-head" }, el("b", {}, figureLabel(group.field)),
        group.disagree ? el("span", { class: "tag warn" }, "sources disagree") : null,
        el("span", { class: "spacer" }),
        reconciled !== null ? el("span", { class: "reconciled" }, "→ ", el("b", {}, reconciled)) : null),
      el("table", { class: "figures" }, el("tbody", {}, group.list.map((f) => {
        const ref = refs.get(f.document_id);
        return el("tr", { "data-document": f.document_id || "" },
          el("td", { class: "num" }, amount(f.value, f.low, f.high)),
          el("td", {}, f.source || el("span", { class: "muted" }, "unattributed"),
            el("div", { class: "muted small" }, ref ? [refLink(ref), " · ", ref.doc.source || "unknown outlet", " · ",
              ref.doc.published ? dayText(ref.doc.published.slice(0, 10)) : "undated", " · ", ref.label]
              : f.document_id || "")),
          el("td", { class: "quote" }, f.text ? "“" + f.text + "”" : ""));
      }))),
      group.rule ? el("div", { class: "rule muted" }, "rule: ", group.rule.rule) : null));
  }
  return panel;
}

// The reports' full texts, one folded section each, with their evidence highlighted.
function textsPanel(refs, records) {
  const items = [...refs.values()].map((ref) => {
    const doc = ref.doc;
    const details = el("details", { class: "document", id: "text-" + ref.ref, "data-document": doc.id },
      el("summary", {}, el("b", {}, ref.ref), " ", ref.label, el("span", { class: "muted" },
        " · " + [doc.source || "unknown outlet", doc.published ? dayText(doc.published.slice(0, 10)) : "undated", doc.id].join(" · "))),
      el("div", { class: "doc-body" }, documentBody(doc, records, ref.ref)));
    return details;
  });
  const all = el("button", { type: "button", class: "quiet", onclick: () => {
    const open = items.some((d) => !d.open);
    for (const d of items) d.open = open;
    all.textContent = open ? "Fold all" : "Open all";
  } }, "Open all");
  return section("texts", "Full texts", el("p", { class: "muted" }, "Each report as it was read, its evidence highlighted. ", all),
    items);
}
