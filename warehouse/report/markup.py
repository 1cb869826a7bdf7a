"""Small HTML pieces the report's sections share: escaped cells, tables, figures, labels and colours.

Everything that may hold text from a source passes through `html_text` here; the sections never build
an element from raw text themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from warehouse.report.svg import attrs
from warehouse.safe_text import html_text

if TYPE_CHECKING:
    from schemas.taxonomy import Taxonomy
    from schemas.vocabulary import RoundTypes

# Colour-blind-safe hues (Okabe-Ito, then greys), given to stack layers in rank order.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#999999", "#c7c7c7")


@dataclass(frozen=True)
class Labels:
    """Display labels from the reference data. A slug missing here is shown as it is."""

    layers: Mapping[str, str] = field(default_factory=dict)
    """Stack layer slug -> label, in the taxonomy's rank order (the order of stacks and legends)."""
    rounds: Mapping[str, str] = field(default_factory=dict)
    """Round-type slug -> label."""

    @classmethod
    def from_reference(cls, taxonomy: Taxonomy, rounds: RoundTypes) -> Labels:
        """Layer labels in the taxonomy's rank order, and round-type labels, from the reference data."""
        layers = sorted(taxonomy.layers.values(), key=lambda layer: (layer.rank, layer.slug))
        return cls({layer.slug: layer.label for layer in layers}, dict(rounds.labels))

    def layer(self, slug: str) -> str:
        return self.layers.get(slug, slug)

    def round(self, slug: str) -> str:
        return self.rounds.get(slug, slug)

    def layer_order(self, present: Iterable[str]) -> list[str]:
        """The layers in `present`: known ones in rank order, then unknown ones by slug."""
        present = set(present)
        known = [slug for slug in self.layers if slug in present]
        return known + sorted(present - set(known))

    def layer_colors(self, present: Iterable[str]) -> dict[str, str]:
        """A colour per layer, fixed by its rank (the same layer keeps its colour in every chart)."""
        order = [*self.layers, *sorted(set(present) - set(self.layers))]
        return {slug: PALETTE[index % len(PALETTE)] for index, slug in enumerate(order)}


@dataclass(frozen=True)
class Cell:
    """One table cell: `text` as shown, `data` as exact `data-*` attributes, `numeric` right-aligned."""

    text: object
    data: Mapping[str, object] = field(default_factory=dict)
    numeric: bool = False


def cell(text: object, numeric: bool = False, **data: object) -> Cell:
    return Cell(text, {name.replace("_", "-"): value for name, value in data.items()}, numeric)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell | object]],
    row_data: Iterable[Mapping[str, object]] | None = None,
    css_class: str = "figures",
) -> str:
    """A table; plain values become cells, numbers right-aligned. `row_data` gives each row's `data-*`."""
    head = "".join(f"<th>{html_text(h)}</th>" for h in headers)
    body = []
    row_attributes = iter(row_data) if row_data is not None else None
    for row in rows:
        extra = next(row_attributes) if row_attributes is not None else {}
        cells = []
        for value in row:
            item = value if isinstance(value, Cell) else Cell(value, numeric=isinstance(value, int | float))
            data = {f"data-{name}": v for name, v in item.data.items()}
            shown = _shown(item.text)
            cells.append(f"<td{attrs({'class': 'num' if item.numeric else None, **data})}>{shown}</td>")
        body.append(f"<tr{attrs({f'data-{k}': v for k, v in extra.items()})}>" + "".join(cells) + "</tr>")
    return (
        f"<table{attrs({'class': css_class})}><thead><tr>{head}</tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table>"
    )


def _shown(value: object) -> str:
    """A cell's text, escaped; counts with thousands separators (1,234)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return html_text(value)


def facts_list(facts: Sequence[tuple[str, object, Mapping[str, object]]], css_class: str) -> str:
    """Label/value pairs as a definition list; each value's `data-*` attributes carry its exact figure."""
    items = "".join(
        f"<div><dt>{html_text(label)}</dt><dd{attrs({f'data-{k}': v for k, v in data.items()})}>"
        f"{_shown(value)}</dd></div>"
        for label, value, data in facts
    )
    return f"<dl{attrs({'class': css_class})}>{items}</dl>"


def section(anchor: str, title: str, lead: str, *parts: str) -> str:
    """A report section: a heading, one sentence saying what it shows, then charts and tables."""
    return (
        f"<section{attrs({'id': anchor})}><h2>{html_text(title)}</h2>"
        f"<p class='lead'>{html_text(lead)}</p>" + "".join(parts) + "</section>"
    )


def empty(message: str) -> str:
    """What a section shows instead of a chart when it has nothing to draw (zero deals is a state)."""
    return f"<p class='empty'>{html_text(message)}</p>"


def figure(chart: str, caption: str | None = None) -> str:
    """A chart in a figure; the chart is our own SVG markup, already escaped inside."""
    note = f"<figcaption>{html_text(caption)}</figcaption>" if caption else ""
    return f"<figure>{chart}{note}</figure>"


def names(values: Sequence[str] | None, limit: int = 3) -> str:
    """A list of names as one line: 'A, B, C +2 more'; '—' when empty."""
    if not values:
        return "—"
    shown = ", ".join(values[:limit])
    return shown + (f" +{len(values) - limit} more" if len(values) > limit else "")
