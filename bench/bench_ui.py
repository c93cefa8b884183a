"""Benchmark of the web UI at scale: a store of 100,000 incidents, ``incidex serve``, Debian's headless chromium.

    python bench/bench_ui.py                     # builds the store of bench_api.py in a temporary folder
    python bench/bench_ui.py --db FILE --runs 7  # reuses FILE (built when missing; opening migrates it in place)

Prints, as JSON lines, the median, fastest and slowest of ``--runs`` runs of:

* ``first_screen``: a fresh load of the list page until its table, map, timeline and country counts are all drawn
  (the page's ``incidex:list-drawn`` performance mark, counted from navigation start), with the slowest API call of
  the load;
* ``redraw_*``: a filter changed through its control (a type, a country, main and background incidents, hiding the
  undated, an actor from the list, a sort order) until the page has drawn again, counted from the click, with the
  median CPU time the server spent meanwhile (all its processes).

Targets: first screen within 2 s, a filter change within 500 ms. The figures are wall-clock times of a browser and a
server sharing this machine's cores: a busy machine makes them slower (the load average is printed). It is a
benchmark that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from bench_api import _cpu_seconds, _free_port, _wait_ready, ensure_store  # the API bench's store and server helpers
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1440,1000")
MARK = "incidex:list-drawn"
TIMEOUT = 60.0

CLICK = """const marks = performance.getEntriesByName(arguments[1]).length;
const started = performance.now();
arguments[0].click();
return [marks, started];"""


def _wait(condition: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.01)
    raise SystemExit(f"timed out waiting for {what}")


def _marks(browser: Any) -> list[float]:
    return browser.execute_script("return performance.getEntriesByName(arguments[0]).map(m => m.startTime)", MARK)


def first_screen(browser: Any, url: str) -> dict[str, Any]:
    """One fresh load of the list page: ms to the first complete draw, and the slowest API call of the load."""
    browser.get("about:blank")
    browser.get(url + "/")
    drawn = _wait(lambda: _marks(browser), "the first drawn list page")[0]
    calls = browser.execute_script("""return performance.getEntriesByType('resource')
      .filter(r => r.name.includes('/api/')).map(r => [r.name.split('?')[0].replace(location.origin, ''),
        r.responseEnd - r.startTime]);""")
    slowest = max(calls, key=lambda call: call[1]) if calls else ["", 0.0]
    return {"ms": drawn, "slowest_api": slowest[0], "slowest_api_ms": slowest[1]}


def redraw(browser: Any, url: str, prepare: Callable[[Any], Any], server: Any) -> tuple[float, float]:
    """Ms from a click on the control that ``prepare`` returns (on a freshly drawn list page) to the next draw, and
    the server's CPU ms in that time (a figure that other load on the machine changes little)."""
    browser.get(url + "/")
    _wait(lambda: _marks(browser), "the list page")
    control = prepare(browser)
    time.sleep(0.3)  # the requests of opening a dropdown are answered
    cpu = _cpu_seconds(server)
    before, started = browser.execute_script(CLICK, control, MARK)
    done = _wait(lambda: (m := _marks(browser)) and len(m) > before and m[before], "the redraw")
    return done - started, 1000 * (_cpu_seconds(server) - cpu)


def _option(name: str, pick: Callable[[list[Any]], Any]) -> Callable[[Any], Any]:
    """Open the ``name`` dropdown and return one of its checkboxes, chosen by ``pick`` once the options are in."""

    def prepare(browser: Any) -> Any:
        browser.find_element(By.CSS_SELECTOR, f"#{name}-choices summary").click()
        return pick(_wait(lambda: browser.find_elements(By.CSS_SELECTOR, f"#{name}-choices .choice input"),
                          f"the {name} options"))

    return prepare


SCENARIOS: dict[str, Callable[[Any], Any]] = {
    "redraw_type": _option("type", lambda boxes: next(b for b in boxes if b.get_attribute("value") == "bombing")),
    "redraw_country": _option("country", lambda boxes: boxes[0]),
    "redraw_actor": _option("actor", lambda boxes: boxes[0]),
    "redraw_main_and_background": lambda b: b.find_element(By.CSS_SELECTOR, "input[name=role][value=all]"),
    "redraw_hide_undated": lambda b: b.find_element(By.CSS_SELECTOR, "input[name=dated]"),
    "redraw_sort_by_reports": lambda b: b.find_element(By.CSS_SELECTOR, "#incidents th[data-sort=reports] button"),
}


def _summary(name: str, values: list[float], **extra: Any) -> dict[str, Any]:
    return {"measure": name, "runs": len(values), "median_ms": round(statistics.median(values), 1),
            "min_ms": round(min(values), 1), "max_ms": round(max(values), 1), **extra}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--db", help="SQLite file to reuse (built when missing); default: a temporary file")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (incidex serve --workers)")
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory(prefix="incidex-bench-ui-")
    path = ensure_store(args.db, folder.name, args.incidents)
    port = _free_port()
    command = [sys.executable, "-m", "incidex", "serve", "--db", str(path), "--port", str(port)]
    if args.workers > 1:
        command += ["--workers", str(args.workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={folder.name}/profile"):
        options.add_argument(flag)
    browser = None
    try:
        _wait_ready(port, server)
        url = f"http://127.0.0.1:{port}"
        browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        first_screen(browser, url)  # warms the server's statement cache and the OS page cache
        loads = [first_screen(browser, url) for _ in range(args.runs)]
        slowest = max(loads, key=lambda load: load["slowest_api_ms"])
        print(json.dumps(_summary("first_screen", [load["ms"] for load in loads],
                                  slowest_api=slowest["slowest_api"],
                                  slowest_api_ms=round(slowest["slowest_api_ms"], 1), target_ms=2000)), flush=True)
        for name, prepare in SCENARIOS.items():
            runs = [redraw(browser, url, prepare, server) for _ in range(args.runs)]
            cpu = statistics.median(run[1] for run in runs)
            print(json.dumps(_summary(name, [run[0] for run in runs], server_cpu_ms=round(cpu, 1), target_ms=500)),
                  flush=True)
        print(json.dumps({"incidents": args.incidents, "workers": args.workers,
                          "load_average": [round(x, 2) for x in os.getloadavg()]}))
    finally:
        if browser is not None:
            browser.quit()
        server.terminate()
        server.wait(timeout=30)
        folder.cleanup()


if __name__ == "__main__":
    main()
