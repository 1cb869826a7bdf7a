"""The rebuild helper of the real-world corpus: one search per distinct query, texts saved only when exact."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from bench.extraction.realworld.rebuild import save_excerpt, searches_to_make

_TEXTS = {
    "dev-001": "Harbor Lane raised $4 million.\n",
    "dev-002": "Two rounds\u00a0closed this week.",
    "dev-003": "Nothing to see.",
}


def _corpus(root: Path) -> dict[str, str]:
    (root / "dev").mkdir(parents=True)
    lines = []
    for index, (text_id, text) in enumerate(_TEXTS.items()):
        query = "weekly funding round-up" if index < 2 else "startup raises seed"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        lines.append(
            json.dumps(
                {
                    "id": text_id,
                    "corpus": "pages",
                    "query": query,
                    "url": f"https://x.test/{index}",
                    "sha256": digest,
                }
            )
        )
    (root / "dev" / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {json.loads(line)["id"]: json.loads(line)["sha256"] for line in lines}


def test_texts_sharing_a_query_need_one_search_and_saved_ones_none(tmp_path: Path) -> None:
    _corpus(tmp_path)
    (tmp_path / "texts" / "dev").mkdir(parents=True)
    (tmp_path / "texts" / "dev" / "dev-003.txt").write_text(_TEXTS["dev-003"], encoding="utf-8")
    searches = searches_to_make("dev", root=tmp_path)
    assert searches == [
        {
            "query": "weekly funding round-up",
            "corpus": "pages",
            "texts": [
                {"id": "dev-001", "url": "https://x.test/0"},
                {"id": "dev-002", "url": "https://x.test/1"},
            ],
        }
    ]
    assert searches_to_make("dev", first=1, root=tmp_path) == []  # the second query's text is saved


def test_an_exact_literal_is_saved_and_a_near_copy_is_refused(tmp_path: Path) -> None:
    expected = _corpus(tmp_path)
    exact = tmp_path / "dev-002.json"
    exact.write_text(json.dumps(_TEXTS["dev-002"]), encoding="utf-8")  # the escape \u00a0 kept
    assert save_excerpt("dev", exact, expected, tmp_path) == "dev-002 OK"
    assert (tmp_path / "texts" / "dev" / "dev-002.txt").read_text(encoding="utf-8") == _TEXTS["dev-002"]

    near = tmp_path / "dev-001.json"
    near.write_text(json.dumps(_TEXTS["dev-001"].rstrip("\n")), encoding="utf-8")  # lost its last line break
    assert save_excerpt("dev", near, expected, tmp_path) == "dev-001 MISMATCH (30 characters)"
    assert not (tmp_path / "texts" / "dev" / "dev-001.txt").exists()


def test_what_is_not_a_string_literal_or_not_in_the_manifest_is_said_plainly(tmp_path: Path) -> None:
    expected = _corpus(tmp_path)
    bare = tmp_path / "dev-003.json"
    bare.write_text("Nothing to see.", encoding="utf-8")
    assert save_excerpt("dev", bare, expected, tmp_path).startswith("dev-003 BADJSON")
    listed = tmp_path / "dev-003.json"
    listed.write_text('["Nothing to see."]', encoding="utf-8")
    assert save_excerpt("dev", listed, expected, tmp_path) == "dev-003 BADJSON not a string"
    stray = tmp_path / "dev-999.json"
    stray.write_text('"x"', encoding="utf-8")
    assert save_excerpt("dev", stray, expected, tmp_path) == "dev-999 UNKNOWN id (not in the dev manifest)"
