"""Mart SQL and its checks on a hand-made deals table: quarters, mart rows, each check's failure detail."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import pandas as pd
import pytest

from schemas.tables.marts import MARTS as MART_TABLES
from tests.deal_rows import deal_row
from warehouse.checks import MART_CHECKS, RowFilter, SqlCheck, run_check, totals_reconcile
from warehouse.database import DERIVED_TABLES, MARTS, PERSISTENT_TABLES, Warehouse, mart_macros_sql, mart_sql

M = 1_000_000


def _deal(deal_id: str, amount_usd: int | None, announced: str, segment: str, **fields) -> dict:
    layer = {"ai_chips": "hardware", "inference_serving": "inference"}[segment]
    return deal_row(
        deal_id=deal_id,
        company=f"{deal_id.title()} Labs",
        amount_usd=amount_usd,
        currency="USD",
        announced_date=dt.date.fromisoformat(announced),
        first_seen_at="2026-05-12 08:00:00",
        segment=segment,
        segment_label=segment.replace("_", " ").title(),
        layer=layer,
        **fields,
    )


# Dates on both sides of quarter boundaries; two undisclosed amounts, one alone in its quarter.
DEALS = [
    _deal("fallow", None, "2025-07-15", "ai_chips"),
    _deal("arclight", 100 * M, "2025-12-31", "inference_serving", investors=["Kestrel", "Oakum"],
          lead_investors=["Kestrel"]),
    _deal("beacon", 250 * M, "2026-01-01", "inference_serving", investors=["Kestrel"]),
    _deal("cinder", None, "2026-03-31", "ai_chips", investors=["Oakum"], lead_investors=["Oakum"]),
    _deal("dunmore", 50 * M, "2026-04-01", "ai_chips"),
    _deal("eskerfield", 600 * M, "2026-12-31", "inference_serving"),
]  # fmt: skip
TOTAL = 1_000 * M
DEAL_COLUMNS = list(DEALS[0])


@pytest.fixture
def warehouse(tmp_path) -> Warehouse:
    return Warehouse(tmp_path / "work.duckdb")


def _load(warehouse: Warehouse, deals: list[dict]) -> None:
    with warehouse.connect() as connection:
        warehouse.replace(connection, "deals", pd.DataFrame(deals, columns=DEAL_COLUMNS))


@contextmanager
def _marts_of(warehouse: Warehouse, deals: list[dict]) -> Iterator[duckdb.DuckDBPyConnection]:
    """The marts built on `deals`, on a connection open while the block runs."""
    _load(warehouse, deals)
    with warehouse.connect() as connection:
        for mart in MARTS:
            warehouse.build_mart(connection, mart)
        yield connection


@pytest.fixture
def built(warehouse) -> Iterator[duckdb.DuckDBPyConnection]:
    """The marts built on DEALS; the connection stays open for the test."""
    with _marts_of(warehouse, DEALS) as connection:
        yield connection


def _check(mart: str, name: str) -> SqlCheck:
    return next(check for check in MART_CHECKS[mart] if check.name == name)


# --- the shared quarter expressions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "start", "label"),
    [
        ("2026-01-01", "2026-01-01", "2026-Q1"),
        ("2026-03-31", "2026-01-01", "2026-Q1"),
        ("2026-04-01", "2026-04-01", "2026-Q2"),
        ("2024-02-29", "2024-01-01", "2024-Q1"),
        ("2026-09-30", "2026-07-01", "2026-Q3"),
        ("2026-10-01", "2026-10-01", "2026-Q4"),
        ("1999-12-31", "1999-10-01", "1999-Q4"),
    ],
)
def test_quarter_macros_give_the_quarter_start_and_label(day, start, label):
    with duckdb.connect() as connection:
        connection.execute(mart_macros_sql())
        rows = connection.execute(
            "select quarter_start(?::date, p), quarter_label(?::date, p) "
            "from (values ('day'), ('month'), ('quarter')) as precisions(p)",
            [day, day],
        ).fetchall()
    assert rows == [(dt.date.fromisoformat(start), label)] * 3


@pytest.mark.parametrize(
    ("day", "precision", "start", "label"),
    [
        ("2025-01-01", "year", None, "2025 (year only)"),
        (None, None, None, "undated"),
        (None, "year", None, "undated"),
    ],
)
def test_a_year_only_date_gets_no_quarter(day, precision, start, label):
    """A deal dated only by its year sits on 1 January; it must not count in Q1."""
    with duckdb.connect() as connection:
        connection.execute(mart_macros_sql())
        row = connection.execute(
            "select quarter_start(?::date, ?), quarter_label(?::date, ?)", [day, precision, day, precision]
        ).fetchone()
    assert row == (start, label)


def test_both_quarterly_marts_label_the_same_quarters(built):
    expected = [
        (dt.date(2025, 7, 1), "2025-Q3"),
        (dt.date(2025, 10, 1), "2025-Q4"),
        (dt.date(2026, 1, 1), "2026-Q1"),
        (dt.date(2026, 4, 1), "2026-Q2"),
        (dt.date(2026, 10, 1), "2026-Q4"),
    ]
    for mart in ("mart_funding_by_segment", "mart_funding_by_layer"):
        quarters = built.execute(f"select distinct quarter_start, quarter from {mart} order by 1").fetchall()
        assert quarters == expected, mart


def test_the_macros_stay_out_of_the_database_file(warehouse, built):
    built.execute("checkpoint")
    macros = built.execute(
        "select database_name, function_name from duckdb_functions() where function_name like 'quarter_%' "
        "and function_type = 'macro' order by function_name"
    ).fetchall()
    assert macros == [("temp", "quarter_label"), ("temp", "quarter_start")]


# --- mart rows ----------------------------------------------------------------------------------------


def test_funding_by_segment_rows(built):
    rows = built.execute(
        "select quarter, segment, deal_count, disclosed_deal_count, amount_usd_total, amount_usd_median, "
        "amount_usd_max from mart_funding_by_segment"
    ).fetchall()
    assert rows == [
        ("2025-Q3", "ai_chips", 1, 0, 0, None, None),
        ("2025-Q4", "inference_serving", 1, 1, 100 * M, 100 * M, 100 * M),
        ("2026-Q1", "ai_chips", 1, 0, 0, None, None),
        ("2026-Q1", "inference_serving", 1, 1, 250 * M, 250 * M, 250 * M),
        ("2026-Q2", "ai_chips", 1, 1, 50 * M, 50 * M, 50 * M),
        ("2026-Q4", "inference_serving", 1, 1, 600 * M, 600 * M, 600 * M),
    ]


def test_funding_by_layer_shares_are_null_when_the_quarter_disclosed_nothing(built):
    rows = built.execute(
        "select quarter, layer, amount_usd_total, share_of_quarter from mart_funding_by_layer"
    )
    assert rows.fetchall() == [
        ("2025-Q3", "hardware", 0, None),
        ("2025-Q4", "inference", 100 * M, 1.0),
        ("2026-Q1", "hardware", 0, 0.0),
        ("2026-Q1", "inference", 250 * M, 1.0),
        ("2026-Q2", "hardware", 50 * M, 1.0),
        ("2026-Q4", "inference", 600 * M, 1.0),
    ]


def test_top_deals_concentration_and_investors(built):
    assert built.execute("select rank, deal_id, share_of_total from mart_top_deals").fetchall() == [
        (1, "eskerfield", 0.6),
        (2, "beacon", 0.25),
        (3, "arclight", 0.1),
        (4, "dunmore", 0.05),
    ]
    concentration = built.execute(
        "select period, disclosed_deal_count, amount_usd_total, top_1_share, top_3_share "
        "from mart_capital_concentration"
    ).fetchall()
    assert concentration == [
        ("2025", 1, 100 * M, 1.0, 1.0),
        ("2026", 3, 900 * M, pytest.approx(600 / 900), 1.0),
        ("all", 4, TOTAL, 0.6, 0.95),
    ]
    investors = built.execute(
        "select investor, deal_count, lead_count, deal_amount_usd_total, led_amount_usd_total, segments "
        "from mart_investor_activity"
    ).fetchall()
    assert investors == [
        ("Kestrel", 2, 1, 350 * M, 100 * M, ["inference_serving"]),
        ("Oakum", 2, 1, 100 * M, 0, ["ai_chips", "inference_serving"]),  # led cinder, undisclosed
    ]


# --- the checks ---------------------------------------------------------------------------------------


def test_every_check_passes_on_fresh_marts_and_states_its_numbers(built):
    details = {
        (mart, check.name): run_check(built, check)
        for mart, checks in MART_CHECKS.items()
        for check in checks
    }
    assert all(passed for passed, _ in details.values()), details
    assert details[("mart_funding_by_segment", "totals_reconcile")][1] == (
        "mart 1000000000 USD over 6 deals; deals 1000000000 USD over 6 deals"
    )
    assert details[("mart_capital_concentration", "shares_bounded_and_ordered")][1] == (
        "0 rows out of order; "
        "all 1000000000 USD over 4 disclosed deals; deals 1000000000 USD over 4 disclosed deals; "
        "years 1000000000 USD over 4 disclosed deals; deals 1000000000 USD over 4 disclosed deals"
    )


def test_a_deal_added_after_the_marts_were_built_fails_every_reconciliation(built):
    built.execute(
        "insert into deals select * replace ('late' as deal_id, 7000000 as amount_usd) "
        "from deals where deal_id = 'dunmore'"
    )
    for mart in ("mart_funding_by_segment", "mart_funding_by_layer"):
        assert run_check(built, _check(mart, "totals_reconcile")) == (
            False,
            "mart 1000000000 USD over 6 deals; deals 1007000000 USD over 7 deals",
        ), mart
    assert run_check(built, _check("mart_capital_concentration", "shares_bounded_and_ordered")) == (
        False,
        "0 rows out of order; "
        "all 1000000000 USD over 4 disclosed deals; deals 1007000000 USD over 5 disclosed deals; "
        "years 1000000000 USD over 4 disclosed deals; deals 1007000000 USD over 5 disclosed deals",
    )


def test_a_mart_row_that_disagrees_with_deals_fails_with_both_totals(built):
    built.execute("update mart_funding_by_segment set deal_count = 2 where quarter = '2026-Q2'")
    assert run_check(built, _check("mart_funding_by_segment", "totals_reconcile")) == (
        False,
        "mart 1000000000 USD over 7 deals; deals 1000000000 USD over 6 deals",
    )
    # Only the years disagree: the 'all' row still reconciles, and the detail says which side broke.
    built.execute("update mart_capital_concentration set amount_usd_total = 899999999 where period = '2026'")
    passed, detail = run_check(built, _check("mart_capital_concentration", "shares_bounded_and_ordered"))
    assert not passed
    assert "all 1000000000 USD over 4 disclosed deals; deals 1000000000 USD" in detail
    assert "years 999999999 USD over 4 disclosed deals; deals 1000000000 USD" in detail


def test_shares_out_of_order_fail_the_concentration_check(built):
    built.execute("update mart_capital_concentration set top_3_share = 0.5 where period = 'all'")
    passed, detail = run_check(built, _check("mart_capital_concentration", "shares_bounded_and_ordered"))
    assert (passed, detail.split(";")[0]) == (False, "1 rows out of order")


def test_no_deals_builds_empty_marts_whose_checks_pass(warehouse):
    _load(warehouse, [])
    with warehouse.connect() as connection:
        assert [warehouse.build_mart(connection, mart) for mart in MARTS] == [0] * len(MARTS)
        results = [run_check(connection, check) for checks in MART_CHECKS.values() for check in checks]
    assert all(passed for passed, _ in results), results
    assert ("mart 0 USD over 0 deals; deals 0 USD over 0 deals") in [detail for _, detail in results]


def test_reconciliation_quotes_identifiers_and_binds_the_filter_value():
    """Names are quoted (a space or a quote in one is harmless); the filter value is a parameter."""
    odd_value = "x' or 'a' = 'a"
    check = totals_reconcile(
        'odd "mart"', "amount total", "n", rows=RowFilter("kind", "<>", odd_value), label="odd"
    )
    assert odd_value not in check.sql
    with duckdb.connect() as connection:
        connection.execute('create table "odd ""mart""" ("amount total" bigint, n integer, kind varchar)')
        connection.execute('insert into "odd ""mart""" values (30, 2, \'real\'), (99, 9, ?)', [odd_value])
        connection.execute(
            "create table deals as select * from "
            "(values (10, 'announced'), (20, 'announced'), (40, 'reported')) t(amount_usd, status)"
        )
        assert run_check(connection, check) == (True, "odd 30 USD over 2 deals; deals 30 USD over 2 deals")


def test_a_row_filter_takes_only_equality_or_inequality():
    with pytest.raises(ValueError, match="must be = or <>"):
        RowFilter("period", "like", "%")  # type: ignore[arg-type]


# --- how the mart files are written -------------------------------------------------------------------


def test_every_mart_file_is_declared_and_every_declared_mart_has_a_file():
    assert sorted(MART_TABLES) == sorted(MARTS)


@pytest.mark.parametrize("mart", MARTS)
def test_mart_files_follow_the_house_layout(mart):
    """Header, input CTEs never named after a table they could shadow, one `select * from final`, no DDL
    (the declaration in schemas/tables/marts.py makes the table and its comments); the quarter label is only
    ever the shared macro."""
    sql = mart_sql(mart)
    assert sql.startswith(f"-- {mart}\n-- Grain: ")
    tables = {*PERSISTENT_TABLES, *DERIVED_TABLES, *MARTS}
    ctes = re.findall(r"^(\w+) as \($", sql, flags=re.MULTILINE)
    assert ctes[-1] == "final"
    assert not tables & set(ctes), ctes
    assert len(re.findall(r"^select \* from final$", sql, flags=re.MULTILINE)) == 1
    assert not re.search(r"^\s*(create|comment on|insert)\b", sql, flags=re.MULTILINE | re.IGNORECASE)
    assert ";" not in "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    assert "'-Q'" not in sql
    assert "date_trunc('quarter'" not in sql


def test_deals_of_zero_dollars_give_undefined_shares_not_nan_and_the_checks_pass(warehouse):
    """A year whose only disclosed deals are $0 has no share to give: NULL, never NaN (which broke the
    blocking checks and stopped the publish)."""
    zero = [_deal("z1", 0, "2019-05-01", "ai_chips"), _deal("z2", 0, "2019-06-01", "inference_serving")]
    with _marts_of(warehouse, zero) as connection:
        rows = connection.execute(
            "select period, amount_usd_total, top_1_share, hhi from mart_capital_concentration order by all"
        ).fetchall()
        shares = connection.execute("select share_of_total from mart_top_deals").fetchall()
        checks = [run_check(connection, c)[0] for checks in MART_CHECKS.values() for c in checks]
    assert rows == [("2019", 0, None, None), ("all", 0, None, None)]
    assert shares == [(None,), (None,)]
    assert all(checks)


def _quarterly_rows(connection, layers_where: str) -> tuple[list, list, list, dict]:
    """The quarterly marts' rows (segments all, layers `layers_where`), the yearly concentration's, and
    every mart check's outcome."""
    segments = connection.execute(
        "select quarter_start, quarter, segment, deal_count, amount_usd_total from mart_funding_by_segment"
    ).fetchall()
    layers = connection.execute(
        f"select quarter, layer, share_of_quarter from mart_funding_by_layer where {layers_where}"
    ).fetchall()
    years = connection.execute(
        "select period, disclosed_deal_count, amount_usd_total from mart_capital_concentration"
    ).fetchall()
    checks = {c.name: run_check(connection, c) for checks in MART_CHECKS.values() for c in checks}
    return segments, layers, years, checks


def test_undated_deals_get_a_quarter_and_year_of_their_own_and_the_checks_pass(warehouse):
    """A deal nothing dates counts under quarter 'undated' (quarter_start NULL, sorted last) and year
    'undated', so every sum still reconciles with deals; the dated quarters are as before."""
    undated = {"announced_date": None, "announced_date_precision": None, "date_basis": "undated"}
    deals = [*DEALS, _deal("gorse", 40 * M, "2026-01-01", "ai_chips") | undated,
             _deal("heath", None, "2026-01-01", "inference_serving") | undated]  # fmt: skip
    with _marts_of(warehouse, deals) as connection:
        segments, layers, years, checks = _quarterly_rows(connection, "quarter = 'undated'")
        top = connection.execute("select rank, deal_id from mart_top_deals where rank = 5").fetchall()
    assert segments[-2:] == [
        (None, "undated", "ai_chips", 1, 40 * M),
        (None, "undated", "inference_serving", 1, 0),
    ]
    assert len(segments) == 8
    assert layers == [("undated", "hardware", 1.0), ("undated", "inference", 0.0)]
    assert years == [
        ("2025", 1, 100 * M),
        ("2026", 3, 900 * M),
        ("undated", 1, 40 * M),
        ("all", 5, TOTAL + 40 * M),
    ]
    assert top == [(5, "gorse")]
    assert all(passed for passed, _ in checks.values()), checks


def test_a_deal_dated_only_by_its_year_counts_in_no_quarter(warehouse):
    """A funding history's 'raised $40M in 2025' is stored on 2025-01-01 with precision 'year': the quarterly
    marts put it under '2025 (year only)', not in 2025-Q1, share it within that bucket, and the yearly
    concentration counts it in 2025; every check still reconciles with deals."""
    year_only = {"announced_date_precision": "year"}
    deals = [*DEALS, _deal("gorse", 40 * M, "2025-01-01", "ai_chips") | year_only,
             _deal("heath", 10 * M, "2025-01-01", "inference_serving") | year_only]  # fmt: skip
    with _marts_of(warehouse, deals) as connection:
        segments, layers, years, checks = _quarterly_rows(connection, "quarter like '2025%' order by all")
    years = [row for row in years if row[0] == "2025"]
    assert segments[-2:] == [
        (None, "2025 (year only)", "ai_chips", 1, 40 * M),
        (None, "2025 (year only)", "inference_serving", 1, 10 * M),
    ]
    assert not [row for row in segments if row[1] == "2025-Q1"]
    assert ("2025 (year only)", "hardware", 0.8) in layers
    assert ("2025 (year only)", "inference", 0.2) in layers
    assert years == [("2025", 3, 150 * M)]
    assert all(passed for passed, _ in checks.values()), checks


def test_top_n_marts_rank_and_share_as_a_ranking_of_every_deal_does(warehouse):
    """The top-N shortcuts (the 100 largest deals, each period's ten largest amounts) give what numbering
    every deal gives: 150 disclosed deals over three years, amounts repeated so that ties on amount are
    broken by date, then company, then id, and a year with fewer than ten deals."""
    days = ["2024-03-01", "2025-06-30", "2025-01-15", "2026-11-02"]
    deals = [
        _deal(f"d{n:03d}", (n % 37 + 1) * M, days[n % 4] if n < 148 else "2023-05-05", "ai_chips")
        for n in range(150)
    ] + [_deal("quiet", None, "2025-02-02", "ai_chips")]
    _load(warehouse, deals)
    with warehouse.connect() as connection:
        for mart in ("mart_top_deals", "mart_capital_concentration"):
            warehouse.build_mart(connection, mart)
        top = connection.execute("select rank, deal_id, share_of_total from mart_top_deals").fetchall()
        shares = connection.execute(
            "select period, disclosed_deal_count, amount_usd_total, top_1_share, top_3_share, top_5_share, "
            "top_10_share from mart_capital_concentration"
        ).fetchall()
    disclosed = pd.DataFrame([d for d in deals if d["amount_usd"] is not None])
    total = disclosed["amount_usd"].sum()
    ranked = disclosed.assign(minus=-disclosed["amount_usd"]).sort_values(
        ["minus", "announced_date", "company", "deal_id"]
    )
    assert top == [
        (rank, row.deal_id, row.amount_usd / total)
        for rank, row in enumerate(ranked.head(100).itertuples(), start=1)
    ]
    periods = [(str(day.year), group) for day, group in disclosed.groupby(disclosed["announced_date"].map(
        lambda d: d.replace(month=1, day=1)))] + [("all", disclosed)]  # fmt: skip
    expected = []
    for period, group in periods:
        largest = sorted(group["amount_usd"], reverse=True)
        amount = sum(largest)
        expected.append((period, len(group), amount, *(sum(largest[:k]) / amount for k in (1, 3, 5, 10))))
    assert shares == expected
    assert shares[0][:2] == ("2023", 2)
    assert shares[0][-1] == 1.0  # fewer than ten: the year's top ten is all of it


def test_a_reported_round_adds_nothing_to_any_mart_and_the_checks_pass(warehouse):
    """A round in talks, then announced: deals keeps both (the first marked reported); every mart counts
    the announced one only, so the capital is counted once."""
    rumour = _deal("arclight", 100 * M, "2026-02-10", "inference_serving", status="reported",
                   investors=["Kestrel"], lead_investors=["Kestrel"])  # fmt: skip
    announced = _deal("beacon", 100 * M, "2026-03-20", "inference_serving", investors=["Kestrel"],
                      lead_investors=["Kestrel"])  # fmt: skip
    _load(warehouse, [rumour, announced])
    with warehouse.connect() as connection:
        for name in MARTS:
            warehouse.build_mart(connection, name)
        segment = connection.execute(
            "select deal_count, amount_usd_total from mart_funding_by_segment"
        ).fetchall()
        top = connection.execute("select deal_id from mart_top_deals").fetchall()
        leads = connection.execute("select investor, lead_count from mart_investor_activity").fetchall()
        concentration = connection.execute(
            "select amount_usd_total from mart_capital_concentration where period_grain = 'all'"
        ).fetchall()
        results = {name: [run_check(connection, c)[0] for c in MART_CHECKS[name]] for name in MART_CHECKS}
    assert segment == [(1, 100 * M)]
    assert top == [("beacon",)]
    assert leads == [("Kestrel", 1)]
    assert concentration == [(100 * M,)]
    assert all(passed for checks in results.values() for passed in checks), results
