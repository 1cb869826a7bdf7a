"""The market taxonomy: label resolution, keyword classification, layers, and load-time consistency errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas.taxonomy import UNCLASSIFIED, Taxonomy, TaxonomyError, default_taxonomy

SMALL = """
[layer.hardware]
label = "Hardware"
rank = 1

[layer.inference]
label = "Inference"
rank = 2

[layer.unclassified]
label = "Unclassified"
rank = 9

[segment.chips]
label = "AI chips"
layer = "hardware"
aliases = ["accelerators", "semiconductors"]
keywords = ["chip", "wafer scale"]

[segment.engines]
label = "Inference engines"
layer = "inference"
aliases = ["serving engine"]
keywords = ["inference engine", "kv cache"]

[segment.platforms]
label = "Inference platforms"
layer = "inference"
aliases = ["inference"]
keywords = ["inference", "serverless"]

[segment.unclassified]
label = "Unclassified"
layer = "unclassified"
keywords = []
"""


@pytest.fixture
def small() -> Taxonomy:
    return Taxonomy.from_toml(SMALL)


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("AI chips", "chips"),
        ("ai-chips", "chips"),
        ("AI CHIPS", "chips"),
        ("Accelerators", "chips"),
        ("chips", "chips"),  # the slug itself is a label
        ("AI chips (WSE-3)", "chips"),
        ("Semiconductors (GPUs)", "chips"),
        ("Serving Engine", "engines"),
        ("Inference", "platforms"),
        ("Unclassified", UNCLASSIFIED),
    ],
)
def test_resolve_label(small: Taxonomy, label: str, slug: str) -> None:
    assert small.resolve_label(label) == slug


@pytest.mark.parametrize("label", [None, "", "   ", "Quantum sensing", "Unknown (chips)", "chipset"])
def test_resolve_label_unknown_is_none(small: Taxonomy, label: str | None) -> None:
    assert small.resolve_label(label) is None


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("an open-source inference engine for language models", "engines"),  # longest keyword wins
        ("a KV-cache offloading layer", "engines"),
        ("serverless GPUs for inference", "platforms"),
        ("wafer-scale processors", "chips"),
        ("a new chip for data centres", "chips"),
        ("a grocery delivery app", UNCLASSIFIED),
        ("chipmaker", UNCLASSIFIED),  # keywords match whole words only
        ("", UNCLASSIFIED),
        (None, UNCLASSIFIED),
    ],
)
def test_classify_by_keywords(small: Taxonomy, text: str | None, slug: str) -> None:
    assert small.classify(text) == slug


def test_layers_and_segments(small: Taxonomy) -> None:
    assert small.layer_of("engines") == "inference"
    assert small.layer_of("chips") == "hardware"
    assert small.layer_of(UNCLASSIFIED) == "unclassified"
    assert small.layer_of("nope") is None
    assert small.layer_of(None) is None
    assert [layer.rank for layer in small.layers.values()] == [1, 2, 9]
    assert small.segments["chips"].aliases == ("accelerators", "semiconductors")


def test_alias_claimed_by_two_segments_raises() -> None:
    clash = SMALL.replace('aliases = ["serving engine"]', 'aliases = ["serving engine", "Accelerators"]')

    with pytest.raises(TaxonomyError, match=r"'Accelerators' is claimed by both 'chips' and 'engines'"):
        Taxonomy.from_toml(clash)


def test_alias_equal_after_folding_to_another_label_raises() -> None:
    clash = SMALL.replace('aliases = ["inference"]', 'aliases = ["inference", "AI-chips"]')

    with pytest.raises(TaxonomyError, match="claimed by both"):
        Taxonomy.from_toml(clash)


def test_unknown_layer_raises() -> None:
    broken = SMALL.replace('layer = "hardware"', 'layer = "silicon"')

    with pytest.raises(TaxonomyError, match=r"segment 'chips' names unknown layer 'silicon'"):
        Taxonomy.from_toml(broken)


def test_missing_unclassified_segment_raises() -> None:
    without = SMALL.split("[segment.unclassified]")[0]

    with pytest.raises(TaxonomyError, match="unclassified"):
        Taxonomy.from_toml(without)


def test_load_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.toml"
    path.write_text(SMALL, encoding="utf-8")

    assert Taxonomy.load(path).resolve_label("AI chips (WSE-3)") == "chips"


@pytest.mark.parametrize(
    ("label", "slug", "layer"),
    [
        ("AI chips (WSE-3)", "ai_chips", "hardware"),
        ("Voice AI", "voice_ai", "applications"),
        ("Inference platform", "inference_platforms", "inference"),
        ("AI inference", "inference_platforms", "inference"),
        ("Inference engine", "inference_engines", "inference"),
        ("AI networking", "ai_networking", "hardware"),
        ("Media generation", "media_generation", "applications"),
        ("AI agents", "ai_agents", "applications"),
        ("GPU cloud", "gpu_cloud", "compute"),
    ],
)
def test_shipped_taxonomy_resolves_sample_labels(label: str, slug: str, layer: str) -> None:
    taxonomy = default_taxonomy()

    assert taxonomy.resolve_label(label) == slug
    assert taxonomy.layer_of(slug) == layer


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("the open-source vLLM inference engine", "inference_engines"),
        ("serverless inference for open models", "inference_platforms"),
        ("text-to-speech and dubbing", "voice_ai"),
        ("nothing that matches", UNCLASSIFIED),
    ],
)
def test_shipped_taxonomy_classifies(text: str, slug: str) -> None:
    assert default_taxonomy().classify(text) == slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # An AI product sold to one industry is an AI company.
        ("an AI agent for insurance claims", "ai_agents"),
        ("a sales copilot for hospitals", "vertical_ai"),
        # Between industries, the longest keyword.
        ("scheduling software for hospitals", "health"),
        # Words that merely contain a keyword's letters, or keywords of other things, place nothing.
        ("a Silicon Valley startup that sells pet insurance", "fintech"),
        ("a graduate of a startup accelerator that sells payroll software", "enterprise_software"),
        ("a maker of sodium-ion home batteries", "climate"),
        ("two compiler shops", "inference_engines"),
        ("a test-preparation platform", "education"),
    ],
)
def test_classify_prefers_ai_segments(text: str, slug: str) -> None:
    assert default_taxonomy().classify(text) == slug


@pytest.mark.parametrize(
    ("texts", "slug"),
    [
        (["Acme raised $5M in a Series A.", "It makes geothermal drilling rigs."], "climate"),
        (["Acme raised $5M.", "The open-source inference engines are now companies"], "inference_engines"),
        (["Acme raised $5M.", "Digest: robots, inference chips, groceries and scooters"], UNCLASSIFIED),
        (["a neobank for freelancers", "Voice AI weekly"], "fintech"),
        ([], UNCLASSIFIED),
    ],
)
def test_classify_first_specific_text_first(texts: list[str], slug: str) -> None:
    assert default_taxonomy().classify_first(texts) == slug


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("EV charging", "mobility"),
        ("Geothermal", "climate"),
        ("Heat pumps", "climate"),
        ("Grid software", "climate"),
        ("Robotics", UNCLASSIFIED),
    ],
)
def test_shipped_labels_for_energy_mobility_and_robotics(label: str, slug: str) -> None:
    assert default_taxonomy().resolve_label(label) == slug


def test_layers_say_whether_they_are_the_ai_stack() -> None:
    taxonomy = default_taxonomy()

    assert taxonomy.layers["inference"].ai
    assert not taxonomy.layers["non_ai"].ai
    assert Taxonomy.from_toml(SMALL).layers["hardware"].ai  # the default
