"""Which dollar a document's bare '$' is, when its source does not say: a page's own signs.

A source's `currency` option says what its bare '$' and bare numbers mean, and wins. Without it, '$' is
the US dollar, except where the document itself shows another:
- a page on an Australian site (`.au`) writes Australian dollars as '$' ('raised $37m' on
  smartcompany.com.au is A$37m), unless it writes 'A$' or 'AUD' itself: then a bare '$' is the US dollar
  (as wire copy writes 'A$500 million ($324.90 million)'); nor does one that names the United States and
  Australia never (US news retold);
- a company listed in Canada ('(TSX Venture: ADK)', '(TSXV:DM)', '(CBOE Canada: VERS)') reports in
  Canadian dollars, unless the text writes 'C$' or 'CAD'.
- a page that tells Australian or Canadian news (it names the country, its cities or its exchange three
  times or more and the United States never) writes that country's dollar as '$', as the outlets of
  either country do, unless it writes 'A$' or 'C$' itself.
A country domain alone is no guide elsewhere: bnnbloomberg.ca runs US wire stories in US dollars.

A sum raised with no currency at all ('raised 16.5 million', 'a 200 million Series A') is in the currency
the document's other deal amounts are written in, when most of them are in one (`unmarked_currency`).
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from assets.normalize.amounts import find_money, parse_amount
from assets.parsing.alternation import one_of
from assets.parsing.releases import CANADIAN_EXCHANGES, OPENING_CHARS, OTHER_LISTINGS, TICKER

# The other dollar written with its own sign or code: the writer tells the dollars apart, '$' is US.
_AUSTRALIAN_WRITTEN = re.compile(r"(?<![A-Za-z])(?:A|AU)\$|\bAUD\b")
_CANADIAN_WRITTEN = re.compile(r"(?<![A-Za-z])(?:C|CA|CDN)\$|\bCAD\b")
# A listing on a Canadian exchange as a release gives it, in brackets after the company's name.
_CANADIAN_LISTING = re.compile(rf"\({CANADIAN_EXCHANGES}\s*:\s*{TICKER}{OTHER_LISTINGS}\)")


# Where a page's story is: the country's name, its people, its largest cities, its exchange. A page that
# names one of these countries three times or more and the United States never is that country's own news.
_NAMES_AUSTRALIA = re.compile(
    r"\b"
    + one_of(
        r"Australia|Australians?|Aussie|Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra|Queensland|ASX"
    )
    + r"\b"
)
_NAMES_CANADA = re.compile(
    r"\b"
    + one_of(
        r"Canada|Canadians?|Toronto|Montr[eé]al|Vancouver|Ottawa|Calgary|Waterloo|Qu[eé]bec|Ontario|Alberta|TSX"
    )
    + r"\b"
)
_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho"
    "|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota"
    "|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York"
    "|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina"
    "|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
_NAMES_US = re.compile(
    r"\b"
    + one_of(
        r"U\.S\.|US|USA|United States|Americans?|Silicon Valley|San Francisco|Boston|Seattle|Nasdaq|NYSE"
        r"|Chicago|Austin|Los Angeles|NYC|Denver|Atlanta|Miami|Palo Alto|Menlo Park|Mountain View|Wall Street"
        r"|Fla\.|Calif\.|Mass\.|Wash\."
        rf"|{_US_STATES}"
    )
    + r"(?!\w)"
)
# Where a company is based, said before '-based' ('London-based Quillpay ... expands into Australia').
_BASED_IN = re.compile(r"\b([A-Z][\w.'’]*(?:,?\s[A-Z][\w.'’]*){0,2})-based\b")
# (twice is not enough: 'the Toronto-based AI startup' in a Reuters story, 'Toronto, Canada-based' for an
# investor of a company in Wyoming)
_TIMES_NAMED = 3


def dollar_currency(text: str, url: str) -> str | None:
    """'AUD' or 'CAD' when the document shows its bare '$' is that dollar, else None (the US dollar)."""
    host = (urlsplit(url).hostname or "").lower()
    if host.endswith(".au") and not _AUSTRALIAN_WRITTEN.search(text) and not _us_news_only(text):
        return "AUD"
    if _CANADIAN_LISTING.search(text, 0, OPENING_CHARS) and not _CANADIAN_WRITTEN.search(text):
        return "CAD"
    return _home_dollar(text)


def _us_news_only(text: str) -> bool:
    """Whether a page names the United States (a state, a city) and Australia never: an Australian site
    retelling US news ('the $600 million round that Isomorphic Labs raised', from a US report) writes
    its dollars."""
    return bool(_NAMES_US.search(text)) and not _NAMES_AUSTRALIA.search(text)


def _home_dollar(text: str) -> str | None:
    """'AUD' or 'CAD' for a page that tells Australian or Canadian news: it names the country (its cities,
    its exchange) three times or more, the United States (a state, a city) never and the other country
    less often, writes no 'A$' or 'C$' itself (a writer who does tells the dollars apart), and says of no
    company that it is based outside the country."""
    if "$" not in text:
        return None
    australia, canada = len(_NAMES_AUSTRALIA.findall(text)), len(_NAMES_CANADA.findall(text))
    if max(australia, canada) < _TIMES_NAMED or _NAMES_US.search(text):  # (the US names cost most)
        return None
    if australia >= max(_TIMES_NAMED, canada + 1) and not _AUSTRALIAN_WRITTEN.search(text):
        home, names = "AUD", _NAMES_AUSTRALIA
    elif canada >= max(_TIMES_NAMED, australia + 1) and not _CANADIAN_WRITTEN.search(text):
        home, names = "CAD", _NAMES_CANADA
    else:
        return None
    # a company based elsewhere ('Singapore-based Lumina Pay ... launches in Australia'): its own dollar
    # is not the country's the story names ('Sydney-based', 'Melbourne, Victoria-based' are at home)
    based = (found.group(1) for found in _BASED_IN.finditer(text))
    return None if any(not names.search(place) for place in based) else home


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
