"""Ordinary input that used to crash or silently empty the refresh: typed landing, duplicates, huge numbers,
empty runs, and a source whose new version yields far less than its last good one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from assets.normalize.mentions import normalize_mentions
from assets.parsing.dispatch import MAX_SNIPPET_CHARS
from assets.parsing.table_export import read_table_export
from schemas.tables import EXTRACTED_MENTIONS
from tests.faults.conftest import EXPORT_HEADER, export_rows, write_csv
from warehouse.accept_drop import AlreadyAccepted, NothingToAccept, accept_drop
from warehouse.database import Warehouse

MARTS = [
    "mart_capital_concentration",
    "mart_funding_by_layer",
    "mart_funding_by_segment",
    "mart_investor_activity",
    "mart_top_deals",
]


# --- 1. frames land with their declared types ----------------------------------------------------------


def test_large_export_with_empty_optional_columns_lands_typed(refresh, table_source):
    """2,500 rows whose investor, valuation and description columns are all empty: DuckDB once typed
    them NULL from a sample and failed on the first non-empty row."""
    header = [*EXPORT_HEADER, "valuation", "lead_investors", "investors", "description"]
    rows = [[*row, "", "", "", ""] for row in export_rows(2500)]
    write_csv(refresh.root / "export.csv", rows, header)
    refresh.sources(table_source("wide", "export.csv"))
    assert refresh.run().success
    assert refresh.served("select count(*), count(valuation_usd) from deals") == [(2500, 0)]
    types = dict(
        refresh.served(
            "select column_name, data_type from duckdb_columns() where table_name = 'deals' "
            "and column_name in ('investors', 'lead_investors', 'valuation_usd', 'warnings')"
        )
    )
    assert types == {
        "investors": "VARCHAR[]",
        "lead_investors": "VARCHAR[]",
        "valuation_usd": "BIGINT",
        "warnings": "VARCHAR[]",
    }


def test_export_of_one_row_with_only_a_company_and_amount(refresh, table_source):
    write_csv(refresh.root / "one.csv", [["Solo Compute", "7000000", "2026-01-05"]],
              ["company", "amount", "announced_date"])  # fmt: skip
    refresh.sources(table_source("one", "one.csv", '[source.options]\ncurrency = "USD"'))
    assert refresh.run().success
    assert refresh.served("select company, amount_usd, round_type, investors from deals") == [
        ("Solo Compute", 7_000_000, "unknown", [])
    ]


# --- 2. identical bytes at two locations of one source -----------------------------------------------


def _newsletter_folder(root: Path, samples_dir: Path) -> Path:
    folder = root / "issues"
    folder.mkdir()
    shutil.copy(samples_dir / "newsletters/inference-brief/2026-01-28-issue-797.md", folder / "a.md")
    return folder


def test_same_issue_saved_twice_is_one_deal_with_two_mentions(refresh, samples_dir):
    folder = _newsletter_folder(refresh.root, samples_dir)
    shutil.copy(folder / "a.md", folder / "a-copy.md")
    refresh.sources('[[source]]\nid = "brief"\nkind = "newsletter"\nurl = "issues"\n')
    assert refresh.run().success
    deals = refresh.served("select company, mention_count from deals order by company")
    assert deals
    assert all(count == 2 for _, count in deals)
    urls = refresh.served("select distinct url from deal_sources order by url")
    assert [u.rsplit("/", 1)[1] for (u,) in urls] == ["a-copy.md", "a.md"]

    # The copy is deleted: the next refresh follows the folder, and nothing fails.
    (folder / "a-copy.md").unlink()
    assert refresh.run().success
    after = refresh.served("select company, mention_count from deals order by company")
    assert after == [(company, 1) for company, _ in deals]
    assert [u.rsplit("/", 1)[1] for (u,) in refresh.served("select distinct url from deal_sources")] == [
        "a.md"
    ]
    assert len(refresh.served("select * from deals")) == len(deals)


def test_feed_whose_entries_all_return_one_page(refresh, samples_dir):
    """Three entries, three URLs, one body (a paywall page that happens to hold a deal)."""
    pages = refresh.root / "pages"
    pages.mkdir()
    body = (samples_dir / "articles/ai-infrastructure-deal-map-2026.html").read_bytes()
    items = []
    for name in ("one", "two", "three"):
        (pages / f"{name}.html").write_bytes(body)
        items.append(
            f"<item><title>{name}</title><link>pages/{name}.html</link>"
            "<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>"
        )
    (refresh.root / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://example.org</link>'
        f"<description>d</description>{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    refresh.sources('[[source]]\nid = "wall"\nkind = "feed"\nurl = "feed.xml"\n')
    assert refresh.run().success
    assert refresh.served("select count(distinct url) from deal_sources") == [(3,)]
    # Each deal of the page is one deal, with its mentions from all three locations.
    deals = refresh.served("select company, mention_count from deals")
    assert deals
    assert len({company for company, _ in deals}) == len(deals)
    assert all(count % 3 == 0 for _, count in deals)


def test_source_url_changed_in_registry_stops_reading_the_old_document(refresh, table_source):
    write_csv(refresh.root / "old.csv", export_rows(3, "Oldname"))
    write_csv(refresh.root / "new.csv", export_rows(3, "Newname"))
    refresh.sources(table_source("tracker", "old.csv"))
    assert refresh.run().success
    refresh.sources(table_source("tracker", "new.csv"))
    assert refresh.run().success
    companies = [c for (c,) in refresh.served("select company from deals order by company")]
    assert companies == ["Newname 0", "Newname 1", "Newname 2"]


# --- 3. numbers beyond 64 bits ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "rule"),
    [
        ("amount", "99999999999999999999999", "amount_below_ceiling"),
        ("amount", "-99999999999999999999999", "amount_below_ceiling"),
        ("amount", "$9223372036854775808", "amount_below_ceiling"),
        ("valuation", "99999999999999999999999", "valuation_below_ceiling"),
    ],
)
def test_amount_beyond_64_bits_is_quarantined_by_the_ceiling_rule(refresh, table_source, column, value, rule):
    header = [*EXPORT_HEADER, "valuation"]
    rows = [[*row, ""] for row in export_rows(3)]
    rows[1][header.index(column)] = value
    write_csv(refresh.root / "export.csv", rows, header)
    refresh.sources(table_source("huge", "export.csv", "max_rejection_rate = 0.5"))
    assert refresh.run().success
    rejected = refresh.served(f"select company, {column}_text, failed_checks, reason from rejected_deals")
    assert len(rejected) == 1
    company, text, failed, reason = rejected[0]
    assert (company, text, failed) == ("Lattice 1", value, [rule])
    assert "out_of_range" in reason
    assert refresh.served("select count(*) from deals") == [(2,)]


# --- 4. empty is a state ------------------------------------------------------------------------------


def test_first_run_where_every_source_fails_publishes_empty_marts(refresh):
    refresh.sources('[[source]]\nid = "gone"\nkind = "article"\nurl = "missing.html"\n')
    result = refresh.run()
    assert result.success
    assert refresh.served("select count(*) from deals") == [(0,)]
    for mart in MARTS:
        assert refresh.served(f"select count(*) from {mart}") == [(0,)], mart
    assert refresh.served("select source_id, status, error_class from fetch_log") == [
        ("gone", "error", "file_not_found")
    ]
    failed = {key for key, e in refresh.checks.items() if not e.passed}
    assert failed == {("documents", "sources_fetched")}


def test_sources_that_name_no_investors_leave_an_empty_investor_mart(refresh, table_source):
    write_csv(refresh.root / "export.csv", export_rows(4))
    refresh.sources(table_source("plain", "export.csv"))
    assert refresh.run().success
    assert refresh.served("select count(*) from mart_investor_activity") == [(0,)]
    assert refresh.served("select count(*) from mart_top_deals") == [(4,)]
    investor_checks = [e for key, e in refresh.checks.items() if key[0] == "mart_investor_activity"]
    assert len(investor_checks) == 2  # mart_schema and participations_reconcile
    assert all(e.passed for e in investor_checks)


# --- 7. a new version that yields far less keeps the last good mentions ---------------------------------


def _good_then(refresh, table_source, bad_body: str | bytes, name: str = "export.csv", extra: str = ""):
    """A good six-row export, refreshed; then `bad_body` in its place, refreshed again."""
    path = write_csv(refresh.root / name, export_rows(6))
    refresh.sources(table_source("tracker", name, extra))
    assert refresh.run().success
    before = refresh.served("select company, amount_usd from deals order by company")
    assert len(before) == 6
    if isinstance(bad_body, bytes):
        path.write_bytes(bad_body)
    else:
        path.write_text(bad_body, encoding="utf-8")
    result = refresh.run()
    return before, result


def _held(refresh, before, reason_part: str):
    assert refresh.served("select company, amount_usd from deals order by company") == before
    holds = refresh.served("select source_id, previous_mentions, new_mentions, reason from source_holds")
    assert len(holds) == 1
    source_id, previous, new, reason = holds[0]
    assert (source_id, previous) == ("tracker", 6)
    assert reason_part in reason
    check = refresh.checks[("dealmap_duckdb", "source_volume")]
    assert not check.passed
    assert f"tracker: {holds[0]}" not in check.description  # readable, not a tuple
    assert "tracker" in check.description
    assert f"6 -> {new} mentions" in check.description
    assert check.description.endswith("if the drop is real, run python3 tasks.py accept-drop tracker")
    return new


def test_header_only_export_keeps_last_good_deals_and_fails_the_run(refresh, table_source):
    before, result = _good_then(refresh, table_source, ",".join(EXPORT_HEADER) + "\n")
    assert not result.success
    assert _held(refresh, before, "yields 0 mentions") == 0


def test_empty_file_keeps_last_good_deals(refresh, table_source):
    before, result = _good_then(refresh, table_source, "")
    assert not result.success
    _held(refresh, before, "could not be parsed")


def test_json_object_instead_of_array_keeps_last_good_deals(refresh, table_source):
    good = [dict(zip(EXPORT_HEADER, row, strict=True)) for row in export_rows(6)]
    path = refresh.root / "export.json"
    path.write_text(json.dumps(good), encoding="utf-8")
    refresh.sources(table_source("tracker", "export.json", '[source.options]\nformat = "json"'))
    assert refresh.run().success
    before = refresh.served("select company, amount_usd from deals order by company")
    path.write_text(json.dumps({"error": "rate limited", "retry": 60}), encoding="utf-8")
    assert not refresh.run().success
    _held(refresh, before, "could not be parsed (TableExportError")


def test_missing_mapped_column_keeps_last_good_deals(refresh, table_source):
    mapping = '[source.columns]\ncompany = "Startup"\n'
    rows = export_rows(6)
    path = write_csv(refresh.root / "export.csv", rows, ["Startup", *EXPORT_HEADER[1:]])
    refresh.sources(table_source("tracker", "export.csv", mapping))
    assert refresh.run().success
    before = refresh.served("select company, amount_usd from deals order by company")
    write_csv(path, rows, ["Company name", *EXPORT_HEADER[1:]])
    assert not refresh.run().success
    _held(refresh, before, "Startup")


def test_error_page_served_in_place_of_an_article_keeps_its_deals(refresh, samples_dir):
    page = refresh.root / "map.html"
    shutil.copy(samples_dir / "articles/ai-infrastructure-deal-map-2026.html", page)
    refresh.sources('[[source]]\nid = "map"\nkind = "article"\nurl = "map.html"\n')
    assert refresh.run().success
    before = refresh.served("select company, amount_usd from deals order by company")
    assert before
    page.write_text("<html><body><h1>Service unavailable</h1><p>Try later.</p></body></html>")
    assert not refresh.run().success
    assert refresh.served("select company, amount_usd from deals order by company") == before
    assert refresh.served("select source_id, new_mentions, reason from source_holds") == [
        ("map", 0, "the new version yields 0 mentions")
    ]


def test_emptied_newsletter_folder_holds_the_whole_source(refresh, samples_dir):
    folder = _newsletter_folder(refresh.root, samples_dir)
    refresh.sources('[[source]]\nid = "brief"\nkind = "newsletter"\nurl = "issues"\n')
    assert refresh.run().success
    before = refresh.served("select company from deals order by company")
    (folder / "a.md").unlink()
    assert not refresh.run().success
    assert refresh.served("select company from deals order by company") == before
    holds = refresh.served("select source_id, url, new_mentions, reason from source_holds")
    assert len(holds) == 1
    assert holds[0][:3] == ("brief", None, 0)
    assert "from 0 documents" in holds[0][3]


def test_small_drop_is_taken_without_a_hold(refresh, table_source):
    path = write_csv(refresh.root / "export.csv", export_rows(6))
    refresh.sources(table_source("tracker", "export.csv"))
    assert refresh.run().success
    write_csv(path, export_rows(5))
    assert refresh.run().success
    assert refresh.served("select count(*) from deals") == [(5,)]
    assert refresh.served("select count(*) from source_holds") == [(0,)]
    assert refresh.checks[("dealmap_duckdb", "source_volume")].passed


def test_accepted_drop_is_taken_and_only_for_those_documents(refresh, table_source):
    before, held = _good_then(refresh, table_source, ",".join(EXPORT_HEADER) + "\n")
    # The failing check stops the report step: the page is rewritten with the publish, from its file.
    assert not held.success
    page = (refresh.data_dir / "investment_map.html").read_text(encoding="utf-8")
    assert f'data-run-id="{held.run_id}"' in page
    working = Warehouse(refresh.data_dir / "work" / "dealmap_work.duckdb")
    with pytest.raises(NothingToAccept, match="'other' is not held") as raised:
        accept_drop(working, "other")
    assert "no source of that id has been fetched; held now: tracker" in str(raised.value)
    accepted = accept_drop(working, "tracker")
    assert accepted[["source_id", "previous_mentions", "new_mentions"]].values.tolist() == [["tracker", 6, 0]]
    with pytest.raises(AlreadyAccepted, match="tracker: its drop to these documents was accepted already"):
        accept_drop(working, "tracker")
    with working.connect(read_only=True) as connection:
        assert connection.execute("select count(*) from drop_acceptances").fetchone()[0] == 1
    assert refresh.run().success
    assert refresh.served("select count(*) from deals") == [(0,)]
    assert refresh.checks[("dealmap_duckdb", "source_volume")].passed

    # The source comes back, then breaks differently: the protection holds again.
    path = write_csv(refresh.root / "export.csv", export_rows(6))
    assert refresh.run().success
    assert len(refresh.served("select * from deals")) == 6
    path.write_text("company\n", encoding="utf-8")
    assert not refresh.run().success
    assert refresh.served("select company, amount_usd from deals order by company") == before


def test_recovered_source_is_no_longer_held(refresh, table_source):
    before, _ = _good_then(refresh, table_source, "")
    write_csv(refresh.root / "export.csv", export_rows(6))
    assert refresh.run().success
    assert refresh.served("select company, amount_usd from deals order by company") == before
    assert refresh.served("select count(*) from source_holds") == [(0,)]


def test_corrupt_blob_fails_its_document_loudly_then_heals_once_restored(refresh, table_source):
    """A damaged raw-store file is never parsed into fewer mentions: the document fails with CorruptBlob,
    the last good mentions stand, and once the collector restores the blob the document parses again."""
    path = write_csv(refresh.root / "export.csv", export_rows(6))
    refresh.sources(table_source("tracker", "export.csv"))
    assert refresh.run().success
    before = refresh.served("select company, amount_usd from deals order by company")
    (blob,) = [p for p in (refresh.data_dir / "raw").rglob("*") if p.is_file()]
    blob.write_bytes(blob.read_bytes()[:40])  # truncated on disk
    moved = path.rename(refresh.root / "elsewhere.csv")  # and the source is unreachable for a run
    refresh.sources(table_source("tracker", "export.csv", '[source.options]\ncurrency = "USD"'))  # re-parse
    assert not refresh.run().success
    assert refresh.served("select company, amount_usd from deals order by company") == before
    (hold,) = refresh.served("select url, reason from source_holds")
    assert "could not be parsed (corrupt_blob: raw blob" in hold[1]
    moved.rename(path)
    assert refresh.run().success
    assert refresh.served("select company, amount_usd from deals order by company") == before
    assert refresh.served("select count(*) from source_holds") == [(0,)]
    with duckdb.connect(str(refresh.data_dir / "work" / "dealmap_work.duckdb"), read_only=True) as work:
        assert work.execute("select status, mentions from document_extractions").fetchall() == [("parsed", 6)]


# --- found by a red-team pass -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "usd", "status"),
    [
        ("10000000000000000000000000000", None, "out_of_range"),  # used to crash Decimal.quantize
        ("9223372036854775807", 9223372036854775807, "parsed"),  # used to crash a float64 -> Int64 cast
        ("-9223372036854775808", None, "out_of_range"),
        ("9007199254740993", 9007199254740993, "parsed"),  # used to be rounded through float64
    ],
)
def test_extreme_amounts_normalise_exactly_or_out_of_range(value, usd, status):
    rows = [{"record_id": "a", "company_text": "Acme", "amount_text": "", "default_currency": "USD"}]
    rows.append({"record_id": "b", "company_text": "Huge", "amount_text": value, "default_currency": "USD"})
    frame = pd.DataFrame(rows).reindex(columns=EXTRACTED_MENTIONS.names)
    normalized = normalize_mentions(frame)
    amount = normalized.loc[1, "amount_usd"]
    assert (None if pd.isna(amount) else int(amount), normalized.loc[1, "amount_status"]) == (usd, status)


def test_a_hold_from_a_wrong_option_lasts_while_nothing_changes(refresh, table_source):
    write_csv(refresh.root / "export.csv", export_rows(6))
    refresh.sources(table_source("tracker", "export.csv"))
    assert refresh.run().success
    refresh.sources(table_source("tracker", "export.csv", '[source.options]\nencoding = "utf-16"'))
    assert not refresh.run().success
    assert not refresh.run().success  # held mentions are never taken for what the document yields now
    assert refresh.served("select source_id, previous_mentions, new_mentions from source_holds") == [
        ("tracker", 6, 0)
    ]
    assert len(refresh.served("select * from deals")) == 6


def test_an_acceptance_is_spent_once_the_source_serves_other_documents(refresh, table_source):
    path = write_csv(refresh.root / "export.csv", export_rows(6))
    refresh.sources(table_source("tracker", "export.csv"))
    assert refresh.run().success
    path.write_text(",".join(EXPORT_HEADER) + "\n", encoding="utf-8")
    assert not refresh.run().success
    accept_drop(Warehouse(refresh.data_dir / "work" / "dealmap_work.duckdb"), "tracker")
    assert refresh.run().success
    write_csv(path, export_rows(6))  # recovers ...
    assert refresh.run().success
    path.write_text(",".join(EXPORT_HEADER) + "\n", encoding="utf-8")  # ... and breaks the same way again
    assert not refresh.run().success
    assert len(refresh.served("select * from deals")) == 6


def test_snippets_are_bounded_however_long_the_paragraph(refresh):
    sentence = "Acme Labs raised $10 million in a Series A led by Foo Ventures. "
    (refresh.root / "page.txt").write_text("Published: 2026-01-05\n\n" + sentence * 400, encoding="utf-8")
    refresh.sources('[[source]]\nid = "page"\nkind = "article"\nurl = "page.txt"\n')
    assert refresh.run().success
    (longest,) = refresh.served("select max(length(snippet)) from deal_sources")[0]
    assert longest <= MAX_SNIPPET_CHARS


def test_a_quoted_field_after_the_sniffer_sample_does_not_lose_the_export(tmp_path):
    rows = export_rows(21_000)
    rows.append(["Acme, Inc.", "Seed", "5000000", "USD", "GPU cloud", "2025-03-02"])
    frame = read_table_export(write_csv(tmp_path / "late-quote.csv", rows), "csv")
    assert len(frame) == 21_001
    assert frame["company"].iloc[-1] == "Acme, Inc."
