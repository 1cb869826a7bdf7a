"""What a feed or a newsletter folder holds beyond the documents dealmap used to read is read or named,
never passed over without a word: a feed entry that carries its own text and links to no page is read as a
page of its own, and a file of a newsletter folder that is no issue gets a fetch_log row saying why."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

from assets.fetching.collect import PreviousVersion, collect_source
from assets.fetching.feeds import parse_feed
from assets.fetching.http_client import HttpClient
from assets.fetching.raw_store import RawStore
from assets.parsing.dispatch import extract_document
from assets.source_outputs import SourceOutputs
from assets.sources import parse_registry
from tests.integration.http_fixtures import quick_policy, registry_toml

FEED_URL = "https://letters.example/feed.xml"


def _rss(items: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Orrin Letter</title>{items}</channel></rss>"
    ).encode()


ISSUE_ITEM = (
    '<item><title>Week 9: Quillfern &amp; friends</title><guid isPermaLink="false">issue-9</guid>'
    "<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate><content:encoded><![CDATA[<p>Quillfern Robotics "
    "raised $12 million in a Series A led by Tern Bay Capital.</p>]]></content:encoded></item>"
)


def test_an_entry_without_a_link_is_a_page_of_its_own_named_by_its_id():
    (entry,) = parse_feed(_rss(ISSUE_ITEM), FEED_URL)
    assert entry.link == f"{FEED_URL}#entry=issue-9"
    assert entry.published == date(2026, 3, 3)
    page = entry.inline.decode()
    assert "<title>Week 9: Quillfern &amp; friends</title>" in page  # the title escaped again
    assert "Quillfern Robotics raised $12 million" in page


def test_an_entry_without_a_link_or_id_is_named_by_its_title_and_date_the_same_on_every_read():
    item = "<item><title>Lumio raises $3M</title><description>Lumio raised $3 million.</description></item>"
    (first,) = parse_feed(_rss(item), FEED_URL)
    (again,) = parse_feed(_rss(item), FEED_URL)
    assert first.link == again.link
    assert first.link.startswith(f"{FEED_URL}#entry=")
    # its text edited, it is the same entry (feeds have no listing: a new address would be a second
    # document, and the deal read twice); its title edited, another
    (edited,) = parse_feed(_rss(item.replace("$3 million.", "$3.5 million.")), FEED_URL)
    assert edited.link == first.link
    (retitled,) = parse_feed(_rss(item.replace("raises $3M", "raises $3.5M")), FEED_URL)
    assert retitled.link != first.link


def test_an_entry_with_nothing_to_read_is_passed_over_and_linked_ones_still_fetched():
    items = "<item><title></title></item><item><title>Story</title><link>/news/1</link></item>"
    entries = parse_feed(_rss(items), FEED_URL)
    assert [(e.link, e.inline) for e in entries] == [("https://letters.example/news/1", None)]


def _collect(folder: Path, source: dict, previous: dict[str, PreviousVersion] | None = None):
    (read,) = parse_registry(registry_toml([source]), folder)
    client = HttpClient(quick_policy(file_roots=(folder,)))
    store = RawStore(folder / "raw")
    try:
        return collect_source(read, client, store, previous or {}, "run-1", datetime(2026, 3, 4)), store
    finally:
        client.close()


def test_a_feed_of_whole_issues_is_stored_and_its_deal_extracted(tmp_path):
    feed = tmp_path / "letter.xml"
    feed.write_bytes(_rss(ISSUE_ITEM))
    source = {"id": "orrin-letter", "kind": "feed", "url": feed.as_uri()}
    collection, store = _collect(tmp_path, source)
    (issue,) = [d for d in collection.documents if d["parent_url"]]
    assert issue["url"] == f"{feed.as_uri()}#entry=issue-9"
    assert issue["content_type"].startswith("text/html")
    assert issue["published_hint"] == date(2026, 3, 3)
    assert [r["status"] for r in collection.log if r["url"] == issue["url"]] == ["ok"]

    (read,) = parse_registry(registry_toml([source]), tmp_path)
    mentions = extract_document(
        read, issue["url"], issue["sha256"], issue["content_type"], store.verified_path(issue["sha256"]),
        issue["published_hint"],
    )  # fmt: skip
    assert mentions[["company_text", "round_text", "amount_text"]].values.tolist() == [
        ["Quillfern Robotics", "series_a", "$12 million"]
    ]

    previous = {r["url"]: PreviousVersion(r["sha256"], r["etag"], r["last_modified"]) for r in collection.log}
    again, _ = _collect(tmp_path, source, previous)
    assert [r["status"] for r in again.log if r["url"] == issue["url"]] == ["unchanged"]
    assert not [d for d in again.documents if d["parent_url"]]


def test_what_a_newsletter_folder_holds_besides_issues_is_named_in_one_fetch_log_row(tmp_path):
    folder = tmp_path / "letters"
    (folder / "archive").mkdir(parents=True)
    (folder / "Takeout.mbox").mkdir()
    (folder / "2026-03-03.md").write_text("# Week 9\n\nQuillfern Robotics raised $12 million.\n")
    (folder / ".2026-03-10.md").write_text("# Week 10\n\nLumio raised $3 million.\n")  # read, as ever
    (folder / "2026-03-10.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (folder / "gone.md").symlink_to(folder / "missing.md")
    # a name saved in Latin-1, not UTF-8: the message is stored as UTF-8 all the same
    (Path(os.fsdecode(os.fsencode(folder) + b"/Pr\xe9sentation.pdf"))).write_bytes(b"%PDF-1.7\n")
    source = {"id": "letters", "kind": "newsletter", "url": folder.as_uri()}
    collection, _ = _collect(tmp_path, source)
    assert [d["url"].rsplit("/", 1)[1] for d in collection.documents] == [".2026-03-10.md", "2026-03-03.md"]
    (row,) = [r for r in collection.log if r["status"] == "error"]
    assert (row["url"], row["error_class"]) == (folder.as_uri(), "not_an_issue")
    message = row["error_message"]
    assert message.startswith("5 not read in the folder: ")
    assert "2026-03-10.pdf: not a newsletter issue (.pdf)" in message
    assert "archive: a folder" in message
    assert "Takeout.mbox: an Apple Mail export" in message
    assert "gone.md: not a readable file (a broken link" in message
    assert "Pr\ufffdsentation.pdf: not a newsletter issue" in message
    assert ".DS_Store" not in message
    SourceOutputs(tmp_path / "sources").record_fetch(
        "letters", "run-1", datetime(2026, 3, 4), collection.documents, collection.log, collection.listing
    )  # (a surrogate in the message stopped this, and every source after it)
    assert (tmp_path / "sources" / "letters" / "fetch_state.json").is_file()


def test_a_folder_of_many_stray_files_is_one_row_naming_the_first_ten(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    for number in range(25):
        (folder / f"scan-{number:02}.pdf").write_bytes(b"%PDF-1.7\n")
    collection, _ = _collect(tmp_path, {"id": "letters", "kind": "newsletter", "url": folder.as_uri()})
    (row,) = collection.log
    assert row["error_message"].count(".pdf: not a newsletter issue") == 10
    assert row["error_message"].endswith("; and 15 more")


def test_a_plain_text_entry_keeps_its_words_when_read_as_a_page():
    # Atom says which summaries are plain text; RSS descriptions are HTML (feedparser sanitises them)
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Orrin</title>'
        b"<entry><title>R&amp;D notes</title><id>urn:orrin:7</id><updated>2026-03-03T08:00:00Z</updated>"
        b'<summary type="text">Vexa &lt;raised&gt; $4 million, AT&amp;T says.</summary></entry></feed>'
    )
    (entry,) = parse_feed(atom, FEED_URL)
    assert entry.link == f"{FEED_URL}#entry=urn%3Aorrin%3A7"
    assert "Vexa &lt;raised&gt; $4 million, AT&amp;T says." in entry.inline.decode()


def test_an_id_taken_for_a_link_is_no_address_unless_it_is_a_web_one():
    items = (
        "<item><title>Week 9</title><guid>issue-9</guid><description>Tern Bay led.</description></item>"
        "<item><title>Story</title><guid>https://letters.example/news/2</guid></item>"
    )
    inline, linked = sorted(parse_feed(_rss(items), FEED_URL), key=lambda e: e.inline is None)
    assert inline.link == f"{FEED_URL}#entry=issue-9"  # not https://letters.example/issue-9, a 404
    assert linked.link == "https://letters.example/news/2"
    assert linked.inline is None


def _atom(entries: str) -> bytes:
    return (
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Orrin</title>{entries}</feed>'
    ).encode()


def _read(entry, tmp_path: Path) -> list[tuple[str, str, date | None]]:
    """The deals extracted from an entry's own page, as a feed's stored entry is read."""
    page = tmp_path / "entry.html"
    page.write_bytes(entry.inline)
    (source,) = parse_registry(registry_toml([{"id": "orrin", "kind": "feed", "url": FEED_URL}]), tmp_path)
    mentions = extract_document(source, entry.link, "0" * 64, "text/html", page, entry.published)
    return [(m.company_text, m.amount_text, m.published_date) for m in mentions.itertuples()]


def _companies_and_amounts(entry, tmp_path: Path) -> list[tuple[str, str]]:
    return [(company, amount) for company, amount, _ in _read(entry, tmp_path)]


def test_a_plain_text_list_of_deals_stays_a_list(tmp_path):
    summary = (
        "This week:\n- Quillfern Robotics raised $12 million in a Series A.\n"
        "- Lumio raised $3 million in a seed round.\n- Vexa raised $40 million in a Series B.\n"
    )
    entry_xml = (
        "<entry><title>Week 9</title><id>urn:orrin:9</id><updated>2026-03-03T08:00:00Z</updated>"
        f'<summary type="text">{summary}</summary></entry>'
    )
    (entry,) = parse_feed(_atom(entry_xml), FEED_URL)
    assert _companies_and_amounts(entry, tmp_path) == [
        ("Quillfern Robotics", "$12 million"),
        ("Lumio", "$3 million"),
        ("Vexa", "$40 million"),
    ]


def test_the_entry_dates_its_page_and_its_content_cannot_rewrite_the_page(tmp_path):
    stray = (
        '<p>Posted <time datetime="2026-06-01">later</time>.</p></article></body>'
        "<p>Lumio raised $3 million in a seed round.</p>"
    )
    item = (
        "<item><title>Week 9</title><guid isPermaLink='false'>issue-9</guid>"
        "<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>"
        f"<description><![CDATA[{stray}]]></description></item>"
    )
    (entry,) = parse_feed(_rss(item), FEED_URL)
    assert _read(entry, tmp_path) == [("Lumio", "$3 million", date(2026, 3, 3))]
    markdown = (
        "<entry><title>Week 10</title><id>urn:orrin:10</id><updated>2026-03-10T08:00:00Z</updated>"
        '<content type="text/markdown">&lt;meta property="article:published_time" content="2019-01-01"&gt;'
        "&lt;script&gt;alert(1)&lt;/script&gt;\nVexa raised $40 million in a Series B.</content></entry>"
    )
    (entry,) = parse_feed(_atom(markdown), FEED_URL)
    page = entry.inline.decode()
    assert "<script>" not in page
    assert page.count("<meta property") == 1  # the entry's own date, not one its text wrote
    assert _read(entry, tmp_path) == [("Vexa", "$40 million", date(2026, 3, 10))]


def test_an_empty_content_gives_way_to_the_summary_and_an_html_title_is_words():
    entry_xml = (
        '<entry><title type="html">&lt;b&gt;Lumio&lt;/b&gt; raises</title><id>urn:orrin:11</id>'
        '<content type="html"></content><summary>Lumio raised $3 million.</summary></entry>'
    )
    (entry,) = parse_feed(_atom(entry_xml), FEED_URL)
    assert entry.title == "Lumio raises"
    assert "Lumio raised $3 million." in entry.inline.decode()


def test_entries_that_share_one_id_are_each_read():
    items = "".join(
        f"<item><title>Week {week}</title><guid isPermaLink='false'>orrin-letter</guid>"
        f"<description>Deal {week}.</description></item>"
        for week in (9, 10)
    )
    entries = parse_feed(_rss(items), FEED_URL)
    assert len({e.link for e in entries}) == 2
    assert sorted(e.title for e in entries) == ["Week 10", "Week 9"]


def test_an_id_that_is_a_path_is_still_fetched():
    items = (
        "<item><title>Nine</title><guid>/2026/03/issue-9</guid></item>"
        "<item><title>Ten</title><guid>issue-10.html</guid></item>"
    )
    entries = parse_feed(_rss(items), FEED_URL)
    assert sorted((e.link, e.inline) for e in entries) == [
        ("https://letters.example/2026/03/issue-9", None),
        ("https://letters.example/issue-10.html", None),
    ]


def test_an_article_inside_the_entry_is_not_taken_for_the_whole_page(tmp_path):
    content = (
        "<article><p>A word from our sponsor.</p></article>"
        "<p>Lumio raised $3 million in a seed round led by Tern Bay Capital.</p>"
    )
    item = (
        "<item><title>Week 9</title><guid isPermaLink='false'>issue-9</guid>"
        f"<description><![CDATA[{content}]]></description></item>"
    )
    (entry,) = parse_feed(_rss(item), FEED_URL)
    assert _companies_and_amounts(entry, tmp_path) == [("Lumio", "$3 million")]


def test_a_busy_feed_is_read_to_the_end_a_few_new_entries_a_run(tmp_path):
    """Ten entries between two runs, three a run: the first run takes the newest three, each later run
    the next three it has not stored yet (and checks again the stored ones among the newest three), until
    every entry is stored. Before, the seven older ones were never read."""
    items = "".join(
        f"<item><title>Deal {day}</title><link>news/{day}</link>"
        f"<pubDate>{day:02} Mar 2026 08:00:00 GMT</pubDate></item>"
        for day in range(1, 11)
    )
    feed = tmp_path / "wire.xml"
    feed.write_bytes(_rss(items))
    for day in range(1, 11):
        (tmp_path / "news").mkdir(exist_ok=True)
        (tmp_path / "news" / str(day)).write_text(f"<p>Deal {day}.</p>")
    source = {"id": "wire", "kind": "feed", "url": feed.as_uri(), "options": {"max_entries": 3}}
    previous: dict[str, PreviousVersion] = {}
    fetched_by_run = []
    for _ in range(5):
        collection, _ = _collect(tmp_path, source, previous)
        fetched_by_run.append(
            sorted(int(d["url"].rsplit("/", 1)[1]) for d in collection.documents if d["parent_url"])
        )
        for row in collection.log:
            if row["sha256"]:
                previous[row["url"]] = PreviousVersion(row["sha256"], row["etag"], row["last_modified"])
    assert fetched_by_run == [[8, 9, 10], [5, 6, 7], [2, 3, 4], [1], []]


@pytest.mark.parametrize(
    ("written", "day"),
    [
        # 7 p.m. in New York on March 31 is April 1 in UTC: the writer's day is March 31 (and its quarter Q1)
        ("<pubDate>Tue, 31 Mar 2026 19:00:00 -0400</pubDate>", date(2026, 3, 31)),
        # 8 a.m. in Tokyo on April 1 is March 31 in UTC
        ("<pubDate>Wed, 01 Apr 2026 08:00:00 +0900</pubDate>", date(2026, 4, 1)),
        ("<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>", date(2026, 3, 3)),
        # Atom's RFC 3339, with its offset
        ("<atom:updated>2026-06-30T21:30:00-07:00</atom:updated>", date(2026, 6, 30)),
        # a date feedparser reads and neither RFC does: taken as feedparser parsed it (UTC)
        ("<pubDate>2026-03-05</pubDate>", date(2026, 3, 5)),
        ("<pubDate>not a date</pubDate>", None),
        # a number past any calendar, and a CMS's zero date: undated, never a failed feed
        ("<pubDate>Tue, 31 Mar 99999999999999999999 19:00:00 -0400</pubDate>", None),
        ("<pubDate>Tue, 99999999999999999999 Mar 2026 19:00:00 -0400</pubDate>", None),
        ("<atom:published>0000-00-00T00:00:00Z</atom:published>", None),
    ],
)
def test_an_entrys_date_is_the_day_its_feed_writes_in_its_own_time_zone(written: str, day):
    item = (
        '<item xmlns:atom="http://www.w3.org/2005/Atom"><title>Lumio raises $3M</title>'
        f"<link>https://letters.example/lumio</link>{written}</item>"
    )
    (entry,) = parse_feed(_rss(item), FEED_URL)
    assert entry.published == day
