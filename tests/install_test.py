"""What a plain ``pip install`` gives: the offline grammar engine where harper-py has a wheel, a notice elsewhere."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from lint.checks import grammar

PYPROJECT = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
(HARPER,) = [Requirement(r) for r in PYPROJECT["project"]["dependencies"] if r.startswith("harper-py")]

# the platforms harper-py 0.2.0 publishes wheels for (pip download --platform …), and some it does not
PLATFORMS = (
    ("linux", "x86_64", True),
    ("linux", "aarch64", True),
    ("darwin", "x86_64", True),
    ("darwin", "arm64", True),
    ("win32", "AMD64", True),
    ("win32", "ARM64", True),
    ("linux", "armv7l", False),
    ("linux", "ppc64le", False),
    ("linux", "s390x", False),
    ("linux", "i686", False),
    ("win32", "x86", False),
    ("freebsd14", "amd64", False),
)


@pytest.mark.parametrize(("system", "machine", "wheel"), PLATFORMS)
def test_harper_is_a_dependency_exactly_where_it_has_a_wheel(system: str, machine: str, wheel: bool) -> None:
    assert HARPER.marker is not None
    assert HARPER.marker.evaluate({"sys_platform": system, "platform_machine": machine}) is wheel
    assert grammar.harper_has_a_build(system, machine) is wheel  # the notice says the same


def test_no_extra_is_suggested_that_does_not_exist() -> None:
    extras = set(PYPROJECT["project"].get("optional-dependencies", {}))
    assert "grammar" not in extras
    assert "copydesk[" not in grammar.how_to_enable()


def test_where_no_wheel_exists_the_notice_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import platform

    monkeypatch.setattr(platform, "machine", lambda: "armv7l")
    monkeypatch.setattr("sys.platform", "linux")
    notice = grammar.how_to_enable()
    assert "pip install" not in notice
    assert notice.startswith("point copydesk at a LanguageTool server")
    assert "Harper, has no build for this computer (linux armv7l)" in notice


def test_grammar_after_a_plain_install(cli: Any, tmp_path: Path) -> None:
    pytest.importorskip("harper", reason="harper-py is installed with copydesk on this platform")
    article = tmp_path / "baku.md"
    article.write_text("---\ntitle: Talks\ndate: 2026-01-02\n---\n\nHe have visited Baku. The the talks continue.\n")
    result = cli("check", "--select", "grammar", "--format", "json", article)
    assert result.err == ""
    found = [(d["rule"], d["line"], d["column"], d["end_column"]) for d in result.diagnostics]
    assert found == [("grammar.agreement", 6, 4, 8), ("grammar.repetition", 6, 23, 30)]
