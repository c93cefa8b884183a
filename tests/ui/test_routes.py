"""The UI router on its own: pages, the allow-listed static files, security headers and the shipped map data."""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("fastapi", reason="the UI routes need the server extra: pip install 'incidex[server]'")

from fastapi import FastAPI
from fastapi.testclient import TestClient

from incidex.api.ui import routes

PATH_COMMAND = re.compile(r"[MLZ]")


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    app.include_router(routes.router)
    return TestClient(app)


@pytest.mark.parametrize("path", ["/", "/incidents/inc-123"])
def test_pages_serve_the_app_shell_with_a_strict_policy(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/static/app.js"></script>' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("name", sorted(routes.ASSETS))
def test_static_serves_each_listed_asset_with_its_type(client: TestClient, name: str) -> None:
    response = client.get(f"/static/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == routes.ASSETS[name].split(";")[0]
    assert response.content == (routes.UI_DIR / name).read_bytes()


@pytest.mark.parametrize("name", ["index.html", "routes.py", "NOTICE", "missing.js"])
def test_static_refuses_files_outside_the_list(client: TestClient, name: str) -> None:
    response = client.get(f"/static/{name}")
    assert response.status_code == 404
    assert "the UI serves" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/static/..%2Froutes.py", "/static/../ui/routes.py", "/static/%2E%2E/__init__.py"])
def test_static_never_walks_out_of_the_ui_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert b"APIRouter" not in response.content


def _scripts() -> dict[str, str]:
    return {name: (routes.UI_DIR / name).read_text(encoding="utf-8") for name in routes.SCRIPTS}


def test_every_script_module_is_served_and_only_those_are_imported() -> None:
    shipped = {path.name for path in routes.UI_DIR.glob("*.js")} - set(routes.DOCS_ASSETS)
    assert shipped == set(routes.SCRIPTS)
    for name, script in _scripts().items():
        for imported in re.findall(r"""from\s+["']\./([\w.]+)["']""", script):
            assert imported in routes.SCRIPTS, f"{name} imports {imported}, which the UI does not serve"


def test_page_and_assets_load_nothing_from_other_hosts() -> None:
    shell = (routes.UI_DIR / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", shell)
    for name, script in _scripts().items():
        assert not re.search(r"""(fetch\(|import\s*\(|from)\s*["'`](https?:)?//""", script), name


def test_scripts_never_parse_strings_as_html_or_code() -> None:
    for name, script in _scripts().items():
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in script, f"{name} uses {sink}; build the DOM with createElement and text nodes"


def test_country_outlines_cover_the_world_in_map_coordinates() -> None:
    shapes = json.loads((routes.UI_DIR / "countries.json").read_text(encoding="utf-8"))
    assert len(shapes) > 150
    codes = {shape["iso2"] for shape in shapes}
    assert {"AF", "NG", "RU", "BR", "AU"} <= codes
    for shape in shapes:
        numbers = [float(n) for n in re.split(r"[MLZ,]", shape["d"]) if n]
        xs, ys = numbers[0::2], numbers[1::2]
        assert len(xs) == len(ys) > 2, shape["name"]
        assert 0 <= min(xs) and max(xs) <= 360 and 0 <= min(ys) and max(ys) <= 180, shape["name"]
        assert shape["d"].startswith("M") and shape["d"].endswith("Z")
