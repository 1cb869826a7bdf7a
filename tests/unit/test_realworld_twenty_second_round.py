"""The twenty-second round: names a story's framing puts before or in place of the company.

- A question word or pointer opening a sentence ("What's striking is that ...") is no company.
- A feature's headline that decodes or explains a company ("Decoding Brellmark Robotics's ...") names the
  company after its first word.
- A headline's description before the name ends at 'Maker' or 'Company' ("Humanoid Drone Maker Tessaly"),
  unless all that follows is one word names end with ("Orvane Maker Labs" is a whole name).
- "<Town>, <State>-based <what it is> <Name>" is the company after the description, at most three
  lower-case words of it ("Boise, Idaho-based battery startup Quorrel"), the town never the company.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from assets.parsing.prose import extract_prose_mentions
from assets.parsing.prose_names import valid_company
from assets.parsing.text_article import parse_text_article


def _read(text: str) -> list[tuple[str | None, str | None]]:
    """(company, amount) of every mention of `text`."""
    return [(m.company, m.amount) for m in extract_prose_mentions([text])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What’s striking is that they have already landed an initial investment of $140 million.", []),
        ("Which startup raised $40 million this week? Quorrel did.", []),
        ("Decoding Brellmark Robotics’s $300 Million Series E Financing Round",
         [("Brellmark Robotics", "$300 Million")]),
        ("Explaining Quorrel’s $12 Million Seed Round", [("Quorrel", "$12 Million")]),
        ("Humanoid Drone Maker Tessaly Raises $75 Million Series B, Valued at $1.2 Billion",
         [("Tessaly", "$75 Million")]),
        ("Warehouse Robot Company Pellmark Raises $40 Million", [("Pellmark", "$40 Million")]),
        ("Orvane Maker Labs raised $5 million in a seed round.", [("Orvane Maker Labs", "$5 million")]),
        ("The Bot Company raised $150 million.", [("The Bot", "$150 million")]),
        ("In March, Boise, Idaho-based battery startup Quorrel closed a $90 million Series C led by Fenwick "
         "Capital.", [("Quorrel", "$90 million")]),
        ("Palo Verde, Arizona-based grid software maker Quorrel raised $90 million.",
         [("Quorrel", "$90 million")]),
        ("Boise, Idaho-based Quorrel raised $90 million.", [("Quorrel", "$90 million")]),
    ],
)  # fmt: skip
def test_the_company_is_named_past_the_framing(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("name", "company"),
    [
        ("What", None),
        ("Whose", None),
        ("HERE", "HERE"),  # a mapping firm's name, in capitals
        ("Decoding Quorrel", "Quorrel"),
        ("Inside Quorrel", None),  # 'Inside Quorrel, the mood ...': where, not who
        ("Medical Device Maker Tessaly", "Tessaly"),
        ("Tessaly Maker Studios", "Tessaly Maker Studios"),
        ("Humanoid Robot Company Figure", "Figure"),
        ("Coffee Company Roastwell", "Coffee Company Roastwell"),  # one word of description: a name
        ("Decoding Health", "Decoding Health"),
    ],
)
def test_names_without_the_framing_words(name: str, company: str | None) -> None:
    assert valid_company(name) == company


def _document(text: str) -> list[tuple[str | None, str | None, str]]:
    """(company, amount, status) of every mention of `text` read as a whole plain-text page."""
    return [(m.company, m.amount, m.status) for m in parse_text_article(text).mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the denial in a later sentence points back to the report
        ("A report said Norwegian investors plan to invest $1 billion in Quorrel, according to people "
         "familiar with the matter. Quorrel denied the report on Friday.", []),
        # the report called false after it is told
        ("Quorrel raised $50 million in a Series B in 2024. Quorrel is reportedly in talks to raise $300 "
         "million. On Friday its founder said the report of Quorrel raising $300 million was “false”.",
         [("Quorrel", "$50 million", "announced")]),
        # a denial of something else leaves the reported round
        ("Quorrel reportedly raised $300 million from Fenwick Capital, sources said. Quorrel denied reports "
         "of layoffs.", [("Quorrel", "$300 million", "reported")]),
        # another company's denial leaves it too
        ("Quorrel is reportedly in talks to raise $300 million, sources said. Pellmark denied the report.",
         [("Quorrel", "$300 million", "reported")]),
        # an announced round is never taken back by a denial of a rumour
        ("Quorrel raised $40 million in a Series B led by Fenwick Capital. Quorrel dismissed the reports "
         "of a new $400 million round.", [("Quorrel", "$40 million", "announced")]),
    ],
)  # fmt: skip
def test_a_reported_round_the_document_says_was_denied_is_not_published(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _document(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("With this round, Quorrel has raised $50 million.", []),
        ("With the new funding, Quorrel has now raised $90 million in total.", []),
        # the simple past is the round itself
        ("With the fresh capital, Quorrel raised $20 million in a Series A.", [("Quorrel", "$20 million")]),
        # and a sentence that does not open on the new money keeps its raise
        ("Quorrel has raised $40 million in a Series B, with the new funding going to hiring.",
         [("Quorrel", "$40 million")]),
    ],
)  # fmt: skip
def test_what_a_company_has_raised_with_the_new_money_is_its_total(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the round told with its parts: one deal
        ("Quorrel just landed a US $190 million Series C — US $170 million in equity plus US $20 million "
         "in venture debt — led by Fenwick Capital.", [("Quorrel", "US $190 million")]),
        ("Quorrel raised a $50 million Series B ($40 million in equity and $10 million in debt) led by "
         "Fenwick.", [("Quorrel", "$50 million")]),
        ("Quorrel closed a $60 million round, made up of $45 million in equity and $15 million in venture "
         "debt.", [("Quorrel", "$60 million")]),
        # debt beside the round, not in it: a deal of its own
        ("Quorrel raised a $50 million Series B, plus $20 million in venture debt from Harbor Bank.",
         [("Quorrel", "$50 million"), ("Quorrel", "$20 million")]),
        # earlier rounds that happen to add up to the new one are no parts of it
        ("Quorrel raised $30 million in a Series B, after a $10 million Series A and a $20 million seed "
         "in 2023.", [("Quorrel", "$30 million"), ("Quorrel", "$20 million"), ("Quorrel", "$10 million")]),
    ],
)  # fmt: skip
def test_the_parts_of_a_round_are_no_deals_beside_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Proposed Placing to raise a minimum of £3 million to support expansion in Europe",
        "Placing and Subscription to raise approximately £763,000",
        "Kestrel Scales: $500B AI Infrastructure Lands Ahead of Schedule",
        "DeFi raised $40 million this month.",
        "Defense tech pulled in $3 billion in the quarter.",
    ],
)
def test_an_offering_s_defined_terms_and_a_sector_are_no_company(text: str) -> None:
    assert _read(text) == []


def test_a_company_named_after_its_sector_word_keeps_its_name() -> None:
    assert _read("Quorrel Robotics raised $40 million in a Series A.") == [
        ("Quorrel Robotics", "$40 million")
    ]


# A red team's inputs (its own words) that the round's first rules read worse than the code before.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Which Way Foods raised $12 million in a Series A.", [("Which Way Foods", "$12 million")]),
        ("How Good Foods Closes $15 Million Series A", [("How Good Foods", "$15 Million")]),
        ("WHY Labs raised $4 million in a seed round.", [("WHY Labs", "$4 million")]),
        ("Understanding Labs raised $6 million in a seed round.", [("Understanding Labs", "$6 million")]),
        ("Sweet Maker Bakery Raises $3 Million", [("Sweet Maker Bakery", "$3 Million")]),
        ("Pittsburgh, Pennsylvania-based robotics company and Carnegie Mellon spinout Roboflux raised $30 "
         "million.", []),
        ("Austin, Texas-based unit of Pellmark raised $10 million in a seed round.", []),
        ("With the new funding, Quorrel has closed a $25 million Series A led by Fenwick Capital.",
         [("Quorrel", "$25 million")]),
        ("With the new funding, Quorrel has raised $12 million in its seed round.",
         [("Quorrel", "$12 million")]),
        ("Quorrel raised a $50 million Series B, plus $20 million in venture debt and $30 million in credit "
         "from Harbor Bank.", [("Quorrel", "$50 million"), ("Quorrel", "$20 million")]),
        ("Quorrel raised a $50 million Series B ($25 million in equity and $25 million in debt).",
         [("Quorrel", "$50 million")]),
        ("Best Offer, a used-car marketplace, raised $25 million in a Series A.",
         [("Best Offer", "$25 million")]),
        ("Snackwell Subscription raised $10 million in a Series A.",
         [("Snackwell Subscription", "$10 million")]),
        ("Cybersecurity Inc raised $7 million in a Series A.", [("Cybersecurity", "$7 million")]),
    ],
)  # fmt: skip
def test_what_the_red_team_found_reads_as_before(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected


_REPORT = "Quorrel is reportedly in talks to raise $100 million, sources said. "


@pytest.mark.parametrize(
    "denial",
    [
        "Quorrel denied reports that its chief financial officer had resigned.",
        "Quorrel has not denied the report.",
        "Quorrel neither confirmed nor denied the report.",
        "Quorrel declined to comment, while Pellmark denied reports of its own $50 million round.",
        "Quorrel denied that it had laid off staff, calling the reports baseless.",
        "Regulators denied Quorrel's application for a lending license, the report said.",
        "Pellmark, a Quorrel rival, denied the report it was acquiring a stake in Vexo.",
    ],
)
def test_a_denial_that_is_not_the_company_denying_its_money_leaves_the_report(denial: str) -> None:
    assert _document(_REPORT + denial) == [("Quorrel", "$100 million", "reported")]


def test_a_denial_takes_back_only_the_denying_company_s_report() -> None:
    text = (
        "Quorrel and Pellmark are each in talks to raise $50 million, sources said. Quorrel denied the "
        "report, but Pellmark did not respond."
    )
    assert [company for company, _, _ in _document(text)] == ["Pellmark"]
