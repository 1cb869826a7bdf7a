"""Cross-source resolution: mentions of the same deal become one row in `deals`.

Two mentions are the same deal when they name the same company (canonical key), their dates fall within
`window_days`, their round types do not contradict (equal, or one unknown) and their amounts and
valuations agree within tolerance where both are known. Mentions that state the same known round in the
same window but disagree on the amount are still one deal; the disagreement is listed in `conflicts`
rather than hidden. Different rounds of one company stay separate.

Precedence when facts conflict (strongest first), documented in README.md:
1. extraction method: table exports, then tables in pages, then prose (structure beats sentences);
2. newer document before older (a later report corrects an earlier one);
3. the source listed earlier in sources.toml (the user's own ranking of sources);
4. the document's content (its sha256), then the mention's place in it (`mention_key`; in a frame without
   one, its row), then record_id: ties go the same way wherever the same bytes are found, so an export
   moved to another folder or URL resolves to the same deals (the record id hashes the URL).
Amounts in another currency are in US dollars at the rate of the month the deal is dated to: a deal that
takes its amount from one mention and its date from another has the amount converted again at the rate of
the date it shows (`at_deal_month`), and so is a valuation; two reports of one figure in one currency are
compared in it, not in dollars at two months' rates.
Dates: an explicit date from the strongest mention that states one; otherwise the earliest publication
date (a deal was announced no later than its first report); a deal none of whose mentions is dated stays
undated (`announced_date` empty, `date_basis` 'undated'). An undated mention is never too far from another:
only its round, status and figures decide where it goes. Investors: the union over all mentions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd

from assets.frames import as_list, is_missing
from assets.normalize.fx import FxTable, default_fx_table, rate_period
from schemas.rules import MERGE_WINDOW_DAYS
from schemas.tables import DEALS
from schemas.taxonomy import UNCLASSIFIED, Taxonomy, default_taxonomy
from schemas.vocabulary import STAGELESS_ROUNDS, UNDATED, UNKNOWN_ROUND, VENTURE_ROUND

METHOD_PRECEDENCE = {"table_row": 0, "document_table": 1, "prose": 2}
SEGMENT_BASIS_PRECEDENCE = {"stated": 0, "label_keywords": 1, "inferred": 2, "fallback": 3}


@dataclass(frozen=True)
class MergePolicy:
    window_days: int = MERGE_WINDOW_DAYS
    """Mentions further apart than this are different deals. Wide, because prose restates old deals."""
    amount_tolerance: float = 0.10
    """Relative difference under which two amounts are the same figure (rounding, '$1.5B' vs '$1,500M')."""
    valuation_tolerance: float = 0.15


def _known(value: Any) -> bool:
    return not is_missing(value)


def _text_or(value: Any, default: str) -> str:
    """`value`, or `default` when it is missing or empty (NaN included: frames read back give NaN)."""
    return value if _known(value) and value else default


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1)


# Each figure a deal takes, with the columns that give it in its own currency.
FIGURES = {
    "amount_usd": ("amount_in_currency", "currency"),
    "valuation_usd": ("valuation_in_currency", "valuation_currency"),
}


def _in_one_currency(first: dict[str, Any], other: dict[str, Any], column: str) -> bool:
    """Whether two mentions state a figure in the same currency, other than US dollars, with its value in
    that currency: they are then compared in it (€25M reported in May and in September is one figure,
    whatever the two months' rates made of it in dollars)."""
    units, currency = FIGURES[column]
    return (
        first.get(currency) not in (None, "USD")
        and first.get(currency) == other.get(currency)
        and _known(first.get(units))
        and _known(other.get(units))
    )


def _agree(first: dict[str, Any], other: dict[str, Any], column: str, tolerance: float) -> bool:
    """Whether two mentions' figure (`column`, both known) agree within `tolerance`: in their own currency
    when they share one (`_in_one_currency`), else in US dollars."""
    if _in_one_currency(first, other, column):
        units = FIGURES[column][0]
        return _close(first[units], other[units], tolerance)
    return _close(first[column], other[column], tolerance)


@dataclass
class _Cluster:
    records: list[dict[str, Any]] = field(default_factory=list)

    def _values(self, column: str) -> list[Any]:
        return [r[column] for r in self.records if _known(r[column])]

    @property
    def round_type(self) -> str:
        """The stated stage, else 'venture' (a round without its stage), else unknown."""
        rounds = [r for r in self._values("round_type") if r != UNKNOWN_ROUND]
        staged = [r for r in rounds if r != VENTURE_ROUND]
        return (staged or rounds or [UNKNOWN_ROUND])[0]

    def date_distance(self, record: dict[str, Any]) -> int:
        return min(_days_apart(r, record) for r in self.records)

    @property
    def status(self) -> str:
        return _status(self.records[0])

    def accepts(self, record: dict[str, Any], policy: MergePolicy) -> bool:
        if _status(record) != self.status:
            return False  # a reported round is never confirmed by merging it into an announced one
        if self.date_distance(record) > policy.window_days:
            return False
        mine, theirs = self.round_type, record["round_type"]
        # 'a funding round' (venture) names no stage: it may be any stated round of the same window.
        rounds_known = mine not in STAGELESS_ROUNDS and theirs not in STAGELESS_ROUNDS
        if rounds_known:
            # Same stated round in the same window: one deal, even if the figures differ (then flagged
            # in `conflicts`); a different stated round is a different deal.
            return mine == theirs
        for column, tolerance in (
            ("amount_usd", policy.amount_tolerance),
            ("valuation_usd", policy.valuation_tolerance),
        ):
            first = _first(self.records, column)
            if first and _known(record[column]) and not _agree(first, record, column, tolerance):
                return False
        return True


def _last_day(record: dict[str, Any]) -> date:
    """The last day a mention's date may be: the end of its month, quarter or year (a mention dated '2024'
    may be any day of 2024), else the day itself."""
    day = record["announced_date"]
    precision = record.get("announced_date_precision")
    if precision == "year":
        return date(day.year, 12, 31)
    if precision not in ("month", "quarter"):
        return day
    # the month after the period, counted from 0: the period's last day is the day before it starts
    later = (day.month - 1) // 3 * 3 + 3 if precision == "quarter" else day.month
    return date(day.year + later // 12, later % 12 + 1, 1) - timedelta(days=1)


# A mention its text dates only by a quarter or a year is near what falls in that period or within a month
# of it (a round closed 'in late 2021' and announced on January 5, 2022), never the whole window past it: a
# period that long already spans the uncertainty the window allows for, and 180 days past it would chain a
# '2022' seed to one of May 2023. A page's year (the latest its text names, a guess at when the page was
# written) is no such statement: the window still applies to it.
SPAN_SLACK_DAYS = 31
FAR_APART = 1_000_000


_SPANS = ("quarter", "year")


def _coarse(record: dict[str, Any]) -> bool:
    """Whether the text itself dates a mention only by a quarter or a year."""
    return record.get("date_basis") == "explicit" and record.get("announced_date_precision") in _SPANS


def _days_apart(first: dict[str, Any] | None, second: dict[str, Any] | None) -> int:
    """Days between the periods two mentions are dated to: 0 when they overlap, `FAR_APART` when they are
    more than `SPAN_SLACK_DAYS` apart and one is dated only by a quarter or a year its text states; 0 when
    either is undated (an undated mention is near every date)."""
    if first is None or second is None or first["announced_date"] is None or second["announced_date"] is None:
        return 0
    apart = max(
        0,
        (first["announced_date"] - _last_day(second)).days,
        (second["announced_date"] - _last_day(first)).days,
    )
    return FAR_APART if apart > SPAN_SLACK_DAYS and (_coarse(first) or _coarse(second)) else apart


def _status(record: dict[str, Any]) -> str:
    """'reported' or 'announced' (a mention from before statuses were read is announced)."""
    return "reported" if record.get("status") == "reported" else "announced"


def _precedence_key(
    record: dict[str, Any], source_rank: dict[str, int]
) -> tuple[int, int, int, tuple[int, str], tuple[int, int], str]:
    published = record.get("published_date")
    newer_first = -pd.Timestamp(published).toordinal() if _known(published) else 0
    return (
        METHOD_PRECEDENCE.get(record["method"], 9),
        newer_first,
        source_rank.get(record["source_id"], len(source_rank)),
        # a mention without its document's hash or its place in it comes after those with one, as SQL
        # orders NULL last (only frames never landed lack them: the working table requires both)
        (0, record["document_sha256"]) if _known(record.get("document_sha256")) else (1, ""),
        (0, int(record["mention_key"])) if _known(record.get("mention_key")) else (1, 0),
        record["record_id"],
    )


def _conflicts(cluster: _Cluster, policy: MergePolicy) -> list[str]:
    found = []
    rounds = {r for r in cluster._values("round_type") if r not in STAGELESS_ROUNDS}
    for column, tolerance in (
        ("amount_usd", policy.amount_tolerance),
        ("valuation_usd", policy.valuation_tolerance),
    ):
        stated = [r for r in cluster.records if _known(r[column])]
        if any(not _agree(stated[0], r, column, tolerance) for r in stated[1:]):
            found.append(column)
    if len(rounds) > 1:
        found.append("round_type")
    # Only segments sources stated can disagree: one dealmap inferred from keywords is a guess, not a claim.
    stated = {
        r["segment"] for r in cluster.records if r.get("segment_basis") == "stated" and _known(r["segment"])
    }
    if len(stated - {UNCLASSIFIED}) > 1:
        found.append("segment")
    return found


# Warn rules about the amount: a deal keeps them only from the mention whose amount it took.
AMOUNT_WARNINGS = frozenset({"amount_large_for_round", "amount_implausibly_small"})
# The warn rule an undated mention breaks: a deal keeps it only when no mention dates it.
UNDATED_WARNING = "announced_date_present"
FX_WARNING = "fx_rate_of_another_month"


def with_fx_warning(
    warnings: list[str], currency: str | None, day: date | None, precision: str | None, fx: FxTable
) -> list[str]:
    """`warnings` with `FX_WARNING` as the deal's own date reads it: kept (in its place) or added (last)
    when the FX table has no rate of the deal's month (of its quarter or year, for such a `precision`) in
    the deal's currency, dropped otherwise. A merged deal's warnings are its mentions'; one mention dated in
    a month the table lacks, or a deal re-dated into one, must not leave the deal's warning wrong."""
    applies = False
    if day is not None and currency not in (None, "USD"):
        found = fx.rate(currency, day, precision)
        start, end = rate_period(day, precision)
        applies = found is not None and not start <= found[1] < end
    if applies:
        return warnings if FX_WARNING in warnings else [*warnings, FX_WARNING]
    return [w for w in warnings if w != FX_WARNING]


def _deal_warnings(
    records: list[dict[str, Any]], with_amount: dict[str, Any] | None, segment: str, dated: bool
) -> list[str]:
    """The warnings that describe the deal as resolved, not one of its mentions: an unclassified mention
    of a deal whose segment another mention gave, an undated mention of a deal another mention dates, or a
    doubtful amount the deal did not take, is not the deal's warning."""
    found = _union([r.get("warnings") for r in records])
    taken = as_list(with_amount.get("warnings")) if with_amount else []
    return [
        w
        for w in found
        if not (w == "segment_unclassified" and segment != UNCLASSIFIED)
        and not (w == UNDATED_WARNING and dated)
        and not (w in AMOUNT_WARNINGS and w not in taken)
    ]


def _union(lists: list[Any]) -> list[str]:
    merged: list[str] = []
    for names in lists:
        for name in as_list(names):
            if name not in merged:
                merged.append(name)
    return merged


def _first(records: list[dict[str, Any]], column: str) -> dict[str, Any] | None:
    return next((r for r in records if _known(r[column])), None)


def at_deal_month(
    mention: dict[str, Any], column: str, deal_date: date | None, deal_precision: str | None, fx: FxTable
) -> Any:
    """The figure `column` ('amount_usd' or 'valuation_usd') of `mention` in whole US dollars at the rate
    of the month of `deal_date` (its quarter's or year's mean for such a `deal_precision`, as the
    normaliser converts).

    A merged deal may take its amount or valuation from one mention and its date from another (an export
    row dated by its publication, a story that dates the round months earlier); that mention was
    converted at the rate of its own date's month, so the deal's dollars would not be those of the date it
    shows. Converted again from the figure in its own currency, when the two months' rates differ (a
    date before the table takes its first month, after it or none its last, as normalisation does).
    `in_database` converts the staged deals with this function too. Unchanged for US dollars, an undated
    deal, or the same rate."""
    dollars = mention[column]
    units_column, currency_column = FIGURES[column]
    units, currency = mention.get(units_column), mention.get(currency_column)
    if deal_date is None or not _known(units) or currency in (None, "USD"):
        return dollars
    at_deal = fx.rate(currency, deal_date, deal_precision)
    at_mention = fx.rate(currency, _day(mention["announced_date"]), mention.get("announced_date_precision"))
    if at_deal is None or at_mention is None or at_deal == at_mention:
        return dollars
    converted = Decimal(float(units) * float(at_deal[0]))
    return int(converted.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _day(value: Any) -> date | None:
    return None if not _known(value) else pd.Timestamp(value).date()


def _deal_row(cluster: _Cluster, policy: MergePolicy, taxonomy: Taxonomy, fx: FxTable) -> dict[str, Any]:
    records = cluster.records  # already in precedence order
    head = records[0]
    dated = _dated(records)
    with_amount, with_valuation = _first(records, "amount_usd"), _first(records, "valuation_usd")
    deal_date = dated["announced_date"] if dated else None
    deal_precision = _text_or(dated.get("announced_date_precision"), "day") if dated else None
    segment_record = min(records, key=lambda r: SEGMENT_BASIS_PRECEDENCE.get(r["segment_basis"], 9))
    segment = _text_or(segment_record["segment"], UNCLASSIFIED)
    aliases = [r["company_alias"] for r in records if _known(r["company_alias"])]
    aliases += [r["company"] for r in records if r["company"] != head["company"]]
    return {
        "company": head["company"],
        "company_key": head["company_key"],
        "company_aliases": list(dict.fromkeys(aliases)),
        "round_type": cluster.round_type,
        "amount_usd": (
            at_deal_month(with_amount, "amount_usd", deal_date, deal_precision, fx) if with_amount else None
        ),
        "amount_is_floor": bool(with_amount["amount_is_floor"]) if with_amount else False,
        "amount_is_ceiling": bool(with_amount["amount_is_ceiling"]) if with_amount else False,
        "valuation_usd": (
            at_deal_month(with_valuation, "valuation_usd", deal_date, deal_precision, fx)
            if with_valuation
            else None
        ),
        "valuation_is_floor": bool(with_valuation["valuation_is_floor"]) if with_valuation else False,
        "currency": with_amount["currency"] if with_amount else None,
        "amount_original": with_amount["amount_original"] if with_amount else None,
        "lead_investors": _union([r["lead_investors"] for r in records]),
        "investors": _union([r["lead_investors"] for r in records] + [r["investors"] for r in records]),
        "announced_date": dated["announced_date"] if dated else None,
        "announced_date_precision": _text_or(dated.get("announced_date_precision"), "day") if dated else None,
        "status": cluster.status,
        "date_basis": _text_or(dated["date_basis"], "published") if dated else UNDATED,
        "segment": segment,
        "segment_label": taxonomy.segments[segment].label if segment in taxonomy.segments else segment,
        "layer": taxonomy.layer_of(segment) or "unclassified",
        "source_count": len({r["source_id"] for r in records}),
        "mention_count": len(records),
        "conflicts": _conflicts(cluster, policy),
        "warnings": with_fx_warning(
            _deal_warnings(records, with_amount, segment, dated is not None),
            with_amount.get("currency") if with_amount else None,
            deal_date,
            deal_precision,
            fx,
        ),
    }


def _clusters(
    records: list[dict[str, Any]], policy: MergePolicy, source_rank: dict[str, int]
) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for record in sorted(records, key=lambda r: _precedence_key(r, source_rank)):
        candidates = [c for c in clusters if c.accepts(record, policy)]
        if candidates:
            min(candidates, key=lambda c: c.date_distance(record)).records.append(record)
        else:
            clusters.append(_Cluster([record]))
    return _joined_same_rounds(clusters, policy, source_rank)


# How coarse a date is, finest first: of two explicit dates a deal carries the finer ('March 2022' from
# its body over '2022' from a report's lede).
COARSENESS = {"month": 1, "quarter": 2, "year": 3}


def _dated(records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The mention whose date the deal carries: the finest explicit date, the strongest of those, else the
    earliest dated one, else None (no mention is dated). `records` are in precedence order."""
    explicit = [r for r in records if r["date_basis"] == "explicit" and r["announced_date"] is not None]
    if explicit:
        return min(explicit, key=lambda r: COARSENESS.get(r.get("announced_date_precision") or "day", 0))
    dated = [r for r in records if r["announced_date"] is not None]
    return min(dated, key=lambda r: r["announced_date"], default=None)


def _joined_same_rounds(
    clusters: list[_Cluster], policy: MergePolicy, source_rank: dict[str, int]
) -> list[_Cluster]:
    """Clusters of one stated stage and status whose deal dates fall within the window, made one.

    Taking mentions one at a time can leave two: a stageless mention opens a cluster, a stated one too far
    from it opens another, and a third joins the first and gives it that stage. They are one round reported
    twice, which the deal rules forbid (`one_deal_per_round_window`).
    """
    joined = True
    while joined:
        joined = False
        for position, first in enumerate(clusters):
            for second in clusters[position + 1 :]:
                if (
                    first.round_type not in STAGELESS_ROUNDS
                    and (first.round_type, first.status) == (second.round_type, second.status)
                    and _days_apart(_dated(first.records), _dated(second.records)) <= policy.window_days
                ):
                    first.records = sorted(
                        first.records + second.records, key=lambda r: _precedence_key(r, source_rank)
                    )
                    clusters.remove(second)
                    joined = True
                    break
            if joined:
                break
    return clusters


def _deal_id(company_key: str, round_type: str, announced: date | None, ordinal: int) -> str:
    day = announced.isoformat() if announced is not None else "None"  # as in_database.py writes it
    key = f"{company_key}\x1f{round_type}\x1f{day}\x1f{ordinal}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


_EVIDENCE_FROM_RECORD = ["record_id", "source_id", "url", "document_sha256", "method", "locator", "snippet",
                         "amount_usd", "valuation_usd", "round_type", "announced_date"]  # fmt: skip


def resolve_deals(
    validated: pd.DataFrame,
    policy: MergePolicy | None = None,
    taxonomy: Taxonomy | None = None,
    source_order: list[str] | None = None,
    fx: FxTable | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(deals, deal_sources) from validated mentions. Every input row lands in exactly one deal.

    `source_order` ranks sources (registry order) for ties the method and document date leave open.
    Mentions are clustered company by company (the warehouse builds the deals of lone mentions in SQL
    first: assets/resolve/in_database.py).
    """
    source_rank = {source_id: rank for rank, source_id in enumerate(source_order or [])}
    policy, taxonomy = policy or MergePolicy(), taxonomy or default_taxonomy()
    fx = fx or default_fx_table()
    frame = validated[[c for c in _RESOLVE_INPUT if c in validated.columns]].copy()
    if "mention_key" not in frame:  # a frame of one extraction: its rows are in the document's order
        frame["mention_key"] = range(len(frame))
    for column in _RESOLVE_INPUT:  # optional columns a caller may leave out: missing, as None
        if column not in frame:
            frame[column] = [[] for _ in range(len(frame))] if column == "warnings" else None
    days = pd.to_datetime(frame["announced_date"])
    frame["announced_date"] = days.dt.date.astype("object").where(days.notna(), None)
    frame["amount_usd"] = frame["amount_usd"].astype("object").where(frame["amount_usd"].notna(), None)
    frame["valuation_usd"] = (
        frame["valuation_usd"].astype("object").where(frame["valuation_usd"].notna(), None)
    )
    # Plain dicts grouped in Python: a pandas groupby with one small group per company costs ~1 ms a
    # group, which dominates on exports with tens of thousands of companies.
    by_company: dict[str | None, list[dict[str, Any]]] = {}
    # Column by column (`tolist` gives Python values), not `to_dict`, which boxes value by value.
    columns = list(frame.columns)
    for cells in zip(*(frame[column].tolist() for column in columns), strict=True):
        record = dict(zip(columns, cells, strict=True))
        by_company.setdefault(record["company_key"], []).append(record)
    opened = []  # (company key, precedence of the mention that opened the deal, deal row, its mentions)
    for company_key, records in by_company.items():
        for cluster in _clusters(records, policy, source_rank):
            opened.append((company_key or "", _precedence_key(cluster.records[0], source_rank),
                           _deal_row(cluster, policy, taxonomy, fx), cluster.records))  # fmt: skip
    opened.sort(key=lambda deal: deal[:2])
    # The n-th deal of a company with the same round and date, in the precedence order of the mentions
    # that opened them, gets ordinal n (assets/resolve/in_database.py numbers them the same way).
    seen: dict[tuple[Any, str, date], int] = {}
    rows, evidence = [], []
    for _, _, deal, records in opened:
        key = (deal["company_key"], deal["round_type"], deal["announced_date"])
        seen[key] = seen.get(key, -1) + 1
        deal["deal_id"] = _deal_id(*key, seen[key])
        rows.append(deal)
        evidence.extend(
            {c: record[c] for c in _EVIDENCE_FROM_RECORD} | {"deal_id": deal["deal_id"], "precedence": rank}
            for rank, record in enumerate(records, start=1)
        )
    deals_frame = pd.DataFrame(rows, columns=DEAL_COLUMNS)
    sources_frame = pd.DataFrame(evidence, columns=DEAL_SOURCE_COLUMNS)
    for column in ("amount_usd", "valuation_usd"):
        deals_frame[column] = deals_frame[column].astype("Int64")
        sources_frame[column] = sources_frame[column].astype("Int64")
    return deals_frame, sources_frame


_RESOLVE_INPUT = [
    "mention_key",
    "record_id",
    "source_id",
    "url",
    "document_sha256",
    "method",
    "locator",
    "snippet",
    "published_date",
    "company",
    "company_key",
    "company_alias",
    "round_type",
    "amount_usd",
    "amount_is_floor",
    "amount_is_ceiling",
    "amount_original",
    "currency",
    "amount_in_currency",
    "valuation_currency",
    "valuation_in_currency",
    "valuation_usd",
    "valuation_is_floor",
    "lead_investors",
    "investors",
    "announced_date",
    "announced_date_precision",
    "date_basis",
    "status",
    "segment",
    "segment_basis",
    "warnings",
]
DEAL_COLUMNS = DEALS.names
DEAL_SOURCE_COLUMNS = [
    "deal_id",
    "record_id",
    "source_id",
    "url",
    "document_sha256",
    "method",
    "locator",
    "snippet",
    "precedence",
    "amount_usd",
    "valuation_usd",
    "round_type",
    "announced_date",
]
