"""Release-note entries and lists of names: code names, credits and labels are not an editor's prose."""

from __future__ import annotations

import pytest

from lint.readers import read_text
from lint.spelling.entries import list_items
from tests.spelling_test import article, flagged

# a release post in the shape Node.js, io.js and many projects publish (commit subjects written for this test)
COMMIT = "- \\[[`{h}`](https://github.com/example/node/commit/{h})] - **{label}**: {subject} ({who}) [#{n}](https://github.com/example/node/pull/{n})"
ENTRIES = (
    ("deps", "backport a fix from V8 upstream", "Michaël Zasso"),
    ("module,repl", "remove the repl require hack", "cjihrig"),
    ("dgram", "pass args to the stdio and tty handles", "thefourtheye"),
    ("util", "fix occuring errors in the cctest runner", "gengjiawen"),
    ("src", "remove the variale that keeps runnning", "Anna Henningsen"),
)
RELEASE = "Version 9.1.0 brings a faster module loader.\n\n### Commits\n\n" + "".join(
    COMMIT.format(h=f"{n:03d}fd1ec28d", label=label, subject=subject, who=who, n=3900 + n) + "\n"
    for n, (label, subject, who) in enumerate(ENTRIES)
)


def test_code_names_credits_and_labels_of_release_entries_are_no_typos() -> None:
    # every code name, handle and label is left alone; the three slips of common words in the subjects are not
    assert flagged(article(RELEASE)) == ["occuring", "variale", "runnning"]


def test_the_same_words_in_prose_are_still_checked() -> None:
    body = "The team said the variale was runnning and the reslts were in.\n"
    assert flagged(article(body)) == ["variale", "runnning", "reslts"]


GEMS = """\
The following default gems are updated.

  * resolv
  * drb 2.0.5
  * pstore 0.1.1

We thank everyone who helped, and the uneven reslts too.
"""


def test_a_list_of_names_one_word_an_item_is_no_prose() -> None:
    assert flagged(article(GEMS)) == ["reslts"]


CONTRIBUTORS = """\
Many people came together to create Rust 1.1. We couldn't have done it without all of you.

* Mathieu Rochette
* Mathijs van de Nes
* Pweaver (Paul Weaver)
* pweyck
* QuietMisdreavus
* zhaixiaojuan (zhaixiaojuan)

Thanks to everyone, and the uneven reslts too.
"""


def test_a_list_of_contributors_full_names_and_handles_is_no_prose() -> None:
    assert flagged(article(CONTRIBUTORS)) == ["reslts"]


def test_a_single_one_word_item_is_still_checked() -> None:
    assert flagged(article("Things to bring:\n\n* umbrela\n\nThat is all.\n")) == ["umbrela"]


@pytest.mark.parametrize(
    ("line", "kinds"),
    (
        ("- **deps**: update the vendored copy (#123)", {"deps": "label", "update": "entry"}),
        ("- Fix the parser for empty input (#12) (Jane Roe)", {"Jane Roe": "credit", "parser": "entry"}),
        ("* **src:** keep the buffer ([4f1e2d3](https://example.org/r/commit/4f1e2d3))", {"src:": "label"}),
        ("- **Breaking**: the old flag is gone (#5)", {"Breaking": "entry"}),  # a capitalised word: prose
        ("- An ordinary item (with a remark) and no citation", {"remark": ""}),
        ("1. Read the **docs**: they help", {"docs": ""}),
    ),
)
def test_what_each_part_of_a_list_item_is(line: str, kinds: dict[str, str]) -> None:
    source = f"Intro.\n\n{line}\n"
    items = list_items(source)
    for part, kind in kinds.items():
        start = source.index(part)
        assert items.kind(start, start + len(part)) == kind, part


TEAM = """\
Meet the new team.

## Liane Peng, Service Designer

Liane joined in May.

## Thomas Sittmann

* **Mikelyn Meyers**&mdash;U.S. Census Bureau
* **Justen Proctor** – Senior contracting officer

## Upcomng Events

The events page lists them.
"""


def test_names_in_bio_headings_and_lead_ins_are_no_typos_but_a_heading_slip_is() -> None:
    # a heading that is a name with a role, or opens with a given name, is a person (and so is the same
    # name opening a sentence); "Upcomng Events" is not
    assert flagged(article(TEAM)) == ["Upcomng"]


# team line-ups in the shape the sports pages print them (names chosen for this test)
LINEUPS = """\
City came back to win at home, and the reslts table shows it.

Dudek, Finnan, Hyypia, Carragher (capt), Riise, Luis Garcia (Nunez 73), Gerrard, Alonso.

Replacements (from): Fortey, Murphy, Daly, Vaili, Cole, Hayes, Trueman.

G Intoppa, S Perugini, CA del Fava, D dal Maso, P Griffen, M Barbini, KP Robertson.

Hanley; Mayor, Payne, Rhys Jones, Wigglesworth; Hercus, Redpath (capt); Caillet, Carter, Chabal.
"""


def test_the_names_of_a_team_line_up_are_no_typos() -> None:
    assert flagged(article(LINEUPS)) == ["reslts"]


@pytest.mark.parametrize(
    "prose",
    (
        "Dudek scored early and the crowd cheered.",
        "Replacements: Fortey and Murphy came on late.",
        "It was D dal Maso again, and he scored.",
    ),
)
def test_the_same_names_in_a_sentence_are_judged_as_words_are(prose: str) -> None:
    assert flagged(article(f"City won at home.\n\n{prose}\n")) != []


def test_a_line_up_in_a_json_string() -> None:
    body = "City won.\\n\\nDudek, Finnan, Hyypia, Carragher, Riise, Gerrard, Alonso.\\n\\nAll done."
    source = f'{{"title": "Match", "date": "2026-01-15", "body": "{body}"}}'
    assert flagged(read_text("match.json", source, "json")) == []
    assert flagged(read_text("match.json", source.replace("Finnan, ", "Finnan scored, "), "json")) == ["Dudek"]


def test_a_line_of_common_words_is_no_line_up_and_a_listed_misspelling_is_one_anywhere() -> None:
    body = "The office hours changed.\n\nOpen: Monday, Tuesday, Wendesday, Thursday, Friday, Saturday.\n"
    assert flagged(article(body)) == ["Wendesday"]


def test_a_line_up_in_a_json_string_with_escapes_and_a_lead_in() -> None:
    line = "Liverpool: Dudek, Finnan, Hyypi\\u00e4, Carragher, Riise, Gerrard, Alonso, Kewell."
    source = f'{{"title": "Match report", "body": "{line}\\n\\nThe match ended in a draw.\\n\\nSubs: {line[11:]}"}}'
    assert flagged(read_text("match.json", source, "json")) == []


def test_a_paragraph_that_thanks_keeps_its_other_words_checked() -> None:
    body = "Thanks to Jane Smith, Bob Lee, Ann Wu, the goverment press office and the libary staff.\n"
    assert flagged(article(body)) == ["goverment", "libary"]


def test_a_thanks_paragraph_of_long_runs_of_spaces_reads_in_linear_time() -> None:
    # "and" was searched for from every space of a run (100,000 spaces: 40 s); now once a run
    body = "Thanks to Ann Lee, Bob Wu, Cy" + " " * 100_000 + "Po and Di Ma, and the goverment.\n"
    assert flagged(article(body)) == ["goverment"]
