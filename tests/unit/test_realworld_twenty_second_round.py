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
        ("Robot Company Figure", "Figure"),
    ],
)
def test_names_without_the_framing_words(name: str, company: str | None) -> None:
    assert valid_company(name) == company
