"""Deal tables of any markup (HTML, Markdown pipes): find the header by meaning, read one mention per row.

Headers are recognised by what they say, in any order and wording ('Company' / 'Startup', 'Amount' /
'Raised' / 'Deal', 'Round' / 'Stage', 'Valuation' / 'Post-money', 'Segment' / 'Sector'...). Cells may pack
several facts: '$3.5B raise / $26.6B valuation', '$500M Series D ($11B)', '$950M at $15B+', a round cell
'Series D ($11B)', an investors cell 'Harwell Capital (lead), Tern Ventures'.
"""

from __future__ import annotations

import re

from assets.normalize.amounts import Money, find_money
from assets.normalize.names import split_name_list, split_parenthetical
from assets.normalize.rounds import find_round
from assets.parsing.budget import checkpoint
from assets.parsing.mentions import DealMention, Method
from schemas.reference.wording import UNDISCLOSED, states_nothing, total_label
from schemas.text import clean_space, fold

# Checked in this order: 'Lead investors' is a lead column before it is an investors column; 'Round size' and
# 'Amount raised' are amounts before they are rounds; then 'Funding round' and 'Deal type' are rounds before
# the generic 'funding' or 'deal' makes them an amount. German tables' headers are here too ('Unternehmen |
# Runde | Betrag | Investoren').
HEADER_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lead_investors", ("lead investor", "lead investors", "leads", "lead", "led by")),
    ("valuation", ("valuation", "valued at", "post money", "pre money", "bewertung")),
    ("amount", ("amount", "raised", "raise", "round size", "size", "usd", "betrag", "summe", "volumen")),
    ("round", ("round", "stage", "series", "type", "runde", "finanzierungsrunde", "art der finanzierung",
               "phase")),
    ("amount", ("funding", "capital", "investment", "deal", "deal size", "deal value", "finanzierung")),
    ("company", ("company", "startup", "name", "firm", "organization", "organisation", "business",
                 "unternehmen", "firma")),
    ("segment", ("segment", "sector", "category", "vertical", "focus", "space", "industry", "market")),
    ("announced", ("date", "announced", "when", "datum")),
    ("investors", ("investors", "backers", "participants", "investor", "investoren", "geldgeber")),
    ("context", ("description", "what they do", "about", "product", "beschreibung")),
    ("status", ("status", "deal status")),
)  # fmt: skip
_REQUIRED = {"company"}
# A header that names the round, alone or packed with another field ('Round / Valuation').
ROUND_HEADER_WORD = re.compile(r"\b(?:round|stage|series)\b", re.IGNORECASE)
_INVESTORS_HEADER = re.compile(r"\b(?:investors?|backers?)\b", re.IGNORECASE)
_BRAND_HEADER = re.compile(r"(?:trade|brand|trading)\s*name|brand")
_ANY_OF = {"amount", "valuation"}
# What a cell holds when it holds nothing.
_LEAD_MARK = re.compile(r"\s*\((?:co-?)?lead\)\s*$|^\s*(?:co-?)?led by\s+|^\s*leads?:\s+", re.IGNORECASE)
_VALUATION_LABEL = re.compile(r"^\s*(?:valuation|post|pre)\b", re.IGNORECASE)
_VALUATION_JOINER = re.compile(r"(?:/|\bat(?: an?)?)\s*$", re.IGNORECASE)


# What a row's snippet may hold (within `dispatch.MAX_SNIPPET_CHARS`, with room for the headers), and the
# least any one cell keeps of it.
SNIPPET_ROW_CHARS = 1_600
SNIPPET_CELL_MIN = 120


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _keywords_in(folded: str, keywords: tuple[str, ...]) -> bool:
    return any(f" {fold(k)} " in folded for k in keywords)


def header_fields(cells: list[str]) -> dict[int, str]:
    """Column index -> field for a header row; empty when the row is not a deal-table header."""
    fields: dict[int, str] = {}
    amount_words = HEADER_KEYWORDS[2][1] + HEADER_KEYWORDS[4][1]
    for index, cell in enumerate(cells):
        folded = f" {fold(cell)} "
        # 'Amount / valuation' packs both into one cell: read it as the amount, whose cell is split later.
        packed = _keywords_in(folded, amount_words) and _keywords_in(folded, HEADER_KEYWORDS[1][1])
        if packed and "amount" not in fields.values():
            fields[index] = "amount"
            continue
        for field, keywords in HEADER_KEYWORDS:
            if field in fields.values():
                continue
            if _keywords_in(folded, keywords):
                fields[index] = field
                break
    if not set(fields.values()) >= _REQUIRED or not _ANY_OF & set(fields.values()):
        return {}
    brand = next((i for i, cell in enumerate(cells) if _BRAND_HEADER.fullmatch(fold(cell))), None)
    if brand is not None and brand not in fields:
        # 'Company' (the legal name, 'Adret Retail Pvt Ltd') beside 'Trade Name' ('Kapiva'): deals go by
        # the name the company trades under
        legal = {i: "legal_name" for i, field in fields.items() if field == "company"}
        fields = {i: field for i, field in fields.items() if field != "company"} | legal | {brand: "company"}
    return fields


def _in_parentheses(cell: str, money: Money) -> bool:
    """True when the amount sits inside an open parenthesis: '($11B)', '(post-money $100M)'."""
    before = cell[: money.start]
    return before.rfind("(") > before.rfind(")")


def split_amount_cell(cell: str) -> tuple[Money | None, Money | None]:
    """(amount, valuation) from a cell such as '$3.5B raise / $26.6B valuation' or '$100M Seed ($400M)'.

    A parenthesised amount, one followed by 'valuation' / 'post' / 'pre', or one joined to the raise by
    '/' or 'at' ('$600M / $8.2B', '£6M at £24M pre-money') is the valuation; the first other is the raise.
    """
    amount = valuation = None
    previous_end = 0
    for money in find_money(cell):
        after = cell[money.end : money.end + 24]
        labelled = not after.lstrip().startswith("(") and bool(_VALUATION_LABEL.match(after))
        joined = amount is not None and bool(_VALUATION_JOINER.search(cell[previous_end : money.start]))
        if _in_parentheses(cell, money) or labelled or joined:
            valuation = valuation or money
        elif amount is None:
            amount = money
        previous_end = money.end
    return amount, valuation


def split_investor_cell(leads_cell: str | None, investors_cell: str | None) -> tuple[list[str], list[str]]:
    """(leads, investors) from a lead column and an investors column; leads are also investors.

    An investors cell marks its leads itself: 'Harwell Capital (lead), Tern Ventures',
    'led by Harwell Capital'. A '—' cell names nobody.
    """
    return leads_and_investors(split_name_list(leads_cell), split_name_list(investors_cell))


def leads_and_investors(lead_names: list[str], investor_names: list[str]) -> tuple[list[str], list[str]]:
    """(leads, investors) from the names of a lead column and of an investors column, already split (a
    page's cells, an export's cells or JSON arrays): leads first and also investors, no duplicates. An
    investors column marks its leads itself: 'Harwell Capital (lead)', 'Lead: Harwell Capital', 'led by
    Harwell Capital'."""
    leads = [_LEAD_MARK.sub("", name) for name in lead_names]
    others: list[str] = []
    for name in investor_names:
        unmarked = _LEAD_MARK.sub("", name)
        (leads if unmarked != name else others).append(unmarked)
    leads = list(dict.fromkeys(n for n in leads if n))
    return leads, leads + [n for n in dict.fromkeys(others) if n and n not in leads]


def _round_and_valuation(round_cell: str | None) -> tuple[str | None, Money | None]:
    """'Series D ($11B)' in a round column is a Series D at an $11B valuation."""
    if not round_cell:
        return None, None
    inner = [m for m in find_money(round_cell) if _in_parentheses(round_cell, m)]
    if not inner:
        return round_cell, None
    stated = clean_space(re.sub(r"\([^)]*\)", "", round_cell))
    return stated or None, inner[0]


# A unit the header gives its amounts in: 'Deal Size ($M)', 'Amount (USD mn)', 'Raised (in millions)'.
HEADER_UNIT = re.compile(
    r"\(\s*(?:in\s+)?(?:[$€£₹¥]|US\$|USD|EUR|GBP|INR|Rs\.?)?\s*(?P<unit>m|mn|mm|mil|million|millions|bn|b|billion"
    r"|billions|cr|crore|crores)\s*\)",
    re.IGNORECASE,
)
_UNITS = {
    "m": "million",
    "mn": "million",
    "mm": "million",
    "mil": "million",
    "millions": "million",
    "b": "billion",
    "bn": "billion",
    "billions": "billion",
    "cr": "crore",
    "crores": "crore",
}
# Headers of a table of listings: 'Offer Date', 'IPO Date', 'Offer Price', 'Listing Date'.
_LISTING_HEADER = re.compile(
    r"\b(?:offer (?:date|price|size)|ipo|listing date|pricing date)\b", re.IGNORECASE
)


def _in_header_unit(amount_text: str | None, header: str) -> str | None:
    """'$625' under 'Deal Size ($M)' -> '$625 million'; an amount that states its own unit is kept."""
    unit = HEADER_UNIT.search(header)
    if not amount_text or unit is None or not re.search(r"\d\s*$", amount_text):
        return amount_text
    word = unit["unit"].lower()
    return f"{amount_text} {_UNITS.get(word, word)}"


_LEGAL_FORMS = frozenset({"pvt", "ltd", "private", "limited", "inc", "llc", "plc", "gmbh", "sa", "co"})


def _is_acronym_of(short: str, name: str) -> bool:
    """'HFS' for 'Hiranandani Financial Services Pvt Ltd': the initials of its words, legal forms aside."""
    words = [w for w in re.findall(r"[A-Za-z][\w&'-]*", name) if w.lower().strip(".") not in _LEGAL_FORMS]
    return short.isupper() and len(short) >= 2 and short == "".join(w[0] for w in words).upper()


def cell_of(fields: dict[int, str], field: str, cells: list[str]) -> str | None:
    """The cell of `field`'s column among `cells` (a header or a row), or None when there is none."""
    index = next((i for i, name in fields.items() if name == field), None)
    return cells[index] if index is not None and index < len(cells) else None


def mention_from_row(
    fields: dict[int, str], headers: list[str], cells: list[str], locator: str
) -> DealMention | None:
    """The deal one table row states, or None when the row names no company."""
    values = {
        field: cells[i]
        for i, field in fields.items()
        if i < len(cells) and not states_nothing(cells[i])  # '—' says nothing
    }
    if not values.get("company") and not values.get("legal_name"):
        return None
    # 'Total | | $12M |': the table's sum (a footer row), no deal of a company called Total
    total = total_label(values.get("company"))
    states_no_round = "round" in fields.values() and not values.get("round")
    if total and states_no_round and (total == "alone" or not values.get("announced")):
        return None
    company = values.get("company", "")
    if values.get("legal_name") and (
        not company or "," in company or _is_acronym_of(company, values["legal_name"])
    ):
        # no brand, several, or an acronym ('HFS' beside 'Hiranandani Financial Services Pvt Ltd'): the
        # legal name
        company = values["legal_name"]
    round_cell = values.get("round")
    round_header = cell_of(fields, "round", headers) or ""
    packed = _INVESTORS_HEADER.search(round_header) if round_cell and " / " in round_cell else None
    if round_cell and packed:
        # 'Investors / Round': 'Vertex Ventures, 3One4 / Series D' ('Round / Investors' the other way)
        first, _, second = round_cell.rpartition(" / ")
        round_word = ROUND_HEADER_WORD.search(round_header)
        named, round_cell = (
            (first, second) if round_word is None or packed.start() < round_word.start() else (second, first)
        )
        if not states_nothing(named) and fold(named) not in UNDISCLOSED:
            values.setdefault("investors", named)
    round_text, round_valuation = _round_and_valuation(round_cell)
    base, inner = split_parenthetical(company)
    if inner and find_round(inner):  # 'Cerebras Systems (IPO)': the parenthetical is the round
        company, round_text = base, round_text or inner
    amount_money, valuation_money = split_amount_cell(values.get("amount", ""))
    if round_text is None and values.get("amount"):
        round_text = find_round(re.sub(r"\([^)]*\)", "", values["amount"]))
    packs_the_round = ROUND_HEADER_WORD.search(cell_of(fields, "valuation", headers) or "")
    if round_text is None and values.get("valuation") and packs_the_round:
        round_text = find_round(values["valuation"])  # 'Round / Valuation': 'Series E / $5.5B'
    valuation_text = values.get("valuation")
    if valuation_text:
        found = find_money(valuation_text)
        valuation_text = found[0].text if found else valuation_text
    elif valuation_money or round_valuation:
        valuation_text = (valuation_money or round_valuation).text  # type: ignore[union-attr]
    amount_text = amount_money.text if amount_money else (values.get("amount") or None)
    amount_header = cell_of(fields, "amount", headers)
    if amount_header is not None:
        amount_text = _in_header_unit(amount_text, amount_header)
    if round_text is None and any(_LISTING_HEADER.search(header) for header in headers):
        round_text = "IPO"  # a table of listings: each row is a company's offering
    leads, investors = split_investor_cell(values.get("lead_investors"), values.get("investors"))
    # Each cell cut to its share of the snippet's bound: a long description cell had pushed the amount, the
    # round and the investors past the 2,000 characters kept, and the deal was published without its figures.
    share = max(SNIPPET_CELL_MIN, SNIPPET_ROW_CHARS // max(len(fields), 1))
    snippet = " | ".join(f"{headers[i]}: {_cut(cells[i], share)}" for i in sorted(fields) if i < len(cells))
    return DealMention(
        method=Method.DOCUMENT_TABLE,
        locator=locator,
        snippet=snippet,
        company=company,
        round_text=round_text,
        amount=amount_text,
        valuation=valuation_text,
        segment=values.get("segment"),
        announced=values.get("announced"),
        lead_investors=leads,
        investors=investors,
        context=" ".join(filter(None, (values.get("segment"), values.get("context")))) or None,
        # as written ('Rumored', 'In talks (reportedly)'): normalisation reads it (`deal_status`)
        status=values.get("status") or "announced",
    )


def table_mentions(rows: list[list[str]], table_index: int) -> list[DealMention]:
    """One mention per data row of a deal table given as rows of cell texts; [] for other tables.

    The header is the first of the top three rows that reads as one.
    """
    for header_index, headers in enumerate(rows[:3]):  # noqa: B007 - used after the loop
        fields = header_fields(headers)
        if fields:
            break
    else:
        return []
    mentions = []
    for row_index, cells in enumerate(rows[header_index + 1 :]):
        locator = f"table[{table_index}]/row[{row_index}]"
        checkpoint(locator)
        mention = mention_from_row(fields, headers, cells, locator)
        if mention:
            mentions.append(mention)
    return _with_slash_dates_read(mentions)


_SLASH_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\s*$")


def _with_slash_dates_read(mentions: list[DealMention]) -> list[DealMention]:
    """A column of dates like '12/11/24' is month first or day first for every row alike: a row whose
    first number passes 12 says day first, one whose second does says month first. When the column says
    which, and only then, its dates are rewritten as ISO dates; a column that does not say stays as written
    (and is quarantined as unparseable: which of two dates it is, is unknown)."""
    parts = [_SLASH_DATE.match(m.announced or "") for m in mentions]
    found = [p for p in parts if p]
    day_first = any(int(p[1]) > 12 for p in found)
    month_first = any(int(p[2]) > 12 for p in found)
    if not found or day_first == month_first:
        return mentions
    for mention, part in zip(mentions, parts, strict=True):
        if part:
            first, second, year = int(part[1]), int(part[2]), int(part[3])
            month, day = (second, first) if day_first else (first, second)
            year = year + 2000 if year < 100 else year
            mention.announced = f"{year:04d}-{month:02d}-{day:02d}"
    return mentions
