"""Normalisation of extracted mentions: USD conversion, vocabularies, segments, dates and canonical names."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest

from assets.normalize.fx import FxTable
from assets.normalize.mentions import NORMALIZED_FIELDS, References, normalize_mentions, normalize_record

# The shipped rates for the months used below, read once so the expectations follow the table.
FX = References.of().fx
EUR_MAY_2026 = FX.rate("EUR", date(2026, 5, 1))
EUR_FEB_2026 = FX.rate("EUR", date(2026, 2, 1))
INR_FEB_2026 = FX.rate("INR", date(2026, 2, 1))


def usd(value: int | str, rate: Decimal) -> int:
    return int((Decimal(value) * rate).to_integral_value())


@pytest.fixture(scope="module")
def refs() -> References:
    return References.of()


def test_references_default_are_the_shipped_files(refs: References) -> None:
    assert "ai_chips" in refs.taxonomy.segments
    assert "series_a" in refs.round_types.slugs
    assert "EUR" in refs.currencies.codes
    assert "EUR" in refs.fx.currencies
    assert refs.names.company("Cerebras").name == "Cerebras Systems"


def test_euro_table_row_with_explicit_date(refs: References) -> None:
    row = {
        "company_text": "Nordwind GmbH",
        "round_text": "Series B",
        "amount_text": "€40 million",
        "announced_text": "May 4, 2026",
        "segment_text": "AI chips (WSE-3)",
        "lead_investors_text": ["a16z"],
        "investors_text": ["a16z", "Lightspeed", "Accel Partners"],
    }

    record = normalize_record(row, refs)

    assert set(record) == set(NORMALIZED_FIELDS)
    rate, month = EUR_MAY_2026
    assert record == {
        "company": "Nordwind",
        "company_alias": None,
        "company_key": "nordwind",
        "round_type": "series_b",
        "amount_original": "€40 million",
        "amount_status": "parsed",
        "currency": "EUR",
        "amount_usd": usd(40_000_000, rate),
        "amount_is_floor": False,
        "amount_is_ceiling": False,
        "valuation_original": None,
        "valuation_status": "missing",
        "valuation_usd": None,
        "valuation_is_floor": False,
        "amount_in_currency": 40_000_000.0,
        "valuation_currency": None,
        "valuation_in_currency": None,
        "fx_usd_per_unit": float(rate),
        "fx_rate_month": date(2026, 5, 1),
        "lead_investors": ["Andreessen Horowitz"],
        "investors": ["Andreessen Horowitz", "Lightspeed Venture Partners", "Accel"],
        "announced_date": date(2026, 5, 4),
        "announced_date_precision": "day",
        "status": "announced",
        "date_basis": "explicit",
        "segment": "ai_chips",
        "segment_basis": "stated",
        "layer": "hardware",
    }
    assert month == date(2026, 5, 1)


def test_usd_prose_mention_dated_by_publication(refs: References) -> None:
    row = {
        "company_text": "Cerebras",
        "round_text": "IPO",
        "amount_text": "$3.5B",
        "valuation_text": "$15B+",
        "published_date": date(2026, 5, 11),
        "context": "maker of wafer scale chips",
    }

    record = normalize_record(row, refs)

    assert (record["company"], record["company_alias"], record["company_key"]) == (
        "Cerebras Systems",
        "Cerebras",
        "cerebras systems",
    )
    assert (record["round_type"], record["currency"]) == ("ipo", "USD")
    assert (record["amount_usd"], record["valuation_usd"]) == (3_500_000_000, 15_000_000_000)
    assert (record["amount_is_floor"], record["valuation_is_floor"]) == (False, True)
    assert (record["fx_usd_per_unit"], record["fx_rate_month"]) == (1.0, None)
    assert (record["announced_date"], record["date_basis"]) == (date(2026, 5, 11), "published")
    assert (record["segment"], record["segment_basis"], record["layer"]) == (
        "ai_chips",
        "inferred",
        "hardware",
    )


def test_export_row_with_default_currency_and_date_format(refs: References) -> None:
    row = {
        "company_text": "Halcyon Grid Compute",
        "round_text": "Series A",
        "amount_text": "5000000",
        "currency_text": "EUR",
        "default_currency": "USD",
        "valuation_text": "40000000",
        "announced_text": "20/02/2026",
        "date_format": "%d/%m/%Y",
    }

    record = normalize_record(row, refs)

    rate, month = EUR_FEB_2026
    assert record["currency"] == "EUR"  # the row's currency beats the source default
    assert record["amount_usd"] == usd(5_000_000, rate)
    assert record["valuation_usd"] == usd(40_000_000, rate)
    assert (record["fx_usd_per_unit"], record["fx_rate_month"]) == (float(rate), month)
    assert (record["announced_date"], record["date_basis"]) == (date(2026, 2, 20), "explicit")


def test_bare_amount_takes_the_source_currency(refs: References) -> None:
    record = normalize_record(
        {"company_text": "Acme", "amount_text": "5000000", "default_currency": "USD"}, refs
    )

    assert (record["currency"], record["amount_usd"], record["amount_status"]) == ("USD", 5_000_000, "parsed")


def test_amount_without_any_currency_is_not_converted(refs: References) -> None:
    record = normalize_record(
        {"company_text": "Acme", "amount_text": "5M", "announced_text": "2026-02-20"}, refs
    )

    assert (record["amount_status"], record["currency"], record["amount_usd"]) == ("parsed", None, None)


def test_rupees_in_crore(refs: References) -> None:
    row = {
        "company_text": "Vogo Automotive Pvt. Ltd.",
        "amount_text": "Rs 500 crore",
        "announced_text": "2026-02-20",
    }

    record = normalize_record(row, refs)

    rate, _ = INR_FEB_2026
    assert (record["company"], record["currency"]) == ("Vogo Automotive", "INR")
    assert record["amount_usd"] == usd(5_000_000_000, rate)


def test_the_yen_sign_of_a_sum_stated_in_yuan(refs: References) -> None:
    """'¥1.1 billion (US$152 million)' is read in yuan (`yuan_by_its_conversion`): the mention states CNY,
    and the sign it shares with the yen takes it, as a bare '$' takes the source's dollar."""
    row = {"company_text": "Worg", "amount_text": "¥1.1 billion", "announced_text": "2026-02-20"}
    as_yuan = normalize_record({**row, "currency_text": "CNY"}, refs)
    as_yen = normalize_record(row, refs)

    assert (as_yuan["currency"], as_yen["currency"]) == ("CNY", "JPY")
    assert as_yuan["amount_usd"] == usd(1_100_000_000, FX.rate("CNY", date(2026, 2, 1))[0])


def test_unknown_currency_is_kept_as_written(refs: References) -> None:
    row = {"company_text": "Acme", "amount_text": "5000000", "currency_text": "Doubloons"}

    record = normalize_record(row, refs)

    assert record["currency"] == "Doubloons"
    assert record["amount_status"] == "parsed"
    assert record["amount_usd"] is None


def test_unknown_round_is_kept_as_written(refs: References) -> None:
    record = normalize_record({"company_text": "Acme", "round_text": "Series Omega"}, refs)

    assert record["round_type"] == "Series Omega"


@pytest.mark.parametrize(
    ("round_text", "slug"), [(None, "unknown"), ("", "unknown"), ("series_d", "series_d")]
)
def test_missing_round_is_unknown(refs: References, round_text: str | None, slug: str) -> None:
    assert normalize_record({"company_text": "Acme", "round_text": round_text}, refs)["round_type"] == slug


def test_undisclosed_amount(refs: References) -> None:
    record = normalize_record(
        {"company_text": "Acme", "amount_text": "undisclosed", "valuation_text": "N/A"}, refs
    )

    assert record["amount_status"] == "undisclosed"
    assert record["valuation_status"] == "undisclosed"
    assert (record["amount_usd"], record["valuation_usd"], record["currency"]) == (None, None, None)
    assert (record["amount_original"], record["valuation_original"]) == ("undisclosed", "N/A")


def test_unparseable_amount_stays_visible(refs: References) -> None:
    record = normalize_record({"company_text": "Acme", "amount_text": "about twenty"}, refs)

    assert (record["amount_status"], record["amount_original"], record["amount_usd"]) == (
        "unparseable",
        "about twenty",
        None,
    )


def test_negative_amount_keeps_its_sign(refs: References) -> None:
    record = normalize_record(
        {"company_text": "Acme", "amount_text": "-5000000", "default_currency": "USD"}, refs
    )

    assert record["amount_usd"] == -5_000_000


@pytest.mark.parametrize(
    ("row", "segment", "basis", "layer"),
    [
        ({"segment_text": "Voice AI"}, "voice_ai", "stated", "applications"),
        ({"segment_text": "Quantum sensing"}, "Quantum sensing", "stated", None),
        ({"context": "an open-source inference engine"}, "inference_engines", "inferred", "inference"),
        ({"snippet": "a grocery delivery app raised"}, "commerce", "inferred", "non_ai"),
        # Context is preferred to the snippet when both are present.
        ({"context": "text to speech", "snippet": "grocery"}, "voice_ai", "inferred", "applications"),
        ({"snippet": "nothing to go on"}, "unclassified", "fallback", "unclassified"),
        ({}, "unclassified", "fallback", "unclassified"),
    ],
)
def test_segment_stated_inferred_or_fallback(
    refs: References, row: dict[str, Any], segment: str, basis: str, layer: str | None
) -> None:
    record = normalize_record({"company_text": "Acme", **row}, refs)

    assert (record["segment"], record["segment_basis"], record["layer"]) == (segment, basis, layer)


@pytest.mark.parametrize(
    ("row", "announced", "basis"),
    [
        (
            {"announced_text": "2026-02-20", "published_date": date(2026, 5, 11)},
            date(2026, 2, 20),
            "explicit",
        ),
        ({"published_date": date(2026, 5, 11)}, date(2026, 5, 11), "published"),
        ({"published_date": pd.Timestamp("2026-05-11")}, date(2026, 5, 11), "published"),
        # A stated date that does not parse stays explicit, with no date: validation names it.
        ({"announced_text": "the 31st of Smarch", "published_date": date(2026, 5, 11)}, None, "explicit"),
        ({}, None, None),
    ],
)
def test_date_explicit_or_published(
    refs: References, row: dict[str, Any], announced: date | None, basis: str | None
) -> None:
    record = normalize_record({"company_text": "Acme", **row}, refs)

    assert (record["announced_date"], record["date_basis"]) == (announced, basis)


def test_custom_references_are_used(refs: References) -> None:
    fx = FxTable({"EUR": [(date(2026, 1, 1), Decimal("2"))]})
    custom = References(refs.taxonomy, refs.round_types, refs.currencies, fx, refs.names)

    record = normalize_record(
        {"company_text": "Acme", "amount_text": "€1.25", "announced_text": "2026-03-01"}, custom
    )

    assert (record["amount_usd"], record["fx_usd_per_unit"], record["fx_rate_month"]) == (
        2,
        2.0,
        date(2026, 1, 1),
    )


def test_normalize_mentions_frame() -> None:
    extracted = pd.DataFrame(
        [
            {
                "record_id": "r1",
                "company_text": "Cerebras",
                "round_text": "IPO",
                "amount_text": "$3.5B",
                "valuation_text": "$26.6B",
                "published_date": date(2026, 5, 11),
                "lead_investors_text": None,
                "investors_text": None,
                "context": "wafer scale chips",
                "date_format": None,
                "default_currency": None,
            },
            {
                "record_id": "r2",
                "company_text": "Nordwind",
                "round_text": "Series B",
                "amount_text": "undisclosed",
                "valuation_text": None,
                "published_date": None,
                "announced_text": "May 4, 2026",
                "lead_investors_text": ["a16z"],
                "investors_text": ["a16z", "Accel Partners"],
                "context": None,
                "date_format": None,
                "default_currency": None,
            },
        ],
        index=[10, 11],
    )

    normalized = normalize_mentions(extracted)

    assert normalized.index.tolist() == [10, 11]
    assert normalized["record_id"].tolist() == ["r1", "r2"]
    for dropped in ("date_format", "default_currency", "lead_investors_text", "investors_text", "context"):
        assert dropped not in normalized.columns
    assert set(NORMALIZED_FIELDS) <= set(normalized.columns)
    assert str(normalized["amount_usd"].dtype) == "Int64"
    assert normalized["amount_usd"].tolist() == [3_500_000_000, pd.NA]
    assert normalized["valuation_usd"].tolist() == [26_600_000_000, pd.NA]
    assert normalized["announced_date"].tolist() == [pd.Timestamp("2026-05-11"), pd.Timestamp("2026-05-04")]
    assert normalized["company"].tolist() == ["Cerebras Systems", "Nordwind"]
    assert normalized["round_type"].tolist() == ["ipo", "series_b"]
    assert normalized["amount_status"].tolist() == ["parsed", "undisclosed"]
    assert normalized["investors"].tolist() == [[], ["Andreessen Horowitz", "Accel"]]
    assert normalized["segment"].tolist() == ["ai_chips", "unclassified"]


@pytest.mark.parametrize(
    ("announced_text", "announced"),
    [
        ("Mar 2", date(2026, 3, 2)),
        ("December 9", date(2025, 12, 9)),
        ("yesterday", date(2026, 3, 5)),
        ("last week", date(2026, 2, 27)),
        ("Monday", date(2026, 3, 2)),
        ("Friday", date(2026, 3, 6)),
        ("today", date(2026, 3, 6)),
    ],
)
def test_stated_dates_resolve_against_publication(
    refs: References, announced_text: str, announced: date
) -> None:
    # Published on Friday 6 March 2026; the stated words are kept, the basis is the source's statement.
    row = {"company_text": "Acme", "announced_text": announced_text, "published_date": date(2026, 3, 6)}

    record = normalize_record(row, refs)

    assert (record["announced_date"], record["date_basis"]) == (announced, "explicit")


def test_a_yearless_date_without_publication_stays_unresolved(refs: References) -> None:
    record = normalize_record({"company_text": "Acme", "announced_text": "Mar 2"}, refs)

    assert (record["announced_date"], record["date_basis"]) == (None, "explicit")


def test_amount_floor_in_words(refs: References) -> None:
    record = normalize_record({"company_text": "Acme", "amount_text": "more than $200 million"}, refs)

    assert (record["amount_usd"], record["amount_is_floor"]) == (200_000_000, True)


@pytest.mark.parametrize(
    ("context", "segment"),
    [
        # The deal's own words first; a title only when it points at one segment.
        ("an AI agent for insurance claims\nFintech Friday", "ai_agents"),
        ("Acme raised $5M.\nThe Leeds startup makes solar inverters.\nDeal Desk Daily", "climate"),
        ("Acme raised $5M.\nVoice AI startups that raised this spring", "voice_ai"),
        ("Acme raised $5M.\nDigest: robots, inference chips and scooters", "unclassified"),
    ],
)
def test_segment_from_context_lines(refs: References, context: str, segment: str) -> None:
    record = normalize_record({"company_text": "Acme", "context": context}, refs)

    assert record["segment"] == segment


@pytest.mark.parametrize("written", ["2025-Q3", "2025 Q3", "2025Q3", "Q3 2025", "third quarter of 2025"])
def test_a_quarter_written_year_first_is_that_quarter(written: str, refs: References) -> None:
    """An export's '2025-Q3' (how spreadsheets and BI tools write quarters) is the third quarter of 2025, as
    'Q3 2025' is; '2025-Q5' is no date."""
    record = normalize_record({"company_text": "Quenby", "announced_text": written}, refs)
    assert (record["announced_date"], record["announced_date_precision"]) == (date(2025, 7, 1), "quarter")
    assert (
        normalize_record({"company_text": "Quenby", "announced_text": "2025-Q5"}, refs)["announced_date"]
        is None
    )


def test_an_amount_dated_only_by_its_year_converts_at_the_years_mean_rate(refs: References) -> None:
    """'€25 million in 2025': stored on 2025-01-01 with precision year, in dollars at 2025's mean rate, not
    January's."""
    record = normalize_record(
        {"company_text": "Quenby", "amount_text": "€25 million", "announced_text": "2025"}, refs
    )
    rate, month = refs.fx.rate("EUR", date(2025, 1, 1), "year")
    assert (record["announced_date_precision"], record["fx_rate_month"]) == ("year", month)
    assert record["amount_usd"] == int((Decimal(25_000_000) * rate).to_integral_value())
    assert rate != refs.fx.rate("EUR", date(2025, 1, 1))[0]
