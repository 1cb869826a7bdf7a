"""The twenty-eighth round: a stage the page's head names, given to the deal its story sizes.

- A lettered series needs no word for the round to be taken without an amount: 'Quenby raises Series A
  backed by Kestrel', 'Quenby closed Series B led by Kestrel' (not 'Series A-1', 'Series Apartments',
  'Series A winners', a person's 'He raised Series B').
- A headline that names the company and the stage, over a story that sizes the round and names no stage:
  one deal, of that stage ('Quenby Raises Series A Funding' over 'Quenby raised $10.9 million'), whichever
  comes first. Not when the company has two sized rounds (which one the stage is of is not said), nor over
  a stage the story already gives.
- A headline that names the stage by what the company is ('AI news platform raises Series A') over a page
  whose one sized deal has no stage: that deal's stage (its earlier rounds, of other stages, may be told
  too). Not on a page of two stageless deals, not when the head tells of two stages, not from below the
  page's head.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from assets.parsing.prose import extract_prose_mentions


def _deals(*paragraphs: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, round, amount) of every mention of a page of `paragraphs` read as prose."""
    return [(m.company, m.round_text, m.amount) for m in extract_prose_mentions(list(paragraphs))]


@pytest.mark.parametrize(
    ("sentence", "deal"),
    [
        ("Quenby raises Series A backed by Kestrel Ventures", ("Quenby", "series_a", "undisclosed")),
        ("Quenby closed Series B led by Kestrel.", ("Quenby", "series_b", "undisclosed")),
        ("Quenby raises Series A", ("Quenby", "series_a", "undisclosed")),
    ],
)
def test_a_lettered_series_taken_without_a_word_for_the_round(sentence: str, deal: tuple) -> None:
    assert _deals(sentence) == [deal]


@pytest.mark.parametrize(
    "sentence",
    [
        "Quenby raised Series A-1 funding",
        "Quenby closes Series Apartments deal",
        "Quenby announces Series A winners",
        "He raised Series B, of course.",
    ],
)
def test_no_round_is_taken_from_words_that_only_look_like_a_series(sentence: str) -> None:
    assert _deals(sentence) == []


def test_the_headline_names_the_stage_of_the_round_its_story_sizes() -> None:
    headline = "Quenby Raises Series A Funding"
    story = "Quenby, a maker of warehouse robots, raised $10.9 million to hire engineers."
    assert _deals(headline, story) == [("Quenby", "series_a", "$10.9 million")]
    assert _deals(story, headline) == [("Quenby", "series_a", "$10.9 million")]


def test_a_stage_the_story_gives_stands_over_the_headlines() -> None:
    headline = "Quenby Raises Series A Funding"
    story = "Quenby, a maker of warehouse robots, raised $10.9 million in a seed round."
    assert _deals(headline, story) == [("Quenby", "seed", "$10.9 million")]


def test_no_stage_is_given_when_the_company_has_two_sized_rounds() -> None:
    headline = "Quenby Raises Series A Funding"
    story = "Quenby raised $10.9 million to hire engineers. It also raised $4 million to buy a warehouse."
    assert [deal[1] for deal in _deals(headline, story)] == [None, None]


def test_a_headline_naming_the_company_by_what_it_is_gives_the_stage() -> None:
    page = [
        "Exclusive",
        "Warehouse robotics startup raises Series A backed by Kestrel",
        "Quenby, a maker of warehouse robots, raised $10.9 million to hire engineers.",
    ]
    assert _deals(*page) == [("Quenby", "series_a", "$10.9 million")]


def test_the_headlines_stage_goes_to_the_stageless_deal_beside_an_earlier_round() -> None:
    page = [
        "Warehouse robotics startup raises Series A backed by Kestrel",
        "Quenby, a maker of warehouse robots, raised $10.9 million to hire engineers.",
        "Quenby raised a $2 million seed round from Ardent in 2021.",
    ]
    assert _deals(*page) == [("Quenby", "series_a", "$10.9 million"), ("Quenby", "seed", "$2 million")]


@pytest.mark.parametrize(
    "page",
    [
        # two stageless deals: which one the head is of is not said
        [
            "Warehouse robotics startup raises Series A backed by Kestrel",
            "Quenby raised $10.9 million to hire engineers.",
            "Talvora raised $7 million for its kitchens.",
        ],
        # a head of two stages
        [
            "Warehouse robotics startup raises Series A backed by Kestrel",
            "Fintech firm closes Series B led by Ardent",
            "Quenby raised $10.9 million to hire engineers.",
        ],
        # a stage told below the page's head is no headline's
        [
            "Funding news",
            "The week in robots",
            "Our picks",
            "Quenby raised $10.9 million to hire engineers.",
            "Elsewhere, a warehouse robotics startup raises Series A backed by Kestrel.",
        ],
    ],
)
def test_no_stage_is_given_where_the_head_does_not_say_whose(page: list[str]) -> None:
    assert ("Quenby", None, "$10.9 million") in _deals(*page)
