"""A newsletter source whose folder is a Maildir: its delivered messages are issues, read as e-mails."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage
from pathlib import Path

import duckdb

from assets.fetching.collect import source_urls
from assets.fetching.inbox import scan_inbox
from assets.sources import Source
from tests.integration.pipeline import run_refresh


def _issue(subject: str, sent: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = "The Rack Report <editor@rack-report.example>"
    message["Date"] = sent
    message.set_content(body)
    return message


def _maildir(folder: Path) -> Path:
    """A Maildir as a mail client leaves it: one message unseen in `new`, one seen (moved to `cur`, with
    flags), and a delivery still being written in `tmp`."""
    box = mailbox.Maildir(folder, create=True)
    first = (
        "Coolgrid, which builds liquid cooling for GPU racks, raised a $24 million Series A led by Lowercase"
    )
    box.add(_issue("Rack Report #41", "Tue, 03 Mar 2026 08:00:00 +0000", f"{first} Capital."))
    seen = mailbox.MaildirMessage(
        _issue(
            "Rack Report #42",
            "Tue, 10 Mar 2026 08:00:00 +0000",
            "Fibrelane, a maker of optical interconnects for AI clusters, raised $61 million in a Series B "
            "led by Northwind Ventures.",
        )
    )
    seen.set_subdir("cur")
    seen.add_flag("S")
    box.add(seen)
    (folder / "tmp" / "1767000000.M9P9.host").write_text(
        "Subject: half written\n\nTensorpipe raised", "utf-8"
    )
    return folder


def test_a_maildirs_delivered_messages_are_its_issues(tmp_path: Path):
    folder = _maildir(tmp_path / "rack-report")
    registry = tmp_path / "sources.toml"
    registry.write_text('[[source]]\nid = "rack"\nkind = "newsletter"\nurl = "rack-report"\n', "utf-8")
    source = Source(id="rack", kind="newsletter", url=folder.as_uri())
    urls, unread = source_urls(source, (tmp_path,))
    assert unread == []
    assert [Path(u).parent.name for u in urls] == ["new", "cur"]

    result = run_refresh(tmp_path / "data", registry)
    assert result.success
    with duckdb.connect(str(tmp_path / "data" / "dealmap.duckdb"), read_only=True) as connection:
        deals = connection.execute(
            "select company, amount_usd, round_type, announced_date::varchar from deals order by company"
        ).fetchall()
        unread_log = connection.execute(
            "select count(*) from fetch_log where status = 'not_an_issue'"
        ).fetchone()
    assert deals == [("Coolgrid", 24_000_000, "series_a", "2026-03-03"),
                     ("Fibrelane", 61_000_000, "series_b", "2026-03-10")]  # fmt: skip
    assert unread_log == (0,)


def test_the_inbox_sensor_scans_a_maildir_by_folder_and_name(tmp_path: Path):
    folder = _maildir(tmp_path / "rack-report")
    scan = scan_inbox(folder, {}, {})
    assert scan.refused == []
    assert sorted(name.split("/")[0] for name in scan.new) == ["cur", "new"]
    # a message a mail client moves from new to cur (and flags) is a file of another name, same bytes
    assert scan_inbox(folder, {}, scan.seen).new == {}
