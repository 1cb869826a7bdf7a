"""HTML article pages -> title, publication date, and deal mentions from tables and prose."""

from __future__ import annotations

import re
from datetime import date

from lxml import etree, html

from assets.normalize.dates import parse_date
from assets.parsing.html_tables import extract_table_mentions
from assets.parsing.mentions import ParsedDocument
from assets.parsing.prose import extract_prose_mentions
from schemas.text import clean_space

_PUBLISHED_META = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='date']/@content",
    "//meta[@name='dc.date']/@content",
    "//meta[@name='pubdate']/@content",
    "//time[@datetime]/@datetime",
)
_PUBLISHED_TEXT = re.compile(
    r"\b(?:Published|Posted|Updated)(?: on)?:?\s+"
    r"([A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|\d{4}-\d{2}-\d{2})"
)
# Page furniture whose text is never article prose.
_BOILERPLATE = "//script|//style|//noscript|//nav|//footer|//header|//aside|//form|//template"
_PROSE_BLOCKS = ".//p|.//li|.//blockquote|.//h2|.//h3|.//figcaption"


def _published(tree: html.HtmlElement) -> date | None:
    for xpath in _PUBLISHED_META:
        for value in tree.xpath(xpath):
            found = parse_date(str(value))
            if found:
                return found
    # itertext with separators: text_content() glues blocks together ('roundupPublished on ...').
    match = _PUBLISHED_TEXT.search(clean_space(" ".join(tree.itertext())))
    return parse_date(match.group(1)) if match else None


def _title(tree: html.HtmlElement) -> str | None:
    for xpath in ("//meta[@property='og:title']/@content", "//title/text()", "//h1//text()"):
        values = [clean_space(str(v)) for v in tree.xpath(xpath)]
        if any(values):
            return next(v for v in values if v)
    return None


def load_html(body: bytes | str) -> html.HtmlElement:
    """Parse an HTML document; the parser honours a `<meta charset>` when given bytes."""
    parser = html.HTMLParser(remove_comments=True, no_network=True)
    return html.document_fromstring(body, parser=parser)


def prose_paragraphs(root: html.HtmlElement) -> list[str]:
    """Text blocks of the article body, outside tables, in document order."""
    blocks = []
    for element in root.xpath(_PROSE_BLOCKS):
        if element.xpath("ancestor::table") or element.xpath(".//p|.//li"):
            continue  # table cells are read as tables; containers are read through their children
        text = clean_space(element.text_content())
        if text:
            blocks.append(text)
    return blocks


def parse_article(body: bytes | str) -> ParsedDocument:
    """Deal mentions from an article page: every deal table's rows, then every prose sentence."""
    tree = load_html(body)
    published, title = _published(tree), _title(tree)
    for element in tree.xpath(_BOILERPLATE):
        element.drop_tree()
    roots = tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree]
    mentions = []
    for table_index, table in enumerate(t for root in roots for t in root.xpath(".//table")):
        mentions.extend(extract_table_mentions(table, table_index))
    paragraphs = [p for root in roots for p in prose_paragraphs(root)]
    mentions.extend(extract_prose_mentions(paragraphs))
    return ParsedDocument(mentions=mentions, title=title, published=published)


def html_to_text(body: bytes | str) -> str:
    """Readable text of an HTML fragment (used for HTML e-mail parts)."""
    tree = load_html(body)
    for element in tree.xpath(_BOILERPLATE):
        element.drop_tree()
    return "\n\n".join(prose_paragraphs(tree)) or clean_space(
        etree.tostring(tree, method="text", encoding="unicode")
    )
