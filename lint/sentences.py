"""Where sentences end: a full stop after an abbreviation does not end one.

"According to Dr. Watts, the plan works." is one sentence: the stop after "Dr" belongs to the
abbreviation.  Three kinds of abbreviation:

- titles and Latin forms that are never the last word of a sentence ("Dr.", "Mr.", "Prof.",
  "St.", "e.g.", "i.e.", "vs."): their stop never ends a sentence;
- "No." before a number ("No. 10"): "He said no." still ends one;
- forms that may close a sentence ("U.S.", "U.K.", "Inc.", "Jr.", "Sr.", "a.m.", "p.m.", an
  initial such as the "W." of "George W. Bush"): their stop ends a sentence only when the next
  word is one that opens sentences ("… at 9 a.m. The doors opened"), or at the end of the text
  or paragraph; "the U.S. Census Bureau" is one sentence.

Examples::

    ends_sentence("Ask Dr. Watts.", 6)          # False: "Dr."
    ends_sentence("Ask Dr. Watts.", 13)         # True
    ends_sentence("At 9 a.m. The doors", 8)     # True: "The" opens a sentence
    ends_sentence("The U.S. Census", 7)         # False
"""

from __future__ import annotations

import re

NEVER_LAST = frozenset(
    {
        "dr", "mr", "mrs", "ms", "mx", "prof", "st", "sen", "rep", "gov", "gen", "col", "capt", "lt",
        "sgt", "cmdr", "adm", "fr", "rev", "hon", "pres", "supt", "mt", "ft", "messrs", "mme", "mlle",
        "vs", "v", "e.g", "i.e", "cf", "viz", "approx", "fig", "figs", "ca",
    }
)  # fmt: skip
BEFORE_NUMBER = frozenset({"no", "nos", "vol", "vols", "p", "pp", "art", "ch", "sec", "op"})
MAY_END = frozenset(
    {
        "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "inc", "ltd", "co", "corp", "llc", "plc", "bros",
        "jr", "sr", "a.m", "p.m", "etc", "et al", "dept", "govt", "univ", "assn", "ave", "blvd", "rd",
    }
)  # fmt: skip
# words that open sentences: after a MAY_END abbreviation, one of these (capitalised) means the stop
# also ended the sentence
OPENERS = frozenset(
    {
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "we", "they",
        "i", "you", "his", "her", "our", "their", "my", "your", "there", "here", "but", "and", "or",
        "so", "yet", "if", "when", "while", "after", "before", "as", "in", "on", "at", "for", "from",
        "with", "by", "of", "to", "according", "however", "also", "then", "now", "today", "some",
        "many", "most", "all", "no", "not", "one", "each", "every", "what", "who", "why", "how",
        "where", "is", "was", "are", "were", "will", "can", "do", "does", "did", "since", "although",
        "though", "because", "meanwhile", "still", "even", "officials", "police",
    }
)  # fmt: skip

# the abbreviation (letters and inner stops) that ends at a stop: "U.S", "Dr", "e.g", "a.m"
_BEFORE = re.compile(r"(?<![\w.])((?:[^\W\d_]\.)*[^\W\d_]+|et\s+al)$")
_NEXT = re.compile(r"[\"'”’)\]*_]*\s+[\"'“‘(\[*_]*(\S+)")
# a stop, ! or ? (closing quotes and brackets after it) followed by white space or the end
_END = re.compile(r"[.!?…]+[\"'”’)\]*_]*(?=\s|\Z)")


def ends_sentence(value: str, k: int) -> bool:
    """Does the mark at ``value[k]`` (a stop, ``!``, ``?``) end a sentence?"""
    if value[k] != ".":
        return True
    m = _BEFORE.search(value, max(0, k - 40), k)
    if m is None:
        return True
    written = m.group(1)
    word = written.lower()
    nxt = _NEXT.match(value, k + 1)
    after = nxt.group(1) if nxt else ""
    initial = len(written) == 1 and written.isupper()  # the "W." of "George W. Bush"
    if word in NEVER_LAST and not initial:
        return not after  # at the very end of the text a title still closes it
    if word in BEFORE_NUMBER and not initial:
        return not after[:1].isdigit()
    if word in MAY_END or initial:
        if not after or "\n\n" in value[k : nxt.start(1) if nxt else k]:
            return True
        bare = after.strip("\"'“”‘’()[]*_,;:.")
        return bare[:1].isupper() and bare.lower() in OPENERS
    return True


def sentence_around(value: str, i: int, j: int) -> tuple[int, int]:
    """The sentence that holds ``value[i:j]``: (start, end) in ``value``, paragraph breaks ending one too."""
    start = value.rfind("\n\n", 0, i)
    start = 0 if start < 0 else start + 2
    for m in _END.finditer(value, start, i):
        if ends_sentence(value, m.start()) and m.end() <= i:
            start = m.end()
    stop = value.find("\n\n", j)
    stop = len(value) if stop < 0 else stop
    for m in _END.finditer(value, j, stop):
        if ends_sentence(value, m.start()):
            return start, m.end()
    return start, stop
