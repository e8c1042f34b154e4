"""The production cache backend (`giamsat.ops.cache`): Django's Redis cache, one client per pool."""

from __future__ import annotations

import os
import threading
import uuid

import pytest

from giamsat.ops.cache import KeptClientRedisCache

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1")


def _redis_up() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except Exception:
        return False


pytestmark = pytest.mark.skipif(not _redis_up(), reason="no Redis server")


def test_the_backend_reads_and_writes_as_djangos_and_keeps_one_client():
    cache = KeptClientRedisCache(REDIS_URL, {"KEY_PREFIX": f"giamsat-test-{uuid.uuid4().hex}"})
    try:
        assert cache.get("a") is None
        cache.set("a", {"x": [1, 2]}, 30)
        assert cache.get("a") == {"x": [1, 2]}
        assert cache.add("a", 5) is False and cache.add("b", 5) is True
        assert cache.incr("b") == 6
        assert cache.get_many(["a", "b", "c"]) == {"a": {"x": [1, 2]}, "b": 6}
        cache.delete("a")
        assert cache.get("a") is None
        clients = set()

        def read() -> None:
            for _ in range(20):
                clients.add(id(cache._cache.get_client()))
                assert cache.get("b") == 6

        threads = [threading.Thread(target=read) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        clients.add(id(cache._cache.get_client(write=True)))
        assert len(clients) == 1  # one server: reads and writes share one pool, so one client
    finally:
        cache.delete_many(["a", "b"])  # not clear(): Django's flushes the whole Redis database
