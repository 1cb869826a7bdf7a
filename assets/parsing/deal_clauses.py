"""One sentence -> the clauses that each state one deal, with what the sentence's structure says about them.

Newsletters pack deals into sentences in a few recurring shapes:

* several subjects with their own verbs: 'Gearwick raised $30M in a Series B, Tallow Arm took $9M in seed
  money and Pivotry closed a $120M Series C';
* a lead-in before a colon that the items after it share: 'Two battery startups closed seed rounds: ...',
  'Harrow Capital's first check from its new fund: a $7M seed round for Lumeo';
* a package after a colon: 'raised $900M: a $600M credit facility ... and a $300M Series C ...' (the
  parts are the deals; the total is not);
* deals in brackets after each name: 'Quorra ($60M Series B led by Pell Partners), Ilex Health ($12M seed
  from Ashgrove)';
* a list item, name then a dash: 'Orvella — $300 million Series D at a $4 billion valuation';
* 'A and B raised $12M and $30M respectively, in a seed and a Series A'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assets.normalize.amounts import Money, find_money
from assets.normalize.names import first_key_word
from assets.normalize.rounds import find_round, find_rounds
from assets.parsing.alternation import one_of
from assets.parsing.date_phrases import find_date_phrase
from assets.parsing.prose_names import (
    NAME,
    NAME_PATTERN,
    QUESTION_WORDS,
    end_name,
    finditer_from_name,
    names_before,
    read_names,
    round_before_name,
    search_from_name,
    valid_company,
    without_descriptors,
)
from assets.parsing.subjects import (
    DESCRIBED_AS,
    PERSON_BEFORE,
    REFERENCE,
    ROLE_NOUNS,
    company_in_subject,
    described_company,
    strip_lead_in,
)
from schemas.reference.wording import CURRENCY_SIGNS

MONEY_START = rf"(?:[{CURRENCY_SIGNS}]|US\$|[A-Z]{{1,3}}\$|[A-Z]{{3}}\s?\d|\d)"
"""Where an amount starts: a currency sign, a code before one ('US$', 'AU$'), a code and its digits, or a
digit. Its codes are capitals: a pattern that ignores case takes it as `(?-i:...)`."""
# An amount right after, in DEAL_VERB (which ignores case: the currency codes stay capitals).
_MONEY_NEXT = rf"(?=\s+(?:an?\s+)?(?-i:{MONEY_START}))"
# ... or after one word that sizes it: 'with a whopping $50 million'
_MONEY_NEXT_DESCRIBED = rf"(?=\s+(?:an?\s+)?(?:[a-z]+\s+)?(?-i:{MONEY_START}))"
_OUT_OF_STEALTH = ("came", "comes", "coming", "emerged", "emerges", "launched", "launches", "broke", "breaks")
# A grant is received only as money: 'was granted NOK 1 million', 'was granted a $3 million loan' (not
# 'was granted a patent for its $3 million machine').
_GRANTED_MONEY = (
    rf"(?=\s+(?:an?\s+)?(?:[\w-]+\s+)?{MONEY_START}"
    # ('was granted a loan of €12 million')
    r"|\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:loan|facility|credit line|grant)\s+of\s+(?:up\s+to\s+)?"
    rf"{MONEY_START})"
)
# What a company sells to raise money, besides a round: 'a $3.2 billion private debt placement', 'a $252
# million share sale'.
_SALE_OF_SECURITIES = (
    r"placement|placing|(?:share|stock|equity|debt|bond|note|convertible)\s+(?:sale|offering)"
)
# The words after an amount, up to what is sold: 'private debt placement', 'initial public offering'.
# ('priced a $2 billion bond sale for Tollbright' is the bank's work: whom it is for is no subject)
_UP_TO_A_SALE = rf"(?:\S+\s+){{0,4}}?(?:ipo|offering|{_SALE_OF_SECURITIES})(?!\s+for\s+(?-i:[A-Z]))"
# ('launched a $1 million cyber cover offering' sells insurance: launched, only securities are sold)
_UP_TO_A_SECURITIES_SALE = (
    rf"(?:\S+\s+){{0,4}}?(?:ipo|(?:public|rights|secondary|follow-on)\s+offering|{_SALE_OF_SECURITIES})"
    r"(?!\s+for\s+(?-i:[A-Z]))"
)
# The words after an amount, up to the debt it is ('venture debt agreement', 'loan facility').
_UP_TO_DEBT = (
    r"(?:\S+\s+){0,3}?(?:(?:loan|credit|debt|financing|facility|lending)\s+(?:agreement|facility|deal|line)"
    r"|term\s+loan|debt\s+financing|venture\s+debt|loan)\b(?!\s+(?:book|portfolio|card|offtake))"
)
# A facility made bigger, then its new size: 'its credit facility from $50 million to $80 million'.
_TO_A_BIGGER_FACILITY = (
    r"\s+(?:its|the|an?)\s+(?:\S+\s+){0,3}?(?:facility|credit line|loan|line of credit)\b"
    r"(?!\s+(?:book|portfolio|originations))[^.;]{0,40}?\bto\s+"
    rf"(?-i:[{CURRENCY_SIGNS}]|US\$|[A-Z]{{1,3}}\$|[A-Z]{{3}}\s?\d)"
)
# An amount that opens the words after an article: '$618 million', 'US$1 billion', '€40m'.
_MONEY_FIRST = rf"(?-i:{MONEY_START})\S*\s+(?:(?:million|billion|mn|bn|crore|lakh)\s+)?"
# Something received that is no money, with nothing else received after it: 'received a de-listing notice
# from Nasdaq' ('received regulatory clearance and a $10 million investment' receives money too).
_NOT_MONEY_RECEIVED = (
    r"(?!\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:notices?|letters?|warnings?|subpoenas?|complaints?"
    r"|patents?|clearances?|certifications?|designations?)\b(?![^.;]*?\b(?:and|then)\b))"
)
# A ranking's place ('second', 'No. 3'), and the verbs that give an entry its place in one.
_PLACE = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|no\.\s?\d{1,2}|#\d{1,2})"
_PLACED = ("came", "comes", "ranked", "ranks", "placed", "places", "finished", "finishes")
# The verbs of a category's leader: 'Quenby dominated the Series A category with $20 million'.
_CATEGORY_LEADS = ("led", "leads", "dominated", "dominates", "topped", "tops", "headed", "heads")
# A category of rounds: its stage or 'funding' right before its noun ('the Series A category', 'the
# fintech funding list'; not 'the seed-oil category', 'the venture debt list', 'the valuation list').
_CATEGORY = (
    r"(?:[\w-]+\s+){0,2}?(?:seed|pre-seed|series\s+[a-k]|early-stage|late-stage|growth-stage|seed-stage"
    r"|funding|fundraising)\s+(?:category|segment|bracket|stage|space|charts?|list)"
)
# What may follow a ranked entry's amount for it to be money raised: the sentence's end (or a comma before
# the next entry), words of funding ('with $22 million in Series A funding', 'a $4 million seed') or whom
# it went to ('with $41 million to Talvora'); not 'in annual turnover', 'in prize money', 'after its
# Series D' (a valuation then), 'spent on lobbying'.
_AFTER_AMOUNT = (
    r"(?:\s*(?:[.;!?)]|,(?=\s+(?:and|while|behind|ahead|just|with|after)\b)|$)"
    r"|\s+(?:(?:in|of)\s+(?:(?:new|fresh|venture|equity|early-stage|growth|seed)\s+)?(?:funding|financing"
    r"|seed|pre-seed|series|round|a\s+(?:seed|series|funding|financing|round))|seed|series|round|funding"
    r"|financing|raised)(?![\w-])"
    r"|\s+(?:in\s+(?:\w+\s+)?funding\s+)?(?:to|for)\s+(?-i:[A-Z]))"
)
# The amount a verb of place comes with, then `_AFTER_AMOUNT`: 'came second with $22 million'.
_PLACED_MONEY = (
    rf"(?=\s+(?:an?\s+)?(?:[a-z]+\s+)?(?-i:{MONEY_START})[\d.,]*+[A-Za-z]*+(?:\s+(?:million|billion|mn|bn|crore|lakh))?"
    rf"{_AFTER_AMOUNT})"
)
# A ranking's verb of place (`_PLACED`) or of a category's lead, as DEAL_VERB matches it: the caller
# checks that what is ranked is funding (`NOT_FUNDING_RANKED`, `FUNDING_WORDS`).
PLACED_VERB = re.compile(
    rf"(?:(?:{'|'.join(_PLACED)})(?:\s+in)?\s+{_PLACE}|(?:{'|'.join(_CATEGORY_LEADS)})\s+the\s+{_CATEGORY})",
    re.IGNORECASE,
)
# Words that say a ranking is one of funding: in its sentence, its lead-in ('Second on the list of the
# week's largest rounds is ...') or what its entry is ('drone startup Quenby').
FUNDING_WORDS = re.compile(
    r"\b(?:rounds?|raised?|raising|fundraises?|funding|financings?|venture|backed|seed|series\s+[a-k]"
    r"|startups?|start-ups?|scale-?ups?|unicorns?|investments?|investors?)\b",
    re.IGNORECASE,
)


DEAL_VERB = re.compile(
    r"\b"
    + one_of(
        r"raised|raises|raise|raising|has raised|is raising|secured|secures|securing|closed|closes|closing"
        r"|landed|lands|landing|bagged|bags|bagging|nabbed|nabs|netted|nets|pulled in|pulls in|picked up"
        r"|picks up"
        # 'pulled $600 million' (the money right after: 'pulled out of the deal' is no raise)
        r"|pulled(?=\s+(?:about\s+|nearly\s+|over\s+)?[$€£¥₹])|pulls(?=\s+(?:about\s+|nearly\s+|over\s+)?[$€£¥₹])"
        r"|announced|announces|announcing|launched(?:\s+\w+){0,2}\s+with|launches(?:\s+\w+){0,2}\s+with"
        r"|emerged with|emerges with|emerged from stealth with|emerges from stealth with|emerging with"
        # from stealth, on a day perhaps, with the money right after ('emerged from stealth today with a
        # whopping $50 million')
        + "".join(
            rf"|{verb} from stealth(?:\s+\w+){{0,2}}?\s+with{_MONEY_NEXT_DESCRIBED}"
            for verb in ("emerged", "emerges", "emerging")
        )
        # out of stealth, on a day perhaps, with the money right after: 'came out of stealth on Tuesday with
        # $12 million' ('came out of stealth with Brimwell as its first customer' says nothing of money)
        + "".join(
            rf"|{verb} out of stealth(?:\s+\w+){{0,2}}?\s+with{_MONEY_NEXT}" for verb in _OUT_OF_STEALTH
        )
        + "".join(
            rf"|{verb} stealth(?:\s+\w+){{0,2}}?\s+with{_MONEY_NEXT}"
            for verb in ("exited", "exits", "exiting")
        )
        # a round-up's ranking: 'Helsing was ahead with 450 million euros'
        + r"|was ahead with|is ahead with"
        r"|completed|completes|completing"
        + "".join(f"|{verb}{_NOT_MONEY_RECEIVED}" for verb in ("received", "receives"))
        + r"|gets|got|scored|scores|snagged"
        r"|snags|attracted|attracts|banked|banks|took in|takes in|took on|takes on|took|takes|grabbed|grabs"
        r"|brought in|brings in|unveiled|was awarded|has been awarded|been awarded|awarded"
        rf"|been granted{_GRANTED_MONEY}|was granted{_GRANTED_MONEY}|were granted{_GRANTED_MONEY}"
        # a loan a bank sanctions, as Indian filings say ('has been sanctioned a ₹200 crore credit line')
        rf"|been sanctioned{_GRANTED_MONEY}|was sanctioned{_GRANTED_MONEY}"
        r"|won(?!['’]t)|went public"  # (not 'won't close till '24')
        r"|goes public|clinched|clinches|hauled in|hauls in|scooped up|scoops up|garnered|garners|pulled down"
        r"|pulls down|mopped up|mops up|obtained|obtains|swept up|sweeps up|snapped up|snaps up"
        r"|pocketed|pockets|gathered|gathers|amassed|amasses|raked in|rakes in|drew in|draws in|roped in"
        r"|ropes in|mobilised|mobilized|mobilises|mobilizes|earning"
        r"|locked down|locks down|sealed|seals|wrapped up|wraps up|collected|collects|notched|notches"
        r"|drummed up|drums up|reeled in|reels in|racked up|racks up"
        # a round-up's next entry: 'ElevenLabs followed with a $500 million Series D'
        r"|followed with|follows with"
        # the round stated before, following one of the past: 'It follows a $19M Series D closed in 2021'.
        # ', followed by' goes on to the next entry of a list, no round of the past.
        r"|follows|followed(?<!,\sfollowed)|comes after|came after"
        # 'This funding comes on the heels of a $1.5 million seed', 'The round comes only nine months after
        # a $4.5 million pre-seed'
        r"|comes(?:\s+hot)?\s+on\s+the\s+heels\s+of"
        r"|came(?:\s+hot)?\s+on\s+the\s+heels\s+of"
        r"|comes\s+(?:just\s+|only\s+|barely\s+)?(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?)\s+after"
        r"|came\s+(?:just\s+|only\s+|barely\s+)?(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?)\s+after"
        # a round-up's ranking: 'Northern Arc led the list with $80 million in funding'
        r"|led the (?:list|pack|tally|rankings?|way)(?: there)? with"
        r"|leads the (?:list|pack|tally|rankings?|way)(?: there)? with"
        r"|topped the (?:list|charts?|tally|rankings?) with|tops the (?:list|charts?|tally|rankings?) with"
        # a stage's leader: 'Quenby dominated the Series A category with $20 million', 'led the seed
        # bracket with' (not 'led the round with': the leading investor's cheque)
        + "".join(rf"|{verb} the {_CATEGORY}\s+with" for verb in _CATEGORY_LEADS)
        # 'Quenby came second with $22 million', 'ranked third with', 'finished fifth with': the entry's
        # place, then its money
        + "".join(rf"|{verb}(?:\s+in)?\s+{_PLACE}(?:\s+place)?\s+with{_PLACED_MONEY}" for verb in _PLACED)
        # French, Spanish and Portuguese news ('a levé 385 millions d'euros', 'levanta €16M')
        + r"|lève|lèvent|a levé|ont levé|avait levé|lever"
        r"|boucle|a bouclé|levanta|levantó|recauda|recaudó|reúne|levantou"
        r"|capta|captou|cierra|cerró|suma|sumó|levait"
        # 'Poolside récolte 475 millions d'euros' (not 'récolte les fruits de', reaps the rewards of)
        r"|récolte(?!\s+les\s+fruits)|récoltent|a récolté|ont récolté"
        # Italian, Dutch and Swedish ('ha raccolto 81,5 milioni di dollari'). Not German: it writes every
        # noun with a capital, so a subject's first capital word is no name ('Unternehmen sammelte ...').
        r"|raccoglie|ha raccolto|hanno raccolto|raccolto|haalt|haalde|opgehaald|säkrar|säkrade"
        # 'Tissium SA reported the close of a series D funding round, raising $54 million'
        r"|report(?:ed|s)(?=\s+(?:the|its)\s+(?:close|closing|completion)\s+of\b)"
        r"|expand(?:ed|s)(?=\s+(?:its|the|a|an)\s+(?:\S+\s+){0,3}?(?:round|financing|funding|raise)\b)"
        r"|extend(?:ed|s)(?=\s+(?:its|the|a|an)\s+(?:\S+\s+){0,3}?(?:round|financing|funding|raise)\b)"
        r"|upsize(?:d|s)(?=\s+(?:its|the|a|an)\s+(?:\S+\s+){0,3}?(?:round|financing|funding|raise)\b)"
        r"|pric(?:ed|es|ing)(?=\s+(?:its|an|the|a)\s+(?:\S+\s+){0,4}?(?:ipo|offering|shares|listing|"
        + _SALE_OF_SECURITIES
        + r")(?!\s+for\s+(?-i:[A-Z])))"
        # 'launched a $618 million placement', 'held a $6.6M initial public offering': money right after
        # ('launched a new offering for banks' and 'held its IPO' state no raise)
        + rf"|launch(?:ed|es)(?=\s+(?:its|an|the|a)\s+{_MONEY_FIRST}{_UP_TO_A_SECURITIES_SALE})"
        + rf"|held(?=\s+(?:its|an|the|a)\s+{_MONEY_FIRST}{_UP_TO_A_SALE})"
        # a loan or facility the company signs or enlarges ('entered into a $75 million loan agreement',
        # 'upsized its credit facility to $80 million', 'issued $150 million in convertible notes')
        + "".join(
            rf"|{verb}(?=\s+(?:an?|its)\s+{_MONEY_FIRST}{_UP_TO_DEBT})"
            for verb in ("signed", "signs", "entered into", "enters into")
        )
        # a lender's loan, the borrower before the money: 'lent heat-pump installer Warmstead £40 million'
        + "".join(rf"|{verb}(?=\s+(?:\S+\s+){{1,5}}?(?-i:{MONEY_START}))" for verb in ("lent", "lends"))
        + "".join(
            rf"|{verb}(?={_TO_A_BIGGER_FACILITY})"
            for verb in ("upsized", "upsizes", "increased", "increases", "expanded", "expands", "enlarged")
        )
        + "".join(
            rf"|{verb}(?=\s+(?:an?\s+)?{_MONEY_FIRST}(?:\S+\s+){{0,3}}?(?:convertible|notes|bonds|debentures)\b)"
            for verb in ("issued", "issues", "sold", "sells")
        )
    )
    + r"\b",
    re.IGNORECASE,
)
_PACKAGE_ITEM = re.compile(rf"^(?:an?\s+)?{MONEY_START}")
_PACKAGE_SPLIT = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+|\s+plus\s+)(?=(?:an?\s+)?{MONEY_START})")
_LED_BY_ITEM = re.compile(r"(?:Co-)?[Ll]ed\s")
_CHECK_WRITER = re.compile(rf"^({NAME})['’]s\s+(?:\w+\s+){{0,2}}(?i:check|cheque|bet|investment|deal)\b")
# The name, maybe a phrase in lower case that says where or in what ('Loft Orbital in the space sector
# (€170 million)'), then the deal in brackets.
_PARENTHETICAL_DEAL = re.compile(
    # ('Black Semiconductor from Aachen (254 million)': a place said between the name and its deal)
    rf"({NAME})(?:\s+(?:in|from|of)\s+(?:the\s+)?(?:[a-z][\w&-]*\s+){{0,3}}?(?:[A-Z][\w-]*)?)?\s*\(([^()]*)\)"
)
# An amount as a list item writes it, up to its multiplier: '$100 million', '€5M', 'US$2.5bn'.
_SHORT_AMOUNT = rf"(?:[{CURRENCY_SIGNS}]|US\$|\d)[^\s,;]*(?:\s+(?:million|billion|m|bn))?"
_POSSESSIVE_DEAL = re.compile(
    rf"({NAME})(?:,? Inc\.)?['’]s?\s+(?:(?:record|latest|new|recent|nearly|almost|about|around|over"
    # what a round-up says of the size: "Planet42's mega $100 million Series A"
    r"|mega|massive|huge|hefty|whopping|big|large|sizeable|impressive|record-breaking|blockbuster)\s+)?"
    rf"(?P<deal>{_SHORT_AMOUNT}"
    r"(?:\s+(?:[\w-]+\s+){0,3}?"
    r"(?i:round|fundraise|raise|investment|deal|financing|funding|(?:pre-?)?series [a-k]|seed)\b"
    # "OpenAI's record $40B, and Groq's ...": an item of the list that names no round
    r"|(?=\s*(?:,|;|\band\b))))"
)
_INVESTMENT_INTO = re.compile(
    r"\b(?i:investment|stake|check|cheque)\s+(?:in|into)\s+"
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|Q[1-4]\b|(?:19|20)\d\d\b)[A-Z]"
)
# The words after a list item's dash that open a question or an essay's heading, not a deal's facts.
_QUESTION_OPENING = re.compile(rf"(?:{'|'.join(word.capitalize() for word in QUESTION_WORDS)})\b")
_LIST_ITEM = re.compile(rf"^({NAME})(?:\s*\(([^()]*)\))?\s+[—–-]{{1,2}}\s+(.+)$")
# The same contrast in French, Spanish and Portuguese news: 'Electra lève 304 millions d'euros, tandis
# qu'Hysetco lève 200 millions'.
_HARD_SPLIT = re.compile(
    r";\s+|,?\s+whilst\s+|,?\s+while\s+|,?\s+whereas\s+"
    r"|,?\s+(?:tandis|alors)\s+qu(?:e\s+|['’])|,?\s+mientras\s+que\s+|,?\s+enquanto\s+"
)
_CONTRASTS = ("while", "whilst", "whereas", "tandis", "alors qu", "mientras", "enquanto")
_SUBJECT_CHARS = 300
_SUBJECT_BEFORE_VERB = re.compile(
    # descriptors before the name may hold an acronym ('EV startup River') and open on a place's adjective
    # ('Moroccan prop-tech startup Agenz'), a capital word before lower-case ones
    # (or, ending on what it is, up to four: ', and online gold loan marketplace Rupeek raised'; not ', and
    # the round takes the amount Quorrel has raised')
    rf"(?P<sep>,\s+(?:and\s+)?|\s+and\s+)(?:[A-Z][\w-]*\s+(?=[a-z]))?"
    rf"(?:(?-i:(?:[a-z][\w-]*\s+){{1,3}}(?:{ROLE_NOUNS})\s+)|(?:(?:[a-z][\w-]*|[A-Z]{{2,5}})\s+){{0,3}}?)"
    rf"(?P<subject>{NAME})"
    # with what it is set off after its name: ', and Transaera, a company working on dehumidifiers, raised',
    # ', and Nscale, which is building data centres in Norway, raised'
    r"(?:,\s+(?:a|an|the|which|that)\s+[^,;]{1,100},)?"
    r"\s+(?:(?:also|has|have|just)\s+)?$"
)


@dataclass
class Clause:
    """Text stating one deal, and the facts the sentence gives it outside that text."""

    text: str
    company: str | None = None
    """Named by the structure (a list item, a bracket, 'respectively')."""
    subject: str | None = None
    """Text whose subject is the company (the part before a package's colon)."""
    round: str | None = None
    """A round the lead-in states for every item ('closed seed rounds: ...')."""
    announced: str | None = None
    """A date phrase of the lead-in or package."""
    investors: list[str] = field(default_factory=list)
    """Investors the lead-in names ('Harrow Capital's first check: a $7M seed round for Lumeo')."""
    leads: list[str] = field(default_factory=list)
    """Leads the lead-in names ('Insight Partners: Led Vanta's $150M Series B')."""
    amount: str | None = None
    """The amount, when the structure assigns it ('respectively')."""
    list_item: bool = False
    """A list item: names trailing its figures are investors ('$31M Series B, A and B')."""
    note: str | None = None
    """A bracket after the name in a list item ('Orvella (AI security) — ...'): context."""
    lead_in: str | None = None
    """The words before a colon that introduce the clause ('Two battery startups closed seed rounds')."""

    @property
    def context(self) -> str:
        """Everything the sentence says around the deal, for its segment."""
        return " ".join(filter(None, (self.text, self.note, self.subject, self.lead_in)))


def has_deal(text: str) -> bool:
    """Money and a deal verb: the text could state a deal of its own."""
    return bool(find_money(text)) and bool(DEAL_VERB.search(text))


def _outside_brackets(text: str, char: str) -> int:
    """Index of the first `char` followed by a space and outside round brackets, or -1."""
    depth, counted = 0, 0  # brackets opened and not closed in text[:counted]
    index = text.find(char + " ")
    while index >= 0:
        depth += text.count("(", counted, index) - text.count(")", counted, index)
        counted = index
        if depth == 0:
            return index
        index = text.find(char + " ", index + 1)
    return -1


_EACH_AFTER = re.compile(r"\s*each\b")
# Names listed with 'and', then a word in lower case: 'Kailera Therapeutics and Mirador Therapeutics tied'.
_LISTED_SUBJECTS = re.compile(rf"{NAME}(?:,\s+{NAME})*,?\s+and\s+{NAME}\s+(?=[a-z])")
_VERB_AFTER_LIST = re.compile(r"\s[a-z]")
_EACH_BEFORE = re.compile(r"\s+(?:each|all)$")  # 'A and B each raised', 'A, B and C all raised'


def _amount_each(before: str, rest: str, amounts: list[Money], count: int) -> list[Money] | None:
    """The one amount of 'A and B raised $10M each' / 'A and B each raised $10M', once per company."""
    if len(amounts) != 1 or not (_EACH_AFTER.match(rest, amounts[0].end) or _EACH_BEFORE.search(before)):
        return None
    return amounts * count


# Where the items of a list of described companies part: 'provider CloudExtel, aggregator LetsTransport,
# and space provider Smartworks'.
_ITEM_BREAK = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_RELATIVE_TAIL = re.compile(r"\s+(?:which|that|who)(?:\s+(?:have|had|has))?$")


def _described_items(before: str, count: int | None) -> list[str]:
    """The companies of a list whose items each end with the company's name after words that describe it
    ('network provider CloudExtel, trucking aggregator LetsTransport and space provider Smartworks which'):
    one name per item, all of them names, and exactly `count` items (one per amount; any number of two or
    more when `count` is None: 'A, B and C all raised $10M'); else []."""
    items = _ITEM_BREAK.split(_RELATIVE_TAIL.sub("", before))
    if len(items) != count and not (count is None and len(items) > 1):
        return []
    names = []
    for item in items:
        name = end_name(item)
        company = valid_company(without_descriptors(name)) if name else None
        if company is None:
            return []
        names.append(company)
    return names


_BOTH = re.compile(r"^both\s+", re.IGNORECASE)
# ', a sustainable home brand,' after a listed name: a description set off by commas
_LIST_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+[^,]{1,80}?(?=,)")


# The words in lower case between a list's last name and an amount said of each: 'SaaS platform Scalekit
# and jewellery brand Lucira led with $5.5 million each'.
_WORDS_BEFORE_AMOUNT = re.compile(r"(?<=[\w.’'])\s+((?-i:[a-z]+)(?:\s+(?-i:[a-z]+)){0,3})\s+$")


def _verb_before_each(sentence: str) -> re.Match[str] | None:
    """The words that open the predicate of 'A and B <words> $N each', as a match whose start is theirs;
    None when no single amount is said of each."""
    amounts = [m for m in find_money(sentence) if _EACH_AFTER.match(sentence, m.end)]
    if len(amounts) != 1:
        return None
    words = _WORDS_BEFORE_AMOUNT.search(sentence, 0, amounts[0].start)
    return _VERB_AFTER_LIST.search(sentence, words.start(1) - 1) if words else None


def _respectively(sentence: str) -> list[Clause] | None:
    """'A and B raised $12M and $30M respectively, in a seed and a Series A' -> one clause per company;
    'A and B raised $10M each' (or 'A and B each raised $10M') -> the one amount for each of them."""
    respectively = re.search(r"\brespectively\b", sentence)
    each = "each" in sentence or " all " in sentence
    verb = DEAL_VERB.search(sentence) if respectively or each else None
    if verb is None and "each" in sentence:
        # 'A and B tied for third place with $400 million each': the list's own verb, whatever it is.
        verb = search_from_name(_LISTED_SUBJECTS, sentence)
        verb = _VERB_AFTER_LIST.search(sentence, verb.end() - 1) if verb else _verb_before_each(sentence)
    if verb is None:
        return None
    before, rest = sentence[: verb.start()].rstrip(), sentence[verb.start() :]
    # 'Both Ecosoul, a home brand, and Indkal, a device maker, secured $20 million each': the names
    # without what describes them
    before = _LIST_APPOSITIVE.sub("", _BOTH.sub("", strip_lead_in(before)))
    names: list[str] = names_before(_EACH_BEFORE.sub("", before))
    amounts = find_money(rest)
    if len(names) < 2 and respectively:
        names = _described_items(before, len(amounts))
    elif len(names) < 2 and (_EACH_BEFORE.search(before) or _amount_each(before, rest, amounts, 2)):
        names = _described_items(_EACH_BEFORE.sub("", before), None)
    # 'Egypt and South Africa followed with $101 million and $85 million, respectively': places, no deals
    valid = [valid_company(name) for name in names]
    if len(names) < 2 or None in valid:
        return None
    names = valid  # type: ignore[assignment]
    if not respectively:
        amounts = _amount_each(before, rest, amounts, len(names)) or []
        if not DEAL_VERB.match(sentence, verb.start()) and any(m.text[-1:].isdigit() for m in amounts):
            return None  # without a deal verb, '$10 each' is a price; '$400 million each' is a round
    if len(amounts) != len(names):
        return None
    rounds = find_rounds(rest)
    if len(rounds) != len(names):  # one round for all ('each raised $10M in seed rounds'), or none
        rounds = [None if respectively else find_round(rest)] * len(names)
    return [
        Clause(sentence, company=name, amount=money.text, round=slug)
        for name, money, slug in zip(names, amounts, rounds, strict=True)
    ]


# Words that label a field ('Amount: $1 billion', 'Series: A'), not a company before its colon.
_FIELD_LABEL = re.compile(
    r"(?:amount|round|series|stage|total|valuation|raised|investors?|date|deal|sector|funding|price|size"
    r"|leads?|type|category|industry|location|month|year"
    # a business figure's label ('2. Revenue: $52M')
    r"|revenues?|sales|profits?|loss|arr|gmv|ebitda|income|budget|cost)$",
    re.IGNORECASE,
)


_RANK = re.compile(r"^#?\d{1,3}[.)]?\s+|^#")
_DESCRIBED_AFTER = re.compile(r"\s*\([^()]{1,40}\)$")
# A subject that only describes: a capitalised first word, then lower-case words ('Nuclear fusion energy
# company'). Not one opened by an article ('Update: The company closed ...', 'News: A startup raised ...'
# name no one before their colon).
# A plural ('Details: Fintech companies raised $4.3 billion') is a sector's total, not the named item's.
_DESCRIPTION_ONLY = re.compile(
    r"(?!(?:The|This|That|Its|Their|Our|A|An)\b)[A-Z][a-z-]+(?: [a-z][a-z-]*){0,5} [a-z-]*(?:[^s\W]|ss) "
)


def _named_item(left: str, right: str) -> Clause | None:
    """'Orvane: $25M Series A led by Tern Capital', '#2 Orvane: ...': a list item that names its company
    before the colon and opens with the deal after it, naming its round, without a verb of its own (a verb
    after the colon has its own subject: 'Update: Acme raised $5M')."""
    name = strip_lead_in(_RANK.sub("", left.strip()))
    described = _DESCRIBED_AFTER.sub("", name)
    money_only = _ranked_amount_alone(left, right)
    if money_only and re.fullmatch(NAME, described) and not _FIELD_LABEL.search(described):
        # '6) Voyage Foods: $52M', a ranked list's item: the company, then its amount alone (what follows
        # is the item's story, with verbs of its own)
        company = valid_company(described)
        return Clause(money_only.group(0), company=company, list_item=True) if company else None
    verb = DEAL_VERB.search(right)
    company = valid_company(described) if verb and re.fullmatch(NAME, described) else None
    if company and verb:
        subject = right[: verb.start()]
        # 'Pika (AI): raised an $80 million round': the item's verb has no subject but the name before the
        # colon (a bracket after it says what the company does)
        if not subject:
            return Clause(right, company=company, list_item=True)
        # '5. Aerospike (database): The Mountain View-based company closed a $109 million investment': the
        # item's subject points back to the name before the colon
        # (a numbered or described item only: 'Update: The company closed ...' names no one)
        numbered = _RANK.match(left.strip()) or described != name
        if numbered and company_in_subject(subject) is REFERENCE:
            return Clause(right, company=company, list_item=True)
        # '- Tessary: Solid-state battery maker secured $40M Series B': the verb's subject only describes
        # what the company does, with no name of its own, so the name before the colon is the company
        if _DESCRIPTION_ONLY.fullmatch(subject) and not _FIELD_LABEL.search(described):
            return Clause(right, company=company, list_item=True)
    if not re.fullmatch(NAME, name) or _FIELD_LABEL.search(name) or verb:
        return None
    if not (_PACKAGE_ITEM.match(right) and find_round(right)):
        return (
            None  # the deal opens the item and names its round: 'LEIA MAIS: ...' or 'Bref Eco : ...' do not
        )
    company = valid_company(name)
    return Clause(right, company=company, list_item=True) if company else None


# An amount alone after a ranked item's colon, up to the end, a stop or the next sentence's capital.
_MONEY_ONLY_ITEM = re.compile(
    rf"^(?:(?:about|over|nearly|~)\s*)?(?-i:{MONEY_START})[\d.,]*\s*(?:million|billion|mn|bn|[mbk])?\b\+?"
    r"(?=\s*$|\s*[,.;]|\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)


def _ranked_amount_alone(left: str, right: str) -> re.Match[str] | None:
    """The amount a ranked item states alone after its colon ('6) Voyage Foods: $52M Also in California,
    ... secured'), when the item's own story says it was raised; None for an item with its round after
    the amount ('#2 Orvane: $25M Series A led by ...', read with its round) or a ranking of anything else
    ('1. Fintech: $4.1B. 2. Healthcare: $3.2B', market sizes, medians, acquisitions)."""
    found = _MONEY_ONLY_ITEM.match(right) if _RANK.match(left.strip()) else None
    if found is None or find_round(right[: found.end() + 30]):
        return None
    story = right[found.end() :]
    return found if DEAL_VERB.search(story) or find_round(story) else None


_NAME_WITH_AMOUNT = re.compile(rf"({NAME})\s*\(([^()]{{1,40}})\)\s*")


def lead_in_round(text: str) -> str | None:
    """The round a list's lead-in gives every item ('Fresh seed checks went to'), or None when it names
    none or several ('Seed and Series A rounds this week:' says which item is which nowhere)."""
    rounds = set(find_rounds(text))
    return rounds.pop() if len(rounds) == 1 else None


def _colon(sentence: str) -> list[Clause] | None:
    """Clauses of a sentence with a lead-in or a package before its colon; None when it has neither."""
    index = _outside_brackets(sentence, ":")
    if index < 0:
        return None
    left, right = sentence[:index], sentence[index + 1 :].strip()
    if not find_money(right):
        return None
    if not find_money(left):
        named = _named_item(left, right)
        if named:
            return [named]
        items = split_sentence(right)
        writer = _CHECK_WRITER.match(strip_lead_in(left))
        # 'Insight Partners: Led Vanta's $150M Series B ...': a list of investors, each with its deal
        leader = _LED_BY_ITEM.match(right) and re.fullmatch(NAME, left.strip()) and left.strip()
        for item in items:
            item.lead_in = " ".join(filter(None, (left, item.lead_in)))
            item.round = item.round or lead_in_round(left)
            item.announced = item.announced or find_date_phrase(left)
            item.investors = item.investors or ([writer.group(1)] if writer else [])
            item.leads = item.leads or ([leader] if leader else [])
        return items
    titled = _NAME_WITH_AMOUNT.fullmatch(strip_lead_in(_RANK.sub("", left.strip())))
    if titled and valid_company(titled.group(1)) and find_money(titled.group(2)):
        # '3. Catena Labs (18 million USD): The startup ... has received 18 million USD': the item's title
        # names the company the text after the colon speaks of.
        return [Clause(right, company=valid_company(titled.group(1)), lead_in=left)]
    if has_deal(left) and _PACKAGE_ITEM.match(right):
        parts: list[str] = []
        for part in _PACKAGE_SPLIT.split(right):
            if parts and not find_money(part):
                parts[-1] += " and " + part
            else:
                parts.append(part)
        return [Clause(part, subject=left, announced=find_date_phrase(left)) for part in parts]
    return None


# A bracket that states a deal opens with its amount ('$60M Series B led by ...', 'raised $12M'), names a
# round or uses a deal verb ('which closed $12M'); any other is an aside about other money ('(monthly
# revenue ... $150M)').
_BRACKET_OPENING = re.compile(rf"^\s*(?:(?:raised|raising|with|an?|about|over|~)\s+)?{MONEY_START}", re.I)


def _states_a_deal_in_brackets(bracket: str) -> bool:
    """The text in brackets after a name states that name's deal."""
    return bool(find_money(bracket)) and bool(
        _BRACKET_OPENING.match(bracket) or find_round(bracket) or DEAL_VERB.search(bracket)
    )


def _round_before(name: str) -> str | None:
    """The round type written before an item's name: 'Serie B de Félix (75 M USD)' -> 'series_b'."""
    written = round_before_name(name)
    return find_round(written) if written else None


def _parenthetical_deals(sentence: str) -> list[Clause] | None:
    """'Quorra ($60M Series B led by Pell Partners), Ilex Health ($12M seed from Ashgrove)'."""
    if "(" not in sentence:
        return None
    deals = []
    for found in finditer_from_name(_PARENTHETICAL_DEAL, sentence):
        company = valid_company(found.group(1))
        if company and _states_a_deal_in_brackets(found.group(2)):
            deals.append((found, company))
    inside = sum(len(find_money(found.group(2))) for found, _ in deals)
    if not deals:
        return None
    # 'Recent seed investments include Spense ($1.85M) and Presentations.AI ($3M)': a round the words
    # before the first item name is every item's (unless they name two: 'seed and Series A rounds').
    shared = lead_in_round(sentence[: deals[0][0].start()])
    bracketed = [
        Clause(found.group(2), company=company, round=_round_before(found.group(1)) or shared)
        for found, company in deals
    ]
    if inside < len(find_money(sentence)):
        # Money outside the brackets: an ordinary sentence with a conversion or an aside, unless what is
        # left without the deals in brackets states a deal of its own ('A (40 M€) and B, which raised 25 M€').
        outside = sentence
        for found, _ in reversed(deals):
            outside = outside[: found.start(2) - 1] + outside[found.end(2) + 1 :]
        if has_deal(outside) and len(deals) > 1:
            return [*bracketed, Clause(outside)]
        # Three or more names each with its deal in brackets are a list of deals whatever the sentence
        # says of them all ('The top seven deals—A ($2.3B), B ($787.5M), C ($500M)...—accounted for $4.46
        # billion'): the money outside is their total.
        return bracketed if len(deals) >= _BRACKETED_LIST else None
    return bracketed


_BRACKETED_LIST = 3


_BRACKETED = re.compile(r"\([^()]*\)")


def _possessive_deals(sentence: str) -> list[Clause] | None:
    """'Monzo's £340m fundraise in February and Flagstone's £108m investment in March': each name owns the
    round after it. Two or more such owners, one for each amount of the sentence, or None."""
    if "'" not in sentence and "’" not in sentence:
        return None
    found = list(finditer_from_name(_POSSESSIVE_DEAL, sentence))
    # one owner for each amount outside brackets: '(~$29.3B valuation)' says more of the round before it
    if len(found) < 2 or len(found) != len(find_money(_BRACKETED.sub("", sentence))):
        return None
    clauses = []
    for index, match in enumerate(found):
        company = described_company(match.group(1), sentence[: match.start(1)])
        end = found[index + 1].start() if index + 1 < len(found) else len(sentence)
        text = sentence[match.start("deal") : end]
        # "FMO's $10 million investment into Fido": the owner is the investor, the company comes after.
        into = _INVESTMENT_INTO.search(text)
        if not company and into:
            return None
        # an owner that is no company ('... and Zama's $73 million Series A', Zama a town; "Sequoia's $50
        # million bet and Korvid's ...") keeps its amount and round from the other items: its clause gives
        # no deal, theirs end where it starts
        clauses.append(Clause(text, company=None if into else company, investors=[company] if into else []))
    return clauses if any(clause.company or clause.investors for clause in clauses) else None


# 'Nomad, with $32 million; Tractian, with $16 million': a name, then 'with' (or 'com', 'con', 'avec') and
# its amount, the words between naming the raise ('com captação de').
_WITH_ITEM = re.compile(
    rf"({NAME})(?:\s*\([^()]{{1,20}}\))?,?\s+(?:with|com|con|avec)\s+(?:(?:a|an|um|uma|un|une)\s+)?(?:[\w-]+\s+(?:de|of)\s+)?"
    rf"(?={MONEY_START})"
)


def _with_items(sentence: str) -> list[Clause] | None:
    """Two or more 'Name, with <amount>' items in a sentence: one clause per name, each from its amount to
    the next item. A single one is an ordinary aside ('Acme, with $5M in revenue, ...')."""
    if not any(word in sentence for word in (" with ", " com ", " con ", " avec ")):
        return None
    items = [
        (m.end(), m.start(), valid_company(m.group(1))) for m in finditer_from_name(_WITH_ITEM, sentence)
    ]
    if len(items) == 1 and items[0][2] and _ROUND_AFTER_WITH.match(sentence, items[0][0]):
        # one such item whose amount names a round is a deal ('Astroforge (US), with a $40 million Series A
        # led by ...'); one with any other figure stays an aside
        start, item_start, company = items[0]
        item = Clause(sentence[start:], company=company)
        # what comes before it is a clause of its own ('A raised $15 million, followed by B with $11
        # million in seed funding')
        return [Clause(sentence[:item_start]), item] if find_money(sentence[:item_start]) else [item]
    return _item_clauses(sentence, items)


# A list whose verb is said once, with its first item: 'with UK's CMR Surgical raising $165 million,
# Switzerland's DistalMotion $150 million and France's Moon Surgical $55.4 million'.
_GAPPED_VERBS = ("raising", "securing", "landing", "closing", "bagging", "netting")
_GAPPED_FIRST = re.compile(rf"({NAME})\s+(?:{'|'.join(_GAPPED_VERBS)})\s+(?:an?\s+)?(?={MONEY_START})")
# Each later item, after the words of the item before ('in a Series A'): a name (after its place's
# possessive) and its amount, nothing between.
_GAPPED_NEXT = re.compile(
    rf"[^,;.\d{CURRENCY_SIGNS}]{{0,40}}?(?P<next>,\s+|,?\s+and\s+)(?:[A-Z][\w-]*['’]s\s+)?({NAME})(?<!['’]s)\s+"
    # (not a possessive's deal: "Anthropic's $13bn raise" is read as one)
    rf"(?={MONEY_START})"
)


def _gapped_items(sentence: str) -> list[Clause] | None:
    """A list whose verb is said with its first item only ('with A raising $165 million, B $150 million and
    C $55.4 million'): one clause per company, each with its amount; None unless a later item follows."""
    if not any(verb in sentence for verb in _GAPPED_VERBS):
        return None
    first = search_from_name(_GAPPED_FIRST, sentence)
    if first is None:
        return None
    starts = {money.start: money for money in find_money(sentence)}
    items = [(first.end(), first.start(), valid_company(first.group(1)))]
    money = starts.get(first.end())
    while money is not None:
        after = _GAPPED_NEXT.match(sentence, money.end)
        money = starts.get(after.end()) if after else None
        if after and money:
            items.append((after.end(), after.start("next"), valid_company(after.group(2))))
    return _item_clauses(sentence, items) if len(items) > 1 and all(c for _, _, c in items) else None


# The amount of a 'Name, with <amount>' item, then a round's words: '$40 million Series A', '€5M seed round'.
_ROUND_AFTER_WITH = re.compile(
    rf"{_SHORT_AMOUNT}\s+(?:[\w-]+\s+)?"
    r"(?i:(?:pre-?)?series [a-k]|(?:pre-)?seed|funding round|round|raise)\b"
)


# '$31 million round raised by gut health company Vivante Health': the round's owner after the amount.
_RAISED_BY = re.compile(
    r"\s*(?:(?:[\w-]+\s+){0,2}?(?:round|funding|financing|raise|investment)\s+(?P<verb>raised|secured|closed|landed)"
    # 'the deals include $6 billion raised by X.AI, ..., $1 billion by Wiz': a list's amounts, raised
    # by their owners, the verb said once ('a $5 million investment by Kestrel' names the investor)
    r"|(?P<bare>(?:raised|secured|closed|landed)\s+)?"
    # 'a $1.1 billion raise by IM Motors and a $1 billion raise by YueZhiAnMian': a raise is its raiser's
    r"|(?:[\w-]+\s+){0,2}?(?P<raise>raise|fundraise|fundraising))"
    rf"\s*by\s+(?:[a-z][\w-]*\s+){{0,4}}?(?P<owner>{NAME})"
)


# 'the $600 million round that Isomorphic Labs raised in March': the owner, then its verb, after the round.
_THAT_RAISED = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:round|funding|financing|raise|investment)\s+(?:that\s+|which\s+)?"
    rf"(?P<owner>{NAME})\s+(?:raised|secured|closed|landed|announced|completed)\b"
)


def _raised_by_items(sentence: str) -> list[Clause] | None:
    """Two or more '<amount> round raised by <Name>' items ('the $31 million round raised by Vivante
    Health and $20 million round raised by Equip'), or '<amount> round that <Name> raised' items ('the
    $600 million round that Isomorphic Labs raised in March, the $320 million round that Truveta raised
    in January'): one clause per owner, from its amount to the next."""
    if sentence.count(" by ") < 2 and sentence.count(" raised") < 2:
        return None
    items = []
    unowned_first = None
    raised = False  # whether an item says its verb: without one, an amount 'by' a name is no list's item
    for money in find_money(sentence):
        owner = _RAISED_BY.match(sentence, money.end) or _THAT_RAISED.match(sentence, money.end)
        if owner:
            raised = (
                raised or owner.re is _THAT_RAISED or bool(owner["verb"] or owner["bare"] or owner["raise"])
            )
            items.append((money.start, money.start, valid_company(owner["owner"])))
        elif not items:
            unowned_first = unowned_first or money
    clauses = _item_clauses(sentence, items) if raised else None
    if clauses and unowned_first is not None:
        # 'Acme raised $20 million, more than the $12 million round that Beta raised ...': the sentence's
        # own deal comes before the rounds it is set against
        return [Clause(sentence[: items[0][0]]), *clauses]
    return clauses


# 'a $136 million Series B for plant-based meat startup Redefine Meat': the round's owner after 'for'.
# In a list whose every amount names its owner, the round's noun may be left out and its owner follow 'by':
# 'a $250 million debt round by lending platform Tamara and $200 million for the rival platform Tabby'.
_FOR_OWNER = re.compile(
    r"\s*(?:(?:[\w-]+\s+){0,3}?"
    r"(?i:round|series [a-k]|seed|funding|financing|raise|investment|infusion|injection|deal)\s+)?"
    # 'a $55 million investment in Lumeo' (an investment is in its company; a round 'in May' is not)
    r"(?:(?:for|into|by|(?<=investment\s)in)\s+"
    rf"(?:{DESCRIBED_AS}|(?:the\s+)?(?:[a-z][\w-]*\s+){{0,6}}?)"
    # '... and $120 million secured by insurtech startup Cover Genius': the verb names the owner after it,
    # described by its kind ('secured by a lien on Brimwell's fleet', 'netted by the sale of' name none)
    r"|(?:raised|secured|landed|bagged|netted)\s+by\s+(?:the\s+)?"
    r"(?:(?!(?:an?|on|of|in|from|at|to|for|with|its|their)\s)[a-z][\w-]*\s+){0,4}?)"
    rf"({NAME})(?!['’])"
)
# "Tabby's $200M Series D": the owner right before the amount.
OWNER_BEFORE = re.compile(rf"({NAME})['’]s?\s+$")
# 'OpenAI raising a $41bn round', 'Legora, which raised $80m': the owner and its deal verb right before the
# amount. Read only in a list that also has owners of another form: a list of subjects with their verbs
# alone is split by its verbs (`_split_by_verbs`).
# ('who raised' and a person's role before the name, `PERSON_BEFORE`, say a person raised it: 'Anna Berg,
# who raised $40m for her last startup', 'serial founder Jonas Ek raised $8m')
_VERB_OWNER = re.compile(rf"({NAME})(?:,\s+which)?\s+(?:also\s+|has\s+|had\s+|have\s+)?$")
_VERB_TO_AMOUNT = re.compile(
    r"\s+(?:(?:an?|its|another|additional|about|around|over|nearly|almost|roughly|some|just)\s+)*",
    re.IGNORECASE,
)


def _verb_owner(sentence: str, money: Money) -> re.Match[str] | None:
    """The name whose deal verb comes right before `money` ('OpenAI raising a $41bn round'), or None."""
    window = max(0, money.start - 80)
    verbs = list(DEAL_VERB.finditer(sentence, window, money.start))
    if not verbs or not _VERB_TO_AMOUNT.fullmatch(sentence, verbs[-1].end(), money.start):
        return None
    owner = _VERB_OWNER.search(sentence, max(0, verbs[-1].start() - 60), verbs[-1].start())
    if owner and PERSON_BEFORE.search(sentence, max(0, owner.start() - 30), owner.start()):
        return None
    return owner


def _owned_items(sentence: str) -> list[Clause] | None:
    """Amounts that each name their round's owner, before them ("Tabby's $200M Series D"), after them
    ('a $250M debt raise for Tamara', '$31 million round raised by Vivante', 'an investment in Volsk') or,
    beside those, as the subject of a deal verb right before them ('Quenby raising a $41bn round'), in
    any mix: one clause per amount when every amount of the sentence (two or more) has one."""
    if not any(word in sentence for word in (" for ", " by ", " into ", " in ", "'", "’")):
        return None
    owners = []
    for money in find_money(sentence):
        after = _FOR_OWNER.match(sentence, money.end)
        before = OWNER_BEFORE.search(sentence, max(0, money.start - 60), money.start)
        # the subject of a deal verb owns its amount: what comes after it is the money's purpose ('Tarvo
        # landed $120M for AI-driven discovery')
        verb = _verb_owner(sentence, money)
        if not (verb or after or before):
            return None
        owners.append((money, verb, after, before))
    verbs = sum(1 for _, verb, _, _ in owners if verb)
    # subjects with their verbs alone are split by their verbs; beside them, an amount 'for' a name is
    # as often its purpose ('for workflow automation and London's Quantexa'), and leads given
    # 'respectively' cannot be shared out item by item
    if verbs and (
        verbs == len(owners)
        or "respectively" in sentence
        or any(
            after and after.group(0).lstrip().startswith("for") for _, verb, after, _ in owners if not verb
        )
    ):
        return None
    items = []
    previous_end = 0
    for money, verb, after, before in owners:
        owner = verb or after or before
        start = owner.start() if owner is not after else money.start
        if owner is after and verbs:
            # beside subjects with their verbs, the item of an owner named after its amount opens where
            # the item before it ends, so that its investor stays in it ("Nvidia's $5bn investment in
            # Arlo", 'Investors including Accel put $80m into Lumeo')
            separators = list(_ITEM_BREAK.finditer(sentence, previous_end, money.start))
            start = (separators[-1].end() if separators else money.start) if items else 0
        previous_end = money.end
        items.append((start, start, valid_company(owner.group(1))))
    if len(items) < 2 or any(company is None for _, _, company in items):
        return None
    return _item_clauses(sentence, items)


# 'Recur Club, which raised $50 million ..., GrowXCD, which received $22.5 million': a name, then a relative
# clause with a deal verb.
_WHICH_ITEM = re.compile(rf"({NAME}),\s+(?:which|who)\s+(?:has\s+|had\s+|also\s+)?")


def _which_items(sentence: str) -> list[Clause] | None:
    """Two or more 'Name, which <deal verb> <amount>' items: one clause per name."""
    if sentence.count("which") + sentence.count("who") < 2:
        return None
    items = [
        (m.start(), m.start(), valid_company(m.group(1)))
        for m in finditer_from_name(_WHICH_ITEM, sentence)
        if DEAL_VERB.match(sentence, m.end())
    ]
    return _item_clauses(sentence, items)


def _item_clauses(sentence: str, items: list[tuple[int, int, str | None]]) -> list[Clause] | None:
    """One clause per (deal start, item start, company) item with a company, each reaching to the next
    item; None unless there are two or more."""
    named = [(start, item_start, company) for start, item_start, company in items if company]
    if len(named) < 2:
        return None
    ends = [item_start for _, item_start, _ in named[1:]] + [len(sentence)]
    return [
        Clause(sentence[start:end], company=company)
        for (start, _, company), end in zip(named, ends, strict=True)
    ]


# 'Billion-dollar rounds also went to CoreWeave, Wayve and Wiz', '$100M+ rounds went to A and B'.
_WENT_TO = re.compile(
    r"\b(?:rounds?|deals?|raises?|checks?|cheques?)\s+(?:also\s+)?went\s+to\s+", re.IGNORECASE
)


def _went_to(sentence: str) -> list[Clause] | None:
    """Rounds of one size that went to a list of companies: one clause per company, each with that size
    (the one amount said before 'went to')."""
    found = _WENT_TO.search(sentence) if "went to" in sentence else None
    sizes = [money for money in find_money(sentence) if money.end <= found.end()] if found else []
    if found is None or len(sizes) != 1:
        return None
    names = [valid_company(name) for name in read_names(sentence, found.end())[0]]
    companies = [name for name in names if name]
    if len(companies) < 2 or len(companies) != len(names):
        return None
    return [Clause(sentence, company=company, amount=sizes[0].text) for company in companies]


# A ranking's entry told the other way round, its place first: 'Second on the list is Quenby with $22
# million', 'Nipping at its heels is drone startup Quenby with $22 million', 'At the top of the list is
# Quenby at $23 million in Series A', 'In third place was Quenby, which raised $9 million'. The words
# before 'is' must place it in a ranking ('behind' only as 'behind it', 'close behind': 'The firm behind
# Quenby is ...' names its backer).
_PLACE_FIRST = re.compile(
    rf"\b(?:{_PLACE}|runner-up|(?:behind\s+(?:it|them)|(?:right|close|closely|just)\s+behind)|heels|place"
    r"|spot|list|rounding out|top (?:three|five|ten))\b"
    r"[^.;:!?]{0,40}?\b(?:is|was|we have)\s+(?P<subject>[^,;:()]{2,80}?)\s*"
    rf"(?:,?\s+(?P<joint>with|at)\s+(?:an?\s+)?(?=(?-i:{MONEY_START}))"
    r"|,\s+which\s+(?=(?:has\s+)?(?:raised|secured|landed)\b))",
    re.IGNORECASE,
)
_FUNDING_AFTER_AMOUNT = re.compile(_AFTER_AMOUNT, re.IGNORECASE)
# Rankings of something else, wherever the sentence says so: worth, gifts, fines, sales, spending, income,
# prizes, votes, bailouts, takeovers ('In the charity drive, Ormsby came first with $3 million', 'the
# most valuable', 'the Forbes list').
NOT_FUNDING_RANKED = re.compile(
    r"\b(?:donors?|donations?|donated|charit(?:y|ies|able)|appeals?|lobbying|fines?|fined|penalt(?:y|ies)"
    r"|sales|revenues?|turnover|earnings|income|profits?|loss(?:es)?|box office|spend(?:ing|s)?|spent"
    r"|expenditures?|advertising|market share|of the market|league table|sponsors?(?:hips?)?|votes?|race"
    r"|elections?|senate|fares|gains|prizes?|winnings|payroll|salar(?:y|ies)|pay|deposits|cash on hand"
    r"|bailouts?|tax(?:es)?|acquisitions?|acquired|takeovers?|collapse|hit by|damages|settlements?"
    r"|lawsuits?|valuations?|valued|under management|invested|committed|deployed|lent|manages|managed"
    r"|streamed|streams|pledges|purchases|volume|shipments|shipped|trust|purse|subscriptions?|valuable"
    r"|worth|market[- ](?:cap|value)|earn\w*|profit\w*|richest|billionaires?|forbes|leaderboard)\b",
    re.IGNORECASE,
)


def _placed_first(sentence: str) -> list[Clause] | None:
    """The deal of a ranking's entry whose place comes before its company ('Next up is Quenby with $22
    million in funding'): a clause from the company on, for the company its subject names, after a
    clause for what the sentence says before the ranking ('Orvane raised $35 million; second on the list
    is Pexley with $18 million')."""
    found = (
        _PLACE_FIRST.search(sentence) if any(f" {w} " in sentence for w in ("is", "was", "have")) else None
    )
    if found is None or NOT_FUNDING_RANKED.search(sentence):
        return None  # 'Second on the list of the most valuable is Kelso with $3 trillion': of worth
    amount = next((m for m in find_money(sentence) if m.start >= found.end()), None)
    if amount is None:
        return None
    after = _FUNDING_AFTER_AMOUNT.match(sentence, amount.end)
    if after is None:
        return None  # 'with $3.2 billion in annual turnover', 'with $5,000 in prize money'
    stated = bool(after.group(0).strip(" .;!?),"))  # words of funding after the amount
    if found["joint"] and found["joint"].lower() == "at" and not stated:
        return None  # 'Next up is Oslin at $3 billion': a price or a worth, unless a round follows
    lead_in = sentence[: found.start("subject")]
    evident = (
        stated
        or not found["joint"]
        or FUNDING_WORDS.search(lead_in)
        or FUNDING_WORDS.search(found["subject"])
    )
    company = company_in_subject(found["subject"]) if evident else None
    if not company or company is REFERENCE:
        return None  # ('Second on the Forbes list is Edwin Marlow with $82 billion': nothing says funding)
    entry = Clause(sentence[found.start("subject") :], company=company)
    before = sentence[: found.start()]
    return [Clause(before), entry] if find_money(before) else [entry]


# A ranking's entry: its rank, the company, its amount, then what it does ('2. CoreWeave, $1.1B, artificial
# intelligence: ...', '3. (tied) Scale AI, $1B, artificial intelligence').
_RANKED_ENTRY = re.compile(
    rf"^#?\d{{1,3}}[.)]\s+(?:\((?i:tied|tie)\)\s+)?(?P<name>{NAME}),\s+(?=(?-i:{MONEY_START}))"
    r"(?P<deal>[^,:;]{1,40}?)(?:,|:|$)"
)


# A bracket that lists companies with their amounts: '(Lambda $480M, Celestial $250M, Nexthop $110M)'.
_BRACKET = re.compile(r"\(([^()]{4,400})\)")
_NAME_AMOUNT_ITEM = re.compile(rf"^({NAME})\s+((?-i:{MONEY_START})\S*)$")
# Words of money raised before such a bracket ('capital infusions for healthcare AI (...)'); not of
# revenue or worth ('the top earners (Apple $100B, ...)').
_RAISED_WORDS = re.compile(r"\b(?:rais|round|fund|infusion|invest|deal|backing|financ)", re.IGNORECASE)
_OTHER_FIGURE_WORDS = re.compile(r"\b(?:valu|revenue|sales|worth|market cap|earn|profit)", re.IGNORECASE)


def _bracketed_name_amounts(sentence: str) -> list[Clause] | None:
    """One clause per 'Name $amount' item of a bracketed list in a sentence about money raised ('capital
    infusions for healthcare AI (Hippocratic AI $126M, ...), AI infrastructure (Lambda $480M, Celestial
    $250M)'); items of another form in the bracket ('OpenEvidence multiple rounds totaling >$400M') are
    left out. None unless two items or more are read."""
    if "(" not in sentence or not _RAISED_WORDS.search(sentence) or _OTHER_FIGURE_WORDS.search(sentence):
        return None
    clauses = []
    for bracket in _BRACKET.finditer(sentence):
        for item in bracket.group(1).split(","):
            found = _NAME_AMOUNT_ITEM.match(item.strip())
            if found and find_money(found.group(2)) and (company := valid_company(found.group(1))):
                clauses.append(Clause(found.group(2), company=company, list_item=True))
    return clauses if len(clauses) >= 2 else None


def _ranked_entry(sentence: str) -> list[Clause] | None:
    """The deal of a ranking's entry, its company named before its amount ('1. Anysphere, $2.3B, AI
    coding: Coding platform Cursor and parent Anysphere raised ...': Anysphere's, whatever the story names
    after it); None for any other sentence, and for a figure's label ('1. Revenue, $5M')."""
    found = _RANKED_ENTRY.match(sentence) if sentence[:1].isdigit() or sentence[:1] == "#" else None
    if found is None or _FIELD_LABEL.search(found["name"]) or not find_money(found["deal"]):
        return None
    company = valid_company(found["name"])
    return [Clause(sentence[found.start("deal") :], company=company, list_item=True)] if company else None


def _list_item(sentence: str) -> Clause | None:
    """'Orvella — $300 million Series D at a $4 billion valuation.' -> a clause for Orvella."""
    if "—" not in sentence and "–" not in sentence and "-" not in sentence:
        return None  # no dash, no list item
    found = _LIST_ITEM.match(strip_lead_in(sentence))
    if not found:
        return None
    company, note, rest = valid_company(found.group(1)), found.group(2), found.group(3)
    if _QUESTION_OPENING.match(rest):
        return None  # 'The Deal Structure — What $1.2 Billion Actually Means': a heading, not a deal
    money = find_money(rest)
    verb = DEAL_VERB.search(rest, 0, money[0].start) if money else None
    # (the amount soon after the dash, or after a verb of raising: 'The Leeds-based maker of heat-pump
    # controllers raised £12 million')
    if not company or not ((money and (money[0].start < 40 or verb)) or find_round(rest[:30])):
        return None
    subject = company_in_subject(rest[: verb.start()]) if verb else None
    if (
        verb
        and NAME_PATTERN.search(rest, 0, verb.start())
        and subject is not None
        and subject is not REFERENCE
    ):
        # 'Weekly Briefs – Pixxel Raises $36 Million': the words after the dash have a subject ('Tamberlin —
        # The Leeds-based maker of heat-pump controllers raised £12 million' describes the item's company)
        return None
    return Clause(rest, company=company, list_item=True, note=note)


def _hard_split(sentence: str) -> list[str]:
    """The sentence cut at semicolons and 'while' / 'whereas' and their French, Spanish and Portuguese
    kin ('A raised $5M; B took $3M')."""
    if ";" not in sentence and not any(word in sentence for word in _CONTRASTS):
        return [sentence]  # nothing to cut at: spares a regex pass over every space
    return _HARD_SPLIT.split(sentence)


_RELATIVE_SUBJECT = re.compile(
    rf"(?P<subject>{NAME})(?:,|\s+[–—])\s+(?:which|who)\s+(?:(?:also|has|have|had|just)\s+)?$"
)


def _names_its_raiser(piece: str) -> bool:
    """Whether the subject of `piece`'s first deal verb is a company (or points back to one), not a
    sector or a crowd ('Legal tech startups raised $145m')."""
    verb = DEAL_VERB.search(piece)
    return verb is not None and bool(company_in_subject(piece[: verb.start()], verb.group(0)))


def _split_by_verbs(part: str) -> list[str]:
    """'A raised $5M, B took $6M and C closed $7M' -> one piece per subject with its own verb."""
    pieces: list[str] = []
    start = 0
    for verb in DEAL_VERB.finditer(part):
        # The subject is the name right before the verb (at most eight words): looking within
        # _SUBJECT_CHARS of the verb, not from the last piece on, keeps a run of verbs linear.
        low = max(start, verb.start() - _SUBJECT_CHARS)
        subject = _SUBJECT_BEFORE_VERB.search(part, low, verb.start())
        if subject is not None:
            begins = subject.start("subject")
        else:
            # 'Legal tech startups raised $145m in May, led by Korvid, which raised $80m' (or '– which'):
            # the name a relative pronoun points back to is the subject of the raise after it
            window = part[low : verb.start()]
            subject = search_from_name(_RELATIVE_SUBJECT, window) if " wh" in window else None
            begins = low + subject.start() if subject is not None else 0
            if subject is not None and _names_its_raiser(part[start:begins]):
                # 'Korvid raised $40m, led by Norrow, which raised a $400m fund': after a company's own
                # raise, the name is its investor, and what it raised is its own business
                subject = None
        if subject is None or not valid_company(subject["subject"]):
            continue
        if has_deal(part[start:begins]):
            pieces.append(part[start:begins])
            start = begins
    pieces.append(part[start:])
    return pieces


def split_sentence(sentence: str) -> list[Clause]:
    """The clauses of a sentence that may each state a deal; the whole sentence when it states one."""
    amounts = len(find_money(sentence))
    # The shapes below each need an amount, and splitting needs two (a part's amounts are amounts of the
    # sentence): a sentence without them is one clause, whatever its length.
    shapes = (
        _ranked_entry,
        _bracketed_name_amounts,
        _respectively,
        _colon,
        _parenthetical_deals,
        _possessive_deals,
        _gapped_items,
        _with_items,
        _raised_by_items,
        _owned_items,
        _which_items,
        _went_to,
        _placed_first,
    )
    for shape in shapes if amounts else ():
        clauses = shape(sentence)
        if clauses:
            return clauses
    if amounts > 1 and "respectively" in sentence:
        # Amounts given 'respectively' to companies this reading cannot pair with them one by one: any
        # amount given to any of them may be another's, so none is (a wrong deal costs more than a miss).
        return []
    item = _list_item(sentence)
    if item:
        return [item]
    pieces = _hard_split(sentence) if amounts > 1 else [sentence]
    bracketed = [_parenthetical_deals(piece) for piece in pieces] if len(pieces) > 1 else []
    if any(bracketed):
        # 'the greentech, with A (100 M€), B (40 M€); and fintech, with C (40 M€) and D, which raised 25
        # M€': the pieces with deals in brackets give those; the others are read as sentences.
        return [
            c for piece, found in zip(pieces, bracketed, strict=True) for c in found or split_sentence(piece)
        ]
    if amounts < 2:
        return _one_amount(sentence) if amounts else [Clause(sentence)]
    if not DEAL_VERB.search(sentence):
        return [Clause(sentence)]  # a part's verbs are verbs of the sentence: no verb, no parts
    parts = [piece for part in _hard_split(sentence) if part for piece in _split_by_verbs(part)]
    if len(parts) < 2 or sum(1 for part in parts if has_deal(part)) < 2:
        return [Clause(sentence)]
    shared = _SHARED_ROUNDS.search(parts[-1])
    shared_round = find_round(shared.group(0)) if shared else None
    return [Clause(part, round=shared_round) for part in parts]


def _one_amount(sentence: str) -> list[Clause]:
    """'Quenby raised a Series A; Talvio raised $8 million': a sentence cut at a semicolon (or 'while')
    into pieces whose deal verbs each have a company of their own as subject, one piece holding the one
    amount: each piece a clause, so the amount is not the first subject's. Else the whole sentence: a
    piece that points back ('it raised', 'the round was led by') tells of the same deal."""
    pieces = [piece for piece in _hard_split(sentence) if piece and piece.strip()]
    if len(pieces) < 2 or sum(1 for piece in pieces if find_money(piece)) != 1:
        return [Clause(sentence)]  # (most sentences: no subject is read for nothing)
    raisers = [_raiser(piece) for piece in pieces]
    if (
        not all(raisers)
        # ('Dovetail Bio closed a Series A; Dovetail raised $30 million': one company, one deal)
        or len({first_key_word(raiser) for raiser in raisers}) < len(raisers)
    ):
        return [Clause(sentence)]
    return [Clause(piece) for piece in pieces]


def _raiser(piece: str) -> str | None:
    """The company named as the subject of `piece`'s first deal verb; None for none, or for a subject that
    points back to one."""
    verb = DEAL_VERB.search(piece)
    company = company_in_subject(piece[: verb.start()], verb.group(0)) if verb else None
    return None if company is None or company is REFERENCE else company


# 'A raised $15M, B raised $28M and C gathered $25M in respective funding rounds': a plural round phrase
# that closes a list of raises is each one's round (a part that names its own round keeps it).
_SHARED_ROUNDS = re.compile(
    r"\bin\s+(?:their\s+)?(?:respective|separate|individual)\s+(?:[\w-]+\s+){0,2}?rounds\b", re.IGNORECASE
)
