"""The record path on the real Crunchbase 2013 export (31,679 rounds), when ../shared/data has it.

Same stages and floor as pipeline_throughput, on real, messy data: bare-CR line endings, Mac Roman bytes,
placeholder dates, a coarse round vocabulary and 2013 category codes.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from assets.normalize.mentions import normalize_mentions
from assets.parsing.dispatch import extract_document
from assets.resolve.merge import resolve_deals
from assets.sources import parse_registry
from assets.validate.quarantine import validate_frame
from bench.pipeline_throughput import duckdb_read
from schemas.mention_schema import NormalizedMentionSchema
from schemas.rules import RECORD_RULES
from schemas.settings import shared_dir

SHARED_DATA = shared_dir("data")
CRUNCHBASE = SHARED_DATA / "crunchbase_rounds_2013.csv"
INDIA = SHARED_DATA / "indian_startup_funding.csv"
# The mappings the real exports need, exactly as a user writes them (note the Indian export's 'Date ').
INDIA_REGISTRY = """
[[source]]
id = "india-export"
kind = "table"
url = "{url}"
max_rejection_rate = {max_rejection_rate}
[source.columns]
company = "StartupName"
announced_date = "Date "
round_type = "InvestmentType"
amount = "AmountInUSD"
investors = "InvestorsName"
segment = "IndustryVertical"
[source.options]
currency = "USD"
date_format = "%d/%m/%Y"
"""
REGISTRY = """
[[source]]
id = "crunchbase-2013"
kind = "table"
url = "{url}"
max_rejection_rate = {max_rejection_rate}
[source.columns]
company = "company_name"
round_type = "funding_round_type"
amount = "raised_amount_usd"
segment = "company_category_code"
announced_date = "funded_at"
[source.options]
currency = "USD"
date_format = "%Y-%m-%d"
encoding = "mac_roman"
"""


def _decoded_read(path: Path) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / path.name
        copy.write_text(path.read_bytes().decode("mac_roman"), encoding="utf-8")
        return duckdb_read(copy)


def run(path: Path = CRUNCHBASE) -> None:
    if not path.exists():
        print(f"real_exports: skipped, {path} not present")
        return
    source = parse_registry(REGISTRY.format(url=path.as_uri(), max_rejection_rate=0.5), path.parent)[0]
    timings: dict[str, float] = {}

    def timed(label, work):
        started = time.perf_counter()
        value = work()
        timings[label] = time.perf_counter() - started
        return value

    # Floor: the least a reader of this file pays: decode it from Mac Roman once, and DuckDB reads it.
    timed("floor: decode + read_csv", lambda: _decoded_read(path))
    extracted = timed("extract", lambda: extract_document(source, source.url, "0" * 64, None, path))
    normalized = timed("normalise", lambda: normalize_mentions(extracted))
    result = timed("validate", lambda: validate_frame(normalized, NormalizedMentionSchema, RECORD_RULES))
    deals, _ = timed("resolve", lambda: resolve_deals(result.valid))
    rows, floor = len(extracted), timings["floor: decode + read_csv"]
    print(
        f"real_exports: {path.name}: {rows:,} rows -> {len(result.valid):,} valid, "
        f"{len(result.rejected):,} rejected, {len(deals):,} deals"
    )
    for label, seconds in timings.items():
        print(f"  {label:<26}{seconds:>10.3f}{rows / seconds:>12,.0f}{seconds / floor:>10.1f}")
    top = sorted(result.rule_counts.items(), key=lambda item: -item[1])[:6]
    print("  quarantined by rule: " + ", ".join(f"{name} {count:,}" for name, count in top))
    print("  warnings: " + ", ".join(f"{name} {count:,}" for name, count in sorted(result.warned.items())))
