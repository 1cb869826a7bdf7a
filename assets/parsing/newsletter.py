"""Newsletter issues -> title, publication date and the deal mentions in their prose and tables.

Three formats: Markdown with YAML front matter (`date`, `subject`/`title`, `source_url`), single e-mails
(`.eml`) and mail archives (`.mbox`) read with the standard library's `email`, HTML or plain
text parts, any transfer encoding. Markdown and plain-text bodies may hold pipe tables; HTML bodies are read
like article pages (deal tables as tables, layout tables as prose).
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from datetime import date, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import BinaryIO

import frontmatter
import yaml

from assets.normalize.dates import parse_date
from assets.parsing.budget import checkpoint
from assets.parsing.decoding import decode_text
from assets.parsing.denials import without_denied_reports
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


# The dot of an abbreviation of single capitals ('U.S.', 'U.K.') ends no sentence: a press release's legend
# ('NOT FOR DISTRIBUTION TO U.S. NEWSWIRE SERVICES ...') is such a line above its dateline. ('QUILLON
# INC.' may open a headline that the next line goes on with.)
_CAPITAL_DOT = re.compile(r"(?<=\b[A-Z])\.(?=[A-Z]\.|\s|$)|(?<=\b[A-Z]\.[A-Z])\.")


def _caps_heading(line: str) -> bool:
    """'STORAGE', 'ALSO NOTED': capitals, no lower-case letter and no sentence punctuation."""
    return not _NOT_IN_A_HEADING.search(_CAPITAL_DOT.sub("", line)) and bool(_TWO_CAPITALS.search(line))


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
            ):
                continue
            if is_table_line(stripped):  # tables are read as tables, but for the prose a layout puts in one
                paragraphs.extend(_prose_cells(stripped))
                continue
            stripped = re.sub(rf"^(?:#{{1,6}}\s+|>\s?|[-*+{_BULLETS}]\s+|\d+[.)]\s+)", "", stripped)
            lines.append(inline_text(stripped))
            if heading:
                paragraphs.append(joiner.join(lines))
                lines = []
        if lines:
            paragraphs.append(joiner.join(lines))
    return paragraphs


# A cell of running prose: long, with a sentence ending in it. A page laid out as a table (an email
# newsletter's columns, flattened to one line of pipes) puts its whole story in such a cell, and a table
# of events tells each in a sentence or two.
_PROSE_CELL_CHARS = 100
_SENTENCE_INSIDE = re.compile(r"[a-z0-9)%][.!?][\"”’]?(?:\s|$)")


def _prose_cells(line: str) -> list[str]:
    """The cells of a table line that are running prose, each as a paragraph (a deal table's cells, a
    company's name or a one-line description, are none)."""
    return [
        inline_text(cell.strip())
        for cell in line.split("|")
        if len(cell) >= _PROSE_CELL_CHARS and _SENTENCE_INSIDE.search(cell)
    ]


def text_mentions(text: str, published: date | None, prefix: str = "") -> list[DealMention]:
    """Deal mentions of a Markdown or plain-text body: rows of its pipe tables, then its prose."""
    mentions = markdown_table_mentions(text)
    for mention in mentions:
        mention.locator = prefix + mention.locator
    mentions.extend(
        extract_prose_mentions(markdown_paragraphs(text), prefix=f"{prefix}p", published=published)
    )
    date_by_covered_period(mentions, text, published)
    return without_denied_reports(resolve_short_names(mentions, text), text)


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(str(value)) if value else None


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without aliases: front matter never needs one, and nine nested aliases in 500 bytes expanded to
    gigabytes (a 'billion laughs' document took 11.5 GB before failing)."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "front matter uses a YAML alias (*name): refused", self.peek_event().start_mark
            )
        return super().compose_node(parent, index)


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """A YAML date as a date, and one that is no date ('2026-13-45') as its text: constructing it failed
    the whole issue; `_as_date` then reads the text, and finds no date in it."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


class _FrontMatter(frontmatter.YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> object:
        return yaml.load(fm, Loader=_NoAliasLoader)  # a SafeLoader, without aliases


def parse_markdown_issue(text: str) -> ParsedDocument:
    """One newsletter issue written as Markdown with YAML front matter."""
    post = frontmatter.loads(text, handler=_FrontMatter())
    meta = post.metadata
    published = _as_date(meta.get("date") or meta.get("published"))
    title = str(meta.get("subject") or meta.get("title") or "") or None
    return ParsedDocument(
        mentions=add_context(text_mentions(post.content, published), title),
        title=title,
        published=published,
    )


def _part_text(part: EmailMessage) -> str:
    """A text part's content; in a charset Python does not know ('x-unknown'), or one its bytes do not
    fit, the bytes are decoded as any document's are (`decoding.decode_text`) rather than the issue lost."""
    try:
        return part.get_content()
    except (LookupError, UnicodeError):
        payload = part.get_payload(decode=True) or b""
        return decode_text(payload, html=part.get_content_type() == "text/html")


def _forwarded(message: EmailMessage) -> list[EmailMessage]:
    """The messages attached whole to `message` (message/rfc822): a forwarded issue."""
    attached = [p.get_payload(0) for p in message.iter_parts() if p.get_content_type() == "message/rfc822"]
    if message.get_content_type() == "message/rfc822":
        attached.append(message.get_payload(0))
    return [inner for inner in attached if isinstance(inner, EmailMessage)]


def _message_mentions(message: EmailMessage, published: date | None, prefix: str) -> list[DealMention]:
    """The deals of a message's body, then of each message forwarded in it (its locators 'fwd[i]/...'):
    a forwarded issue's deals are in the attached message, and the forwarding note has none."""
    mentions: list[DealMention] = []
    part = message.get_body(preferencelist=("html", "plain"))
    if part is not None:
        content = _part_text(part)
        if part.get_content_type() == "text/html":
            mentions = html_mentions(load_body(content), published, prefix)
        else:
            mentions = text_mentions(content, published, prefix)
    for index, inner in enumerate(_forwarded(message)):
        mentions += _message_mentions(inner, published, f"{prefix}fwd[{index}]/")
    return mentions


def _parse_message(message: EmailMessage, prefix: str) -> ParsedDocument:
    published = parse_date(str(message.get("Date", "")))
    title = str(message.get("Subject", "")) or None
    return ParsedDocument(
        mentions=add_context(_message_mentions(message, published, prefix), title),
        title=title,
        published=published,
    )


# The standard library parses a header's parameters and encoded words in time that grows with the square of
# their number: one Content-Type of 50,000 parameters (0.9 MB) took 404 s, past any parse budget and on
# every run. The headers it parses (the content ones, Subject, Date), in the message or in any of its
# parts, are bounded; the others are never parsed (an honest To: of 4,000 readers is 95 KB).
MAX_HEADER_BYTES = 64 * 1024
_HEADER_NAME = re.compile(rb"([!-9;-~]+):")
_PARSED_HEADER = re.compile(rb"content-[a-z-]+|subject|date", re.IGNORECASE)


class OversizedHeader(ValueError):
    """A parsed message header longer than `MAX_HEADER_BYTES`, unfolded."""


def _check_headers(raw: bytes) -> None:
    """An `OversizedHeader` naming the header when one the library parses, its folded lines joined, passes
    the bound: in the message's header block, or in a MIME part's (after a boundary line)."""
    in_headers, name, size = True, b"", 0
    for line in raw.splitlines():
        if not line.strip():
            in_headers, name, size = False, b"", 0
            continue
        if not in_headers:
            in_headers = line.startswith(b"--")  # a MIME boundary: the part's headers follow
            continue
        if line[:1] in (b" ", b"\t"):  # a folded line continues the header above it
            size += len(line)
        else:
            match = _HEADER_NAME.match(line)
            name, size = (match.group(1) if match else b""), len(line)
        if size > MAX_HEADER_BYTES and _PARSED_HEADER.fullmatch(name):
            header = name.decode("ascii", "replace")
            raise OversizedHeader(
                f"the message's {header} header is over {MAX_HEADER_BYTES // 1024} KB: refused (reading "
                "it would take minutes)"
            )


def _message(raw: bytes) -> EmailMessage:
    _check_headers(raw)
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


def parse_eml(body: bytes) -> ParsedDocument:
    """One newsletter issue as a single e-mail message (RFC 5322 bytes)."""
    return _parse_message(_message(body), prefix="")


def parse_mbox(path: Path) -> list[ParsedDocument]:
    """Every issue in an mbox archive, in archive order; locators are 'm[i]/p[j]/s[k]'."""
    issues = []
    with path.open("rb") as archive:
        for index, raw in enumerate(mbox_messages(archive)):
            checkpoint(f"m[{index}] (message {index + 1})")
            issues.append(_parse_message(_message(raw), prefix=f"m[{index}]/"))
    return issues


# A From_ line as mail programs write it (RFC 4155 and its variants) holds a time to the second and a
# year: 'From news@orrin.example Tue Mar  3 08:00:00 2026', '... 08:00:00 +0000 2026' (Google Takeout),
# '... 2026 +0100', '... 2026 remote from x' (qmail), 'From  Tue Mar 3 ...' (no sender), '... 08:00:00
# 26'. (Prose gives no seconds: 'From 9:00 to 17:30 CET, demo day 2026' stays in its issue.)
_FROM_TIME = re.compile(rb"\b\d{1,2}:\d{2}:\d{2}\b")
_FROM_YEAR = re.compile(rb"\b(?:19|20)\d{2}\b|\b\d{2}\s*$")
# Or the sender alone ('From news@orrin.example') after a blank line, with a header right below it: a
# header's name, a colon and a space ('Subject: ...'; not 'https://...' nor 'TL;DR: ...').
_HEADER_LINE = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:[ \t]")
_QUOTED_FROM = re.compile(rb">+From ")
_BYTE_ORDER_MARK = b"\xef\xbb\xbf"


def mbox_messages(archive: BinaryIO) -> Iterator[bytes]:
    """The messages of an mbox archive, one at a time, each as RFC 5322 bytes without its From_ line and
    with '>From ' lines unquoted.

    `mailbox.mbox` opens a message at any line that starts 'From ', so a body line an archiver left
    unquoted ('From the editor: Lumio raised $3 million') was dropped as a separator, and the rest of the
    issue read as a message of its own, undated. Here a message opens only at a From_ line as mail
    programs write it (`_is_from_line`); text before the first is a message too. Read line by line: the
    memory held is one message."""
    current, has_text, after_blank = bytearray(), False, True
    lines = iter(archive)
    line = next(lines, None)
    if line is not None and b"\r" in line.rstrip(b"\r\n"):
        # lines ended by CR alone (a classic Mac archive): the whole file came as one line
        whole = (line + b"".join(lines)).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        lines = iter(whole.splitlines(keepends=True))
        line = next(lines, None)
    if line is not None and line.startswith(_BYTE_ORDER_MARK):
        line = line[len(_BYTE_ORDER_MARK) :]
    while line is not None:
        following = next(lines, None)
        if line.startswith(b"From ") and _is_from_line(line, after_blank, following or b""):
            if has_text:
                yield bytes(current)
            current, has_text = bytearray(), False
        else:
            current += line[1:] if _QUOTED_FROM.match(line) else line
            has_text = has_text or bool(line.strip())
        after_blank = not line.strip()
        line = following
    if has_text:
        yield bytes(current)


def _is_from_line(line: bytes, after_blank: bool, following: bytes) -> bool:
    if _FROM_TIME.search(line) and _FROM_YEAR.search(line):
        return True
    return after_blank and len(line.split()) == 2 and bool(_HEADER_LINE.match(following))
