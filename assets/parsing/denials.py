"""Reported rounds a document itself says are not true.

A story that carries a report of a round often carries the company's answer too, in another sentence:
"Getir denied on Thursday reports of a deal that values it at ...", "Musk said on X the report of xAI
raising $15 billion was 'false'". The clause that states the reported round does not say so, so each
clause reads it as a reported deal. Read over the whole document: a company that a sentence shows denying
a report about its money has none of its *reported* rounds published from this document. Its announced
rounds stay (a company that denies this week's rumour still raised last year's round), and so does a
reported round of a company the denial does not name.

The company must be the one denying (named in the denial's own part of the sentence, before its verb),
or the one the denied report (or the report called false) is about; the denial must not be negated
("has not denied", "neither confirmed nor denied"); and what is denied must be about money, or be the
report just told ("denied the report on Friday"): a denial of layoffs, of an IPO plan or of a
resignation leaves the round.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from assets.parsing.mentions import DealMention
from assets.parsing.sentences import split_sentences

REPORTED = "reported"

_DENIAL_VERB = re.compile(
    r"\b(?:denied|denies|denying|dismissed|dismisses|refuted|refutes|rebuffed|rejected|rejects|disputed"
    r"|disputes)\b",
    re.I,
)
_REPORT_WORDS = r"(?:media\s+|news\s+|press\s+)?(?:report|reports|claims?|rumou?rs?|speculation)\b"
# Right after the verb: the report itself, pointed back to ('denied the report', 'dismissed these rumours')
# or followed by what it said ('denied reports that it is raising', 'dismissed the reports of a round').
_DENIED_OBJECT = re.compile(
    rf"\s+(?:on\s+\w+\s+|\w+ly\s+)?(?P<pointer>(?:the|these|those|such|that|this|a|any|all)\s+)?{_REPORT_WORDS}"
    r"(?P<said>[^.;]*)",
    re.IGNORECASE,
)
# A report called wrong after it is told: 'the report of xAI raising $15 billion was "false"'.
_CALLED_FALSE = re.compile(
    r"\b(?:report|reports|claims?|rumou?rs?)\b(?P<said>[^;]{0,160}?)\b(?:was|were|is|are)\s+[“\"‘']?"
    r"(?:false|not true|untrue|inaccurate|incorrect|baseless|fake)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|n['’]t|never|neither|nor)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# What a report said that makes it one about the company's money.
_ABOUT_MONEY = re.compile(
    r"\b(?:fund\w*|rais\w*|round|invest\w*|valu\w*|financing|financed|capital|billion|million)\b"
    r"|[$€£¥₹]",
    re.IGNORECASE,
)
# Where a sentence's parts part: 'Quorrel declined to comment, while Pellmark denied reports'.
_PART_BREAK = re.compile(r",\s*(?:while|whereas|but|and|although|though)\b|;|\bwhile\b|\bbut\b")


def _denial_parts(sentence: str) -> Iterator[str]:
    """For each denial of a report about money in `sentence`: the words that name who denies and what the
    report was about (a company named there is the one denied)."""
    for verb in _DENIAL_VERB.finditer(sentence):
        if _NEGATED.search(sentence, max(0, verb.start() - 30), verb.start()):
            continue  # 'has not denied the report', 'neither confirmed nor denied'
        denied = _DENIED_OBJECT.match(sentence, verb.end())
        if not denied:
            continue
        said = denied["said"]
        ended = _PART_BREAK.search(said)
        said = said[: ended.start()] if ended else said  # ('..., but Pellmark did not respond')
        pointed_back = denied["pointer"] is not None and not said.strip(" ,").lower().startswith(
            ("of", "that", "about", "it ", "its ")
        )
        if not (pointed_back or _ABOUT_MONEY.search(said)):
            continue
        before = sentence[: verb.start()]
        breaks = list(_PART_BREAK.finditer(before))
        # who denies, or whom the denied report is about ('Musk has denied the report claiming that his
        # company xAI secured $500 million')
        yield (before[breaks[-1].end() :] if breaks else before) + " " + said
    for called in _CALLED_FALSE.finditer(sentence):
        if _ABOUT_MONEY.search(called["said"]):
            yield called["said"]


def _names(company: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(company)}(?!\w)", text) is not None


def denied_companies(companies: Iterable[str], text: str) -> set[str]:
    """The companies (of `companies`) that a sentence of `text` shows denying a report about their money."""
    if not re.search(
        r"(?i)den[iy]|dismiss|refut|rebuff|reject|disput|false|true|inaccurate|incorrect|baseless|fake", text
    ):
        return set()  # (most pages deny nothing: one search, not a sentence split)
    parts = [part for sentence in split_sentences(text) for part in _denial_parts(sentence)]
    return {company for company in set(companies) if any(_names(company, part) for part in parts)}


def without_denied_reports(mentions: list[DealMention], text: str | None) -> list[DealMention]:
    """`mentions` less the reported rounds of companies the document says denied the report."""
    reported = {m.company for m in mentions if m.company and m.status == REPORTED}
    if not text or not reported:
        return mentions
    denied = denied_companies(reported, text)
    if not denied:
        return mentions
    return [m for m in mentions if not (m.status == REPORTED and m.company in denied)]
