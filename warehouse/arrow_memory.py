"""Where Arrow's buffers come from while a run works: the system allocator, which gives freed memory back.

pyarrow allocates from mimalloc by default, which keeps the pages of freed buffers for reuse. A refresh
reads a million-row table into Arrow in one step and frees it, then the next step does the same with
other tables: mimalloc held on to about 150 MiB between the steps of a million-row export, and the
refresh's peak (the publish's table copies) sat on top of it. With the system allocator, two runs of
`python -m bench.export_scale --rows 1000000` peaked at 1,260-1,261 MiB against 1,352-1,478 MiB for two
beside them with mimalloc, at the same speed.

A user's own choice (`ARROW_DEFAULT_MEMORY_POOL`) is left as it is.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

POOL_ENV = "ARROW_DEFAULT_MEMORY_POOL"


@contextmanager
def system_arrow_memory() -> Iterator[None]:
    """Allocate Arrow buffers from the system allocator inside the block (unless `ARROW_DEFAULT_MEMORY_POOL`
    names a pool), then go back to the pool before it. A buffer remembers its pool: one made inside and
    freed after (or the other way round) goes back where it came from."""
    if os.environ.get(POOL_ENV, "").strip():
        yield
        return
    before = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(before)
