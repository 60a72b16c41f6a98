"""Pausing the cyclic collector: nested, overlapping across threads, and through errors."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from tracker._bulk import collector_paused


@pytest.fixture(autouse=True)
def collector_running() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_overlapping_pauses_in_two_threads_restart_the_collector_once_both_end() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    running_after_first: list[bool] = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait()
        first_out.set()

    def second() -> None:
        first_in.wait()
        with collector_paused():
            second_in.set()
            first_out.wait()
            running_after_first.append(gc.isenabled())  # this pause goes on

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert running_after_first == [False]
    assert gc.isenabled()


def test_a_pause_ended_by_an_error_restarts_the_collector() -> None:
    running_inside: list[bool] = []

    def fail() -> None:
        with collector_paused():
            running_inside.append(gc.isenabled())
            raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        fail()
    assert running_inside == [False]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector_paused(), collector_paused():
        pass
    assert not gc.isenabled()


def test_what_a_pause_built_is_out_of_the_collectors_reach_once_it_ends() -> None:
    gc.unfreeze()
    with collector_paused():
        built = [[index] for index in range(10_000)]
    assert gc.get_freeze_count() >= len(built)
    assert all(gc.is_tracked(item) for item in built[:10])  # tracked, yet never scanned
    gc.unfreeze()
