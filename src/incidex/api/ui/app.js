// incidex analyst UI: the entry module. Routes between the list page ("/") and an incident's page
// ("/incidents/{id}") without reloading; plain JavaScript modules, no dependencies, nothing from other hosts.
import { status } from "./dom.js";
import { setCountryNames } from "./filters.js";
import { setupIncident, showIncident } from "./incident.js";
import { setupList, showList } from "./list.js";

let listReady = null;

function navigate(url) {
  history.pushState(null, "", url);
  route();
}

async function route() {
  const match = location.pathname.match(/^\/incidents\/([^/]+)$/);
  document.getElementById("list-view").hidden = Boolean(match);
  document.getElementById("incident-view").hidden = !match;
  status("");
  if (match) {
    document.title = "Incident · incidex";
    await showIncident(decodeURIComponent(match[1]));
  } else {
    document.title = "Incidents · incidex";
    await listReady;
    await showList();
  }
}

// Skip links and "On this page" links move focus to their target without changing the address.
document.addEventListener("click", (event) => {
  const skip = event.target.closest("a.skip");
  if (skip) {
    event.preventDefault();
    const target = [...document.querySelectorAll(skip.dataset.skip)].find((node) => !node.closest("[hidden]"));
    if (target) {
      target.focus();
      target.scrollIntoView({ block: "start" });
    }
    return;
  }
  const link = event.target.closest("a[data-nav]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(link.getAttribute("href"));
});
window.addEventListener("popstate", route);

document.addEventListener("DOMContentLoaded", () => {
  const token = document.getElementById("token");
  token.value = sessionStorage.getItem("incidex-token") || "";
  token.addEventListener("change", () => sessionStorage.setItem("incidex-token", token.value.trim()));
  setupIncident(navigate);
  listReady = fetch("/static/countries.json").then((r) => r.json()).then((countries) => {
    setCountryNames(countries);
    setupList({ countries, go: navigate });
  }).catch((error) => status(error.message, "error"));
  route();
});
