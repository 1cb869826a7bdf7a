"""first_seen_at: the earliest fetch of a document version behind a deal, never moving later."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from assets.resolve.first_seen import first_seen_at, new_sightings

NOW = datetime(2026, 12, 1, 6, 0)


def _evidence(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["deal_id", "source_id", "url", "document_sha256"])


VERSIONS = pd.DataFrame(
    [
        ("wire", "https://a/1", "v1", datetime(2026, 3, 2, 8)),
        ("wire", "https://a/1", "v2", datetime(2026, 3, 9, 8)),
        ("blog", "https://b/7", "w1", datetime(2026, 2, 20, 12)),
    ],
    columns=["source_id", "url", "sha256", "fetched_at"],
)
NO_SIGHTINGS = pd.DataFrame(columns=["deal_id", "first_seen_at"])


def test_the_earliest_fetch_behind_a_deal_is_when_it_was_first_seen() -> None:
    evidence = _evidence(("d1", "wire", "https://a/1", "v2"), ("d1", "blog", "https://b/7", "w1"))
    assert first_seen_at(evidence, VERSIONS, NO_SIGHTINGS, NOW).to_dict() == {
        "d1": pd.Timestamp("2026-02-20 12:00")
    }


def test_an_earlier_sighting_is_kept_when_the_page_changes() -> None:
    evidence = _evidence(("d1", "wire", "https://a/1", "v2"))
    sightings = pd.DataFrame([("d1", datetime(2026, 3, 2, 8))], columns=["deal_id", "first_seen_at"])
    seen = first_seen_at(evidence, VERSIONS, sightings, NOW)
    assert seen.to_dict() == {"d1": pd.Timestamp("2026-03-02 08:00")}
    assert new_sightings(seen, sightings).empty


def test_a_deal_without_a_known_fetch_is_seen_now_and_recorded() -> None:
    evidence = _evidence(("d2", "wire", "https://a/unknown", "zz"))
    seen = first_seen_at(evidence, VERSIONS, NO_SIGHTINGS, NOW)
    assert seen.to_dict() == {"d2": pd.Timestamp(NOW)}
    assert new_sightings(seen, NO_SIGHTINGS).values.tolist() == [["d2", pd.Timestamp(NOW)]]
