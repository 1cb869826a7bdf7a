#!/usr/bin/env python3
"""Validate the dealmap extraction corpus (stdlib only).

Checks, for every ``<stem>.labels.json`` under ``dev/`` and ``holdout/``:

* the file is valid JSON with the documented fields and types;
* the labelled document exists beside it, and every document has a label file;
* ``published`` matches the date the document itself carries (HTML meta/time, Markdown front matter, e-mail
  ``Date:`` header);
* every ``evidence`` string and every ``non_deals`` phrase occurs in the document's *visible text*
  (HTML tags, Markdown markup and e-mail transfer encodings removed, whitespace collapsed; a ``|`` is a table
  cell separator and counts as whitespace);
* ``segment`` is a slug of ``schemas/reference/taxonomy.toml`` and ``round_type`` is in the closed list;
* names are canonical: no corporate suffixes or parentheticals, no alias from ``aliases.toml`` used as a
  label, lead investors are among the investors.

Then prints counts per split. Exit status 1 when anything fails.

Usage: python validate_corpus.py [--verbose]
"""

from __future__ import annotations

import collections
import datetime as dt
import email
import email.policy
import email.utils
import html
import json
import re
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
TAXONOMY = REPO / "schemas" / "reference" / "taxonomy.toml"
ALIASES = HERE / "aliases.toml"
SPLITS = ("dev", "holdout")
DOC_EXTS = (".html", ".md", ".eml")

ROUND_TYPES = {
    "pre_seed",
    "seed",
    "angel",
    "pre_series_a",
    *(f"series_{c}" for c in "abcdefghijk"),
    "growth",
    "private_equity",
    "debt",
    "ipo",
    "post_ipo",
    "strategic",
    "secondary",
    "grant",
    "crowdfunding",
    "venture",
    "unknown",
}
CURRENCIES = {
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "INR",
    "CAD",
    "CHF",
    "SGD",
    "AUD",
    "SEK",
    "ILS",
    "KRW",
    "BRL",
    "MXN",
}
KINDS = {"article", "newsletter"}
BASES = {"post", "pre", None}
TOP_FIELDS = {"document": str, "kind": str, "published": str, "deals": list, "non_deals": list}
DEAL_FIELDS = {
    "company": (str,),
    "round_type": (str,),
    "amount": (int, float, type(None)),
    "currency": (str, type(None)),
    "amount_is_floor": (bool,),
    "valuation": (int, float, type(None)),
    "valuation_basis": (str, type(None)),
    "lead_investors": (list,),
    "investors": (list,),
    "announced_date": (str,),
    "segment": (str,),
    "evidence": (str,),
}
# Optional: how exactly the text dates the deal ('a Series B in 2024' gives a year), default a day.
OPTIONAL_DEAL_FIELDS = {"announced_date_precision": (str,)}
SUFFIX_RE = re.compile(r"(,?\s+(Inc|Inc\.|Ltd|Ltd\.|LLC|GmbH|Corp|Corp\.|SAS|AG|Pvt)\b)|[()]")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# ---- visible text ----------------------------------------------------------------------------------
BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "ul",
    "body",
    "html",
}
HIDDEN_TAGS = {"head", "script", "style", "template", "noscript"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.meta: dict[str, str] = {}
        self.time_datetimes: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("property") and a.get("content") is not None:
            self.meta[a["property"]] = a["content"]
        if tag == "time" and a.get("datetime"):
            self.time_datetimes.append(a["datetime"])
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in HIDDEN_TAGS:
            self.hidden -= 1

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_text(source: str) -> tuple[str, _TextParser]:
    p = _TextParser()
    p.feed(source)
    p.close()
    return "".join(p.parts), p


_MD_RULES = [
    (re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M), " "),  # table separator rows
    (re.compile(r"^\s*([-*_]\s*){3,}$", re.M), " "),  # horizontal rules
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),  # heading markers
    (re.compile(r"^\s*(>\s?)+", re.M), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+", re.M), ""),  # list markers
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline links -> link text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links -> link text
    (re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$", re.M), " "),  # link reference definitions
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),  # autolinks
    (re.compile(r"<[^>]+>"), ""),  # stray inline HTML
    (re.compile(r"\*\*|__"), ""),  # strong emphasis
    (re.compile(r"\*"), ""),  # emphasis
    (re.compile(r"(?<!\w)_([^_\n]+)_(?!\w)"), r"\1"),  # _emphasis_
    (re.compile(r"`"), ""),  # code
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|$])"), r"\1"),  # backslash escapes
]


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    if not source.startswith("---"):
        return {}, source
    m = re.match(r"^---\s*\n(.*?)\n---\s*\n", source, re.S)
    if not m:
        return {}, source
    fm = {}
    for line in m.group(1).splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            fm[k.strip()] = v.strip().strip('"').strip("'")
    return fm, source[m.end() :]


def markdown_text(body: str) -> str:
    for rx, repl in _MD_RULES:
        body = rx.sub(repl, body)
    return html.unescape(body)


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("|", " ").replace("\u00a0", " ")).strip()


def visible_text(path: Path) -> tuple[str, str | None]:
    """Return (visible text, the document's own publication date or None)."""
    raw = path.read_bytes()
    if path.suffix == ".html":
        text, p = html_text(raw.decode("utf-8"))
        date = p.meta.get("article:published_time") or (p.time_datetimes[0] if p.time_datetimes else None)
        return collapse(text), (date[:10] if date else None)
    if path.suffix == ".md":
        fm, body = split_front_matter(raw.decode("utf-8"))
        subject = fm.get("subject", "")
        return collapse(subject + "\n" + markdown_text(body)), (fm.get("date") or "")[:10] or None
    if path.suffix == ".eml":
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        plain = msg.get_body(preferencelist=("plain",))
        if plain is not None:
            body = markdown_text(plain.get_content())
        else:
            part = msg.get_body(preferencelist=("html",))
            body = html_text(part.get_content())[0] if part is not None else ""
        subject = str(msg.get("Subject", ""))
        date = None
        if msg.get("Date"):
            date = email.utils.parsedate_to_datetime(str(msg["Date"])).date().isoformat()
        return collapse(subject + "\n" + body), date
    raise ValueError(f"unsupported document type: {path.name}")


# ---- reference data ----------------------------------------------------------------------------------
def load_segments() -> set[str]:
    with TAXONOMY.open("rb") as f:
        return set(tomllib.load(f).get("segment", {}))


def load_aliases() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    if not ALIASES.exists():
        return {}, {}
    with ALIASES.open("rb") as f:
        data = tomllib.load(f)
    return data.get("companies", {}), data.get("investors", {})


def fold(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", name.lower()).strip()


# ---- checks ----------------------------------------------------------------------------------
def check_label(
    label_path: Path, segments: set[str], alias_of: dict[str, str], errors: list[str]
) -> dict | None:
    where = f"{label_path.parent.name}/{label_path.name}"

    def err(msg: str) -> None:
        errors.append(f"{where}: {msg}")

    try:
        data = json.loads(label_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        err(f"invalid JSON: {exc}")
        return None
    if not isinstance(data, dict):
        err("top level is not an object")
        return None
    for key, typ in TOP_FIELDS.items():
        if not isinstance(data.get(key), typ):
            err(f"field {key!r} missing or not {typ.__name__}")
            return None
    extra = set(data) - set(TOP_FIELDS)
    if extra:
        err(f"unexpected top-level fields {sorted(extra)}")
    stem = label_path.name[: -len(".labels.json")]
    doc = label_path.parent / data["document"]
    if Path(data["document"]).stem != stem or doc.suffix not in DOC_EXTS:
        err(f"document {data['document']!r} does not match the label stem {stem!r}")
    if not doc.exists():
        err(f"document {data['document']!r} not found")
        return None
    if data["kind"] not in KINDS:
        err(f"kind {data['kind']!r} not in {sorted(KINDS)}")
    if not DATE_RE.match(data["published"]):
        err(f"published {data['published']!r} is not YYYY-MM-DD")
        return None
    published = dt.date.fromisoformat(data["published"])

    text, own_date = visible_text(doc)
    if own_date is None:
        err("the document carries no publication date (meta/time, front matter date, Date header)")
    elif own_date != data["published"]:
        err(f"published {data['published']} differs from the document's own date {own_date}")

    seen = set()
    for i, deal in enumerate(data["deals"]):
        tag = f"deal[{i}] {deal.get('company', '?')!r}" if isinstance(deal, dict) else f"deal[{i}]"
        if not isinstance(deal, dict):
            err(f"{tag} is not an object")
            continue
        missing = set(DEAL_FIELDS) - set(deal)
        extra = set(deal) - set(DEAL_FIELDS) - set(OPTIONAL_DEAL_FIELDS)
        if missing:
            err(f"{tag} missing fields {sorted(missing)}")
            continue
        if extra:
            err(f"{tag} unexpected fields {sorted(extra)}")
        for key, types in DEAL_FIELDS.items():
            if not isinstance(deal[key], types) or (types != (bool,) and isinstance(deal[key], bool)):
                err(f"{tag} field {key!r} has type {type(deal[key]).__name__}")
        if not all(isinstance(x, str) and x.strip() for x in deal["investors"] + deal["lead_investors"]):
            err(f"{tag} investors must be non-empty strings")
            continue
        if not deal["company"].strip() or SUFFIX_RE.search(deal["company"]):
            err(f"{tag} company name is empty or not canonical (suffix/parenthetical)")
        if deal["round_type"] not in ROUND_TYPES:
            err(f"{tag} round_type {deal['round_type']!r} not in the closed list")
        if deal["segment"] not in segments:
            err(f"{tag} segment {deal['segment']!r} is not a taxonomy slug")
        for key in ("amount", "valuation"):
            v = deal[key]
            if v is not None and not (isinstance(v, (int, float)) and v > 0):
                err(f"{tag} {key} must be positive or null")
            elif isinstance(v, float) and not v.is_integer():
                err(f"{tag} {key} must be a whole number of currency units, got {v}")
        has_money = deal["amount"] is not None or deal["valuation"] is not None
        if has_money and deal["currency"] not in CURRENCIES:
            err(f"{tag} currency {deal['currency']!r} is not an expected ISO 4217 code")
        if not has_money and deal["currency"] is not None:
            err(f"{tag} currency must be null when amount and valuation are null")
        if deal["amount"] is None and deal["amount_is_floor"]:
            err(f"{tag} amount_is_floor is true but amount is null")
        if deal["valuation_basis"] not in BASES:
            err(f"{tag} valuation_basis {deal['valuation_basis']!r} not post/pre/null")
        if deal["valuation"] is None and deal["valuation_basis"] is not None:
            err(f"{tag} valuation_basis set without a valuation")
        if not set(deal["lead_investors"]) <= set(deal["investors"]):
            err(f"{tag} lead investors missing from investors")
        if len(set(deal["investors"])) != len(deal["investors"]):
            err(f"{tag} duplicate investors")
        for name in deal["investors"]:
            if SUFFIX_RE.search(name):
                err(f"{tag} investor {name!r} not canonical (suffix/parenthetical)")
            canon = alias_of.get(fold(name))
            if canon is not None and fold(canon) != fold(name):
                err(f"{tag} investor {name!r} is an alias of {canon!r}; label the canonical name")
        company_canon = alias_of.get("company:" + fold(deal["company"]))
        if company_canon is not None and fold(company_canon) != fold(deal["company"]):
            err(f"{tag} company {deal['company']!r} is an alias of {company_canon!r}")
        if not DATE_RE.match(deal["announced_date"]):
            err(f"{tag} announced_date {deal['announced_date']!r} is not YYYY-MM-DD")
        else:
            announced = dt.date.fromisoformat(deal["announced_date"])
            if announced > published:
                err(f"{tag} announced_date {announced} is after published {published}")
            # A round the text dates only by its year ('a $40M Series B in 2024') may be long past.
            coarse = deal.get("announced_date_precision") in ("month", "quarter", "year")
            if (published - announced).days > 400 and not coarse:
                err(f"{tag} announced_date {announced} is over a year before published")
        ev = collapse(deal["evidence"])
        if not ev:
            err(f"{tag} empty evidence")
        elif ev not in text:
            err(f"{tag} evidence not found in visible text: {deal['evidence'][:90]!r}")
        key = (fold(deal["company"]), deal["round_type"], deal["amount"])
        if key in seen:
            err(f"{tag} duplicate deal entry")
        seen.add(key)
    for phrase in data["non_deals"]:
        if not isinstance(phrase, str) or not phrase.strip():
            err("non_deals entries must be non-empty strings")
        elif collapse(phrase) not in text:
            err(f"non_deal phrase not found in visible text: {phrase!r}")
    if not data["non_deals"]:
        err("no non_deals listed (every document should carry money that is not a deal)")
    return data


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    segments = load_segments()
    companies, investors = load_aliases()
    alias_of: dict[str, str] = {}
    errors: list[str] = []
    for canon, aliases in investors.items():
        for a in [canon, *aliases]:
            prev = alias_of.setdefault(fold(a), canon)
            if prev != canon:
                errors.append(f"aliases.toml: {a!r} listed for both {prev!r} and {canon!r}")
    for canon, aliases in companies.items():
        for a in [canon, *aliases]:
            alias_of.setdefault("company:" + fold(a), canon)

    totals = {}
    for split in SPLITS:
        d = HERE / split
        docs = sorted(p for p in d.iterdir() if p.suffix in DOC_EXTS) if d.exists() else []
        labels = sorted(d.glob("*.labels.json")) if d.exists() else []
        label_stems = {p.name[: -len(".labels.json")] for p in labels}
        for p in docs:
            if p.stem not in label_stems:
                errors.append(f"{split}/{p.name}: no label file")
        stems = collections.Counter(p.stem for p in docs)
        for s, n in stems.items():
            if n > 1:
                errors.append(f"{split}/{s}: several documents share the stem")
        c = collections.Counter()
        rounds, segs, currs, exts, kinds = (collections.Counter() for _ in range(5))
        for lp in labels:
            data = check_label(lp, segments, alias_of, errors)
            if data is None:
                continue
            c["documents"] += 1
            c["deals"] += len(data["deals"])
            c["non_deals"] += len(data["non_deals"])
            c["documents_without_deals"] += not data["deals"]
            exts[Path(data["document"]).suffix] += 1
            kinds[data["kind"]] += 1
            for deal in data["deals"]:
                rounds[deal["round_type"]] += 1
                segs[deal["segment"]] += 1
                currs[deal["currency"] or "none"] += 1
        totals[split] = c
        print(
            f"[{split}] documents={c['documents']} deals={c['deals']} non_deals={c['non_deals']} "
            f"documents_without_deals={c['documents_without_deals']}"
        )
        print(f"    formats: {dict(sorted(exts.items()))}  kinds: {dict(sorted(kinds.items()))}")
        if verbose:
            print(f"    round types: {dict(rounds.most_common())}")
            print(f"    segments: {dict(segs.most_common())}")
            print(f"    currencies: {dict(currs.most_common())}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  - " + e)
        return 1
    print("\ncorpus OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
