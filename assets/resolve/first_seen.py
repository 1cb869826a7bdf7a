"""When dealmap first saw each deal: the earliest fetch of a document version stating it, kept across runs.

Analysts read the latest quarters knowing they are still filling in: a deal first seen last week in a
quarter that ended in March is a late report, and `first_seen_at` says so. The time never moves later: a
deal once seen keeps its first sighting (`deal_sightings`) even when the page that first stated it changes.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd


def first_seen_at(
    deal_sources: pd.DataFrame, versions: pd.DataFrame, sightings: pd.DataFrame, now: datetime
) -> pd.Series:
    """deal_id -> first time dealmap saw it (UTC, naive): the earliest `fetched_at` of the document
    versions behind its mentions, or an earlier sighting, or `now` when neither is known.

    `versions`: documents rows (source_id, url, sha256, fetched_at); `sightings`: deal_sightings rows
    (deal_id, first_seen_at).
    """
    if deal_sources.empty:
        return pd.Series(dtype="datetime64[us]", name="first_seen_at")
    fetched = deal_sources.merge(
        versions.rename(columns={"sha256": "document_sha256"}),
        on=["source_id", "url", "document_sha256"],
        how="left",
    )
    earliest = pd.to_datetime(fetched.groupby("deal_id")["fetched_at"].min())
    if len(sightings):
        earlier = pd.to_datetime(sightings.groupby("deal_id")["first_seen_at"].min())
        earliest = pd.concat([earliest, earlier], axis=1).min(axis=1).reindex(earliest.index)
    return earliest.fillna(pd.Timestamp(now)).astype("datetime64[us]").rename("first_seen_at")


def new_sightings(first_seen: pd.Series, sightings: pd.DataFrame) -> pd.DataFrame:
    """deal_sightings rows for deals not sighted before."""
    known = set(sightings["deal_id"]) if len(sightings) else set()
    fresh = first_seen[~first_seen.index.isin(known)]
    return pd.DataFrame({"deal_id": fresh.index, "first_seen_at": fresh.to_numpy()})
