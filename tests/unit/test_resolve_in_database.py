"""Resolution in the working database gives the deals, evidence and ids `resolve_deals` gives in Python."""

from __future__ import annotations

import random
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from assets.normalize.fx import default_fx_table
from assets.normalize.mentions import normalize_mentions
from assets.parsing.dispatch import extract_document
from assets.resolve.in_database import resolve_in_database
from assets.resolve.merge import resolve_deals
from assets.sources import Source, SourceKind
from assets.validate.quarantine import validate_frame
from assets.validate.verdicts import create_valid_mentions
from bench.export_scale import write_export
from schemas.mention_schema import NormalizedMentionSchema
from schemas.rules import RECORD_RULES
from schemas.tables import TABLES
from schemas.taxonomy import default_taxonomy
from tests.normalized_rows import land_normalized
from tests.unit.test_merge import _mixed_mentions, mention
from warehouse.database import Warehouse, create_table
from warehouse.ddl import create_sql

NOW = datetime(2026, 6, 1, 12, 0)
SOURCE_ORDER = ["other", "src", "synthetic"]


def _export_mentions(tmp_path: Path) -> pd.DataFrame:
    export = tmp_path / "export.csv"
    write_export(export, 3_000)
    source = Source(id="synthetic", kind=SourceKind.TABLE, url=export.as_uri(),
                    options={"currency": "USD", "date_format": "%Y-%m-%d"})  # fmt: skip
    extracted = extract_document(source, export.as_uri(), "1" * 64, None, export)
    return validate_frame(normalize_mentions(extracted), NormalizedMentionSchema, RECORD_RULES).valid


def _as_verdicts(connection: duckdb.DuckDBPyConnection, valid: pd.DataFrame, folder: Path) -> None:
    """`valid` as validation leaves it: the rows normalised (their extraction's file in `folder`), their
    warnings in mention_verdicts, and the valid_mentions view over both."""
    land_normalized(connection, valid.drop(columns="warnings"), folder)
    create_table(connection, "mention_verdicts")
    warned = valid.loc[valid["warnings"].map(len) > 0, ["record_id", "warnings"]]
    connection.register("warned", warned)
    connection.execute(
        "insert into mention_verdicts select n.rowid, n.record_id, [], w.warnings, null "
        "from normalized_values n join warned w using (record_id)"
    )
    connection.unregister("warned")
    create_valid_mentions(connection)


def _in_database(
    valid: pd.DataFrame, sightings: pd.DataFrame | None = None, documents: pd.DataFrame | None = None
):
    connection, files = duckdb.connect(), tempfile.TemporaryDirectory()
    try:
        for name in ("documents", "deal_sightings"):
            create_table(connection, name)
        _as_verdicts(connection, valid, Path(files.name))
        if sightings is not None:
            Warehouse._insert(connection, "deal_sightings", sightings)
        if documents is not None:
            Warehouse._insert(connection, "documents", documents)
        counts = resolve_in_database(connection, default_taxonomy(), SOURCE_ORDER, NOW)
        # Resolution writes in no particular order for its own statements only: the session's setting
        # is what it was.
        assert connection.execute("select current_setting('preserve_insertion_order')").fetchone()[0]
        deals = connection.execute("select * from deals").df()
        evidence = connection.execute("select * from deal_sources").df()
        sighted = connection.execute("select * from deal_sightings").df()
    finally:
        connection.close()
        files.cleanup()
    assert counts == (len(deals), len(evidence))
    return deals, evidence, sighted


def _landed(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """A frame as DuckDB types it, so both sides compare in one representation."""
    connection = duckdb.connect()
    try:
        for statement in create_sql(TABLES[table]):  # a table even where the working file has a view
            connection.execute(statement)
        Warehouse._insert(connection, table, frame)
        return connection.execute(f"select * from {table}").df()
    finally:
        connection.close()


def _sorted(frame: pd.DataFrame, keys: list[str]) -> list[dict]:
    plain = frame.sort_values(keys, ignore_index=True).astype(object)
    plain = plain.where(plain.notna(), None)
    return [{k: v.tolist() if hasattr(v, "tolist") else v for k, v in row.items()}
            for row in plain.to_dict("records")]  # fmt: skip


def _mixed() -> pd.DataFrame:
    """The merge tests' mixed mentions with the columns a valid_mentions row must have."""
    mixed = _mixed_mentions()
    mixed["warnings"] = [w if isinstance(w, list) else [] for w in mixed["warnings"]]
    return mixed.assign(amount_status="parsed", valuation_status="missing")


def _resolved_as_python_resolves(valid: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The deals and evidence the database path makes of `valid`, asserted equal to Python's."""
    deals, evidence, _ = _in_database(valid)
    expected_deals, expected_evidence = resolve_deals(valid, source_order=SOURCE_ORDER)
    expected_deals = _landed(expected_deals.assign(first_seen_at=NOW), "deals")
    assert _sorted(deals.drop(columns="first_seen_at"), ["deal_id"]) == _sorted(
        expected_deals.drop(columns="first_seen_at"), ["deal_id"]
    )
    assert _sorted(evidence, ["deal_id", "precedence"]) == _sorted(
        _landed(expected_evidence, "deal_sources"), ["deal_id", "precedence"]
    )
    return deals, evidence


def _blank_dates(export: pd.DataFrame) -> pd.DataFrame:
    """An export whose every date cell was blank: no date, no precision or basis, the warn rule broken."""
    return export.assign(
        announced_date=pd.NaT,
        announced_date_precision=None,
        date_basis=None,
        warnings=[sorted({*w, "announced_date_present"}) for w in export["warnings"]],
    )


@pytest.mark.parametrize("rows", ["mixed", "export", "export without dates"])
def test_the_database_path_resolves_as_python_does(rows: str, tmp_path: Path) -> None:
    if rows == "mixed":
        valid = _mixed()
    else:
        valid = _export_mentions(tmp_path)
        valid = _blank_dates(valid) if rows == "export without dates" else valid
    deals, _ = _resolved_as_python_resolves(_landed(valid, "valid_mentions"))
    assert (deals["mention_count"] > 1).any()
    assert (deals["mention_count"] == 1).any()
    if rows == "export without dates":
        assert deals["announced_date"].isna().all()
        assert set(deals["date_basis"]) == {"undated"}


_FX = default_fx_table()
_WARNINGS = ["segment_unclassified", "amount_large_for_round", "amount_implausibly_small", "w1"]
_PEOPLE = ["Fern VC", "Moss", "Birch Capital", None]


def _pick(rng: random.Random, values: list, at_most: int) -> list:
    return [rng.choice(values) for _ in range(rng.randrange(at_most + 1))]


def _random_mention(rng: random.Random, index: int, company: int) -> dict:
    """A mention with every fact a deal takes drawn at random: companies 0-5 state every round, the rest
    sometimes give none; dates within the merge window for companies 0-4, wider for the rest; amounts that
    agree, differ and are missing; every method, source, date basis, segment basis and status."""
    rounds = ["seed", "series_a"] + (["venture", "unknown"] if company > 5 else [])
    amount = rng.choice([None, 10_000_000, 10_500_000, 14_000_000])
    valuation = rng.choice([None, 80_000_000, 90_000_000, 120_000_000])
    precision = rng.choice(["day", "month", "year", "", None])
    day = pd.Timestamp("2025-01-01") + timedelta(days=rng.randrange(150 if company < 5 else 400))
    # a date of month or year precision is the first day of its period, as normalisation writes it
    day = (
        day.replace(day=1)
        if precision == "month"
        else day.replace(month=1, day=1)
        if precision == "year"
        else day
    )
    currency = rng.choice(["USD", "EUR"]) if amount else None
    # converted at its own month's rate, as the normaliser leaves it: a deal dated by another mention's
    # month converts it again (`merge.amount_at_deal_month`), in SQL as in Python
    rate = _FX.rate(currency, day.date()) if currency == "EUR" else None
    return mention(
        f"r{index:04d}",
        company=rng.choice([f"Co{company}", f"Co{company} Labs"]),
        company_key=f"co{company}",
        company_alias=rng.choice([None, None, f"C{company}"]),
        source_id=rng.choice(["other", "src", "synthetic", "unlisted"]),
        method=rng.choice(["table_row", "document_table", "prose"]),
        published_date=rng.choice([None, pd.Timestamp("2025-01-01") + timedelta(days=rng.randrange(400))]),
        round_type=rng.choice(rounds),
        amount_usd=amount,
        amount_is_floor=rng.choice([True, False]) if amount else False,
        currency=currency,
        # as written in euros: what the normaliser converted at the mention's own month's rate
        amount_in_currency=amount / float(rate[0]) if rate else (float(amount) if amount else None),
        amount_original=f"{amount} raw" if amount else None,
        valuation_usd=valuation,
        valuation_currency=("EUR" if rate else "USD") if valuation else None,
        valuation_in_currency=(valuation / float(rate[0]) if rate else float(valuation))
        if valuation
        else None,
        valuation_is_floor=rng.choice([True, False]) if valuation else False,
        lead_investors=_pick(rng, _PEOPLE, 2),
        investors=_pick(rng, _PEOPLE, 3),
        announced_date=day,
        announced_date_precision=precision,
        date_basis=rng.choice(["explicit", "published"]),
        status=rng.choice(["announced", "announced", "reported", None]),
        segment=rng.choice(["ai_chips", "ai_agents", "unclassified", ""]),
        segment_basis=rng.choice(["stated", "label_keywords", "inferred", "fallback"]),
        warnings=_pick(rng, _WARNINGS, 2),
    )


def _resolved_watching_python(rows: list[dict], monkeypatch) -> tuple[pd.DataFrame, pd.DataFrame, set[str]]:
    """The deals and evidence of `rows` (asserted equal to Python's), and the company keys whose mentions
    reached clustering in Python."""
    frame = pd.DataFrame(rows)
    for column in ("amount_usd", "valuation_usd"):
        frame[column] = frame[column].astype("Int64")
    valid = _landed(frame.assign(amount_status="parsed", valuation_status="missing"), "valid_mentions")
    clustered: set[str] = set()
    monkeypatch.setattr(
        "assets.resolve.in_database.resolve_deals",
        lambda rest, *args: clustered.update(rest["company_key"]) or resolve_deals(rest, *args),
    )
    deals, evidence = _resolved_as_python_resolves(valid)
    return deals, evidence, clustered


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_one_round_groups_resolve_in_sql_as_python_does(seed: int, monkeypatch) -> None:
    """Mentions of one company, status and stated round within the window are one deal built in SQL
    (assets/resolve/round_groups.py): every fact it takes matches `resolve_deals`, and only the rest
    (stageless rounds nearby, rounds restated over more than the window) reaches Python."""
    rng = random.Random(seed)
    rows = [_random_mention(rng, i, rng.randrange(12)) for i in range(300)]
    deals, evidence, clustered = _resolved_watching_python(rows, monkeypatch)
    assert clustered.isdisjoint(f"co{i}" for i in range(5))  # grouped in SQL
    assert {"co5", "co6"} <= clustered  # a round restated over more than the window; stageless rounds
    grouped = deals[deals["mention_count"] > 1]
    assert (grouped["conflicts"].map(len) > 0).any()
    assert (grouped["company_aliases"].map(len) > 0).any()
    # Some merged deals in euros carry another month than their amount's mention: converted again.
    stated = evidence.sort_values("precedence").dropna(subset=["amount_usd"]).groupby("deal_id").first()
    euro = grouped[grouped["currency"] == "EUR"].set_index("deal_id")
    again = euro["amount_usd"] != stated.loc[euro.index, "amount_usd"]
    assert again.any()
    assert (~again).any()


def _undated(row: dict) -> dict:
    """`row` as a mention nothing dates: no date, no basis, flagged by the warn rule."""
    return row | {"announced_date": None, "date_basis": None, "announced_date_precision": None,
                  "warnings": [*row["warnings"], "announced_date_present"]}  # fmt: skip


@pytest.mark.parametrize("seed", [4, 5])
def test_undated_mentions_resolve_in_sql_as_python_does(seed: int, monkeypatch) -> None:
    """A mention nothing dates is near every date: it merges by company, status, round and figures alone,
    a deal of undated mentions only is undated (no date, no precision, basis 'undated', the warning kept),
    and a deal another mention dates drops the warning. Lone undated mentions and groups of one stated
    round are built in SQL, the rest in Python; both give the same deals and ids."""
    rng = random.Random(seed)
    rows = [_random_mention(rng, i, rng.randrange(12)) for i in range(200)]
    rows = [_undated(row) if rng.random() < 0.3 else row for row in rows]
    rows += [_undated(_random_mention(rng, 200 + i, 20 + i)) for i in range(5)]  # alone: a deal each
    deals, evidence, clustered = _resolved_watching_python(rows, monkeypatch)
    # Undated mentions of one stated round group in SQL like dated ones (an export without dates must
    # not fall to clustering in Python, one mention at a time).
    assert clustered.isdisjoint(f"co{i}" for i in range(5))

    undated = deals[deals["announced_date"].isna()]
    assert len(undated) >= 5
    assert set(undated["date_basis"]) == {"undated"}
    assert undated["announced_date_precision"].isna().all()
    assert all("announced_date_present" in w for w in undated["warnings"])
    dated = deals[deals["announced_date"].notna()]
    assert set(dated["date_basis"]) <= {"explicit", "published"}
    assert not any("announced_date_present" in w for w in dated["warnings"])
    # Some dated deals took in an undated mention (merged by round and figures, whatever its date).
    merged_in = evidence[evidence["deal_id"].isin(set(dated["deal_id"])) & evidence["announced_date"].isna()]
    assert len(merged_in) > 0


def test_first_seen_is_an_earlier_sighting_or_now_and_new_deals_are_recorded() -> None:
    valid = _landed(_mixed(), "valid_mentions")
    first, _, sighted = _in_database(valid)
    assert set(first["first_seen_at"]) == {pd.Timestamp(NOW)}  # no document behind them is stored
    assert sorted(sighted["deal_id"]) == sorted(first["deal_id"])
    earlier = pd.DataFrame({"deal_id": [first["deal_id"][0]], "first_seen_at": [pd.Timestamp("2025-03-01")]})
    again, _, sighted_again = _in_database(valid, earlier)
    seen = dict(zip(again["deal_id"], again["first_seen_at"], strict=True))
    assert seen[first["deal_id"][0]] == pd.Timestamp("2025-03-01")
    assert len(sighted_again) == len(first)


def test_a_deal_its_page_re_dates_keeps_when_it_was_first_seen() -> None:
    """A later version of a page corrects a round's date (May 28 for June 2): the deal's id hashes its date
    and changes, and its first sighting is found by what it is, the same company and round within the
    window, under an id no deal has now. Another company's sighting, or one too far in time, is not
    taken."""

    def one(day: str, company: str = "Brixel") -> pd.DataFrame:
        row = mention("b1", company=company, company_key=company.lower(), round_type="seed",
                      amount_usd=10_000_000, announced_date=day, warnings=[])  # fmt: skip
        frame = pd.DataFrame([row])
        for column in ("amount_usd", "valuation_usd"):
            frame[column] = frame[column].astype("Int64")
        return _landed(frame.assign(amount_status="parsed", valuation_status="missing"), "valid_mentions")

    first, _, sighted = _in_database(one("2025-06-02"))
    assert list(sighted[["company_key", "round_type"]].itertuples(index=False, name=None)) == [
        ("brixel", "seed")
    ]
    earlier = sighted.assign(first_seen_at=pd.Timestamp("2025-06-05"))
    redated, _, _ = _in_database(one("2025-05-28"), earlier)
    assert redated["deal_id"][0] != first["deal_id"][0]
    assert redated["first_seen_at"][0] == pd.Timestamp("2025-06-05")
    for other in (one("2025-05-28", "Quarry"), one("2024-05-28")):  # another company; a year away
        assert _in_database(other, earlier)[0]["first_seen_at"][0] == pd.Timestamp(NOW)


def test_a_mention_with_an_error_verdict_is_not_resolved() -> None:
    """Resolution reads the mentions through the verdicts: a quarantined one is in no deal."""
    valid = _landed(_mixed(), "valid_mentions")
    quarantined = valid["record_id"][0]
    connection, files = duckdb.connect(), tempfile.TemporaryDirectory()
    try:
        for name in ("documents", "deal_sightings"):
            create_table(connection, name)
        _as_verdicts(connection, valid, Path(files.name))
        connection.execute("delete from mention_verdicts where record_id = ?", [quarantined])  # one each
        connection.execute(
            "insert into mention_verdicts select rowid, record_id, ['amount_nonnegative'], [], 'negative' "
            "from normalized_values where record_id = ?",
            [quarantined],
        )
        deals, evidence = resolve_in_database(connection, default_taxonomy(), SOURCE_ORDER, NOW)
        records = [r[0] for r in connection.execute("select record_id from deal_sources").fetchall()]
    finally:
        connection.close()
        files.cleanup()
    assert sorted(records) == sorted(set(valid["record_id"]) - {quarantined})
    assert evidence == len(valid) - 1
    assert deals < evidence  # the mixed mentions still merge


def test_deals_of_one_company_round_and_date_are_numbered_as_python_numbers_them(monkeypatch) -> None:
    """Only the deals of a key (company, round, date) that opens several are ranked: the same round on the
    same day announced and reported (two lone deals), and a stageless deal clustered in Python beside a
    lone stated one. Their ordinals, and so their ids, are `resolve_deals'`."""
    day = "2025-03-01"
    rows = [
        mention("k1", company_key="kilo", round_type="seed", announced_date=day, status="announced"),
        mention("k2", company_key="kilo", round_type="seed", announced_date=day, status="reported"),
        mention("k3", company_key="kilo", round_type="seed", announced_date=day, status="reported",
                method="table_row", amount_usd=9_000_000),
        # two stageless mentions whose amounts disagree: two deals of the key (lima, venture, day)
        mention("l1", company_key="lima", round_type="venture", announced_date=day, amount_usd=5_000_000),
        mention("l2", company_key="lima", round_type="venture", announced_date=day, amount_usd=50_000_000),
        mention("m1", company_key="mike", round_type="series_a", announced_date=day),
    ]  # fmt: skip
    for row in rows:
        row["warnings"] = []
    deals, _, clustered = _resolved_watching_python(rows, monkeypatch)
    assert clustered == {"lima"}
    # Two keys open two deals each (ordinals 0 and 1): kilo's seed announced alone and reported by k2
    # and k3 together; lima's two venture rounds.
    assert deals.groupby(["round_type", "announced_date"]).size().to_dict() == {
        ("seed", pd.Timestamp(day)): 2, ("series_a", pd.Timestamp(day)): 1, ("venture", pd.Timestamp(day)): 2
    }  # fmt: skip
    assert sorted(deals.loc[deals["round_type"] == "seed", "mention_count"]) == [1, 2]
    assert sorted(deals.loc[deals["round_type"] == "venture", "amount_usd"]) == [5_000_000, 50_000_000]
    assert deals["deal_id"].is_unique


def test_first_seen_is_the_earliest_fetch_of_a_document_stating_the_deal() -> None:
    """A deal was first seen when a document version stating it was first fetched: the earliest first
    fetch among its mentions' documents (a version fetched again later counts at its first fetch); a deal
    whose documents are not stored was first seen now."""
    one, two, gone = ("file:///one", "1" * 64), ("file:///two", "2" * 64), ("file:///gone", "3" * 64)
    placed = {"d1": ("Delta", one, "2025-01-10"), "d2": ("Delta", two, "2025-01-20"),
              "e1": ("Echo", two, "2025-01-20"), "f1": ("Foxtrot", gone, "2025-01-20")}  # fmt: skip
    rows = [
        mention(record_id, company=company, company_key=company.lower(), round_type="seed", url=url,
                document_sha256=sha, announced_date=day, warnings=[])
        for record_id, (company, (url, sha), day) in placed.items()
    ]  # fmt: skip
    frame = pd.DataFrame(rows)
    for column in ("amount_usd", "valuation_usd"):
        frame[column] = frame[column].astype("Int64")
    valid = _landed(frame.assign(amount_status="parsed", valuation_status="missing"), "valid_mentions")
    fetches = [(one, "2025-02-01 09:00"), (two, "2025-01-25 08:00"), (two, "2025-03-01 08:00")]
    documents = pd.DataFrame(
        [{"source_id": "src", "url": url, "sha256": sha, "fetched_at": pd.Timestamp(at), "status": "fetched",
          "bytes": 10, "run_id": "r"} for (url, sha), at in fetches]
    )  # fmt: skip
    deals, _, sighted = _in_database(valid, documents=documents)
    first_seen = dict(zip(deals["company"], deals["first_seen_at"], strict=True))
    assert first_seen == {
        "Delta": pd.Timestamp("2025-01-25 08:00"),  # d2's document, fetched before d1's
        "Echo": pd.Timestamp("2025-01-25 08:00"),
        "Foxtrot": pd.Timestamp(NOW),
    }
    assert dict(zip(sighted["deal_id"], sighted["first_seen_at"], strict=True)) == dict(
        zip(deals["deal_id"], deals["first_seen_at"], strict=True)
    )


def _restated_rounds_at(folder: Path) -> pd.DataFrame:
    """The valid mentions of one export at a path under `folder`: 40 companies, each stating its Series
    A twice ten days apart with two amounts, so every deal's figures rest on which row comes first."""
    folder.mkdir()
    export = folder / "rounds.csv"
    lines = ["company,round_type,amount,currency,announced_date"]
    for number in range(40):
        lines += [f"Quarry Labs {number},Series A,{10 + number}000000,USD,2025-03-01",
                  f"Quarry Labs {number},Series A,{60 + number}000000,USD,2025-03-11"]  # fmt: skip
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = Source(id="synthetic", kind=SourceKind.TABLE, url=export.as_uri(),
                    options={"currency": "USD", "date_format": "%Y-%m-%d"})  # fmt: skip
    extracted = extract_document(source, export.as_uri(), "2" * 64, None, export)
    return validate_frame(normalize_mentions(extracted), NormalizedMentionSchema, RECORD_RULES).valid


def test_the_same_export_at_another_url_resolves_to_the_same_deals(tmp_path: Path) -> None:
    """Ties between mentions of one round (same method, date and source) go by the document's content and
    the mention's place in it, not by record ids, which hash the URL: moving an export changes no deal,
    and the row stated first gives a restated round its amount."""
    found = []
    for folder in ("exports", "moved"):
        valid = _restated_rounds_at(tmp_path / folder)
        deals, _, _ = _in_database(valid)
        found.append(_sorted(deals[["deal_id", "company", "amount_usd", "mention_count"]], ["deal_id"]))
    assert found[0] == found[1]
    assert len(found[0]) == 40
    assert {(d["company"], d["amount_usd"], d["mention_count"]) for d in found[0]} == {
        (f"Quarry Labs {n}", (10 + n) * 1_000_000, 2) for n in range(40)
    }


def test_an_investor_written_several_ways_is_one_investor_in_every_deal() -> None:
    """'Harbor Fund', 'HARBOR FUND', 'harbor fund, L.P.': one investor, spelt the one way that mixes
    capitals and lower case, in every deal's lists; a deal that named it twice names it once."""
    rows = [
        mention("h1", company="Wexford", company_key="wexford", round_type="series_a", amount_usd=30,
                lead_investors=["HARBOR FUND"], investors=["HARBOR FUND", "Pine Capital"]),
        mention("h2", company="Yarrow", company_key="yarrow", round_type="seed", amount_usd=4,
                lead_investors=["Harbor Fund"], investors=["Harbor Fund", "harbor fund, L.P."]),
        mention("h3", company="Abacor", company_key="abacor", round_type="seed", amount_usd=9,
                investors=["PINE CAPITAL", "harbor fund"]),
    ]  # fmt: skip
    frame = pd.DataFrame(rows)
    for column in ("amount_usd", "valuation_usd"):
        frame[column] = frame[column].astype("Int64")
    frame["warnings"] = [[] for _ in rows]
    valid = _landed(frame.assign(amount_status="parsed", valuation_status="missing"), "valid_mentions")
    deals, _, _ = _in_database(valid)
    lists = {
        company: (list(leads), list(investors))
        for company, leads, investors in zip(
            deals["company"], deals["lead_investors"], deals["investors"], strict=True
        )
    }
    assert lists == {
        "Wexford": (["Harbor Fund"], ["Harbor Fund", "Pine Capital"]),
        "Yarrow": (["Harbor Fund"], ["Harbor Fund"]),
        "Abacor": ([], ["Pine Capital", "Harbor Fund"]),
    }


def test_a_merged_deal_warns_of_an_fx_month_the_table_lacks_as_its_own_date_reads_it() -> None:
    """The FX table has no rate for December 2026. Kestrel's amount comes from a mention of December (which
    warned) and its date from a story of September: the deal is in September, converted at September's
    rate, and does not warn. Merlin's is the other way round: its amount from September, its date from
    December: it warns. Python and the database agree."""

    def euro(record_id: str, company: str, day: str, amount: int | None, warned: bool) -> dict:
        return mention(record_id, company=company, company_key=company.lower(), round_type="series_a",
                       amount_usd=amount, currency="EUR" if amount else None,
                       amount_in_currency=amount / 1.1 if amount else None, announced_date=day,
                       date_basis="explicit" if amount is None else "published",
                       method="table_row" if amount else "prose",
                       warnings=["fx_rate_of_another_month"] if warned else [])  # fmt: skip

    rows = [
        euro("k1", "Kestrel", "2026-12-10", 11_000_000, True),
        euro("k2", "Kestrel", "2026-09-02", None, False),
        euro("m1", "Merlin", "2026-09-10", 22_000_000, False),
        euro("m2", "Merlin", "2026-12-02", None, False),
    ]
    frame = pd.DataFrame(rows)
    for column in ("amount_usd", "valuation_usd"):
        frame[column] = frame[column].astype("Int64")
    valid = _landed(frame.assign(amount_status="parsed", valuation_status="missing"), "valid_mentions")
    deals, _ = _resolved_as_python_resolves(valid)
    warned = {
        c: "fx_rate_of_another_month" in list(w)
        for c, w in zip(deals["company"], deals["warnings"], strict=True)
    }
    assert warned == {"Kestrel": False, "Merlin": True}
    dated = dict(zip(deals["company"], deals["announced_date"].astype(str), strict=True))
    assert dated == {"Kestrel": "2026-09-02", "Merlin": "2026-12-02"}
