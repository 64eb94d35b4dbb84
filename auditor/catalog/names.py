"""Folding product and company names for comparison."""

from __future__ import annotations

import re


def normalize_name(name: str) -> str:
    """Fold a product name for comparison: case, spaces, punctuation, full-width brackets."""
    return re.sub(r"[\s\-_.,'·()（）【】\[\]/]+", "", name.casefold())
