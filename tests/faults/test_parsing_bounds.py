"""Parsing in bounded time and memory: the per-document budget, wide exports, pathological prose shapes."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

from assets.fetching.raw_store import RawStore
from assets.fetching.resource import HttpFetcherResource
from assets.parsing import budget
from assets.parsing.budget import BUDGET_ENV, BUDGET_ERROR_CLASS, ParseBudgetExceeded, configured_budget_s
from assets.parsing.dispatch import extract_document, extract_documents
from assets.parsing.html_article import parse_article
from assets.parsing.mentions import DealMention
from assets.parsing.sentences import MAX_SENTENCE_CHARS
from assets.parsing.table_export import WIDE_CSV_COLUMNS, _read_rows, read_table_export
from assets.sources import Source, SourceKind
from tests.integration.pipeline import check_results, run_refresh
from warehouse.data_dir import DataDirResource


class SteppingClock:
    """A clock that moves one second each time it is read: a document's parse 'takes' as many seconds as
    it has checkpoints, whatever the machine does."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@pytest.fixture
def stepping_clock(monkeypatch: pytest.MonkeyPatch) -> SteppingClock:
    clock = SteppingClock()
    monkeypatch.setattr(budget, "clock", clock)
    return clock


def _issue(path: Path, subject: str, body: str) -> None:
    path.write_text(f"---\nsubject: {subject}\ndate: 2026-03-02\n---\n\n{body}\n", encoding="utf-8")


LONG_ISSUE = " ".join(f"Market note {i} moved the index." for i in range(40))
SHORT_ISSUE = "Orrin Labs raised $12 million in a seed round led by Tern Capital."


@pytest.fixture
def two_issues(tmp_path: Path) -> Path:
    """A newsletter archive of two issues: one of forty sentences, one of a single deal."""
    archive = tmp_path / "archive"
    archive.mkdir()
    _issue(archive / "2026-03-01-long.md", "Market notes", LONG_ISSUE)
    _issue(archive / "2026-03-02-short.md", "Seed round", SHORT_ISSUE)
    return archive


def _stored(tmp_path: Path, archive: Path) -> tuple[pd.DataFrame, dict[str, Source], RawStore]:
    """The archive's issues as current documents of one source, their bodies in a raw store."""
    store = RawStore(tmp_path / "raw")
    source = Source(id="notes", kind=SourceKind.NEWSLETTER, url=archive.as_uri())
    rows = []
    for path in sorted(archive.iterdir()):
        sha256 = store.put(path.read_bytes())
        rows.append({"source_id": "notes", "url": path.as_uri(), "sha256": sha256, "content_type": None})
    return pd.DataFrame(rows), {"notes": source}, store


def _extract(current: pd.DataFrame, sources: dict[str, Source], store: RawStore, **kwargs: object):
    empty = pd.DataFrame(columns=["source_id", "url", "sha256", "fingerprint", "document_sha256"])
    previous_ledger = kwargs.pop("previous_ledger", empty)
    return extract_documents(current, sources, store, previous_ledger, empty, "run-1", **kwargs)  # type: ignore[arg-type]


def test_a_budget_of_zero_seconds_puts_the_document_in_the_ledger_with_its_class_and_message(
    tmp_path: Path, two_issues: Path
) -> None:
    current, sources, store = _stored(tmp_path, two_issues)

    result = _extract(current, sources, store, budget_s=0)

    ledger = result.ledger.set_index("url")
    short_url = (two_issues / "2026-03-02-short.md").as_uri()
    assert ledger.loc[short_url, "status"] == "error"
    assert ledger.loc[short_url, "error_class"] == BUDGET_ERROR_CLASS == "parse_budget_exceeded"
    message = ledger.loc[short_url, "error_message"]
    assert short_url in message
    assert "budget of 0 CPU seconds" in message
    assert "stopped at p[0]/s[0] (paragraph 1 of 1)" in message
    assert ledger.loc[short_url, "mentions"] == 0
    assert result.mentions.empty


def test_the_other_documents_of_the_source_still_parse(
    tmp_path: Path, two_issues: Path, stepping_clock: SteppingClock
) -> None:
    current, sources, store = _stored(tmp_path, two_issues)

    result = _extract(current, sources, store, budget_s=20)

    ledger = result.ledger.set_index("url")
    long_url = (two_issues / "2026-03-01-long.md").as_uri()
    short_url = (two_issues / "2026-03-02-short.md").as_uri()
    assert ledger.loc[long_url, "error_class"] == "parse_budget_exceeded"
    # Twenty clock steps: the twentieth sentence of its one paragraph is where it stopped.
    assert "stopped at p[0]/s[19] (paragraph 1 of 1)" in ledger.loc[long_url, "error_message"]
    assert ledger.loc[short_url, "status"] == "parsed"
    assert ledger.loc[short_url, "mentions"] == 1
    assert result.mentions[["url", "company_text", "amount_text", "round_text"]].values.tolist() == [
        [short_url, "Orrin Labs", "$12 million", "seed"]
    ]


def test_a_document_over_its_budget_is_tried_again_on_the_next_run(tmp_path: Path, two_issues: Path) -> None:
    current, sources, store = _stored(tmp_path, two_issues)
    first = _extract(current, sources, store, budget_s=0)

    second = _extract(current, sources, store, budget_s=60, previous_ledger=first.ledger)

    # Whether a document finishes in time depends on the machine too: the ledger row is not reused.
    assert second.reused == 0
    assert second.parsed == 2
    assert set(second.ledger["status"]) == {"parsed"}
    assert second.mentions["company_text"].tolist() == ["Orrin Labs"]


def test_an_interrupted_query_stops_the_extraction_and_records_no_failure(
    tmp_path: Path, two_issues: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB turns Ctrl-C or SIGTERM during a query into its own error: that is the refresh being stopped
    (an interruption Dagster handles), never a document that failed to parse and is reused as failed."""
    current, sources, store = _stored(tmp_path, two_issues)
    errors = [duckdb.InterruptException("INTERRUPT Error: Interrupted!"), RuntimeError("Query interrupted")]
    for error in errors:

        def interrupted(*_: object, error: BaseException = error, **__: object) -> pd.DataFrame:
            raise error

        monkeypatch.setattr("assets.parsing.dispatch.extract_document", interrupted)
        with pytest.raises(KeyboardInterrupt, match="interrupted while parsing file:"):
            _extract(current, sources, store)


def test_a_runtime_error_of_the_parser_is_still_a_failed_parse(
    tmp_path: Path, two_issues: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    current, sources, store = _stored(tmp_path, two_issues)

    def broken(*_: object, **__: object) -> pd.DataFrame:
        raise RuntimeError("unexpected layout")

    monkeypatch.setattr("assets.parsing.dispatch.extract_document", broken)
    ledger = _extract(current, sources, store).ledger
    assert ledger["status"].tolist() == ["error", "error"]
    assert ledger["error_message"].tolist() == ["unexpected layout", "unexpected layout"]


def test_other_errors_are_still_reused_from_the_ledger(tmp_path: Path, two_issues: Path) -> None:
    current, sources, store = _stored(tmp_path, two_issues)
    first = _extract(current, sources, store, budget_s=60)
    failed = first.ledger.assign(status="error", error_class="UnsupportedDocument", error_message="bad")

    second = _extract(current, sources, store, budget_s=60, previous_ledger=failed)

    assert second.reused == 2
    assert second.ledger["error_class"].tolist() == ["UnsupportedDocument", "UnsupportedDocument"]


def test_the_budget_is_configured_in_one_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BUDGET_ENV, raising=False)
    assert configured_budget_s() == 60.0
    monkeypatch.setenv(BUDGET_ENV, "2.5")
    assert configured_budget_s() == 2.5
    monkeypatch.setenv(BUDGET_ENV, "soon")
    with pytest.raises(ValueError, match="DEALMAP_PARSE_BUDGET_S='soon' is not a number of seconds"):
        configured_budget_s()
    for refused in ("-1", "0", "0.5", "nan"):  # 0 let no document be parsed, with warnings only
        monkeypatch.setenv(BUDGET_ENV, refused)
        with pytest.raises(ValueError, match=f"{BUDGET_ENV}='{refused}': give at least 1 second a document"):
            configured_budget_s()


def test_the_budget_counts_the_parsing_threads_cpu_not_the_time_it_waits() -> None:
    # On a machine busy with other work a parse takes longer by the clock: that must not cut a genuine
    # page. Time spent waiting (here: asleep) is not spent parsing; CPU spent is.
    with budget.parse_budget(0.2, "https://example.org/busy"):
        time.sleep(0.3)
        budget.checkpoint("p[0]")
        spun_from = time.thread_time()
        with pytest.raises(ParseBudgetExceeded) as stopped:
            _spin_through_checkpoints(seconds=5)
    assert time.thread_time() - spun_from < 1
    assert "https://example.org/busy took longer than its budget of 0.2 CPU seconds" in str(stopped.value)
    assert "it stopped at p[1]" in str(stopped.value)


def _spin_through_checkpoints(seconds: float) -> None:
    """Spend CPU (at most `seconds` of it), passing a checkpoint at each turn."""
    started = time.thread_time()
    while time.thread_time() - started < seconds:
        budget.checkpoint("p[1]")


def test_outside_a_budget_parsing_never_stops(stepping_clock: SteppingClock) -> None:
    # The bench and the extraction benchmark parse without a budget: checkpoints read no clock.
    page = "<html><body><article>" + "<p>Note one. Note two.</p>" * 50 + "</article></body></html>"

    assert parse_article(page).mentions == []
    assert stepping_clock.now == 0.0


def test_a_table_row_checkpoint_names_the_row(stepping_clock: SteppingClock) -> None:
    rows = "".join(f"<tr><td>Company {i}</td><td>${i + 1}M</td></tr>" for i in range(30))
    page = f"<html><body><table><tr><th>Company</th><th>Amount</th></tr>{rows}</table></body></html>"

    with budget.parse_budget(10, "https://example.org/tables"), pytest.raises(ParseBudgetExceeded) as raised:
        parse_article(page)

    # One step for the start, one for the table, then one per row: the budget ends at the ninth row.
    assert "https://example.org/tables" in str(raised.value)
    assert "stopped at table[0]/row[8]" in str(raised.value)


def test_the_refresh_records_the_budget_error_and_goes_on(
    tmp_path: Path, two_issues: Path, stepping_clock: SteppingClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUDGET_ENV, "20")
    registry = tmp_path / "sources.toml"
    registry.write_text(
        f'[[source]]\nid = "notes"\nkind = "newsletter"\nurl = "{two_issues.as_uri()}"\n', encoding="utf-8"
    )
    data_dir = tmp_path / "data"

    result = run_refresh(
        data_dir,
        sources_path=registry,
        fetcher=HttpFetcherResource(min_host_interval_s=0),
        # up to the stage that loads every source's extraction into the working database
        selection=dg.AssetSelection.assets("documents", "extracted_mentions", "combined_mentions"),
    )

    assert result.success
    check = check_results(result)[("extracted_mentions", "documents_parsed")]
    assert not check.passed
    assert check.metadata["unparsed_documents"].value == 1
    working = DataDirResource(data_dir=str(data_dir)).working_path
    with duckdb.connect(str(working), read_only=True) as connection:
        errors = connection.execute(
            "select url, error_class, error_message from extraction_errors"
        ).fetchall()
        mentions = connection.execute("select company_text, amount_text from extracted_mentions").fetchall()
        ledger = connection.execute("select status, count(*) from document_extractions group by 1").fetchall()
    long_url = (two_issues / "2026-03-01-long.md").as_uri()
    assert [(url, error_class) for url, error_class, _ in errors] == [(long_url, "parse_budget_exceeded")]
    assert long_url in errors[0][2]
    assert "p[0]/s[19]" in errors[0][2]
    assert mentions == [("Orrin Labs", "$12 million")]
    assert sorted(ledger) == [("error", 1), ("parsed", 1)]


# ---- wide exports ------------------------------------------------------------------------------------


def _wide_rows(width: int) -> Iterator[dict[str, str]]:
    for index in range(3):
        row = {f"extra_{key}": f"value {index}/{key}" for key in range(width)}
        row.update({"Startup ": f"Company {index}", "raised": f"${index + 1}M", "round_type": "Seed"})
        yield row


def test_a_wide_json_export_reads_only_the_columns_dealmap_uses(tmp_path: Path) -> None:
    path = tmp_path / "wide.json"
    path.write_text(json.dumps(list(_wide_rows(3_000))), encoding="utf-8")
    wanted = frozenset({"startup", "raised", "round_type", "company"})

    rows, names = _read_rows(path, "json", wanted)

    assert len(names) == 3_003
    assert names[:2] == ["extra_0", "extra_1"]
    assert list(rows.columns) == ["Startup ", "raised", "round_type"]
    frame = read_table_export(path, "json", {"company": "startup", "amount": "Raised"})
    assert frame[["company", "amount", "round_text", "row_number"]].values.tolist() == [
        ["Company 0", "$1M", "Seed", 1],
        ["Company 1", "$2M", "Seed", 2],
        ["Company 2", "$3M", "Seed", 3],
    ]
    assert frame["snippet"][0] == "Startup =Company 0; raised=$1M; round_type=Seed"


def test_keys_from_the_file_are_data_never_sql(tmp_path: Path) -> None:
    hostile = 'name"); drop table x; --'
    path = tmp_path / "odd.jsonl"
    path.write_text(
        json.dumps({hostile: "Orrin", "amount/usd": "$5M", "a~b": "ignored"}) + "\n", encoding="utf-8"
    )

    frame = read_table_export(path, "jsonl", {"company": hostile, "amount": "amount/usd"})

    assert frame[["company", "amount"]].values.tolist() == [["Orrin", "$5M"]]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_csv_export_wider_than_the_sniffer_handles_is_narrowed_first(
    tmp_path: Path, delimiter: str
) -> None:
    rows = list(_wide_rows(WIDE_CSV_COLUMNS + 500))
    path = tmp_path / "wide.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)

    frame = read_table_export(path, "csv", {"company": "Startup", "amount": "raised"})

    assert frame[["company", "amount", "round_text"]].values.tolist() == [
        ["Company 0", "$1M", "Seed"],
        ["Company 1", "$2M", "Seed"],
        ["Company 2", "$3M", "Seed"],
    ]
    assert frame["snippet"][2] == "Startup=Company 2; raised=$3M; round_type=Seed"


def test_a_missing_column_of_a_wide_export_is_named_without_listing_thousands(tmp_path: Path) -> None:
    path = tmp_path / "wide.json"
    path.write_text(json.dumps(list(_wide_rows(2_000))), encoding="utf-8")

    with pytest.raises(Exception, match=r"mapped columns not in the export: \['Valuation'\]") as raised:
        read_table_export(path, "json", {"company": "Startup", "valuation": "Valuation"})

    assert "and 1,963 more" in str(raised.value)
    assert len(str(raised.value)) < 2_000


# ---- pathological prose at moderate size -------------------------------------------------------------


def _page_mentions(paragraphs: list[str]) -> list[DealMention]:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return parse_article(f"<html><body><article>{body}</article></body></html>").mentions


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param(" ".join(f"${i % 97 + 1} million" for i in range(2_000)), id="money figures"),
        pytest.param(" ".join(f"Alpha{i % 13} Beta Gamma" for i in range(2_000)), id="capitalised words"),
        pytest.param("the team raised money from others to grow " * 400, id="no punctuation"),
        pytest.param("Acme Inc. Beta Corp. U.S. Jan. " * 500, id="abbreviations"),
        pytest.param("Note: " * 2_000 + "end", id="colons"),
        pytest.param("(" * 5_000 + "$5M raised" + ")" * 5_000, id="brackets"),
    ],
)
def test_pathological_paragraphs_state_no_deal(paragraph: str) -> None:
    assert _page_mentions([paragraph]) == []


def test_many_tiny_paragraphs_state_no_deal() -> None:
    assert _page_mentions([f"Update {i}." for i in range(5_000)]) == []


def test_a_run_on_paragraph_of_deals_yields_each_deal() -> None:
    deals = [f"Company{i} Labs raised ${i + 1} million led by Tern Capital" for i in range(60)]

    mentions = _page_mentions([" and ".join(deals)])

    facts = [(m.company, m.amount, m.lead_investors) for m in mentions]
    assert len(facts) == 60
    assert facts[0] == ("Company0 Labs", "$1 million", ["Tern Capital"])
    assert facts[-1] == ("Company59 Labs", "$60 million", ["Tern Capital"])
    assert all(len(m.snippet) <= MAX_SENTENCE_CHARS for m in mentions)


def test_a_sentence_longer_than_the_cap_is_read_in_pieces() -> None:
    filler = "and the market kept moving " * 60  # about 1,600 characters without a full stop
    mentions = _page_mentions(
        [f"Orrin Labs raised $12 million in a seed round {filler}while Vexa raised $3M."]
    )

    # Each piece is read as a sentence of its own: the deal in the last piece is found too.
    assert [(m.company, m.amount, m.round_text, m.locator) for m in mentions] == [
        ("Orrin Labs", "$12 million", "seed", "p[0]/s[0]"),
        ("Vexa", "$3M", None, "p[0]/s[1]"),
    ]


def test_deeply_nested_lists_yield_the_deal_at_the_bottom() -> None:
    opening = "<ul><li>" * 100
    page = f"<html><body><article>{opening}Orrin Labs raised $12 million in a seed round.{'</li></ul>' * 100}"

    mentions = parse_article(page + "</article></body></html>").mentions

    assert [(m.company, m.amount) for m in mentions] == [("Orrin Labs", "$12 million")]


def test_a_huge_table_yields_every_row() -> None:
    rows = "".join(f"<tr><td>Company {i}</td><td>${i + 1}M</td><td>Seed</td></tr>" for i in range(3_000))
    page = f"<table><tr><th>Company</th><th>Amount</th><th>Round</th></tr>{rows}</table>"

    mentions = parse_article(f"<html><body>{page}</body></html>").mentions

    assert len(mentions) == 3_000
    assert (mentions[-1].company, mentions[-1].amount, mentions[-1].locator) == (
        "Company 2999",
        "$3000M",
        "table[0]/row[2999]",
    )


def test_a_markdown_issue_on_one_long_line_of_marks_reads_its_deal(tmp_path: Path) -> None:
    marks = "*note [link _aside `code " * 2_000
    path = tmp_path / "issue.md"
    deal = "**Orrin Labs** raised [$12 million](https://example.org/orrin) in a _seed_ round."
    _issue(path, "Notes", f"{marks}\n\n{deal}")
    source = Source(id="notes", kind=SourceKind.NEWSLETTER, url=path.as_uri())

    frame = extract_document(source, path.as_uri(), "0" * 64, None, path)

    assert frame[["company_text", "amount_text"]].values.tolist() == [["Orrin Labs", "$12 million"]]
