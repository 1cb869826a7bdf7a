"""Pages and newsletters as hostile or careless markup leaves them, found by a red team: a cell spanning
400 million columns, spans that are zero or not numbers, rows spanned from above, tables inside cells,
nesting deeper than libxml2's default limit, a YAML alias bomb, a header of 50,000 parameters. Each is read
in bounded time and memory, or refused with a reason; none loses the page's other deals."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from lxml import html

from assets.parsing.dispatch import extract_document
from assets.parsing.html_article import PageTooDeep
from assets.parsing.html_tables import MAX_COLSPAN, table_rows
from assets.parsing.newsletter import (
    MAX_HEADER_BYTES,
    OversizedHeader,
    parse_eml,
    parse_markdown_issue,
    parse_mbox,
)
from assets.sources import Source, SourceKind

HEADER = "<tr><th>Company</th><th>Round</th><th>Amount</th><th>Valuation</th></tr>"
PROSE = (
    "<p>Quillon Labs, a GPU cloud startup, raised a $40 million Series B led by Brae Capital on March 3, "
    "2026.</p>"
)


def _rows(body: str) -> list[list[str]]:
    return table_rows(html.fromstring(f"<table>{HEADER}{body}</table>"))


def _page_deals(tmp_path: Path, page: str) -> list[tuple[str, str]]:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    source = Source(id="page", kind=SourceKind.ARTICLE, url=path.as_uri())
    frame = extract_document(source, path.as_uri(), "c" * 64, None, path)
    return sorted(zip(frame["company_text"], frame["amount_text"], strict=True))


def test_a_huge_colspan_is_read_as_browsers_clamp_it() -> None:
    rows = _rows('<tr><td>Acme AI</td><td colspan="400000000">Series A</td><td>$5M</td></tr>')
    assert len(rows[1]) == 1 + MAX_COLSPAN + 1
    assert rows[1][-1] == "$5M"


@pytest.mark.parametrize("span", ["0", "2x", "two", "", "-3"])
def test_a_span_that_is_zero_or_no_number_is_read_as_browsers_do(span: str) -> None:
    # "2x" is 2 (its leading digits); "0", "two", "" and "-3" are 1. "2x" failed the whole page before.
    rows = _rows(f'<tr><td>Zeroco Labs</td><td>Series B</td><td colspan="{span}">$5M</td><td>$50M</td></tr>')
    expected = (
        ["Zeroco Labs", "Series B", "$5M", "$5M", "$50M"]
        if span == "2x"
        else ["Zeroco Labs", "Series B", "$5M", "$50M"]
    )
    assert rows[1] == expected


def test_a_cell_spanning_rows_fills_the_rows_below() -> None:
    rows = _rows(
        '<tr><td>Gammaspan Labs</td><td>Series C</td><td rowspan="2">$99M</td><td>$1B</td></tr>'
        "<tr><td>Deltaspan Labs</td><td>Series D</td><td>$2B</td></tr>"
    )
    # the $2B was read as Deltaspan's amount, its valuation column left empty
    assert rows[2] == ["Deltaspan Labs", "Series D", "$99M", "$2B"]


def test_a_rowspan_of_zero_runs_to_the_last_row() -> None:
    rows = _rows(
        '<tr><td rowspan="0">Spanco</td><td>Seed</td></tr>'
        "<tr><td>Series A</td></tr><tr><td>Series B</td></tr>"
    )
    assert [row[:2] for row in rows[1:]] == [
        ["Spanco", "Seed"],
        ["Spanco", "Series A"],
        ["Spanco", "Series B"],
    ]


def test_a_table_inside_a_cell_is_its_own_rows_not_the_cells_text(tmp_path: Path) -> None:
    inner = f"<table>{HEADER}<tr><td>Inner AI</td><td>Series A</td><td>$7M</td><td></td></tr></table>"
    rows = _rows(f"<tr><td>Outer Co{inner}</td><td>Seed</td><td>$3M</td><td></td></tr>")
    assert rows[1][:3] == ["Outer Co", "Seed", "$3M"]


@pytest.mark.parametrize("opening", ["<div>", "<font size=2>item<br>"])
def test_nesting_past_libxml2s_default_depth_loses_nothing(tmp_path: Path, opening: str) -> None:
    # past about 256 levels the parser stopped: the page read as parsed, with no deal and no error
    page = f"<html><body>{opening * 300}{PROSE}</body></html>"
    assert _page_deals(tmp_path, page) == [("Quillon Labs", "$40 million")]


def test_a_page_nested_past_what_libxml2_reads_is_an_error_not_an_empty_page(tmp_path: Path) -> None:
    page = f"<html><body>{'<div>' * 3_000}{PROSE}{'</div>' * 3_000}{PROSE}</body></html>"
    with pytest.raises(PageTooDeep, match=r"nested past what libxml2 reads \(Excessive depth in document"):
        _page_deals(tmp_path, page)


def test_a_yaml_alias_in_front_matter_is_refused_at_once() -> None:
    levels = "abcdefghij"
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{levels[i]}: &{levels[i]} [" + ",".join([f"*{levels[i - 1]}"] * 9) + "]\n" for i in range(1, 10)
    )
    with pytest.raises(yaml.YAMLError, match=r"front matter uses a YAML alias \(\*name\): refused"):
        parse_markdown_issue(
            f"---\n{bomb}subject: *j\ndate: 2026-03-10\n---\n\nQuillon Labs raised $35 million.\n"
        )


def test_front_matter_without_aliases_is_read() -> None:
    issue = parse_markdown_issue("---\nsubject: Weekly\ndate: 2026-03-10\n---\n\n" + PROSE[3:-4] + "\n")
    assert (issue.title, str(issue.published), len(issue.mentions)) == ("Weekly", "2026-03-10", 1)


def test_a_header_past_the_bound_is_refused_at_once_and_a_long_header_block_is_read() -> None:
    head = "From: desk@example.org\nSubject: Weekly\nDate: Tue, 10 Mar 2026 10:00:00 +0000\n"
    params = "".join(f'; p{i}*{i}*="x"' for i in range(50_000))
    with pytest.raises(OversizedHeader, match="the message's Content-Type header is over 64 KB: refused"):
        parse_eml(f"{head}Content-Type: text/plain{params}\n\n{PROSE[3:-4]}\n".encode())
    many = "".join(f"X-Trace-{i}: {'v' * 100}\n" for i in range(MAX_HEADER_BYTES // 50))  # short headers
    issue = parse_eml(f"{head}{many}Content-Type: text/plain\n\n{PROSE[3:-4]}\n".encode())
    assert [m.company for m in issue.mentions] == ["Quillon Labs"]


def test_a_long_cell_does_not_push_the_rows_figures_out_of_its_snippet(tmp_path: Path) -> None:
    # the snippet is kept to 2,000 characters: a 3,400-character description took the round, the amount,
    # the valuation and the lead with it, and the deal was published without evidence for its figures
    description = " ".join(f"Builds part {i} of the scheduler for GPU clusters." for i in range(70))
    page = (
        "<p>Published March 2, 2026</p><table><tr><th>Company</th><th>Description</th><th>Round</th>"
        "<th>Amount</th><th>Valuation</th><th>Lead investor</th></tr>"
        f"<tr><td>Trunco Labs</td><td>{description}</td><td>Series B</td><td>$45M</td><td>$900M</td>"
        "<td>Brae Capital</td></tr></table>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    source = Source(id="page", kind=SourceKind.ARTICLE, url=path.as_uri())
    (snippet,) = extract_document(source, path.as_uri(), "c" * 64, None, path)["snippet"]
    assert len(snippet) <= 2_000
    for figure in (
        "Company: Trunco Labs",
        "Round: Series B",
        "Amount: $45M",
        "Valuation: $900M",
        "Brae Capital",
    ):
        assert figure in snippet


@pytest.mark.parametrize(
    "page",
    [
        # ASP.NET wraps every page in one form
        f'<html><body><form id="aspnetForm" method="post"><div>{PROSE}</div></form></body></html>',
        f'<html><body><form method="post">{PROSE}<p>It plans to hire.</p></form></body></html>',
        # an article's own header holds its title and lede
        f"<html><body><article><header><h1>Quillon Labs raises $40M</h1>{PROSE}</header><p>More soon.</p>"
        "</article></body></html>",
    ],
)
def test_a_page_inside_a_form_or_an_articles_header_is_read(tmp_path: Path, page: str) -> None:
    assert _page_deals(tmp_path, page)[-1] == ("Quillon Labs", "$40 million")


def test_a_site_header_and_a_signup_form_are_still_chrome(tmp_path: Path) -> None:
    chrome = (
        "<header><p>Korvid Labs raised $99 million in our sponsor's ad.</p></header>"
        "<form><p>Sign up: Brindle AI raised $7 million, read why.</p></form>"
    )
    article = f"<article>{PROSE}<p>It plans to hire.</p><p>More soon.</p></article>"
    page = f"<html><body>{chrome}{article}</body></html>"
    assert _page_deals(tmp_path, page) == [("Quillon Labs", "$40 million")]


_PAGE = f"<html><body>{PROSE}</body></html>"


@pytest.mark.parametrize(
    "body",
    [
        _PAGE.encode("utf-16-le"),  # UTF-16 saved without its byte-order mark
        _PAGE.encode("utf-16-be"),
        _PAGE.encode("utf-32"),  # its mark starts with UTF-16's
        f'<html><head><meta charset="utf-16"></head><body>{PROSE}</body></html>'.encode(),  # a wrong label
        f'<html><head><meta charset="utf-16"></head><body>{PROSE}.</body></html>'.encode(),  # odd length
        f'<html><head><meta charset="cp500"></head><body>{PROSE}</body></html>'.encode(),  # EBCDIC
    ],
)
def test_a_page_with_a_wrong_or_missing_encoding_mark_is_read(tmp_path: Path, body: bytes) -> None:
    # each read as parsed, with no deal and no error
    path = tmp_path / "page.html"
    path.write_bytes(body)
    assert _page_deals_of(path) == [("Quillon Labs", "$40 million")]


def test_a_server_that_labels_an_ascii_page_utf16_is_ignored() -> None:
    from assets.parsing.decoding import decode_html

    assert PROSE in decode_html(_PAGE.encode(), "text/html; charset=utf-16")


def _page_deals_of(path: Path) -> list[tuple[str, str]]:
    source = Source(id="page", kind=SourceKind.ARTICLE, url=path.as_uri())
    frame = extract_document(source, path.as_uri(), "c" * 64, None, path)
    return sorted(zip(frame["company_text"], frame["amount_text"], strict=True))


_ISSUE_HEAD = "From: desk@example.org\nSubject: Weekly\nDate: Tue, 10 Mar 2026 10:00:00 +0000\n"
_DEAL = PROSE[3:-4]


def test_an_issue_in_a_charset_python_does_not_know_is_read() -> None:
    # LookupError: unknown encoding lost the whole issue
    issue = parse_eml(
        f'{_ISSUE_HEAD}Content-Type: text/plain; charset="x-unknown-kind"\n\n{_DEAL}\n'.encode()
    )
    assert [m.company for m in issue.mentions] == ["Quillon Labs"]


@pytest.mark.parametrize("note", ["FYI, see below.", ""])
def test_a_forwarded_issue_is_read_from_the_attached_message(note: str) -> None:
    inner = f"From: news@example.org\nSubject: Weekly\nContent-Type: text/plain\n\n{_DEAL}\n"
    forwarded = (
        f'{_ISSUE_HEAD}MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n'
        f"--b\nContent-Type: text/plain\n\n{note}\n--b\nContent-Type: message/rfc822\n\n{inner}\n--b--\n"
    )
    issue = parse_eml(forwarded.encode())
    assert [(m.company, m.locator) for m in issue.mentions] == [("Quillon Labs", "fwd[0]/p[0]/s[0]")]


def test_front_matter_with_a_date_that_is_no_date_keeps_the_issue() -> None:
    # 'date: 2026-13-45' failed the whole issue with 'month must be in 1..12'
    issue = parse_markdown_issue(f"---\nsubject: Weekly\ndate: 2026-13-45\n---\n\n{_DEAL}\n")
    assert issue.published is None
    assert [m.company for m in issue.mentions] == ["Quillon Labs"]


def test_a_span_from_above_that_a_colspan_covers_ends_there() -> None:
    # left in place, Acme's $5M went into Gamma's row two rows down, and Gamma's $7M became its round
    rows = table_rows(
        html.fromstring(
            "<table><tr><th>Company</th><th>Amount</th><th>Round</th></tr>"
            "<tr><td>Acme</td><td rowspan=2>$5M</td><td>Seed</td></tr>"
            "<tr><td colspan=2>Beta Labs (stealth)</td><td>Series A</td></tr>"
            "<tr><td>Gamma</td><td>$7M</td><td>Seed</td></tr></table>"
        )
    )
    assert rows[3] == ["Gamma", "$7M", "Seed"]


@pytest.mark.parametrize("span", ["2", "0"])
def test_a_rowspan_ends_with_its_row_group(span: str) -> None:
    # a header cell spanning into the body shifted the first rows: Acme's deal was lost
    rows = table_rows(
        html.fromstring(
            f'<table><thead><tr><th rowspan="{span}">Company</th><th>Amount</th><th>Round</th></tr></thead>'
            "<tbody><tr><td>Acme Robotics</td><td>$5M</td><td>Seed</td></tr>"
            "<tr><td>Beta Labs</td><td>$6M</td><td>Series A</td></tr></tbody></table>"
        )
    )
    assert rows[1:] == [["Acme Robotics", "$5M", "Seed"], ["Beta Labs", "$6M", "Series A"]]


def test_an_honest_long_address_header_is_read_and_a_parts_long_content_type_refused(tmp_path: Path) -> None:
    readers = ", ".join(f"reader{i}@example.org" for i in range(4_000))  # 95 KB, never parsed
    message = (
        "From a@b Mon Jan  1 00:00:00 2024\nFrom: desk@example.org\nSubject: Weekly {n}\n"
        "Date: Mon, 1 Jan 2024 00:00:00 +0000\n{extra}Content-Type: text/plain\n\n{deal}\n\n"
    )
    archive = tmp_path / "issues.mbox"
    archive.write_text(
        "".join(
            message.format(n=n, extra=extra, deal=_DEAL)
            for n, extra in ((1, ""), (2, f"To: {readers}\n"), (3, ""))
        ),
        encoding="utf-8",
    )
    assert [len(issue.mentions) for issue in parse_mbox(archive)] == [1, 1, 1]

    params = "".join(f'; p{i}*{i}*="x"' for i in range(50_000))
    multipart = (
        f'{_ISSUE_HEAD}MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n'
        f"--b\nContent-Type: text/plain{params}\n\n{_DEAL}\n--b--\n"
    )
    with pytest.raises(OversizedHeader, match="Content-Type header is over 64 KB"):
        parse_eml(multipart.encode())
