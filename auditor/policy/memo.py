"""A bounded cache for the pure questions the reader asks of a short text.

A long policy repeats its lines, and the extractors ask the same questions of them again and again ("is this
cell name-like?", "how wide is it?", "its folded form?"). The answers of the questions that depend on the text
alone are kept here, per process, for texts of at most :data:`MAX_CACHED_TEXT` characters and at most
:data:`MAX_CACHED` texts per question (least recently used dropped first): the cache changes no answer and its
memory stays bounded whatever the input. Questions that also depend on the lexicon or the catalog's names are
kept per read instead (:meth:`auditor.policy.claims.Context.ask`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")

MAX_CACHED_TEXT = 400
"""Characters of the longest text whose answer is kept."""
MAX_CACHED = 1 << 15
"""Texts whose answers are kept per question."""


def short_text_cache(question: Callable[[str], _T]) -> Callable[[str], _T]:
    """``question``, a pure function of one text, with its answers for short texts kept (see the module)."""
    cached = functools.lru_cache(maxsize=MAX_CACHED)(question)

    @functools.wraps(question)
    def ask(text: str) -> _T:
        return cached(text) if len(text) <= MAX_CACHED_TEXT else question(text)

    return ask
