"""Which files of a newsletter folder are issues: a folder of issue files, or a Maildir.

A newsletter source's `url` may name a folder of saved issues (`.md`, `.eml`, `.mbox`, `.html`...) or a
Maildir, the layout mail clients and delivery agents keep (`new`, `cur` and `tmp` folders, one e-mail per
file, read as an `.eml` is). A Maildir message's name has no suffix to go by: where it lies says what it
is. Its delivered messages are those in `new` and `cur`; `tmp` holds deliveries still being written.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

NEWSLETTER_SUFFIXES = (".md", ".markdown", ".eml", ".mbox", ".html", ".htm", ".txt")
MAILDIR_FOLDERS = ("new", "cur")


def is_maildir(folder: Path) -> bool:
    """Whether `folder` is a Maildir (its `new`, `cur` and `tmp` folders are there)."""
    return all((folder / name).is_dir() for name in (*MAILDIR_FOLDERS, "tmp"))


def issue_entries(folder: Path) -> list[Path]:
    """The entries of a newsletter folder that may be issues, in a stable order: a Maildir's delivered
    messages (`new`, then `cur`), else the folder's own entries."""
    if is_maildir(folder):
        return [entry for name in MAILDIR_FOLDERS for entry in sorted((folder / name).iterdir())]
    return sorted(folder.iterdir())


def is_maildir_message(path: Path | PurePosixPath) -> bool:
    """Whether `path` lies where a Maildir keeps delivered messages and has no issue suffix of its own
    (a mail client that has seen a message appends flags such as ':2,S' to its name)."""
    return path.parent.name in MAILDIR_FOLDERS and path.suffix.lower() not in NEWSLETTER_SUFFIXES
