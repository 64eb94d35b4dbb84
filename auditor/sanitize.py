"""One place that makes untrusted text safe for where it goes: a terminal or log, a JSON document, a
spreadsheet cell.

Everything the auditor prints can carry text an attacker chose: a build's file name, zip member names,
class names, manifest strings, a policy's SDK names. Written raw, an ESC or a C1 ``CSI`` (U+009B) rewrites
the terminal or a CI log, a CR hides the start of a line, a bidi override (U+202E) shows text in another
order than it is, and a file name that is not UTF-8 (a lone surrogate after ``os.fsdecode``) cannot even be
encoded. So:

- :func:`terminal_text` shows those characters escaped (``\\x1b``, ``\\u202e``; a byte of a non-UTF-8 file
  name as ``\\xff``) and keeps newlines and tabs; :func:`one_line` does the same for a one-line message.
- :func:`json_text` takes a serialized JSON document and writes the same characters as ``\\uXXXX``
  escapes: the document decodes to exactly the same values (a non-UTF-8 file name comes back as the same
  surrogate-escaped string, so ``os.fsencode`` gives the original bytes), and it is safe on a terminal.
- :func:`spreadsheet_cell` neutralises formula injection (CWE-1236): a text cell that a spreadsheet would
  evaluate (starting with ``=``, ``+``, ``-``, ``@``, tab, CR, LF or NUL; also their full-width forms,
  which some spreadsheet locales fold) gets a leading apostrophe, as OWASP and ASVS 1.2.10 recommend.
"""

from __future__ import annotations

import os
import re
from typing import TypeVar

T = TypeVar("T")

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE_CLASS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 controls but tab and newline, DEL, C1 controls (NEL, CSI...)
    + _BIDI
    + "\u2028\u2029"  # line and paragraph separators
    + "\ud800-\udfff"  # lone surrogates (file names that are not UTF-8, after os.fsdecode)
)
_UNSAFE_TERMINAL = re.compile(f"[{_UNSAFE_CLASS}]")
_FOLD = re.compile("[ \t\n]+")
_UNSAFE_JSON = re.compile("[\x7f-\x9f" + _BIDI + "\u2028\u2029\ud800-\udfff]")
_FORMULA_START = tuple("=+-@\t\r\n\0") + tuple("\uff1d\uff0b\uff0d\uff20")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode: show the byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return {9: "\\t", 10: "\\n", 13: "\\r"}.get(code, f"\\x{code:02x}")
    return f"\\u{code:04x}"


def terminal_text(text: str) -> str:
    """``text`` with control characters, C1, bidi controls, line separators and lone surrogates escaped;
    newlines and tabs kept. Safe to write to a terminal or log, and always encodable as UTF-8."""
    return _UNSAFE_TERMINAL.sub(_escape, text)


def one_line(text: str, limit: int = 500) -> str:
    """``text`` as one safe line: runs of spaces, tabs and newlines folded to one space, the rest of
    :func:`terminal_text`'s characters escaped, cut to ``limit`` characters."""
    folded = _FOLD.sub(" ", text).strip(" ")
    safe = _UNSAFE_TERMINAL.sub(_escape, folded)
    return safe if len(safe) <= limit else safe[:limit - 3] + "..."


def display_path(path: os.PathLike[str] | str | bytes) -> str:
    """A file name for a message, whatever bytes it is made of (see :func:`one_line`)."""
    return one_line(os.fsdecode(path), limit=1000)


def json_text(document: str) -> str:
    """A serialized JSON document with DEL, C1, bidi controls, line separators and lone surrogates written
    as ``\\uXXXX`` escapes. Those characters only occur inside strings, so the document keeps its exact
    values; C0 controls are already escaped by every JSON encoder."""
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def spreadsheet_cell(value: T) -> T:
    """``value`` unchanged, unless it is text a spreadsheet would read as a formula: then ``'`` + text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # type: ignore[return-value]
    return value


__all__ = ["display_path", "json_text", "one_line", "spreadsheet_cell", "terminal_text"]
