"""The fetcher against a real HTTP server on 127.0.0.1: politeness, limits, retries and conditional GET."""

from __future__ import annotations

import socket
import time

import pytest
from local_http import LocalServer, Reply

from incidex.config import FetchSettings
from incidex.errors import FetchError
from incidex.ingest.fetch import Fetcher

AGENT = "incidex-test/1.0 (+tests)"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def settings(**changes: object) -> FetchSettings:
    values = {"user_agent": AGENT, "timeout": 1.0, "max_bytes": 10_000, "max_redirects": 3, "host_interval": 0.0,
              "retries": 2, "backoff": 0.01, "max_retry_after": 5.0}
    return FetchSettings(**{**values, **changes})  # type: ignore[arg-type]


@pytest.fixture
def server(http_server: LocalServer) -> LocalServer:
    http_server.routes["/robots.txt"] = Reply(body=ROBOTS)
    return http_server


def test_get_sends_the_user_agent_and_reads_robots_txt_once_per_host(server: LocalServer) -> None:
    server.routes["/a"] = Reply(body=b"first")
    server.routes["/b"] = Reply(body=b"second")
    with Fetcher(settings()) as fetcher:
        assert fetcher.get(server.url("/a")).body == b"first"
        assert fetcher.get(server.url("/b")).body == b"second"
    assert server.paths() == ["/robots.txt", "/a", "/b"]
    assert {seen.headers["user-agent"] for seen in server.requests} == {AGENT}


def test_a_path_robots_txt_forbids_is_not_fetched(server: LocalServer) -> None:
    server.routes["/private/report"] = Reply(body=b"secret")
    with Fetcher(settings()) as fetcher, pytest.raises(FetchError, match=r"robots\.txt forbids"):
        fetcher.get(server.url("/private/report"))
    assert "/private/report" not in server.paths()


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (503, False)])
def test_a_missing_robots_txt_allows_and_an_unavailable_one_forbids(http_server: LocalServer, status: int,
                                                                   allowed: bool) -> None:
    http_server.routes["/robots.txt"] = Reply(status)
    http_server.routes["/page"] = Reply(body=b"page")
    with Fetcher(settings(retries=0)) as fetcher:
        if allowed:
            assert fetcher.get(http_server.url("/page")).body == b"page"
        else:
            with pytest.raises(FetchError, match=r"robots.txt is unavailable \(HTTP 503\)"):
                fetcher.get(http_server.url("/page"))


def test_conditional_get_gives_not_modified_for_an_unchanged_feed(server: LocalServer) -> None:
    server.routes["/feed"] = Reply(body=b"<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Sun, 16 Jun 2024"})
    with Fetcher(settings()) as fetcher:
        first = fetcher.get(server.url("/feed"))
        assert (first.status, first.etag, first.last_modified) == (200, '"v1"', "Sun, 16 Jun 2024")
        again = fetcher.get(server.url("/feed"), etag=first.etag)
        assert again.not_modified and again.body == b""
        by_date = fetcher.get(server.url("/feed"), last_modified=first.last_modified)
        assert by_date.not_modified
        server.routes["/feed"] = Reply(body=b"<rss>new</rss>", headers={"ETag": '"v2"'})
        changed = fetcher.get(server.url("/feed"), etag=first.etag)
    assert (changed.status, changed.body, changed.etag) == (200, b"<rss>new</rss>", '"v2"')
    assert server.requests[2].headers["if-none-match"] == '"v1"'


def test_server_errors_are_retried_with_backoff_until_one_succeeds(server: LocalServer) -> None:
    server.routes["/flaky"] = [Reply(500), Reply(503), Reply(body=b"at last")]
    with Fetcher(settings(backoff=0.1)) as fetcher:
        started = time.monotonic()
        assert fetcher.get(server.url("/flaky")).body == b"at last"
    assert server.paths().count("/flaky") == 3
    assert time.monotonic() - started >= 0.1 + 0.2  # backoff, then twice the backoff


def test_a_server_that_keeps_failing_gives_a_fetch_error_after_the_retries(server: LocalServer) -> None:
    server.routes["/down"] = Reply(500)
    with Fetcher(settings()) as fetcher, pytest.raises(FetchError, match=r"HTTP 500 .* after 2 retries"):
        fetcher.get(server.url("/down"))
    assert server.paths().count("/down") == 3


def test_429_waits_as_long_as_retry_after_says(server: LocalServer) -> None:
    server.routes["/busy"] = [Reply(429, headers={"Retry-After": "1"}), Reply(body=b"ok")]
    with Fetcher(settings()) as fetcher:
        assert fetcher.get(server.url("/busy")).body == b"ok"
    first, second = (seen.at for seen in server.requests if seen.path == "/busy")
    assert second - first >= 0.95


def test_a_retry_after_beyond_the_limit_is_not_waited_for(server: LocalServer) -> None:
    server.routes["/later"] = Reply(503, headers={"Retry-After": "3600"})
    with Fetcher(settings()) as fetcher, pytest.raises(FetchError, match="retry after 3600 s"):
        started = time.monotonic()
        fetcher.get(server.url("/later"))
    assert time.monotonic() - started < 1 and server.paths().count("/later") == 1


def test_a_response_slower_than_the_timeout_fails(server: LocalServer) -> None:
    server.routes["/slow"] = Reply(body=b"late", delay=2.0)
    with Fetcher(settings(timeout=0.5, retries=0)) as fetcher, pytest.raises(FetchError, match=r"within 0\.5 s"):
        fetcher.get(server.url("/slow"))


def test_a_body_that_trickles_in_past_the_timeout_fails(server: LocalServer) -> None:
    server.routes["/drip"] = Reply(body=b"x" * 600, drip=0.1, chunk=50)  # each chunk in time, the whole 1.2 s
    with Fetcher(settings(timeout=0.5)) as fetcher, pytest.raises(FetchError, match=r"within 0\.5 s"):
        fetcher.get(server.url("/drip"))


@pytest.mark.parametrize("length", [True, False], ids=["declared", "streamed"])
def test_a_body_over_the_size_cap_fails(server: LocalServer, length: bool) -> None:
    server.routes["/big"] = Reply(body=b"x" * 50_000, length=length)
    with Fetcher(settings()) as fetcher, pytest.raises(FetchError, match="over the limit of 10,000 bytes"):
        fetcher.get(server.url("/big"))


def test_redirects_are_followed_to_the_final_url(server: LocalServer) -> None:
    server.routes["/old"] = Reply(301, headers={"Location": "/new"})
    server.routes["/new"] = Reply(body=b"moved here")
    with Fetcher(settings()) as fetcher:
        page = fetcher.get(server.url("/old"))
    assert (page.url, page.body) == (server.url("/new"), b"moved here")


def test_a_redirect_loop_fails_naming_the_loop(server: LocalServer) -> None:
    server.routes["/loop-a"] = Reply(302, headers={"Location": "/loop-b"})
    server.routes["/loop-b"] = Reply(302, headers={"Location": "/loop-a"})
    with Fetcher(settings()) as fetcher, pytest.raises(FetchError, match="redirect loop"):
        fetcher.get(server.url("/loop-a"))
    assert server.paths().count("/loop-a") == 1


def test_too_many_redirects_fail(server: LocalServer) -> None:
    for hop in range(6):
        server.routes[f"/hop{hop}"] = Reply(302, headers={"Location": f"/hop{hop + 1}"})
    with Fetcher(settings()) as fetcher, pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.get(server.url("/hop0"))


def test_a_redirect_into_a_forbidden_path_is_not_followed(server: LocalServer) -> None:
    server.routes["/go"] = Reply(302, headers={"Location": "/private/x"})
    with Fetcher(settings()) as fetcher, pytest.raises(FetchError, match=r"robots\.txt forbids"):
        fetcher.get(server.url("/go"))
    assert "/private/x" not in server.paths()


class VirtualTime:
    """A clock that moves only when the fetcher sleeps: its waits are exact, whatever the machine's load."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(round(seconds, 6))
        self.now += seconds


def test_requests_to_one_host_are_spaced_by_the_host_interval(server: LocalServer) -> None:
    server.routes["/p"] = Reply(body=b"p")
    time_ = VirtualTime()
    with Fetcher(settings(host_interval=0.3), sleep=time_.sleep, clock=time_.clock) as fetcher:
        for _ in range(3):
            fetcher.get(server.url("/p"))
        time_.now += 5.0  # a while later: no wait
        fetcher.get(server.url("/p"))
    assert server.paths() == ["/robots.txt", "/p", "/p", "/p", "/p"]
    assert time_.waits == [0.3, 0.3, 0.3]  # robots.txt, then each page a host interval after the one before


def test_a_crawl_delay_longer_than_the_interval_is_honoured(http_server: LocalServer) -> None:
    http_server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nCrawl-delay: 2\n")
    http_server.routes["/p"] = Reply(body=b"p")
    time_ = VirtualTime()
    with Fetcher(settings(host_interval=0.5), sleep=time_.sleep, clock=time_.clock) as fetcher:
        fetcher.get(http_server.url("/p"))
        fetcher.get(http_server.url("/p"))
    assert time_.waits == [0.5, 2.0]  # robots.txt read at the interval, then the host's Crawl-delay


def test_an_unreachable_host_and_a_non_http_url_fail_with_their_reason() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends: nothing listens there
    with Fetcher(settings()) as fetcher:
        with pytest.raises(FetchError, match="ConnectError"):
            fetcher.get(f"http://127.0.0.1:{port}/feed")
        with pytest.raises(FetchError, match="only http"):
            fetcher.get("file:///etc/passwd")
