// A report's full text with every evidence span highlighted by field, claims attributed to sources underlined, and the
// chain of who said what.
import { el, label } from "./dom.js";

const FIELD_GROUPS = [
  ["type", "type"], ["date", "date"], ["location", "location"], ["perpetrators", "perpetrator"],
  ["victims", "victim"], ["casualties", "casualties"], ["targets", "target"], ["weapons", "weapon"],
  ["responders", "responder"], ["sources", "source"], ["role", "role"],
];
// Evidence of these components comes from a learned model (the encoder heads or the spaCy tagger), not the rules:
// the hover says so.
const LEARNED_COMPONENTS = new Set(["incidex_encoder_roles_v1", "incidex_muc_roles_v1"]);

function fieldGroup(field) {
  const head = String(field).split(".")[0];
  const found = FIELD_GROUPS.find(([prefix]) => head === prefix || head.startsWith(prefix));
  return found ? found[1] : "other";
}

function spansOf(doc, records) {
  const length = (doc.text || "").length;
  const ok = (s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start && s.end <= length;
  const evidence = [], claims = [], sources = [];
  records.filter((r) => r.document_id === doc.id).forEach((record) => {
    const incident = record.incident || {};
    for (const ev of incident.evidence || []) {
      if (ok(ev)) evidence.push({ ...ev, key: `e${evidence.length}`, group: fieldGroup(ev.field) });
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

// The highlighted text of ``doc`` with its legend and source chain.
export function documentBody(doc, records, docKey) {
  const { evidence, claims, sources } = spansOf(doc, records);
  const body = el("div", { class: "report-text", "data-document": doc.id }, highlightedText(doc.text || "", evidence, claims, docKey));
  const groups = [...new Set(evidence.map((s) => s.group))];
  const legend = el("div", { class: "legend evidence-legend" }, groups.map((g) => {
    const item = el("button", { type: "button", class: "key hl g-" + g, "aria-pressed": "false",
      title: "show only " + g + " evidence" },
    g, " ", el("span", { class: "count" }, new Set(evidence.filter((s) => s.group === g).map((s) => s.start + ":" + s.end)).size));
    item.addEventListener("click", () => focusGroup(body, legend, item, g));
    return item;
  }), claims.length ? el("span", { class: "key claim" }, "claim attributed to a source") : null,
  evidence.length ? el("span", { class: "muted" }, "hover a highlight for its field") : el("span", { class: "muted" }, "no evidence spans in this document"));
  return [legend, body, sourceChain(sources, body, docKey)];
}

function focusGroup(body, legend, item, group) {
  const on = !item.classList.contains("focused");
  for (const key of legend.querySelectorAll(".key")) {
    key.classList.remove("focused");
    if (key.hasAttribute("aria-pressed")) key.setAttribute("aria-pressed", "false");
  }
  item.classList.toggle("focused", on);
  item.setAttribute("aria-pressed", String(on));
  body.classList.toggle("focusing", on);
  for (const mark of body.querySelectorAll("mark.hl")) mark.classList.toggle("dim", on && !mark.classList.contains("g-" + group));
}

function sourceChain(sources, body, docKey) {
  const section = el("div", { class: "sources" }, el("h4", {}, "Who said what"));
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
