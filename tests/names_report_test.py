"""``copydesk names``: the archive's index of names, and the names file it writes for one-file runs."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lint.config import Config
from lint.lexicon import zipf
from lint.names import report
from lint.names.report import Report
from lint.readers import read_text
from lint.run import Run

ROOT = Path(__file__).resolve().parents[1]


def story(folder: Path, name: str, body: str, title: str = "Talks") -> Path:
    path = folder / name
    path.write_text(f'---\ntitle: "{title}"\ndate: 2026-01-15\n---\n\n{body}\n', encoding="utf-8")
    return path


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Six articles agree on "Tony Blair", one says "Blaire"; one spells Aliyev two ways;
    one names two different people (Brown, Browne) and the house glossary's "Ishaq Herzog"."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(1, 7):
        body = f"Former prime minister Tony Blair spoke in city {i}. Blair said peace was possible."
        story(folder, f"a{i}.md", body, f"Talks in city {i}")
    story(folder, "odd.md", "Mr Blaire said the talks in Belfast would resume. Tony Blaire smiled.")
    baku = "President Ilham Aliyev met the delegation. Aliyev said the talks went well. Later Aliev added more."
    story(folder, "baku.md", baku)
    brown = "Gordon Brown met Des Browne in London. Brown said the talks went well and Browne agreed."
    story(folder, "brown.md", f"{brown} Ishaq Herzog sent a letter.")
    monkeypatch.chdir(folder)
    return folder


INDEX = """\
9 articles: 3 variant clusters, 9 names

Names spelled more than one way (* the spelling to use)
  spelling      articles  mentions
* Blair                6        12  majority
  Blaire               1         2  odd.md
* Aliyev               1         2  glossary
  Aliev                1         1  baku.md
* Isaac Herzog         0         0  glossary
  Ishaq Herzog         1         1  brown.md

Names by number of articles
  name          articles  mentions
  Tony Blair           6        12
  Des Browne           1         2
  Gordon Brown         1         2
  Ilham Aliyev         1         2
  Tony Blaire          1         2
  Aliev                1         1
  Belfast              1         1
  Ishaq Herzog         1         1
  London               1         1
"""


def test_the_index_lists_variant_clusters_first_then_every_name(cli: Any, archive: Path) -> None:
    result = cli("names", ".")
    assert result.code == 0, result.err
    assert result.out == INDEX


def test_the_index_in_json(cli: Any, archive: Path) -> None:
    result = cli("names", "--format", "json", ".")
    assert result.code == 0
    doc = result.json
    assert doc["articles"] == 9
    blair = doc["clusters"][0]
    assert (blair["name"], blair["basis"]) == ("Blair", "majority")
    assert blair["spellings"] == [
        {
            "spelling": "Blair",
            "use": True,
            "articles": 6,
            "mentions": 12,
            "paths": ["a1.md", "a2.md", "a3.md", "a4.md", "a5.md", "a6.md"],
        },
        {
            "spelling": "Blaire",
            "use": False,
            "articles": 1,
            "mentions": 2,
            "reason": "the two spellings differ only by a transliteration or doubled-letter pattern",
            "paths": ["odd.md"],
        },
    ]
    assert [(c["name"], c["basis"]) for c in doc["clusters"]] == [
        ("Blair", "majority"),
        ("Aliyev", "glossary"),
        ("Isaac Herzog", "glossary"),
    ]
    assert doc["names"][0] == {"name": "Tony Blair", "articles": 6, "mentions": 12}


def test_different_people_make_no_cluster(cli: Any, archive: Path) -> None:
    spellings = {s["spelling"] for c in cli("names", "--format", "json", ".").json["clusters"] for s in c["spellings"]}
    assert not spellings & {"Brown", "Browne", "Gordon", "Des"}


def test_the_archive_finding_names_the_other_articles(cli: Any, archive: Path) -> None:
    result = cli("check", "--select", "names.archive", "--format", "json", ".")
    assert [(d["path"], d["line"], d["column"], d["message"], d["suggestions"]) for d in result.diagnostics] == [
        ("odd.md", 6, 4, "'Blaire' here; 'Blair' in 6 other articles", ["Blair"]),
        ("odd.md", 6, 56, "'Blaire' here; 'Blair' in 6 other articles", ["Blair"]),
    ]


NAMES_FILE = """\
# The archive's spellings of names, written by `copydesk names --write` from 9 articles.
# List this file in the config (rules = ["names-archive.yaml"]): a run on one article then reports
# these variants as names.archive, with the counts below.  Check the entries: delete one
# that joins two different names; move one to your own names file (without "archive")
# to make it house style.  Run the command again to refresh the counts.
names:
  - name: "Blair"
    variants: ["Blaire"]
    note: "Blair: 6 articles; Blaire: 1 article"
    archive: {"Blair": 6, "Blaire": 1}
  - name: "Aliyev"
    variants: ["Aliev"]
    note: "Aliyev: 1 article; Aliev: 1 article"
    archive: {"Aliyev": 1, "Aliev": 1}
"""


def test_write_makes_a_names_file_of_the_clusters(cli: Any, archive: Path) -> None:
    result = cli("names", "--write", "names-archive.yaml", ".")
    assert result.code == 0
    assert "wrote 2 entries to names-archive.yaml" in result.err
    # the house glossary's own variant (Ishaq Herzog) is not copied: rules/names.yaml speaks for it
    assert (archive / "names-archive.yaml").read_text(encoding="utf-8") == NAMES_FILE


def test_a_one_file_run_knows_the_archive_spellings_from_the_names_file(cli: Any, archive: Path) -> None:
    assert cli("names", "--write", "names-archive.yaml", ".").code == 0
    (archive / "copydesk.toml").write_text('rules = ["names-archive.yaml"]\n', encoding="utf-8")
    alone = cli("check", "--format", "json", "--select", "names", "odd.md")
    assert alone.code == 0  # names.archive is info
    assert [(d["rule"], d["line"], d["column"], d["end_column"]) for d in alone.diagnostics] == [
        ("names.archive", 6, 4, 10),
        ("names.archive", 6, 56, 62),
    ]
    first = alone.diagnostics[0]
    assert first["message"] == "'Blaire' here; 'Blair' in 6 articles of the archive ('Blaire' in 1)"
    assert first["suggestions"] == ["Blair"]
    # the archive's majority is a suggestion, never applied by --fix (only the house glossary is)
    assert first["fixable"] is False
    assert first["fix"]["applicability"] == "unsafe"
    # without the names file, one article alone has nothing to compare with
    (archive / "copydesk.toml").write_text("", encoding="utf-8")
    assert cli("check", "--format", "json", "--select", "names", "odd.md").diagnostics == []


def test_the_names_file_is_not_checked_as_an_article(cli: Any, archive: Path) -> None:
    assert cli("names", "--write", "names-archive.yaml", ".").code == 0
    (archive / "copydesk.toml").write_text('rules = ["names-archive.yaml"]\n', encoding="utf-8")
    assert cli("names", "--format", "json", ".").json["articles"] == 9


def test_a_write_that_fails_leaves_the_old_file_as_it_was(archive: Path) -> None:
    target = archive / "names-archive.yaml"
    old = "# the desk's last names file\nnames: []\n"
    target.write_text(old, encoding="utf-8")
    before = sorted(os.listdir(archive))

    zipf("talks")  # the word cache is built here, if it is not yet: the child only reads it

    def small_files() -> None:  # in the child: no file may grow past 200 bytes
        resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "lint", "names", "--write", str(target), "."]
    proc = subprocess.run(argv, cwd=archive, env=env, capture_output=True, text=True, preexec_fn=small_files)
    assert proc.returncode == 2, proc.stderr
    assert "cannot write the names file" in proc.stderr
    assert target.read_text(encoding="utf-8") == old
    assert sorted(os.listdir(archive)) == before  # no temporary file left behind


def test_write_into_a_missing_folder_fails_and_writes_nothing(cli: Any, archive: Path) -> None:
    result = cli("names", "--write", "nowhere/names.yaml", ".")
    assert result.code == 2
    assert "nowhere/names.yaml: cannot write the names file" in result.err
    assert not (archive / "nowhere").exists()


def test_a_missing_path_exits_two(cli: Any, archive: Path) -> None:
    result = cli("names", "no-such-folder")
    assert result.code == 2
    assert "no-such-folder: no such file or directory" in result.err


def test_an_empty_folder_gives_an_empty_index(cli: Any, tmp_path: Path) -> None:
    result = cli("names", "--format", "json", tmp_path)
    assert result.code == 0
    assert result.json == {"articles": 0, "clusters": [], "names": []}
    assert "no article files here" in result.err


def index_of(bodies: list[str]) -> Report:
    front = '---\ntitle: "News"\ndate: 2026-01-15\n---\n\n'
    arts = [read_text(f"s{i}.md", f"{front}{body}\n", "markdown") for i, body in enumerate(bodies)]
    return report.build(arts, Run(Config()))


# (the archive's spelling, one article's spelling): real variants of one person's name
ARCHIVE_VARIANTS = (
    ("Ramzan Kadyrov", "Ramzan Kadirov"),
    ("Muammar Gaddafi", "Muammar Gadhafi"),
    ("Viktor Yanukovych", "Viktor Yanukovich"),
    ("Recep Erdoğan", "Recep Erdogan"),
    ("Mahmoud Ahmadinejad", "Mahmoud Ahmadinezhad"),
    ("Yulia Tymoshenko", "Yulia Timoshenko"),
    ("Michelle Hertzfeld", "Michelle Herzfeld"),  # the odd spelling is the better-known word
    ("Dmitry Medvedev", "Dmitry Medvedyev"),
    ("Tony Blair", "Tony Blaire"),
)


@pytest.mark.parametrize(("usual", "odd"), ARCHIVE_VARIANTS)
def test_a_name_spelled_otherwise_in_one_article_joins_the_cluster(usual: str, odd: str) -> None:
    bodies = [f"The talks were led by {usual}, officials said on day {i}." for i in range(5)]
    found = index_of([*bodies, f"The talks were led by {odd}, officials said."])
    main, variant = usual.split()[-1], odd.split()[-1]
    assert [[f.spelling for f in c.forms] for c in found.clusters] == [[main, variant]]
    usual_form, odd_form = found.clusters[0].forms
    assert (usual_form.articles, usual_form.paths) == (5, ("s0.md", "s1.md", "s2.md", "s3.md", "s4.md"))
    assert (odd_form.articles, odd_form.paths) == (1, ("s5.md",))


# (the archive's person, another person in one article): never one cluster
DIFFERENT_PEOPLE = (
    ("Gordon Brown", "Des Browne"),
    ("Anne Petersen", "Ben Peterson"),
    ("Boris Johnson", "Ben Jonson"),
    ("Tim Allen", "Allan Border"),
    ("Robert Smith", "Bob Smith"),
    ("Stephen Fry", "Steven Fry"),
    ("Catherine Zeta", "Katherine Zeta"),
)


@pytest.mark.parametrize(("usual", "other"), DIFFERENT_PEOPLE)
def test_different_people_stay_apart_in_the_index(usual: str, other: str) -> None:
    bodies = [f"The talks were led by {usual}, officials said on day {i}." for i in range(5)]
    assert index_of([*bodies, f"The talks were led by {other}, officials said."]).clusters == ()


def test_counts_agree_in_the_cluster_and_in_the_list(cli: Any) -> None:
    from tests.conftest import SEEDS

    result = cli("names", "--format", "json", str(SEEDS / "004_95c60ba5b8cee6dd.txt"))
    report = result.json
    (cluster,) = [c for c in report["clusters"] if c["name"] == "Isaac Herzog"]
    (form,) = [f for f in cluster["spellings"] if f["spelling"] == "Ishaq Herzog"]
    (listed,) = [n for n in report["names"] if n["name"] == "Ishaq Herzog"]
    assert (form["articles"], form["mentions"]) == (listed["articles"], listed["mentions"]) == (1, 4)
    assert "Ishaq" not in {n["name"] for n in report["names"]}
