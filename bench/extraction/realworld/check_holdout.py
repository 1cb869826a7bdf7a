"""Validate the holdout split of the real-world extraction corpus (stdlib only).

    python bench/extraction/realworld/check_holdout.py [--split holdout] [--allow-missing] [--other PATH ...]

Checks every manifest line against the format in README.md: field types, round-type slugs against
schemas/reference/round_types.toml (plus series_a..series_k), currency codes against
schemas/reference/currencies.toml, ISO dates and precisions, statuses, styles and negative classes, ids in
sequence, unique URLs (also against other manifests given with --other). When a saved text is present it
recomputes its SHA-256 and checks each deal's span: inside the text, and on a sentence or row that contains
the company name or a number that gives the amount. Prints counts only (no labels, no text) and exits
non-zero on any problem.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

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
STATUSES = {"announced", "reported"}
PRECISIONS = {"day", "month", "quarter", "year"}
CORPORA = {"pages", "code"}
TOP_KEYS = {"id", "corpus", "query", "url", "outlet", "published", "style", "sha256", "deals", "negatives"}
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
SCALES = (1, 1e3, 1e5, 1e6, 1e7, 1e9, 1e12)
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def load_reference() -> tuple[set[str], set[str]]:
    ref = ROOT / "schemas" / "reference"
    rounds = set(tomllib.loads((ref / "round_types.toml").read_text(encoding="utf-8"))["round"])
    rounds |= {f"series_{c}" for c in "abcdefghijk"}
    currencies = set(tomllib.loads((ref / "currencies.toml").read_text(encoding="utf-8"))["currency"]) | {
        "USD"
    }
    return rounds, currencies


def is_iso_date(value: object) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def states_amount(snippet: str, amount: float) -> bool:
    for token in NUMBER.findall(snippet):
        try:
            number = float(token.replace(",", ""))
        except ValueError:
            continue
        for scale in SCALES:
            if abs(number * scale - amount) <= max(1e-6, amount * 1e-6):
                return True
    return False


def host_of(url: str) -> str:
    host = (urlparse(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def check_deal(
    where: str, deal: object, text: str | None, rounds: set[str], currencies: set[str], problems: list[str]
) -> None:
    if not isinstance(deal, dict):
        problems.append(f"{where}: deal is not an object")
        return
    missing, extra = DEAL_KEYS - deal.keys(), deal.keys() - DEAL_KEYS
    if missing or extra:
        problems.append(f"{where}: keys missing {sorted(missing)} extra {sorted(extra)}")
        return
    if not isinstance(deal["company"], str) or not deal["company"].strip():
        problems.append(f"{where}: company must be a non-empty string")
    if deal["round_type"] not in rounds:
        problems.append(f"{where}: unknown round_type {deal['round_type']!r}")
    if deal["round_text"] is not None and not isinstance(deal["round_text"], str):
        problems.append(f"{where}: round_text must be a string or null")
    for key in ("amount", "valuation"):
        if deal[key] is not None and not is_number(deal[key]):
            problems.append(f"{where}: {key} must be a positive number or null")
    for key in ("amount_is_floor", "valuation_is_floor"):
        if not isinstance(deal[key], bool):
            problems.append(f"{where}: {key} must be a boolean")
    if deal["amount"] is None and deal["amount_is_floor"]:
        problems.append(f"{where}: amount_is_floor without amount")
    if deal["valuation"] is None and deal["valuation_is_floor"]:
        problems.append(f"{where}: valuation_is_floor without valuation")
    if deal["currency"] not in currencies:
        problems.append(f"{where}: unknown currency {deal['currency']!r}")
    for key in ("lead_investors", "investors"):
        value = deal[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(f"{where}: {key} must be a list of names")
    if (
        isinstance(deal["lead_investors"], list)
        and isinstance(deal["investors"], list)
        and not set(deal["lead_investors"]) <= set(deal["investors"])
    ):
        problems.append(f"{where}: a lead investor is missing from investors")
    if deal["announced_date"] is None:
        if deal["date_precision"] is not None:
            problems.append(f"{where}: date_precision without announced_date")
    else:
        if not is_iso_date(deal["announced_date"]):
            problems.append(f"{where}: announced_date must be YYYY-MM-DD")
        if deal["date_precision"] not in PRECISIONS:
            problems.append(f"{where}: bad date_precision {deal['date_precision']!r}")
    if deal["status"] not in STATUSES:
        problems.append(f"{where}: bad status {deal['status']!r}")
    span = deal["span"]
    if not (
        isinstance(span, list)
        and len(span) == 2
        and all(isinstance(v, int) for v in span)
        and 0 <= span[0] < span[1]
    ):
        problems.append(f"{where}: span must be [start, end) with 0 <= start < end")
        return
    if text is None:
        return
    if span[1] > len(text):
        problems.append(f"{where}: span ends after the text ({span[1]} > {len(text)})")
        return
    snippet = text[span[0] : span[1]]
    named = isinstance(deal["company"], str) and deal["company"].casefold() in snippet.casefold()
    amounted = is_number(deal["amount"]) and states_amount(snippet, float(deal["amount"]))
    if not (named or amounted):
        problems.append(f"{where}: span states neither the company nor the amount")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="holdout")
    parser.add_argument("--allow-missing", action="store_true", help="do not fail on texts not saved yet")
    parser.add_argument("--other", nargs="*", default=[], help="other manifests that must share no URL")
    args = parser.parse_args(argv)

    rounds, currencies = load_reference()
    manifest = HERE / args.split / "manifest.jsonl"
    texts_dir = HERE / "texts" / args.split
    problems: list[str] = []
    if not manifest.exists():
        print(f"no manifest at {manifest}")
        return 1

    entries = []
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            problems.append(f"line {number}: empty line")
            continue
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError as exc:
            problems.append(f"line {number}: not JSON ({exc})")

    seen_urls: dict[str, str] = {}
    other_urls: set[str] = set()
    for path in args.other:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                other_urls.add(json.loads(line).get("url"))

    counts = Counter()
    styles, negatives, outlets = Counter(), Counter(), set()
    non_usd_texts = missing_texts = 0
    for index, entry in enumerate(entries, 1):
        where = f"entry {index}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not an object")
            continue
        missing, extra = TOP_KEYS - entry.keys(), entry.keys() - TOP_KEYS
        if missing or extra:
            problems.append(f"{where}: keys missing {sorted(missing)} extra {sorted(extra)}")
            continue
        expected_id = f"{args.split}-{index:03d}"
        if entry["id"] != expected_id:
            problems.append(f"{where}: id {entry['id']!r}, expected {expected_id!r}")
        where = str(entry["id"])
        if entry["corpus"] not in CORPORA:
            problems.append(f"{where}: bad corpus {entry['corpus']!r}")
        if not isinstance(entry["query"], str) or not entry["query"].strip():
            problems.append(f"{where}: query must be a non-empty string")
        url = entry["url"]
        if not isinstance(url, str) or not (
            url.startswith("http://") or url.startswith("https://") or url.startswith("github:")
        ):
            problems.append(f"{where}: bad url")
        else:
            if url in seen_urls:
                problems.append(f"{where}: url already used by {seen_urls[url]}")
            seen_urls[url] = where
            if url in other_urls:
                problems.append(f"{where}: url also in another split")
            if url.startswith("http") and entry["outlet"] != host_of(url):
                problems.append(f"{where}: outlet is not the url host")
        outlets.add(entry["outlet"])
        if entry["published"] is not None and not is_iso_date(entry["published"]):
            problems.append(f"{where}: published must be YYYY-MM-DD or null")
        elif entry["published"] is not None and not "2022-01-01" <= entry["published"] <= "2026-12-31":
            problems.append(f"{where}: published outside 2022-2026")
        if entry["style"] not in STYLES:
            problems.append(f"{where}: bad style {entry['style']!r}")
        styles[entry["style"]] += 1
        if not isinstance(entry["sha256"], str) or not re.fullmatch(r"[0-9a-f]{64}", entry["sha256"]):
            problems.append(f"{where}: sha256 must be 64 lowercase hex digits")
        if not isinstance(entry["negatives"], list) or not set(entry["negatives"]) <= NEGATIVES:
            problems.append(f"{where}: negatives must be a list of known classes")
        else:
            negatives.update(set(entry["negatives"]))
            if len(set(entry["negatives"])) != len(entry["negatives"]):
                problems.append(f"{where}: repeated negative class")

        text = None
        path = texts_dir / f"{entry['id']}.txt"
        if path.exists():
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                problems.append(f"{where}: saved text differs from the manifest's SHA-256")
            else:
                text = data.decode("utf-8")
        else:
            missing_texts += 1
            if not args.allow_missing:
                problems.append(f"{where}: text not saved at {path.relative_to(HERE)}")

        deals = entry["deals"]
        if not isinstance(deals, list):
            problems.append(f"{where}: deals must be a list")
            continue
        if not deals:
            counts["texts_without_deals"] += 1
            if not entry["negatives"]:
                problems.append(f"{where}: a text without deals must name its negative classes")
        if entry["style"] == "negative" and deals:
            problems.append(f"{where}: style negative but deals labelled")
        for number, deal in enumerate(deals, 1):
            check_deal(f"{where} deal {number}", deal, text, rounds, currencies, problems)
        currencies_here = {d.get("currency") for d in deals if isinstance(d, dict)}
        if currencies_here - {"USD"}:
            non_usd_texts += 1
        counts["deals"] += len(deals)
        for d in deals:
            if not isinstance(d, dict):
                continue
            counts["reported"] += d.get("status") == "reported"
            counts["with_valuation"] += d.get("valuation") is not None
            counts["floors"] += bool(d.get("amount_is_floor"))
            counts["non_usd_deals"] += d.get("currency") != "USD"
            counts["no_amount"] += d.get("amount") is None
            if d.get("round_type") in ("ipo", "strategic", "debt"):
                counts[d["round_type"]] += 1

    texts = len(entries)
    print(f"split: {args.split}")
    print(
        f"texts: {texts}  outlets: {len(outlets)}  deals: {counts['deals']}  (reported: {counts['reported']})"
    )
    print(
        f"deals: with valuation {counts['with_valuation']}, non-USD {counts['non_usd_deals']}, "
        f"amount floors {counts['floors']}, undisclosed amount {counts['no_amount']}, "
        f"ipo {counts['ipo']}, strategic {counts['strategic']}, debt {counts['debt']}"
    )
    print(
        f"texts without deals: {counts['texts_without_deals']}  "
        f"({100 * counts['texts_without_deals'] / max(texts, 1):.0f}%)"
    )
    print(
        f"non-USD texts (a deal in another currency): {non_usd_texts}  "
        f"({100 * non_usd_texts / max(texts, 1):.0f}%)"
    )
    print("styles: " + ", ".join(f"{k} {v}" for k, v in sorted(styles.items())))
    print("negative classes (texts): " + ", ".join(f"{k} {v}" for k, v in sorted(negatives.items())))
    if missing_texts:
        print(f"texts not saved: {missing_texts}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
