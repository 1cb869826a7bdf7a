"""Company and investor names: match keys, display forms, name lists and the canonical alias book."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assets.normalize.names import (
    LEGAL_SUFFIX_WORDS,
    CanonicalCompany,
    Names,
    clean_name,
    default_names,
    name_key,
    one_spelling_each,
    split_name_list,
    split_parenthetical,
)
from schemas.reference import ReferenceDataError

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Cerebras Systems, Inc.", "cerebras systems"),
        ("Cerebras Systems", "cerebras systems"),
        ("Vogo Automotive Pvt. Ltd.", "vogo automotive"),
        ("Vogo Automotive Private Limited", "vogo automotive"),
        ("Nordwind GmbH", "nordwind"),
        ("Acme AG", "acme"),
        ("Acme Co., Ltd.", "acme"),
        ("Acme Pte. Ltd.", "acme"),
        ("Bogotá Labs", "bogota labs"),
        ('  "Acme Corp." ', "acme"),
        ("Acme\\xc2\\xa0Labs", "acme labs"),
        ("a16z", "a16z"),
        ("Series C+ Capital", "series c+ capital"),
        (None, ""),
        ("", ""),
    ],
)
def test_name_key(name: str | None, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("name", "display"),
    [
        ("Cerebras Systems, Inc.", "Cerebras Systems"),
        ("Vogo Automotive Pvt. Ltd.", "Vogo Automotive"),
        ('  "Acme Corp." ', "Acme"),
        ("“Quillworks”", "Quillworks"),
        ("**Orrin**", "Orrin"),
        ("Bogotá Labs", "Bogotá Labs"),
        ("Acme\xa0\xa0Labs", "Acme Labs"),
        ("Acme\\xc2\\xa0Labs", "Acme Labs"),
        ("xAI", "xAI"),
        # A name that is only an abbreviated legal form names no one: an export's broken cell ('Inc.'),
        # which validation then quarantines (company_present) rather than publish a deal named 'Inc'. A
        # whole word stays: a startup was called 'Company'.
        ("Company", "Company"),
        ("Inc.", ""),
        ("LLC", ""),
        ('"Bay" Fund', "Bay Fund"),
        ("Moody's Analytics", "Moody's Analytics"),
        (None, ""),
    ],
)
def test_clean_name(name: str | None, display: str) -> None:
    assert clean_name(name) == display


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("RadixArk (SGLang)", ("RadixArk", "SGLang")),
        ("Cerebras Systems (IPO)", ("Cerebras Systems", "IPO")),
        ("RadixArk(SGLang) ", ("RadixArk", "SGLang")),
        ("Acme ()", ("Acme", None)),
        ("Acme", ("Acme", None)),
        ("(SGLang)", ("(SGLang)", None)),
        ("Acme (Holdings) Ltd", ("Acme (Holdings) Ltd", None)),
    ],
)
def test_split_parenthetical(name: str, expected: tuple[str, str | None]) -> None:
    assert split_parenthetical(name) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Accel, Spark Capital and a16z", ["Accel", "Spark Capital", "a16z"]),
        ("Accel; Spark Capital", ["Accel", "Spark Capital"]),
        ("a16z & Lightspeed", ["a16z", "Lightspeed"]),
        ("Y Combinator | Accel", ["Y Combinator", "Accel"]),
        ("Andreessen Horowitz, Sequoia, and others", ["Andreessen Horowitz", "Sequoia"]),
        ("Accel, existing investors", ["Accel"]),
        ("Accel, Accel", ["Accel"]),
        ("Brand&Co, Acme", ["Brand&Co", "Acme"]),
        ("Sand Hill Ventures, Anderson Capital", ["Sand Hill Ventures", "Anderson Capital"]),
        ("Foo Capital LLC, Bar Partners Inc.", ["Foo Capital", "Bar Partners"]),
        ("", []),
        (None, []),
    ],
)
def test_split_name_list(text: str | None, names: list[str]) -> None:
    assert split_name_list(text) == names


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("RadixArk (SGLang)", CanonicalCompany("RadixArk", "SGLang")),
        ("Cerebras", CanonicalCompany("Cerebras Systems", "Cerebras")),
        ("Cerebras Systems", CanonicalCompany("Cerebras Systems", None)),
        ("Cerebras Systems, Inc.", CanonicalCompany("Cerebras Systems", None)),
        ("Radix Ark", CanonicalCompany("RadixArk", "Radix Ark")),
        ("Open AI", CanonicalCompany("OpenAI", "Open AI")),
        ("vLLM Inc", CanonicalCompany("Inferact", "vLLM")),
        ("Acme Labs Inc.", CanonicalCompany("Acme Labs", None)),
        ("  Acme\xa0Labs ", CanonicalCompany("Acme Labs", None)),
        ("", CanonicalCompany(None, None)),
        (None, CanonicalCompany(None, None)),
    ],
)
def test_company_canonical_name_and_alias(raw: str | None, expected: CanonicalCompany) -> None:
    assert default_names().company(raw) == expected


@pytest.mark.parametrize(
    ("raw", "investors"),
    [
        ("a16z", ["Andreessen Horowitz"]),
        ("A16Z", ["Andreessen Horowitz"]),
        (
            "a16z, Lightspeed and Sequoia",
            ["Andreessen Horowitz", "Lightspeed Venture Partners", "Sequoia Capital"],
        ),
        (["a16z", "Andreessen Horowitz"], ["Andreessen Horowitz"]),
        (["NVentures", "Foo Capital LLC"], ["NVIDIA", "Foo Capital"]),
        ("Accel Partners, Accel", ["Accel"]),
        ("Index", ["Index Ventures"]),
        (["", "  "], []),
        ([], []),
        (None, []),
    ],
)
def test_investor_list_is_canonical_ordered_and_unique(
    raw: list[str] | str | None, investors: list[str]
) -> None:
    assert default_names().investor_list(raw) == investors


def test_names_load_a_custom_alias_book(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(
        '[companies]\n"Quillworks" = ["Quill Works", "Quill"]\n\n'
        '[investors]\n"Northstar Ventures" = ["NSV"]\n',
        encoding="utf-8",
    )

    names = Names.load(path)

    assert names.company("Quill Works, Inc.") == CanonicalCompany("Quillworks", "Quill Works")
    assert names.company("QUILLWORKS") == CanonicalCompany("Quillworks", None)  # same key: no alias
    assert names.investor_list("NSV and Accel") == ["Northstar Ventures", "Accel"]
    # The default book's aliases are not in a custom one.
    assert names.investor_list("a16z") == ["a16z"]


legal_suffixes = st.sampled_from(
    ["Inc.", "Ltd", "LLC", "GmbH", "Pvt. Ltd.", "Corporation", "AG", "Private Limited"]
)
name_words = st.lists(
    st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True).filter(lambda w: w.lower() not in LEGAL_SUFFIX_WORDS),
    min_size=1,
    max_size=3,
)


@PROPERTY_SETTINGS
@given(words=name_words, suffix=legal_suffixes, comma=st.booleans())
def test_legal_suffix_never_changes_key_or_display(words: list[str], suffix: str, comma: bool) -> None:
    base = " ".join(words)
    full = f"{base}{',' if comma else ''} {suffix}"

    assert name_key(full) == name_key(base)
    assert clean_name(full) == base


@PROPERTY_SETTINGS
@given(text=st.text(max_size=40))
def test_name_key_is_idempotent(text: str) -> None:
    assert name_key(name_key(text)) == name_key(text)


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Fjordvalve AS", "fjordvalve"),
        ("Lunaport S.p.A.", "lunaport"),
        ("Satelia IoT Services, S.L.", "satelia iot services"),
        ("Koalytics Pty Ltd", "koalytics"),
        ("Tropiq Sdn. Bhd.", "tropiq"),
        ("Nordwind SE", "nordwind"),
    ],
)
def test_european_and_asian_corporate_forms_are_not_part_of_the_key(written: str, key: str) -> None:
    assert name_key(written) == key


def test_a_spelling_that_names_two_companies_is_refused(tmp_path: Path) -> None:
    """'Inferact' = ['RadixArk'] beside 'RadixArk' = ['Inferact'] merged the two companies' deals."""
    path = tmp_path / "aliases.toml"
    path.write_text(
        '[companies]\n"Inferact" = ["RadixArk"]\n"RadixArk" = ["Inferact"]\n'
        '"Quenby" = ["QB"]\n"Quenby Labs" = ["qb"]\n',
        encoding="utf-8",
    )

    with pytest.raises(ReferenceDataError) as raised:
        Names.load(path)

    message = str(raised.value)
    assert "'RadixArk' is an alias of 'Inferact' and a canonical name of its own" in message
    assert "'qb' is an alias of both 'Quenby' and 'Quenby Labs'" in message


def test_an_investor_written_with_its_other_name_in_parentheses_is_that_investor() -> None:
    names = default_names()
    assert names.investor_list(["Andreessen Horowitz (a16z)", "Lightspeed (LSVP)", "YC", "Y Combinator"]) == [
        "Andreessen Horowitz",
        "Lightspeed Venture Partners",
        "Y Combinator",
    ]
    # a parenthetical that is no other name of the same investor keeps it apart
    assert names.investor_list(["Sequoia Capital (India)", "Sequoia"]) == [
        "Sequoia Capital (India)",
        "Sequoia Capital",
    ]


def test_one_spelling_each_maps_the_other_spellings_of_a_name_to_the_usual_one() -> None:
    names = {"HARBOR FUND": 1, "Pine Capital": 3, "harbor fund": 1, "Harbor Fund": 1, "Harbor Fund, L.P.": 1,
             "KKR": 1, "kkr": 1, "GV": 9, "Gv": 1}  # fmt: skip
    assert one_spelling_each(names) == {
        "HARBOR FUND": "Harbor Fund",  # as often as the others: the one that mixes cases
        "harbor fund": "Harbor Fund",
        "Harbor Fund, L.P.": "Harbor Fund",
        "kkr": "KKR",  # neither mixes cases: the first in sort order
        "Gv": "GV",  # written most often: one stray spelling never respells it
    }
    assert one_spelling_each(dict(reversed(names.items()))) == one_spelling_each(names)
    assert one_spelling_each({"Pine Capital": 1, "Oak Partners": 2}) == {}
