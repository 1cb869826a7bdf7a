"""The patterns rewritten to read long text in linear time: what each recognises on real-looking sentences."""

from __future__ import annotations

import re
from datetime import date

import pytest

from assets.normalize.amounts import find_money
from assets.parsing.alternation import alternatives, one_of
from assets.parsing.deal_clauses import DEAL_VERB, _outside_brackets, split_sentence
from assets.parsing.money_roles import ClauseRoles, Role, money_role
from assets.parsing.newsletter import _caps_heading
from assets.parsing.sentences import MAX_SENTENCE_CHARS, split_sentences


def test_alternatives_are_split_at_the_top_level_only() -> None:
    assert alternatives(r"raised|pric(?:ed|es)(?=\s+its)|[|(]x|a\|b") == [
        "raised",
        r"pric(?:ed|es)(?=\s+its)",
        "[|(]x",
        r"a\|b",
    ]


def test_one_of_puts_the_initials_in_front() -> None:
    assert one_of("raised|Secured") == "(?=[RSrs])(?:raised|Secured)"
    with pytest.raises(ValueError, match="must start with a plain letter"):
        one_of("(?:was )?awarded|raised")


# Forty or more alternatives, several of each letter, both cases, prefixes of one another: grouped by their
# first letter, they must match what the plain alternation matches, where it matches it.
_MANY_WORDS = (
    "raise|raised|raises|raising|Raised|secure|secured|securing|Secured|close|closed|closing|land|landed"
    "|lands|bag|bagged|bags|net|netted|nets|pull in|pulled in|get|gets|got|take|took|takes|took in|win|won"
    "|wins|clinch|clinched|garner|garnered|amass|amassed|collect|collected|notch|notched|seal|sealed"
)
_PROBES = [
    "Orrin Labs raised $12 million.",
    "It RAISED money, then Secured more and took in $5M; it took a stake.",
    "Vexa netted, bagged and landed nothing: it closed its doors.",
    "No verb here at all, only unrelated words.",
    "Kestrio pulled in $40M, pulled ahead and notched another win.",
]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_many_alternatives_match_as_the_plain_alternation_does(flags: int) -> None:
    grouped = re.compile(r"\b" + one_of(_MANY_WORDS) + r"\b", flags)
    plain = re.compile(r"\b(?:" + _MANY_WORDS + r")\b", flags)
    initials = {word[0].lower() for word in alternatives(_MANY_WORDS)}
    # one lookahead of every initial in front, then one per letter's group
    assert grouped.pattern.count("(?=[") == len(initials) + 1
    assert one_of(_MANY_WORDS).startswith("(?=[" + "".join(sorted(i + i.upper() for i in initials)) + "])")
    for probe in _PROBES:
        assert [(m.start(), m.group(0)) for m in grouped.finditer(probe)] == [
            (m.start(), m.group(0)) for m in plain.finditer(probe)
        ]
    assert [m.group(0) for m in grouped.finditer(_PROBES[1])] == (
        ["RAISED", "Secured", "took", "took"] if flags else ["Secured", "took", "took"]
    )  # ('took' is written before 'took in': the first alternative that matches wins, grouped or not)


def test_many_alternatives_with_a_capturing_group_keep_their_order() -> None:
    # reordering would renumber the group: such an alternation is left as written
    capturing = _MANY_WORDS + "|raked (in)"
    assert one_of(capturing).endswith(f"(?:{capturing})")
    assert re.search(one_of(capturing), "it raked in $4M").group(1) == "in"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Orrin Labs has raised $12 million.", "has raised"),
        ("Vexa was awarded a $2M grant by the agency.", "was awarded"),
        ("The startup has been awarded $500,000 from the fund.", "has been awarded"),
        ("Kestrio priced its IPO at $24 per share.", "priced"),
        ("Kestrio prices the offering at $19.", "prices"),
        ("Lumeo launched publicly with $9M.", "launched publicly with"),
        ("Tallow Arm PULLED IN $9M in seed money.", "PULLED IN"),
        ("Quillpay took on $30 million in venture debt.", "took on"),
        ("The chipmaker went public on Friday.", "went public"),
    ],
)
def test_deal_verbs(sentence: str, verb: str) -> None:
    found = DEAL_VERB.search(sentence)
    assert found is not None
    assert found.group(0) == verb


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices rose by $2 in March.",  # 'prices' only deals when it prices an offering
        "The appraised value was $3M.",  # not a word of its own
        "Millions of dollars moved without a deal.",
    ],
)
def test_words_that_are_not_deal_verbs(sentence: str) -> None:
    assert DEAL_VERB.search(sentence) is None


def _roles(sentence: str, published: date | None = None) -> list[Role]:
    moneys = find_money(sentence)
    return [money_role(sentence, money, moneys, published) for money in moneys]


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        ("Orrin raised $12 million at a $60 million post-money valuation.", [Role.RAISE, Role.VALUATION]),
        ("Orrin raised $12M, valuing the Lisbon company at about $60M.", [Role.RAISE, Role.VALUATION]),
        # 'previously' before an amount places it in the past (undated, it states no deal), unless the
        # sentence goes on to a statement of its own: ', raised' after the history is today's raise.
        ("Orrin previously sold robots to two hospitals and raised $12M.", [Role.PAST_RAISE]),
        ("Orrin, which previously sold its first robots to two hospitals, raised $12M.", [Role.RAISE]),
        ("Tern bought the Lyon sensor maker Vexa, a spinout of a university lab, for $40M.", [Role.OTHER]),
        ("Tern bought Vexa for $40M; Orrin raised $12M for hiring.", [Role.OTHER, Role.RAISE]),
        ("Harrow closed $650 million for its eighth early-stage fund.", [Role.OTHER]),
        ("Yamabiko raised ¥3 billion (about $20 million) in a Series B.", [Role.RAISE, Role.OTHER]),
        ("Orrin has raised $40 million to date.", [Role.OTHER]),
        ("Orrin raised $12M in 2024 and $20M this month.", [Role.PAST_RAISE, Role.RAISE]),
        ("Orrin was valued at $90M in 2024 and raised $20M this month.", [Role.OTHER, Role.RAISE]),
        ("The round closed, bringing its total funding to about $90 million.", [Role.OTHER]),
        ("Vexa, now worth $2 billion, raised $300 million.", [Role.VALUATION, Role.RAISE]),
        ("Of the round, shares issued worth $30 million were paid up.", [Role.OTHER]),
        # A month said alone is past when it comes before the month of publication (June 2026 here).
        ("Orrin raised $20M this week, after the $5M loan it took in March.", [Role.RAISE, Role.PAST_RAISE]),
        ("Orrin raised $20M in June.", [Role.RAISE]),
        ("Orrin expects to close $20M in September.", [Role.RAISE]),  # a later month: not dated, not past
    ],
)
def test_money_roles_read_within_their_window(sentence: str, roles: list[Role]) -> None:
    assert _roles(sentence, published=date(2026, 6, 15)) == roles


def test_a_clause_of_many_amounts_is_read_only_as_far_as_the_deal_needs() -> None:
    sentence = "Orrin raised $12M " + " ".join(f"${i}M" for i in range(2, 200)) + " at a $90M valuation."
    roles = ClauseRoles(sentence, find_money(sentence))

    assert roles.first_raise().text == "$12M"  # type: ignore[union-attr]
    assert roles.first_valuation().text == "$90M"  # type: ignore[union-attr]
    # The first raise, and the one amount with valuation words around it: not the 197 in between.
    assert len(roles._roles) == 2


def test_a_clause_without_valuation_words_has_no_valuation() -> None:
    sentence = "Orrin raised $12M and then $3M more."
    assert ClauseRoles(sentence, find_money(sentence)).first_valuation() is None


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("Two battery startups closed seed rounds: Lumeo and Ardent.", 39),
        ("Quorra (note: private) raised: $60M", 29),
        ("No colon here", -1),
        ("(Unclosed: bracket", -1),
        ("Ratio 3:1 then: done", 14),
    ],
)
def test_outside_brackets(text: str, index: int) -> None:
    assert _outside_brackets(text, ":") == index


def test_a_sentence_of_many_verbs_still_splits_by_subject() -> None:
    deals = ", ".join(f"Company{i} raised ${i + 1}M" for i in range(40))

    clauses = split_sentence(deals)

    assert len(clauses) == 40
    assert clauses[-1].text == "Company39 raised $40M"


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("STORAGE", True),
        ("ALSO NOTED", True),
        ("AI & ROBOTICS — 3 DEALS", True),
        ("Storage", False),
        ("A", False),
        ("DEALS.", False),
        ("ÉTÉ", False),
        ("ALPHA BETA " * 500 + "x", False),
    ],
)
def test_caps_headings(line: str, heading: bool) -> None:
    assert _caps_heading(line) is heading


def test_a_long_sentence_is_cut_between_words() -> None:
    words = [f"word{i}" for i in range(600)]

    pieces = split_sentences(" ".join(words) + ".")

    assert len(pieces) > 1
    assert all(len(piece) <= MAX_SENTENCE_CHARS for piece in pieces)
    assert " ".join(pieces).split() == [*words[:-1], words[-1] + "."]


def test_a_word_longer_than_the_cap_is_cut_inside() -> None:
    assert [len(piece) for piece in split_sentences("x" * 2_500)] == [1_000, 1_000, 500]


def test_many_abbreviations_do_not_end_sentences() -> None:
    text = "Acme Inc. and Beta Corp. of the U.S. " * 20 + "raised $5M. Then it grew."

    assert [len(s) > 500 for s in split_sentences(text)] == [True, False]


def test_find_money_hands_out_a_new_list_each_time() -> None:
    first = find_money("Orrin raised $12M.")
    first.clear()

    assert [m.text for m in find_money("Orrin raised $12M.")] == ["$12M"]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("Pranala raised ₹300 crore (US$36 million).", ["₹300 crore", "US$36 million"]),
        ("Tern put 1.5 billion dollars into Rs 500 crore of bonds.", ["1.5 billion dollars", "Rs 500 crore"]),
        ("It sold 12 won and 10 billion won.", ["10 billion won"]),
        ("In 2026 H100 prices fell 81%.", []),
    ],
)
def test_amounts_behind_the_initials_lookahead(text: str, amounts: list[str]) -> None:
    assert [m.text for m in find_money(text)] == amounts


def test_patterns_do_not_depend_on_the_flags_of_the_lookahead() -> None:
    case_sensitive = re.compile(one_of("raised|secured"))
    assert case_sensitive.search("It RAISED money") is None
    assert case_sensitive.search("It raised money").group(0) == "raised"  # type: ignore[union-attr]
