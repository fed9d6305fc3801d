#!/usr/bin/env python3
"""Time copydesk against codespell on the same files, in the same run.

    python benchmarks/bench.py                       # uses ../shared (eval set, 18F corpus)
    python benchmarks/bench.py --repeat 5 --skip-corpus

Cases:
- one article, cold start: a new process per run (the pre-commit case);
- the eval set (about 190 news articles in three formats; the CI case);
- the 18F blog corpus (509 Markdown posts);
- per check: the eval set with one check selected, to see what each costs;
- grammar (off by default): the eval set with grammar on, with Harper, and with LanguageTool
  when ``LANGUAGETOOL_URL`` names a server; the cost per article is printed to stderr;
- the names index of an archive: 1,000 files copied from the 18F posts and the eval set,
  timed as ``copydesk names`` and as ``copydesk check --select names``.
Prints wall-clock medians and the peak memory (max RSS) of the child processes.

``--scale``: cold and warm runs, one file edited, --jobs, 1k/5k/20k-file sets (benchmarks/scale.py).
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
from pathlib import Path

from data import EVAL_HELP, corpus_dir, eval_dir, has_eval
from quality import build  # the sibling script: one way to build the eval set

# the tools run as on an editor's machine: Python keeps their compiled modules (a setting such as
# PYTHONDONTWRITEBYTECODE=1 would make every run compile every module again, copydesk's and codespell's)
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ROOT = Path(__file__).resolve().parents[1]


def timed(argv: list[str], repeat: int) -> tuple[float, float]:
    """(median seconds, peak RSS in MiB of one process) of running argv ``repeat`` times."""
    times = []
    peak = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV)
        _, _, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        proc.returncode = 0
        peak = max(peak, usage.ru_maxrss / 1024)
    return statistics.median(times), peak


def build_eval_set(out: Path) -> Path | None:
    """The dev set (seed 3), built as benchmarks/quality.py builds it; None without the harness."""
    if not has_eval(eval_dir()):
        print(EVAL_HELP.format(path=eval_dir()).replace("no detection", "skipped: no detection"), file=sys.stderr)
        return None
    build(3, out)
    return out


def build_archive(out: Path, sources: list[Path], n: int = 1000) -> int:
    """An archive of ``n`` article files in ``out``, copied round after round (renamed) from ``sources``."""
    files = [
        p for src in sources if src.is_dir() for p in sorted(src.iterdir()) if p.suffix in (".md", ".txt", ".json")
    ]
    if not files:
        return 0
    out.mkdir()
    for i in range(n):
        src = files[i % len(files)]
        shutil.copyfile(src, out / f"{i // len(files)}-{src.name}")
    return n


def grammar_rows(
    rows: list[tuple[str, str, float, float]], copydesk: list[str], evalset: Path, n: int, tmp: Path, repeat: int
) -> None:
    """The whole run with grammar on, per engine: Harper, and LanguageTool when LANGUAGETOOL_URL names a server."""
    engines = {"Harper": 'engine = "harper"'}
    if os.environ.get("LANGUAGETOOL_URL"):
        engines["LanguageTool"] = f'engine = "languagetool"\nlanguagetool_url = "{os.environ["LANGUAGETOOL_URL"]}"'
    for engine, table in engines.items():
        config = tmp / f"grammar-{engine}.toml"
        config.write_text(f"[checks]\ngrammar = true\n\n[grammar]\n{table}\n", encoding="utf-8")
        argv = [*copydesk, "check", "--format", "json", "--config", str(config), str(evalset)]
        seconds, rss = timed(argv, repeat)
        rows.append((f"eval set + grammar ({engine})", "copydesk", seconds, rss))
        base = next(t for case, tool, t, _ in rows if case.startswith("eval set (") and tool == "copydesk")
        print(f"grammar with {engine}: {1000 * (seconds - base) / n:.0f} ms per article", file=sys.stderr)


def main() -> int:
    if "--scale" in sys.argv[1:]:  # issue 14's cases: benchmarks/scale.py
        import scale

        return scale.main([a for a in sys.argv[1:] if a != "--scale"])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-corpus", action="store_true")
    ap.add_argument("--skip-archive", action="store_true", help="skip the names index of 1,000 articles")
    args = ap.parse_args()

    bindir = Path(sys.executable).parent
    copydesk = [str(bindir / "copydesk")] if (bindir / "copydesk").exists() else [sys.executable, "-m", "lint"]
    codespell = [str(bindir / "codespell")] if (bindir / "codespell").exists() else shutil.which("codespell")
    if not codespell:
        sys.exit("codespell is not installed: pip install codespell")
    codespell = codespell if isinstance(codespell, list) else [codespell]

    rows: list[tuple[str, str, float, float]] = []
    one = ROOT / "examples" / "defects" / "004_95c60ba5b8cee6dd.txt"
    rows.append(
        ("one article, cold", "copydesk", *timed([*copydesk, "check", "--format", "json", str(one)], args.repeat))
    )
    rows.append(("one article, cold", "codespell", *timed([*codespell, str(one)], args.repeat)))

    with tempfile.TemporaryDirectory() as tmp:
        evalset = build_eval_set(Path(tmp) / "evalset")
        if evalset is not None:
            n = sum(1 for p in evalset.iterdir() if p.suffix in (".md", ".txt", ".json"))
            label = f"eval set ({n} articles)"
            rows.append(
                (label, "copydesk", *timed([*copydesk, "check", "--format", "json", str(evalset)], args.repeat))
            )
            rows.append((label, "codespell", *timed([*codespell, str(evalset)], args.repeat)))
            for check in ("schema", "spelling", "placeholder", "sources", "names", "terms"):
                argv = [*copydesk, "check", "--format", "json", "--select", check, str(evalset)]
                rows.append((f"eval set, --select {check}", "copydesk", *timed(argv, max(1, args.repeat // 2))))
            grammar_rows(rows, copydesk, evalset, n, Path(tmp), args.repeat)
        corpus = corpus_dir()
        if corpus.is_dir() and not args.skip_corpus:
            label = "18F corpus (509 posts)"
            rows.append((label, "copydesk", *timed([*copydesk, "check", "--format", "json", str(corpus)], args.repeat)))
            rows.append((label, "codespell", *timed([*codespell, str(corpus)], args.repeat)))
        if not args.skip_archive:
            # the names index of an archive: the 18F posts and the eval set, copied round to 1,000 files
            archive = Path(tmp) / "archive"
            n = build_archive(archive, [corpus, *([evalset] if evalset is not None else [])])
            if n:
                for label, argv in (
                    (f"{n:,} articles, names index", [*copydesk, "names", "--format", "json", str(archive)]),
                    (
                        f"{n:,} articles, --select names",
                        [*copydesk, "check", "--format", "json", "--select", "names", str(archive)],
                    ),
                ):
                    rows.append((label, "copydesk", *timed(argv, max(1, args.repeat // 2))))

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; median of {args.repeat} runs")
    print(f"{'case':<32} {'tool':<10} {'seconds':>8} {'max RSS MiB':>12} {'vs codespell':>13}")
    peer = {case: t for case, tool, t, _ in rows if tool == "codespell"}
    for case, tool, seconds, rss in rows:
        ratio = f"{seconds / peer[case]:.1f}x" if tool == "copydesk" and case in peer else ""
        print(f"{case:<32} {tool:<10} {seconds:>8.3f} {rss:>12.0f} {ratio:>13}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
