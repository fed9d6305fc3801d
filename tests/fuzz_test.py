"""Property-based fuzzing: no input makes a reader, a check or a reporter raise.

Every reader (Markdown with YAML or TOML front matter, JSON, plain text), the whole pipeline (the
checks, placing findings at line and column) and every reporter, on text built from the pieces that
broke copydesk before (fences, CR-only line ends, aliases, deep brackets, long numbers, lone
surrogates, control and bidi characters) and on any string Python can hold.

Bounded for CI: ``COPYDESK_FUZZ_EXAMPLES`` examples per test (default 300; 1,500 a run, about 40 s).  A
longer run for developers::

    COPYDESK_FUZZ_EXAMPLES=200000 python -m pytest -q -p no:cacheprovider tests/fuzz_test.py

Every crash found becomes a file in ``tests/fixtures/hostile/`` with its expected finding in
``tests/hostile_test.py``.
"""

from __future__ import annotations

import io
import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import Config
from lint.readers import INTERNAL, read_text
from lint.report import REPORTERS
from lint.run import Result, check_articles

EXAMPLES = int(os.environ.get("COPYDESK_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize="COPYDESK_FUZZ_EXAMPLES" not in os.environ,  # CI: the same examples every run
)
INTERNAL_MARK = INTERNAL.split("{")[0]

PIECES = [
    "---",
    "+++",
    "...",
    "\n",
    "\r",
    "\r\n",
    "```",
    "~~~",
    "    ",
    "\t",
    "- ",
    "> ",
    "# ",
    "## ",
    "title: ",
    "date: 2021-03-05",
    "faq:",
    "  - question: ",
    "    answer: ",
    "sources:",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "&b [*a, *a]",
    "? ",
    ": ",
    '"',
    "'",
    "\\",
    "\\ud800",
    "\\u0000",
    "9" * 30,
    "1e999",
    "title = ",
    'x = """',
    "[[faq]]",
    "a.b.c = 1",
    "<div>",
    "</div>",
    "<code>",
    "`",
    "{{ x }}",
    "{% if %}",
    "&amp;",
    "&#0;",
    "https://example.org/",
    "@handle",
    "TODO",
    "lorem ipsum",
    "according to officials",
    "Frequently asked questions",
    "Sources",
    "?",
    "26/1/26",
    "Ishaq Herzog",
    "Aliyev",
    "Aliev",
    "\x1b[2J",
    "\u202e",
    "\u2066",
    "\x85",
    "\ufeff",
    "\u00ad",
    "goverment",
    "Tacts",
    " ",
    "a",
    "Z",
]
FRAGMENTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
KINDS = {"markdown": "a.md", "json": "a.json", "text": "a.txt"}
CONFIG = Config()
CONFIG.select = ("schema", "placeholder", "sources", "names", "terms", "spelling")


def pipeline(texts: list[tuple[str, str]]) -> None:
    """Read, check and report ``texts`` ((kind, text) pairs); every report must be UTF-8 (and JSON)."""
    articles = [read_text(f"{i}{KINDS[kind][1:]}", text, kind) for i, (kind, text) in enumerate(texts)]
    for article in articles:
        assert not any(p.message.startswith(INTERNAL_MARK) for p in article.problems), article.problems
    diagnostics = check_articles(articles, CONFIG)
    result = Result(diagnostics, articles, [])
    for name in REPORTERS:
        stream = io.StringIO()
        REPORTERS[name](result, stream, False)
        out = stream.getvalue()
        out.encode("utf-8")  # strict: no lone surrogate left raw
        if name in ("json", "sarif", "gitlab"):
            json.loads(out)


@FUZZ
@given(kind=st.sampled_from(sorted(KINDS)), text=FRAGMENTS)
def test_any_fragments_in_any_format(kind: str, text: str) -> None:
    pipeline([(kind, text), ("markdown", "---\ntitle: Good\n---\n\nThe goverment met.\n")])


@FUZZ
@given(kind=st.sampled_from(sorted(KINDS)), text=st.text(max_size=200))
def test_any_string_python_can_hold(kind: str, text: str) -> None:
    pipeline([(kind, text)])


@FUZZ
@given(value=st.dictionaries(st.sampled_from(["title", "body", "faq", "sources", "date", "x"]), JSON_VALUES))
def test_any_json_article(value: dict[str, Any]) -> None:
    pipeline([("json", json.dumps(value, ensure_ascii=True)), ("json", json.dumps(value, ensure_ascii=False))])


@FUZZ
@given(head=FRAGMENTS, body=FRAGMENTS, fence=st.sampled_from(["---", "+++"]), end=st.sampled_from(["\n", "\r", "\r\n"]))
def test_any_front_matter(head: str, body: str, fence: str, end: str) -> None:
    pipeline([("markdown", f"{fence}{end}{head}{end}{fence}{end}{end}{body}")])


@FUZZ
@given(value=JSON_VALUES, body=FRAGMENTS)
def test_any_yaml_or_toml_value(value: Any, body: str) -> None:
    import yaml

    try:
        head = yaml.safe_dump({"title": "T", "x": value}, allow_unicode=True)
    except yaml.YAMLError:
        return
    pipeline([("markdown", f"---\n{head}---\n\n{body}")])
