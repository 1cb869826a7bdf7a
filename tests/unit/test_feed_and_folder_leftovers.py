"""What a feed or a newsletter folder holds beyond the documents dealmap used to read is read or named,
never passed over without a word: a feed entry that carries its own text and links to no page is read as a
page of its own, and a file of a newsletter folder that is no issue gets a fetch_log row saying why."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from assets.fetching.collect import PreviousVersion, collect_source
from assets.fetching.feeds import parse_feed
from assets.fetching.http_client import HttpClient
from assets.fetching.raw_store import RawStore
from assets.parsing.dispatch import extract_document
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
    (entry,) = parse_feed(_rss(ISSUE_ITEM), FEED_URL, 20)
    assert entry.link == f"{FEED_URL}#entry=issue-9"
    assert entry.published == date(2026, 3, 3)
    page = entry.inline.decode()
    assert "<title>Week 9: Quillfern &amp; friends</title>" in page  # the title escaped again
    assert "Quillfern Robotics raised $12 million" in page


def test_an_entry_without_a_link_or_id_is_named_by_its_words_the_same_on_every_read():
    item = "<item><title>Lumio raises $3M</title><description>Lumio raised $3 million.</description></item>"
    (first,) = parse_feed(_rss(item), FEED_URL, 20)
    (again,) = parse_feed(_rss(item), FEED_URL, 20)
    assert first.link == again.link
    assert first.link.startswith(f"{FEED_URL}#entry=")
    edited = item.replace("$3 million.", "$3.5 million.")
    (changed,) = parse_feed(_rss(edited), FEED_URL, 20)
    assert changed.link != first.link


def test_an_entry_with_nothing_to_read_is_passed_over_and_linked_ones_still_fetched():
    items = "<item><title></title></item><item><title>Story</title><link>/news/1</link></item>"
    entries = parse_feed(_rss(items), FEED_URL, 20)
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


def test_files_of_a_newsletter_folder_that_are_no_issue_are_named_in_the_fetch_log(tmp_path):
    folder = tmp_path / "letters"
    (folder / "archive").mkdir(parents=True)
    (folder / "2026-03-03.md").write_text("# Week 9\n\nQuillfern Robotics raised $12 million.\n")
    (folder / "2026-03-10.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (folder / "gone.md").symlink_to(folder / "missing.md")
    collection, _ = _collect(tmp_path, {"id": "letters", "kind": "newsletter", "url": folder.as_uri()})
    assert [d["url"].rsplit("/", 1)[1] for d in collection.documents] == ["2026-03-03.md"]
    unread = {r["url"].rsplit("/", 1)[1]: r for r in collection.log if r["status"] == "error"}
    assert sorted(unread) == ["2026-03-10.pdf", "archive", "gone.md"]  # not .DS_Store: hidden
    assert {r["error_class"] for r in unread.values()} == {"not_an_issue"}
    assert "not a newsletter issue (.pdf)" in unread["2026-03-10.pdf"]["error_message"]
    assert "a folder" in unread["archive"]["error_message"]
    assert "broken link" in unread["gone.md"]["error_message"]


def test_a_plain_text_entry_keeps_its_words_when_read_as_a_page():
    # Atom says which summaries are plain text; RSS descriptions are HTML (feedparser sanitises them)
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Orrin</title>'
        b"<entry><title>R&amp;D notes</title><id>urn:orrin:7</id><updated>2026-03-03T08:00:00Z</updated>"
        b'<summary type="text">Vexa &lt;raised&gt; $4 million, AT&amp;T says.</summary></entry></feed>'
    )
    (entry,) = parse_feed(atom, FEED_URL, 20)
    assert entry.link == f"{FEED_URL}#entry=urn%3Aorrin%3A7"
    assert "Vexa &lt;raised&gt; $4 million, AT&amp;T says." in entry.inline.decode()


def test_an_id_taken_for_a_link_is_no_address_unless_it_is_a_web_one():
    items = (
        "<item><title>Week 9</title><guid>issue-9</guid><description>Tern Bay led.</description></item>"
        "<item><title>Story</title><guid>https://letters.example/news/2</guid></item>"
    )
    inline, linked = sorted(parse_feed(_rss(items), FEED_URL, 20), key=lambda e: e.inline is None)
    assert inline.link == f"{FEED_URL}#entry=issue-9"  # not https://letters.example/issue-9, a 404
    assert linked.link == "https://letters.example/news/2"
    assert linked.inline is None
