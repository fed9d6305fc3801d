"""A kept decision is used again only when every question it asked of the index gets the same answer."""

from __future__ import annotations

from collections import Counter

from lint.names.extract import Mention, mentions
from lint.names.index import NameIndex
from lint.pipeline.reads import EvidenceReads, NameReads, Reads
from lint.readers import read_text
from lint.spelling.evidence import RunEvidence


def evidence(**lower: int) -> RunEvidence:
    ev = RunEvidence(_every=Counter(), _capitalised=Counter())
    ev.articles = 5
    ev.as_lower.update(lower)
    return ev


def test_the_same_answers_hold_and_a_changed_one_does_not() -> None:
    reads = Reads()
    stand = EvidenceReads(evidence(pserver=3, cgit=1), "evidence", reads)
    assert stand.as_lower["pserver"] == 3 and stand.any
    assert reads.hold(evidence(pserver=3, cgit=1), None)
    assert reads.hold(evidence(pserver=3, cgit=7), None)  # a count it never asked for
    assert not reads.hold(evidence(pserver=4, cgit=1), None)  # one it asked for


def test_a_question_the_stand_in_was_not_built_for_makes_the_reads_unusable() -> None:
    reads = Reads()
    stand = EvidenceReads(evidence(pserver=3), "evidence", reads)
    assert stand.as_lower.most_common(1) == [("pserver", 3)]  # answered, but not noted
    assert not reads.usable and not reads.hold(evidence(pserver=3), None)


def said(body: str) -> list[Mention]:
    """The name mentions of a real article with ``body``."""
    return mentions(read_text("a.md", f"---\ntitle: News\n---\n\n{body}\n", "markdown"))


def test_names_questions_are_noted_with_their_answers() -> None:
    index = NameIndex()
    index.add("a.md", said("The talks went on, and Tony Blair spoke."))
    index.add("b.md", said("The talks went on, and Tony Blair met Gordon Brown."))
    reads = Reads()
    stand = NameReads(index, "names", reads)
    assert stand.several() and stand.articles("Blair", besides="a.md") == 1
    assert stand.firsts.get("Blair") == Counter({"Tony": 2})  # "Tony" before "Blair" in both
    assert reads.hold(evidence(), index)
    index.add("c.md", said("The talks went on, and Gordon Brown spoke."))  # a name it did not ask about
    assert reads.hold(evidence(), index)
    index.add("d.md", said("The talks went on, and Cherie Blair spoke."))  # one it did
    assert not reads.hold(evidence(), index)
