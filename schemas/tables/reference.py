"""Lookup tables written only into the served file, for BI joins, and the description of the refresh."""

from __future__ import annotations

from schemas.tables.columns import INTEGER, RUN_ID, TIMESTAMP, VARCHAR
from schemas.tables.model import Column, Table

SEGMENTS = Table(
    "segments",
    "One row per taxonomy segment, with its stack layer (join deals.segment).",
    (
        Column("segment", VARCHAR, "Segment slug.", required=True, key=True),
        Column("segment_label", VARCHAR, "Segment display label.", required=True),
        Column("layer", VARCHAR, "Stack layer slug.", required=True),
        Column("layer_label", VARCHAR, "Stack layer display label.", required=True),
        Column("layer_rank", INTEGER, "Position of the layer in the stack, from hardware up.", required=True),
    ),
    public=True,
)

ROUND_TYPES = Table(
    "round_types",
    "One row per round-type slug, with its display label (join deals.round_type).",
    (
        Column("round_type", VARCHAR, "Round-type slug.", required=True, key=True),
        Column("round_label", VARCHAR, "Display label.", required=True),
    ),
    public=True,
)

REFRESH_INFO = Table(
    "refresh_info",
    "One row: the refresh this file holds.",
    (
        RUN_ID.but(comment="Dagster run that produced the file."),
        Column("published_at", TIMESTAMP, "When the file was published (UTC).", required=True),
    ),
    public=True,
)

SERVED_ONLY = {t.name: t for t in (SEGMENTS, ROUND_TYPES, REFRESH_INFO)}
