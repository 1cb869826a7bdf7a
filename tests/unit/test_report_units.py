"""The investment map's building blocks: readable units, chart geometry, quarter axis, atomic writes."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from lxml import etree

from warehouse.report.markup import Labels
from warehouse.report.output import write_atomically
from warehouse.report.sections import quarter_labels
from warehouse.report.svg import Bar, ColumnGroup, Series, bar_chart, clip, column_chart, nice_ceiling
from warehouse.report.units import counted, day, moment, multiple, percent, period, share, usd


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (None, "undisclosed"),
        (0, "$0"),
        (512, "$512"),
        (40_000, "$40K"),
        (2_500_000, "$2.5M"),
        (12_500_000, "$12.5M"),
        (350_000_000, "$350M"),
        (999_600_000, "$1B"),  # rounds up into the next unit, never "$1000M"
        (1_200_000_000, "$1.2B"),
        (4_000_000_000, "$4B"),
        (26_600_000_000, "$26.6B"),
        (6_315_000_000, "$6.3B"),
        (1_500_000_000_000, "$1.5T"),
        (-50_000_000, "-$50M"),
    ],
)
def test_usd_in_readable_units(amount, text):
    assert usd(amount) == text


@pytest.mark.parametrize(
    ("value", "text"), [(None, "—"), (0.0, "0%"), (0.4213, "42.1%"), (0.99999, "100%"), (1.0, "100%")]
)
def test_share_as_percentage(value, text):
    assert share(value) == text


def test_other_units():
    assert (percent(0.25), multiple(3.214), multiple(0.5), multiple(12.6), multiple(None)) == (
        "25%",
        "3.2×",
        "0.5×",
        "13×",
        "—",
    )
    assert day(dt.datetime(2026, 5, 11, 23, 59)) == "2026-05-11"
    assert moment(dt.datetime(2026, 12, 1, 9, 19, 26)) == "2026-12-01 09:19 UTC"
    assert (day(None), moment(None)) == ("—", "—")


@pytest.mark.parametrize(
    ("value", "ceiling"),
    [(0, 1.0), (0.7, 1.0), (1.0, 1.0), (1.2, 2.0), (2.3, 2.5), (4.2e9, 5e9), (6.1e9, 1e10)],
)
def test_nice_ceiling_is_a_round_axis_top(value, ceiling):
    assert nice_ceiling(value) == pytest.approx(ceiling)


def test_clip_keeps_short_text_and_marks_a_cut():
    assert clip("Baseten", 10) == "Baseten"
    assert clip("Lightspeed Venture Partners", 12) == "Lightspeed…"


def _svg(markup: str) -> etree._Element:
    return etree.fromstring(markup.encode())  # well-formed XML, or this raises


def test_bar_lengths_are_proportional_to_values():
    bars = [Bar("Large", 300, "$300"), Bar("Small", 100, "$100", key="small-one"), Bar("None", 0, "$0")]
    svg = _svg(bar_chart(bars, "Three bars", width=700, label_width=200, value_width=100))
    ns = {"s": "http://www.w3.org/2000/svg"}
    widths = [float(r.get("width")) for r in svg.iterfind(".//s:rect[@class='bar-fill']", ns)]
    assert widths == [400.0, pytest.approx(133.3, abs=0.1), 0.0]  # the plot is 700 - 200 - 100 wide
    assert [g.get("data-key") for g in svg.iterfind(".//s:g[@class='bar']", ns)] == [
        "Large",
        "small-one",
        "None",
    ]
    assert svg.find("s:title", ns).text == "Three bars"
    assert svg.get("aria-label") == "Three bars"


def test_stacked_columns_stack_in_series_order_and_fill_to_their_total():
    series = [Series("hardware", "Hardware", "#111"), Series("inference", "Inference", "#222")]
    groups = [
        ColumnGroup("2026-Q1", {"inference": 250.0}),
        ColumnGroup("2026-Q2", {"hardware": 400, "inference": 100}),
    ]
    svg = _svg(column_chart(groups, series, "Stacked", str, height=300))
    ns = {"s": "http://www.w3.org/2000/svg"}
    columns = svg.findall(".//s:g[@class='column']", ns)
    assert [c.get("data-key") for c in columns] == ["2026-Q1", "2026-Q2"]
    q2 = columns[1].findall("s:rect", ns)
    assert [r.get("data-series") for r in q2] == ["hardware", "inference"]
    # Axis top is 500 (nice ceiling of the tallest column) and the plot 234 px tall (300 - 36 - 30).
    heights = [float(r.get("height")) for r in q2]
    assert heights == [pytest.approx(234 * 400 / 500, abs=0.1), pytest.approx(234 * 100 / 500, abs=0.1)]
    assert float(q2[1].get("y")) + heights[1] == pytest.approx(float(q2[0].get("y")), abs=0.1)  # stacked


def test_grouped_columns_stand_side_by_side_from_zero():
    series = [Series("top_1", "Top 1", "#111"), Series("top_3", "Top 3", "#222")]
    svg = _svg(column_chart([ColumnGroup("all", {"top_1": 0.5, "top_3": 1.0})], series, "G", str, False, 1.0))
    ns = {"s": "http://www.w3.org/2000/svg"}
    rects = svg.findall(".//s:g[@class='column']/s:rect", ns)
    bottoms = {round(float(r.get("y")) + float(r.get("height")), 1) for r in rects}
    assert len(bottoms) == 1  # both stand on the axis
    assert float(rects[0].get("x")) < float(rects[1].get("x"))
    assert float(rects[1].get("height")) == pytest.approx(2 * float(rects[0].get("height")), abs=0.1)


def test_many_quarters_label_only_every_few_columns():
    groups = [
        ColumnGroup(label, {"a": 1.0}) for label in quarter_labels(dt.date(2021, 1, 1), dt.date(2025, 12, 1))
    ]
    svg = _svg(column_chart(groups, [Series("a", "A", "#111")], "Twenty quarters", str))
    ns = {"s": "http://www.w3.org/2000/svg"}
    labels = [t.text for t in svg.iterfind(".//s:g[@class='column']/s:text[@class='axis']", ns)]
    assert labels[0] == "2021-Q1"
    assert 5 <= len(labels) < 20


def test_quarter_labels_include_quarters_without_deals():
    assert quarter_labels(dt.date(2025, 7, 1), dt.date(2026, 4, 1)) == [
        "2025-Q3",
        "2025-Q4",
        "2026-Q1",
        "2026-Q2",
    ]
    assert quarter_labels(dt.date(2026, 1, 1), dt.date(2026, 1, 1)) == ["2026-Q1"]


def test_labels_order_layers_by_rank_and_keep_unknown_slugs():
    labels = Labels({"hardware": "Hardware", "inference": "Inference", "applications": "Applications"})
    assert labels.layer_order({"applications", "zeta", "hardware"}) == ["hardware", "applications", "zeta"]
    assert labels.layer("zeta") == "zeta"
    colors = labels.layer_colors({"zeta"})
    assert colors["hardware"] != colors["zeta"]
    assert labels.layer_colors({"applications"})["applications"] == colors["applications"]  # stable


def test_write_atomically_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "investment_map.html"
    assert write_atomically(target, "<p>first</p>") == len("<p>first</p>")
    assert write_atomically(target, "<p>é</p>") == len("<p>é</p>".encode())
    assert target.read_text(encoding="utf-8") == "<p>é</p>"
    assert os.listdir(target.parent) == ["investment_map.html"]


def test_a_failed_write_keeps_the_old_report_and_removes_its_temporary(tmp_path, monkeypatch):
    target = tmp_path / "investment_map.html"
    write_atomically(target, "old")

    def refuse(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["investment_map.html"]


def test_counts_agree_with_their_nouns():
    assert [counted(1, "step"), counted(2, "step"), counted(1_204, "document")] == [
        "1 step",
        "2 steps",
        "1,204 documents",
    ]
    assert [counted(1, "company", "companies"), counted(0, "company", "companies")] == [
        "1 company",
        "0 companies",
    ]


@pytest.mark.parametrize(
    ("precision", "shown"),
    [
        ("day", "2025-08-14"),
        (None, "2025-08-14"),
        ("month", "2025-08"),
        ("quarter", "2025-Q3"),
        ("year", "2025"),
    ],
)
def test_a_date_is_shown_as_exactly_as_it_is_known(precision: str | None, shown: str) -> None:
    """A deal dated only by its year is stored on 1 January; the page shows '2025', never that day."""
    stored = {"month": dt.date(2025, 8, 1), "quarter": dt.date(2025, 7, 1), "year": dt.date(2025, 1, 1)}
    assert period(stored.get(precision, dt.date(2025, 8, 14)), precision) == shown
    assert period(None, precision) == "—"
