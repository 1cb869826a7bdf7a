"""The market taxonomy: segments, the stack layer each belongs to, label aliases and keywords.

Loaded from `schemas/reference/taxonomy.toml` so that users extend it without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from schemas.reference import (
    FileCheck,
    ReferenceDataError,
    parse_reference_toml,
    read_reference_text,
    reference_path,
)
from schemas.reference.reference_data import ReferenceData, current_reference_data
from schemas.text import fold

UNCLASSIFIED = "unclassified"
_LABEL_STOPWORDS = frozenset({"and", "the", "of", "for", "a", "an"})


def label_key(label: str | None) -> str:
    """Spelling-insensitive key for segment labels: 'Food & Beverages', 'Food and Beverage' and
    'food-beverage' share one; so do 'Fin-Tech', 'FinTech' and 'Fin Tech' (spaces are dropped)."""
    words = []
    for word in fold(label).split():
        if word in _LABEL_STOPWORDS:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return "".join(words)


_TRAILING_PARENTHETICAL = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass(frozen=True)
class Layer:
    slug: str
    label: str
    rank: int
    description: str
    ai: bool = True
    """False for the layers of industries rather than of the AI stack (`ai = false` in the file)."""


@dataclass(frozen=True)
class Segment:
    slug: str
    label: str
    layer: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]


class TaxonomyError(ReferenceDataError):
    """The taxonomy file is malformed or inconsistent (a missing label, an unknown layer, an alias claimed
    by two segments...); the message names the file and every problem."""


def _label_index(segments: dict[str, Segment]) -> tuple[dict[str, str], list[str]]:
    """Folded label or alias -> segment slug, and the labels two segments claim."""
    index: dict[str, str] = {}
    clashes = []
    for segment in segments.values():
        for name in (segment.slug, segment.label, *segment.aliases):
            key = label_key(name)
            if index.get(key, segment.slug) != segment.slug:
                clashes.append(f"label {name!r} is claimed by both {index[key]!r} and {segment.slug!r}")
                continue
            index[key] = segment.slug
    return index, clashes


@dataclass(frozen=True)
class Taxonomy:
    layers: dict[str, Layer]
    segments: dict[str, Segment]
    labels: dict[str, str] = field(init=False, repr=False)
    """Folded label or alias -> segment slug."""

    def __post_init__(self) -> None:
        # Built once; an alias claimed by two segments fails at load time.
        index, clashes = _label_index(self.segments)
        if clashes:
            raise TaxonomyError("taxonomy", clashes)
        object.__setattr__(self, "labels", index)

    @classmethod
    def from_toml(cls, text: str, origin: Path | str = "taxonomy.toml") -> Taxonomy:
        """The taxonomy in `text`; every problem is reported at once, naming `origin` (the file)."""
        data = parse_reference_toml(text, origin)
        check = FileCheck(origin, TaxonomyError)
        check.unknown_keys(data, "", ("layer", "segment"))
        layers = {}
        for slug, spec in check.tables(data, "layer").items():
            where = f"layer.{slug}"
            check.unknown_keys(spec, where, ("label", "rank", "description", "ai"))
            layers[slug] = Layer(
                slug,
                check.value(spec, where, "label", "text"),
                check.value(spec, where, "rank", "an integer"),
                check.value(spec, where, "description", "text", ""),
                ai=check.value(spec, where, "ai", "true or false", True),
            )
        segments = {}
        for slug, spec in check.tables(data, "segment").items():
            where = f"segment.{slug}"
            check.unknown_keys(spec, where, ("label", "layer", "aliases", "keywords"))
            layer = check.value(spec, where, "layer", "text")
            if layer is not None and layer not in layers:
                check.problem(f"segment {slug!r} names unknown layer {layer!r}")
            segments[slug] = Segment(
                slug,
                check.value(spec, where, "label", "text"),
                layer,
                tuple(check.value(spec, where, "aliases", "a list of text", [])),
                tuple(check.value(spec, where, "keywords", "a list of text", [])),
            )
        if UNCLASSIFIED not in segments:
            check.problem("the taxonomy must define the 'unclassified' segment")
        if not check.problems:
            check.problems += _label_index(segments)[1]
        check.raise_if_any()
        return cls(layers, segments)

    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        path = Path(path or reference_path("taxonomy.toml"))
        return cls.from_toml(read_reference_text(path), path)

    def resolve_label(self, label: str | None) -> str | None:
        """Segment slug for a label a source states, or None when the taxonomy does not know it.

        'AI chips (WSE-3)' resolves as 'AI chips' when the full text is unknown: tables often append a
        product name in parentheses.
        """
        if not label or not label.strip():
            return None
        for candidate in (label, _TRAILING_PARENTHETICAL.sub("", label)):
            slug = self.labels.get(label_key(candidate))
            if slug:
                return slug
        return None

    def _matches(self, text: str | None) -> list[tuple[str, int, int]]:
        """(segment, start, length) of every keyword in `text`, whole words only, except those inside a
        longer match ('inference' inside 'inference engine')."""
        folded = f" {fold(text)} "
        found = []
        for segment in self.segments.values():
            for keyword in segment.keywords:
                key = fold(keyword)
                start = folded.find(f" {key} ") if key else -1
                while start >= 0:
                    found.append((segment.slug, start, len(key)))
                    start = folded.find(f" {key} ", start + 1)
        return [
            (slug, start, length)
            for slug, start, length in found
            if not any(s <= start and start + length <= s + n and n > length for _, s, n in found)
        ]

    def _is_ai(self, slug: str) -> bool:
        layer = self.layers.get(self.segments[slug].layer)
        return layer is None or layer.ai

    def classify(self, text: str | None) -> str:
        """Segment slug inferred from free text by keywords; 'unclassified' when nothing matches.

        An AI segment wins over an industry one: an AI product sold to one industry is an AI company (an
        insurance-claims agent is an AI agent). Then the longest matching keyword wins, so 'inference
        engine' beats the bare 'inference'.
        """
        matches = self._matches(text)
        ai = [m for m in matches if self._is_ai(m[0])]
        candidates = ai or matches
        if not candidates:
            return UNCLASSIFIED
        return max(candidates, key=lambda m: (m[2], -m[1]))[0]

    def classify_first(self, texts: list[str | None]) -> str:
        """The segment of the first text the keywords place, most specific text first: a deal's own
        sentence, then the sentences around it, then the document's title. A later, less specific text
        counts only when it points at one segment ('robots, inference chips and scooters' points at none).
        """
        for index, text in enumerate(texts):
            if index == 0:
                slug = self.classify(text)
                if slug != UNCLASSIFIED:
                    return slug
                continue
            segments = {slug for slug, _, _ in self._matches(text)}
            if len(segments) == 1:
                return segments.pop()
        return UNCLASSIFIED

    def layer_of(self, slug: str | None) -> str | None:
        segment = self.segments.get(slug or "")
        return segment.layer if segment else None

    def layer_by_segment(self) -> dict[str, str]:
        """Segment slug -> its stack layer, as a mapping pandas applies in one vectorised lookup."""
        return {slug: segment.layer for slug, segment in self.segments.items()}


def default_taxonomy(data: ReferenceData | None = None) -> Taxonomy:
    """The Taxonomy of `data`, or of the reference data in use."""
    return (data or current_reference_data()).part("taxonomy.toml", Taxonomy.load)
