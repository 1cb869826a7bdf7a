"""Which dollar a document's bare '$' is, when its source does not say: a page's own signs.

A source's `currency` option says what its bare '$' and bare numbers mean, and wins. Without it, '$' is
the US dollar, except where the document itself shows another:
- a page on an Australian site (`.au`) writes Australian dollars as '$' ('raised $37m' on
  smartcompany.com.au is A$37m), unless it writes 'A$' or 'AUD' itself: then a bare '$' is the US dollar
  (as wire copy writes 'A$500 million ($324.90 million)');
- a company listed in Canada ('(TSX Venture: ADK)', '(TSXV:DM)', '(CBOE Canada: VERS)') reports in
  Canadian dollars, unless the text writes 'C$' or 'CAD'.
A country domain alone is no guide elsewhere: bnnbloomberg.ca runs US wire stories in US dollars.

A sum raised with no currency at all ('raised 16.5 million', 'a 200 million Series A') is in the currency
the document's other deal amounts are written in, when most of them are in one (`unmarked_currency`).
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from assets.normalize.amounts import find_money, parse_amount
from assets.parsing.releases import CANADIAN_EXCHANGES, OPENING_CHARS, TICKER

# The other dollar written with its own sign or code: the writer tells the dollars apart, '$' is US.
_AUSTRALIAN_WRITTEN = re.compile(r"(?<![A-Za-z])(?:A|AU)\$|\bAUD\b")
_CANADIAN_WRITTEN = re.compile(r"(?<![A-Za-z])(?:C|CA|CDN)\$|\bCAD\b")
# A listing on a Canadian exchange as a release gives it, in brackets after the company's name.
_CANADIAN_LISTING = re.compile(rf"\({CANADIAN_EXCHANGES}\s*:\s*{TICKER}\)")


def dollar_currency(text: str, url: str) -> str | None:
    """'AUD' or 'CAD' when the document shows its bare '$' is that dollar, else None (the US dollar)."""
    host = (urlsplit(url).hostname or "").lower()
    if host.endswith(".au") and not _AUSTRALIAN_WRITTEN.search(text):
        return "AUD"
    if _CANADIAN_LISTING.search(text, 0, OPENING_CHARS) and not _CANADIAN_WRITTEN.search(text):
        return "CAD"
    return None


def unmarked_currency(text: str) -> str | None:
    """The currency most of a document's amounts name, for its sums raised without one; None when none
    names one, or two currencies are named as often."""
    named = Counter(money.currency for money in find_money(text) if money.currency)
    ranked = named.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def names_no_currency(amount: str | None) -> bool:
    """Whether an amount as written is a sum with no currency ('16.5 million')."""
    money = parse_amount(amount).money if amount else None
    return money is not None and money.currency is None
