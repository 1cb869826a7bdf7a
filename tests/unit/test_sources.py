"""The source registry: entries parse to absolute URLs; each malformed entry fails with a clear message."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from assets.source_kinds import KIND_OPTIONS
from assets.sources import RegistryError, SourceKind, load_registry, parse_registry, resolve_url
from tests.conftest import REPO_ROOT

BASE = Path("/srv/dealmap")


def entry(**fields: object) -> str:
    """One `[[source]]` table; values are written as TOML literals (strings quoted)."""
    lines = ["[[source]]"]
    for key, value in fields.items():
        literal = f'"{value}"' if isinstance(value, str) else str(value).lower()
        lines.append(f"{key} = {literal}")
    return "\n".join(lines) + "\n"


def test_full_registry() -> None:
    text = (
        entry(id="stackline-map", kind="article", url="samples/articles/map.html", name="Stackline map")
        + entry(
            id="tracker_export",
            kind="table",
            url="https://example.com/deals.csv",
            max_bytes=1000,
            enabled=False,
        )
        + '[source.columns]\ncompany = "Startup"\n[source.options]\nformat = "csv"\ncurrency = "USD"\n'
        + entry(id="brief", kind="newsletter", url="file:///data/brief.mbox")
        + entry(id="feed1", kind="feed", url="http://example.com/feed.xml")
    )

    sources = parse_registry(text, BASE)

    assert [(s.id, s.kind, s.url) for s in sources] == [
        ("stackline-map", SourceKind.ARTICLE, "file:///srv/dealmap/samples/articles/map.html"),
        ("tracker_export", SourceKind.TABLE, "https://example.com/deals.csv"),
        ("brief", SourceKind.NEWSLETTER, "file:///data/brief.mbox"),
        ("feed1", SourceKind.FEED, "http://example.com/feed.xml"),
    ]
    map_source, export = sources[0], sources[1]
    assert (map_source.name, map_source.max_bytes, map_source.enabled, map_source.is_file) == (
        "Stackline map",
        None,
        True,
        True,
    )
    assert (export.max_bytes, export.enabled, export.is_file) == (1000, False, False)
    assert dict(export.columns) == {"company": "Startup"}
    assert dict(export.options) == {"format": "csv", "currency": "USD"}


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("samples/x.html", "file:///srv/dealmap/samples/x.html"),
        ("./samples/x.html", "file:///srv/dealmap/samples/x.html"),
        ("../shared/x.csv", "file:///srv/shared/x.csv"),
        ("/abs/path/page.html", "file:///abs/path/page.html"),
        ("dir with space/p.html", "file:///srv/dealmap/dir%20with%20space/p.html"),
        ("https://example.com/a?b=1", "https://example.com/a?b=1"),
        ("HTTP://example.com/a", "HTTP://example.com/a"),
        ("file:///data/x.csv", "file:///data/x.csv"),
    ],
)
def test_resolve_url(raw: str, url: str) -> None:
    assert resolve_url(raw, BASE) == url


@pytest.mark.parametrize("raw", ["ftp://example.com/x", "mailto:desk@example.com", "s3://bucket/key"])
def test_resolve_url_rejects_other_schemes(raw: str) -> None:
    with pytest.raises(RegistryError, match="only http, https and file URLs are supported"):
        resolve_url(raw, BASE)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (entry(id="Bad Id", kind="article", url="x"), r"source #1 \('Bad Id'\): 'id' must be a slug"),
        (entry(id="a" * 65, kind="article", url="x"), "'id' must be a slug"),
        (entry(id="-lead", kind="article", url="x"), "'id' must be a slug"),
        (entry(kind="article", url="x"), r"source #1 \('no id'\): 'id' must be a slug"),
        ('[[source]]\nid = 5\nkind = "article"\nurl = "x"\n', r"source #1 \(5\): 'id' must be a slug"),
        (
            entry(id="a", kind="podcast", url="x"),
            r"source #1 \('a'\): 'kind' must be one of article, newsletter, feed, table",
        ),
        (entry(id="a", url="x"), "'kind' must be one of"),
        (entry(id="a", kind="article"), r"source #1 \('a'\): 'url' is required"),
        (entry(id="a", kind="article", url="  "), "'url' is required"),
        ('[[source]]\nid = "a"\nkind = "article"\nurl = 5\n', "'url' must be text"),
        (entry(id="a", kind="article", url="ftp://x/y"), "only http, https and file URLs"),
        (
            entry(id="a", kind="article", url="x", urls="y"),
            r"source #1 \('a'\): unknown key 'urls' \(did you mean 'url'\?\)",
        ),
        (entry(id="a", kind="article", url="x", max_bytes=-1), "'max_bytes' must be a positive integer"),
        (entry(id="a", kind="article", url="x", max_bytes=0), "'max_bytes' must be a positive integer"),
        (entry(id="a", kind="article", url="x", max_bytes="10"), "'max_bytes' must be a positive integer"),
        (
            entry(id="a", kind="table", url="x") + "[source.columns]\ncompany = 1\n",
            "'columns' must map dealmap fields to column names",
        ),
        (
            entry(id="a", kind="article", url="x")
            + entry(id="b", kind="feed", url="y")
            + entry(id="a", kind="feed", url="z"),
            "source id 'a' is used twice",
        ),
        (entry(id="a", kind="article", url="x") + entry(id="b", kind="nope", url="y"), r"source #2 \('b'\)"),
        ("[[source]\nid =", "sources.toml is not valid TOML"),
        ('[source]\nid = "a"\n', r"use \[\[source\]\] tables"),
    ],
)
def test_malformed_registry_raises(text: str, message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        parse_registry(text, BASE)


def test_empty_registry_is_an_error() -> None:
    with pytest.raises(RegistryError, match=r"no \[\[source\]\] tables: there is nothing to refresh"):
        parse_registry("", BASE)


def test_load_registry_resolves_against_the_file(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "sources.toml"
    path.parent.mkdir()
    path.write_text(entry(id="map", kind="article", url="../samples/map.html"), encoding="utf-8")

    (source,) = load_registry(path)

    assert source.url == (tmp_path / "samples" / "map.html").as_uri()


def test_load_registry_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="source registry not found"):
        load_registry(tmp_path / "absent.toml")


def test_shipped_registry_points_into_the_repository(samples_dir: Path) -> None:
    sources = load_registry(samples_dir.parent / "sources.toml")

    assert {s.id: s.url for s in sources} == {
        "stackline-deal-map": (samples_dir / "articles" / "ai-infrastructure-deal-map-2026.html").as_uri(),
        "inference-brief": (samples_dir / "newsletters" / "inference-brief").as_uri(),
        "deal-tracker-export": (samples_dir / "exports" / "deal-tracker-export.csv").as_uri(),
        "portfolio-tracker": (samples_dir / "exports" / "portfolio-tracker.jsonl").as_uri(),
        "stackline-weekly": (samples_dir / "feeds" / "stackline-weekly" / "feed.xml").as_uri(),
        "founders-digest": (
            samples_dir / "newsletters" / "founders-digest" / "founders-digest.mbox"
        ).as_uri(),
    }


def test_every_option_the_code_reads_is_declared_once() -> None:
    read = set()
    for path in (REPO_ROOT / "assets").rglob("*.py"):
        read |= set(re.findall(r"options\.get\(\s*\"(\w+)\"", path.read_text(encoding="utf-8")))
    declared = {key for options in KIND_OPTIONS.values() for key in options}
    # 'currency' is one declaration that every kind takes
    currencies = {id(options["currency"]) for options in KIND_OPTIONS.values()}

    assert (
        sorted(read) == sorted(declared) == ["currency", "date_format", "encoding", "format", "max_entries"]
    )
    assert len(currencies) == 1


def test_valid_options_are_kept_as_written() -> None:
    text = (
        entry(id="export", kind="table", url="x.csv")
        + '[source.columns]\ncompany = "Startup"\ndescription = "About"\n'
        + '[source.options]\nformat = "jsonl"\ncurrency = "EUR"\ndate_format = "%d/%m/%Y"\n'
        + 'encoding = "mac_roman"\n'
        + entry(id="wire", kind="feed", url="feed.xml")
        + "[source.options]\nmax_entries = 5\n"
    )

    export, wire = parse_registry(text, BASE)

    assert dict(export.columns) == {"company": "Startup", "description": "About"}
    assert dict(export.options) == {
        "format": "jsonl",
        "currency": "EUR",
        "date_format": "%d/%m/%Y",
        "encoding": "mac_roman",
    }
    assert dict(wire.options) == {"max_entries": 5}


@pytest.mark.parametrize(
    ("written", "interval"),
    [
        ("36h", timedelta(hours=36)),
        ("7d", timedelta(days=7)),
        ("2w", timedelta(days=14)),
        (" 1 d", timedelta(1)),
    ],
)
def test_cadence_is_an_interval(written: str, interval: timedelta) -> None:
    (source,) = parse_registry(entry(id="a", kind="feed", url="x", cadence=written), BASE)

    assert source.cadence == interval


def test_without_a_cadence_a_source_is_not_watched() -> None:
    (source,) = parse_registry(entry(id="a", kind="feed", url="x"), BASE)

    assert source.cadence is None


@pytest.mark.parametrize(
    ("literal", "shown"),
    [
        ('"7"', '"7"'),
        ('"7 days"', '"7 days"'),
        ('"0d"', '"0d"'),
        ('"1.5d"', '"1.5d"'),
        ("7", "7"),
        ('"-2d"', '"-2d"'),
    ],
)
def test_a_bad_cadence_names_the_source_the_value_and_the_form(literal: str, shown: str) -> None:
    text = entry(id="weekly", kind="newsletter", url="x") + f"cadence = {literal}\n"

    with pytest.raises(RegistryError) as error:
        parse_registry(text, BASE)

    assert error.value.problems == (
        f'source #1 (\'weekly\'): \'cadence\' = {shown}: expected a duration such as "36h", "7d" or "2w" '
        "(a whole number of hours, days or weeks)",
    )


def test_a_registry_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_bytes(b'\xef\xbb\xbf[[source]]\r\nid = "a"\r\nkind = "article"\r\nurl = "page.html"\r\n')
    assert [source.id for source in load_registry(path)] == ["a"]


def test_a_registry_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_bytes(b'[[source]]\nid = "a"\nkind = "article"\nurl = "caf\xe9.html"\n')
    with pytest.raises(RegistryError, match=r"byte b'\\xe9' on line 4 \(save the file as UTF-8\)"):
        load_registry(path)
