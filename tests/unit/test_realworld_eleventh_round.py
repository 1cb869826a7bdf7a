"""Issue 10's eleventh round, in our own words: a company a story names in full once and shortly after.

A story names a company in full once ('Tallowmere Games.', 'Quenby Photonics Inc.', 'Brindle
Therapeutics BRND.O') and calls it by its first word where it reports the raise. The full name is the
company's: the words after the short name count while they are words names end with, up to the end of
the sentence, so the next sentence's first word ('Tallowmere Games. That ...') or a ticker is never part
of it.
"""

from __future__ import annotations

from datetime import date

import pytest

from assets.parsing.prose import extract_prose_mentions, resolve_short_names

PUBLISHED = date(2026, 3, 20)


def _resolved(text: str) -> list[tuple[str | None, str | None]]:
    """(company, amount) of every mention of `text` read as one paragraph, short names resolved."""
    mentions = resolve_short_names(extract_prose_mentions([text], published=PUBLISHED), text)
    return [(m.company, m.amount) for m in mentions]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("The top spot went to Denver-based Tallowmere Games. Tallowmere raised $40 million from Kestrel "
         "Fund.", "Tallowmere Games"),
        ("Quenby Photonics Inc. builds optical links. Quenby raised $34 million in a Series A.",
         "Quenby Photonics"),
        ("Shares of Brindle Therapeutics BRND.O rose on Monday. Brindle raised $250 million in its IPO.",
         "Brindle Therapeutics"),
        ("Chips were led by Pellmore Semiconductors.\nWhile Pellmore raised $3 million, others waited.",
         "Pellmore Semiconductors"),
        ("Hallam Biopharma Inc.’s chief executive spoke. Hallam closed a $100 million Series C.",
         "Hallam Biopharma"),
    ],
)  # fmt: skip
def test_a_short_name_takes_the_full_name_the_story_gives_it(text: str, company: str) -> None:
    [(name, _)] = _resolved(text)
    assert name is not None
    assert name.removesuffix(" Inc") == company


@pytest.mark.parametrize(
    "text",
    [
        # the words after it are no name's ending: 'Tallowmere Harbour' is another name
        "Tallowmere Harbour opened. Tallowmere raised $40 million from Kestrel Fund.",
        # a group's umbrella words alone make no fuller name
        "Tallowmere Global Inc. listed. Tallowmere raised $40 million from Kestrel Fund.",
    ],
)
def test_no_fuller_name_from_words_names_do_not_end_with(text: str) -> None:
    assert _resolved(text) == [("Tallowmere", "$40 million")]


def test_an_acronym_defined_where_no_deal_is_stated_is_the_full_name() -> None:
    text = (
        "Fennick Partners sold its stake in The Quiet Lantern Studios (QLS) at a profit. "
        "After QLS's $27 million Series C from Brae Capital, the firm waited."
    )
    assert _resolved(text) == [("The Quiet Lantern Studios", "$27 million")]


def test_an_acronym_no_name_defines_stays_as_written() -> None:
    text = "Analysts at Fennick Partners (FP) were surprised. QLC raised $27 million in a Series C."
    assert _resolved(text) == [("QLC", "$27 million")]


# -- a clause that opens before its subject ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "deals"),
    [
        ("While Pellmore raised $3 million, others waited.", [("Pellmore", "$3 million")]),
        ("While Pellmore raised $3 million, Quenby raised $2 million.",
         [("Pellmore", "$3 million"), ("Quenby", "$2 million")]),
        ("Although Pellmore closed a $3 million seed round, it cut staff.", [("Pellmore", "$3 million")]),
    ],
)  # fmt: skip
def test_a_subordinate_clause_keeps_its_subject(text: str, deals: list[tuple[str, str]]) -> None:
    assert _resolved(text) == deals


# -- a fund named after 'from' is the investor, not the money's purpose -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tallowmere raised $40 million from Kestrel Fund.",
        "Tallowmere raised $40 million led by Kestrel Growth Fund.",
    ],
)
def test_money_from_a_fund_is_a_raise(text: str) -> None:
    assert _resolved(text) == [("Tallowmere", "$40 million")]


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel raised $40 million for its third fund.",
        "Kestrel raised $40 million across two funds.",
    ],
)
def test_money_for_a_fund_is_still_no_raise(text: str) -> None:
    assert _resolved(text) == []
