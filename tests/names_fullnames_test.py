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
        # two people of one surname: "Smith" alone counts for neither
        (
            "John Smith met his cousin Jane Smith at the station. Smith said no more about it.",
            {"John Smith": 1, "Jane Smith": 1},
        ),
    ),
)
def test_whole_names(body: str, expected: dict[str, int]) -> None:
    assert names_in(body) == expected
