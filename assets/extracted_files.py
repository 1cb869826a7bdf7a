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

from schemas.tables import EXTRACTED_MENTIONS
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


def _query(files: list[Path]) -> str:
    """The declared columns, in order and typed, from `files` (none: no rows)."""
    if not files:
        columns = ", ".join(
            f"cast(null as {c.type}) as {identifier(c.name)}" for c in EXTRACTED_MENTIONS.columns
        )
        return f"select {columns} where false"
    columns = ", ".join(
        f"cast({identifier(c.name)} as {c.type}) as {identifier(c.name)}" for c in EXTRACTED_MENTIONS.columns
    )
    listed = ", ".join(literal(str(f)) for f in files)
    return f"select {columns} from read_parquet([{listed}])"


def point_view(connection: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """(Re)create the `extracted_mentions` view over the files of `folder`."""
    create_view(connection, EXTRACTED_MENTIONS.name, _query(sorted(folder.glob("*.parquet"))))


def remove_others(working_db: Path, kept: Path) -> None:
    """Remove every folder of combined files but `kept` (the view no longer reads them)."""
    for folder in files_root(working_db).iterdir():
        if folder != kept and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
