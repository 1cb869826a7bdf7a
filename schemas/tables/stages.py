"""The working table that lets a refresh skip stages whose inputs did not change."""

from __future__ import annotations

from schemas.tables.columns import RUN_ID, TIMESTAMP, VARCHAR
from schemas.tables.model import Column, Table

STAGE_INPUTS = Table(
    "stage_inputs",
    "One row per stage run: the digest of everything the stage read (the digest of the stage before it, "
    "its code, the reference data, its options), recorded empty when it starts and again when it finishes. "
    "A stage whose inputs have the digest of its last finished run is not recomputed.",
    (
        Column("stage", VARCHAR, "The asset (extracted_mentions, normalized_mentions, ...).", required=True),
        Column(
            "input_digest", VARCHAR, "sha256 of its inputs; empty while the stage is running.", required=True
        ),
        RUN_ID,
        Column("recorded_at", TIMESTAMP, "When the row was written (UTC).", required=True),
    ),
    history=True,
)
