"""One ReferenceData per run: what library code reads is the object in use, and nothing outlives it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assets.normalize.amounts import find_money, money_grammar, parse_amount
from assets.normalize.rounds import find_round
from assets.parsing.fingerprint import extractor_fingerprint
from schemas.reference import BUNDLED_DIR, REFERENCE_FILES
from schemas.reference.reference_data import ReferenceData, current_reference_data
from schemas.reference.resource import ReferenceDataResource
from schemas.taxonomy import Taxonomy, default_taxonomy

KRONA = '\n[currency.ISK]\nsymbols = ["ISK"]\nwords = ["kronur"]\n'


@pytest.fixture
def reference_copy(tmp_path: Path) -> Path:
    for name in REFERENCE_FILES:
        shutil.copy(BUNDLED_DIR / name, tmp_path / name)
    return tmp_path


def test_library_code_reads_the_reference_data_in_use(reference_copy: Path) -> None:
    with (reference_copy / "currencies.toml").open("a", encoding="utf-8") as currencies:
        currencies.write(KRONA)
    sentence = "Fjord AI raised 900 million kronur."

    assert find_money(sentence) == []  # the shipped vocabulary has no kronur
    with ReferenceData(reference_copy).in_use():
        assert [(m.value, m.currency) for m in find_money(sentence)] == [(900_000_000, "ISK")]
        assert parse_amount("ISK 5M").money.currency == "ISK"
    assert find_money(sentence) == []  # and the block leaves nothing behind
    assert parse_amount("ISK 5M").money is None


def test_what_is_built_from_the_data_is_built_once_per_object(reference_copy: Path) -> None:
    first, second = ReferenceData(reference_copy), ReferenceData(reference_copy)
    with first.in_use():
        grammar = money_grammar()
        assert money_grammar() is grammar
    with second.in_use():
        assert money_grammar() is not grammar


def test_a_test_hands_in_its_own_parts() -> None:
    shipped = current_reference_data().part("taxonomy.toml", Taxonomy.load)
    tiny = Taxonomy.load(BUNDLED_DIR / "taxonomy.toml")
    with ReferenceData(preset={"taxonomy.toml": tiny}).in_use():
        assert default_taxonomy() is tiny
    assert default_taxonomy() is shipped


def test_an_edited_file_applies_from_the_next_run_and_not_within_one(reference_copy: Path) -> None:
    resource = ReferenceDataResource(directory=str(reference_copy))
    run = resource.for_run()
    with run.in_use():
        before = (find_round("its Series B"), extractor_fingerprint())
    rounds = reference_copy / "round_types.toml"
    rounds.write_text(rounds.read_text(encoding="utf-8") + '\n[round.growth_x]\nlabel = "Growth X"\n')
    with run.in_use():  # the same run: the files were read once
        assert extractor_fingerprint() == before[1]
    with ReferenceData(reference_copy).in_use():  # the next run
        assert find_round("its growth x round") == "growth_x"
        assert extractor_fingerprint() != before[1]
    assert before[0] == "series_b"


def test_the_resource_resolves_its_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEALMAP_REFERENCE_DIR", raising=False)
    assert ReferenceDataResource().for_run().directory == BUNDLED_DIR
    monkeypatch.setenv("DEALMAP_REFERENCE_DIR", str(tmp_path))
    assert ReferenceDataResource().for_run().directory == tmp_path.resolve()
    assert ReferenceDataResource(directory=str(BUNDLED_DIR)).for_run().directory == BUNDLED_DIR
