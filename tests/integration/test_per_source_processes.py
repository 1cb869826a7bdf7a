"""The per-source stages run in processes of their own, in parallel, without opening the working DuckDB."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb

from assets.documents import documents
from assets.extracted import extracted_mentions
from assets.source_outputs import SourceOutputs
from orchestration.definitions import defs
from orchestration.resources import default_resources
from tests.conftest import REPO_ROOT, SAMPLES


def per_source_job() -> dg.JobDefinition:
    """`documents` and `extracted_mentions` under the multiprocess executor (each step its own process),
    with the default resources: the paths come from $DEALMAP_DATA_DIR and $DEALMAP_SOURCES, which the
    step processes inherit."""
    job = dg.define_asset_job("per_source", selection=["documents", "extracted_mentions"])
    return dg.Definitions(
        assets=[documents, extracted_mentions],
        jobs=[job],
        resources=default_resources(),
        executor=dg.multiprocess_executor,
    ).resolve_job_def("per_source")


def test_the_per_source_stages_need_nothing_of_the_working_database():
    graph = defs.resolve_asset_graph()
    for key in ("documents", "extracted_mentions"):
        needs = graph.assets_def_for_key(dg.AssetKey(key)).required_resource_keys
        assert "data_dir" not in needs, key
        assert "source_store" in needs, key


def run_partition(source_id: str) -> None:
    """Run the per-source job for one source on the instance of $DAGSTER_HOME; print what ran where."""
    with dg.execute_job(
        dg.reconstructable(per_source_job), dg.DagsterInstance.get(), tags={"dagster/partition": source_id}
    ) as result:
        steps = result.get_step_success_events()
        print(json.dumps({"success": result.success, "steps": sorted(e.step_key for e in steps),
                          "pids": sorted({e.pid for e in steps})}))  # fmt: skip


def test_two_sources_fetched_and_extracted_in_parallel_processes_leave_the_working_file_alone(
    tmp_path: Path, monkeypatch
):
    shutil.copy(SAMPLES / "articles" / "ai-infrastructure-deal-map-2026.html", tmp_path / "deal-map.html")
    shutil.copy(SAMPLES / "exports" / "portfolio-tracker.jsonl", tmp_path / "portfolio.jsonl")
    registry = tmp_path / "sources.toml"
    registry.write_text(
        '[[source]]\nid = "deal-map"\nkind = "article"\nurl = "deal-map.html"\n\n'
        '[[source]]\nid = "portfolio"\nkind = "table"\nurl = "portfolio.jsonl"\n'
        '[source.options]\nformat = "jsonl"\ncurrency = "USD"\n',
        encoding="utf-8",
    )
    data_dir, home = tmp_path / "data", tmp_path / "dagster"
    home.mkdir()
    for name, value in {
        "DEALMAP_SOURCES": registry,
        "DEALMAP_DATA_DIR": data_dir,
        "DAGSTER_HOME": home,
    }.items():
        monkeypatch.setenv(name, str(value))
    instance = dg.DagsterInstance.get()  # not entered: it would stay this process's current instance
    instance.add_dynamic_partitions("sources", ["deal-map", "portfolio"])
    instance.dispose()
    working = data_dir / "work" / "dealmap_work.duckdb"
    working.parent.mkdir(parents=True)
    # Two runs at once, one per source, each in its own Python (the parent of its step processes). This
    # process holds the working file open for writing all along: DuckDB allows one writing process, so
    # a step that opened it would fail on its lock.
    with duckdb.connect(str(working)) as held:
        held.execute("create table held (x int)")
        runs = {
            source_id: subprocess.Popen(
                [sys.executable, "-c", f"from {__name__} import run_partition; run_partition({source_id!r})"],
                cwd=REPO_ROOT,
                stdout=subprocess.PIPE,
                text=True,
            )
            for source_id in ("deal-map", "portfolio")
        }
        reports = {source_id: run.communicate(timeout=600)[0] for source_id, run in runs.items()}
    for source_id, output in reports.items():
        report = json.loads(output.strip().splitlines()[-1])
        assert report["success"], source_id
        assert report["steps"] == ["documents", "extracted_mentions"]
        assert len(report["pids"]) == 2  # each step in its own process
    outputs = SourceOutputs(data_dir / "sources")
    mentions = {s: outputs.current_extraction(s).mention_count() for s in ("deal-map", "portfolio")}
    assert mentions["deal-map"] >= 8
    assert mentions["portfolio"] > 0
    with duckdb.connect(str(working), read_only=True) as connection:
        tables = {row[0] for row in connection.execute("select table_name from duckdb_tables()").fetchall()}
    assert tables == {"held"}  # nothing was written to the working file
