"""Company and investor names -> one canonical spelling each.

A name's *key* ignores case, punctuation, accents and corporate suffixes ('Vogo Automotive Pvt. Ltd.' and
'Vogo Automotive' share a key). `schemas/reference/aliases.toml` maps genuinely different spellings
('a16z' -> 'Andreessen Horowitz', 'Cerebras' -> 'Cerebras Systems') to the canonical one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from schemas.reference import FileCheck, read_reference_toml, reference_path
from schemas.reference.reference_data import ReferenceData, current_reference_data
from schemas.reference.wording import states_nothing
from schemas.text import clean_space, decode_literal_escapes, fold

# Corporate-form words, folded. 'private' covers 'Pvt. Ltd' spelled out ('Private Limited').
LEGAL_SUFFIX_WORDS = frozenset(
    [
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "bv",
        "nv",
        "pvt",
        "private",
        "pte",
        "oy",
        "ab",
        "sas",
        "srl",
        "kk",
        "llp",
        "lp",
        # European and Asian forms press releases write after the name ('Cardiomech AS', 'D-Orbit SpA',
        # 'Satelio IOT Services, S.L.', 'Acme Pty Ltd', 'Acme Sdn Bhd')
        "as",
        "asa",
        "aps",
        "spa",
        "sl",
        "slu",
        "sarl",
        "se",
        "kg",
        "oyj",
        "pty",
        "sdn",
        "bhd",
        "ltda",
    ]
)
_LEGAL_SUFFIX = re.compile(r"(?:\s+(?:" + "|".join(sorted(LEGAL_SUFFIX_WORDS)) + r"))+$")
_URL_NAME = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)/?\S*$", re.IGNORECASE)
_DOTTED_INITIALS = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\.?(?![A-Za-z])")
_TRAILING_PARENTHETICAL = re.compile(r"^(?P<base>.*?)\s*\((?P<inner>[^()]*)\)\s*$")
# Quote marks and leading articles that surround names in prose and exports.
_EDGE_NOISE = re.compile(r"^[\s\"'“”‘’*_`]+|[\s\"'“”‘’*_`,;:.]+$")
# Legal forms that are abbreviations: alone, never a company's name.
_ABBREVIATED_FORMS = LEGAL_SUFFIX_WORDS - {"company", "corporation", "incorporated", "limited", "private"}
_QUOTES = "\"“”‘’'"
# A pair of quotes around words inside a name; a single quote only where no letter touches it from outside
# (an apostrophe, 'Moody's', is no quote).
_PAIRED_QUOTES = re.compile(r"[\"“]([^\"“”]+)[\"”]|‘([^‘’]+)’|(?<!\w)'([^']+)'(?!\w)")
_LIST_SEPARATORS = re.compile(r"\s*(?:;|,|\band\b|\s&\s|\n|\|)\s*", re.IGNORECASE)
_LIST_TAIL = re.compile(r"^(?:others|other investors|existing investors|more)$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _undot(text: str) -> str:
    """'S.A.' -> 'SA', 'L.L.C.' -> 'LLC': dotted initialisms fold to the suffix words they are."""
    return _DOTTED_INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)


@lru_cache(maxsize=1 << 16)  # one name is keyed several times while it is canonicalised
def name_key(name: str | None) -> str:
    """Match key: folded, corporate suffixes removed ('Cerebras Systems, Inc.' -> 'cerebras systems')."""
    return _LEGAL_SUFFIX.sub("", fold(_undot(name or ""))).strip()


def one_spelling_each(names: dict[str, int]) -> dict[str, str]:
    """written -> chosen, for the names among `names` (each with how many times it is written) that match
    another one (`name_key`: case, accents, dots, a legal suffix: 'HARBOR FUND', 'harbor fund', 'Harbor
    Fund'), each mapped to one spelling of its group: the one written most often (one stray 'Gv' never
    respells GV), then one that mixes capitals and lower case (a name all in capitals or all in lower case
    is how a spreadsheet or a form wrote it, not the name), then the first in sort order. Names alone in
    their group are left out. Pure: the same names give the same choice whatever their order."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name_key(name), []).append(name)
    chosen: dict[str, str] = {}
    for key, spellings in groups.items():
        if len(spellings) < 2 or not key:
            continue
        best = min(spellings, key=lambda name: (-names[name], name in (name.upper(), name.lower()), name))
        chosen.update({name: best for name in spellings if name != best})
    return chosen


def first_key_word(name: str | None) -> str:
    """The first word of a name's match key: how a story's short name and its headline's full one are
    told to be one company ('trellium' of 'Trellium Bio' and of 'Trellium'); '' for a name of none."""
    words = name_key(name).split()
    return words[0] if words else ""


@lru_cache(maxsize=1 << 16)
def clean_name(name: str | None) -> str:
    """Display form: white space and quote noise trimmed, corporate suffix dropped."""
    text = clean_space(name)
    if any(quote in text for quote in _QUOTES):
        # '"Bay" Fund' -> 'Bay Fund', not 'Bay" Fund'
        text = _PAIRED_QUOTES.sub(lambda quoted: next(filter(None, quoted.groups()), ""), text)
    text = _EDGE_NOISE.sub("", text)
    # Drop a trailing legal suffix in the display form too, keeping the original casing elsewhere.
    words = text.split(" ")
    while len(words) > 1 and fold(_undot(words[-1])) in LEGAL_SUFFIX_WORDS:
        if words[-2] in ("&", "and"):
            break  # 'Brown & Co' is the name itself, not 'Brown' plus a suffix
        words.pop()
    if len(words) == 1 and fold(_undot(words[0])) in _ABBREVIATED_FORMS:
        # 'Inc.', 'LLC' alone: a legal form with no name, as an export's broken cell holds. A whole word
        # stays: a startup was called 'Company' (Crunchbase's 2013 rounds list its Series A).
        return ""
    return " ".join(words).rstrip(",")


def company_from_url(name: str) -> str:
    """Exports sometimes hold a website where the name belongs: 'https://www.wealthbucket.in/' ->
    'wealthbucket.in'. Anything that is not a URL comes back unchanged."""
    match = _URL_NAME.match(name)
    return match.group("host") if match else name


def split_parenthetical(name: str) -> tuple[str, str | None]:
    """'RadixArk (SGLang)' -> ('RadixArk', 'SGLang'); names without one come back unchanged."""
    match = _TRAILING_PARENTHETICAL.match(name)
    if not match or not match["base"].strip():
        return name, None
    return match["base"].strip(), match["inner"].strip() or None


def split_name_list(text: str | None) -> list[str]:
    """'Accel, Spark Capital and a16z' -> ['Accel', 'Spark Capital', 'a16z'] (duplicates removed)."""
    names: list[str] = []
    # Split before collapsing white space: a newline separates names in exports.
    for part in _LIST_SEPARATORS.split(decode_literal_escapes(text or "")):
        cleaned = clean_name(part)
        if cleaned and not _LIST_TAIL.match(cleaned) and cleaned not in names and _names_someone(part):
            names.append(cleaned)
    return names


def _names_someone(name: str) -> bool:
    """Whether a listed name is a name: not a placeholder ('N/A', 'None', '-') and not a bare number or
    stray punctuation ('5', '['), as broken export cells hold."""
    return not states_nothing(name) and any(char.isalpha() for char in name)


@dataclass(frozen=True)
class NameBook:
    """Canonical spellings for one kind of name (companies or investors)."""

    canonical_by_key: dict[str, str]

    @classmethod
    def from_mapping(cls, mapping: dict[str, list[str]]) -> NameBook:
        index: dict[str, str] = {}
        for canonical, aliases in mapping.items():
            for spelling in (canonical, *aliases):
                index[name_key(spelling)] = canonical
        return cls(index)

    def canonical(self, name: str | None) -> str | None:
        """The canonical spelling of `name`: from the alias book, else its cleaned display form."""
        display = clean_name(name)
        if not display:
            return None
        return self.canonical_by_key.get(name_key(display), display)


@dataclass(frozen=True)
class CanonicalCompany:
    name: str | None
    alias: str | None
    """Another name the source gave it ('SGLang' in 'RadixArk (SGLang)'), kept for search."""


@dataclass(frozen=True)
class Names:
    companies: NameBook
    investors: NameBook

    @classmethod
    def load(cls, path: Path | None = None) -> Names:
        path = Path(path or reference_path("aliases.toml"))
        data = read_reference_toml(path)
        check = FileCheck(path)
        check.unknown_keys(data, "", ("companies", "investors"))
        books = {}
        for group in ("companies", "investors"):
            table = data.get(group, {})
            if not isinstance(table, dict):
                check.problem(f"'{group}' must be a table ([{group}]) of canonical name = [other spellings]")
                table = {}
            books[group] = {
                canonical: check.value(table, group, canonical, "a list of text", []) for canonical in table
            }
            _check_one_name_each(check, group, books[group])
        check.raise_if_any()
        return cls(NameBook.from_mapping(books["companies"]), NameBook.from_mapping(books["investors"]))

    def company(self, raw: str | None) -> CanonicalCompany:
        base, alias = split_parenthetical(company_from_url(clean_space(raw)))
        canonical = self.companies.canonical(base)
        if alias is None and canonical and name_key(canonical) != name_key(base):
            alias = clean_name(base)
        return CanonicalCompany(canonical, alias)

    def investor_list(self, raw: list[str] | str | None) -> list[str]:
        """Canonical investor names, order kept, duplicates removed."""
        if raw is None:
            return []
        parts = split_name_list(raw) if isinstance(raw, str) else [clean_name(p) for p in raw]
        result: list[str] = []
        for part in parts:
            name = self._investor(part)
            if name and name not in result:
                result.append(name)
        return result

    def _investor(self, name: str) -> str | None:
        """An investor's canonical name; one written with its own other name in parentheses is that
        investor ('Andreessen Horowitz (a16z)'). Another parenthetical stays ('Sequoia Capital (India)' is
        a fund of its own)."""
        base, inner = split_parenthetical(name)
        if inner is not None:
            canonical = self.investors.canonical(base)
            if canonical and canonical == self.investors.canonical(inner):
                return canonical
        return self.investors.canonical(name)


def _check_one_name_each(check: FileCheck, group: str, book: dict[str, list[str]]) -> None:
    """Each spelling names one company: a canonical name that is also another entry's alias ('Inferact' =
    ['RadixArk'] beside 'RadixArk' = ['Inferact']), or an alias of two entries, would merge companies
    (and their deals) or pick one by the file's order. Compared as names are matched (`name_key`)."""
    canonical = {name_key(name): name for name in book}
    owner: dict[str, str] = {}
    for name, aliases in book.items():
        for alias in aliases if isinstance(aliases, list) else []:
            key = name_key(str(alias))
            if not key or key == name_key(name):
                continue
            if key in canonical:
                check.problem(
                    f"[{group}] {alias!r} is an alias of {name!r} and a canonical name of its own "
                    f"({canonical[key]!r}): keep one of the two entries"
                )
            elif owner.get(key, name) != name:
                check.problem(f"[{group}] {alias!r} is an alias of both {owner[key]!r} and {name!r}")
            owner.setdefault(key, name)


def default_names(data: ReferenceData | None = None) -> Names:
    """The Names of `data`, or of the reference data in use."""
    return (data or current_reference_data()).part("aliases.toml", Names.load)
