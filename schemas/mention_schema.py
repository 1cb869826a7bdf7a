"""pandera model for normalized deal mentions: the rules a record must meet to enter `deals`.

Validated lazily over the whole frame (vectorised checks, no per-row Python); rows that fail go to
`rejected_deals` with every rule they broke (see `assets/validate/quarantine.py`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow
import pyarrow.compute as pc
from pandera.typing import Series

from schemas.reference.wording import ANNOUNCED, REPORTED, calls_off
from schemas.rules import (
    AMOUNT_CEILING_USD,
    CURRENCY_CONFLICT,
    EARLIEST_DATE,
    EARLY_ROUND_CEILINGS_USD,
    OUT_OF_RANGE,
    RECORD_RULES,
    SMALLEST_PLAUSIBLE_ROUND_USD,
    VALUATION_CEILING_USD,
)
from schemas.tables import NORMALIZED_MENTIONS, Table
from schemas.tables.pandera_fields import declared_model
from schemas.taxonomy import UNCLASSIFIED, default_taxonomy
from schemas.vocabulary import UNDATED, default_currencies, default_round_types


def _rule(name: str) -> dict[str, str]:
    rule = RECORD_RULES[name]
    return {"name": rule.name, "description": rule.description}


def _called_off(status: pd.Series) -> pd.Series:
    """Whether each status says its round was called off (`wording.calls_off`), read only on the statuses
    that are neither announced nor reported: a million rows mapped through Python cost half a second."""
    found = pd.Series(False, index=status.index)
    other = ~status.isin((ANNOUNCED, REPORTED))
    if other.any():
        found[other] = status[other].astype(str).map(calls_off).astype(bool)
    return found


def word_counts(text: pd.Series) -> pd.Series:
    """Words in each string (runs of anything but Unicode whitespace), counted by Arrow in one pass: a
    Python split per row cost seconds per million rows."""
    words = pc.utf8_split_whitespace(pc.utf8_trim_whitespace(pa_arrow.array(text)))
    return pd.Series(pc.list_value_length(words).to_pandas().to_numpy(), index=text.index)


def _looked_up(s: pd.Series, values: dict[str, Any]) -> pd.Series:
    """`s.map(values)` (NaN where `values` has no key), looked up once per distinct value: a dict lookup
    per row of Arrow-backed text cost a million rows half a second."""
    return s.astype("category").map(values)


def _blank(s: pd.Series) -> pd.Series:
    return s.isna() | (s.astype("string").str.strip() == "")


def _record_rules() -> type[pa.DataFrameModel]:
    """A fresh rules class: pandera consumes a check's name and description when it first builds a schema
    from it, so each model is built from its own copy of the checks."""

    class _RecordRules(pa.DataFrameModel):
        """The rules of a normalized mention (columns: `schemas.tables.NORMALIZED_MENTIONS`)."""

        class Config:
            strict = False  # provenance and raw columns ride along unchecked
            # Text columns arrive as object (from Python) or str (from DuckDB under pandas 3): coercing makes
            # both one dtype. A value that cannot be coerced (text in amount_usd) is a schema-level error.
            coerce = True

        @pa.check("record_id", **_rule("record_id_unique"))
        def _record_id_unique(cls, s: Series[str]) -> Series[bool]:
            return ~s.duplicated(keep=False)

        @pa.dataframe_check(**_rule("source_present"))
        def _source_present(cls, df: pd.DataFrame) -> Series[bool]:
            return ~(_blank(df["source_id"]) | _blank(df["document_sha256"]))

        @pa.dataframe_check(**_rule("company_present"))
        def _company_present(cls, df: pd.DataFrame) -> Series[bool]:
            # The name as written, and what normalising left of it: a placeholder ('N/A') or punctuation
            # ('—') is written, but names nobody, and a deal must name its company.
            return ~(_blank(df["company_text"]) | _blank(df["company"]))

        @pa.check("company", **_rule("company_not_sentence"))
        def _company_not_sentence(cls, s: Series[object]) -> Series[bool]:
            text = s.astype("string[pyarrow]")
            # (a row of fields in one cell, 'Semi AI;Seed;5000000;USD': a CSV row with another delimiter)
            fields = text.str.count(r"[;|\t]")
            return ((text.str.len() <= 80) & (word_counts(text) <= 8) & (fields < 2)).fillna(True)

        @pa.check("round_type", ignore_na=False, **_rule("round_type_known"))
        def _round_type_known(cls, s: Series[object]) -> Series[bool]:
            return s.isin(default_round_types().slugs)

        @pa.check("status", ignore_na=False, **_rule("round_not_called_off"))
        def _round_not_called_off(cls, s: Series[object]) -> Series[bool]:
            return ~_called_off(s)

        @pa.check("amount_status", **_rule("amount_parseable"))
        def _amount_parseable(cls, s: Series[str]) -> Series[bool]:
            return s != "unparseable"

        @pa.check("amount_usd", **_rule("amount_nonnegative"))
        def _amount_nonnegative(cls, s: Series[int]) -> Series[bool]:
            return s >= 0

        @pa.dataframe_check(**_rule("amount_below_ceiling"))
        def _amount_below_ceiling(cls, df: pd.DataFrame) -> Series[bool]:
            # 'out_of_range': the amount was too large even to store (see assets/normalize/mentions.py).
            return (df["amount_usd"] < AMOUNT_CEILING_USD).fillna(True) & (
                df["amount_status"] != OUT_OF_RANGE
            )

        @pa.check("currency", **_rule("currency_known"))
        def _currency_known(cls, s: Series[object]) -> Series[bool]:
            return s.isin(default_currencies().codes)

        @pa.dataframe_check(**_rule("currency_agrees"))
        def _currency_agrees(cls, df: pd.DataFrame) -> Series[bool]:
            return (df["amount_status"] != CURRENCY_CONFLICT) & (df["valuation_status"] != CURRENCY_CONFLICT)

        @pa.dataframe_check(**_rule("amount_converted"))
        def _amount_converted(cls, df: pd.DataFrame) -> Series[bool]:
            # An unrecognised currency is `currency_known`'s finding; this rule covers the rest (no currency
            # at all, or no rate for a known one), so one root cause gives one rule.
            unrecognised = df["currency"].notna() & ~df["currency"].isin(default_currencies().codes)
            return (df["amount_status"] != "parsed") | df["amount_usd"].notna() | unrecognised

        @pa.check("valuation_status", **_rule("valuation_parseable"))
        def _valuation_parseable(cls, s: Series[str]) -> Series[bool]:
            return s != "unparseable"

        @pa.check("valuation_usd", **_rule("valuation_nonnegative"))
        def _valuation_nonnegative(cls, s: Series[int]) -> Series[bool]:
            return s >= 0

        @pa.dataframe_check(**_rule("valuation_below_ceiling"))
        def _valuation_below_ceiling(cls, df: pd.DataFrame) -> Series[bool]:
            within = (df["valuation_usd"] < VALUATION_CEILING_USD).fillna(True)
            return within & (df["valuation_status"] != OUT_OF_RANGE)

        @pa.dataframe_check(**_rule("valuation_at_least_amount"))
        def _valuation_at_least_amount(cls, df: pd.DataFrame) -> Series[bool]:
            both = df["amount_usd"].notna() & df["valuation_usd"].notna()
            return ~both | (df["valuation_usd"] >= df["amount_usd"]).fillna(True)

        @pa.check("segment", ignore_na=False, **_rule("segment_known"))
        def _segment_known(cls, s: Series[object]) -> Series[bool]:
            return s.isin(default_taxonomy().segments.keys())

        @pa.dataframe_check(**_rule("announced_date_parseable"))
        def _announced_date_parseable(cls, df: pd.DataFrame) -> Series[bool]:
            # words that date the deal only against a publication date its page lacks leave it undated
            undated = df["date_basis"] == UNDATED
            return _blank(df["announced_text"]) | df["announced_date"].notna() | undated.fillna(False)

        @pa.dataframe_check(**_rule("announced_date_present"))
        def _announced_date_present(cls, df: pd.DataFrame) -> Series[bool]:
            undated = (df["date_basis"] == UNDATED).fillna(False)
            return df["announced_date"].notna() | (~_blank(df["announced_text"]) & ~undated)

        @pa.check("announced_date", name="announced_date_is_datetime", description="Dates are datetimes.")
        def _announced_date_is_datetime(cls, s: Series[Any]) -> bool:
            return pd.api.types.is_datetime64_any_dtype(s)  # a scalar verdict: a schema-level failure

        @pa.check("announced_date", **_rule("announced_date_not_future"))
        def _announced_date_not_future(cls, s: Series[pd.Timestamp]) -> Series[bool]:
            return s <= pd.Timestamp.now(tz="UTC").tz_localize(None).normalize()

        @pa.check("announced_date", **_rule("announced_date_after_1990"))
        def _announced_date_after_1990(cls, s: Series[pd.Timestamp]) -> Series[bool]:
            return s >= pd.Timestamp(EARLIEST_DATE)

        @pa.dataframe_check(**_rule("layer_known"))
        def _layer_known(cls, df: pd.DataFrame) -> Series[bool]:
            layers = default_taxonomy().layer_by_segment()
            known_segment = df["segment"].isin(layers.keys())
            expected = _looked_up(df["segment"], layers).astype(df["layer"].dtype)
            return ~known_segment | (df["layer"] == expected)

        @pa.dataframe_check(**_rule("amount_large_for_round"))
        def _amount_large_for_round(cls, df: pd.DataFrame) -> Series[bool]:
            ceiling = _looked_up(df["round_type"], EARLY_ROUND_CEILINGS_USD).astype("float64")
            return ceiling.isna() | df["amount_usd"].isna() | (df["amount_usd"] <= ceiling).fillna(True)

        @pa.dataframe_check(**_rule("amount_implausibly_small"))
        def _amount_implausibly_small(cls, df: pd.DataFrame) -> Series[bool]:
            exempt = df["round_type"].isin(["grant", "crowdfunding"])
            small = (df["amount_usd"] < SMALLEST_PLAUSIBLE_ROUND_USD).fillna(False) & (
                df["amount_usd"] >= 0
            ).fillna(False)
            return exempt | ~small

        @pa.dataframe_check(**_rule("fx_rate_of_another_month"))
        def _fx_rate_of_another_month(cls, df: pd.DataFrame) -> Series[bool]:
            dated = df["announced_date"].notna() & df["fx_rate_month"].notna()
            month = pd.to_datetime(df["announced_date"]).dt.to_period("M").dt.to_timestamp()
            return ~dated | (month == pd.to_datetime(df["fx_rate_month"])).fillna(True)

        @pa.check("status", ignore_na=False, **_rule("status_known"))
        def _status_known(cls, s: Series[object]) -> Series[bool]:
            # (a round called off is the error rule's: not named twice)
            return s.isin((ANNOUNCED, REPORTED)) | _called_off(s)

        @pa.check("segment", **_rule("segment_unclassified"))
        def _segment_unclassified(cls, s: Series[str]) -> Series[bool]:
            return s != UNCLASSIFIED

    return _RecordRules


NormalizedMentionSchema = declared_model(
    "NormalizedMentionSchema",
    NORMALIZED_MENTIONS,
    _record_rules(),
    "One row per deal mention after normalisation. Amounts in whole US dollars.",
)

# The columns the rules read (and that explain a failure): validating these alone gives the same verdicts
# as the whole row, without carrying snippets, URLs and investor lists through pandera.
RULE_COLUMNS = tuple(
    c.name
    for c in NORMALIZED_MENTIONS.columns
    if c.name in {name for rule in RECORD_RULES.values() for name in rule.columns}
)
NormalizedMentionRules = declared_model(
    "NormalizedMentionRules",
    Table(
        NORMALIZED_MENTIONS.name,
        NORMALIZED_MENTIONS.comment,
        tuple(c for c in NORMALIZED_MENTIONS.columns if c.name in RULE_COLUMNS),
    ),
    _record_rules(),
    "The rules of a normalized mention, over the columns they read.",
)
