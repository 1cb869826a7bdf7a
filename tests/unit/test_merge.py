"""Cross-source resolution: which mentions become one deal, and which facts win when they disagree."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd

from assets.normalize.fx import FxTable
from assets.resolve.merge import MergePolicy, resolve_deals


def mention(record_id: str, **facts) -> dict:
    base = {
        "record_id": record_id,
        "source_id": "src",
        "url": f"file:///{record_id}",
        "document_sha256": "f" * 64,
        "method": "prose",
        "locator": "p[0]/s[0]",
        "snippet": f"snippet {record_id}",
        "published_date": pd.Timestamp("2026-05-11"),
        "company": "RadixArk",
        "company_key": "radixark",
        "company_alias": None,
        "round_type": "unknown",
        "amount_usd": None,
        "amount_is_floor": False,
        "amount_is_ceiling": False,
        "amount_original": None,
        "currency": None,
        "valuation_usd": None,
        "valuation_is_floor": False,
        "lead_investors": [],
        "investors": [],
        "announced_date": pd.Timestamp("2026-05-11"),
        "date_basis": "published",
        "segment": "unclassified",
        "segment_basis": "fallback",
    }
    for key in ("announced_date", "published_date"):
        if key in facts and isinstance(facts[key], str):
            facts[key] = pd.Timestamp(facts[key])
    return base | facts


def resolve(*mentions: dict, policy: MergePolicy | None = None):
    frame = pd.DataFrame(list(mentions))
    for column in ("amount_usd", "valuation_usd"):
        frame[column] = frame[column].astype("Int64")
    return resolve_deals(frame, policy)


def test_table_prose_and_newsletter_mentions_become_one_deal_with_the_facts_of_each():
    deals, sources = resolve(
        mention(
            "table",
            method="document_table",
            round_type="seed",
            amount_usd=100_000_000,
            valuation_usd=400_000_000,
            segment="inference_engines",
            segment_basis="stated",
            company_alias="SGLang",
            amount_original="$100M",
            currency="USD",
        ),
        mention(
            "prose",
            round_type="seed",
            amount_usd=100_000_000,
            valuation_usd=400_000_000,
            lead_investors=["Accel", "Spark Capital"],
            investors=["Accel", "Spark Capital"],
        ),
        mention(
            "newsletter",
            source_id="newsletter",
            valuation_usd=400_000_000,
            lead_investors=["Accel"],
            investors=["Accel"],
            announced_date="2026-01-28",
            published_date="2026-01-28",
        ),
    )
    assert len(deals) == 1
    deal = deals.iloc[0]
    assert (deal["round_type"], deal["amount_usd"], deal["valuation_usd"]) == (
        "seed",
        100_000_000,
        400_000_000,
    )
    assert deal["lead_investors"] == ["Accel", "Spark Capital"]
    assert deal["announced_date"] == date(2026, 1, 28)  # the earliest report
    assert deal["date_basis"] == "published"
    assert (deal["segment"], deal["layer"], deal["segment_label"]) == (
        "inference_engines",
        "inference",
        "Inference engines",
    )
    assert deal["company_aliases"] == ["SGLang"]
    assert (deal["source_count"], deal["mention_count"], deal["conflicts"]) == (2, 3, [])
    assert sources.sort_values("precedence")["record_id"].tolist() == ["table", "prose", "newsletter"]
    assert set(sources["deal_id"]) == {deal["deal_id"]}


def test_an_explicit_date_beats_publication_dates():
    deals, _ = resolve(
        mention(
            "a", round_type="seed", amount_usd=5, published_date="2026-03-01", announced_date="2026-03-01"
        ),
        mention("b", round_type="seed", amount_usd=5, announced_date="2026-02-14", date_basis="explicit"),
    )
    assert deals["announced_date"].tolist() == [date(2026, 2, 14)]
    assert deals["date_basis"].tolist() == ["explicit"]


EUR_RATES = FxTable({"EUR": [(date(2026, 3, 1), Decimal("1.08")), (date(2026, 6, 1), Decimal("1.25"))]})


def _euro_export_row(record_id: str, **facts) -> dict:
    """An export row of a EUR 40M Series A that its export dates by publication (June 15): converted at
    June's rate, as the normaliser leaves it."""
    return mention(
        record_id, method="table_row", round_type="series_a", amount_usd=50_000_000, currency="EUR",
        amount_original="EUR 40M", amount_in_currency=40_000_000.0, published_date="2026-06-15",
        announced_date="2026-06-15",
    ) | facts  # fmt: skip


def test_a_merged_deal_converts_its_amount_at_the_rate_of_the_date_it_carries():
    """The export gives the amount (converted at June's rate), a story dates the round March 2: the deal
    shows March 2, so its dollars are the EUR 40M at March's rate, not June's. Its evidence keeps what each
    mention said."""
    deals, sources = resolve_deals(
        pd.DataFrame([
            _euro_export_row("table"),
            mention("story", round_type="series_a", announced_date="2026-03-02", date_basis="explicit"),
        ]),
        fx=EUR_RATES,
    )  # fmt: skip
    assert deals[["announced_date", "amount_usd", "currency"]].values.tolist() == [
        [date(2026, 3, 2), 43_200_000, "EUR"]
    ]
    assert sources.set_index("record_id")["amount_usd"].to_dict()["table"] == 50_000_000


def test_a_merged_deal_of_one_month_or_in_dollars_keeps_its_amount():
    """Dated in the month it was converted at (or before the table, whose first month it already took),
    or in US dollars: nothing to convert again."""
    same_month = mention("story", round_type="series_a", announced_date="2026-06-02", date_basis="explicit")
    deals, _ = resolve_deals(pd.DataFrame([_euro_export_row("table"), same_month]), fx=EUR_RATES)
    assert deals["amount_usd"].tolist() == [50_000_000]
    in_dollars = _euro_export_row("table", currency="USD", amount_in_currency=50_000_000.0)
    earlier = mention("story", round_type="series_a", announced_date="2026-03-02", date_basis="explicit")
    deals, _ = resolve_deals(pd.DataFrame([in_dollars, earlier]), fx=EUR_RATES)
    assert deals["amount_usd"].tolist() == [50_000_000]
    march = _euro_export_row(
        "table", amount_usd=43_200_000, announced_date="2026-03-10", published_date="2026-03-10"
    )
    before_table = mention("story", round_type="series_a", announced_date="2026-02-20", date_basis="explicit")
    deals, _ = resolve_deals(pd.DataFrame([march, before_table]), fx=EUR_RATES)
    assert deals[["announced_date", "amount_usd"]].values.tolist() == [[date(2026, 2, 20), 43_200_000]]


def test_a_merged_deals_valuation_is_converted_at_the_month_of_its_date_too():
    """The export's valuation (EUR 200M, converted at June's rate) with a story that dates the round in
    March: both figures of the deal at March's rate, so the valuation is never below what the round
    raised for want of one rate."""
    row = _euro_export_row("table", valuation_usd=250_000_000, valuation_currency="EUR",
                           valuation_in_currency=200_000_000.0)  # fmt: skip
    story = mention("story", round_type="series_a", announced_date="2026-03-02", date_basis="explicit")
    deals, _ = resolve_deals(pd.DataFrame([row, story]), fx=EUR_RATES)
    assert deals[["amount_usd", "valuation_usd"]].values.tolist() == [[43_200_000, 216_000_000]]


def test_two_reports_of_one_figure_in_one_currency_agree_whatever_their_months_rates():
    """EUR 25M reported in March and in June is one figure: converted at 1.08 and 1.25 it is $27M and
    $31.25M, 14% apart in dollars. Compared in euros, a round with no stage merges into one deal and no
    amount conflict is listed; in dollars (a USD report beside a EUR one) the tolerance still holds."""
    march = mention("march", round_type="unknown", amount_usd=27_000_000, currency="EUR",
                    amount_in_currency=25_000_000.0, announced_date="2026-03-10")  # fmt: skip
    june = mention("june", round_type="unknown", amount_usd=31_250_000, currency="EUR",
                   amount_in_currency=25_000_000.0, announced_date="2026-06-10",
                   method="table_row")  # fmt: skip
    deals, _ = resolve_deals(pd.DataFrame([march, june]), fx=EUR_RATES)
    assert (len(deals), list(deals["conflicts"].iloc[0])) == (1, [])
    stated = [march | {"round_type": "series_a"}, june | {"round_type": "series_a"}]
    deals, _ = resolve_deals(pd.DataFrame(stated), fx=EUR_RATES)
    assert (len(deals), list(deals["conflicts"].iloc[0])) == (1, [])
    in_dollars = june | {"currency": "USD", "amount_in_currency": 31_250_000.0}
    deals, _ = resolve_deals(pd.DataFrame([march, in_dollars]), fx=EUR_RATES)
    assert len(deals) == 2  # $27M and $31.25M: 14% apart, two rounds of no stage


def test_different_rounds_of_one_company_stay_separate():
    deals, _ = resolve(
        mention("seed", round_type="seed", amount_usd=100_000_000, announced_date="2026-01-28"),
        mention("series_a", round_type="series_a", amount_usd=300_000_000, announced_date="2026-04-02"),
    )
    assert sorted(deals["round_type"]) == ["seed", "series_a"]


def test_same_stated_round_with_conflicting_amounts_is_one_deal_flagged():
    deals, _ = resolve(
        mention("table", method="table_row", round_type="series_b", amount_usd=40_000_000),
        mention("prose", round_type="series_b", amount_usd=55_000_000, valuation_usd=400_000_000),
    )
    assert len(deals) == 1
    assert deals.iloc[0]["amount_usd"] == 40_000_000  # table beats prose
    assert deals.iloc[0]["conflicts"] == ["amount_usd"]


def test_unknown_rounds_with_different_amounts_are_different_deals():
    deals, _ = resolve(mention("a", amount_usd=10_000_000), mention("b", amount_usd=90_000_000))
    assert sorted(deals["amount_usd"].tolist()) == [10_000_000, 90_000_000]


def test_amounts_within_tolerance_agree():
    deals, _ = resolve(mention("a", amount_usd=1_500_000_000), mention("b", amount_usd=1_520_000_000))
    assert len(deals) == 1
    assert deals.iloc[0]["conflicts"] == []


def test_mentions_outside_the_window_are_different_deals():
    policy = MergePolicy(window_days=30)
    deals, _ = resolve(
        mention("a", round_type="seed", announced_date="2026-01-01"),
        mention("b", round_type="seed", announced_date="2026-03-01"),
        policy=policy,
    )
    assert len(deals) == 2
    assert deals["deal_id"].is_unique


def test_a_newer_document_corrects_an_older_one_of_the_same_method():
    deals, _ = resolve(
        mention("old", round_type="series_c", amount_usd=200_000_000, published_date="2026-01-10"),
        mention("new", round_type="series_c", amount_usd=250_000_000, published_date="2026-01-20"),
    )
    assert deals.iloc[0]["amount_usd"] == 250_000_000
    assert deals.iloc[0]["conflicts"] == ["amount_usd"]


def test_every_mention_lands_in_exactly_one_deal_and_ids_are_stable():
    mentions = [
        mention(f"m{i}", company=f"Co{i % 3}", company_key=f"co{i % 3}", amount_usd=(i % 4 + 1) * 10_000_000)
        for i in range(24)
    ]
    deals, sources = resolve(*mentions)
    assert sorted(sources["record_id"]) == sorted(m["record_id"] for m in mentions)
    assert deals["mention_count"].sum() == len(mentions)
    again, _ = resolve(*reversed(mentions))
    assert sorted(again["deal_id"]) == sorted(deals["deal_id"])


def test_a_reported_round_is_never_merged_into_an_announced_one():
    deals, _ = resolve(
        mention("talks", round_type="series_b", amount_usd=40_000_000, status="reported"),
        mention(
            "closed", round_type="series_b", amount_usd=40_000_000, status="announced", method="table_row"
        ),
        mention("talks-again", round_type="series_b", amount_usd=40_000_000, status="reported"),
    )
    assert sorted(zip(deals["status"], deals["mention_count"], strict=True)) == [
        ("announced", 1),
        ("reported", 2),
    ]


def test_a_round_without_its_stage_merges_into_the_stated_one():
    deals, _ = resolve(
        mention("title", round_type="series_b", amount_usd=40_000_000, method="table_row"),
        mention("body", round_type="venture", amount_usd=40_000_000),
    )
    assert deals[["round_type", "mention_count", "conflicts"]].values.tolist() == [["series_b", 2, []]]


# --- mentions of every shape side by side (tests/unit/test_resolve_in_database.py) ----------------------


def _mixed_mentions() -> pd.DataFrame:
    """Lone mentions and mergeable ones side by side: same company and date with another status, a
    stageless mention beside stated ones, two sources, the same round twice far apart, aliases."""
    rows = [
        mention(
            "a1",
            company="Ketch",
            company_key="ketch",
            round_type="series_a",
            amount_usd=10_000_000,
            announced_date="2025-01-10",
            lead_investors=["Fern VC"],
            investors=["Fern VC", "Moss"],
            currency="USD",
            amount_original="$10M",
            warnings=["w1", "w1"],
        ),
        mention(
            "a2",
            company="Ketch",
            company_key="ketch",
            round_type="series_a",
            amount_usd=10_000_000,
            announced_date="2025-01-10",
            status="reported",
            source_id="other",
        ),
        mention(
            "a3",
            company="Ketch",
            company_key="ketch",
            round_type="series_a",
            amount_usd=11_000_000,
            announced_date="2025-02-01",
            method="table_row",
            company_alias="Ketch Labs",
        ),
        mention(
            "a4", company="Ketch", company_key="ketch", round_type="series_a", announced_date="2026-03-01"
        ),
        mention(
            "b1",
            company="Wren",
            company_key="wren",
            round_type="unknown",
            amount_usd=5_000_000,
            announced_date="2024-06-01",
            segment=None,
            announced_date_precision=None,
        ),
        mention(
            "b2",
            company="Wren",
            company_key="wren",
            round_type="seed",
            amount_usd=5_100_000,
            announced_date="2024-06-20",
            date_basis="explicit",
            valuation_usd=20_000_000,
            valuation_is_floor=True,
        ),
        mention(
            "c1",
            company="Quill",
            company_key="quill",
            round_type="venture",
            amount_usd=1_000_000,
            announced_date="2023-01-01",
            published_date=None,
            amount_is_floor=True,
        ),
        mention(
            "c2",
            company="Quill",
            company_key="quill",
            round_type="series_b",
            amount_usd=90_000_000,
            announced_date="2023-12-01",
            segment="ai_chips",
            segment_basis="stated",
        ),
        mention(
            "d1",
            company="Solo",
            company_key="solo",
            round_type="seed",
            announced_date="2022-02-02",
            status="reported",
            segment="not_a_segment",
        ),
    ]
    frame = pd.DataFrame(rows)
    for column in ("amount_usd", "valuation_usd"):
        frame[column] = frame[column].astype("Int64")
    return frame


def test_a_stageless_mention_cannot_leave_one_round_as_two_deals() -> None:
    """In record order: a 'venture' mention opens a deal; an angel mention 179 days later is too far in
    amount to join it and opens another; an angel mention between them joins the first (nearer) and gives
    it the angel stage. The two angel deals fall within the window: they are one round."""
    deals, sources = resolve(
        mention("m1", round_type="venture", amount_usd=335_000, announced_date="2011-07-18",
                date_basis="explicit"),
        mention("m2", round_type="angel", amount_usd=990_014, announced_date="2012-01-13",
                date_basis="explicit"),
        mention("m3", round_type="angel", announced_date="2011-09-01", date_basis="explicit"),
    )  # fmt: skip
    assert len(deals) == 1
    assert deals.loc[0, "round_type"] == "angel"
    assert deals.loc[0, "mention_count"] == 3
    assert sorted(sources["record_id"]) == ["m1", "m2", "m3"]


def test_a_deal_carries_the_warnings_of_what_it_took_not_of_every_mention():
    deals, _ = resolve(
        mention(
            "table",
            method="document_table",
            round_type="seed",
            amount_usd=100_000_000,
            segment="inference_engines",
            segment_basis="stated",
            warnings=[],
        ),
        mention(
            "prose",
            round_type="seed",
            amount_usd=900_000_000,
            warnings=["amount_large_for_round", "segment_unclassified"],
        ),
    )
    deal = deals.iloc[0]
    assert (deal["segment"], deal["amount_usd"]) == ("inference_engines", 100_000_000)
    assert list(deal["warnings"]) == []  # the segment is known, and the large amount was not taken
    assert list(deal["conflicts"]) == ["amount_usd"]


def test_an_unclassified_deal_keeps_its_warning_and_the_amount_it_took_keeps_its_own():
    deals, _ = resolve(
        mention("a", round_type="seed", amount_usd=900_000_000, warnings=["amount_large_for_round",
                                                                         "segment_unclassified"]),
        mention("b", round_type="seed", warnings=["segment_unclassified"]),
    )  # fmt: skip
    assert list(deals.iloc[0]["warnings"]) == ["amount_large_for_round", "segment_unclassified"]


def test_sources_that_give_different_segments_are_a_conflict():
    deals, _ = resolve(
        mention("a", round_type="seed", segment="inference_engines", segment_basis="stated"),
        mention("b", round_type="seed", segment="ai_chips", segment_basis="stated"),
        mention("c", round_type="seed", segment="ai_agents", segment_basis="inferred"),  # a guess
        mention("d", round_type="seed"),  # no segment given: not a disagreement either
    )
    assert list(deals.iloc[0]["conflicts"]) == ["segment"]


def test_ties_go_to_the_mention_stated_first_and_a_missing_place_or_document_comes_last() -> None:
    """Two mentions of one seed round tie on method, date and source: the one earlier in its document
    (`mention_key`) gives the deal its amount, whatever the record ids or the rows' order; a mention
    without a place or a document hash (a frame never landed) is ordered after, as SQL orders NULL."""
    first = mention("zz-first", round_type="seed", amount_usd=10_000_000, mention_key=1)
    second = mention("aa-second", round_type="seed", amount_usd=60_000_000, mention_key=2)
    for rows in ((first, second), (second, first)):
        deals, _ = resolve(*rows)
        assert deals["amount_usd"].tolist() == [10_000_000]
    placeless = mention("aa-placeless", round_type="seed", amount_usd=60_000_000, mention_key=None)
    hashless = mention("aa-hashless", round_type="seed", amount_usd=60_000_000, document_sha256=None)
    for other in (placeless, hashless):
        for rows in ((first, other), (other, first)):
            frame = pd.DataFrame(list(rows))
            frame["mention_key"] = frame["mention_key"].astype("Int64")
            frame["amount_usd"] = frame["amount_usd"].astype("Int64")
            deals, _ = resolve_deals(frame)
            assert deals["amount_usd"].tolist() == [10_000_000]
