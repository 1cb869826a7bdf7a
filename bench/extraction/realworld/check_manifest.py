"""Validate a real-world extraction split: `python bench/extraction/realworld/check_manifest.py dev|holdout`.

Stdlib only. Checks every manifest line against the format in README.md (types, round-type slugs from
schemas/reference/round_types.toml, ISO currency codes from schemas/reference/currencies.toml, dates, spans
inside the saved text and on a sentence that shows the amount's digits or the company's name), recomputes the
SHA-256 of each saved text, and prints counts. Exits 1 on any problem.

Options:
  --no-texts     check the manifest alone (for a checkout where the git-ignored texts were not rebuilt)
  --counts-only  print how many problems each text has, never what they are (the holdout is checked this
                 way: its labels and texts stay unread by whoever tunes the extractor)
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
REFERENCE = REPO / "schemas" / "reference"

STYLES = {"news", "pr", "roundup", "newsletter", "list", "table", "history", "ipo", "negative"}
NEGATIVES = {
    "fund_close",
    "acquisition",
    "market_size",
    "revenue",
    "valuation_only",
    "aggregate",
    "layoffs",
    "fine",
    "rumour_denied",
    "grant_to_government",
    "debt_other",
    "ipo_market_cap",
    "other",
}
CORPORA = {"pages", "code"}
PRECISIONS = {"day", "month", "quarter", "year"}
STATUSES = {"announced", "reported"}
TEXT_KEYS = {"id", "corpus", "query", "url", "outlet", "published", "style", "sha256", "deals", "negatives"}
DEAL_KEYS = {
    "company",
    "round_type",
    "round_text",
    "amount",
    "currency",
    "amount_is_floor",
    "valuation",
    "valuation_is_floor",
    "lead_investors",
    "investors",
    "announced_date",
    "date_precision",
    "status",
    "span",
}
FIRST_YEAR, LAST_YEAR = 2022, 2026
MAX_PURE_NEGATIVE_SHARE = 0.15
NUMBER = re.compile(r"\d[\d,.\s]*\d|\d")


def round_slugs() -> set[str]:
    data = tomllib.loads((REFERENCE / "round_types.toml").read_text(encoding="utf-8"))
    slugs = set(data["round"])
    slugs |= {f"series_{ch}" for ch in "abcdefghijk"}
    return slugs


def currency_codes() -> set[str]:
    data = tomllib.loads((REFERENCE / "currencies.toml").read_text(encoding="utf-8"))
    return set(data["currency"])


def significant_digits(value: float) -> str:
    """12_500_000 -> '125'; 7e9 -> '7'; 1.5 -> '15'."""
    text = f"{value:.6f}".replace(".", "").lstrip("0").rstrip("0")
    return text or "0"


def span_shows_amount(span_text: str, amount: float) -> bool:
    want = significant_digits(amount)
    for token in NUMBER.findall(span_text):
        digits = re.sub(r"\D", "", token).lstrip("0").rstrip("0")
        if digits == want:
            return True
    return False


def parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def outlet_of(url: str, corpus: str) -> str | None:
    if corpus == "code":
        match = re.fullmatch(r"github:([^/:\s]+/[^/:\s]+):(.+)", url)
        return f"github:{match.group(1)}" if match else None
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")  # 'cfnews.net.' (a fully qualified name) is 'cfnews.net'
    return host[4:] if host.startswith("www.") else host


def check_deal(where: str, deal: object, text: str | None, slugs: set[str], codes: set[str]) -> list[str]:
    problems: list[str] = []
    if not isinstance(deal, dict):
        return [f"{where}: deal is not an object"]
    missing, extra = DEAL_KEYS - deal.keys(), deal.keys() - DEAL_KEYS
    if missing:
        problems.append(f"{where}: missing keys {sorted(missing)}")
    if extra:
        problems.append(f"{where}: unknown keys {sorted(extra)}")
    company = deal.get("company")
    if not isinstance(company, str) or not company.strip():
        problems.append(f"{where}: company must be a non-empty string")
    if deal.get("round_type") not in slugs:
        problems.append(f"{where}: round_type {deal.get('round_type')!r} is not a dealmap slug")
    if deal.get("round_text") is not None and not (
        isinstance(deal["round_text"], str) and deal["round_text"]
    ):
        problems.append(f"{where}: round_text must be a non-empty string or null")
    amount, currency = deal.get("amount"), deal.get("currency")
    if amount is not None and not (is_number(amount) and amount > 0):
        problems.append(f"{where}: amount must be a positive number or null")
    if currency is not None and currency not in codes:
        problems.append(f"{where}: currency {currency!r} is not an ISO code in currencies.toml")
    if amount is not None and currency is None:
        problems.append(f"{where}: amount without currency")
    valuation = deal.get("valuation")
    if valuation is not None and not (is_number(valuation) and valuation > 0):
        problems.append(f"{where}: valuation must be a positive number or null")
    if valuation is not None and currency is None:
        problems.append(f"{where}: valuation without currency")
    for key in ("amount_is_floor", "valuation_is_floor"):
        if not isinstance(deal.get(key), bool):
            problems.append(f"{where}: {key} must be true or false")
    if deal.get("amount_is_floor") and amount is None:
        problems.append(f"{where}: amount_is_floor without an amount")
    if deal.get("valuation_is_floor") and valuation is None:
        problems.append(f"{where}: valuation_is_floor without a valuation")
    leads, investors = deal.get("lead_investors"), deal.get("investors")
    for key, names in (("lead_investors", leads), ("investors", investors)):
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            problems.append(f"{where}: {key} must be a list of non-empty strings")
    if isinstance(leads, list) and isinstance(investors, list):
        if len(set(investors)) != len(investors):
            problems.append(f"{where}: investors repeat a name")
        if not set(leads) <= set(investors):
            problems.append(f"{where}: every lead must also be in investors")
    # A text that gives no date and has no known publication date leaves both null (the scorer then
    # leaves the deal out of the date line).
    undated = deal.get("announced_date") is None and deal.get("date_precision") is None
    announced = parse_date(deal.get("announced_date"))
    if announced is None and not undated:
        problems.append(f"{where}: announced_date must be YYYY-MM-DD (or null with a null date_precision)")
    elif announced is not None and not 1990 <= announced.year <= LAST_YEAR:
        problems.append(f"{where}: announced_date {announced} is out of range")
    if deal.get("date_precision") not in PRECISIONS and not undated:
        problems.append(f"{where}: date_precision must be one of {sorted(PRECISIONS)}")
    if deal.get("status") not in STATUSES:
        problems.append(f"{where}: status must be one of {sorted(STATUSES)}")
    span = deal.get("span")
    if not (
        isinstance(span, list)
        and len(span) == 2
        and all(isinstance(i, int) and not isinstance(i, bool) for i in span)
    ):
        problems.append(f"{where}: span must be [start, end] integers")
    elif not 0 <= span[0] < span[1]:
        problems.append(f"{where}: span {span} is empty or negative")
    elif text is not None:
        if span[1] > len(text):
            problems.append(f"{where}: span {span} runs past the text ({len(text)} characters)")
        else:
            piece = text[span[0] : span[1]]
            # the name, or its first word written short ('Scale' for 'Scale AI')
            words = company.split() if isinstance(company, str) else []
            short = words[0].lower() if words and len(words[0]) >= 4 else None
            name_ok = bool(words) and (company.lower() in piece.lower() or (short and short in piece.lower()))
            amount_ok = is_number(amount) and span_shows_amount(piece, amount)
            if not (name_ok or amount_ok):
                problems.append(
                    f"{where}: span {span} shows neither the company's name nor the amount's digits"
                )
    return problems


def check(split: str, with_texts: bool, counts_only: bool = False) -> int:
    manifest = HERE / split / "manifest.jsonl"
    texts_dir = HERE / "texts" / split
    if not manifest.is_file():
        print(f"no manifest at {manifest}")
        return 1
    slugs, codes = round_slugs(), currency_codes()
    problems: list[str] = []
    other_urls: dict[str, str] = {}
    for other in sorted(HERE.glob("*/manifest.jsonl")):
        if other.parent.name == split:
            continue
        for line in other.read_text(encoding="utf-8").splitlines():
            if line.strip():
                with contextlib.suppress(json.JSONDecodeError, AttributeError):
                    other_urls[json.loads(line).get("url")] = other.parent.name

    ids: set[str] = set()
    urls: set[str] = set()
    outlets: set[str] = set()
    styles: Counter[str] = Counter()
    negative_classes: Counter[str] = Counter()
    round_types: Counter[str] = Counter()
    currencies: Counter[str] = Counter()
    n_texts = n_deals = n_non_usd = n_with_negatives = n_no_deals = 0

    for lineno, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            problems.append(f"line {lineno}: blank line")
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {lineno}: not JSON ({exc})")
            continue
        if not isinstance(entry, dict):
            problems.append(f"line {lineno}: not a JSON object")
            continue
        n_texts += 1
        tid = entry.get("id")
        where = f"line {lineno} ({tid})"
        missing, extra = TEXT_KEYS - entry.keys(), entry.keys() - TEXT_KEYS
        if missing:
            problems.append(f"{where}: missing keys {sorted(missing)}")
        if extra:
            problems.append(f"{where}: unknown keys {sorted(extra)}")
        if not isinstance(tid, str) or not re.fullmatch(rf"{re.escape(split)}-\d{{3,}}", tid):
            problems.append(f"{where}: id must look like {split}-001")
        elif tid in ids:
            problems.append(f"{where}: id repeats")
        else:
            ids.add(tid)
        corpus = entry.get("corpus")
        if corpus not in CORPORA:
            problems.append(f"{where}: corpus must be one of {sorted(CORPORA)}")
        if not isinstance(entry.get("query"), str) or not entry["query"].strip():
            problems.append(f"{where}: query must be the exact non-empty query string")
        url = entry.get("url")
        outlet = outlet_of(url, corpus) if isinstance(url, str) else None
        if outlet is None:
            problems.append(
                f"{where}: url {url!r} is not an http(s) URL (pages) or github:owner/repo:path (code)"
            )
        else:
            if entry.get("outlet") != outlet:
                problems.append(f"{where}: outlet {entry.get('outlet')!r} is not the URL's host {outlet!r}")
            outlets.add(outlet)
            if url in urls:
                problems.append(f"{where}: url repeats within the split")
            urls.add(url)
            if url in other_urls:
                problems.append(f"{where}: url is also in split {other_urls[url]!r}")
        published = entry.get("published")
        if published is not None:
            date = parse_date(published)
            if date is None:
                problems.append(f"{where}: published must be YYYY-MM-DD or null")
            elif not FIRST_YEAR <= date.year <= LAST_YEAR:
                problems.append(f"{where}: published {published} is outside {FIRST_YEAR}-{LAST_YEAR}")
        style = entry.get("style")
        if style not in STYLES:
            problems.append(f"{where}: style {style!r} is not one of {sorted(STYLES)}")
        else:
            styles[style] += 1
        sha = entry.get("sha256")
        if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
            problems.append(f"{where}: sha256 must be 64 lowercase hex digits")
        negatives = entry.get("negatives")
        if not isinstance(negatives, list) or not all(n in NEGATIVES for n in negatives):
            problems.append(f"{where}: negatives must be a list of {sorted(NEGATIVES)}")
        elif negatives:
            n_with_negatives += 1
            negative_classes.update(set(negatives))
            if len(set(negatives)) != len(negatives):
                problems.append(f"{where}: negatives repeat a class")

        text: str | None = None
        if with_texts and isinstance(tid, str):
            path = texts_dir / f"{tid}.txt"
            if not path.is_file():
                problems.append(
                    f"{where}: text {path.relative_to(REPO)} is missing (rebuild it, or use --no-texts)"
                )
            else:
                raw = path.read_bytes()
                if hashlib.sha256(raw).hexdigest() != sha:
                    problems.append(f"{where}: SHA-256 of {path.name} differs from the manifest")
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    problems.append(f"{where}: {path.name} is not UTF-8")

        deals = entry.get("deals")
        if not isinstance(deals, list):
            problems.append(f"{where}: deals must be a list")
            continue
        if not deals:
            n_no_deals += 1
            if not negatives:
                problems.append(f"{where}: a text without deals must name its negatives")
        non_usd = False
        for index, deal in enumerate(deals):
            problems.extend(check_deal(f"{where} deal {index}", deal, text, slugs, codes))
            if isinstance(deal, dict):
                n_deals += 1
                round_types[str(deal.get("round_type"))] += 1
                if deal.get("currency"):
                    currencies[deal["currency"]] += 1
                    if deal["currency"] != "USD":
                        non_usd = True
        n_non_usd += non_usd

    if n_texts and n_no_deals / n_texts > MAX_PURE_NEGATIVE_SHARE:
        problems.append(
            f"{n_no_deals} of {n_texts} texts have no deal: more than {MAX_PURE_NEGATIVE_SHARE:.0%}"
        )

    print(f"split {split}: {n_texts} texts, {len(outlets)} outlets, {n_deals} deals")
    print(f"styles: {dict(sorted(styles.items()))} ({len(styles)} styles)")
    print(f"non-USD texts: {n_non_usd}; currencies (deals): {dict(currencies.most_common())}")
    print(f"round types (deals): {dict(round_types.most_common())}")
    print(f"texts with negatives: {n_with_negatives}; classes: {dict(negative_classes.most_common())}")
    print(f"texts without deals: {n_no_deals}")
    if problems and counts_only:
        per_text = Counter(re.sub(r"^line \d+ \(([^)]*)\).*", r"\1", problem) for problem in problems)
        print(f"\n{len(problems)} problem(s), by text: {dict(sorted(per_text.items()))}")
        return 1
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("OK")
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("split", help="split name, e.g. dev or holdout")
    parser.add_argument("--no-texts", action="store_true", help="check the manifest without the saved texts")
    parser.add_argument("--counts-only", action="store_true", help="count problems, never show them")
    args = parser.parse_args()
    sys.exit(check(args.split, with_texts=not args.no_texts, counts_only=args.counts_only))


if __name__ == "__main__":
    main()
