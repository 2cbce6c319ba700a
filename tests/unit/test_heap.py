"""Issue 12: a serving process settles its heap once built (portal/heap.py)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest

from portal import heap


@pytest.fixture
def collector():
    """The collector as the test found it, given back afterwards (the test processes
    settle their heap too: tests/conftest.py)."""
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    gc.unfreeze()
    yield
    gc.unfreeze()
    if frozen:
        gc.freeze()
    gc.set_threshold(*thresholds)


def test_settling_freezes_what_exists_and_raises_the_young_threshold(collector):
    kept = [{"n": n} for n in range(1000)]  # live objects of "start-up"
    heap.settle()
    assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold()[0] == heap.YOUNG_THRESHOLD > 700


def test_after_settling_an_old_collection_walks_only_what_came_later(collector):
    """The frozen objects are out of every generation the collector walks."""
    heap.settle()
    later = [[n] for n in range(500)]
    walked = sum(gc.get_count()) + sum(len(gc.get_objects(generation=g)) for g in range(3))
    assert walked < gc.get_freeze_count()
    assert all(any(x is y for y in gc.get_objects()) for x in later[:2])


def test_the_cyclic_garbage_of_a_settled_heap_is_still_collected(collector):
    heap.settle()

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a
    del a, b
    assert gc.collect() >= 2


def test_gunicorn_s_entry_point_settles_the_heap_of_each_worker(tmp_path):
    """portal.wsgi as gunicorn imports it: the app built, then its heap frozen."""
    environment = {
        **os.environ,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'w.sqlite3'}",
    }
    code = "import gc, portal.wsgi; print(gc.get_freeze_count(), gc.get_threshold()[0])"
    done = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    frozen, young = map(int, done.stdout.split())
    assert frozen > 50_000 and young == heap.YOUNG_THRESHOLD
