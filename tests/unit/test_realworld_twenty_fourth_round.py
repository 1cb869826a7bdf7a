"""The twenty-fourth round: what a listed company's announcement says of itself.

- A legend in capitals above a release's dateline ('NOT FOR DISTRIBUTION TO U.S. NEWSWIRE SERVICES ...')
  is a line of its own, though it holds the dots of 'U.S.': run into the dateline, it hid the issuer's
  name. However long such legends are, they are no part of the opening a release defines its issuer in.
- The issuer's definition may come after its listings ('Corvid Minerals Inc. (CSE: CVM) (OTCQB: CVMNF)
  ("Corvid" or the "Company")'), define a group beside it ('("Tessa", the "Group" or the "Company")'),
  end on a lower-case legal form ('Tessa Labs plc'), close a term with an opening mark ('the “Company“'),
  follow a date run into it ('31 May 2024 Tessa Labs plc (...)') or stand on a line of its own below the
  name ('TESSA LABS PLC', then '("Tessa", the "Company" or the "Group")').
- The name a release defines as "the Company" is the issuer, even when it reads like an investor's
  ('Northfield Capital Corporation') or like a code ('QRT22 PLC'); not when the release only notes that
  another company raised ('noted that its portfolio company Brimwell raised $5 million').
- A release's headline after its issuer's name ('Tessa Labs plc Proposed Placing to raise £3 million') and
  a clause that opens on the offering the release defined ('Proposed Placing and Subscription to raise
  ...', 'The Share Issue ... is expected to raise ...') are the issuer's; the capitals and the article
  tell a defined offering from a word ('Subscription revenue rose to $5 million' is none).
- A UK placing with its subscription or open offer ('placing and
  subscription', 'proposed placing') and a Nordic 'directed share issue' are post-IPO rounds ('placing'
  alone still names none).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from assets.normalize.rounds import find_round
from assets.parsing.newsletter import markdown_paragraphs
from assets.parsing.prose import extract_prose_mentions
from assets.parsing.releases import issuer_definition, offering_opening, without_offering
from assets.parsing.text_article import parse_text_article


def _prose_deals(*paragraphs: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round) of every mention of `paragraphs` read as prose."""
    return [(m.company, m.amount, m.round_text) for m in extract_prose_mentions(list(paragraphs))]


def _article_deals(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round) of every mention of `text` read as a whole page."""
    return [(m.company, m.amount, m.round_text) for m in parse_text_article(text).mentions]


_LEGEND = (
    "NOT FOR DISTRIBUTION TO U.S. NEWSWIRE SERVICES OR FOR DISSEMINATION, DIRECTLY OR INDIRECTLY, IN THE "
    "UNITED STATES"
)


def test_a_legend_in_capitals_with_abbreviations_is_a_line_of_its_own() -> None:
    text = (
        f"{_LEGEND}\nOTTAWA, March 3, 2025 (GLOBE NEWSWIRE) — Corvid Minerals Inc. (TSXV: CVM) (the "
        "“Company”) is pleased to announce the closing of its private placement for gross proceeds of "
        "$2,400,000."
    )
    paragraphs = markdown_paragraphs(text)
    assert paragraphs[0] == _LEGEND
    assert paragraphs[1].startswith("OTTAWA, March 3, 2025")
    assert _article_deals(text) == [("Corvid Minerals", "$2,400,000", "post_ipo")]


def test_a_sentence_in_capitals_is_no_legend() -> None:
    # a full stop after a word of capitals ends a sentence: the line runs on with the next, as prose does
    paragraphs = markdown_paragraphs("ORVANE CLOSED ITS ROUND.\nIt was led by Tern Capital.")
    assert len(paragraphs) == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Corvid Minerals Inc. (CSE: CVM) (OTCQB: CVMNF, Frankfurt: 9CV) (“Corvid” or the “Company“), is '
         "pleased", "Corvid Minerals Inc."),
        ('Corvid Minerals Corp. (TSX-V: CVM.A) (the “Company”) is pleased', "Corvid Minerals Corp."),
        ('Tessa Labs plc ("Tessa", the "Group" or the "Company") Proposed Placing', "Tessa Labs plc"),
        ('Tessa Labs PLC ("Tessa", the "Company" or the "Group") Proposed Placing', "Tessa Labs PLC"),
        ('31 May 2024 Tessa Labs plc ("Tessa", the "Group" or the "Company") Placing', "Tessa Labs plc"),
        ('Orvane AB (publ) (the "Company") has resolved', "Orvane AB"),
        # no definition: a listing alone, or a term that is no issuer's
        ("Corvid Minerals Inc. (TSXV: CVM) is pleased", None),
        ('Corvid Minerals Inc. (the "Offering") closed', None),
    ],
)  # fmt: skip
def test_issuer_definitions_as_releases_write_them(text: str, name: str | None) -> None:
    issuer = issuer_definition(text)
    assert (issuer.name if issuer else None) == name


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["OTTAWA, July 19, 2024 (GLOBE NEWSWIRE) — Northfield Capital Corporation (TSX-V: NFD.A) (the "
          "“Company”) is pleased to announce that it completed its previously announced non-brokered private "
          "placement for aggregate gross proceeds of $7,367,000 (the “Offering”)."],
         [("Northfield Capital", "$7,367,000", "post_ipo")]),
        (['Northfield Capital Corporation (TSX-V: NFD.A) (the "Company") closed a private placement for '
          "gross proceeds of $5,000,000."], [("Northfield Capital", "$5,000,000", "post_ipo")]),
        # the release notes another company's round: that company's
        (['Northfield Capital Corporation (the "Company") noted that its portfolio company Brimwell raised '
          "$5 million."], [("Brimwell", "$5 million", None)]),
        (['QRT22 PLC ("QRT22", the "Company" or the "Group") Proposed Placing and Subscription to raise '
          "£9.2 million at a price of 40 pence per share"], [("QRT22", "£9.2 million", "post_ipo")]),
        # an investor named so without a release's definition stays no company
        (["Northfield Capital Corporation raised $5 million."], []),
    ],
)  # fmt: skip
def test_the_issuer_a_release_defines_is_the_company(paragraphs: list[str], expected: list) -> None:
    assert _prose_deals(*paragraphs) == expected


def test_a_definition_on_its_own_line_below_the_name_defines_the_issuer() -> None:
    page = (
        "Proposed Placing and Subscription\n\nRNS Number : 4471K\n\nQRT22 PLC\n\n"
        f"{'THIS ANNOUNCEMENT IS RESTRICTED AND IS NOT FOR RELEASE IN ANY JURISDICTION. ' * 50}\n\n"
        'QRT22 PLC\n\n("QRT22", the "Company" or the "Group")\n\n'
        "Proposed Placing and Subscription to raise £9.2 million at a price of 40 pence per share\n"
    )
    assert _article_deals(page) == [("QRT22", "£9.2 million", "post_ipo")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Tessa Labs plc ("Tessa", the "Group" or the "Company") Proposed Placing to raise a minimum of £3 '
         "million to support its expansion", [("Tessa Labs", "£3 million", "post_ipo")]),
        ("Tessa Labs plc Proposed Placing to raise a minimum of £3 million to support its expansion",
         [("Tessa Labs", "£3 million", "post_ipo")]),
        ('Tessa Labs AB (publ) (the "Company") has resolved on a directed share issue of approximately SEK '
         "70 million.", [("Tessa Labs", "SEK 70 million", "post_ipo")]),
        # an offering with no issuer named anywhere is nobody's
        ("Proposed Placing and Subscription to raise £9.2 million", []),
    ],
)  # fmt: skip
def test_a_headline_after_the_issuer_and_its_offering(text: str, expected: list) -> None:
    assert _prose_deals(text) == expected


def test_a_clause_that_opens_on_the_defined_offering_is_the_issuers() -> None:
    deals = _prose_deals(
        'Tessa Labs AB (publ) (the "Company") has chosen to evaluate a directed share issue (the "Share '
        'Issue").',
        "The Share Issue will be carried out through an accelerated bookbuilding, and is expected to raise "
        "gross proceeds of at least SEK 70 million.",
    )
    assert [(company, amount) for company, amount, _ in deals] == [("Tessa Labs", "at least SEK 70 million")]


def test_a_story_about_one_company_gives_it_no_defined_offering() -> None:
    # the company named before is no owner of what opens on a word that only looks like an offering
    deals = _prose_deals(
        "Orvane raised $20 million in a Series B.", "Subscription revenue rose to $5 million."
    )
    assert deals == [("Orvane", "$20 million", "series_b")]


@pytest.mark.parametrize(
    ("text", "offering"),
    [
        ("Proposed Placing and Subscription to raise", "Proposed Placing and Subscription"),
        ("The Share Issue is expected to raise", "The Share Issue"),
        ("The Offering closed", "The Offering"),
        ("Placing and Open Offer to raise", "Placing and Open Offer"),
        ("Subscription revenue rose", None),
        ("Offering a bounty, Orvane", None),
        ("The offering closed", None),  # a story's own word, in lower case
        ("Placing its valuation at", None),
    ],
)
def test_what_opens_on_a_defined_offering(text: str, offering: str | None) -> None:
    assert offering_opening(text) == offering


@pytest.mark.parametrize(
    ("subject", "rest"),
    [
        ("Tessa Labs plc Proposed Placing to", "Tessa Labs plc"),
        ("Tessa Labs plc Placing and Subscription", "Tessa Labs plc"),
        ("Tessa Labs AB Share Issue to", "Tessa Labs AB"),
        ("Tessa Labs plc", None),
        ("Orvane, which sells placing services,", None),
    ],
)
def test_the_offering_named_after_the_issuer_comes_off(subject: str, rest: str | None) -> None:
    assert without_offering(subject) == rest


@pytest.mark.parametrize(
    ("written", "round_type"),
    [
        ("a placing and subscription", "post_ipo"),
        ("the proposed placing", "post_ipo"),
        ("a placing and open offer", "post_ipo"),
        ("a directed share issue", "post_ipo"),
        ("placing its valuation at", None),
    ],
)
def test_listed_offerings_in_the_vocabulary(written: str, round_type: str | None) -> None:
    assert find_round(written) == round_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quellmark Inc. CEO Dana Reyes said the firm's $55 million Series A financing will fund its first "
         "trial.", [("Quellmark", "$55 million", "series_a")]),
        ("Quellmark CEO Dana Reyes said the company's $55 million Series A will fund a trial.",
         [("Quellmark", "$55 million", "series_a")]),
        # the officer's own firm is no round's owner when another company is named
        ("Quellmark CEO Dana Reyes said Tessaro's $55 million Series A was a bold bet.",
         [("Tessaro", "$55 million", "series_a")]),
        # nor when the officer's firm backed the startup spoken of
        ("Ostrel CEO Jane Doe, whose company led the deal, said the startup's $9 million seed round was "
         "oversubscribed.", []),
        ("Brixel, a customer of Ostrel, raised $12 million. Ostrel CEO Jane Doe said the startup's $12 "
         "million round showed demand for its tools.", [("Brixel", "$12 million", None)]),
    ],
)  # fmt: skip
def test_an_officer_speaks_of_the_firms_own_round(text: str, expected: list) -> None:
    assert _prose_deals(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Household robotics maker Sunday closed a $165 million round.", [("Sunday", "$165 million", None)]),
        ("Calendar startup Monday raised $20 million in a Series A.",
         [("Monday", "$20 million", "series_a")]),
        # a day after 'the', or after a noun any company is called by, is when
        ("Orvane is a robotics startup. The startup Monday said it raised $20 million in a Series A.",
         [("Orvane", "$20 million", "series_a")]),
        ("Israeli company Monday said it raised $20 million.", []),
        # a second red team's: an article or possessive anywhere before the day makes it a date
        ("Brixel makes warehouse robots. The Paris-based startup Tuesday raised $8 million in seed funding.",
         [("Brixel", "$8 million", "seed")]),
        ("Orvane builds chips. Its AI chip rival Tuesday raised $25 million in Series A funding.",
         [("Orvane", "$25 million", "series_a")]),
        ("The robotics maker Sunday closed a $165 million round.", []),
        ("A robotics maker Sunday closed a $165 million round.", []),
    ],
)  # fmt: skip
def test_a_company_named_for_a_day_after_what_it_is(text: str, expected: list) -> None:
    assert _prose_deals(text) == expected


# What a red team found in the rules above, in its own words and ours: an investment firm's release is
# about the money it puts in as often as about the money it raises.
@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # the firm buys, lends or invests: the money is another company's, or no deal at all (the thirty-
        # second round gives a loan the firm extends to its borrower)
        (['Maplecrest Capital Corp. (TSXV: MCC) (the "Company") announces that it has subscribed for '
          "2,000,000 common shares of Lorrimer Health Inc. for $1,000,000."], []),
        (['Venterra Capital Corp. (Nasdaq: VNCC) (the "Company") announced that it has funded a $25 million '
          "senior secured term loan to Loomcraft AI."], []),
        # (since the thirty-sixth round, 'an investment of $X in' names who took the money, as a loan's
        # borrower is named: the investment is Hart Medical's)
        (['Fernleaf Ventures Ltd. (the "Company") is pleased to announce that it has completed its '
          "investment of $500,000 in Hart Medical."], [("Hart Medical", "$500,000", None)]),
        (['Brookvale Capital Inc. (TSXV: BVC) ("Brookvale" or the "Company") announces that it has extended '
          "a $1 million bridge loan to Sitka Diagnostics Inc."],
         [("Sitka Diagnostics", "$1 million", "debt")]),
        # the firm announces another company's round, even one it led
        (['Yarrowby Capital Corp. (the "Company") announced that Fennick, a payments startup, raised $5 '
          "million in a round the Company led."], [("Fennick", "$5 million", None)]),
        (['Halcyon Capital Corp. (OTCQB: HLCC) ("Halcyon" or the "Company") today announced that Briarwood '
          "AI has closed a $2.5 million seed round led by the Company."],
         [("Briarwood AI", "$2.5 million", "seed")]),
        # the buyer of another company's share issue is no issuer
        (['Ventaris Invest AB (publ) ("Ventaris" or the "Company") has subscribed for shares in Sandvika '
          "Sensors AB's directed share issue for SEK 10 million."], []),
        # the firm's own placement is its raise
        (['Maplecrest Capital Corp. (the "Company") is pleased to announce that the Company has closed a '
          "non-brokered private placement of $800,000."], [("Maplecrest Capital", "$800,000", None)]),
        (['Ridgeline Ventures Inc. (CSE: RVI) ("Ridgeline" or the "Company") announces that it has closed a '
          "private placement for gross proceeds of $1,100,000."],
         [("Ridgeline Ventures", "$1,100,000", "post_ipo")]),
    ],
)  # fmt: skip
def test_an_investment_firms_release(paragraphs: list[str], expected: list) -> None:
    assert _prose_deals(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # another company's offering, defined in the issuer's release: not the issuer's
        (['Dorset Mills plc (the "Company") notes the announcement by Bryher plc. The Proposed Placing is '
          "expected to raise £7 million for Bryher."], [("Bryher", "£7 million", "post_ipo")]),
        (['Tideline Gold Corp. (the "Company") announces that Porter Minerals Inc. intends to complete a '
          'private placement (the "Offering"). The Offering is expected to raise $2 million.'], []),
        (['Harlow Resources Inc. (TSXV: HRL) (the "Company") provides an operations update.',
          "Its partner Mireille Mining closed a bought deal. The Offering raised $10 million for Mireille."],
         []),
        # a story's own words: a part of a placing is no deal of its own, another company's issue is its own
        (["Fountain Retail Group plc raised £8 million. The Firm Placing raised £6 million."],
         [("Fountain Retail Group", "£8 million", None)]),
        (["Kipling Labs raised $3 million. The Share Issue of its rival Lanyard raised $2 million."],
         [("Kipling Labs", "$3 million", None), ("Lanyard", "$2 million", None)]),
    ],
)  # fmt: skip
def test_an_offering_is_the_issuers_only_right_below_its_definition(
    paragraphs: list[str], expected: list
) -> None:
    assert _prose_deals(*paragraphs) == expected


def test_a_line_in_capitals_ending_on_a_legal_form_runs_on_into_the_next() -> None:
    # 'INC.' is a name's form, not a legend's abbreviation: the headline goes on below it
    assert _article_deals("HALO AI INC.\nraised $3 million in seed funding led by Perch Ventures.") == [
        ("HALO AI", "$3 million", "seed")
    ]


def test_proposes_to_raise_is_no_raise_of_its_own() -> None:
    # prices, dividends and borrowing limits are raised too: the plan's money is no round
    assert (
        _prose_deals("Harewood Retail plc proposes to raise prices by 3% after costs rose by £5 million.")
        == []
    )
