"""Which dollar a page's bare '$' is when its source sets no currency (`assets/parsing/dollars.py`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assets.parsing.dispatch import extract_document
from assets.parsing.dollars import dollar_currency
from assets.sources import Source, SourceKind

RELEASE = (
    "TORONTO, March 3, 2026 -- Quillmark Robotics Inc. (TSX Venture: QMR) announced today that it closed a "
    "non-brokered private placement for gross proceeds of $2.5 million."
)


@pytest.mark.parametrize(
    ("text", "url", "dollar"),
    [
        ("Sydney's Voltaro has raised $37m.", "https://news.example.com.au/voltaro", "AUD"),
        # the writer tells the dollars apart: a bare '$' is the US dollar
        ("Voltaro raised A$50 million ($32 million).", "https://news.example.com.au/voltaro", None),
        (RELEASE, "https://releases.example.com/quillmark", "CAD"),
        (RELEASE + " That is C$2.5 million.", "https://releases.example.com/quillmark", None),
        # listed in Canada and elsewhere, in the same brackets
        (
            RELEASE.replace("(TSX Venture: QMR)", "(TSXV: QMR; OTCQX: QMRLF)"),
            "https://releases.example.com/quillmark",
            "CAD",
        ),
        # a country domain alone is no guide: Canadian sites run US wire stories
        ("Voltaro raised $37m.", "https://www.example.ca/voltaro", None),
        ("Voltaro raised $37m.", "https://example.com/voltaro", None),
        # a page that tells one country's news writes its dollar as '$', wherever it is published
        (
            "Sydney's Voltaro raised $37m, an Australian record; Melbourne's Kestra took $5m.",
            "https://startups.example.net/wrap",
            "AUD",
        ),
        (
            "Toronto's Quillmark raised $12m. Canada's AI scene grew; Montreal's Ostrel took $4m.",
            "https://news.example.com/canada",
            "CAD",
        ),
        # named twice only: a wire story about a company based there ('the Toronto-based startup')
        (
            "Quillmark, the Toronto-based startup, raised $270 million to grow across Canada.",
            "https://x.com/a",
            None,
        ),
        # any word of the United States, or a state, and the dollar is the US one
        (
            "Sydney's Voltaro raised $37m from Australian and US funds to open in Melbourne.",
            "https://x.com/b",
            None,
        ),
        (
            "Wyoming-based Kelvar raised $8m from Toronto, Canada-based Raiven Capital and an Ontario fund.",
            "https://x.com/c",
            None,
        ),
        # a company based elsewhere expanding into the country; a Melbourne in Florida
        (
            "London-based Quillpay raised $25m to open in Australia, with Sydney and Melbourne offices.",
            "https://x.com/e",
            None,
        ),
        (
            "Melbourne, Fla.-based AeroKite raised $6m; the Melbourne company flies from Melbourne airport.",
            "https://x.com/f",
            None,
        ),
        # the writer writes the country's dollar with its own sign: a bare '$' is the US one
        (
            "Sydney's Voltaro raised A$37m ($24m), an Australian record; Melbourne's Kestra took A$5m.",
            "https://x.com/d",
            None,
        ),
    ],
)
def test_a_page_shows_which_dollar_its_bare_sign_is(text: str, url: str, dollar: str | None) -> None:
    assert dollar_currency(text, url) == dollar


def _currency_of(tmp_path: Path, text: str, url: str, options: dict[str, str]) -> list[str | None]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    source = Source(id="news", kind=SourceKind.ARTICLE, url=url, options=options)
    frame = extract_document(source, url, "0" * 64, "text/plain", page, date(2026, 3, 4))
    return list(frame["default_currency"])


def test_an_australian_page_reads_its_bare_dollar_as_aud(tmp_path: Path) -> None:
    text = "Grid software firm Voltaro has raised $37 million in a Series B."
    assert _currency_of(tmp_path, text, "https://news.example.com.au/voltaro", {}) == ["AUD"]


def test_the_sources_own_currency_wins(tmp_path: Path) -> None:
    text = "Grid software firm Voltaro has raised $37 million in a Series B."
    assert _currency_of(tmp_path, text, "https://news.example.com.au/voltaro", {"currency": "NZD"}) == ["NZD"]
