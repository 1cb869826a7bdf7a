"""Alternations of words that a search passes over quickly: `one_of(r"raised|secured|closed")`.

Python's regex engine tries every alternative of an alternation at every position a search visits, so a
pattern of forty verbs costs forty tries per character of a page. Put behind a lookahead of the letters
the alternatives start with, a position where none can start costs one test; on text dense with figures
or names, searches run several times faster. What matches is unchanged: the lookahead only says what the
alternatives already require.
"""

from __future__ import annotations


def alternatives(alternation: str) -> list[str]:
    """The top-level alternatives of a regex alternation ('a|b(?:c|d)|[|]' -> ['a', 'b(?:c|d)', '[|]'])."""
    found, depth, start, index = [], 0, 0, 0
    while index < len(alternation):
        char = alternation[index]
        if char == "\\":
            index += 1  # an escaped character is a literal
        elif char == "[":
            index = alternation.index("]", index + 2)  # a class may hold '|' or brackets ('[]|]' too)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(alternation[start:index])
            start = index + 1
        index += 1
    found.append(alternation[start:])
    return found


def one_of(alternation: str) -> str:
    """`(?=[initials])(?:alternation)`, for an alternation whose alternatives each start with a plain
    letter. Both cases of each letter are let through, so it works with or without IGNORECASE."""
    initials = {alternative[:1] for alternative in alternatives(alternation)}
    if not all(initial.isalpha() for initial in initials):
        raise ValueError(f"every alternative must start with a plain letter: {alternation!r}")
    letters = "".join(sorted({case for initial in initials for case in (initial.lower(), initial.upper())}))
    return f"(?=[{letters}])(?:{alternation})"
