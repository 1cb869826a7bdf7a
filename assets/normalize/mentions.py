"""Extracted mentions -> normalized records: whole USD, ISO currency, round slug, segment, canonical names.

Normalisation never drops or fails a row: a value it cannot resolve stays visible (the stated text in
place of a slug, a NULL amount with status 'unparseable') so that validation quarantines it under a
named rule.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from assets.frames import as_list, is_missing
from assets.normalize.amounts import Money, ParsedAmount, parse_amount
from assets.normalize.dates import (
    counts_from_publication,
    month_alone,
    relative_month,
    resolve_date,
    yearless_day,
)
from assets.normalize.document_dates import DAY, MONTH, QUARTER, YEAR, latest_named_period
from assets.normalize.fx import FxTable, default_fx_table
from assets.normalize.names import Names, default_names, name_key
from schemas.reference.reference_data import ReferenceData
from schemas.reference.wording import TOTAL_WORDS, deal_status, states_nothing
from schemas.rules import CURRENCY_CONFLICT, OUT_OF_RANGE
from schemas.tables import NORMALIZED_MENTIONS
from schemas.tables.mentions import NORMALIZED_FIELDS as NORMALIZED_COLUMNS
from schemas.taxonomy import UNCLASSIFIED, Taxonomy, default_taxonomy
from schemas.text import clean_space
from schemas.vocabulary import (
    EARLIER_UNDATED,
    UNDATED,
    UNKNOWN_ROUND,
    Currencies,
    RoundTypes,
    default_currencies,
    default_round_types,
)

NORMALIZED_FIELDS = tuple(c.name for c in NORMALIZED_COLUMNS)


@dataclass(frozen=True)
class References:
    """Everything normalisation looks values up in; tests pass their own."""

    taxonomy: Taxonomy
    round_types: RoundTypes
    currencies: Currencies
    fx: FxTable
    names: Names

    @classmethod
    def of(cls, data: ReferenceData | None = None) -> References:
        """The lookups of `data`, or of the reference data in use."""
        return cls(
            default_taxonomy(data),
            default_round_types(data),
            default_currencies(data),
            default_fx_table(data),
            default_names(data),
        )


# Whole dollars beyond a signed 64-bit integer cannot be stored (pandas Int64, DuckDB BIGINT) and would
# raise before any rule could name them: such a value stays NULL with status 'out_of_range', and the
# ceiling rule quarantines the row with the amount as written.
INT64_MAX = 2**63 - 1


def _huge(money: Any) -> bool:
    """Too large to convert at all (decimal arithmetic would overflow its context): out of range."""
    return money is not None and abs(money.value) > INT64_MAX


def _storable(usd: int | None, status: str) -> tuple[int | None, str]:
    if usd is not None and abs(usd) > INT64_MAX:
        return None, OUT_OF_RANGE
    return usd, status


def _text(value: Any) -> str | None:
    if is_missing(value):
        return None
    text = str(value).strip()
    return text or None


def _label(value: Any) -> str | None:
    """A text field that names something (company, round, segment, currency), with null tokens removed."""
    text = _text(value)
    return None if text is None or states_nothing(text) else text


# An ISO date run together with other characters ('-2026-02-03', 'x2026-02-03'): prose finds dates inside
# file names and slugs ('deals_2026-03-01.csv'), but a date cell that holds one states no date of its own.
_GLUED_ISO_DATE = re.compile(r"[A-Za-z0-9_-]20[0-4]\d-[01]\d-[0-3]\d|20[0-4]\d-[01]\d-[0-3]\d\d")


_DAY_IN_FIGURES = re.compile(r"\b\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")


def announced_fields(
    announced_text: Any, date_format: Any, published_date: Any, published_precision: Any
) -> tuple[date | None, str | None, str | None]:
    """(announced_date, date_basis, announced_date_precision). A stated date is 'explicit' even when it
    needs the publication date to resolve ('Mar 2', 'yesterday', 'on Monday'): the source dates the deal,
    `announced_text` keeps its words."""
    published = None if is_missing(published_date) else pd.Timestamp(published_date).date()
    stated = _text(announced_text)
    if stated == EARLIER_UNDATED:
        return None, UNDATED, None  # a round of the past the text does not date: not the page's date
    if stated:
        formats = (date_format,) if _text(date_format) else ()
        alone = month_alone(stated) if not formats else None  # (an export's dates follow its format)
        if alone is not None:
            return _month_of_page(alone, published, _text(published_precision))
        if published is not None and _text(published_precision) in (QUARTER, YEAR) and yearless_day(stated):
            # 'September 5 – ...' on a page dated only by the year its text names: a day of that year, not
            # the latest September 5 before its first day
            return resolve_date(stated, date(published.year, 12, 31)), "explicit", DAY
        month = relative_month(stated, published)
        if month is not None and _text(published_precision) in (None, DAY, MONTH):
            return month, "explicit", MONTH  # 'last month': a month counted from the publication's
        if month is not None:
            # a page dated only by the quarter or year its text names: no month to count from, the deal
            # is dated as the page is
            return published, "published", _text(published_precision)
        # 'March 2025' is a month; '2026-03-02', 'on Monday' are days; a glued date ('INV-2026-03-01') none
        named = latest_named_period(_GLUED_ISO_DATE.sub(" ", stated))
        resolved = resolve_date(stated, published, formats)
        if resolved is not None:
            # (a date in figures, '2026/03/04' or '04.03.2026', is a day: the period named in it is only
            # its year; so is one read by an export's date format with a day in it)
            day = _DAY_IN_FIGURES.search(stated) or (formats and "%d" in formats[0])
            return resolved, "explicit", DAY if day or named is None else named.precision
        if named is not None:  # a month, quarter or year: its first day, and how exactly it is known
            return named.day, "explicit", named.precision
        if published is None and counts_from_publication(stated):
            # 'announced on Monday' on a page that nothing dates: the words date the deal against a day
            # that is not known, so the deal is undated (kept, with its words), not an unreadable date
            return None, UNDATED, None
        return None, "explicit", None
    if published is not None:
        return published, "published", _text(published_precision) or DAY
    return None, None, None


def _month_of_page(
    month: int, published: date | None, precision: str | None
) -> tuple[date | None, str | None, str | None]:
    """A month named without its year ('in August') on a page with no date of its own, dated by the period
    the page is dated by: the latest such month up to a page's day or month (from its URL, '/2024/10/'),
    that month of a page's quarter or year (the latest its text names); undated on a page nothing dates."""
    if published is None:
        return None, UNDATED, None
    year = published.year
    if precision in (None, DAY, MONTH) and month > published.month:
        year -= 1
    return date(year, month, 1), "explicit", MONTH


# What a broken export holds where a name belongs: a spreadsheet's error ('#N/A', '#REF!'), a program's
# 'undefined', a JSON boolean. Kept in step with `columnar._PLAIN_NAME_MACRO`, which reads plain names in
# SQL. A formula ('=HYPERLINK(...)') stays a name as written: the evidence keeps it, and every export of
# the warehouse neutralises it (`warehouse/safe_text.py`).
# ... and a table's summary row that is not skipped as one (`wording.TOTAL_WORDS`): 'Total' is no company.
NOT_A_NAME_WORDS = ("undefined", "true", "false", *sorted(TOTAL_WORDS))
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_NOT_A_NAME = re.compile(
    r"#(?:n/a|value!|ref!|name\?|div/0!|null!|num!|spill!|calc!)|" + "|".join(NOT_A_NAME_WORDS),
    re.IGNORECASE,
)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def names_a_company(label: str) -> bool:
    """Whether a company cell's text can be a name: a letter or digit in it ('***' has none; '111' and
    '360' are companies' names), and not one of `_NOT_A_NAME` once control and zero-width characters are
    gone ('true\x00'). A JSON object or array where a name belongs (a JSON export's nested value,
    '{"name": "Acme"}') is none either."""
    text = clean_space(label).strip(_ZERO_WIDTH)
    if text[:1] in ("{", "[") and text[-1:] in ("}", "]") and _is_json(text):
        return False  # '[x+1]' is no JSON, and a company's name (Crunchbase lists its rounds)
    return not _NOT_A_NAME.fullmatch(text) and any(char.isalnum() for char in text)


def company_fields(company_text: Any, refs: References) -> tuple[str | None, str | None, str | None]:
    """(company, company_alias, company_key) of a company cell. A cell that cannot be a name
    (`names_a_company`) names no company: validation quarantines the row (company_present) rather than
    publish it as one."""
    label = _label(company_text)
    if label and not names_a_company(label):
        return None, None, None
    company = refs.names.company(label)
    return company.name, company.alias, name_key(company.name) or None


def round_type_of(round_text: Any, refs: References) -> str | None:
    """The round-type slug, or the round as written when the vocabulary lacks it (validation names it)."""
    stated = _label(round_text)
    return (refs.round_types.resolve(stated) or stated) if stated else UNKNOWN_ROUND


@dataclass(frozen=True)
class MoneyFields:
    """One amount or valuation cell read with the row's currency: everything but the USD conversion."""

    parsed: ParsedAmount
    original: str | None
    """The amount as written, cleaned of surrounding words."""
    row_currency: str | None
    """The mention's `currency` when this is its amount: the currency as written when it is unknown."""
    conflict: bool = False
    """The amount writes its own currency ('$5M'), another than the row's currency column ('EUR')."""

    @property
    def money(self) -> Money | None:
        return self.parsed.money

    @property
    def huge(self) -> bool:
        return _huge(self.money)

    @property
    def status(self) -> str:
        """amount_status / valuation_status before the storage check (`_storable`)."""
        return CURRENCY_CONFLICT if self.conflict else str(self.parsed.status)


def money_fields(text: Any, currency_text: Any, default_currency: Any, refs: References) -> MoneyFields:
    """Parse an amount or valuation cell with the row's stated currency and the source's default."""
    stated_text = _label(currency_text)
    stated_currency = refs.currencies.resolve(stated_text) if stated_text else None
    # A stated but unknown currency ('NZD') must not fall back to the source default: converting NZD at
    # the USD rate would be silently wrong. Without a currency the amount stays unconverted and named.
    fallback = stated_currency or (None if stated_text else _text(default_currency))
    parsed = parse_amount(_text(text), fallback)
    money = parsed.money
    if stated_text and not stated_currency:
        row_currency = stated_text  # unrecognised: stays as written so that `currency_known` names it
    else:
        row_currency = money.currency if money else stated_currency
    # '$5M' in a row whose currency column says EUR: the sign wins the parse, so the column was ignored
    # without a word (a figure off by the exchange rate); the row goes to quarantine under currency_agrees.
    conflict = bool(stated_currency and money and money.currency and money.currency != stated_currency)
    return MoneyFields(parsed, money.text if money else _text(text), row_currency, conflict)


def segment_fields(
    segment_text: Any, context: Any, snippet: Any, refs: References
) -> tuple[str, str, str | None]:
    """(segment, segment_basis, layer): the stated label, else its words, else the mention's context."""
    stated_text = _label(segment_text)
    stated_segment = refs.taxonomy.resolve_label(stated_text) if stated_text else None
    # A stated label the taxonomy lacks may still be free text the keywords place ('Online Grocery
    # platform'); one they cannot place ('Quantum sensing') stays as written, for `segment_known`.
    label_inferred = refs.taxonomy.classify(stated_text) if stated_text and not stated_segment else None
    if stated_segment:
        segment, basis = stated_segment, "stated"
    elif label_inferred and label_inferred != UNCLASSIFIED:
        segment, basis = label_inferred, "label_keywords"
    elif stated_text:
        segment, basis = stated_text, "stated"
    else:
        # Context lines run from the most to the least specific (see DealMention.context).
        lines = (_text(context) or _text(snippet) or "").split("\n")
        segment = refs.taxonomy.classify_first(lines)
        basis = "fallback" if segment == UNCLASSIFIED else "inferred"
    return segment, basis, refs.taxonomy.layer_of(segment)


def has_segment_label(segment_text: Any) -> bool:
    """Whether a segment cell states a label (then the mention's context is not read)."""
    return _label(segment_text) is not None


def status_of(status: Any) -> str:
    """'announced' or 'reported', or the status as written when it says neither (`deal_status`)."""
    return deal_status(status)


def normalize_record(row: dict[str, Any], refs: References) -> dict[str, Any]:
    """The normalized fields of one extracted mention (a dict with extracted_mentions columns)."""
    company, company_alias, company_key = company_fields(row.get("company_text"), refs)
    announced_date, date_basis, date_precision = announced_fields(
        row.get("announced_text"), row.get("date_format"), row.get("published_date"),
        row.get("published_precision"),
    )  # fmt: skip
    currency_text, default_currency = row.get("currency_text"), row.get("default_currency")
    amount_fields = money_fields(row.get("amount_text"), currency_text, default_currency, refs)
    valuation_fields = money_fields(row.get("valuation_text"), currency_text, default_currency, refs)
    amount, valuation = amount_fields.money, valuation_fields.money

    amount_usd = valuation_usd = rate = rate_month = None
    if amount and amount.currency and not amount_fields.huge:
        converted = refs.fx.to_usd(amount.value, amount.currency, announced_date, date_precision)
        if converted:
            amount_usd, rate, rate_month = converted.amount_usd, converted.usd_per_unit, converted.rate_month
    if valuation and valuation.currency and not valuation_fields.huge:
        converted = refs.fx.to_usd(valuation.value, valuation.currency, announced_date, date_precision)
        valuation_usd = converted.amount_usd if converted else None

    segment, segment_basis, layer = segment_fields(
        row.get("segment_text"), row.get("context"), row.get("snippet"), refs
    )
    amount_usd, amount_status = _storable(
        amount_usd, OUT_OF_RANGE if amount_fields.huge else amount_fields.status
    )
    valuation_usd, valuation_status = _storable(
        valuation_usd, OUT_OF_RANGE if valuation_fields.huge else valuation_fields.status
    )
    return {
        "company": company,
        "company_alias": company_alias,
        "company_key": company_key,
        "round_type": round_type_of(row.get("round_text"), refs),
        "amount_original": amount_fields.original,
        "amount_status": amount_status,
        "currency": amount_fields.row_currency,
        "amount_usd": amount_usd,
        "amount_is_floor": bool(amount and amount.is_floor),
        "amount_is_ceiling": bool(amount and amount.is_ceiling),
        "valuation_original": valuation_fields.original,
        "valuation_status": valuation_status,
        "valuation_usd": valuation_usd,
        "valuation_is_floor": bool(valuation and valuation.is_floor),
        # (in its own units too, for resolution to compare reports in one currency and convert again)
        "amount_in_currency": float(amount.value) if amount is not None and amount_usd is not None else None,
        "valuation_currency": valuation.currency
        if valuation is not None and valuation_usd is not None
        else None,
        "valuation_in_currency": (
            float(valuation.value) if valuation is not None and valuation_usd is not None else None
        ),
        "fx_usd_per_unit": float(rate) if rate is not None else None,
        "fx_rate_month": rate_month,
        "lead_investors": refs.names.investor_list(as_list(row.get("lead_investors_text"))),
        "investors": refs.names.investor_list(as_list(row.get("investors_text"))),
        "announced_date": announced_date,
        "announced_date_precision": date_precision,
        "status": status_of(row.get("status")),
        "date_basis": date_basis,
        "segment": segment,
        "segment_basis": segment_basis,
        "layer": layer,
    }


def normalize_mentions(extracted: pd.DataFrame, refs: References | None = None) -> pd.DataFrame:
    """normalized_mentions rows: every extracted column kept, normalized fields added (same row order)."""
    refs = refs or References.of()
    rows = [normalize_record(r, refs) for r in extracted.to_dict("records")]
    normalized = pd.DataFrame(rows, columns=NORMALIZED_FIELDS, index=extracted.index)
    for column in ("amount_usd", "valuation_usd"):
        # From the Python ints themselves: a column of ints and Nones would pass through float64 on the
        # way, rounding anything above 2^53 and refusing 2^63 - 1.
        normalized[column] = pd.array([r[column] for r in rows], dtype="Int64")
    # Microseconds, not pandas' default nanoseconds: a typo such as 2999-01-01 must stay representable
    # so that validation can quarantine it.
    normalized["announced_date"] = normalized["announced_date"].astype("datetime64[us]")
    # Extraction-only columns (parse options, raw investor lists, context) stay behind.
    kept = extracted[
        [c for c in extracted.columns if c in NORMALIZED_MENTIONS.names and c not in NORMALIZED_FIELDS]
    ]
    return pd.concat([kept, normalized], axis=1)
