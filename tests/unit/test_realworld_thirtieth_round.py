"""The thirtieth round: a year said of another event after a round's amount does not date the round.

The words after an amount up to a comma, a bracket or another amount could date its deal, so 'raised $12
million in a Series A to expand the diner chain its grandfather opened in 2006' dated the raise 2006, and
on a dated page the same deal was published twice (2006 and the page's day). An amount alone in its
clause now has a shorter phrase: it also ends at a relative clause of a noun that is neither the round
nor its investors ('software that hospitals adopted in 2020') and at an owner's noun with a verb of its
own ('its grandfather opened in 2006'). A clause of the round itself keeps its date ('a round that its
backers led in August 2024', 'led by Accel that closed in April 2024', 'its long delayed Series B in May
2024'), and so do 'when', 'to', 'after', 'before' and 'since' clauses: three red teams found their year
as often the round's, and a past round told in a sentence of its own ('Before that, Plover raised $2.5
million after graduating from Techstars in 2021') passed for the news without it. In a funding history
(two amounts) the phrase is read as before.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from assets.parsing.prose import extract_prose_mentions

PUBLISHED = date(2025, 3, 4)


def _dated(sentence: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, the words dating it: None for the page's own date) of each mention."""
    found = extract_prose_mentions([sentence], published=PUBLISHED)
    return [(m.company, m.amount, m.announced) for m in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ashby Foods has raised $12 million in a Series A to expand the diner chain its grandfather "
        "opened in 2006.",
        "Mossgiel raised $12 million in a Series A for software that hospitals adopted in 2020.",
        "Redwick Health raised $16 million in a Series A after their trial ended in 2022.",
        "Brindle raised $4 million in a seed round for Leeds, where its first store opened in 2015.",
        "Zorin raised $27 million in a Series B to expand a product that launched in January 2024.",
    ],
)
def test_a_year_of_another_event_leaves_the_round_to_the_pages_date(sentence: str) -> None:
    [(_, _, announced)] = _dated(sentence)
    assert announced is None


@pytest.mark.parametrize(
    ("sentence", "announced"),
    [
        ("Dovecote AI raised $9 million in a seed round that its backers led in August 2024.", "August 2024"),
        ("Harlow Freight raised $40 million in a Series B round that the Berlin-based growth investor "
         "Kestrel Partners led in April 2023.", "April 2023"),
        ("Tallowmere raised $8 million in a round which closed in May 2024.", "May 2024"),
        ("Thistle Pay raised $10 million in a Series A its backers extended in March 2023.", "March 2023"),
        ("Dunmore Health raised $30 million in its long delayed Series B in May 2024.", "May 2024"),
        ("Quillon raised $5 million in a seed round when the market recovered in 2023.", "2023"),
        # the clause hangs off the investor, but says what the round did
        ("Ferro raised $9 million in a Series A led by Accel that closed in April 2024.", "April 2024"),
        ("Ostara raised $8 million in a Seed Round that was finalised in October 2024.", "October 2024"),
        ("Wenlock raised $3 million in a bridge that closed in February 2024.", "February 2024"),
        ("Lydd raised $28 million when its round concluded in August 2024.", "August 2024"),
        ("Deltic raised $7 million from angel investors who joined in April 2024.", "April 2024"),
        ("Silverline has raised $42 million in a Series B its board approved in February 2025.",
         "February 2025"),
        # a past round told in a sentence of its own: its year is what keeps it past
        ("Before that, Plover raised $2.5 million in pre-seed funding after graduating from Techstars in "
         "2021.", "2021"),
        ("Ashcombe raised $8 million in a Series A after it moved its offices to London in 2022.", "2022"),
    ],
)  # fmt: skip
def test_a_clause_of_the_round_itself_keeps_its_date(sentence: str, announced: str) -> None:
    [(_, _, found)] = _dated(sentence)
    assert found == announced


def test_a_history_keeps_its_first_rounds_year_and_the_second_rounds_stage() -> None:
    """'to hire staff in 2021' is as often the raise's year: the phrase does not end at 'to', so the
    first amount keeps its year and the second round stays the news."""
    sentence = (
        "Culver raised $4 million in a seed round to hire staff in 2021 and $12 million in a Series A this "
        "month."
    )
    assert sorted(_dated(sentence)) == [
        ("Culver", "$12 million", "this month"),
        ("Culver", "$4 million", "2021"),
    ]


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("Vellum AI, which raised $7 million from investors that backed it in 2022, raised $26 million in a "
         "Series A that closed in March 2024.",
         [("Vellum AI", "$26 million", "March 2024"), ("Vellum AI", "$7 million", "2022")]),
        ("Rowan Mobility, which raised $9 million from investors who backed it in 2021, has raised $27 "
         "million in a Series B.",
         [("Rowan Mobility", "$27 million", None), ("Rowan Mobility", "$9 million", "2021")]),
    ],
)  # fmt: skip
def test_in_a_funding_history_a_past_rounds_year_still_keeps_it_past(sentence: str, dated: list) -> None:
    """With two amounts the phrase is read as before: cut at 'that backed it', the older amount had no
    year left to make it past and passed for the news, taking the new round's stage."""
    assert sorted(_dated(sentence), key=str) == sorted(dated, key=str)
