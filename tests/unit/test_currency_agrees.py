"""An export row whose amount writes its own currency ('$5M') while its currency column names another
('EUR') is quarantined under `currency_agrees`: the sign used to win the parse and the column was ignored
without a word, a figure off by the exchange rate. A bare '$' read as the column's own dollar, a bare
number, and a source's default currency are no conflict."""

from __future__ import annotations

import pandas as pd
import pytest

from assets.normalize.mentions import normalize_mentions
from assets.parsing.dispatch import EXTRACTED_COLUMNS
from assets.validate.quarantine import validate_frame
from schemas.mention_schema import NormalizedMentionSchema
from schemas.rules import RECORD_RULES
from tests.unit.test_record_rules import VALID


def _verdict(**fields) -> list[str]:
    """The rules the row with `fields` fails ([] when it is kept)."""
    frame = pd.DataFrame([{**VALID, "valuation_text": None, **fields}]).reindex(columns=EXTRACTED_COLUMNS)
    frame["record_id"], frame["locator"] = ["r1"], ["row[1]"]
    result = validate_frame(normalize_mentions(frame), NormalizedMentionSchema, RECORD_RULES)
    return [] if result.rejected.empty else list(result.rejected["failed_checks"].iloc[0])


@pytest.mark.parametrize(
    ("amount", "currency", "valuation", "failed"),
    [
        ("$5M", "EUR", None, ["currency_agrees"]),
        ("US$5M", "AUD", None, ["currency_agrees"]),  # US dollars said outright: not the AUD of the column
        ("€5M", "GBP", None, ["currency_agrees"]),
        ("5000000", "EUR", "$40M", ["currency_agrees"]),  # the valuation's sign against the column
        ("$37m", "AUD", None, []),  # a bare '$' is the column's own dollar
        ("€5M", "EUR", None, []),
        ("5000000", "EUR", None, []),
        ("$5M", None, None, []),
    ],
)
def test_a_currency_written_against_the_column_is_quarantined(amount, currency, valuation, failed):
    assert _verdict(amount_text=amount, currency_text=currency, valuation_text=valuation) == failed


def test_a_sign_against_the_source_default_is_no_conflict():
    # the source's default currency reads bare numbers; an amount that writes '$' says what it is
    assert _verdict(amount_text="$5M", currency_text=None, default_currency="EUR") == []
