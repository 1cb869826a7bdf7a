"""`extracted_mentions` as a view over the extractions' Parquet files, kept beside the working file.

Each source's extraction is a Parquet file of extracted_mentions rows already (`source_outputs`). The
combining stage copied every one of them into a working table: for a million-row export, 24 mostly-text
columns compressed and stored again (about 5 s of one core), to be read once by normalisation. Instead
it keeps the files it combined, hard-linked (copied where the filesystem allows no link), in a folder
beside the working file named by the stage's inputs digest,

    <work>/extracted_mentions/<digest>/<n>.parquet

and `extracted_mentions` is a view over them, with the declared columns, types and comments. The links
outlive the extraction folders they came from (a new extraction removes the one before it), so the last
good mentions a hold keeps are still there on the next run. When a source is held at its last good
mentions (or kept without an extraction of its own), the frame that decided it is written as one file.

The view names its files by absolute path: it is pointed again at the folder beside the working file
each time the stage runs or stands, so a data folder moved as a whole still reads. Only names made here
(a hex digest, a counter) are ever part of a path or of the view's SQL.

Grain: one row per deal mention of every enabled source, as `extracted_mentions` declares it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq

from schemas.tables import EXTRACTED_MENTIONS, EXTRACTED_ROWS
from warehouse.arrow_frames import arrow_schema, frame_to_arrow
from warehouse.database import create_view
from warehouse.ddl import identifier, literal


def files_root(working_db: Path) -> Path:
    """The folder beside the working file that holds the combined mentions' files, one folder a digest."""
    return Path(working_db).parent / EXTRACTED_MENTIONS.name


def combined_folder(working_db: Path, digest: str) -> Path | None:
    """The folder of files combined under `digest`, when it is there whole."""
    folder = files_root(working_db) / digest
    return folder if folder.is_dir() else None


def keep_files(working_db: Path, digest: str, paths: list[Path], frame: pd.DataFrame | None) -> Path:
    """The folder of `digest`, made whole (built under a temporary name, then renamed): a link to each of
    `paths`, or, given `frame`, that frame as one file (typed by the declaration) instead."""
    root = files_root(working_db)
    root.mkdir(parents=True, exist_ok=True)
    folder = root / digest
    temp = Path(tempfile.mkdtemp(prefix=f".{digest}.", dir=root))
    try:
        if frame is not None:
            rows = frame_to_arrow(frame, arrow_schema(EXTRACTED_MENTIONS))
            pq.write_table(rows, temp / "0000.parquet")
        else:
            for number, path in enumerate(paths):
                _link_or_copy(Path(path), temp / f"{number:04d}.parquet")
        if folder.exists():  # left by a run that stopped before it recorded its digest
            shutil.rmtree(folder)
        os.replace(temp, folder)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return folder


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another filesystem, or one without hard links
        shutil.copyfile(source, target)


_COLUMNS = EXTRACTED_MENTIONS.columns


def _query(files: list[Path], keyed: bool = False) -> str:
    """The declared columns, in order and typed, from `files` (none: no rows); `keyed`, with each row's
    `mention_key` first: the file's position in `files` times 2^40 plus the row's number in its file
    (DuckDB's `file_index` and `file_row_number`)."""
    if files:
        key, cells = "(file_index::bigint << 40) + file_row_number", [identifier(c.name) for c in _COLUMNS]
        rows = f" from read_parquet([{', '.join(literal(str(f)) for f in files)}])"
    else:
        key, cells, rows = "null", ["null"] * len(_COLUMNS), " where false"
    columns = [
        f"cast({cell} as {c.type}) as {identifier(c.name)}" for cell, c in zip(cells, _COLUMNS, strict=True)
    ]
    if keyed:
        columns.insert(0, f"cast({key} as bigint) as mention_key")
    return f"select {', '.join(columns)}{rows}"


def point_view(connection: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """(Re)create the `extracted_mentions` view over the files of `folder`, and `extracted_rows` (the same
    rows keyed by where they are in the files)."""
    files = sorted(folder.glob("*.parquet"))
    create_view(connection, EXTRACTED_MENTIONS.name, _query(files))
    create_view(connection, EXTRACTED_ROWS.name, _query(files, keyed=True))


def remove_others(working_db: Path, kept: Path) -> None:
    """Remove every folder of combined files but `kept` (the view no longer reads them)."""
    for folder in files_root(working_db).iterdir():
        if folder != kept and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
