"""Rebuild a split's saved texts from the search tool, one search per distinct query.

    python bench/extraction/realworld/rebuild.py todo dev [--first N --count M]
    python bench/extraction/realworld/rebuild.py save dev in/dev-002.json [...]

`todo` groups the manifest's texts by their exact query (in the order each query first appears) and prints
one JSON line per search still to make: the query, the corpus and the texts (id, url) missing or differing
from the manifest's SHA-256. Several texts share a query (739 texts were found by 485 queries), so a
rebuild makes one search per line, and `--first`/`--count` cut the lines into slices for several sessions.
It never prints labels, so it is safe for the holdout.

`save` takes files named `<id>.json` that each hold a result's `excerpt` as the JSON string literal the
search tool returned (quotes and backslash escapes as shown): it decodes each, checks its SHA-256 against
the manifest and writes it to `texts/<split>/<id>.txt` only when it matches, printing `<id> OK` or why not.
A copy that looks right and does not match usually lost a non-breaking space the tool shows as a space.

Stdlib only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _manifest(split: str, root: Path = HERE) -> list[dict]:
    path = root / split / "manifest.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _saved(split: str, text: dict, root: Path) -> bool:
    path = root / "texts" / split / f"{text['id']}.txt"
    return path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == text["sha256"]


def searches_to_make(split: str, first: int = 0, count: int | None = None, root: Path = HERE) -> list[dict]:
    """One entry per distinct (query, corpus) of the slice, with the texts still to save."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for text in _manifest(split, root):
        groups.setdefault((text["query"], text["corpus"]), []).append(text)
    chosen = list(groups.items())[first : None if count is None else first + count]
    return [
        {"query": query, "corpus": corpus, "texts": [{"id": t["id"], "url": t["url"]} for t in missing]}
        for (query, corpus), texts in chosen
        if (missing := [t for t in texts if not _saved(split, t, root)])
    ]


def save_excerpt(split: str, literal_file: Path, expected: dict[str, str], root: Path = HERE) -> str:
    """Decode one saved literal and write its text when its SHA-256 is the manifest's; the outcome."""
    text_id = literal_file.stem
    if text_id not in expected:
        return f"{text_id} UNKNOWN id (not in the {split} manifest)"
    try:
        text = json.loads(literal_file.read_text(encoding="utf-8").strip())
    except json.JSONDecodeError as error:
        return f"{text_id} BADJSON {error}"
    if not isinstance(text, str):
        return f"{text_id} BADJSON not a string"
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != expected[text_id]:
        return f"{text_id} MISMATCH ({len(text)} characters)"
    folder = root / "texts" / split
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{text_id}.txt").write_text(text, encoding="utf-8", newline="")
    return f"{text_id} OK"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    todo = commands.add_parser("todo", help="print the searches still to make")
    todo.add_argument("split")
    todo.add_argument("--first", type=int, default=0)
    todo.add_argument("--count", type=int, default=None)
    save = commands.add_parser("save", help="decode, check and write saved excerpts")
    save.add_argument("split")
    save.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "todo":
        for search in searches_to_make(args.split, args.first, args.count):
            print(json.dumps(search, ensure_ascii=False))
        return 0
    expected = {text["id"]: text["sha256"] for text in _manifest(args.split)}
    outcomes = [save_excerpt(args.split, path, expected) for path in args.files]
    print("\n".join(outcomes))
    return 0 if all(outcome.endswith(" OK") for outcome in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
