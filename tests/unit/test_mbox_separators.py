"""An mbox archive is split where mail programs put their From_ lines, and nowhere else: a body line that
starts 'From ' (left unquoted by a careless archiver) stays in its issue, where `mailbox.mbox` dropped it
as a separator and read the rest of the issue as an undated message of its own."""

from __future__ import annotations

import io
import mailbox
from datetime import date
from email.message import EmailMessage

import pytest

from assets.parsing.newsletter import mbox_messages, parse_mbox

FROM_LINE = b"From news@orrin.example Tue Mar  3 08:00:00 2026"
ISSUE = (
    FROM_LINE
    + b"""
Subject: Orrin Letter, week 9
Date: Tue, 03 Mar 2026 08:00:00 +0000

Quillfern Robotics raised $12 million in a Series A.

From the editor: Lumio raised $3 million in a seed round led by Tern Bay Capital.
From 2024 to 2026 its revenue tripled.

From Reuters
https://news.example/lumio

From Berlin
TL;DR: Vexa raised $40 million in a Series B.

"""
)


def _split(archive: bytes) -> list[bytes]:
    return list(mbox_messages(io.BytesIO(archive)))


def _subjects(archive: bytes) -> list[bytes]:
    return [message.split(b"\n", 1)[0] for message in _split(archive)]


def test_body_lines_starting_from_stay_in_their_issue(tmp_path):
    path = tmp_path / "orrin.mbox"
    path.write_bytes(ISSUE)
    assert len(_split(ISSUE)) == 1
    deals = [(m.company, m.amount, d.published) for d in parse_mbox(path) for m in d.mentions]
    assert deals == [
        ("Quillfern Robotics", "$12 million", date(2026, 3, 3)),
        ("Lumio", "$3 million", date(2026, 3, 3)),
        ("Vexa", "$40 million", date(2026, 3, 3)),
    ]


@pytest.mark.parametrize(
    "from_line",
    [
        b"From 1761234567890@xxx Tue Mar 10 08:00:00 +0000 2026",  # Google Takeout
        b"From - Tue Mar 10 08:00:00 2026",  # Thunderbird
        b"From news@orrin.example Tue Mar 10 08:00:00 2026 +0100",  # a zone after the year
        b"From news@orrin.example Tue Mar 10 08:00:00 2026 remote from orrin",  # qmail
        b"From  Tue Mar 10 08:00:00 2026",  # no sender
        b"From news@orrin.example Tue Mar 10 08:00:00 26",  # a two-digit year
        b"From news@orrin.example Tue, 10 Mar 2026 08:00:00 +0000",  # an RFC 2822 date
        b"From news@orrin.example",  # the sender alone, a header below it
    ],
)
def test_from_lines_as_mail_programs_write_them_open_an_issue(from_line):
    second = ISSUE.replace(FROM_LINE, from_line).replace(b"week 9", b"week 10")
    assert _subjects(ISSUE + second) == [b"Subject: Orrin Letter, week 9", b"Subject: Orrin Letter, week 10"]


def test_a_from_line_glued_to_the_issue_before_still_opens_one_but_a_bare_sender_needs_a_blank_line():
    glued = ISSUE.rstrip(b"\n") + b"\n" + ISSUE.replace(b"week 9", b"week 10")
    assert _subjects(glued) == [b"Subject: Orrin Letter, week 9", b"Subject: Orrin Letter, week 10"]
    bare = b"Subject: a\n\nQuillfern Robotics raised $12 million.\nFrom x@y.example\nSubject: b\n"
    assert len(_split(bare)) == 1


def test_quoted_from_lines_a_byte_order_mark_and_text_before_the_first_from_line():
    archive = (
        b"\xef\xbb\xbfSubject: Saved by hand\n\nVexa raised $4 million.\n>From the desk: Orrin raised $5M.\n"
    )
    (message,) = _split(archive)
    assert message.startswith(b"Subject: Saved by hand\n")
    assert message.endswith(b"Vexa raised $4 million.\nFrom the desk: Orrin raised $5M.\n")
    assert _split(b"") == []
    assert _split(FROM_LINE + b"\n" + FROM_LINE + b"\n") == []  # From_ lines and nothing else


def test_an_archive_written_by_the_standard_library_reads_back_whole(tmp_path):
    path = tmp_path / "written.mbox"
    archive = mailbox.mbox(path)
    for week, day in ((9, "Tue, 03 Mar 2026 08:00:00 +0000"), (10, "Tue, 10 Mar 2026 08:00:00 +0000")):
        message = EmailMessage()
        message["Subject"], message["Date"] = f"Orrin Letter, week {week}", day
        message.set_content(f"From the desk: Orrin raised ${week} million in a Series A.\n")
        archive.add(message)  # the body's 'From ' line is quoted '>From ' on the way in
    archive.flush()
    archive.close()
    deals = [(m.company, m.amount, d.published) for d in parse_mbox(path) for m in d.mentions]
    assert deals == [("Orrin", "$9 million", date(2026, 3, 3)), ("Orrin", "$10 million", date(2026, 3, 10))]


def test_a_time_without_seconds_is_prose_and_cr_line_ends_are_lines():
    prose = ISSUE + b"From 9:00 to 17:30 CET, demo day 2026.\nOrrin raised $5 million.\n\n"
    assert len(_split(prose)) == 1
    classic_mac = (ISSUE + ISSUE.replace(b"week 9", b"week 10")).replace(b"\n", b"\r")
    assert _subjects(classic_mac) == [b"Subject: Orrin Letter, week 9", b"Subject: Orrin Letter, week 10"]
