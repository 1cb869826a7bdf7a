"""One clause -> the deal it states: company, round, amount, valuation, investors and date phrase.

A clause becomes a mention only when it names a company, states an amount or a valuation (or says the amount
is undisclosed, or prices a listing), and uses a deal verb, names a round or has a funding noun after its
amount. Money that is not a raise is told apart by `money_roles`; who is the company by `prose_names`, who
invested by `investors`. The company comes, in order, from the sentence's structure (`deal_clauses`), an
investor-as-subject phrase ('SoftBank invested $500 million in Vantage AI'), the subject before the verb
(or the company named before, for 'The company also ...'), or 'a round for X' / 'X's $950M round'.
"""

from __future__ import annotations

import re

from assets.normalize.amounts import Money, find_money
from assets.normalize.rounds import find_round
from assets.parsing.date_phrases import find_date_phrase
from assets.parsing.deal_clauses import DEAL_VERB, Clause
from assets.parsing.investors import Investors, investors_in, trailing_names
from assets.parsing.mentions import DealMention, Method
from assets.parsing.money_roles import Role, money_role
from assets.parsing.prose_names import NAME, read_names, valid_company
from assets.parsing.subjects import REFERENCE, company_in_subject, strip_lead_in

# A funding noun right after an amount ('$950M round', '$40M in funding') marks a raise without a verb.
_FUNDING_NOUN_AFTER = re.compile(
    r"^\s*(?:in\s+)?(?:new\s+|fresh\s+)?(?:round|funding|financing|raise|investment|injection)\b",
    re.IGNORECASE,
)
_GRANT_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?grants?\b(?!\s+to\b)", re.IGNORECASE)
_VALUED_AFTER_ROUND = re.compile(r"\bvalued at\b.*\b(?:round|funding|financing)\b", re.IGNORECASE)
_VALUED = re.compile(
    r"\b(?:(?:is|was|are|were|has been|have been|is now|was now)\s+)?(?:now\s+)?(?:valued|worth)\b", re.I
)
_UNDISCLOSED = re.compile(r"\b(?:undisclosed|not disclosed|unannounced)\b", re.IGNORECASE)
_UNDISCLOSED_RAISE = re.compile(
    r"\b(?:raised|raises|secured|secures|landed|lands)\s+an?\s+undisclosed\s+(?:amount|sum)\b", re.IGNORECASE
)
_ACQUISITION = re.compile(r"\b(?:acquir\w*|bought|buys?|merger|sale of|takeover)\b", re.IGNORECASE)
_FLOOR = re.compile(r"\b(?:more than|over|at least|upwards of|in excess of)\s+$", re.IGNORECASE)
# The investor as subject: 'SoftBank invested $500 million in Vantage AI', 'SoftBank led a $500 million
# round in Vantage AI', 'Sterling Peak invested $700 million for a majority stake in Quillfort'.
_INVESTOR_SUBJECT = re.compile(
    r"\b(?P<verb>invest(?:ed|s|ing)?|co-led|led|backed|poured|put|plowed|injected)\s+(?!by\b)"
    r"(?P<span>(?:\S+\s+){0,8}?)(?:in|into)\s+"
    rf"(?P<company>{NAME})"
)
_ROUND_FOR = re.compile(
    rf"\b(?i:round|seed|series [a-k]|investment|check|cheque|funding)\s+(?:for|into)\s+({NAME})"
)
# 'The round, which values Acme at $1.2B, was led by ...': the company is the one valued.
_VALUES_NAME = re.compile(rf"\bvalu(?:es|ed|ing)\s+({NAME})\s+at\b")
_POSSESSIVE = re.compile(rf"({NAME})['’]s?\s+(?:[^\s]+\s+){{0,2}}?(?=[$€£¥₹]|US\$|\d)")


def amount_text(clause: str, money: Money) -> str:
    """The amount as written, with a lower-bound qualifier kept ('more than $200 million')."""
    floor = _FLOOR.search(clause[: money.start])
    return f"{floor.group(0)}{money.text}" if floor else money.text


def _company(clause: Clause, anchor: int, antecedent: DealMention | None) -> tuple[str | None, bool]:
    """(company, refers back) for a clause: from its structure, its subject or the company named before."""
    text = clause.text
    if clause.company:
        return clause.company, False
    invested = _invested_in(text)
    if invested:
        return valid_company(invested["company"]), False
    if clause.subject is not None:
        verb = DEAL_VERB.search(clause.subject)
        company = company_in_subject(clause.subject[: verb.start()] if verb else clause.subject)
    else:
        company = company_in_subject(text[:anchor])
    if company is REFERENCE:
        return (antecedent.company, True) if antecedent else (None, False)
    if company:
        return company, False
    named = _ROUND_FOR.search(text) or _VALUES_NAME.search(text) or _POSSESSIVE.search(text)
    return (valid_company(named.group(1)) if named else None), False


def _invested_in(text: str) -> re.Match[str] | None:
    """'<investor> invested|led <money or a stake> in <company>', or None."""
    for found in _INVESTOR_SUBJECT.finditer(text):
        if (find_money(found["span"]) or "stake" in found["span"]) and valid_company(found["company"]):
            return found
    return None


def _round(clause: Clause, anchor: int, raises: list[Money]) -> str | None:
    """The round the clause states for its amount; the lead-in's round when it states none."""
    text = clause.text
    if clause.amount is not None:
        return clause.round  # 'respectively': the structure pairs each company with its round
    # The round named after the amount ('has now raised a $45M Series B'), else after the verb, else anywhere:
    # a relative clause before may name an earlier round ('Acme, which raised a Series A in 2025, ...').
    after_amount = text[raises[0].start :] if raises else ""
    stated = find_round(after_amount) or find_round(text[anchor:]) or find_round(text)
    if stated is None and any(_GRANT_AFTER.match(text[m.end :]) for m in raises):
        stated = "grant"
    return stated or clause.round


def _investors(clause: Clause, company: str | None, first_money: int) -> Investors:
    found = investors_in(clause.text, first_money)
    invested = _invested_in(clause.text)
    if invested:
        # Who led it, or bought a stake on its own, leads; who merely invested does not.
        subject = read_names(strip_lead_in(clause.text[: invested.start()]))[0]
        if invested["verb"].endswith("led") or "stake" in invested["span"]:
            found.add(leads=subject)
        else:
            found.add(others=subject)
    if clause.list_item:
        found.add(others=trailing_names(clause.text))
    found.add(others=clause.investors)
    found.leads = [n for n in found.leads if n != company]
    found.others = [n for n in found.others if n != company]
    return found


def mention_in_clause(
    clause: Clause,
    locator: str,
    snippet: str,
    published_year: int | None = None,
    antecedent: DealMention | None = None,
) -> DealMention | None:
    """The deal one clause states, or None. `antecedent` is the deal stated before it in the document, for
    a clause whose subject points back ('The company also ...'); `published_year` dates past rounds."""
    text = clause.text
    moneys = find_money(text)
    roles = {m: money_role(text, m, moneys, published_year) for m in moneys}
    raises = [m for m in moneys if roles[m] is Role.RAISE]
    valuations = [m for m in moneys if roles[m] is Role.VALUATION]
    if clause.amount:
        raises = [m for m in moneys if m.text == clause.amount][:1]
    verb = DEAL_VERB.search(text)
    stated_round = find_round(text)
    # 'raised an undisclosed Series A', 'secured an undisclosed sum': a deal of unknown size.
    undisclosed = (
        not raises
        and bool(verb)
        and bool(_UNDISCLOSED.search(text))
        and bool(stated_round or _UNDISCLOSED_RAISE.search(text))
        and not _ACQUISITION.search(text)
    )
    # 'X priced its IPO at $18 per share': a listing whose proceeds a later sentence may state.
    priced_listing = not raises and bool(moneys) and bool(verb) and stated_round in ("ipo", "post_ipo")
    if not raises and not valuations and not undisclosed and not priced_listing:
        return None
    signal = (
        verb
        or stated_round
        or clause.company
        or clause.subject is not None
        or any(_FUNDING_NOUN_AFTER.match(text[m.end :]) or _GRANT_AFTER.match(text[m.end :]) for m in raises)
        or (valuations and (_VALUED_AFTER_ROUND.search(text) or _VALUES_NAME.search(text)))
        or _invested_in(text)
    )
    if not signal:
        return None
    # The subject ends at the verb; failing that, where the valuation or the money is first said ('Acme is
    # now worth $1 billion after raising $100 million').
    valued = _VALUED.search(text)
    money_start = min((m.start for m in raises + valuations), default=len(text))
    anchors = [verb.start()] if verb else []
    anchors += sorted({valued.start() if valued else money_start, money_start})
    for anchor in anchors:
        company, refers_back = _company(clause, anchor, antecedent)
        if company:
            break
    else:
        return None
    first_money = min((m.start for m in raises + valuations), default=0)
    investors = _investors(clause, company, first_money)
    announced = find_date_phrase(text) or clause.announced
    if announced is None and refers_back and antecedent is not None:
        announced = antecedent.announced  # 'The company also took on ...': the same announcement
    return DealMention(
        method=Method.PROSE,
        locator=locator,
        snippet=snippet,
        company=company,
        round=_round(clause, anchor, raises),
        amount=amount_text(text, raises[0]) if raises else ("undisclosed" if undisclosed else None),
        valuation=valuations[0].text if valuations else None,
        announced=announced,
        lead_investors=investors.leads,
        investors=investors.all,
        # 'The company also took on ...': what was said of the company before describes it too.
        context="\n".join(
            filter(None, (clause.context, antecedent.context if refers_back and antecedent else None))
        ),
    )
