"""Every table of the working database, declared once (see `schemas.tables.model`).

`TABLES` maps a name to its declaration, in pipeline order. The marts are declared with their SQL in
`warehouse/marts/`; the tables here are written from frames by the assets that own them.
"""

from __future__ import annotations

from schemas.tables.deals import (
    DEAL_INVESTORS,
    DEAL_SIGHTINGS,
    DEAL_SOURCE_ROWS,
    DEAL_SOURCES,
    DEALS,
    POSSIBLE_DUPLICATE_PAIRS,
)
from schemas.tables.extraction import (
    DOCUMENT_EXTRACTIONS,
    DROP_ACCEPTANCES,
    EXTRACTED_MENTIONS,
    EXTRACTED_ROWS,
    EXTRACTION_ERRORS,
    SOURCE_HOLDS,
)
from schemas.tables.fetching import DOCUMENTS, FETCH_LOG, SOURCE_LISTINGS
from schemas.tables.mentions import (
    MENTION_VERDICTS,
    NORMALIZED_MENTIONS,
    NORMALIZED_VALUES,
    REJECTED_DEALS,
    VALID_MENTIONS,
)
from schemas.tables.model import Column, Table
from schemas.tables.stages import STAGE_INPUTS

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DOCUMENTS,
        FETCH_LOG,
        SOURCE_LISTINGS,
        DROP_ACCEPTANCES,
        EXTRACTED_MENTIONS,
        EXTRACTED_ROWS,
        DOCUMENT_EXTRACTIONS,
        EXTRACTION_ERRORS,
        SOURCE_HOLDS,
        NORMALIZED_VALUES,
        NORMALIZED_MENTIONS,
        MENTION_VERDICTS,
        VALID_MENTIONS,
        REJECTED_DEALS,
        DEALS,
        DEAL_SOURCES,
        DEAL_SOURCE_ROWS,
        POSSIBLE_DUPLICATE_PAIRS,
        DEAL_INVESTORS,
        DEAL_SIGHTINGS,
        STAGE_INPUTS,
    )
}

__all__ = [
    "DEALS",
    "DEAL_INVESTORS",
    "DEAL_SIGHTINGS",
    "DEAL_SOURCES",
    "DEAL_SOURCE_ROWS",
    "DOCUMENTS",
    "DOCUMENT_EXTRACTIONS",
    "DROP_ACCEPTANCES",
    "EXTRACTED_MENTIONS",
    "EXTRACTED_ROWS",
    "EXTRACTION_ERRORS",
    "FETCH_LOG",
    "MENTION_VERDICTS",
    "NORMALIZED_MENTIONS",
    "NORMALIZED_VALUES",
    "POSSIBLE_DUPLICATE_PAIRS",
    "REJECTED_DEALS",
    "SOURCE_HOLDS",
    "SOURCE_LISTINGS",
    "STAGE_INPUTS",
    "TABLES",
    "VALID_MENTIONS",
    "Column",
    "Table",
]
