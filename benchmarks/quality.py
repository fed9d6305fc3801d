#!/usr/bin/env python3
"""Detection quality on the harness in ../shared/eval (or --eval DIR), as it scores it and with its truth corrected.

    python benchmarks/quality.py                     # seeds 3, 5 and 11, all checks
    python benchmarks/quality.py --seeds 3 --show    # one seed, listing every miss and false alarm

For each seed this builds the evaluation set (``build.py``), runs ``copydesk check --format
json`` on it and scores the output with the harness's own ``score.py``.  The harness's
spelling truth is wrong in three ways that can be checked from the files themselves, so a
second, corrected score is printed next to it:

1. **Headline typos in JSON articles are recorded on the wrong line.**  ``build.py``'s JSON
   writer takes the line of the last ``"title"`` key, which is a source's ``"title":
   "Original report"``.  The typo is on the headline's line; the truth is moved there when
   the word is found on exactly one line of the file.
2. **Typos injected into a headline that a schema defect then removed** (``no-title``) are
   not in the file at all.  They are dropped from the truth.
3. **The original ABC reports contain real misspellings** ("fertalisation",
   "inconsistancies", "News of the Worl").  A finding on a word that is not injected but is
   already in the original report is a real-text finding: it counts as a false alarm unless
   ``quality-source-errors.txt`` lists the word as a misspelling checked by hand (each line
   gives the correction and the evidence).  Findings on the injected placeholder text
   ("Drowpdown Klark") are the placeholder defect, found by the spelling check as well.

Everything else is scored exactly as ``score.py`` does: same line, the word inside the span
or message.  The corrected figures are printed beside the harness's, never instead of them.

Last, the suggestions: for the injected typos found, how often the first suggestion is the
word the misspelling list says was meant, how often it is among the five, and how often a
safe fix (what ``--fix`` applies) is right.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import eval_dir, require

ROOT = Path(__file__).resolve().parents[1]
EVAL = eval_dir()
ADJUDICATED = Path(__file__).with_name("quality-source-errors.txt")
MISSPELLINGS = ("holbrook.tsv", "aspell.tsv")
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(seed: int, out: Path, news: Path = EVAL / "data" / "news-abc", n: int = 300) -> None:
    data = EVAL / "data"
    subprocess.run(
        [
            sys.executable,
            str(EVAL / "build.py"),
            "--news",
            str(news),
            "--misspellings",
            str(data / "misspellings" / MISSPELLINGS[0]),
            "--misspellings",
            str(data / "misspellings" / MISSPELLINGS[1]),
            "--out",
            str(out),
            "--n",
            str(n),
            "--seed",
            str(seed),
        ],
        check=True,
        capture_output=True,
    )


def copydesk(folder: Path) -> list[dict[str, Any]]:
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--format", "json", str(folder)], capture_output=True, text=True
    )
    found: list[dict[str, Any]] = json.loads(proc.stdout)["diagnostics"]
    return found


def adjudicated() -> dict[str, str]:
    """Words of the original reports checked by hand as misspellings: word -> the line's note."""
    out = {}
    for line in ADJUDICATED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, note = line.partition("\t")
            out[word.strip()] = note.strip()
    return out


def corrected_truth(folder: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The harness's truth with headline lines fixed and typos that are not in the files dropped."""
    rows = [json.loads(line) for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    notes = []
    out = []
    for row in rows:
        if row["category"] != "spelling":
            out.append(row)
            continue
        lines = (folder / row["file"]).read_text(encoding="utf-8").splitlines()
        pattern = re.compile(rf"(?<![A-Za-z]){re.escape(row['text'])}(?![A-Za-z])")
        holding = [n for n, text in enumerate(lines, 1) if pattern.search(text)]
        if not holding:
            notes.append(f"dropped {row['file']}: '{row['text']}' is not in the file")
            continue
        if row["line"] is not None and row["line"] not in holding and len(holding) == 1:
            notes.append(f"moved {row['file']}: '{row['text']}' from line {row['line']} to {holding[0]}")
            row = {**row, "line": holding[0]}
        out.append(row)
    return out, notes


def source_words(name: str, news: Path) -> set[str]:
    """The words of the original report an article of the set was made from (``news``: their folder)."""
    number = Path(name).stem.rpartition("-")[2]  # news-abc-139
    source = news / f"{number}.txt"
    return set(WORD.findall(source.read_text(encoding="utf-8"))) if source.exists() else set()


def as_news(corpus: Path, out: Path) -> int:
    """Markdown posts of ``corpus`` written as plain-text reports for ``build.py``: one paragraph a block,
    without front matter, code, HTML or template tags (copydesk's Markdown reader leaves those out too)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt()
    out.mkdir(parents=True)
    written = 0
    for post in sorted(corpus.glob("*.md")):
        text = post.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[-1]
        paragraphs = []
        for token in parser.parse(text):
            if token.type != "inline" or not token.children:
                continue
            parts = [c.content if c.type == "text" else " " if c.type.endswith("break") else "" for c in token.children]
            paragraph = " ".join("".join(parts).split())
            if len(paragraph.split()) >= 12 and not any(mark in paragraph for mark in ("{%", "{{", "<")):
                paragraphs.append(paragraph)
        if len(paragraphs) >= 3:
            written += 1
            (out / f"{written:03d}.txt").write_text("\n\n".join(paragraphs[:8]) + "\n", encoding="utf-8")
    return written


def placeholder_words() -> set[str]:
    return set(WORD.findall((EVAL / "placeholders.txt").read_text(encoding="utf-8")))


def spoken_word(finding: dict[str, Any]) -> str:
    m = re.match(r"'([^']+)'", str(finding.get("message", "")))
    return m.group(1) if m else ""


def rescore(folder: Path, found: list[dict[str, Any]], score: ModuleType, show: bool, news: Path) -> dict[str, Any]:
    truth, notes = corrected_truth(folder)
    tmp = folder.parent / "corrected"  # beside the set, in the same temporary folder
    tmp.mkdir()
    for path in folder.iterdir():
        if path.name != "truth.jsonl":
            (tmp / path.name).symlink_to(path)
    (tmp / "truth.jsonl").write_text("".join(json.dumps(t) + "\n" for t in truth), encoding="utf-8")
    result: dict[str, Any] = score.score(tmp, found)["spelling"]
    # score.py keeps 15 false alarms; find them all again, the same way it does
    texts = {p.name: p.read_text(encoding="utf-8").splitlines() for p in folder.iterdir() if p.suffix != ".jsonl"}
    spelling = [f for f in found if score.category(str(f.get("rule", ""))) == "spelling"]
    matched: set[int] = set()
    for t in (t for t in truth if t["category"] == "spelling"):
        for k, f in enumerate(spelling):
            if k in matched or Path(f["path"]).name != t["file"]:
                continue
            name = Path(f["path"]).name
            if (t["line"] is None or f.get("line") == t["line"]) and t["text"].lower() in score.finding_text(
                f, texts[name]
            ):
                matched.add(k)
                break
    ruled = adjudicated()
    placeholder = placeholder_words()
    kinds: dict[str, list[str]] = {"source error": [], "placeholder text": [], "false alarm": []}
    for k, f in enumerate(spelling):
        if k in matched:
            continue
        name, word = Path(f["path"]).name, spoken_word(f)
        where = f"{name}:{f.get('line')}: {word}"
        if word in placeholder:
            kinds["placeholder text"].append(where)
        elif word in ruled and word in source_words(name, news):
            kinds["source error"].append(where)
        else:
            kinds["false alarm"].append(where)
    if show:
        for note in notes:
            print("   ", note)
        for miss in result["misses"]:
            print("    missed", miss)
        for kind, rows in kinds.items():
            for row in rows:
                print(f"    {kind}: {row}")
    result["kinds"] = {k: len(v) for k, v in kinds.items()}
    result["truth_notes"] = len(notes)
    return result


def corrections_table() -> dict[str, set[str]]:
    """What each injected misspelling stands for, from the harness's misspelling lists (wrong -> right)."""
    table: dict[str, set[str]] = {}
    for name in MISSPELLINGS:
        for line in (EVAL / "data" / "misspellings" / name).read_text(encoding="utf-8").splitlines():
            wrong, _, right = line.partition("\t")
            if right:
                table.setdefault(wrong.strip().lower(), set()).add(right.strip().lower())
    return table


def suggestion_quality(folder: Path, found: list[dict[str, Any]], table: dict[str, set[str]]) -> Counter[str]:
    """Of the injected typos found, how often the first suggestion, one of five, and the safe fix are right."""
    injected = {
        (row["file"], row["text"].lower())
        for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()
        if (row := json.loads(line))["category"] == "spelling"
    }
    out: Counter[str] = Counter()
    for f in found:
        word = spoken_word(f).lower()
        if not str(f.get("rule", "")).startswith("spelling") or (Path(f["path"]).name, word) not in injected:
            continue
        right = table.get(word)
        if not right:
            continue
        offered = [s.lower() for s in f.get("suggestions", [])]
        out["typos"] += 1
        out["first"] += bool(offered) and offered[0] in right
        out["five"] += any(s in right for s in offered[:5])
        if f.get("fixable"):
            out["fixes"] += 1
            out["fixes right"] += bool(offered) and offered[0] in right
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, nargs="+", default=[3, 5, 11])
    ap.add_argument("--show", action="store_true", help="list every miss, truth correction and false alarm")
    ap.add_argument(
        "--corpus",
        type=Path,
        help="build the sets from these Markdown posts instead of the ABC reports (such as the 18F posts)",
    )
    ap.add_argument("--eval", type=Path, help="the harness's folder (default: $COPYDESK_EVAL, else ../shared/eval)")
    args = ap.parse_args()
    global EVAL
    EVAL = require(eval_dir(args.eval), "eval")
    if args.corpus:
        require(args.corpus, "corpus")
    scratch = tempfile.TemporaryDirectory(prefix="copydesk-news-")
    news, n = EVAL / "data" / "news-abc", 300
    if args.corpus:
        news = Path(scratch.name) / "corpus"
        n = as_news(args.corpus, news)
        print(f"{n} posts of {args.corpus} as plain-text reports")
    score = harness()
    table = corrections_table()
    total: Counter[str] = Counter()
    print("spelling, as score.py counts | with the truth corrected (see --help)")
    print("seed  words   recall  tp  fn  fp  fp/10k | recall  tp  fn  source-errors placeholder  fp  fp/10k")
    for seed in args.seeds:
        with tempfile.TemporaryDirectory(prefix="copydesk-eval-") as tmp:
            folder = Path(tmp) / "set"
            build(seed, folder, news, n)
            found = copydesk(folder)
            raw = score.score(folder, found)
            sp, words = raw["spelling"], raw["summary"]["words"]
            fixed = rescore(folder, found, score, args.show, news)
            fp = fixed["kinds"]["false alarm"]
            print(
                f"{seed:>4} {words:>6}   {sp['recall']:.3f} {sp['tp']:>3} {sp['fn']:>3} {sp['fp']:>3}"
                f"  {sp['fp_per_10k_words']:>5.2f} |  {fixed['recall']:.3f} {fixed['tp']:>3} {fixed['fn']:>3}"
                f"  {fixed['kinds']['source error']:>13} {fixed['kinds']['placeholder text']:>11}"
                f" {fp:>3}  {fp * 10000 / words:>5.2f}"
            )
            others = {c: (raw[c]["recall"], raw[c]["precision"]) for c in ("placeholder", "sources", "names", "schema")}
            print("      " + ", ".join(f"{c} {r:.3f}/{p:.3f}" for c, (r, p) in others.items()))
            q = suggestion_quality(folder, found, table)
            total.update(q)
    scratch.cleanup()
    if total["typos"]:
        print(
            f"suggestions, over the injected typos found ({total['typos']}): the first is the right word "
            f"{total['first'] / total['typos']:.3f}, one of the five {total['five'] / total['typos']:.3f}; "
            f"safe fixes {total['fixes']}, right {total['fixes right'] / max(total['fixes'], 1):.3f}"
        )


if __name__ == "__main__":
    main()
