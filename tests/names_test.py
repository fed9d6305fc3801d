"""The names check: the house glossary, one name spelled two ways, and the archive's spellings."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from lint.article import Article
from lint.checks import names
from lint.config import Config
from lint.diagnostics import Diagnostic
from lint.errors import FatalError
from lint.names.index import NameIndex
from lint.names.similar import variant_reason
from lint.readers import read_path, read_text
from lint.rules import entries
from lint.run import Run, check_articles
from tests.conftest import SEEDS


def article(body: str, title: str = "Talks in Baku", name: str = "story.md", front: str = "") -> Article:
    text = f'---\ntitle: "{title}"\ndate: 2026-01-15\n{front}---\n\n{textwrap.dedent(body).strip()}\n'
    return read_text(name, text, "markdown")


def findings(*articles: Article, config: Config | None = None) -> list[Diagnostic]:
    return check_articles(list(articles), config or Config(select=("names",)))


def flagged(found: list[Diagnostic], art: Article) -> list[tuple[str, str, str]]:
    """(rule, the words the finding points at, the suggestion) for each finding."""
    lines = art.source.splitlines()
    return [(d.rule, lines[d.line - 1][d.column - 1 : d.end_column - 1], d.suggestions[0]) for d in found]


def apply(art: Article, found: list[Diagnostic]) -> str:
    out = art.source
    for d in sorted(found, key=lambda d: -(d.fix.start if d.fix else 0)):
        assert d.fix is not None
        out = out[: d.fix.start] + d.fix.text + out[d.fix.end :]
    return out


# Real transliteration and spelling pairs: each must be recognised as one name.
SAME_NAME = (
    ("Aliyev", "Aliev"),
    ("Hewitt", "Hewit"),
    ("Zelensky", "Zelenskyy"),
    ("Zelenskiy", "Zelensky"),
    ("Gaddafi", "Gadhafi"),
    ("Qaddafi", "Gaddafi"),
    ("Khamenei", "Khameini"),
    ("Netanyahu", "Nethanyahu"),
    ("Rachmaninoff", "Rachmaninov"),
    ("Tchaikovsky", "Tchaikovskiy"),
    ("Blair", "Blaire"),
    ("Sergei", "Sergey"),
    ("Medvedev", "Medvedyev"),
    ("Erdoğan", "Erdogan"),
    ("Yevgeny", "Evgeny"),
    ("Ahmadinejad", "Ahmadinezhad"),
    ("Tymoshenko", "Timoshenko"),
    ("Yanukovych", "Yanukovich"),
    ("Mubarak", "Moubarak"),
    ("Kadyrov", "Kadirov"),
    ("Chernomyrdin", "Tchernomyrdin"),
    ("McDonald", "MacDonald"),
    ("Muhammad", "Mohammed"),
    ("Stöbich", "Stoebich"),
    ("Díaz", "Diaz"),
)


@pytest.mark.parametrize(("a", "b"), SAME_NAME)
def test_transliteration_pairs_are_one_name(a: str, b: str) -> None:
    assert variant_reason(a, b) is not None
    assert variant_reason(b, a) is not None


# Words of one stem, and different places: never variants of each other, whatever the context.
NOT_VARIANTS = (
    ("Israel", "Israeli"),
    ("Afghan", "Afghani"),
    ("Afghani", "Afghans"),
    ("Australia", "Australian"),
    ("Hama", "Hamas"),
    ("Ivanov", "Ivanova"),
    ("Iran", "Iraq"),
    ("Austria", "Australia"),
    ("Kenya", "Kenyan"),
    ("Obama", "Osama"),
    ("Smith", "Smith"),
    ("We're", "We’re"),
)


@pytest.mark.parametrize(("a", "b"), NOT_VARIANTS)
def test_inflections_and_different_places_are_not_variants(a: str, b: str) -> None:
    assert variant_reason(a, b) is None


@pytest.mark.parametrize(
    ("body", "odd", "main", "message"),
    (
        (
            "President Ilham Aliyev met the delegation. Aliyev said the talks went well. Later Aliev added more.",
            "Aliev",
            "Aliyev",
            "'Aliev' here, but 'Aliyev' twice in this article",
        ),
        (
            "The club signed Peter Hewitt on Friday. The coach said Hewit would start on Sunday.",
            "Hewit",
            "Hewitt",
            "'Hewit' here, but 'Hewitt' once in this article",
        ),
        (
            'The bureau\'s David Payne attributes the decline to the drought. "It is the right way," Mr Paine said.',
            "Paine",
            "Payne",
            "'Paine' here, but 'Payne' once in this article",
        ),
        (  # diacritics written out: a variant of the same person, never another person
            "Christian Stöbich chaired the panel. Stöbich spoke first, and later Stoebich thanked the hosts.",
            "Stoebich",
            "Stöbich",
            "'Stoebich' here, but 'Stöbich' twice in this article",
        ),
        (
            "Colonel Muammar Gaddafi spoke for an hour. Gaddafi warned the rebels. Critics say Qaddafi will not go.",
            "Qaddafi",
            "Gaddafi",
            "'Qaddafi' here, but 'Gaddafi' twice in this article",
        ),
    ),
)
def test_a_name_spelled_two_ways_is_reported_on_the_odd_spelling(body: str, odd: str, main: str, message: str) -> None:
    art = article(body)
    found = findings(art)
    assert flagged(found, art) == [("names.inconsistent", odd, main)]
    assert found[0].message == message
    assert re.search(rf"\b{odd}\b", apply(art, found)) is None


# Two people, or a name and a word: nothing to report.
DIFFERENT = (
    "Gordon Brown met Des Browne in London. Brown said the talks went well and Browne agreed.",
    "Robert Smith chaired the meeting. Bob Smith, his cousin, took notes.",
    "Jon Snow interviewed the minister. The physician John Snow traced cholera to a pump.",
    "Boris Johnson quoted the playwright Ben Jonson. Johnson said he admired Jonson.",
    "Mohamed Salah scored twice. Crown Prince Mohammed bin Salman watched from the stands.",
    "Tim Allen opened the show. The Allan Border Medal went to a young batter.",
    "Israel and its Israeli allies met Iraqi and Iranian envoys in Iran and Iraq.",
    "Mr Lee spoke first. Mr Li answered him.",
    "Dr Sarah Peterson led the study. Her colleague Anne Petersen disagreed.",
    'Peter Hewitt wrote the letter. "Hewit [sic] is wrong," the reply began. Hewitt laughed.',
    'Peter Hewitt framed the note that reads "To Hewit". "To Hewit [sic]," it began. Hewitt laughed.',
)


@pytest.mark.parametrize("body", DIFFERENT)
def test_different_people_and_words_are_not_merged(body: str) -> None:
    art = article(body)
    assert findings(art) == []


def test_a_typo_of_an_everyday_word_in_a_headline_is_left_to_the_spelling_check() -> None:
    art = article("People gathered in the square on Sunday. The People's Party spoke.", title="Pople Gather in Baku")
    assert findings(art) == []


def test_a_typo_of_an_everyday_word_opening_a_sentence_is_left_to_the_spelling_check() -> None:
    # the full stop after "Delhi" ends a sentence: "Delhi" is no given name of "Pollice"
    art = article(
        "Talks were held in New Delhi. Pollice say an email was sent. Police say he was arrested. Police said so."
    )
    assert findings(art) == []


def test_words_an_article_accepts_are_not_reported() -> None:
    body = "The club signed Peter Hewitt on Friday. The coach said Hewit would start on Sunday."
    art = article(body, front="copydesk:\n  accept: [Hewit]\n")
    assert findings(art) == []


def test_glossary_variant_is_reported_with_the_house_spelling() -> None:
    art = article("Israeli President Ishaq Herzog arrived in Baku on Monday.")
    found = findings(art)
    assert flagged(found, art) == [("names.glossary", "Ishaq Herzog", "Isaac Herzog")]
    assert found[0].message == "'Ishaq Herzog': the house spelling is 'Isaac Herzog' (President of Israel)"
    assert "Isaac Herzog arrived" in apply(art, found)


def test_glossary_hit_inside_a_yaml_string_has_its_exact_position() -> None:
    # the escape before the name makes decoded and file columns differ
    art = article("The visit went ahead.", title="Caf\\u00e9 talks with Ishaq Herzog")
    found = findings(art)
    assert [(d.line, d.column, d.end_column) for d in found] == [(2, 30, 42)]
    assert art.source.splitlines()[1][29:41] == "Ishaq Herzog"
    assert apply(art, found).splitlines()[1] == 'title: "Caf\\u00e9 talks with Isaac Herzog"'


def test_glossary_hit_across_a_folded_line_is_suggested_but_not_fixed() -> None:
    art = article("The visit went ahead.", front="summary: >\n  President Ishaq\n  Herzog visited Baku.\n")
    (d,) = findings(art)
    assert (d.rule, d.line, d.column, d.end_line) == ("names.glossary", 5, 13, 6)
    assert d.suggestions == ("Isaac Herzog",)
    assert d.fix is None  # the file has a line break where the text has a space


def test_glossary_in_capitals_keeps_capitals() -> None:
    art = article("Talks went ahead.", title="ISHAQ HERZOG IN BAKU")
    (d,) = findings(art)
    assert d.suggestions == ("ISAAC HERZOG",)


def archive(n: int, odd_body: str) -> list[Article]:
    arts = [
        article(f"Former prime minister Tony Blair spoke in city {i}. Blair said peace was possible.", name=f"a{i}.md")
        for i in range(n)
    ]
    return [*arts, article(odd_body, name="odd.md")]


def test_a_spelling_the_rest_of_the_archive_does_not_use_is_reported() -> None:
    arts = archive(6, "Mr Blaire said the talks in Belfast would resume. Tony Blaire smiled.")
    found = findings(*arts)
    assert [(d.path, d.rule, d.suggestions) for d in found] == [
        ("odd.md", "names.archive", ("Blair",)),
        ("odd.md", "names.archive", ("Blair",)),
    ]
    assert found[0].message == "'Blaire' here; 'Blair' in 6 other articles"


def test_the_archive_does_not_speak_for_a_different_person() -> None:
    arts = archive(6, "The actress Lionel Blaire opened the festival. Blaire said she was delighted.")
    assert findings(*arts) == []


def test_the_archive_index_is_kept_for_the_run() -> None:
    arts = archive(4, "Mr Blaire said the talks would resume.")
    run = Run(Config())
    names.prepare(arts, run)
    index = run.state["names"]
    assert isinstance(index, NameIndex)
    assert index.articles("Blair") == 4
    assert index.articles("Blaire") == 1
    assert index.total("Blair") == 8
    assert index.firsts["Blair"]["Tony"] == 4
    assert ["Blair", "Blaire"] in index.clusters()


def test_in_a_single_article_the_archive_is_silent() -> None:
    assert findings(article("Mr Blaire said the talks would resume.")) == []


def test_the_seed_article_gets_the_house_spelling_of_herzog() -> None:
    seed = read_path(SEEDS / "004_95c60ba5b8cee6dd.txt")
    found = findings(seed)
    lines = seed.source.splitlines()
    assert [(d.rule, d.line, lines[d.line - 1][d.column - 1 : d.end_column - 1]) for d in found] == [
        ("names.glossary", 1, "Ishaq Herzog"),
        ("names.glossary", 2, "Ishaq Herzog"),
    ]
    assert {d.suggestions for d in found} == {("Isaac Herzog",)}


def test_the_other_seed_has_no_names_finding() -> None:
    assert findings(read_path(SEEDS / "000_18c8a299e144d0a2.txt")) == []


def test_a_broken_glossary_names_its_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "desk-names.yaml"
    bad.write_text(
        "names:\n  - name: Isaac Herzog\n    variants: [Ishaq Herzog]\n  - name: Ilham Aliyev\n    notes: x\n"
    )
    run = Run(Config(rules=(bad,)))
    with pytest.raises(FatalError) as err:
        entries(run, "names")
    message = str(err.value)
    assert f"{bad}:4:" in message
    assert "variants" in message


def test_a_place_is_not_a_later_reference_to_a_person() -> None:
    art = article("Jane Austen wrote six novels. Austen's letters survive. A festival in Austin, Texas, read them.")
    assert findings(art) == []


# ---- across the archive: a person is a full name in context ------------------------------------


def story(body: str, name: str, title: str = "News of the day") -> Article:
    return article(body, title=title, name=name)


# (what the other articles say, how many of them, the odd article, its odd spelling, the archive's)
SAME_PERSON_ACROSS = (
    (  # a famous name: wordfreq knows Mandela, so two other articles are enough
        "Nelson Mandela spoke in Johannesburg on day {i}. Mandela said the vote mattered.",
        2,
        "Nelson Mandella spoke in Soweto. Mandella said the vote mattered.",
        "Mandella",
        "Mandela",
    ),
    (  # … and one, when the same full name is given
        "Chancellor Angela Merkel met the ministers on day {i}.",
        1,
        "Angela Merkle arrived in Paris. Ms Merkle said the talks went well.",
        "Merkle",
        "Merkel",
    ),
    (  # an initial for the given name
        "John Hollingworth opened the hall on day {i}. Hollingworth said it was overdue.",
        3,
        "J. Hollingworthe opened the school. Mr Hollingworthe said it was overdue.",
        "Hollingworthe",
        "Hollingworth",
    ),
    (  # a nickname of the given name
        "Robert Tamberlin chaired the board on day {i}. Tamberlin said little.",
        3,
        "Bob Tamberlyn chaired the meeting. Mr Tamberlyn said little.",
        "Tamberlyn",
        "Tamberlin",
    ),
    (  # diacritics
        "The striker Pedro Díaz scored on day {i}. Díaz celebrated with the fans.",
        5,
        "The striker Pedro Diaz scored again. Diaz celebrated with the fans.",
        "Diaz",
        "Díaz",
    ),
    (  # transliteration
        "Colonel Muammar Gaddafi spoke for an hour on day {i}. Gaddafi warned the rebels.",
        5,
        "Colonel Muammar Qaddafi spoke for an hour. Qaddafi warned the rebels.",
        "Qaddafi",
        "Gaddafi",
    ),
    (  # a spelling the language does not know, beside the same full name in two other articles
        "British number one Tim Henman won in round {i}. Henman served well.",
        2,
        "Greg Rusedski takes Tim Henmane's place. Henmane is injured.",
        "Henmane",
        "Henman",
    ),
    (  # a surname that is also an everyday word; a capitalised word before it ("about End Bushe")
        # is no given name that would make another person
        "President George Bush spoke on day {i}. Mr Bush said the talks went well.",
        10,
        "Readers ask about End Bushe 'denial'. President Bushe is there for four years. Mr Bushe won.",
        "Bushe",
        "Bush",
    ),
)


@pytest.mark.parametrize(("others", "n", "odd_body", "odd", "main"), SAME_PERSON_ACROSS)
def test_an_article_consistent_within_itself_but_not_with_the_archive(
    others: str, n: int, odd_body: str, odd: str, main: str
) -> None:
    arts = [story(others.format(i=i), f"a{i}.md") for i in range(n)]
    odd_art = story(odd_body, "odd.md")
    found = findings(*arts, odd_art)
    assert found, "the archive's spelling was not reported"
    assert {(d.path, d.rule, d.suggestions[0]) for d in found} == {("odd.md", "names.archive", main)}
    assert flagged(found, odd_art) == [("names.archive", odd, main)] * len(found)
    assert len(found) == odd_body.count(odd)  # every mention of the spelling the article uses throughout
    others_text = "1 other article" if n == 1 else f"{n} other articles"
    assert found[0].message == f"'{odd}' here; '{main}' in {others_text}"


# different people with similar names, in other articles: nothing to report
DIFFERENT_PEOPLE_ACROSS = (
    ("Rafael Gonzaga fixed the build on day {i}. Gonzaga thanked the team.", "Refael Ackermann fixed the tests."),
    ("Renée Kooi released a new version on day {i}.", "René Schünemann released the tool."),
    ("Denys Otrishko reviewed the change on day {i}.", "Denis Fäcke reviewed the patch."),
    ("Mathias Buus wrote the module on day {i}.", "Mattias Grenfeldt reported the flaw."),
    ("Jacob Smith wrote the test runner on day {i}. Smith said so.", "Ben Smyth reported the flaw."),
    ("Michaël Zasso landed the update on day {i}.", "Micheil Smith landed the fix."),
    ("Tony Blair spoke in city {i}. Blair said peace was possible.", "The actress Lionel Blaire opened the show."),
)


@pytest.mark.parametrize(("others", "odd_body"), DIFFERENT_PEOPLE_ACROSS)
def test_different_people_with_similar_names_are_not_merged_across_the_archive(others: str, odd_body: str) -> None:
    arts = [story(others.format(i=i), f"a{i}.md") for i in range(8)]
    assert findings(*arts, story(odd_body, "odd.md")) == []


def test_a_given_name_written_as_a_surname_is_still_a_variant() -> None:
    # "Perri" and "Perry" are both given names, but "Mr Perri" is a surname here: the spokesman's
    body = (
        'Prices fell, "but this time of year is quiet," housing spokesman Ian Perry said.'
        " Sales will pick up in the New Year, Mr Perri added."
    )
    art = article(body)
    assert [w for _, w, _ in flagged(findings(art), art)] == ["Perri"]


def test_a_given_name_and_its_form_in_another_language_name_two_people() -> None:
    # "Dawid" (Polish) is no misspelling of the "David" the article names once, nor of the archive's
    arts = [
        story(
            "The project began in spring. Dawid's work was open-ended, which allowed Dawid to choose."
            "\n\n- Mentor: [David Lattimore](https://github.com/davidlattimore)",
            "gsoc.md",
        ),
        story("- **Champions:** [compiler] ([David Wood]), [lang] ([Niko Matsakis])", "goals.md"),
        story("Our thanks to the team.", "interview.md", title="Interview with Jan David Nose"),
        story("Thanks to Corey Farwell, David Salter, Diggory Blake, Jacob Shaffer.", "rustup.md"),
    ]
    assert findings(*arts) == []


@pytest.mark.parametrize(
    ("lang", "body", "flagged_word"),
    (
        ("pl", "Konferencja odbędzie się w Montréal. Do zobaczenia w Montrealu, mówi Montréal.", None),
        ("uk", "Конференція в Японії. Японія чекає. Японія рада, каже Японія.", None),
        ("de", "Die Schlüsselwortargumente sind neu. Ein Schlüsselwortargument reicht.", None),
        # a slip inside the word is still one, whatever the language
        ("de", "Die Compaction ist neu. Die Campaction läuft. Die Compaction hilft.", "Campaction"),
    ),
)
def test_in_an_inflecting_language_two_endings_are_two_forms_of_one_word(
    lang: str, body: str, flagged_word: str | None
) -> None:
    art = article(body, title="Ruby 3.4", front=f"lang: {lang}\n")
    words = {w for _, w, _ in flagged(findings(art), art)}
    assert words == ({flagged_word} if flagged_word else set())


DIFFERENT_PEOPLE_HERE = (
    "Refael Ackermann and Rafael Gonzaga reviewed the release. Refael thanked Rafael.",
    "Renée Kooi and René Schünemann wrote the tools.",
    "Denis Fäcke and Denys Otrishko reviewed the patches.",
)


@pytest.mark.parametrize("body", DIFFERENT_PEOPLE_HERE)
def test_two_given_names_before_different_surnames_are_two_people(body: str) -> None:
    assert findings(article(body)) == []


RELEASE = """\
- \\[[`0ab12cd345`](https://github.com/nodejs/node/commit/0ab12cd345)] - **src**: fix BigUint (Tom Huges) [#1](https://github.com/nodejs/node/pull/1)
- udp: receive empty packets (Tom Huges)
- improved documentation (Koichi Kobayashi, Mickaël Delahaye, Mikeal Rogers)
"""


def test_release_note_entries_and_credits_are_not_reported() -> None:
    arts = [story(f"Tom Hughes gave a talk on day {i}. Hughes showed BigInt.", f"a{i}.md") for i in range(6)]
    note = story(RELEASE, "release.md")
    assert findings(*arts, note) == []


def test_credits_are_the_archive_s_evidence_of_a_spelling() -> None:
    credits = [
        story(f"- fix the build on day {i} (Alexis Campailla)\n- docs (Tom Hughes)\n", f"r{i}.md") for i in range(4)
    ]
    prose = story("Thanks to Alexis Campilla for the Windows work.", "thanks.md")
    found = findings(*credits, prose)
    assert [(d.path, d.rule, d.suggestions[0]) for d in found] == [("thanks.md", "names.archive", "Campailla")]


def test_the_archive_s_spelling_is_a_suggestion_never_applied_by_fix(tmp_path: Path, cli: Any) -> None:
    for i in range(6):
        (tmp_path / f"a{i}.md").write_text(
            f'---\ntitle: "Day {i}"\n---\n\nFormer prime minister Tony Blair spoke. Blair said peace was possible.\n'
        )
    odd = tmp_path / "odd.md"
    before = '---\ntitle: "Talks"\n---\n\nMr Blaire said the talks would resume. Tony Blaire smiled.\n'
    odd.write_text(before)
    result = cli("check", "--select", "names", "--format", "json", "--fix", str(tmp_path))
    assert [(d["rule"], d["suggestions"]) for d in result.diagnostics] == [("names.archive", ["Blair"])] * 2
    assert odd.read_text() == before


@pytest.mark.parametrize(
    "body",
    ("Bill Venners가 Matz와 나눈 인터뷰를 공개했습니다.\nMatz는 코드 읽기에 대해 이야기합니다. Matz의 책.",),
)
def test_a_particle_written_onto_a_name_is_not_another_spelling(cli: Any, tmp_path: Path, body: str) -> None:
    post = tmp_path / "post.md"
    post.write_text(f'---\ntitle: "Matz의 프로그래밍"\nlang: ko\n---\n{body}\n', encoding="utf-8")
    assert cli("check", "--format", "json", "--select", "names", post).diagnostics == []


@pytest.mark.parametrize(
    ("odd", "reported"),
    (
        (1, True),  # one article spells it otherwise: a slip the archive speaks against
        (3, False),  # three articles write it: a name of its own (Refael and Rafael are two people)
    ),
)
def test_a_spelling_several_articles_write_is_the_archives_own(
    cli: Any, tmp_path: Path, odd: int, reported: bool
) -> None:
    for n in range(8):
        who = "Refael" if n < odd else "Rafael"
        (tmp_path / f"post{n}.md").write_text(
            f"---\ntitle: Release {n}\n---\n\nThis release was prepared by {who} Gonzaga and the team.\n",
            encoding="utf-8",
        )
    result = cli("check", "--format", "json", "--select", "names.archive", tmp_path)
    assert bool(result.diagnostics) is reported, result.diagnostics


def test_the_title_a_name_is_given_with_is_no_given_name() -> None:
    """ "Lady Boothroyde said" opening a sentence: "Lady" is her title, not a first name that would
    make her another person than "Betty Boothroyd"."""
    art = article(
        """
        Betty Boothroyd has said the Lords need a Speaker.

        Baroness Boothroyd, the first woman to be Commons Speaker, said so on Sunday.

        Lady Boothroyde said she believed it was unacceptable. Boothroyd spoke for an hour.
        """
    )
    assert flagged(findings(art), art) == [("names.inconsistent", "Boothroyde", "Boothroyd")]


def test_the_name_before_an_initial_is_taken_only_across_a_space() -> None:
    """ "George W. Bush": George is the given name; "R Sidoli; J Thomas": Sidoli is another player."""
    from lint.names import extract

    art = article(
        "In the side were the forwards B Cockbain and R Sidoli; J Thomas came on as a replacement in the"
        " second half, and the former president George W. Bush watched from the stand."
    )
    firsts = {m.spelling: m.first for m in extract.mentions(art) if m.spelling in ("Thomas", "Bush")}
    assert firsts == {"Thomas": "J", "Bush": "George"}


FENICE = """\
    Marcello Viotti, director of La Fenice since 2002, has died. His time at La Fenice coincided with
    its reopening after the fire. At La Fenice Viotti was widely acclaimed. The Fenice Theatre
    Foundation said Venice had lost a friend. He was born in Switzerland and lived in Venice.
    """


def test_a_name_the_article_keeps_to_is_no_slip_of_a_name_it_writes_less() -> None:
    # "Fenice" (the opera house) four times, "Venice" twice, the archive writing "Venice": two names
    week = "Tourists crowded Venice in week {}. Venice hopes for rain."
    others = [article(week.format(i), name=f"v{i}.md") for i in range(4)]
    assert findings(*others, article(FENICE, name="opera.md")) == []
    # a slip once is still a slip, though the archive backs the other spelling
    slip = "The Venice Biennale opened in Venice on Friday. Crowds filled Fenice by noon."
    assert [d.rule for d in findings(*others, article(slip, name="slip.md"))] == ["names.inconsistent"]
