"""The per-article passes: a warm cache and more processes change nothing a user sees."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from lint.pipeline import store

REPO = Path(__file__).parent.parent

ARCHIVE = {  # names and words spread over articles: findings that depend on the other articles
    "blair-1.md": "---\ntitle: Blair visits Leeds\n---\n\nTony Blair spoke there. Blair said the Zorvath plan works.\n",
    "blair-2.md": "---\ntitle: Blair returns\n---\n\nTony Blair came back. Blair praised the Zorvath plan.\n",
    "blair-3.md": "---\ntitle: A speech\n---\n\nTony Blair gave a speech. Later Blair met the Zorvath team.\n",
    "blaire.md": "---\ntitle: Interview\n---\n\nTony Blaire answered questions about the goverment and Zorvath.\n",
    "note.json": json.dumps(
        {"title": "Harvest report", "body": "The harvest was recieved well by farmers near Blair's farm."}
    ),
    "brief.txt": "Title: Council budget\n\nThe council met and the goverment set a budget for Zorvath.\n",
}


def build(folder: Path) -> Path:
    """A varied set: the shipped examples (Markdown, JSON, plain text) and the archive above."""
    folder.mkdir()
    for sub in ("clean", "defects"):
        for f in (REPO / "examples" / sub).iterdir():
            shutil.copy(f, folder / f"{sub}-{f.name}")
    for name, text in ARCHIVE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setattr(store, "cache_root", lambda: root)
    return root


def check(cli: Any, folder: Path, *extra: str) -> str:
    result = cli("check", "--format", "json", *extra, folder)
    assert result.code in (0, 1), result.err
    return str(result.out)


def entries(root: Path) -> list[Path]:
    return sorted(root.rglob("*.facts"))


def test_a_warm_run_says_what_a_cold_one_says(cli: Any, tmp_path: Path, cache: Path) -> None:
    folder = build(tmp_path / "site")
    cold = check(cli, folder, "--no-cache")
    assert not entries(cache)  # --no-cache writes nothing
    first = check(cli, folder)
    assert len(entries(cache)) == len(list(folder.iterdir()))
    assert first == cold
    assert check(cli, folder) == cold  # every fact from the cache
    rules = {d["rule"] for d in json.loads(cold)["diagnostics"]}
    assert {"names.archive", "spelling.unknown"} <= rules  # the set needs the archive's evidence


@pytest.mark.parametrize(
    "change",
    [
        "edit",  # the edited article's facts are new; the others' decisions see the new index
        "add",
        "delete",
    ],
)
def test_after_a_change_the_warm_run_matches_a_cold_one(cli: Any, tmp_path: Path, cache: Path, change: str) -> None:
    folder = build(tmp_path / "site")
    check(cli, folder)
    if change == "edit":
        (folder / "blaire.md").write_text(ARCHIVE["blaire.md"].replace("Blaire", "Blair"), encoding="utf-8")
    elif change == "add":
        (folder / "blaire-2.md").write_text(ARCHIVE["blaire.md"], encoding="utf-8")
    else:
        (folder / "blair-3.md").unlink()
    warm = check(cli, folder)
    assert warm == check(cli, folder, "--no-cache")
    found = {(d["path"], d["rule"]) for d in json.loads(warm)["diagnostics"]}
    blaire = (str(folder / "blaire.md"), "names.archive")
    assert (blaire in found) == (change != "edit")


def test_more_processes_give_the_same_output(cli: Any, tmp_path: Path, cache: Path) -> None:
    folder = build(tmp_path / "site")
    for i in range(3):  # enough files for the workers to start
        for name, text in ARCHIVE.items():
            (folder / f"{i}-{name}").write_text(text, encoding="utf-8")
    one = check(cli, folder, "--jobs", "1", "--no-cache")
    assert check(cli, folder, "--jobs", "2", "--no-cache") == one
    assert check(cli, folder, "--jobs", "2") == one  # filling the cache from two processes
    assert check(cli, folder, "--jobs", "2") == one  # reading it


def test_a_run_over_the_same_files_reads_every_decision_back(cli: Any, tmp_path: Path, cache: Path) -> None:
    folder = build(tmp_path / "site")
    cold = check(cli, folder)
    decisions = sorted(cache.rglob("*.decision"))
    assert len(decisions) == len(list(folder.iterdir()))  # one an article, beside its facts
    stamps = {p: p.stat().st_mtime_ns for p in decisions}
    assert check(cli, folder) == cold
    assert {p: p.stat().st_mtime_ns for p in decisions} == stamps  # read back, none made again
    for p in decisions:
        p.write_bytes(b"not a pickle")  # a broken decision is made again
    assert check(cli, folder) == cold
    (folder / "blair-3.md").write_text(ARCHIVE["blair-3.md"] + "\nBlair came back.\n", encoding="utf-8")
    edited = check(cli, folder)
    assert edited == check(cli, folder, "--no-cache")  # another index: every article decided again
    assert len(sorted(cache.rglob("*.decision"))) == len(decisions) + 1  # the edited file's new facts


def test_an_entry_that_cannot_be_read_is_made_again(cli: Any, tmp_path: Path, cache: Path) -> None:
    folder = build(tmp_path / "site")
    cold = check(cli, folder)
    for entry in entries(cache):
        entry.write_bytes(b"not a pickle")
    assert check(cli, folder) == cold


def test_the_cache_is_trimmed_to_its_bound(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    for i in range(10):
        sub = folder / f"{i:02d}"
        sub.mkdir(parents=True)
        (sub / f"{i}.facts").write_bytes(b"x" * 1000)
    assert store.trim(folder, 20_000) == 0
    assert store.trim(folder, 5_000) == 6  # down to 80% of the bound
    assert len(list(folder.rglob("*.facts"))) == 4


def test_another_version_in_use_keeps_its_entries(cli: Any, tmp_path: Path, cache: Path) -> None:
    import os
    import time

    busy = cache / "0123456789abcdef"  # another copydesk, installed beside this one, running now
    (busy / "ab").mkdir(parents=True)
    (busy / "ab" / "x.facts").write_bytes(b"entry")
    (busy / store.MARK).touch()
    idle = cache / "fedcba9876543210"  # one that has not run for two days
    (idle / "cd").mkdir(parents=True)
    (idle / store.MARK).touch()
    old = time.time() - 2 * store.IDLE_SECONDS
    os.utime(idle / store.MARK, (old, old))
    check(cli, build(tmp_path / "site"))
    assert (busy / "ab" / "x.facts").exists()
    assert not idle.exists()


def test_a_cache_removed_during_a_run_is_only_a_miss(tmp_path: Path) -> None:
    folder = tmp_path / "gone"
    assert store.trim(folder, 1) == 0  # another run removed it: nothing to trim, no error
    s = store.Store(folder, "salt")
    key = s.key("a.md", b"text")
    assert s.part(key) is None and s.facts(key) is None


def test_a_changed_config_is_another_key(tmp_path: Path) -> None:
    from lint.config import Config

    words = tmp_path / "words.txt"
    words.write_text("Zorvath\n", encoding="utf-8")
    config = Config(root=tmp_path, vocabulary=(words,))
    before = store.config_digest(config, False)
    assert store.config_digest(config, True) != before
    words.write_text("Zorvath\nBlaire\n", encoding="utf-8")
    assert store.config_digest(config, False) != before


@pytest.mark.parametrize(
    ("before", "after"),
    (
        ('templates = ["liquid"]\n', 'templates = ["hugo"]\n'),  # {{ site.url }} renders, then shows on the page
        ("", "[limits]\nmax_depth = 3\n"),  # a limit the front matter now reaches
    ),
)
def test_a_changed_template_syntax_or_limit_is_seen_by_a_warm_run(
    cli: Any, tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, before: str, after: str
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    post = "---\ntitle: News\nextra:\n  a:\n    b:\n      c: 1\n---\n\nRead it at {{ site.url }} today.\n"
    (site / "post.md").write_text(post, encoding="utf-8")
    monkeypatch.chdir(site)
    (site / "copydesk.toml").write_text(before, encoding="utf-8")
    check(cli, Path("post.md"))  # the cache now holds this config's facts
    (site / "copydesk.toml").write_text(after, encoding="utf-8")
    warm = check(cli, Path("post.md"))
    cold = check(cli, Path("post.md"), "--no-cache")
    assert warm == cold
    assert json.loads(warm) != json.loads(check_with(cli, site, before))


def check_with(cli: Any, site: Path, config: str) -> str:
    (site / "copydesk.toml").write_text(config, encoding="utf-8")
    return check(cli, Path("post.md"), "--no-cache")


def test_a_bad_jobs_value_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    result = cli("check", "--jobs", "0", tmp_path)
    assert result.code == 2
    assert "--jobs" in result.err


def test_a_one_article_run_imports_only_what_it_uses(tmp_path: Path) -> None:
    """Start-up is most of a one-article run (a pre-commit hook, an editor's save): the network
    client, the worker pool and the nicknames package's own import (it reads its version from the
    installed metadata) are left out when the run does not need them; its findings are the same."""
    import os
    import subprocess
    import sys

    post = tmp_path / "post.md"
    post.write_text("---\ntitle: Talks\ndate: 2026-01-15\n---\n\nBob Smith and Robert Smith met the goverment.\n")
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['copydesk', 'check', '--no-cache', '--format', 'json', {str(post)!r}]\n"
        "try:\n    runpy.run_module('lint', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('MODULES', *sorted(m for m in sys.modules if m.split('.')[0] in "
        "('urllib', 'multiprocessing', 'nicknames', 'http', 'ssl')), file=sys.stderr)\n"
    )
    env = {**os.environ, "COPYDESK_FACTS_DIR": str(tmp_path / "facts")}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False)
    line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES"))
    loaded = set(line.split()[1:])
    assert not loaded & {"urllib.request", "multiprocessing", "nicknames", "http.client", "ssl"}, loaded
    report = json.loads(done.stdout)
    found = report["diagnostics"] if isinstance(report, dict) else report
    words = [d["message"].split("'")[1] for d in found if d["rule"] == "spelling.unknown"]
    assert words == ["goverment"]
