"""Sort the real-world misses into issue 10's classes with a small, readable heuristic.

A *miss* is a labelled deal the extractor did not get right (not found, or found with a wrong amount or
round); a *false deal* is a published deal no label pairs with. Each goes to the first class whose test holds:

misses (gold deal, with the prediction paired to it if any):
  valuation_as_amount  the paired prediction's amount is the label's valuation.
  ipo_strategic_debt   the label's round is an IPO, post-IPO, strategic or debt round.
  money_format         the label's money is not in US dollars, is a floor ("more than", "$15B+"), or its
                       span shows a range, "up to", lakh/crore or a currency code before the number.
  funding_history      the text is a funding history (style `history`) or labels several deals of this
                       company (its earlier rounds).
  title_or_list_item   the span is a list item (a bullet or number starts its line), a table row (a tab or a
                       pipe inside it), a record over several lines most of which end without a sentence's
                       punctuation, or a line of its own (followed by a line break) without that punctuation
                       (a title or heading).
  ordinary_sentence    any other span: a deal stated in a plain sentence.
  other                no span or no saved text to look at.

false deals (a prediction no label pairs with):
  (twin)               its amount is that of a missed label of the same text: the same deal under a wrong
                       company name, so it takes that label's class (it is one error, seen from both sides).
  valuation_as_amount  its amount is a labelled valuation, or the text has a valuation-only negative and
                       the prediction's snippet speaks of a valuation.
  aggregate_as_deal    its snippet speaks of a total ("in total", "combined", "N startups", "raised in the
                       first week"...), or of a fund in a text whose negatives include a fund close.
  ipo_strategic_debt   its round is an IPO, post-IPO, strategic or debt round, or its snippet speaks of one
                       (IPO, listing, market cap, loan, credit, notes, bonds).
  funding_history      its company has several labels in a history text (an unlabelled or misread round).
  page_noise_or_repeat its company or amount is one a label already has (a second copy of a deal), or its
                       snippet carries page furniture ("Read more", "Related", "Subscribe"...).
  title_or_list_item   its snippet is a list item, row or title line (the same test as for spans).
  ordinary_sentence    any other snippet found in the text.
  other                a snippet the text does not contain (nothing to look at).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bench.extraction.evaluate import amounts_close
from bench.extraction.realworld.manifest import ManifestText

CLASSES = (
    "ordinary_sentence",
    "title_or_list_item",
    "valuation_as_amount",
    "aggregate_as_deal",
    "funding_history",
    "money_format",
    "ipo_strategic_debt",
    "page_noise_or_repeat",
    "other",
)
IPO_STRATEGIC_DEBT_ROUNDS = frozenset({"ipo", "post_ipo", "strategic", "debt"})

_MARKER = r"(?:[-*•·▪◦–—]|\(?\d{1,3}[.)])"  # a bullet, or an item number "1." "2)" "(3)"
_MARKER_ALONE = re.compile(rf"\s*{_MARKER}\s*")
_MARKER_FIRST = re.compile(rf"{_MARKER}\s")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_MONEY_FORMAT = re.compile(
    r"\d\s*(?:-|–|—|to)\s*[$€£¥₹]?\s*\d"  # a range: "$10-15 million", "€2 to €3 million"
    r"|\bbetween\s+[$€£¥₹]?\s*\d"
    r"|\bup\s+to\s+[$€£¥₹]?\s*\d"
    r"|\b(?:lakh|lakhs|crore|crores|cr)\b"
    r"|\b[A-Z]{3}\s?\d",  # a currency code before the number: "USD 20 million", "EUR 5m"
    re.IGNORECASE,
)
_VALUATION = re.compile(r"\bvalu(?:ed|ation|ing)\b|\bworth\b", re.IGNORECASE)
_IPO_DEBT = re.compile(
    r"\bIPO\b|\bpublic offering\b|\blisting\b|\bmarket cap"
    r"|\bloans?\b|\bcredit\b|\bnotes\b|\bbonds?\b|\bdebt\b",
    re.IGNORECASE,
)
_AGGREGATE = re.compile(
    r"\b(?:in total|total(?:ling|ing|led|ed)?|combined|collectively|altogether|cumulative(?:ly)?|overall)\b"
    r"|\b\d+\s+(?:deals|startups|companies|rounds|transactions|firms)\b"
    r"|\braised\s+(?:in|during|over)\s+(?:the\s+)?(?:first\s+|last\s+|past\s+)?(?:week|month|quarter|year|\d{4})\b",
    re.IGNORECASE,
)
_FUND = re.compile(r"\bfunds?\b", re.IGNORECASE)
_PAGE_FURNITURE = re.compile(
    r"\b(?:read more|related|subscribe|sign up|newsletter|advertisement|trending|also read|latest news|"
    r"most popular|share this|click here)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TextEvidence:
    """What the classifier may look at for one text: its manifest line, the saved text (None when absent)
    and every gold deal of the text (scorer dicts with `span`, `money`, `floor`)."""

    text: ManifestText
    saved: str | None
    golds: list[dict[str, Any]]

    def piece(self, span: tuple[int, int] | None) -> str | None:
        if self.saved is None or span is None or span[1] > len(self.saved):
            return None
        return self.saved[span[0] : span[1]]

    def locate(self, snippet: str | None) -> tuple[int, int] | None:
        """Where a prediction's snippet sits in the saved text (its first 60 characters are looked up)."""
        if self.saved is None or not snippet:
            return None
        start = self.saved.find(snippet.strip()[:60])
        return None if start < 0 else (start, min(len(self.saved), start + len(snippet.strip())))


def is_line_item(saved: str, span: tuple[int, int]) -> bool:
    """True when the span is a list item, a table/record row or a title line rather than a sentence."""
    start, end = span
    piece = saved[start:end].strip()
    line_start = saved.rfind("\n", 0, start) + 1
    before = saved[line_start:start]
    if _MARKER_ALONE.fullmatch(before) or _MARKER_FIRST.match(piece):
        return True
    if "\t" in piece or " | " in piece:
        return True
    lines = [line.strip() for line in piece.splitlines() if line.strip()]
    if len(lines) > 1:  # a record over several lines ("Amount: $1 billion") rather than paragraphs
        return sum(not _SENTENCE_END.search(line) for line in lines) * 2 > len(lines)
    line_end = saved.find("\n", end)
    # A line of its own (a newline after it: a cut-off last sentence of the excerpt is not a title).
    whole_line = not before.strip() and line_end >= 0 and not saved[end:line_end].strip()
    return whole_line and not _SENTENCE_END.search(piece)


def _round_family(round_type: str | None) -> bool:
    return round_type in IPO_STRATEGIC_DEBT_ROUNDS


def _same_money(a: int | None, b: int | None) -> bool:
    """Both stated and within the scorer's 2%."""
    return a is not None and b is not None and amounts_close(a, b)


def classify_miss(gold: dict[str, Any], found: dict[str, Any] | None, evidence: TextEvidence) -> str:
    """The class of a labelled deal the extractor did not get right (see the module docstring)."""
    if found is not None and _same_money(gold["valuation_usd"], found["amount_usd"]):
        return "valuation_as_amount"
    if _round_family(gold["round_type"]):
        return "ipo_strategic_debt"
    piece = evidence.piece(gold["span"])
    currency = gold["money"]["currency"]
    if (currency not in (None, "USD")) or gold["floor"] or (piece and _MONEY_FORMAT.search(piece)):
        return "money_format"
    same_company = sum(1 for other in evidence.golds if other["key"] == gold["key"])
    if evidence.text.style == "history" or same_company > 1:
        return "funding_history"
    if piece is None or evidence.saved is None:
        return "other"
    if is_line_item(evidence.saved, gold["span"]):
        return "title_or_list_item"
    return "ordinary_sentence"


def classify_false(
    found: dict[str, Any], evidence: TextEvidence, missed: Iterable[tuple[dict[str, Any], dict | None]]
) -> str:
    """The class of a published deal no label pairs with. `missed` holds the text's (gold, paired
    prediction) misses, so a wrongly named copy of a missed deal is classed with it."""
    for gold, paired in missed:
        if _same_money(gold["amount_usd"], found["amount_usd"]):
            return classify_miss(gold, paired, evidence)
    snippet = found.get("snippet") or ""
    golds = evidence.golds
    if any(_same_money(g["valuation_usd"], found["amount_usd"]) for g in golds):
        return "valuation_as_amount"
    if "valuation_only" in evidence.text.negatives and _VALUATION.search(snippet):
        return "valuation_as_amount"
    if _AGGREGATE.search(snippet) or ("fund_close" in evidence.text.negatives and _FUND.search(snippet)):
        return "aggregate_as_deal"
    if _round_family(found["round_type"]) or _IPO_DEBT.search(snippet):
        return "ipo_strategic_debt"
    same_company = [g for g in golds if g["key"] == found["key"]]
    if evidence.text.style == "history" and len(same_company) > 1:
        return "funding_history"
    if same_company or any(_same_money(g["amount_usd"], found["amount_usd"]) for g in golds):
        return "page_noise_or_repeat"
    if _PAGE_FURNITURE.search(snippet):
        return "page_noise_or_repeat"
    where = evidence.locate(snippet)
    if where is None or evidence.saved is None:
        return "other"
    if is_line_item(evidence.saved, where):
        return "title_or_list_item"
    return "ordinary_sentence"
