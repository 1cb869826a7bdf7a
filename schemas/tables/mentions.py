"""Tables of normalised mentions: all of them, those that passed validation, and the quarantine."""

from __future__ import annotations

from schemas.tables.columns import (
    AMOUNT_IS_CEILING,
    AMOUNT_IS_FLOOR,
    AMOUNT_ORIGINAL,
    AMOUNT_USD,
    ANNOUNCED_DATE,
    ANNOUNCED_DATE_PRECISION,
    BIGINT,
    COMPANY,
    CURRENCY,
    DATE,
    DATE_BASIS,
    DEAL_STATUS,
    DOCUMENT_SHA256,
    DOUBLE,
    INVESTORS,
    LAYER,
    LEAD_INVESTORS,
    LOCATOR,
    MENTION_KEY,
    MENTION_TEXT,
    METHOD,
    PUBLISHED_DATE,
    PUBLISHED_PRECISION,
    RECORD_ID,
    ROUND_TYPE,
    RUN_ID,
    SEGMENT,
    SNIPPET,
    SOURCE_ID,
    SOURCE_KIND,
    TIMESTAMP,
    URL,
    VALUATION_IS_FLOOR,
    VALUATION_USD,
    VARCHAR,
    VARCHAR_LIST,
    WARNINGS,
)  # fmt: skip
from schemas.tables.model import Column, Table

# Provenance may be missing on a malformed record: validation (`source_present`) names it, so these columns
# are nullable from normalisation on.
PROVENANCE = tuple(
    c.but(required=False)
    for c in (
        SOURCE_ID,
        SOURCE_KIND,
        DOCUMENT_SHA256,
        URL,
        PUBLISHED_DATE,
        PUBLISHED_PRECISION,
        METHOD,
        LOCATOR,
        SNIPPET,
    )
)
PROVENANCE_BY_NAME = {c.name: c for c in PROVENANCE}
STATUS = (
    "parsed, undisclosed, missing, unparseable, out_of_range (too large to store: quarantined by the ceiling "
    "rule), or currency_conflict (its own currency sign or code disagrees with the row's currency column: "
    "quarantined by currency_agrees)."
)

NORMALIZED_FIELDS = (
    COMPANY,
    Column(
        "company_alias",
        VARCHAR,
        "The other name the source gave the company ('SGLang' in 'RadixArk (SGLang)').",
    ),
    Column(
        "company_key",
        VARCHAR,
        "Matching key of the company: canonical name, case and corporate suffixes folded.",
    ),
    ROUND_TYPE,
    AMOUNT_ORIGINAL,
    Column("amount_status", VARCHAR, f"Amount: {STATUS}", required=True),
    CURRENCY,
    AMOUNT_USD.but(comment="Amount raised in whole US dollars (converted at fx_rate_month when not USD)."),
    AMOUNT_IS_FLOOR,
    AMOUNT_IS_CEILING,
    Column("valuation_original", VARCHAR, "The valuation as written, cleaned of surrounding words."),
    Column("valuation_status", VARCHAR, f"Valuation: {STATUS}", required=True),
    VALUATION_USD,
    VALUATION_IS_FLOOR,
    Column(
        "amount_in_currency",
        DOUBLE,
        "The amount in units of its currency, as written ('€5M': 5000000.0); NULL when it was not converted. "
        "Resolution compares and converts again from it.",
    ),
    Column("valuation_currency", VARCHAR, "ISO code of the valuation's currency; NULL when not converted."),
    Column(
        "valuation_in_currency",
        DOUBLE,
        "The valuation in units of valuation_currency, as written; NULL when it was not converted.",
    ),
    Column("fx_usd_per_unit", DOUBLE, "US dollars per unit of the currency used for the conversion."),
    Column("fx_rate_month", DATE, "Month of the exchange rate used (the announcement month); NULL for USD."),
    LEAD_INVESTORS,
    INVESTORS,
    ANNOUNCED_DATE,
    ANNOUNCED_DATE_PRECISION,
    DATE_BASIS,
    DEAL_STATUS,
    SEGMENT,
    Column(
        "segment_basis",
        VARCHAR,
        "stated (a taxonomy label or alias), label_keywords (an unknown stated label placed by its words), "
        "inferred (keywords in the text) or fallback (unclassified).",
    ),
    LAYER,
)

# What normalisation writes: the fields it derives, keyed by where the mention is in the extraction files,
# and the provenance every later stage reads for every row (resolution ranks and dates deals by it). The
# text it only passes through (snippet, locator, the cells as written) stays in the extraction files: a
# million rows of it cost DuckDB 3 to 4 s of one core to write a second time.
NORMALIZED_VALUES = Table(
    "normalized_values",
    "One row per extracted mention: what normalisation derived from it (amounts in whole USD, round type, "
    "segment, canonical names, dates), keyed by mention_key, with the provenance later stages read. "
    "normalized_mentions is this with the mention's text from extracted_rows.",
    (
        MENTION_KEY,
        RECORD_ID,
        *(PROVENANCE_BY_NAME[n] for n in ("source_id", "document_sha256", "url", "method", "published_date")),
        *NORMALIZED_FIELDS,
    ),
)

NORMALIZED_MENTIONS = Table(
    "normalized_mentions",
    "One row per extracted mention: amounts in whole USD, round types, segments and names resolved. Not yet "
    "validated. A view: normalized_values joined on mention_key to the mention as extracted (extracted_rows).",
    (RECORD_ID, *PROVENANCE, *MENTION_TEXT, *NORMALIZED_FIELDS),
    view=True,
)

FAILED_CHECKS = Column(
    "failed_checks",
    VARCHAR_LIST,
    "Names of every rule the row broke (README, Validation rules).",
    required=True,
)
REASON = Column(
    "reason", VARCHAR, "Readable explanation: each broken rule with the offending values.", required=True
)

VALID_MENTIONS = Table(
    "valid_mentions",
    "One row per normalized mention that passed every error-severity rule; the input to cross-source resolution. "
    "A view: normalized_mentions less the rows mention_verdicts quarantines, with the warnings it lists.",
    (*NORMALIZED_MENTIONS.columns, WARNINGS.but(required=True)),
    view=True,
)

# Verdicts rather than a second copy of the mentions: a million rows of 42 mostly-text columns cost DuckDB
# 7 to 10 s to write again, the verdicts of the few rows that broke a rule almost nothing.
MENTION_VERDICTS = Table(
    "mention_verdicts",
    "One row per normalized mention that broke at least one rule, error or warning: where it is in "
    "normalized_values, the rules it broke and why. valid_mentions and rejected_deals are read through it.",
    (
        Column(
            "row_key",
            BIGINT,
            "The mention's rowid in normalized_values. That table is written in one statement per "
            "normalisation and never updated, so its rowids stand until it is rebuilt, and validation "
            "runs again whenever it is.",
            required=True,
        ),
        RECORD_ID,
        FAILED_CHECKS.but(comment="Names of every error-severity rule the row broke (empty: it is kept)."),
        WARNINGS.but(required=True),
        REASON.but(
            comment="Readable explanation of the broken error rules, when there are any.", required=False
        ),
    ),
)

REJECTED_DEALS = Table(
    "rejected_deals",
    "Quarantine: one row per deal mention that broke at least one validation rule, with every rule it broke. "
    "Rebuilt every run from stored documents, so a fixed rule or a new taxonomy alias releases rows.",
    (
        RECORD_ID,
        *(
            PROVENANCE_BY_NAME[n]
            for n in ("source_id", "source_kind", "url", "document_sha256", "method", "locator")
        ),
        PROVENANCE_BY_NAME["snippet"],
        *MENTION_TEXT,
        COMPANY,
        ROUND_TYPE,
        AMOUNT_USD.but(comment="Amount in whole US dollars, when parsed."),
        CURRENCY,
        VALUATION_USD.but(comment="Valuation in whole US dollars, when parsed."),
        SEGMENT,
        LAYER,
        ANNOUNCED_DATE.but(comment="Announcement date, when parsed."),
        FAILED_CHECKS,
        WARNINGS,
        REASON,
        RUN_ID.but(comment="Dagster run that quarantined the row."),
        Column("rejected_at", TIMESTAMP, "When the row was quarantined (UTC).", required=True),
    ),
    public=True,
)
