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
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

from assets.normalize.amounts import Money, find_money, is_spelled_out, parse_amount
from assets.normalize.dates import relative_month
from assets.normalize.document_dates import QUARTER, YEAR, latest_named_period, named_period_words
from assets.normalize.names import name_key
from assets.normalize.rounds import find_round
from assets.parsing.alternation import one_of
from assets.parsing.date_phrases import find_date_phrase
from assets.parsing.deal_clauses import (
    DEAL_VERB,
    FUNDING_WORDS,
    MONEY_START,
    NOT_FUNDING_RANKED,
    OWNER_BEFORE,
    PLACED_VERB,
    Clause,
)
from assets.parsing.investors import Investors, investors_in, may_invest, trailing_names
from assets.parsing.mentions import DealMention, Method
from assets.parsing.money_roles import (
    BOTH_KINDS,
    CONTEXT_CHARS,
    EARLIER_ROUND_BEFORE,
    STOP_VERB,
    ClauseRoles,
    Role,
    clause_roles,
    end_of_conversion,
    month_before_amount,
    month_stated,
    own_phrase,
    past_period,
    period_named,
    range_high,
    yuan_by_its_conversion,
)
from assets.parsing.prose_names import (
    NAME,
    NAME_PATTERN,
    issuer_company,
    read_names,
    search_from_name,
    valid_company,
)
from assets.parsing.releases import issuer_definition, offering_opening, without_offering
from assets.parsing.subjects import (
    DESCRIBED_AS,
    REFERENCE,
    ROLE_NOUNS,
    company_in_subject,
    headline_backed,
    is_a_fund,
    strip_lead_in,
)
from schemas.gazetteer import default_gazetteer
from schemas.reference.wording import (
    APPROXIMATION_WORDS,
    CEILING_WORDS,
    CURRENCY_SIGNS,
    FLOOR_WORDS,
    NOT_A_SUBJECT_START,
    REPORTED_CUES,
    UNDISCLOSED_IN_PROSE,
    words_pattern,
)
from schemas.vocabulary import EARLIER_UNDATED

_GRANT_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?grants?\b(?!\s+to\b)", re.IGNORECASE)
_VALUED_AFTER_ROUND = re.compile(
    r"\b" + one_of("valued at") + r"\b.*\b(?:round|funding|financing)\b", re.IGNORECASE
)
_VALUED = re.compile(
    r"\b(?:(?:is|was|are|were|has been|have been|is now|was now)\s+)?(?:now\s+)?(?:valued|worth)\b", re.I
)
_UNDISCLOSED = re.compile(rf"\b{words_pattern(UNDISCLOSED_IN_PROSE)}\b", re.IGNORECASE)
_UNDISCLOSED_RAISE = re.compile(
    r"\b(?:raised|raises|secured|secures|landed|lands)\s+an?\s+undisclosed\s+(?:amount|sum)\b", re.IGNORECASE
)
# A round of a named stage taken, with no amount said at all ('Quenby closed its Series A round, led by
# Northwind', 'Quenby Secures Seed Funding'): a deal of unknown size. Narrowly: a verb of taking a round
# right before the stage, then a funding noun ('a Series A investment in X' is the investor's, 'a seed
# fund' a fund's, 'Seed, a journaling app' a product's).
_AMOUNTLESS_ROUND = re.compile(
    r"\b(?:raised|raises|closed|closes|secured|secures|completed|completes|landed|lands|bagged|bags"
    r"|nabbed|nabs|announced|announces)\s+(?:(?:a|an|its|their)\s+)?"
    r"(?:(?:new|first|latest|oversubscribed)\s+)?(?:pre-seed|seed|angel|(?:pre-)?series\s+[a-k])"
    r"(?:\s+extension)?\s+(?:(?:funding|financing)\s+round|round|funding|financing)\b(?!-)(?!s\b)"
    # what the round is followed by: the end of the clause, or the words that go on about the round
    # itself ('led by', 'from', 'to expand'); 'funding for Dunmere' is another's, 'Seed Funding Summit'
    # an event, 'round of hiring' no round
    r"(?=\s*(?:$|[,.;:!–—(]|(?:led|co-led|from|with|on|this|today|to|that|which|at|as|and|including"
    r"|backed|headed|anchored|by)\b))",
    re.IGNORECASE,
)
# What makes a round taken without an amount no news of one. Before its verb: a denial, a plan or a hope,
# a condition, a question word, a person's own past ('who raised'), another's report of it ('announced that
# rival Kestrix closed'); anywhere in the clause: a question, a past it dates ('in 2021', 'previously',
# 'when it launched', 'had raised'), a round called off or only claimed, a hypothesis. With an amount those
# are read by the amount's own words; without one, the clause is passed over.
# Words that plan or hope for money still to come ('expects to raise', 'hopes to have closed'); the modals
# in lower case only ('Will Ventures', 'in May' are no plan).
_PLAN_WORDS = (
    r"expects?|expected|plans?|planned|planning|hopes?|hoped|hoping|aims?|seeks?|seeking|intends?|wants?"
    r"|looking|(?-i:could|may|might|will|would|should|shall)"
)
_NOT_NOW_BEFORE = re.compile(
    r"\b(?:not|n't|never|yet|no|nobody|neither|whether|if|unless|until|when|once|before|after|to|denied"
    r"|denies|deny|how|why|who|what|where|which|reasons|such as|suppose|supposing|assuming|provided|imagine"
    rf"|that (?!it\b|they\b)|{_PLAN_WORDS})",
    re.IGNORECASE,
)
_PAST_OR_QUESTION = re.compile(
    r"\?|\b(?:previously|earlier|ago|since|back in|last (?:year|month|week)|(?:19|20)\d\d|had|having"
    r"|originally|initially|early days|first year|launch\w*|founding|at the time|prior|pandemic|boom|decade"
    r"|career"
    r"|times|cancel\w*|called off|fell through|fallen through|postpon\w*|delay\w*|collaps\w*|scrapp\w*"
    r"|abandon\w*|suspend\w*|shelv\w*|halt(?:s|ed)|claim\w*|disput\w*|rumou?r\w*|falsely|allegedly|supposedly"
    r"|nearly|almost|scenario"
    r"|believ\w*|possibl\w*|jok\w*|recall\w*|rememb\w*|fictional|simulation)\b",
    re.IGNORECASE,
)
# A sentence that tells a round without an amount is short; a longer run of words (a page without
# punctuation) is not read for one: with no amount to anchor it, every clause of it would be read in full.
_AMOUNTLESS_MAX_CHARS = 400
# (the stage words, looked for before the pattern: most sentences name no stage)
_STAGE_HINTS = ("eed", "EED", "eries", "ERIES", "ngel", "NGEL")


def amountless_round(text: str) -> bool:
    """Whether a clause takes a round of a named stage with no amount, as news (`_AMOUNTLESS_ROUND`;
    nothing of `_NOT_NOW_BEFORE` before it, nothing of `_PAST_OR_QUESTION` in the clause)."""
    if len(text) > _AMOUNTLESS_MAX_CHARS or not any(hint in text for hint in _STAGE_HINTS):
        return False
    found = _AMOUNTLESS_ROUND.search(text)
    return (
        found is not None
        and not _NOT_NOW_BEFORE.search(text, 0, found.start())
        and not _PAST_OR_QUESTION.search(text)
    )


_ACQUISITION = re.compile(r"\b(?:acquir\w*|bought|buys?|merger|sale of|takeover)\b", re.IGNORECASE)
_FLOOR = re.compile(rf"\b{words_pattern(FLOOR_WORDS)}\s+$", re.IGNORECASE)
# (an approximation may stand between the bound and its sum: 'up to about $300 million')
_CEILING = re.compile(
    rf"(?<![\w'’]){words_pattern(CEILING_WORDS)}\s+(?:{words_pattern(APPROXIMATION_WORDS)}\s+)?$",
    re.IGNORECASE,
)
# The investor as subject: 'SoftBank invested $500 million in Vantage AI', 'SoftBank led a $500 million
# round in Vantage AI', 'Sterling Peak invested $700 million for a majority stake in Quillfort'.
_INVESTOR_SUBJECT = re.compile(
    r"\b(?P<verb>"
    + one_of(
        "invest(?:ed|s|ing)?|co-led|led|lead|leads|leading|backed|poured|pours|put|puts|plowed|injected|injects"
        "|pumped|pumps|ploughed|versé|investi|injecté"
    )
    + r")\s+(?!by\b)"
    # 'Paradigm is in talks to lead a round north of $200 million for Monad'
    # (the span holds no 'in' or 'into' of its own: 'invest £1.9bn into a new campus in Didcot' puts the
    # money in a building, not in a town)
    r"(?P<span>(?:(?!(?:in|into)\s)\S+\s+){0,8}?)(?:in|into|dans|for)\s+"
    # what the company is, said before its name: 'for Indian startup Pixxel'
    rf"(?:{DESCRIBED_AS})?"
    rf"(?P<company>{NAME})"
)
# The investor as subject, the company's round its object: 'Nvidia also participated in xAI's $6 billion
# round', 'AustralianSuper committed A$2.2 billion to DataBank's raising'.
_JOINED_ROUND = re.compile(
    rf"\b(?:participated|participates|participating|took part|takes part|joined|joins)\s+in\s+"
    rf"(?:{DESCRIBED_AS})?(?:{NAME}['’]s\s+)?(?P<company>{NAME})['’]?s?\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?=[{CURRENCY_SIGNS}]|US\$|\d)"
    rf"|\b(?:committed|commits|committing|contributed|contributes|contributing)\s+\S+"
    rf"(?:\s+(?:million|billion|m|bn|mn))?\s+to\s+(?P<owner>{NAME})['’]s?\s+"
    r"(?:[\w-]+\s+){0,2}?(?:round|raising|raise|funding|financing|offering)\b"
)
# 'Paradigm is leading a funding round of $225 million for a new network': the subject leads someone
# else's round (a recipient it names is read as any investment's, `_INVESTOR_SUBJECT`).
_LEADS_A_ROUND = re.compile(
    r"\s(?:is|was|are|were|has been|will be)?\s*(?:leading|led|leads|co-leading|co-led|to lead)\s+"
    r"(?:a|an|the)\s+(?:[\w$€£.,-]+\s+){0,4}?(?:round|financing|funding|raise|investment)\b",
    re.IGNORECASE,
)
# 'CoinFund has raised $158 million to back early-stage startups': money to invest, a fund's, not a round.
_FUND_PURPOSE = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:to back|to invest in|for (?:future )?investments? in"
    r"|to deploy (?:in|into|across)|to support)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:startups|companies|founders|ventures|businesses|entrepreneurs)\b",
    re.IGNORECASE,
)
# The investor as subject, the company its object, the money after 'with': 'the firm backed Jito, a liquid
# staking protocol, with a $50 million investment'.
_BACKED_WITH = re.compile(
    rf"\b(?:backed|funded|supported|financed)\s+(?P<company>{NAME})(?:,[^,]{{1,80}},)?\s+with\s+"
    rf"(?:an?\s+|its\s+)?(?=[{CURRENCY_SIGNS}]|US\$|\d)"
)
# 'a $200 million Series D valued the company at $1.5 billion': the round values the company named before.
_ROUND_VALUED_IT = re.compile(
    r"^[^,;]{0,40}?,?\s*(?:an?|the|its)\s+(?:[\w$€£.,-]+\s+){0,4}?"
    r"(?:round|series [a-k]|seed|funding|financing|raise|investment)\s+(?:that\s+)?valu(?:ed|es)\s+"
    r"(?:the (?:company|startup|firm|business)|it)\s+at\b",
    re.IGNORECASE,
)
# The investor as subject, the company pointed back to: 'Nvidia plans to invest $500mn in the company'.
_INVESTED_IN_IT = re.compile(
    rf"\b(?:invest(?:ed|s|ing)?|commit(?:ted|s|ting)?)\s+(?:[^\s{CURRENCY_SIGNS}]+\s+){{0,3}}?"
    rf"(?=[{CURRENCY_SIGNS}]|US\$|\d)\S+"
    r"(?:\s+(?:million|billion|m|bn|mn))?(?:\s*\([^()]{1,40}\))?\s+(?:in|into|to)\s+"
    r"(?:the (?:company|startup|firm|business)|it)\b",  # 'Amazon committed $4 billion to it'
    re.IGNORECASE,
)
# What an issuer does with money that is another company's raise: it subscribes for, buys or invests in
# someone's shares, lends, funds, takes a stake ('Maplecrest Capital Corp. (the "Company") announces that
# it has subscribed for shares of Lorrimer Health for $1,000,000').
_INVESTS_ELSEWHERE = re.compile(
    r"\b(?:subscri(?:be|bed|bes|bing|ption)\s+for|purchas\w*|bought|invest\w*|portfolio|investee|loans?\b|lent"
    r"|lends|funded|royalty|participat\w*|acquir\w*|stake)\b",
    re.IGNORECASE,
)
# A subject that is the issuer itself: no 'that' in it, or 'that it' / 'that the Company' at its end.
_ISSUER_ITSELF = re.compile(
    r"^(?:(?! that ).)*$|\sthat\s+(?:it|the\s+\S?Company\S?)(?:\s+has)?\s*$", re.DOTALL
)
# Money that a few words on goes to a company: 'extended a $1 million bridge loan to Sitka Diagnostics'.
_MONEY_GOES_TO = re.compile(r"(?:\s+[^\s,;.]+){0,5}?\s+(?:to|in|into)\s+(?-i:[A-Z])")
# A subject that subscribed for shares bought them: it is the investor, not the issuer.
_SUBSCRIBED = re.compile(r"\bsubscribed\s+(?:for|to)\b", re.IGNORECASE)
# After the issuer's definition, another company the subject names ('... notes the announcement by Bryher
# plc'): the money may be that company's.
_ANOTHER_COMPANY_AFTER = re.compile(r"\)[^()]*?\b(?:by|of|from|for|with|in|to)\s+(?-i:[A-Z])")
# What follows an announcing verb when the issuer itself raised: 'announced that it has closed', 'announces
# the closing of its private placement'.
_OWN_DEAL_AFTER = re.compile(
    r"\s*(?:that\s+)?(?:it\b|its\b|the\s+Company\b|the\s+(?:closing|completion)\s+of\s+(?:its|a|the)\b)",
    re.IGNORECASE,
)


def _raised_by_the_issuer(subject: str, verb: re.Match[str] | None, text: str, anchor: int) -> bool:
    """Whether a subject that defines a release's issuer has it as the raiser: the subject ends on the
    issuer (or on 'that it'), names no other company after it, an announcing verb goes on with the
    issuer's own deal, and nothing up to the amount says the issuer put money into another company, nor
    do the words after it ('a $1 million bridge loan to Sitka Diagnostics')."""
    money = next((m for m in find_money(text) if m.start >= anchor), None)
    before = text[: money.start] if money else text
    if money is not None and _MONEY_GOES_TO.match(text, money.end):
        return False
    if not _ISSUER_ITSELF.search(subject) or _INVESTS_ELSEWHERE.search(before):
        return False
    if _ANOTHER_COMPANY_AFTER.search(subject):
        return False
    if verb is not None and verb.group(0).lower().startswith("announc"):
        return _OWN_DEAL_AFTER.match(before, verb.end()) is not None
    return True


_ROUND_FOR = re.compile(
    rf"\b(?i:round|seed|series [a-k]|investment|check|cheque|funding|financing)\s+(?:for|into)\s+"
    rf"(?:{DESCRIBED_AS})?({NAME})"  # 'a $1.8bn round for automotive chip manufacturer GTA'
)
# 'The round, which values Acme at $1.2B, was led by ...': the company is the one valued.
_VALUES_NAME = re.compile(rf"\bvalu(?:es|ed|ing)\s+({NAME})\s+at\b")
# The company named right after its amount, as the one that received it: '$47 million investment in
# Securitize', "$10 million Series B investment into Ghana's fintech Fido", '$31 million round raised by
# gastrointestinal health company Vivante Health'.
# Words that may stand between an amount and its noun: '$9 million Series A investment'.
_STAGE_WORDS = (
    r"\s*(?:(?:series\s+[a-k]|seed|growth|private\s+equity|equity|strategic|minority|venture|follow-on"
    r"|debt)\s+)*"
)
# A funding noun right after an amount ('$950M round', '$40M in funding', '$188-million private equity
# investment') marks a raise without a verb.
_FUNDING_NOUN_AFTER = re.compile(
    # ('$40 billion SoftBank-led round': who led it may stand before the noun)
    r"^\s*(?:in\s+)?(?:new\s+|fresh\s+)?(?:[\w.&-]+-led\s+)?"
    + _STAGE_WORDS
    + r"(?:round|funding|financing|raise|fundraise|investment|injection)\b",
    re.IGNORECASE,
)
_RECIPIENT_AFTER = re.compile(
    _STAGE_WORDS + r"(?:"
    r"(?:investment|stake|injection|infusion|backing)\s+(?:in|into)"
    # ('a $594 million funding package secured by Quenby Quantum')
    r"|(?:round|funding|financing|raise)(?:\s+package)?\s+(?:raised|secured|closed|landed)\s+by"
    # money lent or granted to a company: 'a seven-year €300 million loan to SES'
    r"|(?:loan|credit facility|credit line|grant)\s+to"
    # a listing's size before it: 'the ₹3,042.5-crore IPO of Tata Technologies'
    # ('the $500 million IPO by Quenby'; not 'the IPO by Goldman Sachs client Acme', the bank's client's)
    r"|(?:ipo|initial public offering)\s+(?:of|by(?![^,;]{0,60}?\bclients?\b))"
    # the amount as the passive's subject: 'the $50 million raised by Credgenics', '$79 million was swept
    # up by logistics startup Blackbuck'
    r"|(?:(?:was|were|has been|had been)\s+)?(?:raised|secured|landed|bagged|netted|picked up|swept up"
    r"|snapped up|mopped up|scooped up|taken home)\s+by"
    r"|par)\s+"  # French: 'la levée de 6 milliards de dollars par xAI'
    r"(?P<rest>[^,;]{1,120})",
    re.IGNORECASE,
)
# The noun of money put into a company said before its amount, and the company after it: 'an investment of
# $25 million in Ironleaf', 'a capital injection of €10 million into Quenby'.
# Only said by the one who puts the money in ('made', 'announced', 'completed' its investment): a company that
# 'received an investment of $5 million in Tranche B' took it itself.
_MADE_AN_INVESTMENT_OF = re.compile(
    r"\b(?:made|makes|making|has made|will make|announced|announces|completed|completes|committed|commits)"
    r"\s+(?:an?|its|the|their)\s+(?:[\w-]+\s+){0,2}?(?:investment|injection|infusion)\s+of\s+"
    r"(?:(?:about|around|nearly|roughly|some|up to|over|more than)\s+)?$",
    re.IGNORECASE,
)
_SHARE_OF_A_ROUND = re.compile(
    r"\b(?:in|of|into)\s+(?:its|their|the|[\w.&-]+['’]s?)\s+(?:[\w$.,-]+\s+){0,4}?round\b", re.IGNORECASE
)
_IN_RECIPIENT = re.compile(r"\s+(?:in|into)\s+(?P<rest>[^,;]{1,120})", re.IGNORECASE)
_REPORTED = re.compile(rf"\b{one_of(words_pattern(REPORTED_CUES)[3:-1])}\b", re.IGNORECASE)
# A round still to come, however the company puts it ('plans to raise', 'is in the process of raising').
_PLAN_CUE = re.compile(r"(?:\bto raise|\braising)$", re.IGNORECASE)
# What a plan to raise raises, within a few words: money or a round ('plans to raise $50 million', 'aims to
# raise a Series B', 'hopes to raise again'), not an investor's own fund ('preparing to raise its third
# fund'), nor 'awareness', 'prices' or 'standards'.
_PLAN_OBJECT = re.compile(
    r"\s+(?!(?:a|an|its|their|the)\s+(?:[\w$€£.,-]+\s+){0,3}funds?\b)(?:[\w-]+\s+){0,3}?"
    rf"(?:(?-i:{MONEY_START})|funding\b|funds\b|capital\b|money\b|financing\b|rounds?\b|series\b|seed\b"
    r"|again\b|more\b|debt\b|equity\b|cash\b|a\s+further\b)",
    re.IGNORECASE,
)
# A plan whose object was said before it: 'the $50 million round Quenby plans to raise would be led by',
# 'a Series B it is close to raising.'
_PLAN_WITHOUT_OBJECT = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:would|will|is|was|by|in|this|next|before|soon|later|at|from|with)\b",
    re.IGNORECASE,
)
# A deal verb that tells an amount raised, not one still to raise: 'raised', 'has closed', 'won', 'took in'.
_PAST_VERB = re.compile(r"(?:has|have|had|was)\b|\w+ed\b|(?:won|got|took|drew|brought|went)\b", re.IGNORECASE)


def _told_by_others(context: str, cues: list[re.Match[str]] | None = None) -> bool:
    """Whether the sentence says others tell of the round ('reportedly', 'sources say', 'Bloomberg
    reported', 'in talks'): every cue of `REPORTED_CUES` but a plan to raise. `cues`: the sentence's
    `_REPORTED` matches, when already found."""
    if "confirm" in context and _CONFIRMED_BY_THE_COMPANY.search(context):
        return False  # 'Galvin's reported $90 million Series C was confirmed by the company on Monday'
    if "report" in context and _OUTLET_REPORTED.search(context):
        return True
    found = cues if cues is not None else _REPORTED.finditer(context)
    return any(not _PLAN_CUE.search(cue.group(0)) for cue in found)


def _plans_the_amount(context: str, plans: list[re.Match[str]], at: int | None) -> bool:
    """Whether one of `plans` (the sentence's plans to raise) is the plan of the amount at `at` in it
    (None: no amount, or not found): one written before it and raising money or a round ('aims to raise
    $50 million'), or one after it with no object of its own ('the $50 million round Quenby plans to raise
    would be led by'). One after it with its own object plans another round ('a $30 million Series A; it
    hopes to raise a Series B in 2027')."""
    for cue in plans:
        if at is None or cue.end() <= at:
            if _PLAN_OBJECT.match(context, cue.end()):
                return True
        elif _PLAN_WITHOUT_OBJECT.match(context, cue.end()):
            return True
    return False


def _raised_by_its_own_verb(text: str, money: Money) -> bool:
    """Whether the last deal verb before the amount tells it raised ('Quenby, which aims to raise a Series
    B next year, raised $20 million'): the amount is no plan, whatever the plans beside it. 'plans to
    raise $50 million' raises it by the plan's own verb."""
    verbs = list(DEAL_VERB.finditer(text, 0, money.start))
    return bool(verbs) and bool(_PAST_VERB.match(verbs[-1].group(0)))


def is_reported(context: str, text: str, money: Money | None) -> bool:
    """Whether the deal whose amount is `money` (None: undisclosed or valuation only) in clause `text` of
    sentence `context` is reported rather than announced: told by others, or still planned (a plan of
    that amount, `_plans_the_amount`, and no deal verb before the amount that tells it raised)."""
    cues = list(_REPORTED.finditer(context))
    if _told_by_others(context, cues):
        return True
    if not cues or (money is not None and _raised_by_its_own_verb(text, money)):
        return False  # (most sentences: no cue at all)
    offset = context.find(text)  # where the clause stands in its sentence
    at = offset + money.start if money is not None and offset >= 0 else None
    return _plans_the_amount(context, cues, at)  # (every cue left is a plan to raise)


# The company itself confirming what was reported: its deal is announced.
_CONFIRMED_BY_THE_COMPANY = re.compile(
    r"\b(?:the company|the startup|it)\s+(?:has\s+|later\s+|since\s+)?confirmed\b"
    r"|\bconfirmed\s+by\s+the\s+(?:company|startup)\b",
    re.IGNORECASE,
)
# A news outlet that reported what the company has not said: ', Bloomberg reported on Monday', 'The
# Information reported', 'as first reported by Reuters'.
_OUTLET_REPORTED = re.compile(
    r"(?:,\s*|\bthe\s+)?(?-i:(?:The\s+)?[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,3})\s+(?:reported|reports)\b"
    r"(?!\s+(?:revenue|sales|a\s+loss|a\s+profit|earnings|growth))"
    r"|\b(?:first\s+)?reported\s+by\s+(?-i:[A-Z])"
    # the press as the whole sentence's source, opening or closing it: 'According to reports, Quorrel is
    # raising $450 million', '..., according to media reports.' (not 'according to a report by the
    # company', nor a cue inside another clause)
    r"|^\W*[Aa]ccording to (?:media |news |several )?reports,"
    r"|,\s*according to (?:media |news |several )?reports\W*$"
    # "Quorrel's reported $1.5 billion round": the round as others tell it (not its reported revenue)
    r"|['’]s\s+reported\s+(?:[$€£¥₹]|US\$)[\d.,]+\s*(?:[a-z]+\s+){0,2}?"
    r"(?:round|raise|fundraise|funding|financing|investment|(?-i:Series|Seed|seed))\b",
)
# Money granted, not invested: 'has been granted NOK 1 million from Innovation Norway', 'was awarded $2
# million by the National Science Foundation' (not 'awarded a contract').
_GRANTED = re.compile(r"\b(?:granted|awarded)\s+(?:(?:a|an|up\s+to|nearly|about|over)\s+)?$", re.IGNORECASE)
# What a sum granted or awarded may be instead: credit, a settlement, a refund ('was granted $50 million in
# credit lines', 'was awarded $5 million in a settlement').
_NOT_A_GRANT_AFTER = re.compile(
    r"\s+(?:in\s+)?(?:an?\s+)?(?:credit|loans?|debt|settlement|damages|back\s+taxes|tax|refunds?|compensation)",
    re.IGNORECASE,
)
# A funding noun before an amount with its taker after it ('The largest round was of $108 million by ...').
_FUNDING_NOUN_BEFORE = re.compile(r"\b(?:round|investment|funding|financing|raise|fundraise|deal)s?\b", re.I)
# The taker named after an amount: by whom it was raised or to whom given ('was $150 million, given to the
# AI startup Charm.AI', 'was $108 million, raised by Country Delight', 'the largest round was of $108
# million by online dairy platform Country Delight': a described raiser).
_TAKER = (
    r",?\s*given\s+to|,\s*(?:raised|secured|landed|won|taken)\s+by"
    rf"|by(?=\s+{DESCRIBED_AS})"
)
# Weaker: an amount given 'to' or 'for' a name ('a $6 billion Series B to Orrin', '$240 million for
# Quillfort'), trusted only when the clause's subject names no company.
_GIVEN_TO_AFTER = re.compile(
    _STAGE_WORDS
    + r"(?:(?:(?:round|funding|financing|investment|grant|loan|check|cheque|injection)\s+)?(?:to|for)"
    # 'a $250 million debt round by Saudi lending platform Tamara': the round's raiser after 'by'
    r"|(?:debt\s+)?(?:round|raise)\s+by"
    rf"|{_TAKER})\s+"
    r"(?P<rest>[^,;]{1,120})",
    re.IGNORECASE,
)


# The taker alone, in a sentence with no deal verb: not what money is 'for' ('$135 million for nachos
# franchise Guzman y Gomez' may be a sale's price).
_TAKEN_BY_AFTER = re.compile(_STAGE_WORDS + rf"(?:{_TAKER})\s+(?P<rest>[^,;]{{1,120}})", re.IGNORECASE)


# Money raised for a company its subject starts: 'for a new AI drug company called Manas AI', 'for their
# social networking app, Series'; the name after 'called' when there is one.
_FOR_NEW_VENTURE = re.compile(
    r"[^.;]{0,60}?\bfor\s+(?:a|an|(?P<owner>his|her|their))\s+(?:new\s+|nascent\s+|stealth\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:startup|start-up|company|lab|venture|firm|app|business)\b"
    rf"(?:,?\s+(?:called|named|dubbed)\s+(?P<name>{NAME}))?"
)
_FOR_NAME = re.compile(rf"\s+for\s+({NAME})")
# The company a raise is for, later in the amount's phrase: '... equity raising and $10 billion pre-money
# valuation for Quantinuum'; said by its owner or its investors (`_BACKER_WORDS`).
# (Not a purpose's object: 'raised $25 million to build a plant for Volta Motors'.)
_FOR_NAME_SOON = re.compile(rf"(?:(?!\bto\b)[^.;,]){{0,80}}?\s+for\s+({NAME})")
# Set off by commas after a name: a description ('Lumora, a shareholder-owned cooperative,') or a relative
# clause ('Orvane, whose backers include Accel,').
_ASIDE = re.compile(r",\s+(?:a|an|the|which|whose|who)\s[^,;]*,")
_BACKER_WORDS = re.compile(r"\b(?:owner|parent|shareholders?|backers?|their investments?)\b", re.IGNORECASE)
# '... raised $2bn in 2025 just months after launching her start-up, Thinking Machines'.
_AFTER_FOUNDING = re.compile(
    r"[^.;]{0,60}?\b(?:after|since)\s+(?:launching|founding|starting|setting up)\s+"
    r"(?P<owner>his|her|their)\s+(?:new\s+)?(?:[\w-]+\s+){0,3}?(?:start-?up|company|lab|venture|firm),?\s+"
    rf"(?:called\s+|named\s+)?(?P<name>{NAME})"
)
# Money a company spends on an asset of its own, no round: 'a £2.5bn investment to develop UK data centres',
# 'a new £350m investment into a data centre in Manchester'.
_ASSET_INVESTMENT = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?investment\s+(?:in|into|for|to\s+(?:develop|build|expand|construct))\s+"
    r"(?:(?:a|an|the|its|their|new|two|three|several)\s+)*(?:[\w-]+\s+){0,3}?"
    r"(?:data\s+cent(?:re|er)s?|facility|facilities|campus|campuses|plant|plants|factory|factories|gigafactory"
    r"|site|sites)\b",
    re.IGNORECASE,
)
# Words that make a subject a person ('OpenAI's former technology chief', 'physician author').
_PERSON_WORDS = re.compile(
    r"\b(?:former|co-?founders?|founders?|ceo|chief|executives?|students?|researchers?|physician|author"
    r"|entrepreneurs?|billionaire|professor|scientists?|engineers?)\b",
    re.IGNORECASE,
)


def _headline_case(text: str) -> bool:
    """Whether every word of four letters or more starts with a capital, a figure or a sign."""
    return all(not word[:1].islower() for word in text.split() if len(word) > 3)


# The words between the owner and the amount hold no comma: "Zerodha's Rainmatter, Eyes ₹150 Crore" is an
# investor's fund, then another phrase.
_POSSESSIVE = re.compile(rf"({NAME})['’]s?\s+(?:[^\s,]+\s+){{0,2}}?\(?(?=[{CURRENCY_SIGNS}]|US\$|\d)")


# A price of one share: '$18 per share', '$21 apiece', 'priced at $17'.
_PER_SHARE_AFTER = re.compile(r"\s*(?:(?:per|a|an)\s+(?:share|ads|unit)\b|each\b|apiece\b)", re.IGNORECASE)
_PRICED_BEFORE = re.compile(r"\bpric(?:ed|es|ing)\b[^.;]{0,40}?\b(?:at|of)\s+$", re.IGNORECASE)


def _share_price(text: str, money: Money) -> bool:
    """Whether an amount is the price of a share (what a priced listing states), not other money."""
    return bool(
        _PER_SHARE_AFTER.match(text, money.end)
        or _PRICED_BEFORE.search(text, max(0, money.start - 60), money.start)
    )


def amount_text(clause: str, money: Money) -> str:
    """The amount as written, with a lower- or upper-bound qualifier kept ('more than $200 million', 'up to
    $300 million'); the low end of a range as a floor, with the range's unit ('$450–$500 million' -> 'at
    least $450 million')."""
    high = range_high(clause, money)
    if high is not None:
        unit = high["unit"] if money.text[-1:].isdigit() else None  # '$450-500 million': the range's unit
        return f"at least {money.text}" + (f" {unit}" if unit else "")
    before = max(0, money.start - CONTEXT_CHARS)
    # ('no more than $20 million' is a ceiling, though it ends with a floor's words)
    bound = _CEILING.search(clause, before, money.start) or _FLOOR.search(clause, before, money.start)
    # a sum spelled out ('one hundred million dollars') is given in figures, which the normaliser reads
    written = _in_figures(money) if is_spelled_out(money) else money.text
    return f"{bound.group(0)}{written}" if bound else written


def _in_figures(money: Money) -> str:
    """'one hundred million dollars' -> 'USD 100,000,000'."""
    return f"{money.currency} {int(money.value):,}"


# The words `_FUNDING_NOUN_AFTER` and `_GRANT_AFTER` look for: a clause without any of them needs no
# look after each of its amounts.
_NOUN_AFTER_WORDS = re.compile(one_of("round|funding|financing|raise|investment|injection|grant"), re.I)


def _nouns_after(text: str, moneys: list[Money]) -> list[Money]:
    """The amounts a funding noun or a grant follows."""
    if not _NOUN_AFTER_WORDS.search(text):
        return []
    return [money for money in moneys if _noun_after(text, money)]


def _noun_after(text: str, money: Money) -> bool:
    """A funding noun or a grant right after the amount: '$40M in funding', 'a $2M grant'."""
    after = text[money.end : money.end + CONTEXT_CHARS]
    return bool(_FUNDING_NOUN_AFTER.match(after) or _GRANT_AFTER.match(after))


# A lender's verbs: it provides, extends, grants or lends the money ('Eastbrook Bank provided Solvane with
# a $100 million loan', 'Callowhill has agreed to provide Dosewise with a $20 million loan facility',
# 'Hercules Capital extended a $25 million facility to Quenby'): whoever the subject is, the money goes to
# the one it is provided to.
_PROVIDES_TO = re.compile(
    r"\b(?:provid(?:ed|es)|extend(?:ed|s)|grant(?:ed|s)|lent|lends|to\s+(?:provide|extend|grant|lend))\s",
    re.IGNORECASE,
)
# What makes a provider's verb no loan: its own thing after it ('Quenby extends its seed round'), no loan
# word near it ('Quenby provides payroll software'), or a relative clause or the passive ('a platform that
# provides', 'Quenby was granted').
_OWN_AFTER = re.compile(r"(?:its|their|the\s+company['’]s)\s", re.IGNORECASE)
_LOAN_WORD = re.compile(r"\b(?:loans?|facility|facilities|credit|debt|financing)\b", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(
    r"\b(?:that|which|who|was|were|been|is|are|be|being)\s+(?:\w+\s+)?$", re.IGNORECASE
)
# ... or it signs one, when the subject is a lender ('The European Investment Bank has signed a €40 million
# venture debt agreement with Quenby'; 'Quenby signed a $75 million loan agreement with Blue Owl' is
# Quenby's own).
_SIGNS = re.compile(
    r"\s(?:has\s+|have\s+)?(?:signed|signs|agreed|entered into)\s+(?:an?|its)\s+[^,;]{0,60}?"
    r"\b(?:loan|credit|debt|financing|facility)\s*(?:agreement|facility|deal|line)?\b[^,;]{0,60}?(?=\bwith\s)",
    re.IGNORECASE,
)
# The look of a lender's name: 'Silicon Valley Bank', 'Hercules Capital', 'Encina Lending'.
_LENDER_NAME = re.compile(
    r"\b(?:Bank|Banking|Bancorp|Capital|Credit|Finance|Financial|Lending|Lenders|Fund|Investments?)$"
)
# Whom the money goes to: the object right after the verb ('provided Solvane with', 'lent heat-pump
# installer Warmstead £40 million', 'provide Dosewise, a medication-adherence startup, with'), or the name
# after 'to' or 'with', maybe described ('to HVAC marketplace Coolhaus').
_BORROWER_FIRST = re.compile(
    rf"^(?:{DESCRIBED_AS}|(?-i:(?!(?:a|an|the|its)\s)[a-z][\w-]*\s+){{1,4}}?)?(?P<company>{NAME})(?:,\s+(?:an?|the)\s[^,;]{{1,80}},)?"
    rf"\s+(?:with\b|(?:an?\s+)?(?-i:{MONEY_START}))"
)
_BORROWER_AFTER = re.compile(rf"\bto\s+(?:{DESCRIBED_AS})?(?P<company>{NAME})")
_BORROWER_WITH = re.compile(rf"\bwith\s+(?:{DESCRIBED_AS})?(?P<company>{NAME})")


def _lender(subject: str) -> bool:
    """Whether a subject names lenders only ('Kingfisher Lane Capital and Orrin Bank')."""
    names = [n.strip(" .") for n in re.split(r",\s*|\s+and\s+", subject) if n.strip(" .")]
    gazetteer = default_gazetteer()
    return bool(names) and all(
        _LENDER_NAME.search(n) or gazetteer.not_a_company(n) in ("investor", "public body") for n in names
    )


def _borrower_of_lender(text: str, first_money: int) -> tuple[str | None] | None:
    """(the borrower,) when the clause's subject provides the money before its amount, or is a lender
    that signs a loan: the borrower may be None (who provides the money never took it). None when the
    clause is neither."""
    provides = _PROVIDES_TO.search(text, 0, first_money)
    if provides and (
        _RELATIVE_BEFORE.search(text, max(0, provides.start() - 30), provides.start())
        # ('After Orrin Bank extended credit to Quenby, Solvane raised ...': the raise has a verb of its own;
        # 'Quenby extends its seed round' is its own)
        or DEAL_VERB.search(text, provides.end(), first_money)
        or _OWN_AFTER.match(text, provides.end())
        or not (
            provides.group(0).lower().startswith(("lent", "lend"))
            or _LOAN_WORD.search(text, provides.end(), first_money + 40)
        )
    ):
        # 'a platform that provides prebuilt infrastructure, has raised ...', 'Quenby provides payroll
        # software': no loan provided; 'Quenby was granted a loan': the subject took it
        provides = None
    if provides is not None:
        # ('extended the maturity of its $120 million loan with Harlow Credit' names the lender after 'with')
        after = text[provides.end() :]
        found = _BORROWER_FIRST.match(after) or _BORROWER_AFTER.search(after)
        return (valid_company(found["company"]) if found else None,)
    signs = _SIGNS.search(text)
    if (
        signs is None
        or signs.start() > first_money
        or not _lender(strip_lead_in(text[: signs.start()]).strip(" ,"))
    ):
        return None
    found = _BORROWER_WITH.search(text, signs.end())
    if found and _lender(found["company"]):
        # 'Lendable Capital has signed a $100 million facility with Orrin Bank': which of two lenders
        # borrows, the words do not say
        return (None,)
    return (valid_company(found["company"]) if found else None,)


# A subject that points back to the company named before, then says what it sold: 'The company sold 14.5
# million shares at $21 apiece, raising', 'It issued new shares worth'.
_SELLER_POINTS_BACK = re.compile(
    rf"^(?:(?:the|this)\s+(?:[\w-]+\s+){{0,3}}?[\w-]*(?:{ROLE_NOUNS})|it|they)\s+(?:also\s+)?"
    r"(?:sold|issued|offered|placed)\s+(?:[\w.,]+\s+){0,4}?(?:new\s+|ordinary\s+|common\s+)?(?:shares|stock|units)\b",
    re.IGNORECASE,
)
# ... and what the sale raised, in the same clause ('..., raising $305 million'); a sale whose proceeds are
# only implied ('sold 4.7 million shares at $2.50 per share') restates a deal told before, if any.
_RAISING_FROM_THE_SALE = re.compile(
    r",?\s+(?:raising|bringing in|generating|for (?:gross |total )?proceeds of)\b", re.IGNORECASE
)


def _company(clause: Clause, anchor: int, antecedent: DealMention | None) -> tuple[str | None, bool]:
    """(company, refers back) for a clause: from its structure, its subject or the company named before."""
    text = clause.text
    if clause.company:
        return clause.company, False
    invested = _invested_in(text)
    if invested:
        return valid_company(invested["company"]), False
    owned = _OWNED_ROUND_RAISING.search(text, 0, anchor) if ", which" in text[:anchor] else None
    # (not after an amount of its own: 'Kelso invested $5 million in Quenby's Series B, which raised $40
    # million' states Kelso's cheque first, and the round's size is not the amount this clause takes)
    if owned and valid_company(owned["owner"]) and not find_money(text[: owned.start()]):
        # 'Kelso withdrew from talks to join Quenby's funding round, which aims to raise $6 billion': the
        # round that raises is Quenby's, whoever the sentence is about
        return valid_company(owned["owner"]), False
    joined = (
        _JOINED_ROUND.search(text)
        if ("part" in text or "join" in text or "contribut" in text or "commit" in text)
        else None
    )
    if joined and valid_company(joined["company"] or joined["owner"]):
        return valid_company(joined["company"] or joined["owner"]), False
    backed = _BACKED_WITH.search(text) if " with " in text else None
    if backed and valid_company(backed["company"]):
        return valid_company(backed["company"]), False
    if ("invest" in text or "commit" in text) and _INVESTED_IN_IT.search(text):
        # 'Nvidia plans to invest $500mn in the company': the one named before, never the investor
        return (antecedent.company, True) if antecedent else (None, True)
    if antecedent and "valu" in text and _ROUND_VALUED_IT.search(text):
        return antecedent.company, True  # 'In November 2023, a $200 million Series D valued the company at'
    owner = _owner_of_round_at(text, anchor) if ("'" in text or "’" in text) else None
    if owner:
        return owner, False
    if clause.subject is not None:
        verb = DEAL_VERB.search(clause.subject)
        subject = clause.subject[: verb.start()] if verb else clause.subject
    else:
        verb = DEAL_VERB.match(text, anchor)
        subject = text[:anchor]
    company = company_in_subject(subject, verb.group(0) if verb else "")
    if company is None and _SELLER_POINTS_BACK.match(subject) and _RAISING_FROM_THE_SALE.search(text):
        company = REFERENCE  # 'The company sold 14.5 million shares at $21 each, raising ...'
    offering = offering_opening(subject)
    if offering and (company is None or company is REFERENCE or company in offering):
        # 'Proposed Placing and Subscription to raise £9.2 million': the offering of the company named
        # before (the release's issuer), not a name of its words ('The Share Issue of its rival Lanyard
        # raised' names its company)
        return (antecedent.company, True) if antecedent else (None, True)
    if company is REFERENCE:
        # with nothing named before, the clause's subject points back to no one: (None, True)
        return (antecedent.company, True) if antecedent else (None, True)
    if company and _SUBSCRIBED.search(subject):
        company = None  # 'Ventaris AB has subscribed for shares in Sandvika's share issue': the buyer
    if company:
        return company, False
    issuer = issuer_definition(subject)
    if issuer and _raised_by_the_issuer(subject, verb, text, anchor) and issuer_company(issuer.name):
        # 'Northfield Capital Corporation (TSX-V: NFD.A) (the "Company") closed', '... is pleased to
        # announce that it completed': the release's issuer, whatever its name sounds like (not when it
        # notes that another company raised: 'noted that its Founded Entity, Seaport, ... raised')
        return issuer_company(issuer.name), False
    offered = without_offering(subject)
    company = company_in_subject(offered, verb.group(0) if verb else "") if offered else None
    if company and company is not REFERENCE:
        return company, False  # 'Tessa Labs plc Proposed Placing to raise £3 million'
    named = _company_named_in(text)
    if named is None and antecedent and _its_round_at(text, anchor):
        return antecedent.company, True  # 'We covered its $100 million Series C round in November 2020'
    return named, False


# A company's possessive right before an amount, then its round: "exemplified by Phantom Neuro's $19 million
# raise" (not an investor's "$10 billion investment in OpenAI": an investment is the investor's).
_OWNER_RIGHT_BEFORE = re.compile(rf"({NAME})['’]s?\s+(?:(?:latest|last|most recent|new|first)\s+)?$")
_ROUND_NOUN_AFTER = re.compile(
    # (no '^': matched from the amount's end, where '^' never holds)
    r"\s*(?:[\w-]+\s+){0,2}?(?:round|raise|fundraise|funding|financing|seed|series\s+[a-k]\b|ipo|offering)\b",
    re.IGNORECASE,
)


# After a round's noun: whom the round is for, named ('... seed round for Talvora', 'a round in Quenby').
_FOR_ANOTHER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:for|in|into|to)\s+(?:(?:the|a|an|its)\s+)?(?:[\w-]+\s+){0,3}?[A-Z]"
)


# A company's round, then 'which' and the words before its verb of raising: the subject of the raise is
# the round, and the round is that company's.
_OWNED_ROUND_RAISING = re.compile(
    rf"(?P<owner>{NAME})['’]s?\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?i:round|financing|funding|raise|offering|ipo|seed|series\s+[a-k])\s*,\s+which"
    r"(?:\s+(?:is|was|has|had|aims|seeks|plans|hopes|looks|expects|would|could|will|is\s+expected))?"
    r"(?:\s+to)?\s*$"
)


def _owner_of_round_at(text: str, anchor: int) -> str | None:
    """The company whose possessive stands right before the amount at `anchor` when a round follows the
    amount: the round is that company's, whatever the clause's subject ('Neurotechnology drew interest,
    exemplified by Phantom Neuro's $19 million raise')."""
    # the amount starts at the anchor, or ends right before it (the anchor is then the round's noun)
    money = next(
        (
            m
            for m in find_money(text)
            if m.start == anchor or (m.end <= anchor and not text[m.end : anchor].strip())
        ),
        None,
    )
    noun = _ROUND_NOUN_AFTER.match(text, money.end, money.end + CONTEXT_CHARS) if money else None
    if noun is None:
        return None
    if _FOR_ANOTHER.match(text, noun.end()):
        return None  # "Tom Reyes's $5 million seed round for Talvora": the round is Talvora's
    owner = search_from_name(_OWNER_RIGHT_BEFORE, text[: money.start], max(0, money.start - 80))
    if owner is None:
        return None
    # "Microsoft Joins Quenby's $50M Round": the possessive is the company's the investor joins
    return valid_company(headline_backed(owner.group(0)) or owner.group(1))


# The company's possessive right before an amount: 'its $100 million', 'its latest $40M'.
_ITS_BEFORE = re.compile(r"\bits\s+(?:(?:latest|last|most recent|previous|new|first)\s+)?$", re.IGNORECASE)


def _its_round_at(text: str, anchor: int) -> bool:
    """Whether the amount at `anchor` is the round of the company named before: owned by 'its' and named
    a round ('its $100 million Series C round'; 'its $2-billion AI strategy' is no round)."""
    if not _ITS_BEFORE.search(text, max(0, anchor - 30), anchor):
        return False
    money = next((m for m in find_money(text) if m.start == anchor), None)
    return money is not None and bool(
        find_round(own_phrase(text, money, [money])) or _noun_after(text, money)
    )


@lru_cache(maxsize=16)  # the same clause is asked again for each place its subject may end
def _company_named_in(text: str) -> str | None:
    """The company a clause names outside its subject: 'a round for X', 'values X at', "X's $950M round".

    Each pattern is tried only when the words it needs are there ('for'/'into', 'valu', an apostrophe):
    a search for a name costs a pass over the clause."""
    named = (
        (("for" in text or "into" in text) and _ROUND_FOR.search(text))
        or ("valu" in text and _VALUES_NAME.search(text))
        or (("'" in text or "’" in text) and search_from_name(_POSSESSIVE, text))
    )
    return valid_company(named.group(1)) if named else None


# A report of a round that the clause denies before its amount is said.
_DENIED = re.compile(
    r"\b(?:denied|denies|denying|rejected|rejects|rejecting|disputed|disputes|disputing)\b"
    r"(?:[^.;]{0,60}?\b(?:report|reports|claims?|rumou?rs?|speculation)"
    # 'denied a similar report for xAI back in December, which indicated the firm has secured ...'
    # ('denied a media report from earlier this week that said investors ... were planning to invest')
    r"(?:(?:\s+(?:from|in|by|on)\s+[^.;,]{0,40}?)?\s+(?:claiming|saying|suggesting|stating|that)"
    r"|(?:\s+[^.;,]{0,40}?)?,\s+which\s+(?:said|indicated|suggested|claimed|stated))\b[^.;,]{0,120}?"
    r"\b(?:(?:rais|secur|fund|invest|clos|land|bag)\w*|round)"
    # a headline's 'Musk Denies Getting $500 Million Toward ...'
    r"|\s+(?:getting|raising|receiving|securing|seeking|closing)"
    # 'rejected claims of his company xAI securing $500 million' (not 'claims of wrongdoing and closed')
    r"|[^.;]{0,60}?\bclaims?\s+of\s+(?:[\w'’()-]+\s+){0,8}?(?:getting|raising|receiving|securing|closing|landing)\b)",
    re.IGNORECASE,
)
# A report that the clause calls wrong: 'Musk has said a report that xAI has secured $500 million ... is
# inaccurate'.
_REPORT_DISMISSED = re.compile(
    r"\b(?:report|reports|claims?|rumou?rs?)\s+(?:(?:claiming|saying|suggesting|stating)\s+)?(?:that|of)\b(?:[^.;]|\.(?=\d)){0,240}?\b(?:is|was|are|were)\s+(?:completely\s+)?"
    r"['‘\"“]?(?:inaccurate|false|untrue|wrong|incorrect|not true|baseless|fake)\b",
    re.IGNORECASE,
)
_NOT_RAISING = re.compile(
    r"\b(?:is|was|are|were)\s+not\s+(?:currently\s+)?(?:in talks|raising|seeking|looking to raise)\b",
    re.IGNORECASE,
)


# The raise's own verb negated, or still to come, right before its amount: 'has not raised $8 million',
# 'has not yet closed its $8 million round', 'hasn't secured $8 million', 'has yet to raise $8 million'.
# Only a verb of raising (not 'has not announced the investors in its $8 million round'), only with the
# amount as its object (not 'had not raised outside capital until this week's $8 million round', 'never
# raised more than the $8 million'), and the negation in lower case ('Forget-Me-Not raised $8 million').
_NEGATED_RAISE = re.compile(
    r"(?:(?:\bnot|\bnever|n['’]t|\byet\s+to)\s+(?:(?:yet|actually|officially|formally)\s+)?"
    r"(?:raised?|secured?|closed?|landed|land|received?|obtained?)\s+(?:(?:a|an|its|their|the)\s+)?"
    # ... and as a headline writes it, where a modal is no name word either ('Quenby Has Not Raised $8M',
    # 'Quenby Will Raise $8M' as 'Quenby will raise $8 million' reads: no deal)
    r"|(?<![-\w])(?:Not|Never|Will|[A-Z][a-z]+n['’]t|Yet\s+To)\s+(?:Yet\s+)?"
    # (no '-s' form after them: 'Free Will Raises $8M' is Free Will's round)
    r"(?:Raised?|Secured?|Closed?|Land(?:ed)?|Received?)\s+(?:(?:A|An|Its|The)\s+)?)$"
)


# A round stopped before it closed: 'suspended its own $2B funding round', 'called off the raise'.
_STOPPED_ROUND = re.compile(
    rf"\b(?:{STOP_VERB})\s+(?:its|their|the|a|an)\b"
    # (with its amount: 'paused its fundraising in March, then raised $20 million' raised)
    # (and no verb between: 'shelved its IPO and raised a $45 million private round' raised)
    rf"(?:(?!\b(?:and|then|but)\b)[^.;,]){{0,20}}?[{CURRENCY_SIGNS}\d][^.;,]{{0,30}}?"
    r"\b(?:round|funding|raise|financing|fundraise|fundraising)\b",
    re.IGNORECASE,
)


def _stopped(text: str, first_raise: Money | None) -> bool:
    """Whether the clause's round was stopped: a stopped round holds its raise, or holds the only amount
    when no raise is read ('suspended its own $2B funding round to enter talks ... at a $60B valuation');
    another company's stopped round, or one before today's raise, stops nothing ('Kelvra, which shelved a
    $100 million round in 2022, has now raised $60 million')."""
    stopped = _STOPPED_ROUND.search(text) if _STOP_HINT.search(text) else None
    return stopped is not None and (
        first_raise is None or stopped.start() <= first_raise.start < stopped.end()
    )


# What is said of the report or the round after its amount, in the passive: 'A report that Zephrin had secured
# $80 million ... was disputed by the company', "The start-up's $30 million Series B was called off" (not
# another event's: 'raised $20 million after an earlier offer was rejected').
_UNDONE_AFTER = re.compile(
    r"(?:(?!\b(?:after|before|when|because|while|following|since|as|but|and)\b)[^;,])*?"
    r"\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:denied|disputed|rejected|dismissed"
    r"|called off|cancell?ed|scrapped|shelved|abandoned|suspended)\b",
    re.IGNORECASE,
)
_STOP_HINT = re.compile(STOP_VERB, re.IGNORECASE)
# The letters a denial needs ('denied', 'Rejects', 'disputed'): the pattern is tried only where they are.
_DENIAL_HINT = re.compile(r"[Dd]en|[Rr]eject|[Dd]isput")
# Longer than any match of _NEGATED_RAISE ('never officially obtained their ').
_NEGATED_RAISE_CHARS = 60


def _said_not_to_happen(text: str, first_stated: int, first_raise: Money | None) -> bool:
    """Whether the clause says its raise did not happen: a report denied before the amount is said ('Musk
    has denied the report claiming that xAI has raised $500 million'), a report called wrong ('a report
    that ... is inaccurate'), a round its company is 'not in talks' for, or a verb of raising negated
    right before the amount ('Talvio has not raised $8 million'). Each pattern is tried only when the
    words it needs are there."""
    return bool(
        (_DENIAL_HINT.search(text) and _DENIED.search(text, 0, first_stated))
        or ((" that " in text or " of " in text) and _REPORT_DISMISSED.search(text))
        or (" not " in text and _NOT_RAISING.search(text, 0, first_stated))
        or _stopped(text, first_raise)
        or (first_stated < len(text) and _UNDONE_AFTER.match(text, first_stated) is not None)
        # (the pattern ends where the amount is said: only the words right before it are looked at)
        or bool(_NEGATED_RAISE.search(text, max(0, first_stated - _NEGATED_RAISE_CHARS), first_stated))
    )


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been)\s+(?:then\s+|soon\s+|later\s+)?$", re.IGNORECASE)
# The verbs of a round that comes after one of the past ('follows', 'comes on the heels of', 'came two
# months after'), as DEAL_VERB reads them.
_FOLLOWS = re.compile(r"follow(?:s|ed)|c[oa]mes?\b.*\b(?:after|heels of)", re.IGNORECASE)
# 'These talks followed a funding round in which Wiz raised $1 billion': the round followed is told with a
# subject of its own, so it is a deal of its own.
_OWN_SUBJECT_AFTER = re.compile(rf"\b(?:in which|during which|when|where)\s+{NAME}\s+$")


def _strategic(text: str, investors: Investors) -> bool:
    """A round that states no type, invested by corporations alone ('Microsoft invests $2 billion in X',
    'an investment from Samsung'): a strategic round, as deal databases type corporate money."""
    backers = investors.all
    if _SOME_OF_THE_INVESTORS.search(text):
        return False  # 'from investors including Google and Salesforce': the corporations are only some
    return bool(backers) and "nvest" in text and all(default_gazetteer().is_corporate(b) for b in backers)


_SOME_OF_THE_INVESTORS = re.compile(
    r"\b(?:investors|backers|participants|firms|companies|others)\s+(?:including|such as|like|among them)\b",
    re.IGNORECASE,
)


# A name after the lower-case words and '-based' places that describe it: 'Singapore- and
# Switzerland-based digital asset bank Sygnum'.
_DESCRIBED_NAME = re.compile(
    rf"^(?:(?:[A-Z][\w.'’-]*-(?:\s+and\s+[A-Z][\w.'’-]*-)?based|[a-z][\w'’-]*)\s+){{0,6}}(?P<name>{NAME})"
)
# The word after a name: a group word there ('raised by the UK AI sector', 'by 47 African startups', the
# gazetteer's `group_words`) makes the name a group's, never a company.
_WORD_AFTER = re.compile(r"\s+([\w-]+)")


# A lender's or backer's verb right before the money it gives ('is providing €20 million', 'has committed
# up to $50 million'), and the company it goes to after 'to' ('in venture-debt financing to Protembis').
_PROVIDES = re.compile(
    r"\b(?:provid(?:es|ed|ing)|extend(?:s|ed|ing)|lend(?:s|ing)|lent|commit(?:s|ted|ting)|grant(?:s|ed|ing)"
    r"|advanc(?:es|ed|ing)|arrang(?:es|ed|ing))"
    # ('provided a $25 million term loan to Quenby': the lender's loan, its borrower after 'to')
    r"\s+(?:(?:a|an|the|its)\s+)?"
    r"(?:(?:up to|about|around|nearly|almost|over|a further|another|an additional)\s+)?$",
    re.IGNORECASE,
)
_PROVIDED_TO = re.compile(
    r"\s*(?:(?:in|of)\s+)?(?:[\w-]+\s+){0,5}?to\s+(?P<rest>[^,;]{1,120})", re.IGNORECASE
)


# Where the recipient's words end ('Singapore- and Switzerland-based' is one description, not two).
_RECIPIENT_END = re.compile(r"(?<!-)\s+(?:and|while|as|which|who|that|led|from|to|for|with|in|at)\s+")


# A name owning what follows it: "Brindle Holdings' property", "Quenby's parent".
_OWNERS_THING = re.compile(rf"{NAME}(?:['’]s?)\s")


def _recipient_after(
    text: str, money: Money | None, pattern: re.Pattern[str] = _RECIPIENT_AFTER
) -> str | None:
    """The company named as the one that received `money`, right after it, or None."""
    if money is None:
        return None
    found = pattern.match(text, end_of_conversion(text, money))  # after '(US $325 million)', if any
    if (
        found is None
        and pattern is _RECIPIENT_AFTER
        and _MADE_AN_INVESTMENT_OF.search(text, 0, money.start)
        and not _SHARE_OF_A_ROUND.search(text, money.end)
    ):
        # 'made a strategic investment of $25 million in Ironleaf': the noun said before the amount (not
        # 'in Quenby's Series A round', an investor's share of a round)
        found = _IN_RECIPIENT.match(text, end_of_conversion(text, money))
    if not found:
        return None
    rest = _RECIPIENT_END.split(found["rest"], maxsplit=1)[0]
    if not rest:
        return None
    if text[found.start() : found.start("rest")].rstrip().endswith("secured by") and (
        not rest[:1].isupper() or _OWNERS_THING.match(rest)
    ):
        # 'secured by' names who secured the money only when a name follows it alone: 'a funding package
        # secured by Brindle Holdings' property portfolio' or 'by a lien on ...' is what secures it (an
        # 'investment in Wayve's next round' is Wayve's: the guard is for 'secured by' alone)
        return None
    named = company_in_subject(rest)
    if named is None:
        # 'investment in Epic Games this spring was ...', 'raised by Singapore-based digital asset bank
        # Sygnum topped ...': the name that opens the words after their descriptors, when they run on
        described = _DESCRIBED_NAME.match(rest)
        after = described and _WORD_AFTER.match(rest, described.end("name"))
        group = bool(after) and default_gazetteer().is_group_word(after.group(1))
        named = valid_company(described["name"]) if described and not group else None
    return named if named is not REFERENCE else None


# A stake taken by investing in the company ('has taken a minority stake in Quenby, investing $30
# million'); a stake bought 'for' money is a purchase from its holders, no raise.
_STAKE_TAKEN_INVESTING = re.compile(
    r"\b(?P<verb>took|taken|takes|taking)\s+(?P<span>(?:an?\s+)?(?:minority\s+|small\s+|\S+%\s+)?stake)\s+in\s+"
    rf"(?:{DESCRIBED_AS})?(?P<company>{NAME})(?:,\s+(?:an?|the)\s[^,;]{{1,80}})?,?\s+(?:by\s+)?investing\b"
)


def _invested_in(text: str) -> re.Match[str] | None:
    """'<investor> invested|led <money or a stake> in <company>', '<investor> took a minority stake in
    <company>, investing <money>', or None."""
    for found in _INVESTOR_SUBJECT.finditer(text):
        if (find_money(found["span"]) or "stake" in found["span"]) and valid_company(found["company"]):
            return found
    stake = _STAKE_TAKEN_INVESTING.search(text) if "stake" in text else None
    return stake if stake and valid_company(stake["company"]) else None


def _round(
    clause: Clause, anchor: int, first_raise: Money | None, is_raise: Callable[[Money], bool]
) -> str | None:
    """The round the clause states for its amount; the lead-in's round when it states none."""
    text = clause.text
    if clause.amount is not None:
        return clause.round  # 'respectively': the structure pairs each company with its round
    # The round named after the amount ('has now raised a $45M Series B'), else after the verb, else anywhere:
    # a relative clause before may name an earlier round ('Acme, which raised a Series A in 2025, ...').
    # The amount's own phrase: a later amount's round ('..., before it logged a $5 million seed') is not its.
    after_amount = own_phrase(text, first_raise, find_money(text)) if first_raise else ""
    # 'led by private equity firm General Catalyst': what kind of investor led, not the round's type
    after_amount = _INVESTOR_KIND.sub(" ", after_amount)
    if first_raise and (
        _DEBT_AFTER_AMOUNT.match(text, first_raise.end)
        or _DEBT_BEFORE_AMOUNT.search(text, max(0, first_raise.start - 40), first_raise.start)
    ):
        return "debt"  # 'a $5 billion loan package', '$5 million in debt', 'a loan of up to $7.9 billion'
    # Only the part of a semicolon list that holds the deal: 'OpenAI restructures for IPO; Perplexity AI
    # raises $500M' names no round of Perplexity's.
    start, end = text.rfind(";", 0, anchor) + 1, text.find(";", anchor)
    end = _next_round_told(text, first_raise, end)
    own = text[start:] if end < 0 else text[start:end]
    after_amount = after_amount.split(";", 1)[0]
    own_round = find_round(after_amount)
    if first_raise is not None and (
        BOTH_KINDS.match(text, first_raise.end) or _BOTH_KINDS_ROUND.match(text, first_raise.end)
    ):
        # '$15 million in debt and equity (financing)': both kinds, no debt round, and no round of another
        # amount of the clause ('..., following $5 million in seed funding')
        return own_round if own_round not in (None, "debt") else clause.round
    # Never in an aside about something else: 'Acme, whose parent went public last year, raised ...' and
    # 'Acme, which raised a Series A in 2023, has closed $20 million' name no round of this deal. (Blanked,
    # not cut: the anchor keeps its place.)
    # (nor in what kind of investor led: 'led by private equity firm Addison')
    blanked = _FINANCIAL_INVESTOR_KIND.sub(_blank, RELATIVE_ASIDE.sub(_blank, own))
    if not (first_raise and _EXTENDS.search(after_amount[:60])):
        # (an extension's round is the one it extends: 'raised $25 million in an extension, after a $10
        # million Series A' is that Series A's)
        blanked = _without_earlier_rounds(blanked, first_raise, start)
    stated = own_round or find_round(blanked[anchor - start :]) or find_round(blanked)
    listed = _LISTED_ASIDE.search(own) if stated is None and first_raise else None
    if listed and listed.end() <= first_raise.start - start:
        stated = "post_ipo"  # 'Marigold Stays, which went public in 2023, raised ₹1,800 crore through a QIP'
    own = blanked
    to_come = _LISTING_TO_COME.sub(" ", own) if stated == "ipo" and _LISTING_TO_COME.search(own) else None
    if to_come is not None and not _LISTING_WORDS.search(to_come):
        # 'as the company, a potential IPO candidate, expands': a listing still to come is no round
        stated = find_round(to_come)
    if stated == "ipo" and _BEFORE_THE_LISTING.search(own) and "anchor" not in own:
        # 'raised $10 million ahead of its listing next year': a round before the IPO, not the IPO ('Ahead
        # of the IPO, Quenby raised ₹178 crore from anchor investors' is the IPO's anchor book)
        stated = find_round(_BEFORE_THE_LISTING.sub(" ", own))
    if stated is None and first_raise and _DEBT_IN_PHRASE.search(after_amount):
        return "debt"  # 'raising $5 billion in what is considered the largest green loan'

    # (a grant told as a round before the deal is not its round: '..., following a $10 million grant')
    granted = (
        m
        for m in find_money(text)
        if _GRANT_AFTER.match(text[m.end : m.end + CONTEXT_CHARS])
        and 0 <= m.start - start < len(own)
        and not own[m.start - start].isspace()
    )
    if stated is None and any(is_raise(m) for m in granted):
        stated = "grant"
    return stated or clause.round


def _deal_raise(text: str, roles: ClauseRoles) -> Money | None:
    """The clause's first raise, passing over one told as a round before a raise a later deal verb states
    ('Following a $10 million seed round, Pallas raised $25 million': the seed is a round of its past;
    '... after a $600 million Series B at $5.6 billion' states no later raise)."""
    raises = roles.raises()
    first = next(raises, None)
    if first is None or not _told_as_earlier(text, first.start):
        return first
    later = next(raises, None)
    verb = DEAL_VERB.search(text, first.end, later.start) if later else None
    if verb is None or _COORDINATED_OR_PLANNED.search(text, max(first.end, verb.start() - 30), verb.start()):
        # ('valued at $2 billion after raising $300 million, and also secured $50 million in debt': the
        # later raise is more news, not the deal the first is told before; 'On the heels of raising $665
        # million, it is gearing up to raise $400 million': a plan is no deal told after a closed round)
        return first
    return later


# What makes a later raise no deal an earlier round is told before, said right before its verb: one joined by
# 'and', 'plus' or 'also', or one only planned ('is gearing up to raise', 'will raise'). (Only there: an
# aside after the name, 'Quenby, which serves banks and insurers, raised', joins nothing; 'May' is a month.)
_COORDINATED_OR_PLANNED = re.compile(
    r"(?:\b(?:and|plus|also|to|will|would|could|might|(?-i:may)|plans?|planning|expects?|aims?|hopes?|seeks?)"
    r"\s+(?:[\w-]+\s+)?|;\s*)$",
    re.IGNORECASE,
)


def _told_as_earlier(text: str, at: int) -> bool:
    """Whether the words right before the amount at `at` tell it as a round before the deal ('following a
    $10 million seed round', 'six months after raising $8 million')."""
    return EARLIER_ROUND_BEFORE.search(text, max(0, at - _EARLIER_WORDS_CHARS), at) is not None


# How far before an amount the words telling it as earlier are looked for ('on the heels of raising ').
_EARLIER_WORDS_CHARS = 30


def _valued_by_earlier_round(text: str, valuation: Money, deal: Money, moneys: list[Money]) -> bool:
    """Whether the valuation is told as one an earlier round brought, right before the deal's amount
    ('Pallas, valued at $1 billion after its $200 million Series C, has raised $300 million')."""
    later = next((m for m in moneys if m.start > valuation.end), None)
    return (
        later is not None
        and later.start < deal.start
        and later.start - valuation.end <= 40
        and EARLIER_ROUND_BEFORE.search(text, valuation.end, later.start) is not None
    )


def _without_earlier_rounds(text: str, first_raise: Money | None, offset: int = 0) -> str:
    """`text` (the part of a clause from `offset` on) with the amounts told as rounds before the deal, and
    their own words, blanked ('Following a $10 million seed round, Pallas raised $25 million' names no
    round of the $25 million). Blanked, not cut: places in the text keep their place."""
    if first_raise is None or not _hints_an_earlier_round(text):
        return text
    moneys = find_money(text)
    for money in moneys:
        if money.start + offset == first_raise.start or not _told_as_earlier(text, money.start):
            continue
        end = money.end + len(own_phrase(text, money, moneys)[:_PAST_ROUND_CHARS])
        text = text[: money.start] + " " * (end - money.start) + text[end:]
    return text


# A relative clause set off by commas: ', which raised a Series A in 2025,', ', whose parent went public,'.
# An aside saying the company is listed: ', which went public in 2023,', ', which listed on Nasdaq in 2019,'.
# A listing of the past, not this sentence's own ('which listed on the NYSE on Thursday, raised $350 million
# after pricing its shares' is the IPO), and on a market ('which was listed among Forbes' best startups',
# 'which floated the idea of' list nothing).
_LISTED_ASIDE = re.compile(
    r",\s+which\s+(?:went public|(?:was\s+)?listed\s+(?:on|in)\s|floated\s+(?:on|in)\s"
    r"|made its (?:stock\s+)?market debut)[^,;]*?\b(?:(?:19|20)\d\d|last year|years? ago)\b[^,;]*,",
    re.IGNORECASE,
)
# An aside of another thing or another time: ', whose parent went public last year,', ', which raised a
# Series A in 2023,'. Not one of the round at hand (', which is raising its Series C,') nor of this
# sentence's listing (', which priced its IPO at $18 a share,').
RELATIVE_ASIDE = re.compile(
    r",\s+(?:whose\s[^,;]*"
    r"|(?:which|who)\s[^,;]*?\b(?:(?:19|20)\d\d|last year|years? ago|previously|earlier"
    r"|in (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b[^,;]*),"
)
# A listing still to come, said of the company: 'a potential IPO candidate', 'its IPO ambitions', 'a
# possible listing next year'.
_LISTING_TO_COME = re.compile(
    r"\b(?:potential|possible|planned|future|eventual|likely|prospective)\s+(?:ipo|listing|public offering)"
    r"(?:\s+(?:candidate|plans?|ambitions?))?\b"
    r"|\bipo\s+(?:candidate|ambitions?|plans?|hopes?|aspirations?|prospects?)\b",
    re.IGNORECASE,
)


# Words of a listing, once those of one still to come are set aside: what is left tells of a listing that
# happened ('... despite its IPO ambitions, debuted on the Hong Kong exchange').
_LISTING_WORDS = re.compile(
    r"\b(?:ipo|listing|listed|lists|debut\w*|public offering|went public|floated|flotation)\b", re.IGNORECASE
)


# A round of both kinds named after the amount: 'in a mixed equity and debt round' (no debt round). Wider
# than `money_roles.BOTH_KINDS` ('in equity and debt'), which also tells a sum over time ('has raised $50
# million in equity and debt'): widened there, it read 'had raised $54 million in a mix of equity and debt
# in a Series A1' as such a sum, so the round noun it needs is asked for here only.
_BOTH_KINDS_ROUND = re.compile(
    r"\s*\bin\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:equity\s+and\s+debt|debt\s+and\s+equity)\s+"
    r"(?:round|financing|funding|raise)\b",
    re.IGNORECASE,
)
# The kind of the financial investor who led, or who owns the company, or of one investor among others,
# or a person's former trade, anywhere in the clause ('led by private equity firm Addison', 'Backed by
# private equity firm Addison, Quenby raised', '... from venture firm Kestrel and private equity firm
# Addison', 'founded by a former private equity investor'): no round. (Money 'from private equity
# investors' is a private-equity round, as the labels have it, and a strategic investor's money a strategic
# round, as deal databases type it.)
_FINANCIAL_INVESTOR_KIND = re.compile(
    r"(?:\b(?:co-)?led\s+by\s+|\b(?:backed|owned|controlled)\s+by\s+|(?:,|\band)\s+|\b(?:former|ex-)\s*"
    r"|\bparticipation\s+(?:from|of|by)\s+|\bincluding\s+)"
    r"(?:the\s+|an?\s+)?"
    r"(?:private[- ]equity|venture[- ]capital|growth[- ]equity)\s+"
    r"(?:firm|fund|investor|house|giant|major|arm|backer|player|group|company)s?\b",
    re.IGNORECASE,
)


def _blank(found: re.Match[str]) -> str:
    """Spaces as long as the match: text blanked, not cut, keeps every place in it."""
    return " " * len(found.group())


# A listing the round comes before: 'ahead of its IPO', 'before a planned listing'.
_BEFORE_THE_LISTING = re.compile(
    r"\b(?:ahead of|before|prior to|in the run-up to)\s+(?:its|an|a|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:ipo|listing|initial public offering|public offering|stock market debut|flotation)\b",
    re.IGNORECASE,
)
# The next round told with its article ('followed by a $50 million Series B', ', then a ...'), not 'then' as
# an adverb of the same round ('at what was then a $150 million valuation', '(then $50m)').
_NEXT_ROUND_BEFORE = re.compile(
    r"(?:\bfollowed\s+by|\band\s+then|,\s*then)\s+(?:a|an|another|a\s+further|a\s+second)\s+$",
    re.IGNORECASE,
)


_EARLIER_HINTS = ("after", "follow", "since", "heels")
# Money told as more of a round already named ('raised $25 million in an extension, after a $10 million
# Series A'): the round it extends is its own.
_EXTENDS = re.compile(
    r"\b(?:extension|tranche|top-?up|same round)\b"
    r"(?!\s+(?:program\w*|plan|scheme|fund\w*|card|service|app)\b)",
    re.IGNORECASE,
)


def _hints_an_earlier_round(text: str) -> bool:
    """Whether a word that may tell a round before the deal is there at all ('After', 'following'...)."""
    lowered = text.lower()
    return any(hint in lowered for hint in _EARLIER_HINTS)


def _next_round_told(text: str, first_raise: Money | None, end: int) -> int:
    """Where the round told next begins ('raised $20 million in 2021, followed by a $50 million Series B';
    'raised $25 million, following a $10 million seed round'): the deal's round is not looked for past it.
    Only a later amount whose own words name its round is told so. `end` when there is none (-1: the
    clause's end)."""
    if first_raise is None or not ("then" in text or "followed by" in text or _hints_an_earlier_round(text)):
        return end
    moneys = find_money(text)
    # ('raised $25 million in an extension, after a $10 million Series A': the extension is of that round)
    continues = bool(_EXTENDS.search(own_phrase(text, first_raise, moneys)[:60]))
    for money in moneys:
        if money.start <= first_raise.end or (0 <= end < money.start):
            continue
        window = max(first_raise.end, money.start - 30)
        told = _NEXT_ROUND_BEFORE.search(text, window, money.start) or (
            None if continues else EARLIER_ROUND_BEFORE.search(text, window, money.start)
        )
        if told and find_round(own_phrase(text, money, moneys)):
            return told.start()
    return end


# A deal told as today's news: 'has raised', 'raises', 'this week', 'on Monday'. It is not the date of the
# round told before it ('Back in 2023, it raised $4m. It has now closed a $22m Series A'), and a report whose
# lede sums up last year's market may still announce one ('Startups raised 40% less last year. Acme has
# raised $12 million'): its date is the page's (`prose.date_by_covered_period`).
NEWS_OF_THE_DAY = re.compile(
    r"\b(?:has|have)\s+(?:just\s+|now\s+|also\s+)?(?:raised|secured|closed|landed|bagged|received|announced"
    r"|completed|netted|picked up|pulled in)\b"
    r"|\b(?:raises|secures|closes|lands|bags|announces|nabs|snags|gets)\b"
    r"|\b(?:this week|this month|today|yesterday|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday))\b|\bsaid on\b",
    re.IGNORECASE,
)


_INVESTOR_KIND = re.compile(
    r"\b(?:private[- ]equity|venture[- ]capital|growth[- ]equity|venture|strategic|corporate)\s+"
    r"(?:firm|fund|investor|house|giant|major|arm|backer|player|group|company)s?\b",
    re.IGNORECASE,
)


# Debt named right after the amount: the round is debt whatever else the clause names.
_DEBT_AFTER_AMOUNT = re.compile(
    r"\s*(?:in\s+)?(?:(?:new|green|senior|secured|venture|convertible|bank|additional)\s+){0,2}"
    r"(?:debt|loans?|loan package|credit facility|credit line|convertible notes?|notes|bonds?"
    r"|credit(?:\s+and\s+\w+)?\s+financing"
    r"|(?:warehouse|lending|debt|revolving)\s+(?:credit\s+)?facility|receivables securiti[sz]ation)\b"
    # ('$15 million in debt and equity' is both kinds: no debt round)
    r"(?!\s+and\s+equity)",
    re.IGNORECASE,
)


# Debt named right before the amount: 'secured a loan of up to $7.9 billion', 'a credit facility of $50M'.
_DEBT_BEFORE_AMOUNT = re.compile(
    r"\b(?:loan|credit facility|credit line|debt facility|term loan|debt financing|warehouse facility"
    r"|revolving facility)\s+(?:facility\s+)?"
    r"(?:of|worth|totall?ing)\s+(?:up to\s+|about\s+|around\s+|nearly\s+)?$"
    # a lender's loan: 'lent heat-pump installer Warmstead £40 million'
    r"|\b(?:lent|lends)\s+(?:\S+\s+){1,5}?$",
    re.IGNORECASE,
)


# Debt named later in the amount's own phrase, before any comma: the round is debt when no other is named.
_DEBT_IN_PHRASE = re.compile(
    r"^[^,;]{0,60}?\b(?:loans?|debt|credit facility|credit line|convertible notes?|bonds?)\b"
    # debt as what the company's business handles: 'to expand its debt marketplace'
    r"(?!\s+(?:marketplace|platform|collection|management|recovery|solutions?|market|app|software|products?))",
    re.IGNORECASE,
)


def _investors(clause: Clause, company: str | None, first_money: int) -> Investors:
    found = investors_in(clause.text, first_money)
    invested = _invested_in(clause.text)
    if invested:
        # Who led it, or bought a stake on its own, leads; who merely invested does not.
        # ('Reuters reports Nvidia is in talks to invest': who reports it is no investor)
        subject = read_names(_REPORTED_BY.sub("", strip_lead_in(clause.text[: invested.start()])))[0]
        # ('is leading a $60M Series B into', 'is in talks to lead a round for': leads too)
        if (
            invested["verb"].endswith("led")
            or invested["verb"].startswith("lead")
            or "stake" in invested["span"]
        ):
            found.add(leads=subject)
        else:
            found.add(others=subject)
    if clause.list_item:
        found.add(others=trailing_names(clause.text))
    found.add(leads=clause.leads, others=clause.investors)
    found.leads = [n for n in found.leads if n != company]
    found.others = [n for n in found.others if n != company]
    return found


_NAME_BEFORE_VERB = re.compile(rf"(?:^|(?<=\s))({NAME})\s+$")
_REPORTED_BY = re.compile(r"^.*?\b(?:reports|reported|says|said)\s+(?:that\s+)?")
# A second deal in the same clause: debt taken on beside the equity round ('a $10 billion Series J, with an
# additional $5.25 billion in debt financing').
_DEBT_AFTER = re.compile(
    r"\s+(?:in|of)\s+(?:new\s+)?(?:venture\s+)?(?:debt|credit|loans?|a (?:debt|credit|loan) facility)\b",
    re.IGNORECASE,
)
_ADDED_BEFORE = re.compile(
    r"\b(?:with|plus|and|along with|as well as)\s+(?:an?\s+)?(?:additional|further|separate)?\s*$"
)


def debt_beside(text: str, mention: DealMention) -> DealMention | None:
    """The debt a clause states beside its round, as a deal of its own (same company, date and status)."""
    lowered = text.lower()
    if mention.amount is None or not any(word in lowered for word in ("debt", "credit", "loan")):
        return None
    moneys = find_money(text)
    for money in moneys:
        if money.text == mention.amount or not _DEBT_AFTER.match(text, money.end):
            continue
        if _ADDED_BEFORE.search(text, max(0, money.start - 40), money.start) and not _part_of_round(
            money, mention.amount, moneys, text
        ):
            return _deal_beside(mention, "/debt", "debt", money.text, mention.announced)
    return None


_BREAKDOWN_OPENS = re.compile(
    r"[^.;]{0,40}?(?:\(|—|–|:|\bmade up of|\bconsisting of|\bcomprising|\bcomprised of"
    r"|\bsplit (?:between|into)|\bof which|\bin the form of)"
    r"\s*(?:about\s+|roughly\s+|some\s+)?(?:[A-Z]{1,3})?\s?$",
    re.IGNORECASE,
)
# Money said to be of a kind, as the parts of a round are: '$170 million in equity', '$20 million of debt'.
_OF_A_KIND = re.compile(
    r"\s+(?:in|of)\s+(?:new\s+|fresh\s+)?(?:venture\s+)?"
    r"(?:equity|debt|credit|loans?|convertible notes?|cash)\b",
    re.IGNORECASE,
)


def _part_of_round(part: Money, amount: str, moneys: list[Money], text: str) -> bool:
    """Whether an amount and another of the clause add up to the round's amount: its parts, not a deal
    beside it ('a $190 million Series C — $170 million in equity plus $20 million in venture debt')."""
    for total in (m for m in moneys if m.text == amount):
        for other in moneys:
            if (
                other is part
                or other is total
                or abs(other.value + part.value - total.value) > total.value / 50
            ):
                continue
            first = min(other, part, key=lambda m: m.start)
            if (
                first.start > total.end
                and all(_OF_A_KIND.match(text, m.end) for m in (other, part))
                # set off as its breakdown, right after the round: '— $170 million ...', '($40 million ...',
                # 'made up of $45 million ...' ('plus $20 million in debt' is money beside it)
                and _BREAKDOWN_OPENS.match(text, total.end, first.start)
            ):
                return True
    return False


def _deal_beside(
    mention: DealMention, suffix: str, round_text: str | None, amount: str, announced: str | None
) -> DealMention:
    """Another deal of the company a mention names, stated in its sentence (its debt, a round of its past,
    another round): the mention's company, snippet, status and context, with its own round, amount and
    date; its locator is the mention's and `suffix`."""
    return DealMention(
        method=mention.method,
        locator=f"{mention.locator}{suffix}",
        snippet=mention.snippet,
        company=mention.company,
        round_text=round_text,
        amount=amount,
        announced=announced,
        status=mention.status,
        context=mention.context,
    )


# Another owner named right after an amount: '$40 million raised by Brindle', '$12 million (that) Brindle
# raised'.
_OWNER_AFTER = re.compile(
    rf"\s*(?:[\w-]+\s+){{0,3}}?(?:(?:raised|secured|closed|landed|bagged|announced)\s+by\s+(?P<by>{NAME})"
    rf"|(?:that\s+|which\s+)?(?P<subject>{NAME})\s+(?:had\s+|has\s+)?(?:raised|secured|closed|landed|bagged)\b)"
)


def _owned_by_another(text: str, money: Money, mention: DealMention) -> bool:
    """Whether the words right after `money` name another company as the one that raised it."""
    found = _OWNER_AFTER.match(text, money.end)
    owner = valid_company(found["by"] or found["subject"]) if found else None
    return owner is not None and name_key(owner) != name_key(mention.company or "")


def past_rounds_beside(text: str, mention: DealMention, published: date | None) -> list[DealMention]:
    """The rounds of the company's past that a clause dates beside the deal it states ('raised $40M, a year
    after a $12M Series A in 2024'; 'including a $20M Series A in 2022 and a $60M Series B in 2023'), each
    a deal of its own with the period the text gives it."""
    if mention.amount is None:
        return []
    moneys = find_money(text)
    roles = clause_roles(text, moneys, published)
    pasts = [
        (money, period)
        for money in moneys
        if roles.of(money) is Role.PAST_RAISE
        and not mention.amount.endswith(money.text)  # the clause's deal is this past round itself
        and (period := past_period(text, money, published)) is not None
    ]
    found = []
    for index, (past, period) in enumerate(pasts):
        if _owned_by_another(text, past, mention):
            continue  # 'less than the $40 million raised by Brindle in 2023': Brindle's round
        phrase = own_phrase(text, past, moneys)[: CONTEXT_CHARS // 2]
        # 'the $10 million debt it took in August'
        round_text = round_of_phrase(phrase) or find_round(text[max(0, past.start - 30) : past.start])
        suffix = "/past" if index == 0 else f"/{index + 1}/past"
        deal = _deal_beside(mention, suffix, round_text, amount_text(text, past), period)
        if deal.status == "reported" and not _told_by_others(mention.snippet):
            # a round of the past was raised, whatever the company plans now ('Quenby, which raised $20
            # million last year, aims to raise $50 million')
            deal = replace(deal, status="announced")
        found.append(deal)
    return found


def without_past_round(mention: DealMention, pasts: list[DealMention]) -> list[DealMention]:
    """`pasts`, after taking from `mention` a round that one of them, told before its amount, names and
    its own amount's words do not ('from a $150 million Series D in 2023 to a $300 million Series E in
    2024, and now a potential $1.5 billion raise': the $1.5 billion is no Series D; 'secured 80 billion won
    of the 160 billion won planned for the Series C in 2023' keeps its Series C)."""
    if not mention.amount or mention.round_text not in {past.round_text for past in pasts}:
        return pasts
    text = mention.snippet
    moneys = find_money(text)
    own = next((money for money in moneys if mention.amount.endswith(money.text)), None)
    if own is None:
        return pasts
    told_before = [
        (past.round_text, money)
        for past in pasts
        for money in moneys
        if money.start < own.start and (past.amount or "").endswith(money.text)
    ]
    if mention.round_text not in {round_text for round_text, _ in told_before}:
        return pasts
    # the words near the amount that are its own: not those of a round told just before ('After a $12
    # million Series A in 2024, Quorrel raised $40 million')
    start = max([own.start - _OWN_ROUND_BEFORE] + [money.end + _PAST_ROUND_CHARS for _, money in told_before])
    # (the few words right before it are its own whatever came before: 'and a further $20 million')
    near = text[max(0, min(start, own.start - 12)) : own.start] + own_phrase(text, own, moneys)[:60]
    if find_round(near) != mention.round_text and not _CONTINUES.search(near):
        mention.round_text = None
    return pasts


# How near an amount a round named before it is the amount's own ('has closed its Series B extension of
# $20 million'), and how far after a past round's amount its own round words run ('$12 million Series A').
_OWN_ROUND_BEFORE = 40
_PAST_ROUND_CHARS = 25
# Money told as more of a round already named: an extension, a tranche, a close, more of the same.
_CONTINUES = re.compile(
    r"\b(?:extension|extend\w*|tranche|close|closing|more|further|additional|top-?up|same round|the round"
    r"|second|third)\b",
    re.IGNORECASE,
)


# What tells a second amount as new money of the deal: 'adding £410M of new debt', 'plus $5M in venture debt'.
_ADDED_NEAR = re.compile(
    r"\s*(?:of\s+)?\b(?:adding|added|adds|plus|new|additional|fresh)\b\W*", re.IGNORECASE
)
_BESIDE_CHARS = 240  # how far from the deal's amount another round of the same clause is looked for
# 'another $400 million': a second round beside the one just stated, told as news in the same breath.
_ANOTHER_BEFORE = re.compile(r"\banother\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
# 'followed by a further $433m in October': more money told as the next round ('a further $10 million'
# alone is as often a tranche to come: 'with a further $10 million available upon milestones').
_FURTHER_NEXT = re.compile(r"\b(?:followed by|and then|then|and|with)\s+a further\s+$", re.IGNORECASE)
# ... and the words before it that plan it: 'expects to raise a further $5 million'.
_PLANNED_BEFORE = re.compile(rf"\b(?:{_PLAN_WORDS})\b[^.;]{{0,30}}$", re.IGNORECASE)
# Money not yet raised, said right after the amount: 'a further $5 million could follow', '$10 million is
# expected to close', '$1 million contingent on milestones'.
_NOT_YET_AFTER = re.compile(
    # (matched at the amount's end: no '^', which matches at a string's start only)
    # (the modal verbs in lower case: 'from Will Ventures', 'in May')
    r"\s*(?:[\w-]+\s+){0,3}?(?:available|contingent|conditional|subject to|(?-i:could|would|may|might|will)"
    r"|(?:is|are)\s+expected|expected to|to follow|pending)\b",
    re.IGNORECASE,
)
# What places an amount in the past without dating it ('following the $10 million debt', 'after a $4.5
# million pre-seed'): such a round is told apart only when the text dates it (`past_rounds_beside`).
_AFTER_BEFORE = re.compile(
    r"\b(?:follow(?:s|ed|ing)?|after|since|on the heels of|previous(?:ly)?|prior|earlier|last|its first)\b"
    r"[^.;]{0,40}$",
    re.IGNORECASE,
)
# 'after raising $8 million': the verb says the amount was raised, no funding noun needed.
_RAISING_BEFORE = re.compile(r"\b(?:raising|securing|closing)\s+$", re.IGNORECASE)
# 'followed by $2 billion more from Google': more money beside the deal's, a deal of its own.
_MORE_AFTER = re.compile(r"\s+more\b")
# What tells an amount after the deal's as the round that came next: 'followed by $7.5 billion in debt'.
_THEN_BEFORE = re.compile(
    r"\b(?:followed by|and then|then)\s+(?:(?:a|an|another|a further|a second)\s+)?$", re.IGNORECASE
)
# Words that make the later amounts the parts of the first ('$50M, including $10M in debt').
_PARTS_BETWEEN = re.compile(
    r"\b(?:includ\w*|compris\w*|consist\w*|of which|split|made up|part of|out of|bringing|taking)\b",
    re.IGNORECASE,
)


def other_rounds_beside(text: str, mention: DealMention, published: date | None) -> list[DealMention]:
    """The other rounds of the same company a clause states beside the deal it states, each a deal of its
    own: a raise whose own words name another round and which the text dates ('raised $20M in a Series
    B, after the $10M debt facility it took on in August') or tells as new money ('adding £410M of new
    debt'), or that is 'another' one ('On the heels of raising $665 million, Zepto is gearing up to raise
    another $400 million').

    Conservative: an amount with no round of its own words, the parts of a total ('including'), another
    company's round, and rounds neither dated nor told as new (a list of rounds is a history) are left
    alone."""
    at = text.find(mention.amount) if mention.amount else -1
    if at < 0:
        return []
    # Only the words beside the deal's amount are read: a clause of thousands of amounts costs each of its
    # deals the same few hundred characters.
    text = text[max(0, at - _BESIDE_CHARS) : at + len(mention.amount) + _BESIDE_CHARS]
    moneys = find_money(text)
    if len(moneys) < 2:
        return []
    roles = clause_roles(text, moneys, published)
    stated = next((m for m in moneys if mention.amount.endswith(m.text)), None)
    if stated is None:
        return []
    found = []
    # The cheap tests first (the words right around each amount), the roles and names only for the rest.
    for money in moneys:
        if money is stated or money.value == stated.value or _part_of_round(money, stated.text, moneys, text):
            continue
        phrase = own_phrase(text, money, moneys)[: CONTEXT_CHARS // 2]
        before = text[max(0, money.start - 60) : money.start]
        # 'another $400 million', '$2 billion more from Google'
        another = bool(
            _ANOTHER_BEFORE.search(before)
            or _MORE_AFTER.match(text, money.end)
            or (money.start > stated.end and _FURTHER_NEXT.search(before[-30:]))
        )
        if another and (_NOT_YET_AFTER.match(text, money.end) or _PLANNED_BEFORE.search(before[-40:])):
            continue  # a tranche still to come is no round yet
        round_text = round_of_phrase(phrase)
        # 'raised $25 million, less than a year after its $10 million seed round', '... two months after its
        # $56 million round', 'Following a $10 million seed, Pallas raised ...': a round of the past, told
        # as one (its own words name a round or a funding noun, or a verb of raising comes before it)
        told_earlier = (
            _told_as_earlier(text, money.start)
            # ('after a $10 million investment in its new factory': money spent, no round)
            and not _ASSET_INVESTMENT.match(text, money.end)
            and (round_text is not None or _noun_after(text, money) or _RAISING_BEFORE.search(before[-12:]))
        )
        if not (another or told_earlier) and (round_text is None or round_text == mention.round_text):
            continue
        if told_earlier and round_text in _STAGES and round_text == mention.round_text:
            continue  # 'its $20 million Series B, after a $10 million Series B first close': one round
        if told_earlier and _earlier_stage(mention.round_text, round_text):
            continue  # 'raised $16 million in a seed round after a $48 million Series B': not told apart
        if told_earlier and _EXTENDS.search(own_phrase(text, stated, moneys)[:60]):
            continue  # 'raised $25 million in an extension, after a $10 million Series A': the round extended
        # ('followed by a further $433m in October': its own month, else the deal's)
        stated_month = month_stated(text, money, published) if money.start > stated.end else None
        # (a round told as earlier than the deal is dated up to the deal's month, not the page's: 'raised $25
        # million in October, following a $10 million seed round in March' in a text of the next March)
        before_deal = _deal_month(mention, published) if told_earlier else published
        announced = (stated_month or mention.announced) if another else month_stated(text, money, before_deal)
        if announced is None and told_earlier:
            # ('..., after a $10 million seed round, which closed in 2024')
            # (its own words only, up to a comma, or an aside that tells it closed: not 'the company said
            # on March 18', nor 'expects revenue to double in 2026', nor 'which first backed it in 2022')
            own_words = text[money.end : next((m.start for m in moneys if m.start > money.end), len(text))]
            near = own_words.split(",", 1)[0]
            closed = _CLOSED_ASIDE.match(own_words, len(near))
            announced = (
                past_period(text, money, before_deal)
                or named_period_words(near)
                or (named_period_words(closed.group()) if closed else None)
                or find_date_phrase(near[:_PAST_ROUND_CHARS])
                or EARLIER_UNDATED  # (never the page's date: it came before the deal)
            )
        added = another or bool(_ADDED_NEAR.search(before[-30:]) or _ADDED_NEAR.match(phrase[:20]))
        # 'raised $51.5M in a Series B after closing a $19.5M Series A earlier this year': an earlier stage
        # than the deal's, said to come before it, is a round of the company's past even undated
        earlier_stage = _earlier_stage(round_text, mention.round_text) and bool(_AFTER_BEFORE.search(before))
        # 'raised $1.1 billion, followed by $7.5 billion in debt': the next round of the history
        told_next = money.start > stated.end and bool(_THEN_BEFORE.search(before[-30:]))
        told_apart = earlier_stage or told_next or told_earlier
        if announced is None and not told_apart and (not added or _AFTER_BEFORE.search(before)):
            # a round the text neither dates nor tells as new ('raised $1M in a seed, $2M in a Series A'
            # lists a history): not told apart from the rounds before it
            continue
        between = text[min(stated.end, money.start) : max(stated.start, money.start)]
        if roles.of(money) is not Role.RAISE or _PARTS_BETWEEN.search(between):
            continue
        if told_earlier:
            # ('After a $10 million grant from the NSF, Quenby won ...': who gave the earlier money is no
            # other company taking it)
            between, phrase = _BACKER_NAMED.sub(" ", between), _BACKER_NAMED.sub(" ", phrase)
        if _another_company_named(between, mention) or _another_company_named(phrase, mention):
            continue  # '... the record $172 million Series B for startup Hysata': another company's round
        suffix = f"/other[{len(found)}]"
        # (an undated earlier stage is not of the deal's day, nor of the page's: 'two months after its $15M
        # Series A' dated by the page put it in the page's quarter, after the round it came before; its
        # date stays empty, as a 'previously raised' round's does. 'after closing a $15M Series B earlier
        # this month' is dated by its own words)
        if announced is None and earlier_stage and not _PERIOD_AFTER.search(text, money.end):
            announced = EARLIER_UNDATED
        day = announced or (None if told_apart else mention.announced)
        found.append(_deal_beside(mention, suffix, round_text, amount_text(text, money), day))
    return found


# An aside telling that the round before the deal closed, and when: ', which closed in 2024', ', which it
# closed in May 2024'.
_CLOSED_ASIDE = re.compile(
    r",\s*which\s+(?:it\s+|they\s+)?(?:closed|completed|was\s+(?:closed|completed|raised|announced)|came)\b[^,;]*",
    re.IGNORECASE,
)


def _deal_month(mention: DealMention, published: date | None) -> date | None:
    """The first day of the month the deal is dated to, when its words name one (or a day); else
    `published`."""
    if not mention.announced:
        return published
    period = latest_named_period(mention.announced)
    if period is None:
        # ('raised $20 million last month, following a $5 million seed in March')
        month = relative_month(mention.announced, published)
        return month or published
    if period.precision not in ("day", "month") or (published and period.day > published):
        return published
    return period.day


# Words after an earlier stage's amount that place it in time after all ('... a $15M Series B earlier this
# month', '... in March', '... in 2024'): the stage is then dated as before, by them or by the page.
_PERIOD_AFTER = re.compile(
    r"\b(?:this|last|earlier|previous|same)\s+(?:week|month|quarter|year)\b|\bearlier\b|\bago\b"
    r"|\b(?:in|on|since)\s+(?:(?:early|mid|late)[\s-]+)?(?:19|20)\d\d\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d|(?:19|20)\d\d)",
    re.IGNORECASE,
)

# Stages of venture rounds in order: a round of an earlier stage than the deal's came before it.
_STAGES = ("pre_seed", "seed", "pre_series_a", "series_a", "series_b", "series_c", "series_d", "series_e")
_STAGES += ("series_f", "series_g", "series_h", "series_i", "series_j", "series_k")


def _earlier_stage(round_type: str | None, deal_round: str | None) -> bool:
    """Whether `round_type` is a stage before the deal's ('series_a' before 'series_b')."""
    return (
        round_type in _STAGES
        and deal_round in _STAGES
        and _STAGES.index(round_type) < _STAGES.index(deal_round)
    )


# A backer named after the money it gave: 'from the NSF', 'led by Northwind Capital', 'backed by Brindle'.
_BACKER_NAMED = re.compile(
    r"\b(?:from|(?:led|backed|provided|funded)\s+by)\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*"
)


def _another_company_named(text: str, mention: DealMention) -> bool:
    """Whether `text` names a company other than the mention's and its investors ('a $120 million Series
    E for Cover Genius, the record $172 million Series B for Employment Hero': the second is another's)."""
    known = {name_key(name) for name in (mention.company, *mention.investors, *mention.lead_investors)}
    return any(
        (named := valid_company(found.group(0))) and name_key(named) not in known
        for found in NAME_PATTERN.finditer(text)
    )


def round_of_phrase(phrase: str) -> str | None:
    """The round an amount's own phrase names, debt included ('$5 million in debt'; '$15 million in debt
    and equity' is both kinds: no debt round)."""
    stated = find_round(phrase)
    if BOTH_KINDS.match(phrase):
        return None if stated == "debt" else stated
    return stated or ("debt" if _DEBT_IN_PHRASE.search(phrase) else None)


# 'This included a $3 million seed round and $5 million in debt': the parts of the deal just stated.
_PARTS_OPENING = re.compile(
    r"^(?:this|that|it|the (?:round|funding|financing|deal|raise|investment|package))\s+(?:\w+\s+)?"
    r"(?:included|includes|comprised|comprises|consisted of|consists of|(?:was|is) made up of"
    r"|(?:was|is) split into|combined|combines)\b",
    re.IGNORECASE,
)
_PARTS_TOLERANCE = Decimal("0.02")


def parts_of(sentence: str, total: DealMention) -> list[DealMention]:
    """The deals a sentence splits the deal just stated into ('This included a $3 million seed round and
    $5 million in debt'), each of the same company, date and status; [] unless the parts add up to it."""
    moneys = find_money(sentence) if _PARTS_OPENING.match(sentence) else []
    whole = parse_amount(total.amount).money if total.amount else None
    if len(moneys) < 2 or whole is None or any(m.currency != whole.currency for m in moneys):
        return []
    if abs(sum(m.value for m in moneys) - whole.value) > _PARTS_TOLERANCE * whole.value:
        return []  # not its parts: other money ('This included $2M from angels and $1M from a grant ...')
    ends = [m.start for m in moneys[1:]] + [len(sentence)]
    return [
        replace(
            total,
            locator=f"{total.locator}/part[{index}]",
            round_text=round_of_phrase(sentence[money.end : end]),
            amount=money.text,
            valuation=None,
            context="\n".join(filter(None, (total.context, sentence))),
        )
        for index, (money, end) in enumerate(zip(moneys, ends, strict=True))
    ]


# A company's funding to date, said of a total: 'brings its total funding to $40 million', 'has now raised
# $52 million in venture capital'.
_TOTAL_FUNDING = re.compile(
    r"\btotal\s+(?:funding|financing|investment|capital|raised)\b|\b(?:has|have)\s+(?:now\s+)?raised\b"
    r"|\bto date\b|\bso far\b|\bin total\b",
    re.IGNORECASE,
)
# What opens a round said to be part of that total: 'including a $11 million Series A', '... and a £317.8m
# Pre-Series C SAFE' after one.
_INCLUDED = re.compile(r"\binclud(?:ing|es|ed)\s+(?:a|an)\s+(?:reported\s+)?$", re.IGNORECASE)
_AND_ANOTHER = re.compile(r"^\s*,?\s*(?:and|plus)\s+(?:a|an)\s+$", re.IGNORECASE)
# Rounds of a stage: a total's included round of one of these is a round of the company's past.
_STAGE_ROUNDS = frozenset({"pre_seed", "seed", "pre_series_a", "series_a", "series_b", "series_c"})
_STAGE_ROUNDS |= {"series_d", "series_e", "series_f", "series_g", "series_h", "series_i", "series_j"}


# What makes a total's included round no past round: a fund ('a $500 million seed fund'), a plan ('expected
# to close next month') or the news itself ('announced today').
_FUND_OR_PLAN = re.compile(
    r"\b(?:funds?|vehicles?|expect\w*|to close|pending|planned|announced)\b", re.IGNORECASE
)


def rounds_in_total(
    sentence: str, locator: str, antecedent: DealMention | None, published: date | None
) -> list[DealMention]:
    """The rounds of a stage a sentence names as part of a company's funding to date ('This brings its
    total funding to $40 million, including a $11 million Series A round in March 2021'), each a deal of
    the company's past, dated as the text dates it. The company is the subject the sentence names, or
    the one before when it points back ('its', 'the company'); a round of no stage ('including $10
    million in debt') stays a part of the total."""
    if "includ" not in sentence or not _TOTAL_FUNDING.search(sentence):
        return []
    moneys = find_money(sentence)
    found: list[DealMention] = []
    included_before: Money | None = None
    for money in moneys:
        before = sentence[max(0, money.start - 40) : money.start]
        between = sentence[included_before.end : money.start] if included_before else ""
        if not (_INCLUDED.search(before) or (included_before and _AND_ANOTHER.match(between))):
            continue
        included_before = money
        phrase = own_phrase(sentence, money, moneys)[: CONTEXT_CHARS // 2]
        round_text = find_round(phrase[:40])
        # dated, and before the month of publication: an undated or current one may be the news itself
        # ('including a $40 million Series C announced today'), a plan ('expected to close next month') or
        # a fund ('a $500 million seed fund')
        # ('in Q3 2024', 'in the summer of 2024': the phrase, read as a period as a page's date is)
        announced = past_period(sentence, money, published) or named_period_words(phrase)
        if (
            round_text not in _STAGE_ROUNDS
            or _FUND_OR_PLAN.search(phrase)
            or not _before(announced, published)
        ):
            continue
        company = _total_owner(sentence[: moneys[0].start], antecedent)
        if company is None:
            return []
        found.append(
            DealMention(
                method=Method.PROSE,
                locator=f"{locator}/included[{len(found)}]",
                snippet=sentence,
                company=company,
                round_text=round_text,
                amount=amount_text(sentence, money),
                announced=announced,
                context="\n".join(filter(None, (antecedent.context if antecedent else None, sentence))),
            )
        )
    return found


def _before(period: str | None, published: date | None) -> bool:
    """Whether `period` ('March 2021', '2024') ends before the month of publication (any period, when
    nothing dates the text)."""
    named = latest_named_period(period) if period else None
    if named is None:
        return False
    if published is None:
        return True
    last_month = named.day.month + {YEAR: 12 - named.day.month, QUARTER: 2}.get(named.precision, 0)
    return (named.day.year, last_month) < (published.year, published.month)


def _total_owner(subject: str, antecedent: DealMention | None) -> str | None:
    """Whose total the words before its first amount speak of: a name, or the company before for 'its';
    None when it is the investors' ('Its investors have now raised $3 billion')."""
    if re.search(r"\b(?:investors?|backers?|funds?|VCs?|shareholders)\b", subject, re.IGNORECASE):
        return None
    # 'its total funding', "the startup's total", 'the total funding for the Chennai-based company'
    if re.search(
        r"\b(?:its|the (?:company|startup|firm)['’]s|for the (?:[\w-]+\s+){0,3}?(?:company|startup|firm))\b",
        subject,
        re.IGNORECASE,
    ):
        return antecedent.company if antecedent else None
    named = company_in_subject(subject)
    if named is REFERENCE:
        return antecedent.company if antecedent else None
    return named


# '20 million shares of its common stock at $19 each', '12,500,000 ADSs at $16': how many shares were sold,
# right before the price of each.
_SHARES_AT = re.compile(
    r"(?P<count>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>million|mn|m|billion|bn)?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:shares|ADSs|depositary shares)\b(?:\s+of\s+(?:its\s+)?(?:class [a-z]\s+)?common stock)?"
    r"\s+(?:at|for|priced at)\s+(?:a price of\s+)?$",
    re.IGNORECASE,
)
_SHARE_UNITS = {"million": 10**6, "mn": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9}


def offering_proceeds(text: str, moneys: list[Money]) -> tuple[str, int] | None:
    """The proceeds of a listing that states only its shares and their price ('sold 10 million shares at
    $18 each' -> '$180,000,000', in the price's currency as written before the number), and where the
    shares are said (the subject ends before them); None when the text does not state both."""
    for price in moneys:
        shares = _SHARES_AT.search(text, max(0, price.start - CONTEXT_CHARS), price.start)
        if shares is None or not _PRICE_WORDS.match(text, price.end):
            continue
        count = Decimal(shares["count"].replace(",", "")) * _SHARE_UNITS.get(
            (shares["unit"] or "").lower(), 1
        )
        sign = price.text[: len(price.text) - len(price.text.lstrip("".join(_SIGN_CHARS)))]
        # The subject ends before the verb of the sale: 'Orvane sold', 'Orvane is selling'.
        verb = _WORD_BEFORE.search(text, 0, shares.start())
        subject_end = verb.start() if verb else shares.start()
        return (f"{sign}{count * price.value:,.0f}", subject_end) if sign else None
    return None


_WORD_BEFORE = re.compile(r"\b[a-z]+\s+$")
# The words after a price: 'each', 'per share', 'apiece', or the end of the clause.
_PRICE_WORDS = re.compile(r"\s*(?:each|apiece|per (?:share|ADS)|a share|[,.;)]|$|\s(?:in|on|to|for)\b)")
_SIGN_CHARS = frozenset(CURRENCY_SIGNS + "USAC")  # '$', '€', 'US$', 'A$', 'C$'


_CONTRAST = re.compile(r",\s+(?:while|whilst|whereas)\s", re.IGNORECASE)


def _contrast_between(text: str, money: Money | None, anchor: int) -> bool:
    """Whether a contrast (', while', ', whilst', ', whereas') stands between an amount and a later verb."""
    return money is not None and money.end <= anchor and bool(_CONTRAST.search(text, money.end, anchor))


def _currency_unwritten(text: str, money: Money, moneys: list[Money]) -> str | None:
    """The currency of a raise its words do not write ('458 cr': rupees, as Indian news writes them), or
    do not tell ('¥1.1 billion (US$152 million)' is in yuan, by its conversion); else None."""
    if money.text[:1].isdigit():
        return money.currency
    return "CNY" if yuan_by_its_conversion(text, money, moneys) else None


def may_say_undisclosed(text: str) -> bool:
    """Whether text says an amount is undisclosed ('an undisclosed sum', 'terms were not disclosed')."""
    return bool(_UNDISCLOSED.search(text))


def _ranks_funding(sentence: str, clause: str, after_verb: int) -> bool:
    """Whether a sentence that gives an entry its place ('came second with $22 million') ranks rounds:
    it says so in words of funding, and of nothing else ranked (gifts, fines, sales, votes), and no
    other verb of raising follows in its clause after `after_verb` (its round would be taken for the
    entry's: 'Quenby led the seed category with $3 million last year and is now raising a Series A')."""
    return (
        bool(FUNDING_WORDS.search(sentence))
        and not NOT_FUNDING_RANKED.search(sentence)
        and DEAL_VERB.search(clause, after_verb) is None
    )


def may_state_a_deal(text: str) -> bool:
    """Whether text states an amount, says one is undisclosed or takes a round with none
    (`amountless_round`): without any, no clause of it (parts of it) states a deal, and it need not be
    read further."""
    return bool(find_money(text)) or may_say_undisclosed(text) or amountless_round(text)


def mention_in_clause(
    clause: Clause,
    locator: str,
    snippet: str,
    published: date | None = None,
    antecedent: DealMention | None = None,
) -> DealMention | None:
    """The deal one clause states, or None. `antecedent` is the deal stated before it in the document, for
    a clause whose subject points back ('The company also ...'); `published` (the text's date) dates past
    rounds."""
    text = clause.text
    if not may_state_a_deal(text):
        return None
    moneys = find_money(text)
    verb = DEAL_VERB.search(text)
    if verb and PLACED_VERB.match(verb.group(0)) and not _ranks_funding(snippet or text, text, verb.end()):
        return None  # 'In the charity drive, Ormsby came first with $3 million': a ranking of gifts
    stated_round = find_round(text)
    # What says the clause is about a deal. Without a verb, a round or the sentence's structure, it takes
    # a funding noun after an amount, a valuation phrase or an investor as subject; a clause with none of
    # them (a dump of figures) is passed over before the words around each amount are read.
    structure = bool(verb or stated_round or clause.company or clause.subject is not None)
    nouned = [] if structure else _nouns_after(text, moneys)
    valuation_phrase = not structure and bool(
        _VALUED_AFTER_ROUND.search(text) or ("valu" in text and _VALUES_NAME.search(text))
    )
    invested = not structure and (
        _invested_in(text) is not None
        # 'Then Amazon committed $4 billion to it': money put in the company named before
        or (antecedent is not None and bool(_INVESTED_IN_IT.search(text)))
    )
    # 'The largest round was of $108 million by online dairy platform Country Delight', 'The highest
    # investment was $150 million, given to Charm.AI': a funding noun before the amount, its taker after it
    noun = None if structure or nouned or valuation_phrase or invested else _FUNDING_NOUN_BEFORE.search(text)
    given_to = noun is not None and any(
        money.start > noun.end() and _recipient_after(text, money, _TAKEN_BY_AFTER) for money in moneys
    )
    if not (structure or nouned or valuation_phrase or invested or given_to):
        return None
    roles = clause_roles(text, moneys, published)
    follows = verb is not None and bool(_FOLLOWS.fullmatch(verb.group(0)))
    if follows and _PASSIVE_BEFORE.search(text, max(0, verb.start() - 12), verb.start()):  # type: ignore[union-attr]
        # 'This was followed by a Series A in September, raising $200 million': the round told next is a
        # deal of its own, its verb the one after
        follows, verb = False, DEAL_VERB.search(text, verb.end())  # type: ignore[union-attr]
    followed = None
    if follows and roles.first_past_raise() is None:
        # One that names who received it is a deal of its own ('This comes after a potential $500 million
        # investment in Wayve'): the clause is read as any other.
        later = DEAL_VERB.search(text, verb.end())  # type: ignore[union-attr]
        named = any(_recipient_after(text, money) for money in moneys) or (
            later is not None and bool(_OWN_SUBJECT_AFTER.search(text, verb.end(), later.start()))  # type: ignore[union-attr]
        )
        if named:
            follows, verb = False, DEAL_VERB.search(text, verb.end())  # type: ignore[union-attr]
        else:
            # 'It follows a $10 million seed': the round followed is one of the company's past, which the
            # text does not date
            followed = next((m for m in moneys if m.start > verb.end() and roles.of(m) is Role.RAISE), None)  # type: ignore[union-attr]
            # (a round's own words name it: 'a $10 million seed', 'a $3M round'; not 'a $5 million loss')
            if followed is None or not (
                round_of_phrase(own_phrase(text, followed, moneys)) or _noun_after(text, followed)
            ):
                return None
    if clause.amount:  # 'respectively': the sentence's structure says which amount is this deal's
        first_raise = next((m for m in moneys if m.text == clause.amount), None)
    elif follows:
        # 'This funding follows a $210 million round in December 2021': only the rounds of the past it
        # dates are deals; the one it follows from was stated before
        first_raise = None
    else:
        first_raise = _deal_raise(text, roles)
    # A clause that states only a round of the company's past ('It raised $1bn last year') states that
    # round, dated as the text dates it.
    past = (followed or roles.first_past_raise()) if first_raise is None and not clause.amount else None
    first_raise = first_raise or past

    def is_raise(money: Money) -> bool:
        return money == first_raise if clause.amount else roles.of(money) is Role.RAISE

    first_valuation = roles.first_valuation()
    if past and first_valuation and first_valuation.start < past.start:
        first_valuation = None  # 'now valued at $5B, after raising $100M in 2023': today's valuation
    if (
        first_valuation
        and first_raise
        and _valued_by_earlier_round(text, first_valuation, first_raise, moneys)
    ):
        first_valuation = None  # 'valued at $1 billion after its $200 million Series C, has raised ...'
    # 'raised an undisclosed Series A', 'secured an undisclosed sum': a deal of unknown size.
    undisclosed = (
        first_raise is None
        and bool(verb)
        and (
            (may_say_undisclosed(text) and bool(stated_round or _UNDISCLOSED_RAISE.search(text)))
            or (not moneys and amountless_round(text))
        )
        and not _ACQUISITION.search(text)
    )
    listing = first_raise is None and stated_round in ("ipo", "post_ipo")
    # 'X sold 10 million shares at $18 each in its IPO': a listing whose proceeds are shares times price,
    # unless a later sentence states them (`extract_prose_mentions` fills them in at the paragraph's end).
    proceeds = offering_proceeds(text, moneys) if listing else None
    # 'X priced its IPO at $18 per share': a listing whose proceeds a later sentence may state.
    priced_listing = listing and bool(proceeds or (verb and any(_share_price(text, m) for m in moneys)))
    # The subject of 'X sold 10 million shares at $18' ends where the shares are said.
    shares_start = [proceeds[1]] if proceeds else []
    if first_raise is None and first_valuation is None and not undisclosed and not priced_listing:
        return None
    signal = (
        structure
        or given_to
        # (a funding noun after the amount of a round of the past too: "Finchley's $10 million round in May
        # 2021 was led by ...")
        or any(is_raise(m) or m == past for m in nouned)
        or (first_valuation is not None and valuation_phrase)
        or invested
    )
    if not signal:
        return None
    if verb and is_a_fund(text[: verb.start()]) and _invested_in(text) is None:
        return None  # (a firm that invests in a company it names is read as any investor)
    first_stated = min((m.start for m in (first_raise, first_valuation) if m is not None), default=len(text))
    if _said_not_to_happen(text, first_stated, first_raise):
        return None
    context = clause.context
    # (every outlet's report says 'report': a search of the sentence for a name before it costs more)
    reported = is_reported(context, text, first_raise)
    # The subject ends at the verb; failing that, where the valuation or the money is first said ('Acme is
    # now worth $1 billion after raising $100 million'), or at a later verb.
    valued = _VALUED.search(text)
    stated_amounts = [m.start for m in (first_raise, first_valuation) if m is not None] + shares_start
    money_start = min(stated_amounts, default=len(text))
    anchors = [verb.start()] if verb else []
    anchors += sorted({valued.start() if valued else money_start, money_start})
    # Then a later verb's subject: 'On the heels of raising $665 million, Zepto is gearing up to raise ...'.
    anchors += [later.start() for later in DEAL_VERB.finditer(text, verb.end())] if verb else []
    recipient = None if clause.company else _recipient_after(text, first_raise)
    if (
        recipient is None
        and not clause.company
        and first_raise
        and _PROVIDES.search(text, 0, first_raise.start)
    ):
        # 'The European Investment Bank is providing €20 million in venture-debt financing to German
        # medical-technology company Protembis': the money goes to the company after 'to'
        recipient = _recipient_after(text, first_raise, _PROVIDED_TO)
    # A lender that provides or signs the loan: the money is its borrower's, whoever the subject is.
    borrower = (
        None
        if recipient or clause.company
        else _borrower_of_lender(text, moneys[0].start if moneys else len(text))
    )
    # 'A led its first round with $21 million, while B secured $2 million': B is the subject of a verb
    # after a contrast that closes the amount's clause, not the one who took it.
    anchors = [anchor for anchor in anchors if not _contrast_between(text, first_raise, anchor)]
    for anchor in anchors:
        if recipient:
            company, refers_back = recipient, False
        elif borrower is not None:
            company, refers_back = borrower[0], False
        else:
            company, refers_back = _company(clause, anchor, antecedent)
        if company or refers_back:
            # 'The Costa Mesa, California-based company closed ...' with no company named before: the
            # subject is known to point back, so no later reading of it names the company
            break
    else:
        # (not in a headline, where every word has a capital: 'Raises $250 Million for Future GPU
        # Development' says what the money is for)
        headline = _headline_case(text)
        company, refers_back = (
            None if headline else _recipient_after(text, first_raise, _GIVEN_TO_AFTER),
            False,
        )
    if company and not (recipient or clause.company) and first_raise and "for" in text:
        # 'Ilya Sutskever has raised $3bn for a new AI lab': the subject founds the company that raised
        founded = _FOR_NEW_VENTURE.match(text, first_raise.end) or _AFTER_FOUNDING.match(
            text, first_raise.end
        )
        person = _PERSON_WORDS.search(text, 0, first_raise.start)
        named_for = _FOR_NAME.match(text, first_raise.end) if person and not founded else None
        said_by_backers = _BACKER_WORDS.search(_ASIDE.sub(" ", text[: first_raise.start]))
        if named_for is None and not founded and said_by_backers:
            # 'Quantinuum majority owner Honeywell announced a $600 million equity raising ... for
            # Quantinuum', 'KDB and IMM have confirmed their investments, raising $40 million for Solvane'
            named_for = _FOR_NAME_SOON.match(text, first_raise.end)
        if founded and (founded["owner"] or person):
            company = valid_company(founded["name"]) if founded["name"] else None
        elif named_for and valid_company(named_for[1]):
            # 'Brett Adcock, the founder behind Figure AI, raised $700 million for Hark in a Series A'
            company = valid_company(named_for[1])
    if not company or (first_raise and _ASSET_INVESTMENT.match(text, first_raise.end)):
        return None  # (nobody named, or money spent on a building: 'a £350m investment into a data centre')
    if first_raise and _FUND_PURPOSE.match(text, first_raise.end):
        return None
    if not (recipient or clause.company) and "lead" in text[:money_start].lower():
        leads = _LEADS_A_ROUND.search(text, 0, money_start)
        if leads and company_in_subject(text[: leads.start()]) == company:
            return None
    first_money = min(stated_amounts, default=0)
    investors = _investors(clause, company, first_money)
    if recipient and first_raise:
        # "Microsoft's $10 billion investment in OpenAI": the owner before the amount is the investor
        backer = OWNER_BEFORE.search(text, max(0, first_raise.start - 60), first_raise.start)
        # 'When Microsoft announced a $10 billion investment into OpenAI': the subject put the money in
        before_verb = verb is not None and verb.start() < first_raise.start
        named = _NAME_BEFORE_VERB.search(text, 0, verb.start()) if before_verb else None  # type: ignore[union-attr]
        words = named.group(1).split() if named else []
        while words and words[0].lower() in NOT_A_SUBJECT_START:  # 'When Microsoft announced'
            words.pop(0)
        subject = valid_company(" ".join(words)) if words else None
        if backer and may_invest(backer.group(1)):
            investors.add(others=[backer.group(1)])
        elif subject and subject != company and may_invest(subject):
            investors.add(others=[subject])
    round_text = _round(clause, anchor, first_raise, is_raise)
    if follows and first_raise is not None:
        # the round the past amount's own words name ('a $210 million round in December 2021 and a $12
        # million debt funding': the first is no debt)
        round_text = find_round(own_phrase(text, first_raise, moneys))
    if round_text is None and _strategic(text, investors):
        round_text = "strategic"
    if (
        round_text is None
        and first_raise
        and _GRANTED.search(text, max(0, first_raise.start - 40), first_raise.start)
        and not _NOT_A_GRANT_AFTER.match(text, first_raise.end)
    ):
        round_text = "grant"  # 'has been granted NOK 1 million', 'was awarded $2 million by the NSF'
    if past:
        # a round of the past the text does not date is kept, its date left empty, not the page's
        announced = past_period(text, past, published) or EARLIER_UNDATED
    else:
        # 'a $30M Series A at a $200M valuation in January': the month after its valuation dates it too.
        stated = [m for m in (first_raise, first_valuation) if m is not None]
        months = (month_stated(text, money, published) for money in stated)
        announced = (
            # (not a date said of a round told before the deal: 'After a $40 million Series B last week,
            # Quenby raised another $10 million')
            find_date_phrase(_without_earlier_rounds(text, first_raise))
            or clause.announced
            or next(filter(None, months), None)
            or (month_before_amount(snippet, text, first_raise, published) if first_raise else None)
        )
    if announced is None and refers_back and antecedent is not None:
        # 'The company also took on ...': the same announcement, unless the clause names its own period
        # ('This was followed by a Series A round in September 2024, raising ...') or tells today's news
        # after a history ('Back in 2023, it raised $4m. It has now closed a $22m Series A')
        announced = period_named(text) or (None if NEWS_OF_THE_DAY.search(text) else antecedent.announced)
    return DealMention(
        method=Method.PROSE,
        locator=locator,
        snippet=snippet,
        company=company,
        round_text=round_text,
        amount=amount_text(text, first_raise) if first_raise else ("undisclosed" if undisclosed else None),
        # An amount whose currency its words do not write ('458 cr': rupees, as Indian news writes them)
        currency=_currency_unwritten(text, first_raise, moneys) if first_raise else None,
        valuation=amount_text(text, first_valuation) if first_valuation else None,
        announced=announced,
        lead_investors=investors.leads,
        investors=investors.all,
        status="reported" if reported else "announced",
        # 'The company also took on ...': what was said of the company before describes it too.
        context="\n".join(
            filter(None, (clause.context, antecedent.context if refers_back and antecedent else None))
        ),
    )
