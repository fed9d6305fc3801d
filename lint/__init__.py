"""copydesk: an editorial quality checker for article files."""

from __future__ import annotations

__version__ = "0.1.0"
