"""Who invested, as prose says it: leads ('led by X', 'X led the round', 'X and Y, who co-led') and other
investors ('with participation from X', 'from X', 'Y joined', 'with angel Z also investing').

Leads only when the text says so; 'from X and Y' names investors, not leads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assets.normalize.rounds import find_round
from assets.parsing.prose_names import FLAG, NAME, names_before, read_names, valid_company
from schemas.gazetteer import default_gazetteer

_LED_BY = re.compile(
    r"\b(?:co-?led|led|headed|co-headed|spearheaded|co-spearheaded|anchored)\s+(?:jointly\s+)?by\s+",
    re.IGNORECASE,
)
# The same in French, Spanish and Portuguese ('une série A menée par', 'una ronda liderada por', 'uma
# rodada liderada pela Kaszek'), only after a word for the round: a project, a company, a market or a
# wave 'menée par' or 'liderada por' someone names no lead ('la empresa liderada por María López').
_ROMANCE_ROUND = (
    r"\b(?:tour|série|serie|levée|ronda|rodada|opération|operación|operação|financement|financiación"
    r"|financiamento|aporte|investissement|inversión|investimento|round|augmentation de capital)\b"
)
_ROMANCE_LED_BY = re.compile(
    # (the words between hold no clause break; a decimal comma is part of an amount: '5,5 millions')
    _ROMANCE_ROUND + r"(?:[^,;.()]|(?<=\d)[.,](?=\d)){0,80}?\b"
    r"(?:(?:co-?)?(?:men[ée]e?s?|pilot[ée]e?s?|lid[ée]r[ée]e?s?)\s+par(?:\s+l[ea]s?\b|\s+l['’])?"
    r"|(?:co-?)?(?:liderad[ao]s?|encabezad[ao]s?|capitanead[ao]s?|comandad[ao]s?)\s+(?:por|pel[ao]s?)"
    r"(?:\s+(?:el|la|los|las|o|a|os|as)\b)?)\s*",
    re.IGNORECASE,
)
_ROMANCE_LEAD_WORDS = ("par", "por", "pel")
# 'led by the company's long-time partner, Uber': who led, described first, then named after a comma.
_LED_BY_DESCRIBED = re.compile(
    r"\b(?:co-?led|led|headed|spearheaded)\s+by\s+(?:the|its|their|a|an)\s+[^,;.()]{1,60},\s+(?=[A-Z0-9])",
    re.IGNORECASE,
)
# What may follow 'X led' or 'Y joined' when it is about this deal: the end of the clause, 'the round' or
# 'it' ('Sequoia led the charge into AI' and 'Google invested in Anthropic' are about something else).
_ABOUT_THE_DEAL = (
    r"(?=\s*(?:[;,.)]|$|\s+(?:the|this)\s+(?:round|deal|financing|investment|raise)\b|\s+it\b|\s+and\b"
)
_ABOUT_THE_DEAL += r"|\s+as well\b|\s+alongside\b|\s+in the (?:round|deal|financing)\b|\s+\S+['’]s\s))"
# 'X led', 'X co-led the round', 'X, who co-led': the names come before the verb.
_LED_AFTER_NAMES = re.compile(rf"(?:,\s*who\s+)?\b(?:co-?led|led)\b{_ABOUT_THE_DEAL}", re.IGNORECASE)
_PARTICIPANTS_AFTER = re.compile(
    r"\b(?:with participation (?:from|of|by)|participation from|alongside|joined by|with backing from"
    r"|(?:investors|backers|angels) (?:include|including|such as)"
    r"|(?:investors|backers|angels|funds|firms) (?:\w+\s+){0,3}?including"
    # French, Spanish and Portuguese: 'avec la participation de', 'con la participación de', 'com
    # participação da Kaszek'
    r"|(?:avec|con|com) (?:la |a )?particip(?:ation|ación|ação) d(?:el|es|os|as|u|e|o|a|['’])\b)"
    r"(?:\s+(?:la|le|les|el|los|las|o|a|os|as)\b)?\s*",
    re.IGNORECASE,
)
# A word every one of `_PARTICIPANTS_AFTER`'s phrases holds.
_PARTICIPANT_WORDS = ("particip", "alongside", "joined by", "backing from", "includ", "such as")
_FROM = re.compile(r"\bfrom\s+")
# The French 'from', right after an amount: 'lève 12 millions d'euros auprès de Partech', 'dont 35
# millions auprès de Tencent'; not 'lève 3 M€ pour déployer sa solution auprès de La Banque Orvel' (its
# customers) nor 'et s'installe auprès de'.
_AUPRES = re.compile(r"\bauprès\s+(?:d['’]|de\s+(?:la\s+)?|du\s+|des\s+)")
_AMOUNT_WORDS_CHARS = 30
_AMOUNT_WORDS_ONLY = re.compile(
    r"[\s.,]*(?:millions?|milliards?|Mds?|M|k)?\s*(?:d['’]euros|de dollars|d['’]dollars|euros|dollars|€|\$"
    r"|USD|EUR)?\s*",
    re.IGNORECASE,
)
_JOINED_AFTER_NAMES = re.compile(
    rf"\b(?:also\s+)?(?:joined|participated|invested|chipped in|came in){_ABOUT_THE_DEAL}", re.IGNORECASE
)
_WITH_ALSO_INVESTING = re.compile(
    r"\bwith\s+([^,;.]+?)\s+(?:also\s+)?(?:investing|participating|joining)\b", re.IGNORECASE
)
# Lenders of a debt facility: 'a $500 million credit facility with JPMorgan and Goldman Sachs'.
_LENDERS = re.compile(
    r"\b(?:facility|loan|credit line|line of credit)\s+(?:with|provided by)\s+", re.IGNORECASE
)
_SOLD_TO = re.compile(r"\b(?:sale\s+|sold\s+(?:\S+\s+){0,8}?)to\s+")


@dataclass
class Investors:
    leads: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)

    def add(self, leads: list[str] = (), others: list[str] = ()) -> None:  # type: ignore[assignment]
        for name in filter(may_invest, map(_without_owner, leads)):
            if name not in self.leads:
                self.leads.append(name)
        for name in filter(may_invest, map(_without_owner, others)):
            if name not in self.others:
                self.others.append(name)

    @property
    def all(self) -> list[str]:
        """Every investor, leads first."""
        return self.leads + [n for n in self.others if n not in self.leads]

    def __bool__(self) -> bool:
        return bool(self.leads or self.others)


# An investor named by its owner first: a person's two names, then the fund ("Peter Thiel's Founders Fund",
# "Binny Bansal's 3State Ventures"). A firm's own fund ("Harbrook's Opportunity Fund II"), a name holding a
# possessive ("Moody's Analytics Ventures", "St. Mary's Health Ventures") and a firm's partner ("Harbrook
# Capital's Dana Ferro") stay as written.
_PERSON_OWNER_FIRST = re.compile(
    r"^(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)['’]s\s+(?P<fund>(?:[A-Z0-9][\w&.-]*\s+){0,3}"
    r"(?:Fund|Ventures|Capital|Partners|Investments|Holdings|Group))$"
)
# Flags set after names in some newsletters ('led by Canaan Partners 🇺🇸 and Better Tomorrow Ventures 🇺🇸').
_FLAGS = re.compile(rf"\s*{FLAG}")


def _without_owner(name: str) -> str:
    """The investor's own name, without the person it was written with ("Peter Thiel's Founders Fund")."""
    if "'" not in name and "’" not in name:
        return name
    owned = _PERSON_OWNER_FIRST.match(name)
    return owned["fund"] if owned else name


def may_invest(name: str) -> bool:
    """False for a place, a news outlet or a sector read as a name ('led by US investment firm Tiger
    Global' cut short at 'US'), or for where a company is based ('Finland-based'): they never invest."""
    if name.endswith("-based"):
        return False
    return default_gazetteer().not_a_company(name) not in ("place", "outlet", "sector")


def _after(pattern: re.Pattern[str], text: str, start: int = 0) -> list[str]:
    names: list[str] = []
    for match in pattern.finditer(text, start):
        for name in read_names(text, match.end())[0]:
            if name not in names:
                names.append(name)
    return names


def _before(pattern: re.Pattern[str], text: str) -> list[str]:
    names: list[str] = []
    for match in pattern.finditer(text):
        for name in names_before(text[: match.start()]):
            if name not in names:
                names.append(name)
    return names


# 'with Harrow Capital leading': a name right before it. Not 'raised $15 million in Series A, leading the
# list': a comma before it, or a ranking after it, says the company led a list, not an investor a round.
_WITH_LEADING_AFTER = re.compile(
    r"(?<![,;])\s+(?:leading|co-leading|as (?:the )?lead(?: investors?)?)\b"
    r"(?!\s+(?:the\s+)?(?:list|pack|way|charts?|tally|rankings?|table)\b)"
)
_HYPHEN_LED = re.compile(rf"({NAME})-led\b")
# What a hyphen-led name leads when it is no round: a company ('Mira Murati-led Thinking Machines Lab
# raised').
_LED_COMPANY_AFTER = re.compile(rf"\s+({NAME})")
_DEAL_WORD_AFTER = re.compile(
    r"[\s,]+(?:oversubscribed\s+)?(?i:rounds?|safes?|notes?|bridge|deal|tranche|extension|consortium|syndicate"
    r"|seed|pre-seed|series|funding|financing|investment|raise)\b"
)


def investors_in(clause: str, money_start: int = 0) -> Investors:
    """Leads and other investors a clause names. 'from X' counts only after the money (`money_start`)."""
    found = Investors()
    if not clause.isascii() and _FLAGS.search(clause):
        money_start = len(_FLAGS.sub("", clause[:money_start]))
        clause = _FLAGS.sub("", clause)
    # (the words each pattern needs, looked for first: most clauses name no investor, and a pattern that
    # starts with a name tries one at every word)
    lowered = clause.lower()
    leads = _after(_LED_BY, clause) + _after(_LED_BY_DESCRIBED, clause)
    if any(word in lowered for word in _ROMANCE_LEAD_WORDS):
        leads += _after(_ROMANCE_LED_BY, clause)
    if "led" in lowered:
        leads += _before(_LED_AFTER_NAMES, clause)
    if "lead" in clause:
        leads += _before(_WITH_LEADING_AFTER, clause)  # 'with Harrow Capital leading'
    if "-led" in clause:
        leads += [m.group(1) for m in _HYPHEN_LED.finditer(clause) if _leads_a_round(clause, m.end())]
    found.add(leads=leads)
    others = _after(_PARTICIPANTS_AFTER, clause) if any(w in lowered for w in _PARTICIPANT_WORDS) else []
    others += _after(_FROM, clause, money_start)
    if "auprès" in lowered:
        for match in _AUPRES.finditer(clause, money_start):
            # (the last digit before it, within the few characters an amount's words take)
            window = clause[max(money_start, match.start() - _AMOUNT_WORDS_CHARS) : match.start()]
            digits = [i for i, char in enumerate(window) if char.isdigit()]
            if digits and _AMOUNT_WORDS_ONLY.fullmatch(window, digits[-1] + 1):
                others += read_names(clause, match.end())[0]
    others += _before(_JOINED_AFTER_NAMES, clause) + _after(_SOLD_TO, clause, money_start)
    others += _after(_LENDERS, clause, money_start)
    for match in _WITH_ALSO_INVESTING.finditer(clause):
        others += read_names(match.group(1))[0]
    found.add(others=others)
    return found


def _leads_a_round(clause: str, end: int) -> bool:
    """Whether the '<name>-led' ending at `end` leads a round ('a Harrow Capital-led Series A', '-led $30
    million extension', '-led consortium'), not a company ('Mira Murati-led Thinking Machines Lab')."""
    if _DEAL_WORD_AFTER.match(clause, end):
        return True  # 'a Harrow-led Round', '-led SAFE', '-led deal'
    after = _LED_COMPANY_AFTER.match(clause, end)
    return after is None or bool(find_round(after.group(1))) or valid_company(after.group(1)) is None


def trailing_names(text: str) -> list[str]:
    """A list of names that ends a list item after its figures: '$25M Series B, Pell Partners and
    Ashgrove.' -> both (such a list names investors without saying who led)."""
    tail = re.split(r",\s+", text.rstrip(" ."))
    if len(tail) < 2:
        return []
    for start in range(1, len(tail)):
        segment = ", ".join(tail[start:])
        names, used = read_names(segment)
        if names and used >= len(segment.rstrip(" .")):
            return names
    return []
