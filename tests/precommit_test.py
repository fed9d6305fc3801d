"""The pre-commit hook, run for real: another repository uses copydesk as its hook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

GOOD = """---
title: "Council approves protected bike lanes"
date: 2026-03-14
sources:
  - https://example.org/council/minutes
---

The city council voted on Thursday to build protected bike lanes along the harbour.
"""

BAD = """---
title: "Council approves protected bike lanes"
date: 2026-03-14
sources:
  - https://example.org/council/minutes
---

The city council voted on Thursday to build protected bike lanes along the harbuor.
"""


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def project_rev() -> str:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: pre-commit needs a commit of copydesk to install")
    return git(ROOT, "rev-parse", "HEAD")


def run_hook(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    return subprocess.run(
        [str(PRE_COMMIT), "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


@pytest.mark.skipif(not PRE_COMMIT.exists() and not shutil.which("pre-commit"), reason="pre-commit not installed")
def test_hook_fails_on_a_typo_and_passes_when_fixed(tmp_path: Path, project_rev: str) -> None:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {project_rev}\n    hooks:\n      - id: copydesk\n",
        encoding="utf-8",
    )
    article = repo / "bike-lanes.md"
    article.write_text(BAD, encoding="utf-8")
    (repo / "README.md").write_text("# Teh newsroom\n\nRun the hook befor you commit.\n", encoding="utf-8")
    (repo / "_data").mkdir()
    (repo / "_data" / "menu.json").write_text('[{"name": "Hoem"}]\n', encoding="utf-8")
    git(repo, "add", ".")
    home = tmp_path / "pre-commit-home"

    failed = run_hook(repo, home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "bike-lanes.md:8:" in failed.stdout
    assert "harbuor" in failed.stdout
    assert "README.md" not in failed.stdout and "menu.json" not in failed.stdout  # not articles, though passed

    article.write_text(GOOD, encoding="utf-8")
    git(repo, "add", ".")
    passed = run_hook(repo, home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
