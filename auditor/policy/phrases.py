"""Phrase matching for the lexicon: one trie-shaped regex per phrase list (longest phrase at each position;
English on word boundaries; in CJK phrases an optional space where letters meet CJK), and small text tests."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from auditor.policy.zh_t2s import T2S

_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def fold(text: str) -> str:
    """Fold text for matching: NFKC (full-width to ASCII), Traditional to Simplified Chinese, split run-on
    words ("authorityRead"), case-fold, collapse whitespace."""
    text = _CAMEL_RE.sub(" ", unicodedata.normalize("NFKC", text).translate(T2S))
    return " ".join(text.casefold().split())


def pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex for folded phrases that finds the longest phrase at each position, built as a trie (an
    alternation of 800 phrases is 50 times slower). English words match on word boundaries; in phrases
    with CJK, a space is optional where letters meet CJK ("IP地址" also matches "IP 地址")."""
    bounded: dict[str, object] = {}
    free: dict[str, object] = {}
    for phrase in set(phrases):
        if not phrase:
            continue
        trie = bounded if phrase[:1].isascii() and phrase[:1].isalnum() else free
        for atom in _atoms(phrase):
            trie = trie.setdefault(atom, {})  # type: ignore[assignment]
        trie[_END] = {}
    alts = []
    if bounded:
        alts.append(r"(?<![a-z0-9_])" + _render(bounded))
    if free:
        alts.append(_render(free))
    return re.compile("|".join(alts) if alts else r"(?!x)x")


def pattern_all(phrases: list[str]) -> re.Pattern[str]:
    """Like :func:`pattern`, but every phrase may match anywhere (overlapping starts are tried too)."""
    inner = pattern(phrases).pattern
    return re.compile(f"(?=({inner}))")


_END = ""
_WORD_END = r"(?![a-z0-9_])"


def _atoms(phrase: str) -> list[str]:
    atoms: list[str] = []
    plain = phrase.isascii()
    prev = ""
    for piece in re.findall(r"[a-z0-9]+|\s+|.", phrase):
        if piece.isspace():
            atoms.append(r"\s+" if plain else r"\s*")
            prev = ""
            continue
        if not plain and prev and piece.isascii() != prev.isascii() and (piece.isalnum() or prev.isalnum()):
            atoms.append(r"\s*")
        atoms.extend(re.escape(ch) for ch in piece)
        prev = piece
    if phrase[-1:].isascii() and phrase[-1:].isalnum():
        atoms.append(_WORD_END)
    return atoms


def _render(trie: dict[str, object]) -> str:
    """Alternatives of a trie node, longer continuations first, the end of a phrase last."""
    parts = []
    for atom in sorted(trie, key=lambda a: (a == _END, a == _WORD_END, a)):
        child = trie[atom]
        parts.append(atom + (_render(child) if child else ""))  # type: ignore[arg-type]
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"


PERMISSION_AFTER_RE = re.compile(r"[)）\]】\s]{0,3}(?:权限|permissions?\b|authorit)")
_PROPER_RE = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)+\b")


def proper_names(text: str, folded: str) -> list[tuple[int, int]]:
    """Spans in ``folded`` of names written as two or more capitalised words ("Open Camera")."""
    spans = []
    for m in _PROPER_RE.finditer(text):
        key = fold(m.group(0))
        at = folded.find(key)
        while at >= 0:
            spans.append((at, at + len(key)))
            at = folded.find(key, at + 1)
    return spans


def despace(text: str) -> str:
    return text.replace(" ", "") if not text.isascii() else text


def contains(text: str, phrase: str) -> bool:
    if phrase.isascii():
        return re.search(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])", text) is not None
    return phrase in text
