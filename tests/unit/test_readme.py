"""The README documents every validation rule and the two set-up commands that CI relies on."""

from __future__ import annotations

from schemas.rules import DEAL_RULES, RECORD_RULES
from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_rule_is_documented():
    missing = [name for name in [*RECORD_RULES, *DEAL_RULES] if f"`{name}`" not in README]
    assert missing == []


def test_ci_runs_the_readme_test_command():
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 tasks.py test" in README
    assert "python3 tasks.py refresh" in README
    assert "\npython3 tasks.py test\n" in ci
