"""The rule data editors maintain: every shipped ``rules/*.yaml`` and its examples.

Each rule file of kind K (its top-level key: ``placeholders``, ``attributions``, ``terms``,
``names`` …) must validate against ``schemas/K.schema.json``, and every entry must carry
``examples: {fail: [...], pass: [...]}``.  Each example is put into a real article (as a
paragraph of the body and as an FAQ answer, or as a source entry for forms that judge
sources) and run through the check that reads K, with that entry as its only rule: a
``fail`` example must draw a finding of that check on the example, a ``pass`` example must
draw none there.  Every regular expression an entry lists must match one of its ``fail``
examples, so no pattern goes untested.

A new kind is covered as soon as its file lands in ``rules/``: the check that reads it is the
one whose module lists it in ``RULE_FILES``, else the check named like the kind.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import pytest

from lint import checks as registry
from lint import rules as ruledata
from lint.article import Article
from lint.config import Config
from lint.readers import read_text
from lint.resources import data_dir, schema_path
from lint.rules import load_yaml
from lint.run import Run

RULE_FILES = sorted(data_dir("rules").glob("*.yaml"))
KINDS = [p.stem for p in RULE_FILES]

# where an example goes: prose (a body paragraph and an FAQ answer) unless its rule looks elsewhere
PLACES = {"sources.invalid": "sources"}
# the sources check reports attributions only in articles that list no source
WITHOUT_SOURCES = {"sources"}
# keys that list the phrases of an entry, in the kinds that exist
PHRASE_KEYS = ("text", "instead_of", "variants")


@cache
def entries(kind: str) -> list[dict[str, Any]]:
    return load_yaml(data_dir("rules") / f"{kind}.yaml", kind)


@cache
def check_for(kind: str) -> str:
    """The check that reads rule files of ``kind``."""
    for name in registry.CHECKS:
        try:
            module = registry.load(name)
        except ImportError:
            continue
        if kind in getattr(module, "RULE_FILES", ()):
            return name
    for name in (kind, kind.removesuffix("s")):
        if name in registry.CHECKS:
            return name
    raise AssertionError(f"rules/{kind}.yaml: no check reads this kind (add it to a check's RULE_FILES)")


def examples() -> list[Any]:
    out = []
    for kind in KINDS:
        for n, entry in enumerate(entries(kind)):
            for verdict in ("fail", "pass"):
                for text in (entry.get("examples") or {}).get(verdict, ()):
                    out.append(pytest.param(kind, n, verdict, text, id=f"{kind}[{n}]-{verdict}-{text[:30]}"))
    return out


def article_with(kind: str, entry: dict[str, Any], example: str) -> tuple[Article, list[tuple[int, int]]]:
    """A Markdown article holding ``example`` where the entry looks, and the example's places in it."""
    place = PLACES.get(entry.get("rule", ""), "prose")
    lines = ["---", 'title: "Council votes on the budget"', "date: 2026-01-15"]
    if place == "sources":
        lines += ["sources:", f"  - {json.dumps(example, ensure_ascii=False)}"]
    elif check_for(kind) not in WITHOUT_SOURCES:
        lines += ["sources:", '  - "https://example.org/council/minutes"']
    answer = json.dumps(example if place == "prose" else "The budget passed by seven votes to two.", ensure_ascii=False)
    lines += ["faq:", '  - question: "What did the council decide?"', f"    answer: {answer}", "---", ""]
    lines += ["The council met on Monday to vote on the budget.", ""]
    if place == "prose":
        lines += [example, ""]
    article = read_text("example.md", "\n".join(lines), "markdown")
    assert not article.problems, article.problems
    spans = []
    if place == "prose":
        at = article.source.rindex(example)
        spans.append((at, at + len(example)))
        assert article.faq is not None and article.faq[0].answer is not None
        text = article.faq[0].answer
        spans.append((text.start, text.end))
    else:
        assert article.sources
        spans.append((article.sources[0].start, article.sources[0].end))
    return article, spans


@pytest.mark.parametrize("kind", KINDS)
def test_rule_file_has_a_schema_and_validates(kind: str) -> None:
    assert schema_path(f"{kind}.schema.json").is_file(), f"rules/{kind}.yaml has no schemas/{kind}.schema.json"
    assert entries(kind), f"rules/{kind}.yaml holds no entries"


@pytest.mark.parametrize("kind", KINDS)
def test_every_entry_has_passing_and_failing_examples(kind: str) -> None:
    bare = [n for n, e in enumerate(entries(kind)) if not (e.get("examples") or {}).get("fail")]
    loose = [n for n, e in enumerate(entries(kind)) if not (e.get("examples") or {}).get("pass")]
    assert not bare, f"rules/{kind}.yaml: entries {bare} have no failing example"
    assert not loose, f"rules/{kind}.yaml: entries {loose} have no passing example"


@pytest.mark.parametrize("kind", KINDS)
def test_every_regular_expression_is_exercised(kind: str) -> None:
    """A pattern no failing example matches may match nothing at all: each needs one."""
    untested = []
    for n, entry in enumerate(entries(kind)):
        if not entry.get("regex"):
            continue  # a literal phrase is what it says
        flags = 0 if entry.get("case") or entry.get("case_sensitive") else re.IGNORECASE
        fails = (entry.get("examples") or {}).get("fail", [])
        for key in PHRASE_KEYS:
            phrases = entry.get(key) or []
            for phrase in [phrases] if isinstance(phrases, str) else phrases:
                if not any(re.search(phrase, text, flags) for text in fails):
                    untested.append(f"[{n}] {phrase}")
    assert not untested, f"rules/{kind}.yaml: patterns no failing example matches: {untested}"


@pytest.mark.parametrize(("kind", "n", "verdict", "example"), examples())
def test_example(kind: str, n: int, verdict: str, example: str) -> None:
    entry = entries(kind)[n]
    name = check_for(kind)
    module = registry.load(name)
    article, spans = article_with(kind, entry, example)
    run = Run(Config())
    run.cache[f"rules:{kind}"] = [entry]  # this entry alone: its examples test it, not its neighbours
    assert ruledata.entries(run, kind) == [entry]
    module.prepare([article], run)
    findings = list(module.check(article, run))
    on_example = [
        f
        for f in findings
        for a, b in spans
        if f.rule.startswith(name + ".") and f.start < b and a < max(f.end, f.start + 1)
    ]
    if verdict == "fail":
        assert on_example, f"rules/{kind}.yaml entry {n}: {example!r} should be reported; findings: {findings}"
    else:
        assert not on_example, f"rules/{kind}.yaml entry {n}: {example!r} should pass; got {on_example}"


def test_rule_files_are_all_checked() -> None:
    """The shipped rule files are the ones this test walks (a renamed folder would test nothing)."""
    assert {"placeholders", "attributions"} <= set(KINDS)
