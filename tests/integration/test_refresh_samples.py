"""The whole graph on the bundled samples: what lands in the published DuckDB file, and a second run."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest

from assets.deals import POSSIBLE_DUPLICATES_SQL
from tests.integration.pipeline import check_results, run_refresh, summed

# The eight deals of the seed article's table: company -> (round, amount, valuation, floor, segment).
SEED_DEALS = {
    "Cerebras Systems": ("ipo", 3_500_000_000, 26_600_000_000, False, "ai_chips"),
    "ElevenLabs": ("series_d", 500_000_000, 11_000_000_000, False, "voice_ai"),
    "Nexthop AI": ("unknown", 500_000_000, None, False, "ai_networking"),
    "Runway": ("series_e", 315_000_000, 5_300_000_000, False, "media_generation"),
    "Baseten": ("series_e", 300_000_000, 5_000_000_000, False, "inference_platforms"),
    "Sierra": ("unknown", 950_000_000, 15_000_000_000, True, "ai_agents"),
    "RadixArk": ("seed", 100_000_000, 400_000_000, False, "inference_engines"),
    "Inferact": ("seed", 150_000_000, 800_000_000, False, "inference_platforms"),
}


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("data")
    result = run_refresh(data_dir)
    return result, data_dir


@pytest.fixture
def served(refreshed):
    _, data_dir = refreshed
    with duckdb.connect(str(data_dir / "dealmap.duckdb"), read_only=True) as connection:
        yield connection


def test_run_succeeds_with_every_blocking_check_green(refreshed):
    result, data_dir = refreshed
    assert result.success
    checks = check_results(result)
    assert checks[("deals", "records_reconcile")].passed, checks[("deals", "records_reconcile")].metadata
    assert checks[("deals", "deal_rules")].passed
    assert checks[("dealmap_duckdb", "served_file_matches_working")].passed
    reconciliations = {key: c for key, c in checks.items() if key[1].endswith(("_reconcile", "_match_deals"))}
    # records_reconcile, totals_reconcile (two marts), participations_reconcile, ranks_and_amounts_match_deals
    assert len(reconciliations) == 5
    assert all(c.passed for c in reconciliations.values())
    schemas = [c for (asset, name), c in checks.items() if name == "mart_schema"]
    assert len(schemas) == 5
    assert all(c.passed for c in schemas)
    # The possible duplicates are those of the deals resolved, stored with them for every later run.
    with duckdb.connect(str(data_dir / "work" / "dealmap_work.duckdb"), read_only=True) as working:
        stored = working.execute("select count(*) from possible_duplicate_pairs").fetchone()[0]
        found = working.execute(f"select count(*) from ({POSSIBLE_DUPLICATES_SQL})").fetchone()[0]
    assert checks[("deals", "possible_duplicates")].metadata["pairs"].value == stored == found
    # The samples hold four deliberately bad rows, so the record-rules check warns.
    assert not checks[("valid_mentions", "record_rules")].passed
    assert checks[("valid_mentions", "record_rules")].metadata["rows_rejected"].value == 4


def test_the_eight_seed_deals_come_out_once_each_with_their_facts(served):
    rows = served.execute(
        "select company, round_type, amount_usd, valuation_usd, valuation_is_floor, segment from deals"
    ).fetchall()
    found = {company: tuple(rest) for company, *rest in rows}
    assert found == SEED_DEALS


def test_radixark_and_inferact_merge_the_facts_of_every_source(served):
    rows = served.execute(
        """select company, amount_usd, valuation_usd, lead_investors, announced_date, date_basis,
                  source_count, mention_count, conflicts
           from deals where company in ('RadixArk', 'Inferact') order by company"""
    ).fetchall()
    assert rows == [
        (
            "Inferact",
            150_000_000,
            800_000_000,
            ["Andreessen Horowitz", "Lightspeed Venture Partners"],
            date(2026, 1, 28),
            "explicit",
            4,
            4,
            [],
        ),
        (
            "RadixArk",
            100_000_000,
            400_000_000,
            ["Accel", "Spark Capital"],
            date(2026, 1, 28),
            "explicit",
            4,
            5,
            [],
        ),
    ]
    methods = served.execute(
        """select d.company, list(s.method order by s.method) from deal_sources s join deals d using (deal_id)
           where d.company = 'RadixArk' group by d.company"""
    ).fetchone()
    assert methods == ("RadixArk", ["document_table", "prose", "prose", "table_row", "table_row"])


def test_every_bad_csv_row_is_quarantined_under_its_rule(served):
    rows = served.execute(
        "select company_text, failed_checks, reason from rejected_deals order by company_text nulls first"
    ).fetchall()
    assert [(company, checks) for company, checks, _ in rows] == [
        (None, ["company_present"]),
        ("Halcyon Grid Compute", ["amount_nonnegative"]),
        ("Quantum Whisper Labs", ["segment_known"]),
        ("Tiny Valuation AI", ["valuation_at_least_amount"]),
    ]
    reasons = {company: reason for company, _, reason in rows}
    assert "amount_usd=-5000000" in reasons["Halcyon Grid Compute"]
    assert "'Quantum sensing'" in reasons["Quantum Whisper Labs"]


def test_mart_totals_equal_deals_totals(served):
    deals_total = served.execute("select sum(amount_usd), count(*) from deals").fetchone()
    assert deals_total == (6_315_000_000, 8)
    for mart in ("mart_funding_by_segment", "mart_funding_by_layer"):
        assert served.execute(f"select sum(amount_usd_total), sum(deal_count) from {mart}").fetchone() == (
            deals_total
        )
    top = served.execute(
        "select rank, company, amount_usd from mart_top_deals order by rank limit 2"
    ).fetchall()
    assert top == [(1, "Cerebras Systems", 3_500_000_000), (2, "Sierra", 950_000_000)]
    overall = served.execute(
        "select amount_usd_total, top_1_share from mart_capital_concentration where period = 'all'"
    ).fetchone()
    assert overall[0] == 6_315_000_000
    assert overall[1] == pytest.approx(3_500_000_000 / 6_315_000_000)


def test_every_deal_traces_back_to_documents_and_snippets(served):
    orphans = served.execute(
        """select count(*) from deals d
           where not exists (select 1 from deal_sources s join documents doc on doc.sha256 = s.document_sha256
                             where s.deal_id = d.deal_id and s.snippet <> '')"""
    ).fetchone()[0]
    assert orphans == 0


def test_every_deal_was_first_seen_when_its_earliest_document_was_fetched(served):
    rows = served.execute(
        """select d.deal_id, d.first_seen_at, min(doc.fetched_at)
           from deals d
           join deal_sources s using (deal_id)
           join documents doc
             on doc.source_id = s.source_id and doc.url = s.url and doc.sha256 = s.document_sha256
           group by d.deal_id, d.first_seen_at"""
    ).fetchall()
    assert len(rows) == served.execute("select count(*) from deals").fetchone()[0] > 0
    assert [(deal_id, seen) for deal_id, seen, _ in rows] == [
        (deal_id, fetched) for deal_id, _, fetched in rows
    ]


def test_public_tables_and_columns_carry_comments(served):
    uncommented_tables = served.execute(
        "select table_name from duckdb_tables() where comment is null or comment = ''"
    ).fetchall()
    assert uncommented_tables == []
    uncommented_columns = served.execute(
        """select table_name, column_name from duckdb_columns()
           where (table_name in ('deals', 'deal_sources', 'rejected_deals', 'documents', 'fetch_log')
                  or table_name like 'mart_%')
             and (comment is null or comment = '')"""
    ).fetchall()
    assert uncommented_columns == []


def test_deal_investors_is_deals_investor_lists_one_row_each(served):
    """The bridge BI tools join on: every listed investor once, in list order, leads flagged."""
    from_lists = served.execute(
        "select deal_id, investors, lead_investors from deals order by deal_id"
    ).fetchall()
    expected = [
        (deal_id, investor, investor in leads, position)
        for deal_id, investors, leads in from_lists
        for position, investor in enumerate(investors, start=1)
    ]
    bridge = served.execute(
        "select deal_id, investor, is_lead, investor_position from deal_investors order by all"
    ).fetchall()
    assert bridge == sorted(expected)
    assert any(is_lead for _, _, is_lead, _ in bridge)
    comment = served.execute(
        "select comment from duckdb_tables() where table_name = 'deal_investors'"
    ).fetchone()[0]
    assert "Grain: deal x investor" in comment


def test_every_whole_dollar_column_has_its_millions_twin_in_the_served_file(served):
    money = served.execute(
        "select table_name, column_name from duckdb_columns() where data_type = 'BIGINT' "
        "and (column_name like '%\\_usd' escape '\\' or column_name like '%\\_usd\\_%' escape '\\')"
    ).fetchall()
    assert ("deals", "amount_usd") in money
    assert ("mart_funding_by_segment", "amount_usd_total") in money
    assert ("mart_funding_by_segment", "amount_usd_median") in money
    for table, column in money:
        mismatched, comment = served.execute(
            f"select count(*) filter (where {column}_m is distinct from {column} / 1e6), "
            f"(select comment from duckdb_columns() where table_name = ? and column_name = ?) from {table}",
            [table, f"{column}_m"],
        ).fetchone()
        assert mismatched == 0, (table, column)
        assert "millions of US dollars" in comment
    inferact = served.execute("select amount_usd_m from deals where company = 'Inferact'").fetchone()[0]
    assert inferact == 150.0


def _duckdb_cli() -> Path:
    """The DuckDB 1.5 binary of the `duckdb-cli` dev dependency: a 1.x reader, as BI tools are."""
    import duckdb_cli

    return Path(duckdb_cli.__file__).parent / "duckdb"


def _cli_rows(path: Path, sql: str) -> list[dict]:
    done = subprocess.run(
        [str(_duckdb_cli()), "-readonly", "-json", str(path), "-c", sql], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout or "[]")


def test_the_duckdb_1_5_cli_reads_every_public_table_and_its_comments(refreshed, served):
    """The served file is written in a storage format DuckDB 1.x reads (warehouse/publish.py)."""
    _, data_dir = refreshed
    path = data_dir / "dealmap.duckdb"
    assert _cli_rows(path, "select library_version from pragma_version()")[0]["library_version"].startswith(
        "v1.5"
    )
    expected = dict(served.execute("select table_name, comment from duckdb_tables()").fetchall())
    listed = _cli_rows(path, "select table_name, comment from duckdb_tables() order by table_name")
    assert {row["table_name"]: row["comment"] for row in listed} == expected
    columns = (
        "select table_name, column_name, comment from duckdb_columns() "
        "where database_name = current_database() and schema_name = 'main' order by all"
    )
    column_comments = served.execute(columns).fetchall()
    assert len(column_comments) > 100  # every column of every public table
    read = _cli_rows(path, columns)
    assert [(r["table_name"], r["column_name"], r["comment"]) for r in read] == [
        tuple(row) for row in column_comments
    ]
    for table in expected:
        (rows,) = served.execute(f"select count(*) from {table}").fetchone()
        assert _cli_rows(path, f"select count(*) as n from {table}") == [{"n": rows}], table
    deals = _cli_rows(path, "select company, amount_usd, lead_investors from deals order by company")
    assert len(deals) == 8
    assert {d["company"]: d["amount_usd"] for d in deals}["Inferact"] == 150_000_000


def test_second_run_adds_no_document_versions_and_changes_no_deal(refreshed):
    _, data_dir = refreshed
    served_path = data_dir / "dealmap.duckdb"
    query = "select deal_id, company, amount_usd, valuation_usd, lead_investors from deals order by deal_id"
    with duckdb.connect(str(served_path), read_only=True) as connection:
        before = connection.execute(query).fetchall()
        documents_before = connection.execute("select count(*) from documents").fetchone()[0]
    result = run_refresh(data_dir)
    assert result.success
    assert (
        summed(result, "extracted_mentions", "documents_parsed"),
        summed(result, "extracted_mentions", "documents_reused"),
    ) == (0, 9)
    with duckdb.connect(str(served_path), read_only=True) as connection:
        assert connection.execute(query).fetchall() == before
        assert connection.execute("select count(*) from documents").fetchone()[0] == documents_before
        latest_run = connection.execute(
            "select status, count(*) from fetch_log "
            "where run_id = (select run_id from refresh_info) group by 1"
        ).fetchall()
    # The sample files answer a conditional request (their ETag names size, times and inode): not read.
    assert latest_run == [("not_modified", 9)]
