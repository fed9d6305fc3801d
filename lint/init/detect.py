"""What kind of site a folder is, and where its articles are.

Each generator is known by its own files (``_config.yml``, ``hugo.toml``,
``astro.config.mjs`` …) and keeps its posts in its own folders (``_posts/``,
``content/``, ``src/content/`` …); :func:`detect` returns the first that fits, with
the evidence, and a plain folder of articles when none does.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lint import skip, walk
from lint.readers import EXTENSIONS


@dataclass
class Site:
    kind: str  # jekyll, zola, hugo, eleventy, astro, docusaurus, mkdocs, nextjs, plain
    name: str  # as a reader writes it: "Jekyll"
    evidence: str  # why: "_config.yml and _posts/ found"
    include: list[str] = field(default_factory=list)  # globs of the articles, relative to the root
    exclude: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=lambda: ["none"])  # the syntax the generator renders (config key)
    templates_why: str = ""  # why, for the decision's line
    date_keys: tuple[str, ...] = ("date",)  # where the generator reads a post's date, in order
    date_note: str = ""  # how the generator reads dates, for the decision's line
    filename_dates: bool = True  # the generator dates a post by its file name (2024-05-01-title.md)
    language: str = ""  # a multilingual site: why only its default language's content is checked
    config: str = ""  # the generator's config file that told, relative to the root (Hugo)


def _any(root: Path, *names: str) -> str:
    return next((n for n in names if (root / n).exists()), "")


def _package(root: Path) -> set[str]:
    """The npm packages package.json depends on."""
    try:
        data = json.loads((root / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    deps: set[str] = set()
    for key in ("dependencies", "devDependencies"):
        if isinstance(data, dict) and isinstance(data.get(key), dict):
            deps.update(data[key])
    return deps


def _folders_named(root: Path, name: str, limit: int = 4) -> list[Path]:
    """Folders called ``name`` at most ``limit`` levels below ``root`` (not in folders no article lives in)."""
    out = []
    for here, dirs, _ in os.walk(root):
        depth = len(Path(here).relative_to(root).parts)
        dirs[:] = sorted(d for d in dirs if d not in walk.SKIP_DIRS and not d.startswith(".") and not _skipped(d))
        if name in dirs:
            out.append(Path(here) / name)
            dirs.remove(name)
        if depth >= limit:
            dirs[:] = []
    return out


def _skipped(folder: str) -> bool:
    return bool(skip.reason_dir(folder)) and folder != "_posts"


def _articles_in(folder: Path) -> int:
    return sum(1 for _, _, names in os.walk(folder) for n in names if Path(n).suffix.lower() in EXTENSIONS)


def _glob(root: Path, folder: Path) -> str:
    rel = folder.relative_to(root).as_posix()
    return f"{rel}/**"


def detect(root: Path) -> Site:
    """The site at ``root``; where the root holds no generator's files, the site one or two folders down
    (a repository whose site is in ``website/`` or ``apps/site/``), its globs made relative to ``root``."""
    site = _detect(root)
    if site.kind != "plain":
        return site
    below = []
    for here, dirs, _ in os.walk(root):
        depth = len(Path(here).relative_to(root).parts)
        dirs[:] = sorted(d for d in dirs if d not in walk.SKIP_DIRS and not d.startswith(".") and not _skipped(d))
        if depth == 0:
            continue
        inner = _detect(Path(here))
        if inner.kind != "plain" and inner.include:
            below.append((Path(here), inner))
            dirs[:] = []
        if depth >= 2:
            dirs[:] = []
    if not below:
        return site
    folder, inner = max(below, key=lambda fs: sum(_articles_in(fs[0] / g.removesuffix("/**")) for g in fs[1].include))
    rel = folder.relative_to(root).as_posix()
    inner.include = [f"{rel}/{g}" for g in inner.include]
    inner.exclude = [g if g.startswith("*") else f"{rel}/{g}" for g in inner.exclude]
    inner.evidence = f"in {rel}/: {inner.evidence}"
    inner.config = f"{rel}/{inner.config}" if inner.config else ""
    return inner


def _detect(root: Path) -> Site:
    deps = _package(root)
    config = _any(root, "_config.yml", "_config.yaml", "_config.toml")
    posts = _folders_named(root, "_posts")
    if config or posts:
        evidence = " and ".join(x for x in (config, "_posts/" if posts else "") if x) + " found"
        include = sorted({_glob(root, p) for p in posts} | {_glob(root, d) for d in _folders_named(root, "_drafts")})
        return Site(
            "jekyll",
            "Jekyll",
            evidence,
            include or ["**"],
            templates=["liquid"],
            templates_why="Jekyll renders Liquid in posts",
            date_note="the date in the front matter, else the one in the file name (YYYY-MM-DD-title.md)",
        )
    zola = _any(root, "config.toml", "zola.toml")
    if zola and (root / "content").is_dir() and ZOLA_KEY.search(_head(root / zola)):
        return Site(
            "zola",
            "Zola",
            f"{zola} with base_url, and content/ found",
            PAGES,
            ["*/_index.*"],
            templates=["jinja"],
            templates_why="Zola renders Tera shortcodes in content ({{ name(…) }}, {% name(…) %} … {% end %}), "
            "which read as Jinja does",
            date_note="date in the front matter, else the date a file name begins with (YYYY-MM-DD-title.md)",
            filename_dates=True,
        )
    hugo = _any(root, *HUGO_FILES)
    if not hugo and (root / "content").is_dir():
        # config.toml beside content/, or Hugo's configuration directory (config/_default/hugo.toml)
        hugo = _any(root, *HUGO_OLD_FILES, *(f"config/_default/{n}" for n in HUGO_FILES + HUGO_OLD_FILES))
    if hugo:
        keys, filename = hugo_date_keys(root / hugo)
        pages, language = hugo_pages(root, hugo)
        note = ", else ".join(keys) + " in the front matter, in any case"
        note += (
            ", or the date a file name begins with (the site's [frontmatter] date names :filename)"
            if filename
            else " (Hugo reads no date from a file name unless [frontmatter] date names :filename)"
        )
        return Site(
            "hugo",
            "Hugo",
            f"{hugo} and content/ found",
            pages,
            ["*/_index.*"],
            templates=["hugo"],
            templates_why="Hugo renders shortcodes in content, and no other template code",
            date_keys=keys,
            date_note=note,
            filename_dates=filename,
            language=language,
            config=hugo,
        )
    eleventy = _any(root, ".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs")
    if eleventy or "@11ty/eleventy" in deps:
        return _found(
            root,
            Site(
                "eleventy",
                "Eleventy",
                f"{eleventy or 'package.json naming @11ty/eleventy'} found",
                templates=["jinja", "liquid"],
                templates_why="Eleventy renders Markdown through Liquid, or Nunjucks when configured",
                date_note="date in the front matter (else the file's own date: write it down)",
            ),
            ("src/posts", "posts", "src/blog", "blog", "content/blog", "src/content", "content", "src"),
        )
    astro = _any(root, "astro.config.mjs", "astro.config.ts", "astro.config.js")
    if astro or "astro" in deps:
        return _found(
            root,
            Site(
                "astro",
                "Astro",
                f"{astro or 'package.json naming astro'} found",
                templates=["none"],
                templates_why="Astro renders no template syntax in .md files (an .mdx file is always MDX)",
                date_keys=("pubDate", "date", "publishDate"),
                date_note="the date the content collection's schema names (pubDate or date)",
            ),
            ("src/content/blog", "src/content/posts", "src/content", "src/pages/blog", "src/pages/posts"),
        )
    docusaurus = _any(root, "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs")
    if docusaurus or "@docusaurus/core" in deps:
        return _found(
            root,
            Site(
                "docusaurus",
                "Docusaurus",
                f"{docusaurus or 'package.json naming @docusaurus/core'} found",
                templates=_docusaurus_syntax(root, docusaurus)[0],
                templates_why=_docusaurus_syntax(root, docusaurus)[1],
                date_note="date in the front matter, else the one in the file or folder name (YYYY-MM-DD-title)",
            ),
            ("blog", "website/blog"),
        )
    mkdocs = _any(root, "mkdocs.yml", "mkdocs.yaml")
    if mkdocs:
        return _found(
            root,
            Site(
                "mkdocs",
                "MkDocs",
                f"{mkdocs} found",
                templates=["jinja"] if _mkdocs_macros(root / mkdocs) else ["none"],
                templates_why="MkDocs renders Jinja in pages only with the macros plugin, which "
                + ("mkdocs.yml names" if _mkdocs_macros(root / mkdocs) else "mkdocs.yml does not name"),
                date_note="date in the front matter (the blog plugin's posts)",
            ),
            ("docs/blog/posts", "docs/posts", "docs/blog", "docs"),
        )
    nextjs = _any(root, "next.config.js", "next.config.mjs", "next.config.ts")
    if nextjs or "next" in deps:
        return _found(
            root,
            Site(
                "nextjs",
                "Next.js with MDX",
                f"{nextjs or 'package.json naming next'} found",
                templates=["mdx"],
                templates_why="a Next.js site's Markdown is compiled as MDX",
                date_note="date in the front matter, as the site's own code reads it",
            ),
            ("content/posts", "content/blog", "data/blog", "posts", "blog", "content", "src/content", "_posts"),
        )
    return Site(
        "plain",
        "a folder of articles",
        "no site generator's files found",
        [],
        templates=["none"],
        templates_why="no generator renders these files: template code left in one is a leftover",
        date_note="the date in the front matter (or in a plain-text article's first lines)",
    )


# the pages of Hugo's and Zola's content/: Markdown (a .txt or .json beside a page is a resource of its bundle)
PAGES = ["content/*.md", "content/*.markdown"]  # (a * of the config spans folders)
ZOLA_KEY = re.compile(r"^base_url\s*=", re.MULTILINE)  # Zola's config key (Hugo writes baseURL)


def _head(path: Path, size: int = 65536) -> str:
    """The start of a small config file, as text ("" when it cannot be read)."""
    try:
        with open(path, "rb") as f:
            return f.read(size).decode("utf-8", "replace")
    except OSError:
        return ""


HUGO_FILES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
HUGO_OLD_FILES = ("config.toml", "config.yaml", "config.yml", "config.json")  # before Hugo 0.110


def _config_data(path: Path) -> object:
    """A TOML, YAML or JSON config file as data; None when it cannot be read (Hugo would refuse it too)."""
    text = _text(path)
    try:
        if path.suffix == ".toml":
            import tomllib

            return tomllib.loads(text)
        if path.suffix in (".yaml", ".yml"):
            import yaml

            return yaml.safe_load(text)
        if path.suffix == ".json":
            return json.loads(text)
    except Exception:  # a config Hugo itself would refuse
        return None
    return None


def hugo_languages(root: Path, config: str) -> tuple[str, dict[str, str], tuple[str, str]]:
    """The site's default language, each language's ``contentDir`` where the config sets one, and the
    default language's tag (its ``languageCode`` or ``locale``) with the file that gives it: from
    ``[languages]`` in the config, and from ``languages.toml`` or ``languages.<lang>.toml`` beside it
    (Hugo's configuration directory)."""
    data = _config_data(root / config)
    table = data if isinstance(data, dict) else {}
    default = str(table.get("defaultContentLanguage") or "en").lower()
    languages: dict[str, tuple[object, str]] = {}  # language -> (its settings, the file that gives them)
    if isinstance(table.get("languages"), dict):
        languages.update({k: (v, config) for k, v in table["languages"].items()})
    folder = (root / config).parent
    for path in sorted(folder.glob("languages.*")):
        parts = path.name.split(".")
        data = _config_data(path)
        where = (folder / path.name).relative_to(root).as_posix()
        if not isinstance(data, dict):
            continue
        if len(parts) == 2:  # languages.toml: a table of languages
            languages.update({k: (v, where) for k, v in data.items() if isinstance(v, dict)})
        elif len(parts) == 3:  # languages.fr.toml: one language
            languages[parts[1]] = (data, where)
    dirs = {}
    tag, told = table.get("languageCode"), config
    for lang, (settings, where) in languages.items():
        if not isinstance(settings, dict):
            continue
        content = settings.get("contentDir")
        if isinstance(content, str) and content.strip("/"):
            dirs[str(lang).lower()] = content.strip("/")
        own = settings.get("languageCode") or settings.get("locale")
        if str(lang).lower() == default and own:
            tag, told = own, where
    return default, dirs, (tag, told) if isinstance(tag, str) else ("", "")


def hugo_pages(root: Path, config: str) -> tuple[list[str], str]:
    """The globs of a Hugo site's pages, and on a site whose languages keep their pages in folders of their
    own (``contentDir``), only the default language's, with why; else ``content/``'s."""
    default, dirs, _ = hugo_languages(root, config)
    own = dirs.get(default)
    if not own or len(dirs) < 2:
        return PAGES, ""
    others = len(dirs) - 1
    why = (
        f"{len(dirs)} languages, each with its own content folder; the default, '{default}', is checked in "
        f"{own}/ (the {others} other{'s' if others != 1 else ''} are its translations: copydesk checks "
        "one language a site)"
    )
    return [f"{own}/*.md", f"{own}/*.markdown"], why


HUGO_DEFAULT_DATES = ("date", "publishDate", "pubDate", "published", "lastmod", "modified")  # Hugo's :default


def hugo_date_keys(config: Path) -> tuple[tuple[str, ...], bool]:
    """Where Hugo reads a page's date, as the site's config (``[frontmatter] date``) says, and whether
    from the file name (``:filename``); Hugo's own default when the config does not say."""
    data = _config_data(config)  # a config Hugo itself would refuse (None): its default, as said
    front = data.get("frontmatter") if isinstance(data, dict) else None
    front = front or (data.get("frontMatter") if isinstance(data, dict) else None)
    listed = front.get("date") if isinstance(front, dict) else None
    if not isinstance(listed, list) or not all(isinstance(k, str) for k in listed):
        return HUGO_DEFAULT_DATES, False
    keys: list[str] = []
    for k in listed:
        keys += list(HUGO_DEFAULT_DATES) if k == ":default" else [] if k.startswith(":") else [k]
    return tuple(dict.fromkeys(keys)) or HUGO_DEFAULT_DATES, ":filename" in listed


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _mkdocs_macros(path: Path) -> bool:
    """mkdocs.yml names the macros plugin (mkdocs-macros-plugin), which renders Jinja in pages."""
    return re.search(r"^\s*-\s*['\"]?macros\b", _text(path), re.MULTILINE) is not None


def _docusaurus_syntax(root: Path, config: str) -> tuple[list[str], str]:
    """Docusaurus compiles .md files as MDX unless its config says format: 'detect' (then only .mdx are)."""
    text = _text(root / config) if config else ""
    if re.search(r"format\s*:\s*['\"]detect['\"]", text):
        return ["none"], f"{config} sets markdown format 'detect': only .mdx files are MDX"
    return ["mdx"], "Docusaurus compiles Markdown files as MDX (its default markdown format)"


def _found(root: Path, site: Site, candidates: tuple[str, ...]) -> Site:
    """The first candidate folder that holds articles becomes the site's include."""
    for name in candidates:
        folder = root / name
        if folder.is_dir() and _articles_in(folder):
            site.include = [_glob(root, folder)]
            site.evidence += f"; articles in {name}/"
            return site
    deeper = [f for name in POST_FOLDERS for f in _folders_named(root, name, limit=5) if _articles_in(f)]
    if deeper:  # pages/en/blog/, content/fr/posts/: every folder of posts, in any language
        site.include = sorted({_glob(root, f) for f in deeper})
        site.evidence += f"; articles in {', '.join(sorted({f.relative_to(root).as_posix() + '/' for f in deeper}))}"
        return site
    site.include = []
    site.evidence += "; no usual folder of posts: every article file"
    return site


POST_FOLDERS = ("blog", "posts")  # what a folder of posts is called below the usual places
