"""axe-core audits of the list page and the incident page in headless chromium: no serious or critical violations."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("selenium", reason="browser tests need selenium: pip install selenium")

from selenium.webdriver.common.by import By

from .axe import severe
from .chrome import wait_for
from .pages import api

pytestmark = [pytest.mark.browser]


@pytest.mark.parametrize("address", ["/", "/?role=all&country=IQ&country=GR&sort=country"])
def test_list_page_has_no_serious_accessibility_violations(browser: Any, base_url: str, address: str) -> None:
    browser.get(base_url + address)
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, "#incidents tbody tr[data-id]"), "the list page")
    drawn = ("#map circle", "#timeline rect", "#by-country td")
    wait_for(browser, lambda: all(browser.find_elements(By.CSS_SELECTOR, part) for part in drawn),
             "the map, timeline and country counts")
    for picker in browser.find_elements(By.CSS_SELECTOR, "#actor-choices summary"):  # audited open, with options
        picker.click()
        wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, "#actor-choices .choice"), "the actor options")
    assert severe(browser) == []


def test_incident_page_has_no_serious_accessibility_violations(browser: Any, base_url: str) -> None:
    item = api(base_url, "/api/incidents", sort="-reports", limit=1)["items"][0]
    browser.get(f"{base_url}/incidents/{item['id']}")
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, ".report-text"), "the incident page")
    browser.execute_script("document.querySelectorAll('details.document').forEach(d => d.open = true)")
    loaded = "table.corrections, .corrections-list p:not(.loading)"
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, loaded), "the corrections list")
    assert severe(browser) == []
