"""What the extractor's shortcuts keep: a subject read only when a later clause points back to it, a name
judged once per reference data, a clause's roles worked out once for all its readers. Each reads what
reading everything at once read."""

from __future__ import annotations

import shutil
from pathlib import Path

from assets.normalize.amounts import find_money
from assets.parsing.money_roles import Role, clause_roles
from assets.parsing.prose_names import valid_company
from schemas.reference import BUNDLED_DIR, REFERENCE_FILES
from schemas.reference.reference_data import ReferenceData
from tests.unit.prose_reading import read_deals

_SEED = "Quorra AI raised $10 million in a seed round led by Harrow Ventures. "
_INVESTOR_SUBJECT = "Harrow Ventures has backed several robotics firms. "
_DEBT = "The company also raised $5 million in debt."


def test_a_later_clause_points_back_past_the_deals_investor_to_the_company() -> None:
    # the subject of the sentence between is the seed's investor: never who 'the company' is
    assert read_deals(_SEED + _INVESTOR_SUBJECT + _DEBT) == [
        ("Quorra AI", "$10 million", "seed"),
        ("Quorra AI", "$5 million", "debt"),
    ]


def test_a_later_clause_points_back_to_the_last_subject_that_names_a_company() -> None:
    # read late, the subjects are read in order: the last one that names a company is the one
    text = _SEED + _INVESTOR_SUBJECT + "Brimwell Labs builds lidar for farms. " + _DEBT
    assert read_deals(text) == [("Quorra AI", "$10 million", "seed"), ("Brimwell Labs", "$5 million", "debt")]


def test_subjects_after_the_last_deal_change_nothing() -> None:
    # (never read at all now: nothing after them points back)
    tail = "Brimwell Labs builds lidar for farms. Castor Robotics ships drones to growers."
    assert read_deals(_SEED + tail) == [("Quorra AI", "$10 million", "seed")]


def test_a_name_is_judged_again_under_other_reference_data(tmp_path: Path) -> None:
    gazetteer = _reference_copy(tmp_path) / "gazetteer.toml"
    text = gazetteer.read_text(encoding="utf-8")
    gazetteer.write_text(text.replace("[outlets]\nnames = [", '[outlets]\nnames = ["Quillfern Daily", ', 1))

    assert valid_company("Quillfern Daily") == "Quillfern Daily"  # the shipped lists do not know it
    with ReferenceData(tmp_path).in_use():
        assert valid_company("Quillfern Daily") is None  # an outlet there: never a company
        assert valid_company("Quillfern Daily") is None
    assert valid_company("Quillfern Daily") == "Quillfern Daily"  # and the shipped answer is kept


def _reference_copy(folder: Path) -> Path:
    for name in REFERENCE_FILES:
        shutil.copy(BUNDLED_DIR / name, folder / name)
    return folder


def test_the_readers_of_one_clause_share_its_roles_under_one_reference_data(tmp_path: Path) -> None:
    clause = "Quorra AI raised $10 million in a growth x round at a $90 million valuation"
    moneys = find_money(clause)
    shared = clause_roles(clause, moneys)
    assert clause_roles(clause, list(moneys)) is shared
    assert [shared.of(m) for m in moneys] == [Role.RAISE, Role.VALUATION]
    rounds = _reference_copy(tmp_path) / "round_types.toml"
    rounds.write_text(rounds.read_text(encoding="utf-8") + '\n[round.growth_x]\nlabel = "Growth X"\n')
    with ReferenceData(tmp_path).in_use():
        assert clause_roles(clause, moneys) is not shared  # its round words may give other roles
