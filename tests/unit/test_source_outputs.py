"""The per-source output folders: fetch state, batches and extractions written atomically and read back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd

from assets.source_outputs import FetchState, SourceOutputs

WHEN = datetime(2026, 6, 1, 6, 0)


def _document(url: str, sha: str, hint: date | None = None) -> dict:
    return {"source_id": "s", "url": url, "sha256": sha, "fetched_at": WHEN, "status": "new", "bytes": 3,
            "content_type": "text/html", "run_id": "r1", "published_hint": hint}  # fmt: skip


def _attempt(url: str, status: str, etag: str | None = None) -> dict:
    return {
        "run_id": "r1",
        "source_id": "s",
        "url": url,
        "attempted_at": WHEN,
        "status": status,
        "etag": etag,
    }


def test_the_state_keeps_the_newest_version_and_validators_and_the_last_readable_listing():
    state = FetchState().updated(
        [_document("u1", "a" * 64, date(2026, 5, 31))], [_attempt("u1", "ok", '"v1"')], ["u1", "u2"]
    )
    state = state.updated([], [_attempt("u1", "not_modified", '"v2"'), _attempt("u2", "error")], None)
    assert state.versions["u1"] == {
        "sha256": "a" * 64,
        "content_type": "text/html",
        "published_hint": "2026-05-31",
    }
    assert state.validators == {"u1": {"etag": '"v2"', "last_modified": None}}  # a failure gives none
    assert state.listing == ["u1", "u2"]  # an unreadable listing (None) keeps the last one
    current = state.current_documents("s")
    assert current.to_dict("records") == [
        {"source_id": "s", "url": "u1", "sha256": "a" * 64, "content_type": "text/html",
         "published_hint": date(2026, 5, 31)}
    ]  # fmt: skip
    assert FetchState(state.versions, {}, ["u2"]).current_documents("s").empty  # no longer listed


def test_a_fetch_writes_a_typed_batch_then_the_state(tmp_path: Path):
    outputs = SourceOutputs(tmp_path)
    outputs.record_fetch("s", "run-1", WHEN, [_document("u1", "b" * 64)], [_attempt("u1", "ok")], ["u1"])
    [batch] = list(outputs.pending_batches())
    assert batch.name == "20260601T060000000000-run-1"
    assert sorted(p.name for p in batch.iterdir()) == ["documents.parquet", "fetch_log.parquet",
                                                      "source_listings.parquet"]  # fmt: skip
    assert outputs.fetch_state("s").versions["u1"]["sha256"] == "b" * 64
    assert not list((tmp_path / "s").rglob(".*"))  # no temporary file left behind


def test_an_extraction_is_renamed_when_its_outcome_changes_for_the_same_inputs(tmp_path: Path):
    outputs = SourceOutputs(tmp_path)
    mentions = pd.DataFrame({"source_id": ["s"], "record_id": ["r"], "company_text": ["Acme"]})
    failed = pd.DataFrame([{"source_id": "s", "url": "u1", "sha256": "c" * 64, "fingerprint": "f",
                            "status": "error", "mentions": 0, "error_class": "corrupt_blob",
                            "error_message": "bad", "parsed_run_id": "r1"}])  # fmt: skip
    first = outputs.record_extraction("s", "inputs-1", mentions.iloc[0:0], failed)
    parsed = failed.assign(status="parsed", mentions=1, error_class=None, error_message=None)
    second = outputs.record_extraction("s", "inputs-1", mentions, parsed)
    assert first != second  # the combining stage must see the retry's new mentions
    current = outputs.current_extraction("s")
    assert (current.digest, current.inputs_digest(), current.mention_count()) == (second, "inputs-1", 1)
    assert current.mentions()["company_text"].tolist() == ["Acme"]
    assert [p.name for p in (tmp_path / "s" / "extraction").iterdir() if p.is_dir()] == [second]


def test_mention_files_written_before_are_moved_in_or_joined_with_the_frame(tmp_path: Path):
    parsed = pd.DataFrame([{"source_id": "s", "url": "u1", "sha256": "c" * 64, "fingerprint": "f",
                            "status": "parsed", "mentions": 2, "error_class": None, "error_message": None,
                            "parsed_run_id": "r1"}])  # fmt: skip
    frame = pd.DataFrame({"source_id": ["s"], "record_id": ["from-frame"], "company_text": ["Acme"]})
    # A file in the declared columns, as a table export's is written (here from a frame, elsewhere).
    elsewhere = SourceOutputs(tmp_path / "elsewhere")
    elsewhere.record_extraction("s", "inputs-0", frame.assign(record_id="from-file"), parsed)
    written = elsewhere.current_extraction("s").mentions_path.read_bytes()
    outputs = SourceOutputs(tmp_path / "sources")
    with outputs.spool("s") as spool:
        (spool / "0000.parquet").write_bytes(written)
        outputs.record_extraction("s", "inputs-1", frame.iloc[0:0], parsed, [spool / "0000.parquet"])
    moved = outputs.current_extraction("s").mentions()
    assert moved["record_id"].tolist() == ["from-file"]
    with outputs.spool("s") as spool:
        (spool / "0000.parquet").write_bytes(written)
        outputs.record_extraction("s", "inputs-2", frame, parsed, [spool / "0000.parquet"])
    joined = outputs.current_extraction("s")
    assert sorted(joined.mentions()["record_id"]) == ["from-file", "from-frame"]
    assert joined.mentions().columns.tolist() == moved.columns.tolist()
    # the spools went with the extraction before
    assert [p.name for p in (tmp_path / "sources" / "s" / "extraction").iterdir() if p.is_dir()] == [
        joined.digest
    ]
