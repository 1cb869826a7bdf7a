"""read_ahead: a stream read one item ahead on a thread of its own."""

from __future__ import annotations

import threading
import time

import pytest

from assets.read_ahead import read_ahead


def test_items_arrive_in_order_and_all_of_them():
    with read_ahead(iter(range(1000)), "test-read") as items:
        assert list(items) == list(range(1000))


def test_the_next_item_is_read_on_another_thread_while_the_caller_works():
    readers: list[str] = []

    def stream():
        for number in range(3):
            readers.append(threading.current_thread().name)
            yield number

    with read_ahead(stream(), "test-read") as items:
        assert list(items) == [0, 1, 2]
    assert len(readers) == 3
    assert all(name.startswith("test-read") for name in readers)


def test_an_error_of_the_reader_reaches_the_caller_after_the_items_before_it():
    def stream():
        yield "first"
        raise ValueError("the export is unreadable at row 2")

    seen = []

    def consume() -> None:
        with read_ahead(stream(), "test-read") as items:
            seen.extend(items)

    with pytest.raises(ValueError, match="row 2"):
        consume()
    assert seen == ["first"]


def test_leaving_early_stops_the_reading_before_the_block_ends():
    read: list[int] = []

    def stream():
        for number in range(100):
            time.sleep(0.01)
            read.append(number)
            yield number

    def write_until_it_fails() -> None:
        with read_ahead(stream(), "test-read") as items:
            for item in items:
                if item == 2:
                    raise RuntimeError("the writer failed")

    with pytest.raises(RuntimeError, match="writer failed"):
        write_until_it_fails()
    # The block has ended: the thread read at most the one item it was reading ahead, and reads no more
    # (what it read from may be closed now).
    count = len(read)
    assert count <= 4
    time.sleep(0.05)
    assert len(read) == count
