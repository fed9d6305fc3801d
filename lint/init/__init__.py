"""``copydesk init``: set copydesk up for a site in one command.

Run at the root of a site, it works out what the site is (:mod:`lint.init.detect`),
finds its articles, and writes:

- ``copydesk.toml``: which files are articles (``include``/``exclude``), the
  schema, the vocabulary, the checks that do not fit the site, the language;
- ``copydesk-article.schema.json``: what the posts really carry
  (:mod:`lint.init.schema`);
- ``copydesk-vocabulary.txt``: the archive's own words, with counts
  (:mod:`lint.init.vocabulary`);
- with ``--baseline``, ``copydesk-baseline.json``: today's findings, so that a
  check reports only new ones.

Each decision is printed in one line with its reason.  It writes only files it
creates: a config already there is left alone (and said so), and a file of the
same name that copydesk did not write stops it before anything is written.
"""

from __future__ import annotations

import datetime
import json
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lint import baseline as baseline_mod
from lint.article import Article
from lint.config import CONFIG_FILES, Config, find_config, load
from lint.errors import FatalError
from lint.init import detect, schema, vocabulary
from lint.languages import language_tag, tag_problem
from lint.readers import read_path
from lint.report.output import write_file

CONFIG = "copydesk.toml"
SCHEMA = "copydesk-article.schema.json"
VOCABULARY = "copydesk-vocabulary.txt"
BASELINE = "copydesk-baseline.json"
SOURCE_KEYS = ("sources", "source", "references")
SOURCES_SHARE = 0.1  # fewer posts than this list sources: the site does not cite in its metadata

Say = Callable[[str], None]


def init(root: Path, say: Say, write_baseline: bool = False) -> int:
    """Set copydesk up for the site at ``root``; 0 when done or already done.

    What it decided is said once every file is written: a reader that stops reading (``| head``)
    cannot stop it half way, with a schema written and no config naming it."""
    said: list[str] = []
    try:
        return _init(root, said.append, write_baseline)
    finally:
        for line in said:
            say(line)


def _init(root: Path, say: Say, write_baseline: bool) -> int:
    existing = _existing_config(root)
    if existing is not None:
        say(f"{existing} already configures copydesk: nothing written (edit it, or delete it to run init again)")
        return 0
    planned = [CONFIG, SCHEMA, VOCABULARY] + ([BASELINE] if write_baseline else [])
    for name in planned:
        _may_write(root / name)
    site = detect.detect(root)
    say(f"site: {site.name} ({site.evidence})")
    cfg = Config(root=root, include=tuple(site.include), exclude=tuple(site.exclude), templates=tuple(site.templates))
    from lint.run import check_articles, discover

    notices: list[str] = []
    skipped: list[str] = []
    try:
        found = discover([str(root)], cfg, notices, skipped, strict=True)
    except FatalError:
        raise FatalError(f"{root}: no article found {_for_site(site)}; nothing written") from None
    articles = [
        read_path(p, str(p.relative_to(root)) if p.is_relative_to(root) else str(p), templates=cfg.templates)
        for p, _ in found
    ]
    calls = _template_calls(articles) if site.templates == ["none"] else 0
    if calls >= max(CALLS_MIN, CALLS_SHARE * len(articles)):
        site.templates = ["go"]
        site.templates_why = (
            f'{calls} of {len(articles)} posts call templates ({{{{image "…"}}}}, {{{{code "…"}}}}) that the site\'s'
            " own code renders, in Go's template syntax"
        )
        cfg.templates = ("go",)
        articles = [read_path(p, a.path, templates=cfg.templates) for (p, _), a in zip(found, articles, strict=True)]
    where = ", ".join(site.include) if site.include else "the folder (every article file)"
    left = f"; {len(skipped)} {'file' if len(skipped) == 1 else 'files'} skipped as not articles" if skipped else ""
    say(f"articles: {len(articles)} file{'s' if len(articles) != 1 else ''} in {where}{left}")
    if site.language:
        say(f"languages: {site.language}")
    if site.exclude:
        say(f"exclude: {', '.join(site.exclude)} (section and listing pages, not articles)")
    say(f"templates = {_toml(site.templates)}: {site.templates_why}; {_rendered(site.templates)}")

    settings: dict[str, Any] = {"include": site.include, "exclude": site.exclude, "templates": site.templates}
    readable = [a for a in articles if a.readable and not a.problems]
    inferred, required, keys = schema.infer(
        readable, site.name, site.date_keys, any_case=site.kind == "hugo", filename_dates=site.filename_dates
    )
    settings["schema"] = SCHEMA
    say(
        f"schema: {SCHEMA}: {len(keys)} keys seen; required, as in {schema.REQUIRED_SHARE:.0%} of posts or more:"
        f" {', '.join(required) or 'none'}"
    )
    for name in required:
        key = keys[name]
        if key.dates:
            forms = ", ".join(f"{form} {n}" for form, n in key.dates.most_common())
            say(f"dates: {name} in {key.posts} of {len(readable)} posts ({forms}); {site.name} reads {site.date_note}")
    checks: dict[str, bool] = {}
    citing = sum(1 for a in readable if _cites(a))
    if citing < SOURCES_SHARE * max(1, len(readable)):
        checks["sources"] = False
        say(
            f"checks.sources = false: {citing} of {len(readable)} posts list sources in their metadata;"
            " this site does not cite that way (a blog is not a newsroom)"
        )
    language = _language(root, site, readable)
    if language:
        settings["language"] = language[0]
        say(f"language = {language[0]!r}: {language[1]}")

    schema_text = json.dumps(inferred, indent=2, ensure_ascii=False) + "\n"
    write_file(root / SCHEMA, schema_text)
    run_cfg = Config(
        root=root,
        schema=root / SCHEMA,
        include=cfg.include,
        exclude=cfg.exclude,
        templates=cfg.templates,
        language=settings.get("language", "en"),
        checks=checks,
        select=() if write_baseline else ("spelling",),
    )
    diagnostics = check_articles(articles, run_cfg)
    words, left_out = vocabulary.propose(articles, diagnostics)
    if words:
        write_file(root / VOCABULARY, _vocabulary_text(words, len(articles)))
        settings["vocabulary"] = [VOCABULARY]
        shown = ", ".join(f"{w.word} ({w.posts})" for w in words[:8])
        say(
            f"vocabulary: {VOCABULARY}: {len(words)} word{'s' if len(words) != 1 else ''} the dictionary lacks"
            f" that {vocabulary.MIN_POSTS} or more"
            f" posts use, such as {shown}; {left_out} {'other' if left_out == 1 else 'others'} left out as one-offs"
            " or likely typos; read it"
        )
    else:
        say(f"vocabulary: none proposed ({left_out} unknown words, each a one-off or a likely typo)")
    if write_baseline:
        accepted = {w.word.lower() for w in words}
        kept = [d for d in diagnostics if not (d.rule == "spelling.unknown" and _word(d, articles) in accepted)]
        sources = {a.path: a.source for a in articles}
        written = baseline_mod.write(root / BASELINE, kept, sources)
        settings["baseline"] = BASELINE
        noun = "finding" if written == 1 else "findings"
        say(f"baseline = {BASELINE!r}: {written} {noun} of today recorded; copydesk check reports only new ones")
    write_file(root / CONFIG, _config_text(site, settings, checks))
    say(f"wrote {CONFIG}; run copydesk check")
    load(root / CONFIG)  # what init writes loads: a mistake here is a bug, said loudly
    return 0


# a call of a template function with a quoted argument, Go's text/template shape: {{image "x.jpg" 850}}
GO_CALL = re.compile(r"\{\{-?[ \t]*[a-z]\w*[ \t]+\"[^\"\n]*\"[^{}\n]*\}\}")
FENCED = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1", re.MULTILINE | re.DOTALL)
CALLS_MIN = 3  # posts holding such calls before a plain folder is taken to render them …
CALLS_SHARE = 0.05  # … and this share of the posts


def _template_calls(articles: Sequence[Article]) -> int:
    """How many of ``articles`` call templates in Go's syntax (outside fenced code)."""
    return sum(1 for a in articles if GO_CALL.search(FENCED.sub("", a.source)))


def _rendered(syntax: Sequence[str]) -> str:
    """What the decision means for the checks, in words."""
    if list(syntax) == ["none"]:
        return "template code left in an article is reported as a marker"
    code = {
        "liquid": "{{ … }} and {% … %}",
        "jinja": "{{ … }}, {% … %} and {# … #}",
        "hugo": "shortcodes",
        "go": "{{ … }} calls",
    }
    parts = list(dict.fromkeys(code[t] for t in syntax if t in code))
    if "mdx" in syntax:
        parts.append("MDX expressions, components and import lines")
    return f"{', '.join(parts)} read as code; other template code in an article is reported (the page shows it)"


def _cites(article: Article) -> bool:
    """The post lists a source in its metadata: a link or a citation, not a slug into the site's own
    registry (``source: 18f``, the author's agency) nor an empty list."""
    return any(s.url or len(s.raw.split()) > 1 for s in article.sources or ())


def _existing_config(root: Path) -> Path | None:
    for name in CONFIG_FILES:
        if (root / name).is_file() and (name != "pyproject.toml" or find_config(root) == (root / name).resolve()):
            return root / name
    return None


def _may_write(path: Path) -> None:
    """Stop before writing anything when ``path`` exists and copydesk init did not write it."""
    if not path.exists() and not path.is_symlink():
        return
    try:
        head = path.read_text(encoding="utf-8")[:2000] if path.is_file() and not path.is_symlink() else ""
    except (OSError, UnicodeDecodeError):
        head = ""
    if schema.MARKER in head or (path.name == BASELINE and '"copydesk": "baseline"' in head):
        return
    raise FatalError(f"{path}: exists and copydesk init did not write it: nothing written (move it away first)")


def _word(d: Any, articles: Sequence[Article]) -> str:
    from lint.text import LineIndex

    source = next((a.source for a in articles if a.path == d.path), "")
    index = LineIndex(source)
    return source[index.offset(d.line, d.column) : index.offset(d.end_line, d.end_column)].lower()


def _for_site(site: detect.Site) -> str:
    """ "for a Hugo site", "for a folder of articles"."""
    return f"for {site.name}" if site.kind == "plain" else f"for a {site.name} site"


def _language(root: Path, site: detect.Site, articles: Sequence[Article]) -> tuple[str, str] | None:
    """The site's language, from the generator's config, else from the posts' own ``lang``."""
    if site.kind == "hugo" and site.config:
        tag, told = detect.hugo_languages(root, site.config)[2]
        if tag and not tag_problem(tag):
            return _tag(tag), f"the language {told} gives the site"
    for name, pattern in (
        ("_config.yml", r"^lang(?:uage)?\s*:\s*['\"]?([A-Za-z_-]+)"),
        ("hugo.toml", r"^languageCode\s*=\s*['\"]([A-Za-z_-]+)"),
        ("config.toml", r"^languageCode\s*=\s*['\"]([A-Za-z_-]+)"),
        ("hugo.yaml", r"^languageCode\s*:\s*['\"]?([A-Za-z_-]+)"),
        ("mkdocs.yml", r"^\s+language\s*:\s*['\"]?([A-Za-z_-]+)"),
    ):
        path = root / name
        if not path.is_file():
            continue
        try:
            m = re.search(pattern, path.read_text(encoding="utf-8"), re.MULTILINE)
        except (OSError, UnicodeDecodeError):
            continue
        if m and not tag_problem(m.group(1)):
            return _tag(m.group(1)), f"the language {name} gives the site"
    langs = Counter(str(a.meta.get("lang") or a.meta.get("language") or "") for a in articles)
    lang, n = langs.most_common(1)[0] if langs else ("", 0)
    if lang and n >= 0.9 * len(articles) and not tag_problem(lang):
        return _tag(lang), f"the lang of {n} of {len(articles)} posts"
    return None


def _tag(written: str) -> str:
    """A language tag written the usual way: en-us -> en-US, zh-hant-tw -> zh-Hant-TW."""
    code, *rest = language_tag(written).split("-")
    parts = [p.upper() if len(p) == 2 or p.isdigit() else p.title() if len(p) == 4 else p for p in rest]
    return "-".join([code, *parts])


def _vocabulary_text(words: Sequence[vocabulary.Word], total: int) -> str:
    lines = [
        f"# {schema.MARKER} on {datetime.date.today().isoformat()}: the archive's own words ({total} posts).",
        "# Each is a word the dictionary lacks that several posts use; the number is how many posts use it.",
        "# Delete a line that is a mistake, add the words the site means. One word or phrase a line.",
    ]
    width = max(len(w.word) for w in words)
    lines += [f"{w.word:<{width}}  # {w.posts} posts, {w.uses} uses" for w in words]
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _config_text(site: detect.Site, settings: dict[str, Any], checks: dict[str, bool]) -> str:
    notes = {
        "include": "the articles: only these files are checked inside folders",
        "exclude": "not articles, though inside the include",
        "templates": "the template syntax the generator renders in an article: read as code",
        "schema": "what every post's metadata must carry (written from the posts; edit it)",
        "language": "the articles' language",
        "vocabulary": "the archive's own words (read it: delete a mistake)",
        "baseline": "today's findings: copydesk check reports only new ones (--baseline FILE does the same)",
    }
    lines = [
        f"# copydesk.toml, {schema.MARKER} on {datetime.date.today().isoformat()}",
        f"# {_for_site(site)} ({site.evidence}).",
        "# Every setting is described in README.md (Configuration); this file is yours to edit.",
        "",
    ]
    for key, value in settings.items():
        if key == "exclude" and not value:
            continue
        if key == "include" and not value:
            lines.append("# include = [] : every article file under the folder checked")
            continue
        lines.append(f"{key} = {_toml(value)}  # {notes.get(key, '')}")
    if checks:
        lines += ["", "[checks]"]
        lines += [f"{name} = {_toml(on)}" for name, on in checks.items()]
    text = "\n".join(lines) + "\n"
    tomllib.loads(text)  # what init writes is TOML
    return text
