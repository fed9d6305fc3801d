#!/usr/bin/env python3
"""Speed and scale (issue 14): cold and warm runs, one file edited, --jobs 1 against every core,
archives of 1k/5k/20k files made from the 18F posts, peak memory; codespell on the same files in
the same runs (interleaved), CPU-time medians and ratios.

    python benchmarks/scale.py                        # 18F posts, 1k and 5k files, 3 runs each
    python benchmarks/scale.py --sizes 1000 5000 20000 --repeat 3
    python benchmarks/bench.py --scale …              # the same

The 18F posts are looked for in ../shared/corpus/18f-posts (or --corpus); without them the script
says what to fetch and stops.  CPU time is user + system of the process and its workers (wait4);
peak memory is the max RSS of the run's own process with --jobs 1 (workers have their own).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "18f-posts"
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
FETCH = (
    "the 18F blog posts are not here: fetch them (CC0) with\n"
    "  git clone --depth 1 https://github.com/18F/18f.gsa.gov /tmp/18f && "
    "cp -r /tmp/18f/_posts <folder>\n"
    "and pass --corpus <folder>"
)


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float


def run(argv: list[str], env: dict[str, str] | None = None) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or CHILD_ENV)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return Run(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def copydesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "lint", "check", "--format", "json", "--no-progress", *args]


def build(out: Path, corpus: Path, n: int) -> Path:
    """``n`` files from the posts: copies after the first round get a paragraph of their own (another key)."""
    posts = sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix in (".md", ".markdown"))
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        post = posts[i % len(posts)]
        k = i // len(posts)
        text = post.read_text(encoding="utf-8", errors="replace")
        if k:
            text = text.rstrip("\n") + f"\n\nCopy {k} of this post, kept in the archive for {2000 + k}.\n"
        (out / f"{k:03d}-{post.name}").write_text(text, encoding="utf-8")
    return out


def median(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


def bench_set(name: str, folder: Path, repeat: int, jobs_all: int, facts: Path) -> None:
    env = {**CHILD_ENV, "COPYDESK_FACTS_DIR": str(facts)}
    cases: dict[str, list[Run]] = {k: [] for k in ("codespell", "cold-j1", "cold-all", "warm", "edited")}
    files = sorted(folder.iterdir())
    edited = files[len(files) // 2]
    original = edited.read_bytes()
    for i in range(repeat):  # interleaved: the machine's noise falls on every case alike
        cases["codespell"].append(run(["codespell", "-q", "3", str(folder)]))
        shutil.rmtree(facts, ignore_errors=True)
        cases["cold-j1"].append(run(copydesk("--jobs", "1", str(folder)), env))
        shutil.rmtree(facts, ignore_errors=True)
        cases["cold-all"].append(run(copydesk("--jobs", str(jobs_all), str(folder)), env))
        cases["warm"].append(run(copydesk(str(folder)), env))
        edited.write_bytes(original.replace(b"the", b"teh", 1) + f"\n<!-- {i} -->\n".encode())
        cases["edited"].append(run(copydesk(str(folder)), env))
        edited.write_bytes(original)
        run(copydesk(str(folder)), env)  # back to the cached state
    spell = median(cases["codespell"], "cpu")
    cold = median(cases["cold-j1"], "cpu")
    print(f"\n{name} ({len(files)} files, {repeat} runs, medians)")
    print(f"  {'case':<10} {'wall s':>8} {'CPU s':>8} {'CPU/codespell':>14} {'CPU/cold':>9} {'peak MB':>8}")
    for case, runs in cases.items():
        cpu = median(runs, "cpu")
        print(
            f"  {case:<10} {median(runs, 'wall'):>8.2f} {cpu:>8.2f} {cpu / spell:>13.1f}x {cpu / cold:>8.2f}x "
            f"{max(r.rss_mb for r in runs):>8.0f}"
        )
    j1, jall = median(cases["cold-j1"], "wall"), median(cases["cold-all"], "wall")
    print(f"  --jobs 1 / --jobs {jobs_all} wall: {j1 / jall:.2f}x")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir() or not any(args.corpus.iterdir()):
        print(f"scale.py: {args.corpus}: {FETCH}", file=sys.stderr)
        return 2
    if shutil.which("codespell") is None:
        print("scale.py: codespell is not installed: pip install codespell", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="copydesk-scale-") as tmp:
        base = Path(tmp)
        one = base / "one"
        one.mkdir()
        first = sorted(p for p in args.corpus.iterdir() if p.suffix == ".md")[0]
        shutil.copy(first, one / first.name)
        bench_set("one article", one, args.repeat, args.jobs, base / "facts")
        bench_set(
            "18F posts",
            build(base / "18f", args.corpus, len(list(args.corpus.glob("*.md")))),
            args.repeat,
            args.jobs,
            base / "facts",
        )
        for n in args.sizes:
            folder = build(base / f"set-{n}", args.corpus, n)
            bench_set(f"{n:,} files from the 18F posts", folder, args.repeat, args.jobs, base / "facts")
            shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
