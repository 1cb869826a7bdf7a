"""Loading the Dagster definitions, which every refresh process and the UI do, imports none of the
libraries only some stages need: they load when a stage has work for them (README: an unchanged refresh
does almost nothing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# feedparser reads feeds, lxml pages, pandera judges records, and the parsers read documents: an
# unchanged refresh of exports needs none of them.
LOADED_BY_THEIR_STAGES = ("feedparser", "lxml", "pandera", "assets.parsing.prose", "assets.resolve.merge")


def test_loading_the_definitions_leaves_stage_libraries_unimported() -> None:
    probe = (
        "import json, sys\n"
        "import orchestration.definitions\n"
        f"print(json.dumps([name for name in {list(LOADED_BY_THEIR_STAGES)!r} if name in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
