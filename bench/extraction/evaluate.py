"""Score dealmap's extraction against the labelled corpus (bench/extraction/corpus).

Each document goes through the production path (parse -> normalise -> validate -> resolve, within the
document) and its predicted deals are matched to the labelled ones by company. A deal counts as right when
its company, amount (within 2% in US dollars, or both undisclosed) and round type are right. Fields are
scored separately: a labelled value the prediction lacks or gets wrong is a miss, a predicted value the
label lacks or contradicts is a false positive.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from assets.frames import as_list, is_missing
from assets.normalize.fx import default_fx_table
from assets.normalize.mentions import References, normalize_mentions
from assets.normalize.names import NameBook, Names, name_key
from assets.parsing.dispatch import extract_document
from assets.resolve.merge import resolve_deals
from assets.sources import Source, SourceKind
from assets.validate.quarantine import validate_frame
from schemas.mention_schema import NormalizedMentionSchema
from schemas.reference import reference_path
from schemas.rules import RECORD_RULES

CORPUS = Path(__file__).resolve().parent / "corpus"
AMOUNT_TOLERANCE = 0.02
FIELDS = (
    "amount_usd",
    "round_type",
    "valuation_usd",
    "lead_investors",
    "investors",
    "announced_date",
    "segment",
    "currency",
)


@dataclass(frozen=True)
class LabelledDocument:
    path: Path
    labels: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.name


def load_split(split: str, corpus: Path = CORPUS) -> list[LabelledDocument]:
    documents = []
    for label_file in sorted((corpus / split).glob("*.labels.json")):
        labels = json.loads(label_file.read_text(encoding="utf-8"))
        documents.append(LabelledDocument(label_file.parent / labels["document"], labels))
    return documents


def corpus_references(corpus: Path = CORPUS) -> References:
    """The production references, with the corpus's alias file added (as a user adds theirs)."""
    mappings: dict[str, dict[str, list[str]]] = {"companies": {}, "investors": {}}
    for path in (reference_path("aliases.toml"), corpus / "aliases.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for kind in mappings:
            for canonical, aliases in data.get(kind, {}).items():
                mappings[kind].setdefault(canonical, []).extend(aliases)
    default = References.of()
    names = Names(NameBook.from_mapping(mappings["companies"]), NameBook.from_mapping(mappings["investors"]))
    return References(default.taxonomy, default.round_types, default.currencies, default.fx, names)


@dataclass
class Published:
    """What the production path makes of one document's mentions: `normalized` (one row per mention),
    `rejected` (the quarantined ones, with `failed_checks`), `deals` (one row per deal) and `deal_sources`
    (the mentions behind each deal)."""

    normalized: pd.DataFrame
    rejected: pd.DataFrame
    deals: pd.DataFrame
    deal_sources: pd.DataFrame


def publish_mentions(extracted: pd.DataFrame, refs: References) -> Published:
    """Normalise, validate and resolve the mentions of one document, as a refresh would."""
    if extracted.empty:
        return Published(pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    normalized = normalize_mentions(extracted, refs)
    result = validate_frame(normalized, NormalizedMentionSchema, RECORD_RULES)
    if result.valid.empty:
        return Published(normalized, result.rejected, pd.DataFrame(), pd.DataFrame())
    deals, deal_sources = resolve_deals(result.valid, taxonomy=refs.taxonomy)
    return Published(normalized, result.rejected, deals, deal_sources)


def predict(document: LabelledDocument, refs: References) -> pd.DataFrame:
    """Deals dealmap would publish from this one document."""
    kind = SourceKind.NEWSLETTER if document.path.suffix in (".md", ".eml") else SourceKind.ARTICLE
    source = Source(id="corpus", kind=kind, url=document.path.as_uri())
    content_type = "text/html" if document.path.suffix == ".html" else None
    extracted = extract_document(source, document.path.as_uri(), "0" * 64, content_type, document.path)
    return publish_mentions(extracted, refs).deals


def _usd(value: Any, currency: str | None, on: date) -> int | None:
    if value is None or currency is None:
        return None
    converted = default_fx_table().to_usd(Decimal(str(value)), currency, on)
    return converted.amount_usd if converted else None


def gold_deals(document: LabelledDocument, names: Names) -> list[dict[str, Any]]:
    deals = []
    for deal in document.labels["deals"]:
        day = date.fromisoformat(deal["announced_date"])
        deals.append(
            {
                "company": deal["company"],
                "key": name_key(names.company(deal["company"]).name),
                "amount_usd": _usd(deal["amount"], deal["currency"], day),
                "round_type": deal["round_type"],
                "valuation_usd": _usd(deal["valuation"], deal["currency"], day),
                "lead_investors": frozenset(names.investor_list(deal["lead_investors"])),
                "investors": frozenset(names.investor_list(deal["investors"])),
                "announced_date": day,
                "segment": deal["segment"],
                "currency": deal["currency"] if deal["amount"] is not None else None,
                "evidence": deal["evidence"],
            }
        )
    return deals


def predicted_deals(frame: pd.DataFrame) -> list[dict[str, Any]]:
    deals = []
    for row in frame.to_dict("records"):
        deals.append(
            {
                "company": row["company"],
                "key": name_key(row["company"]),
                "amount_usd": None if is_missing(row["amount_usd"]) else int(row["amount_usd"]),
                "round_type": row["round_type"],
                "valuation_usd": None if is_missing(row["valuation_usd"]) else int(row["valuation_usd"]),
                "lead_investors": frozenset(as_list(row["lead_investors"])),
                "investors": frozenset(as_list(row["investors"])),
                "announced_date": row["announced_date"],
                "announced_date_precision": row.get("announced_date_precision"),
                "segment": row["segment"],
                "currency": None if is_missing(row["currency"]) else row["currency"],
            }
        )
    return deals


def amounts_close(a: int | None, b: int | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= AMOUNT_TOLERANCE * max(abs(a), abs(b), 1)


def field_equal(name: str, gold: Any, predicted: Any) -> bool:
    if name in ("amount_usd", "valuation_usd"):
        return amounts_close(gold, predicted)
    return gold == predicted


def present(name: str, value: Any) -> bool:
    if name == "round_type":
        return value not in (None, "unknown")
    if isinstance(value, frozenset):
        return bool(value)
    return value is not None


AmountEqual = Callable[[dict[str, Any], dict[str, Any]], bool]


def amount_usd_equal(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    return amounts_close(gold["amount_usd"], predicted["amount_usd"])


def deal_correct(
    gold: dict[str, Any], predicted: dict[str, Any], amount_equal: AmountEqual = amount_usd_equal
) -> bool:
    return amount_equal(gold, predicted) and gold["round_type"] == predicted["round_type"]


def match(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]], amount_equal: AmountEqual = amount_usd_equal
) -> list[tuple[dict | None, dict | None]]:
    """Pairs (gold, predicted) by company, in rounds of falling agreement: first every right deal, then
    those right on the amount, then on the round, then any of the same company; unmatched sides get None.

    Pairing label by label, the best candidate first, let an earlier label of a company with several
    deals take a prediction that a later label matches exactly (a history's Series D took the Series B
    predicted for the Series B label), so both counted as wrong."""
    tiers = (
        lambda deal, p: deal_correct(deal, p, amount_equal),
        lambda deal, p: amount_equal(deal, p),
        lambda deal, p: deal["round_type"] == p["round_type"],
        lambda deal, p: True,
    )
    remaining = list(predicted)
    paired: dict[int, dict] = {}
    for agrees in tiers:
        for index, deal in enumerate(gold):
            if index in paired:
                continue
            found = next((p for p in remaining if p["key"] == deal["key"] and agrees(deal, p)), None)
            if found is not None:
                remaining.remove(found)
                paired[index] = found
    pairs: list[tuple[dict | None, dict | None]] = [(deal, paired.get(i)) for i, deal in enumerate(gold)]
    pairs.extend((None, p) for p in remaining)
    return pairs


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    deals: Score = field(default_factory=Score)
    fields: dict[str, Score] = field(default_factory=lambda: {name: Score() for name in FIELDS})
    misses: list[str] = field(default_factory=list)
    documents: int = 0


def score_document(
    document: LabelledDocument, gold: list[dict], predicted: list[dict], report: Report
) -> None:
    report.documents += 1
    for labelled, found in match(gold, predicted):
        if labelled is not None and found is not None and deal_correct(labelled, found):
            report.deals.tp += 1
        else:
            if labelled is not None:
                report.deals.fn += 1
                report.misses.append(_describe(document, "missed", labelled, found))
            if found is not None:
                report.deals.fp += 1
                if labelled is None:
                    report.misses.append(_describe(document, "spurious", None, found))
        score_fields(labelled, found, report.fields)


def values_equal(name: str, gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    return field_equal(name, gold[name], predicted[name])


def score_fields(
    labelled: dict | None,
    found: dict | None,
    scores: dict[str, Score],
    equal: Callable[[str, dict, dict], bool] = values_equal,
) -> None:
    """Adds one (gold, predicted) pair to each field's score: a field both sides state and `equal` accepts
    is a hit; otherwise the label's value is a miss and the prediction's a false positive."""
    for name, score in scores.items():
        gold_has = labelled is not None and present(name, labelled[name])
        found_has = found is not None and present(name, found[name])
        if gold_has and found_has and equal(name, labelled, found):
            score.tp += 1
            continue
        if gold_has:
            score.fn += 1
        if found_has:
            score.fp += 1


def summarize_deal(deal: dict | None) -> str:
    if deal is None:
        return "-"
    leads = ",".join(sorted(deal["lead_investors"])) or "-"
    return (
        f"{deal['company']} {deal['round_type']} amount={deal['amount_usd']} "
        f"valuation={deal['valuation_usd']} leads={leads} date={deal['announced_date']}"
    )


def _describe(document: LabelledDocument, kind: str, gold: dict | None, found: dict | None) -> str:
    text = f"[{kind}] {document.name}\n    label: {summarize_deal(gold)}\n    found: {summarize_deal(found)}"
    if gold is not None:
        text += f"\n    evidence: {gold['evidence'][:160]}"
    return text


def evaluate(split: str, corpus: Path = CORPUS, progress: Callable[[str], None] | None = None) -> Report:
    refs = corpus_references(corpus)
    report = Report()
    for document in load_split(split, corpus):
        if progress:
            progress(document.name)
        gold = gold_deals(document, refs.names)
        score_document(document, gold, predicted_deals(predict(document, refs)), report)
    return report


def format_report(split: str, report: Report) -> Iterator[str]:
    yield f"extraction quality on {split}: {report.documents} documents"
    yield f"  {'field':<18}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"
    for name, score in [("deal", report.deals), *report.fields.items()]:
        yield (
            f"  {name:<18}{score.precision:>10.3f}{score.recall:>10.3f}{score.f1:>8.3f}"
            f"{score.tp:>6}{score.fp:>6}{score.fn:>6}"
        )
