"""What the browser tests share: Debian's headless chromium, the app under uvicorn, and waiting on the page.

Importing this module skips the importing test module when chromium, chromedriver, selenium or the server extra
is missing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(f"browser tests need Debian's {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium "
                "chromium-driver)", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium: pip install selenium")
uvicorn = pytest.importorskip("uvicorn", reason="browser tests need the server extra: pip install 'incidex[server]'")
httpx = pytest.importorskip("httpx", reason="browser tests need httpx: pip install httpx")

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1440,1000")
WAIT = 30


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port; yield its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start serving the app")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium(profile: Path) -> Iterator[Any]:
    """A headless chromium driven by selenium, with its own empty profile folder."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(browser: Any, condition: Callable[[], Any], what: str) -> Any:
    """Wait for ``condition``; on time-out fail with what the page's status line said."""
    try:
        # the page re-renders while we read it: a vanished element means "not yet", not a failure
        return WebDriverWait(browser, WAIT, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda _driver: condition())
    except TimeoutException:
        status = browser.find_element(By.ID, "status").get_property("textContent")
        pytest.fail(f"timed out waiting for {what}; page status: {status!r}")
