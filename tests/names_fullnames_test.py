"""Whole names in an article, as ``copydesk names`` lists them."""

from __future__ import annotations

import pytest

from lint.names.extract import text_mentions
from lint.names.fullnames import names
from lint.text import Text


def names_in(body: str) -> dict[str, int]:
    text = Text("body", body, 0)
    return dict(names(list(text_mentions(text)), [body]))


@pytest.mark.parametrize(
    ("body", "expected"),
    (
        # a title before a person's name is no part of it; the surname alone later counts for the full name
        (
            "Prime Minister John Howard spoke on Monday. Mr Howard said the talks went well.",
            {"John Howard": 2},
        ),
        ("The talks with President Ilham Aliyev ended. Aliyev said more.", {"Ilham Aliyev": 2}),
        ("The visit of Secretary of State Hillary Clinton ended early.", {"Hillary Clinton": 1}),
        ("Officials said on the radio that President Bush would not attend the dinner.", {"Bush": 1}),
        # particles and initials inside a name; "of" after an institution's head word
        ("The tape showed Osama bin Laden in a cave.", {"Osama bin Laden": 1}),
        ("It was the day President George W. Bush spoke.", {"George W. Bush": 1}),
        ("They met officials of al-Qaeda in the hills.", {"al-Qaeda": 1}),
        (
            "Staff at the Department of the Interior asked the budget office and then the Office of Management"
            " and Budget for time.",
            {"Department of the Interior": 1, "Office of Management and Budget": 1},
        ),
        # … but not between two people
        ("Talks between Gordon Brown and Des Browne ended.", {"Gordon Brown": 1, "Des Browne": 1}),
        # no names: sentence openings, posts, days, words also written in lower case, plural acronyms
        ("Later Aliev added more.", {"Aliev": 1}),
        ("Yesterday the minister spoke for an hour. Officials said they agreed with most of it.", {}),
        ("The vote is on Monday in March.", {}),
        ("The new Chief Information Officer and the Prime Minister agreed on a plan for the year.", {}),
        ("The Design team changed the design again.", {}),
        ("Please send the PDFs and the URLs to Anne Petersen before the end of the week.", {"Anne Petersen": 1}),
        # a role or a common word opening the sentence is no part of the name
        ("Organiser Lucía Fernández said the festival would grow.", {"Lucía Fernández": 1}),
        (
            "Talks between Israel and Azerbaijan went on. Joint Israel-Azerbaijan projects followed.",
            {"Israel": 2, "Azerbaijan": 2},
        ),
        # … but a given name the word lists do not know stays ("Diego"), and so does a name opening
        ("Diego Mayer-Cantu joined the team. Mayer-Cantu said so.", {"Diego Mayer-Cantu": 2}),
        ("Jordan Peterson spoke. Paris Hilton sang.", {"Jordan Peterson": 1, "Paris Hilton": 1}),
        # a hyphen joins a double-barrelled name, not two names the text writes alone
        (
            "The prize named after Jean-Pierre Rampal went this year to a student of Ruth Bader-Ginsburg.",
            {"Jean-Pierre Rampal": 1, "Ruth Bader-Ginsburg": 1},
        ),
        (
            "Officials in Israel and Iran spoke of the Iran-Israel rivalry.",
            {"Israel": 2, "Iran": 2},
        ),
        # two people of one surname: "Smith" alone counts for neither
        (
            "John Smith met his cousin Jane Smith at the station. Smith said no more about it.",
            {"John Smith": 1, "Jane Smith": 1},
        ),
    ),
)
def test_whole_names(body: str, expected: dict[str, int]) -> None:
    assert names_in(body) == expected


def test_a_headline_joins_the_name_the_text_gives_in_full() -> None:
    from lint.names.extract import mentions
    from lint.readers import read_text

    art = read_text(
        "x.txt",
        "Israelian President Ishaq Herzog to Visit Azerbaijan\n26/1/26\n\n"
        "Israeli President Ishaq Herzog is set to visit Azerbaijan. Herzog will meet officials in Baku.\n",
        "text",
    )
    found = names(mentions(art), [t.value for t in art.texts()])
    assert found["Ishaq Herzog"] == 3
    assert "Ishaq" not in found
