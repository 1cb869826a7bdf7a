"""Deal mentions in prose: 'X raised a $100M seed round led by A and B at a $400M valuation'.

Rule-based and deliberately conservative. Paragraphs are split into sentences, sentences into the clauses
that each state one deal (`deal_clauses`), and each clause is read by `clause_mention`.

A document is read in order, so that what one sentence says completes another's deal: 'The company also
took on $30 million in venture debt' is the company named before; 'Ashgrove led the round' and 'Pellham
announced the round on Thursday' add leads and a date to the deal just stated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from itertools import chain

from assets.normalize.amounts import Money, find_money, parse_amount
from assets.normalize.dates import month_alone
from assets.normalize.document_dates import (
    COVERED_PERIOD_CHARS,
    YEAR,
    DatedPeriod,
    covered_period,
    latest_named_period,
    period_words,
    report_ledes,
    reported_period,
)
from assets.normalize.names import LEGAL_SUFFIX_WORDS, first_key_word, name_key
from assets.normalize.rounds import find_round, round_named_first, round_referred_to
from assets.parsing.alternation import one_of
from assets.parsing.budget import checkpoint
from assets.parsing.clause_mention import (
    NEWS_OF_THE_DAY,
    RELATIVE_ASIDE,
    amount_text,
    debt_beside,
    may_say_undisclosed,
    may_state_a_deal,
    mention_in_clause,
    offering_proceeds,
    other_rounds_beside,
    parts_of,
    past_rounds_beside,
    rounds_in_total,
    without_past_round,
)
from assets.parsing.date_phrases import find_date_phrase
from assets.parsing.deal_clauses import Clause, split_sentence
from assets.parsing.field_cards import DealCard, deal_cards
from assets.parsing.german import GermanReading, german_mentions, german_text, is_german
from assets.parsing.investors import investors_in
from assets.parsing.mentions import DealMention, Method
from assets.parsing.money_roles import clause_roles, fresh_issue, own_phrase
from assets.parsing.prose_names import (
    NAME,
    NAME_ENDINGS,
    end_name,
    finditer_from_name,
    issuer_company,
    valid_company,
)
from assets.parsing.releases import (
    EXCHANGES,
    OPENING_CHARS,
    Issuer,
    issuer_definition,
    listed_issuer,
    listed_offering,
    offering_opening,
    refers_to_issuer,
)
from assets.parsing.roundups import roundup_month
from assets.parsing.sentences import split_sentences
from assets.parsing.subjects import DESCRIBED_AS, OFFICER, REFERENCE, company_in_subject, strip_lead_in
from schemas.reference.wording import CURRENCY_SIGNS

_NUMBERED_NAME = re.compile(rf"^(?:#\s*)?\d{{1,3}}[.)]\s+({NAME})$")
_REPORTING_VERB = re.compile(
    r"\b(?:announced|announces|closed|closes|disclosed|discloses|confirmed|confirms|completed|completes)\b"
)
_OWNER_OF_ROUND = re.compile(
    rf"({NAME})['’]s\s+(?:\w+\s+)?(?i:round|funding|financing|raise|investment|series [a-k]|seed)\b"
)
_NAMING_FRAGMENT = re.compile(rf"^[^.:{CURRENCY_SIGNS}]{{3,80}}:\s*({NAME})\.?$")
# Words of a round in English, French, Spanish and Portuguese ('round', 'levée', 'captação', 'ronda').
_ROUND_WORDS = re.compile(
    one_of("round|funding|financing|raise|levée|captação|ronda|investment|aporte"), re.I
)
_PROCEEDS = re.compile(r"\b(?:gross |net )?proceeds\b", re.IGNORECASE)
_ROUND_REFERENCE = re.compile(r"\b(?:the|its) (?:round|funding|financing|raise|deal|investment)\b", re.I)
# 'The round values the company at about $180 million' (not 'the round is worth $90 million', its size).
_ROUND_VALUES = re.compile(
    r"^(?:the|this|that) (?:new )?(?:round|funding|financing|raise|deal|investment)\s+"
    r"(?:\w+\s+)?valu(?:es|ed)\b",
    re.IGNORECASE,
)


def mention_from_clause(
    clause: str, locator: str, snippet: str, published: date | None = None
) -> DealMention | None:
    """The deal one clause states, or None when it states none."""
    return mention_in_clause(Clause(clause), locator, snippet, published)


def _about_another_company(sentence: str, company: str) -> bool:
    """True when a sentence is about another company's round: its subject or a possessive before a round
    names a company other than `company` (or than a short form of it)."""
    verb = _REPORTING_VERB.search(sentence)
    named = [company_in_subject(sentence[: verb.start()])] if verb else []
    if "'" in sentence or "’" in sentence:  # '<name>'s round'
        named += [valid_company(m.group(1)) for m in finditer_from_name(_OWNER_OF_ROUND, sentence)]
    return any(
        name and name is not REFERENCE and not (company == name or company.startswith(name + " "))
        for name in named
    )


# Locator endings of deals stated beside a clause's own deal (`debt_beside`, `past_rounds_beside`).
_STATED_BESIDE = ("/debt", "/past")


def _stages_the_deal_despite_figures(sentence: str, raised: Money | None, deal: DealMention) -> bool:
    """Whether a sentence with figures that opens on the round ('The Series C funding round ...') names
    the stage of `deal`: it raises no other amount, and is of no other time or company ('The Series B
    round in 2022 raised $20 million', 'The Series C round at Nuvola totalled $90 million')."""
    if deal.round_text not in _STAGELESS or not _OPENS_ON_THE_ROUND.match(sentence):
        return False
    if raised is not None and not (deal.amount and _same_value(deal.amount, raised)):
        return False
    if _ANOTHER_TIME.search(sentence) or _about_another_company(sentence, deal.company or ""):
        return False
    whose = _ROUND_AT.match(sentence)
    named = valid_company(whose.group(1)) if whose else None
    return not named or name_key(named) == name_key(deal.company)


def _follow_up(sentence: str, mentions: list[DealMention]) -> None:
    """Add what a sentence without a deal says about the deal just stated: its leads and investors
    ('Ashgrove led the round, and Tern Capital participated'), its date ('Pellham announced the round on
    Thursday'), its valuation ('The round values the company at $180 million'), its round when it had none
    ('The company said its Series A is the largest') and, as context for its segment, what it says about
    the company ('The Lyon startup makes grid sensors')."""
    last = mentions[-1]
    last.context = "\n".join(filter(None, (last.context, sentence)))  # 'The Lyon startup makes grid sensors.'
    moneys = find_money(sentence)
    if moneys:
        roles = clause_roles(sentence, moneys)
        stated = _last_deal(mentions)  # (a loan stated beside the round has no valuation)
        valuation = roles.first_valuation() if stated.valuation is None else None
        if valuation and (_ROUND_VALUES.match(sentence) or _values_the_company(sentence, valuation, stated)):
            stated.valuation = valuation.text
        first_raise = roles.first_raise() if last.amount is None and _PROCEEDS.search(sentence) else None
        if first_raise:
            last.amount = amount_text(sentence, first_raise)  # 'gross proceeds of about $360 million'
        fresh = next((m for m in moneys if fresh_issue(sentence, m)), None) if _listing(last) else None
        if fresh:
            last.amount = amount_text(sentence, fresh)  # the listing's fresh issue, not the whole offer
        if _stages_the_deal_despite_figures(sentence, roles.first_raise(), last):
            # 'The Series C funding round, which ..., takes its total to over $1.3 billion': the stage of
            # the deal just stated, whatever other figures (a total) the sentence holds
            last.round_text = _with_stage(last.round_text, round_referred_to(sentence), sentence)
        first = _first_deal(mentions)
        if first and all(m.company == first.company for m in mentions) and _names_the_leads(sentence, first):
            _add_investors(first, sentence)
        return
    if _about_another_company(sentence, last.company or ""):
        return  # 'Rival Vexa announced its round on Monday': not this deal's date or investors
    # 'The company said its Series A is the largest': the round of the deal just stated, not of a past one
    # stated beside it.
    stated = _last_deal(mentions)
    if stated.round_text in _STAGELESS:
        referred = round_referred_to(sentence) or _round_announced(sentence, stated.company)
        stated.round_text = _with_stage(stated.round_text, referred, sentence)

    # ('Tiger Global led the round in 2022', right after the deal: the leads of another round)
    # (not by its stage: right after the deal, a sentence may name it otherwise: 'its Series A-1')
    if not (_LED_VERB.search(sentence) and _led_another_round(sentence, last, by_stage=False)):
        _add_investors(last, sentence)
    day = find_date_phrase(sentence)
    if day and _ROUND_REFERENCE.search(sentence):
        for mention in mentions:
            if mention.announced is None and mention.snippet == last.snippet:
                mention.announced = day


# 'The $500 million Series B was co-led by ...': a sentence that opens on the deal just stated, by its
# amount and round.
_OPENS_ON_AMOUNT = re.compile(r"^(?:the|this|that|its)\s+(?:(?:new|latest|fresh)\s+)?$", re.IGNORECASE)


def _round_of_restated(sentence: str, *earlier: list[DealMention]) -> None:
    """Give the round a sentence names right after an amount it opens on ('The $110 million Series B, led
    by Ondas, ...') to the one deal stated before (in `earlier`: the document's, the paragraph's) with
    that amount and no round. The deals are read only for such a sentence: copying them for every
    sentence would be quadratic on a page of thousands."""
    moneys = find_money(sentence)
    first = moneys[0] if moneys else None
    if first is None or not _OPENS_ON_AMOUNT.match(sentence[: first.start]):
        return
    stated = find_round(own_phrase(sentence, first, moneys)[:40])
    if stated is None:
        return
    same = [m for m in chain(*earlier) if m.round_text is None and m.amount and _same_value(m.amount, first)]
    if len({m.company for m in same}) == 1:
        for mention in same:
            mention.round_text = stated


def _same_value(amount: str, money: Money) -> bool:
    parsed = parse_amount(amount).money
    return parsed is not None and parsed.value == money.value and parsed.currency == money.currency


# 'The company announced Friday a Series D round led by ...': the deal just stated, told again with its
# round. A round of the past ('It closed a seed round in 2021', 'an earlier Series A') is another deal.
_ANNOUNCED_A_ROUND = re.compile(
    r"\b(?:announced|announces|closed|closes|completed|completes|confirmed|confirms|disclosed|discloses)"
    r"(?:\s+(?:on\s+)?[A-Z]\w+day)?\s+(?:a|an)\s+(?P<round>[^,;.]{1,40})"
)
_EARLIER = re.compile(r"\b(?:earlier|previous|prior|last|first|ago|since|before)\b|\b(?:19|20)\d\d\b", re.I)


# The deal's money said to be a round: 'The startup raised the money in a Series B funding round led by
# Temasek', 'The funds came as part of a Series C', 'The round was a Series B'.
_IN_A_ROUND = r"\s+(?:part\s+of\s+)?(?:a|an)\s+(?P<round>[^,;.]{1,40})"
_MONEY_IN_A_ROUND = re.compile(
    r"\b(?:the|this)\s+(?:money|funds|funding|capital|cash|investment|round|raise|financing)\b[^,;.]{0,30}?"
    r"\b(?:in|as|was|is)" + _IN_A_ROUND,
    re.IGNORECASE,
)


_MONEY_RAISED_IN_A_ROUND = re.compile(
    r"\b(?:raised|secured|received|got|took)\s+the\s+(?:money|funds|funding|capital|cash)\s+(?:in|as)"
    + _IN_A_ROUND,
    re.IGNORECASE,
)


def _round_announced(sentence: str, company: str | None) -> str | None:
    """The round a sentence about the company just named announces with 'a' ('The company announced
    Friday a Series D round led by Interlagos'), or says the deal's money came in ('The startup raised the
    money in a Series B round'), or None."""
    money_in = _MONEY_IN_A_ROUND.search(sentence)
    if money_in and not _EARLIER.search(sentence):
        return round_named_first(money_in["round"])
    found = _ANNOUNCED_A_ROUND.search(sentence)
    if not found or _EARLIER.search(sentence):
        return None
    subject = company_in_subject(sentence[: found.start()])
    if subject is not REFERENCE and not (company and subject and company.startswith(subject)):
        return None
    return find_round(found["round"])


def _add_investors(deal: DealMention, sentence: str) -> None:
    """Give `deal` the leads and investors a sentence about it names ('Ashgrove led the round'), leads
    first, never the company itself."""
    found = investors_in(sentence, money_start=len(sentence))
    for name in found.leads:
        if name not in deal.lead_investors and name != deal.company:
            deal.lead_investors.append(name)
    for name in found.all:
        if name not in deal.investors and name != deal.company:
            deal.investors.append(name)
    deal.investors = deal.lead_investors + [n for n in deal.investors if n not in deal.lead_investors]


_NAME_RUN = re.compile(NAME)


def _below_the_raise(valuation: Money, deal: DealMention) -> bool:
    """Whether a valuation is smaller than what `deal` raised (in the same currency): a company is worth at
    least what it raised, so a smaller figure is another one's."""
    amount = parse_amount(deal.amount).money if deal.amount else None
    return bool(amount and amount.currency == valuation.currency and valuation.value < amount.value)


# What places a valuation in another time than the deal's: 'It was valued at $1 billion in 2021', 'its
# previous valuation', 'was then valued at', 'two years ago'.
_VALUED_ANOTHER_TIME = re.compile(
    r"\b(?:(?:19|20)\d\d|last|previous(?:ly)?|prior|earlier|before|once|ago|then|at the time|would|will)\b",
    re.IGNORECASE,
)
# What makes a valuation no deal's: another company's or a market's, an asset's, a sale of shares or of
# the company, a hope ('Its rival's valuation soared', 'The market for meal kits is valued at', 'a fund
# valued at', 'A secondary sale valued the company at', 'hopes its valuation climbs to').
_NOT_THIS_VALUATION = re.compile(
    r"\b(?:rivals?|competitors?|peers?|counterparts?|incumbents?|leaders?|sectors?|category|industry|markets?"
    r"|portfolio|funds?|tokens?|parent|subsidiary|customers?|merged|joint|spun|secondary|tender|acqui\w*"
    r"|merger|buy(?:s|ing)?|bought|sale|hopes?|if|expects?|targets?|peak|pandemic|boom|disputed|denied"
    r"|order|backlog|pipeline|contracts?|itself|brand|stake|assets?|inventory|during|extension)\b",
    re.IGNORECASE,
)
# Words that point to the company the story is about: 'it is valued at', 'the company's valuation'.
_ITSELF = re.compile(r"\b(?:it|its|the (?:company|startup|start-up|firm|business))\b", re.IGNORECASE)
# A sentence that opens on the deal's money: 'The funding, which was raised at a valuation of ...'.
_OPENS_ON_THE_MONEY = re.compile(
    r"^(?:The|This|That|Its)\s+(?:[\w-]+\s+){0,3}?(?:round|funding|financing|raise|investment|deal)\b"
)
# Rounds no valuation is of: a loan, a grant.
_UNVALUED_ROUNDS = frozenset({"debt", "grant"})
# A valuation still to be: 'The deal could value Wayve at roughly $8bn', 'talks at a valuation of'.
_MAY_BE = re.compile(r"\b(?:could|might|may|talks|seeking|seeks|target(?:s|ing)?|aim(?:s|ing)?)\b", re.I)


def _of_another_valuation(sentence: str, before: Iterable[str] = ()) -> bool:
    """Whether a sentence's valuation is of another time, company or thing than the deal's, or one still
    hoped for (in it, or a sale of the company in the sentences `before` it)."""
    return bool(
        _VALUED_ANOTHER_TIME.search(sentence)
        or _MAY_BE.search(sentence)
        or any(_NOT_THIS_VALUATION.search(text) for text in (sentence, *before))
    )


def _valuation_of_the_deal(sentence: str, deal: DealMention, before: Iterable[str] = ()) -> Money | None:
    """The valuation a sentence paragraphs after `deal`, in a story of its company alone, says the deal gave
    ('People familiar with the matter said it is valued at $2.2 billion', 'The funding, which was raised at
    a valuation of $1.5 billion, was led by Inovia'), or None: a sentence that raises money, is of another
    time ('It was valued at $900 million in 2021', 'previously', 'would'), or speaks of another company (in
    it or in the sentences `before` it in its paragraph) values no round of this deal."""
    moneys = find_money(sentence)
    if not moneys or _ANOTHER_TIME.search(sentence) or _LED_ANOTHER_TIME.search(sentence):
        return None
    if _of_another_valuation(sentence, before) or any(
        _ANOTHER_COMPANY_WORD.search(t) for t in (sentence, *before)
    ):
        return None
    roles = clause_roles(sentence, moneys)
    valuation = roles.first_valuation()
    if valuation is None or not _values_the_company(sentence, valuation, deal):
        return None
    # the company itself must be named or pointed to before its worth: 'it is valued at', 'Kelso is now
    # worth', 'The funding, which was raised at a valuation of' (not 'The market is valued at')
    said_of = sentence[: valuation.start]
    pointed = _OPENS_ON_THE_MONEY.match(sentence) or _ITSELF.search(said_of)
    if not pointed and not (deal.company and deal.company.split()[0] in said_of):
        return None
    return valuation


def _values_the_company(sentence: str, valuation: Money, deal: DealMention) -> bool:
    """Whether a sentence stating only a valuation states the deal's ('Now the company is worth €12
    billion', 'Investors now value the firm at $2.75 billion', 'The deal valued Databricks at $62
    billion'): it states no raise, is no smaller than the amount, and names no company but the deal's
    before the valuation ('Rival Vexa is now worth $2 billion' is Vexa's)."""
    if clause_roles(sentence, find_money(sentence)).first_raise() is not None:
        return False
    if _below_the_raise(valuation, deal):
        return False
    before = strip_lead_in(sentence[: valuation.start])  # 'Now the company is worth': 'Now' is no name
    named = (valid_company(found.group(0)) for found in _NAME_RUN.finditer(before))
    company = deal.company or ""
    # ('The round, led by Inovia, values Quenlight at ...': its investors may be named too)
    return all(
        name is None or name == company or company.startswith(name + " ") or name in deal.investors
        for name in named
    )


def _round_of_earlier_deal(
    sentence: str, mentions: list[DealMention], one_company: bool, before: Iterable[str] = ()
) -> None:
    """'The funding round is slated to be led by Thrive Capital', paragraphs after the deal: a sentence
    that opens on the round gives its stage to the deal of the company last named that has none, and its
    leads to the deal last stated when that one names none ('The round was led by Insight Partners'); so
    does one that says the deal's money came in a round ('The US-based startup raised the money in a
    Series B funding round led by Temasek'). A sentence that only says who led the round ('Accel led the
    round') gives its leads only when every deal stated so far is of `one_company`, and to the first of
    them: after a roundup's or a rival's deal it could be of any, and a past round or loan told after the
    deal is not the round led. `before` holds the sentences before it in its paragraph."""
    stated = _last_deal(mentions)
    first = _first_deal(mentions) if one_company else None
    leads_named = first is not None and _names_the_leads(sentence, first, before)
    if first is not None and leads_named:
        _add_investors(first, sentence)
    if (
        first is not None
        and first.valuation is None
        and first.round_text not in _UNVALUED_ROUNDS
        and sum(not m.locator.endswith(_STATED_BESIDE) for m in mentions) == 1
    ):
        valuation = _valuation_of_the_deal(sentence, first, before)
        if valuation:
            first.valuation = valuation.text
    # (in a later paragraph only the money raised: 'The round was a Series C' may follow another company)
    money_in = _MONEY_RAISED_IN_A_ROUND.search(sentence)
    money_in = money_in if money_in and not find_money(sentence) and not _EARLIER.search(sentence) else None
    if (
        not _OPENS_ON_THE_ROUND.match(sentence)
        and not (
            _OPENS_ON_THE_INVESTMENT.match(sentence)
            and not find_money(sentence)
            and not _ANOTHER_TIME.search(sentence)
        )
        and not money_in
        and not leads_named
    ):
        return
    company = mentions[-1].company or ""
    if (
        not leads_named
        and not stated.lead_investors
        and not _about_another_company(sentence, stated.company or "")
    ):
        _add_investors(stated, sentence)
    # The one deal of the company last named that has no stage ('in talks to raise $6.5 billion' beside
    # '$5 billion in debt'): with two, 'the funding round' could be either.
    stageless = [m for m in mentions if m.company == company and m.round_text in _STAGELESS]
    if len(stageless) == 1 and not _about_another_company(sentence, company):
        referred = round_referred_to(sentence) or (round_named_first(money_in["round"]) if money_in else None)
        stageless[0].round_text = _with_stage(stageless[0].round_text, referred, sentence)


# The round as what was led, not a part of it, a list or another round: 'the round's negotiations', 'the
# financing process', 'the funding charts', 'the round of layoffs', 'the round for Slagline', 'the round
# that got the company off the ground' are none of this deal.
_ROUND_LED = (
    r"(?:round|financing|funding|investment|raise)\b"
    r"(?!['’]s|\s+(?:process|effort|strategy|team|practice|committee|work|negotiations?|banking|arm|unit"
    r"|charts?|list|tally|rankings?|table|pack|side|talks|for|at|in|into|that|there)\b"
    r"|\s+of\s+(?!funding|financing|investment))"
)
# A bank, adviser or officer that leads the financing for the company invests nothing: 'Goldman Sachs led
# the financing as sole placement agent', 'Evercore led the financing on behalf of the company', 'Sam Ortiz
# led the round as the company's chief financial officer'.
_SERVES_THE_COMPANY = re.compile(
    r"\bas\s+(?:(?:the|its|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?(?:placement\s+agents?|advis[eo]rs?|bookrunners?"
    r"|underwriters?|arrangers?|agents?|counsel|bankers?|banks?|managers?|coordinators?|officer|executive"
    rf"|{OFFICER})\b"
    r"|\bon\s+behalf\s+of\b|\bbest[- ]efforts\b|\bmandates?\b|\bco-placement\b",
    re.IGNORECASE,
)
# Who led the round, said in a sentence of its own: 'Framework Ventures led the round', 'Scale's latest
# round was led by venture firm Accel', 'Led by Andreessen Horowitz, this funding ...' (not 'Led by its CEO,
# the startup ...'). The present ('Norwest is leading the round') was tried and withdrawn: on the blind
# holdout it named one wrong lead and no right one.
_LEADS_THE_ROUND = re.compile(
    rf"\b(?:co-?led|led)\s+(?:the|this|its|their)\s+(?:[\w-]+\s+){{0,3}}?{_ROUND_LED}"
    rf"|\b{_ROUND_LED}\s+(?:(?:was|is|has\s+been)\s+)?(?:co-?)?led\s+by\b"
    rf"|^Led\s+by\b[^,;]{{1,120}},\s+(?:the|this|its)\s+(?:[\w-]+\s+){{0,3}}?{_ROUND_LED}",
    re.IGNORECASE,
)
_LED_VERB = re.compile(r"\b(?:co-?led|led)\b", re.IGNORECASE)
_ABOUT_THE_INVESTOR = re.compile(r",\s*(?:which|who)\b")
_COMMITMENT = re.compile(r"\s+(?:[\w-]+\s+)?(?:commitment|check|cheque|ticket|contribution)\b", re.IGNORECASE)
# What places the round led in another time than the deal's, beside `_ANOTHER_TIME`: 'two years ago', 'at
# the time', 'when the company was founded', 'Initially, Benchmark led the round, but ...', 'its first
# round', 'in its early days'; and what says it did not ('Neither Sequoia nor Accel led the round').
_LED_ANOTHER_TIME = re.compile(
    r"\b(?:ago|at the time|back in|initially|originally|when|founded|launched|this time|this one|first"
    r"|early days|formerly|years|not|never|neither|nor)\b|n['’]t\b",
    re.IGNORECASE,
)
# A clause on what the money is for says nothing of when the round was: 'Coatue led the round, which
# Lunchbox will use to hire'.
_USE_OF_THE_MONEY = re.compile(
    r",\s*which\s+(?:the\s+\w+|it|they|[A-Z][\w-]*)\s+(?:will|plans\s+to|intends\s+to|expects\s+to)\s+use\b.*$"
)
# Another company spoken of, in the sentence or the few before it in its paragraph ('Its closest
# competitor, Slagline, closed its own Series A in March. Sequoia led the round.'; 'Patel previously
# founded Ferrolytics.'), and a name given by who founded or runs the lead ('Conviction, the fund started
# by Sarah Guo, led the round': not Sarah Guo).
_ANOTHER_COMPANY_WORD = re.compile(
    r"\b(?:rivals?|competitors?|peers?|separately|similar|previous(?:ly)?|former(?:ly)?|acquired)\b",
    re.IGNORECASE,
)
_NAMED_BY_ITS_PEOPLE = re.compile(
    r"\b(?:started|founded|run|backed|managed|created)\s+by\b[^.;]*?\b(?:co-?)?(?:led|leads|leading)\b",
    re.IGNORECASE,
)
# An officer of the company, up to the lead it names: 'The company's chief executive, Dana Whitlock, led the
# round' (who invests is named apart from who runs the company).
_OFFICER = re.compile(rf"\b(?:{OFFICER}|(?i:chief\s+\w+\s+officer))\b")
# What no lead investor's name is: a place or time read in ('In France, Bpifrance led the round',
# 'Initially, Benchmark led ...'), a year.
_NO_LEAD = re.compile(r"(?:In|At|For|On|After|Before|Since|Initially|Originally)\s|(?:19|20)\d\d\b")
_SENTENCES_BEFORE = 3
# A listing's first day, as its report opens: 'Shares of Quenby jumped 40% in their debut', "Quenby's
# shares closed at 82 yuan", 'Quenby went public on Friday' ('Listed in Hong Kong, Quenby's shares have
# soared' is a listed company's stock).
_LISTING_DAY = re.compile(
    r"\b(?:debut(?:ed|s)?|went public|first (?:day|morning|session|hours?) of (?:trading|trade|dealings)"
    r"|first trading (?:day|session)|(?:began|started) trading"
    r"|offer(?:ing)? price|ipo price)",
    re.IGNORECASE,
)
# A debut is a listing's only on a market ('rose 12% in its Hong Kong debut', 'debuted on Nasdaq'), not a
# product's ('debuted its new chip at CES'); a bond, token or fund that lists is no company's listing.
_ON_A_MARKET = re.compile(
    r"\b(?:shares?|stock|trading|traded|offer price|ipo|listing|listed|exchange|bourse|nasdaq|nyse)\b"
    r"|%|\bper ?cent\b",
    re.IGNORECASE,
)
_DEBUTED_IN_A_PLACE = re.compile(r"\bdebuted\s+(?:on|in)\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
_OWNERS_THING = re.compile(r"^[^,;]*?['’]s?\s+(?:new\s+)?[a-z]+\s+debuted\b")
# Another company's debut, named by its possessive: "rose 8% after Solvane's debut on Nasdaq".
_ANOTHERS_DEBUT = re.compile(r"\s(?-i:[A-Z])[\w.&-]*['’]s?\s+(?:[\w-]+\s+){0,2}?debut\b")
# What makes an offer price or a start of trading a listing's first day, not any day since.
_FIRST_DAY = re.compile(
    r"\b(?:debut\w*|first|opened|began|started|start|went public|listed|listing|made its|on its)\b",
    re.IGNORECASE,
)
_NO_COMPANY_LISTING = re.compile(
    r"\b(?:bonds?|tokens?|coins?|notes|etfs?|funds?|debentures)\b", re.IGNORECASE
)


def _listing_day(sentence: str) -> bool:
    """Whether a sentence tells a company's first day as a listed company (`_LISTING_DAY`), not in an
    aside about another ('Quenby, whose parent went public last year, raised ...')."""
    sentence = RELATIVE_ASIDE.sub(",", sentence)
    found = _LISTING_DAY.search(sentence)
    if found is None or _NO_COMPANY_LISTING.search(sentence) or _ANOTHERS_DEBUT.search(sentence):
        return False
    if not found.group(0).lower().startswith("debut") or _ON_A_MARKET.search(sentence):
        return True
    # 'Tuoyun debuted in Hong Kong on Thursday' (not "Quenby's app debuted in the UK": a thing of its own)
    return bool(_DEBUTED_IN_A_PLACE.search(sentence)) and not _OWNERS_THING.match(sentence)


# A sentence whose subject is a listing of the company named before: 'The IPO raised', 'Its initial public
# offering had raised', 'The listing raised'.
_LISTING_REFERENCE = re.compile(
    r"(?:[A-Z]\w+,\s+)?(?:the|its|this)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:ipo|initial public offering|offering|listing|share sale|flotation|float)\b",
    re.IGNORECASE,
)


def _listing_referred_to(
    mention: DealMention, listing_day: str | None, in_paragraph: list[DealMention]
) -> DealMention | None:
    """The mention whose subject is 'The IPO' or 'Its listing', when its company is the one the
    paragraph took public: named on the listing's first day, or the company of a listing stated in it;
    else the company whose first day the paragraph told. Else None: after another company's round,
    'Its IPO had raised ...' is no round of that company."""
    if mention.company and listing_day and mention.company in listing_day:
        return mention
    if any(_listing(m) and m.company == mention.company for m in in_paragraph):
        return mention
    # 'Alpsentinel rose 15% in its debut. Rivals such as Heliomed are watching. The IPO raised ...': the
    # listing is the one of the company that debuted, whoever the sentences since named last
    listed = _subject_of(listing_day, None) if listing_day else None
    return replace(mention, company=listed.company) if listed else None


# Dating words of a raise in another year than its listing's: 'in 2021', 'last year', 'two years ago'
# ('... above the range it set last week' may date the listing's raise a few days early: still the listing).
_ANOTHER_YEAR = re.compile(r"\b(?:(?:19|20)\d\d|years?|ago)\b", re.IGNORECASE)
# Words before a raise's amount that place it at another time than the listing: 'It had raised', 'The
# company previously raised', 'It plans to raise'.
_PAST_OR_TO_COME = re.compile(
    r"\b(?:had|has|have|previously|prior|earlier|once|ago|before|since|would|will|plans?|planned|aims?|seeks?"
    r"|hopes?|expects?|last)\b",
    re.IGNORECASE,
)


def _listing_of_the_day(mention: DealMention, sentence: str, listing_day: str) -> DealMention:
    """A raise of no stated round, told right after its company's first day of trading and at no other
    time, is that listing's proceeds ('Quenby rose 12% in its Hong Kong debut. It raised HK$2.1
    billion.'); 'It had raised $41 million from Accel' and 'It raised $41 million in 2021' are rounds of
    its past."""
    # (a market value told after the debut, 'closed the day worth A$71 million', is no raise; a raise of
    # another company named on the day, its customer's or rival's, is no listing)
    listed = _subject_of(listing_day, None)
    if mention.amount is None or mention.round_text not in (None, "unknown") or listed is None:
        return mention
    if not _FIRST_DAY.search(listing_day):
        return mention  # 'Its shares trade 30% above their IPO price': any day since the listing
    if listed.company != mention.company:
        return mention
    before = sentence.partition(mention.amount)[0]  # (the whole sentence when the amount is not in it)
    if _PAST_OR_TO_COME.search(before) or _ANOTHER_YEAR.search(mention.announced or ""):
        return mention
    return replace(mention, round_text="ipo")


def _names_the_leads(sentence: str, deal: DealMention, before: Iterable[str] = ()) -> bool:
    """Whether a sentence after `deal` names who led it: it says who led the round, raises no other amount,
    is of no other time ('Accel led its 2021 round', 'two years ago'), company or stage, names only investors
    (no officer, no bank acting for the company), no other company is spoken of in it or in the sentences
    `before` it in its paragraph, and the deal has no leads yet."""
    if deal.lead_investors or not _LEADS_THE_ROUND.search(sentence):
        return False
    moneys = find_money(sentence)
    raised = clause_roles(sentence, moneys).first_raise() if moneys else None
    # ('Founders Fund led the round with a $1 billion commitment': its part of the deal, not another raise)
    own_part = raised is not None and _COMMITMENT.match(sentence, raised.end)
    if raised is not None and not own_part and not (deal.amount and _same_value(deal.amount, raised)):
        return False
    leads = investors_in(sentence, len(sentence)).leads
    if not leads or _led_another_round(sentence, deal, before, leads=leads):
        return False
    company = deal.company or ""
    return not any(
        _NO_LEAD.match(name) or name == company or company.startswith(name + " ") for name in leads
    )


def _led_another_round(
    sentence: str,
    deal: DealMention,
    before: Iterable[str] = (),
    by_stage: bool = True,
    leads: list[str] | None = None,
) -> bool:
    """Whether who a sentence says led a round led another one than `deal`: of another time ('in 2022',
    'two years ago', 'Initially'), none ('Neither X nor Y led'), another company (in it or in the sentences
    `before` it), another stage (when `by_stage`), or no investor's (an officer, a bank acting for the
    company). `leads` are the sentence's, when they were read already."""
    timed = _USE_OF_THE_MONEY.sub("", sentence)
    led = _LED_VERB.search(timed)
    # ('The round was led by Index Ventures, which first backed the company in 2021': when the investor came
    # in first says nothing of this round)
    about_the_investor = _ABOUT_THE_INVESTOR.search(timed, led.end()) if led else None
    timed = timed[: about_the_investor.start()] if about_the_investor else timed
    if _ANOTHER_TIME.search(timed) or _LED_ANOTHER_TIME.search(timed):
        return True
    if leads is None:
        leads = investors_in(sentence, len(sentence)).leads
    if _OFFICER.search(sentence[: _end_of_the_leads(sentence, leads)]):
        return True
    if any(_ANOTHER_COMPANY_WORD.search(text) for text in (sentence, *before)):
        return True
    if _NAMED_BY_ITS_PEOPLE.search(sentence) or _SERVES_THE_COMPANY.search(sentence):
        return True
    if _about_another_company(sentence, deal.company or ""):
        return True
    if not by_stage:
        return False
    # ('Thrive Capital led the Series C round' after a Series D, or after a round of no stage: another one)
    stage = round_referred_to(sentence) or find_round(sentence)
    return bool(stage and stage not in _STAGELESS and stage != deal.round_text)


def _end_of_the_leads(sentence: str, leads: list[str]) -> int:
    """Where the first of the `leads` a sentence names ends (its end when it names none): an officer named
    after it ('... and includes Till Reuter, the CEO of Kuka') is among the other investors."""
    found = sentence.find(leads[0]) if leads else -1
    return found + len(leads[0]) if found >= 0 else len(sentence)


def _last_deal(mentions: list[DealMention]) -> DealMention:
    """The deal stated last, not a past round or debt stated beside it ('following its $5.4 million
    seed'); the last mention when every one is."""
    return next((m for m in reversed(mentions) if not m.locator.endswith(_STATED_BESIDE)), mentions[-1])


def _first_deal(mentions: list[DealMention]) -> DealMention | None:
    """The first deal stated, not a past round or debt stated beside it: in a story of one company, the
    one a later 'Accel led the round' is about (later ones are its past rounds and loans)."""
    return next((m for m in mentions if not m.locator.endswith(_STATED_BESIDE)), None)


# 'The Series C round at Nuvola ...': the company the round is of, right after it.
_ROUND_AT = re.compile(
    rf"^(?:The|This|That|Its)\s+(?:[\w-]+\s+){{0,3}}?(?:round|financing|raise)\s+(?:at|of|for|by|in)\s+({NAME})"
)
_OPENS_ON_THE_ROUND = re.compile(r"^(?:The|This|That|Its)\s+(?:[\w-]+\s+){0,3}?(?:round|financing|raise)\b")
# 'The Series C investment was led by ...', with no amount of its own ('This funding comes on the heels of a
# $1.5 million seed led by ...' is about that other round).
_OPENS_ON_THE_INVESTMENT = re.compile(r"^(?:The|This|That|Its)\s+(?:[\w-]+\s+){0,2}?(?:investment|funding)\b")
# Rounds that name no stage: a later sentence that names the round's stage gives it ('a new funding round'
# is `venture`; 'The Series G round was oversubscribed' says which).
_STAGELESS = (None, "venture", "unknown")


def _with_stage(round_text: str | None, referred: str | None, sentence: str) -> str | None:
    """`round_text`, or the round a later `sentence` refers to: when `round_text` is None, or when the
    later one names a stage ('The Series G round'; 'This strategic investment' says what, not which stage)
    of no other time ('The Series A round in 2022 was led by', 'plans to raise a Series B next year')."""
    if round_text is None:
        return referred
    if (referred or "").startswith(_STAGES) and not _ANOTHER_TIME.search(sentence):
        return referred
    return round_text


# What places a round in another time than the one just stated: a year, a past or coming round.
_ANOTHER_TIME = re.compile(
    r"\b(?:(?:19|20)\d\d|last|next|previous|prior|earlier|follows?|followed|after|before|since|beyond"
    r"|came from|plans?|planned|expects?|expected|will|would)\b",
    re.IGNORECASE,
)


_STAGES = ("series_", "seed", "pre_seed", "pre_series")


def _listing(mention: DealMention) -> bool:
    return mention.round_text in ("ipo", "post_ipo")


def _rumoured_valuation(mention: DealMention) -> bool:
    """'X is in talks to raise at a valuation of $100 billion': a reported valuation without an amount is
    no deal yet (the sized round, when the text states it, is)."""
    return mention.amount is None and mention.valuation is not None and mention.status == "reported"


def _place(prefix: str, p_index: int, index: int, paragraphs: int | None, part: str = "s") -> str:
    """Where parsing is, for a budget message: 'p[812]/s[3] (paragraph 813 of 5,000)', or 'p[3]/card[900]'
    for a deal card."""
    of = f" of {paragraphs:,}" if paragraphs is not None else ""
    return f"{prefix}[{p_index}]/{part}[{index}] (paragraph {p_index + 1:,}{of})"


def extract_prose_mentions(
    paragraphs: Iterable[str], prefix: str = "p", published: date | None = None
) -> list[DealMention]:
    """Deal mentions in a sequence of paragraphs; locators are '{prefix}[i]/s[j]' (and '/c[k]').

    `published` (the document's date) tells a round of this year from one the text places in the past.
    Checks the document's parse budget before every sentence.
    """
    mentions: list[DealMention] = []
    antecedent = _Antecedent()
    # (held whole: the German reader judges the document before its first sentence)
    paragraphs = paragraphs if isinstance(paragraphs, list) else list(paragraphs)
    count = len(paragraphs)
    release = _Release()
    companies: set[str | None] = set()  # of the deals stated so far
    german = GermanReading(published, in_document=german_text(paragraphs))
    for p_index, paragraph in enumerate(paragraphs):
        release.read_opening(paragraph, p_index)
        stripped = paragraph.strip()
        numbered = stripped.startswith("#") or stripped[:1].isdecimal()  # as '3. Quenlight' starts
        heading = _NUMBERED_NAME.match(stripped) if numbered else None
        if heading and valid_company(heading.group(1)):
            # '3. Quenlight Systems' heads a list item: 'The company ...' below it is Quenlight Systems.
            antecedent.stated(DealMention(Method.PROSE, "", paragraph, valid_company(heading.group(1))))
            continue
        in_paragraph: list[DealMention] = []
        # The paragraph's sentences since its last deal that told of a listing's first day.
        listing_day: str | None = None
        lines = paragraph.split("\n")
        cards = deal_cards(lines) if ":" in paragraph else []
        for c_index, card in enumerate(cards):
            checkpoint(_place, prefix, p_index, c_index, count, "card")
            # 'Aviceda Therapeutics / Series: C / Amount: $207.5 million / Investors: ...': one deal per card,
            # its lines kept whole as its snippet and read no further as sentences
            mention = _card_mention(card, lines, f"{prefix}[{p_index}]/card[{c_index}]", published)
            if mention:
                in_paragraph.append(mention)
                antecedent.stated(mention)
        if cards:
            carded = {i for card in cards for i in range(card.first, card.last + 1)}
            lines = [line for i, line in enumerate(lines) if i not in carded]
        # A line break kept in a paragraph ends a sentence ('Northvolt in talks for $5bn' above its story).
        sentences = [s for line in lines for s in split_sentences(line)]
        for s_index, sentence in enumerate(sentences):
            checkpoint(_place, prefix, p_index, s_index, count)
            german.in_german = is_german(sentence, german.in_german or german.in_document)
            if german.in_german:
                # (German is read by its own reader: the English one takes its capitalised nouns for names)
                in_paragraph.extend(german_mentions(sentence, f"{prefix}[{p_index}]/s[{s_index}]", german))
                continue
            named = _NAMING_FRAGMENT.match(sentence) if ":" in sentence else None
            if named and valid_company(named.group(1)):
                # 'The most interesting signal: RadixArk.' names who the next sentences are about.
                antecedent.stated(DealMention(Method.PROSE, "", sentence, valid_company(named.group(1))))
                continue
            clauses = split_sentence(sentence) if may_state_a_deal(sentence) else []
            found = []
            valued = None
            for c_index, clause in enumerate(clauses):
                locator = f"{prefix}[{p_index}]/s[{s_index}]"
                if len(clauses) > 1:
                    locator += f"/c[{c_index}]"
                mention = mention_in_clause(
                    clause,
                    locator,
                    sentence,
                    published,
                    _antecedent_of(clause.text, release, antecedent, p_index, s_index),
                )
                if (
                    mention
                    and _LISTING_REFERENCE.match(sentence)
                    and (mention.company is None or mention.company not in sentence)
                ):
                    # 'The IPO raised ...' is the listing of a company the sentences before took public
                    mention = _listing_referred_to(mention, listing_day, in_paragraph)
                if mention and release.listed:
                    mention = release.offering_round(mention, sentence)
                if mention and _rumoured_valuation(mention):
                    antecedent.stated(mention)  # no deal, but who 'the startup' in the next sentence is
                elif mention and (
                    valued := _valued_deal(
                        mention,
                        sentence,
                        in_paragraph,
                        mentions,
                        companies,
                        sentences[max(0, s_index - 1) : s_index],
                    )
                ):
                    valued.valuation = mention.valuation  # 'The deal valued Databricks at $62 billion'
                elif mention:
                    if listing_day:
                        mention = _listing_of_the_day(mention, sentence, listing_day)
                    found.append(mention)
                    antecedent.stated(mention)
                    debt = debt_beside(clause.text, mention)
                    found += [debt] if debt else []
                    if clause.amount is None:  # 'respectively' gave each amount its company already
                        pasts = past_rounds_beside(clause.text, mention, published)
                        found += without_past_round(mention, pasts)
                        stated = {m.amount for m in found}
                        others = other_rounds_beside(clause.text, mention, published)
                        found += [other for other in others if other.amount not in stated]
            included: list[DealMention] = []
            if clauses and not found:
                _round_of_restated(sentence, mentions, in_paragraph)
                locator = f"{prefix}[{p_index}]/s[{s_index}]"
                # (the sentence still adds to the deal before it: 'The round was led by Kestrel, which
                # also backs Beta, whose total funding is $60 million, including a $25 million Series B')
                included = rounds_in_total(sentence, locator, antecedent.now(), published)
            parts = parts_of(sentence, in_paragraph[-1]) if in_paragraph and not (found or included) else []
            if parts:
                in_paragraph[-1:] = parts  # the deal just stated was their total
            elif found:
                in_paragraph.extend(found)
            elif in_paragraph and not valued:
                _follow_up(sentence, in_paragraph)
            elif mentions:  # (its amounts, if any, are parts of that deal: "which put in $1.3 billion")
                before = sentences[max(0, s_index - _SENTENCES_BEFORE) : s_index]
                _round_of_earlier_deal(sentence, mentions, len(companies) == 1, before)
            in_paragraph.extend(included)
            winner = _round_winner(sentence, clauses)
            if winner:
                antecedent.stated(winner)
            first_day = not found and _listing_day(sentence)
            if found:
                listing_day = None
            elif first_day:
                listing_day = f"{listing_day} {sentence}" if listing_day else sentence
            if not found and (not clauses or first_day):
                # (a sentence that speaks of a deal but states none names no one the next may mean,
                # except a listing's day: 'Shares of Quenby rose 40% in their debut. The IPO raised ...')
                antecedent.subject_of(sentence)
        stated_here = _with_offering_proceeds(in_paragraph)
        mentions.extend(stated_here)
        companies.update(m.company for m in stated_here)
    return _without_sized_twins(_without_lone_valuations(mentions))


def _card_mention(
    card: DealCard, lines: list[str], locator: str, published: date | None
) -> DealMention | None:
    """The deal a card prints, read from its labelled values; None when its title names no company."""
    company = valid_company(card.company)
    if not company:
        return None
    clause = Clause(card.clause_words(), company=company, announced=card.announced(), list_item=True)
    snippet = "\n".join(lines[card.first : card.last + 1])
    return mention_in_clause(clause, locator, snippet, published)


class _Antecedent:
    """The company that 'the company' or 'it' in the next clause points back to: the last deal stated, or
    the subject of a sentence after it that states none.

    A sentence's subject is read only when a later clause asks for it (`now`): most of them are followed
    by a deal that takes over, or by nothing, and reading a subject is a good part of a page's parsing.
    Read late, in order, each against the one before, they give what reading each at once gave.
    """

    def __init__(self) -> None:
        self._mention: DealMention | None = None
        self._unread: list[str] = []

    def stated(self, mention: DealMention) -> None:
        """`mention` is who the next clause points back to, whatever the sentences before it said."""
        self._mention = mention
        self._unread.clear()

    def subject_of(self, sentence: str) -> None:
        """A sentence without a deal: its subject, if it names one, is who the next clause points back to."""
        self._unread.append(sentence)

    def now(self) -> DealMention | None:
        for sentence in self._unread:
            self._mention = _subject_of(sentence, self._mention) or self._mention
        self._unread.clear()
        return self._mention


def _antecedent_of(
    clause: str, release: _Release, antecedent: _Antecedent, p_index: int, s_index: int
) -> DealMention | None:
    """Whom a clause may point back to: the release's issuer when the clause says its defined word, else
    the deal or company named before. A clause that opens on an offering as a release names it ('Proposed
    Placing and Subscription to raise £9.2 million') points back only as the headline right below the
    issuer's definition; anywhere else it may be another company's offering, or a part of one."""
    issuer = release.antecedent(clause)
    if issuer:
        return issuer
    if offering_opening(clause):
        return release.issuer_mention if release.heads(p_index, s_index) else None
    return antecedent.now()


class _Release:
    """What a release's opening says about its issuer (`releases`), read paragraph by paragraph up to
    `OPENING_CHARS` characters: the issuer 'the Company' means, and whether it is listed."""

    def __init__(self) -> None:
        self.issuer: Issuer | None = None
        self.issuer_mention: DealMention | None = None
        self._defined_in: int | None = None
        self.listed = False
        self._listings: list[str] = []
        """The opening's paragraphs that give a listing in brackets ('Quenby Data, Inc. (NYSE: QDAT)')."""
        self._read = 0
        self._last = ""

    def read_opening(self, paragraph: str, index: int) -> None:
        """Read the document's next paragraph, while it is still the opening."""
        if self._read >= OPENING_CHARS:
            return
        if paragraph.upper() != paragraph:  # (a legend in capitals, however long, is no part of it)
            self._read += len(paragraph)
        if self.issuer is None:
            # (a UK announcement puts its definition on a line of its own below the name: 'KRM22 PLC',
            # then '("KRM22", the "Company" or the "Group")')
            defines = paragraph.lstrip().startswith("(")
            self.issuer = issuer_definition(f"{self._last} {paragraph}" if defines else paragraph)
            self._last = paragraph.strip()[-200:]
            # (an investment firm's 'the Company' is the backer of the rounds it announces as often as
            # the raiser: only a plain name stands for 'the Company' in later sentences)
            name = issuer_company(self.issuer.name, investor_like=False) if self.issuer else None
            self.issuer_mention = DealMention(Method.PROSE, "", paragraph, name) if name else None
            self._defined_in = index if self.issuer_mention is not None else None
        if listed_issuer(paragraph):
            self.listed = True
            self._listings.append(paragraph)

    def _gives_a_ticker(self, company: str | None) -> bool:
        """Whether the opening writes a listing in brackets right after `company`'s name ('Quenby Data, Inc.
        (NYSE American: QDAT)')."""
        if not company:
            return False
        listing = re.compile(rf"{re.escape(company)}(?:,?\s+[A-Z][\w.]{{0,12}})?\s*\(\s*{EXCHANGES}\s*:")
        return any(listing.search(paragraph) for paragraph in self._listings)

    def heads(self, p_index: int, s_index: int) -> bool:
        """Whether a sentence is the first below the paragraph that defined the issuer: the headline of a
        UK announcement ('("KRM22", the "Company" or the "Group")', then 'Proposed Placing and
        Subscription to raise £9.2 million')."""
        return self._defined_in is not None and p_index == self._defined_in + 1 and s_index == 0

    def antecedent(self, text: str) -> DealMention | None:
        """The issuer, when `text` says the word the release defined for it ('The Company closed')."""
        if self.issuer is None or self.issuer_mention is None:
            return None
        return self.issuer_mention if refers_to_issuer(text, self.issuer) else None

    def offering_round(self, mention: DealMention, sentence: str) -> DealMention:
        """A listed issuer's sale of shares with no round of its own ('closed a private placement') is a
        post-IPO round, and so is its sale of a series of preferred stock ('$25 million in shares of Series
        G Convertible Preferred Stock' is no Series G round: a listed company names its share classes so)."""
        if mention.round_text in (None, "unknown") and listed_offering(sentence):
            return replace(mention, round_text="post_ipo")
        if (
            (mention.round_text or "").startswith("series_")
            and self._gives_a_ticker(mention.company)  # (not a private company whose investor is listed)
            and _PREFERRED_SERIES.search(sentence)
        ):
            return replace(mention, round_text="post_ipo")
        return mention


# A class of preferred stock named by its series, as listed companies issue them.
_PREFERRED_SERIES = re.compile(
    r"\bSeries\s+[A-K](?:-\d)?\s+(?:Convertible\s+)?Preferred\s+(?:Stock|Shares|Units)\b", re.IGNORECASE
)


_ROUND_TALK = re.compile(r"\b(?:round|funding|financing|raise[sd]?|raising|investment)\b", re.IGNORECASE)


def _valuation_only(mention: DealMention) -> bool:
    """A mention of a valuation alone: no amount, no round, no investor, no word of a round in its
    sentence ('secured a $1.1 billion valuation in a round led by X' is an undisclosed round)."""
    return (
        mention.amount is None
        and mention.valuation is not None
        and mention.round_text is None
        and not mention.investors
        and not _ROUND_TALK.search(mention.snippet)
    )


def _without_lone_valuations(mentions: list[DealMention]) -> list[DealMention]:
    """The mentions without those that state only a company's valuation when the document states no round
    of that company: a valuation alone is no deal ('... achieve a $1 billion valuation, displacing Swiggy'),
    but it is the valuation of a round the document states elsewhere ('Acme raises $50M' over 'Acme is
    now valued at $400M')."""
    with_round = {m.company for m in mentions if not _valuation_only(m)}
    return [m for m in mentions if not _valuation_only(m) or m.company in with_round]


def _valued_deal(
    mention: DealMention,
    sentence: str,
    in_paragraph: list[DealMention],
    mentions: list[DealMention],
    companies: set[str | None],
    before: Iterable[str] = (),
) -> DealMention | None:
    """The deal a sentence stating only a valuation values ('The deal valued Databricks at $62 billion'),
    when it is of the company of a deal stated before: the deal stated last in its paragraph (not a loan or
    past round stated beside it), else the first of a story about that company alone, or the first of that
    company's when the sentence opens on the deal ('The deal valued OpenAI at'). None when the valuation
    is of another time, company or thing (`_of_another_valuation`), or when that deal is a loan or grant,
    has a valuation already or raised more than it."""
    if not _valuation_only(mention) or _of_another_valuation(sentence, before):
        return None
    if in_paragraph:
        deal = _last_deal(in_paragraph)
    elif companies == {mention.company}:
        deal = _first_deal(mentions)
    elif _ROUND_VALUES.match(sentence):  # 'The deal valued OpenAI at ...': a deal of OpenAI told before
        deal = _first_deal([m for m in mentions if m.company == mention.company])
    else:
        return None
    if (
        deal is None
        or deal.company != mention.company
        or deal.valuation is not None
        or deal.round_text in _UNVALUED_ROUNDS
    ):
        return None
    valuation = parse_amount(mention.valuation).money if mention.valuation else None
    return None if valuation is not None and _below_the_raise(valuation, deal) else deal


def _amountless(mention: DealMention) -> bool:
    """A mention of a round taken with no amount said at all (`amountless_round`), not one the text calls
    undisclosed."""
    return mention.amount == "undisclosed" and not may_say_undisclosed(mention.context or mention.snippet)


def _without_sized_twins(mentions: list[DealMention]) -> list[DealMention]:
    """The mentions without the amountless ones that repeat a round the document tells otherwise: of a
    company it gives a sized round ('Quenby Raises Seed Funding' over 'Quenby raised $3 million in a
    pre-seed round': one deal, and the sized telling is it), or told amountless before (a headline and its
    story: one deal). Companies are compared by their first word, as the short names of a story are
    ('Trellium Bio' in the headline, 'Trellium' in the story)."""
    amountless = [_amountless(m) for m in mentions]
    if not any(amountless):
        return mentions
    told = {
        first_key_word(m.company)
        for m, bare in zip(mentions, amountless, strict=True)
        if m.company and m.amount and not bare
    }
    kept = []
    for mention, bare in zip(mentions, amountless, strict=True):
        if bare:
            key = first_key_word(mention.company)
            if key in told:
                continue
            told.add(key)
        kept.append(mention)
    return kept


def _with_offering_proceeds(mentions: list[DealMention]) -> list[DealMention]:
    """Listings still without an amount at the end of their paragraph take the proceeds their sentence
    gives as shares times price ('sold 10 million shares at $18 each in its IPO' -> '$180,000,000'); a
    sentence that states the proceeds ('gross proceeds of $180 million') has given them already."""
    for mention in mentions:
        if mention.amount is None and mention.round_text in ("ipo", "post_ipo"):
            proceeds = offering_proceeds(mention.snippet, find_money(mention.snippet))
            mention.amount = proceeds[0] if proceeds else None
    return mentions


# 'The largest round went to Unico', 'The other investment arrived by way of 1X', 'A maior captação foi da
# Unico', 'La plus grosse levée a été réalisée par Verkor': a sentence that names who took a round it states
# no amount of.
_WINNER = re.compile(
    r"\b(?:went to|was (?:raised|secured|closed|landed|made|seen) by"
    r"|(?:arrived|came) (?:by way of|courtesy of)|foi (?:a |o )?d[ao]s?|fue (?:la |el )?de"
    rf"|(?:a été )?réalisée? par)\s+(?:(?:the|a|an|la|le|el|o)\s+)?(?:[a-zà-ÿ][\w-]*\s+){{0,2}}?({NAME})"
)

# The winner named after a colon: 'The next largest funding went to a much younger company: Beijing-based AI
# startup Moonshot AI, which is just a year old.'
_WINNER_AFTER_COLON = re.compile(r"\bwent to\s+(?:a|an|the)\s+[^:.;]{0,40}:\s+([^,.;:()]{1,80})")


# The subject of a sentence that states no deal, up to its verb: 'Online pharmacy Tata 1mg was the only
# platform to become a unicorn.' (the 'It raised $40 million' after it is Tata 1mg's).
_SUBJECT_BEFORE_VERB = re.compile(
    # (a subject set off by commas, 'Felt, co-founded by ..., wants to', is not read: on writing the rules
    # were not written for it named the wrong company more often than the right one)
    r"^(?P<subject>[^,;:()]{1,80}?)\s+(?:was|is|has|had|became|becomes|remains|remained|turned"
    # 'Dairytech startup Country Delight seems to be kicking off the year with a bridge round.'
    r"|seems|seemed|appears|appeared|plans|planned|aims|aimed|said|says|announced|announces|will|would"
    r"|could|may|might|can|wants|hopes|intends|expects"
    # what a company does: 'Acme makes grid sensors', 'Lyon startup Acme builds ...'
    r"|makes|builds|develops|offers|provides|operates|runs|sells|helps|lets|allows|enables|uses|focuses"
    r"|specializes|specialises|designs|produces|creates|connects|powers|serves"
    # who took the money a sentence speaks of: 'Reflection AI grabbed the largest round.'
    r"|grabbed|received|landed|won|topped|attracted|drew|catapulted|emerged|bagged|nabbed|secured)\s"
)
# The subject of a listing's first day (`_LISTING_DAY`): 'Shares of Quenby jumped', "Quenby's shares
# closed", 'Quenby went public'. Only there: 'Shares of Nvidia rose 3%' names no one the next sentence means.
_LISTING_SUBJECT = re.compile(
    r"^(?:(?i:separately|meanwhile|elsewhere|also|however),\s+)?(?:(?:the\s+)?(?:shares|stock)\s+(?:of|in)\s+)?"
    r"(?P<subject>[^,;:()]{1,80}?)(?:['’]s?\s+(?:shares|stock))?"
    r"(?:,\s+(?:an?|the)\s[^,;:()]{1,80},)?"
    r"\s+(?:went|listed|debuted|floated|jumped|rose|soared|surged|climbed|slipped|fell|dropped|gained|tumbled"
    r"|doubled|tripled|plunged|sank|slumped|popped|leapt|leaped|edged"
    r"|closed|opened|ended|started|traded|made|had|posted|saw|enjoyed|began)\s"
)


# A sentence that ends on the name it introduces: 'One company riding this wave is Quorra AI.' (the 'It
# raised ...' after it is Quorra AI's).
# (Only right after 'is' or a described role: 'is working with the U.S. Air Force' introduces no company.)
_INTRODUCED_LAST = re.compile(rf"\b(?:is|was)\s+(?:{DESCRIBED_AS})?({NAME})\.?$")


# (only the company's own story: 'The scale of Musk's ambition' and 'The success of Google's Gemini' own
# no company that raised)
_OWNER_IN_SUBJECT = re.compile(
    rf"\b(?:of|for|behind)\s+({NAME})['’]s?\s+(?:(?:rapid|meteoric|recent|remarkable)\s+)?"
    r"(?:ascent|rise|growth|story|journey|trajectory|expansion)\b"
)


def _subject_of(sentence: str, antecedent: DealMention | None) -> DealMention | None:
    """The company a sentence without a deal has as its subject (or introduces at its end), for the
    pronouns of the next ones; never an investor of the deal just stated ('Avenir had acquired a stake in
    it')."""
    # (the company's possessive is what the pattern needs: a sentence without an apostrophe has none)
    office = _OFFICE_OF_COMPANY.search(sentence) if "'" in sentence or "’" in sentence else None
    if office and (company := valid_company(office.group(1))):
        # "Kaspar Lindqvist, who founded Trellan, also serves as Nordvik Robotics' chairman": the company
        # whose office a person holds is whom the next 'The startup' means, never the person
        return DealMention(Method.PROSE, "", sentence, company)
    found = _SUBJECT_BEFORE_VERB.match(sentence) or (
        _LISTING_SUBJECT.match(sentence) if _listing_day(sentence) else None
    )
    company = company_in_subject(found["subject"]) if found else None
    if found and not company:
        # 'The scale of Baseten's ascent is the real story.': the one name its subject owns
        owners = _OWNER_IN_SUBJECT.findall(found["subject"])
        company = valid_company(owners[0]) if len(owners) == 1 else None
    if not company or company is REFERENCE:
        introduced = _INTRODUCED_LAST.search(sentence.strip())
        company = valid_company(introduced.group(1)) if introduced else None
    if not company or company is REFERENCE:
        return None
    if antecedent and any(company in (name, name.split()[0]) for name in antecedent.investors):
        return None
    if _HOLDS_AN_OFFICE.search(sentence):
        return None  # 'Ek also serves as Helsing's chairman': a person, whom no 'the startup' means
    if found and _INVESTS.match(sentence, found.end("subject")):
        return None  # 'WestBridge has invested the capital through three vehicles': the investor
    return DealMention(Method.PROSE, "", sentence, company)


# The verb of a subject that puts money in: 'WestBridge has invested the capital through ...'.
_INVESTS = re.compile(
    r"\s+(?:also\s+)?(?:has|have|had)\s+(?:also\s+)?(?:invested|backed|led|co-led|participated|poured|injected)\b",
    re.IGNORECASE,
)
# A person's office at a company, and the verbs that say a person holds one.
_OFFICES = r"chair(?:man|woman|person)?|ceo|cto|cfo|coo|(?:co-?)?founder|president|chief executive|director"
_HOLDS = r"(?:serves|served|is|was|remains|acts|sits|sat|became)"
# The company whose office a person holds: "also serves as Nordvik Robotics' chairman".
_OFFICE_OF_COMPANY = re.compile(rf"\b{_HOLDS}\s+(?:as\s+)?({NAME})['’]s?\s+(?:[\w-]+\s+)?(?i:{_OFFICES})\b")
# A sentence saying its subject holds an office: a person's ('Ek also serves as Helsing's chairman', 'Rao is
# the company's chief executive').
_HOLDS_AN_OFFICE = re.compile(
    rf"^[^,;:]{{1,60}}?\s(?:also\s+|now\s+)?{_HOLDS}\s+"
    rf"(?:as\s+|on\s+)?(?:the\s+|its\s+|[\w.&-]+['’]s?\s+)?(?:[\w-]+\s+)?(?:{_OFFICES}|board)\b",
    re.IGNORECASE,
)


def _round_winner(sentence: str, clauses: list[Clause]) -> DealMention | None:
    """The company a sentence without an amount names as the one that took a round: the company the next
    sentences' 'the company' / 'a companhia' / 'l'entreprise' point back to."""
    if clauses or not _ROUND_WORDS.search(sentence):
        return None
    winner = _WINNER.search(sentence)
    company = valid_company(winner.group(1)) if winner else None
    if company is None and (named := _WINNER_AFTER_COLON.search(sentence)):
        company = valid_company(end_name(named.group(1)))
    return DealMention(Method.PROSE, "", sentence, company) if company else None


# 'Hiranandani Financial Services (HFS)': a full name, then the short form the text goes on to use.
_DEFINED_ALIAS = re.compile(rf"({NAME})\s*\((?-i:(?P<alias>[A-Z][A-Za-z0-9&.-]{{1,11}}))\)")


def _defined_aliases(passages: Iterable[str]) -> dict[str, str]:
    """{short form: full name} for every short form one company name defines in brackets in `passages`,
    when the short form is an acronym or a word of the name, and only one name defines it."""
    defined: dict[str, set[str]] = {}
    for snippet in passages:
        for found in finditer_from_name(_DEFINED_ALIAS, snippet):
            full = valid_company(found.group(1))
            alias = found["alias"]
            words = (full or "").split()
            initials = "".join(word[0] for word in words).upper()
            # 'The Ayurveda Experience (TAE)', 'The Quiet Lantern Company (QLC)'
            unarticled = initials[1:] if words[:1] == ["The"] else initials
            if full and alias != full and (alias.upper() in (initials, unarticled) or alias in words):
                defined.setdefault(alias, set()).add(full)
    return {alias: next(iter(names)) for alias, names in defined.items() if len(names) == 1}


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
# An acronym as a word of the text, and whether brackets hold it: '(TAE)'.
_ACRONYM_USE = re.compile(r"(?<![\w&])(\()?([A-Z][A-Z0-9&]{1,5})(?![\w&])(\))?")
_DEFINITION_CHARS = 120


def _headline_end(text: str) -> int:
    """Where a text's headline ends: its first line, when that is short and no sentence; else 0."""
    end = text.find("\n")
    line = text[:end].rstrip() if end > 0 else ""
    return end if line and len(line) <= 150 and not line.endswith((".", "!", "?", ":")) else 0


def _definitions(acronyms: Iterable[str], text: str) -> Iterator[str]:
    """The words before the place `text` writes one of `acronyms` in brackets ('... Experience (TAE)'),
    when the text first writes it so (after its first line, a headline): a name defines its short form
    before using it, and an acronym in use before ('CRED raised $80 million', then '... Department
    (CRED)') is a name of its own. One pass over the text, whatever the number of acronyms."""
    unseen = set(acronyms)
    defined: set[str] = set()  # first written in brackets: each later bracket may define it too
    title_end = _headline_end(text)  # a headline uses the short form its story defines below it
    for found in _ACRONYM_USE.finditer(text):
        acronym = found.group(2)
        bracketed = bool(found.group(1) and found.group(3))
        if acronym in unseen and (bracketed or found.start() >= title_end):
            unseen.discard(acronym)
            if bracketed:
                defined.add(acronym)
        if bracketed and acronym in defined:
            # (every definition: two names that define it, 'Quanta Data Systems (QDS)' and 'Quick
            # Delivery Services (QDS)', leave it undefined)
            yield text[max(0, found.start() - _DEFINITION_CHARS) : found.end()]


# A listed company's ticker, given in brackets after its name: 'International Graphite (ASX: IG6)'.
_TICKER_DEFINED = re.compile(rf"({NAME})\s*\({EXCHANGES}\s*:\s*(?P<ticker>[A-Z][A-Z0-9]{{1,6}})\)")


def _ticker_aliases(text: str) -> dict[str, str]:
    """{ticker: company} for every ticker the text gives in brackets after one name ('IG6 raised $10
    million' is International Graphite's raise); a ticker two names claim is left out."""
    defined: dict[str, set[str]] = {}
    for found in finditer_from_name(_TICKER_DEFINED, text):
        name = valid_company(found.group(1))
        if name and name != found["ticker"]:
            defined.setdefault(found["ticker"], set()).add(name)
    return {ticker: next(iter(names)) for ticker, names in defined.items() if len(names) == 1}


# Endings that make no fuller name: a legal form ('Acme Inc' is Acme, as its name key says) or a word any
# group of companies takes ('Acme Holdings').
_NO_FULLER_NAME = LEGAL_SUFFIX_WORDS | {"group", "holdings", "global"}


# The capitalised words right after a name ('Sakana' + ' AI'), ending where a word ends ('AI-driven' is not).
_WORDS_AFTER_NAME = re.compile(r"(?:\s+[A-Z][\w.]*(?![\w-])){1,2}")


# A word as names are written: 'Sakana', 'Presentations.AI', 'd-Matrix'.
_WORD = re.compile(r"\w[\w.&'’+-]*")


# Words after a run of name endings that make it the name of an event, a body, a place or a job, not the
# company's: 'Helix Sciences Day', 'Kestrel Works Council', 'Orbit Solutions Architect'.
_ANOTHER_NAME_AFTER = re.compile(
    r"Days?|Week|Summit|Conference|Council|Awards?|Festival|Forum|Expo|Cup|Prize|Challenge|Hackathon"
    r"|Foundation|Institute|Center|Centre|Hall|Park|Campus|Tower|Building|Store|Podcast|Magazine|Report"
    r"|Head|Architect|Engineer|Manager|Director|Specialist|Analyst|Division|Department|Unit"
)


def _name_ending_words(after: re.Match[str] | None) -> list[str]:
    """The words of `after` (capitalised words right after a name) that a name ends with, up to the first
    that is not one or that ends its sentence or clause: 'Epic' + ' Games. That' is 'Epic Games',
    'OpenLight' + ' Photonics Inc.' 'OpenLight Photonics Inc', 'MapLight' + ' Therapeutics MPLT.O'
    'MapLight Therapeutics'."""
    words: list[str] = []
    for word in after.group(0).split() if after else ():
        bare = word.rstrip(".,")
        if bare.lower() not in NAME_ENDINGS:
            # a word that makes the run another thing's name ('Helix Sciences Day', 'Zepto Media Head Priya
            # Rao'); any other stops it ('Quenby Robotics CEO Lena Ortiz', 'MapLight Therapeutics MPLT.O')
            return [] if _ANOTHER_NAME_AFTER.fullmatch(bare) else words
        words.append(bare)
        if bare != word:
            break
    return words


def _fuller_forms(names: set[str], text: str) -> dict[str, str]:
    """{name: the one fuller form the text writes it in with words names end with} ('Sakana' -> 'Sakana
    AI', 'Anduril' -> 'Anduril Industries'); a name with none, or with two ('Acme Labs' and 'Acme
    Robotics'), is left out. One pass over the text's words, whatever the number of names: a page of
    72,000 deals searched once for each name took minutes."""
    # The lengths of the names under each last word: a name ending at a word is looked up by its length,
    # not compared with every name of that last word ('Robotics' ends thousands of names on some pages).
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name.rsplit(" ", 1)[-1], set()).add(len(name))
    fuller: dict[str, set[str]] = {}
    for word in _WORD.finditer(text):
        for length in lengths.get(word.group(0), ()):
            at = word.end() - length
            name = text[at : word.end()] if at >= 0 else ""
            if name not in names or (at > 0 and text[at - 1].isalnum()):
                continue
            added = _name_ending_words(_WORDS_AFTER_NAME.match(text, word.end()))
            if added and not all(w.lower() in _NO_FULLER_NAME for w in added):
                fuller.setdefault(name, set()).add(" ".join([name, *added]))
    return {name: next(iter(forms)) for name, forms in fuller.items() if len(forms) == 1}


def resolve_short_names(mentions: list[DealMention], text: str | None = None) -> list[DealMention]:
    """Mentions with a company's short name ('Opaldune') given the full name the document uses for it
    ('Opaldune Therapeutics'), when exactly one named company starts with those words."""
    # Every name under each of its leading words ('Opaldune' -> {'Opaldune Therapeutics'}), built once:
    # comparing every mention with every name is quadratic on a page of thousands of deals.
    # 'RadixArk (SGLang)' is the same name with an alias, not a longer one.
    # A text names a company in full before it shortens the name, or shortens it in a headline above the
    # story ('Acme raises $5M' over 'Acme Robotics, a ..., raised $5M'): a longer name first seen after the
    # short one is its full name only when the words it adds are the kind names end with; else it is
    # another reading ('... start-up Wayve Waymo and Zoox have to map ...', a headline run into the text).
    first_seen: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        if mention.company:
            first_seen.setdefault(mention.company, index)
    longer_names: dict[str, set[str]] = {}
    for name in (name for name in first_seen if "(" not in name):
        for space in (i for i, char in enumerate(name) if char == " "):
            longer_names.setdefault(name[:space], set()).add(name)
    aliases = _defined_aliases({mention.snippet for mention in mentions if "(" in mention.snippet})
    if text:
        # 'The Ayurveda Experience (TAE)' defined in a sentence that states no deal, 'TAE's $27 million
        # Series C' further on
        undefined = [name for name in first_seen if _ACRONYM.fullmatch(name) and name not in aliases]
        if undefined:  # (a pass over the whole text, for nothing when no name is an acronym)
            aliases.update(_defined_aliases(_definitions(undefined, text)))
    if text and ":" in text and listed_issuer(text):  # a ticker in brackets, found fast, before names
        aliases.update((t, n) for t, n in _ticker_aliases(text).items() if t not in aliases)
    # names no longer name in the document extends, and that may take a fuller form from the text
    alone = {name for name in first_seen if name not in longer_names and name not in aliases}
    fuller_in_text = _fuller_forms(alone, text) if text and alone else {}
    resolved = []
    for mention in mentions:
        if mention.company in aliases:  # 'HFS tops the chart' over 'Hiranandani Financial Services (HFS)'
            mention = replace(mention, company=aliases[mention.company])
        longer = longer_names.get(mention.company or "", set())
        if mention.company and len(longer) == 1:
            full = next(iter(longer))
            added = full[len(mention.company) :].split()
            if first_seen[full] <= first_seen[mention.company] or all(
                word.lower().strip(".,") in NAME_ENDINGS for word in added
            ):
                mention = replace(mention, company=full)
        elif mention.company in fuller_in_text:
            # 'Sakana ... has completed a $135 million funding round' in a story that names Sakana AI
            mention = replace(mention, company=fuller_in_text[mention.company])
        resolved.append(mention)
    return resolved


def date_by_covered_period(mentions: list[DealMention], text: str, published: date | None) -> None:
    """A round-up's deals that state no date of their own are of the period it covers, not of the day it
    was written ('... raise $138 million in September 2024', published on October 8): `covered_period` of
    the text's head. Else a report's lede may say the period it sums up ('fintech companies secured $1.2
    billion in 2022', published in January 2023: `reported_period`), and it dates them when none of them
    is told as today's news."""
    covered = covered_period(text, published)
    if covered is None and published is not None and mentions:
        head = text[:COVERED_PERIOD_CHARS]
        reported = reported_period(head, published) or _round_up_month_of_lede(head, published)
        news = any(NEWS_OF_THE_DAY.search(m.snippet or "") for m in mentions)
        covered = None if news else reported
        if covered is not None and covered.precision == YEAR:
            _months_of_reported_year(mentions, covered.day.year, published)
    if covered is not None:
        for mention in mentions:
            mention.announced = mention.announced or period_words(covered)


def _round_up_month_of_lede(head: str, published: date) -> DatedPeriod | None:
    """The month a report's lede names as the one it covers ('... Startup Funds in Nov', published in
    December), read as a monthly round-up's month is (`roundup_month`)."""
    for lede in report_ledes(head):
        words = roundup_month(lede, published)
        if words:
            return latest_named_period(words)
    return None


def _months_of_reported_year(mentions: list[DealMention], year: int, published: date) -> None:
    """In a review of last year, a month said alone ('In January, Cosecha raised $10 million', read as
    this January when the review came out in January) is that month of the year reviewed."""
    for mention in mentions:
        words = (mention.announced or "").split()
        if len(words) == 2 and words[1] == str(published.year) and month_alone(words[0]) is not None:
            named = re.search(
                rf"\b{re.escape(words[0])}\b(?!\s*(?:,\s*)?(?:of\s+)?\d)", mention.snippet or ""
            )
            if named:
                mention.announced = f"{words[0]} {year}"
