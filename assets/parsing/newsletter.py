"""Newsletter issues -> title, publication date and the deal mentions in their prose.

Three formats: Markdown with YAML front matter (`date`, `subject`/`title`, `source_url`), single e-mails
(`.eml`) and mail archives (`.mbox`) read with the standard library's `email` / `mailbox`, HTML or plain
text parts, any transfer encoding.
"""

from __future__ import annotations

import email
import email.policy
import mailbox
import re
from datetime import date, datetime
from email.message import EmailMessage
from pathlib import Path

import frontmatter

from assets.normalize.dates import parse_date
from assets.parsing.html_article import html_to_text
from assets.parsing.mentions import DealMention, ParsedDocument
from assets.parsing.prose import extract_prose_mentions

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_HEADER_FIELD = re.compile(r"^\*\*[A-Za-z ]+:\*\*")  # '**From:** ...' lines repeat the front matter
_BARE_URL_LINE = re.compile(r"^(?:[A-Za-z ]+:?\s+)?https?://\S+\??$")
_BOILERPLATE_LINE = re.compile(r"^(?:unsubscribe|view this post|view in browser|you are receiving)", re.I)


def markdown_paragraphs(markdown: str) -> list[str]:
    """Plain-text paragraphs of a Markdown body: links reduced to their text, headers and rules kept out."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", markdown):
        lines: list[str] = []
        for line in block.splitlines():
            if _LIST_ITEM.match(line) and lines:
                paragraphs.append(" ".join(lines))  # each list item is its own paragraph
                lines = []
            stripped = line.strip()
            if (
                not stripped
                or re.fullmatch(r"[-*_]{3,}", stripped)
                or _MD_HEADER_FIELD.match(stripped)
                or _BARE_URL_LINE.match(stripped)
                or _BOILERPLATE_LINE.match(stripped)
            ):
                continue
            stripped = re.sub(r"^(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)", "", stripped)
            stripped = _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", stripped))
            lines.append(stripped)
        if lines:
            paragraphs.append(" ".join(lines))
    return paragraphs


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(str(value)) if value else None


def parse_markdown_issue(text: str) -> ParsedDocument:
    """One newsletter issue written as Markdown with YAML front matter."""
    post = frontmatter.loads(text)
    meta = post.metadata
    return ParsedDocument(
        mentions=extract_prose_mentions(markdown_paragraphs(post.content)),
        title=str(meta.get("subject") or meta.get("title") or "") or None,
        published=_as_date(meta.get("date") or meta.get("published")),
    )


def _message_text(message: EmailMessage) -> list[str]:
    part = message.get_body(preferencelist=("html", "plain"))
    if part is None:
        return []
    content = part.get_content()
    if part.get_content_type() == "text/html":
        return html_to_text(content).split("\n\n")
    return markdown_paragraphs(content)


def _parse_message(message: EmailMessage, prefix: str) -> ParsedDocument:
    mentions: list[DealMention] = extract_prose_mentions(_message_text(message), prefix=prefix)
    return ParsedDocument(
        mentions=mentions,
        title=str(message.get("Subject", "")) or None,
        published=parse_date(str(message.get("Date", ""))),
    )


def parse_eml(body: bytes) -> ParsedDocument:
    """One newsletter issue as a single e-mail message (RFC 5322 bytes)."""
    message = email.message_from_bytes(body, policy=email.policy.default)
    return _parse_message(message, prefix="p")  # type: ignore[arg-type]


def parse_mbox(path: Path) -> list[ParsedDocument]:
    """Every issue in an mbox archive, in archive order; locators are 'm[i]/p[j]/s[k]'."""
    archive = mailbox.mbox(path, factory=None, create=False)
    try:
        issues = []
        for index, key in enumerate(archive.keys()):
            message = email.message_from_bytes(archive.get_bytes(key), policy=email.policy.default)
            issues.append(_parse_message(message, prefix=f"m[{index}]/p"))  # type: ignore[arg-type]
        return issues
    finally:
        archive.close()
