"""Which mentions stand when a source's new version yields fewer: per document, per source, accepted drops."""

from __future__ import annotations

import pandas as pd
import pytest

from assets.validate.source_volume import documents_key, keep_last_good


def mentions(source_id: str, url: str, sha: str, count: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "record_id": [f"{source_id}-{url}-{sha}-{i}" for i in range(count)],
            "source_id": source_id,
            "url": url,
            "document_sha256": sha,
        }
    )


def ledger(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    """(source_id, url, sha256, status) rows."""
    frame = pd.DataFrame(rows, columns=["source_id", "url", "sha256", "status"])
    return frame.assign(error_class=None, error_message=None)


def test_document_that_now_yields_nothing_keeps_its_previous_mentions():
    previous = pd.concat([mentions("s", "a", "old", 4), mentions("s", "b", "b1", 4)])
    new = pd.concat([mentions("s", "a", "new", 0), mentions("s", "b", "b1", 4)])
    used, holds = keep_last_good(["s"], new, ledger(("s", "a", "new", "parsed"), ("s", "b", "b1", "parsed")),
                                 previous, {})  # fmt: skip
    assert sorted(used["document_sha256"].value_counts().items()) == [("b1", 4), ("old", 4)]
    assert holds[["source_id", "url", "previous_mentions", "new_mentions"]].values.tolist() == [
        ["s", "a", 4, 0]
    ]
    assert holds.loc[0, "reason"] == "the new version yields 0 mentions"


def test_parse_error_reason_is_carried():
    book = ledger(("s", "a", "new", "error")).assign(
        error_class="TableExportError", error_message="no company"
    )
    _, holds = keep_last_good(["s"], mentions("s", "a", "new", 0), book, mentions("s", "a", "old", 3), {})
    assert holds.loc[0, "reason"] == "the new version could not be parsed (TableExportError: no company)"


@pytest.mark.parametrize(
    ("before", "after", "held"), [(6, 3, False), (6, 2, True), (1, 0, True), (2, 1, False)]
)
def test_threshold_is_half_of_the_previous_count(before, after, held):
    used, holds = keep_last_good(
        ["s"], mentions("s", "a", "new", after), ledger(("s", "a", "new", "parsed")),
        mentions("s", "a", "old", before), {},
    )  # fmt: skip
    assert (len(holds) == 1) is held
    assert len(used) == (before if held else after)


def test_source_listing_fewer_documents_keeps_all_its_previous_mentions():
    previous = pd.concat([mentions("s", u, "x", 2) for u in "abcd"])
    used, holds = keep_last_good(
        ["s"], mentions("s", "a", "x", 2), ledger(("s", "a", "x", "parsed")), previous, {}
    )
    assert len(used) == 8
    assert holds[["url", "previous_mentions", "new_mentions"]].values.tolist() == [[None, 8, 2]]
    assert holds.loc[0, "reason"] == "the source now yields 2 mentions from 1 document (last good: 8 from 4)"


def test_source_with_no_current_document_at_all_is_held():
    used, holds = keep_last_good(
        ["s"], mentions("s", "a", "x", 0), pd.DataFrame(), mentions("s", "a", "x", 3), {}
    )
    assert len(used) == 3
    assert holds["source_id"].tolist() == ["s"]


def test_accepted_key_takes_the_new_version_and_only_that_one():
    book = ledger(("s", "a", "new", "parsed"))
    key = documents_key(book, "s")
    used, holds = keep_last_good(
        ["s"], mentions("s", "a", "new", 0), book, mentions("s", "a", "old", 5), {"s": key}
    )
    assert len(used) == 0
    assert holds.empty
    other = ledger(("s", "a", "newer", "parsed"))
    used, holds = keep_last_good(["s"], mentions("s", "a", "newer", 0), other, mentions("s", "a", "old", 5),
                                 {"s": key})  # fmt: skip
    assert len(used) == 5
    assert len(holds) == 1


def test_disabled_or_removed_source_is_not_held_and_new_source_is_taken():
    previous = mentions("gone", "a", "x", 5)
    book = ledger(("fresh", "b", "y", "parsed"))
    used, holds = keep_last_good(["fresh"], mentions("fresh", "b", "y", 2), book, previous, {})
    assert used["source_id"].tolist() == ["fresh", "fresh"]
    assert holds.empty


def export_rows(url: str, sha: str, amounts: list[str | None], method: str = "table_row") -> pd.DataFrame:
    """An export's mentions as the hold reads them, with the cells they give."""
    return pd.DataFrame(
        {
            "source_id": "x",
            "url": url,
            "document_sha256": sha,
            "method": method,
            "amount_text": amounts,
            "announced_text": "2026-01-05",
            "round_text": "Seed",
        }
    )


def test_an_export_whose_rows_stop_giving_their_amount_keeps_its_last_good_rows():
    """A renamed amount column: every row still comes, none with its amount."""
    previous = export_rows("e.csv", "v1", ["$5M", "$7M", "$9M", "$2M"])
    new = export_rows("e.csv", "v2", [None, None, None, " "])
    used, holds = keep_last_good(["x"], new, ledger(("x", "e.csv", "v2", "parsed")), previous, {})
    assert used["document_sha256"].unique().tolist() == ["v1"]
    assert holds[["previous_mentions", "new_mentions"]].values.tolist() == [[4, 4]]
    assert holds.loc[0, "reason"].startswith(
        "its rows no longer give the amount: 0 of 4 do (last good: 4 of 4)"
    )


def test_fewer_amounts_within_the_share_and_prose_pages_are_not_held():
    previous = export_rows("e.csv", "v1", ["$5M", "$7M", "$9M", "$2M"])
    new = export_rows("e.csv", "v2", ["$5M", "$7M", None, None])  # half still give it
    _, holds = keep_last_good(["x"], new, ledger(("x", "e.csv", "v2", "parsed")), previous, {})
    assert holds.empty
    page_before = export_rows("p.html", "v1", ["$5M", "$7M", "$9M"], method="prose")
    page_now = export_rows("p.html", "v2", [None, None, None], method="prose")  # a page rewritten
    _, holds = keep_last_good(["x"], page_now, ledger(("x", "p.html", "v2", "parsed")), page_before, {})
    assert holds.empty


def test_the_keys_flag_the_fields_an_export_row_gives():
    import duckdb

    from assets.validate.source_volume import MENTION_KEYS_SQL

    frame = export_rows("e.csv", "v1", ["$5M", None, ""])  # noqa: F841 (read by DuckDB by name)
    flags = duckdb.sql(f"select {MENTION_KEYS_SQL} from frame").fetchall()
    assert [row[2:4] for row in flags] == [(True, True), (True, False), (True, False)]
