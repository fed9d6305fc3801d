"""Text for people: control characters from an article or a file name shown, never obeyed.

An article (or a file name) can hold terminal escape sequences: ``ESC [ 2 J``
clears the screen, ``ESC ] 0 ;`` sets the window title, ``ESC ] 8 ;;`` makes a
hyperlink, BEL rings.  Written raw to a terminal or a CI log they act; copydesk
writes every C0 control but the tab, DEL and every C1 control as a visible
escape instead: ``\\x1b``, ``\\x07``, ``\\x9b``.  So are the bidirectional overrides and isolates
(U+202A-U+202E, U+2066-U+2069: they reorder what follows, so a line can read other than it is, as
``\\u202e``) and lone surrogates (``\\ud800``: a JSON article can write one, and no output can
encode it).  JSON and SARIF stay exact JSON: :func:`json_text` writes DEL, the C1 controls and lone
surrogates as ``\\u`` escapes (JSON itself escapes the C0 ones), which read back as the same strings.
"""

from __future__ import annotations

import re

_WIDE = r"\u202a-\u202e\u2066-\u2069\ud800-\udfff"  # bidi overrides and isolates, lone surrogates
CONTROLS = re.compile(rf"[\x00-\x08\x0a-\x1f\x7f-\x9f{_WIDE}]")
KEEP_NEWLINES = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_WIDE}]")  # and tabs
# what json.dumps(ensure_ascii=False) leaves raw: DEL, C1, and lone surrogates (no UTF-8 can hold one)
RAW_IN_JSON = re.compile(r"[\x7f-\x9f\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """``text`` with its control characters (not tabs; not line feeds with ``newlines``) escaped."""
    return (KEEP_NEWLINES if newlines else CONTROLS).sub(_escape, text)


def json_text(text: str) -> str:
    """JSON text as ``json.dumps(ensure_ascii=False)`` writes it, with DEL, C1 controls and lone surrogates
    as ``\\u`` escapes (``\\u0085``, ``\\ud800``).

    They can only stand inside strings, where the escape means the same character (Python's ``json``
    reads ``"\\ud800"`` back as the same lone surrogate).
    """
    return RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
