"""Routes of the analyst UI: the single page at ``/`` and ``/incidents/{id}``, its files under ``/static``, and the
API documentation at ``/docs`` (Swagger UI shipped in this folder, so it works offline).

Only the files listed in :data:`ASSETS` are served, so no request path reaches the file system. Every response
carries a strict Content-Security-Policy: scripts come from this server only, never inline.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response

UI_DIR = Path(__file__).resolve().parent
SCRIPTS = ("app.js", "dom.js", "filters.js", "list.js", "map.js", "timeline.js", "incident.js", "evidence.js",
           "corrections.js")  # JavaScript modules; app.js is the entry and imports the others
DOCS_ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css")  # Swagger UI for /docs, vendored from swagger-ui-dist
ASSETS: dict[str, str] = {
    **dict.fromkeys(SCRIPTS, "text/javascript; charset=utf-8"),
    "app.css": "text/css; charset=utf-8",
    "countries.json": "application/json",
    DOCS_ASSETS[0]: "text/javascript; charset=utf-8",
    DOCS_ASSETS[1]: "text/css; charset=utf-8",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

router = APIRouter(include_in_schema=False)


@cache
def _read(name: str) -> bytes:
    return (UI_DIR / name).read_bytes()


def _page() -> Response:
    return Response(_read("index.html"), media_type="text/html; charset=utf-8", headers=SECURITY_HEADERS)


@router.get("/")
def index() -> Response:
    """The incident list: map, timeline, filters and table."""
    return _page()


@router.get("/incidents/{incident_id}")
def incident_page(incident_id: str) -> Response:
    """One incident; the page script reads the id from the address and asks the API for it."""
    return _page()


@router.get("/docs")
def docs() -> HTMLResponse:
    """The OpenAPI documentation in Swagger UI, its script and stylesheet from this server (no CDN)."""
    return get_swagger_ui_html(openapi_url="/openapi.json", title="incidex API",
                               swagger_js_url="/static/swagger-ui-bundle.js", swagger_css_url="/static/swagger-ui.css",
                               swagger_favicon_url="data:,")


@router.get("/static/{name}")
def static(name: str) -> Response:
    """One of the UI's own files; anything else is a 404."""
    media_type = ASSETS.get(name)
    if media_type is None:
        raise HTTPException(status_code=404, detail=f"no UI file named {name!r}; the UI serves {sorted(ASSETS)}")
    headers = {**SECURITY_HEADERS, "Cache-Control": "no-cache"}
    return Response(_read(name), media_type=media_type, headers=headers)
