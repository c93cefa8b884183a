"""Reading and driving the UI's pages in the browser tests: the state of the list page in one script call (the page
re-renders while it is read), its filter controls, and keyboard focus."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .chrome import WAIT, httpx, wait_for


def api(base_url: str, path: str, **params: Any) -> Any:
    """GET an API path; parameters given as None are left out."""
    given = {key: value for key, value in params.items() if value is not None}
    response = httpx.get(base_url + path, params=given, timeout=WAIT)
    response.raise_for_status()
    return response.json()


def listed(base_url: str, **params: Any) -> dict[str, Any]:
    """The API's first page for these filters in the list page's default order (newest first)."""
    return api(base_url, "/api/incidents", **{"sort": "-date", "limit": 50, **params})


def table_ids(browser: Any) -> list[str]:
    script = "return Array.from(document.querySelectorAll('#incidents tbody tr[data-id]'), r => r.dataset.id);"
    return browser.execute_script(script)


def table_total(browser: Any) -> int | None:
    """The total the table's count line states ("1–50 of 77"), None before it is drawn."""
    text = browser.find_element(By.ID, "table-count").get_property("textContent")
    return int(text.rsplit(" of ", 1)[1]) if " of " in text else None


def wait_for_table(browser: Any, expected: dict[str, Any], what: str) -> None:
    """Wait until the table lists the page and total of ``expected`` (an API list response)."""
    ids = [item["id"] for item in expected["items"]]
    wait_for(browser, lambda: table_ids(browser) == ids and table_total(browser) == expected["total"], what)


def drawn(browser: Any) -> int:
    """How many times the whole list page (table, map, timeline, countries) has finished drawing."""
    return int(browser.execute_script("return Number(document.body.dataset.drawn || 0)"))


def wait_until_drawn(browser: Any, after: int, what: str) -> None:
    wait_for(browser, lambda: drawn(browser) > after, what)


def markers(browser: Any) -> list[dict[str, Any]]:
    """Every map marker: its key, incident id (single incidents), count, accessible name and the extent of its
    incidents."""
    script = """return Array.from(document.querySelectorAll('#map .marker'), m => ({key: m.dataset.key,
      id: m.dataset.id || null, count: Number(m.dataset.count), label: m.getAttribute('aria-label'),
      tabindex: m.getAttribute('tabindex'), west: Number(m.dataset.west), east: Number(m.dataset.east),
      south: Number(m.dataset.south), north: Number(m.dataset.north)}));"""
    return browser.execute_script(script)


def timeline(browser: Any) -> dict[str, list[dict[str, Any]]]:
    """The timeline's bars and bands with their periods, counts and drawn widths."""
    script = """const read = (sel) => Array.from(document.querySelectorAll(sel), g => ({start: g.dataset.start,
      end: g.dataset.end, count: Number(g.dataset.count), width: g.querySelector('rect').getBBox().width,
      label: g.getAttribute('aria-label')}));
      return {bins: read('#timeline .bin'), spans: read('#timeline .span'),
        title: document.getElementById('timeline-title').textContent};"""
    return browser.execute_script(script)


def choose(browser: Any, name: str, values: list[str]) -> None:
    """Tick ``values`` in the dropdown of the ``name`` filter (type, country, actor), one commit each."""
    box = browser.find_element(By.ID, f"{name}-choices")
    if not box.get_property("open"):
        box.find_element(By.TAG_NAME, "summary").click()
    find = ("return Array.from(arguments[0].querySelectorAll('input[type=checkbox]'))"
            ".find(i => i.value === arguments[1])")
    for value in values:
        wait_for(browser, lambda v=value: browser.execute_script(find, box, v), f"the {name} option {value}")
        before = drawn(browser)
        # found and clicked in one step: the dropdown may redraw its options (new counts) between the two
        wait_for(browser, lambda v=value: _click(browser.execute_script(find, box, v)), f"a click on {value}")
        wait_until_drawn(browser, before, f"the list after ticking {value}")
    box.find_element(By.TAG_NAME, "summary").click()


def _click(element: Any) -> bool:
    """Click ``element``; False when there is none (``wait_for`` then looks again, as it does when the page replaced
    the element before the click)."""
    if element is None:
        return False
    element.click()
    return True


def focused(browser: Any) -> dict[str, Any]:
    """What has keyboard focus: tag, id, name, classes, text and the ids of the sections around it."""
    script = """const e = document.activeElement; return {tag: e.tagName.toLowerCase(), id: e.id, name: e.name || null,
      cls: e.getAttribute('class') || '', text: (e.textContent || '').trim().slice(0, 80),
      within: Array.from(document.querySelectorAll('section[id], aside, form[id]')).filter(s => s.contains(e))
        .map(s => s.id || s.tagName.toLowerCase())};"""
    return browser.execute_script(script)


def press(browser: Any, *keys: str) -> None:
    """Press ``keys`` where keyboard focus is, as a user would."""
    ActionChains(browser).send_keys(*keys).perform()


def tab_until(browser: Any, condition: Any, *, most: int) -> int:
    """Press Tab from the top of the page until ``condition(focused)`` holds; the number of presses, or fail."""
    browser.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    for presses in range(1, most + 1):
        press(browser, Keys.TAB)
        if condition(focused(browser)):
            return presses
    raise AssertionError(f"not reached in {most} Tab presses; focus is on {focused(browser)}")
