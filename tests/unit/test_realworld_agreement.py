"""Two labellings of the same texts compared as the extractor is scored (realworld/agreement.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assets.normalize.mentions import References
from bench.extraction.realworld import agreement
from bench.extraction.realworld.manifest import ManifestText


def _deal(company: str, round_type: str, amount: int | None, currency: str = "USD") -> dict:
    return {
        "company": company,
        "round_type": round_type,
        "round_text": None,
        "amount": amount,
        "currency": currency if amount is not None else None,
        "amount_is_floor": False,
        "valuation": None,
        "valuation_is_floor": False,
        "lead_investors": [],
        "investors": [],
        "announced_date": "2025-03-04",
        "date_precision": "day",
        "status": "announced",
        "span": None,
    }


def _text(text_id: str, *deals: dict) -> ManifestText:
    return ManifestText(text_id, "news", "https://example.org/a", date(2025, 3, 4), "0" * 64, (), deals)


@pytest.fixture(scope="module")
def refs() -> References:
    return References.of()


def test_agreeing_and_disagreeing_deals_are_counted_as_the_extractor_is(refs):
    committed = [
        _text("t1", _deal("Quillfern", "series_a", 12_000_000), _deal("Brindle Labs", "venture", 5_000_000)),
        _text("t2", _deal("Orvane", "seed", 2_000_000)),
        _text("t3", _deal("Tollgrid", "debt", 40_000_000)),  # not labelled a second time
    ]
    second = [
        # the same Series A within 2%; Brindle typed `unknown` (a stage unstated either way); a third deal
        _text(
            "t1",
            _deal("Quillfern", "series_a", 12_100_000),
            _deal("Brindle Labs", "unknown", 5_000_000),
            _deal("Harrowgate", "seed", 1_000_000),
        ),
        _text("t2", _deal("Orvane", "seed", 3_000_000)),  # another amount
    ]
    result = agreement.compare(committed, second, refs)
    assert (result.texts, result.committed, result.second) == (2, 3, 4)
    assert (result.deals.tp, result.deals.fp, result.deals.fn) == (1, 3, 2)
    assert (result.company_amount.tp, result.company_amount.fp, result.company_amount.fn) == (2, 2, 1)
    assert (result.stage_unstated.tp, result.stage_unstated.fp, result.stage_unstated.fn) == (2, 2, 1)
    assert sorted(
        (text_id, (first or {}).get("company", "-"), (then or {}).get("company", "-"))
        for text_id, first, then in result.disagreements
    ) == [
        ("t1", "-", "Harrowgate"),
        ("t1", "Brindle Labs", "Brindle Labs"),
        ("t2", "Orvane", "Orvane"),
    ]


def test_amounts_agree_in_their_own_currency_and_undisclosed_agrees_with_undisclosed(refs):
    committed = [_text("t1", _deal("Quillfern", "seed", 3_000_000, "EUR"), _deal("Orvane", "seed", None))]
    second = [_text("t1", _deal("Quillfern", "seed", 3_000_000, "EUR"), _deal("Orvane", "seed", None))]
    assert agreement.compare(committed, second, refs).deals.tp == 2
    other_currency = [_text("t1", _deal("Quillfern", "seed", 3_000_000, "USD"), _deal("Orvane", "seed", 1))]
    assert agreement.compare(committed, other_currency, refs).deals.tp == 0


def _write(path: Path, texts: list[dict]) -> Path:
    path.write_text("".join(json.dumps(text) + "\n" for text in texts), encoding="utf-8")
    return path


def test_the_command_refuses_to_show_the_holdout_and_reports_an_unreadable_file(tmp_path, capsys):
    second = _write(tmp_path / "second.jsonl", [])
    assert agreement.main(["holdout", str(second), "--show"]) == 2
    assert "not shown" in capsys.readouterr().err
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    assert agreement.main(["dev", str(broken)]) == 2
    assert "cannot read the second labelling" in capsys.readouterr().err
    assert agreement.main(["dev", str(second)]) == 2  # shares no text
    assert "shares no text id" in capsys.readouterr().err
