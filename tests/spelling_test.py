"""The spelling check: typos found anywhere in an article, real names left alone."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from lint.article import Article
from lint.checks import spelling
from lint.config import Config
from lint.diagnostics import Diagnostic, Severity
from lint.readers import read_path, read_text
from lint.resources import rules_path
from lint.rules import read_words
from lint.run import Run, check_articles
from lint.spelling.suggest import edit_kind, match_case
from lint.spelling.variants import american, british
from tests.conftest import SEEDS

SEED_000 = SEEDS / "000_18c8a299e144d0a2.txt"
SEED_004 = SEEDS / "004_95c60ba5b8cee6dd.txt"


def article(body: str, title: str = "Talks in the capital", front: str = "", name: str = "story.md") -> Article:
    text = f'---\ntitle: "{title}"\ndate: 2026-01-15\n{front}---\n\n{textwrap.dedent(body).strip()}\n'
    return read_text(name, text, "markdown")


def findings(*articles: Article, config: Config | None = None) -> list[Diagnostic]:
    return check_articles(list(articles), config or Config(select=("spelling",)))


def words(found: list[Diagnostic], art: Article) -> list[str]:
    """The words the findings point at, read from the file at their line and columns."""
    lines = art.source.splitlines()
    return [lines[d.line - 1][d.column - 1 : d.end_column - 1] for d in found]


def flagged(art: Article, config: Config | None = None) -> list[str]:
    return words(findings(art, config=config), art)


def apply(source: str, found: list[Diagnostic]) -> str:
    out = source
    for d in sorted((d for d in found if d.fix), key=lambda d: -d.fix.start if d.fix else 0):
        assert d.fix is not None
        out = out[: d.fix.start] + d.fix.text + out[d.fix.end :]
    return out


# --- the seed articles ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[str]]:
    arts = [read_path(SEED_000), read_path(SEED_004)]
    found = findings(*arts)
    return {
        "000": words([d for d in found if d.path.endswith(SEED_000.name)], arts[0]),
        "004": words([d for d in found if d.path.endswith(SEED_004.name)], arts[1]),
    }


def test_seed_typos_are_flagged(seeds: dict[str, list[str]]) -> None:
    assert "Tacts" in seeds["004"]
    assert "Drowpdown" in seeds["000"]
    assert "Klark" in seeds["000"]


@pytest.mark.parametrize("name", ["Herzog", "Aliyev", "Ilham", "Baku", "Azeri", "Sa'ar", "Ishaq", "Gideon"])
def test_seed_names_are_not_typos(seeds: dict[str, list[str]], name: str) -> None:
    assert name not in seeds["000"] + seeds["004"]


def test_tacts_suggests_facts_in_its_case() -> None:
    art = read_path(SEED_004)
    found = [d for d in findings(art) if words([d], art) == ["Tacts"]]
    assert found[0].message == "'Tacts' is not a known word; did you mean 'Facts'?"
    assert found[0].suggestions[0] == "Facts"
    assert found[0].severity == Severity.ERROR


# --- names from around the world, in the places news puts them ---------------------------------

NAMES = (
    # East Africa, West Africa
    ("Kenyan President William Ruto met Raila Odinga in Nairobi. Ruto said the talks in Mombasa went well.", ()),
    ("Ngozi Okonjo-Iweala, who leads the trade body, visited Abuja. Okonjo-Iweala met Bola Tinubu there.", ()),
    # Middle East, Caucasus
    ("Israeli President Isaac Herzog flew to Baku, where Ilham Aliyev met him. Herzog's visit lasted two days.", ()),
    ("Ms Gebremariam and Mr Tsegaye spoke in Mekelle. Gebremariam said the road to Adigrat was open.", ()),
    # South Asia, East Asia
    ("Prime Minister Narendra Modi spoke in Varanasi. Modi later met Shehbaz Sharif and Sheikh Hasina.", ()),
    ("Vietnamese officials in Haiphong met Nguyen Xuan Phuc. Phuc told reporters in Hanoi the deal was done.", ()),
    ("Police in Guangzhou questioned Zhang Wei. Zhang said he had lived in Shenzhen since 2010.", ()),
    # Eastern Europe, Latin America, Oceania
    ("Volodymyr Zelenskyy visited Kharkiv and Zaporizhzhia. Zelenskyy's aides said he met Dmytro Kuleba.", ()),
    ("Mayor Claudia Sheinbaum toured Iztapalapa. Sheinbaum said residents of Xochimilco would get water.", ()),
    ("Residents of Whakatane and Tauranga met Dr Ngarewa-Packer. She said the tribes would be consulted.", ()),
    ("The council in Wagga Wagga met Senator Jacqui Lambie and Mr Barnaby Joyce near Gundagai.", ()),
)


@pytest.mark.parametrize(("body", "expected"), NAMES)
def test_real_names_in_context_are_not_flagged(body: str, expected: tuple[str, ...]) -> None:
    assert flagged(article(body)) == list(expected)


def test_a_name_opening_a_sentence_is_the_name_accepted_inside_one() -> None:
    art = article(
        "The designer Erica Deahl shared how her team works. Deahl said the process can produce fear."
        " Deahl noted that the forms were long."
    )
    assert flagged(art) == []


def test_a_lower_case_word_in_many_sentences_is_a_term_not_a_slip() -> None:
    # "dat" is one slip from "day", but a writer who uses it in six sentences means it
    body = (
        "We spoke about dat on Monday. The team built dat last year. Many people use dat for sharing data."
        " Is dat ready for agencies? The developers of dat visited us. Ask questions about dat below."
    )
    assert flagged(article(body)) == []
    assert flagged(article("We spoke about dat on Monday.")) == ["dat"]


def test_a_slip_of_a_common_word_written_alike_in_three_sentences_is_the_articles_term() -> None:
    # "pserver" is one letter from "server"; a report that names it in three sentences means it
    body = (
        "The pserver service was offered to anonymous users. Another note: the pserver process creates"
        " a directory. This suggests that pserver processes were ended abnormally."
    )
    assert flagged(article(body)) == []
    # a slip is not retyped alike: in two sentences it is still flagged in both
    assert flagged(article("The pserver service was offered. The pserver process ended.")) == ["pserver"] * 2
    # a slip inside a common word, its first and last letters kept, is one however often it is written
    body = "The seurity team met. Their seurity plan was late. Network seurity matters, said the chief."
    assert flagged(article(body)) == ["seurity"] * 3


@pytest.mark.parametrize(
    ("body", "expected"),
    (
        ("The sources are tar’ed and gzip’ed for you.", []),  # a tool's name made a verb
        ("The draft was OK'd and the editor cc'ing the desk.", []),
        ("The sources are tarr’ed and gzipp’ed for you.", ["tarr’ed", "gzipp’ed"]),  # no word before the ending
    ),
)
def test_a_word_made_a_verb_with_an_apostrophe_is_no_typo(body: str, expected: list[str]) -> None:
    assert flagged(article(body)) == expected


def test_the_forms_of_an_articles_term_are_its_term_in_it_and_across_the_run() -> None:
    term = article(
        "We call it protosketching. A protosketch takes three hours. Each protosketcher builds one."
        " Our protosketches are rough.",
        name="term.md",
    )
    assert flagged(term) == []  # four forms of "protosketch", one in each sentence
    other = article("The team tried protosketching last week.", name="other.md")
    slip = article("The team tried protosktetching last week.", name="slip.md")
    found = findings(term, other, slip)
    assert words([d for d in found if d.path == "other.md"], other) == []  # the run's term
    assert words([d for d in found if d.path == "slip.md"], slip) == ["protosktetching"]  # a slip of it is not
    assert flagged(article("The team tried protosketching last week.")) == ["protosketching"]  # alone: no term


def test_a_misspelling_written_again_and_again_is_still_a_misspelling() -> None:
    body = (
        "Officials said the goverment would act. The goverment said no. A goverment spokesman declined."
        " Critics of the goverment disagreed. The goverment will meet again."
    )
    assert flagged(article(body)) == ["goverment"] * 5


def test_a_word_opening_a_sentence_is_no_twin_and_a_twin_is_no_safe_fix() -> None:
    # "This" opens a sentence: it says nothing of "Theis"
    assert flagged(article("This week the agency published the Theis report.")) == []
    # "Road" inside a sentence makes "Roed" suspect, but a name-like word gets no automatic fix
    found = findings(article("The Harbour Road was closed near the Roed family farm, police said."))
    assert [(d.suggestions[0], d.safe_fix) for d in found] == [("Road", None)]


def test_the_article_never_chooses_a_fix_the_word_alone_would_not() -> None:
    found = findings(article("It was a sad day. Her brother sed he would stay."))
    assert [(d.suggestions[0], d.safe_fix) for d in found] == [("sad", None)]


def test_a_name_in_the_headline_and_the_text_is_a_name() -> None:
    art = article(
        "Aliyev met the delegation on Monday. Azerbaijan's president, Ilham Aliyev, said the talks went well.",
        title="Aliyev Hosts Talks in Baku",
    )
    assert flagged(art) == []


def test_a_name_used_across_the_run_is_a_name() -> None:
    others = [article(f"Officials said Mr Vrbanovic spoke in Zagreb on day {n}.", name=f"{n}.md") for n in "abc"]
    art = article("Vrbanovic arrived late.", name="d.md")
    found = findings(art, *others)
    assert [d for d in found if d.path == "d.md"] == []


# --- typos, wherever they are -------------------------------------------------------------------

HEADLINES = (
    ("Herzog to Visit Azerbaijan to Strengthen Regional Tacts", "Tacts"),
    ("Goverment Announces New Fuel Standards", "Goverment"),
    ("Floods Recieve Little Attention in Parliament", "Recieve"),
    ("Council Plans to Seperate Waste Collection", "Seperate"),
)


@pytest.mark.parametrize(("title", "typo"), HEADLINES)
def test_typos_in_title_case_headlines_are_caught(title: str, typo: str) -> None:
    art = article("The minister said the plan would be announced next week.", title=title)
    assert flagged(art) == [typo]


# a capital inside a sentence makes a word look like a name; the article itself says it is not one
TWINS = (
    ("The White House said little. Later the White Houes says it will stay in the talks.", "Houes", "House"),
    ("The Israeli Government met. The group called on the Israeli Goberment to act.", "Goberment", "Government"),
    ("Staff at the Department left. The Departent of Health said it would review the case.", "Departent", "Department"),
    # the article's word comes first, before a more frequent one as close ("Work")
    ("The News of the World ran it. The News of the Worl editor says it will appeal.", "Worl", "World"),
    # unless another word is closer than the article's: "Australian" is one edit away, "Australia" two
    ("Australia won in Perth before a partisan Australain crowd on Sunday.", "Australain", "Australian"),
)


@pytest.mark.parametrize(("body", "typo", "correction"), TWINS)
def test_a_capitalised_slip_of_a_word_the_article_writes_is_a_typo(body: str, typo: str, correction: str) -> None:
    art = article(body)
    found = findings(art)
    assert words(found, art) == [typo]
    assert found[0].suggestions[0] == correction


def test_a_person_named_after_a_given_name_is_no_slip_of_an_article_word() -> None:
    art = article("The Head of Data met us. Philadelphia's chief data officer, Mark Headd, spoke first.")
    assert flagged(art) == []


def test_a_capitalised_slip_is_weighed_as_a_word_when_the_article_writes_the_word() -> None:
    body = "The Department of Environment said little. The Department of Enviroment and Conservation met."
    assert flagged(article(body)) == ["Enviroment"]


def test_without_the_word_elsewhere_the_same_capitalised_word_stays_a_name() -> None:
    # the same sentences, but the article never writes the word the name is near
    assert flagged(article("Later the White Houes says it will stay in the talks.")) == []
    # and a name a few letters from a word of the article is not that word
    assert flagged(article("Mr Batjer met the Better Homes board. Batjer said the deal was done.")) == []


def test_headline_slip_of_a_word_in_the_text() -> None:
    art = article("An International study has found thousands of people are at risk.", title="An Internation Study")
    assert flagged(art) == ["Internation"]


def test_typo_in_a_yaml_faq_answer_is_placed_at_its_line_and_column() -> None:
    front = textwrap.dedent(
        """\
        faq:
          - question: "Who is involved?"
            answer: "The state goverment and local councils."
          - question: "What happens next?"
            answer: >
              The talks resume after the
              holidays, acording to officials.
        """
    )
    art = article("The talks went well.", front=front)
    found = findings(art)
    lines = art.source.splitlines()
    where = [(d.line, d.column, d.end_column) for d in found]
    first = next(n for n, line in enumerate(lines, 1) if "goverment" in line)
    second = next(n for n, line in enumerate(lines, 1) if "acording" in line)
    assert where == [
        (first, lines[first - 1].index("goverment") + 1, lines[first - 1].index("goverment") + 10),
        (second, lines[second - 1].index("acording") + 1, lines[second - 1].index("acording") + 9),
    ]


def test_typos_in_summary_and_json_strings_with_escapes() -> None:
    doc = {"title": "Budget talks", "summary": "Ministers met \u201cbriefly\u201d with the goverment", "body": "Fine."}
    source = json.dumps(doc, indent=2)  # ASCII escapes before the typo
    art = read_text("story.json", source, "json")
    found = findings(art)
    assert words(found, art) == ["goverment"]
    assert apply(source, found) == source.replace("goverment", "government")


def test_typos_between_html_tags_in_a_cms_export_and_in_metadata() -> None:
    # a CMS export: the body is HTML, the summary has inline tags (JSON and YAML strings are not Markdown)
    doc = {
        "title": "Council approves budget",
        "summary": "The <em>counsil</em> met on Tuesday.",
        "body": '<p>The council <strong>aproved</strong> the budget.</p>\n<p>Mayor <a href="https://x.org/y">Jane'
        " Doe</a> said it would cut waste.</p><script>var tpyo = 1;</script>",
    }
    source = json.dumps(doc, indent=2)
    art = read_text("story.json", source, "json")
    assert words(findings(art), art) == ["counsil", "aproved"]


@pytest.mark.parametrize(
    ("typo", "correction"),
    (
        ("goverment", "government"),
        ("recieve", "receive"),
        ("definately", "definitely"),
        ("accomodation", "accommodation"),
        ("occured", "occurred"),
        ("untill", "until"),
        ("beleive", "believe"),
        ("wich", "which"),
        ("tommorow", "tomorrow"),
        ("arguement", "argument"),
        ("truely", "truly"),
        ("thier", "their"),
    ),
)
def test_common_misspellings_get_the_right_first_suggestion(typo: str, correction: str) -> None:
    art = article(f"The council said it would {typo} the plan after the meeting.")
    found = findings(art)
    assert words(found, art) == [typo]
    assert found[0].suggestions[0] == correction


def test_a_correction_the_article_uses_ranks_higher() -> None:
    alone = findings(article("Later the mayr left."))
    assert alone[0].suggestions[0] == "mary"
    context = findings(article("The mayor said the council would meet. Later the mayr left."))
    assert context[0].suggestions[0] == "mayor"


def test_a_clear_correction_is_a_safe_fix_and_applies_byte_exact() -> None:
    art = article("Officials said the goverment would respond on Monday, café owners said.")
    found = findings(art)
    assert [d.fix is not None for d in found] == [True]
    assert apply(art.source, found) == art.source.replace("goverment", "government")


def test_no_fix_when_the_source_is_not_the_word_verbatim() -> None:
    source = '{"title": "Talks", "summary": "The gover\\u006dent met.", "body": "Fine."}'
    art = read_text("story.json", source, "json")
    found = findings(art)
    assert words(found, art) == ["gover\\u006dent"]
    assert found[0].suggestions[0] == "government"
    assert found[0].fix is None  # the file does not hold the word as written: not even an unsafe fix


def test_no_fix_when_two_corrections_are_as_likely() -> None:
    art = read_path(SEED_004)
    tacts = [d for d in findings(art) if words([d], art) == ["Tacts"]]
    assert tacts[0].safe_fix is None  # facts? acts? tracts?


def test_explain_says_why() -> None:
    art = article("The goverment met.")
    found = check_articles([art], Config(select=("spelling",)), explain=True)
    assert "1 edit from 'government'" in found[0].explanation
    assert "lower case inside a sentence" in found[0].explanation


def test_accepted_words_come_with_their_reasons() -> None:
    art = read_path(SEED_004)
    run = Run(Config(), explain=True)
    spelling.prepare([art], run)
    why = {f.message.split("'")[1]: f.explanation for f in spelling.accepted(art, run)}
    assert "after a title" in why["Herzog"]
    assert "takes a possessive" in why["Herzog"]


# --- words accepted without looking up their near misses ----------------------------------------

# names, derivations, compounds, typos, and long words only a deep search finds neighbours for
SHORTCUT = (
    """President Ilham Aliyev met Herzog in Baku; Aliyev's aides and the Azeri press said so.
    The goverment's reuploaded timeboxes were unmaintainable, a solutioning of the backchannel.""",
    """Officials recieved the interoperability report on the goverments cryptocurrencies.
    Agilefall teams said the govermant checklistomania was architecting antipatterns for Ngarewa.""",
    """Drowpdown Klark said the folksonomy of the slidedeck was themeable and timeboxed,
    unlike the commoditization of videocalls by the Carrboro datasources.""",
    """The arguement was truely about the Ministry's reuploads, the spokeswoman said.""",
    """He was held in Barlinnie Prision, said Harold S. Geneen of the Detroit Motor Show; Elka Graham agreed.""",
)


def test_skipping_the_near_misses_flags_the_same_words() -> None:
    """Words whose score stays below zero whatever their near misses are accepted without a lookup;
    ``--explain`` looks up every word: both must report the same findings."""
    arts = [read_path(SEED_000), read_path(SEED_004)]
    arts += [article(body, name=f"story{n}.md") for n, body in enumerate(SHORTCUT)]
    arts += [read_path(p) for p in sorted(Path("examples").rglob("*.*"))]
    quick = check_articles(arts, Config(select=("spelling",)))
    full = check_articles(arts, Config(select=("spelling",)), explain=True)
    full = [d for d in full if d.rule != "spelling.accepted"]  # --explain also says why names passed
    assert [(d, d.fix) for d in quick] == [(d, d.fix) for d in full]
    typos = {w.lower() for a in arts[2 : 2 + len(SHORTCUT)] for w in words([d for d in quick if d.path == a.path], a)}
    assert {"goverment", "govermant", "recieved", "arguement", "truely", "prision"} <= typos
    assert not {"geneen", "elka"} & typos


def test_the_ceiling_is_never_below_the_score() -> None:
    from lint.spelling.score import ceiling, facts, judge, plain_facts

    arts = [article(body, name=f"story{n}.md") for n, body in enumerate(SHORTCUT)] + [read_path(SEED_004)]
    run = Run(Config(), explain=True)  # every word judged
    spelling.prepare(arts, run)
    state = run.state["spelling"]
    judged = 0
    for art in arts:
        evidence = state.articles[id(art)].evidence
        for text, tok in state.screens[id(art)].pending:
            headline = text.field == "title"
            f = facts(tok.text, "en")
            score = judge(tok, f, evidence, state.run_evidence, 0, headline).score
            assert score <= round(ceiling(tok, plain_facts(tok.text, "en"), evidence, state.run_evidence, headline), 2)
            assert score <= round(ceiling(tok, f, evidence, state.run_evidence, headline, near_known=True), 2)
            judged += 1
    assert judged > 20


# --- what is not prose --------------------------------------------------------------------------

SKIPPED = (
    "See https://exmaple.org/pathh/teh-page or write to jdoe@exmaple.org today.",
    "Follow @jdoeee and #electoin2024 for updates.",
    "Run `pip instal foo` or {{ sitee.name }} then {% raw %} as needed.",
    "The COVID19 wave, the 4pm briefing and the snake_case_namme survived.",
    "The NATO and UNESCO envoys met ASEAN and NAVAIR officials.",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    "The iPhone, YouTube and McKinsey briefings ended.",
)


@pytest.mark.parametrize("body", SKIPPED)
def test_urls_code_handles_acronyms_and_markers_are_skipped(body: str) -> None:
    assert flagged(article(body)) == []


def test_a_shouting_headline_is_still_checked() -> None:
    art = article("The budget passed.", title="GOVERMENT PASSES THE BUDGET")
    assert flagged(art) == ["GOVERMENT"]


# --- vocabularies and lists ---------------------------------------------------------------------


def test_article_vocabulary_from_front_matter() -> None:
    front = "copydesk:\n  accept: [Qwertyx, frobnicate]\n"
    art = article("The Qwertyx team will frobnicate the data.", front=front)
    assert flagged(art) == []
    assert flagged(article("The Qwertyx team will frobnicate the data.")) == ["frobnicate"]


def test_configured_vocabulary_file(tmp_path: Path) -> None:
    vocab = tmp_path / "words.txt"
    vocab.write_text("# our products\nfrobnicate\nZorbify\n", encoding="utf-8")
    art = article("They frobnicate it; the zorbify tool is new. Zorbify shipped.")
    config = Config(select=("spelling",), vocabulary=(vocab,))
    assert flagged(art, config) == ["zorbify"]  # a capitalised entry matches only as written


def test_reject_list_words_are_flagged_even_when_known() -> None:
    art = article("There were alot of people, irregardless of the rain, and they dont mind.")
    found = findings(art)
    assert [(w, d.rule, d.suggestions) for w, d in zip(words(found, art), found, strict=True)] == [
        ("alot", "spelling.rejected", ("a lot",)),
        ("irregardless", "spelling.rejected", ("regardless",)),
        ("dont", "spelling.rejected", ("don't",)),
    ]


def test_latin_phrases_from_the_accept_list() -> None:
    assert flagged(article("The ad hoc panel kept the status quo, en masse, modus operandi intact.")) == []


@pytest.mark.parametrize(
    "phrase,body,left",
    [
        ("frobni cate", "They will frobni cate the data.", []),
        ("frobni cate", "Frobni CATE the data, they said.", []),  # any case
        ("Zorbo Frobni", "Zorbo Frobni said so; zorbo frobni did not.", ["zorbo", "frobni"]),  # as written
        ("frobni's cate", "The frobni’s cate was tested.", []),  # a curly apostrophe in the text
        ("strobni cate", "The ſtrobni cate was tested.", []),  # "ſ" is matched as "s": the phrase is searched
    ],
)
def test_words_of_an_accepted_phrase(phrase: str, body: str, left: list[str]) -> None:
    art = article(body, front=f'copydesk:\n  accept: ["{phrase}"]\n')
    assert [w.lower() for w in flagged(art)] == left
    assert flagged(article(body))  # the words are unknown outside the phrase


@pytest.mark.parametrize("name", ("words-en.txt", "words-software.txt"))
def test_the_shipped_word_lists_are_lower_case_words_the_dictionary_lacks_with_their_licence(name: str) -> None:
    from lint.lexicon import lexicon

    text = rules_path(name).read_text(encoding="utf-8")
    assert "Permission" in text  # the licence notice travels with the words
    entries = read_words(rules_path(name))
    assert entries == sorted(set(entries)) and len(entries) > 1000
    assert all(w.isascii() and w.isalpha() and w.islower() for w in entries)
    lx = lexicon("en")
    assert not [w for w in entries if lx.known(w)]


def test_the_name_and_british_lists_are_lower_case_words_with_their_licence() -> None:
    from lint.lexicon import lexicon
    from lint.spelling.variants import american

    lx = lexicon("en")
    for name in ("names-en.txt", "british-en.txt"):
        assert "Permission" in rules_path(name).read_text(encoding="utf-8")
        entries = read_words(rules_path(name))
        assert entries == sorted(set(entries)) and len(entries) > 1000
        assert all(w.isascii() and w.isalpha() and w.islower() for w in entries)
    # names-en: common words (the check weighs them by frequency); british-en: forms of known American words
    assert all(lx.zipf(w) >= 4.0 for w in read_words(rules_path("names-en.txt")))
    assert all(any(lx.known(a) for a in american(w)) for w in read_words(rules_path("british-en.txt")))


def test_the_word_lists_are_well_formed() -> None:
    accept = read_words(rules_path("accept.txt"))
    reject = [line.partition("->") for line in read_words(rules_path("reject.txt"))]
    rejected = [w.strip().lower() for w, _, _ in reject]
    assert len(set(accept)) == len(accept)
    assert len(set(rejected)) == len(rejected)
    assert not set(rejected) & {a.lower() for a in accept}
    for word, arrow, fix in reject:
        assert word.strip() and " " not in word.strip()
        if arrow:
            assert fix.strip() and fix.strip().lower() not in rejected  # a correction is no rejected word


# --- languages and varieties of English ---------------------------------------------------------

VARIANTS = "The colour of the theatre; the organisation travelled. The color of the theater; the organization traveled."


@pytest.mark.parametrize(
    ("lang", "expected"),
    (
        ("en", []),
        ("en-GB", ["color", "theater", "organization", "traveled"]),
        ("en-US", ["colour", "theatre", "organisation", "travelled"]),
    ),
)
def test_british_and_american_spellings(lang: str, expected: list[str]) -> None:
    art = article(VARIANTS, front=f"lang: {lang}\n")
    found = findings(art)
    assert words(found, art) == expected
    assert all(d.rule == "spelling.variant" and d.fix is not None for d in found)


def test_a_british_spelling_is_one_the_british_word_list_or_no_other_language_has() -> None:
    # "sobre" is "sober" by the -re rule, but Spanish; "burnt" is American English too; "centre" is British
    body = "The page shows 'información sobre mi caso' in Spanish. We got burnt out at the centre."
    found = findings(article(body, front="lang: en-US\n"))
    assert [(d.rule, d.fix.text if d.fix else None) for d in found] == [("spelling.variant", "center")]


def test_a_variant_inside_a_name_is_the_name_s_spelling() -> None:
    body = "* UK Centre for Challenge Prizes: a guide. The Labour Party met at the centre."
    found = findings(article(body, front="lang: en-US\n"))
    assert [(d.line, d.fix.text if d.fix else None) for d in found] == [(7, "center")]


def test_config_language_picks_the_variety() -> None:
    art = article("The colour was fine.")
    assert flagged(art, Config(select=("spelling",), language="en-US")) == ["colour"]


@pytest.mark.parametrize(
    ("lang", "body", "typo", "correction"),
    (
        (
            "es",
            "El presidente visitó Barcelona. La reunión fue muy importnte para el gobierno.",
            "importnte",
            "importante",
        ),
        (
            "fr",
            "Le président a rencontré les dirigeants. La réunion était importante pour le gouvernment.",
            "gouvernment",
            "gouvernement",
        ),
        (
            "de",
            "Die Verhandlungen mit der Regierung waren am Dienstag sehr wichtg für die Zukunft.",
            "wichtg",
            "wichtig",
        ),
    ),
)
def test_other_languages_use_their_dictionary(lang: str, body: str, typo: str, correction: str) -> None:
    art = article(body, title=" ".join(body.split()[:3]), front=f"lang: {lang}\n")
    found = findings(art)
    assert words(found, art) == [typo]
    assert found[0].suggestions[0] == correction


def test_a_language_without_a_dictionary_is_not_checked_as_english(cli: Any, tmp_path: Path) -> None:
    swahili = "Rais alikutana na viongozi wa serikali mjini Nairobi leo asubuhi."
    (tmp_path / "habari.md").write_text(
        f'---\ntitle: "Habari za leo"\ndate: 2026-01-15\nlang: sw\n---\n\n{swahili}\n', encoding="utf-8"
    )
    (tmp_path / "news.md").write_text('---\ntitle: "Talks"\ndate: 2026-01-15\n---\n\nThe tlaks went on.\n')
    result = cli("check", "--format", "json", "--select", "spelling", tmp_path)
    assert [(Path(d["path"]).name, d["message"]) for d in json.loads(result.out)["diagnostics"]] == [
        ("news.md", "'tlaks' is not a known word; did you mean 'talks'?")
    ]
    assert result.err.splitlines() == [
        f"copydesk: spelling: no dictionary for the language 'sw', so the spelling of {tmp_path / 'habari.md'} "
        "was not checked (copydesk has dictionaries for ar, de, en, es, eu, fa, fr, it, lv, nl, pt, ru)"
    ]


@pytest.mark.parametrize("lang", ["English", "eng", "en_GB", "EN"])
def test_a_language_written_as_a_name_or_three_letters_is_understood(lang: str) -> None:
    art = article("Officials said the goverment would act.", front=f"lang: {lang}\n")
    assert flagged(art) == ["goverment"]


@pytest.mark.parametrize(("lang", "typo"), [("Spanish", "importnte"), ("spa", "importnte"), ("español", "importnte")])
def test_other_languages_by_name(lang: str, typo: str) -> None:
    body = "El presidente visitó Barcelona. La reunión fue muy importnte para el gobierno."
    art = article(body, title="El presidente", front=f"lang: {lang}\n")
    assert flagged(art) == [typo]


def test_a_paragraph_in_another_language_is_left_alone() -> None:
    body = """
        The agency published its guide in two languages this week.

        La agencia publicó hoy una guía para ayudar a los ciudadanos a solicitar servicios públicos en línea.
    """
    assert flagged(article(body)) == []


# --- helpers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant", "kind"),
    (
        ("teh", "the", "swapped letters"),
        ("goverment", "government", "a missing letter"),
        ("untill", "until", "a doubled letter"),
        ("occured", "occurred", "a letter not doubled"),
        ("definately", "definitely", "one vowel for another"),
        ("tacts", "facts", "a neighbouring key"),
    ),
)
def test_edit_kinds(typed: str, meant: str, kind: str) -> None:
    assert edit_kind(typed, meant) == kind


@pytest.mark.parametrize(
    ("suggestion", "original", "expected"), (("facts", "Tacts", "Facts"), ("facts", "TACTS", "FACTS"), ("a", "b", "a"))
)
def test_suggestions_follow_the_case_of_the_word(suggestion: str, original: str, expected: str) -> None:
    assert match_case(suggestion, original) == expected


@pytest.mark.parametrize(
    ("gb", "us"),
    (
        ("colour", "color"),
        ("organisation", "organization"),
        ("centre", "center"),
        ("travelled", "traveled"),
        ("paediatric", "pediatric"),
        ("defence", "defense"),
        ("catalogue", "catalog"),
    ),
)
def test_variant_rules_go_both_ways(gb: str, us: str) -> None:
    assert us in american(gb)
    assert gb in british(us)


@pytest.mark.parametrize("word", ["four", "hour", "your", "filled", "size", "prize"])
def test_variant_rules_leave_plain_words_alone(word: str) -> None:
    assert american(word) == []
    assert british(word) == []


@pytest.mark.parametrize(
    ("body", "flagged_words"),
    (
        ("We built it on [thoughtbot](https://thoughtbot.com/)'s Bourbon.", []),
        ("See how [pylint](http://www.pylint.org/) does it.", []),
        ('The scanner <a href="https://github.com/18F/pshtt">pshtt</a> runs daily.', []),
        ("We chose [git-seekret][1].\n\n[1]: https://github.com/cloudflare/git-seekret", []),
        # the address says nothing of a word it does not spell
        ("Read the [deisgn notes](https://example.org/notes) first.", ["deisgn"]),
        ("We chose thoughtbot for the grid.", ["thoughtbot"]),
    ),
)
def test_a_word_the_link_address_spells_is_the_name_of_what_it_links_to(
    cli: Any, tmp_path: Path, body: str, flagged_words: list[str]
) -> None:
    path = tmp_path / "post.md"
    path.write_text(f"---\ntitle: Notes\ndate: 2026-02-01\n---\n\n{body}\n", encoding="utf-8")
    found = cli("check", "--format", "json", "--select", "spelling", path).diagnostics
    assert [d["message"].split("'")[1] for d in found] == flagged_words


# --- a capitalised slip of a word the archive writes with a capital -------------------------------

ATHLETICS = (
    "The ruling was made by UK Athletics on Monday, officials said.",
    "She won gold at the European Athletics Championships in Munich.",
)


def test_a_capitalised_slip_of_a_word_other_articles_capitalise_is_a_typo() -> None:
    others = [article(body, name=f"cup-{n}.md") for n, body in enumerate(ATHLETICS)]
    slip = article("The International Association of Athaletics Federations met on Tuesday.", name="slip.md")
    found = [d for d in findings(*others, slip) if d.path == "slip.md"]
    assert words(found, slip) == ["Athaletics"]
    assert found[0].suggestions[0] == "Athletics"
    assert found[0].fix is not None and found[0].fix.applicability != "safe"  # a capitalised word: a suggestion


def test_a_word_other_articles_capitalise_only_to_open_a_sentence_makes_no_twin() -> None:
    # "This" opens sentences all over the archive; "J Thie" in a list of results is a runner, not a slip of it
    others = [article(f"This is report {n}. This year was good.", name=f"open-{n}.md") for n in range(4)]
    runner = article(
        "The finalists: N Speaight (Belgrave Harriers), J Thie (Cardiff AAC) and M Farah.", name="runner.md"
    )
    assert [d for d in findings(*others, runner) if d.path == "runner.md"] == []


def test_a_slip_before_a_day_s_possessive_opens_no_full_name() -> None:
    # "Saturday's" is as common as "Saturday": "Larst Saturday's" is no "Parul Jain"
    assert flagged(article("The final is on 11 December. Larst Saturday's show was beaten in the ratings.")) == [
        "Larst"
    ]


def test_a_surname_beside_a_given_name_s_initials_is_a_name_and_slips_around_it_are_still_found() -> None:
    body = """
        "Only performance is reality," said Harold S. Geneen. Frederick M. Dille ran the refuge.
        Bridget C.E. Dooling spoke first. We recieved the report on Tusday.

        The work of Druin, A., Foss, E. and Drego, V.; Rogowski, R. is cited, as is Bohns, Vanessa. 2017.
        """
    assert flagged(article(body)) == ["recieved", "Tusday"]


def test_an_e_mail_address_written_out_against_spam_is_no_prose() -> None:
    body = """
        Beth Krappweis | beth (dot) a (dot) krappweis (at) irs (dot) gov
        Rich Panzer | rpanzer [at] iqsolutions [dot] com. Call us (at) noon if the adress fails.
        """
    assert flagged(article(body)) == ["adress"]


@pytest.mark.parametrize(
    "credit",
    [
        "goldy / iStock / Thinkstock",
        "klenger, iStock, Thinkstock",
        "Zoonar RF/Zoonar/Thinkstock",
        "Photo of the bison by mkhmarketing CC BY 2.0",
        "Matej Moderc, Getty Images",
    ],
)
def test_a_photographer_s_name_beside_a_picture_agency_is_a_credit_not_a_typo(credit: str) -> None:
    art = article(f"The herd grazed near the river.\n\n*{credit}*\n\nThe rangers counted fourty bison.")
    assert flagged(art) == ["fourty"]


def test_front_matter_after_blank_lines_is_read_and_the_writer_is_told_unless_the_site_is_hugo() -> None:
    source = '\n\n---\ntitle: "Tracks"\ndate: 2026-01-15\n---\n\nThe tracks were recieved well.\n'
    plain = read_text("story.md", source, "markdown")
    assert plain.title is not None and plain.title.value == "Tracks"
    problems = [d for d in check_articles([plain], Config()) if d.rule == "schema.syntax"]
    assert [(d.line, d.column, d.end_column) for d in problems] == [(3, 1, 4)]
    assert "blank lines" in problems[0].message
    hugo = read_text("story.md", source, "markdown", templates=("hugo",))  # Hugo skips blank lines
    assert hugo.title is not None and hugo.title.value == "Tracks"
    assert [d.rule for d in check_articles([hugo], Config(select=("schema", "spelling")))] == ["spelling.unknown"]


def test_a_capital_in_a_title_case_phrase_of_common_words_is_no_name() -> None:
    # the capital of "Assocation" and "Cheif" comes from the phrase; names beside names, places and heads stay
    body = """
        Gibraltar's Cheif Minister Peter Caruana will speak, said the Leisure Software Publishers Assocation.
        The rebels were held at Barlinnie Prision for a week.
        A clever dummy from Geordan Murphy led to the try. Visitors to Igorville Park rose by a third.
        Elka Graham won the race. Often Pipex and other providers are warned. Pipex is a net provider.
        """
    assert flagged(article(body)) == ["Cheif", "Assocation", "Prision"]


def test_a_unit_after_a_number_is_no_typo_but_a_slip_there_is() -> None:
    body = "Time on phones grew to 2 hrs and 57 mins a day, at 56 kbps. The trip took 3 yeras to plan."
    assert flagged(article(body)) == ["yeras"]


def test_a_name_an_article_writes_again_and_again_is_no_slip_of_a_word_other_articles_capitalise() -> None:
    others = [
        article(f"Email Updates are sent daily. Sign up for Email Alerts today. {n}", name=f"e{n}.md") for n in range(4)
    ]
    body = (
        "Nana Efua Embil, the coordinator, said the goal was clear. “It is not a flash in the pan,” Embil said. "
        "The parks reach people, Embil said. “We had a chat,” Embil said."
    )
    story = article(body, name="parks.md")
    assert [d for d in findings(*others, story) if d.path == "parks.md"] == []


def test_a_handle_made_of_the_name_just_before_is_no_typo() -> None:
    body = """
        Thanks to the researchers: Sergey Bobrov (bobrov), Noriaki Iwasaki (niwasaki), Rich Panzer | rpanzer.
        Jane Doe reported that the fix was mergd quickly.
        """
    assert flagged(article(body)) == ["mergd"]


def test_a_regular_form_whose_near_misses_are_the_same_form_of_other_words_is_a_word() -> None:
    # "redactions" is "redaction" + s, as "reactions" is "reaction" + s; "commited" and "leting" are slips
    body = "The redactions were many. He commited the change and kept leting it run."
    assert flagged(article(body)) == ["commited", "leting"]


def test_a_word_split_by_inline_markup_without_a_space_is_the_word_a_browser_shows() -> None:
    body = (
        '- **m**<span id="kix.ciz0zkic4beu" class="anchor"></span>**ake sure** it works.\n'
        "- It was <em>un</em>beleivable, and <em>un</em>believable."
    )
    assert flagged(article(body)) == ["un</em>beleivable"]  # one word, as the browser shows it


@pytest.mark.parametrize(
    ("body", "typos"),
    [
        ("We went with Plan B. Tomorow we leave. The U.K. Parliment voted.", ["Tomorow", "Parliment"]),
        ("The deal between García adn the council fell through.", ["adn"]),
        ("He sold the pictures to Getty, wich paid well.", ["wich"]),
        ("We used images from Unsplash, Pexels and Pixabay, which are fre and easy.", ["fre"]),
        ("Photos were shared by thier freinds on Flickr last year.", ["thier", "freinds"]),
        (
            "At the White Houes. The Houes staff were kind. Inside the Houes it was warm. The White House is big.",
            ["Houes", "Houes", "Houes"],
        ),
    ],
)
def test_the_evidence_for_names_and_credits_hides_no_slip_of_prose(body: str, typos: list[str]) -> None:
    assert flagged(article(body)) == typos


def test_a_rule_after_blank_lines_is_no_front_matter_and_the_text_after_it_is_checked() -> None:
    art = read_text("story.md", "\n\n---\n\nThe recieved letter was wierd.\n", "markdown")
    assert words(findings(art), art) == ["recieved", "wierd"]


def test_a_variant_at_a_sentence_start_is_the_house_s_and_spelt_flour_is_a_grain() -> None:
    body = "Organise Slack channels by team. We baked bread with spelt flour."
    found = findings(article(body, front="lang: en-US\n"))
    assert [(d.rule, d.fix.text if d.fix else None) for d in found] == [("spelling.variant", "Organize")]


PARLIAMENT = (
    "The bill was debated in Parliament on Monday, officials said.",
    "Members of Parliament voted on the budget late on Tuesday.",
    "The astronaut Alan Shepherd spoke at the Shepherd Centre.",
    "Sheila Shepherd, who chairs the board, agreed.",
)


def test_a_name_the_article_writes_made_a_verb_is_no_typo() -> None:
    body = "We log our hours in Tock. Everyone uses Tock daily, and Tock reports go out on Friday."
    assert flagged(article(body, title="Tocking time")) == []
    assert flagged(article("Tocking time is over.")) == ["Tocking"]  # no name to make it from


def test_a_capitalised_common_misspelling_of_an_archive_word_is_a_typo() -> None:
    # "Parliment" is written on the web (a common misspelling, codespell lists it), so the web's
    # frequency makes it look like a name; the archive writes "Parliament"
    others = [article(body, name=f"house-{n}.md") for n, body in enumerate(PARLIAMENT)]
    slip = article("The Liberal Democrats promised to raise the issue in Parliment.", name="slip.md")
    found = [d for d in findings(*others, slip) if d.path == "slip.md"]
    assert words(found, slip) == ["Parliment"]
    assert found[0].suggestions[0] == "Parliament"
    # a person's name after a given name is theirs, though the list holds it ("shepard" for "shepherd")
    person = article("The astronaut Alan Shepard flew in 1961.", name="person.md")
    assert [d for d in findings(*others, person) if d.path == "person.md"] == []


def test_a_person_after_a_title_is_no_slip_of_the_archive_word() -> None:
    others = [article(b, name=f"cup-{n}.md") for n, b in enumerate(ATHLETICS)]
    art = article("The envoy, Ms Athaletics, said the advice was under review.", name="person.md")
    assert [d for d in findings(*others, art) if d.path == "person.md"] == []


@pytest.mark.parametrize(
    "body",
    (
        "We publish how-tos and tutorials on the blog.",
        "It leads to lots of if-thens and different code paths.",
        "The clay-courters lost early at the French Open.",
        "Software should not be reused willy-nilly.",
        "Make sure that .env cannot be checked into version control.",
        "Tools convert Word files (.docx) into web pages.",
        "And voila, here I am.",
        "Short lifetimes limit damage from mis-issuance. Mis-issued certificates expire sooner.",
        "The old rubber stamps that you could just “ker-chunk” onto a motion.",
        "The records are disclosed under 18 U.S.C. § 2701 et seq.",
        "Hyundai's chairman Chung Mong-koo said the plant would open in May.",
        "Naoki Iizuka, senior economist at the Dai-ichi Life Research Institute, said so.",
    ),
)
def test_compound_plurals_rhyming_pairs_file_extensions_and_loan_words_are_no_typos(body: str) -> None:
    assert flagged(article(body)) == []


def test_a_slip_in_a_hyphenated_word_is_still_a_typo() -> None:
    assert flagged(article("The well-knwon add-ons were removed.")) == ["knwon"]
    # a prefix is no typo, and no excuse for the slip after it
    assert flagged(article("The mis-issuence was found.")) == ["issuence"]
    # beside a name, a slip after a common capitalised word is still one
    assert flagged(article("The Paris-basd Dior house and the Labour-leed Welsh Assembly.")) == ["basd", "leed"]


@pytest.mark.parametrize(
    ("body", "typo", "meant"),
    (
        ("Giggs will captain Wales in Wensday's friendly against Hungary.", "Wensday", "Wednesday"),
        ("The figures for Febuary were published by the office.", "Febuary", "February"),
        ("A spokesman for the Criminal Investagation Department said so.", "Investagation", "Investigation"),
        ("The Free Certficate Authority issued the new keys.", "Certficate", "Certificate"),
    ),
)
def test_a_capitalised_slip_of_a_day_a_month_or_a_long_word_is_a_typo(body: str, typo: str, meant: str) -> None:
    found = findings(article(body))
    assert [(w, d.suggestions[0]) for w, d in zip(words(found, article(body)), found, strict=True)] == [(typo, meant)]


@pytest.mark.parametrize(
    "body",
    (
        "Join us at Nodevember, the conference in Nashville.",  # a coinage: letters added to a month
        "The talk was given by Augusto Pinheiro in Lisbon.",  # a given name a letter from a month
    ),
)
def test_a_name_made_from_a_month_is_no_slip(body: str) -> None:
    assert flagged(article(body)) == []


def test_an_accented_word_of_another_language_is_no_english_typo() -> None:
    body = "The team will say después together, and the señora agreed; the goverment did not."
    assert flagged(article(body)) == ["goverment"]


# --- the list of common misspellings, elisions, the word lists ----------------------------------


@pytest.mark.parametrize(
    ("typo", "correction"),
    (
        ("occurance", "occurrence"),  # two edits: the list knows the correction the neighbours do not rank
        ("internation", "international"),  # "inter-" + "nation" would pass for a derivation without the list
        ("teh", "the"),  # the web writes it often enough to look like a word
        ("changable", "changeable"),
    ),
)
def test_a_listed_common_misspelling_is_flagged_with_the_lists_correction(typo: str, correction: str) -> None:
    art = article(f"The council said it was a {typo} plan for the whole region.")
    found = findings(art)
    assert words(found, art) == [typo]
    assert found[0].suggestions[0] == correction


def test_a_capitalised_word_on_the_list_is_not_taken_for_a_slip() -> None:
    # the list of common misspellings holds surnames too (shepard -> shepherd)
    art = article("The mission was led by Alan Shepard, who flew it in May.")
    assert flagged(art) == []


def test_when_the_list_and_the_nearest_word_disagree_the_fix_is_a_suggestion() -> None:
    found = findings(article("It was a one time occurance for the team."))
    assert found[0].suggestions[0] == "occurrence"
    assert found[0].fix is None or not found[0].fix.safe


@pytest.mark.parametrize(
    "body",
    (
        "The team is always down for some learnin’ on a Friday.",
        "As the song goes, the times they are a-changin' again.",
        "They kept on talkin' about the plan.",
    ),
)
def test_a_final_g_dropped_with_an_apostrophe_is_no_typo(body: str) -> None:
    assert flagged(article(body)) == []


def test_a_dropped_g_without_the_apostrophe_is_still_flagged() -> None:
    assert flagged(article("They kept on talkin about the plan.")) == ["talkin"]


@pytest.mark.parametrize(
    "body",
    (
        "One reader wrote in: \"It's 'orrible, and I won't listen.\"",
        "\"It's too 'umid out there,\" the old porter said.",
        "She called the song ’orrible on the radio.",
    ),
)
def test_an_h_dropped_with_an_apostrophe_is_no_typo(body: str) -> None:
    assert flagged(article(body)) == []


def test_an_h_dropped_without_the_apostrophe_is_still_flagged() -> None:
    assert flagged(article("One reader called it orrible and switched off.")) == ["orrible"]


def test_a_word_missing_its_h_in_single_quotes_is_a_slip() -> None:
    body = "He called the new building 'istoric' and praised the 'umble' staff of the 'ospital'."
    assert flagged(article(body)) == ["istoric", "umble", "ospital"]


@pytest.mark.parametrize(
    "word",
    (
        "refactors",  # in SCOWL's list, one letter from "reactors"
        "permittees",  # permit + -ee, the consonant doubled
        "awardees",
    ),
)
def test_real_words_a_letter_from_another_word_are_not_flagged(word: str) -> None:
    assert flagged(article(f"Some of the {word} asked the agency for more time.")) == []


def test_a_surname_after_a_given_name_in_a_list_of_players_is_a_name() -> None:
    # a plain-text article: each line of the list stands alone in title case, where capitals say nothing
    source = "Seedings for the open\n\nThe seedings were announced on Monday.\n\n19 Vincent Spadea (US)\n"
    assert flagged(read_text("story.txt", source, "text")) == []


@pytest.mark.parametrize(
    "player",
    (
        "Dominik Hrbaty (Slovakia)",  # given names of other countries than the English-speaking ones
        "Jelena Kostanic (Croatia)",
        "Guillermo Canas (Argentina)",
        "Jurgen Melzer (Austria)",
        "Tatiana Golovin (France)",
        "Mario Ancic (Croatia)",
    ),
)
def test_a_surname_after_a_given_name_of_another_country_is_a_name(player: str) -> None:
    source = f"Seedings for the open\n\nThe seedings were announced on Monday.\n\n20 {player}\n"
    assert flagged(read_text("story.txt", source, "text")) == []


@pytest.mark.parametrize(
    ("body", "slip"),
    (
        ('<p class="authors">Photo: Jameson Dempesy</p>', "Dempesy"),  # two letters swapped of "Dempsey"
        ("The talks were led by Mario Rossi and Dominik Hrabty of the agency.", []),  # no word it is a slip of
    ),
)
def test_two_letters_swapped_in_a_known_surname_stay_a_slip_after_a_given_name(body: str, slip: object) -> None:
    assert flagged(article(body)) == ([slip] if isinstance(slip, str) else slip)


def test_the_given_names_of_other_countries_carry_their_licence_and_hold_no_common_word() -> None:
    from lint.lexicon import lexicon
    from lint.names.people import GIVEN_NAMES, given_name

    text = rules_path(GIVEN_NAMES).read_text(encoding="utf-8")
    assert "Permission is hereby granted" in text and "Faraglia" in text
    entries = read_words(rules_path(GIVEN_NAMES))
    assert entries == sorted(set(entries)) and len(entries) > 10_000
    assert all(w.islower() and w.isalpha() and len(w) >= 3 for w in entries)
    lx = lexicon("en")
    assert not [w for w in entries if lx.known(w) and lx.zipf(w) >= 6.0]  # no "the", "said", "new"
    assert not [w for w in ("hope", "grace", "among", "will", "may", "april") if w in entries]
    assert given_name("Jelena") and given_name("Jürgen") and not given_name("Among")


def test_a_given_name_that_is_a_word_in_a_headline_makes_no_name() -> None:
    assert flagged(article("The unions will take part.", title="Unions Will Thak Part")) == ["Thak"]


def test_a_misspelling_two_slips_from_a_common_word_stays_one_however_many_articles_write_it() -> None:
    arts = [article(f"Talks {n} were held beeteen the two sides.", name=f"s{n}.md") for n in range(5)]
    found = findings(*arts)
    assert [d.path for d in found] == [a.path for a in arts]


def test_a_misspelt_month_stays_misspelt_however_many_articles_write_it() -> None:
    arts = [article(f"The match {n} is on 26 Febuary in the capital.", name=f"s{n}.md") for n in range(5)]
    found = findings(*arts)
    assert len(found) == 5
    assert found[0].suggestions[0] == "February"


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    (
        # an untranslated English sentence in a German post, and the trade's English words
        ("de", "Die Version wurde veröffentlicht. The release was scheduled and provided for stragglers.", []),
        ("de", "Der Server hat Symlinks und einen Segfault gemeldet.", []),
        # German closes its compounds, with linking letters: no typo; a slip inside one still is
        ("de", "Ein selbstsigniertes Zertifikat im Entwicklungszweig, dazu positionsgebundene Argumente.", []),
        ("de", "Der Programmierwettbewerb beginnt; die Anmeldefomular ist offen.", ["Anmeldefomular"]),
        # French and Italian elide before a vowel, with either apostrophe
        ("fr", "Il faut changer l'adresse et l’intégration d'une application qu'il utilise.", []),
        ("fr", "Il faut changer l'adresse et l’intégrration.", ["l’intégrration"]),
        ("it", "La data dell'anno e l'aggiornamento sull'argomento.", []),
    ),
)
def test_articles_in_other_languages_quote_english_close_compounds_and_elide(
    lang: str, body: str, expected: list[str]
) -> None:
    assert flagged(article(body, title="Ruby 3.4", front=f"lang: {lang}\n")) == expected


def test_a_commands_option_in_prose_is_no_word() -> None:
    from tests.names_test import findings as name_findings

    art = article("Pass -Zself-profile to the compiler, or --Werror to the linker; the Self type stays. Teh end.")
    assert flagged(art) == ["Teh"]
    assert name_findings(art) == []  # "Zself" is no variant of "Self"


@pytest.mark.parametrize(
    ("body", "expected"),
    (
        ('"Booo!" they shouted, then "hisss", then "pleeease come back".', []),  # a crowd, written as heard
        ("The band's croooner sang.", ["croooner"]),  # in the reporter's own words: a slip (BBC, 2005)
        ("It was sooooo long, and the noteboook pc was seeen everywhere.", ["noteboook", "seeen"]),
        ("Hmmm, we thought. Ohhh, the team said, and went home.", []),  # interjections, drawn out
        ('"It was sooo good," she said, "and the crowd went wiiild."', []),  # quoted speech: the speaker's voice
        ("They alll went home.", ["alll"]),  # a key held down: no sound drawn out
        ("The committte met.", ["committte"]),
        ('Should we add it? \u201cNahh," I said, and then "ohhh".', []),  # a breath held at the end
        ("The team got to the finihh line.", ["finihh"]),
        ("She met withh the council, and not muchh came of it.", ["withh", "muchh"]),  # no interjections
    ),
)
def test_a_sound_drawn_out_is_no_typo(body: str, expected: list[str]) -> None:
    assert flagged(article(body)) == expected


def test_an_english_loanword_without_its_accents_is_no_typo() -> None:
    assert flagged(article("The show was risque and the protege a cliche.")) == []


def test_accents_saved_decomposed_are_letters_of_the_word() -> None:
    """macOS may save "König" as "Ko" + U+0308 + "nig": the same word, not "Ko" and "nig"; a slip beside it
    is still found, at the file's own columns."""
    art = article("Dimitri Ko\u0308nig spoke. The cafe\u0301s were full, and the goverment agreed.")
    assert flagged(art) == ["goverment"]


def test_a_name_saved_decomposed_and_composed_is_one_spelling() -> None:
    from tests.names_test import findings as names_findings

    art = article("Dimitri Ko\u0308nig spoke on Monday. Later Mr K\u00f6nig said the talks went well. K\u00f6nig left.")
    assert names_findings(art) == []


def test_a_site_s_own_word_beside_a_common_one_is_its_term_across_articles() -> None:
    """ "gopls" is one letter from "goals": one article writing it in three sentences could be a writer's
    retyped slip, but the term of three articles is the site's word, in them and wherever else it is used."""
    body = (
        "The gopls server answers the editor. We rewrote gopls for speed in {i}. Today gopls runs in every"
        " editor we know of."
    )
    arts = [article(body.format(i=2019 + i), name=f"a{i}.md") for i in range(3)]
    once = article("Editors talk to gopls over a pipe.", name="once.md")
    assert [d.path for d in findings(*arts, once)] == []
    alone = article(body.format(i=2024), name="alone.md")
    assert [words([d], alone) for d in findings(alone)] == [["gopls"], ["gopls"], ["gopls"]]


def test_a_term_opening_a_sentence_is_still_the_term() -> None:
    """ "Cgo" opening a sentence of an article that writes "cgo" in three other sentences; a listed
    misspelling is no term, capitalised or not."""
    art = article(
        "Cgo lets Go call C. With cgo, the build needs a compiler. We use cgo for the bindings. Some avoid cgo."
    )
    assert flagged(art) == []
    slip = article("The goverment said so. A goverment report came. Goverment bonds fell. The goverment agreed.")
    assert flagged(slip) == ["goverment", "goverment", "goverment"]


@pytest.mark.parametrize("word", ["hackathon", "modafinil", "maxillofacial"])
def test_a_word_the_web_writes_with_no_word_within_two_letters_is_no_typo(word: str) -> None:
    assert flagged(article(f"The {word} was the talk of the week, said the organisers.")) == []


def test_a_garbled_word_with_no_correction_is_still_a_typo() -> None:
    assert flagged(article("The comersial break ran long, said the producers.")) == ["comersial"]


@pytest.mark.parametrize(
    "body",
    [
        "Sales rose by just 0.3%. Parul Jain, deputy chief economist at the bank, said so.",
        "The handsets cost a third of the price. Georgeta Minciu, a Romanian cleaner, said so.",
        "Maloney was fouled. Stilian Petrov slid in a third goal before half-time.",
    ],
)
def test_a_sentence_opening_with_a_full_name_opens_with_a_given_name(body: str) -> None:
    assert flagged(article(body)) == []


def test_a_slip_opening_a_sentence_before_a_common_word_or_a_famous_name_is_still_a_slip() -> None:
    art = article("Teh Government met on Monday. Presidnet Obama spoke to the press.")
    assert flagged(art) == ["Teh", "Presidnet"]


def test_a_run_of_combining_accents_reads_in_linear_time() -> None:
    """ "Zalgo" text: sixty accents on one letter, in a hyphenated word ending in an apostrophe (the word
    pattern once tried every way to split such a run: hours for forty accents)."""
    art = article("The word za" + "\u0301" * 60 + "-b' came up, and the goverment agreed.")
    assert "goverment" in flagged(art)


def test_a_paragraph_thanking_people_with_names_wrapped_across_lines_is_a_list_of_names() -> None:
    body = (
        "Thanks to Chayoung You, Dean Attali, Dmitrii Evdokimov, Don\n"
        "Denton, Eldritch Cheese, Fabrice Laporte, Florian Thomas, Frank\n"
        "Taillandier, Hugo, Ivan Dmitrievsky, Joel Meyer-Hamme, kimbaudi, penny, and yoostk.\n\n"
        "The goverment agreed."
    )
    assert flagged(article(body)) == ["goverment"]


@pytest.mark.parametrize(
    "body",
    [
        # three full names in a paragraph that thanks, a handle among them, the last name before the rest
        "Thanks to Jordon Bedwell, chrisfinazzo, Kroum Tzanev, David Celis, and\n"
        "Alfred Xing for their commits on this latest release!",
        # the lead-in on the line before, ending in a colon
        "Once again, many thanks to our contributors who helped make this release possible:\n"
        "ashmaroli, bellvat, Frank Taillandier, i-give-up, Jan Piotrowski, Maximiliano\n"
        "Kotvinsky, Oliver Steele and Pat Hawks.",
        # "and" at the end of a line, the last name on the next
        "All of it would not have been possible without our wonderful contributors:\n\n"
        "Alexandr, Andreas Möller, Ashwin Maroli, Chayoung You, Florian Thomas,\n"
        "Frank Taillandier, Hendrik Schneider, Kacper Duras, Olivia, Parker Moore and\n"
        "Paul Robert Lloyd.",
    ],
)
def test_the_people_a_release_post_thanks_are_no_typos(body: str) -> None:
    assert flagged(article(body + "\n\nThe goverment agreed.")) == ["goverment"]


def test_a_short_list_that_thanks_no_one_is_still_read_word_by_word() -> None:
    body = "We met Jordon Bedwell, chrisfinazzo, Kroum Tzanev and David Celis in the hall."
    assert flagged(article(body)) == ["chrisfinazzo"]


def test_a_word_the_article_writes_as_code_is_the_codes_name() -> None:
    body = (
        "The math engines are now plugins:\n\n"
        "- katex math engine – `kramdown-math-katex`\n"
        "- ritex math engine – `kramdown-math-ritex`\n\n"
        "Install `rdiscount` first, and rdiscount does the rest; the katex engine is fast.\n"
    )
    assert flagged(article(body)) == []


def test_prose_an_html_sample_holds_is_still_prose() -> None:
    body = (
        "Add this snippet to the page template:\n\n"
        '```html\n<p class="banner">Our offices are closed for the hollidays</p>\n```\n\n'
        "Our offices are closed for the hollidays, so the banner says when the newsroom reopens.\n"
        'The `git commit -m "Fix the paymnet form"` step saves it, and the paymnet form then works.\n'
    )
    assert flagged(article(body)) == ["hollidays", "paymnet"]


def test_a_line_of_backtick_runs_reads_in_linear_time() -> None:
    from lint.spelling.code import code_words

    line = "".join("`" * k + "a " for k in range(1500, 0, -1))  # about a million characters
    assert code_words(line + "\n`katex` and `kramdown-math-ritex`\n") >= {"katex", "ritex"}


def test_prose_a_code_block_quotes_is_still_prose() -> None:
    # the data file's text is the caption's text: its slip is the caption's slip
    body = (
        "Each image has a data file:\n\n"
        "```yaml\nalt: A photo of a satelite dish in a katex field\n```\n\n"
        "The caption reads: a satelite dish in a katex field.\n"
    )
    assert flagged(article(body)) == ["satelite", "katex"]


def test_the_english_reject_list_is_not_applied_to_a_post_in_another_language() -> None:
    # "dont" is French ("la manière dont"): rules/reject.txt's contractions are English
    fr = "Ruby 1.9.2 vient de sortir. Voici la manière dont vous l'avez fait, et la branche dont fait partie."
    assert findings(article(fr, front="lang: fr\n")) == []
    assert [d.rule for d in findings(article("I dont know what happened, the mayor said."))] == ["spelling.rejected"]


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        # the dictionaries of other languages lack many inflected forms the web writes: those are words
        (
            "es",
            "Los cambios se detallan abajo y los errores se corregirán pronto. La serialización es "
            "típicamente rápida, aunque el código es tipicamente lento.",
            ["tipicamente"],  # written without the accent the web writes
        ),
        (
            "ru",
            "Проверка ключа по сертификату: ключ должен соответствовать публичному ключу, указанному в "
            "сертификате. Отвественным за это был проект.",
            ["Отвественным"],  # a letter dropped from "ответственным": no form the web writes
        ),
    ],
)
def test_a_form_the_web_writes_in_another_language_is_a_word(lang: str, body: str, expected: list[str]) -> None:
    assert flagged(article(body, front=f"lang: {lang}\n")) == expected


def test_a_derivation_beside_another_form_of_its_stem_is_a_word_and_a_slip_of_one_form_is_a_slip() -> None:
    # "sentencers" is one edit from "sentences": two forms of "sentence", no slip of one for the other;
    # "commited" and "committed" are the same form, "latist" a short stem's chance ending
    body = (
        "We want to see sentencers advised, and the loan servicers agree. The commited acts of the "
        "writters matter, and the latist figures too."
    )
    assert flagged(article(body)) == ["commited", "writters", "latist"]


def test_the_bare_form_of_a_term_the_article_writes_in_other_forms_is_no_typo() -> None:
    # "demerge" is one edit from "emerge", but the article writes "demerged" and "demerger" too: one stem
    body = (
        "Rank could unveil plans to demerge its film services unit. Advisers valued its demerged Deluxe "
        "Film unit at 300m. A demerger would leave the group smaller."
    )
    assert flagged(article(body)) == []
    assert flagged(article("Rank could unveil plans to demerge its film services unit.")) == ["demerge"]


@pytest.mark.parametrize(
    "body",
    (
        "The film was praised as cinematographically daring by the jury.",  # cinematographic + -ally
        "He leant on the railing and watched the boats.",  # the British past tense in -t
    ),
)
def test_regular_forms_dictionaries_leave_out_are_no_typos(body: str) -> None:
    assert flagged(article(body)) == []


def test_only_the_verbs_with_a_british_past_in_t_have_one() -> None:
    # "leant" and "spelt" are British; "gaint" is no British "gained" but a slip of "giant"
    body = "The owners of the Russian oil gaint Yukos leant on the courts and spelt out their case."
    assert flagged(article(body)) == ["gaint"]


def test_a_person_or_project_the_run_s_addresses_name_is_no_typo() -> None:
    # release notes credit "nikic" and "simpleinfra" in prose; other posts link to the profile and the repository
    credits = article("Thanks to nikic, who keeps our LLVM fork, and to the simpleinfra repository.", name="team.md")
    links = article(
        "Nikita Popov ([@nikic](https://github.com/nikic)) leads the work.\n\n"
        "The [servers](https://github.com/rust-lang/simpleinfra/tree/master/terraform) are described there.",
        name="links.md",
    )
    assert [d.path for d in findings(credits, links)] == []
    assert [(d.path, d.message.split("'")[1]) for d in findings(credits)] == [
        ("team.md", "nikic"),
        ("team.md", "simpleinfra"),
    ]
    # a common misspelling stays one, whatever an address says
    typo = article("The goverment said so.", name="typo.md")
    assert words(findings(typo, article("See https://github.com/goverment/tools.", name="x.md")), typo) == ["goverment"]


def test_a_word_in_another_script_is_no_english_typo() -> None:
    body = "Thanks to 石博文 and Пётр Иванов for the patches, and to Zoë for the tests."
    assert flagged(article(body)) == []


def test_a_reference_label_that_runs_onto_the_next_line_is_no_prose() -> None:
    body = (
        "It is expensive to do so ([3-30% regressions][compile-time\n"
        "regressions]). Builds regressed by up to 7%.\n\n"
        "[compile-time regressions]: https://perf.rust-lang.org/compare.html\n"
    )
    assert flagged(article(body)) == []
    assert flagged(article(body.replace("regressions]).", "regresions]). A sentense."))) == ["sentense"]


def test_two_words_written_as_one_are_a_compound_unless_a_common_word_is_two_slips_away() -> None:
    body = (
        "The planemaker and the carmaking unions want a new passcard for the typescale team, "
        "says the bigfile tablespace guide."
    )
    assert flagged(article(body)) == []
    # "differ" + "cult", but two slips from a word as common as "difficult": a typo
    assert flagged(article("It was a differcult year for the planemaker.")) == ["differcult"]
