"""Throughput of the record path on a large table export: read -> normalise -> validate -> resolve.

Floor: DuckDB reading the same CSV as text into a pandas frame (`read_csv(all_varchar=true)`), the least
any stage that looks at every cell must pay. Each stage is reported in seconds, rows per second and as a
multiple of the floor, so the figures compare across machines. Peak resident memory is reported against
the process's own baseline before the work.
"""

from __future__ import annotations

import csv
import random
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from assets.normalize.mentions import normalize_mentions
from assets.parsing.dispatch import extract_document
from assets.resolve.merge import resolve_deals
from assets.sources import Source, SourceKind
from assets.validate.quarantine import validate_frame
from schemas.mention_schema import NormalizedMentionSchema
from schemas.rules import RECORD_RULES

SEGMENTS = ["AI chips", "Inference platform", "Voice AI", "Fintech", "Health", "AI agents", "Model labs"]
ROUNDS = ["Seed", "Series A", "Series B", "Series C", "Growth", "Debt", "Pre-seed"]


def write_export(path: Path, rows: int, seed: int = 7) -> None:
    """A deterministic export in dealmap's own column names, with a few bad rows as real ones have."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "company",
                "round_type",
                "amount",
                "currency",
                "valuation",
                "segment",
                "announced_date",
                "lead_investors",
            ]
        )
        for i in range(rows):
            amount = rng.randrange(1, 500) * 1_000_000
            writer.writerow(
                [
                    f"Company {i % (rows // 3 + 1)}",
                    rng.choice(ROUNDS),
                    amount if i % 50 else "undisclosed",
                    rng.choice(["USD", "USD", "EUR", "GBP"]),
                    amount * rng.randrange(3, 12) if i % 7 else "",
                    rng.choice(SEGMENTS),
                    f"20{rng.randrange(15, 26)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                    "Northwind Ventures; Harbor Capital" if i % 3 else "",
                ]
            )


def _timed(label: str, work: Callable[[], Any], results: dict[str, float]) -> Any:
    started = time.perf_counter()
    value = work()
    results[label] = time.perf_counter() - started
    return value


def duckdb_read(path: Path) -> int:
    with duckdb.connect() as connection:
        return len(connection.read_csv(str(path), header=True, all_varchar=True).df())


def run(rows: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        export = Path(scratch) / "export.csv"
        write_export(export, rows)
        baseline_rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        timings: dict[str, float] = {}
        _timed("floor: duckdb read_csv", lambda: duckdb_read(export), timings)
        source = Source(id="bench", kind=SourceKind.TABLE, url=export.as_uri())
        extracted = _timed(
            "extract", lambda: extract_document(source, export.as_uri(), "0" * 64, None, export), timings
        )
        normalized = _timed("normalise", lambda: normalize_mentions(extracted), timings)
        result = _timed(
            "validate", lambda: validate_frame(normalized, NormalizedMentionSchema, RECORD_RULES), timings
        )
        deals, _ = _timed("resolve", lambda: resolve_deals(result.valid), timings)
        peak_rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    floor = timings["floor: duckdb read_csv"]
    print(
        f"pipeline_throughput: {rows:,} export rows -> {len(result.valid):,} valid, "
        f"{len(result.rejected):,} rejected, {len(deals):,} deals"
    )
    print(f"  {'stage':<26}{'seconds':>10}{'rows/s':>12}{'x floor':>10}")
    for label, seconds in timings.items():
        print(f"  {label:<26}{seconds:>10.3f}{rows / seconds:>12,.0f}{seconds / floor:>10.1f}")
    total = sum(v for k, v in timings.items() if not k.startswith("floor"))
    print(f"  {'total (record path)':<26}{total:>10.3f}{rows / total:>12,.0f}{total / floor:>10.1f}")
    print(
        f"  peak RSS {peak_rss_kib / 1024:,.0f} MiB (baseline {baseline_rss_kib / 1024:,.0f} MiB, "
        f"+{(peak_rss_kib - baseline_rss_kib) / 1024:,.0f} MiB)"
    )
