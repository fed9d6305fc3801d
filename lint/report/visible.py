"""Text for people: control characters from an article or a file name shown, never obeyed.

An article (or a file name) can hold terminal escape sequences: ``ESC [ 2 J``
clears the screen, ``ESC ] 0 ;`` sets the window title, ``ESC ] 8 ;;`` makes a
hyperlink, BEL rings.  Written raw to a terminal or a CI log they act; copydesk
writes every C0 control but the tab, DEL and every C1 control as a visible
escape instead: ``\\x1b``, ``\\x07``, ``\\x9b``.  JSON and SARIF stay exact JSON:
:func:`json_text` writes DEL and the C1 controls as ``\\u`` escapes (JSON itself
escapes the C0 ones), which read back as the same strings.
"""

from __future__ import annotations

import re

CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
KEEP_NEWLINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # and tabs
RAW_IN_JSON = re.compile(r"[\x7f-\x9f]")  # what json.dumps(ensure_ascii=False) leaves raw


def _escape(m: re.Match[str]) -> str:
    return f"\\x{ord(m.group()):02x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """``text`` with its control characters (not tabs; not line feeds with ``newlines``) escaped."""
    return (KEEP_NEWLINES if newlines else CONTROLS).sub(_escape, text)


def json_text(text: str) -> str:
    """JSON text as ``json.dumps(ensure_ascii=False)`` writes it, with DEL and C1 controls as ``\\u00XX``.

    They can only stand inside strings, where the escape means the same character.
    """
    return RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
