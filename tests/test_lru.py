"""The one LRU cache: a value read is kept, the least recently used goes first."""

from __future__ import annotations

from incidex.lru import LRU


def test_lru_drops_the_least_recently_used_value_and_keeps_one_just_read() -> None:
    cache: LRU[str, int] = LRU(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now more recent than "b"
    cache.put("c", 3)
    assert (cache.get("b"), cache.get("a"), cache.get("c"), len(cache)) == (None, 1, 3, 2)
    cache.put("a", 4)  # storing again refreshes the value and its place
    cache.put("d", 5)
    assert (cache.get("c"), cache.get("a"), cache.get("d")) == (None, 4, 5)
