"""A source that leaves the registry, or was never fetched, is named when its deals leave a refresh."""

from __future__ import annotations

import pandas as pd

from assets.combined import registry_changes


def test_a_departed_source_and_a_never_fetched_one_are_named_with_what_they_cost():
    previous = pd.DataFrame({"source_id": ["tracker", "tracker", "digest", "kept"]})
    lines = registry_changes(["kept", "fresh"], ["fresh"], previous)
    assert lines == [
        "digest: no longer an enabled source in sources.toml (removed, renamed or disabled): its 1 mentions "
        "are left out, and the deals only it backed leave the served file",
        "tracker: no longer an enabled source in sources.toml (removed, renamed or disabled): its 2 "
        "mentions are left out, and the deals only it backed leave the served file",
        "fresh: never fetched, so none of its deals are in this refresh; refresh every source "
        "(python3 tasks.py refresh) or its partition",
    ]


def test_nothing_to_say_when_the_registry_kept_its_sources():
    previous = pd.DataFrame({"source_id": ["a", "b"]})
    assert registry_changes(["a", "b"], [], previous) == []
    # a source with no extraction of its own but last mentions kept is not "never fetched"
    assert registry_changes(["a", "b"], ["b"], previous) == []
    assert registry_changes(["a"], ["a"], pd.DataFrame()) == [
        "a: never fetched, so none of its deals are in this refresh; refresh every source "
        "(python3 tasks.py refresh) or its partition"
    ]
