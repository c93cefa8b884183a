"""The incident page in headless chromium over the scene store (tests/ui/scene.py): a merged incident opens on a
summary with a table of its reports, figures traced to their report, folded full texts, a side panel a few key
presses away, and labelled review inputs."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("selenium", reason="browser tests need selenium: pip install selenium")

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .chrome import wait_for
from .pages import api, focused, press, tab_until
from .scene import HOSTILE, MERGED_TITLE

pytestmark = [pytest.mark.browser]


def merged(base_url: str) -> dict[str, Any]:
    """The scene's incident of four reports, as the API gives it."""
    items = api(base_url, "/api/incidents", q="Baghdad", date_from="2019-06", date_to="2019-06")["items"]
    assert len(items) == 1 and len(items[0]["document_ids"]) == 4, items
    return api(base_url, f"/api/incidents/{items[0]['id']}")


def open_incident(browser: Any, base_url: str, detail: dict[str, Any]) -> None:
    browser.get(f"{base_url}/incidents/{detail['incident']['id']}")
    wait_for(browser, lambda: len(browser.find_elements(By.CSS_SELECTOR, ".report-text")) == len(detail["documents"]),
             "the incident page with the text of each report")


def reports_table(browser: Any) -> list[dict[str, Any]]:
    script = """return Array.from(document.querySelectorAll('#reports tbody tr'), r => ({document: r.dataset.document,
      cells: Array.from(r.cells, c => c.textContent.trim())}));"""
    return browser.execute_script(script)


def test_merged_incident_opens_on_a_summary_with_a_table_of_its_reports(browser: Any, base_url: str) -> None:
    detail = merged(base_url)
    open_incident(browser, base_url, detail)
    rows = reports_table(browser)
    documents = {doc["id"]: doc for doc in detail["documents"]}
    assert sorted(row["document"] for row in rows) == sorted(documents)
    headers = [th.text.lower() for th in browser.find_elements(By.CSS_SELECTOR, "#reports thead th")]
    killed = next(n for n, h in enumerate(headers) if h.startswith("killed"))
    for row in rows:
        doc = documents[row["document"]]
        title, outlet, published = row["cells"][1:4]
        assert outlet == doc["source"] and published.endswith(doc["published"][:4])
        assert (title.startswith(doc["title"]) if doc["title"] else title.startswith("untitled")) and doc["id"] in title
        stated = [f for f in detail["incident"]["figures"] if f["document_id"] == doc["id"]]
        assert row["cells"][killed] == "; ".join(
            str(f["value"]) if f["value"] is not None else f"at least {f['low']}" for f in stated)
    assert any(row["cells"][killed] == "at least 10" for row in rows), "an open range is said in words"
    texts = browser.find_elements(By.CSS_SELECTOR, "details.document")
    assert len(texts) == 4 and not any(t.get_property("open") for t in texts), "full texts are folded"
    assert not any(box.is_displayed() for box in browser.find_elements(By.CSS_SELECTOR, ".report-text"))
    labels = [t.find_element(By.TAG_NAME, "summary").text for t in texts]
    assert len(set(labels)) == 4 and sum("Untitled report" in label for label in labels) == 3
    assert MERGED_TITLE in " ".join(labels)
    page = browser.find_element(By.TAG_NAME, "body").text
    for word in ("null", "undefined", "NaN"):
        assert word not in page


def test_figures_trace_to_their_report(browser: Any, base_url: str) -> None:
    detail = merged(base_url)
    open_incident(browser, base_url, detail)
    refs = {row["document"]: row["cells"][0] for row in reports_table(browser)}
    rows = browser.find_elements(By.CSS_SELECTOR, "#figures table.figures tr")
    assert len(rows) == len(detail["incident"]["figures"]) == 4
    for row in rows:
        link = row.find_element(By.CSS_SELECTOR, "a.ref")
        assert link.text == refs[row.get_attribute("data-document")]
    untitled = next(r for r in rows if "at least 10" in r.text)
    link = untitled.find_element(By.CSS_SELECTOR, "a.ref")
    link.click()
    opened = browser.find_element(By.ID, "text-" + link.text)
    wait_for(browser, lambda: opened.get_property("open"), "the report's text, opened from its figure")
    box = opened.find_element(By.CSS_SELECTOR, ".report-text")
    doc = next(d for d in detail["documents"] if d["id"] == untitled.get_attribute("data-document"))
    assert box.is_displayed() and box.get_property("textContent") == doc["text"]


def test_side_panel_is_a_few_key_presses_away(browser: Any, base_url: str) -> None:
    open_incident(browser, base_url, merged(base_url))
    presses = tab_until(browser, lambda f: f["tag"] == "a" and f["text"] == "Corrections", most=12)
    press(browser, Keys.ENTER)
    assert focused(browser)["id"] == "corrections"
    press(browser, Keys.TAB)
    now = focused(browser)
    assert "corrections" in now["within"] and now["tag"] in ("select", "input", "button"), now
    assert presses <= 12
    aside = browser.find_element(By.CSS_SELECTOR, "aside.incident-side")
    assert aside.get_attribute("aria-label"), "the side panel is a named landmark"


def test_correction_split_and_merge_inputs_have_labels(browser: Any, base_url: str) -> None:
    open_incident(browser, base_url, merged(base_url))
    unlabelled = browser.execute_script("""return Array.from(document.querySelectorAll(
      '#incident-view form input, #incident-view form select, #incident-view input[name=record]'))
      .filter(c => !((c.labels && c.labels.length && Array.from(c.labels).some(l => l.textContent.trim()))
        || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby')))
      .map(c => c.outerHTML.slice(0, 120));""")
    assert unlabelled == []
    names = browser.execute_script("""return Array.from(document.querySelectorAll('#incident-view form [name]'),
      c => (c.labels && c.labels[0] ? c.labels[0].textContent.trim() : c.getAttribute('aria-label')));""")
    assert {"Field", "Your name", "Other incident id"} <= set(names)


def test_hostile_title_and_actor_are_shown_as_text(browser: Any, base_url: str) -> None:
    items = api(base_url, "/api/incidents", q="Quito")["items"]
    detail = api(base_url, f"/api/incidents/{items[0]['id']}")
    open_incident(browser, base_url, detail)
    assert HOSTILE in " ".join(row["cells"][1] for row in reports_table(browser))
    browser.find_element(By.CSS_SELECTOR, "details.document summary").click()
    assert HOSTILE in browser.find_element(By.CSS_SELECTOR, "details.document summary").text
    assert browser.execute_script("return document.images.length + document.querySelectorAll('[onerror]').length") == 0
