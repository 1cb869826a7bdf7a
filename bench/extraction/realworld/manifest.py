"""A real-world split as the scorer sees it: manifest lines, the saved texts behind them, and gold deals.

Grain: one `ManifestText` per manifest line (one saved excerpt of someone's page); one gold deal (a plain
dict) per labelled deal, with money in whole US dollars. The format is bench/extraction/realworld/README.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from assets.normalize.fx import FxTable, default_fx_table
from assets.normalize.names import Names, name_key
from bench.extraction.realworld.check_manifest import PRECISIONS, parse_date

REALWORLD = Path(__file__).resolve().parent
REBUILD_HINT = "rebuild them: see bench/extraction/realworld/README.md"
UNDATED_FX_DAY = date(2024, 7, 1)
"""FX day for a deal with neither a labelled date nor a publication date: the middle of 2024, the middle of
the corpus's years (2022-2026). Only a non-USD amount needs a day, and the scorer also accepts the amount
converted at the day the extractor dated the deal (see scoring.money_equal), so this guess rarely decides."""


@dataclass(frozen=True)
class ManifestText:
    """One manifest line: a saved text and its labels (deals as the README's dicts)."""

    id: str
    style: str
    url: str
    """Where the page was published (the manifest's URL): production dates an undated page by it."""
    published: date | None
    sha256: str
    negatives: tuple[str, ...]
    deals: tuple[dict[str, Any], ...]


class ManifestError(ValueError):
    """A manifest line the scorer cannot read, named by its text id and field."""


def _check_dates(entry: dict[str, Any]) -> None:
    """Every date of a manifest line is a whole ISO day ('2023-01-01' for the year 2023, with precision
    `year`), and every precision one the scorer knows, by `check_manifest`'s rules: a label written '2023'
    would fail the text's scoring far from its cause."""
    where = entry.get("id", "?")
    dates = [("published", entry.get("published"))]
    dates += [
        (f"deals[{i}].announced_date", deal.get("announced_date")) for i, deal in enumerate(entry["deals"])
    ]
    for field, value in dates:
        if value is not None and parse_date(value) is None:
            raise ManifestError(
                f"{where}: {field} {value!r} is no ISO day (write a period as its first day, with its "
                "date_precision: '2023-01-01' and 'year')"
            )
    for i, deal in enumerate(entry["deals"]):
        if deal.get("date_precision") not in (None, *PRECISIONS):
            precision = deal["date_precision"]
            raise ManifestError(
                f"{where}: deals[{i}].date_precision {precision!r} is none of {sorted(PRECISIONS)}"
            )


def load_manifest(path: Path) -> list[ManifestText]:
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        _check_dates(entry)
        published = entry.get("published")
        texts.append(
            ManifestText(
                id=entry["id"],
                style=entry["style"],
                url=entry["url"],
                published=date.fromisoformat(published) if published else None,
                sha256=entry["sha256"],
                negatives=tuple(entry.get("negatives") or ()),
                deals=tuple(entry["deals"]),
            )
        )
    return texts


@dataclass(frozen=True)
class SavedTexts:
    """Which of a split's texts are on disk. `present` maps id -> text; `mismatched` lists the ids whose
    bytes differ from the manifest's SHA-256 (they are still scored, as saved)."""

    total: int
    present: dict[str, str]
    mismatched: tuple[str, ...]

    def problems(self) -> list[str]:
        """Plain sentences on what is missing or differs; empty when every text is there and intact."""
        lines = []
        if len(self.present) < self.total:
            lines.append(f"{len(self.present)} of {self.total} texts present; {REBUILD_HINT}")
        if self.mismatched:
            lines.append(
                f"{len(self.mismatched)} of {len(self.present)} texts differ from the manifest's SHA-256 "
                f"(scored as saved; {REBUILD_HINT})"
            )
        return lines


def read_texts(texts: list[ManifestText], folder: Path) -> SavedTexts:
    present, mismatched = {}, []
    for text in texts:
        path = folder / f"{text.id}.txt"
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != text.sha256:
            mismatched.append(text.id)
        present[text.id] = raw.decode("utf-8", errors="replace")
    return SavedTexts(total=len(texts), present=present, mismatched=tuple(mismatched))


def fx_day(deal: dict[str, Any], text: ManifestText) -> date:
    """The day a label's money is converted at: its announced date, else the text's publication date, else
    UNDATED_FX_DAY."""
    if deal.get("announced_date"):
        return date.fromisoformat(deal["announced_date"])
    return text.published or UNDATED_FX_DAY


def to_usd(
    value: float | None,
    currency: str | None,
    on: date | None,
    fx: FxTable,
    precision: str | None = None,
) -> int | None:
    """Whole US dollars, or None for no value or a currency the FX table lacks (`on` None: the latest
    rate). A date known only to its quarter or year (`precision`) converts at the period's mean rate, as
    normalisation converts it."""
    if value is None or currency is None:
        return None
    converted = fx.to_usd(Decimal(str(value)), currency, on, precision)
    return converted.amount_usd if converted else None


def gold_deals(text: ManifestText, names: Names, fx: FxTable | None = None) -> list[dict[str, Any]]:
    """The text's labelled deals in the scorer's shape (the same keys as a predicted deal, plus the label's
    raw money, currency, date precision, status and span)."""
    fx = fx or default_fx_table()
    deals = []
    for deal in text.deals:
        day = fx_day(deal, text)
        # A labelled date's precision sets its rate; a publication date (no label date) is a day.
        precision = deal.get("date_precision") if deal.get("announced_date") else None
        company = names.company(deal["company"]).name or deal["company"]
        labelled_date = deal.get("announced_date")
        deals.append(
            {
                "company": company,
                "key": name_key(company),
                "round_type": deal["round_type"],
                "amount_usd": to_usd(deal["amount"], deal["currency"], day, fx, precision),
                "valuation_usd": to_usd(deal["valuation"], deal["currency"], day, fx, precision),
                "currency": deal["currency"] if deal["amount"] is not None else None,
                "lead_investors": frozenset(names.investor_list(deal["lead_investors"])),
                "investors": frozenset(names.investor_list(deal["investors"])),
                "announced_date": date.fromisoformat(labelled_date) if labelled_date else None,
                "date_precision": deal.get("date_precision"),
                "status": deal["status"],
                "money": {
                    "amount_usd": deal["amount"],
                    "valuation_usd": deal["valuation"],
                    "currency": deal["currency"],
                },
                "floor": bool(deal["amount_is_floor"] or deal["valuation_is_floor"]),
                "span": tuple(deal["span"]) if deal.get("span") else None,
            }
        )
    return deals
