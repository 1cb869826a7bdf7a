"""An mbox archive is split where mail programs put their From_ lines, and nowhere else: a body line that
starts 'From ' (left unquoted by a careless archiver) stays in its issue, where `mailbox.mbox` dropped it
as a separator and read the rest of the issue as an undated message of its own."""

from __future__ import annotations

import mailbox
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from assets.parsing.newsletter import mbox_messages, parse_mbox

ISSUE = b"""From news@orrin.example Tue Mar  3 08:00:00 2026
Subject: Orrin Letter, week 9
Date: Tue, 03 Mar 2026 08:00:00 +0000

Quillfern Robotics raised $12 million in a Series A.

From the editor: Lumio raised $3 million in a seed round led by Tern Bay Capital.
From 2024 to 2026 its revenue tripled.

"""


def _deals(path: Path) -> list[tuple[str, str, date | None]]:
    return [(m.company, m.amount, d.published) for d in parse_mbox(path) for m in d.mentions]


def test_a_body_line_starting_from_stays_in_its_issue(tmp_path):
    path = tmp_path / "orrin.mbox"
    path.write_bytes(ISSUE)
    assert len(mbox_messages(ISSUE)) == 1
    assert _deals(path) == [
        ("Quillfern Robotics", "$12 million", date(2026, 3, 3)),
        ("Lumio", "$3 million", date(2026, 3, 3)),
    ]


def test_from_lines_as_mail_programs_write_them_separate_issues():
    second = ISSUE.replace(b"week 9", b"week 10").replace(b"Tue, 03 Mar", b"Tue, 10 Mar")
    takeout = second.replace(
        b"From news@orrin.example Tue Mar  3 08:00:00 2026",
        b"From 1761234567890@xxx Tue Mar 10 08:00:00 +0000 2026",
    )
    thunderbird = ISSUE.replace(b"From news@orrin.example", b"From -")
    bare = ISSUE.replace(b"From news@orrin.example Tue Mar  3 08:00:00 2026", b"From news@orrin.example")
    archive = ISSUE + takeout + thunderbird + bare
    subjects = [m.split(b"\n", 1)[0] for m in mbox_messages(archive)]
    assert (
        subjects
        == [b"Subject: Orrin Letter, week 9", b"Subject: Orrin Letter, week 10"]
        + [b"Subject: Orrin Letter, week 9"] * 2
    )


def test_a_from_line_needs_a_blank_line_before_it():
    glued = (
        b"Subject: a\n\nQuillfern Robotics raised $12 million.\nFrom x@y.example Tue Mar  3 08:00:00 2026\n"
    )
    (message,) = mbox_messages(glued)
    assert message.endswith(b"From x@y.example Tue Mar  3 08:00:00 2026\n")


def test_quoted_from_lines_are_unquoted_and_text_before_the_first_from_line_is_kept():
    archive = b"Subject: Saved by hand\n\nVexa raised $4 million.\n>From the desk: Orrin raised $5 million.\n"
    (message,) = mbox_messages(archive)
    assert message.endswith(b"Vexa raised $4 million.\nFrom the desk: Orrin raised $5 million.\n")


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
    assert _deals(path) == [
        ("Orrin", "$9 million", date(2026, 3, 3)),
        ("Orrin", "$10 million", date(2026, 3, 10)),
    ]
