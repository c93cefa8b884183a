"""End to end in headless chromium: merges and splits are listed on the incident page and undone from it.

Seeds with the store tests' stand-in extractor (no model), serves the app with uvicorn, drives Debian's chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("selenium", reason="browser tests need selenium: pip install selenium")

from api.conftest import DOCUMENTS, seed
from selenium.webdriver.common.by import By

from incidex.api.app import create_app
from incidex.config import load_settings

from .chrome import (  # skips this module when chromium is missing
    chromium,
    httpx,
    serve,
    wait_for,
)

pytestmark = [pytest.mark.browser]


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    db = tmp_path / "store.db"
    seed(str(db), DOCUMENTS)
    with serve(create_app(db_url=str(db), settings=load_settings())) as url:
        yield url


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    with chromium(tmp_path / "profile") as driver:
        yield driver


def rows(browser: Any) -> list[tuple[str, str]]:
    """(kind, class) of each row of the incident page's corrections table, read in one script call."""
    script = (
        "return Array.from(document.querySelectorAll('table.corrections tbody tr'), "
        "r => [r.dataset.kind, r.className]);"
    )
    return [tuple(row) for row in browser.execute_script(script)]


def click_undo(browser: Any, kind: str) -> None:
    browser.find_element(By.CSS_SELECTOR, f"table.corrections tr[data-kind={kind}] button").click()


def fill(form: Any, **values: str) -> None:
    for name, value in values.items():
        box = form.find_element(By.NAME, name)
        box.clear()
        box.send_keys(value)


def test_merge_and_split_are_listed_and_undone_from_the_incident_pages(browser: Any, base_url: str,
                                                                        tmp_path: Path) -> None:
    incidents = httpx.get(base_url + "/api/incidents").json()["items"]
    kabul = next(i["id"] for i in incidents if i["country"] == "AF")
    mosul = next(i["id"] for i in incidents if i["country"] == "IQ")
    before = httpx.get(base_url + "/api/incidents").json()

    browser.get(f"{base_url}/incidents/{kabul}")
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, ".corrections-list p.muted"), "the empty list")
    merge_form = browser.find_element(By.CSS_SELECTOR, "input[name=other]").find_element(By.XPATH, "ancestor::form")
    fill(merge_form, other=mosul, who="ui analyst", why="same attack")
    merge_form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda: rows(browser) == [("merge", "")], "the merge in the corrections list")

    browser.get(f"{base_url}/incidents/{mosul}")  # merged away: the page still lists the merge and undoes it
    wait_for(browser, lambda: rows(browser) == [("merge", "")], "the merge on the merged-away incident's page")
    click_undo(browser, "merge")
    wait_for(browser, lambda: rows(browser) == [("merge", "undone")], "the undone merge")
    assert httpx.get(base_url + "/api/incidents").json() == before

    browser.get(f"{base_url}/incidents/{kabul}")
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, "input[name=record]"), "the records")
    browser.find_elements(By.CSS_SELECTOR, "input[name=record]")[-1].click()
    split_form = browser.find_element(By.XPATH, "//form[.//button[text()='Split selected']]")
    fill(split_form, who="ui analyst", why="a different blast")
    split_form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda: "/incidents/split-" in browser.current_url, "the split-off incident's page")
    wait_for(browser, lambda: rows(browser) == [("split", "")], "the split in its corrections list")
    click_undo(browser, "split")
    wait_for(browser, lambda: rows(browser) == [("split", "undone"), ("merge", "undone")], "the source incident again")
    assert browser.find_element(By.CSS_SELECTOR, ".incident-head .mono").text == f"id {kabul}"
    assert browser.current_url.endswith(f"/incidents/{kabul}")
    assert "split is undone" in browser.find_element(By.ID, "status").text
    panel = browser.find_element(By.CSS_SELECTOR, "table.corrections")
    browser.execute_script("arguments[0].scrollIntoView()", panel)
    panel.find_element(By.XPATH, "ancestor::section").screenshot(str(tmp_path / "corrections-panel.png"))
    merge_text = browser.find_element(By.CSS_SELECTOR, "table.corrections tr[data-kind=merge] td:nth-child(2)").text
    assert merge_text == f"merged {mosul} into {kabul} (1 record(s) moved)"
    assert httpx.get(base_url + "/api/incidents").json() == before
