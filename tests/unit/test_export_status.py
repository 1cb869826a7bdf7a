"""An export's status column: rumoured rows are reported (kept, marked, counted apart), a round called off
is quarantined by `round_not_called_off`, a word of no known meaning ('Green': a column about something
else) is read as announced with the warning `status_known`, and a row without one is announced."""

from __future__ import annotations

from pathlib import Path

from assets.normalize.mentions import normalize_mentions
from assets.parsing.dispatch import extract_document
from assets.sources import Source, SourceKind
from assets.validate.quarantine import validate_frame
from schemas.mention_schema import NormalizedMentionSchema
from schemas.rules import RECORD_RULES

# Written for this test: invented companies, as a tracker's export would list them.
EXPORT = """company,round_type,amount,announced_date,Status
Calder Grid,Series B,150000000,2026-02-10,Rumored
Dovetail AI,Series A,20000000,2026-02-11,Announced
Elmstead,Seed,3000000,2026-02-12,
Fairlight,Series C,90000000,2026-02-13,Cancelled
Gorsefield,Series A,12000000,2026-02-14,Green
"""


def test_a_status_column_marks_rumours_and_quarantines_what_did_not_happen(tmp_path: Path) -> None:
    export = tmp_path / "tracker.csv"
    export.write_text(EXPORT, encoding="utf-8")
    source = Source(id="tracker", kind=SourceKind.TABLE, url=export.as_uri(),
                    options={"currency": "USD", "date_format": "%Y-%m-%d"})  # fmt: skip
    extracted = extract_document(source, export.as_uri(), "2" * 64, None, export)
    result = validate_frame(normalize_mentions(extracted), NormalizedMentionSchema, RECORD_RULES)
    kept = dict(zip(result.valid["company"], result.valid["status"], strict=True))
    assert kept == {
        "Calder Grid": "reported", "Dovetail AI": "announced", "Elmstead": "announced", "Gorsefield": "green"
    }  # fmt: skip
    warned = dict(zip(result.valid["company"], result.valid["warnings"], strict=True))
    assert "status_known" in list(warned["Gorsefield"])
    assert "status_known" not in list(warned["Calder Grid"])
    rejected = result.rejected.set_index("company")
    assert list(rejected.index) == ["Fairlight"]
    assert list(rejected.loc["Fairlight", "failed_checks"]) == ["round_not_called_off"]
    assert rejected.loc["Fairlight", "status"] == "cancelled"
