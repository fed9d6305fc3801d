"""A long fuzzing campaign for developers (outside CI): millions of inputs through every reader,
the checks and every reporter, in parallel processes, without hypothesis's bookkeeping.

    python tests/fuzz_campaign.py --inputs 1000000 --jobs 2 --out /tmp/fuzz-crashes

The inputs are built as ``tests/fuzz_test.py`` builds its examples (the pieces that broke copydesk
before, any string Python can hold, JSON values, front matter in YAML and TOML, CR-only line ends),
from a seed per chunk, so a crash is reproduced by its seed.  Every input that raises is written to
``--out`` with its traceback; each becomes a regression file in ``tests/fixtures/hostile/``.
Prints inputs done, rate and crashes found; exits 1 when any input crashed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzz_test import KINDS, PIECES, pipeline

GOOD = ("markdown", "---\ntitle: Good\n---\n\nThe goverment met.\n")
RANGES = [
    (0x20, 0x7E),
    (0x00, 0x1F),
    (0x80, 0x24F),
    (0x370, 0x52F),
    (0x2000, 0x206F),
    (0xD800, 0xDFFF),
    (0x1F300, 0x1FAFF),
    (0xE000, 0xF8FF),
    (0x10000, 0x10FFFF),
]


def _chars(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        lo, hi = rng.choice(RANGES)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def _fragments(rng: random.Random) -> str:
    return "".join(
        rng.choice(PIECES) if rng.random() < 0.7 else _chars(rng, rng.randint(0, 6)) for _ in range(rng.randint(0, 40))
    )


def _json_value(rng: random.Random, depth: int = 0) -> Any:
    r = rng.random()
    if depth > 3 or r < 0.5:
        return rng.choice(
            [
                None,
                True,
                False,
                rng.randint(-(10**30), 10**30),
                rng.random() * 1e300,
                _chars(rng, rng.randint(0, 20)),
                rng.choice(PIECES),
            ]
        )
    if r < 0.75:
        return [_json_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {
        rng.choice(["title", "body", "faq", "sources", "date", "x", _chars(rng, 3)]): _json_value(rng, depth + 1)
        for _ in range(rng.randint(0, 4))
    }


def make(rng: random.Random) -> list[tuple[str, str]]:
    """One example: a list of (kind, text) articles checked together."""
    shape = rng.randrange(5)
    kind = rng.choice(sorted(KINDS))
    if shape == 0:
        return [(kind, _fragments(rng)), GOOD]
    if shape == 1:
        return [(kind, _chars(rng, rng.randint(0, 200)))]
    if shape == 2:
        value = {
            k: _json_value(rng) for k in rng.sample(["title", "body", "faq", "sources", "date", "x"], rng.randint(0, 6))
        }
        return [("json", json.dumps(value, ensure_ascii=True)), ("json", json.dumps(value, ensure_ascii=False))]
    if shape == 3:
        fence, end = rng.choice(["---", "+++"]), rng.choice(["\n", "\r", "\r\n"])
        return [("markdown", f"{fence}{end}{_fragments(rng)}{end}{fence}{end}{end}{_fragments(rng)}")]
    import yaml

    try:
        head = yaml.safe_dump({"title": "T", "x": _json_value(rng)}, allow_unicode=True)
    except (yaml.YAMLError, ValueError):
        head = "title: T\n"
    return [("markdown", f"---\n{head}---\n\n{_fragments(rng)}")]


def chunk(seed: int, count: int, out: str) -> tuple[int, int]:
    """Run ``count`` examples from ``seed``; write each crash to ``out``.  Returns (done, crashes)."""
    rng = random.Random(seed)
    crashes = 0
    for i in range(count):
        example = make(rng)
        try:
            pipeline(example)
        except Exception:  # every crash is written down, the campaign goes on
            crashes += 1
            Path(out).mkdir(parents=True, exist_ok=True)
            record = {"seed": seed, "index": i, "example": example, "traceback": traceback.format_exc()}
            name = Path(out) / f"crash-{seed}-{i}.json"
            name.write_text(json.dumps(record, ensure_ascii=True, indent=1), encoding="utf-8")
    return count, crashes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--chunk", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="fuzz-crashes")
    args = parser.parse_args(argv)
    start = time.monotonic()
    done = crashes = 0
    seeds = range(args.seed * 1_000_000, args.seed * 1_000_000 + -(-args.inputs // args.chunk))
    with ProcessPoolExecutor(args.jobs) as pool:
        for n, c in pool.map(chunk, seeds, [args.chunk] * len(seeds), [args.out] * len(seeds)):
            done, crashes = done + n, crashes + c
            elapsed = time.monotonic() - start
            print(f"{done:,} inputs, {crashes} crashes, {elapsed:,.0f} s ({done / elapsed:,.0f}/s)", flush=True)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
