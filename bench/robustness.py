"""Bounded time and memory on pathological inputs under the size cap: `python -m bench.robustness`.

Each case writes one input of about the fetcher's size cap (5 MB) into a temporary directory and parses it
through the production path (`extract_document`) in a fresh Python process, so that its peak resident
memory (`ru_maxrss`) is its own and a runaway case is stopped at `--timeout`. Seconds are the CPU time of
that process (user and system), so that other work on a shared machine does not count; wall-clock
seconds are shown beside them. Each case is set against a floor measured in the same run on the same
bytes, in its own process too: for pages, decoding them, parsing the HTML with lxml and splitting the
text into words (what any reader of the page pays); for a Markdown issue, decoding and splitting it; for
a JSON export, DuckDB reading its objects; for a CSV export, the standard library's C reader.

Targets: a page of pathological prose or markup parses in under 5 s; a page of tens of thousands of
genuine deals (one long run-on paragraph, one huge table) within the default parse budget (60 CPU
seconds), since each deal costs the same as in any article; nothing peaks above 1 GB.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import duckdb

from assets.parsing.budget import DEFAULT_PARSE_BUDGET_S
from assets.parsing.decoding import decode_html
from assets.parsing.dispatch import extract_document
from assets.parsing.html_article import load_html
from assets.sources import Source, SourceKind

CAP_BYTES = 5_000_000
PAGE_TARGET_S = 5.0
TARGET_PEAK_MB = 1024.0
DEFAULT_TIMEOUT_S = 120.0


GREEK = (
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "zeta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "sigma",
    "tau",
    "omega",
)


def _run_of(unit: Callable[[int], str], size: int) -> str:
    """`unit(0) + unit(1) + ...` up to about `size` characters. The units vary (a counter, a cycle of
    words), so that no two sentences are the same and no cache makes a case look faster than it is."""
    parts, length, index = [], 0, 0
    while length < size:
        part = unit(index)
        parts.append(part)
        length += len(part)
        index += 1
    return "".join(parts)


def _page(body: str) -> str:
    head = "<!doctype html><html><head><title>Roundup</title></head>"
    return f"{head}<body><article>{body}</article></body></html>"


def _one_paragraph(unit: Callable[[int], str]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.write_text(_page(f"<p>{_run_of(unit, CAP_BYTES - 200)}</p>"), encoding="utf-8")

    return build


def _money(index: int) -> str:
    return f"${index % 997 + 1} million "


def _capitalised(index: int) -> str:
    return f"{GREEK[index % 13].capitalize()}{GREEK[index // 13 % 13]} "


def _run_on(index: int) -> str:
    return f"the team behind Acme {GREEK[index % 13]} raised money from Tern Capital and others to grow "


def _run_on_deals(index: int) -> str:
    name = GREEK[index % 13].capitalize()
    return f"{name} Labs raised ${index % 997 + 1} million led by Tern Capital and Pell Partners "


def _run_on_german_deals(index: int) -> str:
    # German: one sentence (no full stop but the multipliers' own), names after descriptors and verbs
    name = GREEK[index % 13].capitalize()
    return (
        f"das Berliner Startup {name} Labs sammelt {index % 997 + 1} Mio. Euro ein und zudem erhielt "
        f"{name} Robotics bereits weitere {index % 89 + 1} Millionen Euro angeführt von Tern Capital "
    )


def _rounds_beside_a_deal(index: int) -> str:
    # one deal, then amounts that each name a round of their own, all in one clause
    if index == 0:
        return "Acme Labs raised $1 million in a seed round, "
    return f"${index % 997 + 2} million in a Series {'BCDEFG'[index % 6]}, "


def _tiny_paragraphs(path: Path) -> None:
    words = ["Markets", "Notes", "Updates", "Links", "Events", "Jobs", "Podcasts"]
    path.write_text(
        _page(_run_of(lambda i: f"<p>{words[i % 7]} {i}.</p>\n", CAP_BYTES - 200)), encoding="utf-8"
    )


def _nested_lists(path: Path) -> None:
    # The lists nest 100 deep (200 levels of <ul><li>), again and again: libxml2 read 255 levels before
    # `huge_tree` (2,048 now; a page deeper still is an error, `html_article.PageTooDeep`).
    def nest(index: int) -> str:
        items = "".join(f"<ul><li>Item {index}.{level} raised by Acme Labs " for level in range(100))
        return items + "</li></ul>" * 100 + "\n"

    path.write_text(_page(_run_of(nest, CAP_BYTES - 200)), encoding="utf-8")


def _huge_table(path: Path) -> None:
    header = "<table><tr><th>Company</th><th>Amount</th><th>Round</th><th>Investors</th></tr>\n"
    rounds = ["Seed", "Series A", "Series B", "Series C"]
    rows = _run_of(
        lambda i: (
            f"<tr><td>Company {i} Labs</td><td>${i % 900 + 1}M</td><td>{rounds[i % 4]}</td>"
            "<td>Tern Capital (lead), Pell Partners</td></tr>\n"
        ),
        CAP_BYTES - 300,
    )
    path.write_text(_page(header + rows + "</table>"), encoding="utf-8")


def _markdown_line(path: Path) -> None:
    unit = "*note {0}* [link {0}](#n{0}) _aside {0}_ `code` **open [bracket _mark *star "
    line = _run_of(unit.format, CAP_BYTES - 100)
    path.write_text(f"---\ndate: 2026-05-01\n---\n{line}\n", encoding="utf-8")


def _deal_cards(path: Path) -> None:
    # a tracker's cards, one after another with no blank line: one paragraph of labelled lines (an investor
    # line longer than any wrapping keeps the line breaks, as such pages print them)
    backers = "Investors: Co-led by Tern Capital and Pell Partners, with participation from " + ", ".join(
        f"{name.capitalize()} Ventures" for name in GREEK
    )

    def card(index: int) -> str:
        return f"{GREEK[index % 13].capitalize()} Labs {index}\nSeries: {'ABCD'[index % 4]}\n" + (
            f"Amount: ${index % 900 + 1} million\n{backers}\n"
        )

    path.write_text(f"---\ndate: 2026-05-01\n---\n{_run_of(card, CAP_BYTES - 100)}", encoding="utf-8")


def _wide_record(index: int, width: int) -> dict[str, str]:
    row = {f"custom_field_{key}": f"value {index}-{key}" for key in range(width)}
    row.update({"Startup": f"Company {index}", "amount": f"${index + 1}M", "round_type": "Seed"})
    return row


def _wide_json(path: Path) -> None:
    path.write_text(json.dumps([_wide_record(index, 20_000) for index in range(6)]), encoding="utf-8")


def _wide_csv(path: Path) -> None:
    records = [_wide_record(index, 20_000) for index in range(6)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)


def _page_floor(path: Path) -> int:
    text = decode_html(path.read_bytes(), "text/html")
    return len(" ".join(load_html(text).itertext()).split())


def _text_floor(path: Path) -> int:
    return len(path.read_bytes().decode("utf-8").split())


def _json_floor(path: Path) -> int:
    with duckdb.connect() as connection:
        return len(connection.execute("select json from read_json_objects($1)", [str(path)]).fetchall())


def _csv_floor(path: Path) -> int:
    with path.open(newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle))


@dataclass(frozen=True)
class Case:
    name: str
    kind: str  # a SourceKind value
    file_name: str
    build: Callable[[Path], None]
    floor: Callable[[Path], int]
    target_s: float | None = PAGE_TARGET_S
    """CPU seconds the parse must stay under (None: memory only)."""
    columns: tuple[tuple[str, str], ...] = ()


BUDGET_S = DEFAULT_PARSE_BUDGET_S
STARTUP = (("company", "Startup"),)
CASES = (
    Case("money figures, one paragraph", "article", "money.html", _one_paragraph(_money), _page_floor),
    Case(
        "capitalised words, one paragraph", "article", "caps.html", _one_paragraph(_capitalised), _page_floor
    ),
    Case("no punctuation, one paragraph", "article", "run-on.html", _one_paragraph(_run_on), _page_floor),
    Case("many tiny paragraphs", "article", "tiny.html", _tiny_paragraphs, _page_floor),
    # every item states a round (a history without dates): genuine statements, within the parse budget
    Case(
        "rounds beside one deal",
        "article",
        "rounds.html",
        _one_paragraph(_rounds_beside_a_deal),
        _page_floor,
        BUDGET_S,
    ),
    Case("lists nested 100 deep", "article", "nested.html", _nested_lists, _page_floor),
    Case("markdown, one line of markup", "newsletter", "line.md", _markdown_line, _text_floor),
    Case(
        "deals without punctuation",
        "article",
        "deals.html",
        _one_paragraph(_run_on_deals),
        _page_floor,
        BUDGET_S,
    ),
    Case(
        "German deals, one sentence",
        "article",
        "german.html",
        _one_paragraph(_run_on_german_deals),
        _page_floor,
        BUDGET_S,
    ),
    Case("one huge deal table", "article", "table.html", _huge_table, _page_floor, BUDGET_S),
    Case("deal cards, one paragraph", "newsletter", "cards.md", _deal_cards, _text_floor, BUDGET_S),
    Case("JSON export, 20,000 keys", "table", "wide.json", _wide_json, _json_floor, None, STARTUP),
    Case("CSV export, 20,000 columns", "table", "wide.csv", _wide_csv, _csv_floor, None, STARTUP),
)


def _parse(case: Case, path: Path) -> int:
    options = {"format": path.suffix.lstrip(".")} if case.kind == "table" else {}
    source = Source(
        id="robustness",
        kind=SourceKind(case.kind),
        url=path.as_uri(),
        columns=MappingProxyType(dict(case.columns)),
        options=MappingProxyType(options),
    )
    content_type = "text/html" if path.suffix == ".html" else None
    return len(extract_document(source, path.as_uri(), "0" * 64, content_type, path))


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _child(case_name: str, path: Path, what: str) -> None:
    """Measure one case in this process and print the figures as JSON (peak memory is this process's)."""
    case = next(c for c in CASES if c.name == case_name)
    if case.kind != "table":
        # Paid once per process, not per document: compiling the patterns, loading the vocabularies.
        warm_up = path.with_name(f"warm-up{path.suffix}")
        warm_up.write_text(path.read_text(encoding="utf-8")[:2_000], encoding="utf-8")
        case.floor(warm_up) if what == "floor" else _parse(case, warm_up)
    cpu, wall = _cpu_seconds(), time.perf_counter()
    items = case.floor(path) if what == "floor" else _parse(case, path)
    cpu, wall = _cpu_seconds() - cpu, time.perf_counter() - wall
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": cpu, "wall": wall, "peak_mb": peak_mb, "items": items}))


def _measure(case: Case, path: Path, what: str, timeout_s: float) -> dict[str, float] | None:
    """The child's figures, or None when it ran past `timeout_s` or failed."""
    command = [sys.executable, "-m", "bench.robustness", "--child", case.name, str(path), what]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        print(f"  {case.name} ({what}) failed: {done.stderr.strip().splitlines()[-1:]}")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


_COLUMNS = ("input", "bytes", "seconds", "wall s", "x floor", "peak MB", "floor MB", "target", "result")
_WIDTHS = (-34, 11, 9, 8, 9, 9, 10, 8, -0)


def _row(*cells: str) -> str:
    return "  " + " ".join(
        f"{cell:<{-w}}" if w <= 0 else f"{cell:>{w}}" for cell, w in zip(cells, _WIDTHS, strict=True)
    )


def _target(case: Case) -> str:
    seconds = f"<{case.target_s:.0f} s" if case.target_s is not None else ""
    return seconds or f"<{TARGET_PEAK_MB / 1024:.0f} GB"


def run(timeout_s: float = DEFAULT_TIMEOUT_S, only: str | None = None) -> bool:
    """Print one line per case; True when every case met its targets."""
    print(
        f"robustness: inputs of about {CAP_BYTES / 1e6:.0f} MB, each parsed in its own process (stopped "
        f"after {timeout_s:.0f} s); seconds are CPU seconds; every case must also stay under "
        f"{TARGET_PEAK_MB:,.0f} MB peak RSS"
    )
    print(_row(*_COLUMNS))
    all_passed = True
    with tempfile.TemporaryDirectory(prefix="dealmap-robustness-") as scratch:
        for case in CASES:
            if only and only not in case.name:
                continue
            path = Path(scratch) / case.file_name
            case.build(path)
            size = f"{path.stat().st_size:,}"
            floor = _measure(case, path, "floor", timeout_s)
            parsed = _measure(case, path, "parse", timeout_s)
            if parsed is None or floor is None:
                all_passed = False
                print(_row(case.name, size, f">{timeout_s:.0f}", "", "", "", "", _target(case), "FAIL"))
                continue
            passed = parsed["peak_mb"] < TARGET_PEAK_MB and (
                case.target_s is None or parsed["seconds"] < case.target_s
            )
            all_passed &= passed
            print(
                _row(
                    case.name,
                    size,
                    f"{parsed['seconds']:.2f}",
                    f"{parsed['wall']:.2f}",
                    f"{parsed['seconds'] / max(floor['seconds'], 1e-3):.1f}",
                    f"{parsed['peak_mb']:.0f}",
                    f"{floor['peak_mb']:.0f}",
                    _target(case),
                    f"{'pass' if passed else 'FAIL'} ({parsed['items']:,.0f} mentions)",
                )
            )
    return all_passed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds before a case is stopped"
    )
    parser.add_argument("--only", help="run the cases whose name contains this text")
    parser.add_argument("--child", nargs=3, metavar=("CASE", "PATH", "WHAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]), args.child[2])
        return
    sys.exit(0 if run(args.timeout, args.only) else 1)


if __name__ == "__main__":
    main()
