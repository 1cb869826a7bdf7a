"""Names in running text: what a name looks like, which names can be a company, and lists of names.

A name is a run of capitalised tokens ('Tern Bay Capital', 'Brown & Reyes Capital', 'University of
Eastholm', 'a16z'). Words written before it with a capital are not always part of it: descriptors
('Kraków-based', 'Toronto's') and role words ('Competitor Quint') are dropped.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from assets.normalize.amounts import MULTIPLIERS
from assets.normalize.names import LEGAL_SUFFIX_WORDS, clean_name
from assets.normalize.rounds import find_round
from schemas.gazetteer import default_gazetteer
from schemas.reference.reference_data import ReferenceData, current_reference_data
from schemas.reference.wording import NOT_A_SUBJECT_START
from schemas.text import fold

# Capital letters, accented ones included ('Éclair Systems', 'Øresund Labs', 'Łódź Robotics').
CAPITAL = "A-ZÀ-ÖØ-ÞĀ-Ž"
FLAG = r"[\U0001F1E6-\U0001F1FF]{2}"
"""A country's flag emoji (two regional indicators), as some newsletters set one after each name."""
# 'xAI', 'eToro', 'd-Matrix': a name may start with a lower-case letter or three before its capital.
NAME_TOKEN = rf"(?:[{CAPITAL}0-9][\w.&'’+-]*|(?:[a-z]{{1,3}}|[a-z]-)[{CAPITAL}0-9][\w.&'’+-]*)"
# A token ending in a full stop ends the name unless it is an abbreviation ('Inc.', 'Corp.') or an initial.
_NAME_GAP = r"(?:(?<![a-z]{3}\.)|(?<=Corp\.)|(?<=Bros\.))\s+"
# Lower-case words inside a name: 'Bank of London', 'Banco do Brasil'. (Not Spanish 'y': it joins as many
# lists of investors, 'Seaya Ventures y Kibo', as names, 'Guzman y Gomez'; nor German 'der'.)
_NAME_JOINS = r"de|of|la|del|da|do|dos|das|du|van|von|&"
NAME = rf"{NAME_TOKEN}(?:{_NAME_GAP}(?:(?:{_NAME_JOINS})\s+)?{NAME_TOKEN})*"
_NAME = _NAME_AT_START = NAME_PATTERN = re.compile(NAME)

# Role words written before a name with a capital: 'Competitor Quint', 'Rival Vexa', 'Startup Lumio'.
_LEADING_ROLE = re.compile(
    r"^(?:fellow|peer|rival|competitor|startup|start-up|unicorn|upstart|newcomer|challenger|insurer|lender"
    r"|neobank|fintech|biotech|chipmaker|spinout)s?$",
    re.IGNORECASE,
)
_ARTICLES_AND_PRONOUNS = frozenset(
    {"the", "this", "that", "these", "those", "it", "its", "a", "an", "their", "his", "her", "our", "we"}
    | {"they", "he", "she", "i"}
)
GENERIC_SUBJECTS = _ARTICLES_AND_PRONOUNS | {
    "investors",
    "startups",
    "companies",
    "founders",
    "venture",
    "global",
    "total",
    "funding",
    "deals",
    "all",
    "some",
    "most",
    "many",
    "both",
    "each",
    "every",
    "other",
    "others",
    # holders of shares, who sell them: 'Insiders sold 2 million shares at $25 each'
    "insiders",
    "shareholders",
    "employees",
    # who stands behind an offering: 'Guarantors have provided commitments of SEK 66.8 million'
    "guarantors",
    "underwriters",
    "subscribers",
    "lenders",
    # a group of ventures, not one: 'Projects raised a total of $600 million', 'Protocols raised ...'
    "projects",
    "protocols",
    "firms",
    "businesses",
    "scaleups",
    "unicorns",
    "platforms",
}
_PREPOSITIONS = frozenset(
    {"in", "at", "from", "for", "across", "of", "to", "with", "by", "on", "into", "among"}
)
_HEADLINE_VERB = re.compile(
    r"\s+(?:Raises?|Raised|Raising|Secures?|Secured|Lands?|Bags?|Closes?|Closed|Gets?|Nabs?|Snags?|Pulls"
    r"|Attracts?|Receives?|Announces?|Completes?)\b.*$"
)
_HEADLINE_ROUND = re.compile(r"\s+(?:IPO|Series [A-K]\+?|Seed|Funding|Round)$")
# What else a headline says the company does ('Rapido Joins Unicorn Club With $120 Mn Series E', 'Zepto
# Hits $5 Billion Valuation', 'Orrin Launches AI, Raises $8 Million'): the name ends before it. 'Hits' and
# 'Taps' are nouns too: before one word names end with, they are the name's ('Big Hits Studios').
_HEADLINE_DOING = re.compile(
    r"\s+(?P<verb>Joins|Becomes|Hits|Enters|Crosses|Reaches|Unveils|Launches|Expands|Debuts|Nears|Seeks|Taps)"
    r"\b(?P<rest>.*)$"
)


def _without_headline_tail(name: str) -> str:
    """A headline's subject without the verb and what follows it ('Acme Raises', 'Acme Series B', 'Zepto
    Hits'): a headline capitalises its verb, and a listing is written after the name ('Swiggy IPO')."""
    untailed = _HEADLINE_VERB.sub("", name)
    doing = _HEADLINE_DOING.search(untailed)
    rest = re.findall(r"[\w&'’.-]+", doing["rest"]) if doing else []
    noun = doing is not None and doing["verb"] in ("Hits", "Taps")
    if doing and not (noun and len(rest) == 1 and rest[0].lower() in _ENDS_A_NAME):
        untailed = untailed[: doing.start()]
    return _HEADLINE_ROUND.sub("", untailed.strip()).strip()


# A multiplier written as a word ('$88.7 Million Raised'), or a half or quarter ('H1-2024').
_NOT_A_NAME_WORD = re.compile(
    "(?i:" + "|".join(sorted((re.escape(w) for w in MULTIPLIERS if len(w) > 1), key=len, reverse=True)) + ")"
    r"|[HQ][1-4](?:[-/ ]?\d{2,4})(?:-\d{4})?"  # 'H1-2024', 'Q3/25' ('H2 Green Steel' is a name)
    # A headline that describes the company instead of naming it ('AI Startup By Ex-Meta Researchers
    # Raises $113M'): what a company is, or who founded it, is no word of its name.
    r"|(?i:start-?ups?|researchers|founders|engineers|executives|veterans|alumni)"
    r"|YoY|QoQ|MoM|[FC]Y\d{2,4}"  # 'fell 52 per cent YoY to $75 million', 'in FY25'
)
# Words company names end with: a short name followed by them is the same company ('Acme' of 'Acme
# Robotics', 'Mistral' of 'Mistral AI').
NAME_ENDINGS = frozenset(
    {"ai", "labs", "lab", "bio", "biosciences", "biotech", "therapeutics", "pharma", "pharmaceuticals"}
    | {"health", "healthcare", "medical", "robotics", "technologies", "technology", "tech", "systems"}
    | {"software", "security", "energy", "power", "motors", "mobility", "space", "games", "studios"}
    | {"networks", "cloud", "data", "analytics", "finance", "financial", "pay", "payments", "bank"}
    | {"insurance", "foods", "group", "holdings", "inc", "corp", "corporation", "ltd", "limited", "co"}
    | {"industries", "materials", "semiconductor", "semiconductors", "quantum", "computing", "dynamics"}
    | {"aerospace", "automation", "intelligence", "solutions", "digital", "media", "works", "global"}
    | {"photonics", "biopharma", "diagnostics", "genomics", "electronics", "sciences", "therapies"}
)
_STARTUP_WORD = re.compile(r"(?i:start-?up)")
# What a headline calls the company before naming it, after what it does: 'BaaS Platform Synctera'. Not
# first ('Platform Systems' is a name), nor before a legal form ('Acme Platform Inc'): 'Humanoid Robot
# Company Tessaly' is Tessaly, 'Orvane Maker Labs' a whole name.
_DESCRIBED_AS_WORD = re.compile(r"Platform|Firm|Provider|Developer|Unicorn|Marketplace|Maker|Company")
# ... 'Maker' and 'Company' after a description of two words at least ('Sweet Maker Bakery' is a name)
_AFTER_TWO_WORDS = frozenset({"Maker", "Company"})
# ... unless all that follows is one word names end with: 'Open Platform Labs', 'Cloud Firm Partners' and
# 'Game Developer Studios' are whole names ('Insurtech Platform Kestrel Health' is Kestrel Health).
_ENDS_A_NAME = NAME_ENDINGS | LEGAL_SUFFIX_WORDS | {"partners", "exchange", "capital", "ventures", "company"}
_PERIOD_WORD = re.compile(r"[HQ][1-4]")
_PLACE_OWNER = re.compile(r"^([A-Z][\w .-]{1,30}?)['’]s\s+(?=[A-Z0-9])")
_THE_NAME = re.compile(r"The(?: [A-Z][\w&'’.-]*){2,4}")
# 'The Bot Company', 'The Exploration Company': a name whose form ('Company') cleaning takes off. What a
# company is, or where it stands in a deal, is no name: 'The Robotics Company Raises $5M' (a headline's
# description), 'The Parent Company', 'The Listed Company' (a release's defined terms).
_GENERIC_BEFORE_COMPANY = (
    r"(?:parent|holding|operating|portfolio|other|same|new|merged|combined|listed|unlisted|issuing|startup"
    r"|start-up|acquiring|acquired|target|subsidiary|public|private|first|second|third|last|next|main|local"
    r"|global|national|international|family|investment|management|technology|tech|software|hardware|robotics"
    r"|energy|trading|insurance|media|data|chip|semiconductor|biotech|fintech|healthtech|medtech|pharma"
    r"|pharmaceutical|drone|defense|defence|mining|oil|gas|solar|battery|payments?|lending|crypto|gaming"
    r"|logistics|mobility|security|cloud|services?|consulting|manufacturing|construction|food"
    r"|retail|fashion|beauty|travel|airline|shipping|property|telecom|automotive)"
)
THE_COMPANY = re.compile(
    rf"The(?:\s+(?!(?i:{_GENERIC_BEFORE_COMPANY})\b)[A-Z][a-z][\w&'’-]*){{1,2}}\s+Company"
)
"""'The Exploration Company' (fullmatch): a name, not 'the company' named before."""
_PERSON_TITLE = re.compile(r"CEO|CTO|CFO|COO|(?i:co-?founder|founder|chairman|chairwoman)")
_MONTH_NAMES = frozenset(month.lower() for month in calendar.month_name if month)
# a month as dates write it, a full stop taken off: 'Jan. 5', 'Sept 30'
_MONTH_WORDS = _MONTH_NAMES | {month.lower() for month in calendar.month_abbr if month} | {"sept"}
_OFFICE_OF = re.compile(
    r"^(?:CEO|CTO|CFO|COO|(?i:co-?founder|founder|president|chair(?:man|woman)?|head|director|partner))\s+of\s+"
)
_WEEKDAY_NAMES = frozenset(day.lower() for day in calendar.day_name)
QUESTION_WORDS = ("what", "why", "how", "where", "when", "who", "whose")
"""Words that open a question or an essay's heading: never a name."""
# Capitalised words that are never the company itself.
_NOT_NAMES = frozenset(
    {"us", "uk", "eu", "ai", "ipo", "arr", "gmv", "ceo", "cto", "cfo", "vc", "q1", "q2", "q3", "q4"}
    | _WEEKDAY_NAMES
    | set(QUESTION_WORDS)  # a heading's question ('Where $20M goes next')
    # a headline's verb where its name could not be read ('Brand P•TAL Raises $3 Million')
    | {"raises", "secures", "lands", "bags", "closes", "nabs", "snags", "gets", "announces", "hits"}
    | {"h1", "h2"}
    | {"ads", "adss", "adr", "adrs", "shares", "stock", "stocks"}  # a share's unit: 'at $2.40 per ADS'
    # a corporate form or a class of investors on its own ('Ltd. has so far netted ...', 'raised by VCs')
    | {"ltd", "inc", "corp", "llc", "plc", "co", "vcs", "angels", "investors", "s.l", "s.a", "spa", "gmbh"}
    | {"limited", "corporation"}  # ('Prosper fintech Limited': the form of a name that holds a lower word)
    # a gerund opening a sentence ('Raising €60 million at a time when ...')
    | {"raising", "securing", "closing", "landing"}
    # a headline's milestone before its raise ('Mirelle Crosses 10,000 Customers, Raises $22M')
    | {"customers", "users", "subscribers", "members", "downloads", "merchants", "employees", "clients"}
    # money as the subject: 'Money raised is also down from $42 billion raised in 2021'
    | {"money", "capital", "cash", "funds"}
    | {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october"}
    | {"november", "december"}
    # a question word alone ("What's striking is that they raised $140 million"; 'Which Way Foods' is a name)
    | {"what", "which", "who", "whom", "whose", "how", "why"}
    # an offering's defined term alone ('Placing and Subscription to raise ...'; 'Snackwell Subscription')
    | {"subscription", "subscriptions"}
)
_DESCRIPTOR_TOKEN = re.compile(
    # 'a Coatue-led $70 million Series B': who led the round describes it
    r"^[\w.'’-]+(?:-(?:based|born|headquartered|founded|style|backed|listed|owned|registered|led"
    # what the company makes: 'ChatGPT-maker OpenAI', 'Fortnite-creator Epic Games'
    r"|maker|creator|developer|owner|operator|parent)|['’]s)$"
)
# Words before a name in an investor list that are not part of it: 'existing investor Tern Ventures',
# 'angel investor Mei Lin', 'the Regional Innovation Fund'.
_LIST_ROLE = re.compile(
    r"(?:(?:the|existing|returning|new|previous|other|fellow|individual|strategic|angel|lead)\s+)*"
    r"(?:(?:investors?|backers?|angels?|shareholders?)\s+)?(?:(?:including|such as|like)\s+)?"
    # what kind of investor comes next: 'private equity firm General Catalyst', 'VC firm Harrow'
    r"(?:(?:private[- ]equity|venture[- ]capital|growth[- ]equity|investment|VC|PE|asset|management|tech"
    r"|technology|crypto)\s+(?:firm|fund|company|giant|major|house|manager)\s+)?"
    # 'le fonds Eurazeo', 'el fondo Kibo Ventures', 'o fundo Kaszek'
    r"(?:(?:(?:le|les|el|los|o|os)\s+)?(?:fonds|fondos?|fundos?)\s+(?:d['’]investissement\s+|de\s+(?:inversión|investimento)\s+)?)?",
    re.IGNORECASE,
)
# The kind of investor the first of a list is, before its name: 'the Norwegian industrial investment company
# Aker', 'Swiss investors BigPoint Holding', 'venture firm Accel' (a nationality, up to three words in lower
# case, then the kind). Not a 'giant' or a 'company': a corporation's money is typed by the round's words.
_NATIONALITY = r"(?:[A-Z][a-z]+(?:ian|ese|ish|ch|ss|an|ic|i)|US|UK|U\.S\.)"
# (a firm that serves the company is no investor: 'law firm Cooley', 'consulting firm Bain & Company')
_SERVICE_FIRM = (
    r"(?:law|legal|advisory|consult\w*|analytics|research|data|accounting|audit\w*|recruit\w*|search"
    r"|relations|design|staffing|bank)\b"
)
# An article only before more description ('the Brazilian fund Kaszek'): 'a firm Patel declined to name',
# 'the firm Santos co-founded' go on with a clause, not a name; nor is a possessive one ("venture firm
# Lightspeed's India fund").
_DESCRIBING = rf"(?:(?!and\b|or\b|the\b|an?\b|{_SERVICE_FIRM})[a-z][\w-]*\s+)"
_KIND_OF_INVESTOR = (
    rf"(?:the\s+(?=(?:{_NATIONALITY}|[a-z][\w-]*)\s+[a-z]))?"
    rf"(?:{_NATIONALITY}\s+{_DESCRIBING}{{0,3}}?|{_DESCRIBING}{{1,3}}?|(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s))"
    r"(?:firm|fund|investors?|backers?|capitalist|investment\s+(?:company|group))\s+"
    r"(?=[A-Z])(?![A-Z][\w&.-]*['’]s\b)"
)
# What else the first investor of a list is, said before its name in lower case: its country's code ('the
# US private equity firm Benchmark', 'US asset manager Invesco') and a word or two of what it is ('crypto
# exchange Binance', 'strategic partner and licensee Nuovo Plus', 'carmakers Mercedes-Benz and
# Stellantis'; not a 'general partner', who is a person). Only before the first name: after a comma or
# 'and' the same words start another clause ('..., alongside exchange Koinvale', '... and lender Koval').
# ('chip giant Nvidia invests $10 million in ...' stays unread: a corporation's money is typed by what the
# text calls the round, not by who put it in)
_FIRST_ROLE = re.compile(
    r"(?-i:(?:the\s+)?(?:(?:US|U\.S\.|UK|EU)\s+(?=[a-z]))?"
    r"(?:(?!and\b)[a-z][\w-]*\s+){0,2}?(?:exchange|licensee|partner\s+and\s+(?:licensee|customer)|carmakers?"
    r"|automakers?|manufacturer|conglomerate|lender|operator|retailer|insurer)\s+"
    rf"|{_KIND_OF_INVESTOR}"
    r"|(?:the\s+)?(?:US|U\.S\.|UK|EU)\s+(?=[a-z]))"
)
# ('Partech et Elaia', 'Seaya y Kibo', 'Kaszek e Valor': the French, Spanish and Portuguese 'and')
# ('Durand et Fils', 'Ruiz y Asociados', 'Harrow Capital et Cie' are one firm: `_FIRM_JOINED`)
_FIRM_WORDS = r"(?:Cie|Compagnie|Fils|Associés|Asociados|Hermanos|Hijos|Filhos|Associados|Irmãos)\b"
_ROMANCE_AND = rf"(?:et|y|e)\s+(?!{_FIRM_WORDS})(?:par\s+|por\s+|pel[ao]s?\s+|d[aeo]s?\s+|du\s+)?"
_FIRM_JOINED = re.compile(rf"\s+(?:et|y|e)\s+(?={_FIRM_WORDS})")
_LIST_JOINER = re.compile(
    rf"\s*(?:,\s*(?:and\s+|as well as\s+|plus\s+|{_ROMANCE_AND})?|\s+and\s+|\s+{_ROMANCE_AND}"
    r"|\s+as well as\s+|\s+plus\s+)"
)
_ALIAS_PARENTHETICAL = re.compile(r"\s*\(([^()]{1,40})\)")
_APPOSITIVE_ARTICLE = re.compile(r"(?:the|a|an)\s")
_LIST_START = re.compile(r"[;:,.]\s+|\s+")
_LEADING_SPACE = re.compile(r"\s*")
_LEADING_CONJUNCTION = re.compile(r"(?:and|but|while|whilst|with)\s+")


def search_from_name(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """`pattern.search(text, pos)` for a pattern that starts with a `NAME`, in time linear in the text.

    A plain search tries every position, and inside a run of capitalised words each try reads to the end
    of the run before it fails: quadratic in the run's length ('Alpha Beta Gamma ...' for a page). A
    name that starts inside a run can also start at the run's first word and end wherever the later start
    ends, so the leftmost match, if there is one, starts where a run does: trying those alone finds the
    match the plain search finds.
    """
    run = _NAME_AT_START.search(text, pos)
    while run:
        found = pattern.match(text, run.start())
        if found:
            return found
        run = _NAME_AT_START.search(text, run.end())
    return None


def finditer_from_name(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that starts with a `NAME` (see `search_from_name`)."""
    found = search_from_name(pattern, text)
    while found:
        yield found
        found = search_from_name(pattern, text, max(found.end(), found.start() + 1))


def _without_place_owner(name: str) -> str:
    """The name without a place that owns it ("Sweden's Northvolt" -> 'Northvolt'); another possessive
    stays ("Zerodha's Rainmatter")."""
    owner = _PLACE_OWNER.match(name) if "s " in name else None
    if owner and default_gazetteer().not_a_company(owner.group(1)) == "place":
        return name[owner.end() :]
    return name


def _without_demonym(name: str) -> str:
    """The name without a place's adjective before it, as a round-up lists companies ('Ghanaian Zeepay
    ($10m)' -> 'Zeepay'). A name the adjective is part of stays when the gazetteer lists it
    ('American Express')."""
    first, _, rest = name.partition(" ")
    if not rest or not rest[:1].isupper() or not first[:1].isupper():
        return name
    gazetteer = default_gazetteer()
    if (
        fold(first) in gazetteer.demonyms
        and not gazetteer.named_for_a_place(name)
        and not gazetteer.not_a_company(name)  # 'Saudi Arabia', 'Nigerian FinTech Firms' stay to be refused
    ):
        return rest
    return name


# An amount written with its currency's code: 'INR 465', 'USD 20', 'EUR 1.5'.
_CODE_AND_NUMBER = re.compile(r"[A-Z]{3}\s?[\d.,]+")
# A time said before a weekday or a month: 'Late Tuesday', 'Early March'.
_TIME_OF_DAY = re.compile(
    rf"(?i:late|early|mid|last|next|this)[\s-]+(?i:{'|'.join(sorted(_WEEKDAY_NAMES | _MONTH_NAMES))})"
)
# An amount written short, run into a name's place: 'of the $305m (£243m) his firm had raised'.
_SHORT_AMOUNT = re.compile(r"[\d.,]+\s?(?:k|m|mn|mln|b|bn|cr|crore|lakh)")  # lower case: '24M' is a name


# An owner of two or more capitalised words before a name ("Elon Musk's xAI", "JSW Group's Acme"); one
# word may be part of the name ("Zerodha's Rainmatter", "Moody's Analytics").
_OWNED_BY_SOMEONE = re.compile(r"^(?:[A-Z][\w.&-]*\s+)+[A-Z][\w.&-]*['’]s\s+(?P<name>[^\s'’].*)$")
# A round named before its owner: 'Serie E de Ualá', 'Series B of Acme'.
_ROUND_OF_NAME = re.compile(r"^(?P<round>(?:Series|Serie|Série)\s+[A-H]\d?\+?)\s+(?:of|de|da|do|du|di)\s+")


def round_before_name(name: str) -> str | None:
    """The round a name is preceded by, as written ('Serie E' of 'Serie E de Ualá'), or None."""
    found = _ROUND_OF_NAME.match(name)
    return found["round"] if found else None


# Last words of what money is for, capitalised in a heading ('Obesity Treatment', 'Clinical Programs'),
# which no company name ends with ('Axon Therapies' and 'Leo Cancer Care' do end with others).
_PURPOSE_ENDINGS = frozenset(
    {"treatment", "treatments", "disease", "diseases", "programs", "programmes", "trials", "expansion"}
)
# What a company sells when it raises money, as a release defines it ('the "Subscription Shares"',
# 'the "Units"', 'the "Convertible Debentures"'): a name ending in one is the securities, not the issuer.
_SECURITIES = frozenset(
    {"shares", "units", "debentures", "warrants", "placement", "placements", "tranche", "tranches"}
    # a UK release's defined 'Proposed Placing', 'the Retail Offer'
    | {"placing", "placings", "offering", "offerings"}
)
# The words a release defines for its issuer: alone, they name no company ('Company raises $45 million').
_DEFINED_TERMS = frozenset({"Company", "Corporation", "Issuer"})
# Prepositions that set a company's deal apart from a total, before its name: "Without TruKKer's round".
_SETS_APART = frozenset({"without", "besides", "excluding", "including", "unlike", "despite"})
# Words that open a clause before its subject: 'While Pellmore raised $3 million, ...' ('Once' and 'As'
# start names too: 'Once Upon a Farm').
_SUBORDINATORS = frozenset(
    {"while", "whilst", "although", "though", "whereas", "after", "when", "because", "since"}
)


# What a feature's headline does to the company it names first: 'Decoding Quenby', 'Explaining Quenby'.
_ANALYSIS_WORDS = frozenset(
    {"decoding", "explaining", "explained", "understanding", "unpacking", "analysing", "analyzing"}
)
_INVESTING_VERB = re.compile(r"(?:Co-)?(?:Led|Leads|Backed|Backs|Funded|Funds|Invests|Invested|Joined|Joins)")


def valid_company(name: str | None) -> str | None:
    """The name cleaned, or None when it cannot be a company ('The', 'Investors', 'UK', 'Series A')."""
    if not name:
        return None
    # A page asks for the same few names again and again (about five times each on the real-world dev
    # texts): each is worked out once per reference data, whose lists (places, investors) the answer
    # depends on.
    known = current_reference_data().derived(_valid_companies)
    if name not in known:
        if len(known) >= _KNOWN_NAMES:
            known.clear()  # bounded: a page of thousands of deals names thousands of companies
        known[name] = _valid_company(name)
    return known[name]


_KNOWN_NAMES = 1 << 16


def issuer_company(name: str | None, investor_like: bool = True) -> str | None:
    """The company a release defines as 'the Company': `valid_company`, or a name that only the investors'
    list or the look of a code refuses. A release's definition names the issuer, however its name reads
    ('Northfield Capital Corporation (the "Company")', an investment company raising money; 'KRM22 PLC
    ("KRM22", the "Company" or the "Group")'). `investor_like=False` leaves out the names only the
    investors' list refuses: a firm that says 'the Company' invests as often as it raises."""
    company = valid_company(name)
    if company or not name:
        return company
    cleaned = clean_name(name.strip())
    if _CODE_AND_NUMBER.fullmatch(cleaned):  # 'KRM22', which reads like an amount in a currency code
        return cleaned
    return cleaned if investor_like and default_gazetteer().not_a_company(cleaned) == "investor" else None


def _valid_companies(_: ReferenceData) -> dict[str, str | None]:
    return {}


def _valid_company(name: str) -> str | None:
    cleaned = _TICKER_AFTER.sub("", clean_name(re.sub(r"['’]s?$", "", name.strip())))
    if "." in cleaned:
        cleaned = _TICKER_INSIDE.sub("", cleaned)
    # A headline capitalises its verb and what follows ('African Startups Raise Over'), and a listing is
    # written after the name ('Swiggy IPO'): the name ends before them.
    cleaned = _without_headline_tail(cleaned)
    cleaned = _OFFICE_OF.sub("", cleaned)  # 'CEO of Bluejay Therapeutics': the company the office is of
    cleaned = _without_place_owner(cleaned)  # "Sweden's Northvolt": where the company is from
    cleaned = _without_demonym(cleaned)  # 'Ghanaian Zeepay': where the company is from
    owned = _OWNED_BY_SOMEONE.match(cleaned) if ("'s " in cleaned or "’s " in cleaned) else None
    if owned and valid_company(owned["name"]):
        return valid_company(owned["name"])  # "Elon Musk's Neuralink": the company, not its owner
    words = cleaned.split()
    if (
        len(words) > 1
        and words[0].lower() in _ANALYSIS_WORDS
        and not (len(words) == 2 and words[1].lower() in NAME_ENDINGS)
    ):
        # a headline's "Decoding Quenby's $300 Million Round" ('Decoding Health' is a name)
        return valid_company(" ".join(words[1:]))
    if words and _INVESTING_VERB.fullmatch(words[0]):
        # an investor's list item, 'Insight Partners: Led Vanta's $150M Series B': the verb opens the line
        return valid_company(" ".join(words[1:])) if len(words) > 1 else None
    described = [
        i
        for i, word in enumerate(words[:-1])
        if _STARTUP_WORD.fullmatch(word)
        or (
            i
            and _DESCRIBED_AS_WORD.fullmatch(word)
            and (i >= 2 or word not in _AFTER_TWO_WORDS)
            and words[0] not in ("A", "An", "The")  # 'A European AI Company Just Raised ...' names no one
            and not (i == len(words) - 2 and words[-1].lower().strip(".,") in _ENDS_A_NAME)
        )
    ]
    if described:  # a headline's 'Grid Sensor Startup Quillfort': the name follows what it is
        words = words[described[-1] + 1 :]
        cleaned = " ".join(words)
    if len(words) > 1 and words[-1].lower() in ("maker", "makers"):
        return None  # a headline's 'Chinese GPU Maker Raises $250 Million': what the company is
    if words and (words[-1].lower() in _SECURITIES or (len(words) == 1 and cleaned in _DEFINED_TERMS)):
        return None  # a release's defined 'Subscription Shares', 'Units', 'the Company': no company's name
    if len(words) > 1 and words[-1].lower() in _PURPOSE_ENDINGS:
        return None  # a heading's '$600M: Series B for Obesity Treatment': what the money is for
    if len(words) > 1 and _DESCRIPTOR_TOKEN.match(words[0]) and not re.search(r"['’]s$", words[0]):
        return valid_company(" ".join(words[1:]))  # 'Microsoft-backed OpenAI'
    if len(words) > 1 and words[-1].lower() in _MONTH_NAMES and re.search(r"['’]s$", words[-2]):
        # "Lambda's February Series D": the owner, then when
        return valid_company(" ".join(words[:-1]))
    if (
        (_THE_NAME.fullmatch(cleaned) or THE_COMPANY.fullmatch(name.strip()))
        and not _DESCRIPTOR_TOKEN.match(words[-1])
        and words[-1] not in ("Fund", "Funds")
    ):
        # 'The Fashion Kingdom', 'The Bot Company': 'The' and two or more capitalised words is a name
        return None if default_gazetteer().not_a_company(cleaned) else cleaned
    if not words or len(words) > 8 or words[0].lower() in GENERIC_SUBJECTS:
        return None
    if (_PERIOD_WORD.fullmatch(words[0]) or words[0].lower() in _MONTH_NAMES) and (
        len(words) == 1 or words[1].isdigit()
    ):
        return None  # 'H2', 'Q3 2025', 'September 2024': a period of a year
    month_word = words[0].lower().rstrip(".") in _MONTH_WORDS
    if month_word and words[0].endswith(".") and (len(words) == 1 or words[1].isdigit()):
        # 'Mar.', 'Jan. 5': a date ('Jun' alone, or 'Mar 3 Labs', may be a name); 'Oct. 3 Quenby': a day,
        # then the name (a word names end with, alone after it, is none: 'Feb. 14 Labs')
        rest = words[2:]
        named = len(rest) > 1 or (rest and rest[0].lower() not in NAME_ENDINGS)
        return valid_company(" ".join(rest)) if named else None
    if len(words) == 2 and month_word and words[1].isdigit():
        return None  # 'Sept 30'
    if _TIME_OF_DAY.fullmatch(cleaned):
        return None  # 'Late Tuesday, the chipmaker said ...'
    if re.fullmatch(r"(?:19|20)\d\d", words[0]) and len(words) > 1:
        return None  # '2023 HomeTechFigure': a page's date run into its headline
    if any(_PERSON_TITLE.fullmatch(word) for word in words) or _DESCRIPTOR_TOKEN.match(words[-1]):
        return None  # 'GitHub CEO Nat Friedman' is a person; 'Chennai-based', 'Star-backed' describe one
    if any(_NOT_A_NAME_WORD.fullmatch(word) for word in words):
        return None  # 'Million' (a headline's '$88.7 Million Raised'), 'H1-2024'
    if len(words) > 1 and default_gazetteer().not_a_company(words[0]) == "place" and words[1] == "The":
        return None  # 'UAE The UAE': a headline run into the text
    round_of = _ROUND_OF_NAME.match(cleaned) if len(words) > 3 else None
    if round_of:
        return valid_company(cleaned[round_of.end() :])  # 'Serie B de Félix (75 M USD)'
    if (words[0].lower() in _SETS_APART or words[0].lower() in _SUBORDINATORS) and (
        len(words) > 2 or (len(words) == 2 and words[1].lower() not in NAME_ENDINGS)
    ):
        # ('When Labs' and 'Since Labs' are names: what follows the word is no name of its own)
        return valid_company(" ".join(words[1:]))  # "Without TruKKer's $100 million round"
    if (
        words[0].lower() in NOT_A_SUBJECT_START
        or words[-1].lower() in ("fund", "funds")
        or _NUMBERED_FUND.search(cleaned)
    ):
        # 'However', 'In April 2024'; a fund is raised for investors, not a company's round ('Seedstars
        # Africa Ventures I')
        return None
    why_not = default_gazetteer().not_a_company(cleaned)
    legal_form = name.split()[-1].strip(".,").lower() in LEGAL_SUFFIX_WORDS
    if why_not and not (why_not == "sector" and legal_form):
        # ('Cybersecurity Inc' is a company: a sector's name has no legal form)
        return None  # 'Nigeria', 'African Startups', 'TechCrunch', 'Deputy Prime Minister'

    if cleaned.lower() in _NOT_NAMES or not re.match(
        rf"^(?:[{CAPITAL}0-9]|(?:[a-z]{{1,3}}|[a-z]-)[{CAPITAL}0-9])", cleaned
    ):
        return None
    if (
        re.fullmatch(r"[\d\s.,%-]+", cleaned)
        or _CODE_AND_NUMBER.fullmatch(cleaned)
        or _SHORT_AMOUNT.fullmatch(cleaned)
    ):
        return None  # a year or a number ('in 2025 was $1.1M'), an amount in a currency code ('INR 465')
    if find_round(cleaned) and re.match(r"^(?:series|seed|pre|ipo)", cleaned, re.IGNORECASE):
        return None
    return cleaned


def without_descriptors(name: str) -> str | None:
    """'Kraków-based Wisła Labs' -> 'Wisła Labs'; 'Competitor Quint' -> 'Quint'."""
    kept = name.split()
    based = [i for i, token in enumerate(kept[:-1]) if _DESCRIPTOR_TOKEN.match(token)]
    if based:  # 'Mexico City-based Cuentalia': everything up to the descriptor describes the company
        kept = kept[based[-1] + 1 :]
    while len(kept) > 1 and (_DESCRIPTOR_TOKEN.match(kept[0]) or _LEADING_ROLE.match(kept[0])):
        kept = kept[1:]
    if re.fullmatch(_NAME_JOINS, kept[0].lower()):
        return None
    return " ".join(kept)


def end_name(text: str) -> str | None:
    """The run of name tokens that ends `text`, without descriptors before it. A name after a preposition
    is not the subject ('Startups in Europe raised ...')."""
    tokens = text.split()
    joined = " ".join(tokens)
    # The name that ends the text lies in the last run of name tokens, if that run reaches the end: its
    # first token that starts a name reaching the end is the answer. Trying only those keeps a subject of
    # hundreds of capitalised words linear (every token was tried, each to the end of the text).
    last_run = None
    for last_run in _NAME_AT_START.finditer(joined):  # noqa: B007 - the last one is wanted
        pass
    if last_run is None or last_run.end() != len(joined):
        return None
    offset = 0
    for start, token in enumerate(tokens):
        if offset + len(token) > last_run.start() and _NAME.fullmatch(joined, offset):
            if start and tokens[start - 1].lower() in _PREPOSITIONS:
                return None
            return without_descriptors(joined[offset:])
        offset += len(token) + 1
    return None


_NUMBERED_FUND = re.compile(
    r"\b(?:Ventures|Capital|Partners|Fund|Opportunities)\s+(?:I{1,3}|IV|V|VI{1,3}|IX|X)$"
)
# A Reuters ticker after the name: 'LB Pharmaceuticals LBRX.O'.
# A wire's instrument code, its exchange after the dot: after a name ('OpenAI MSFT.O') or inside one
# ('Microsoft-backed MSFT.O OpenAI').
_EXCHANGE = r"\.(?:O|N|OQ|L|T|HK|PA|DE|AS)"
_TICKER_AFTER = re.compile(rf"\s+[A-Z]{{1,5}}{_EXCHANGE}$")
_TICKER_INSIDE = re.compile(rf"(?<=\s)[A-Z0-9]{{1,5}}{_EXCHANGE}\s+")
_STATE_BASED_AFTER = re.compile(r",\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?-based\b")


def read_names(text: str, start: int = 0, end: int | None = None) -> tuple[list[str], int]:
    """Names listed in text[start:end] from its start on, and where they end (an index of `text`).

    'Accel, Spark Capital and existing investor a16z (Andreessen Horowitz) at ...' -> ['Accel', 'Spark
    Capital', 'a16z'] (the parenthetical alias is skipped). Reading stops at the first word that is not part
    of a name or a list joiner; an item that does not start like a name ('a syndicate of banks') ends it.
    Patterns are matched in place (no copy of the rest of the text per name).
    """
    end = len(text) if end is None else end
    names: list[str] = []
    position = start
    while True:
        role = _LIST_ROLE.match(text, position, end)
        first = _FIRST_ROLE.match(text, role.end() if role else position, end) if not names else None
        if first:  # ('the US private equity firm Benchmark': the code, then the kind of firm)
            role = _LIST_ROLE.match(text, first.end(), end) or first
        found = _NAME_AT_START.match(text, role.end() if role else position, end)
        if not found:
            break
        name = clean_name(found.group(0))
        joined = _FIRM_JOINED.match(text, found.end(), end)
        partner = joined and _NAME_AT_START.match(text, joined.end(), end)
        if partner:  # 'Durand et Fils Capital': one firm
            name, found = clean_name(text[found.start() : partner.end()]), partner
        if "-based" in name:  # 'US-based Insight Partners': where the name is based describes it
            name = without_descriptors(name) or name
        name = _without_place_owner(name)
        position = found.end()
        alias = _ALIAS_PARENTHETICAL.match(text, position, end)
        if alias:
            position = alias.end()
        # 'Durham, N.C.-based Hatteras Venture Partners': a city before its state's '-based' is a place
        place = _STATE_BASED_AFTER.match(text, position, end)
        if name and name.split()[0].lower() not in _ARTICLES_AND_PRONOUNS and name not in names and not place:
            names.append(name)
        joiner = _LIST_JOINER.match(text, position, end)
        if not joiner:
            break
        following = joiner.end()
        if "," in joiner.group(0) and _APPOSITIVE_ARTICLE.match(text, following, end):
            break  # 'Oakmere Partners, the Dutch investor': an appositive, not another name
        role = _LIST_ROLE.match(text, following, end)
        if not _NAME_AT_START.match(text, role.end() if role else following, end):
            break
        position = following
    return names, position


def names_before(text: str) -> list[str]:
    """Names listed right before a verb, at the end of `text`: '..., and Tern Capital and Pell
    Partners' -> both; [] when the words before the verb are not a list of names. The longest list wins, so
    words before it that are not names ('Fintech startups Quillpay and Brassica') are left out."""
    end = len(text.rstrip())
    resume = 0
    for start in [0] + [m.end() for m in _LIST_START.finditer(text)]:
        if start < resume:
            continue
        begin = _LEADING_SPACE.match(text, start).end()  # type: ignore[union-attr]
        conjunction = _LEADING_CONJUNCTION.match(text, begin)
        names, used = read_names(text, conjunction.end() if conjunction else begin, end)
        if names and not text[used:end].strip(" ,"):
            return names
        if names:
            # A list read from a later word inside this one ends where this one ended: it fails too.
            resume = used
    return []
