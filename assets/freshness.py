"""Asset check `source_cadence` (run by `combined_mentions`): every watched source published within its
cadence.

A source opts in with `cadence = "7d"` in `sources.toml` (assets/sources.py); without one it is not
watched, since how often a source publishes is a fact about its publisher, not its kind (a page may be
one deal map that never changes, a newsletter monthly). Disabled sources are not checked.

A source's newest document is the newest of its document versions (`documents`), each dated by its
publisher's date when the source gave one (`published_hint`: a feed entry's date) and otherwise by when
dealmap first fetched those bytes (`fetched_at`: an unchanged page adds no version, so a page that stops
changing ages). A feed's own XML is a listing, not news (its build date moves on every request), so only
its entries count. A publisher's date is never taken as later than the fetch: a post dated tomorrow was
fetched today. Dates are whole days, read as midnight UTC; ages are measured from the check's run, UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import dagster as dg
import duckdb
import pandas as pd

from assets.metadata import markdown_table
from assets.sources import Source

CADENCE_CHECK = "source_cadence"

NEWEST_DOCUMENTS_SQL = """
with listings as (
    select distinct source_id, parent_url as url from documents where parent_url is not null
),
dated as (
    select
        d.source_id,
        d.url,
        least(coalesce(cast(d.published_hint as timestamp), d.fetched_at), d.fetched_at) as dated_at,
        case when d.published_hint is null then 'fetched_at' else 'published_hint' end as dated_by
    from documents as d
    anti join listings as l on d.source_id = l.source_id and d.url = l.url
)
select source_id, url, dated_at, dated_by
from dated
qualify row_number() over (partition by source_id order by dated_at desc, url) = 1
"""


def newest_documents(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per source that has documents: its newest one's `url`, `dated_at` (UTC, naive) and
    `dated_by` ('published_hint' or 'fetched_at')."""
    return connection.execute(NEWEST_DOCUMENTS_SQL).df()


def _duration(interval: timedelta) -> str:
    """An interval as a person reads it: '7 d', '36 h', '9.3 d'."""
    hours = interval.total_seconds() / 3600
    if hours < 48:
        return f"{hours:.0f} h" if hours == int(hours) else f"{hours:.1f} h"
    days = hours / 24
    return f"{days:.0f} d" if days == int(days) else f"{days:.1f} d"


def cadence_report(sources: list[Source], newest: pd.DataFrame, now: datetime) -> pd.DataFrame:
    """One row per enabled source with a cadence: `source_id`, `cadence`, `newest_document`, `dated_at`,
    `dated_by`, `age` (text), `stale` (bool) and `problem` (a sentence, empty when fresh).

    `now` is naive UTC, like `documents.fetched_at`."""
    by_source = {row.source_id: row for row in newest.itertuples()}
    rows = []
    for source in sources:
        if not source.enabled or source.cadence is None:
            continue
        row = {"source_id": source.id, "cadence": _duration(source.cadence)}
        found = by_source.get(source.id)
        if found is None:
            problem = f"{source.id}: no document yet (cadence {_duration(source.cadence)})"
            rows.append(row | {"age": "", "stale": True, "problem": problem})
            continue
        age = now - found.dated_at.to_pydatetime()
        stale = age > source.cadence
        when = f"{found.dated_by.replace('_', ' ')} {found.dated_at:%Y-%m-%d %H:%M} UTC"
        problem = (
            f"{source.id}: newest document {_duration(age)} old ({when}: {found.url}), "
            f"cadence {_duration(source.cadence)}"
            if stale
            else ""
        )
        rows.append(
            row
            | {
                "newest_document": found.url,
                "dated_at": found.dated_at,
                "dated_by": found.dated_by,
                "age": _duration(age),
                "stale": stale,
                "problem": problem,
            }
        )
    columns = ["source_id", "cadence", "newest_document", "dated_at", "dated_by", "age", "stale", "problem"]
    return pd.DataFrame(rows).reindex(columns=columns)


# Run on the stage that loads every source's fetched versions into the working database (`documents`
# itself is per-source and writes files of its own), in its step: a step of its own cost Dagster more than
# the check.
CADENCE_SPEC = dg.AssetCheckSpec(
    CADENCE_CHECK,
    asset="combined_mentions",
    description="Every enabled source with a `cadence` in sources.toml has a document newer than it (by "
    "the publisher's date when known, else when its bytes were first fetched). Sources without one are "
    "not watched. Not blocking: one quiet source must not hold back the others.",
)


def source_cadence(connection: duckdb.DuckDBPyConnection, registry: list[Source]) -> dg.AssetCheckResult:
    """The `source_cadence` check of `combined_mentions`, on the working database it has just loaded."""
    newest = newest_documents(connection)
    report = cadence_report(registry, newest, datetime.now(UTC).replace(tzinfo=None))
    stale = report[report["stale"].astype(bool)]
    unwatched = [s.id for s in registry if s.cadence is None]
    watched = (
        f"{len(report)} watched source(s) within their cadence" if len(report) else "no source has a cadence"
    )
    return dg.AssetCheckResult(
        asset_key="combined_mentions",
        check_name=CADENCE_CHECK,
        passed=stale.empty,
        description="; ".join(stale["problem"]) or watched,
        metadata={
            "stale_sources": ", ".join(stale["source_id"]) or "none",
            "not_watched": ", ".join(unwatched) or "none",
            "sources": dg.MetadataValue.md(
                markdown_table(report.drop(columns="problem"), limit=len(report) or 1)
            ),
        },
    )
