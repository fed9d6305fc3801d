"""Fix tiers: ``--fix`` applies only what cannot be wrong; the rest is a suggestion (``--unsafe-fixes``).

The words below are real: the "never" table holds words that a published site wrote on
purpose and that an earlier copydesk "corrected" (18F's blog, a programming-language news
site, a project blog); the "always" table holds real slips from the same sites and from
lists of common misspellings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

HEAD = "---\ntitle: Notes from the team\ndate: 2026-02-01\n---\n\n"

# (sentence, the word): the word is the writer's, whatever it is one letter from
NEVER_FIXED = (
    ("You'll hardcode less, and move more into configuration.", "hardcode"),  # hardcore
    ("In 1970 the paper by Codd changed databases.", "Codd"),  # Code
    ("This prevents cruft accumulating in sandbox environments.", "cruft"),  # craft
    ("We used the utility mixins for spacing.", "mixins"),  # mixing
    ("The product owner or their designee gives final approval.", "designee"),  # designed
    ("Some big refactors within the system might take weeks.", "refactors"),  # reactors
    ("So I gave it a shot. And voila, here I am.", "voila"),  # viola
    ("We publish how-tos and tutorials on the blog.", "tos"),  # to
    ("Set up an environment file (`.env`) with the password.", "env"),  # end
    ("Then connect as the user `sys` to grant access.", "sys"),  # says
    ("Esta mañana pondré música y trabajaré en resolver unos problemas técnicos del prototipo.", "trabajaré"),
    ("The contract went to Vencore Services and Solutions.", "Vencore"),  # Encore
    ("Thanks to the committers who reviewed the patches.", "committers"),  # committees
    ("Version numbers follow semver from now on.", "semver"),  # server
    ("The reader checks the endian order of the bytes.", "endian"),  # indian
    ("The program writes its report to stdio when asked.", "stdio"),  # studio
    ("The library now speaks quic as well as plain HTTP.", "quic"),  # quick
    ("The release was prepared by Joyee and the team.", "Joyee"),  # Joyce
    ("Humans are natural pattern matchers, and even toddlers learn.", "matchers"),  # matches
    ("Having multiple expertises represented serves the team.", "expertises"),  # expertise
    ("We do mostly researchy-type things for the projects.", "researchy"),  # research
    ("Open the docker-compose.yml file and edit it.", "compose"),
    # a coinage from a word the web writes ("strategize"), and slips a changelog line names
    ("Our team researches, talks with teens and strategizes about how to reach them.", "strategizes"),
    ("- **test**: fix typo from funciton to function (parkhojeong)", "funciton"),
    ("* Fixed typo. (vulnerabile -&gt; vulnerable)", "vulnerabile"),
    # a word common in another language, in an English page's glossary ("trade", "professional")
    ("- llegaremos tarde: we will be late", "tarde"),
    ("- enfermera profesional titulada: registered nurse", "profesional"),
    # a handle in a sentence thanking contributors by name ("taken")
    (
        "Many thanks to the contributors (in alphabetical order): AJ Acevedo, Adam Richeimer, Alan Scherger,"
        " Alfred Xing, Anna Debenham, Ben Balter, Bruce Smith, David Smith, hartmel, jaybe@jekyll, takuti,"
        " and tasken.",
        "tasken",
    ),
    # … and across the lines of its paragraph, with short names and lower-case ones among them ("maybe")
    (
        "Thanks to Corey Megown, Dan Nemenyi, Enrico Tolotto, fauno, Felix Breidenstein,\n"
        "Francesco Bianco, Frank Taillandier, Gabriel Staples, iBug, Jacobo Vidal, jaybe,\n"
        "naoki kodama, Lou Rectoret, Malathi, m-naumann and Nicholas Paxford for their help.",
        "jaybe",
    ),
    # … in a file with Windows line ends, and with a space before a line end
    (
        "Thanks to Corey Megown, Dan Nemenyi, Enrico Tolotto, fauno, Felix Breidenstein, \r\n"
        "Francesco Bianco, Frank Taillandier, Gabriel Staples, iBug, Jacobo Vidal, takuti,\r\n"
        "Lou Rectoret, Malathi, m-naumann and tasken for their help.",
        "tasken",
    ),
    # a word of the trade, written alike in three sentences ("close")
    (
        "Cloze tests remove every fifth word. In cloze tests, readers fill the blanks. Both recall and cloze"
        " tests need care.",
        "cloze",
    ),
)

# (sentence, the slip, its correction): one word only could be meant
ALWAYS_FIXED = (
    ("You can work on mockups or detailed deisgn suggestions.", "deisgn", "design"),
    ("A tester or auality assurance person is a customer.", "auality", "quality"),
    ("If you need somenthing as simple as a web server, use it.", "somenthing", "something"),
    ("We love when we're able to contribure to open source projects.", "contribure", "contribute"),
    ("The work has inspiried other agencies.", "inspiried", "inspired"),
    ("Two of our enginners share how to advocate for tools.", "enginners", "engineers"),
    ("If you made any changes and commited them, push them.", "commited", "committed"),
    ("The goverment announced a new budget on Tuesday.", "goverment", "government"),
    ("He said taht the talks would go on.", "taht", "that"),
    ("Officials stoped the convoy at the border.", "stoped", "stopped"),
)


def _check(cli: Any, tmp_path: Path, sentence: str) -> tuple[Path, list[dict[str, Any]]]:
    path = tmp_path / "post.md"
    path.write_text(HEAD + sentence + "\n", encoding="utf-8")
    return path, cli("check", "--format", "json", "--select", "spelling", path).diagnostics


@pytest.mark.parametrize(("sentence", "word"), NEVER_FIXED)
def test_a_word_written_on_purpose_is_never_fixed(cli: Any, tmp_path: Path, sentence: str, word: str) -> None:
    path, found = _check(cli, tmp_path, sentence)
    assert not [d for d in found if d["fixable"]]
    before = path.read_bytes()
    result = cli("check", "--fix", path)
    assert path.read_bytes() == before
    assert "fixed" not in result.err


@pytest.mark.parametrize(("sentence", "slip", "meant"), ALWAYS_FIXED)
def test_a_slip_only_one_word_could_be_is_fixed(cli: Any, tmp_path: Path, sentence: str, slip: str, meant: str) -> None:
    path, found = _check(cli, tmp_path, sentence)
    safe = [d for d in found if d["fixable"]]
    assert [d["fix"] for d in safe] == [{"replacement": meant, "applicability": "safe"}]
    result = cli("check", "--fix", path)
    assert path.read_text(encoding="utf-8") == HEAD + sentence.replace(slip, meant) + "\n"
    assert "fixed 1 finding in 1 file" in result.err


def test_an_unsafe_fix_is_a_suggestion_that_says_why_and_unsafe_fixes_applies_it(cli: Any, tmp_path: Path) -> None:
    path, found = _check(cli, tmp_path, "Obviously, the matchers cannot read the entire internet from a big list.")
    [d] = found
    assert d["suggestions"][0] == "matches"
    assert d["fixable"] is False
    assert d["fix"]["applicability"] == "unsafe"
    assert "the web uses 'matchers'" in d["fix"]["why_unsafe"]
    text = cli("check", path)
    assert "fix:" not in text.out and "suggestions: matches" in text.out
    diff = cli("check", "--diff", "--unsafe-fixes", path)
    assert "+Obviously, the matches cannot" in diff.out
    assert "1 of them unsafe (--unsafe-fixes)" in diff.err
    assert "matchers" in path.read_text(encoding="utf-8")  # --diff writes nothing
    assert cli("check", "--fix", path).code == 1  # still reported, nothing written
    assert "matchers" in path.read_text(encoding="utf-8")
    cli("check", "--fix", "--unsafe-fixes", path)
    assert "the matches cannot" in path.read_text(encoding="utf-8")


def test_a_word_other_articles_of_the_archive_write_is_not_fixed(cli: Any, tmp_path: Path) -> None:
    """ "deopt" is V8's word in a project's release notes; the archive never writes "depot"."""
    lines = ("Prevent Buffer constructor deopt.", "Avoid emit() eager deopt.", "Fix a permanent deopt.")
    for i, line in enumerate(lines):
        (tmp_path / f"v{i}.md").write_text(HEAD + f"- **events**: {line}\n", encoding="utf-8")
    found = cli("check", "--format", "json", "--select", "spelling", tmp_path).diagnostics
    fixes = [d["fix"] for d in found if d["message"].startswith("'deopt'")]
    assert fixes and all(f["applicability"] == "unsafe" for f in fixes)
    assert "3 articles of the run write 'deopt', 0 write 'depot'" in fixes[0]["why_unsafe"]


@pytest.mark.parametrize(
    "word", ("meagre", "roubles", "dreamt", "linting", "sysadmins", "tuples", "awardees", "mixins", "validators")
)
def test_a_word_of_the_large_english_word_list_is_no_finding(cli: Any, tmp_path: Path, word: str) -> None:
    _, found = _check(cli, tmp_path, f"The report on the {word} was read again on Monday.")
    assert found == []


def test_unsafe_fixes_alone_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    path, _ = _check(cli, tmp_path, "Fine words.")
    result = cli("check", "--unsafe-fixes", path)
    assert result.code == 2
    assert "--unsafe-fixes goes with --fix or --diff" in result.err


@pytest.mark.parametrize(
    ("sentence", "safe"),
    (
        ("Are they one in the same? Nobody knows.", True),
        ("“Are they one in the same?” she asked.", False),  # the speaker's words
        ("She said ‘Alright, let’s do the research.’", False),
        ('He said "it is one in the same" and left.', False),
        ("It will be alright.", False),  # a house preference, not an error
    ),
)
def test_a_house_term_is_fixed_outside_quotations_and_only_when_it_is_an_error(
    cli: Any, tmp_path: Path, sentence: str, safe: bool
) -> None:
    path = tmp_path / "post.md"
    path.write_text(HEAD + sentence + "\n", encoding="utf-8")
    [d] = cli("check", "--format", "json", "--select", "terms", path).diagnostics
    assert d["fixable"] is safe
    assert d["fix"]["applicability"] == ("safe" if safe else "unsafe")


SHOWS_CODE = "Run `make` first.\n\n"


@pytest.mark.parametrize(
    ("sentence", "code", "expected"),
    (
        ("The cron job and the json file were moved to the repos on Monday.", True, []),
        ("Read the guid to the new system before Monday.", True, []),  # a GUID where the post shows code
        ("Read the guid to the new system before Monday.", False, ["guid"]),  # a news story's slip of "guide"
        ("The hardcode values broke the build, the team said.", False, []),  # a long trade word: a word anywhere
    ),
)
def test_short_software_words_are_words_where_code_is_shown(
    cli: Any, tmp_path: Path, sentence: str, code: bool, expected: list[str]
) -> None:
    _, found = _check(cli, tmp_path, (SHOWS_CODE if code else "") + sentence)
    assert [d["message"].split("'")[1] for d in found] == expected
