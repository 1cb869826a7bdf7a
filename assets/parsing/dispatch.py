"""One stored document -> its deal mentions as a frame with provenance, whatever its kind and format."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pandas as pd

from assets.parsing.decoding import decode_text
from assets.parsing.html_article import parse_article
from assets.parsing.mentions import ParsedDocument, record_id
from assets.parsing.newsletter import parse_eml, parse_markdown_issue, parse_mbox
from assets.parsing.table_export import read_table_export
from assets.sources import Source, SourceKind

EXTRACTED_COLUMNS = [
    "record_id",
    "source_id",
    "source_kind",
    "document_sha256",
    "url",
    "published_date",
    "method",
    "locator",
    "snippet",
    "company_text",
    "round_text",
    "amount_text",
    "currency_text",
    "valuation_text",
    "segment_text",
    "announced_text",
    "date_format",
    "default_currency",
    "lead_investors_text",
    "investors_text",
    "context",
]
_MENTION_TO_COLUMN = {
    "company": "company_text",
    "round": "round_text",
    "amount": "amount_text",
    "currency": "currency_text",
    "valuation": "valuation_text",
    "segment": "segment_text",
    "announced": "announced_text",
    "lead_investors": "lead_investors_text",
    "investors": "investors_text",
}


class UnsupportedDocument(ValueError):
    """The document's format is not one its source kind can hold."""


def _suffix(url: str) -> str:
    return PurePosixPath(urlsplit(url).path).suffix.lower()


def _is_html(content_type: str | None, url: str) -> bool:
    return bool(content_type and "html" in content_type.lower()) or _suffix(url) in (".html", ".htm")


def parse_stored_document(
    source: Source, url: str, content_type: str | None, body_path: Path
) -> list[ParsedDocument]:
    """Parse one stored body according to its source kind and format (an mbox holds many issues)."""
    if source.kind is SourceKind.ARTICLE:
        return [parse_article(body_path.read_bytes())]
    if source.kind is SourceKind.NEWSLETTER:
        suffix = _suffix(url)
        if suffix == ".mbox" or (content_type or "").startswith("application/mbox"):
            return parse_mbox(body_path)
        if suffix == ".eml" or (content_type or "").startswith("message/rfc822"):
            return [parse_eml(body_path.read_bytes())]
        if _is_html(content_type, url):
            return [parse_article(body_path.read_bytes())]
        return [parse_markdown_issue(decode_text(body_path.read_bytes(), content_type))]
    raise UnsupportedDocument(f"{source.kind} documents are not parsed as text documents")


def _frame_from_parsed(documents: list[ParsedDocument]) -> pd.DataFrame:
    rows = []
    for document in documents:
        for mention in document.mentions:
            row = {_MENTION_TO_COLUMN.get(k, k): v for k, v in asdict(mention).items()}
            row["method"] = str(mention.method)
            row["published_date"] = document.published
            rows.append(row)
    return pd.DataFrame(rows)


def _frame_from_table(source: Source, body_path: Path, url: str) -> pd.DataFrame:
    fmt = str(source.options.get("format") or _suffix(url).lstrip(".") or "csv")
    frame = read_table_export(body_path, fmt, dict(source.columns))
    frame = frame.rename(columns=_MENTION_TO_COLUMN)
    frame["method"] = "table_row"
    frame["locator"] = "row[" + frame.pop("row_number").astype(str) + "]"
    frame["published_date"] = None
    frame["date_format"] = source.options.get("date_format")
    frame["default_currency"] = source.options.get("currency")
    return frame


def extract_document(
    source: Source, url: str, sha256: str, content_type: str | None, body_path: Path
) -> pd.DataFrame:
    """extracted_deals rows for one stored document version (may be empty)."""
    if source.kind is SourceKind.TABLE:
        frame = _frame_from_table(source, body_path, url)
    else:
        frame = _frame_from_parsed(parse_stored_document(source, url, content_type, body_path))
    frame = frame.reindex(columns=EXTRACTED_COLUMNS)
    frame = frame.astype(object).where(frame.notna(), None)
    frame["source_id"] = source.id
    frame["source_kind"] = str(source.kind)
    frame["document_sha256"] = sha256
    frame["url"] = url
    frame["record_id"] = [
        record_id(source.id, sha256, method, locator)
        for method, locator in zip(frame["method"], frame["locator"], strict=True)
    ]
    return frame
