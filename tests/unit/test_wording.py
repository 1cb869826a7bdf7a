"""The shared words: one set each, and the readers that use them agree."""

from __future__ import annotations

import unicodedata

import pytest

from assets.normalize.amounts import AmountStatus, parse_amount
from assets.normalize.mentions import References, normalize_record
from assets.parsing.table_rows import mention_from_row
from schemas.reference.wording import (
    CURRENCY_SIGNS,
    NO_VALUE,
    UNDISCLOSED,
    calls_off,
    deal_status,
    total_label,
    words_pattern,
)
from schemas.vocabulary import Currencies


@pytest.mark.parametrize("placeholder", sorted(NO_VALUE - {""}))
def test_every_placeholder_is_nothing_in_a_table_cell(placeholder: str) -> None:
    mention = mention_from_row(
        {0: "company", 1: "round"}, ["Company", "Round"], ["Quillfort", placeholder], "r"
    )
    assert mention is not None
    assert (mention.company, mention.round_text) == ("Quillfort", None)


@pytest.mark.parametrize("placeholder", sorted((NO_VALUE - {""}) | UNDISCLOSED))
def test_every_placeholder_is_an_undisclosed_amount(placeholder: str) -> None:
    assert parse_amount(placeholder.upper()).status is AmountStatus.UNDISCLOSED


@pytest.mark.parametrize("placeholder", ["TBD", "n.a.", "Not available", "nan"])
def test_a_placeholder_round_normalises_to_unknown(placeholder: str) -> None:
    record = normalize_record({"company_text": "Quillfort", "round_text": placeholder}, References.of())
    assert record["round_type"] == "unknown"


@pytest.mark.parametrize("words", ["over $5M", "more than $5M", "in excess of $5M", "at least $5M"])
def test_floor_words_make_a_floor(words: str) -> None:
    parsed = parse_amount(words)
    assert (parsed.money.value, parsed.money.is_floor) == (5_000_000, True)


def test_words_pattern_tries_longer_words_first() -> None:
    assert words_pattern(("over", "over the")) == "(?:over\\ the|over)"


def test_a_listed_symbol_that_is_not_a_currency_sign_is_a_problem(tmp_path) -> None:
    path = tmp_path / "currencies.toml"
    path.write_text('[currency.USD]\nsymbols = ["$", "%"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"'%' is not a currency sign"):
        Currencies.load(path)


def test_the_currency_signs_are_every_currency_sign_unicode_knows() -> None:
    """Read from Unicode's first two planes only: the same signs as a scan of every code point."""
    every = {chr(point) for point in range(0x110000) if unicodedata.category(chr(point)) == "Sc"}
    assert set(CURRENCY_SIGNS) == every
    assert {"$", "€", "₹", "₿", "\U0001e2ff"} <= set(CURRENCY_SIGNS)  # '\U0001e2ff': the Wancho rupee


@pytest.mark.parametrize(
    ("written", "status"),
    [
        (None, "announced"),
        ("", "announced"),
        ("—", "announced"),
        ("Announced", "announced"),
        ("Closed", "announced"),
        ("Confirmed by the company", "announced"),
        ("Rumored", "reported"),
        ("rumoured", "reported"),
        ("In talks (reportedly)", "reported"),
        ("Unconfirmed", "reported"),
        ("Not announced", "reported"),
        ("Planned", "reported"),
        ("reported", "reported"),
        ("Cancelled", "cancelled"),
        ("Called off", "called off"),
        ("Withdrawn (was rumored)", "withdrawn (was rumored)"),
        ("Company denies report", "company denies report"),
        ("Not yet closed", "reported"),
        ("Incomplete", "reported"),
        ("Unfunded", "reported"),
        ("Green", "green"),
        ("Active", "active"),
        # negations and other languages (a second red team's)
        ("Not-yet-closed", "reported"),
        ("Hasn't closed", "reported"),
        ("Un-confirmed", "reported"),
        ("Never closed", "reported"),
        ("Gerücht", "reported"),
        ("Annulé", "annulé"),
        ("Abgesagt", "abgesagt"),
        ("Not cancelled", "not cancelled"),  # no call-off: flagged as saying nothing known, not quarantined
        ("Closed (not denied)", "announced"),
    ],
)
def test_a_status_says_announced_reported_or_is_kept_for_the_rule(written: object, status: str) -> None:
    """A status column's words, read as whole words and negations ('not yet closed' is reported): announced
    or reported; a round called off, or a word of no known meaning, keeps its text for the rules to name
    (`round_not_called_off` quarantines the first, `status_known` flags the other)."""
    assert deal_status(written) == status


def test_a_page_tables_status_column_marks_its_rumoured_rows() -> None:
    headers = ["Company", "Round", "Amount", "Status"]
    fields = {0: "company", 1: "round", 2: "amount", 3: "status"}
    rumoured = mention_from_row(
        fields, headers, ["Elmstead", "Series C", "$300M", "In talks (reportedly)"], "r"
    )
    plain = mention_from_row(fields, headers, ["Fairlight", "Series A", "$25M", ""], "r")
    assert rumoured is not None
    assert plain is not None
    assert (rumoured.status, plain.status) == ("In talks (reportedly)", "announced")
    record = normalize_record({"company_text": "Elmstead", "status": rumoured.status}, References.of())
    assert record["status"] == "reported"


@pytest.mark.parametrize(
    ("status", "called_off"),
    [
        ("cancelled", True),
        ("abgesagt", True),
        ("not cancelled", False),
        ("not withdrawn", False),
        ("active", False),
    ],
)
def test_only_a_status_that_says_the_round_was_called_off_calls_it_off(status: str, called_off: bool) -> None:
    assert calls_off(status) is called_off


@pytest.mark.parametrize(
    ("cell", "label"),
    [("Total", "alone"), ("Gesamtsumme", "alone"), ("Totaal:", "alone"), ("TOTAL Q1 2026", "prefix"),
     ("Total Expert", "prefix"), ("Totally AI", None), ("Summit Labs", None), (None, None)],
)  # fmt: skip
def test_a_summary_rows_label_in_any_of_its_languages(cell: str | None, label: str | None) -> None:
    """A label that begins with a total word ('Total Expert') is one only where the row states no date
    either: `total_label` tells the word alone from such a name."""
    assert total_label(cell) == label
