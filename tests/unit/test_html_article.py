"""HTML article pages: title, publication date, table rows and prose mentions; page furniture ignored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assets.parsing.html_article import load_html, parse_article, prose_paragraphs
from assets.parsing.mentions import Method


@pytest.fixture
def deal_map(samples_dir: Path) -> bytes:
    return (samples_dir / "articles" / "ai-infrastructure-deal-map-2026.html").read_bytes()


def test_sample_article_title_and_date(deal_map: bytes) -> None:
    document = parse_article(deal_map)

    assert document.title == "Follow the inference money: the 2026 AI infrastructure deal map"
    assert document.published == date(2026, 5, 11)
    assert document.date_format is None


def test_sample_article_table_rows(deal_map: bytes) -> None:
    rows = [m for m in parse_article(deal_map).mentions if m.method is Method.DOCUMENT_TABLE]

    assert [(m.locator, m.company, m.round_text, m.amount, m.valuation, m.segment) for m in rows] == [
        ("table[0]/row[0]", "Cerebras Systems", "IPO", "$3.5B", "$26.6B", "AI chips (WSE-3)"),
        ("table[0]/row[1]", "ElevenLabs", "series_d", "$500M", "$11B", "Voice AI"),
        ("table[0]/row[2]", "Nexthop AI", None, "$500M", None, "AI networking"),
        ("table[0]/row[3]", "Runway", "series_e", "$315M", "$5.3B", "Media generation"),
        ("table[0]/row[4]", "Baseten", "series_e", "$300M", "$5B", "Inference platform"),
        ("table[0]/row[5]", "Sierra", None, "$950M", "$15B+", "AI agents"),
        ("table[0]/row[6]", "RadixArk (SGLang)", "seed", "$100M", "$400M", "Inference engine"),
        ("table[0]/row[7]", "Inferact", "seed", "$150M", "$800M", "AI inference"),
    ]
    assert rows[0].snippet == (
        "Company: Cerebras Systems (IPO) | Amount: $3.5B raise / $26.6B valuation | Segment: AI chips (WSE-3)"
    )


def test_sample_article_prose_mentions(deal_map: bytes) -> None:
    prose = [m for m in parse_article(deal_map).mentions if m.method is Method.PROSE]

    assert [(m.company, m.round_text, m.amount, m.valuation, m.lead_investors) for m in prose] == [
        ("RadixArk", "seed", "$100M", "$400M", ["Accel", "Spark Capital"]),
        ("Cerebras Systems", "ipo", "$3.5B", "$26.6B", []),
        ("Baseten", "series_e", "$300M", "$5B", []),
        ("Sierra", None, "$950M", "$15B+", []),
    ]
    # The quarter total, the '$10.64B in total' and the '$0 subscription' in the aside are not deals.
    assert all(m.amount not in ("$297B", "$10.64B", "$0") for m in prose)
    assert all(m.locator.startswith("p[") for m in prose)


def test_time_datetime_is_the_only_date() -> None:
    page = b"""<html><head><title>Deal digest</title></head><body><article>
      <p>Posted <time datetime="2026-03-02T09:00:00+00:00">Monday</time></p>
      <p>Orrin raised a $20M seed round led by Accel.</p>
    </article></body></html>"""

    document = parse_article(page)

    assert document.title == "Deal digest"
    assert document.published == date(2026, 3, 2)
    assert [(m.company, m.amount, m.lead_investors, m.locator) for m in document.mentions] == [
        ("Orrin", "$20M", ["Accel"], "p[1]/s[0]")
    ]


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ('<meta property="article:published_time" content="2026-04-01T10:00:00Z">', date(2026, 4, 1)),
        ('<meta itemprop="datePublished" content="2026-04-02">', date(2026, 4, 2)),
        ('<meta name="date" content="April 3, 2026">', date(2026, 4, 3)),
        (
            '<meta name="dc.date" content="not a date"><meta name="pubdate" content="2026-04-04">',
            date(2026, 4, 4),
        ),
        ("", None),
    ],
)
def test_published_from_meta_tags(head: str, published: date | None) -> None:
    page = f"<html><head>{head}</head><body><p>Nothing dated here.</p></body></html>"

    assert parse_article(page).published == published


def test_published_from_visible_text() -> None:
    page = (
        "<html><body><p>Published: 2026-04-01</p>"
        "<div><p>Kappa raised $1M in a seed round.</p></div></body></html>"
    )

    document = parse_article(page)

    assert document.published == date(2026, 4, 1)
    assert document.title is None
    assert [(m.company, m.amount) for m in document.mentions] == [("Kappa", "$1M")]


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ('<meta property="og:title" content="OG title"><title>Tab</title>', "<h1>Heading</h1>", "OG title"),
        ("<title>  Tab\n title </title>", "<h1>Heading</h1>", "Tab title"),
        ("", "<h1>Heading <em>one</em></h1>", "Heading"),
    ],
)
def test_title_precedence(head: str, body: str, title: str) -> None:
    assert parse_article(f"<html><head>{head}</head><body>{body}</body></html>").title == title


def test_boilerplate_money_is_ignored() -> None:
    # No <article> or <main>: the whole body is read, so only the furniture removal keeps these out.
    page = b"""<html><body>
      <header><p>Acme raised $9M in a seed round.</p></header>
      <nav><p>Beta raised $8M in a Series A round.</p></nav>
      <h2>This week</h2>
      <p>Gamma raised a $7M seed round led by Index Ventures.</p>
      <table><tr><th>Company</th><th>Amount</th></tr><tr><td>Delta</td><td>$6M</td></tr></table>
      <aside><p>Epsilon raised $5M in a seed round.</p>
        <table><tr><th>Company</th><th>Amount</th></tr><tr><td>Zeta</td><td>$4M</td></tr></table></aside>
      <form><p>Eta raised $3M in a seed round.</p></form>
      <footer><p>Theta raised $2M in a seed round.</p></footer>
      <script>document.write("Iota raised $1M in a seed round.");</script>
    </body></html>"""

    document = parse_article(page)

    assert [(m.method, m.company, m.amount) for m in document.mentions] == [
        (Method.DOCUMENT_TABLE, "Delta", "$6M"),
        (Method.PROSE, "Gamma", "$7M"),
    ]


def test_only_the_article_is_read_when_there_is_one() -> None:
    page = """<html><body>
      <div><p>Sidebar: Acme raised $9M in a seed round.</p></div>
      <article><p>Gamma raised a $7M seed round.</p></article>
    </body></html>"""

    assert [m.company for m in parse_article(page).mentions] == ["Gamma"]


def test_meta_charset_is_honoured_for_bytes() -> None:
    page = (
        "<html><head><meta charset='windows-1252'><title>Caf\xe9 deals</title></head>"
        "<body><p>Nordwind secures €40 million Series B.</p></body></html>"
    ).encode("cp1252")

    document = parse_article(page)

    assert document.title == "Café deals"
    assert [(m.company, m.amount, m.round_text) for m in document.mentions] == [
        ("Nordwind", "€40 million", "series_b")
    ]


def test_prose_paragraphs_skip_tables_and_containers() -> None:
    root = load_html(
        "<html><body><ul><li><p>Inside an item.</p></li><li>Plain item.</li></ul>"
        "<table><tr><td><p>In a cell.</p></td></tr></table><blockquote>Quoted.</blockquote>"
        "<h3>Heading</h3><p>  Spaced\n  out. </p><p> </p></body></html>"
    )

    assert prose_paragraphs(root) == ["Inside an item.", "Plain item.", "Quoted.", "Heading", "Spaced out."]


@pytest.mark.parametrize(
    "body",
    [
        "<div class='body'>Divco AI raised $16 million in a Series A.</div>",
        "<article>Divco AI raised $16 million in a Series A.</article>",
        "<table><tr><td><div>Divco AI raised $16 million in a Series A.</div></td></tr></table>",
        "Divco AI raised $16 million in a Series A.",
        "<main><div>Divco AI raised <b>$16 million</b> in a Series A.</div></main>",
        "<span>Divco AI raised $16 million in a Series A.</span>",
        "<section><div>Divco AI raised $16 million\n in a Series A.</div></section>",
    ],
)
def test_text_written_loose_in_any_block_is_read(body: str) -> None:
    """HTML e-mails, feeds' plain-text entries and many sites write their text outside `<p>`: a page read
    only through its paragraphs lost those deals without an error."""
    mentions = parse_article(f"<html><body>{body}</body></html>").mentions
    assert [(m.company, m.amount) for m in mentions] == [("Divco AI", "$16 million")]


def test_loose_text_is_cut_at_blocks_and_line_breaks_but_not_at_source_newlines() -> None:
    root = load_html(
        "<html><body><div>First line<br>Second\n line<p>A paragraph.</p>After it"
        "<div>Inner</div>Last</div><h1>The title</h1></body></html>"
    )

    assert prose_paragraphs(root) == ["First line\nSecond line", "A paragraph.", "After it", "Inner", "Last"]


def test_a_deeply_nested_page_is_walked_without_recursion() -> None:
    root = load_html(
        "<html><body>" + "<div>" * 1500 + "Quenby raised $5M." + "</div>" * 1500 + "</body></html>"
    )

    assert prose_paragraphs(root) == ["Quenby raised $5M."]


def test_deal_tables_are_read_as_tables_and_layout_tables_as_prose() -> None:
    page = """<html><head><title>Climate deals weekly</title></head><body>
    <table><tr><td>
      <h2>Storage</h2><p>Voltmere raised $12M in a Series A led by Tern Ventures.</p>
      <table><tr><th>Company</th><th>Amount</th></tr><tr><td>Cellwick</td><td>€4M</td></tr></table>
    </td></tr></table></body></html>"""

    mentions = parse_article(page).mentions

    assert [(m.method, m.company, m.amount) for m in mentions] == [
        (Method.DOCUMENT_TABLE, "Cellwick", "€4M"),
        (Method.PROSE, "Voltmere", "$12M"),
    ]
    # The page title is the least specific context line of every mention.
    assert [m.context.split("\n")[-1] for m in mentions if m.context] == ["Climate deals weekly"] * 2


def test_a_list_post_with_numbered_headings() -> None:
    page = """<html><head><meta property="article:published_time" content="2026-01-05"></head><body><article>
      <h2>1. Corbel Compute — $2bn</h2>
      <p>The GPU cloud provider announced a $2bn credit facility led by Harwell Bank on December 9.</p>
      <h2>2. Lattice Nine</h2>
      <p>The startup closed a $95M Series A led by Pell Partners on October 7.</p>
    </article></body></html>"""

    mentions = parse_article(page).mentions

    assert [(m.company, m.round_text, m.amount, m.announced, m.lead_investors) for m in mentions] == [
        ("Corbel Compute", None, "$2bn", None, []),
        ("Corbel Compute", "debt", "$2bn", "December 9", ["Harwell Bank"]),
        ("Lattice Nine", "series_a", "$95M", "October 7", ["Pell Partners"]),
    ]


def test_readers_comments_are_not_read() -> None:
    page = (
        "<html><body><article><p>Quenby raised $5 million in a Series A.</p></article>"
        "<div class='comments'><div>I think Beta raised $100 million last year.</div></div></body></html>"
    )
    assert [m.company for m in parse_article(page).mentions] == ["Quenby"]
