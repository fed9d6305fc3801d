"""Where the shipped rule data and schemas are: inside the wheel, or the source tree."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """``rules`` or ``schemas``: ``lint/_data/<name>`` in a wheel, ``<repo>/<name>`` in a checkout."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"copydesk is installed without its {name}/ folder")


def rules_path(name: str) -> Path:
    return data_dir("rules") / name


def schema_path(name: str) -> Path:
    return data_dir("schemas") / name
