"""Deal tables in pages saved as plain text, where the dump glued each row's cells together:

    CompanyAmountSegment
    ElevenLabs$500M Series D ($11B)Voice AI
    Nexthop AI$500MAI networking

The header is recognised when its run-together words are table headers; a row splits around its one
block of money (amounts, parenthesised valuations and the round words between them). Tables of two or
three columns with the money in the middle or last split there. Wider tables, whose headers may hold
several words ('StartupHeadquartersFunds RaisedFunding StageInvestorsVertical', 'DateCompanyTrade
NameDeal Size (₹ Cr)Investors / RoundLocation'), split by what each column holds: a date at the start, a
place in a location column, the round's words after the money, and otherwise where a lower-case letter
runs into a capital ('Celadon PartnersHealthtech'); a row that does not give exactly its header's cells
leaves the whole table to the prose reader. Tables copied with their cells separated by tabs are read as
they are.
"""

from __future__ import annotations

import itertools
import re

from assets.parsing.date_phrases import find_date_phrase
from assets.parsing.table_rows import HEADER_UNIT, ROUND_HEADER_WORD, cell_of, header_fields
from schemas.gazetteer import Gazetteer, default_gazetteer
from schemas.reference.wording import CURRENCY_SIGNS
from schemas.text import fold

_HEADER_WORD = re.compile(r"[A-Z][a-z]+")
# An amount as a glued row writes it, up to the next cell's capital: a currency's letters before the sign
# ('S$5M', 'HK$40M'), the multiplier in words or lower case ('$5 million', '£3m').
_MONEY_TOKEN = (
    rf"(?:US|HK|NZ|AU|CA|[SACR])?[{CURRENCY_SIGNS}]\s?\d[\d,.]*"
    r"(?:\s?(?:million|billion|thousand|bn|mn|[KMBTkmb])(?![a-z]))?\+?"
)
# One cell of money as tables write it: '$3.5B raise / $26.6B valuation', '$500M Series D ($11B)'.
_MONEY_BLOCK = re.compile(
    rf"{_MONEY_TOKEN}(?:\s*(?:{_MONEY_TOKEN}|\(\s*{_MONEY_TOKEN}\s*\)|/|raise|valuation|post-money|pre-money"
    r"|Series [A-K](?![a-z])|Seed|Pre-seed|Growth|IPO|Debt|round))*"
)
_AMOUNT_ONLY = re.compile(rf"{_MONEY_TOKEN}(?:\s*\(\s*{_MONEY_TOKEN}\s*\))?")
_AMOUNT_FIELDS = {"amount", "valuation"}


# Where one glued cell ends and the next begins: a lower-case letter or a closing bracket, then a capital.
_GLUE = re.compile(r"(?<=[a-z)\]])(?=[A-Z])")
_WIDE_COLUMNS = range(4, 9)
_HEADER_CELL_CHARS = 30
# What a location column holds, and the round's words a stage column opens with ('Venture – Series
# Unknown', 'Pre-Series A Bridge', 'Seed').
_LOCATION_HEADER = re.compile(
    r"\b(?:headquarters|hq|location|country|city|based|region|hub)\b", re.IGNORECASE
)
_ROUND_CELL = re.compile(
    r"(?:Venture\s*[–-]\s*)?(?:Pre-?)?(?:Series\s+(?:[A-K](?:\+|-\d)?|Unknown)|Seed|Angel|Bridge|Growth|Debt|IPO"
    r"|Funding|Strategic|Grant)(?:\s+(?:Bridge|Extension|Round))?"
)
_ROUND_BEFORE_MONEY = re.compile(rf"{_ROUND_CELL.pattern}\s*[/:–-]?\s*$")
_DATE_CELL = re.compile(
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2}"
)
# A number with no currency sign, under a header that gives the unit: up to four digits (or grouped),
# then the next cell's capital or the end ('Kapiva532Vertex'; not the '1' of 'Orvi 1mg', nor 'Zestly247150',
# a brand's digits run into the amount).
_BARE_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,4}|\d{1,3}(?:,\d{3})+)(?:\.\d+)?(?=[A-Z/]|\s*$)")
# Cuts right after a legal form ('Prayosha Food Services Pvt LtdPetPooja'), taken before any other.
_AFTER_LEGAL_FORM = re.compile(r"\b(?:Ltd|Inc|LLC|GmbH|Limited|Corp|PLC|AG|SA|AB|BV)\.?(?=[A-Z])")
_CAPITALS_THEN_WORD = re.compile(r"[A-Z]{2,}[a-z]")
# A lower-case word in a company cell that a name does not hold: a headline's verb ('Kart raises').
_NOT_A_NAME_WORD = re.compile(r"\s(?!(?:and|of|the|for|de|du|la|le|von|van|y|et|e)\b)[a-z]{3,}")


def glued_header(line: str) -> list[str] | None:
    """['Company', 'Amount', 'Segment'] for 'CompanyAmountSegment', ['Startup', 'Headquarters', 'Funds
    Raised', ...] for a wider header whose cells hold several words; None for any other line."""
    words = _HEADER_WORD.findall(line)
    if len(words) >= 2 and "".join(words) == line.strip() and header_fields(words):
        return words
    cells = [cell.strip() for cell in _GLUE.split(line.strip())]
    if (
        len(cells) in _WIDE_COLUMNS
        and all(0 < len(cell) <= _HEADER_CELL_CHARS and cell[-1] not in ".!?" for cell in cells)
        and header_fields(cells)
    ):
        return cells
    return None


def _is_place(text: str, gazetteer: Gazetteer) -> bool:
    """A country, region or city of the gazetteer (its editable lists: 'Southeast Asia' is a region,
    'Orange' also a company)."""
    folded = fold(text)
    return folded in gazetteer.places or folded in gazetteer.towns


def _trailing_place(text: str) -> int | None:
    """Where the longest place name that ends `text` starts ('GDMCSingapore' -> 4, 'Kelvra LabsSoutheast
    Asia' -> 11, 'Vantro PayBengaluru, India' -> 10), or None."""
    gazetteer = default_gazetteer()
    for start in range(max(0, len(text) - 30), len(text) - 2):
        if text[start].isupper() and _is_place(text[start:], gazetteer) and text[:start].strip():
            break
    else:
        return None
    before = text[:start].rstrip()
    return _trailing_place(before[:-1]) if before.endswith(",") else start  # 'Bengaluru, India'


def _split_cells(text: str, count: int, place_last: bool) -> list[str] | None:
    """`text` as `count` glued cells: a place ends it when `place_last`; the other cells are cut where a
    lower-case letter runs into a capital."""
    if count == 1:
        return [text.strip()] if text.strip() else None
    if place_last:
        start = _trailing_place(text)
        if start is None:
            return None
        head = _split_cells(text[:start], count - 1, False)
        return [*head, text[start:].strip()] if head else None
    # Exactly as many cuts as the cells need: a name with a capital inside ('PetPooja', 'NovaAI') or a
    # sector that has one ('B2B SaaS') makes the row ambiguous, and the table is left to the prose reader;
    # only cuts after a legal form settle it ('Prayosha Food Services Pvt LtdPetPooja').
    cuts = [m.end() for m in _AFTER_LEGAL_FORM.finditer(text)]
    if len(cuts) != count - 1:
        cuts = [m.start() for m in _GLUE.finditer(text)]
    if len(cuts) != count - 1 or any(_CAPITALS_THEN_WORD.match(text, cut) for cut in cuts):
        return None  # ('NovaAIGenerative AI': the cut may be before or inside 'AI')
    bounds = [0, *cuts, len(text)]
    cells = [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
    return cells if all(cells) else None


def _money_in_row(line: str, header: str, after_date: int, round_after: bool) -> tuple[int, int] | None:
    """Where the row's money is: its block of signed amounts (without round words when a column of its own
    holds the round: 'GDMCSingapore$21,000,000Series ACeladon Partners'), or, under a header that gives the
    unit ('Deal Size (₹ Cr)'), its first bare number after the date."""
    block = (_AMOUNT_ONLY if round_after else _MONEY_BLOCK).search(line, after_date)
    if block:
        return block.start(), block.end()
    number = _BARE_NUMBER.search(line, after_date) if HEADER_UNIT.search(header) else None
    return (number.start(), number.end()) if number else None


def split_wide_row(line: str, headers: list[str]) -> list[str] | None:
    """The cells of one glued row of a table of four columns or more, or None when the row does not give
    exactly one cell per column."""
    fields = header_fields(headers)
    money_columns = [i for i, field in fields.items() if field in _AMOUNT_FIELDS]
    if len(money_columns) != 1 or money_columns[0] == 0:
        return None
    column = money_columns[0]
    date = _DATE_CELL.match(line) if fields.get(0) == "announced" else None
    if fields.get(0) == "announced" and (date is None or not find_date_phrase(date.group(0))):
        return None
    round_after = fields.get(column + 1) == "round"
    money = _money_in_row(line, headers[column], date.end() if date else 0, round_after)
    if money is None:
        return None
    start = money[0]
    if ROUND_HEADER_WORD.search(headers[column]):
        # 'Round / Valuation': the round's words before the money are the same cell's ('CohereSeries E /
        # $5.5B')
        opening = _ROUND_BEFORE_MONEY.search(line, date.end() if date else 0, start)
        start = opening.start() if opening else start
    before, after = line[date.end() if date else 0 : start], line[money[1] :]
    lead = [date.group(0)] if date else []
    before_count = column - len(lead)
    after_count = len(headers) - column - 1
    located = {i for i, header in enumerate(headers) if _LOCATION_HEADER.search(header)}
    head = _split_cells(before, before_count, place_last=column - 1 in located)
    company = cell_of(fields, "company", [*lead, *(head or [])])
    if (
        head is None
        or any(cell.endswith(",") for cell in head)
        or (company and _NOT_A_NAME_WORD.search(company))
    ):
        return None
    tail: list[str] = []
    if after[:1].islower():
        return None  # the money runs on into words: '$5 millions'
    stage = _ROUND_CELL.match(after.strip()) if round_after and after_count else None
    if stage:
        tail, after = [stage.group(0)], after.strip()[stage.end() :]
    if after_count > len(tail):
        rest = _split_cells(after, after_count - len(tail), place_last=len(headers) - 1 in located)
        if rest is None:
            return None
        tail += rest
    elif after.strip():
        return None
    return [*lead, *head, line[start : money[1]].strip(), *tail]


def split_glued_row(line: str, headers: list[str]) -> list[str] | None:
    """The cells of one glued row, or None when it cannot be split without guessing."""
    fields = header_fields(headers)
    money_columns = [i for i, field in fields.items() if field in _AMOUNT_FIELDS]
    if len(money_columns) != 1 or len(headers) not in (2, 3) or money_columns[0] == 0:
        return None
    block = _MONEY_BLOCK.search(line)
    if block is None or not line[: block.start()].strip():
        return None
    cells = [line[: block.start()].strip(), block.group(0).strip()]
    rest = line[block.end() :].strip()
    if len(headers) == 3:
        if money_columns[0] != 1 or not rest:
            return None
        cells.append(rest)
    elif rest:
        return None
    return cells


def tab_table(lines: list[str]) -> list[list[str]] | None:
    """The rows of a block whose lines are cells separated by tabs, as a table copied from a page saves
    ('Company<TAB>Amount<TAB>Round'), when its first line reads as a deal table's header; else None."""
    if len(lines) < 2 or not all("\t" in line for line in lines):
        return None
    rows = [[cell.strip() for cell in line.split("\t")] for line in lines]
    if len({len(row) for row in rows}) != 1 or not header_fields(rows[0]):
        return None
    return rows


_FRAGMENT = re.compile(r"[^\d]{1,3}")


def _glued_table(lines: list[str]) -> list[list[str]] | None:
    """The rows of a block whose first line is a glued header and every other line a row it splits."""
    headers = glued_header(lines[0]) if lines else None
    if headers is None:
        return None
    wide = len(headers) >= min(_WIDE_COLUMNS)
    lines = lines[1:]
    if len(lines) > 1 and _FRAGMENT.fullmatch(lines[-1]):
        lines = lines[:-1]  # a page cut off in the middle of a row: 'S'
    if wide and len(lines) < 2:
        return None  # a menu glued over one headline reads like a header and a row: 'HomeFundingContact'
    rows = [(split_wide_row if wide else split_glued_row)(line, headers) for line in lines]
    split = [row for row in rows if row]
    return [headers, *split] if split and len(split) == len(rows) else None


# A field of a record written one per line under the company's name: 'Amount: $1 billion', 'Series: A'.
_FIELD_LINE = re.compile(r"^(?P<label>[A-Z][A-Za-z ]{1,24}):\s+(?P<value>\S.*)$")
_RANK_LINE = re.compile(r"^#?\d{1,3}[.)]?$")
_NAME_LINE = re.compile(r"^[^.:!?]{2,60}$")


def _field_value(label: str, value: str) -> str:
    """A field's value as a table cell: 'Series: B' is the round 'Series B'."""
    return f"Series {value}" if label.lower() == "series" and re.fullmatch(r"[A-K]\+?", value) else value


# A field that names the company itself ('Company: Revolut'): the line above the fields is a heading then.
_COMPANY_LABEL = re.compile(r"(?i:company|company name|startup|startup name|name)")


def _record_at(lines: list[str], start: int) -> tuple[list[list[str]], int, bool] | None:
    """The record whose field lines start at `start` under a name line ('Xaira Therapeutics' then
    'Amount: $1 billion', 'Series: Unknown', ...), or with a field of its own for the company ('Deal
    Information' then 'Company: Revolut', 'Round: Series E', ...), as a header row and a row of cells,
    the index past its last field and whether the line above named the company; None when the lines
    there are no deal record."""
    end = start
    while end < len(lines) and _FIELD_LINE.match(lines[end]):
        end += 1
    fields = [found for line in lines[start:end] if (found := _FIELD_LINE.match(line))]
    named = any(_COMPANY_LABEL.fullmatch(f["label"].strip()) for f in fields)
    if end - start < 2 or (not named and (start == 0 or not _NAME_LINE.match(lines[start - 1]))):
        return None
    headers = [f["label"] for f in fields] if named else ["Company", *(f["label"] for f in fields)]
    cells = [_field_value(f["label"], f["value"]) for f in fields]
    cells = cells if named else [lines[start - 1], *cells]
    return ([headers, cells], end, not named) if header_fields(headers) else None


def key_value_records(lines: list[str]) -> tuple[list[list[list[str]]], list[str]]:
    """(records as one-row tables, the lines left) for lines that may hold deal records written one field
    per line under the company's name (and its rank: '1', 'Xaira Therapeutics', 'Amount: $1 billion')."""
    records: list[list[list[str]]] = []
    kept: list[str] = []
    index = 0
    while index < len(lines):
        found = _record_at(lines, index) if _FIELD_LINE.match(lines[index]) else None
        if found is None:
            kept.append(lines[index])
            index += 1
            continue
        record, index, name_above = found
        records.append(record)
        if name_above:
            kept.pop()  # the name line
            if kept and _RANK_LINE.match(kept[-1]):
                kept.pop()
    return records, kept


def glued_tables(text: str) -> tuple[list[list[list[str]]], str]:
    """(tables as rows of cells, the text with those tables removed) for a plain-text document: tables
    whose cells were glued together, tables whose cells are separated by tabs, and records written one
    field per line."""
    tables, kept = [], []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip(" \r\n") for line in block.strip().splitlines() if line.strip()]
        table = tab_table(lines) or _glued_table([line.strip() for line in lines])
        if table:
            tables.append(table)
            continue
        records, rest = key_value_records([line.strip() for line in lines]) if ":" in block else ([], [])
        tables.extend(records)
        kept.append("\n".join(rest) if records else block)
    return tables, "\n\n".join(kept)
