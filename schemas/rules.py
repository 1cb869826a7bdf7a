"""The rule catalogue: every validation rule's stable name, severity and the sentence a user reads.

pandera checks in `schemas/mention_schema.py` and `schemas/deal_schema.py` take their names and descriptions
from here, so the quarantine's `failed_checks`, the Dagster check metadata and the README all say the same
thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # the row is quarantined (records) or the check blocks downstream (deals, marts)
    WARN = "warn"  # the row is kept and counted


@dataclass(frozen=True)
class Rule:
    name: str
    severity: Severity
    description: str
    columns: tuple[str, ...]
    """Columns whose values explain a failure (shown in `rejected_deals.reason`)."""


# amount_status / valuation_status of a value too large even to store as whole dollars (beyond 2^63).
OUT_OF_RANGE = "out_of_range"
# amount_status / valuation_status of a value whose own sign or code ('$5M', 'US$5M') names another currency
# than the row's currency column ('EUR'): which is right is not for dealmap to guess.
CURRENCY_CONFLICT = "currency_conflict"
AMOUNT_CEILING_USD = 1_000_000_000_000  # $1T: no venture round comes close; larger is a unit error
VALUATION_CEILING_USD = 10_000_000_000_000  # $10T
EARLIEST_DATE = "1990-01-01"

_E, _W = Severity.ERROR, Severity.WARN
# Largest plausible amount per early round: above it the figure is more likely a unit error (a total
# raised to date, crore read as million) than a round. Warn only: 2026 has seen $150M seed rounds.
EARLY_ROUND_CEILINGS_USD = {
    "pre_seed": 50_000_000,
    "angel": 50_000_000,
    "seed": 500_000_000,
    "pre_series_a": 500_000_000,
    "series_a": 1_000_000_000,
}
DEFAULT_MAX_REJECTION_RATE = 0.5  # a source losing more than half its mentions has a broken parser or feed
MERGE_WINDOW_DAYS = 180  # mentions of one company's round further apart are different deals
SMALLEST_PLAUSIBLE_ROUND_USD = 10_000  # below: a typo or a unit error ($291 for a Series A)
RECORD_RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule("record_id_unique", _E, "Each mention has its own record_id.", ("record_id",)),
        Rule(
            "source_present",
            _E,
            "The mention names its source and document.",
            ("source_id", "document_sha256"),
        ),
        Rule(
            "company_present",
            _E,
            "A company name is given: a name, not a placeholder ('N/A', 'TBD', '-'), punctuation alone, a "
            "spreadsheet's error ('#N/A', '#REF!'), nor 'undefined' or 'true'.",
            ("company_text", "company"),
        ),
        Rule(
            "company_not_sentence",
            _E,
            "The company is a name, not a sentence (at most 80 characters and 8 words) nor a row of fields "
            "(two or more ';', '|' or tabs: a line written with another delimiter).",
            ("company",),
        ),
        Rule(
            "round_type_known",
            _E,
            "The round type is in the vocabulary (schemas/reference/round_types.toml).",
            ("round_text", "round_type"),
        ),
        Rule(
            "round_not_called_off",
            _E,
            "The status does not say the round was called off ('Cancelled', 'Withdrawn', 'Denied'): such a "
            "round is no deal.",
            ("status",),
        ),
        Rule(
            "amount_parseable",
            _E,
            "The amount reads as money ('$3.5B', '€40 million', '1,500,000') or says it is undisclosed.",
            ("amount_text",),
        ),
        Rule("amount_nonnegative", _E, "The amount is not negative.", ("amount_text", "amount_usd")),
        Rule(
            "amount_below_ceiling",
            _E,
            f"The amount is below ${AMOUNT_CEILING_USD:,} (larger is a unit error).",
            ("amount_text", "amount_usd", "amount_status"),
        ),
        Rule(
            "currency_known",
            _E,
            "The currency is one dealmap converts (schemas/reference/currencies.toml).",
            ("currency_text", "currency"),
        ),
        Rule(
            "currency_agrees",
            _E,
            "An amount or valuation that writes its own currency ('$5M', 'US$5M', '€5M') names the one the "
            "row's currency column gives: when they differ, which is right is not for dealmap to guess.",
            ("amount_text", "valuation_text", "currency_text"),
        ),
        Rule(
            "amount_converted",
            _E,
            "A parsed amount has a currency and a rate, so it converts to USD (a bare number takes the "
            "source's `currency` option or currency column; each currency needs its monthly rates in "
            "fx_usd_monthly.csv).",
            ("amount_text", "currency"),
        ),
        Rule("valuation_parseable", _E, "The valuation reads as money.", ("valuation_text",)),
        Rule(
            "valuation_nonnegative", _E, "The valuation is not negative.", ("valuation_text", "valuation_usd")
        ),
        Rule(
            "valuation_below_ceiling",
            _E,
            f"The valuation is below ${VALUATION_CEILING_USD:,}.",
            ("valuation_text", "valuation_usd", "valuation_status"),
        ),
        Rule(
            "valuation_at_least_amount",
            _E,
            "The valuation is not below the amount raised.",
            ("amount_usd", "valuation_usd"),
        ),
        Rule(
            "segment_known",
            _E,
            "The segment label is in the taxonomy (add it as an alias in "
            "schemas/reference/taxonomy.toml and replay).",
            ("segment_text", "segment"),
        ),
        Rule(
            "announced_date_parseable",
            _E,
            "The stated date reads as a date ('on Monday' on a page that nothing dates leaves the deal "
            "undated).",
            ("announced_text", "date_format", "date_basis"),
        ),
        Rule(
            "announced_date_present",
            _W,
            "The deal has a date: stated, or the document's publication date (an undated deal is kept, "
            "its announced_date empty: nothing in its text or page dates it).",
            ("announced_text", "published_date", "date_basis"),
        ),
        Rule("announced_date_not_future", _E, "The date is not in the future.", ("announced_date",)),
        Rule(
            "announced_date_after_1990", _E, f"The date is not before {EARLIEST_DATE}.", ("announced_date",)
        ),
        Rule("layer_known", _E, "A known segment has a stack layer from the taxonomy.", ("segment", "layer")),
        Rule(
            "amount_large_for_round",
            _W,
            "The amount is unusually large for an early round (above "
            + ", ".join(f"{k} ${v:,}" for k, v in EARLY_ROUND_CEILINGS_USD.items())
            + ").",
            ("round_type", "amount_usd"),
        ),
        Rule(
            "amount_implausibly_small",
            _W,
            f"The amount is below ${SMALLEST_PLAUSIBLE_ROUND_USD:,} (grants and crowdfunding aside).",
            ("round_type", "amount_usd"),
        ),
        Rule(
            "status_known",
            _W,
            "The status says the round is announced or reported ('Closed', 'Rumored', 'In talks'); another "
            "word ('Active', 'Yes': a column about something else) says nothing of it: the deal is read as "
            "announced, its status kept as written.",
            ("status",),
        ),
        Rule(
            "segment_unclassified",
            _W,
            "No segment stated and none inferred: the deal is Unclassified.",
            ("segment_text", "segment"),
        ),
        Rule(
            "fx_rate_of_another_month",
            _W,
            "The FX table has no rate for the announcement month (it is later than the table's last month "
            "or earlier than its first): the amount is converted at the nearest month the table has.",
            ("announced_date", "fx_rate_month"),
        ),
    )
}

DEAL_RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule("deal_id_unique", _E, "Each deal has its own deal_id.", ("deal_id",)),
        Rule("deal_amount_nonnegative", _E, "Deal amounts are not negative.", ("amount_usd",)),
        Rule(
            "deal_segment_known", _E, "Every deal has a taxonomy segment and its layer.", ("segment", "layer")
        ),
        Rule(
            "lead_investors_within_investors",
            _E,
            "Every lead investor is also listed as an investor.",
            ("lead_investors", "investors"),
        ),
        Rule(
            "deal_has_evidence",
            _E,
            "Every deal has at least one mention behind it.",
            ("mention_count", "source_count"),
        ),
        Rule(
            "one_deal_per_round_window",
            _E,
            "No two deals of one company and status share a stated stage (not unknown, not a stageless "
            "'venture' round) within the merge window (they would be one deal reported twice).",
            ("company", "status", "round_type", "announced_date"),
        ),
    )
}

MART_RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule("mart_aggregates_present", _E, "Counts and totals are never NULL.", ()),
        Rule("mart_aggregates_nonnegative", _E, "Counts and totals are never negative.", ()),
        Rule("mart_shares_in_unit_interval", _E, "Shares lie between 0 and 1.", ()),
        Rule("mart_ranks_unique", _E, "Ranks are unique and start at 1.", ("rank",)),
        Rule(
            "mart_period_grain_known",
            _E,
            "period_grain is year (period a year) or all (period all).",
            ("period_grain", "period"),
        ),
    )
}
