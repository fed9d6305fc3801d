"""What git ignores is not walked: .gitignore files matched as git matches them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.gitignore import Ignored


@pytest.mark.parametrize(
    ("rules", "path", "ignored"),
    (
        ("_site/\n", "_site/index.md", True),
        ("_site/\n", "posts/_site.md", False),
        ("*.log.md\n", "posts/debug.log.md", True),
        ("*.md\n!keep.md\n", "keep.md", False),
        ("*.md\n!keep.md\n", "other.md", True),
        ("/drafts\n", "drafts/a.md", True),
        ("/drafts\n", "posts/drafts/a.md", False),
        ("drafts/**\n", "drafts/2026/a.md", True),
        ("# a comment\n", "a.md", False),
    ),
)
def test_top_level_rules(tmp_path: Path, rules: str, path: str, ignored: bool) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text(rules)
    target = tmp_path / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("x")
    assert bool(Ignored().why(target)) is ignored


def test_a_deeper_gitignore_decides_and_the_repository_top_counts_from_below(tmp_path: Path) -> None:
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("secret.md\n")
    (tmp_path / ".gitignore").write_text("*.tmp.md\n")
    sub = tmp_path / "content" / "posts"
    sub.mkdir(parents=True)
    (tmp_path / "content" / ".gitignore").write_text("!keep.tmp.md\n")
    for name in ("a.tmp.md", "keep.tmp.md", "secret.md", "b.md"):
        (sub / name).write_text("x")
    ignored = Ignored()  # walking content/posts: the top's .gitignore still counts
    assert [n for n in ("a.tmp.md", "keep.tmp.md", "secret.md", "b.md") if ignored.why(sub / n, base=sub)] == [
        "a.tmp.md",
        "secret.md",
    ]
    assert ignored.why(sub / "a.tmp.md") == f"ignored by git ({tmp_path}/.gitignore)"


def test_outside_a_repository_only_the_folder_walked_and_below(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.md\n")  # above the folder walked, no repository: not read
    walked = tmp_path / "site"
    walked.mkdir()
    (walked / "a.md").write_text("x")
    assert Ignored().why(walked / "a.md", base=walked) == ""
    (walked / ".gitignore").write_text("a.md\n")
    assert Ignored().why(walked / "a.md", base=walked) != ""
