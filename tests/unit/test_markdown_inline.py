"""Markdown inline markup removed: links to their text, emphasis and code marks dropped, as by re.sub."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assets.parsing.markdown_inline import inline_text, strip_emphasis, strip_links

# The patterns inline_text used to run; the module promises the same result in n log n time.
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


@pytest.mark.parametrize(
    ("line", "text"),
    [
        (
            "**Orrin Labs** raised [$12M](https://example.org/orrin) in a seed.",
            "Orrin Labs raised $12M in a seed.",
        ),
        ("![Vexa logo](vexa.png) Vexa took *$3 million*.", "Vexa logo Vexa took $3 million."),
        ("Led by __Tern Capital__ and `Pell Partners`.", "Led by Tern Capital and Pell Partners."),
        ("A ***bold and italic*** note", "A *bold and italic* note"),
        ("Spaces * do not * close, nor does a lone *mark", "Spaces * do not * close, nor does a lone *mark"),
        ("snake_case_name stays as it is", "snakecasename stays as it is"),
        ("[not a link] and [text](", "[not a link] and [text]("),
        ("[outer [inner](target) text", "outer [inner text"),
        ("*one line\nnot the next*", "*one line\nnot the next*"),
        ("", ""),
    ],
)
def test_inline_text(line: str, text: str) -> None:
    assert inline_text(line) == text


marked_text = st.lists(
    st.sampled_from(
        ["*", "**", "_", "__", "`", "[", "]", "(", ")", "!", " ", "a", "bc", "\n", "\u00a0", "***"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None, database=None)
@given(line=marked_text)
def test_links_go_as_the_link_pattern_removes_them(line: str) -> None:
    assert strip_links(line) == LINK.sub(r"\1", line)


@settings(max_examples=500, deadline=None, database=None)
@given(line=marked_text)
def test_emphasis_goes_as_the_emphasis_pattern_removes_it(line: str) -> None:
    assert strip_emphasis(line) == EMPHASIS.sub(r"\2", line)


def test_a_long_line_of_unclosed_marks_keeps_its_marks() -> None:
    line = "*note [link _aside `code " * 5_000

    assert inline_text(line) == line
