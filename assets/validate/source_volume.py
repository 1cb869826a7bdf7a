"""Keep a source's last good mentions when its new version yields nothing, or far less than before.

A source that starts serving an error page with status 200, a header-only export, a JSON object where an
array was, or a folder someone emptied, parses to few or no mentions. Taking that at its word would
silently remove the source's deals from the served file. Instead, the mentions of the previous run stand
("held") and the hold is reported with both counts and the reason, until the source recovers or a user
accepts the drop (`python3 tasks.py accept-drop SOURCE_ID`), which holds for the documents the source
serves at that moment only.

Two levels, both with the same threshold (`min_share` of the previous count):
- a document whose new version yields too few mentions (a parse error yields none) keeps its previous
  mentions; so does an export whose rows still come but no longer give a field most of them gave (its
  amount, date or round column was renamed or removed upstream: every row would turn undisclosed);
- a source whose mentions, after the document holds, are still too few (documents no longer listed) keeps
  all of its previous mentions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass

import pandas as pd

from schemas.tables import SOURCE_HOLDS

DEFAULT_MIN_SHARE = 0.5
"""A source or document must keep at least this share of its previous mentions, or it is held."""

HOLD_COLUMNS = SOURCE_HOLDS.names


@dataclass(frozen=True)
class Hold:
    """One held document (or a whole source, `url` None) and why."""

    source_id: str
    url: str | None
    previous_mentions: int
    new_mentions: int
    reason: str
    documents_key: str
    """Fingerprint of the source's current documents; an acceptance names it (see `documents_key`)."""


def documents_key(ledger: pd.DataFrame, source_id: str) -> str:
    """A short hash of the (url, sha256) pairs a source serves now: what a user accepts a drop for."""
    return _key_of(ledger[ledger["source_id"] == source_id] if len(ledger) else ledger)


def _key_of(rows: pd.DataFrame) -> str:
    """`documents_key` of one source's ledger rows."""
    pairs = sorted(
        f"{url}\x1f{sha}" for url, sha in zip(rows.get("url", []), rows.get("sha256", []), strict=True)
    )
    return hashlib.sha256("\x1e".join(pairs).encode()).hexdigest()[:16]


def _too_few(new: int, previous: int, min_share: float) -> bool:
    return previous > 0 and new < min_share * previous


# Fields an export's rows give from their own columns, as the mention keys flag them (SQL over a
# mention table or the extraction files): what a renamed column takes away.
FIELD_FLAGS = {
    "has_amount": ("amount", "amount_text"),
    "has_date": ("announcement date", "announced_text"),
    "has_round": ("round", "round_text"),
}
MENTION_KEYS_SQL = ", ".join(
    ["source_id", "url", "method = 'table_row' as export_row"]
    + [f"coalesce(trim({column}) <> '', false) as {flag}" for flag, (_, column) in FIELD_FLAGS.items()]
)
"""The columns deciding on a hold reads of every mention: a fraction of the memory of the mentions."""
MIN_FIELD_ROWS = 2
"""An export's field is watched once at least this many of its last good rows gave it."""


def _given(frame: pd.DataFrame, flag: str) -> int:
    """How many export rows of `frame` give the field `flag` names (from the flag, or from the cells)."""
    column = FIELD_FLAGS[flag][1]
    if not len(frame) or not ({"export_row", "method"} & set(frame)) or not ({flag, column} & set(frame)):
        return 0
    exports = frame["export_row"] if "export_row" in frame else frame["method"] == "table_row"
    if flag in frame:
        given = frame[flag]
    else:
        cells = frame[column]
        given = cells.notna() & (cells.astype("string").str.strip() != "")
    return int((given.fillna(False).astype(bool) & exports.astype(bool)).sum())


def _lost_field(fresh: pd.DataFrame, earlier: pd.DataFrame, min_share: float) -> str | None:
    """Why a new version of an export is held although its rows still come: the field most of its last
    good rows gave and its new rows no longer do, or None."""
    for flag, (name, column) in FIELD_FLAGS.items():
        before, now = _given(earlier, flag), _given(fresh, flag)
        if before >= MIN_FIELD_ROWS and _too_few(now, before, min_share):
            return (
                f"its rows no longer give the {name}: {now} of {len(fresh)} do (last good: {before} of "
                f"{len(earlier)}); was its {column.removesuffix('_text')} column renamed or removed? Map "
                f"it with the source's `columns` option"
            )
    return None


def _document_reason(entry: pd.Series | None, new: int) -> str:
    if entry is not None and entry.get("status") == "error":
        return (
            f"the new version could not be parsed ({entry.get('error_class')}: {entry.get('error_message')})"
        )
    return f"the new version yields {new} mention{'s' if new != 1 else ''}"


def _source_mentions(
    source_id: str,
    new: pd.DataFrame,
    previous: pd.DataFrame,
    ledger: pd.DataFrame,
    key: str,
    min_share: float,
) -> tuple[pd.DataFrame, list[Hold]]:
    holds: list[Hold] = []
    by_url_new = dict(tuple(new.groupby("url"))) if len(new) else {}
    by_url_previous = dict(tuple(previous.groupby("url"))) if len(previous) else {}
    kept = []
    for entry in (row for _, row in ledger.iterrows()):
        url = entry["url"]
        fresh = by_url_new.get(url, new.iloc[0:0])
        earlier = by_url_previous.get(url, previous.iloc[0:0])
        lost = (
            None if _too_few(len(fresh), len(earlier), min_share) else _lost_field(fresh, earlier, min_share)
        )
        if _too_few(len(fresh), len(earlier), min_share) or lost:
            kept.append(earlier)
            reason = lost or _document_reason(entry, len(fresh))
            holds.append(Hold(source_id, url, len(earlier), len(fresh), reason, key))
        else:
            kept.append(fresh)
    nonempty = [f for f in kept if len(f)]
    result = pd.concat(nonempty, ignore_index=True) if nonempty else new.iloc[0:0]
    if _too_few(len(result), len(previous), min_share):
        listed, earlier_documents = len(ledger), previous["url"].nunique()
        reason = (
            f"the source now yields {len(new)} mentions from {listed} document"
            f"{'s' if listed != 1 else ''} (last good: {len(previous)} from {earlier_documents})"
        )
        return previous, [Hold(source_id, None, len(previous), len(new), reason, key)]
    return result, holds


def _by_source(frame: pd.DataFrame) -> Callable[[str], pd.DataFrame]:
    """The rows of one source of `frame` (empty when it has none), from one grouping of the frame. A
    source holding every row gets the frame itself: a million-row export is one source, and each copy of
    a frame that size costs hundreds of MiB."""
    rows_of = frame.groupby("source_id", sort=False).indices if len(frame) else {}

    def rows(source_id: str) -> pd.DataFrame:
        found = rows_of.get(source_id)
        if found is None:
            return frame.iloc[0:0]
        return frame if len(found) == len(frame) else frame.iloc[found]

    return rows


def keep_last_good(
    source_ids: list[str],
    mentions: pd.DataFrame,
    ledger: pd.DataFrame,
    previous_mentions: pd.DataFrame,
    accepted: dict[str, str],
    min_share: dict[str, float] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(mentions to use, holds) for this run.

    `mentions` are the new mentions of every current document, `ledger` has one row per current document
    (source_id, url, sha256, status, error_class, error_message), `previous_mentions` is what the last run
    used (extracted_mentions as it stands), `accepted` maps a source id to the documents key a user accepted
    a drop for, and `min_share` overrides `DEFAULT_MIN_SHARE` per source. Only `source_ids` (the enabled
    sources) are considered: a source removed from the registry, or disabled, is gone on purpose; one
    that now names no document at all is held like any other.
    """
    min_share = min_share or {}
    if "source_id" not in ledger.columns:  # no current document at all
        ledger = pd.DataFrame(
            columns=["source_id", "url", "sha256", "status", "error_class", "error_message"]
        )
    columns = mentions.columns if len(mentions.columns) else previous_mentions.columns
    frames, holds = [], []
    # Each frame split by source once: a frame filtered per source cost a refresh of 400 sources seconds.
    new_of, previous_of, ledger_of = _by_source(mentions), _by_source(previous_mentions), _by_source(ledger)
    for source_id in source_ids:
        new, source_ledger = new_of(source_id), ledger_of(source_id)
        key = _key_of(source_ledger)
        if accepted.get(source_id) == key:
            frames.append(new)
            continue
        used, source_holds = _source_mentions(
            source_id,
            new,
            previous_of(source_id),
            source_ledger,
            key,
            min_share.get(source_id, DEFAULT_MIN_SHARE),
        )
        frames.append(used)
        holds += source_holds
    nonempty = [f if list(f.columns) == list(columns) else f.reindex(columns=columns) for f in frames]
    nonempty = [f for f in nonempty if len(f)]
    if len(nonempty) == 1 and nonempty[0].index.equals(pd.RangeIndex(len(nonempty[0]))):
        used_mentions = nonempty[0]  # one source's rows, all of them: no copy
    elif nonempty:
        used_mentions = pd.concat(nonempty, ignore_index=True)
    else:
        used_mentions = mentions.reindex(columns=columns)
    hold_frame = pd.DataFrame([asdict(h) for h in holds], columns=HOLD_COLUMNS)
    return used_mentions, hold_frame
