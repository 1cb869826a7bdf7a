"""The thirty-second round: debt and corporate money, told by the borrower, the lender or the investor.

Debt news names the lender as often as the borrower, and the extractor read the subject as the company
that raised: 'The European Investment Bank has signed a €40 million venture debt agreement with Quenby'
published a deal of the bank's, and 'Eastbrook Bank provided Solvane with a $100 million loan' one of
Eastbrook's. Now:
- a subject that provides, extends, grants or lends a loan gives the money to whom it is provided
  ('provided Solvane with', 'to HVAC marketplace Coolhaus', 'lent installer Warmstead £40 million'), and
  never takes it itself ('Quenby provided a $5 million loan to one of its customers' is no deal);
- a lender that signs a loan agreement signs it with the borrower; a company that signs one is the
  borrower;
- more kinds of loan are rounds of debt ('loan agreement', 'revolving credit line', 'warehouse facility',
  'convertible notes', 'working capital line'), and so are 'was granted a loan of €12 million', 'has been
  sanctioned a ₹200 crore credit line', 'issued (sold) $150 million in convertible notes (green bonds)';
- a facility made bigger is its new size ('upsized from $50 million to $80 million', 'by A$25 million to
  A$100 million'), a drawdown from a loan already made is no raise, nor is an option to increase one;
- 'has taken a minority stake in Quenby, investing $30 million' is Quenby's; 'took a 51% stake in Quenby
  for $300 million' is a purchase from its holders, nobody's raise.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.prose_reading import deals_of_paragraph

PUBLISHED = date(2025, 3, 4)


def _deals(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return deals_of_paragraph(text, PUBLISHED)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Nordic Growth Bank has signed a €40 million venture debt agreement with Quillmoor Robotics.",
            ("Quillmoor Robotics", "debt", "€40 million"),
        ),
        (
            "Eastvale Bank provided Solbright Energy with a $100 million construction loan facility.",
            ("Solbright Energy", "debt", "$100 million"),
        ),
        (
            "Harrow Lane Capital and Orrin Bank have provided a £150 million forward flow and warehouse "
            "facility to Homestead Lending, a mortgage lender.",
            ("Homestead Lending", "debt", "£150 million"),
        ),
        (
            "The Pacific Resilience Bank has signed a loan agreement for up to $180 million with wind "
            "developer Truong Giang Power.",
            ("Truong Giang Power", "debt", "up to $180 million"),
        ),
        (
            "Callow Medical has agreed to provide Dosewell, a medication-adherence startup, with a $20 "
            "million loan facility.",
            ("Dosewell", "debt", "$20 million"),
        ),
        (
            "Tregarth Capital granted a $15 million loan facility to Quillmoor Robotics to buy new trucks.",
            ("Quillmoor Robotics", "debt", "$15 million"),
        ),
    ],
)
def test_a_lenders_loan_is_the_borrowers_deal(sentence: str, expected: tuple[str, str, str]) -> None:
    assert _deals(sentence) == [expected]


def test_a_lender_lends_and_a_startup_raises_in_one_sentence() -> None:
    sentence = (
        "Thornfield Bank lent heat-pump installer Warmwell £40 million to finance installations, and "
        "grid-software startup Phaseline closed a $55 million Series C."
    )
    assert sorted(_deals(sentence)) == [
        ("Phaseline", "series_c", "$55 million"),
        ("Warmwell", "debt", "£40 million"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Quillmoor Robotics provided a $5 million loan to one of its customers.",
        "Quillmoor Robotics has drawn down $18 million from the facility it signed in 2023.",
        "Maruyama took a 51% stake in Quillmoor Robotics for $300 million.",
    ],
)
def test_money_the_company_did_not_raise_is_no_deal(sentence: str) -> None:
    assert _deals(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Quillmoor Robotics has entered into a $75 million loan agreement with Blue Heron Capital.",
            ("Quillmoor Robotics", "debt", "$75 million"),
        ),
        (
            "Quillmoor Robotics upsized its credit facility from $50 million to $80 million.",
            ("Quillmoor Robotics", "debt", "$80 million"),
        ),
        (
            "Lendwise has increased its senior debt facility with Southwind Bank by A$25 million to "
            "A$100 million.",
            ("Lendwise", "debt", "A$100 million"),
        ),
        (
            "Quillmoor Robotics issued $150 million in convertible notes.",
            ("Quillmoor Robotics", "debt", "$150 million"),
        ),
        (
            "Sunmeadow Farms was granted a loan of €12 million by the Nordic Growth Bank.",
            ("Sunmeadow Farms", "debt", "€12 million"),
        ),
        (
            "Pune-based marketplace Tradewell has been sanctioned a ₹200 crore working capital line by "
            "Konkan Bank.",
            ("Tradewell", "debt", "₹200 crore"),
        ),
        (
            "Ferrante Group, the Milan-listed rail operator, sold €750 million of seven-year green bonds.",
            ("Ferrante Group", "debt", "€750 million"),
        ),
    ],
)
def test_the_borrowers_own_loans(sentence: str, expected: tuple[str, str, str]) -> None:
    assert _deals(sentence) == [expected]


def test_an_option_to_increase_a_loan_is_no_second_deal() -> None:
    sentence = (
        "Norrland Credit extended a SEK 400 million green loan to heat-storage startup Varmlager, with an "
        "option to increase the facility by a further SEK 200 million."
    )
    assert _deals(sentence) == [("Varmlager", "debt", "SEK 400 million")]


def test_a_stake_taken_by_investing_is_the_companys_raise() -> None:
    sentence = (
        "Trading house Morita & Co has taken a minority stake in FrostPath Asia, a cold-chain logistics "
        "firm, investing S$45 million."
    )
    [(company, _, amount)] = _deals(sentence)
    assert (company, amount) == ("FrostPath Asia", "S$45 million")


# A review of the round's first version, in its own words and ours: lending words that are no loan to the
# company, and raises next to them.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lendwell Capital has signed a $100 million credit facility with Orrin Bank.", []),
        ("Tarn Capital has agreed to invest $30 million in Quillmoor together with Solvane.",
         [("Quillmoor", None, "$30 million")]),
        ("After Orrin Bank extended credit to Quillmoor last year, Solvane raised $30 million in a Series B.",
         [("Solvane", "series_b", "$30 million")]),
        ("Quillmoor signed a $40 million credit card processing contract with Solvane.", []),
        ("Quillmoor signed a $30 million lease on a facility in Austin.", []),
        ("Quillmoor increased its loan book to $500 million last year.", []),
        ("With a government grant in hand, Quillmoor raised $10 million in seed financing.",
         [("Quillmoor", "seed", "$10 million")]),
        ("Quillmoor extends its seed round to $15 million with new debt financing.",
         [("Quillmoor", "debt", "$15 million")]),
        ("Quillmoor, whose app provides loans to gig workers, has raised $30 million in Series B funding.",
         [("Quillmoor", "series_b", "$30 million")]),
        ("Quillmoor, an employee stock option platform, has raised a Series A of $20 million.",
         [("Quillmoor", "series_a", "$20 million")]),
        ("Quillmoor expanded its warehouse facility in Reno to 80,000 square feet after raising $25 million.",
         [("Quillmoor", None, "$25 million")]),
    ],
)  # fmt: skip
def test_lending_words_that_lend_the_company_nothing(text: str, expected: list) -> None:
    assert _deals(text) == expected
