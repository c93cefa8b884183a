"""Hostile report text: the API returns it intact as JSON, and the UI page (when present) shows it as text."""

from __future__ import annotations

import importlib.util
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
import uvicorn
from fastapi.testclient import TestClient

from incidex.api.app import create_app
from incidex.config import load_settings

from .conftest import XSS

UI_PRESENT = importlib.util.find_spec("incidex.api.ui.routes") is not None


def test_hostile_title_and_source_come_back_intact_as_json(client: TestClient) -> None:
    response = client.get("/api/documents/d3")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["title"] == XSS and response.json()["source"] == XSS
    mosul = client.get("/api/incidents", params={"country": "IQ"}).json()["items"][0]
    detail = client.get(f"/api/incidents/{mosul['id']}").json()
    assert detail["documents"][0]["title"] == XSS
    found = client.get("/api/incidents", params={"source": XSS}).json()["items"]
    assert [item["id"] for item in found] == [mosul["id"]]  # searched as plain text, quotes and all


def test_oversized_body_is_refused_with_413(client: TestClient) -> None:
    limit = load_settings().server.max_body_bytes
    response = client.post("/api/documents", json={"text": "x" * (limit + 10)})
    assert response.status_code == 413 and "bytes" in response.json()["detail"]


def test_unexpected_errors_become_a_generic_500(api_url: str) -> None:
    app = create_app(db_url=api_url, settings=load_settings())

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/boom")
    assert response.status_code == 500
    assert "secret" not in response.text and "server log" in response.json()["detail"]


@pytest.mark.skipif(not UI_PRESENT, reason="the UI module incidex.api.ui.routes is not present")
def test_ui_page_forbids_inline_scripts(client: TestClient) -> None:
    page = client.get("/incidents/anything")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "alert(1)" not in page.text


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def live_url(api_url: str) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db_url=api_url, settings=load_settings()), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not UI_PRESENT, reason="the UI module incidex.api.ui.routes is not present")
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs headless chromium (apt install chromium)")
def test_ui_shows_hostile_text_as_text(client: TestClient, live_url: str) -> None:
    mosul = client.get("/api/incidents", params={"country": "IQ"}).json()["items"][0]["id"]
    dom = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=8000", "--dump-dom",
         f"{live_url}/incidents/{mosul}"],
        capture_output=True, text=True, timeout=90, check=True,
    ).stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # shown, as text
    assert "<script>alert(1)</script>" not in dom  # never parsed as markup
    assert not _event_attributes(dom)  # no attribute was broken out of


def _event_attributes(html: str) -> list[str]:
    """Names of ``on*`` attributes on any element of ``html``."""
    found: list[str] = []

    class Finder(HTMLParser):
        def handle_starttag(self, _tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(name for name, _ in attrs if name.startswith("on"))

    Finder().feed(html)
    return found
