"""Markdown inline markup removed: links and images reduced to their text, emphasis and code marks dropped.

'**Acme** raised [$5M](https://example.org/acme) in `seed`' -> 'Acme raised $5M in seed'.

What goes is exactly what `re.sub` removes with these two patterns, links first:

    !?\\[([^\\]]*)\\]\\([^)]*\\)                  a link or an image -> its text
    (\\*\\*|__|\\*|_|`)(?=\\S)(.+?)(?<=\\S)\\1     emphasis or code   -> what it marks

Run as patterns, each mark that is never closed reads the rest of the line looking for its closing
mark: quadratic on a long line of marks (a page saved as one line of 5 MB never finishes). Here each mark
looks its closing mark up in a sorted list of the candidates, so a line is read in n log n time.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_MARK_START = re.compile(r"[*_`]")
# The marks that can start with each character, in the alternation's order: '**' is tried before '*'.
_MARKS_AT = {"*": ("**", "*"), "_": ("__", "_"), "`": ("`",)}
# A mark closes where it follows a character that is not a space.
_CLOSING = {
    mark: re.compile(rf"(?<=\S)(?={re.escape(mark)})") for marks in _MARKS_AT.values() for mark in marks
}


def _starts(text: str, literal: str) -> list[int]:
    """Every index where `literal` starts, overlapping ones included ('***' holds '**' at 0 and 1)."""
    return [found.start() for found in re.finditer(f"(?={re.escape(literal)})", text)]


def strip_links(text: str) -> str:
    """'[Acme](https://...)' -> 'Acme' and '![logo](logo.png)' -> 'logo'."""
    if "[" not in text:
        return text  # (most paragraphs: no link to look for the closing brackets of)
    closing_brackets, closing_parens = _starts(text, "]"), _starts(text, ")")
    kept: list[str] = []
    position = 0
    opening = text.find("[")
    while opening >= 0:
        # The text runs to the first ']' after '[' (it may hold '[' but not ']'); '(' must follow it, and
        # the target runs to the first ')' after that.
        bracket = bisect_left(closing_brackets, opening + 1)
        if bracket == len(closing_brackets):
            break  # no ']' after this '[', nor after any later one
        close = closing_brackets[bracket]
        if text[close + 1 : close + 2] == "(":
            paren = bisect_left(closing_parens, close + 2)
            if paren == len(closing_parens):
                break  # no ')' after this '(', nor after any later one
            start = opening - 1 if opening - 1 >= position and text[opening - 1] == "!" else opening
            kept += [text[position:start], text[opening + 1 : close]]
            position = closing_parens[paren] + 1
            opening = text.find("[", position)
        else:
            opening = text.find("[", opening + 1)
    kept.append(text[position:])
    return "".join(kept)


def strip_emphasis(text: str) -> str:
    """'**Acme**', '__Acme__', '*Acme*', '_Acme_' and '`Acme`' -> 'Acme' (the marks hug the text)."""
    if not _MARK_START.search(text):
        return text
    closings: dict[str, list[int]] = {}  # per mark, where it can close, found when first needed
    line_ends = _starts(text, "\n")
    kept: list[str] = []
    position = 0
    for found in _MARK_START.finditer(text):
        index = found.start()
        if index < position:
            continue  # inside what the last match took
        for mark in _MARKS_AT[found.group()]:
            content = index + len(mark)
            if not text.startswith(mark, index) or content >= len(text) or text[content].isspace():
                continue
            if mark not in closings:
                closings[mark] = [closing.start() for closing in _CLOSING[mark].finditer(text)]
            candidates = closings[mark]
            nearest = bisect_left(candidates, content + 1)  # at least one character marked
            line_end = bisect_left(line_ends, content)  # what is marked does not cross a line
            if nearest < len(candidates) and (
                line_end == len(line_ends) or candidates[nearest] < line_ends[line_end]
            ):
                close = candidates[nearest]
                kept += [text[position:index], text[content:close]]
                position = close + len(mark)
                break
    kept.append(text[position:])
    return "".join(kept)


def inline_text(text: str) -> str:
    """Markdown inline markup removed: links reduced to their text, emphasis and code marks dropped."""
    return strip_emphasis(strip_links(text))
