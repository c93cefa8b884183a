"""Fetching URLs as a well-behaved client: the one fetcher ``incidex ingest`` and ``incidex watch`` use.

Every request carries the configured User-Agent, waits its turn for the host (``host_interval`` seconds apart, or
the host's longer robots.txt Crawl-delay), and must be allowed by the host's robots.txt (read once per host and
kept; a robots.txt answering 4xx allows everything, 5xx or a redirect loop forbids everything, as RFC 9309 says).
Redirects are followed by hand, each hop checked the same way, at most ``max_redirects`` and never in a loop. A
response must arrive whole within ``timeout`` seconds and ``max_bytes``. HTTP 429 and 5xx are retried after the
server's Retry-After or with doubling backoff. Conditional GET: with the ETag and Last-Modified of an earlier
response, an unchanged resource comes back as 304 with no body. Anything else raises :class:`FetchError` saying why.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..config import FetchSettings
from ..errors import FetchError

REDIRECTS = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 500_000  # RFC 9309: crawlers may ignore what comes after the first 500 KiB


@dataclass(frozen=True)
class Fetched:
    """A response: ``status`` 200 with ``body``, or 304 (not modified since the ETag / Last-Modified given)."""

    url: str  # after redirects
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """One HTTP client for a run; keep it open while fetching (it holds connections, robots.txt and host clocks).

    ``sleep`` and ``clock`` are the waiting and the monotonic time it uses (the tests pass their own to count waits).
    """

    def __init__(
        self,
        settings: FetchSettings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._clock = clock
        self._client: httpx.Client | None = None
        self._robots: dict[str, _Robots] = {}
        self._next_turn: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` following redirects; raises :class:`FetchError` with the reason when it cannot."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        visited: list[str] = []
        while True:
            _check_scheme(url)
            if url in visited:
                raise FetchError(f"{visited[0]}: redirect loop ({' -> '.join([*visited, url])}); check the URL")
            if len(visited) > self.settings.max_redirects:
                raise FetchError(f"{visited[0]}: more than {self.settings.max_redirects} redirects; check the URL")
            visited.append(url)
            self._check_robots(url)
            response = self._with_retries(url, headers)
            if response.status_code in REDIRECTS and "location" in response.headers:
                url = urljoin(url, response.headers["location"])
                continue
            return self._result(url, response)

    # -- one request -----------------------------------------------------------------------------------------

    def _with_retries(self, url: str, headers: dict[str, str]) -> _Response:
        for attempt in range(self.settings.retries + 1):
            response = self._request(url, headers)
            if response.status_code != 429 and response.status_code < 500:
                return response
            if attempt == self.settings.retries:
                break
            wait = _retry_after(response.headers.get("retry-after"))
            if wait is None:
                wait = self.settings.backoff * 2**attempt
            elif wait > self.settings.max_retry_after:
                raise FetchError(f"{url}: HTTP {response.status_code}, and the server asks to retry after {wait:.0f} s "
                                 f"(more than fetch.max_retry_after, {self.settings.max_retry_after:.0f} s); try later")
            self._sleep(wait)
        retries = self.settings.retries
        raise FetchError(f"{url}: HTTP {response.status_code} {response.reason} after {retries} "
                         f"{'retry' if retries == 1 else 'retries'}; the server is failing, try later")

    def _request(self, url: str, headers: dict[str, str], *, max_bytes: int | None = None) -> _Response:
        """One GET: the whole body within the deadline and size cap, or FetchError."""
        limit = self.settings.max_bytes if max_bytes is None else max_bytes
        client = self._http()  # made first: the host's turn is booked for when the request leaves
        self._wait_turn(url)
        deadline = self._clock() + self.settings.timeout
        try:
            with client.stream("GET", url, headers=headers) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"{url}: the response is {int(declared):,} bytes, over the limit of "
                                     f"{limit:,} bytes (fetch.max_bytes)")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(f"{url}: the response is over the limit of {limit:,} bytes (fetch.max_bytes)")
                    if self._clock() > deadline:
                        raise httpx.ReadTimeout("deadline passed while reading")
                return _Response(response.status_code, response.reason_phrase, response.headers, bytes(body))
        except httpx.TimeoutException:
            raise FetchError(f"{url}: no complete response within {self.settings.timeout:g} s (fetch.timeout); "
                             "the server is slow or unreachable") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc or 'connection failed'}; check the URL and the "
                             "network") from None

    def _result(self, url: str, response: _Response) -> Fetched:
        if response.status_code not in (200, 304):
            raise FetchError(f"{url}: HTTP {response.status_code} {response.reason}")
        headers = response.headers
        return Fetched(url, response.status_code, response.body if response.status_code == 200 else b"",
                       headers.get("content-type"), headers.get("etag"), headers.get("last-modified"))

    def _http(self) -> httpx.Client:
        if self._client is None:
            timeout = httpx.Timeout(self.settings.timeout)
            self._client = httpx.Client(headers={"User-Agent": self.settings.user_agent}, timeout=timeout,
                                        follow_redirects=False, trust_env=False)
        return self._client

    # -- politeness ------------------------------------------------------------------------------------------

    def _wait_turn(self, url: str) -> None:
        """Wait until the host's next turn, and book the one after it."""
        host = _origin(url)
        now = self._clock()
        turn = self._next_turn.get(host, now)
        if turn > now:
            self._sleep(turn - now)
        robots = self._robots.get(host)
        delay = max(self.settings.host_interval, robots.crawl_delay if robots else 0.0)
        self._next_turn[host] = max(turn, now) + delay

    def _check_robots(self, url: str) -> None:
        host = _origin(url)
        if host not in self._robots:
            self._robots[host] = self._read_robots(host)
        robots = self._robots[host]
        if not robots.allows(self.settings.user_agent, url):
            raise FetchError(f"{url}: {robots.refusal}; incidex does not fetch it")

    def _read_robots(self, host: str) -> _Robots:
        url = f"{host}/robots.txt"
        headers: dict[str, str] = {}
        for _hop in range(self.settings.max_redirects + 1):
            try:
                response = self._request(url, headers, max_bytes=ROBOTS_MAX_BYTES)
            except FetchError as exc:
                if "over the limit" in exc.message:
                    return _Robots.forbid_all(f"{host}/robots.txt is over {ROBOTS_MAX_BYTES:,} bytes")
                raise
            if response.status_code in REDIRECTS and "location" in response.headers:
                url = urljoin(url, response.headers["location"])
                continue
            if 200 <= response.status_code < 300:
                return _Robots.parse(response.body, self.settings.user_agent, host)
            if 400 <= response.status_code < 500:
                return _Robots.allow_all()
            return _Robots.forbid_all(f"{host}/robots.txt is unavailable (HTTP {response.status_code}), which "
                                      "forbids everything until it is back")
        return _Robots.forbid_all(f"{host}/robots.txt redirects more than {self.settings.max_redirects} times")


@dataclass(frozen=True)
class _Response:
    status_code: int
    reason: str
    headers: httpx.Headers
    body: bytes


@dataclass(frozen=True)
class _Robots:
    """A host's robots.txt rules, or a blanket answer when it has none or cannot be read."""

    parser: RobotFileParser | None
    allow: bool
    refusal: str
    crawl_delay: float = 0.0

    @classmethod
    def allow_all(cls) -> _Robots:
        return cls(None, True, "")

    @classmethod
    def forbid_all(cls, why: str) -> _Robots:
        return cls(None, False, why)

    @classmethod
    def parse(cls, body: bytes, user_agent: str, host: str) -> _Robots:
        parser = RobotFileParser()
        parser.parse(body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(user_agent)
        return cls(parser, True, f"{host}/robots.txt forbids this path", float(delay) if delay else 0.0)

    def allows(self, user_agent: str, url: str) -> bool:
        if self.parser is None:
            return self.allow
        return self.parser.can_fetch(user_agent, url)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: delay-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _check_scheme(url: str) -> None:
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http:// and https:// URLs can be fetched")


def is_url(value: str) -> bool:
    """True for an ``http://`` or ``https://`` URL."""
    return urlsplit(value).scheme in ("http", "https") and bool(urlsplit(value).netloc)
