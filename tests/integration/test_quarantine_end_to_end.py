"""A CSV with a row per rule violation, valid rows and cross-source duplicates, through the whole graph."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from assets.fetching.resource import HttpFetcherResource
from tests.integration.pipeline import check_results, run_refresh

HEADER = [
    "company",
    "round_type",
    "amount",
    "currency",
    "valuation",
    "segment",
    "announced_date",
    "lead_investors",
]
VALID = [
    [
        "Orrin Labs",
        "Series B",
        "40000000",
        "USD",
        "300000000",
        "Inference platform",
        "2026-02-03",
        "Northwind Ventures",
    ],
    ["Vexa Robotics", "Seed", "8000000", "USD", "", "AI agents", "2026-02-10", ""],
    ["Quillworks", "Series A", "25000000", "EUR", "120000000", "AI coding", "2026-03-01", "Harbor Capital"],
    ["Tallgrass Grid", "Growth", "150000000", "USD", "1200000000", "GPU cloud", "2026-03-15", ""],
    ["Pellucid Bio", "Series C", "60000000", "GBP", "", "Health", "2026-04-02", "Fenwright Capital"],
]


def bad(
    company="Acme",
    round_type="Seed",
    amount="5000000",
    currency="USD",
    valuation="",
    segment="AI agents",
    announced="2026-02-01",
):
    """An otherwise valid export row with one field spoiled."""
    return [company, round_type, amount, currency, valuation, segment, announced, ""]


# One row per rule a CSV row can break, named by the rule it must land under (and no other).
VIOLATING = {
    "company_present": bad(company=""),
    "company_not_sentence": bad(
        company="This row has a whole sentence where the company name should have been"
    ),
    "round_type_known": bad("Acme One", round_type="Series Omega"),
    "amount_parseable": bad("Acme Two", amount="about five million"),
    "amount_nonnegative": bad("Acme Three", amount="-5000000"),
    "amount_below_ceiling": bad("Acme Four", round_type="Growth", amount="5000000000000"),
    "currency_known": bad("Acme Five", currency="XYZ"),
    "amount_converted": bad("Acme Six", currency=""),
    "currency_agrees": bad("Acme Sixteen", amount="€5000000"),
    "valuation_parseable": bad("Acme Seven", valuation="lots"),
    "valuation_nonnegative": bad("Acme Eight", amount="undisclosed", valuation="-9"),
    "valuation_below_ceiling": bad("Acme Nine", valuation="90000000000000"),
    "valuation_at_least_amount": bad("Acme Ten", valuation="1000000"),
    "segment_known": bad("Acme Eleven", segment="Quantum sensing"),
    "announced_date_parseable": bad("Acme Twelve", announced="31st of Smarch"),
    "announced_date_not_future": bad("Acme Fourteen", announced="2999-01-01"),
    "announced_date_after_1990": bad("Acme Fifteen", announced="1985-06-01"),
}
# Rows whose company cell holds a placeholder, punctuation or a bare legal form: written, but naming no
# company. Each lands under company_present too; none may reach `deals` (whose company is NOT NULL: one such
# row once failed the whole refresh, every source with it).
PLACEHOLDER_COMPANIES = {name: bad(company=name) for name in ("N/A", "TBD", "—", "?", "Inc.")}
# A row that nothing dates (no date cell, no publication date) is no bad row: it is a deal with an empty
# announced_date, flagged by the warn rule announced_date_present.
UNDATED = bad("Acme Thirteen", announced="")
# The same deals as reported by a second source, in its own formats: three agree with the export; one
# states the same round with another amount (one deal, flagged as a conflict).
SECOND_SOURCE = [
    {
        "company": "Orrin Labs, Inc.",
        "round_type": "series-b",
        "amount": "$40M",
        "valuation": "$300M",
        "segment": "Inference platform",
        "announced_date": "2026-02-04",
        "lead_investors": ["Northwind Ventures"],
        "investors": ["Northwind Ventures", "Granite Owl Ventures"],
    },
    {
        "company": "Vexa Robotics",
        "round_type": "Seed",
        "amount": "$8 million",
        "segment": "AI agents",
        "announced_date": "2026-02-10",
    },
    {
        "company": "Quillworks",
        "round_type": "Series A",
        "amount": "€25M",
        "segment": "AI coding",
        "announced_date": "2026-03-02",
    },
    {
        "company": "Tallgrass Grid",
        "round_type": "Growth",
        "amount": "$175M",
        "segment": "GPU cloud",
        "announced_date": "2026-03-16",
    },
]


def _registry(root: Path, max_rejection_rate: float | None) -> Path:
    export = root / "export.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows([*VALID, *VIOLATING.values(), *PLACEHOLDER_COMPANIES.values(), UNDATED])
    second = root / "tracker.jsonl"
    second.write_text("\n".join(json.dumps(row) for row in SECOND_SOURCE) + "\n", encoding="utf-8")
    limit = f"max_rejection_rate = {max_rejection_rate}\n" if max_rejection_rate is not None else ""
    registry = root / "sources.toml"
    registry.write_text(
        f"""
[[source]]
id = "export"
kind = "table"
url = "export.csv"
{limit}[source.options]
date_format = "%Y-%m-%d"

[[source]]
id = "tracker"
kind = "table"
url = "tracker.jsonl"
[source.options]
format = "jsonl"
currency = "USD"
""",
        encoding="utf-8",
    )
    return registry


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    root = tmp_path_factory.mktemp("quarantine")
    registry = _registry(root, max_rejection_rate=0.9)
    result = run_refresh(
        root / "data", sources_path=registry, fetcher=HttpFetcherResource(min_host_interval_s=0)
    )
    with duckdb.connect(str(root / "data" / "dealmap.duckdb"), read_only=True) as served:
        rejected = served.execute("select company_text, failed_checks from rejected_deals").fetchall()
        deals = served.execute(
            "select company, amount_usd, source_count, mention_count, conflicts, announced_date, date_basis, "
            "announced_date_precision, warnings from deals order by company"
        ).fetchall()
    return result, rejected, deals


def test_every_bad_row_lands_under_its_own_rule(refreshed):
    _, rejected, _ = refreshed
    by_rule: dict[str, list] = {}
    for company, checks in rejected:
        if len(checks) == 1:
            by_rule.setdefault(checks[0], []).append(company)
    assert len(rejected) == len(VIOLATING) + len(PLACEHOLDER_COMPANIES)
    assert set(by_rule) == set(VIOLATING)
    assert {rule: len(companies) for rule, companies in by_rule.items() if len(companies) > 1} == {
        "company_present": 1 + len(PLACEHOLDER_COMPANIES)
    }
    # the blank cell shows as no company; each placeholder as it was written
    assert set(by_rule["company_present"]) == {None, *PLACEHOLDER_COMPANIES}
    assert by_rule["segment_known"] == ["Acme Eleven"]


def test_good_rows_become_deals_and_duplicates_merge(refreshed):
    _, _, deals = refreshed
    assert [(company, sources, mentions) for company, _, sources, mentions, *_ in deals] == [
        ("Acme Thirteen", 1, 1),
        ("Orrin Labs", 2, 2),
        ("Pellucid Bio", 1, 1),
        ("Quillworks", 2, 2),
        ("Tallgrass Grid", 2, 2),
        ("Vexa Robotics", 2, 2),
    ]
    tallgrass = next(d for d in deals if d[0] == "Tallgrass Grid")
    assert tallgrass[1] == 150_000_000  # the export (same method, first in precedence) wins
    assert tallgrass[4] == ["amount_usd"]  # the disagreement is flagged, not hidden
    assert all(not d[4] for d in deals if d[0] != "Tallgrass Grid")


def test_an_undated_row_is_a_deal_without_a_date_and_says_so(refreshed):
    _, _, deals = refreshed
    undated = {d[0]: d[5:] for d in deals}
    assert undated["Acme Thirteen"] == (None, "undated", None, ["announced_date_present"])
    assert undated["Pellucid Bio"][1:3] == ("explicit", "day")


def test_reconciliation_is_green(refreshed):
    result, _, _ = refreshed
    assert result.success
    checks = check_results(result)
    assert checks[("deals", "records_reconcile")].passed
    assert checks[("valid_mentions", "source_rejection_rates")].passed
    assert not checks[("deals", "deal_conflicts")].passed
    assert "rows_per_rule" in checks[("valid_mentions", "record_rules")].metadata


def test_a_source_over_its_rejection_limit_blocks_the_marts(tmp_path: Path):
    registry = _registry(tmp_path, max_rejection_rate=None)  # default 50%; the export loses 22 of 28
    result = run_refresh(
        tmp_path / "data", sources_path=registry, fetcher=HttpFetcherResource(min_host_interval_s=0)
    )
    checks = check_results(result)
    assert not checks[("valid_mentions", "source_rejection_rates")].passed
    # what to change: the source, its rate and its limit
    check = checks[("valid_mentions", "source_rejection_rates")]
    over = check.metadata["sources_over_limit"].value
    assert over == (
        "export: 22 of 28 mentions quarantined (79%), over its max_rejection_rate of 50% "
        "(rules: company_present 6, amount_below_ceiling 1, amount_converted 1)"
    )  # the three rules its rows broke most, most broken first
    assert check.description.startswith(over + ". Nothing is published while a source is over its limit")
    materialized = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert "valid_mentions" in materialized
    assert not materialized & {"deals", "mart_top_deals", "dealmap_duckdb"}


def test_the_empty_rows_below_a_spreadsheets_data_count_toward_no_rejection_rate(tmp_path: Path):
    """A spreadsheet with a column dealmap does not read (Notes) and four rows of empty cells below its
    three deals: each empty row is quarantined in plain view (naming no company), but counts toward no
    rejection rate, so the source stays within its default 50% and the deals are published."""
    export = tmp_path / "sheet.csv"
    export.write_text(
        "company,round_type,amount,announced_date,Notes\n"
        "Abel Grid,Series A,$10M,2026-01-05,ok\nBaker Data,Seed,$2M,2026-01-06,\n"
        "Cobalt Three,Seed,$3M,2026-01-07,\n" + ",,,,\n" * 4,
        encoding="utf-8",
    )
    registry = tmp_path / "sources.toml"
    registry.write_text('[[source]]\nid = "sheet"\nkind = "table"\nurl = "sheet.csv"\n', encoding="utf-8")
    result = run_refresh(tmp_path / "data", sources_path=registry)
    checks = check_results(result)
    assert checks[("valid_mentions", "source_rejection_rates")].passed
    with duckdb.connect(str(tmp_path / "data" / "dealmap.duckdb"), read_only=True) as served:
        deals = served.execute("select company from deals order by company").fetchall()
        rejected = served.execute("select failed_checks from rejected_deals").fetchall()
    assert deals == [("Abel Grid",), ("Baker Data",), ("Cobalt Three",)]
    assert [list(checks) for (checks,) in rejected] == [["company_present"]] * 4
