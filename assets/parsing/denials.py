"""Reported rounds a document itself says are not true.

A story that carries a report of a round often carries the company's answer too, in another sentence:
"Getir denied on Thursday reports of a deal that values it at ...", "Musk said on X the report of xAI
raising $15 billion was 'false'". The clause that states the reported round does not say so, so each
clause reads it as a reported deal. Read over the whole document: a company named in a sentence that
denies a report about its money has none of its *reported* rounds published from this document. Its
announced rounds stay (a company that denies this week's rumour still raised last year's round), and so
does a reported round of a company the denial does not name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assets.parsing.mentions import DealMention
from assets.parsing.sentences import split_sentences

REPORTED = "reported"

# A report answered as wrong: 'denied a media report', 'dismissed the reports', 'refuted claims'; or a
# report called wrong after it is told: 'the report of ... was "false"', '... is not true'.
_DENIAL = re.compile(
    r"\b(?:denied|denies|denying|dismissed|dismisses|refuted|refutes|rebuffed)\b[^.;]{0,80}?"
    r"\b(?:report|reports|reporting|claims?|rumou?rs?|speculation|news)\b"
    r"|\b(?:report|reports|claims?|rumou?rs?)\b[^;]{0,160}?\b(?:was|were|is|are)\s+[“\"‘']?"
    r"(?:false|not true|untrue|inaccurate|incorrect|baseless|fake)\b",
    re.IGNORECASE,
)
# ... about money: a denied report of a product launch or of layoffs leaves a reported round alone; or a
# report pointed back to, the one just told ('Quorrel denied the report on Friday').
_ABOUT_MONEY = re.compile(
    r"fund|rais|round|invest|valu|stake|deal|capital|financ|billion|million|\$|€|£"
    r"|\b(?:the|these|those|such|that|this)\s+(?:media\s+|news\s+)?(?:report|reports|claims?|rumou?rs?)\b"
    r"(?!\s+(?:of|about|that)\b)",
    re.IGNORECASE,
)


def denying_sentences(text: str) -> list[str]:
    """The sentences of `text` that deny a report about a company's money."""
    if not re.search(r"(?i)den[iy]|dismiss|refut|rebuff|false|true|inaccurate|incorrect|baseless|fake", text):
        return []  # (most pages deny nothing: one search, not a sentence split)
    return [s for s in split_sentences(text) if _DENIAL.search(s) and _ABOUT_MONEY.search(s)]


def denied_companies(companies: Iterable[str], text: str) -> set[str]:
    """The companies (of `companies`) that a denying sentence of `text` names."""
    sentences = denying_sentences(text)
    if not sentences:
        return set()
    return {
        company
        for company in set(companies)
        if any(re.search(rf"(?<!\w){re.escape(company)}(?!\w)", s) for s in sentences)
    }


def without_denied_reports(mentions: list[DealMention], text: str | None) -> list[DealMention]:
    """`mentions` less the reported rounds of companies the document says denied the report."""
    reported = {m.company for m in mentions if m.company and m.status == REPORTED}
    if not text or not reported:
        return mentions
    denied = denied_companies(reported, text)
    if not denied:
        return mentions
    return [m for m in mentions if not (m.status == REPORTED and m.company in denied)]
