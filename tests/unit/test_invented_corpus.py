"""The invented news set is committed whole: every text its manifest labels is there, byte for byte."""

from __future__ import annotations

from bench.extraction.__main__ import INVENTED, REAL_WORLD
from bench.extraction.realworld.manifest import load_manifest, read_texts


def test_every_invented_text_is_present_and_unchanged():
    split, root = REAL_WORLD["invented"]
    texts = load_manifest(root / split / "manifest.jsonl")
    saved = read_texts(texts, root / "texts" / split)
    assert root == INVENTED
    assert (saved.total, len(saved.present), saved.mismatched) == (60, 60, ())
    assert sum(len(text.deals) for text in texts) == 201
