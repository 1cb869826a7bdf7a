"""Newsletter issues -> title, publication date and the deal mentions in their prose and tables.

Three formats: Markdown with YAML front matter (`date`, `subject`/`title`, `source_url`), single e-mails
(`.eml`) and mail archives (`.mbox`) read with the standard library's `email` / `mailbox`, HTML or plain
text parts, any transfer encoding. Markdown and plain-text bodies may hold pipe tables; HTML bodies are read
like article pages (deal tables as tables, layout tables as prose).
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
from assets.parsing.budget import checkpoint
from assets.parsing.html_article import html_mentions, load_body
from assets.parsing.markdown_inline import inline_text
from assets.parsing.markdown_tables import is_table_line, markdown_table_mentions
from assets.parsing.mentions import DealMention, ParsedDocument, add_context
from assets.parsing.prose import date_by_covered_period, extract_prose_mentions, resolve_short_names

# A list item in Markdown ('- ', '1. ') or as text pages write them ('• ', '▪ ', '– '): each is its own
# paragraph, so one item's full stop never has to separate it from the next.
_BULLETS = "•·▪◦‣●○■□►▸➤✓✔–—"
_LIST_ITEM = re.compile(rf"^\s*(?:[-*+{_BULLETS}]|\d+[.)])\s+")
_MD_HEADER_FIELD = re.compile(r"^\*\*[A-Za-z ]+:\*\*")  # '**From:** ...' lines repeat the front matter
_BARE_URL_LINE = re.compile(r"^(?:[A-Za-z ]+:?\s+)?https?://\S+\??$")
_BOILERPLATE_LINE = re.compile(r"^(?:unsubscribe|view this post|view in browser|you are receiving)", re.I)
# A line in capitals is a section heading in plain-text issues ('STORAGE', 'ALSO NOTED'): it
# stands alone, or it would run into the first sentence below it and read as part of the company name.
# (Two tests rather than one pattern with a run of capitals between two open-ended runs: that pattern
# reads the rest of the line again from every capital, quadratic on a long line in capitals.)
_NOT_IN_A_HEADING = re.compile(r"[a-zß-öø-ÿ.!?]")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")


def _caps_heading(line: str) -> bool:
    """'STORAGE', 'ALSO NOTED': capitals, no lower-case letter and no sentence punctuation."""
    return not _NOT_IN_A_HEADING.search(line) and bool(_TWO_CAPITALS.search(line))


# Text wrapped by hand keeps its lines shorter than this; a block with a longer line is not wrapped.
_WRAP_WIDTH = 200


def _unwrapped(lines: list[str]) -> bool:
    """Whether a block's line breaks are the writer's own: no wrapping keeps lines this long, so a break
    there ends a headline or a sentence ('Northvolt in talks for USD 5 bn' above the story). Its lines stay
    one paragraph, joined by their line breaks, for the prose reader to end sentences at."""
    return len(lines) > 1 and any(len(line) > _WRAP_WIDTH for line in lines)


def markdown_paragraphs(markdown: str) -> list[str]:
    """Plain-text paragraphs of a Markdown body: links reduced to their text, headers and rules kept out."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", markdown):
        lines: list[str] = []
        block_lines = block.splitlines()
        joiner = "\n" if _unwrapped(block_lines) else " "
        for line in block_lines:
            heading = _caps_heading(line.strip())
            if (_LIST_ITEM.match(line) or heading) and lines:
                paragraphs.append(joiner.join(lines))  # each list item or heading is its own paragraph
                lines = []
            stripped = line.strip()
            if (
                not stripped
                or re.fullmatch(r"[-*_]{3,}", stripped)
                or _MD_HEADER_FIELD.match(stripped)
                or _BARE_URL_LINE.match(stripped)
                or _BOILERPLATE_LINE.match(stripped)
                or is_table_line(stripped)  # tables are read as tables
            ):
                continue
            stripped = re.sub(rf"^(?:#{{1,6}}\s+|>\s?|[-*+{_BULLETS}]\s+|\d+[.)]\s+)", "", stripped)
            lines.append(inline_text(stripped))
            if heading:
                paragraphs.append(joiner.join(lines))
                lines = []
        if lines:
            paragraphs.append(joiner.join(lines))
    return paragraphs


def text_mentions(text: str, published: date | None, prefix: str = "") -> list[DealMention]:
    """Deal mentions of a Markdown or plain-text body: rows of its pipe tables, then its prose."""
    mentions = markdown_table_mentions(text)
    for mention in mentions:
        mention.locator = prefix + mention.locator
    mentions.extend(
        extract_prose_mentions(markdown_paragraphs(text), prefix=f"{prefix}p", published=published)
    )
    date_by_covered_period(mentions, text, published)
    return resolve_short_names(mentions, text)


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
    published = _as_date(meta.get("date") or meta.get("published"))
    title = str(meta.get("subject") or meta.get("title") or "") or None
    return ParsedDocument(
        mentions=add_context(text_mentions(post.content, published), title),
        title=title,
        published=published,
    )


def _message_mentions(message: EmailMessage, published: date | None, prefix: str) -> list[DealMention]:
    part = message.get_body(preferencelist=("html", "plain"))
    if part is None:
        return []
    content = part.get_content()
    if part.get_content_type() == "text/html":
        return html_mentions(load_body(content), published, prefix)
    return text_mentions(content, published, prefix)


def _parse_message(message: EmailMessage, prefix: str) -> ParsedDocument:
    published = parse_date(str(message.get("Date", "")))
    title = str(message.get("Subject", "")) or None
    return ParsedDocument(
        mentions=add_context(_message_mentions(message, published, prefix), title),
        title=title,
        published=published,
    )


def parse_eml(body: bytes) -> ParsedDocument:
    """One newsletter issue as a single e-mail message (RFC 5322 bytes)."""
    message = email.message_from_bytes(body, policy=email.policy.default)
    return _parse_message(message, prefix="")  # type: ignore[arg-type]


def parse_mbox(path: Path) -> list[ParsedDocument]:
    """Every issue in an mbox archive, in archive order; locators are 'm[i]/p[j]/s[k]'."""
    archive = mailbox.mbox(path, factory=None, create=False)
    try:
        issues = []
        for index, key in enumerate(archive.keys()):
            checkpoint(f"m[{index}] (message {index + 1})")
            message = email.message_from_bytes(archive.get_bytes(key), policy=email.policy.default)
            issues.append(_parse_message(message, prefix=f"m[{index}]/"))  # type: ignore[arg-type]
        return issues
    finally:
        archive.close()
