"""Every table of the working database, declared once (see `schemas.tables.model`).

`TABLES` maps a name to its declaration, in pipeline order. The marts are declared with their SQL in
`warehouse/marts/`; the tables here are written from frames by the assets that own them.
"""

from __future__ import annotations

from schemas.tables.deals import DEAL_SOURCES, DEALS
from schemas.tables.extraction import (
    DOCUMENT_EXTRACTIONS,
    DROP_ACCEPTANCES,
    EXTRACTED_DEALS,
    EXTRACTION_ERRORS,
    SOURCE_HOLDS,
)
from schemas.tables.fetching import DOCUMENTS, FETCH_LOG, SOURCE_LISTINGS
from schemas.tables.mentions import NORMALIZED_DEALS, REJECTED_DEALS, VALIDATED_DEALS
from schemas.tables.model import Column, Table

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DOCUMENTS,
        FETCH_LOG,
        SOURCE_LISTINGS,
        DROP_ACCEPTANCES,
        EXTRACTED_DEALS,
        DOCUMENT_EXTRACTIONS,
        EXTRACTION_ERRORS,
        SOURCE_HOLDS,
        NORMALIZED_DEALS,
        VALIDATED_DEALS,
        REJECTED_DEALS,
        DEALS,
        DEAL_SOURCES,
    )
}

__all__ = [
    "DEALS",
    "DEAL_SOURCES",
    "DOCUMENTS",
    "DOCUMENT_EXTRACTIONS",
    "DROP_ACCEPTANCES",
    "EXTRACTED_DEALS",
    "EXTRACTION_ERRORS",
    "FETCH_LOG",
    "NORMALIZED_DEALS",
    "REJECTED_DEALS",
    "SOURCE_HOLDS",
    "SOURCE_LISTINGS",
    "TABLES",
    "VALIDATED_DEALS",
    "Column",
    "Table",
]
