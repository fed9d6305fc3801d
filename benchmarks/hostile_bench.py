#!/usr/bin/env python3
"""Time copydesk on large and hostile inputs: CPU time and peak memory of one ``copydesk check`` each.

    python benchmarks/hostile_bench.py                 # every case
    python benchmarks/hostile_bench.py --only faq-yaml  # one case
    python benchmarks/hostile_bench.py --mb 10         # a smaller large article

Cases: an FAQ of 100,000 entries (YAML front matter, and a plain-text article), an article of
50 MB (over the default ``[limits] max_file_mb`` of 10: one finding), two of 9 MB (a paragraph
repeated, and a real post repeated), a YAML alias bomb (nine levels of nine) and JSON nested
100,000 deep.  The files are built
in a temporary folder; each run is a new process, its CPU time (user + system) and peak resident
memory read from ``resource.getrusage`` of the child.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PARAGRAPH = "The council met on Tuesday to discuss the new budget, and members agreed that roads need repair. "


def faq_yaml(folder: Path, n: int, mb: int) -> Path:
    path = folder / "faq.md"
    with path.open("w", encoding="utf-8") as f:
        f.write("---\ntitle: A long FAQ\ndate: 2024-01-02\nsources: [https://example.org]\nfaq:\n")
        for i in range(n):
            f.write(f"  - question: How does item {i} work?\n    answer: It works well because number {i} is good.\n")
        f.write("---\n\nSome body text.\n")
    return path


def faq_text(folder: Path, n: int, mb: int) -> Path:
    path = folder / "faq.txt"
    with path.open("w", encoding="utf-8") as f:
        f.write("A long FAQ\n26/1/26\n\nSome text here.\n\nFrequently asked questions\n\n")
        for i in range(n):
            f.write(f"How does item {i} work?\nIt works well because number {i} is good.\n\n")
        f.write("Sources\nhttps://example.org\n")
    return path


def large(folder: Path, n: int, mb: int) -> Path:
    path = folder / "large.md"
    with path.open("w", encoding="utf-8") as f:
        f.write("---\ntitle: A large article\ndate: 2024-01-02\nsources: [https://example.org]\n---\n\n")
        size, k = 0, 0
        while size < mb * 1024 * 1024:
            block = PARAGRAPH * 5 + f"Paragraph {k}.\n\n"
            f.write(block)
            size, k = size + len(block), k + 1
    return path


def at_limit(folder: Path, n: int, mb: int) -> Path:
    """Just under the default size limit (10 MB): checked whole, the repeated paragraph of ``large``."""
    return large(folder, n, 9)


def prose_at_limit(folder: Path, n: int, mb: int) -> Path:
    """Just under the default size limit: a real post (CC0, benchmarks/data) repeated, numbered, to 9 MB."""
    post = (Path(__file__).resolve().parent / "data" / "2015-11-17-choose-design-over-architecture.md").read_text(
        encoding="utf-8"
    )
    body = post.split("---", 2)[2] if post.startswith("---") else post
    path = folder / "prose.md"
    with path.open("w", encoding="utf-8") as f:
        f.write("---\ntitle: A large article\ndate: 2024-01-02\nsources: [https://example.org]\n---\n\n")
        size, k = 0, 0
        while size < 9 * 1024 * 1024:
            block = f"Part {k}.\n\n{body}\n\n"
            f.write(block)
            size, k = size + len(block), k + 1
    return path


def alias_bomb(folder: Path, n: int, mb: int) -> Path:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = folder / "bomb.md"
    path.write_text("---\ntitle: Bomb\n" + "\n".join(lines) + "\n---\n\nText.\n", encoding="utf-8")
    return path


def deep(folder: Path, n: int, mb: int) -> Path:
    path = folder / "deep.json"
    path.write_text('{"title": "x", "body": "t", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    return path


CASES: dict[str, Callable[[Path, int, int], Path]] = {
    "faq-yaml": faq_yaml,
    "faq-text": faq_text,
    "large": large,
    "at-limit": at_limit,
    "prose-limit": prose_at_limit,
    "alias-bomb": alias_bomb,
    "deep-json": deep,
}


def measure(path: Path) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak MiB, exit status) of ``copydesk check --format json path``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--format", "json", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, done.returncode  # ru_maxrss: KiB on Linux (largest child so far)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(CASES), action="append", help="run only these cases")
    parser.add_argument("--entries", type=int, default=100_000, help="FAQ entries (default 100,000)")
    parser.add_argument("--mb", type=int, default=50, help="size of the large article in MB (default 50)")
    args = parser.parse_args()
    print(f"{'case':<12} {'size':>9} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9} {'exit':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or list(CASES):
            path = CASES[name](Path(tmp), args.entries, args.mb)
            size = path.stat().st_size / (1024 * 1024)
            wall, cpu, peak, code = measure(path)
            print(f"{name:<12} {size:>7.1f}MB {wall:>8.2f} {cpu:>8.2f} {peak:>9.0f} {code:>5}", flush=True)
            path.unlink()
    print("(peak MiB is the largest child so far: run one case with --only to read its own)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
