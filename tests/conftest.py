from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lint.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"

# one typo ("goverment", line 8, columns 36-45) in an otherwise clean article
TYPO_ARTICLE = """---
title: "Council votes on the budget"
date: 2026-02-01
sources:
  - https://example.org/budget
---

The council met on Tuesday and the goverment announced a new budget.
"""


class CLIResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    @property
    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def diagnostics(self) -> list[dict[str, Any]]:
        return list(self.json["diagnostics"])


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Any:
    """Run ``copydesk`` in-process: cli("check", "--format", "json", path) -> CLIResult."""

    def run(*args: str | Path) -> CLIResult:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CLIResult(code, captured.out, captured.err)

    return run
