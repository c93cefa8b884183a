"""A real HTTP server in the test process, bound to 127.0.0.1, whose answers the tests set and change.

``server.routes[path]`` is a :class:`Reply`, a list of replies given in turn (the last one repeated), or a function
of the request headers giving a reply. A reply with an ``ETag`` or ``Last-Modified`` header answers 304 to a
request that sends it back. Every request is recorded (path, headers, arrival time) in ``server.requests``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    drip: float = 0.0  # seconds between body chunks of ``chunk`` bytes
    chunk: int = 64
    length: bool = True  # send Content-Length (else the body ends when the connection closes)


@dataclass(frozen=True)
class Seen:
    path: str
    headers: dict[str, str]
    at: float


Route = Reply | list[Reply] | Callable[[dict[str, str]], Reply]


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self._turns: dict[str, int] = {}
        self._lock = threading.Lock()
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._http.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._http.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [seen.path for seen in self.requests]

    def reply(self, path: str, headers: dict[str, str]) -> Reply:
        with self._lock:
            self.requests.append(Seen(path, headers, time.monotonic()))
            route = self.routes.get(path)
            if isinstance(route, list):
                turn = self._turns.get(path, 0)
                self._turns[path] = turn + 1
                return route[min(turn, len(route) - 1)]
        if route is None:
            return Reply(404, b"not here")
        return route(headers) if callable(route) else route

    @contextmanager
    def running(self) -> Iterator[LocalServer]:
        thread = threading.Thread(target=self._http.serve_forever, args=(0.05,), name="local-http", daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._http.shutdown()
            self._http.server_close()


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection: a body without length ends when it closes

        def do_GET(self) -> None:
            headers = {key.lower(): value for key, value in self.headers.items()}
            reply = server.reply(self.path, headers)
            time.sleep(reply.delay)
            if _unchanged(reply, headers):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(reply.status)
            for key, value in reply.headers.items():
                self.send_header(key, value)
            if reply.length:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            step = reply.chunk if reply.drip else max(len(reply.body), 1)
            for start in range(0, len(reply.body), step):
                self.wfile.write(reply.body[start:start + step])
                self.wfile.flush()
                time.sleep(reply.drip)

        def log_message(self, *_args: Any) -> None:
            pass

        def handle(self) -> None:
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout or a size limit under test)

    return Handler


def _unchanged(reply: Reply, headers: dict[str, str]) -> bool:
    etag, modified = reply.headers.get("ETag"), reply.headers.get("Last-Modified")
    if etag and headers.get("if-none-match") == etag:
        return True
    return bool(modified and headers.get("if-modified-since") == modified)


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 feed; each item a dict of ``guid``, ``title``, ``link``, ``pubDate``, ``description`` and
    ``content`` (content:encoded), each optional."""
    parts = []
    for item in items:
        fields = [f"<{key}>{_escape(item[key])}</{key}>" for key in ("guid", "title", "link", "pubDate", "description")
                  if key in item]
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{_escape(title)}</title>{''.join(parts)}</channel></rss>").encode()


def article(title: str, paragraphs: list[str]) -> bytes:
    """An HTML article page with navigation around it, as news sites serve them."""
    body = "".join(f"<p>{_escape(text)}</p>" for text in paragraphs)
    return (f"<html><head><title>{_escape(title)}</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{_escape(title)}</h1>{body}</article><footer>All rights reserved</footer></body></html>"
            ).encode()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
