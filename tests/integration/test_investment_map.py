"""The investment_map asset on the bundled samples, and the written page as headless Chromium renders it."""

from __future__ import annotations

import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from lxml import html

from tests.integration.pipeline import run_refresh
from tests.unit.test_report_escaping import SCRIPT, SVG_BREAK, hostile_page
from warehouse.report.output import REPORT_NAME
from warehouse.report.units import usd

SVG = "*[local-name()='svg']"
BARS = "*[local-name()='rect'][@class='bar-fill']"
# Chromium logs each console message (console.*, uncaught errors, CSP refusals) to stderr with this tag.
CONSOLE_LINE = re.compile(r"CONSOLE|Uncaught")


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("data")
    result = run_refresh(data_dir)
    assert result.success
    return result, data_dir


@pytest.fixture(scope="module")
def report(refreshed) -> Path:
    _, data_dir = refreshed
    return data_dir / REPORT_NAME


def test_the_asset_writes_the_report_beside_the_served_file(refreshed, report):
    result, data_dir = refreshed
    (event,) = [
        e.materialization
        for e in result.get_asset_materialization_events()
        if e.materialization.asset_key.to_user_string() == "investment_map"
    ]
    assert event.metadata["path"].value == str(report)
    assert event.metadata["bytes"].value == report.stat().st_size
    assert event.metadata["deals"].value == 8
    assert event.metadata["disclosed_usd"].value == 6_315_000_000
    # Written through a temporary file renamed into place: none is left behind.
    assert sorted(p.name for p in data_dir.iterdir() if p.is_file()) == ["dealmap.duckdb", REPORT_NAME]


def test_the_reports_figures_match_the_served_deals(refreshed, report):
    _, data_dir = refreshed
    tree = html.fromstring(report.read_text(encoding="utf-8"))
    with duckdb.connect(str(data_dir / "dealmap.duckdb"), read_only=True) as served:
        deals, total = served.execute("select count(*), sum(amount_usd) from deals").fetchone()
        by_layer = dict(served.execute("select layer, sum(amount_usd) from deals group by layer").fetchall())
        companies = {row[0] for row in served.execute("select company from deals").fetchall()}
    headline = {div.xpath("dt")[0].text_content(): div.xpath("dd")[0] for div in tree.xpath("//dl/div")}
    assert int(headline["Disclosed capital"].get("data-usd")) == total
    assert headline["Disclosed capital"].text_content() == usd(total)
    assert int(headline["Deals"].get("data-deals")) == deals
    layers = tree.xpath("//section[@id='layers']//tr[@data-layer]")
    assert {r.get("data-layer"): int(r.xpath("td/@data-usd")[0]) for r in layers} == by_layer
    assert set(tree.xpath(f"//section[@id='top-deals']//{BARS}/../@data-key")) == companies


def test_summary_prints_the_report_path(refreshed, report, monkeypatch, capsys):
    _, data_dir = refreshed
    # As `python -m warehouse.summary PATH` runs it (tasks.py refresh ends with it), in this process.
    monkeypatch.setattr(sys, "argv", ["summary", str(data_dir / "dealmap.duckdb")])
    runpy.run_module("warehouse.summary", run_name="__main__")
    assert capsys.readouterr().out.splitlines()[-1] == f"report: {report}"


# --- in a real browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found is None:
        reason = "Chromium is not installed (Debian: apt-get install chromium); the report is not rendered"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def dump_dom(chromium: str, page: Path, profile: Path) -> tuple[html.HtmlElement, list[str]]:
    """The DOM headless Chromium builds from `page`, and the console lines it logged."""
    completed = subprocess.run(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
         # A profile per call: parallel test workers never share (and lock) one.
         f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-2000:]
    console = [line for line in completed.stderr.splitlines() if CONSOLE_LINE.search(line)]
    return html.fromstring(completed.stdout), console


def test_chromium_renders_the_charts_without_console_errors(chromium, report, tmp_path):
    dom, console = dump_dom(chromium, report, tmp_path / "profile")
    assert console == []
    # Six charts: the samples have no company with two rounds, so step-ups shows its message instead.
    assert len(dom.xpath(f"//{SVG}")) == 6
    assert dom.xpath("//section[@id='step-ups']//p[@class='empty']")
    layers = dom.xpath(f"//section[@id='layers']//{BARS}/@data-series")
    assert set(layers) == {"hardware", "inference", "applications"}
    assert dom.xpath("//section[@id='layers']//*[local-name()='g'][@class='legend']")[0].text_content() == (
        "HardwareInferenceApplications"
    )
    top = dom.xpath(f"//section[@id='top-deals']//{SVG}//*[local-name()='g'][@class='bar']")
    assert len(top) == 8
    assert top[0].xpath("*[local-name()='text']")[0].text_content() == "Cerebras Systems"
    assert top[0].xpath("*[local-name()='text']")[1].text_content() == "$3.5B · 55.4%"
    shares = dom.xpath(f"//section[@id='concentration']//{BARS}/@data-series")
    assert shares == ["top_1", "top_3", "top_10"] * 2  # 2026, and all years
    assert len(dom.xpath(f"//section[@id='leads']//{BARS}")) == 4
    assert len(dom.xpath(f"//section[@id='coverage']//{BARS}")) == 6  # the six sample sources


def test_chromium_runs_nothing_from_hostile_names(chromium, tmp_path):
    page = tmp_path / REPORT_NAME
    page.write_text(hostile_page(tmp_path), encoding="utf-8")
    dom, console = dump_dom(chromium, page, tmp_path / "profile")
    assert console == []  # a script that ran, or one the page's policy refused, would log here
    assert dom.xpath("//script | //img | //b") == []
    assert not [a for a in dom.xpath("//@*") if a.attrname.startswith("on")]
    assert SCRIPT in dom.xpath(f"//section[@id='top-deals']//{SVG}")[0].text_content()
    assert SVG_BREAK in dom.xpath("//section[@id='top-deals']//tbody")[0].text_content()
    assert len(dom.xpath(f"//{SVG}")) == 7


def test_the_console_check_sees_a_failing_script(chromium, tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<!doctype html><p>x</p><script>console.error('boom'); missing();</script>", "utf-8")
    _, console = dump_dom(chromium, page, tmp_path / "profile")
    assert any("boom" in line for line in console)
    assert any("Uncaught ReferenceError" in line for line in console)


def _page_run_id(report: Path) -> str:
    return html.fromstring(report.read_text(encoding="utf-8")).xpath("//span[@class='run-id']/@data-run-id")[
        0
    ]


def _served_run_id(data_dir: Path) -> str:
    with duckdb.connect() as connection:
        connection.execute(f"attach '{data_dir / 'dealmap.duckdb'}' as served (read_only)")
        return connection.execute("select run_id from served.refresh_info").fetchone()[0]


def test_the_page_follows_what_is_served_through_a_failed_publish_and_a_rollback(
    refreshed, tmp_path, monkeypatch
):
    """The report describes the served file: a publish that fails leaves it, a rollback rewrites it."""
    from warehouse.rollback import rollback

    data_dir = tmp_path / "data"
    shutil.copytree(refreshed[1], data_dir)
    first = _served_run_id(data_dir)
    assert _page_run_id(data_dir / REPORT_NAME) == first
    second = run_refresh(data_dir)
    assert second.success
    assert _page_run_id(data_dir / REPORT_NAME) == _served_run_id(data_dir) == second.run_id
    monkeypatch.setenv("DEALMAP_SERVED_KEEP", "not a number")  # the publish fails before it swaps
    failed = run_refresh(data_dir)
    assert not failed.success
    assert _page_run_id(data_dir / REPORT_NAME) == second.run_id  # not rewritten from unpublished data
    monkeypatch.delenv("DEALMAP_SERVED_KEEP")
    rolled = rollback(data_dir, None)
    assert rolled.report == data_dir / REPORT_NAME
    assert _page_run_id(data_dir / REPORT_NAME) == _served_run_id(data_dir) == first
