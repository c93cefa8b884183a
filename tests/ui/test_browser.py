"""End to end: reports ingested with the real model into a SQLite file, the app under uvicorn, headless chromium.

Expectations come from the API the page talks to, never from the known reports, so the checks hold whatever the
model extracts. Screenshots go to a temporary folder whose path is printed (run with ``-s`` to see it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("selenium", reason="browser tests need selenium: pip install selenium")

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from incidex.api.app import create_app
from incidex.config import Settings
from incidex.ingest_run import ingest
from incidex.parallel import run_local
from incidex.resolve import Resolver
from incidex.store import Store

from .chrome import (  # skips this module when chromium is missing
    chromium,
    serve,
    wait_for,
)
from .pages import api, choose, drawn, listed, markers, timeline, wait_for_table
from .reports import HOSTILE, REPORTS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Offsets of every highlight inside each report: [document id, [[start, end, fields, title], ...]].
MARKS_SCRIPT = """
return [...document.querySelectorAll('.report-text')].map((box) => {
  const marks = [];
  let offset = 0;
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) { offset += child.data.length; continue; }
      if (child.tagName === 'MARK') {
        const start = offset;
        offset += child.textContent.length;
        marks.push([start, offset, child.dataset.fields || '', child.title, child.className]);
      } else walk(child);
    }
  };
  walk(box);
  return [box.dataset.document, marks, box.textContent];
});
"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Iterator[str]:
    db = tmp_path_factory.mktemp("ui-store") / "store.db"
    with Store(str(db)) as store:
        summary = ingest(REPORTS, store=store, resolver=Resolver(settings), batch_size=10,
                         extract=lambda documents: run_local(documents, settings=settings, workers=1))
    assert summary.new == len(REPORTS) and summary.failed == 0, summary.failures
    with serve(create_app(db_url=str(db), settings=settings)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ui-screenshots")
    print(f"\nUI screenshots: {folder}")
    return folder


def located(items: list[dict[str, Any]]) -> int:
    return sum(item["lat"] is not None and item["lon"] is not None for item in items)


def open_list(browser: Any, base_url: str) -> dict[str, Any]:
    listing = listed(base_url, role="main")
    browser.get(base_url + "/")
    wait_for_table(browser, listing, "the incident table")
    return listing


def drawn_counts(browser: Any) -> tuple[int, int]:
    """Incidents on the map and in the timeline's bars and bands."""
    chart = timeline(browser)
    return (sum(m["count"] for m in markers(browser)),
            sum(b["count"] for b in chart["bins"]) + sum(s["count"] for s in chart["spans"]))


def test_list_page_shows_the_stored_incidents_in_table_map_and_timeline(browser: Any, base_url: str,
                                                                         screenshots: Path) -> None:
    listing = open_list(browser, base_url)
    assert listing["total"] >= 3, "the seeded reports should give several incidents"
    assert browser.find_element(By.ID, "table-count").text.endswith(f"of {listing['total']}")
    main = listed(base_url, role="main", limit=500)["items"]
    dated = api(base_url, "/api/stats/timeline", role="main")["dated"]
    wait_for(browser, lambda: drawn(browser) and drawn_counts(browser) == (located(main), dated),
             "every located incident on the map, every dated one in the timeline")
    assert browser.find_elements(By.CSS_SELECTOR, "#map path.country"), "country outlines are drawn"
    browser.save_screenshot(str(screenshots / "list.png"))


def test_type_filter_updates_table_map_and_timeline(browser: Any, base_url: str, screenshots: Path) -> None:
    listing = open_list(browser, base_url)
    chosen = listing["items"][0]["type"]
    expected = listed(base_url, role="main", type=chosen)
    assert 0 < expected["total"] < listing["total"], "pick a type that narrows the list"
    choose(browser, "type", [chosen])
    wait_for_table(browser, expected, "the filtered table")
    dated = api(base_url, "/api/stats/timeline", role="main", type=chosen)["dated"]
    wait_for(browser, lambda: drawn_counts(browser) == (located(expected["items"]), dated),
             "the filtered map and timeline")
    assert f"type={chosen}" in browser.current_url, "filters are kept in the address"
    browser.save_screenshot(str(screenshots / "filtered.png"))


def open_incident(browser: Any, base_url: str, document_id: str) -> tuple[str, dict[str, Any]]:
    """Click the table row of the incident reported by ``document_id`` and wait for its page."""
    open_list(browser, base_url)
    items = api(base_url, "/api/incidents", limit=500, role="main")["items"]
    incident_id = next(item["id"] for item in items if document_id in item["document_ids"])
    browser.find_element(By.CSS_SELECTOR, f'#incidents tr[data-id="{incident_id}"] td:nth-child(3)').click()
    detail = api(base_url, f"/api/incidents/{incident_id}")
    wait_for(browser, lambda: len(browser.find_elements(By.CSS_SELECTOR, ".report-text")) == len(detail["documents"]),
             "the incident's reports")
    assert browser.current_url.endswith(f"/incidents/{incident_id}")
    assert not any(box.is_displayed() for box in browser.find_elements(By.CSS_SELECTOR, ".report-text")), \
        "the full texts are folded"
    browser.find_element(By.XPATH, "//section[@id='texts']//button[text()='Open all']").click()
    wait_for(browser, lambda: all(box.is_displayed() for box in browser.find_elements(By.CSS_SELECTOR, ".report-text")),
             "the full texts, opened")
    return incident_id, detail


def test_incident_page_highlights_every_evidence_span_with_its_field(browser: Any, base_url: str,
                                                                     screenshots: Path) -> None:
    _incident_id, detail = open_incident(browser, base_url, "kabul-a")
    texts = {doc["id"]: doc["text"] for doc in detail["documents"]}
    shown = {doc_id: (marks, text) for doc_id, marks, text in browser.execute_script(MARKS_SCRIPT)}
    assert shown.keys() == texts.keys()
    checked = 0
    for record in detail["records"]:
        marks, text = shown[record["document_id"]]
        assert text == texts[record["document_id"]], "the report is shown whole and unchanged"
        for evidence in record["incident"]["evidence"]:
            start, end = evidence["start"], evidence["end"]
            covering = [m for m in marks if m[0] >= start and m[1] <= end and evidence["field"] in m[2].split(", ")]
            assert covering, f"no highlight for {evidence['field']} {evidence['text']!r}"
            assert "".join(text[m[0]:m[1]] for m in covering) == evidence["text"] == text[start:end]
            assert all(evidence["field"] in m[3] for m in covering), "the field name shows on hover"
            checked += 1
    assert checked >= 5, "the real model should give several evidence spans"
    legend = browser.find_element(By.CSS_SELECTOR, ".evidence-legend").text
    assert "casualties" in legend and "location" in legend
    names = " ".join(e.text for e in browser.find_elements(By.CSS_SELECTOR, ".sources .source b"))
    for record in detail["records"]:
        for source in record["incident"]["sources"]:
            if source["claims"]:
                assert source["name"] in names, f"source {source['name']!r} is missing from the source chain"
    browser.save_screenshot(str(screenshots / "incident.png"))


def test_highlights_of_the_learned_tagger_say_so_on_hover(browser: Any, base_url: str) -> None:
    _incident_id, detail = open_incident(browser, base_url, "san-isidro")
    evidence = [e for record in detail["records"] for e in record["incident"]["evidence"]]
    learned = [e for e in evidence if e["component"] == "incidex_muc_roles_v1"]
    assert learned, "the tagger finds the two men the rules miss"
    marks = [m for _doc, doc_marks, _text in browser.execute_script(MARKS_SCRIPT) for m in doc_marks]
    for item in learned:
        hovers = [m[3] for m in marks if m[0] >= item["start"] and m[1] <= item["end"]]
        assert hovers and all(f"{item['field']} (learned tagger)" in h for h in hovers)
    outside = [m for m in marks if not any(e["start"] <= m[0] and m[1] <= e["end"] for e in learned)]
    assert outside and all("learned tagger" not in m[3] for m in outside)


def test_incident_page_puts_disagreeing_figures_side_by_side(browser: Any, base_url: str) -> None:
    _incident_id, detail = open_incident(browser, base_url, "kabul-a")
    values: dict[str, set[Any]] = {}
    for figure in detail["incident"]["figures"]:
        values.setdefault(figure["field"], set()).add(figure["value"] if figure["value"] is not None
                                                      else (figure["low"], figure["high"]))
    disagreeing = {field for field, seen in values.items() if len(seen) > 1}
    assert disagreeing, "the two Kabul reports give different tolls"
    groups = browser.find_elements(By.CSS_SELECTOR, ".figure-group.disagree")
    assert len(groups) == len(disagreeing)
    for group in groups:
        field = group.get_attribute("data-field")
        rule = next(r for r in detail["incident"]["reconciliation"] if r["field"] == field)
        assert rule["rule"] in group.text
        assert len(group.find_elements(By.CSS_SELECTOR, "table.figures tr")) == sum(
            f["field"] == field for f in detail["incident"]["figures"])


def test_hostile_report_text_is_shown_literally_and_runs_nothing(browser: Any, base_url: str) -> None:
    _incident_id, detail = open_incident(browser, base_url, "kabul-b")
    hostile_doc = next(doc for doc in detail["documents"] if HOSTILE in doc["text"])
    box = browser.find_element(By.CSS_SELECTOR, f'.report-text[data-document="{hostile_doc["id"]}"]')
    assert box.get_property("textContent") == hostile_doc["text"]
    assert HOSTILE in box.text
    summaries = browser.find_elements(By.CSS_SELECTOR, "details.document summary")
    assert any(hostile_doc["title"] in summary.text for summary in summaries)
    ActionChains(browser).move_to_element(box).perform()
    assert browser.execute_script("return document.scripts.length") == 1, "only app.js may be a script"
    assert browser.execute_script("return document.querySelectorAll('[onmouseover]').length") == 0
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it raises when no alert is open


def test_correction_is_saved_listed_and_undone_from_the_incident_page(browser: Any, base_url: str) -> None:
    incident_id, detail = open_incident(browser, base_url, "maiduguri")
    before = detail["incident"]["casualties"]["killed"]["total"]
    wanted = (before or 0) + 3
    form = browser.find_element(By.ID, "correction-form")
    Select(form.find_element(By.NAME, "field")).select_by_value("casualties.killed.total")
    for name, value in (("value", str(wanted)), ("who", "ui-test analyst"), ("why", "hospital list of the dead")):
        box = form.find_element(By.NAME, name)
        box.clear()
        box.send_keys(value)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda: "ui-test analyst" in _corrections_text(browser), "the new correction in the list")
    after = api(base_url, f"/api/incidents/{incident_id}")
    assert after["incident"]["casualties"]["killed"]["total"] == wanted
    assert [c["who"] for c in after["corrections"]] == ["ui-test analyst"]
    browser.find_element(By.XPATH, "//table[contains(@class,'corrections')]//button[text()='Undo']").click()
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, "table.corrections tr.undone"), "the undo")
    restored = api(base_url, f"/api/incidents/{incident_id}")
    assert restored["incident"]["casualties"]["killed"]["total"] == before
    assert restored["corrections"][0]["undone"] is True


def _corrections_text(browser: Any) -> str:
    return " ".join(t.text for t in browser.find_elements(By.CSS_SELECTOR, "table.corrections"))
