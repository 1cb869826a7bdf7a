"""Regressions: bugs review found in the parsers and normalisers (each comment says what used to happen)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import html

from assets.normalize.amounts import AmountStatus, find_money, parse_amount
from assets.normalize.dates import parse_date
from assets.normalize.mentions import References, normalize_record
from assets.normalize.names import clean_name, name_key, split_name_list
from assets.normalize.rounds import find_round
from assets.parsing.html_article import parse_article
from assets.parsing.html_tables import extract_table_mentions, header_fields, split_amount_cell
from assets.parsing.newsletter import markdown_paragraphs
from assets.parsing.prose import extract_prose_mentions
from assets.parsing.sentences import split_sentences
from assets.parsing.table_export import read_table_export
from assets.sources import RegistryError, parse_registry
from schemas.reference.wording import CURRENCY_SIGNS
from schemas.vocabulary import default_currencies

# ---- amounts ---------------------------------------------------------------------------------------------


def test_find_money_span_excludes_the_space_before_a_currency_word() -> None:
    # Was: start points at the space: text[start:end] == ' 1.5 billion dollars', .text has no space.
    text = "The lab raised 1.5 billion dollars."

    (money,) = find_money(text)

    assert text[money.start : money.end] == money.text == "1.5 billion dollars"


def test_find_money_does_not_read_nz_dollars_as_us_dollars() -> None:
    # Was: '$20 million' with currency USD; 'NZ' is dropped although the code says a '$' glued to a word
    # character on the left is not a price.
    found = find_money("Kiwi Robotics raised NZ$20 million in a Series A.")

    assert [(m.text, m.currency, m.value) for m in found] == [("NZ$20 million", "NZD", 20_000_000)]


@pytest.mark.parametrize("text", ["A team of 12 won the hackathon.", "There are 3 real problems with it."])
def test_find_money_ignores_english_words_that_spell_a_currency(text: str) -> None:
    # Was: Money(12, 'KRW') from '12 won' and Money(3, 'BRL') from '3 real'.
    assert find_money(text) == []


def test_prose_does_not_take_a_count_of_real_customers_as_money() -> None:
    # Was: a mention of Orrin with amount '3 real' (3 Brazilian reais).
    assert extract_prose_mentions(["Orrin raised a seed round after 3 real customers signed on."]) == []


@pytest.mark.parametrize(
    ("text", "decimal_comma_value"),
    [("$1,000,00", None), ("€1,50 million", "1500000"), ("$5,00", "5")],
)
def test_parse_amount_rejects_digit_groups_that_are_neither_western_nor_indian(
    text: str, decimal_comma_value: str | None
) -> None:
    # Was: 100000, 150000000 and 500. '€1,50 million' is European for 1.5 million, read 100 times too big.
    # Correct: unparseable, or (where the comma can only be a decimal comma) the decimal-comma value.
    parsed = parse_amount(text)

    if parsed.status is not AmountStatus.UNPARSEABLE:
        assert parsed.money is not None
        assert decimal_comma_value is not None
        assert parsed.money.value == Decimal(decimal_comma_value)


# ---- dates -----------------------------------------------------------------------------------------------


def test_parse_date_reads_sept_without_a_period() -> None:
    # Was: None. 'Sept. 4, 2026' parses, and the prose extractor hands over 'Sept 4, 2026' as an explicit
    # date, so the mention is quarantined under announced_date_parseable.
    (mention,) = extract_prose_mentions(["Orrin raised a $5M seed round on Sept 4, 2026."])

    assert mention.announced == "Sept 4, 2026"
    assert parse_date(mention.announced) == date(2026, 9, 4)


# ---- sentences and prose ---------------------------------------------------------------------------------


def test_split_sentences_keeps_the_closing_quote() -> None:
    # Was: ['She said "we raised $5M.', 'Then she left.'] (the closing quote is lost from the snippet).
    assert split_sentences('She said "we raised $5M." Then she left.') == [
        'She said "we raised $5M."',
        "Then she left.",
    ]


def test_split_sentences_after_a_series_letter() -> None:
    # Was: one sentence; 'B.' is taken for an initial.
    assert split_sentences("Orrin raised $5M in a Series B. Rival Vexa is valued at $2B.") == [
        "Orrin raised $5M in a Series B.",
        "Rival Vexa is valued at $2B.",
    ]


def test_prose_does_not_give_one_company_the_next_sentences_valuation() -> None:
    # Was: Orrin gets valuation '$2B', Vexa's valuation from the next sentence.
    (mention,) = extract_prose_mentions(["Orrin raised $5M in a Series B. Rival Vexa is valued at $2B."])

    assert (mention.company, mention.amount, mention.valuation) == ("Orrin", "$5M", None)


@pytest.mark.parametrize(
    ("sentence", "round_slug"),
    [
        ("Orrin raised $20M in funding.", None),
        ("Orrin raised $20M in seed funding.", "seed"),
        ("Orrin raised $20M in new funding led by Accel.", None),
    ],
)
def test_prose_amount_in_funding_is_a_raise(sentence: str, round_slug: str | None) -> None:
    # Was: no mention. 'in ... funding' matches the fund-size rule ('fund' is matched as a prefix).
    (mention,) = extract_prose_mentions([sentence])

    assert (mention.company, mention.amount, mention.round_text) == ("Orrin", "$20M", round_slug)


def test_prose_possessive_round_subject_names_the_company() -> None:
    # Was: company "Orrin's Series A".
    (mention,) = extract_prose_mentions(["Orrin's Series A brought in $12M."])

    assert (mention.company, mention.round_text, mention.amount) == ("Orrin", "series_a", "$12M")


def test_find_round_series_c_plus() -> None:
    # Was: 'series_c'; resolve_round('Series C+') gives 'series_c_plus', prose loses the '+'.
    assert find_round("closed an $80M Series C+ round") == "series_c_plus"


# ---- names -----------------------------------------------------------------------------------------------


def test_split_name_list_splits_on_newlines() -> None:
    # Was: ['Accel Index Ventures']: white space is collapsed before the '\n' separator is looked for.
    assert split_name_list("Accel\nIndex Ventures") == ["Accel", "Index Ventures"]


def test_clean_name_leaves_no_dangling_ampersand() -> None:
    # Was: 'Brown &' ('Co' is dropped as a legal suffix, the '&' before it stays).
    assert not clean_name("Brown & Co.").endswith("&")


@pytest.mark.parametrize(
    "name", ["Telefonica S.A.", "Philips N.V.", "Adyen B.V.", "Sony K.K.", "Acme L.L.C."]
)
def test_dotted_legal_suffixes_are_removed(name: str) -> None:
    # Was: name_key('Telefonica S.A.') == 'telefonica s a'; 'sa', 'nv', 'bv', 'kk', 'llc' are listed as
    # suffixes but their dotted spellings fold to separate letters.
    base = name.split(" ")[0]

    assert name_key(name) == name_key(base)
    assert clean_name(name) == base


# ---- HTML tables and pages -------------------------------------------------------------------------------


def test_funding_round_header_is_the_round_column() -> None:
    # Was: {0: 'company', 1: 'amount'}: 'Funding round' is claimed as the amount and 'Amount' is dropped,
    # so the row's amount text is 'Series A' and '$5M' is lost.
    assert header_fields(["Company", "Funding round", "Amount"]) == {0: "company", 1: "round", 2: "amount"}
    markup = (
        "<table><tr><th>Company</th><th>Funding round</th><th>Amount</th></tr>"
        "<tr><td>Orrin</td><td>Series A</td><td>$5M</td></tr></table>"
    )
    (mention,) = extract_table_mentions(html.fragment_fromstring(markup), 0)
    assert (mention.round_text, mention.amount) == ("Series A", "$5M")


def test_split_amount_cell_parenthesised_post_money() -> None:
    # Was: amount '$100M', valuation '$20M' (swapped: the tail check reads '(post-money' after $20M).
    amount, valuation = split_amount_cell("$20M (post-money $100M)")

    assert (amount and amount.text, valuation and valuation.text) == ("$20M", "$100M")


def test_published_line_in_its_own_paragraph_after_a_heading() -> None:
    # Was: None. text_content() glues blocks together ('Weekly roundupPublished on ...'), so '\bPublished'
    # never matches; with a following paragraph the date runs into its text ('2026.Next').
    page = (
        "<html><body><h1>Weekly roundup</h1><p>Published on March 3, 2026</p><p>Orrin grew.</p></body></html>"
    )

    assert parse_article(page).published == date(2026, 3, 3)


# ---- newsletters -----------------------------------------------------------------------------------------


def test_markdown_list_items_without_periods_stay_separate_deals() -> None:
    # Was: the items join into one paragraph; one mention for Orrin with lead investors
    # ['Accel Vexa raised $45M', 'Index Ventures'], and Vexa's deal is lost.
    markdown = (
        "This week's rounds:\n\n"
        "- Orrin raised $20M in a seed round led by Accel\n"
        "- Vexa raised $45M in a Series A led by Index Ventures\n"
    )

    mentions = extract_prose_mentions(markdown_paragraphs(markdown))

    assert [(m.company, m.amount, m.lead_investors) for m in mentions] == [
        ("Orrin", "$20M", ["Accel"]),
        ("Vexa", "$45M", ["Index Ventures"]),
    ]


# ---- table exports ---------------------------------------------------------------------------------------


def test_json_export_with_an_investor_array(tmp_path: Path) -> None:
    # Was: crash inside split_name_list (TypeError or ValueError, not TableExportError): DuckDB hands the
    # JSON list over as a numpy array, and split_name_list expects text.
    path = tmp_path / "deals.json"
    path.write_text(json.dumps([{"company": "Orrin", "amount": "$5M", "investors": ["Accel", "Index"]}]))

    frame = read_table_export(path, "json")

    assert frame["investors"].tolist() == [["Accel", "Index"]]


def test_jsonl_export_with_a_day_first_date_string(tmp_path: Path) -> None:
    # Was: TableExportError 'invalid date field format: "01-02-2026"': DuckDB types the column as a date.
    path = tmp_path / "deals.jsonl"
    path.write_text('{"company": "Orrin", "announced_date": "01-02-2026"}\n')

    frame = read_table_export(path, "jsonl")

    assert frame["announced"].tolist() == ["01-02-2026"]


def test_jsonl_export_with_mixed_number_and_text_amounts(tmp_path: Path) -> None:
    # Was: ['5000000', '"$5M"']: the column becomes JSON and the text keeps its quotes.
    path = tmp_path / "deals.jsonl"
    path.write_text('{"company": "Orrin", "amount": 5000000}\n{"company": "Vexa", "amount": "$5M"}\n')

    frame = read_table_export(path, "jsonl")

    assert frame["amount"].tolist() == ["5000000", "$5M"]


def test_json_export_values_are_text(tmp_path: Path) -> None:
    # Was: 5000000 (int) and Timestamp('2026-01-02'); the module promises every value as text.
    path = tmp_path / "deals.json"
    path.write_text(json.dumps([{"company": "Orrin", "amount": 5000000, "announced_date": "2026-01-02"}]))

    frame = read_table_export(path, "json")

    assert (frame["amount"].tolist(), frame["announced"].tolist()) == (["5000000"], ["2026-01-02"])


# ---- source registry -------------------------------------------------------------------------------------

SOURCE = '[[source]]\nid = "a"\nkind = "article"\nurl = "x.html"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # Was: accepted, enabled=True (bool('false')).
        (SOURCE + 'enabled = "false"\n', "'enabled'"),
        # Was: accepted as max_bytes=True, a 1-byte cap.
        (SOURCE + "max_bytes = true\n", "'max_bytes' must be a positive integer"),
        # Was: accepted, id 'a\n' ('$' matches before a trailing newline).
        ('[[source]]\nid = "a\\n"\nkind = "article"\nurl = "x.html"\n', "'id' must be a slug"),
        # Was: ValueError 'dictionary update sequence element #0 has length 1'.
        (SOURCE + 'options = "csv"\n', "'options'"),
        # Was: "url 'ftp://x/y': only http, ..." without naming the source, unlike every other error.
        ('[[source]]\nid = "a"\nkind = "article"\nurl = "ftp://x/y"\n', r"source #1 \('a'\)"),
    ],
)
def test_registry_rejects_with_a_message_naming_source_and_field(text: str, message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        parse_registry(text, Path("/srv/dealmap"))


# ---- normalisation ---------------------------------------------------------------------------------------


def test_unknown_row_currency_is_not_converted_as_the_source_default() -> None:
    # Was: currency 'NZD' (kept as written, correct) but amount_usd 5000000 at fx 1.0: the amount was
    # parsed with the source's default currency (USD) and converted as dollars. (NZD now has rates, so the
    # unknown currency here is the naira, which the ECB does not quote.)
    row = {
        "company_text": "Lagos Robotics",
        "amount_text": "5000000",
        "currency_text": "NGN",
        "default_currency": "USD",
    }

    record = normalize_record(row, References.of())

    assert record["currency"] == "NGN"
    assert (record["amount_usd"], record["fx_usd_per_unit"]) == (None, None)


@pytest.mark.parametrize("sign", ["$", "€", "£", "₺", "₩", "₪", "฿", "₱"])
def test_a_share_price_range_is_not_a_raise_in_any_currency_sign(sign: str) -> None:
    # Was: '₺17 to ₺19 per share' read as a ₺17 raise, where the same sentence with $ or € yielded the
    # real raise: the signs were written out in a dozen regexes instead of taken from currencies.toml.
    sentence = (
        f"Kestrel Robotics priced its IPO at {sign}17 to {sign}19 per share, raising {sign}300 million."
    )
    assert [(m.company, m.amount) for m in extract_prose_mentions([sentence])] == [
        ("Kestrel Robotics", f"{sign}300 million")
    ]


def test_every_one_character_sign_of_the_vocabulary_is_in_the_shared_class() -> None:
    signs = {s for s in default_currencies().symbol_map() if len(s) == 1 and not s.isalnum()}
    assert signs
    assert signs <= set(CURRENCY_SIGNS)
    assert {"₿", "₦", "৳"} <= set(CURRENCY_SIGNS)  # Unicode's signs, not only the listed ones
    assert not set(CURRENCY_SIGNS) & set("]\\^-%#")  # safe inside a character class
