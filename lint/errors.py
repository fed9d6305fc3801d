"""The one error type for problems that stop a run (exit status 2)."""

from __future__ import annotations


class FatalError(Exception):
    """A usage or configuration mistake: reported in one line, exit status 2."""
