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

from assets.parsing.date_phrases import MONTH

_QUOTE_OPEN = "\"“'‘"
_QUOTE_CLOSE = "\"”“'’"  # (a release may close a term with an opening mark: the “Company“)
_TERM = r"(?:Company|Corporation|Issuer)"
_QUOTED_TERM = rf"the\s*[{_QUOTE_OPEN}]{{1,2}}(?P<term>{_TERM})[{_QUOTE_CLOSE}]{{1,2}}"
# The short name a release may define beside the word ('"Quarrow" or the "Company"'): matched, not kept.
_QUOTED_SHORT = rf"[{_QUOTE_OPEN}]{{1,2}}[A-Z][\w&.-]*(?: [A-Z0-9][\w&.-]*){{0,3}}[{_QUOTE_CLOSE}]{{1,2}}"
# The issuer's name: capitalised words, a legal form after a comma ('Spectral AI, Inc.'), and a Swedish
# '(publ)', and its listings in brackets if they come first ('(CSE: PTX) (OTCQB: PANXF, Frankfurt: 9PX)');
# then the brackets that define it, in either order ('("X" or the "Company")', '(the "Company" or "X")',
# '(the "Company")').
_NAME = (
    r"(?P<name>[A-Z][\w&.'’-]*(?:,? (?:[A-Z0-9][\w&.'’-]*|of|and|&|plc|ltd\.?|inc\.?)){0,7}?)(?: \(publ\))?"
    r"(?:\s*\([^():]{1,30}:[^()]{1,60}\)){0,3}\s*\(\s*"
)
# A UK announcement defines a group beside the company: '("KRM22", the "Company" or the "Group")'.
_OR_THE_GROUP = rf"(?:\s*,?\s*(?:or\s+)?the\s*[{_QUOTE_OPEN}]{{1,2}}Group[{_QUOTE_CLOSE}]{{1,2}})?"
_DEFINITIONS = (
    re.compile(rf"{_NAME}{_QUOTED_SHORT}\s*(?:,\s*|,?\s*or\s+){_QUOTED_TERM}{_OR_THE_GROUP}\s*\)"),
    re.compile(
        rf"{_NAME}{_QUOTED_SHORT}\s*,\s*the\s*[{_QUOTE_OPEN}]{{1,2}}Group[{_QUOTE_CLOSE}]{{1,2}}"
        rf"\s*,?\s*or\s+{_QUOTED_TERM}\s*\)"
    ),
    re.compile(rf"{_NAME}{_QUOTED_TERM}(?:\s*,?\s*or\s+(?:the\s+)?{_QUOTED_SHORT})?{_OR_THE_GROUP}\s*\)"),
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

# An offering as a clause's subject, by the name a release gives it: 'Proposed Placing and Subscription to
# raise £9.2 million', 'The Share Issue ... is expected to raise SEK 70 million'. The capitals say it is
# defined; whose it is, the words around it say (`prose`: the issuer's as the headline right below its
# definition).
_OFFERING_TERM = (
    r"(?:Placing|Subscription|Offering|Share Issue|Directed Issue|Private Placement|Retail Offer|Open Offer)"
    r"(?:(?:,\s*|\s+and\s+|\s*&\s*)(?:Placing|Subscription|Retail Offer|Open Offer|PrimaryBid Offer)){0,3}"
)
_OFFERING = rf"(?:(?:Proposed|Conditional|Firm|Oversubscribed)\s+)?{_OFFERING_TERM}"
# Only as a release writes it, defined: after 'The' or a qualifier, or two offerings together ('Subscription
# revenue rose', 'Offering a bounty, ...' are no offering).
_OFFERING_SUBJECT = re.compile(
    rf"(?:(?:The\s+)?(?:Proposed|Conditional|Firm|Oversubscribed)\s+{_OFFERING_TERM}|The\s+{_OFFERING_TERM}"
    r"|Placing(?:,\s*|\s+and\s+|\s*&\s*)(?:Subscription|Retail Offer|Open Offer))(?=\s|,|$)"
)
# An announcement's headline after the issuer's name: 'Tessa Labs plc Proposed Placing to raise £3 million'.
_OFFERING_AFTER_NAME = re.compile(rf"\s+{_OFFERING}(?:\s+to)?$")


_DATE_BEFORE = re.compile(rf"^(?:{MONTH})\.?\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\s+")


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
    # (a date may run into the name: '31 May 2024 SEEEN plc ("SEEEN", the "Group" or the "Company")')
    return Issuer(_DATE_BEFORE.sub("", found["name"]).strip(" ,"), found["term"])


def refers_to_issuer(text: str, issuer: Issuer) -> bool:
    """Whether `text` says the defined word, capitalised as defined ('the Company raised ...')."""
    return re.search(rf"\b[Tt]he {issuer.term}\b", text) is not None


def listed_issuer(text: str) -> bool:
    """Whether `text` gives a listing in brackets ('(TSXV: QRW)'): its issuer is a listed company."""
    return _LISTING.search(text) is not None


def listed_offering(text: str) -> bool:
    """Whether `text` names an offering of shares only a listed company makes ('a rights issue')."""
    return _LISTED_OFFERING.search(text) is not None


def offering_opening(text: str) -> str | None:
    """The offering `text` opens on, by the name a release defines for it ('Proposed Placing and
    Subscription' of 'Proposed Placing and Subscription to raise ...', 'The Share Issue' of 'The Share
    Issue is expected to raise ...'), or None."""
    found = _OFFERING_SUBJECT.match(text.strip())
    return found.group(0) if found else None


# The words an offering's name ends on (`_OFFERING_TERM`): a subject ending on none is not searched.
_OFFERING_LAST_WORDS = frozenset({"Placing", "Subscription", "Offering", "Issue", "Placement", "Offer"})


def without_offering(subject: str) -> str | None:
    """A subject without the offering named after the issuer ('Tessa Labs plc Proposed Placing to' ->
    'Tessa Labs plc'), or None when it ends on none."""
    words = subject.rstrip().removesuffix(" to").rsplit(None, 1)
    if not words or words[-1] not in _OFFERING_LAST_WORDS:
        return None
    found = _OFFERING_AFTER_NAME.search(subject.rstrip())
    return subject[: found.start()] if found else None
