"""The FastAPI application: wires the routers, the body limit and the error handlers; no logic lives here."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from ..config import Settings, load_settings
from ..errors import ConflictError, ExtractionError, IncidexError, InputError, NotFoundError, StoreError
from ..resolve import Resolver
from ..store import SQLITE_SERVE_MMAP_BYTES, Store, is_writable
from . import corrections, documents, exports, incidents, stats
from .dependencies import ApiContext
from .limits import BodyLimit

log = logging.getLogger("incidex.api")
# What ``incidex serve --workers N`` passes to each worker process, as environment variables.
WORKER_ENV = {"db_url": "INCIDEX_SERVE_DB", "token": "INCIDEX_TOKEN", "config": "INCIDEX_CONFIG"}
# The HTTP status of each incidex error, the most specific class first: the API decides by type, never by message.
STATUS: tuple[tuple[type[IncidexError], int], ...] = (
    (NotFoundError, 404),
    (ConflictError, 409),
    (InputError, 422),  # validation, as FastAPI answers a body or parameter of the wrong type
    (ExtractionError, 422),  # the document is stored as failed with this reason
    (StoreError, 503),
    (IncidexError, 500),
)


def create_app(*, db_url: str, settings: Settings, token: str | None = None) -> FastAPI:
    """The incidex API over the existing store at ``db_url``; write endpoints need ``token`` as a Bearer token when
    set. A store this process may not write is served read-only (writes answer 503)."""
    store = Store(db_url, create=False, read_only=not is_writable(db_url), map_bytes=SQLITE_SERVE_MMAP_BYTES)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="incidex", summary="Merged, source-attributed incident records from news reports.",
                  lifespan=lifespan, docs_url=None, redoc_url=None)  # /docs: the UI routes serve Swagger UI locally
    app.state.incidex = ApiContext(store=store, settings=settings, resolver=Resolver(settings), token=token)
    for module in (incidents, corrections, documents, stats, exports):
        app.include_router(module.router)
    _include_ui(app)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(IncidexError, _incidex_error)
    app.add_exception_handler(Exception, _unexpected)
    app.add_middleware(BodyLimit, max_bytes=settings.server.max_body_bytes)
    return app


def worker_app() -> FastAPI:
    """The app of one ``incidex serve --workers N`` process, configured by the :data:`WORKER_ENV` variables."""
    return create_app(db_url=os.environ[WORKER_ENV["db_url"]], settings=load_settings(),
                      token=os.environ.get(WORKER_ENV["token"]) or None)


def _include_ui(app: FastAPI) -> None:
    try:
        from .ui import routes
    except ImportError:
        return
    app.include_router(routes.router)


async def _invalid_request(_request: Request, exc: Exception) -> JSONResponse:
    """422 with the validation errors; the input they echo is hostile text, so lone surrogates ("\\ud800"), which
    no UTF-8 response can carry, are written as escapes."""
    assert isinstance(exc, RequestValidationError)
    return JSONResponse({"detail": _printable(jsonable_encoder(exc.errors()))}, status_code=422)


def _printable(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list):
        return [_printable(item) for item in value]
    if isinstance(value, dict):
        return {_printable(key): _printable(item) for key, item in value.items()}
    return value


def status_of(exc: IncidexError) -> int:
    """The HTTP status :data:`STATUS` gives the class of ``exc``."""
    return next(status for cls, status in STATUS if isinstance(exc, cls))


async def _incidex_error(_request: Request, exc: Exception) -> JSONResponse:
    """The error's message as ``detail`` and its code as ``code``, with the status of its class."""
    assert isinstance(exc, IncidexError)
    status = status_of(exc)
    if status >= 500:
        log.error("incidex error: %s", exc)
    return JSONResponse({"detail": _printable(exc.message), "code": exc.code}, status_code=status)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "internal error; the server log has the details"}, status_code=500)
