#!/usr/bin/env python3
"""Time ``copydesk init`` on a Jekyll site of about 1,000 posts (a corpus of Markdown posts, copied twice).

    python benchmarks/init_bench.py                          # the 18F posts of ../shared/corpus/18f-posts
    python benchmarks/init_bench.py --corpus path/to/posts   # any folder of Markdown posts (YYYY-MM-DD-slug.md)

The site is built in a temporary folder outside the project; each run starts from no config.
Prints the wall-clock time of ``copydesk init`` and of ``copydesk init --baseline``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import corpus_dir, require

ROOT = Path(__file__).resolve().parents[1]
CORPUS = corpus_dir()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a folder of Markdown posts")
    parser.add_argument("--copies", type=int, default=2, help="how many times each post is copied")
    args = parser.parse_args()
    posts = sorted(require(args.corpus, "corpus").glob("*.md"))
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        (site / "_posts").mkdir(parents=True)
        (site / "_config.yml").write_text("title: bench\n", encoding="utf-8")
        for post in posts:
            for n in range(args.copies):
                shutil.copy(post, site / "_posts" / (post.name if n == 0 else f"{post.stem}-{n}.md"))
        total = len(posts) * args.copies
        for extra in ([], ["--baseline"]):
            for name in ("copydesk.toml", "copydesk-article.schema.json", "copydesk-vocabulary.txt"):
                (site / name).unlink(missing_ok=True)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "lint", "init", *extra], cwd=site, check=True, capture_output=True)
            print(
                f"copydesk init {' '.join(extra)}".strip() + f" on {total} posts: {time.perf_counter() - start:.2f} s"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
