"""What a listed company's press release says about itself, once, at its opening.

A release names its issuer in full and defines the word it then uses for it ('Quarrow Mining Inc.
("Quarrow" or the "Company") (TSXV: QRW)'); from there on "the Company" is that issuer, whichever other
company a sentence names before it (an investor, a buyer of shares). The ticker in brackets says the
issuer is listed, and the shares a listed company sells (a private placement, a rights issue, a placing)
are a post-IPO round: a private company's "private placement" is not.

Only the defined word with its capital ('the Company', 'the Corporation') points at the issuer; a story's
lower-case 'the company' is whoever the story was last about (`prose`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_QUOTE_OPEN = "\"“'‘"
_QUOTE_CLOSE = "\"”'’"
_TERM = r"(?:Company|Corporation|Issuer)"
_QUOTED_TERM = rf"the\s*[{_QUOTE_OPEN}]{{1,2}}(?P<term>{_TERM})[{_QUOTE_CLOSE}]{{1,2}}"
# The short name a release may define beside the word ('"Quarrow" or the "Company"'): matched, not kept.
_QUOTED_SHORT = rf"[{_QUOTE_OPEN}]{{1,2}}[A-Z][\w&.-]*(?: [A-Z0-9][\w&.-]*){{0,3}}[{_QUOTE_CLOSE}]{{1,2}}"
# The issuer's name: capitalised words, a legal form after a comma ('Spectral AI, Inc.'), and a Swedish
# '(publ)'; then the brackets that define it, in either order ('("X" or the "Company")', '(the "Company" or
# "X")', '(the "Company")').
_NAME = r"(?P<name>[A-Z][\w&.'’-]*(?:,? (?:[A-Z0-9][\w&.'’-]*|of|and|&)){0,7}?)(?: \(publ\))?\s*\(\s*"
_DEFINITIONS = (
    re.compile(rf"{_NAME}{_QUOTED_SHORT}\s*,?\s*or\s+{_QUOTED_TERM}\s*\)"),
    re.compile(rf"{_NAME}{_QUOTED_TERM}(?:\s*,?\s*or\s+(?:the\s+)?{_QUOTED_SHORT})?\s*\)"),
)
# A listing as a release gives it, in brackets after the issuer's name: '(TSX Venture: QRW)', '(Nasdaq:
# SRVK)', '(AIM: PLM)', '(NYSE:HLD)', '(CBOE Canada: VERS)'.
CANADIAN_EXCHANGES = r"(?:TSX(?:V|-V| Venture(?: Exchange)?)?|CSE|NEO|Cboe Canada|CBOE Canada)"
"""Canadian stock exchanges as a listing names them in brackets ('(TSX Venture: ADK)')."""
EXCHANGES = (
    rf"(?:{CANADIAN_EXCHANGES}|Nasdaq|NASDAQ|NYSE"
    r"(?: American| Arca)?|AIM|ASX|LSE|OTCQB|OTCQX|OTC|TASE|SGX|HKEX|Euronext(?: [A-Z][a-z]+)?"
    r"|Nasdaq (?:Stockholm|First North|Helsinki|Copenhagen)|First North|Spotlight|Oslo B[øo]rs)"
)
"""Stock exchanges as a listing names them in brackets ('(ASX: IG6)')."""
TICKER = r"[A-Z][A-Z0-9.]{0,6}"
"""A ticker as a listing gives it after its exchange ('IG6', 'BRK.B')."""
OTHER_LISTINGS = rf"(?:\s*[;,]\s*{EXCHANGES}\s*:\s*{TICKER})*"
"""More listings in the same brackets: '(TSXV: NEXG; OTCQX: NXGCF)'."""
_LISTING = re.compile(rf"\({EXCHANGES}\s*:\s*{TICKER}{OTHER_LISTINGS}\)")
OPENING_CHARS = 3000
"""Where a release defines its issuer and states its listing: its opening, in characters."""
# Offerings of shares only a listed company makes, said without a round of their own.
_LISTED_OFFERING = re.compile(
    r"\b(?:(?:non-)?brokered\s+)?(?:private placements?|rights issues?|directed (?:share )?issues?"
    r"|placing(?: and| &) (?:subscription|retail offer)|placings?\b|bought deal|registered direct"
    r"|share issues?|offering of units|unit offering|public offering(?! of (?:its|the) initial))",
    re.IGNORECASE,
)


class Issuer(NamedTuple):
    """The company a release is about: its full name and the word it defines for it ('Company')."""

    name: str
    term: str


def issuer_definition(text: str) -> Issuer | None:
    """The issuer `text` defines as 'the Company' (or 'Corporation', 'Issuer'), else None."""
    if "Company" not in text and "Corporation" not in text and "Issuer" not in text:
        return None
    matches = [found for pattern in _DEFINITIONS if (found := pattern.search(text))]
    if not matches:
        return None
    found = min(matches, key=lambda match: match.start())
    return Issuer(found["name"].strip(" ,"), found["term"])


def refers_to_issuer(text: str, issuer: Issuer) -> bool:
    """Whether `text` says the defined word, capitalised as defined ('the Company raised ...')."""
    return re.search(rf"\b[Tt]he {issuer.term}\b", text) is not None


def listed_issuer(text: str) -> bool:
    """Whether `text` gives a listing in brackets ('(TSXV: QRW)'): its issuer is a listed company."""
    return _LISTING.search(text) is not None


def listed_offering(text: str) -> bool:
    """Whether `text` names an offering of shares only a listed company makes ('a rights issue')."""
    return _LISTED_OFFERING.search(text) is not None
