"""What an amount in a deal clause is: the money raised, the valuation, or something else.

Money that is not a raise is recognised by the words around it: prices ('$24 per share', '$30 an hour'),
ranges ('$17 to $19'), conversions in brackets ('¥3 billion (about $20 million)'), acquisition and sale
prices, fund sizes, revenue and other business figures, costs, totals over a company's life, and rounds
the text places in the company's past ('raised a $30M Series B in 2024').
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from assets.normalize.amounts import MULTIPLIERS, Money, find_money
from assets.normalize.dates import MONTHS
from assets.normalize.document_dates import ORIGIN_BEFORE
from assets.normalize.rounds import find_round
from assets.parsing.alternation import one_of
from assets.parsing.date_phrases import REFERRING_SUBJECT
from schemas.gazetteer import default_gazetteer
from schemas.reference.reference_data import ReferenceData, current_reference_data
from schemas.reference.wording import CURRENCY_SIGNS, QUALIFIER_WORDS, words_pattern
from schemas.text import fold

# The words that say what an amount is stand within a few words of it ('valued at about', 'per share',
# 'for its eighth fund'): each amount is read with this many characters on either side, not with the
# whole clause, so that a clause of many amounts is read in time linear in its length.
CONTEXT_CHARS = 160

_QUALIFIER = rf"{words_pattern(QUALIFIER_WORDS)}\s+"


class Role(StrEnum):
    RAISE = "raise"
    PAST_RAISE = "past_raise"
    """A raise the text places in the company's past ('a $15 million Series A in 2024'): a deal of its own,
    dated as roughly as the text dates it."""
    VALUATION = "valuation"
    OTHER = "other"


_VALUATION_AFTER = re.compile(
    r"^\s*\)?\s*(?:(?:post|pre)-?\s?money\s+)?"
    # 'a $4.5 billion seed valuation', 'its $2 billion Series B valuation': the round it was valued in
    r"(?:(?:pre-?seed|seed|series\s+[a-k]\d?|(?:series\s+[a-k]\s+)?funding\s+round|round)\s+(?=valuation))?"
    r"(?:valuation\b|(?:post|pre)-?\s?money\b|(?:post|pre)\b(?![\s-]*\w)|-valued\b"  # '$2bn-valued'
    # 'less than the $2.5 billion Varo was valued at in 2021': the company and its verb after the amount
    r"|(?-i:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+(?:was|is|had been|has been)\s+"
    r"(?:last\s+|once\s+|previously\s+|reportedly\s+)?valued\b)",
    re.IGNORECASE,
)
# 'Quenby, a $400 million startup, raised', 'the $2 billion AI company', '$2B startup Quenby raises': an
# amount that sizes the company (within three words of its noun, after an article or at the clause's
# start) is what the company is worth, not what it raised ('a $35 million startup fund' is a fund's).
_COMPANY_NOUN = (
    r"(?:start-?ups?|compan(?:y|ies)|firms?|unicorns?|decacorns?|businesse?s?|makers?|developers?|providers?"
    r"|giants?|outfits?)"
)
_SIZED_COMPANY_NOUN = re.compile(rf"\b{_COMPANY_NOUN}\b", re.IGNORECASE)
# (the words between describe the company: no round, no preposition: 'a $35 million round from the company')
_DESCRIBING_WORD = (
    r"(?!(?:rounds?|funding|financing|investments?|series|seed|from|in|of|to|by|with|for|at|into|on|and|or"
    r"|that|which|who|when|as|its|their)\b)"
    r"[\w-]+\s+"
)
_SIZED_COMPANY_AFTER = re.compile(
    rf"^\s+(?:{_DESCRIBING_WORD}){{0,3}}?{_COMPANY_NOUN}(?![\w-])"
    r"(?!\s+(?:funds?|funding|rounds?|programm?e?s?|accelerators?|competitions?|prizes?|grants?|challenges?"
    r"|initiatives?|investments?|deals?|acquisitions?|buyouts?|purchases?|sales?|loans?|contracts?)\b)",
    re.IGNORECASE,
)
_SIZED_COMPANY_BEFORE = re.compile(r"(?:\b(?:a|an|the)\s+|^\W*)$", re.IGNORECASE)
# ... but a company sized by its sales is no valuation either: 'a $100 million revenue company'.
_SIZED_BY_SALES = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:revenue|arr|sales|turnover|run-rate)\b", re.IGNORECASE
)


def _sized_company(clause: str, money: Money) -> bool:
    """The amount sizes the company it is written before ('a $400 million startup')."""
    return bool(
        _SIZED_COMPANY_BEFORE.search(clause, _window_start(money), money.start)
        and _SIZED_COMPANY_AFTER.match(_after(clause, money))
    )


_PLACING_VERBS = ("putting", "puts", "placing", "places", "pegging", "pegs")
# 'Perplexity AI raises at $14B': a raise said at an amount, with no amount of its own, states the price.
_RAISES_AT = r"rais(?:es|ed|ing|e) (?:money |funds |funding |capital )?at"
_VALUATION_BEFORE = re.compile(
    one_of(
        r"valued (?:it |the company |the startup )?(?:at|from|in excess of|above|north of|upwards of)"
        # 'The deal valued Databricks at', 'Investors valued the five-year-old, San Francisco-based company
        # at': whoever values, the company valued, then its worth
        # (not 'a round valued by insiders at', 'valued in total at', 'valued its stake at': a round's size,
        # an asset's worth)
        r"|valued (?:the\s+|(?-i:[A-Z]))(?:[\w'’.&-]+,?\s+){0,6}?at"
        r"|valuing (?:[\w'’-]+\s+){0,3}(?:at|from)"
        r"|valuation (?:of|to|at or above|at or near|at|exceeding|above|topping|north of|nearing|near"
        r"|surpassing|beyond|in excess of|upwards of)"
        # 'its previous valuation from the December round was about $40 billion'
        r"|valuation (?:[\w'’-]+\s+){0,6}?(?:was|is|stood at|stands at|came to|came in at)"
        # 'The post-money valuation lands at', "pushes Klar's valuation past", 'its valuation jumped to'
        r"|valuation (?:lands|landed|sits|sat|rose|rises|jumped|jumps|climbed|climbs|soared|soars|surged"
        r"|surges|grew|grows) (?:to|at)|valuation past"
        # 'could value the artificial intelligence startup at about $75 billion'
        r"|values? (?:[\w'’-]+\s+){0,5}(?:at|from)|market value of"
        # 'went public with an initial market capitalisation of JPY176 billion': a listed company's worth,
        # never the offering's proceeds
        r"|market (?:cap|capitali[sz]ation|valuation) (?:of|at|was|is|stood at|topped|above|exceeding|past"
        r"|beyond|to)"
        # 'putting the company at over $3 billion', 'bringing its valuation up to over $1 billion'
        + "".join(rf"|{verb} (?:the (?:company|startup|firm)|it) at" for verb in _PLACING_VERBS)
        + r"|valuation up to|"
        + _RAISES_AT
    )
    + r"\s+"
    rf"(?:{_QUALIFIER}|an?\s+|a reported\s+)?$",
    re.IGNORECASE,
)
# French, Spanish and Portuguese news say what a company is worth with words of their own ('qui la
# valoriserait à plus de 6 milliards', 'portant sa valorisation à', 'con una valoración de', 'avaliada em'):
# the amount follows within a few words, with no other figure or clause break between.
_FOREIGN_VALUATION_BEFORE = re.compile(
    r"\b(?:valoris\w*|valoraci[óo]n|valorad[ao]s?|avaliad[ao]s?|avalia[çc][ãa]o|valuaci[óo]n)\b"
    rf"[^.;:,\d{CURRENCY_SIGNS}]{{0,50}}$",
    re.IGNORECASE,
)
# 'Dravik, now worth $1B' is a valuation; 'its Series B, worth $30 million' is the size of the round.
_WORTH = re.compile(rf"\bworth\s+(?:{_QUALIFIER})?$", re.IGNORECASE)
_ROUND_WORTH = re.compile(
    r"\b"
    + one_of(r"round|series [a-k]|seed|funding|financing|investment|raise|deal|facility")
    + r"\W+(?:\w+\W+){0,3}"
    rf"worth\s+(?:{_QUALIFIER})?$",
    re.IGNORECASE,
)
# 'the overall AI market is projected to be worth $909bn by 2030': a market's size, not a company's worth.
_MARKET_WORTH = re.compile(
    rf"\b(?:market|industry|sector|economy)\b[^.;,{CURRENCY_SIGNS}]{{0,60}}\bworth\s+(?:{_QUALIFIER})?$",
    re.IGNORECASE,
)
_STAKE_WORTH = re.compile(
    rf"\b(?:stakes?|shares|holdings?)\s+(?:[a-z]+\s+)?worth\s+(?:{_QUALIFIER})?$", re.IGNORECASE
)  # 'sold stakes worth', 'shares issued worth
_PRICE_AFTER = re.compile(
    r"^\s*(?:per\b|/\s*(?-i:[a-z])"  # '$30/month'; '$11M / India, Staffing' is a list's separator
    r"|an? (?:share|hour|month|year(?! (?:after|ago|later|earlier))|week|day|seat|user"
    r"|unit|piece|head|kilowatt|watt|vehicle|visit)\b|each\b|apiece\b|and up\b|or (?:more|less)\b)",
    re.IGNORECASE,
)
# A range ('$450–$500 million', '$450-500 million', 'from $80 billion to $120 billion', 'between $8 billion
# and $10 billion'): its high end, after the low end. The low end stands for the range, as a floor.
RANGE_HIGH = re.compile(
    rf"\s*(?:to|-|–|and)\s*(?:[{CURRENCY_SIGNS}]|US\$)?\d[\d.,]*"
    rf"(?:\s*(?P<unit>{'|'.join(sorted(MULTIPLIERS, key=len, reverse=True))})\b)?",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_RANGE_BEFORE = re.compile(
    r"\d[\d.,]*\s*(?:[a-zA-Z]+\s+)?(?:to|-|–)\s*$|\bbetween\s+\S+(?:\s+[a-zA-Z]+)?\s+and\s+$", re.IGNORECASE
)
_CONVERSION_BEFORE = re.compile(
    rf"[\w{CURRENCY_SIGNS}+]\s*\(\s*"
    r"(?:about|approximately|roughly|around|some|~|or|equal to|equivalent to|nearly)?\s*$",
    re.IGNORECASE,
)
_FOR_BEFORE = re.compile(rf"\bfor\s+(?:{_QUALIFIER})?$", re.IGNORECASE)
# No amount, currency sign or semicolon between the verb and 'for': what this pattern reads ends at the
# one before the amount.
_NOT_BETWEEN_ACQUISITION_AND_AMOUNT = ";" + CURRENCY_SIGNS
_ACQUISITION_BEFORE = re.compile(
    r"\b"
    + one_of(
        r"acquir\w*|acquisitions? of|takeover of|bought|buy|buys|buying|purchas\w*|sold|sells?|selling"
        r"|sale of|divest\w*|paid|pays?|snapped up|snaps up|snapping up|took over|takes over"
        # 'took a 51% stake in Quenby for $300 million': a stake bought from its holders
        r"|took(?=\s+(?:an?\s+)?(?:\S+\s+){0,2}?stake\b)|takes(?=\s+(?:an?\s+)?(?:\S+\s+){0,2}?stake\b)"
        r"|taken(?=\s+(?:an?\s+)?(?:\S+\s+){0,2}?stake\b)"
    )
    + r"\b"
    rf"[^;{CURRENCY_SIGNS}]*"
    rf"\bfor\s+(?:{_QUALIFIER})?$",
    re.IGNORECASE,
)
# A sale of the company or of a business, not a secondary sale of its shares ('its $2.4bn secondary share
# sale' is a round of its own), nor a company's sale of its own securities ('a $252 million share sale', an
# offering; 'a $750 million green bond sale') unless the words after it say whose shares or whose money
# they are ('a share sale in Brimwell', 'of its stake', 'to exit', 'on behalf of existing investors', 'as
# its founders cashed out').
_OWN_SHARE_SALE = (
    r"(?:share|stock|equity|bond|note|debt)\s+sales?\b(?![^.;]{0,60}?(?:\b(?:in|of)\s+(?:its\s+)?"
    # (a capital as written: the pattern it goes in ignores case, and 'of the range' names nobody)
    # ('a price band of Rs 220-232': an amount, not whose shares)
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|Q[1-4]\b|Rs\b|[A-Z]{3}\s?\d|[A-Z]{1,3}\$)"
    r"(?-i:[A-Z])|\bstake\b|\bexit"
    r"|selling\s+(?:share|stock)holders|existing\s+(?:investors|shareholders)|on\s+behalf|cash(?:ed|ing)?\s+out"
    r"|founders))"
)
# 'a $252 million share sale in New York': where the shares were sold (an exchange's city or country) is no
# company whose shares they are, so the sale is the company's own offering ('London-listed Brimwell' names
# the company; a holder's sale says so after it: 'to cut the government's stake', 'by existing investors').
_SHARE_SALE_IN = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:share|stock|equity)\s+sales?\s+in\s+(?:the\s+)?"
    r"(?P<place>(?-i:[A-Z][\w.]*)(?:\s+(?-i:[A-Z][\w.]*))?)(?![\w-])"
    r"(?![^.;]{0,60}?\b(?:stake|exit|holders?|existing|on\s+behalf|cash(?:ed|ing)?\s+out|founders)\b)",
    re.IGNORECASE,
)


def _listed_share_sale(after: str) -> bool:
    """Whether the words after an amount sell shares in a place ('share sale in Hong Kong'), not in a
    company ('share sale in Brimwell', or a town a company is named after: 'in Phoenix')."""
    found = _SHARE_SALE_IN.match(after)
    if not found:
        return False
    gazetteer = default_gazetteer()
    return gazetteer.not_a_company(found["place"]) in ("place", "town") and (
        fold(found["place"]) not in gazetteer.also_companies
    )


_ACQUISITION_AFTER = re.compile(
    rf"^\s*(?:(?!secondary\b|(?:[\w-]+\s+)?{_OWN_SHARE_SALE})(?:\w+\s+){{0,2}}?"
    r"(?:sale|acquisition|takeover|buyout|exit|purchase|merger|buy(?=\s+of\b))\b"
    r"|that\s+(?:\w+\s+){0,4}?(?:paid|spent)\b)",
    re.IGNORECASE,
)
# After an order or a supply deal: not financing that it backs ('a $30 million order-backed loan', '$25
# million in order-book financing', '$40 million of pre-order funding'), nor 'orders of magnitude'.
_NOT_FINANCED_BY_IT = (
    r"(?![-\w])(?!\s+(?:and|book|backed|financ\w*|fund\w*|facilit\w*|loans?|credit|debt|to"
    r"|of\s+magnitude)\b)"
)
# After a noun of money that is no raise: not a word it is part of ('guarantee-backed', 'revenus-based') nor
# what a company does ('compensation startup Quenby', 'tax credits platform Quenby').
_NOT_A_DESCRIPTION = (
    r"(?![-\w])(?!\s+(?:[a-z][\w-]*\s+){0,2}?(?:startup|start-up|platform|company|firm|marketplace|provider"
    r"|app|software|fintech|insurtech)\b)"
)
# Money lost, said right after the amount: 'after a $5 million loss last year', 'a $5 million net loss' (not
# 'raised $20 million after losses of ...', 'for hearing loss therapies', 'a loss-absorbing injection').
_LOSS_AFTER = re.compile(
    r"^\s*(?:(?:in|of)\s+)?(?:(?:net|operating|annual|quarterly|pre-tax|pretax|ebitda|adjusted|impairment"
    r"|comprehensive|accumulated|cumulative)\s+){0,2}(?:loss|losses|deficits?|write-?downs?)(?![\w-])",
    re.IGNORECASE,
)
# Money that is not a raise, named by the noun after it: fund sizes, business figures, totals.
_NOT_A_RAISE_AFTER = re.compile(
    # ('to fund its platform' says what the money is for: a verb, not a fund; 'from Kestrel Fund' and
    # 'from funds advised by Kestrel' name the investors)
    r"^\s*(?:(?!(?:from|by|with)\b)\w+\s+){0,2}?(?<!\bto\s)"
    # ('$1 billion in fresh funds' is money raised: fresh funds, not a fund; 'new funds' may be a firm's)
    r"(?:fund|(?<!\bfresh\s)funds|vehicle|programme|program|subsidy|subsidies|target|arr\b"
    r"|run[- ]rate"
    r"|market|fee|fees|salary|salaries|contract|contracts|licensing deal|order book|dry powder|distributions"
    r"|in (?:\w+\s+){0,2}(?:revenue|sales|volume|freight|bookings|gmv|arr|assets|distributions|milestones"
    r"|orders|profit|loss|capex|spending|payment volume)|of revenue"
    # ('$15 million in compensation startup Quenby' and 'a guarantee-backed loan' name no such money)
    rf"|in (?:tax credits?|compensation|damages){_NOT_A_DESCRIPTION}"
    rf"|in capex|in spending|in q[1-4]|(?:loan\s+)?guarantees?{_NOT_A_DESCRIPTION}"
    r"|in the (?:first|second|third|fourth) quarter|in total|in aggregate"
    # a goal over years, not a round: 'to raise 3 billion euros within two years'
    r"|(?:within|over the next|in the next) (?:\w+ )?(?:years|decade)"
    # what the money came from, when no investor: 'from government subsidies', 'with licensing fees'
    r"|(?:from|with|by) (?:[\w-]+ ){0,2}?(?:subsid(?:y|ies)|fees|fee income|contracts|revenues?|sales)"
    r"|of (?:total|global|venture)"
    # the same figures in French: '2 millions d'euros de chiffre d'affaires', 'de précommandes'
    r"|de (?:chiffre d['’]affaires|revenus?|ventes|précommandes|commandes|bénéfices?|pertes)"
    rf"{_NOT_A_DESCRIPTION})\b"
    # a class of rounds, not one, named right after the amount: 'late-stage $100m+ rounds', '$50 million
    # deals' ('$50 million in two rounds' may be a deal of two tranches: the words between say)
    r"|^\s*(?:rounds|deals|raises|cheques|checks|tickets|mega-?rounds)\b"
    # a figure spoken of, not raised: 'The $3 billion figure may seem modest', 'past the $1 billion mark'
    # ('a $12 million milestone financing', 'milestone-linked funding' name a raise)
    r"|^\s*(?:figure|mark|milestone|threshold|barrier)\b(?![\s-]+(?:[\w-]+\s+)?(?:financ|fund|payment|round|invest"
    r"|loan|tranche|linked|based|deal))"
    # a sum the company aimed at, not raised: 'well below the $1 billion it had originally targeted'
    r"|^\s*(?:that\s+|which\s+)?(?:it|they|the\s+(?:company|startup|firm|group))\s+(?:had\s+)?"
    r"(?:originally\s+|initially\s+|first\s+|once\s+)?(?:targeted|sought|eyed|wanted|expected"
    r"|(?:hoped|aimed)\s+(?:for|to\s+raise|to\s+get)|planned\s+to\s+raise|set\s+out\s+to\s+raise)\b"
    # a sum spread across deals, companies or a region ('$5 billion across 300 deals'), but not where the
    # company raised it to grow across one: '$30M to expand across Europe' says what the raise is for
    r"|^\s*(?!to\s+(?:expand|scale|grow|hire|open|launch|roll\s+out)\s+across\b)"
    r"(?:(?!(?:from|by|with)\b)\w+\s+){0,2}?across\b"
    # what customers buy, not what investors put in: 'a $50 million order', '$8 million in pre-orders', a
    # '$30 million purchase order', a '$12 million supply deal' or 'deal to supply chips' (not 'in order to
    # expand' or 'in order for it to', nor money raised 'to fill orders')
    r"|^\s*(?:in\s+|of\s+)?(?:pre-?orders?|purchase\s+orders?|(?<!\bin\s)orders?)"
    + _NOT_FINANCED_BY_IT
    + r"|^\s*(?:supply|offtake|distribution)\s+(?:deals?|agreements?|contracts?)"
    + _NOT_FINANCED_BY_IT
    + r"|^\s*(?:deal|agreement|order)\s+to\s+(?:supply|deliver|sell|distribute|install|manufacture)\b",
    re.IGNORECASE,
)
# Money in both kinds told in the perfect tense is raised over time ('has raised over $12bn in debt and
# equity'), and a sum of both kinds with its parts after it is their total; in the simple past and alone
# it is one raise made of both ('secured $15 million in debt and equity').
# (matched right after an amount by the round readers: '$15 million in debt and equity' names no debt round)
BOTH_KINDS = re.compile(r"\s*\bin\s+(?:equity and debt|debt and equity)\b", re.IGNORECASE)
# ... any perfect tense, whatever its verb ('has brought in', 'has to date raised', 'has won') or a holding
# ('the city has $300 million in debt and equity commitments')
_HAS_BEFORE = re.compile(r"\b(?:has|have|had)\b[^.;]*$", re.IGNORECASE)
# A total over the company's life, said anywhere in the amount's phrase: '$90 million from venture
# investors over its life'.
_CUMULATIVE = re.compile(
    r"\b"
    + one_of(
        r"over its (?:life|lifetime|history)|to date|so far|since (?:its )?(?:founding|inception|launch)"
        # 'has raised $110 million since it was founded in 2018'
        r"|since (?:it|they) (?:was|were) (?:founded|launched|started|set up)"
        r"|in total|all told|altogether|cumulatively|in its history|across (?:all |)its rounds"
    )
    + r"\b",
    re.IGNORECASE,
)
# A total, then the amounts it is made of: 'over $13 billion in OpenAI, including a $1 billion investment'.
_INCLUDING_AFTER = re.compile(
    rf"[^.;{CURRENCY_SIGNS}]{{0,40}}?,?(?:\s+|\s*\()including\s+(?:an?\s+|the\s+)?(?:[{CURRENCY_SIGNS}]|US\$|\d)",
    re.IGNORECASE,
)
# A sum told in the perfect tense is one over time ('Microsoft has invested over $13 billion in OpenAI,
# including ...'); in the simple past it is one deal with its parts ('received $159M, including $6M upfront').
_PERFECT_BEFORE = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+|so far\s+|already\s+|since\s+)?[a-z]+ed\b[^.;]*$", re.IGNORECASE
)
# Money taken from a loan already made: 'has drawn down $18 million', 'drew a further $5 million', and the
# loan it is drawn from: 'drawn $35 million from the (existing) $100 million facility'.
_DRAWN_BEFORE = re.compile(
    r"\b(?:drawn|drew|draws|drawing)\s+(?:down\s+)?(?:a\s+further\s+|another\s+|an\s+additional\s+)?$"
    r"|\b(?:drawn|drew|draws|drawing)\b[^.;]{0,60}?\b(?:from|under|of)\s+(?:the|its|an?)\s+(?:existing\s+)?$",
    re.IGNORECASE,
)
# An amount a facility may grow by, at an option: 'an option to increase the facility by a further'.
_OPTION_BEFORE = re.compile(
    r"\b(?:option\s+to\s+(?:increase|upsize|extend|expand|enlarge)|accordion)\b[^.;$]{0,60}?\b(?:by|to|of)\s+"
    r"(?:a\s+further\s+|another\s+|an\s+additional\s+|up\s+to\s+)?$",
    re.IGNORECASE,
)
# A facility or round made bigger, up to its old size or what was added: 'upsized its credit facility
# from', 'increased its facility with Southwind Bank by'. Its new size follows: 'from $50 million to $80
# million', 'by A$25 million to A$100 million'.
_SIZE_CHANGED_FROM = re.compile(
    r"\b(?:upsized|upsizes|increased|increases|expanded|expands|enlarged|boosted|lifted|upped|extended)\s+"
    r"(?:its|the|an?)\s+(?:\S+\s+){0,3}?(?:facility|loan|credit line|line of credit|round|financing|raise"
    r"|series\s+[a-k]|seed)\b[^.;]{0,40}?\b(?:from|by)\s+(?:about\s+|around\s+|roughly\s+)?$",
    re.IGNORECASE,
)

_TO_A_NEW_SIZE = re.compile(
    rf"\s+to\s+(?:about\s+|around\s+|roughly\s+)?(?:[{CURRENCY_SIGNS}]|US\$|[A-Z]{{1,3}}\$|\d)"
)


def _old_size(clause: str, money: Money) -> bool:
    """Whether an amount is the old size of something made bigger, its new size after 'to' ('upsized its
    facility from $50 million to $80 million'): no range, and the new size is the deal's."""
    return bool(
        _TO_A_NEW_SIZE.match(clause, end_of_conversion(clause, money))
        and _SIZE_CHANGED_FROM.search(clause, max(0, money.start - 80), money.start)
    )


def _new_size(clause: str, money: Money, moneys: list[Money]) -> bool:
    """Whether an amount is the new size after an old one (`_old_size`), not the high end of a range."""
    before = [m for m in moneys if m.end <= money.start]
    return bool(before) and _old_size(clause, before[-1])


# What makes an amount a part of the one before it: '$52 million in all (including a $6 million seed)'.
_PART_BEFORE = re.compile(r"\bincluding\s+(?:an?\s+|the\s+|its\s+)?$", re.IGNORECASE)
_PART_OF_CHARS = 60  # how far before 'including' the sum stands ('$52 million in venture capital (')
# A clause that opens by saying it sums up ('In total Vexa netted $800m'): its amount is a total.
_TOTAL_OPENING = re.compile(r"^\W*(?:in total|all told|altogether|cumulatively)\b", re.IGNORECASE)
# ... or says the round just told is in it: 'With the new funding, Quorrel has raised $90 million' (its
# total, in the perfect tense; 'With the new funding, Quorrel will hire' holds no amount of it).
_WITH_THE_NEW_MONEY = re.compile(
    r"^\W*with (?:the|this|its|that) (?:[\w-]+ ){0,2}(?:round|funding|financing|raise|investment|injection"
    r"|infusion|capital|cash|money|tranche|extension)\b",
    re.IGNORECASE,
)
_HAS_RAISED_BEFORE = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|so far\s+)?raised\s+"
    r"(?:about\s+|around\s+|over\s+|more than\s+|nearly\s+|some\s+)?$",
    re.IGNORECASE,
)
_TOTAL_VERBS = ("bringing", "brings", "brought", "taking", "takes")
# The verbs of a round stopped before it closed, as stems ('suspended', 'shelving', 'cancels') and 'call
# off': what the money of such a round is (`_NOT_A_RAISE_BEFORE`) and whether a clause tells one
# (`clause_mention._STOPPED_ROUND`) read the same words.
_STOP_STEMS = ("suspend", "abandon", "scrap", "shelv", "paus", "halt", "cancel")
STOP_VERB = rf"(?:{'|'.join(_STOP_STEMS)})\w*|call(?:ed|s|ing)? off"
_CHANGE_VERBS = ("declined", "decreased", "increased", "fell", "rose", "dropped")
_BY_A_SHARE = r"(?: by [\d.]+ ?(?:%|percent|per cent))?"
# A figure a company raises that is no money it takes in (after 'its', 'their' or 'the').
_RAISED_FIGURE = (
    r"(?:company['’]s |[\w-]+ )?(?:value|valuation|market value|market cap\w*|stake|guidance|forecast|outlook"
    r"|target|price target|target price|share price)(?: on (?:the|its) (?:stock|shares))? (?:to|by)"
)
_NOT_A_RAISE_BEFORE = re.compile(
    one_of(
        r"revenue|sales|arr|gmv|market|spend|spent|spending|capex|budget|totaling|totalling|totaled|totalled"
        # a fund's size: 'a fund of $200 million', 'closed its previous fund in 2019 at about $200 million
        # and another in 2015 at about $100 million'
        # (a round yet to close is raised as a whole: 'in talks to raise a total of $1 billion')
        r"|total(?<!to raise a total)(?<!to raising a total) of|totals|reached|hit|topped|fund of"
        r"|fund(?: [IVX]+)?(?: in \d{4})? at"
        r"|another(?: in \d{4})? at|funding reached|deals worth"
        r"|combined|aggregate|of which|cost|costs|costing|charges?|pays?|paid|retails? for|sells? for"
        r"|lists? at|priced (?:at|from)|commitment of|fell to|rose to|grew to|dropped to|climbed to"
        r"|peak of|high of|low of|record of"
        # a figure of the business that changed: 'Revenue jumped from $5 million to $20 million'
        + "".join(
            rf"|{figure}\s+(?:[\w-]+\s+){{0,2}}?(?:jumped|grew|rose|climbed|increased|doubled|tripled|surged"
            r"|soared|went)(?:\s+(?:from|to))?"
            for figure in ("revenue", "revenues", "sales", "arr", "turnover", "bookings", "income", "profit")
        )
        # a round stopped: 'has abruptly suspended its own $2 billion funding round'
        + "".join(
            rf"|{verb} (?:its|their|the|a|an)(?: own| planned| proposed| pending)?"
            for verb in [*(rf"{stem}\w*" for stem in _STOP_STEMS), "call(?:ed|s|ing)? off"]
        )
        # a company's total: 'its total funding exceeded $1 billion', 'total funding to date of'
        + r"|total (?:funding|financing|capital raised|raised)(?: to date)?"
        r"(?: (?:has |had )?(?:exceeded|exceeds|surpassed|surpasses|stood at|stands at|is|was|of|at))?"
        # a figure of before, beside today's: 'valued at $4.5 billion, up from $3.3 billion'
        r"|up from|down from|compared with|compared to"
        # a conversion of the amount before: 'AUD $1 billion, which is about USD $640 million'
        r"|which is about|which is roughly|which is around|which is approximately|equivalent to|equal to"
        # a change of a total: 'declined by 33 percent from $10.3 billion'
        + "".join(f"|{verb}{_BY_A_SHARE} from" for verb in _CHANGE_VERBS)
        # a raise of a value, a stake or a forecast: 'raising its value by $3 billion', 'raised its
        # full-year guidance to $40 million', "raising the company's market value to $12 billion"
        + "".join(f"|{owner} {_RAISED_FIGURE}" for owner in ("its", "their", "the"))
        # a new total: 'bringing its total to $30 million', "That brings the startup's total Series A to"
        + "".join(rf"|{verb} (?:[\w’'-]+\s+){{0,5}}to" for verb in _TOTAL_VERBS)
    )
    + rf"\s+(?:of\s+|at\s+|to\s+)?(?:{_QUALIFIER})?$",
    re.IGNORECASE,
)
# A fund the money is for, said a few words on: '$650 million for its eighth early-stage fund'. A fund
# after 'from' or 'by' is the investor ('a grant from the Regional Innovation Fund'); 'to fund' is a verb.
_FOR_A_FUND = re.compile(
    r"^(?:(?!\b(?:from|by|with)\b)[^,;.]){0,45}?(?<!\bto )"
    # 'fund' as a verb is what the money pays for: 'a $105 million Series C round which will fund trials'
    r"(?<!\bwill )(?<!\bwould )(?<!\bwhich )(?<!\bthat )(?<!\bcan )(?<!\bhelp )(?<!\bhelps )"
    # ('used the new funds to build a plant': the money raised, not a fund)
    r"\b(?:fund|(?<!fresh )(?<!the new )(?<!the )(?<!these )(?<!those )funds|vehicle)\b",
    re.I,
)
_SIGNS_AND_DIGITS = CURRENCY_SIGNS + "0123456789"
# A year, not a count ('since 2018,', not '2000 clinics').
_YEAR = re.compile(r"\b(?:19|20)\d\d\b(?!\s*[a-z])")
# 'has raised $15 million in a new round': the round itself, not a total.
_IN_A_ROUND_AFTER = re.compile(
    r"\s+in\s+(?:an?\s+|its\s+|the\s+)?(?:new|fresh|latest|additional)\b", re.IGNORECASE
)


def _first_figure(clause: str, money: Money) -> bool:
    """Whether `money` is the first figure of its clause: no sign or digit before it but a year's ('With
    the new funding, Quorrel, which has made sensors since 2018, has raised $90 million')."""
    before = clause[: money.start]
    if any(digit in before for digit in "0123456789"):
        before = _YEAR.sub("", before)
    return not any(sign in before for sign in _SIGNS_AND_DIGITS)


_FUND_WORD = re.compile(r"fund|vehicle", re.IGNORECASE)
# Words that place what follows in the past ('its previous valuation ... was $40 billion').
# ('days prior to Moneyview' places the deal beside another company's, not in this one's past)
# ('KLYM (formerly OmniLatam) raised': a former name, not a round of the past; 'closed its previously
# announced placement': the announcement was before, the deal is now)
_HISTORY_BEFORE = re.compile(
    r"\b(?:previously(?!\s+(?:known as|called|named)\b)"
    # (after an article, 'its' or 'of' only: 'which previously announced a $4 million seed' is of the past)
    r"(?!(?:(?<=\bthe previously)|(?<=\bits previously)|(?<=\ba previously)|(?<=\ban previously)"
    r"|(?<=\bof previously))"
    r"[\s-]+(?:announced|disclosed|reported)\b)"
    r"|formerly(?!\s+(?:(?:known as|called|named)\s+)?(?-i:[A-Z]))"
    r"|prior(?! to (?-i:[A-Z])))\b",
    re.IGNORECASE,
)
# A valuation of the past, said of the amount itself: 'its previous valuation ... was about $40 billion'.
_PAST_VALUATION_BEFORE = re.compile(
    rf"\b(?:previous|last|earlier|former)\s+valuation\b[^.;{CURRENCY_SIGNS}]{{0,60}}$", re.IGNORECASE
)
# Where the phrase of an amount ends: at the next comma, semicolon, bracket, 'while' or amount.
_PHRASE_END = re.compile(rf"[;(]|,(?!\s*(?:19|20)\d\d\b)|\s+while\s+|[{CURRENCY_SIGNS}]")
# An amount alone in its clause has a shorter phrase: it also ends where a clause of another event begins,
# so that its year does not date the round. A relative clause of a noun that is neither the round nor its
# investors ('software that hospitals adopted in 2020'; 'a round that Sequoia led in June 2024' and
# 'investors who backed it in 2021' are the round's), or an owner's noun and a verb of its own ('the diner
# chain its grandfather opened in 2006'; 'its long delayed Series B in May 2024' is the round's). A clause
# whose next few words say what the round did ('led by Accel that closed in April 2024') is the round's.
# Not 'when' ('a seed round when it was founded in 2019' is when it was raised), 'to' ('to hire staff in
# 2021' is as often the raise's year), nor 'after', 'before' or 'since': 'Before that, Plover raised $2.5
# million after graduating from Techstars in 2021' is a past round, and without its year it passed for the
# news. Only an amount alone: in a funding history ('Acme, which raised $7 million from a fund that
# backed it in 2022, raised $26 million ...') a past round's year is what keeps it past.
_ROUND_NOUNS = (
    "round", "rounds", "funding", "financing", "raise", "fundraise", "fundraising", "investment", "tranche",
    "extension", "deal", "capital", "seed", "note", "notes", "facility", "offering", "placement", "placing",
    "IPO", "close", "bridge", "SAFE", "equity", "campaign", "money", "investors", "backers", "angels",
    "funds",
)  # fmt: skip
_AFTER_ROUND_NOUN = (
    "".join(f"(?<!\\b{noun})" for noun in _ROUND_NOUNS) + "(?<!Series [A-K])(?<!Series [A-K]\\d)"
)
_ROUND_VERBS = (
    r"(?:(?:co-)?led|closed|closes|closing|completed|finali[sz]ed|announced|raised|secured|landed|headed|"
    r"came|took place|concluded|wrapped|priced|sealed|signed|agreed|unveiled|revealed|disclosed|reported|"
    r"extended|approved)\b"
)
_ROUND_VERB_SOON = rf"(?:[\w'’,-]+\s+){{0,6}}?{_ROUND_VERBS}"
_OTHER_EVENT = (
    rf"(?i:{_AFTER_ROUND_NOUN})\s+(?:which|that|who|whose|where)\s+(?!{_ROUND_VERB_SOON})"
    rf"|\s+(?:its|their|his|her)\s+(?!(?i:{one_of('|'.join(_ROUND_NOUNS))})\b)[\w'’-]+\s+"
    rf"(?!{_ROUND_VERBS})[a-z]+ed\s+in\s"
)
# A reason is another event too: 'raised $12 million because revenue grew in 2021' (not the round's own:
# 'went unreported because it closed quietly in October 2024').
_OWN_PHRASE_END = re.compile(
    rf"{_PHRASE_END.pattern}|{_OTHER_EVENT}"
    rf"|\s+because\s(?!(?:it|the (?:round|deal|raise|funding))\s+(?:was\s+|had\s+|has\s+)?{_ROUND_VERBS})"
)
_CUMULATIVE_PHRASE_END = re.compile(rf"[,;(]|[{CURRENCY_SIGNS}]")
# A month and year or a year ('in May 2021', 'in May of 2021', 'in 2021'); `_period` gives its words.
_NAMED_PERIOD = re.compile(
    r"\bin (?:(?P<part>early|late|mid) ?-?)?"
    r"(?P<period>(?:(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?),? (?:of )?"
    r"|(?:the )?(?P<quarter>first|second|third|fourth|Q[1-4])(?: quarter)? (?:of )?)?"
    r"(?P<year>(?:19|20)\d\d))\b"
)
# A month said alone ('in August', 'in early March'), not a day or a year of it ('in March 2025', 'in March
# of 2025').
_NAMED_MONTH = re.compile(
    r"\bin (?:early |late |mid-?)?(?P<month>January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b(?![\s,.]*(?:of\s+)?\d)"
)
# A past period opening a clause: 'In 2023, ...', 'In March 2024, ...', 'Last year, ...'.
_OPENING_PERIOD = re.compile(
    r"^\W*(?:(?:then|and|but|later|also|so) )?"
    r"(?:(?:in|during|back in) (?:(?P<period_part>early|late|mid) ?-?)?"
    r"(?P<period>(?:(?P<period_month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?) "
    r"(?:of )?|(?:the )?(?P<period_quarter>first|second|third|fourth|Q[1-4])(?: quarter)? (?:of )?)?"
    r"(?P<period_year>(?:19|20)\d\d))"
    # 'Last year, ...', 'Early last year, ...', 'Last year in May, ...'
    r"|(?:(?:early|late|mid-?) ?)?(?:last year|a year ago)"
    r"(?: in (?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December))?"
    # 'Last May, Anthropic ... raised': the latest May before the month of publication
    r"|last (?P<last_month>January|February|March|April|May|June|July|August|September|October|November"
    # (a comma, or straight into a name or a pronoun: 'In 2021 Acme raised', 'In 2018 it raised')
    rf"|December))(?:,|(?=\s+(?:(?-i:[A-Z])|{REFERRING_SUBJECT})))",
    re.IGNORECASE,
)
_LAST_YEAR = re.compile(r"\b(?:last year|a year ago|the year before)\b", re.IGNORECASE)
# 'roughly 14 months ago', 'two years ago': counted back from the month of publication.
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18}  # fmt: skip
_AGO = re.compile(
    r"\b(?:about |roughly |some |nearly |almost |around |just |over |more than )?"
    rf"(?P<count>\d{{1,2}}|{'|'.join(_COUNTS)}) (?P<unit>months?|years?) ago\b",
    re.IGNORECASE,
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_PAST = re.compile(
    r"\b" + one_of("last year|years ago|a year ago|the year before|in previous years") + r"\b", re.IGNORECASE
)


def _in_brackets_after_money(clause: str, money: Money, moneys: list[Money]) -> bool:
    """'¥3 billion (about $20 million)': an amount in brackets right after another is its conversion."""
    opening = clause.rfind("(", _window_start(money), money.start)
    if opening < 0 or not _CONVERSION_BEFORE.search(clause, _window_start(money), money.start):
        return False
    return any(0 <= opening - other.end <= 2 for other in moneys if other is not money)


def _window_start(money: Money) -> int:
    return max(0, money.start - CONTEXT_CHARS)


def _after(clause: str, money: Money) -> str:
    """The words after an amount that can say what it is."""
    return clause[money.end : money.end + CONTEXT_CHARS]


# A conversion in brackets right after an amount ('TL 17 million ($1.1 million) in 2021'): the amount's
# phrase goes on after it.
_CONVERSION_AFTER = re.compile(
    rf"\s*\(\s*(?:about|approximately|roughly|around|some|~|or|nearly)?\s*(?:[{CURRENCY_SIGNS}]|[A-Z]{{1,3}}\s?\$|[A-Z]{{3}}\s)"
    r"[^()]{0,30}\)",
    re.IGNORECASE,
)


def end_of_conversion(clause: str, money: Money) -> int:
    """Where the words about an amount resume: after a conversion in brackets right after it, if any."""
    conversion = _CONVERSION_AFTER.match(clause, money.end)
    return conversion.end() if conversion else money.end


def yuan_by_its_conversion(clause: str, money: Money, moneys: list[Money]) -> bool:
    """Whether a sum under the yen sign converts at a yuan's rate in brackets after it: '¥1.1 billion
    (US$152 million)' is 1.1 billion yuan (a yuan is worth about 14 US cents, a yen under one)."""
    if not money.text.startswith("¥") or not money.value:
        return False
    end = end_of_conversion(clause, money)
    converted = next((m for m in moneys if money.end <= m.start < end and m.currency == "USD"), None)
    return converted is not None and converted.value / money.value > _YUAN_AT_LEAST


_YUAN_AT_LEAST = Decimal("0.05")
"""US dollars a unit is worth at least, for the yuan (about 0.14 since 2015; the yen about 0.007)."""


def own_phrase(clause: str, money: Money, moneys: list[Money]) -> str:
    """The words after an amount up to the next amount that is not its conversion: 'a $3 million seed
    round and $5 million in debt' gives the $3 million ' seed round and '."""
    start = end_of_conversion(clause, money)
    following = (other.start for other in moneys if other.start >= start)
    return clause[money.end : next(following, len(clause))]


def _dating_phrase(clause: str, money: Money) -> str:
    """The words after `money` that can date it: its phrase (`_PHRASE_END`), shorter when it is the
    clause's only amount (`_OWN_PHRASE_END`)."""
    alone = [found.start for found in find_money(clause)] == [money.start]
    return _phrase_after(clause, money, _OWN_PHRASE_END if alone else _PHRASE_END)


def _phrase_after(clause: str, money: Money, end: re.Pattern[str]) -> str:
    """The amount's own phrase: the words after it (and after its conversion in brackets) up to `end`,
    at most `CONTEXT_CHARS` of them."""
    start = end_of_conversion(clause, money)
    limit = min(len(clause), start + CONTEXT_CHARS)
    found = end.search(clause, start, limit)
    return clause[start : found.start() if found else limit]


@lru_cache(maxsize=8)  # one clause's amounts are read one after the other
def _history_end(clause: str) -> int:
    """Where the first 'previously' / 'formerly' / 'prior' of a clause ends (past the end when none)."""
    found = _HISTORY_BEFORE.search(clause)
    return found.end() if found else len(clause) + 1


_OF_LAST_YEAR = re.compile(r"\s+(?:of\s+)?last year\b", re.IGNORECASE)


def _month_of_year(after: str, published: date | None, latest: int) -> str | None:
    """'in August' said of an amount, as 'August 2024' (the year of publication), when August is no later
    than the month `latest` months before publication's; None otherwise (a later month may be a plan:
    'expects to close in December'). In a text with no date of its own the month alone ('August') is
    given when `latest` is 0: normalisation dates it by the period the page is dated by."""
    named = _NAMED_MONTH.search(after)
    if named is None:
        return None
    last_year = _OF_LAST_YEAR.match(after, named.end())
    if published is None:
        return named.group("month") if latest == 0 and not last_year else None
    if last_year:  # 'in July last year': that month of the year before
        return f"{named.group('month')} {published.year - 1}"
    month = MONTHS[named.group("month").lower()]
    return f"{named.group('month')} {published.year}" if month <= published.month - latest else None


# The verbs of a raise told in the past tense.
_PAST_RAISE_VERBS = (
    r"raised|secured|closed|landed|bagged|netted|received|picked up|pulled in|announced|completed"
)
_RAISE_WORDS = rf"(?:{_PAST_RAISE_VERBS}|raising|securing|closing)\b"
# A statement of its own after a history: its raise after a semicolon, or after a comma and perhaps a word
# of now ('..., closed a $10 million', '..., and is now raising', '...; it raised'), not a history's next
# item ('previously raised $6 million and secured a $2 million grant').
_STATEMENT_AFTER_HISTORY = re.compile(
    r";|,\s+(?:(?:now|then|has|have|had|is|are|recently|just|also)\s+){0,2}(?=" + _RAISE_WORDS + r")"
    # '... and has now closed', '... and now says it has raised'
    r"|\s+and\s+(?:now|has|have|is|are)\b[^,;]{0,30}?\b(?=" + _RAISE_WORDS + r")",
    re.IGNORECASE,
)
# A raise told in the past tense, before its amount: 'raised', 'secured', 'closed', 'landed'...
_PAST_TENSE_RAISE = re.compile(rf"\b(?:{_PAST_RAISE_VERBS})\b", re.IGNORECASE)


def _month_in_past(after: str, published: date | None) -> str | None:
    """A month said alone two months or more before the month of publication: a round of the past. The
    month before is news still (a monthly round-up reports it): it dates the deal (`month_stated`) without
    placing it in the past."""
    return _month_of_year(after, published, latest=2)


_MONTH_NAMES = "|".join(_MONTHS)
# A list item's month and year in brackets right after its amount: 'OpenAI – $40 billion (March 2025)'.
_BRACKETED_PERIOD = re.compile(rf"\s*\((?P<month>{_MONTH_NAMES}),? (?P<year>(?:19|20)\d\d)\)")
# 'raised $50 million last October': the latest October before the month of publication.
_LAST_MONTH = re.compile(rf"\blast (?P<month>{_MONTH_NAMES})\b")
# 'in a September Series C round': a month said of the round itself.
_MONTH_OF_ROUND = re.compile(
    rf"\bin an? (?P<month>{_MONTH_NAMES}) (?=(?i:series|seed|pre-seed|round|funding|financing|raise)\b)"
)


def _not_after(year: int, month: int, published: date | None) -> bool:
    """Whether a month is no later than the month of publication (a later one may be a plan)."""
    return published is None or (year, month) <= (published.year, published.month)


def _dated_month(month: str, year: int, published: date | None) -> str | None:
    """A month and year as words, or None when it is later than the month of publication."""
    number = MONTHS.get(month.lower().rstrip("."))
    return _period_words(month, year) if number and _not_after(year, number, published) else None


def _period_before_amount(clause: str, money: Money, published: date | None) -> str | None:
    """A period said between a raise's verb and its amount ('last raised capital in early 2022 in a $450
    million Series D'): its month and year, or a year before the year of publication."""
    window = max(0, money.start - 120)  # (the verb is a few words before the amount: a bounded look back)
    verbs = list(_PAST_TENSE_RAISE.finditer(clause, window, money.start))
    between = clause[verbs[-1].end() : money.start] if verbs else ""
    named = _NAMED_PERIOD.search(between) if len(between) <= 60 else None
    if named is None or _SIGN.search(between):
        return None
    year = int(named["year"])
    if named["month"]:
        return _dated_month(named["month"], year, published)
    return _named_words(named) if published is None or year < published.year else None


# A raise still to come, said before its amount: a month after it is when it may close, not when it did
# ('plans to raise $20 million in August', 'is in talks to raise $100 million in June').
# (the plan's own amount: no other amount between, 'plans to raise $12 million after raising $4 million in
# March' plans only the first)
_PLANNED_BEFORE = re.compile(
    rf"\b(?:(?:to|will) raise|in talks|seeking)\b[^.;{CURRENCY_SIGNS}]*$", re.IGNORECASE
)
# A plan told in the present: 'In May, Hollins plans to raise $30 million' (not 'In June, Kilimo said it was
# in talks to raise': the month dates the report of the talks).
_PLANNED_NOW = re.compile(
    rf"\b(?:plans|aims|intends|hopes|seeks|wants|expects|is (?:planning|looking|seeking|aiming|hoping))"
    rf" to raise\b[^.;{CURRENCY_SIGNS}]*$",
    re.IGNORECASE,
)


def _planned(clause: str, money: Money, pattern: re.Pattern[str] = _PLANNED_BEFORE) -> bool:
    return bool(pattern.search(clause, max(0, money.start - 80), money.start))


def month_stated(clause: str, money: Money, published: date | None) -> str | None:
    """The month an amount's own phrase dates it to ('raised $60M in October' in a text of November:
    'October 2025'; 'in March 2025', '(March 2025)', 'last October', 'in a September Series C round'), up
    to the month of publication; a later month said of a raise in the past tense is last year's ('raised
    £30m in October' in a text of January 2024: 'October 2023'). Else a period said between its verb and
    the amount ('raised capital in early 2022 in a $450 million Series D'). None for a raise still planned."""
    if _planned(clause, money):
        return None
    bracketed = _BRACKETED_PERIOD.match(clause, money.end)
    if bracketed and (dated := _dated_month(bracketed["month"], int(bracketed["year"]), published)):
        return dated
    after = _dating_phrase(clause, money)
    named_period = _NAMED_PERIOD.search(after)
    if named_period and named_period["month"]:
        dated = _dated_month(named_period["month"], int(named_period["year"]), published)
        if dated:
            return dated
    last = _LAST_MONTH.search(after) if published else None
    if last and published:
        month = _MONTHS.index(last["month"]) + 1
        return f"{last['month']} {published.year if month < published.month else published.year - 1}"
    of_round = _MONTH_OF_ROUND.search(after)
    if of_round and not _NAMED_MONTH.search(after):
        after = f"in {of_round['month']}"  # read as the month said alone
    stated = _month_of_year(after, published, latest=0) or _period_before_amount(clause, money, published)
    named = _NAMED_MONTH.search(after) if stated is None and published else None
    if named is None or published is None or not _PAST_TENSE_RAISE.search(clause, 0, money.start):
        return stated
    return f"{named.group('month')} {published.year - 1}"


_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _period_words(month: str | None, year: int, part: str | None = None, quarter: str | None = None) -> str:
    """A month and year, a quarter or a year as `announced_fields` reads them: ('May', 2021) -> 'May
    2021'; ('third', 2023) -> 'Q3 2023'. The early or late part of a year is its first or last quarter ('in
    late 2023': 'Q4 2023'), the approximate date a funding history gives."""
    if month:
        return f"{month} {year}"
    if quarter:
        number = _QUARTERS.get(quarter.lower()) or int(quarter[-1])
        return f"Q{number} {year}"
    part_quarter = {"early": "Q1", "late": "Q4"}.get((part or "").lower())
    return f"{part_quarter} {year}" if part_quarter else str(year)


def _named_words(named: re.Match[str]) -> str:
    """The words of a `_NAMED_PERIOD` match."""
    return _period_words(named["month"], int(named["year"]), named["part"], named["quarter"])


def _opening_period(clause: str, published: date | None) -> str | None:
    """The past period a clause opens with, dating all it says ('In 2023, Acme raised ...', 'Last year,
    Acme raised ...'), as `past_period` gives it; None when it opens with none or with this year."""
    opening = _OPENING_PERIOD.match(clause)
    if opening is None:
        return None
    if opening["period"]:
        year = int(opening["period_year"])
        words = _period_words(
            opening["period_month"], year, opening["period_part"], opening["period_quarter"]
        )
        return words if published is None or year < published.year else None
    if published is None:
        return None
    if opening["last_month"]:
        month = opening["last_month"].capitalize()
        year = published.year if _MONTHS.index(month) + 1 < published.month else published.year - 1
        return f"{month} {year}"
    # 'Last year in May, ...': that month of the year before
    return f"{opening['month']} {published.year - 1}" if opening["month"] else str(published.year - 1)


_ANY_MONTH = "|".join(_MONTHS)
# A month a clause opens with ('In August, Redwood raised ...', 'September 5 – Glory Space raised ...'), or a
# month its deal's words place the deal in before the amount ('The highest funding in May went to ...').
_OPENING_MONTH = re.compile(
    rf"^\W*(?:(?:then|and|but|later|also|so) )?(?:(?:in|by|during|back in) (?:early |late |mid-?)?"
    rf"(?P<month>{_ANY_MONTH})(?: (?:of )?(?:(?P<year>20\d\d)|(?P<last_year>last year)))?\b"
    r"(?![\s.]*(?:of\s+)?\d),"
    rf"|(?P<dated>{_ANY_MONTH}) (?P<day>\d{{1,2}})\s*[–—-]\s)",
    re.IGNORECASE,
)
_DEAL_IN_MONTH = re.compile(
    r"\b(?:funding|round|deal|raise|investment|financing)s? in (?:early |late |mid-?)?"
    rf"(?P<month>{_ANY_MONTH})\b(?![\s,.]*(?:of\s+)?\d)",
    re.IGNORECASE,
)


def month_before_amount(sentence: str, clause: str, money: Money, published: date | None) -> str | None:
    """The month `sentence` gives the deal of its `clause` before that clause's amount `money`, as words
    `announced_fields` reads ('In August, ...' in a text of December 2023: 'August 2023'; 'In October 2025,
    ...': 'October 2025'; 'September 5 –
    ...': 'September 5, 2024'), the latest such month up to the month of publication; None without one.
    Without a publication date the month or day is given without its year ('August', 'September 5'):
    normalisation completes it from the period the page is dated by. The whole sentence is read: 'The
    highest funding in May went to A's $350 million, followed by B ($80M)' dates each of its clauses."""
    at = sentence.find(clause)
    if at < 0 or _planned(clause, money, _PLANNED_NOW):
        return None
    found = _OPENING_MONTH.match(sentence) or _DEAL_IN_MONTH.search(sentence, 0, at + money.start)
    if found is None:
        return None
    named = found.groupdict()
    month = (named["month"] or named["dated"]).capitalize()
    if named.get("year"):  # 'In October 2025, Datacurve announced ...'
        return f"{month} {named['year']}"
    if published is None:  # the month alone, or its day: the period the page is dated by gives the year
        day = named.get("day")
        return None if named.get("last_year") else f"{month} {int(day)}" if day else month
    if named.get("last_year"):  # 'In July last year, ...'
        return f"{month} {published.year - 1}"
    year = published.year if _MONTHS.index(month) + 1 <= published.month else published.year - 1
    day = named.get("day")
    return f"{month} {int(day)}, {year}" if day else f"{month} {year}"


def period_named(clause: str) -> str | None:
    """The first month and year or year a clause places something in ('in September 2024'), not a
    founding's ('Founded in 2019, ...'), or None."""
    for found in _NAMED_PERIOD.finditer(clause):
        # (the words that make a page's period a founding make a clause's one: 'Founded in 2019, ...')
        if not ORIGIN_BEFORE.search(clause, max(0, found.start() - 30), found.start()):
            return _named_words(found)
    return None


def past_period(clause: str, money: Money, published: date | None) -> str | None:
    """The period a past amount's own phrase dates it to, as words `announced_fields` reads: '2024' for
    'in 2024', 'May 2023' for 'in May 2023', 'August 2024' for 'in August' in a text of October 2024, the
    year before publication for 'last year' or 'a year ago', else the past period the clause opens with
    ('In 2023, ...'); None when the text gives no period ('previously raised $20 million', 'years ago')."""
    after = _dating_phrase(clause, money)
    named = _NAMED_PERIOD.search(after)
    if named:
        return _named_words(named)
    month = _month_in_past(after, published)
    if month:
        return month
    if published is not None and _LAST_YEAR.search(after):
        return str(published.year - 1)
    ago = _AGO.search(after) if published is not None else None
    if ago is not None:
        return _counted_back(published, ago)
    return _period_of_its_statement(clause, money) or _opening_period(clause, published)


_SIGN = re.compile(f"[{re.escape(CURRENCY_SIGNS)}]")


def _period_of_its_statement(clause: str, money: Money) -> str | None:
    """A period said after the clause's opening and after any earlier amount, before this one: 'In 2021 Acme
    raised $4 million, and in May of 2023 it raised $12 million' dates the second by its own 'May 2023', not
    by the opening's 2021."""
    opening = _OPENING_PERIOD.match(clause)
    # (a bounded look back: the statement's own words are a few before its amount)
    start = max(opening.end() if opening else 0, money.start - 200)
    periods = list(_NAMED_PERIOD.finditer(clause, start, money.start))
    found = periods[-1] if periods else None
    if found is None or _SIGN.search(clause, found.end(), money.start):
        return None
    earlier = clause[start : found.start()]
    signs = list(_SIGN.finditer(earlier))
    last_sign = signs[-1].start() if signs else -1
    # after an earlier amount, and not in that amount's own phrase ('secured $155m in December 2024')
    return _named_words(found) if last_sign >= 0 and _PHRASE_END.search(earlier, last_sign + 1) else None


def _counted_back(published: date, ago: re.Match[str]) -> str:
    """'14 months ago' in a text of June 2026: 'April 2025' (a month); '2 years ago': '2024' (a year)."""
    count = ago["count"].lower()
    number = int(count) if count.isdecimal() else _COUNTS[count]
    if ago["unit"].lower().startswith("year"):
        return str(published.year - number)
    months = published.year * 12 + published.month - 1 - number
    return f"{_MONTHS[months % 12]} {months // 12}"


def in_the_past(clause: str, money: Money, published: date | None, months: bool = True) -> bool:
    """True when the clause places this amount in the company's past ('a $15 million Series A in 2024',
    'the $10 million debt it announced in August' in a text of October, 'In 2023, Acme raised ...').
    `months`: whether a month said alone places it there (it dates raises, not valuations). The period of a
    raise still planned does not ('plans to raise $20 million in August': when it may close)."""
    history = _history_end(clause)
    if history <= money.start and not _STATEMENT_AFTER_HISTORY.search(clause, history, money.start):
        # said anywhere before the amount, unless a statement of its own comes between: 'Quenby, which
        # previously raised $4 million, closed a $10 million Series A' places only the first in the past
        return True
    # The amount's own phrase: up to the next comma, bracket or amount ('adding to the $20M Series A it
    # announced in 2025' dates that other amount, not this one).
    if _planned(clause, money):
        return False
    after = _dating_phrase(clause, money)
    named = _NAMED_PERIOD.search(after)
    if named:
        return published is None or int(named["year"]) < published.year
    if _PAST.search(after) or _AGO.search(after) or (months and _month_in_past(after, published)):
        return True
    return _opening_period(clause, published) is not None


def range_high(clause: str, money: Money) -> re.Match[str] | None:
    """The high end of the range whose low end is `money`, or None ('and' only after 'between')."""
    if _old_size(clause, money):
        return None  # 'upsized its facility from $50 million to $80 million': a new size, no range
    found = RANGE_HIGH.match(clause, money.end)
    if found is None or (
        found.group(0).lstrip()[:3].lower() == "and"
        and not _BETWEEN.search(clause, max(0, money.start - 12), money.start)
    ):
        return None
    return found


def _acquisition_before(clause: str, money: Money) -> bool:
    """'bought Tern for $40M', 'sold its lab to Vexa for about $9 million'."""
    if not _FOR_BEFORE.search(clause, _window_start(money), money.start):
        return False
    # The verb may stand far before 'for', but never before the last amount, currency sign or semicolon.
    barrier = max(clause.rfind(sign, 0, money.start) for sign in _NOT_BETWEEN_ACQUISITION_AND_AMOUNT)
    return bool(_ACQUISITION_BEFORE.search(clause, barrier + 1, money.start))


def _for_a_fund(after: str) -> bool:
    """'$650 million for its eighth early-stage fund' (the word comes within 45 characters), also past the
    amount in another currency in brackets ('7.1bn euros ($7.59bn) for its latest fund')."""
    conversion = _CONVERSION_AFTER.match(after)
    after = after[conversion.end() :] if conversion else after
    return bool(_FUND_WORD.search(after, 0, 53) and _FOR_A_FUND.match(after))


# A fine, penalty or settlement named right after the amount.
_PENALTY_AFTER = re.compile(
    r"^\s*(?:in\s+)?(?:(?:civil|criminal|regulatory|antitrust|eu|gdpr)\s+)?"
    r"(?:fines?|penalt(?:y|ies)|settlements?|damages)\b",
    re.IGNORECASE,
)


# Money a company spends on its own sites: 'to invest $11M to open a plant', 'invest $2bn in a new factory'.
_INVEST_BEFORE = re.compile(
    r"\binvest(?:s|ed|ing)?\s+(?:about|around|up to|over|nearly|some)?\s*$", re.IGNORECASE
)
_SPENT_ON_AFTER = re.compile(
    r"^\s*(?:to\s+(?:open|build|construct|expand|set up|establish)\b"
    r"|(?:in|into)\s+(?:a|an|its|their|the)\s+(?:new\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:plants?|factor(?:y|ies)|facilit(?:y|ies)|campus|sites?|data cent(?:er|re)s?|headquarters"
    r"|offices?)\b)",
    re.IGNORECASE,
)


# A sum written without a multiplier below this many units is a price (of a share, a unit, a product):
# no company raises $24. Written with one ('$5 million', '12 crore') it is a sum of its own.
_LEAST_SUM_RAISED = 1000


def money_role(clause: str, money: Money, moneys: list[Money], published: date | None = None) -> Role:
    """The role of one amount in a clause, from the words around it (within `CONTEXT_CHARS`)."""
    after = _after(clause, money)
    before = (clause, _window_start(money), money.start)  # search(*before): the words before, to the amount
    if _in_brackets_after_money(clause, money, moneys) or not money.value:
        return Role.OTHER  # a conversion, or nothing at all ('$0.00')
    if _PRICE_AFTER.match(after) or (_RANGE_BEFORE.search(*before) and not _new_size(clause, money, moneys)):
        return Role.OTHER  # a price, or the high end of a range (the low end speaks for it)
    if _PENALTY_AFTER.match(after) or _LOSS_AFTER.match(after):
        return Role.OTHER  # 'Vodafone Germany Gets $52m Fine for GDPR', 'a $5 million loss': not raised
    if "nvest" in clause and _INVEST_BEFORE.search(*before) and _SPENT_ON_AFTER.match(after):
        return Role.OTHER  # 'plans to invest $11M to open a recycling plant': money spent, not raised
    high = range_high(clause, money)
    if high is None and money.value < _LEAST_SUM_RAISED and money.text[-1:].isdigit():
        return Role.OTHER  # 'traded at A$29.90', 'priced at $0.065': a price per share, never a raise
    if high is not None:
        if _PRICE_AFTER.match(clause[high.end() : high.end() + CONTEXT_CHARS]) or (
            money.text[-1:].isdigit() and not high["unit"] and money.value < 10_000
        ):
            return Role.OTHER  # '$16 to $18 each', 'the $19 to $21 range': a price
        money = money._replace(end=high.end())  # what the range is, is said after its high end
    role = _present_role(clause, money)
    if role is Role.VALUATION and _PAST_VALUATION_BEFORE.search(clause, _window_start(money), money.start):
        return Role.OTHER  # 'its previous valuation ... was $40 billion': not the deal's
    if role is Role.RAISE and _undated_part(clause, money, moneys, published):
        return Role.OTHER  # 'has raised $52 million (including a $6 million seed)': an undated part
    # A past round is a deal of its own; a past valuation ('valued at $2 billion in 2024') or any other
    # past figure is not. A month said alone dates raises only: 'at a $1.2 billion valuation in June' is
    # the valuation of the June round.
    if in_the_past(clause, money, published, months=role is Role.RAISE):
        return Role.PAST_RAISE if role is Role.RAISE else Role.OTHER
    return role


# An IPO's fresh issue (new shares, the company's raise) and its offer for sale (shares existing holders
# sell), as Indian listings state them: 'a fresh issue of 11.54 crore shares aggregating to Rs 4,499 crore
# and an offer for sale of 17.51 crore shares aggregating to Rs 6,828 crore'.
_FRESH_ISSUE = re.compile(
    rf"\bfresh issue\b[^;{CURRENCY_SIGNS}]{{0,80}}?\b(?:worth|aggregating|amounting|of)\b"
    r"(?:\s+(?:up\s+)?to)?\s*$",
    re.IGNORECASE,
)
# An offering's whole, then the part of it that is the company's own: '£275 million, of which £200 million
# was new money', '₹480 crore, of which ₹180 crore was a fresh issue' (of a listing only: a private round's
# 'of which $10 million was new money' is the part from new investors, the round still the whole).
_NEW_MONEY = (
    r"(?:(?:was|were|is|are)\s+(?:a\s+|the\s+)?(?:fresh\s+issue|new\s+money|new\s+shares|new\s+capital"
    r"|primary\s+(?:shares|capital|proceeds)|raised\s+by\s+the\s+company|for\s+the\s+company)\b"
    r"|(?:came|come|comes)\s+from\s+(?:the\s+(?:sale|issue)\s+of\s+)?new\s+shares\b)"
)
_TOTAL_WITH_NEW_MONEY_AFTER = re.compile(
    rf"^\s*,?\s*of\s+which\s+[^,;]{{1,40}}?\s+{_NEW_MONEY}", re.IGNORECASE
)
_NEW_MONEY_PART_AFTER = re.compile(rf"^\s+{_NEW_MONEY}", re.IGNORECASE)
_OFFER_FOR_SALE = re.compile(rf"\b(?:offer[- ]for[- ]sale|OFS)\b[^;{CURRENCY_SIGNS}]{{0,80}}$", re.IGNORECASE)


def fresh_issue(clause: str, money: Money) -> bool:
    """Whether an amount is the size of a listing's fresh issue of shares, the company's own raise."""
    # A test for the word first: a pattern search is many times dearer, and most clauses lack it.
    return "ssue" in clause and bool(_FRESH_ISSUE.search(clause, max(0, money.start - 100), money.start))


def _offer_for_sale(clause: str, money: Money) -> bool:
    return ("OFS" in clause or "for sale" in clause or "for-sale" in clause) and bool(
        _OFFER_FOR_SALE.search(clause, max(0, money.start - 100), money.start)
    )


def _undated_part(clause: str, money: Money, moneys: list[Money], published: date | None) -> bool:
    """Whether an amount is an undated part of the amount just before it ('$52 million in all (including
    a $6 million seed)'); 'deals this quarter, including a $120 million Series E' is no part of a sum."""
    part = _PART_BEFORE.search(clause, _window_start(money), money.start)
    if part is None or past_period(clause, money, published) is not None:
        return False
    # A sum told in the perfect tense is one over time ('has now raised $52 million (including a $6
    # million seed)'); the parts of a deal told in the simple past are rounds of it ('raised $2.1 billion
    # this month, including a $900 million Series C').
    sums = [other for other in moneys if 0 <= part.start() - other.end <= _PART_OF_CHARS]
    return any(_PERFECT_BEFORE.search(clause, _window_start(other), other.start) for other in sums)


def _foreign_valuation(clause: str, money: Money) -> bool:
    """'valorise à', 'valoración de', 'avaliada em' before the amount."""
    return any(word in clause for word in _FOREIGN_VALUATION_STEMS) and bool(
        _FOREIGN_VALUATION_BEFORE.search(clause, max(0, money.start - 80), money.start)
    )


_FOREIGN_VALUATION_STEMS = ("valor", "Valor", "avalia", "Avalia", "valuaci", "Valuaci")


_VALUE_AFTER = re.compile(r"\s*value\b", re.IGNORECASE)
_AT_A_BEFORE = re.compile(r"\bat an?\s+$", re.IGNORECASE)


def _at_a_value(clause: str, money: Money) -> bool:
    """'$6 billion at a $24 billion value': the amount is the company's value."""
    return bool(
        _VALUE_AFTER.match(clause, money.end)
        and _AT_A_BEFORE.search(clause, _window_start(money), money.start)
    )


def _present_role(clause: str, money: Money) -> Role:
    """The role of an amount from the words of its phrase, whenever the text places it."""
    after = _after(clause, money)
    before = (clause, _window_start(money), money.start)
    if _VALUATION_AFTER.match(after) or _VALUATION_BEFORE.search(*before):
        return Role.VALUATION
    if _sized_company(clause, money):
        # what the company is worth, unless its sales size it
        return Role.OTHER if _SIZED_BY_SALES.match(after) else Role.VALUATION
    if _foreign_valuation(clause, money) or _at_a_value(clause, money):
        return Role.VALUATION  # '... valoriserait à 6 milliards', '$6 billion at a $24 billion value'
    offering = (
        "ssue" in clause or "ffer" in clause or "IPO" in clause or "list" in clause or "float" in clause
    )
    if fresh_issue(clause, money) or (offering and _NEW_MONEY_PART_AFTER.match(after)):
        # 'a fresh issue of shares worth up to INR 1,666 Cr', '£275 million, of which £200 million was new
        # money': what the company raises
        return Role.RAISE
    if offering and _TOTAL_WITH_NEW_MONEY_AFTER.match(after):
        return Role.OTHER  # the offering's whole, the company's part of it told next
    if _offer_for_sale(clause, money):
        return Role.OTHER  # an offer for sale: shares the selling shareholders sell, not the company's raise
    if _STAKE_WORTH.search(*before) or _MARKET_WORTH.search(*before):
        return Role.OTHER  # 'sold stakes worth $1.8 billion', 'a market worth $90bn': no company's worth
    if _WORTH.search(*before) and not _ROUND_WORTH.search(*before):
        return Role.VALUATION
    if (_acquisition_before(clause, money) or _ACQUISITION_AFTER.match(after)) and not _listed_share_sale(
        after
    ):
        return Role.OTHER
    if _NOT_A_RAISE_AFTER.match(after) or _NOT_A_RAISE_BEFORE.search(*before) or _for_a_fund(after):
        return Role.OTHER
    if "dr" in clause and _DRAWN_BEFORE.search(*before):
        # 'has drawn down $18 million from the $60 million loan it signed last year': a loan it already had
        return Role.OTHER
    if "option" in clause and _OPTION_BEFORE.search(*before):
        return Role.OTHER  # 'with an option to increase the facility by a further $20 million': not lent yet
    if _old_size(clause, money):
        return Role.OTHER  # 'upsized its facility from $50 million to $80 million': the old size
    phrase_after = _phrase_after(clause, money, _CUMULATIVE_PHRASE_END)
    if _CUMULATIVE.search(phrase_after) or (
        BOTH_KINDS.search(phrase_after)
        and (
            _HAS_BEFORE.search(clause, _window_start(money), money.start)
            # '$2.1 billion in debt and equity financing, including a $900 million Series C': the parts
            or _INCLUDING_AFTER.match(clause, end_of_conversion(clause, money))
        )
    ):
        return Role.OTHER
    including = _INCLUDING_AFTER.match(clause, end_of_conversion(clause, money))
    if (
        including
        and find_round(including.group(0)) in (None, "venture")
        and _PERFECT_BEFORE.search(clause, _window_start(money), money.start)
    ):
        # '$13 billion in OpenAI, including a $1 billion investment in 2019': a total ('$50 million in a
        # Series B, including $10 million in debt' is the round, with its parts)
        return Role.OTHER
    if _TOTAL_OPENING.match(clause) and not any(sign in clause[: money.start] for sign in _SIGNS_AND_DIGITS):
        return Role.OTHER  # the clause's first amount, after 'In total'
    if (
        _WITH_THE_NEW_MONEY.match(clause)
        and _HAS_RAISED_BEFORE.search(clause, _window_start(money), money.start)
        and _first_figure(clause, money)
        and not _IN_A_ROUND_AFTER.match(_after(clause, money))
        and find_round(clause) in (None, "venture")
    ):
        # 'With this round, Quorrel has raised $50 million': its total ('... has closed a $25 million
        # Series A', '... has raised $12 million in its seed round' are the round itself)
        return Role.OTHER
    return Role.RAISE


# Every pattern that makes an amount a valuation holds one of these, or a company's noun (`_sized_company`).
_VALUATION_WORDS = re.compile(
    r"valu|valor|valeur|avalia|worth|post|pre|market cap|" + _RAISES_AT, re.IGNORECASE
)


def _may_be_valuation(clause: str, money: Money) -> bool:
    """The words that make an amount a valuation in `money_role` are around it (it may still be a price,
    a range or a past figure)."""
    before = (clause, _window_start(money), money.start)
    return bool(
        _VALUATION_AFTER.match(_after(clause, money))
        or _VALUATION_BEFORE.search(*before)
        or _WORTH.search(*before)
        or _foreign_valuation(clause, money)
        or _at_a_value(clause, money)
        or _sized_company(clause, money)
    )


_UNREAD = object()


# Words that tell the amount after them as a round before the deal: 'raised $25 million, following a $10
# million seed round', '... less than a year after its $10 million seed', '... six months after raising $8
# million', 'Following its $10 million seed round, Pallas raised ...'.
EARLIER_ROUND_BEFORE = re.compile(
    r"\b(?:following|after|since|on the heels of)\s+(?:(?:its|their|the|a|an|raising|closing|securing)\s+)?"
    r"(?:(?:first|previous|prior|earlier|last|initial)\s+)?$",
    re.IGNORECASE,
)


class ClauseRoles:
    """The roles of one clause's amounts, each worked out when first asked for.

    A deal needs the clause's first raise and first valuation, so a clause of many amounts is read only
    as far as those: every amount is not read in full to find one.
    """

    def __init__(self, clause: str, moneys: list[Money], published: date | None = None):
        self.clause = clause
        self.moneys = moneys
        self.published = published
        self._roles: dict[Money, Role] = {}
        self._first_past: Money | object | None = _UNREAD

    def of(self, money: Money) -> Role:
        if money not in self._roles:
            self._roles[money] = money_role(self.clause, money, self.moneys, self.published)
        return self._roles[money]

    def first_raise(self) -> Money | None:
        return next(self.raises(), None)

    def raises(self) -> Iterator[Money]:
        """The clause's raises in order, each read when asked for."""
        return (money for money in self.moneys if self.of(money) is Role.RAISE)

    def first_past_raise(self) -> Money | None:
        """The first amount the clause places in the company's past as a raise: dated by the text, or
        undated and told as a round that closed (worked out once: a clause that follows another round asks
        for it twice)."""
        if self._first_past is _UNREAD:
            self._first_past = next(
                (
                    money
                    for money in self.moneys
                    if self.of(money) is Role.PAST_RAISE
                    and (
                        past_period(self.clause, money, self.published) is not None
                        or _closed_round_told(self.clause, money)
                    )
                ),
                None,
            )
        return self._first_past  # type: ignore[return-value]

    def first_valuation(self) -> Money | None:
        if not _VALUATION_WORDS.search(self.clause) and not _SIZED_COMPANY_NOUN.search(self.clause):
            return None  # none of the words that make an amount a valuation, anywhere in the clause
        candidates = (money for money in self.moneys if _may_be_valuation(self.clause, money))
        return next((money for money in candidates if self.of(money) is Role.VALUATION), None)


# What makes a raise the text places in the past without a date no round of its own: a plan, a search or
# talks that may never have closed, a round called off, a sum over years or rounds (the totals
# `_CUMULATIVE` names are no past raise at all), a person's own past ('the CEO, who previously raised
# $30m'). A dated past round is read by its own words.
_NOT_AN_UNDATED_ROUND = re.compile(
    r"\b(?:plans?|planned|planning|sought|seeks?|seeking|talks|discussions|negotiat\w*|aim\w*"
    r"|hop(?:e|es|ed|ing)|tried|tries|trying|attempt\w*|intend\w*|collaps\w*|fell through|never|cancel\w*"
    r"|called off|abandon\w*|scrapp\w*|over the years|combined|in all|lifetime|who)\b",
    re.IGNORECASE,
)


# Where what is said of an undated past round ends: a statement of today after 'and' ('had previously
# raised $2 million and now plans to raise $20 million').
_NEXT_STATEMENT = re.compile(r"\band\s+(?:now|also|then|is|was|has|plans?|will|wants?)\b", re.IGNORECASE)


def _closed_round_told(clause: str, money: Money) -> bool:
    """Whether the words around an undated past raise tell a round that closed: nothing of
    `_NOT_AN_UNDATED_ROUND` in the 80 characters before it or in what follows, up to a statement of
    today."""
    after = clause[money.end :]
    today = _NEXT_STATEMENT.search(after)
    around = (
        clause[max(0, money.start - 80) : money.start] + " " + (after[: today.start()] if today else after)
    )
    return not _NOT_AN_UNDATED_ROUND.search(around)


def clause_roles(clause: str, moneys: list[Money], published: date | None = None) -> ClauseRoles:
    """The roles of one clause's amounts, shared by every reader of the same clause: a clause is read for
    its deal, then for the rounds of the past and the other rounds beside it, each asking for the same
    roles (about a third of the roles a page asked for were asked before). Under the reference data in
    use, whose round words a role depends on."""
    return _shared_roles(clause, tuple(moneys), published, current_reference_data())


@lru_cache(maxsize=16)  # the clauses of the sentence being read
def _shared_roles(
    clause: str, moneys: tuple[Money, ...], published: date | None, _: ReferenceData
) -> ClauseRoles:
    return ClauseRoles(clause, list(moneys), published)
