"""Reading the next item of a stream on a second thread while the caller works on the one before."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

_END = object()


@contextmanager
def read_ahead(items: Iterator[T], thread_name: str) -> Iterator[Iterator[T]]:
    """`items` in order, each read on a thread of its own while the caller works on the one before: a
    reader that lets go of the GIL (DuckDB streaming Arrow batches) and a consumer that does too (pyarrow
    encoding Parquet) or holds it (pandas judging rows) then share the machine's cores rather than take
    turns on one. At most two items are held at once. The thread has stopped reading when the block
    ends, however it ends: what `items` reads from may be closed right after."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name) as reader:

        def ahead() -> Iterator[T]:
            pending = reader.submit(next, items, _END)
            while (item := pending.result()) is not _END:
                pending = reader.submit(next, items, _END)
                yield item

        yield ahead()
