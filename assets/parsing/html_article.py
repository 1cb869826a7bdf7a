"""HTML article pages -> title, publication date, and deal mentions from tables and prose."""

from __future__ import annotations

import re
from datetime import date

from lxml import etree, html

from assets.normalize.dates import parse_date
from assets.parsing.budget import checkpoint
from assets.parsing.denials import without_denied_reports
from assets.parsing.html_tables import extract_table_mentions
from assets.parsing.mentions import DealMention, ParsedDocument, add_context
from assets.parsing.prose import date_by_covered_period, extract_prose_mentions, resolve_short_names
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
# 'Published: 2026-05-11', 'Posted on March 3, 2026', or a saved page's heading 'date 2024-01-16'.
_PUBLISHED_TEXT = re.compile(
    r"(?:\b(?:Published|Posted|Updated)(?: on)?:?|^\s*[Dd]ate:?)\s+"
    r"([A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|\d{4}-\d{2}-\d{2})"
)
# Page furniture whose text is never article prose.
# A page's chrome. A header inside the article (its title and lede) is the article's; a form holding the
# article, or most of the page's text, is the page (ASP.NET wraps every page in one): dropping them
# lost whole pages without an error.
_BOILERPLATE = (
    "//script|//style|//noscript|//nav|//footer|//aside|//template"
    "|//header[not(ancestor::article or ancestor::main)]"
    # readers' comments under a story ('I think Beta raised $100 million')
    "|//*[self::div or self::section or self::ol or self::ul or self::aside][contains(@class, 'comment')"
    " or contains(@id, 'comment')]"
    "|//form[not(.//article or .//main) and string-length(normalize-space(.)) * 2"
    " <= string-length(normalize-space(/html/body))]"
)


def _published(tree: html.HtmlElement) -> date | None:
    for xpath in _PUBLISHED_META:
        for value in tree.xpath(xpath):
            found = parse_date(str(value))
            if found:
                return found
    # itertext with separators: text_content() glues blocks together ('roundupPublished on ...').
    return published_in_text(" ".join(tree.itertext()))


def published_in_text(text: str) -> date | None:
    """The date of a 'Published: 2026-05-11' / 'Posted on March 3, 2026' line in page text."""
    match = _PUBLISHED_TEXT.search(clean_space(text))
    return parse_date(match.group(1)) if match else None


def _title(tree: html.HtmlElement) -> str | None:
    for xpath in ("//meta[@property='og:title']/@content", "//title/text()", "//h1//text()"):
        values = [clean_space(str(v)) for v in tree.xpath(xpath)]
        if any(values):
            return next(v for v in values if v)
    return None


def load_html(body: bytes | str) -> html.HtmlElement:
    """Parse an HTML document; the parser honours a `<meta charset>` when given bytes. `huge_tree`: past
    about 256 levels of nesting (300 unclosed `<font>` tags, as old pages have) libxml2 stopped reading,
    and the rest of the page, deals included, was lost without an error. Bodies are capped at 5 MB."""
    parser = html.HTMLParser(remove_comments=True, no_network=True, huge_tree=True)
    tree = html.document_fromstring(body, parser=parser)
    # Past libxml2's limits even then (2,048 levels), the parser stops where it is and says so only in its
    # log: the page would read as parsed, with no deal and no error.
    limits = [entry.message for entry in parser.error_log if entry.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:
        limit = limits[0].split(",")[0]  # 'Excessive depth in document: 2048'
        raise PageTooDeep(f"the page is nested past what libxml2 reads ({limit}): the rest was not read")
    return tree


class PageTooDeep(ValueError):
    """A page nested deeper than libxml2 reads (2,048 levels): the rest of it would be lost unseen."""


# Blocks read whole as one paragraph (unless they hold paragraphs or list items of their own).
_PROSE_BLOCKS = ("p", "li", "blockquote", "h2", "h3", "figcaption")
# Elements that start a new block of text: what is written loose inside them between two of them is a
# paragraph of its own ('<div>Quenby raised $5M.</div>', a table cell of an HTML e-mail, bare body text).
_BLOCK_TAGS = frozenset(
    {*_PROSE_BLOCKS, "div", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "section", "article",
     "main", "body", "pre", "dd", "dt", "dl", "ul", "ol", "h1", "h4", "h5", "h6", "center", "address",
     "figure", "fieldset", "details", "summary", "header", "caption", "hr"}
)  # fmt: skip


_LINE_BREAK = "\u2028"
"""What a `<br>` becomes while a block's text is gathered (a source's own newlines are spaces)."""


def prose_paragraphs(
    root: html.HtmlElement, deal_tables: frozenset[html.HtmlElement] | None = None
) -> list[str]:
    """Text blocks of the article body, in document order, outside deal tables: each prose block (a
    paragraph, a list item, a quote, a heading) whole, and the text written loose in any other block
    (a `<div>`, a table cell, `<article>`, the body itself), up to the next block, with `<br>` kept as a
    line break. HTML e-mails and many sites write their text that way, and feeds' plain-text entries are
    wrapped in a `<div>`: reading only `<p>` lost them without an error.

    `deal_tables` are read as tables; other tables are layout (HTML e-mails put the whole issue in one)
    and their text is prose. Without `deal_tables`, every table is left out.
    """
    blocks: list[str] = []
    run: list[str] = []

    def flush() -> None:
        # (a line break in the source is a space, as a browser shows it; only `<br>` breaks a line)
        lines = (clean_space(line) for line in "".join(run).split(_LINE_BREAK))
        text = "\n".join(line for line in lines if line)
        if text:
            blocks.append(text)
        run.clear()

    # One walk in document order (lxml's, not Python recursion: pages nest up to 2,048 levels).
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""  # (comments and processing instructions)
        block = tag in _BLOCK_TAGS
        if event == "start":
            if tag == "h1" or (tag == "table" and (deal_tables is None or element in deal_tables)):
                # (a deal table is read as a table; the title, h1, is the page's title, read as such)
                flush()
                walker.skip_subtree()  # (the end event adds its tail)
                continue
            if block:
                flush()
            if tag in _PROSE_BLOCKS and next(element.iterdescendants("p", "li"), None) is None:
                run.append(element.text_content())
                walker.skip_subtree()
                continue
            if tag == "br":
                run.append(_LINE_BREAK)
            elif tag:
                run.append(element.text or "")
        else:
            if block:
                flush()
            if element is not root:
                run.append(element.tail or "")
    flush()
    return blocks


def html_mentions(
    tree: html.HtmlElement, published: date | None, prefix: str = "", title: str | None = None
) -> list[DealMention]:
    """Deal mentions of an HTML body without its boilerplate: every deal table's rows, then the prose.
    Those that state no date of their own take the period the page's title and lede say it covers
    (`covered_period`), as a plain-text round-up's do.

    `prefix` goes before every locator ('m[2]/' for the third message of an mbox).
    """
    roots = tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree]
    mentions: list[DealMention] = []
    deal_tables = []
    for table_index, table in enumerate(t for root in roots for t in root.xpath(".//table")):
        checkpoint(f"{prefix}table[{table_index}]")
        rows = extract_table_mentions(table, table_index)
        for mention in rows:
            mention.locator = prefix + mention.locator
        if rows:
            deal_tables.append(table)
        mentions.extend(rows)
    paragraphs = [p for root in roots for p in prose_paragraphs(root, frozenset(deal_tables))]
    mentions.extend(extract_prose_mentions(paragraphs, prefix=f"{prefix}p", published=published))
    date_by_covered_period(mentions, "\n".join([title or "", *paragraphs[:3]]).lstrip(), published)
    text = "\n".join(paragraphs)
    return without_denied_reports(resolve_short_names(mentions, text), text)


def parse_article(body: bytes | str, known_date: date | None = None) -> ParsedDocument:
    """Deal mentions from an article page: every deal table's rows, then every prose sentence.

    `known_date` (a feed entry's or the URL's date) dates the prose when the page states no date."""
    tree = load_html(body)
    published, title = _published(tree), _title(tree)
    for element in tree.xpath(_BOILERPLATE):
        element.drop_tree()
    mentions = add_context(html_mentions(tree, published or known_date, title=title), title)
    return ParsedDocument(mentions=mentions, title=title, published=published)


def load_body(body: bytes | str) -> html.HtmlElement:
    """An HTML fragment or document (an e-mail part) parsed, with its boilerplate removed."""
    tree = load_html(body)
    for element in tree.xpath(_BOILERPLATE):
        element.drop_tree()
    return tree
