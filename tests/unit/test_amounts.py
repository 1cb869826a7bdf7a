"""Money amounts: `parse_amount` for one-amount cells and `find_money` for amounts inside prose."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assets.normalize.amounts import AmountStatus, find_money, parse_amount

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, database=None)


@pytest.mark.parametrize(
    ("text", "value", "currency", "is_floor"),
    [
        ("$3.5B", "3500000000", "USD", False),
        ("$500M", "500000000", "USD", False),
        ("$15B+", "15000000000", "USD", True),
        ("€40 million", "40000000", "EUR", False),
        ("1.2bn", "1200000000", None, False),
        ("$1,500M", "1500000000", "USD", False),
        ("1.5 billion dollars", "1500000000", "USD", False),
        ("US$20m", "20000000", "USD", False),
        ("US$ 20m", "20000000", "USD", False),
        ("USD 5M", "5000000", "USD", False),
        ("5m usd", "5000000", "USD", False),
        ("Rs 500 crore", "5000000000", "INR", False),
        ("Rs. 500 crore", "5000000000", "INR", False),
        ("₹ 20 crore", "200000000", "INR", False),
        ("50 lakh", "5000000", None, False),
        ("£12.5 million", "12500000", "GBP", False),
        ("£12.5m", "12500000", "GBP", False),
        ("¥500 million", "500000000", "JPY", False),
        ("CHF 10 million", "10000000", "CHF", False),
        ("10 million francs", "10000000", "CHF", False),
        ("12.5 million euros", "12500000", "EUR", False),
        ("€1.5bn", "1500000000", "EUR", False),
        ("$2T", "2000000000000", "USD", False),
        ("$5MM", "5000000", "USD", False),
        ("$1.5k", "1500", "USD", False),
        ("$1.2bn+", "1200000000", "USD", True),
        ("20,00,00,000", "200000000", None, False),
        ("12,34,567", "1234567", None, False),
        ("\\xc2\\xa020,000,000", "20000000", None, False),
        ("14,342,000+", "14342000", None, True),
        ("150000000", "150000000", None, False),
        ("$0", "0", "USD", False),
        ("  $5M  ", "5000000", "USD", False),
        ("$5M.", "5000000", "USD", False),
    ],
)
def test_parse_amount_reads_value_currency_and_floor(
    text: str, value: str, currency: str | None, is_floor: bool
) -> None:
    parsed = parse_amount(text)

    assert parsed.status is AmountStatus.PARSED
    assert parsed.money is not None
    assert parsed.money.value == Decimal(value)
    assert parsed.money.currency == currency
    assert parsed.money.is_floor is is_floor


def test_parse_amount_is_exact_not_float() -> None:
    money = parse_amount("$3.5B").money

    assert money is not None
    assert int(money.value) == 3_500_000_000
    assert money.value == money.value.to_integral_value()


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("-5000000", "-5000000", None),
        ("−5000000", "-5000000", None),
        ("-$5M", "-5000000", "USD"),
        ("$-5M", "-5000000", "USD"),
    ],
)
def test_parse_amount_keeps_the_minus_sign(text: str, value: str, currency: str | None) -> None:
    parsed = parse_amount(text)

    assert parsed.status is AmountStatus.PARSED
    assert parsed.money is not None
    assert parsed.money.value == Decimal(value)
    assert parsed.money.currency == currency
    assert parsed.money.text == text


@pytest.mark.parametrize(
    "text",
    [
        "undisclosed",
        "Undisclosed",
        "Not Disclosed",
        "N/A",
        "n/a",
        "nan",
        "NAN",
        "none",
        "—",
        "–",
        "-",
        "?",
        "TBD",
    ],
)
def test_parse_amount_undisclosed_tokens(text: str) -> None:
    assert parse_amount(text).status is AmountStatus.UNDISCLOSED
    assert parse_amount(text).money is None


@pytest.mark.parametrize("text", [None, "", "   ", "\xa0", "\\xc2\\xa0"])
def test_parse_amount_empty_is_missing(text: str | None) -> None:
    assert parse_amount(text).status is AmountStatus.MISSING
    assert parse_amount(text).money is None


@pytest.mark.parametrize(
    "text",
    ["garbage", "about twenty", "abc $5M", "1,2,3", "$", "£", "$.5B", "1.000.000", "$1.5.2"],
)
def test_parse_amount_garbage_is_unparseable(text: str) -> None:
    assert parse_amount(text).status is AmountStatus.UNPARSEABLE
    assert parse_amount(text).money is None


def test_parse_amount_bare_number_takes_default_currency() -> None:
    bare = parse_amount("150000000", default_currency="EUR").money
    marked = parse_amount("$150M", default_currency="EUR").money

    assert bare is not None
    assert (bare.value, bare.currency) == (Decimal(150_000_000), "EUR")
    assert marked is not None
    assert marked.currency == "USD"  # the cell's own symbol beats the column default


def test_parse_amount_text_is_the_cleaned_cell() -> None:
    money = parse_amount("  US$\xa020m ").money

    assert money is not None
    assert money.text == "US$ 20m"


@pytest.mark.parametrize(
    "text",
    [
        "Revenue grew 81% in 2023.",
        "Demand for H100 and B200 cards doubled.",
        "Issue #797 is out.",
        "We counted 25 deals across 12 countries.",
        "",
    ],
)
def test_find_money_ignores_numbers_without_a_currency(text: str) -> None:
    assert find_money(text) == []


def test_find_money_reads_several_amounts_with_spans() -> None:
    text = "Orrin raised $150M, Vexa €40 million and Quill US$20m (valued at $15B+)."

    found = find_money(text)

    assert [(m.text, m.value, m.currency, m.is_floor) for m in found] == [
        ("$150M", Decimal(150_000_000), "USD", False),
        ("€40 million", Decimal(40_000_000), "EUR", False),
        ("US$20m", Decimal(20_000_000), "USD", False),
        ("$15B+", Decimal(15_000_000_000), "USD", True),
    ]
    assert [text[m.start : m.end] for m in found] == ["$150M", "€40 million", "US$20m", "$15B+"]


def test_find_money_skips_plain_numbers_between_amounts() -> None:
    text = "In 2023 the 81% jump came from H100 sales; Acme raised $3.5B."

    found = find_money(text)

    assert len(found) == 1
    assert found[0].value == Decimal(3_500_000_000)
    assert text[found[0].start : found[0].end] == "$3.5B"


def test_find_money_does_not_take_a_sentence_period() -> None:
    text = "Acme raised $2.5 billion."

    (money,) = find_money(text)

    assert money.text == "$2.5 billion"
    assert text[money.end :] == "."


def test_find_money_currency_word_after_the_number() -> None:
    (money,) = find_money("The lab raised 1.5 billion dollars last year.")

    assert (money.value, money.currency, money.text) == (Decimal(1_500_000_000), "USD", "1.5 billion dollars")


decimals_2dp = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10**6), places=2)
MULTIPLIER_SUFFIXES = [("M", 10**6), ("B", 10**9), (" million", 10**6), ("bn", 10**9), ("", 1)]


@PROPERTY_SETTINGS
@given(number=decimals_2dp, suffix=st.sampled_from(MULTIPLIER_SUFFIXES), separators=st.booleans())
def test_parse_amount_round_trips_formatted_decimals(
    number: Decimal, suffix: tuple[str, int], separators: bool
) -> None:
    word, multiplier = suffix
    text = f"${number:,}{word}" if separators else f"${number}{word}"

    parsed = parse_amount(text)

    assert parsed.status is AmountStatus.PARSED
    assert parsed.money is not None
    assert parsed.money.value == number * multiplier
    assert parsed.money.currency == "USD"
    assert parsed.money.is_floor is False


@PROPERTY_SETTINGS
@given(number=st.integers(min_value=0, max_value=10**15))
def test_parse_amount_round_trips_thousands_separated_integers(number: int) -> None:
    parsed = parse_amount(f"{number:,}", default_currency="USD")

    assert parsed.money is not None
    assert parsed.money.value == number


# Surrounding words drawn from letters that spell no currency word or multiplier ('cad', 'bn', 'k').
@PROPERTY_SETTINGS
@given(
    number=decimals_2dp,
    suffix=st.sampled_from(MULTIPLIER_SUFFIXES[:4]),
    before=st.text(alphabet="fghxyz ,", max_size=20),
    after=st.text(alphabet="fghxyz ,", max_size=20),
)
def test_find_money_span_covers_exactly_the_amount(
    number: Decimal, suffix: tuple[str, int], before: str, after: str
) -> None:
    amount = f"${number:,}{suffix[0]}"
    text = f"{before} {amount} {after}"

    (money,) = find_money(text)

    assert money.value == number * suffix[1]
    assert text[money.start : money.end] == amount == money.text


@pytest.mark.parametrize(
    ("text", "value", "is_floor"),
    [
        ("more than $200 million", "200000000", True),
        ("over $25M", "25000000", True),
        ("at least €5 million", "5000000", True),
        ("about $40M", "40000000", False),
        ("~$40M", "40000000", False),
        ("nearly $3 billion", "3000000000", False),
        ("up to $75M", "75000000", False),
    ],
)
def test_parse_amount_with_words_before_the_number(text: str, value: str, is_floor: bool) -> None:
    parsed = parse_amount(text)

    assert parsed.money is not None
    assert (parsed.money.value, parsed.money.is_floor, parsed.money.text) == (Decimal(value), is_floor, text)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("MX$300 million", "300000000", "MXN"),
        ("200 million pesos", "200000000", "MXN"),
        ("NZ$20 million", "20000000", "NZD"),
        ("PLN 40 million", "40000000", "PLN"),
        ("RM50 million", "50000000", "MYR"),
        ("R$120 million", "120000000", "BRL"),
        ("30 million rand", "30000000", "ZAR"),
        ("TL 45 million", "45000000", "TRY"),  # the Turkish lira as Turkish news abbreviates it
    ],
)
def test_find_money_in_newly_listed_currencies(text: str, value: str, currency: str) -> None:
    (money,) = find_money(f"Acme raised {text} in a Series A.")

    assert (money.value, money.currency) == (Decimal(value), currency)


def test_rand_without_a_multiplier_is_a_word() -> None:
    assert find_money("Acme hired Rand, and 12 rand engineers joined.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("$75-million", "75000000"), ("C$1.2-billion", "1200000000"), ("€8-mn", "8000000")],
)
def test_a_hyphen_may_join_the_number_to_its_multiplier(text: str, value: str) -> None:
    (money,) = find_money(f"Orlenta closed a {text} Series B.")

    assert (money.value, money.text) == (Decimal(value), text)


def test_a_hyphen_before_a_word_that_is_no_multiplier_leaves_the_number() -> None:
    # '$5-month' is five dollars a month, and '$450-500 million' is a range: neither is read as one amount.
    assert [m.text for m in find_money("It costs $5-month; a $450-500 million round.")] == ["$5", "$450"]


@pytest.mark.parametrize("text", ["plus de 40 millions d'euros", "más de 40 millones de euros"])
def test_foreign_floor_words_make_a_floor(text: str) -> None:
    parsed = parse_amount(text)

    assert (parsed.money.value, parsed.money.is_floor) == (Decimal(40_000_000), True)


@pytest.mark.parametrize(("text", "value"), [("$3.5 mln", "3500000"), ("€1.2 bln", "1200000000")])
def test_wire_service_multipliers(text: str, value: str) -> None:
    (money,) = find_money(f"Orlenta raised {text} in new funding.")

    assert (money.value, money.text) == (Decimal(value), text)


def test_a_size_in_words_before_a_round_is_a_floor_in_dollars() -> None:
    (money,) = find_money("Orlenta closed a billion-dollar round.")
    parsed = parse_amount("Billion-dollar")

    assert (money.text, money.value, money.is_floor) == ("billion-dollar", Decimal(10**9), True)
    assert (parsed.money.value, parsed.money.currency, parsed.money.is_floor) == (Decimal(10**9), "USD", True)


def test_a_size_in_words_before_another_noun_is_no_amount() -> None:
    assert find_money("Orlenta is a billion-dollar company now.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.500.000,00", 1_500_000),
        ("1.500,50", Decimal("1500.50")),
        ("2 000 000", 2_000_000),
        ("2 000 000 €", 2_000_000),
        ("2000000 €", 2_000_000),
        ("12 500,5", Decimal("12500.5")),
        ("1.500", Decimal("1.500")),  # one and a half: an English decimal point, as before
    ],
)
def test_a_continental_grouping_reads_as_the_number_it_writes(text: str, value: Decimal) -> None:
    """A French, German or Swiss spreadsheet's amounts: thousands by points with a decimal comma, or by
    spaces, and the sign after a space. None of them reads any other way in English. ('2.000.000' stays
    unparseable: its column's '250.000' would read as 250.)"""
    parsed = parse_amount(text, "EUR")
    assert (parsed.status, parsed.money.value, parsed.money.currency) == (AmountStatus.PARSED, value, "EUR")


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$10-20M", 10_000_000, "USD"),
        ("$300-350 million", 300_000_000, "USD"),
        ("US$ 10-15 million", 10_000_000, "USD"),
        ("$10M–$12M", 10_000_000, "USD"),
        ("$10M - $20M", 10_000_000, "USD"),
        ("$1.5-2 billion", 1_500_000_000, "USD"),
        ("₹50-60 crore", 500_000_000, "INR"),
        ("between $10M and $20M", 10_000_000, "USD"),
        ("$300 million to $350 million", 300_000_000, "USD"),
        ("10 to 20 million", 10_000_000, "EUR"),  # the source's currency, as for '10 million'
        # the low end read as the high end is read: a decimal comma, a German scale, a high end's sign
        ("1-2,5 Mio. €", 1_000_000, "EUR"),
        ("€1-1,5 Mrd.", 1_000_000_000, "EUR"),
        ("£1-1,25m", 1_000_000, "GBP"),
        ("$10-20,5M", 10_000_000, "USD"),
        ("1,5-2 Mio. €", 1_500_000, "EUR"),
        ("between 1 and 2,5 million euros", 1_000_000, "EUR"),
        ("10 bis 20 Mio. €", 10_000_000, "EUR"),
        ("$10M-20M", 10_000_000, "USD"),
        ("$500k-1M", 500_000, "USD"),
        ("$900M-1.2B", 900_000_000, "USD"),
    ],
)
def test_a_range_in_a_cell_is_its_low_end_as_a_floor(text: str, value: int, currency: str) -> None:
    """A tracker's '$10-20M' says the round is at least $10M: read so, and flagged a floor, rather than
    quarantined as unparseable."""
    parsed = parse_amount(text, "EUR")
    assert parsed.status is AmountStatus.PARSED
    assert (parsed.money.value, parsed.money.currency, parsed.money.is_floor) == (value, currency, True)


@pytest.mark.parametrize(
    "text",
    [
        *("2025-2026", "2023-2024 USD", "2019-2020€", "10-20", "$20-10M", "$10M-€12M", "Series A-B"),
        *("$5M-$5M", "-$5M-", "$900-1.2B", "500-800.000 €", "$5k-10M"),
        # 'and' joins two sums unless a 'between' opens the range
        *("$5M and $10M", "3 and $5M"),
        # two separators, or a cell of prose: no range, and read at once
        *("$1-2-3M", " and ".join(["x"] * 300), "-".join(["a"] * 600)),
    ],
)
def test_what_is_no_range_of_money_stays_unparseable(text: str) -> None:
    """Years, bare numbers, a 'range' that falls or spans a thousandfold, one of two currencies, two sums
    joined by 'and': no amount to read."""
    assert parse_amount(text, "EUR").status is AmountStatus.UNPARSEABLE
