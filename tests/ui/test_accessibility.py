"""axe-core audits of the list page and the incident page in headless chromium: no serious or critical violations."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("selenium", reason="browser tests need selenium: pip install selenium")

from selenium.webdriver.common.by import By

from .axe import severe
from .chrome import wait_for
from .pages import api, drawn, timeline

pytestmark = [pytest.mark.browser]


@pytest.mark.parametrize("address", ["/", "/?role=all&country=IQ&country=GR&sort=country"])
def test_list_page_has_no_serious_accessibility_violations(browser: Any, base_url: str, address: str) -> None:
    browser.get(base_url + address)
    wait_for(browser, lambda: drawn(browser) > 0 and timeline(browser)["bins"], "the list page")
    browser.find_element(By.CSS_SELECTOR, "#actor-choices summary").click()
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, "#actor-choices .choice"), "the actor options")
    assert severe(browser) == []


def test_incident_page_has_no_serious_accessibility_violations(browser: Any, base_url: str) -> None:
    item = api(base_url, "/api/incidents", sort="-reports", limit=1)["items"][0]
    browser.get(f"{base_url}/incidents/{item['id']}")
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, "details.document"), "the incident page")
    browser.execute_script("document.querySelectorAll('details.document').forEach(d => d.open = true)")
    loaded = "table.corrections, .corrections-list p:not(.loading)"
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, loaded), "the corrections list")
    assert severe(browser) == []
