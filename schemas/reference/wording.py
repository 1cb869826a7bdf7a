"""Words and signs with one meaning wherever dealmap reads a value, written once.

Table cells, export fields, amounts and prose all use these sets; before they were one module, three
slightly different "empty cell" sets disagreed about 'tbd' and 'not available'. They are grammar, not
data a team tunes, so they live here as code rather than in a reference file. Compare folded text
(lower case, white space collapsed).
"""

from __future__ import annotations

import re
import unicodedata

from schemas.text import clean_space

NO_VALUE = frozenset(
    {"", "-", "—", "–", "?", "n/a", "na", "n.a.", "nan", "none", "null", "tbd", "not available"}
)
"""What a cell or field holds when it states nothing ('nan' is a pandas round trip, '—' a dash)."""


def states_nothing(text: str) -> bool:
    """Whether `text` is one of the `NO_VALUE` placeholders, whatever its case and white space."""
    return clean_space(text).lower() in NO_VALUE


UNDISCLOSED_IN_PROSE = ("undisclosed", "not disclosed", "unannounced")
"""Words that say a deal's amount exists but is not given, in prose ('raised an undisclosed sum')."""

UNDISCLOSED = frozenset(
    {
        *UNDISCLOSED_IN_PROSE,
        "unknown",
        "n. bek.",
        "n.bek.",
        "nicht bekannt",
        "nicht genannt",
        "unbekannt",
        "k. a.",
    }
)
"""The same in an amount cell, where 'unknown' can only mean the amount (and German tables' 'n. bek.')."""

FLOOR_WORDS = ("more than", "over", "at least", "upwards of", "in excess of", "plus de", "más de", "mais de")
"""Words before an amount that make it a lower bound: 'more than $200 million' is a floor, like '$200M+'."""

APPROXIMATION_WORDS = (
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "approx.",
    "some",
    "circa",
)
"""Words before an amount that approximate it ('about $40M'); the number stays."""

CEILING_WORDS = (
    "up to",
    "as much as",
    "as high as",
    "a maximum of",
    "at most",
    "no more than",
    "not more than",
    "jusqu'à",
    "jusqu’à",
    "hasta",
    "bis zu",
)
"""Words before an amount that make it an upper bound: 'a loan of up to $300 million' may be less; the number
stays, flagged (`amount_is_ceiling`)."""

QUALIFIER_WORDS = (
    *FLOOR_WORDS,
    *APPROXIMATION_WORDS,
    *CEILING_WORDS,
    *("as little as", "an estimated", "a mere", "a paltry", "a reported", "a whopping", "a hefty"),
    # 'a valuation of just over $1 billion', 'well over', 'slightly more than'
    *(
        "just over",
        "just under",
        "just above",
        "just below",
        "just shy of",
        "just",
        "well over",
        "well above",
    ),
    *("slightly over", "slightly more than", "slightly above"),
)
"""Everything that may stand between a role word and its amount ('valued at more than $2B')."""

NOT_A_SUBJECT_START = frozenset(
    {
        # connectives that open a sentence: 'Additionally, the fund secured ...'
        *("additionally", "furthermore", "moreover", "however", "meanwhile", "consequently", "overall"),
        "instead",
        *("notably", "similarly", "likewise", "altogether", "collectively", "combined", "together"),
        *("also", "still", "then", "thus", "therefore", "today", "yesterday", "earlier", "later"),
        *("previously", "recently", "separately", "elsewhere", "finally", "first", "second", "lastly"),
        *(
            "there",
            "another",
            "inside",
            "globally",
            "worldwide",
            "currently",
            "initially",
            "ultimately",
            "interestingly",
            "importantly",
        ),
        # subordinators and prepositions: 'If Pantera Capital's round closes', 'In April 2024, ...'
        *("if", "when", "while", "although", "though", "as", "after", "before", "since", "unless", "once"),
        *("in", "at", "from", "for", "during", "over", "by", "with", "across", "among", "between", "per"),
        # words that size an amount, opening a headline before it: 'Nearly £40m raised by ...'
        *("nearly", "almost", "roughly", "approximately", "around"),
        # the same in French, Spanish and Portuguese news: 'En 2023, les jeunes pousses ...'
        *("en", "em", "dans", "depuis", "desde", "durante", "pour", "para", "selon", "según", "segundo"),
    }
)
"""First words of a phrase that is not a company name, whatever follows ('However', 'In April 2024')."""

REPORTED_CUES = (
    "reportedly",
    "is reported to",
    "are reported to",
    "was reported to",
    "in talks",
    "in advanced talks",
    "in early talks",
    "in preliminary talks",
    "in discussions",
    "in early discussions",
    "in advanced discussions",
    "in preliminary discussions",
    "is discussing",
    "are discussing",
    "has discussed",
    "is said to",
    "sur le point de",
    # the French conditional of reported facts: 'qui la valoriserait à 6 milliards', 'serait en passe de'
    "valoriserait",
    "serait",
    "seraient",
    "serait en train de",
    "are said to",
    "was said to",
    "sources say",
    "sources said",
    "sources told",
    "according to people familiar",
    "people familiar with",
    "according to sources",
    "according to a person",
    "is seeking to raise",
    "is looking to raise",
    "is in the process of raising",
    "plans to raise",
    "is planning to raise",
    # a round still to come, however the company puts it: 'aims to raise', 'intends to raise'
    "aims to raise",
    "is aiming to raise",
    "intends to raise",
    "hopes to raise",
    "seeks to raise",
    "wants to raise",
    "looks to raise",
    "expects to raise",
    "needs to raise",
    "prepares to raise",
    "is preparing to raise",
    "poised to raise",
    "set to raise",
    "is expected to raise",
    "is gearing up to raise",
    "is about to raise",
    "is on the verge of raising",
    "could value",
    "would value",
    "rumored",
    "rumoured",
    "is close to raising",
    # French, Spanish and Portuguese: 'est sur le point de lever', 'en discussions', 'estaría negociando'
    "sur le point de",
    # the French conditional of reported facts: 'qui la valoriserait à 6 milliards', 'serait en passe de'
    "valoriserait",
    "serait",
    "seraient",
    "en discussions",
    "en négociations",
    "serait en passe de",
    "estaría",
    "en negociaciones",
    "em negociações",
)
"""Words that make a round reported rather than announced: told by others or still in talks ('OpenAI is in
talks to raise', 'sources say'). A reported round is kept and marked, never merged into an announced one."""

# Unicode places every currency sign in its first two planes (the others hold ideographs, tags, variation
# selectors and private use); reading those 131,072 code points rather than all 1,114,112 takes 15 ms
# instead of 0.15 s, in every process that imports this module (tests/unit/test_wording.py compares both).
SIGN_PLANES_END = 0x20000
CURRENCY_SIGNS = "".join(
    sign
    for sign in map(chr, range(SIGN_PLANES_END))
    if unicodedata.category(sign) == "Sc" and sign not in "]\\^-"
)
"""Every currency sign Unicode knows ('$', '€', '₺', '₿'...), for the character classes of parsing patterns
that stop at or look for a sign. The set is Unicode's, not the vocabulary's, so those patterns do not depend
on the reference data in use: whether a sign makes an amount is still for `currencies.toml` to say."""


def words_pattern(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of `words`, longest first, each escaped: `(?:more than|over|...)`."""
    return "(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + ")"


# What a status cell or field says of a deal (an export's 'status' column, a page table's 'Status'), read as
# whole words of the folded text, in this order. A round that did not happen is no deal: its row keeps its
# text and is quarantined (`round_not_called_off`). A status that is not yet final, or negated ('not yet
# closed', 'unfunded'), is reported. Any other word ('Active', 'Yes', '✓': a column about something else)
# says nothing of the round: the row is announced, its status kept as written with a warning
# (`status_known`), never quarantined for it.
STATUS_NO_DEAL = re.compile(
    r"\b(?:cancel\w*|called off|withdr[ae]w\w*|deni\w*|abandon\w*|terminat\w*|failed|fell through|scrapped"
    r"|rejected|collapsed|postponed|(?:did|does|will) not (?:happen|close|go ahead)|annul\w*|abgesagt"
    r"|storniert|gescheitert|abgebrochen|retir[ée]\w*)\b"
)
STATUS_REPORTED = re.compile(
    r"\b(?:report\w*|rumou?r\w*|talks?|sources?|unconfirmed|unannounced|unofficial|said to|expected|pending"
    r"|planned|in progress|negotiat\w*|nearing|considering|exploring|seeking|in discussions?|speculat\w*"
    r"|alleged\w*|incomplete|unfunded|not yet|not (?:closed|completed?|final|confirmed|announced|official"
    r"|done|funded)|ger[üu]cht\w*|rumeur\w*|en (?:cours|discussion)|in verhandlung\w*)\b"
)
# A word of the status that negates the one after it: 'not cancelled' is no call-off, 'never closed' and
# "hasn't closed" are no announcement.
_NEGATED = re.compile(
    r"\b(?:not|never|no|yet to|(?:has|have|is|was|did|does|do|wo|will)n'?t|won'?t|nicht|pas|non)\s+$"
)
STATUS_ANNOUNCED = re.compile(
    r"\b(?:announced|confirmed|closed?|completed?|done|official|funded|secured|final|raised)\b"
)
ANNOUNCED, REPORTED = "announced", "reported"


def deal_status(text: object) -> str:
    """'announced' or 'reported' for what a status says ('Closed', 'Rumored', 'In talks (reportedly)',
    'Not yet closed'); an empty status is announced (a source states its deals). A round called off
    ('Cancelled', 'Company denies report') and a word of no known meaning ('Active') are returned folded, as
    written, for the rules to name (`calls_off`)."""
    folded = clean_space(str(text)).lower() if isinstance(text, str) else ""
    if states_nothing(folded):
        return ANNOUNCED
    words = _status_words(folded)
    if _said(STATUS_NO_DEAL, words):
        return folded
    if STATUS_REPORTED.search(words) or (
        STATUS_ANNOUNCED.search(words) and not _said(STATUS_ANNOUNCED, words)
    ):
        return REPORTED  # (what it says of an announcement is negated: 'never closed')
    if STATUS_ANNOUNCED.search(words):
        return ANNOUNCED
    return folded


def _status_words(folded: str) -> str:
    """A folded status as its words read ('not-yet-closed', 'un-confirmed': hyphens as spaces, a prefix
    'un-' joined, curly apostrophes straight)."""
    return re.sub(r"\bun\s+", "un", folded.replace("-", " ").replace("’", "'"))


def _said(words: re.Pattern[str], status: str) -> bool:
    """Whether `status` says one of `words` without negating it ('cancelled', not 'not cancelled')."""
    return any(not _NEGATED.search(status, 0, found.start()) for found in words.finditer(status))


def calls_off(status: str) -> bool:
    """Whether a mention's status (`deal_status`) says the round did not happen ('cancelled')."""
    return _said(STATUS_NO_DEAL, _status_words(status))


TOTAL_WORDS = frozenset(
    {"total", "totals", "grand total", "sub-total", "subtotal", "gesamtsumme", "totaal", "somme",
     "total général", "total general", "totale", "totalt"}
)  # fmt: skip
"""Words that label a table's summary row and never name a company: a row labelled by one alone is no deal
wherever it stands (`company_present` quarantines what is not skipped as a sum)."""
TOTAL_ROW_WORDS = TOTAL_WORDS | {"sum", "gesamt", "summe", "insgesamt", "suma", "summa", "σ"}
"""What the company cell of a table's summary row says ('Total', 'Grand total:', 'SUM'): compared folded,
without trailing colons or dots. ('Sum' may name a company: skipped as a sum only where the row states no
round, never quarantined for its name.)"""
TOTAL_ROW_PREFIXES = ("total ", "totals ", "grand total", "subtotal", "sub-total", "sum of ", "summe ")
"""... or begins with ('TOTAL Q1 2026', 'Sum of amount', 'Total raised'): such a row is skipped only when it
states no date either ('Total Expert' with its date is a company)."""


def total_label(company_cell: str | None) -> str | None:
    """How a table row's company cell labels a summary row: 'alone' ('Total', 'Grand total:'), 'prefix'
    ('TOTAL Q1 2026', and 'Total Expert', a company when its row is dated), or None. Only a row that also
    states no round, in a table with a round column, is skipped as one (a prefixed one only undated)."""
    folded = clean_space(company_cell).lower().rstrip(":. ") if company_cell else ""
    if folded in TOTAL_ROW_WORDS:
        return "alone"
    return "prefix" if folded.startswith(TOTAL_ROW_PREFIXES) else None
