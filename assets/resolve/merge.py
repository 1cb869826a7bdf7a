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
4. record_id, for a stable order.
Dates: an explicit date from the strongest mention that states one; otherwise the earliest publication
date (a deal was announced no later than its first report). Investors: the union over all mentions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from assets.frames import as_list, is_missing
from schemas.rules import MERGE_WINDOW_DAYS
from schemas.tables import DEALS
from schemas.taxonomy import UNCLASSIFIED, Taxonomy, default_taxonomy
from schemas.vocabulary import STAGELESS_ROUNDS, UNKNOWN_ROUND, VENTURE_ROUND

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


def _close(a: int, b: int, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1)


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

    def date_distance(self, day: date) -> int:
        return min(abs((r["announced_date"] - day).days) for r in self.records)

    @property
    def status(self) -> str:
        return _status(self.records[0])

    def accepts(self, record: dict[str, Any], policy: MergePolicy) -> bool:
        if _status(record) != self.status:
            return False  # a reported round is never confirmed by merging it into an announced one
        if self.date_distance(record["announced_date"]) > policy.window_days:
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
            values = self._values(column)
            if values and _known(record[column]) and not _close(values[0], record[column], tolerance):
                return False
        return True


def _status(record: dict[str, Any]) -> str:
    """'reported' or 'announced' (a mention from before statuses were read is announced)."""
    return "reported" if record.get("status") == "reported" else "announced"


def _precedence_key(record: dict[str, Any], source_rank: dict[str, int]) -> tuple[int, int, int, str]:
    published = record.get("published_date")
    newer_first = -pd.Timestamp(published).toordinal() if _known(published) else 0
    return (
        METHOD_PRECEDENCE.get(record["method"], 9),
        newer_first,
        source_rank.get(record["source_id"], len(source_rank)),
        record["record_id"],
    )


def _conflicts(cluster: _Cluster, policy: MergePolicy) -> list[str]:
    found = []
    rounds = {r for r in cluster._values("round_type") if r not in STAGELESS_ROUNDS}
    for column, tolerance in (
        ("amount_usd", policy.amount_tolerance),
        ("valuation_usd", policy.valuation_tolerance),
    ):
        values = cluster._values(column)
        if any(not _close(values[0], v, tolerance) for v in values[1:]):
            found.append(column)
    if len(rounds) > 1:
        found.append("round_type")
    return found


def _union(lists: list[Any]) -> list[str]:
    merged: list[str] = []
    for names in lists:
        for name in as_list(names):
            if name not in merged:
                merged.append(name)
    return merged


def _first(records: list[dict[str, Any]], column: str) -> dict[str, Any] | None:
    return next((r for r in records if _known(r[column])), None)


def _deal_row(cluster: _Cluster, policy: MergePolicy, taxonomy: Taxonomy) -> dict[str, Any]:
    records = cluster.records  # already in precedence order
    head = records[0]
    explicit = [r for r in records if r["date_basis"] == "explicit"]
    dated = explicit[0] if explicit else min(records, key=lambda r: r["announced_date"])
    with_amount, with_valuation = _first(records, "amount_usd"), _first(records, "valuation_usd")
    segment_record = min(records, key=lambda r: SEGMENT_BASIS_PRECEDENCE.get(r["segment_basis"], 9))
    segment = _text_or(segment_record["segment"], UNCLASSIFIED)
    aliases = [r["company_alias"] for r in records if _known(r["company_alias"])]
    aliases += [r["company"] for r in records if r["company"] != head["company"]]
    return {
        "company": head["company"],
        "company_key": head["company_key"],
        "company_aliases": list(dict.fromkeys(aliases)),
        "round_type": cluster.round_type,
        "amount_usd": with_amount["amount_usd"] if with_amount else None,
        "amount_is_floor": bool(with_amount["amount_is_floor"]) if with_amount else False,
        "valuation_usd": with_valuation["valuation_usd"] if with_valuation else None,
        "valuation_is_floor": bool(with_valuation["valuation_is_floor"]) if with_valuation else False,
        "currency": with_amount["currency"] if with_amount else None,
        "amount_original": with_amount["amount_original"] if with_amount else None,
        "lead_investors": _union([r["lead_investors"] for r in records]),
        "investors": _union([r["lead_investors"] for r in records] + [r["investors"] for r in records]),
        "announced_date": dated["announced_date"],
        "announced_date_precision": _text_or(dated.get("announced_date_precision"), "day"),
        "status": cluster.status,
        "date_basis": "explicit" if explicit else "published",
        "segment": segment,
        "segment_label": taxonomy.segments[segment].label if segment in taxonomy.segments else segment,
        "layer": taxonomy.layer_of(segment) or "unclassified",
        "source_count": len({r["source_id"] for r in records}),
        "mention_count": len(records),
        "conflicts": _conflicts(cluster, policy),
        "warnings": _union([r.get("warnings") for r in records]),
    }


def _clusters(
    records: list[dict[str, Any]], policy: MergePolicy, source_rank: dict[str, int]
) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for record in sorted(records, key=lambda r: _precedence_key(r, source_rank)):
        candidates = [c for c in clusters if c.accepts(record, policy)]
        if candidates:
            min(candidates, key=lambda c: c.date_distance(record["announced_date"])).records.append(record)
        else:
            clusters.append(_Cluster([record]))
    return _joined_same_rounds(clusters, policy, source_rank)


def _deal_date(cluster: _Cluster) -> date:
    """The date its deal will carry (see `_deal_row`)."""
    explicit = [r for r in cluster.records if r["date_basis"] == "explicit"]
    return explicit[0]["announced_date"] if explicit else min(r["announced_date"] for r in cluster.records)


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
                    and abs((_deal_date(first) - _deal_date(second)).days) <= policy.window_days
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


def _deal_id(company_key: str, round_type: str, announced: date, ordinal: int) -> str:
    key = f"{company_key}\x1f{round_type}\x1f{announced.isoformat()}\x1f{ordinal}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _precedence_columns(frame: pd.DataFrame, source_rank: dict[str, int]) -> pd.DataFrame:
    """`_precedence_key` of every row, as four sortable columns (method, newer first, source, record)."""
    published = pd.to_datetime(frame["published_date"])
    # -toordinal(): the proleptic Gregorian day number, as Python counts it, negated (newer first).
    ordinal = (published - pd.Timestamp("0001-01-01")).dt.days + 1
    return pd.DataFrame(
        {
            "_method": frame["method"].map(METHOD_PRECEDENCE).fillna(9).astype(int),
            "_newer_first": (-ordinal).fillna(0).astype(int),
            "_source": frame["source_id"].map(source_rank).fillna(len(source_rank)).astype(int),
            "_record": frame["record_id"],
        },
        index=frame.index,
    )


_ORDER = ["_method", "_newer_first", "_source", "_record"]


def _alone(frame: pd.DataFrame, policy: MergePolicy) -> pd.Series:
    """Rows no other row of their company could ever join: none of the same status lies within the window
    with a round that does not contradict theirs. Such a row is a deal by itself, whatever the order the
    clustering takes the rows in (a cluster with a stated round holds only that round and stageless rows,
    so a row can join one only through a compatible neighbour), and it is built as a column operation."""
    keyed = frame[["record_id", "company_key", "round_type", "announced_date", "status"]].assign(
        reported=frame["status"].eq("reported").fillna(False)
    )
    with duckdb.connect() as connection:
        connection.register("rows_in", keyed)
        lonely = connection.execute(
            """
            select a.record_id from rows_in a
            where a.company_key is not null and a.round_type is not null and a.announced_date is not null
              and not exists (
                select 1 from rows_in b
                where b.company_key = a.company_key and b.record_id <> a.record_id
                  and b.reported = a.reported
                  and abs(date_diff('day', a.announced_date, b.announced_date)) <= $1
                  and (a.round_type = b.round_type or list_contains($2, a.round_type)
                       or list_contains($2, b.round_type)))
            """,
            [policy.window_days, sorted(STAGELESS_ROUNDS)],
        ).fetchall()
    return frame["record_id"].isin({record for (record,) in lonely})


def _names(value: Any) -> list[Any]:
    """The names of a list cell, missing ones left out: `as_list` for the common cell shapes, faster."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, list):
        return [v for v in value if v is not None and v == v]  # v == v: not NaN
    return as_list(value)


def _dedupe(lists: pd.Series) -> list[list[Any]]:
    return [list(dict.fromkeys(_names(names))) for names in lists]


def _single_deals(rows: pd.DataFrame, taxonomy: Taxonomy) -> pd.DataFrame:
    """`_deal_row` of one-mention clusters, column by column."""
    has_amount = rows["amount_usd"].notna()
    segment = rows["segment"].where(rows["segment"].notna() & (rows["segment"] != ""), UNCLASSIFIED)
    labels = {slug: entry.label for slug, entry in taxonomy.segments.items()}
    return pd.DataFrame(
        {
            "company": rows["company"],
            "company_key": rows["company_key"],
            "company_aliases": [[a] if _known(a) else [] for a in rows["company_alias"]],
            "round_type": rows["round_type"],
            "amount_usd": rows["amount_usd"],
            "amount_is_floor": rows["amount_is_floor"].fillna(False).astype(bool) & has_amount,
            "valuation_usd": rows["valuation_usd"],
            "valuation_is_floor": rows["valuation_is_floor"].fillna(False).astype(bool)
            & rows["valuation_usd"].notna(),
            "currency": rows["currency"].where(has_amount, None),
            "amount_original": rows["amount_original"].where(has_amount, None),
            "lead_investors": _dedupe(rows["lead_investors"]),
            "investors": [
                list(dict.fromkeys([*_names(leads), *_names(others)]))
                for leads, others in zip(rows["lead_investors"], rows["investors"], strict=True)
            ],
            "announced_date": rows["announced_date"],
            "announced_date_precision": [_text_or(p, "day") for p in rows["announced_date_precision"]],
            "status": rows["status"].eq("reported").fillna(False).map({True: "reported", False: "announced"}),
            "date_basis": rows["date_basis"]
            .eq("explicit")
            .fillna(False)
            .map({True: "explicit", False: "published"}),
            "segment": segment,
            "segment_label": segment.map(lambda s: labels.get(s, s)),
            "layer": segment.map(lambda s: taxonomy.layer_of(s) or "unclassified"),
            "source_count": 1,
            "mention_count": 1,
            "conflicts": [[] for _ in range(len(rows))],
            "warnings": _dedupe(rows["warnings"]) if "warnings" in rows else [[] for _ in range(len(rows))],
        },
        index=rows.index,
    )


_EVIDENCE_FROM_RECORD = ["record_id", "source_id", "url", "document_sha256", "method", "locator", "snippet",
                         "amount_usd", "valuation_usd", "round_type", "announced_date"]  # fmt: skip


def resolve_deals(
    validated: pd.DataFrame,
    policy: MergePolicy | None = None,
    taxonomy: Taxonomy | None = None,
    source_order: list[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(deals, deal_sources) from validated mentions. Every input row lands in exactly one deal.

    `source_order` ranks sources (registry order) for ties the method and document date leave open.
    Rows that no other row could join (most rows of an export) become deals as column operations; the
    rest are clustered company by company.
    """
    source_rank = {source_id: rank for rank, source_id in enumerate(source_order or [])}
    policy, taxonomy = policy or MergePolicy(), taxonomy or default_taxonomy()
    frame = validated[[c for c in _RESOLVE_INPUT if c in validated.columns]].copy()
    for column in _RESOLVE_INPUT:  # optional columns a caller may leave out: missing, as None
        if column not in frame:
            frame[column] = [[] for _ in range(len(frame))] if column == "warnings" else None
    frame["announced_date"] = pd.to_datetime(frame["announced_date"]).dt.date
    frame["amount_usd"] = frame["amount_usd"].astype("object").where(frame["amount_usd"].notna(), None)
    frame["valuation_usd"] = (
        frame["valuation_usd"].astype("object").where(frame["valuation_usd"].notna(), None)
    )
    order = _precedence_columns(frame, source_rank)
    alone = _alone(frame, policy) if len(frame) else pd.Series(dtype=bool)
    singles = frame[alone]
    single_deals = _single_deals(singles, taxonomy).join(order)
    single_deals["_cluster"] = range(len(single_deals))
    single_evidence = singles[_EVIDENCE_FROM_RECORD].assign(_cluster=single_deals["_cluster"], precedence=1)

    # Plain dicts grouped in Python: a pandas groupby with one small group per company costs ~1 ms a
    # group, which dominates on exports with tens of thousands of companies.
    by_company: dict[str, list[dict[str, Any]]] = {}
    for record in frame[~alone].join(order).to_dict("records"):
        by_company.setdefault(record["company_key"], []).append(record)
    clustered, evidence = [], []
    for company_key in sorted(by_company):
        for cluster in _clusters(by_company[company_key], policy, source_rank):
            number = len(single_deals) + len(clustered)
            head = cluster.records[0]
            clustered.append(
                _deal_row(cluster, policy, taxonomy) | {c: head[c] for c in _ORDER} | {"_cluster": number}
            )
            for rank, record in enumerate(cluster.records, start=1):
                evidence.append(
                    {c: record[c] for c in _EVIDENCE_FROM_RECORD} | {"_cluster": number, "precedence": rank}
                )
    deals = pd.concat(
        [single_deals, pd.DataFrame(clustered, columns=single_deals.columns)], ignore_index=True
    ).sort_values(["company_key", *_ORDER], kind="stable", ignore_index=True)
    # The n-th deal of a company with the same round and date (in precedence order of the mentions
    # that opened them) gets ordinal n, as the mentions were taken in that order.
    ordinal = deals.groupby(["company_key", "round_type", "announced_date"], dropna=False).cumcount()
    keys = zip(deals["company_key"], deals["round_type"], deals["announced_date"], ordinal, strict=True)
    deals["deal_id"] = [_deal_id(*key) for key in keys]
    sources = pd.concat(
        [single_evidence, pd.DataFrame(evidence, columns=single_evidence.columns)], ignore_index=True
    )
    position = pd.Series(range(len(deals)), index=deals["_cluster"])
    sources = sources.assign(
        deal_id=sources["_cluster"].map(deals.set_index("_cluster")["deal_id"]),
        _position=sources["_cluster"].map(position),
    ).sort_values(["_position", "precedence"], kind="stable", ignore_index=True)
    deals_frame = deals.reindex(columns=DEAL_COLUMNS)
    sources_frame = sources.reindex(columns=DEAL_SOURCE_COLUMNS)
    for column in ("amount_usd", "valuation_usd"):
        deals_frame[column] = deals_frame[column].astype("Int64")
        sources_frame[column] = sources_frame[column].astype("Int64")
    return deals_frame, sources_frame


_RESOLVE_INPUT = [
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
    "amount_original",
    "currency",
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
