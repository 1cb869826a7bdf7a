"""Bar charts as inline SVG: horizontal bars, and columns stacked or grouped, drawn in Python.

Inline SVG needs no script and no library in the page, renders the same offline and prints well. Every
text that lands in the SVG (labels, tooltips in `<title>`, attribute values) goes through `html_text`,
which escapes `<`, `>`, `&` and both quotes: a company named `</svg><script>...` stays text. Labels are
clipped *before* escaping, so a cut never splits an entity; the full text stays in the tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from warehouse.safe_text import html_text

FONT_PX = 12
# Average advance of a 12px sans-serif character, to clip labels to their column without measuring text.
CHAR_PX = 6.6
BAR_COLOR = "#4c78a8"
AXIS_COLOR = "#9aa3ad"


def attrs(values: Mapping[str, object]) -> str:
    """Attributes as ` name="value"`, each value escaped (quotes included); None values are left out."""
    return "".join(f' {name}="{html_text(value)}"' for name, value in values.items() if value is not None)


def clip(text: str, chars: int) -> str:
    """`text` cut to `chars` characters with an ellipsis when longer (before any escaping)."""
    return text if len(text) <= chars else text[: max(chars - 1, 1)].rstrip() + "…"


def _number(value: float) -> str:
    """A coordinate with at most one decimal: short output, no float noise like 12.000000001."""
    return f"{value:.1f}".removesuffix(".0")


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^k that is >= value (a round top for an axis); 1 for value <= 0."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5):
        if step * power >= value * (1 - 1e-12):
            return step * power
    return 10 * power


def _svg(width: float, height: float, title: str, body: Sequence[str], css_class: str) -> str:
    head = attrs(
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": css_class,
            "viewBox": f"0 0 {_number(width)} {_number(height)}",
            "width": _number(width),
            "height": _number(height),
            "role": "img",
            "aria-label": title,
            "font-size": FONT_PX,
        }
    )
    return f"<svg{head}><title>{html_text(title)}</title>" + "".join(body) + "</svg>"


def _text(x: float, y: float, text: str, css_class: str, anchor: str = "start") -> str:
    position = attrs({"x": _number(x), "y": _number(y), "class": css_class, "text-anchor": anchor})
    return f"<text{position}>{html_text(text)}</text>"


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: `label` left of it, `value_text` after it, `tooltip` on hover."""

    label: str
    value: float
    value_text: str
    tooltip: str = ""
    color: str = BAR_COLOR
    key: str = ""
    """Identifies the bar in the page (`data-key`): a slug or a name; escaped like any text."""
    data: Mapping[str, object] = field(default_factory=dict)
    """Extra `data-*` attributes of the bar (exact figures, for readers and tests)."""


def bar_chart(
    bars: Sequence[Bar],
    title: str,
    width: int = 960,
    label_width: int = 230,
    value_width: int = 150,
    row_height: int = 24,
    max_value: float | None = None,
    reference: tuple[float, str] | None = None,
) -> str:
    """Horizontal bars, one per row, lengths proportional to `value` (0 at the label column's edge).

    `reference` draws a dashed vertical line at a value with its caption (e.g. 1x for step-ups).
    """
    top = 8 + (FONT_PX + 6 if reference else 0)
    height = top + row_height * len(bars) + 8
    plot = width - label_width - value_width
    scale_max = max([max_value or 0.0, *(b.value for b in bars), reference[0] if reference else 0.0]) or 1.0
    chars = int((label_width - 12) / CHAR_PX)
    body = []
    for index, bar in enumerate(bars):
        y = top + index * row_height
        length = plot * max(bar.value, 0) / scale_max
        rect = attrs(
            {
                "class": "bar-fill",
                "x": label_width,
                "y": _number(y + 3),
                "width": _number(length),
                "height": row_height - 6,
                "fill": bar.color,
                "data-value": bar.value,
                **{f"data-{name}": value for name, value in bar.data.items()},
            }
        )
        body.append(
            f"<g{attrs({'class': 'bar', 'data-key': bar.key or bar.label})}>"
            f"<title>{html_text(bar.tooltip or f'{bar.label}: {bar.value_text}')}</title>"
            + _text(label_width - 8, y + row_height / 2 + 4, clip(bar.label, chars), "label", "end")
            + f"<rect{rect}/>"
            + _text(label_width + length + 6, y + row_height / 2 + 4, bar.value_text, "value")
            + "</g>"
        )
    if reference:
        x = label_width + plot * reference[0] / scale_max
        line = attrs(
            {
                "class": "reference",
                "x1": _number(x),
                "x2": _number(x),
                "y1": FONT_PX + 4,
                "y2": _number(height - 4),
                "stroke": AXIS_COLOR,
                "stroke-dasharray": "4 3",
            }
        )
        body.append(f"<line{line}/>" + _text(x, FONT_PX + 2, reference[1], "axis", "middle"))
    return _svg(width, height, title, body, "chart bar-chart")


@dataclass(frozen=True)
class Series:
    """One coloured series of a column chart (a stack layer, a top-N share)."""

    key: str
    label: str
    color: str


@dataclass(frozen=True)
class ColumnGroup:
    """One column (stacked) or group of columns (grouped) at one x position, e.g. a quarter."""

    label: str
    values: Mapping[str, float]
    """Series key -> value; a series missing here draws nothing."""
    texts: Mapping[str, str] = field(default_factory=dict)
    """Series key -> the value as a reader reads it, for tooltips."""


def column_chart(
    groups: Sequence[ColumnGroup],
    series: Sequence[Series],
    title: str,
    value_text: Callable[[float], str],
    stacked: bool = True,
    max_value: float | None = None,
    width: int = 960,
    height: int = 300,
) -> str:
    """Vertical columns per group, stacked or side by side, with a y axis of 4 gridlines and a legend.

    The axis top is `max_value`, else a round number above the tallest column (or bar).
    """
    left, right, legend_height, bottom = 70, 12, 26, 30
    plot_top = legend_height + 10
    plot_height = height - plot_top - bottom
    plot_width = width - left - right
    tallest = max(
        (sum(g.values.values()) if stacked else max(g.values.values(), default=0) for g in groups), default=0
    )
    axis_max = max_value or nice_ceiling(tallest)
    body = [_legend(series, left)]
    for tick in range(5):
        value = axis_max * tick / 4
        y = plot_top + plot_height * (1 - tick / 4)
        grid = attrs(
            {
                "class": "grid",
                "x1": left,
                "x2": width - right,
                "y1": _number(y),
                "y2": _number(y),
                "stroke": AXIS_COLOR,
                "stroke-width": 0.5,
            }
        )
        body.append(f"<line{grid}/>")
        body.append(_text(left - 6, y + 4, value_text(value), "axis", "end"))
    slot = plot_width / max(len(groups), 1)
    column_width = min(slot * 0.7, 90.0)
    # Label every k-th group only, when labels (about 8 characters) would overlap.
    label_every = max(1, math.ceil((8 * CHAR_PX + 6) / slot))
    for index, group in enumerate(groups):
        x0 = left + slot * index + (slot - column_width) / 2
        body.append(f"<g{attrs({'class': 'column', 'data-key': group.label})}>")
        body.extend(_column_parts(group, series, x0, column_width, plot_top, plot_height, axis_max, stacked))
        if index % label_every == 0:
            label_y = height - bottom + 16
            body.append(_text(x0 + column_width / 2, label_y, clip(group.label, 14), "axis", "middle"))
        if stacked:
            total = sum(group.values.values())
            top = plot_top + plot_height * (1 - min(total / axis_max, 1))
            body.append(_text(x0 + column_width / 2, top - 4, value_text(total), "value", "middle"))
        body.append("</g>")
    return _svg(width, height, title, body, "chart column-chart")


def _column_parts(
    group: ColumnGroup,
    series: Sequence[Series],
    x0: float,
    column_width: float,
    plot_top: float,
    plot_height: float,
    axis_max: float,
    stacked: bool,
) -> list[str]:
    """The rects of one group: stacked bottom-up in series order, or side by side."""
    parts = []
    base = 0.0
    shown = [s for s in series if s.key in group.values]
    bar_width = column_width if stacked else column_width / max(len(series), 1)
    for position, item in enumerate(series):
        if item not in shown:
            continue
        value = max(group.values[item.key], 0.0)
        bottom_value = base if stacked else 0.0
        top_value = min(bottom_value + value, axis_max)
        y = plot_top + plot_height * (1 - top_value / axis_max)
        bar_height = plot_height * (top_value - min(bottom_value, axis_max)) / axis_max
        x = x0 if stacked else x0 + bar_width * position
        rect = attrs(
            {
                "class": "bar-fill",
                "x": _number(x),
                "y": _number(y),
                "width": _number(bar_width - (0 if stacked else 2)),
                "height": _number(bar_height),
                "fill": item.color,
                "data-series": item.key,
                "data-value": group.values[item.key],
            }
        )
        tooltip = f"{group.label} · {item.label}: {group.texts.get(item.key, str(group.values[item.key]))}"
        parts.append(f"<rect{rect}><title>{html_text(tooltip)}</title></rect>")
        base += value
    return parts


def _legend(series: Sequence[Series], left: float) -> str:
    items = []
    x = left
    for item in series:
        swatch = attrs({"x": _number(x), "y": 6, "width": 12, "height": 12, "fill": item.color})
        label = clip(item.label, 24)
        items.append(f"<rect{swatch}/>" + _text(x + 16, 16, label, "legend"))
        x += 16 + len(label) * CHAR_PX + 18
    return f"<g{attrs({'class': 'legend'})}>" + "".join(items) + "</g>"
