"""copydesk init on sites as they are: Jekyll, Hugo and Next.js/MDX, each with the files every such repository has.

The posts are real 18F blog posts (public domain, CC0; tests/fixtures/init/18f/NOTICE.txt) with one
typo planted; around them: READMEs, licences, data files, layouts, section pages, archetypes, static
files, a .gitignore and a built site.  ``copydesk init && copydesk check`` must report the typo and
nothing else, and nothing at all on a file that is not an article.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from lint.init import detect

POSTS = sorted((Path(__file__).parent / "fixtures" / "init" / "18f").glob("*.md"))
TYPO = ("2016-04-22-what-is-an-api.md", "might be a grocery store", "might be a grocrey store")
COINAGE = "protosketching"  # the archive's own word, written in three posts


def _post(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    if path.name == TYPO[0]:
        body = body.replace(TYPO[1], TYPO[2], 1)
    if path.name in {p.name for p in POSTS[:3]}:
        body += f"\nWe call the first rough draft {COINAGE}: {COINAGE} saves weeks.\n"
    return meta, body


def _common(root: Path) -> None:
    """What every site repository holds besides its articles."""
    (root / "README.md").write_text("# Our site\n\nTo biuld it, run the generator. Teh docs are below.\n")
    (root / "CHANGELOG.md").write_text("## 1.0\n\n- Initail release\n")
    (root / "LICENSE.md").write_text("Public domain (CC0 1.0). Permision is granted.\n")
    (root / "CONTRIBUTING.md").write_text("Fork the repo and send a pul request.\n")
    (root / "styles").mkdir()
    (root / "styles" / "accept.txt").write_text("18F\nFBOpen\nkubernetes\nnginx\nprotosketch\n")
    (root / ".gitignore").write_text("node_modules/\n*.log\nnotes/\n")
    (root / "notes").mkdir()
    (root / "notes" / "todo.md").write_text("---\ntitle: x\n---\n\nTK TK lorem ipsum dolor sit amet\n")
    (root / "debug.log.md").write_text("# not a log\n")


def jekyll(root: Path) -> None:
    _common(root)
    (root / "_config.yml").write_text("title: 18F\nlang: en-US\nurl: https://18f.gsa.gov\n")
    (root / "_posts").mkdir()
    for path in POSTS:
        meta, body = _post(path)
        text = "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body
        (root / "_posts" / path.name).write_text(text, encoding="utf-8")
    for folder, name, text in (
        ("_layouts", "post.html", "<article>{{ content }}</article>\n"),
        ("_layouts", "page.md", "---\nlayout: default\n---\n<main>{{ content }}</main>\n"),
        ("_includes", "byline.md", "{% for a in page.authors %}<span>{{ a }}</span>{% endfor %}\n"),
        ("_data", "authors.json", '{"michael-walker": {"name": "Michael Walker", "city": "Chicgo"}}\n'),
        ("_data", "nav.json", '[{"text": "Hoem", "href": "/"}]\n'),
        ("_site", "index.md", "stale build output with typoes\n"),
        ("assets/js", "package.json", '{"name": "site"}\n'),
    ):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / name).write_text(text)
    (root / "index.md").write_text(
        "---\nlayout: home\n---\n{% for post in site.posts %}<li>{{ post.title }}</li>{% endfor %}\n"
    )
    (root / "about.md").write_text("---\ntitle: About\nlayout: page\n---\n\nWe are a smal team in the GSA.\n")


def hugo(root: Path) -> None:
    _common(root)
    (root / "hugo.toml").write_text('baseURL = "https://example.gov/"\nlanguageCode = "en-us"\ntitle = "News"\n')
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    for path in POSTS:
        meta, body = _post(path)
        meta.setdefault("date", path.name[:10])
        meta["date"] = str(meta["date"])
        front = "\n".join(f"{k} = {json.dumps(v)}" for k, v in meta.items() if v is not None)
        (posts / path.name[11:]).write_text(f"+++\n{front}\n+++\n{body}", encoding="utf-8")
    (root / "content" / "_index.md").write_text('+++\ntitle = "Home"\n+++\n\nWelcom to the news.\n')
    (posts / "_index.md").write_text('+++\ntitle = "Posts"\n+++\n')
    (root / "content" / "about").mkdir()
    (root / "archetypes").mkdir()
    (root / "archetypes" / "default.md").write_text(
        '+++\ntitle = \'{{ replace .File.ContentBaseName "-" " " | title }}\'\ndate = {{ .Date }}\ndraft = true\n+++\n'
    )
    (root / "data").mkdir()
    (root / "data" / "menu.json").write_text('{"main": [{"name": "Hoem", "url": "/"}]}\n')
    (root / "static").mkdir()
    (root / "static" / "robots.txt").write_text("User-agent: *\nDisallow: /drafts/\nSitemap: /sitemap.xml\n")
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "layouts" / "_default" / "single.html").write_text('{{ define "main" }}{{ .Content }}{{ end }}\n')
    (root / "layouts" / "shortcodes").mkdir()
    (root / "layouts" / "shortcodes" / "note.md").write_text("<aside>{{ .Inner }}</aside>\n")
    (root / "public").mkdir()
    (root / "public" / "index.json").write_text('[{"title": "stale"}]\n')


def zola(root: Path) -> None:
    _common(root)
    (root / "config.toml").write_text('base_url = "https://blog.example.org"\ntitle = "Blog"\ncompile_sass = true\n')
    posts = root / "content"
    posts.mkdir()
    for n, path in enumerate(POSTS):
        meta, body = _post(path)
        meta.setdefault("date", path.name[:10])
        meta["date"] = str(meta["date"])
        front = "\n".join(f"{k} = {json.dumps(v)}" for k, v in meta.items() if v is not None)
        shortcodes = '\n{{ youtube(id="dQw4w9WgXcQ", autoplay=true) }}\n' if n % 2 else ""
        shortcodes += '\n{% quote(author="A reader") %}\nA fine post.\n{% end %}\n' if n % 3 == 0 else ""
        (posts / path.name).write_text(f"+++\n{front}\n+++\n{body}{shortcodes}", encoding="utf-8")
    (posts / "_index.md").write_text('+++\ntitle = "Home"\nsort_by = "date"\n+++\n\nWelcom to the blgo.\n')
    (root / "templates").mkdir()
    (root / "templates" / "page.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ page.content | safe }}{% endblock %}\n'
    )
    (root / "templates" / "shortcodes").mkdir()
    (root / "templates" / "shortcodes" / "quote.md").write_text("> {{ body }}\n> — {{ author }}\n")
    (posts / "application.txt").write_text("The applicaton form, a resource of the page bundle.\n")
    (root / "sass").mkdir()
    (root / "sass" / "site.scss").write_text("body { colr: red; }\n")
    (root / "static").mkdir()
    (root / "static" / "robots.txt").write_text("User-agent: *\nAllow: /\n")


def mdx(root: Path) -> None:
    _common(root)
    (root / "next.config.mjs").write_text("export default { pageExtensions: ['js', 'jsx', 'md', 'mdx'] }\n")
    (root / "package.json").write_text('{"dependencies": {"next": "14.0.0", "@next/mdx": "14.0.0"}}\n')
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    for path in POSTS:
        meta, body = _post(path)
        meta.setdefault("date", path.name[:10])
        text = (
            "---\n"
            + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
            + "---\n\nimport { Callout } from '../../components/Callout'\n"
            + body
            + '\n<Callout type="info">{props.footnote}</Callout>\n'
        )
        (posts / (path.name[:-3] + ".mdx")).write_text(text, encoding="utf-8")
    (root / "components").mkdir()
    (root / "components" / "Callout.mdx").write_text("export const Callout = ({children}) => <div>{children}</div>\n")
    (root / "data").mkdir()
    (root / "data" / "siteMetadata.json").write_text('{"title": "Blog", "author": "18F", "descripton": "Newz"}\n')
    (root / "public").mkdir()
    (root / "public" / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    (root / "tsconfig.json").write_text('{"compilerOptions": {"strict": true}}\n')


# site -> (builder, the name init gives it, the folder of its articles as init's include names it)
SITES: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "jekyll": (jekyll, "Jekyll", "_posts/"),
    "hugo": (hugo, "Hugo", "content/"),
    "mdx": (mdx, "Next.js with MDX", "content/posts/"),
    "zola": (zola, "Zola", "content/"),
}


def _typo_post(site: str) -> str:
    return {"jekyll": "_posts/" + TYPO[0], "hugo": "content/posts/" + TYPO[0][11:], "zola": "content/" + TYPO[0]}.get(
        site, "content/posts/" + TYPO[0][:-3] + ".mdx"
    )


@pytest.mark.parametrize("site", sorted(SITES))
def test_init_then_check_reports_only_the_real_typo(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site: str
) -> None:
    build, name, folder = SITES[site]
    build(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    init = cli("init")
    assert init.code == 0, init.err
    assert f"site: {name}" in init.out
    check = cli("check", "--format", "json")
    assert check.err == ""
    found = [(d["path"], d["rule"], d["line"]) for d in check.diagnostics]
    assert all(path.startswith(folder) for path, _, _ in found), found  # nothing on a non-article
    assert [(p, r) for p, r, _ in found] == [(_typo_post(site), "spelling.unknown")]
    assert {p: p.read_bytes() for p in before} == before  # init changed no file it did not create
    written = {p.name for p in tmp_path.iterdir() if p.is_file()} - {p.name for p in before if p.parent == tmp_path}
    assert written == {"copydesk.toml", "copydesk-article.schema.json", "copydesk-vocabulary.txt"}


@pytest.mark.parametrize("site", sorted(SITES))
def test_init_explains_each_decision_in_a_line(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site: str
) -> None:
    SITES[site][0](tmp_path)
    monkeypatch.chdir(tmp_path)
    out = cli("init").out
    config = tomllib.loads((tmp_path / "copydesk.toml").read_text(encoding="utf-8"))
    lines = out.splitlines()
    assert any(line.startswith(f"articles: {len(POSTS)} files in ") for line in lines)
    pages = ["content/*.md", "content/*.markdown"]  # Markdown: a .txt beside a page is a resource of its bundle
    assert config["include"] == (pages if site in ("hugo", "zola") else [SITES[site][2] + "**"])
    assert config["checks"] == {"sources": False}  # a blog cites no sources in its metadata
    assert any(line.startswith("checks.sources = false: 0 of 6 posts list sources") for line in lines)
    schema = json.loads((tmp_path / config["schema"]).read_text(encoding="utf-8"))
    assert {"title", "date", "authors", "tags"} <= set(schema["required"])  # in all six posts
    assert "description" not in schema["required"]  # in five of the six
    assert schema["properties"]["authors"]["type"] == "array"
    assert schema["properties"]["title"]["type"] == "string"
    vocabulary = (tmp_path / "copydesk-vocabulary.txt").read_text(encoding="utf-8")
    assert re.search(rf"^{COINAGE} +# 3 posts, 6 uses$", vocabulary, re.MULTILINE)
    assert "grocrey" not in vocabulary  # a typo is no vocabulary
    assert any(line.startswith("vocabulary: copydesk-vocabulary.txt: 1 word ") for line in lines)
    if site == "hugo":
        assert config["language"] == "en-US" and config["exclude"] == ["*/_index.*"]
    if site == "jekyll":
        assert config["language"] == "en-US"


def test_running_init_again_changes_nothing(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    jekyll(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert cli("init").code == 0
    (tmp_path / "copydesk.toml").write_text((tmp_path / "copydesk.toml").read_text() + "# mine\n")
    files = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    again = cli("init", "--baseline")
    assert again.code == 0
    assert (
        again.out
        == "copydesk.toml already configures copydesk: nothing written (edit it, or delete it to run init again)\n"
    )
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == files


def test_a_pyproject_table_counts_as_a_config(cli: Any, tmp_path: Path) -> None:
    jekyll(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.copydesk]\nlanguage = "en-GB"\n')
    result = cli("init", tmp_path)
    assert result.code == 0
    assert "pyproject.toml already configures copydesk: nothing written" in result.out
    assert not (tmp_path / "copydesk.toml").exists()


def test_a_file_init_did_not_write_is_never_overwritten(cli: Any, tmp_path: Path) -> None:
    jekyll(tmp_path)
    (tmp_path / "copydesk-vocabulary.txt").write_text("my own words\n")
    result = cli("init", tmp_path)
    assert result.code == 2
    assert "copydesk-vocabulary.txt: exists and copydesk init did not write it: nothing written" in result.err
    assert (tmp_path / "copydesk-vocabulary.txt").read_text() == "my own words\n"
    assert not (tmp_path / "copydesk.toml").exists() and not (tmp_path / "copydesk-article.schema.json").exists()


def test_init_with_a_baseline_then_only_new_findings(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hugo(tmp_path)
    monkeypatch.chdir(tmp_path)
    init = cli("init", "--baseline")
    assert init.code == 0
    assert "baseline = 'copydesk-baseline.json': 1 finding of today recorded" in init.out
    assert tomllib.loads((tmp_path / "copydesk.toml").read_text())["baseline"] == "copydesk-baseline.json"
    clean = cli("check")
    assert (clean.code, clean.out) == (0, "6 files checked: no problems found\n")  # the baseline itself is not checked
    post = tmp_path / _typo_post("hugo")
    post.write_text(post.read_text() + "\nThe goverment said so.\n")
    new = cli("check", "--format", "json")
    assert [(d["rule"], d["message"].split()[0]) for d in new.diagnostics] == [("spelling.unknown", "'goverment'")]


@pytest.mark.parametrize(
    ("files", "kind"),
    (
        ({"_config.yml": "", "_posts/2020-01-01-a.md": "x"}, "jekyll"),
        ({"blog/_posts/2020-01-01-a.md": "x"}, "jekyll"),
        ({"hugo.toml": "", "content/a.md": "x"}, "hugo"),
        ({"config.toml": "", "content/a.md": "x"}, "hugo"),
        ({"config.toml": 'base_url = "https://example.org"\n', "content/a.md": "x"}, "zola"),
        ({"config.toml": 'baseURL = "https://example.org"\n', "content/a.md": "x"}, "hugo"),
        ({"eleventy.config.js": "", "src/posts/a.md": "x"}, "eleventy"),
        ({"package.json": '{"devDependencies": {"@11ty/eleventy": "2"}}', "posts/a.md": "x"}, "eleventy"),
        ({"astro.config.mjs": "", "src/content/blog/a.md": "x"}, "astro"),
        ({"docusaurus.config.js": "", "blog/2020-01-01-a.md": "x"}, "docusaurus"),
        ({"mkdocs.yml": "", "docs/index.md": "x"}, "mkdocs"),
        ({"next.config.js": "", "posts/a.mdx": "x"}, "nextjs"),
        ({"a.md": "x", "b.txt": "x"}, "plain"),
    ),
)
def test_the_kind_of_site(tmp_path: Path, files: dict[str, str], kind: str) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert detect.detect(tmp_path).kind == kind


def test_a_plain_folder_of_articles(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in POSTS:
        meta, body = _post(path)
        (tmp_path / path.name).write_text("---\n" + yaml.safe_dump(meta) + "---\n" + body, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Articles\n\nTeh archive.\n")
    monkeypatch.chdir(tmp_path)
    init = cli("init")
    assert "site: a folder of articles (no site generator's files found)" in init.out
    assert "include" not in tomllib.loads((tmp_path / "copydesk.toml").read_text())
    check = cli("check", "--format", "json")
    assert [d["path"] for d in check.diagnostics] == [TYPO[0]]


def test_a_multilingual_hugo_site_with_a_configuration_directory(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hugo's config/_default/ (hugo.toml, languages.<lang>.toml), each language's pages in a content folder
    # of its own, as the Let's Encrypt site keeps them: the default language is checked, the translations not
    conf = tmp_path / "config" / "_default"
    conf.mkdir(parents=True)
    (conf / "hugo.toml").write_text('baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n')
    (conf / "languages.en.toml").write_text('contentDir = "content/en"\nlocale = "en-GB"\nweight = 10\n')
    (conf / "languages.fr.toml").write_text('contentDir = "content/fr"\nlocale = "fr-FR"\nweight = 300\n')
    body = "---\ntitle: Keys\ndate: 2024-01-02\n---\n\nThe new keys are ready for the certficate authority.\n"
    for lang, text in (("en", body), ("fr", "---\ntitle: Clés\n---\n\nLes nouvelles clés sont prêtes.\n")):
        (tmp_path / "content" / lang / "post").mkdir(parents=True)
        (tmp_path / "content" / lang / "post" / "keys.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    init = cli("init")
    assert init.code == 0, init.err
    assert "site: Hugo (config/_default/hugo.toml and content/ found)" in init.out
    assert "2 languages, each with its own content folder; the default, 'en', is checked in content/en/" in init.out
    assert "language = 'en-GB': the language config/_default/languages.en.toml gives the site" in init.out
    config = tomllib.loads((tmp_path / "copydesk.toml").read_text())
    assert config["include"] == ["content/en/*.md", "content/en/*.markdown"]
    check = cli("check", "--format", "json")
    assert [(d["path"], d["rule"]) for d in check.diagnostics] == [("content/en/post/keys.md", "spelling.unknown")]


def test_a_folder_without_articles_says_so_plainly(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    result = cli("init", tmp_path)
    assert result.code == 2
    assert "no article found for a folder of articles; nothing written" in result.err


def test_a_site_without_articles_is_a_mistake(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: x\n")
    (tmp_path / "README.md").write_text("# x\n")
    result = cli("init", tmp_path)
    assert result.code == 2
    assert "no article found for a Jekyll site; nothing written" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "_config.yml"]


# the other generators: (marker files, the folder of posts, pages and files that are not posts)
OTHERS: dict[str, tuple[dict[str, str], str, dict[str, str]]] = {
    "eleventy": (
        {"eleventy.config.js": "export default function (c) {}\n", "package.json": '{"name": "blog"}\n'},
        "src/posts/",
        {"src/_includes/base.njk": "<main>{{ content | safe }}</main>\n", "src/_data/site.json": '{"title": "Blgo"}\n'},
    ),
    "astro": (
        {"astro.config.mjs": "export default {}\n", "package.json": '{"dependencies": {"astro": "4"}}\n'},
        "src/content/blog/",
        {"src/pages/index.astro": "---\n---\n<h1>Hoem</h1>\n", "public/robots.txt": "User-agent: *\nAllow: /\n"},
    ),
    "docusaurus": (
        {"docusaurus.config.js": "module.exports = {}\n"},
        "blog/",
        {"blog/authors.yml": "ann:\n  name: Ann\n", "static/img/.keep": "", "src/pages/markdown-page.md": "# Pgae\n"},
    ),
    "mkdocs": (
        {"mkdocs.yml": "site_name: Blog\nplugins:\n  - blog\n"},
        "docs/blog/posts/",
        {"docs/index.md": "# Welcom\n\nThe docs of teh site.\n", "docs/blog/index.md": "# Blog\n"},
    ),
}


@pytest.mark.parametrize("site", sorted(OTHERS))
def test_other_generators(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site: str) -> None:
    markers, folder, others = OTHERS[site]
    _common(tmp_path)
    for name, text in {**markers, **others}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    for path in POSTS:
        meta, body = _post(path)
        meta.setdefault("date", path.name[:10])
        text = "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body
        (tmp_path / folder / path.name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    init = cli("init")
    assert init.code == 0, init.err
    assert f"; articles in {folder}" in init.out.splitlines()[0]
    assert tomllib.loads((tmp_path / "copydesk.toml").read_text())["include"] == [folder + "**"]
    check = cli("check", "--format", "json")
    assert [(d["path"], d["rule"]) for d in check.diagnostics] == [(folder + TYPO[0], "spelling.unknown")]


@pytest.mark.parametrize(
    ("config", "keys", "filename"),
    (
        ('title = "x"\n', detect.HUGO_DEFAULT_DATES, False),
        ('[frontmatter]\ndate = ["date"]\n', ("date",), False),
        ('[frontmatter]\ndate = [":filename", ":default"]\n', detect.HUGO_DEFAULT_DATES, True),
        ('[frontmatter]\ndate = ["pubdate", ":filename"]\n', ("pubdate",), True),
        ("[frontmatter\n", detect.HUGO_DEFAULT_DATES, False),  # Hugo refuses it: its default is said
    ),
)
def test_where_hugo_reads_the_date(tmp_path: Path, config: str, keys: tuple[str, ...], filename: bool) -> None:
    (tmp_path / "hugo.toml").write_text(config)
    assert detect.hugo_date_keys(tmp_path / "hugo.toml") == (keys, filename)


@pytest.mark.parametrize(
    ("front", "required_date"),
    (
        ("date: 2024-05-0{n}", True),
        ("Date: 2024-05-0{n}", True),  # Hugo reads keys in any case: Date is date
        ("publishDate: 2024-05-0{n}", False),  # one post dated by publishDate: date cannot be required
    ),
)
def test_a_hugo_post_dated_as_hugo_reads_it_is_not_missing_its_date(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, front: str, required_date: bool
) -> None:
    (tmp_path / "hugo.toml").write_text('title = "News"\n')
    (tmp_path / "content" / "posts").mkdir(parents=True)
    for n in range(1, 8):
        line = front.format(n=n) if n == 7 else f"date: 2024-05-0{n}"
        (tmp_path / "content" / "posts" / f"2024-05-0{n}-post.md").write_text(
            f"---\ntitle: The council met\n{line}\n---\n\nThe council met on Monday and agreed the plan.\n"
        )
    monkeypatch.chdir(tmp_path)
    assert cli("init").code == 0
    written = json.loads((tmp_path / "copydesk-article.schema.json").read_text())
    assert ("date" in written["required"]) is (required_date and front.startswith("date"))
    result = cli("check", "--select", "schema")
    assert result.code == 0, result.out


@pytest.mark.parametrize(
    ("files", "include", "templates"),
    (
        # a repository whose site is in website/ (Docusaurus) or apps/site/ (a monorepo)
        (
            {"website/docusaurus.config.js": "", "website/blog/2024-05-01-x.md": "# x\n", "docs/a.md": "# a\n"},
            ["website/blog/**"],
            ["mdx"],
        ),
        (
            {"website/docusaurus.config.js": "markdown: {format: 'detect'}", "website/blog/x.md": "# x\n"},
            ["website/blog/**"],
            ["none"],
        ),
        (
            {"apps/site/next.config.mjs": "", "apps/site/pages/en/blog/x.md": "# x\n", "packages/ui/README.md": ""},
            ["apps/site/pages/en/blog/**"],
            ["mdx"],
        ),
        ({"mkdocs.yml": "plugins:\n  - macros\n", "docs/blog/posts/x.md": "# x\n"}, ["docs/blog/posts/**"], ["jinja"]),
        ({"mkdocs.yml": "plugins:\n  - search\n", "docs/blog/posts/x.md": "# x\n"}, ["docs/blog/posts/**"], ["none"]),
        ({"a.md": "# a\n"}, [], ["none"]),
    ),
)
def test_where_the_articles_are_and_what_renders_them(
    tmp_path: Path, files: dict[str, str], include: list[str], templates: list[str]
) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    site = detect.detect(tmp_path)
    assert (site.include, site.templates) == (include, templates)


def test_init_piped_into_a_reader_that_stops_still_writes_every_file(tmp_path: Path) -> None:
    """``copydesk init | head -1``: the reader goes after one line; the config is written all the same."""
    import os
    import subprocess
    import sys

    jekyll(tmp_path)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # every line written as it is said
    proc = subprocess.Popen([sys.executable, "-m", "lint", "init"], cwd=tmp_path, stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith(b"site: Jekyll")
    proc.stdout.close()  # as head does
    proc.wait(timeout=120)
    assert {"copydesk.toml", "copydesk-article.schema.json", "copydesk-vocabulary.txt"} <= {
        p.name for p in tmp_path.iterdir()
    }


def test_a_plain_folder_whose_posts_call_go_templates(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """go.dev's blog is a folder of posts its own Go code renders: {{image "…"}} is code there, and the
    redirect stubs and a licence notice beside the posts are no articles."""
    calls = ['{{image "a/b.jpg" 850}}', '{{code "x/main.go"}}', '{{play "y.go"}}']
    for i, path in enumerate(POSTS):
        call = calls[i % len(calls)]
        meta, body = _post(path)
        body = body.rstrip("\n") + f"\n\n{call}\n"
        (tmp_path / path.name).write_text("---\n" + yaml.safe_dump(meta) + "---\n" + body, encoding="utf-8")
        (tmp_path / f"old-{i}.md").write_text(f"---\nredirect: /blog/{path.stem}\n---\n", encoding="utf-8")
    (tmp_path / "go-brand").mkdir()
    (tmp_path / "go-brand" / "copyright.txt").write_text("All content is Copyright 2018 The Authors.\n")
    monkeypatch.chdir(tmp_path)
    init = cli("init")
    assert f'templates = ["go"]: {len(POSTS)} of {len(POSTS)} posts call templates' in init.out
    assert f"{len(POSTS) + 1} files skipped as not articles" in init.out
    assert tomllib.loads((tmp_path / "copydesk.toml").read_text())["templates"] == ["go"]
    check = cli("check", "--format", "json")
    assert [d["path"] for d in check.diagnostics] == [TYPO[0]]


def test_a_slip_copied_from_release_note_to_release_note_is_no_vocabulary(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a commit's subject backported under a new hash each release is one line; codespell's slips never count
    posts = tmp_path / "posts"
    posts.mkdir()
    for n in range(4):
        sha = f"{n:x}" * 10
        (posts / f"v1.{n}.0.md").write_text(
            f'---\ntitle: "Version 1.{n}.0"\ndate: 2026-01-0{n + 1}\n---\n\nThe release brings these changes.\n\n'
            f"- [`{sha}`](https://github.com/x/y/commit/{sha}) - **net**: fix the scehduler on close (Ann Lee)"
            f" [#{100 + n}](https://github.com/x/y/pull/{100 + n})\n"
            f"- **dns**: use an object without protoype for the map (Ben Ode)\n\n"
            f"Our flarbnet tool built release {n}. We tuned flarbnet for it.\n",
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path)
    assert cli("init").code == 0
    vocabulary = (tmp_path / "copydesk-vocabulary.txt").read_text(encoding="utf-8")
    assert re.search(r"^flarbnet +# 4 posts", vocabulary, re.MULTILINE)
    assert "scehduler" not in vocabulary and "protoype" not in vocabulary
