"""The HTML report's own style and script, and the Content-Security-Policy that allows only them.

Both are files beside this module (``assets/report.css``, ``assets/report.js``), put inline in
the page so it stays one file.  The policy names each by its SHA-256: the browser runs the
report's script and applies its style, and nothing else, whatever an article holds: no other
script, inline handler, ``javascript:`` address, image, frame, font or connection.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"


@cache
def asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def digest(text: str) -> str:
    """A CSP source for the inline element whose content is ``text``: ``'sha256-…'``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy() -> str:
    return (
        f"default-src 'none'; script-src {digest(asset('report.js'))}; style-src {digest(asset('report.css'))}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def head(title: str = "copydesk report") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy()}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="copydesk">\n'
        f"<title>{title}</title>\n<style>{asset('report.css')}</style>\n</head>\n"
        '<body id="top">\n'
    )


def tail() -> str:
    return f"<script>{asset('report.js')}</script>\n</body>\n</html>\n"
