"""Real-world scorer: gold conversion, pairing, the date-period rule, miss classes, missing texts."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from assets.normalize.fx import FxTable
from assets.normalize.mentions import References
from assets.normalize.names import NameBook, Names, name_key
from bench.extraction.evaluate import match
from bench.extraction.realworld.languages import text_language
from bench.extraction.realworld.manifest import (
    UNDATED_FX_DAY,
    ManifestError,
    ManifestText,
    gold_deals,
    load_manifest,
    read_texts,
)
from bench.extraction.realworld.miss_classes import TextEvidence, classify_false, classify_miss, is_line_item
from bench.extraction.realworld.report import format_misses, format_realworld_report
from bench.extraction.realworld.scoring import (
    UNSEEN,
    Miss,
    RealWorldReport,
    amount_equal,
    evaluate_realworld,
    lost_at,
    money_equal,
    other_name_form,
    same_period,
    same_round,
)

# Texts written for these tests.
PLAIN_NEWS = (
    "Published: 2024-03-05\n\n"
    "Quillfern, a maker of soil sensors for vineyards, raised $12 million in a Series A round led by "
    "Northgate Ventures.\n\n"
    "The company said it would hire twenty engineers before the harvest.\n"
)
WEEKLY_LIST = (
    "Weekly notes from the harbour district\n\n"
    "• Brindlewood Robotics raised €8 million in seed funding.\n"
    "Lumen Harbor closes $40 million Series B\n"
    "Lumen Harbor is valued at $400 million after the round, its founder said.\n"
)
FX = FxTable(
    {
        "EUR": [
            (date(2024, 3, 1), Decimal("1.10")),
            (date(2024, 5, 1), Decimal("1.15")),
            (date(2024, 7, 1), Decimal("1.20")),
        ]
    }
)
NAMES = Names(
    NameBook.from_mapping({"Brindlewood": ["Brindlewood Robotics"]}),
    NameBook.from_mapping({"Northgate Ventures": ["Northgate VC"]}),
)


def _deal(company, round_type, amount, currency, announced, precision, span, **extra):
    deal = {
        "company": company,
        "round_type": round_type,
        "round_text": None,
        "amount": amount,
        "currency": currency,
        "amount_is_floor": False,
        "valuation": None,
        "valuation_is_floor": False,
        "lead_investors": [],
        "investors": [],
        "announced_date": announced,
        "date_precision": precision,
        "status": "announced",
        "span": span,
    }
    return deal | extra


def _span(text: str, piece: str) -> list[int]:
    start = text.index(piece)
    return [start, start + len(piece)]


def _manifest_lines() -> list[dict]:
    quillfern = PLAIN_NEWS.index("Quillfern")
    return [
        {
            "id": "dev-001",
            "url": "https://news.example/2024/05/orvane-seed",
            "style": "news",
            "published": "2024-03-05",
            "sha256": hashlib.sha256(PLAIN_NEWS.encode()).hexdigest(),
            "negatives": [],
            "deals": [
                _deal(
                    "Quillfern",
                    "series_a",
                    12_000_000,
                    "USD",
                    "2024-03-05",
                    "day",
                    [quillfern, PLAIN_NEWS.index(".\n\nThe") + 1],
                    lead_investors=["Northgate VC"],
                    investors=["Northgate VC"],
                )
            ],
        },
        {
            "id": "dev-002",
            "url": "https://letters.example/issue-12",
            "style": "newsletter",
            "published": None,
            "sha256": hashlib.sha256(WEEKLY_LIST.encode()).hexdigest(),
            "negatives": ["valuation_only"],
            "deals": [
                _deal(
                    "Brindlewood Robotics",
                    "seed",
                    8_000_000,
                    "EUR",
                    None,
                    None,
                    _span(WEEKLY_LIST, "Brindlewood Robotics raised €8 million in seed funding."),
                ),
                _deal(
                    "Lumen Harbor",
                    "series_b",
                    40_000_000,
                    "USD",
                    "2024-05-01",
                    "month",
                    _span(WEEKLY_LIST, "Lumen Harbor closes $40 million Series B"),
                    valuation=400_000_000,
                ),
            ],
        },
    ]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A tiny real-world layout: dev/manifest.jsonl and texts/dev/<id>.txt."""
    (tmp_path / "dev").mkdir()
    lines = [json.dumps(line, ensure_ascii=False) for line in _manifest_lines()]
    (tmp_path / "dev" / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    texts = tmp_path / "texts" / "dev"
    texts.mkdir(parents=True)
    (texts / "dev-001.txt").write_text(PLAIN_NEWS, encoding="utf-8")
    (texts / "dev-002.txt").write_text(WEEKLY_LIST, encoding="utf-8")
    return tmp_path


def _texts(corpus: Path) -> dict[str, ManifestText]:
    return {text.id: text for text in load_manifest(corpus / "dev" / "manifest.jsonl")}


def test_gold_money_is_converted_on_the_labelled_date_else_published_else_mid_2024(corpus):
    texts = _texts(corpus)
    dated = ManifestText(
        "dev-009",
        "news",
        "https://news.example/orvane",
        None,
        "0" * 64,
        (),
        (_deal("Orvane", "seed", 10_000_000, "EUR", "2024-03-20", "day", [0, 5]),),
    )
    published = ManifestText(
        "dev-010",
        "news",
        "https://news.example/2024/05/09/a",
        date(2024, 5, 9),
        "0" * 64,
        (),
        texts["dev-002"].deals[:1],
    )

    assert gold_deals(dated, NAMES, FX)[0]["amount_usd"] == 11_000_000  # March rate
    assert gold_deals(published, NAMES, FX)[0]["amount_usd"] == 9_200_000  # €8M, no label date: May
    assert date(2024, 7, 1) == UNDATED_FX_DAY
    undated = gold_deals(texts["dev-002"], NAMES, FX)[0]
    assert undated["amount_usd"] == 9_600_000  # neither: July 2024
    assert undated["announced_date"] is None
    assert undated["currency"] == "EUR"


def test_gold_money_dated_to_a_quarter_or_year_converts_at_the_periods_mean_rate():
    """As normalisation converts a deal dated '2024' or '2024-Q2': at the mean of the period's months."""
    monthly = FxTable({"EUR": [(date(2024, m, 1), Decimal(f"1.{m:02d}")) for m in range(1, 13)]})
    text = ManifestText(
        "dev-011",
        "history",
        "https://news.example/orvane",
        None,
        "0" * 64,
        (),
        (
            _deal("Orvane", "seed", 10_000_000, "EUR", "2024-01-01", "year", [0, 5]),
            _deal("Pellmar", "seed", 10_000_000, "EUR", "2024-04-01", "quarter", [0, 5]),
        ),
    )
    year, quarter = gold_deals(text, NAMES, monthly)
    assert year["amount_usd"] == 10_650_000  # 1.01 .. 1.12: mean 1.065, not January's 1.01
    assert quarter["amount_usd"] == 10_500_000  # April to June: 1.05

    predicted = _predicted("Orvane", 10_650_000, "seed", "EUR", date(2024, 1, 1))
    assert money_equal("amount_usd", year, predicted | {"announced_date_precision": "year"}, monthly)
    assert not money_equal("amount_usd", year | {"amount_usd": 0}, predicted, monthly)  # January: 1.01


def test_gold_names_are_canonicalised_and_keyed_like_predictions(corpus):
    texts = _texts(corpus)
    brindlewood, lumen = gold_deals(texts["dev-002"], NAMES, FX)
    assert brindlewood["company"] == "Brindlewood"
    assert brindlewood["key"] == name_key("Brindlewood")
    assert (lumen["valuation_usd"], lumen["round_type"]) == (400_000_000, "series_b")
    (quillfern,) = gold_deals(texts["dev-001"], NAMES, FX)
    assert quillfern["lead_investors"] == frozenset({"Northgate Ventures"})
    assert (quillfern["announced_date"], quillfern["date_precision"]) == (date(2024, 3, 5), "day")


def _predicted(company, amount_usd, round_type="unknown", currency="USD", announced=date(2024, 3, 5)):
    return {
        "company": company,
        "key": name_key(company),
        "amount_usd": amount_usd,
        "round_type": round_type,
        "valuation_usd": None,
        "currency": currency,
        "lead_investors": frozenset(),
        "investors": frozenset(),
        "announced_date": announced,
        "snippet": "",
    }


def test_amounts_agree_within_two_percent_or_in_the_same_currency_at_the_extractors_date(corpus):
    (quillfern,) = gold_deals(_texts(corpus)["dev-001"], NAMES, FX)
    assert amount_equal(quillfern, _predicted("Quillfern", 12_200_000))
    assert not amount_equal(quillfern, _predicted("Quillfern", 12_300_000))

    brindlewood = gold_deals(_texts(corpus)["dev-002"], NAMES, FX)[0]  # 9,600,000 at the July fallback
    march = _predicted("Brindlewood", 8_800_000, currency="EUR", announced=date(2024, 3, 12))
    assert money_equal("amount_usd", brindlewood, march, FX)  # €8M at March's 1.10
    assert not money_equal("amount_usd", brindlewood, march | {"currency": "USD"}, FX)


def test_pairs_by_company_key_and_separates_round_from_amount(corpus):
    golds = gold_deals(_texts(corpus)["dev-002"], NAMES, FX)
    found = [
        _predicted("Lumen Harbor", 40_000_000, round_type="series_a"),
        _predicted("Harbour Lights", 5_000_000),
    ]
    pairs = match(golds, found, amount_equal)
    assert [(g and g["company"], p and p["company"]) for g, p in pairs] == [
        ("Brindlewood", None),
        ("Lumen Harbor", "Lumen Harbor"),
        (None, "Harbour Lights"),
    ]


def test_a_companys_right_deal_is_paired_before_its_other_labels_take_a_prediction():
    # a funding history: the Series D label comes first, and none of the predictions is it
    series_d, series_b = (
        _predicted("Tallow Pay", 200_000_000, round_type="series_d"),
        _predicted("Tallow Pay", 50_000_000, round_type="series_b"),
    )
    golds = [series_d, series_b]
    found = [_predicted("Tallow Pay", 50_000_000, round_type="series_b")]
    pairs = match(golds, found)
    assert [(g["amount_usd"], p and p["amount_usd"]) for g, p in pairs] == [
        (200_000_000, None),
        (50_000_000, 50_000_000),
    ]


@pytest.mark.parametrize(
    ("labelled", "precision", "predicted", "right"),
    [
        (date(2024, 3, 5), "day", date(2024, 3, 28), True),
        (date(2024, 3, 5), "day", date(2024, 4, 1), False),
        (date(2024, 3, 1), "month", date(2023, 3, 1), False),
        (date(2024, 4, 1), "quarter", date(2024, 6, 30), True),
        (date(2024, 4, 1), "quarter", date(2024, 7, 1), False),
        (date(2024, 1, 1), "year", date(2024, 12, 31), True),
        (date(2024, 1, 1), "year", date(2025, 1, 1), False),
    ],
)
def test_announced_date_is_right_within_the_labelled_period(labelled, precision, predicted, right):
    assert same_period(labelled, precision, predicted) is right


def test_misses_and_false_deals_fall_in_the_documented_classes(corpus):
    text = _texts(corpus)["dev-002"]
    golds = gold_deals(text, NAMES, FX)
    evidence = TextEvidence(text, WEEKLY_LIST, golds)
    brindlewood, lumen = golds

    assert classify_miss(brindlewood, None, evidence) == "money_format"  # euros
    assert classify_miss(lumen, None, evidence) == "title_or_list_item"  # a headline line
    assert classify_miss(lumen, _predicted("Lumen Harbor", 400_000_000), evidence) == "valuation_as_amount"
    debt = lumen | {"round_type": "debt"}
    assert classify_miss(debt, None, evidence) == "ipo_strategic_debt"
    history = TextEvidence(text, WEEKLY_LIST, [*golds, lumen | {"amount_usd": 9_000_000}])
    assert classify_miss(lumen, None, history) == "funding_history"
    quill = _texts(corpus)["dev-001"]
    (quillfern,) = gold_deals(quill, NAMES, FX)
    assert classify_miss(quillfern, None, TextEvidence(quill, PLAIN_NEWS, [quillfern])) == "ordinary_sentence"
    assert classify_miss(quillfern, None, TextEvidence(quill, None, [quillfern])) == "other"

    total = _predicted("Harbour district", 60_000_000) | {
        "snippet": "Startups here raised $60 million in total."
    }
    assert classify_false(total, evidence, []) == "aggregate_as_deal"
    renamed = _predicted("Weekly", 40_000_000)  # the missed Lumen Harbor deal under a wrong name
    assert classify_false(renamed, evidence, [(lumen, None)]) == "title_or_list_item"
    again = _predicted("Lumen Harbor", 41_000_000)
    assert classify_false(again, evidence, []) == "page_noise_or_repeat"


def test_line_items_are_told_from_sentences():
    text = "Title line without a stop\n• One raised $5 million.\nA plain sentence raised $2 million.\nTail"
    assert is_line_item(text, tuple(_span(text, "Title line without a stop")))
    assert is_line_item(text, tuple(_span(text, "One raised $5 million.")))
    assert not is_line_item(text, tuple(_span(text, "A plain sentence raised $2 million.")))
    assert not is_line_item(text, tuple(_span(text, "Tail")))  # the excerpt's cut-off end


def test_class_counts_and_a_blind_listing_show_no_item(corpus):
    report = RealWorldReport(split="rw-holdout", saved=read_texts([], corpus))
    gold = gold_deals(_texts(corpus)["dev-001"], NAMES, FX)[0]
    report.misses = [
        Miss("holdout-001", "missed", "ordinary_sentence", gold, None, "Quillfern raised", ("rule_a",)),
        Miss("holdout-001", "false", "ordinary_sentence", None, _predicted("Ghost", 1), "Ghost"),
        Miss("holdout-002", "missed", "money_format", gold, None, "Quillfern"),
    ]
    counts = report.class_counts()
    assert (counts["ordinary_sentence"]["missed"], counts["ordinary_sentence"]["false"]) == (1, 1)
    assert counts["money_format"]["missed"] == 1
    assert sum(counts["other"].values()) == 0

    blind = "\n".join(format_misses(report, blind=True))
    for secret in ("holdout-00", "Quillfern", "Ghost"):
        assert secret not in blind
    assert [line.split() for line in blind.splitlines() if line.strip().startswith("total")] == [
        ["total", "2", "1"]
    ]
    assert "quarantined mention: 1 (rules: rule_a 1)" in blind
    listed = "\n".join(format_misses(report, blind=False))
    assert "[missed ordinary_sentence] holdout-001" in listed
    assert "span: Quillfern raised" in listed


def test_the_blind_listing_counts_missed_deals_by_style_and_where_they_were_lost(corpus):
    report = RealWorldReport(split="rw-holdout", saved=read_texts([], corpus))
    gold = gold_deals(_texts(corpus)["dev-001"], NAMES, FX)[0]
    report.misses = [
        Miss("holdout-001", "missed", "money_format", gold, None, "Quillfern", (), UNSEEN, "amount not read",
             "table"),
        Miss("holdout-001", "missed", "money_format", gold, None, "Quillfern", (), UNSEEN, "amount not read",
             "table"),
        Miss("holdout-002", "missed", "ordinary_sentence", gold, None, "Quillfern", (), "round", "", "news"),
        Miss("holdout-002", "false", "ordinary_sentence", None, _predicted("Ghost", 1), "Ghost",
             style="news"),
    ]  # fmt: skip

    blind = "\n".join(format_misses(report, blind=True))

    table = blind[blind.index("missed deals by style of the text and where lost") :].splitlines()
    assert table[1].split() == ["style", "round", "amt", "unread"]  # only the columns with a miss
    assert [line.split() for line in table[2:]] == [["table", "0", "2"], ["news", "1", "0"]]
    for secret in ("holdout-00", "Quillfern", "Ghost"):
        assert secret not in blind


def test_scores_the_texts_through_the_production_path(corpus):
    report = evaluate_realworld("dev", root=corpus, refs=References.of())
    assert (report.texts_scored, report.labelled_deals, report.saved.problems()) == (2, 3, [])
    # The plain sentence with a dated page is what the extractor has always read: it must be right.
    assert report.deals.tp >= 1
    assert not [m for m in report.misses if m.gold and m.gold["company"] == "Quillfern"]
    assert report.deals.tp + report.deals.fn == 3
    assert report.mentioned >= report.deals.tp
    assert len([m for m in report.misses if m.kind == "missed"]) == report.deals.fn
    assert report.dated >= 1
    assert report.dated_right == report.dated
    assert report.extract_seconds > 0
    assert report.text_chars == len(PLAIN_NEWS) + len(WEEKLY_LIST)


def test_speed_is_the_fastest_of_cold_passes_each_in_a_fresh_process(corpus):
    report = evaluate_realworld("dev", root=corpus, refs=References.of(), speed_passes=2)
    assert len(report.pass_seconds) == 2
    assert all(seconds > 0 for seconds in report.pass_seconds)
    assert report.extract_seconds == min(report.pass_seconds)
    assert report.texts_scored == 2  # scored once: the second pass only times the extraction
    speed = next(line for line in format_realworld_report(report) if line.startswith("  speed:"))
    each = ", ".join(f"{2 / seconds:.0f}" for seconds in report.pass_seconds)
    assert speed.endswith(f"; the fastest of 2 cold passes ({each} texts/s)")
    assert f"{2 / report.extract_seconds:.1f} texts/s on one core" in speed


def test_one_pass_says_it_is_one(corpus):
    report = evaluate_realworld("dev", root=corpus, refs=References.of())
    assert len(report.pass_seconds) == 1
    speed = next(line for line in format_realworld_report(report) if line.startswith("  speed:"))
    assert speed.endswith("; one cold pass")


def test_missing_and_altered_texts_are_said_plainly_and_the_rest_is_scored(corpus):
    (corpus / "texts" / "dev" / "dev-002.txt").unlink()
    (corpus / "texts" / "dev" / "dev-001.txt").write_text(PLAIN_NEWS + "An extra line.\n", encoding="utf-8")
    report = evaluate_realworld("dev", root=corpus, refs=References.of())
    assert (report.texts_scored, report.saved.mismatched) == (1, ("dev-001",))
    assert report.saved.problems() == [
        "1 of 2 texts present; rebuild them: see bench/extraction/realworld/README.md",
        "1 of 1 texts differ from the manifest's SHA-256 (scored as saved; rebuild them: see "
        "bench/extraction/realworld/README.md)",
    ]
    lines = list(format_realworld_report(report))
    assert lines[0] == "extraction quality on rw-dev: 1 of 2 texts scored, 1 labelled deals (0 reported)"
    assert lines[1] == "  ! 1 of 2 texts present; rebuild them: see bench/extraction/realworld/README.md"


def test_no_texts_at_all_scores_nothing_and_says_so(corpus):
    for path in (corpus / "texts" / "dev").iterdir():
        path.unlink()
    report = evaluate_realworld("dev", root=corpus, refs=References.of())
    assert (report.texts_scored, report.deals.fn) == (0, 0)
    assert report.saved.problems() == [
        "0 of 2 texts present; rebuild them: see bench/extraction/realworld/README.md"
    ]


def test_an_undated_text_is_dated_by_its_pages_url_as_production_dates_it(corpus):
    """dev-002 states no publication date: a URL without a date leaves its deals undated (kept, with no
    date: announced_date_present only warns); the page's URL with a month dates them to that month, as a
    refresh would."""
    undated = evaluate_realworld("dev", root=corpus, refs=References.of())
    lines = _manifest_lines()
    lines[1]["url"] = "https://letters.example/2024/05/issue-12"
    (corpus / "dev" / "manifest.jsonl").write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8"
    )
    dated = evaluate_realworld("dev", root=corpus, refs=References.of())

    assert undated.quarantined["announced_date_present"] == dated.quarantined["announced_date_present"] == 0
    found = [
        {m.found["company"]: m.found["announced_date"] for m in r.misses if m.found} for r in (undated, dated)
    ]
    assert found == [{"Lumen Harbor": None}, {"Lumen Harbor": date(2024, 5, 1)}]
    assert dated.deals.tp == undated.deals.tp


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (PLAIN_NEWS, "english"),
        (
            "La jeune pousse a levé 12 millions d'euros auprès des fonds pour son usine dans le Nord.",
            "french",
        ),
        ("La empresa levanta 3 millones con los fondos para su expansión en el mercado.", "spanish"),
        ("कंपनी ने बीज दौर में दो करोड़ रुपये जुटाए", "devanagari"),
        ("公司完成了一亿元的A轮融资", "cjk"),
        ("12 345 678", "other latin"),
    ],
)
def test_the_language_of_a_text_is_guessed_by_script_and_function_words(text, language):
    assert text_language(text) == language


def test_a_missed_deal_is_placed_at_the_first_stage_that_lost_it(corpus):
    gold = gold_deals(_texts(corpus)["dev-001"], NAMES, FX)[0]  # Quillfern, $12 million
    other = {**gold, "key": name_key("Ghost Labs")}
    right_money = {
        "key": gold["key"],
        "amount_usd": gold["amount_usd"],
        "currency": "USD",
        "announced_date": None,
    }
    assert lost_at(gold, {**right_money, "round_type": "seed"}, []) == "round"
    assert lost_at(gold, {**right_money, "amount_usd": 1}, []) == "amount"
    assert lost_at(gold, None, [right_money]) == "validation or resolution"
    assert lost_at(gold, None, [{**right_money, "key": other["key"]}]) == "company"
    assert lost_at(gold, None, [{**right_money, "amount_usd": 1}]) == "amount only"
    assert (
        lost_at(gold, None, [{**right_money, "key": other["key"], "amount_usd": 1}]) == "company and amount"
    )


def test_the_blind_listing_counts_misses_by_language_style_and_stage(corpus):
    report = evaluate_realworld("dev", root=corpus, refs=References.of())
    blind = "\n".join(format_misses(report, blind=True))
    english = next(line.split() for line in blind.splitlines() if line.strip().startswith("english"))
    assert english[1:3] == ["2", "3"]  # two texts, three labelled deals
    assert int(english[3]) + int(english[4]) == 3  # each right or missed
    assert "by style of the text:" in blind
    stages = [line for line in blind.splitlines() if ": " in line and line.strip()[:1].isdigit()]
    assert sum(int(line.split()[0]) for line in stages) == report.deals.fn


def test_an_outlet_is_its_urls_host_without_www_or_a_trailing_dot() -> None:
    from bench.extraction.realworld.check_manifest import outlet_of

    assert [
        outlet_of("https://www.cfnews.net./article/1", "pages"),
        outlet_of("https://news.example.org/a", "pages"),
        outlet_of("github:owner/repo:issues/1.md", "code"),
    ] == ["cfnews.net", "news.example.org", "github:owner/repo"]


@pytest.mark.parametrize(
    ("key", "other", "related"),
    [
        ("didi", "didi global", True),
        ("momo", "wow momo", True),
        ("runway ai", "runway", True),
        ("arsenalbio", "arsenal biosciences", False),  # not the same words
        ("data centers", "aligned data centers", True),
        ("acme", "acme", False),  # the same name is no other form
        ("acme", "globex", False),
    ],
)
def test_a_shorter_or_longer_form_of_a_name_is_its_first_or_last_words(key, other, related):
    assert other_name_form(key, other) is related


def test_a_deal_published_under_a_longer_label_name_is_counted_as_another_name_form(corpus):
    lines = _manifest_lines()
    lines[0]["deals"][0]["company"] = "Quillfern Sensors"  # the label's fuller name; the text says Quillfern
    (corpus / "dev" / "manifest.jsonl").write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8"
    )
    report = evaluate_realworld("dev", root=corpus, refs=References.of())
    assert [m.gold["company"] for m in report.misses if m.kind == "missed" and m.gold][:1] == [
        "Quillfern Sensors"
    ]
    assert report.other_name_form == 1
    assert "shorter or longer form of their name (each also a false deal): 1" in "\n".join(
        format_realworld_report(report)
    )


@pytest.mark.parametrize(
    ("deal_date", "precision", "message"),
    [
        ("2023", "year", "deals[0].announced_date '2023' is no ISO day"),
        ("2024-11", "month", "deals[0].announced_date '2024-11' is no ISO day"),
        ("2024-11-01", "week", "deals[0].date_precision 'week' is none of"),
    ],
)
def test_a_manifest_date_that_is_no_iso_day_is_refused_naming_the_text(
    tmp_path, deal_date, precision, message
):
    line = {
        "id": "dev-999", "corpus": "pages", "query": "q", "url": "https://example.org/a",
        "outlet": "example.org", "published": None, "style": "news", "sha256": "0" * 64, "negatives": [],
        "deals": [{"company": "Korvid", "announced_date": deal_date, "date_precision": precision}],
    }  # fmt: skip
    path = tmp_path / "manifest.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=f"dev-999: {message}".replace("[", "\\[").replace("]", "\\]")):
        load_manifest(path)


@pytest.mark.parametrize(
    ("labelled", "found", "same"),
    [
        ("venture", "unknown", True),  # 'a funding round' against 'a round': no stage stated either way
        ("unknown", "venture", True),
        ("series_a", "series_a", True),
        ("series_a", "venture", False),  # a stage stated is never the same as none
        ("unknown", "seed", False),
    ],
)
def test_the_lenient_deal_line_counts_venture_and_unknown_as_one_round(labelled, found, same) -> None:
    assert same_round({"round_type": labelled}, {"round_type": found}) is same


def test_the_lenient_line_is_printed_beside_the_strict_one_and_scores_at_least_as_many(corpus):
    report = evaluate_realworld("dev", root=corpus, refs=References.of())
    assert report.deals.tp <= report.deals_stage_unstated.tp <= report.deals_company_amount.tp
    lines = list(format_realworld_report(report))
    names = [line.split("  ")[1].strip() for line in lines if line.startswith("  deal")]
    assert names == ["deal", "deal (company+amount)", "deal (no stage as one)"]
