"""The first acceptance test: the two real articles copydesk began from."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import SEEDS

SEED_000 = SEEDS / "000_18c8a299e144d0a2.txt"
SEED_004 = SEEDS / "004_95c60ba5b8cee6dd.txt"


@pytest.fixture(scope="module")
def findings() -> dict[str, list[dict[str, Any]]]:
    from lint.config import Config
    from lint.run import run

    result = run([str(SEED_000), str(SEED_004)], Config())
    out: dict[str, list[dict[str, Any]]] = {"000": [], "004": []}
    for d in result.diagnostics:
        out["000" if d.path.endswith(SEED_000.name) else "004"].append(d.to_json())
    return out


def flagged(rows: list[dict[str, Any]], check: str) -> list[str]:
    """The words each finding of ``check`` points at, read from the file."""
    lines = {
        name: path.read_text(encoding="utf-8").splitlines() for name, path in (("000", SEED_000), ("004", SEED_004))
    }
    out = []
    for d in rows:
        if d["rule"].split(".")[0] != check:
            continue
        name = "000" if d["path"].endswith(SEED_000.name) else "004"
        line = lines[name][d["line"] - 1]
        out.append(line[d["column"] - 1 : d["end_column"] - 1] if d["end_line"] == d["line"] else line)
    return out


def test_typos_are_flagged(findings: dict[str, list[dict[str, Any]]]) -> None:
    assert "Tacts" in flagged(findings["004"], "spelling")
    assert "Drowpdown" in flagged(findings["000"], "spelling")


def test_israelian_is_a_house_style_term_with_its_fix(findings: dict[str, list[dict[str, Any]]]) -> None:
    rows = [d for d in findings["004"] if d["rule"].startswith("terms")]
    assert [(d["line"], d["column"], d["suggestions"]) for d in rows] == [(1, 1, ["Israeli"])]
    assert "Israelian" not in flagged(findings["004"], "spelling")  # one finding for one defect


def test_real_names_are_not_typos(findings: dict[str, list[dict[str, Any]]]) -> None:
    words = flagged(findings["000"] + findings["004"], "spelling")
    for name in ("Herzog", "Aliyev", "Ilham", "Baku", "Azeri", "Sa'ar", "Gideon", "Caucasus"):
        assert name not in words


def test_four_placeholder_answers(findings: dict[str, list[dict[str, Any]]]) -> None:
    rows = [d for d in findings["000"] if d["rule"].startswith("placeholder")]
    answer_lines = {32, 34, 36, 38}
    assert {d["line"] for d in rows} >= answer_lines
    assert all(d["severity"] == "error" for d in rows if d["line"] in answer_lines)


def test_sources_on_both(findings: dict[str, list[dict[str, Any]]]) -> None:
    empty = [d for d in findings["000"] if d["rule"].startswith("sources")]
    assert any(d["line"] == 27 for d in empty), empty  # the empty "sources" section
    unlinked = flagged(findings["004"], "sources")
    assert any("Jerusalem Post attribution" in w for w in unlinked), unlinked


def test_herzog_spelled_the_house_way(findings: dict[str, list[dict[str, Any]]]) -> None:
    rows = [d for d in findings["004"] if d["rule"].startswith("names")]
    assert rows, "Ishaq Herzog is not reported"
    assert all("Isaac Herzog" in d["suggestions"] for d in rows)
    assert {d["line"] for d in rows} == {1, 2}
    assert "Ishaq" in flagged(rows, "names")[0]
