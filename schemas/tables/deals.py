"""The public tables of resolved deals and their evidence, and the narrow rows the working file keeps the
evidence as."""

from __future__ import annotations

from schemas.tables.columns import (
    AMOUNT_IS_CEILING,
    AMOUNT_IS_FLOOR,
    AMOUNT_ORIGINAL,
    AMOUNT_USD,
    ANNOUNCED_DATE,
    ANNOUNCED_DATE_PRECISION,
    BIGINT,
    BOOLEAN,
    DATE,
    DATE_BASIS,
    DEAL_STATUS,
    DOCUMENT_SHA256,
    INTEGER,
    INVESTORS,
    LAYER,
    LEAD_INVESTORS,
    LOCATOR,
    METHOD,
    RECORD_ID,
    ROUND_TYPE,
    SEGMENT,
    SNIPPET,
    SOURCE_ID,
    TIMESTAMP,
    URL,
    VALUATION_IS_FLOOR,
    VALUATION_USD,
    VARCHAR,
    VARCHAR_LIST,
    WARNINGS,
)  # fmt: skip
from schemas.tables.model import Column, Table

FIRST_SEEN_AT = Column(
    "first_seen_at",
    TIMESTAMP,
    "When dealmap first saw the deal (UTC): the earliest fetch of a document stating it. A recent value in an "
    "old quarter is a late report: the latest quarters are still filling in.",
)

DEAL_ID = Column(
    "deal_id",
    VARCHAR,
    "Stable id: hash of company, round type and announcement date.",
    required=True,
    key=True,
)

DEALS = Table(
    "deals",
    "One row per real deal, merged across every source that reported it. Grain: company x round x "
    "announcement. Amounts in whole US dollars.",
    (
        DEAL_ID,
        Column("company", VARCHAR, "Canonical company name.", required=True),
        Column("company_aliases", VARCHAR_LIST, "Other names sources used for the company.", required=True),
        ROUND_TYPE.but(
            comment="Round-type slug (pre_seed, seed, series_a.., growth, debt, ipo, strategic, secondary, grant, "
            "unknown...).",
            required=True,
        ),
        AMOUNT_USD.but(comment="Amount raised in whole US dollars; NULL when undisclosed."),
        AMOUNT_IS_FLOOR.but(required=True),
        AMOUNT_IS_CEILING.but(required=True),
        VALUATION_USD.but(
            comment="Valuation in whole US dollars (post-money unless stated); NULL when not reported."
        ),
        VALUATION_IS_FLOOR.but(required=True),
        Column("currency", VARCHAR, "ISO 4217 currency the amount was reported in."),
        AMOUNT_ORIGINAL.but(comment="The amount as the winning source wrote it."),
        LEAD_INVESTORS.but(
            comment="Canonical names of the lead investors (union over sources).", required=True
        ),
        INVESTORS.but(
            comment="Canonical names of all investors, leads included (union over sources).", required=True
        ),
        ANNOUNCED_DATE.but(
            comment="Announcement date: an explicit date if any source gives one, else the earliest publication "
            "date; NULL when nothing dates the deal, or when its only mentions tell an earlier round without "
            "a date (date_basis 'undated').",
        ),
        ANNOUNCED_DATE_PRECISION.but(
            comment=f"{ANNOUNCED_DATE_PRECISION.comment} NULL when the deal is undated."
        ),
        DEAL_STATUS.but(required=True),
        FIRST_SEEN_AT.but(required=True),
        DATE_BASIS.but(
            comment="explicit (a source dates the deal), published (a document date stands in) or undated "
            "(neither, or an earlier round told without a date: announced_date is NULL).",
            required=True,
        ),
        SEGMENT.but(comment="Segment slug from the taxonomy (see table segments).", required=True),
        Column("segment_label", VARCHAR, "Segment display label.", required=True),
        LAYER.but(
            comment="Stack layer slug of the segment: hardware, compute, models, inference, tooling, applications, "
            "non_ai, unclassified.",
            required=True,
        ),
        Column("source_count", INTEGER, "Number of distinct sources that reported the deal.", required=True),
        Column(
            "mention_count",
            INTEGER,
            "Number of mentions (rows in deal_sources) merged into the deal.",
            required=True,
        ),
        Column(
            "conflicts",
            VARCHAR_LIST,
            "Fields on which sources disagreed beyond tolerance (amount_usd, valuation_usd, round_type, "
            "segment); empty when they agree.",
            required=True,
        ),
        WARNINGS.but(
            comment="Warn-severity rules that describe the deal as resolved (amount_large_for_round from the "
            "mention whose amount it took; segment_unclassified only when no source gave a segment).",
            required=True,
        ),
    ),
    public=True,
)

PRECEDENCE = Column(
    "precedence",
    INTEGER,
    "Rank of this mention when facts conflict: 1 wins (exports over tables over prose, newer over older).",
    required=True,
)

DEAL_SOURCES = Table(
    "deal_sources",
    "One row per mention behind a deal: the evidence, with the document and snippet it came from.",
    (
        DEAL_ID.but(comment="The deal (deals.deal_id).", key=False),
        RECORD_ID.but(comment="The mention (extracted_mentions.record_id)."),
        SOURCE_ID,
        URL,
        DOCUMENT_SHA256,
        METHOD,
        LOCATOR,
        SNIPPET,
        PRECEDENCE,
        AMOUNT_USD.but(comment="Amount this mention reported, whole USD."),
        VALUATION_USD.but(comment="Valuation this mention reported, whole USD."),
        ROUND_TYPE.but(comment="Round type this mention reported."),
        ANNOUNCED_DATE.but(comment="Date this mention implied."),
    ),
    public=True,
    # A view in the working file: every column but deal_id and precedence is the mention's own, read from
    # normalized_values and extracted_rows through deal_source_rows rather than written a second time.
    working_view=True,
)

DEAL_SOURCE_ROWS = Table(
    "deal_source_rows",
    "One row per mention behind a deal: where the mention is in normalized_values, its deal and its "
    "precedence. The working file's deal_sources is this joined to normalized_values and extracted_rows.",
    (
        DEAL_ID.but(comment="The deal (deals.deal_id).", key=False),
        Column(
            "row_key",
            BIGINT,
            "The mention's rowid in normalized_values. That table is written in one statement per "
            "normalisation and never updated, so its rowids stand until it is rebuilt, and resolution "
            "runs again whenever it is (its digest follows validation's).",
            required=True,
        ),
        PRECEDENCE,
    ),
)

POSSIBLE_DUPLICATE_PAIRS = Table(
    "possible_duplicate_pairs",
    "Pairs of announced deals of one amount within a week whose names fold to one key (the "
    "possible_duplicates check): found when the deals are resolved, and read by the check on every run, "
    "so an unchanged refresh does not look for them again. Grain: pair of deals.",
    (
        Column("company", VARCHAR, "The first deal's company."),
        Column("round_type", VARCHAR, "The first deal's round type."),
        Column("other_company", VARCHAR, "The other deal's company."),
        Column("other_round_type", VARCHAR, "The other deal's round type."),
        AMOUNT_USD.but(comment="The amount both deals state, whole US dollars."),
        Column("announced_date", DATE, "The first deal's date."),
        Column("other_announced_date", DATE, "The other deal's date."),
    ),
)

DEAL_INVESTORS = Table(
    "deal_investors",
    "One row per investor in a deal (deals.investors unnested), with whether it led: the shape BI tools "
    "join and filter on, where the list columns of deals show as one opaque value. Grain: deal x investor.",
    (
        DEAL_ID.but(comment="The deal (deals.deal_id).", key=False),
        Column("investor", VARCHAR, "Canonical investor name, as in deals.investors.", required=True),
        Column(
            "is_lead", BOOLEAN, "Whether the investor led the round (in deals.lead_investors).", required=True
        ),
        Column(
            "investor_position",
            INTEGER,
            "Position in deals.investors, from 1 (leads come first, as the source listed them).",
            required=True,
        ),
    ),
    public=True,
)

DEAL_SIGHTINGS = Table(
    "deal_sightings",
    "One row per deal id ever published, with when dealmap first saw it; kept across runs so a deal's "
    "first_seen_at never moves later when the page that first stated it changes.",
    # Not keyed: a run adds only ids it has no sighting of (a deal id is unique in `deals`, a rule checks
    # it), and readers take the earliest sighting of an id; an index cost a first refresh of a million
    # deals 1.5 s to build, for a constraint nothing relies on.
    (
        DEAL_ID.but(comment="The deal (deals.deal_id).", key=False),
        FIRST_SEEN_AT.but(required=True),
        # what the deal was when first seen: its id hashes its date, and a later version of a page that
        # corrects the date gives it another id; its sighting is found by these instead
        Column("company_key", VARCHAR, "The deal's company key when first seen (NULL before this column)."),
        Column("round_type", VARCHAR, "The deal's round type when first seen."),
        Column("announced_date", DATE, "The deal's date when first seen."),
    ),
    history=True,
)
