"""benchmarks/ runs from a checkout without ../shared: each script says what to fetch, and exits 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize(
    ("script", "args", "says"),
    (
        ("quality.py", ["--eval", "{missing}"], ["no detection-quality harness here", "lee_background.cor"]),
        ("quality.py", ["--eval", "{empty}"], ["build.py, score.py and data/", "--eval DIR or COPYDESK_EVAL=DIR"]),
        ("init_bench.py", ["--corpus", "{missing}"], ["no posts here", "github.com/18F/18f.gsa.gov"]),
    ),
)
def test_a_benchmark_without_its_data_says_what_to_fetch(
    tmp_path: Path, script: str, args: list[str], says: list[str]
) -> None:
    (tmp_path / "empty").mkdir()
    argv = [a.format(missing=tmp_path / "missing", empty=tmp_path / "empty") for a in args]
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *argv], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    for text in says:
        assert text in result.stderr
