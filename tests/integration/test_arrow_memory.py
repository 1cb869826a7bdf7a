"""A run allocates Arrow buffers from the system allocator, which gives freed memory back between steps;
outside a run, and when the user names a pool, pyarrow's own choice stands."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pyarrow as pa
import pytest

from warehouse.arrow_memory import POOL_ENV, system_arrow_memory
from warehouse.data_dir import DataDirResource


def _pool_in_a_run(data_dir: Path) -> tuple[str, int]:
    """The Arrow pool's backend an asset of a run sees, and the bytes that pool holds for a buffer the
    asset made."""
    seen: dict[str, object] = {}

    @dg.asset
    def arrow_pool(data_dir: DataDirResource) -> None:
        values = pa.array(range(100_000), pa.int64())
        seen["backend"] = pa.default_memory_pool().backend_name
        seen["held"] = pa.system_memory_pool().bytes_allocated()
        del values

    result = dg.materialize([arrow_pool], resources={"data_dir": DataDirResource(data_dir=str(data_dir))})
    assert result.success
    return str(seen["backend"]), int(seen["held"])  # type: ignore[call-overload]


def test_a_run_allocates_from_the_system_and_gives_the_pool_back_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(POOL_ENV, raising=False)
    before = pa.default_memory_pool().backend_name

    backend, held = _pool_in_a_run(tmp_path / "data")

    assert backend == "system"
    assert held >= 100_000 * 8  # the asset's array came from the system pool
    assert pa.default_memory_pool().backend_name == before


def test_a_pool_the_user_names_is_left_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(POOL_ENV, "mimalloc")
    default = pa.default_memory_pool().backend_name

    backend, _ = _pool_in_a_run(tmp_path / "data")

    assert backend == default


def test_the_pool_before_the_block_comes_back_when_the_block_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(POOL_ENV, raising=False)
    before = pa.default_memory_pool().backend_name
    inside: list[str] = []
    with pytest.raises(RuntimeError, match="step failed"):
        _fail_inside(inside)
    assert inside == ["system"]
    assert pa.default_memory_pool().backend_name == before


def _fail_inside(inside: list[str]) -> None:
    with system_arrow_memory():
        inside.append(pa.default_memory_pool().backend_name)
        raise RuntimeError("step failed")
