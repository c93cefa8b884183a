"""The list page in headless chromium over the scene store (tests/ui/scene.py): timeline, filters in the address,
main incidents by default, the map's groups, labels and keyboard path, filters and export, sorting, layout.

Expectations come from the API the page talks to, so they hold whatever the resolver made of the scene.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

import pytest

pytest.importorskip("selenium", reason="browser tests need selenium: pip install selenium")

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .chrome import WAIT, httpx, wait_for
from .pages import (
    api,
    choose,
    focused,
    listed,
    markers,
    press,
    tab_until,
    table_ids,
    table_total,
    timeline,
    wait_for_table,
)
from .scene import HOSTILE

pytestmark = [pytest.mark.browser]


def open_page(browser: Any, base_url: str, address: str = "/?role=main", **expected: Any) -> dict[str, Any]:
    """Open ``address`` and wait for the table to show the API's list for ``expected`` (main incidents by default).

    The default address asks for main incidents explicitly, so that each test checks its own feature (the default
    of the page itself is the subject of one test)."""
    listing = listed(base_url, **{"role": "main", **expected})
    browser.get(base_url + address)
    wait_for_table(browser, listing, f"the incident table of {address}")
    return listing


def test_timeline_draws_every_dated_incident_on_a_scale_that_fits_the_range(browser: Any, base_url: str) -> None:
    """With background incidents shown, the dates reach from 1963 to 2020: every dated incident is drawn, in bars
    wide enough to see, and incidents known only to a year or month are bands, never a bar of their first week."""
    open_page(browser, base_url, "/?role=all", role=None)
    dated = listed(base_url, dated="true")["total"]
    wait_for(browser, lambda: timeline(browser)["bins"], "the timeline")
    chart = timeline(browser)
    assert sum(b["count"] for b in chart["bins"]) + sum(s["count"] for s in chart["spans"]) == dated
    assert 1 <= len(chart["bins"]) <= 150 and chart["title"] == "Incidents per year"
    assert min(b["width"] for b in chart["bins"]) >= 2, "bars must be wide enough to see and to click"
    assert [b["start"][:4] for b in chart["bins"]][:2] == ["1963", "1964"] and chart["bins"][-1]["start"] >= "2020"

    open_page(browser, base_url, "/?role=all&date_from=1999-01-01&date_to=1999-12-31", role=None,
              date_from="1999-01-01", date_to="1999-12-31")
    wait_for(browser, lambda: timeline(browser)["title"] == "Incidents per week", "the timeline of 1999, by week")
    chart = timeline(browser)
    year_only = listed(base_url, date_from="1999-01-01", date_to="1999-12-31")["total"]
    assert year_only == 5, "the scene recalls five incidents of 1999"
    assert [(s["start"], s["end"], s["count"]) for s in chart["spans"]] == [("1999-01-01", "1999-12-31", year_only)]
    assert sum(b["count"] for b in chart["bins"]) == 0, "a year-long date is not put into the year's first week"
    assert "known only to a month or year" in browser.find_element(By.ID, "timeline-count").text


def test_links_reloads_back_and_forward_show_what_the_address_says(browser: Any, base_url: str) -> None:
    link = "/?country=US&type=armed_assault&type=bombing"
    expected = open_page(browser, base_url, link, country="US", type=["armed_assault", "bombing"])
    assert 0 < expected["total"] < listed(base_url, role="main")["total"]
    assert browser.current_url == base_url + link, "the address keeps the filters it was opened with"
    cells = api(base_url, "/api/stats/map", role="main", country="US", type=["armed_assault", "bombing"], cell=45)
    wait_for(browser, lambda: sum(m["count"] for m in markers(browser)) == sum(c["count"] for c in cells["cells"]),
             "the map of the filtered incidents")
    browser.refresh()
    wait_for_table(browser, expected, "the same list after a reload")
    choose(browser, "type", ["riot"])
    riots = listed(base_url, role="main", country="US", type=["armed_assault", "bombing", "riot"])
    wait_for_table(browser, riots, "the list with riots added")
    assert "type=riot" in browser.current_url
    browser.back()
    wait_for_table(browser, expected, "the list before riots were added (Back)")
    assert browser.current_url == base_url + link
    browser.forward()
    wait_for_table(browser, riots, "the list with riots again (Forward)")


def test_main_incidents_by_default_background_one_click_away_undated_hidden_on_request(browser: Any,
                                                                                        base_url: str) -> None:
    main = open_page(browser, base_url, "/")
    everything = listed(base_url)
    assert main["total"] < everything["total"], "the scene has background incidents"
    assert "background" in browser.find_element(By.ID, "type-legend").text, "the legend says what faded dots are"
    browser.find_element(By.CSS_SELECTOR, "input[name=role][value=all]").click()
    wait_for_table(browser, everything, "main and background incidents")
    assert "role=all" in browser.current_url
    browser.find_element(By.CSS_SELECTOR, "input[name=dated]").click()
    dated = listed(base_url, dated="true")
    assert dated["total"] < everything["total"], "the scene has undated incidents"
    wait_for_table(browser, dated, "dated incidents only")
    browser.find_element(By.ID, "clear-filters").click()
    wait_for_table(browser, main, "the default list again")


def test_map_groups_split_as_you_zoom_and_name_places_at_city_scale(browser: Any, base_url: str) -> None:
    open_page(browser, base_url)
    located = api(base_url, "/api/stats/map", role="main", cell=1e-3)
    wait_for(browser, lambda: sum(m["count"] for m in markers(browser)) == sum(c["count"] for c in located["cells"]),
             "a marker for every located incident")
    world = markers(browser)
    assert len(world) < len(located["cells"]), "nearby incidents are grouped at world scale"
    assert not browser.find_elements(By.CSS_SELECTOR, "#map .labels text"), "no place names at world scale"
    biggest = max(world, key=lambda m: m["count"])
    browser.find_element(By.CSS_SELECTOR, f'#map .marker[data-key="{biggest["key"]}"]').click()
    wait_for(browser, lambda: len(markers(browser)) > 1
             and max(m["count"] for m in markers(browser)) < biggest["count"], "the group split after zooming in")
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, "#map .labels text"), "place names, zoomed in")
    names = {t.get_property("textContent") for t in browser.find_elements(By.CSS_SELECTOR, "#map .labels text")}
    assert names and names <= {c["location"] for c in located["cells"]}
    named = next(m for m in markers(browser) if m["label"].split(",")[0].endswith(" at Baghdad"))
    marker = browser.find_element(By.CSS_SELECTOR, f'#map .marker[data-key="{named["key"]}"]')
    marker.send_keys("+", "+", "+", "+")  # to city scale, around Baghdad
    wait_for(browser, lambda: "Baghdad" in [t.get_property("textContent") for t in
                                            browser.find_elements(By.CSS_SELECTOR, "#map .labels text")]
             and browser.execute_script("return Number(document.getElementById('map').viewBox.baseVal.width)") < 2,
             "Baghdad named at city scale")


def test_every_map_marker_is_reached_by_keyboard_and_opens_or_zooms(browser: Any, base_url: str) -> None:
    """Tab reaches the markers and arrows every one of them; Enter zooms into a group until the six incidents
    stacked on one spot in Gaza City are listed as links, and a link opens the incident."""
    open_page(browser, base_url)
    wait_for(browser, lambda: markers(browser), "the map markers")
    tab_until(browser, lambda f: "marker" in f["cls"].split(), most=60)
    shown = markers(browser)
    seen = {browser.switch_to.active_element.get_attribute("data-key")}
    for _ in range(len(shown) - 1):
        press(browser, Keys.ARROW_RIGHT)
        seen.add(browser.switch_to.active_element.get_attribute("data-key"))
    assert seen == {m["key"] for m in shown}, "arrows reach every marker"
    roles = browser.execute_script("return [document.getElementById('map').getAttribute('role'), Array.from("
                                   "document.querySelectorAll('#map .marker'), m => m.getAttribute('role'))]")
    assert roles[0] != "img" and set(roles[1]) == {"button"}, "no image role over markers that can be activated"
    stacked = api(base_url, "/api/incidents", role="main", q="Gaza City", limit=50)
    assert stacked["total"] == 6
    for _ in range(15):
        if browser.find_elements(By.CSS_SELECTOR, ".map-popover"):
            break
        # the map may draw a zoom in more than one pass: read the markers and the focus when they agree
        current, at = wait_for(browser, lambda: _focused_marker(browser), "the focus on a marker of the map drawn")
        gaza = next(n for n, m in enumerate(current)
                    if m["south"] <= 31.5 <= m["north"] and m["west"] <= 34.47 <= m["east"])
        steps = gaza - at
        press(browser, *[Keys.ARROW_RIGHT if steps > 0 else Keys.ARROW_LEFT] * abs(steps), Keys.ENTER)
        wait_for(browser, lambda c=current: browser.find_elements(By.CSS_SELECTOR, ".map-popover")
                 or ("marker" in focused(browser)["cls"].split() and markers(browser) != c),
                 "the next zoom, with focus on a marker")
    popover = browser.find_element(By.CSS_SELECTOR, ".map-popover")
    links = popover.find_elements(By.CSS_SELECTOR, "a[href^='/incidents/']")
    assert {link.get_attribute("href").rsplit("/", 1)[1] for link in links} == {i["id"] for i in stacked["items"]}
    assert focused(browser)["tag"] == "a", "focus moves into the list"
    press(browser, Keys.ENTER)
    wait_for(browser, lambda: "/incidents/" in browser.current_url, "the incident page, opened from the map")


def _focused_marker(browser: Any) -> tuple[list[dict[str, Any]], int] | None:
    """The markers drawn and the position of the focused one among them; None while the focus is on none of them."""
    current = markers(browser)
    key = browser.switch_to.active_element.get_attribute("data-key")
    keys = [m["key"] for m in current]
    return (current, keys.index(key)) if key in keys else None


def test_filters_take_several_values_a_listed_actor_region_toll_and_dates_and_export_them(browser: Any,
                                                                                            base_url: str) -> None:
    open_page(browser, base_url)
    choose(browser, "type", ["bombing", "shelling"])
    choose(browser, "country", ["IQ", "IR", "US"])
    actors = api(base_url, "/api/stats/actors", role="main", type=["bombing", "shelling"], country=["IQ", "IR", "US"])
    assert actors, "the actor list offers the actors of the filtered incidents"
    choose(browser, "actor", [actors[0]["name"]])
    form = browser.find_element(By.ID, "filters")
    killed = form.find_element(By.NAME, "min_killed")
    killed.send_keys("3")
    expected = listed(base_url, role="main", type=["bombing", "shelling"], country=["IQ", "IR", "US"],
                      actor=[actors[0]["name"]], min_killed=3)
    wait_for_table(browser, expected, "the list of several types, countries, an actor and a minimum toll")
    address = browser.current_url
    for part in ("type=bombing", "type=shelling", "country=IQ", "country=IR", "country=US", "min_killed=3"):
        assert part in address
    export = browser.find_element(By.CSS_SELECTOR, "a[data-export=csv]").get_attribute("href")
    rows = list(csv.DictReader(io.StringIO(httpx.get(export, timeout=WAIT).text)))
    assert sorted(r["incident_id"] for r in rows) == sorted(i["id"] for i in expected["items"])

    browser.find_element(By.ID, "clear-filters").click()
    form.find_element(By.NAME, "admin1").send_keys("Attica")
    wait_for_table(browser, listed(base_url, role="main", admin1="Attica"), "the incidents of one region")
    browser.find_element(By.CSS_SELECTOR, "button[data-last='30']").click()
    today = date.today()
    first = (today - timedelta(days=29)).isoformat()
    wait_for(browser, lambda: "last=30" in browser.current_url, "the preset in the address")
    assert form.find_element(By.NAME, "date_from").get_property("value") == first
    assert form.find_element(By.NAME, "date_to").get_property("value") == today.isoformat()
    wait_for_table(browser, listed(base_url, role="main", admin1="Attica", date_from=first,
                                   date_to=today.isoformat()), "the last 30 days")

    browser.find_element(By.ID, "clear-filters").click()
    reported = form.find_element(By.NAME, "reported_from")
    browser.execute_script("arguments[0].value = '2016-05-02'; arguments[0].dispatchEvent(new Event('change'));",
                           reported)
    wait_for_table(browser, listed(base_url, role="main", reported_from="2016-05-02"), "reports from May 2016 on")
    assert "reported_from=2016-05-02" in browser.current_url and "date_from" not in browser.current_url


def test_sort_headers_work_from_the_keyboard_and_say_their_order(browser: Any, base_url: str) -> None:
    open_page(browser, base_url)
    header = browser.find_element(By.CSS_SELECTOR, "#incidents th[data-sort=country]")
    assert header.get_attribute("aria-sort") is None
    header.find_element(By.TAG_NAME, "button").send_keys(Keys.ENTER)
    wait_for_table(browser, listed(base_url, role="main", sort="country"), "the list by country")
    assert header.get_attribute("aria-sort") == "ascending"
    date_header = browser.find_element(By.CSS_SELECTOR, "#incidents th[data-sort=date]")
    assert date_header.get_attribute("aria-sort") is None
    reports = browser.find_element(By.CSS_SELECTOR, "#incidents th[data-sort=reports]")
    reports.find_element(By.TAG_NAME, "button").send_keys(Keys.SPACE)
    by_reports = listed(base_url, role="main", sort="-reports")
    wait_for_table(browser, by_reports, "the list by number of reports")
    assert reports.get_attribute("aria-sort") == "descending" and header.get_attribute("aria-sort") is None
    assert "sort=-reports" in browser.current_url


def test_reports_column_counts_the_documents_of_each_incident(browser: Any, base_url: str) -> None:
    listing = open_page(browser, base_url)
    headers = [th.text.strip().lower() for th in browser.find_elements(By.CSS_SELECTOR, "#incidents thead th")]
    column = next(n for n, text in enumerate(headers) if text.startswith("reports"))
    first = max(listing["items"], key=lambda item: len(item["document_ids"]))
    assert len(first["document_ids"]) == 4, "the scene's merged incident has four reports"
    cell = browser.find_element(By.CSS_SELECTOR, f'#incidents tr[data-id="{first["id"]}"] td:nth-child({column + 1})')
    assert cell.text == "4"


def test_table_layout_keeps_headers_on_one_line_and_perpetrators_narrow(browser: Any, base_url: str) -> None:
    open_page(browser, base_url)
    sizes = browser.execute_script("""const t = document.getElementById('incidents');
      const ths = Array.from(t.querySelectorAll('thead th'));
      const line = parseFloat(getComputedStyle(ths[0]).lineHeight) || 16;
      return {line, heights: ths.map(th => th.getBoundingClientRect().height), table: t.getBoundingClientRect().width,
        actors: ths.find(th => th.textContent.includes('Perpetrators')).getBoundingClientRect().width,
        place: ths.find(th => th.textContent.includes('Place')).getBoundingClientRect().width};""")
    assert max(sizes["heights"]) < 2 * sizes["line"] + 12, "every header fits on one line"
    assert sizes["actors"] <= 0.25 * sizes["table"], "perpetrators take at most a quarter of the width"
    assert sizes["place"] >= 0.12 * sizes["table"]


def test_list_page_has_a_heading_and_a_skip_link_to_the_incidents(browser: Any, base_url: str) -> None:
    open_page(browser, base_url)
    assert [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#list-view h1")] == ["Incidents"]
    tab_until(browser, lambda f: f["tag"] == "a" and "skip" in f["cls"], most=1)
    assert focused(browser)["text"].lower().startswith("skip to main content")
    press(browser, Keys.ENTER)
    assert "incidents-panel" in focused(browser)["within"], "the skip link moves focus to the incident table"
    press(browser, Keys.TAB)
    assert focused(browser)["within"] and "incidents-panel" in focused(browser)["within"]
    assert table_ids(browser) and table_total(browser)


def test_hostile_names_reach_the_dropdowns_and_the_table_as_text(browser: Any, base_url: str) -> None:
    open_page(browser, base_url)
    browser.find_element(By.CSS_SELECTOR, "#actor-choices summary").click()
    wait_for(browser, lambda: HOSTILE in [c.text.rsplit(" · ", 1)[0] for c in
                                          browser.find_elements(By.CSS_SELECTOR, "#actor-choices .choice")],
             "the hostile actor name, shown literally")
    press(browser, Keys.ESCAPE)
    choose(browser, "actor", [HOSTILE])
    wait_for_table(browser, listed(base_url, role="main", actor=[HOSTILE]), "the incident of the hostile actor")
    assert HOSTILE in browser.find_element(By.CSS_SELECTOR, "#incidents tbody").text
    assert browser.execute_script("return document.images.length + document.querySelectorAll('[onerror]').length") == 0
    assert browser.execute_script("return document.scripts.length") == 1


def test_timeline_bars_are_reached_and_chosen_by_keyboard(browser: Any, base_url: str) -> None:
    open_page(browser, base_url)
    wait_for(browser, lambda: timeline(browser)["bins"], "the timeline")
    tab_until(browser, lambda f: "bin" in f["cls"].split(), most=80)
    first = browser.switch_to.active_element.get_attribute("data-start")
    press(browser, Keys.ARROW_RIGHT)
    chosen = browser.switch_to.active_element
    assert chosen.get_attribute("data-start") > first and "incidents" in chosen.get_attribute("aria-label")
    start, end = chosen.get_attribute("data-start"), chosen.get_attribute("data-end")
    press(browser, Keys.ENTER)
    wait_for_table(browser, listed(base_url, role="main", date_from=start, date_to=end), "the incidents of one bar")
    assert f"date_from={start}" in browser.current_url and f"date_to={end}" in browser.current_url
