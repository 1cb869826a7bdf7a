"""Newsletter issues: Markdown (prose and pipe tables), single e-mails (any encoding) and mbox archives."""

from __future__ import annotations

import mailbox
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from assets.parsing.markdown_tables import markdown_table_mentions, pipe_tables
from assets.parsing.mentions import Method
from assets.parsing.newsletter import markdown_paragraphs, parse_eml, parse_markdown_issue, parse_mbox


@pytest.fixture
def issue_797(samples_dir: Path) -> str:
    path = samples_dir / "newsletters" / "inference-brief" / "2026-01-28-issue-797.md"
    return path.read_text(encoding="utf-8")


def test_sample_issue_metadata(issue_797: str) -> None:
    document = parse_markdown_issue(issue_797)

    assert document.published == date(2026, 1, 28)
    assert document.title == "The Inference Brief #797: two Berkeley spin-outs bid for the serving layer"


def test_sample_issue_mentions(issue_797: str) -> None:
    mentions = parse_markdown_issue(issue_797).mentions

    assert [
        (m.company, m.round_text, m.amount, m.valuation, m.lead_investors, m.locator) for m in mentions
    ] == [
        ("Inferact", "seed", "$150M", "$800M", ["a16z", "Lightspeed"], "p[2]/s[0]"),
        ("RadixArk", None, None, "$400M", ["Accel"], "p[3]/s[0]"),
    ]
    # '$100B on AI hardware' is spending, and '#797' is an issue number: neither is a deal.
    assert len(mentions) == 2


def test_markdown_paragraphs_strip_markup_and_furniture() -> None:
    markdown = (
        "# Weekly deals\n\n"
        "**From:** The Brief <editor@brief.example>\n**Date:** Tue, 03 Mar 2026 07:00:00 +0000\n\n"
        "**Orrin** raised a *$20M* seed round led by [Accel](https://accel.example) and `Index`.\n"
        "It will hire.\n\n"
        "> Quoted line\n\n"
        "1. First point\n\n"
        "![chart](https://img.example/c.png)\n\n"
        "---\n\n"
        "Read online: https://brief.example/p/12\n\n"
        "View in browser\n\n"
        "You are receiving this because you subscribed.\n"
    )

    assert markdown_paragraphs(markdown) == [
        "Weekly deals",
        "Orrin raised a $20M seed round led by Accel and Index. It will hire.",
        "Quoted line",
        "First point",
        "chart",
    ]


def test_markdown_issue_front_matter_variants() -> None:
    text = (
        "---\ntitle: Plain title\npublished: 2026-02-14\n---\n\n"
        "Vexa closed a $45M Series A led by Index Ventures.\n"
    )

    document = parse_markdown_issue(text)

    assert (document.title, document.published) == ("Plain title", date(2026, 2, 14))
    assert [(m.company, m.round_text, m.amount, m.lead_investors) for m in document.mentions] == [
        ("Vexa", "series_a", "$45M", ["Index Ventures"])
    ]


def test_markdown_issue_without_front_matter() -> None:
    document = parse_markdown_issue("Orrin raised $20M in a seed round.\n")

    assert (document.title, document.published) == (None, None)
    assert [m.company for m in document.mentions] == ["Orrin"]


def plain_issue() -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = "Deal Digest #12: Berlin leads"
    message["From"] = "The Digest <editor@digest.example>"
    message["Date"] = "Tue, 03 Mar 2026 07:15:00 +0000"
    message.set_content(
        "Nordwind secures €40 million Series B led by Index Ventures.\n\nOther news has no money in it.\n",
        cte="quoted-printable",
    )
    return message


def html_issue() -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = "Deal Digest #13"
    message["Date"] = "Wed, 04 Mar 2026 10:00:00 +0100"
    message.set_content(
        "<html><body><nav><p>Acme raised $9M in a seed round.</p></nav>"
        "<p>Orrin raised a $20M seed round led by Accel.</p>"
        "<p>Vexa closed a €45 million Series A.</p></body></html>",
        subtype="html",
        cte="base64",
    )
    return message


def test_eml_quoted_printable_text_part() -> None:
    raw = plain_issue().as_bytes()
    assert b"=E2=82=AC40" in raw  # the euro sign really is quoted-printable on the wire

    document = parse_eml(raw)

    assert document.title == "Deal Digest #12: Berlin leads"
    assert document.published == date(2026, 3, 3)
    assert [(m.company, m.round_text, m.amount, m.lead_investors, m.locator) for m in document.mentions] == [
        ("Nordwind", "series_b", "€40 million", ["Index Ventures"], "p[0]/s[0]")
    ]


def test_eml_base64_html_part() -> None:
    raw = html_issue().as_bytes()
    assert b"Orrin" not in raw  # base64 on the wire

    document = parse_eml(raw)

    assert (document.title, document.published) == ("Deal Digest #13", date(2026, 3, 4))
    assert [(m.company, m.amount, m.round_text, m.locator) for m in document.mentions] == [
        ("Orrin", "$20M", "seed", "p[0]/s[0]"),
        ("Vexa", "€45 million", "series_a", "p[1]/s[0]"),
    ]


def test_eml_prefers_the_html_alternative() -> None:
    message = EmailMessage()
    message["Subject"] = "Alternatives"
    message["Date"] = "Thu, 05 Mar 2026 10:00:00 +0000"
    message.set_content("Orrin raised $1M in a seed round.")
    message.add_alternative("<p>Orrin raised $2M in a seed round.</p>", subtype="html")

    document = parse_eml(message.as_bytes())

    assert [(m.company, m.amount) for m in document.mentions] == [("Orrin", "$2M")]


def test_eml_without_body_or_date() -> None:
    document = parse_eml(b"Subject: Empty issue\n\n")

    assert (document.title, document.published, document.mentions) == ("Empty issue", None, [])


def test_eml_encoded_subject_and_bad_date() -> None:
    raw = (
        b"Subject: =?utf-8?q?Caf=C3=A9_deals?=\nDate: sometime soon\n"
        b"Content-Type: text/plain; charset=latin-1\nContent-Transfer-Encoding: 8bit\n\n"
        b"Vexa closed a \xa345 million Series A.\n"
    )

    document = parse_eml(raw)

    assert (document.title, document.published) == ("Café deals", None)
    assert [(m.company, m.amount) for m in document.mentions] == [("Vexa", "£45 million")]


def test_mbox_with_two_issues(tmp_path: Path) -> None:
    path = tmp_path / "digest.mbox"
    archive = mailbox.mbox(path)
    archive.add(plain_issue())
    archive.add(html_issue())
    archive.flush()
    archive.close()

    documents = parse_mbox(path)

    assert [(d.title, d.published) for d in documents] == [
        ("Deal Digest #12: Berlin leads", date(2026, 3, 3)),
        ("Deal Digest #13", date(2026, 3, 4)),
    ]
    assert [[(m.company, m.locator) for m in d.mentions] for d in documents] == [
        [("Nordwind", "m[0]/p[0]/s[0]")],
        [("Orrin", "m[1]/p[0]/s[0]"), ("Vexa", "m[1]/p[1]/s[0]")],
    ]


def test_empty_mbox(tmp_path: Path) -> None:
    path = tmp_path / "empty.mbox"
    path.write_bytes(b"")

    assert parse_mbox(path) == []


PIPE_TABLE_ISSUE = """---
date: 2026-04-14
subject: "Robotics Roundup #3"
---

Four rounds this week.

| Date | Company | Round | Amount | Valuation | Investors |
|------|---------|:-----:|-------:|-----------|-----------|
| Apr 9 | **Gripworth** | Series A | $14M | — | Tern Ventures (lead), Bay Point |
| Apr 10 | [Armlet](https://armlet.example) | Seed | €6.5M | — | — |
| Apr 13 | Coilspring | — | undisclosed | $90M post-money | Harwell Capital |

Prices for cobots fell again: a six-axis arm now lists at $18,000.
"""


def test_markdown_issue_pipe_table_rows_are_deals() -> None:
    document = parse_markdown_issue(PIPE_TABLE_ISSUE)

    rows = [m for m in document.mentions if m.method is Method.DOCUMENT_TABLE]
    assert [
        (
            m.locator,
            m.company,
            m.round_text,
            m.amount,
            m.valuation,
            m.announced,
            m.lead_investors,
            m.investors,
        )
        for m in rows
    ] == [
        (
            "table[0]/row[0]",
            "Gripworth",
            "Series A",
            "$14M",
            None,
            "Apr 9",
            ["Tern Ventures"],
            ["Tern Ventures", "Bay Point"],
        ),
        ("table[0]/row[1]", "Armlet", "Seed", "€6.5M", None, "Apr 10", [], []),
        ("table[0]/row[2]", "Coilspring", None, "undisclosed", "$90M", "Apr 13", [], ["Harwell Capital"]),
    ]
    # The table is not read again as prose, and the list price below it is no deal.
    assert len(document.mentions) == 3


def test_pipe_tables_in_plain_text() -> None:
    text = "Deals\n\nName | Raised | Stage\n--- | --- | ---\nOrrin | $5M | Seed\n\nBye."

    assert pipe_tables(text) == [[["Name", "Raised", "Stage"], ["Orrin", "$5M", "Seed"]]]
    assert [(m.company, m.amount) for m in markdown_table_mentions(text)] == [("Orrin", "$5M")]


def test_markdown_paragraphs_keep_capital_headings_apart() -> None:
    text = "WEEKLY DEALS\nIssue 12\n\nBATTERIES\nVoltmere raised $12M in a Series A.\n\nEXIT: none this week."

    assert markdown_paragraphs(text) == [
        "WEEKLY DEALS",
        "Issue 12",
        "BATTERIES",
        "Voltmere raised $12M in a Series A.",
        "EXIT: none this week.",
    ]


def test_lines_of_unwrapped_text_keep_their_line_breaks() -> None:
    # A headline above a story that no one wrapped by hand: the line break ends the headline.
    story = "Tessaly Grid has raised a loan from a regional bank. " * 6
    text = f"Tessaly Grid in talks for $80M in new financing\n{story.strip()}"

    assert markdown_paragraphs(text) == [f"Tessaly Grid in talks for $80M in new financing\n{story.strip()}"]


def test_lines_of_wrapped_text_join_into_one_paragraph() -> None:
    text = "Voltmere raised $12M in a Series A led by\nHarrow Capital and Tern Partners."

    assert markdown_paragraphs(text) == [
        "Voltmere raised $12M in a Series A led by Harrow Capital and Tern Partners."
    ]


def test_plain_text_issue_section_headings_are_not_part_of_names() -> None:
    message = EmailMessage()
    message["Subject"] = "Grid Weekly"
    message["Date"] = "Mon, 09 Mar 2026 06:00:00 +0000"
    message.set_content("GRID WEEKLY\n\nSTORAGE\nVoltmere raised $12M in a Series A led by Tern Ventures.\n")

    (mention,) = parse_eml(message.as_bytes()).mentions

    assert (mention.company, mention.lead_investors) == ("Voltmere", ["Tern Ventures"])


def test_html_issue_laid_out_in_a_table_reads_its_sections_as_prose() -> None:
    message = EmailMessage()
    message["Subject"] = "Payments Weekly"
    message["Date"] = "Fri, 13 Feb 2026 11:00:00 +0530"
    message.set_content(
        "<html><body><table width='600'><tr><td><h1>Payments Weekly</h1><h2>UK</h2>"
        "<p><strong>Coinwell secures £10 million Series A</strong> led by Tern Ventures.</p>"
        "<h2>India</h2><p>Paylane raised ₹100 crore in a Series B. The company disclosed the round "
        "yesterday.</p></td></tr></table></body></html>",
        subtype="html",
    )

    document = parse_eml(message.as_bytes())

    assert [(m.company, m.round_text, m.amount, m.announced) for m in document.mentions] == [
        ("Coinwell", "series_a", "£10 million", None),
        ("Paylane", "series_b", "₹100 crore", "yesterday"),
    ]


def test_mbox_table_locators_name_their_message(tmp_path: Path) -> None:
    path = tmp_path / "digest.mbox"
    archive = mailbox.mbox(path)
    for day in ("Tue, 03 Mar 2026 07:00:00 +0000", "Tue, 10 Mar 2026 07:00:00 +0000"):
        message = EmailMessage()
        message["Subject"] = "Table digest"
        message["Date"] = day
        message.set_content("| Company | Amount |\n|---|---|\n| Orrin | $5M |\n")
        archive.add(message)
    archive.flush()
    archive.close()

    documents = parse_mbox(path)

    assert [[m.locator for m in d.mentions] for d in documents] == [
        ["m[0]/table[0]/row[0]"],
        ["m[1]/table[0]/row[0]"],
    ]


def test_the_issue_subject_is_the_last_context_line() -> None:
    document = parse_markdown_issue(
        "---\nsubject: Climate Capital\n---\n\nVoltmere raised $12M in a Series A.\n"
    )

    (mention,) = document.mentions
    assert mention.context == "Voltmere raised $12M in a Series A.\nClimate Capital"
