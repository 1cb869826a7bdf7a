"""Deal mentions in prose: 'X raised a $100M seed round led by A and B at a $400M valuation'.

Rule-based and deliberately conservative: a sentence becomes a mention only when it names a company,
states an amount or a valuation, and uses a deal verb or names a round. Money that is not a raise
(market sizes, revenue, fund sizes, quarterly totals) is recognised by the words around it and ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assets.normalize.amounts import Money, find_money
from assets.normalize.names import split_name_list
from assets.normalize.rounds import find_round
from assets.parsing.mentions import DealMention, Method
from assets.parsing.sentences import split_sentences

_DEAL_VERB = re.compile(
    r"\b(?:raised|raises|raise|raising|has raised|is raising|secured|secures|securing|closed|closes|closing"
    r"|landed|lands|landing|bagged|bags|nabbed|nabs|netted|nets|pulled in|pulls in|picked up|picks up"
    r"|announced|announces|announcing|launched with|launches with|launching with|emerged with|emerges with"
    r"|completed|completes|received|receives|gets|got|scored|scores|snagged|snags|attracted|attracts"
    r"|priced|prices|pricing|banked|banks|drew|draws|took in|takes in|brought in|brings in|unveiled)\b",
    re.IGNORECASE,
)
_NAME_TOKEN = r"(?:[A-Z0-9][\w.&'’+-]*|[a-z]{1,3}[A-Z][\w.&'’+-]*)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|de|of|la|&))*"
_FILLER = re.compile(
    r"^(?:(?:meanwhile|separately|also|elsewhere|today|yesterday|now|finally|first|second|third|lastly|plus"
    r"|and|but|in other news|in (?:a|its) [a-z ]+|this (?:week|month|morning)|last (?:week|month)|earlier"
    r"(?: this (?:week|month|year))?|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|on [A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?)[,:]?\s+)+",
    re.IGNORECASE,
)
_DESCRIPTOR = re.compile(r"^.*\b[\w-]+-(?:based|born|headquartered|founded)\s+")
_GENERIC_SUBJECTS = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "a",
        "an",
        "their",
        "his",
        "her",
        "our",
        "we",
        "they",
        "he",
        "she",
        "i",
        "investors",
        "startups",
        "companies",
        "founders",
    ]
)
_AS_NAME = re.compile(
    rf"\b(?:spun (?:out|off) as|launched as|emerged as|rebranded as|relaunched as)\s+({_NAME})"
)
_APPOSITIVE = re.compile(rf"^({_NAME}),\s+(?:the|a|an|which|whose|formerly|now)\b[^,]*,?\s*$")
_ROLE_NAME = re.compile(
    rf"\b(?:startup|start-up|company|firm|maker|developer|provider|lab|unicorn|platform|outfit)\s+({_NAME})\s*,?\s*$"
)
_POSSESSIVE = re.compile(rf"({_NAME})['’]s?\s+(?:[^\s]+\s+){{0,2}}?(?=[$€£¥₹]|US\$|\d)")
_LEADS = re.compile(
    r"\b(?:co-led|led|headed)\s+(?:jointly\s+)?by\s+(?P<names>.+?)"
    r"(?=\s*,\s*(?:with|at|valuing|which|bringing|giving|putting|according|alongside|and (?:at|valuing))\b"
    r"|\s+(?:at|valuing|with|bringing|giving|to|in|for|that|which|alongside|as|after|on)\s"
    r"|[.;:()—–]|$)"
)
_PARTICIPANTS = re.compile(
    r"\b(?:with participation (?:from|of|by)|participation from|alongside|joined by|with backing from"
    r"|investors include|investors including|backers include|backed by)\s+(?P<names>.+?)"
    r"(?=\s*,\s*(?:at|valuing|which|bringing|giving|according)\b|\s+(?:at|valuing|bringing|giving|to|in"
    r"|for|that|which|as|after|on)\s|[.;:()—–]|$)"
)
_VALUATION_AFTER = re.compile(r"^\s*\)?\s*(?:post-money\s+|pre-money\s+)?valuation\b", re.IGNORECASE)
_VALUATION_BEFORE = re.compile(
    r"(?:valued (?:it |the company |the startup )?at|valuing (?:[\w'’-]+\s+){0,3}at|valuation (?:of|to|at)"
    r"|values? (?:[\w'’-]+\s+){0,3}at|worth)\s+(?:about|roughly|nearly|over|more than|around|some|an?|"
    r"a reported)?\s*$",
    re.IGNORECASE,
)
# Money that is not a raise: fund sizes, revenue, market sizes, quarterly or annual totals.
_NOT_A_RAISE_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:fund|funds|vehicle|in (?:annual |recurring )?revenue|of revenue|in sales|arr\b"
    r"|run[- ]rate|market|in (?:ai )?capex|in spending|in q[1-4]|in the (?:first|second|third|fourth) quarter"
    r"|across|in total|in aggregate|of (?:total|global|venture))\b",
    re.IGNORECASE,
)
_NOT_A_RAISE_BEFORE = re.compile(
    r"(?:revenue|sales|arr|market|spend|spent|spending|capex|budget|totaling|totalling|total of|totals"
    r"|reached|hit|topped|fund of|funding reached|deals worth|combined|aggregate|roughly|of which)"
    r"\s+(?:of\s+|at\s+|to\s+|about\s+|nearly\s+|some\s+)?$",
    re.IGNORECASE,
)
_EXPLICIT_DATE = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}"
    r"|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{4}|\d{4}-\d{2}-\d{2})\b"
)
# A funding noun right after an amount ('$950M round', '$40M in funding') marks a raise without a verb.
_FUNDING_NOUN_AFTER = re.compile(
    r"^\s*(?:in\s+)?(?:new\s+|fresh\s+)?(?:round|funding|financing|raise|investment|injection)\b",
    re.IGNORECASE,
)
_CLAUSE_SPLIT = re.compile(r";\s+|,?\s+while\s+|,?\s+whereas\s+|,\s+and\s+(?=[A-Z])|\.\s+")


def _company_in(clause: str, verb_start: int) -> str | None:
    as_name = _AS_NAME.search(clause)
    if as_name:
        return as_name.group(1)
    subject = _FILLER.sub("", clause[:verb_start].strip()).strip().rstrip(",")
    subject = re.sub(
        r"\s+(?:has|have|had|is|was|just|officially|quietly|reportedly|also|today|now)$", "", subject
    )
    appositive = _APPOSITIVE.match(subject + ",") if "," in subject else None
    if appositive:
        return appositive.group(1)
    role = _ROLE_NAME.search(subject)
    if role:
        return role.group(1)
    subject = _DESCRIPTOR.sub("", subject)
    possessive = re.match(rf"^({_NAME})['’]s\b", subject)  # "Orrin's Series A brought in $12M"
    if possessive and possessive.group(1).split()[0].lower() not in _GENERIC_SUBJECTS:
        return possessive.group(1)
    subject = re.sub(r"['’]s?$", "", subject)
    if re.fullmatch(_NAME, subject) and subject.split()[0].lower() not in _GENERIC_SUBJECTS:
        return subject
    return None


def _classify_money(clause: str, money: Money) -> str:
    """'valuation', 'raise' or 'other' for one amount, from the words around it."""
    before, after = clause[: money.start], clause[money.end :]
    if _VALUATION_AFTER.match(after) or _VALUATION_BEFORE.search(before):
        return "valuation"
    if _NOT_A_RAISE_AFTER.match(after) or _NOT_A_RAISE_BEFORE.search(before):
        return "other"
    return "raise"


def _names(pattern: re.Pattern[str], clause: str) -> list[str]:
    names: list[str] = []
    for match in pattern.finditer(clause):
        for name in split_name_list(match["names"]):
            # A list item that does not start like a name ('existing investors') is not an investor.
            if re.match(r"^(?:[A-Z0-9]|[a-z0-9]+[A-Z0-9])", name) and name not in names:
                names.append(name)
    return names


def _clauses(sentence: str) -> list[str]:
    """Split 'A raised $X, while B raised $Y' into one clause per deal; keep single deals whole."""
    parts = [p for p in _CLAUSE_SPLIT.split(sentence) if p]
    if len(parts) < 2 or sum(1 for p in parts if find_money(p) and _DEAL_VERB.search(p)) < 2:
        return [sentence]
    return parts


def mention_from_clause(clause: str, locator: str, snippet: str) -> DealMention | None:
    """The deal one clause states, or None when it states none."""
    verb = _DEAL_VERB.search(clause)
    round_slug = find_round(clause)
    raises, valuations = [], []
    for money in find_money(clause):
        kind = _classify_money(clause, money)
        if kind == "raise":
            raises.append(money)
        elif kind == "valuation":
            valuations.append(money)
    if not raises and not valuations:
        return None
    funding_noun = any(_FUNDING_NOUN_AFTER.match(clause[m.end :]) for m in raises)
    if not (verb or round_slug or funding_noun):
        return None
    anchor = verb.start() if verb else min(m.start for m in raises + valuations)
    company = _company_in(clause, anchor)
    if not company:
        possessive = _POSSESSIVE.search(clause)
        company = possessive.group(1) if possessive else None
    if not company:
        return None
    date = _EXPLICIT_DATE.search(clause)
    leads = _names(_LEADS, clause)
    participants = [n for n in _names(_PARTICIPANTS, clause) if n not in leads]
    return DealMention(
        method=Method.PROSE,
        locator=locator,
        snippet=snippet,
        company=company,
        round=round_slug,
        amount=raises[0].text if raises else None,
        valuation=valuations[0].text if valuations else None,
        announced=date.group(0) if date else None,
        lead_investors=leads,
        investors=leads + participants,
        context=clause,
    )


def extract_prose_mentions(paragraphs: Iterable[str], prefix: str = "p") -> list[DealMention]:
    """Deal mentions in a sequence of paragraphs; locators are '{prefix}[i]/s[j]' (and '/c[k]')."""
    mentions: list[DealMention] = []
    for p_index, paragraph in enumerate(paragraphs):
        for s_index, sentence in enumerate(split_sentences(paragraph)):
            clauses = _clauses(sentence)
            for c_index, clause in enumerate(clauses):
                locator = f"{prefix}[{p_index}]/s[{s_index}]"
                if len(clauses) > 1:
                    locator += f"/c[{c_index}]"
                mention = mention_from_clause(clause, locator, sentence)
                if mention:
                    mentions.append(mention)
    return mentions
