"""Record validation: each rule violation lands in the quarantine under its own name, nothing is lost."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assets.normalize.mentions import normalize_mentions
from assets.parsing.dispatch import EXTRACTED_COLUMNS
from assets.validate.quarantine import SchemaLevelError, validate_frame
from schemas.mention_schema import NormalizedMentionSchema
from schemas.rules import RECORD_RULES

VALID = {
    "source_id": "export",
    "source_kind": "table",
    "document_sha256": "a" * 64,
    "url": "file:///export.csv",
    "published_date": None,
    "method": "table_row",
    "snippet": "company=Acme",
    "company_text": "Acme Inference",
    "round_text": "Series A",
    "amount_text": "20000000",
    "currency_text": "USD",
    "valuation_text": "100000000",
    "segment_text": "Inference platform",
    "announced_text": "2026-02-03",
    "date_format": "%Y-%m-%d",
    "default_currency": None,
    "lead_investors_text": [],
    "investors_text": [],
    "context": None,
}

# One violation per rule: the fields to change, and the rule that must catch it (and only it).
VIOLATIONS = {
    "company_present": {"company_text": "  "},
    "company_not_sentence": {"company_text": "This is a whole sentence that an extractor mistook for a name"},
    "round_type_known": {"round_text": "Series Omega-Prime"},
    "round_not_called_off": {"status": "Called off"},
    "amount_parseable": {"amount_text": "about twenty"},
    "amount_nonnegative": {"amount_text": "-20000000", "valuation_text": None},
    "amount_below_ceiling": {"amount_text": "2000000000000", "valuation_text": None},
    "currency_known": {"currency_text": "XYZ"},
    "currency_agrees": {"amount_text": "€20,000,000"},
    "valuation_parseable": {"valuation_text": "a lot"},
    "valuation_nonnegative": {"valuation_text": "-5", "amount_text": "undisclosed"},
    "amount_converted": {"currency_text": None},
    "valuation_below_ceiling": {"valuation_text": "20000000000000"},
    "valuation_at_least_amount": {"valuation_text": "10000000"},
    "segment_known": {"segment_text": "Quantum sensing"},
    "announced_date_parseable": {"announced_text": "the 31st of Smarch"},
    "announced_date_not_future": {"announced_text": "2999-01-01"},
    "announced_date_after_1990": {"announced_text": "1960-01-01"},
    "source_present": {"document_sha256": None},
}


def _extracted(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows).reindex(columns=EXTRACTED_COLUMNS)
    frame["record_id"] = [f"r{i:03d}" for i in range(len(frame))]
    frame["locator"] = [f"row[{i + 1}]" for i in range(len(frame))]
    return frame


def _validate(rows: list[dict]):
    return validate_frame(normalize_mentions(_extracted(rows)), NormalizedMentionSchema, RECORD_RULES)


def test_a_valid_row_passes_untouched():
    result = _validate([VALID])
    assert len(result.valid) == 1
    assert result.rejected.empty
    row = result.valid.iloc[0]
    assert (row["company"], row["round_type"], row["amount_usd"], row["segment"]) == (
        "Acme Inference",
        "series_a",
        20_000_000,
        "inference_platforms",
    )
    assert row["announced_date"].date() == date(2026, 2, 3)


@pytest.mark.parametrize("rule", sorted(VIOLATIONS))
def test_each_violation_is_quarantined_under_its_rule(rule: str):
    result = _validate([VALID, {**VALID, **VIOLATIONS[rule]}])
    assert len(result.valid) == 1
    assert result.rejected["failed_checks"].tolist() == [[rule]]
    assert result.rejected["reason"].iloc[0].startswith(f"{rule}: {RECORD_RULES[rule].description}")
    assert result.rule_counts == {rule: 1}


# Warn-severity rules: the row stays valid and carries the rule in `warnings`.
WARNINGS = {
    "amount_large_for_round": {"round_text": "Seed", "amount_text": "900000000", "valuation_text": None},
    "amount_implausibly_small": {"amount_text": "291", "valuation_text": None},
    "segment_unclassified": {"segment_text": None},
    # Nothing dates the row (no stated date, no publication date): kept undated, flagged.
    "announced_date_present": {"announced_text": None},
    # Euros announced before the FX table's first month: converted at its first month's rate, flagged.
    "fx_rate_of_another_month": {"currency_text": "EUR", "announced_text": "1999-03-01"},
    # A status column about something else ('Active'): read as announced, the word kept and flagged.
    "status_known": {"status": "Active"},
}


@pytest.mark.parametrize("words", ["on Monday", "last week", "yesterday", "3 days ago"])
def test_words_that_count_from_an_unknown_publication_day_leave_the_row_undated(words: str):
    result = _validate([{**VALID, "announced_text": words, "published_date": None}])
    assert result.rejected.empty
    assert result.valid["warnings"].tolist() == [["announced_date_present"]]
    assert result.valid["announced_date"].isna().all()
    assert result.valid["date_basis"].tolist() == ["undated"]


def test_the_same_words_on_a_dated_page_date_the_row():
    result = _validate([{**VALID, "announced_text": "on Monday", "published_date": date(2026, 3, 5)}])
    assert result.valid["announced_date"].dt.date.tolist() == [date(2026, 3, 2)]
    assert result.valid["warnings"].tolist() == [[]]


def test_a_date_without_its_year_is_still_unreadable_without_a_publication_date():
    result = _validate([{**VALID, "announced_text": "Mar 2", "published_date": None}])
    assert result.rejected["failed_checks"].tolist() == [["announced_date_parseable"]]


@pytest.mark.parametrize("rule", sorted(WARNINGS))
def test_each_warning_keeps_the_row_and_flags_it(rule: str):
    result = _validate([VALID, {**VALID, **WARNINGS[rule]}])
    assert result.rejected.empty
    assert result.valid["warnings"].tolist() == [[], [rule]]
    assert result.warned == {rule: 1}


def test_a_segment_with_the_wrong_layer_is_quarantined():
    frame = normalize_mentions(_extracted([VALID, VALID]))
    frame.loc[1, "layer"] = "hardware"  # inference_platforms lives in the inference layer
    result = validate_frame(frame, NormalizedMentionSchema, RECORD_RULES)
    assert result.rejected["failed_checks"].tolist() == [["layer_known"]]


def test_every_rule_in_the_catalogue_has_a_test():
    tested = set(VIOLATIONS) | set(WARNINGS) | {"record_id_unique", "layer_known"}
    assert set(RECORD_RULES) == tested


def test_duplicate_record_ids_are_both_quarantined():
    frame = normalize_mentions(_extracted([VALID, VALID]))
    frame["record_id"] = "same"
    result = validate_frame(frame, NormalizedMentionSchema, RECORD_RULES)
    assert result.valid.empty
    assert result.rejected["failed_checks"].tolist() == [["record_id_unique"], ["record_id_unique"]]


def test_a_row_breaking_several_rules_lists_them_all_in_catalogue_order():
    bad = {
        **VALID,
        "amount_text": "-20000000",
        "segment_text": "Quantum sensing",
        "round_text": "Series Omega",
    }
    result = _validate([bad])
    assert result.rejected["failed_checks"].tolist() == [
        ["round_type_known", "amount_nonnegative", "segment_known"]
    ]


def test_nothing_is_lost_across_a_mixed_batch():
    rows = [VALID] * 3 + [{**VALID, **change} for change in VIOLATIONS.values()]
    result = _validate(rows)
    assert len(result.valid) + len(result.rejected) == len(rows)
    assert set(result.valid["record_id"]) | set(result.rejected["record_id"]) == {
        f"r{i:03d}" for i in range(len(rows))
    }


def test_a_missing_column_fails_the_step_instead_of_quarantining_everything():
    frame = normalize_mentions(_extracted([VALID])).drop(columns=["amount_usd"])
    with pytest.raises(SchemaLevelError, match="amount_usd"):
        validate_frame(frame, NormalizedMentionSchema, RECORD_RULES)


def test_a_wrong_type_fails_the_step():
    frame = normalize_mentions(_extracted([VALID]))
    frame["amount_usd"] = "twenty million"
    with pytest.raises(SchemaLevelError):
        validate_frame(frame, NormalizedMentionSchema, RECORD_RULES)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plan=st.lists(st.sampled_from([None, *sorted(VIOLATIONS), *sorted(WARNINGS)]), min_size=1, max_size=25),
)
def test_any_mix_routes_every_row_by_its_own_rule_and_loses_nothing(plan: list[str | None]):
    """Property: whatever the mix and order, each violating row is quarantined under exactly its rule,
    each warned row stays valid with exactly its warning, and valid + rejected = rows in."""
    rows = [{**VALID, **VIOLATIONS.get(rule, {}), **WARNINGS.get(rule, {})} for rule in plan]
    result = _validate(rows)
    expected = {f"r{i:03d}": rule for i, rule in enumerate(plan)}
    assert len(result.valid) + len(result.rejected) == len(plan)
    quarantined = dict(zip(result.rejected["record_id"], result.rejected["failed_checks"], strict=True))
    assert quarantined == {rid: [rule] for rid, rule in expected.items() if rule in VIOLATIONS}
    warned = dict(zip(result.valid["record_id"], result.valid["warnings"], strict=True))
    assert warned == {
        rid: [rule] if rule in WARNINGS else [] for rid, rule in expected.items() if rule not in VIOLATIONS
    }


def test_the_rule_columns_alone_give_the_verdicts_of_the_whole_row(tmp_path) -> None:
    """The warehouse validates only the columns the rules read; on the benchmark's synthetic export (with
    its bad rows) the verdicts are those of the whole-row model, rule for rule."""
    from assets.normalize.mentions import normalize_mentions
    from assets.parsing.dispatch import extract_document
    from assets.sources import Source, SourceKind
    from assets.validate.quarantine import judge
    from bench.export_scale import write_export
    from schemas.mention_schema import RULE_COLUMNS, NormalizedMentionRules

    export = tmp_path / "export.csv"
    write_export(export, 2_000)
    source = Source(id="synthetic", kind=SourceKind.TABLE, url=export.as_uri(),
                    options={"currency": "USD", "date_format": "%Y-%m-%d"})  # fmt: skip
    normalized = normalize_mentions(extract_document(source, export.as_uri(), "1" * 64, None, export))
    whole = validate_frame(normalized, NormalizedMentionSchema, RECORD_RULES)
    narrow = judge(normalized[list(RULE_COLUMNS)], NormalizedMentionRules, RECORD_RULES)
    assert len(whole.rejected) == 20
    assert sorted(narrow.failed.tolist()) == sorted(whole.rejected["failed_checks"].tolist())
    assert narrow.rule_counts == whole.rule_counts
    assert narrow.warned_counts == whole.warned
    _same_verdicts(normalized[list(RULE_COLUMNS)])


def _same_verdicts(frame: pd.DataFrame) -> None:
    """Calling each check directly finds what pandera's lazy validation finds, row for row."""
    from assets.validate.quarantine import judge, judge_directly
    from schemas.mention_schema import NormalizedMentionRules

    through_pandera = judge(frame, NormalizedMentionRules, RECORD_RULES)
    direct = judge_directly(frame, NormalizedMentionRules, RECORD_RULES)
    assert direct.failed.to_dict() == through_pandera.failed.to_dict()
    assert direct.warned.to_dict() == through_pandera.warned.to_dict()
    assert (direct.rule_counts, direct.warned_counts) == (
        through_pandera.rule_counts,
        through_pandera.warned_counts,
    )


def test_checks_called_directly_judge_every_rule_as_pandera_does() -> None:
    """One row breaking each error rule and each warn rule, beside valid rows."""
    from schemas.mention_schema import RULE_COLUMNS

    rows = [VALID, *({**VALID, **broken} for broken in [*VIOLATIONS.values(), *WARNINGS.values()]), VALID]
    frame = normalize_mentions(_extracted(rows))[list(RULE_COLUMNS)]
    _same_verdicts(frame)


def test_checks_called_directly_fail_the_step_on_a_wrong_type() -> None:
    from assets.validate.quarantine import judge_directly
    from schemas.mention_schema import RULE_COLUMNS, NormalizedMentionRules

    frame = normalize_mentions(_extracted([VALID]))[list(RULE_COLUMNS)]
    frame["amount_usd"] = "twenty million"
    with pytest.raises(SchemaLevelError):
        judge_directly(frame, NormalizedMentionRules, RECORD_RULES)


def test_the_judged_columns_alone_give_the_verdicts_of_every_rule_column() -> None:
    """The working database reads only the columns the checks read (`JUDGED_COLUMNS`) for every mention;
    the rest explain a failure. Judged without them, a row of each rule has the same verdicts."""
    from assets.validate.in_database import EXPLAINING_ONLY, JUDGED_COLUMNS
    from assets.validate.quarantine import judge_directly
    from schemas.mention_schema import RULE_COLUMNS, NormalizedMentionRules

    rows = [VALID, *({**VALID, **broken} for broken in [*VIOLATIONS.values(), *WARNINGS.values()])]
    frame = normalize_mentions(_extracted(rows))
    every = judge_directly(frame[list(RULE_COLUMNS)], NormalizedMentionRules, RECORD_RULES)
    judged = judge_directly(frame[list(JUDGED_COLUMNS)], NormalizedMentionRules, RECORD_RULES)
    assert set(EXPLAINING_ONLY) == set(RULE_COLUMNS) - set(JUDGED_COLUMNS)
    assert judged.failed.to_dict() == every.failed.to_dict()
    assert judged.warned.to_dict() == every.warned.to_dict()
    assert set(judged.rule_counts) | set(judged.warned_counts) == set(VIOLATIONS) | set(WARNINGS)


def test_rule_names_come_once_each_in_catalogue_order_unknown_names_last() -> None:
    from assets.validate.quarantine import _verdicts_of

    found = [
        ("segment_known", np.array([4, 1])),
        ("not_in_the_catalogue", np.array([1])),
        ("amount_nonnegative", np.array([1, 7])),
        ("segment_known", np.array([1])),  # a second check of the same name
        ("segment_unclassified", np.array([4])),
    ]
    verdicts = _verdicts_of(found, RECORD_RULES)
    assert verdicts.failed.to_dict() == {
        1: ["amount_nonnegative", "segment_known", "not_in_the_catalogue"],
        4: ["segment_known"],
        7: ["amount_nonnegative"],
    }
    assert verdicts.warned.to_dict() == {4: ["segment_unclassified"]}
    assert verdicts.rule_counts == {"amount_nonnegative": 2, "segment_known": 2, "not_in_the_catalogue": 1}
    assert verdicts.warned_counts == {"segment_unclassified": 1}


def test_a_row_of_fields_in_the_company_cell_is_quarantined_and_a_name_with_one_separator_is_not():
    """A CSV line written with another delimiter arrives whole in the company cell."""
    result = _validate(
        [
            VALID | {"company_text": "Semi AI;Seed;5000000;USD;2026-03-01"},
            VALID | {"company_text": "A|B Labs"},
        ]
    )
    assert result.rejected["failed_checks"].tolist() == [["company_not_sentence"]]
    assert result.valid["company"].tolist() == ["A|B Labs"]
