"""`extracted_mentions` is a view over the combined extractions' files: the rows of the files, in the declared
columns, kept when the extraction folders they came from go, and read again after the folder moves."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd

from assets.extracted_files import combined_folder, files_root, keep_files, point_view, remove_others
from assets.parsing.dispatch import extract_document
from assets.source_outputs import SourceOutputs
from assets.sources import Source, SourceKind
from bench.export_scale import write_export
from schemas.tables import EXTRACTED_MENTIONS

DIGEST_A, DIGEST_B = "a" * 64, "b" * 64


def _extracted(tmp_path: Path, source_id: str, rows: int) -> pd.DataFrame:
    export = tmp_path / f"{source_id}.csv"
    write_export(export, rows, seed=rows)
    source = Source(id=source_id, kind=SourceKind.TABLE, url=export.as_uri(),
                    options={"currency": "USD", "date_format": "%Y-%m-%d"})  # fmt: skip
    return extract_document(source, export.as_uri(), "1" * 64, None, export)


def _rows(connection: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return sorted(connection.execute(sql).fetchall(), key=repr)


def _recorded(outputs: SourceOutputs, source_id: str, frame: pd.DataFrame) -> Path:
    """`frame` recorded as the source's current extraction; the path of its mentions file."""
    ledger = pd.DataFrame({"source_id": [source_id], "url": ["u"], "sha256": ["1" * 64],
                           "fingerprint": ["f"], "status": ["parsed"], "mentions": [len(frame)],
                           "parsed_run_id": ["run"]})  # fmt: skip
    outputs.record_extraction(source_id, f"inputs-{len(frame)}", frame, ledger)
    extraction = outputs.current_extraction(source_id)
    assert extraction is not None
    return extraction.mentions_path


def test_the_view_reads_the_rows_of_every_extraction_in_the_declared_columns(tmp_path: Path) -> None:
    outputs, working = SourceOutputs(tmp_path / "sources"), tmp_path / "work" / "work.duckdb"
    first, second = _extracted(tmp_path, "one", 120), _extracted(tmp_path, "two", 3)
    paths = [_recorded(outputs, "one", first), _recorded(outputs, "two", second)]
    with duckdb.connect() as connection:
        connection.register("expected", pd.concat([first, second], ignore_index=True))
        point_view(connection, keep_files(working, DIGEST_A, paths, None))
        columns = connection.execute("select * from extracted_mentions limit 0").description
        assert [c[0] for c in columns] == EXTRACTED_MENTIONS.names
        viewed = _rows(connection, "select record_id, source_id, locator, company_text, amount_text "
                                   "from extracted_mentions")  # fmt: skip
        expected = _rows(connection, "select record_id, source_id, locator, company_text, amount_text "
                                     "from expected")  # fmt: skip
        assert viewed == expected
        assert len(viewed) == 123
        comment = connection.execute(
            "select comment from duckdb_views() where view_name = 'extracted_mentions'"
        ).fetchone()[0]
        assert comment == EXTRACTED_MENTIONS.comment
        # A new extraction of "one" removes the folder the first came from: the kept files still read.
        _recorded(outputs, "one", _extracted(tmp_path, "one", 7))
        assert not paths[0].exists()
        assert connection.execute("select count(*) from extracted_mentions").fetchone()[0] == 123


def test_a_frame_is_kept_as_one_file_and_older_folders_go(tmp_path: Path) -> None:
    working = tmp_path / "work" / "work.duckdb"
    frame = _extracted(tmp_path, "held", 40)
    old = keep_files(working, DIGEST_A, [], frame.iloc[:5])
    kept = keep_files(working, DIGEST_B, [], frame)
    remove_others(working, kept)
    assert [p.name for p in files_root(working).iterdir()] == [DIGEST_B]
    assert not old.exists()
    assert combined_folder(working, DIGEST_A) is None
    with duckdb.connect() as connection:
        point_view(connection, kept)
        ids = [r[0] for r in connection.execute("select record_id from extracted_mentions").fetchall()]
    assert sorted(ids) == sorted(frame["record_id"])


def test_no_extraction_is_an_empty_view_with_the_declared_columns(tmp_path: Path) -> None:
    with duckdb.connect() as connection:
        point_view(connection, keep_files(tmp_path / "work.duckdb", DIGEST_A, [], None))
        assert connection.execute("select count(*) from extracted_mentions").fetchone()[0] == 0
        types = connection.execute(
            "select column_name, data_type from duckdb_columns() where table_name = 'extracted_mentions' "
            "order by column_index"
        ).fetchall()
    assert types == [(c.name, c.type) for c in EXTRACTED_MENTIONS.columns]


def test_a_working_file_moved_with_its_folder_reads_its_mentions_once_pointed_again(tmp_path: Path) -> None:
    before, after = tmp_path / "data" / "work", tmp_path / "moved" / "work"
    frame = _extracted(tmp_path, "src", 12)
    before.mkdir(parents=True)
    with duckdb.connect(str(before / "work.duckdb")) as db:
        point_view(db, keep_files(before / "work.duckdb", DIGEST_A, [], frame))
    shutil.move(tmp_path / "data", tmp_path / "moved")
    with duckdb.connect(str(after / "work.duckdb")) as db:
        folder = combined_folder(after / "work.duckdb", DIGEST_A)
        assert folder is not None
        point_view(db, folder)
        assert db.execute("select count(*) from extracted_mentions").fetchone()[0] == 12


def test_extracted_rows_key_each_row_by_its_file_and_position(tmp_path: Path) -> None:
    """`extracted_rows` is the same rows with `mention_key`: the file's place in the folder times 2^40 plus
    the row's place in that file, so a key found once names one mention, whichever file it is in."""
    outputs, working = SourceOutputs(tmp_path / "sources"), tmp_path / "work" / "work.duckdb"
    first, second = _extracted(tmp_path, "one", 120), _extracted(tmp_path, "two", 3)
    paths = [_recorded(outputs, "one", first), _recorded(outputs, "two", second)]
    with duckdb.connect() as connection:
        point_view(connection, keep_files(working, DIGEST_A, paths, None))
        columns = [c[0] for c in connection.execute("select * from extracted_rows limit 0").description]
        keyed = connection.execute(
            "select mention_key >> 40, mention_key & (2^40 - 1)::bigint, source_id, locator "
            "from extracted_rows order by mention_key"
        ).fetchall()
        same = _rows(connection, "select * exclude (mention_key) from extracted_rows") == _rows(
            connection, "select * from extracted_mentions"
        )
    assert columns == ["mention_key", *EXTRACTED_MENTIONS.names]
    assert same
    assert [(f, n, s) for f, n, s, _ in keyed] == [(0, n, "one") for n in range(120)] + [
        (1, n, "two") for n in range(3)
    ]
    assert [locator for *_, locator in keyed] == [*first["locator"], *second["locator"]]


def _two_documents(tmp_path: Path, source_id: str) -> pd.DataFrame:
    """Mentions of two versions of a page, 'first' and 'second', in that order in the frame."""
    frame = _extracted(tmp_path, source_id, 6)
    frame["url"] = ["first", "second", "first", "second", "first", "second"]
    frame["document_sha256"] = frame["url"].map({"first": "1" * 64, "second": "2" * 64})
    frame["fingerprint"] = "f"
    return frame


def test_an_extraction_reads_back_only_the_versions_it_reuses_in_file_order(tmp_path: Path) -> None:
    outputs = SourceOutputs(tmp_path / "sources")
    frame = _two_documents(tmp_path, "news")
    _recorded(outputs, "news", frame)
    extraction = outputs.current_extraction("news")
    assert extraction is not None

    second = extraction.mentions_of({("news", "second", "2" * 64, "f")})
    assert list(second["record_id"]) == list(frame.loc[frame["url"] == "second", "record_id"])
    assert list(second.columns) == list(extraction.mentions().columns)
    # another fingerprint is another parse: its mentions are not this version's
    assert extraction.mentions_of({("news", "second", "2" * 64, "other")}).empty
    assert extraction.mentions_of(set()).empty


def test_a_version_parsed_again_is_not_among_those_reused(tmp_path: Path) -> None:
    from assets.parsing.dispatch import reused_versions
    from assets.parsing.fingerprint import source_fingerprint

    source = Source(id="news", kind=SourceKind.ARTICLE, url="https://example.com/feed")
    fingerprint = source_fingerprint(source)
    current = pd.DataFrame({"source_id": ["news"] * 3, "url": ["a", "b", "c"], "sha256": ["1", "2", "3"]})
    ledger = pd.DataFrame({
        "source_id": ["news"] * 3, "url": ["a", "b", "c"], "sha256": ["1", "2", "9"],
        "fingerprint": [fingerprint, fingerprint, fingerprint],
        "error_class": [None, "parse_budget_exceeded", None],
    })  # fmt: skip
    # 'a' is reused; 'b' failed in a way that may not happen again, 'c' changed: both are parsed again
    assert reused_versions(current, {"news": source}, ledger) == {("news", "a", "1", fingerprint)}
    ledger["fingerprint"] = "older code"
    assert reused_versions(current, {"news": source}, ledger) == set()
