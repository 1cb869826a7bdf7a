"""An unchanged refresh recomputes nothing after fetching; a changed input recomputes from where it enters."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from assets.stage_inputs import last_digest, mark_started
from schemas.reference import reference_dir
from schemas.reference.resource import ReferenceDataResource
from tests.integration.pipeline import check_results, run_refresh
from warehouse.database import MARTS

STAGES = ("extracted_mentions", "combined_mentions", "normalized_mentions", "valid_mentions",
          "rejected_deals", "deals", "deal_sources", *MARTS)  # fmt: skip
TABLES = ("extracted_mentions", "normalized_mentions", "valid_mentions", "rejected_deals", "deals",
          "deal_sources", "possible_duplicate_pairs", *MARTS)  # fmt: skip


def _unchanged_flags(result: dg.ExecuteInProcessResult) -> dict[str, bool]:
    """Per stage, whether it stood as it was (a per-source stage: for every source of the run)."""
    flags: dict[str, bool] = {}
    for event in result.get_asset_materialization_events():
        stage = event.asset_key.to_user_string()
        if stage in STAGES:
            flags[stage] = flags.get(stage, True) and event.materialization.metadata["unchanged"].value
    return flags


def _contents(data_dir: Path) -> dict[str, list[str]]:
    """Every row of the stage tables, but when and by which run a row was quarantined."""
    with duckdb.connect(str(data_dir / "work" / "dealmap_work.duckdb"), read_only=True) as connection:
        columns = {t: "* exclude (run_id, rejected_at)" if t == "rejected_deals" else "*" for t in TABLES}
        return {
            table: sorted(map(repr, connection.execute(f"select {columns[table]} from {table}").fetchall()))
            for table in TABLES
        }


@pytest.fixture(scope="module")
def twice(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("data")
    first = run_refresh(data_dir)
    before = _contents(data_dir)
    second = run_refresh(data_dir)
    return data_dir, first, second, before


def test_the_first_run_computes_every_stage(twice) -> None:
    _, first, _, _ = twice
    assert first.success
    assert _unchanged_flags(first) == dict.fromkeys(STAGES, False)


def test_an_unchanged_second_run_skips_every_stage_and_keeps_every_row(twice) -> None:
    data_dir, first, second, before = twice
    assert second.success
    assert _unchanged_flags(second) == dict.fromkeys(STAGES, True)
    assert _contents(data_dir) == before
    row_counts = {
        event.asset_key.to_user_string(): event.materialization.metadata["dagster/row_count"].value
        for event in second.get_asset_materialization_events()
        if event.asset_key.to_user_string() in STAGES
    }
    assert row_counts["deals"] == 8
    assert row_counts["rejected_deals"] == len(before["rejected_deals"])
    # counted from the stored evidence, not the view: as many as the view shows
    assert row_counts["deal_sources"] == len(before["deal_sources"])
    rules = check_results(second)[("deals", "deal_rules")]
    assert rules.passed
    assert rules.metadata["unchanged"].value is True  # the deals it passed before did not change
    # A mart that stands keeps the verdict of the SQL checks it passed when it was built.
    totals = [check_results(run)[("mart_funding_by_segment", "totals_reconcile")] for run in (first, second)]
    assert [t.passed for t in totals] == [True, True]
    assert totals[0].metadata["detail"].value != "unchanged"
    assert totals[1].metadata["detail"].value == "unchanged"
    schema = check_results(second)[("mart_funding_by_segment", "mart_schema")]
    assert (schema.passed, schema.metadata["unchanged"].value) == (True, True)
    reconciled = [check_results(run)[("deals", "records_reconcile")] for run in (first, second)]
    assert [r.passed for r in reconciled] == [True, True]
    assert [r.metadata["detail"].value == "unchanged" for r in reconciled] == [False, True]


def test_an_unchanged_publish_takes_the_unchanged_tables_from_the_served_file(twice) -> None:
    """The tables of stages that stood are not copied again; what each fetch changes is."""
    data_dir, first, second, _ = twice
    published = [
        e.materialization.metadata["tables_unchanged"].value
        for run in (first, second)
        for e in run.get_asset_materialization_events()
        if e.asset_key.to_user_string() == "dealmap_duckdb"
    ]
    assert published[0] == []
    assert set(published[1]) == {"deals", "deal_sources", "deal_investors", "rejected_deals", *MARTS}
    counts = "select (select count(*) from fetch_log), (select count(*) from deals)"
    with duckdb.connect(str(data_dir / "work" / "dealmap_work.duckdb"), read_only=True) as working:
        expected = working.execute(counts).fetchone()
    with duckdb.connect(str(data_dir / "dealmap.duckdb"), read_only=True) as served:
        assert served.execute(counts).fetchone() == expected  # the second run's fetches are served
    assert expected[1] == 8


def test_an_edited_reference_file_recomputes_from_normalisation(twice, tmp_path) -> None:
    data_dir = twice[0]
    shutil.copytree(data_dir, tmp_path / "data")
    references = tmp_path / "reference"
    shutil.copytree(reference_dir(), references)
    aliases = references / "aliases.toml"
    aliases.write_text(aliases.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    result = run_refresh(tmp_path / "data", reference_data=ReferenceDataResource(directory=str(references)))
    assert result.success
    flags = _unchanged_flags(result)
    # aliases are not read while parsing, nor while combining the sources' extractions
    assert (flags["extracted_mentions"], flags["combined_mentions"]) == (True, True)
    assert [flags[s] for s in STAGES[2:]] == [False] * (len(STAGES) - 2)


def test_a_stage_left_half_way_is_never_taken_as_done(twice, tmp_path) -> None:
    """A run that died inside normalisation: the next run of validation alone cannot trust what it
    would read, so it recomputes; a whole refresh recomputes normalisation, which comes back to the same
    digest, and the stages after it stand."""
    data_dir = tmp_path / "data"
    shutil.copytree(twice[0], data_dir)
    with duckdb.connect(str(data_dir / "work" / "dealmap_work.duckdb")) as connection:
        mark_started(connection, "normalized_mentions", "a-run-that-died")
        assert last_digest(connection, "normalized_mentions") is None
    alone = _unchanged_flags(run_refresh(data_dir, selection="key:valid_mentions or key:rejected_deals"))
    assert alone == {"valid_mentions": False, "rejected_deals": False}
    flags = _unchanged_flags(run_refresh(data_dir))
    assert (flags["extracted_mentions"], flags["normalized_mentions"]) == (True, False)
    assert _contents(data_dir) == twice[3]


def test_one_mart_can_be_materialised_alone(twice, tmp_path) -> None:
    """The marts share one step but stay separate assets: selecting one builds and checks it alone."""
    data_dir = tmp_path / "data"
    shutil.copytree(twice[0], data_dir)
    result = run_refresh(data_dir, selection="key:mart_top_deals")
    assert result.success
    built = [e.asset_key.to_user_string() for e in result.get_asset_materialization_events()]
    assert built == ["mart_top_deals"]
    checked = set(check_results(result))
    assert checked == {("mart_top_deals", "mart_schema"), ("mart_top_deals", "ranks_and_amounts_match_deals")}


def test_an_unchanged_refresh_writes_the_page_with_the_figures_it_kept(twice) -> None:
    """The investment map is written again (its run and the sources' fetches change), but the step-ups and
    deal counts of deals that stand are read from those the first page kept: the same figures, not computed
    again."""
    _, first, second, _ = twice
    pages = [
        {key: value.value for key, value in e.materialization.metadata.items()}
        for run in (first, second)
        for e in run.get_asset_materialization_events()
        if e.asset_key.to_user_string() == "investment_map"
    ]
    assert [page["deal_figures_unchanged"] for page in pages] == [False, True]
    assert pages[0]["step_ups"] == pages[1]["step_ups"]
    assert pages[0]["deals"] == pages[1]["deals"]
    assert pages[0]["run_id"] != pages[1]["run_id"]
