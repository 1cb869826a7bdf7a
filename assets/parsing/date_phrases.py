"""The words a clause uses to date a deal: 'on March 3, 2026', 'on December 9', 'on Monday', 'yesterday',
'last month'.

Only the phrase is taken here, as written; `assets.normalize.dates.resolve_date` turns it into a date
against the document's publication date (and `relative_month` a month: 'late last month'). Vague phrases
('earlier this year', 'late January') are not dates.
"""

from __future__ import annotations

import re

from assets.normalize.dates import RELATIVE_MONTH
from assets.parsing.alternation import one_of

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
"""A month's name, whole or cut short, capitalised as written ('May', 'Sept.', 'November')."""
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
"""A day of the week's name, capitalised as written."""
REFERRING_SUBJECT = r"(?:it|they|the\s+(?:company|startup))\b"
"""A subject that points back to the company named before, as a sentence's opening period may run straight
into it ('In 2018 it raised'): not 'the group' or 'the firm', which may be an investor named before."""
# In order of preference: a full date, a day of a month, a weekday, a relative day. A weekday or a day of a
# month needs 'on' ('on Monday'), so that 'see you next Monday' or 'a March 6 memo' date nothing.
# Each phrase starts behind a lookahead of the characters it can start with: a search then tries the
# alternatives only where one could begin (a clause is asked for its date phrase on its way to a deal).
_PHRASES = (
    re.compile(
        rf"\b(?=[JFMASOND\d])"
        rf"(?P<phrase>{MONTH} \d{{1,2}}, \d{{4}}|\d{{1,2}} {MONTH} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?!\d)"
    ),
    re.compile(
        rf"\b[Oo]n (?:the )?(?P<phrase>{MONTH} \d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH})"
        r"(?!\d|,\s*\d{4})"
    ),
    re.compile(
        r"(?=[Oolstacdr])"
        r"(?:\b[Oo]n |\b(?=last |this past )|\b(?:said|announced|confirmed|disclosed|reported) )"
        rf"(?P<phrase>(?:last |this past )?{WEEKDAY})\b"
    ),
    re.compile(
        r"\b(?P<phrase>" + one_of("yesterday|last week|earlier today|this morning") + r")\b", re.IGNORECASE
    ),
    re.compile(r"\b(?=[tT])(?P<phrase>today)\b", re.IGNORECASE),
    # a month counted from publication, last: a day said in the same clause dates the deal more closely
    re.compile(rf"\b(?=[eElLmMtT])(?P<phrase>{RELATIVE_MONTH})\b", re.IGNORECASE),
)


def find_date_phrase(text: str) -> str | None:
    """The phrase dating the deal in `text` ('March 3, 2026', 'December 9', 'Monday', 'yesterday')."""
    for pattern in _PHRASES:
        found = pattern.search(text)
        if found:
            return found["phrase"]
    return None
