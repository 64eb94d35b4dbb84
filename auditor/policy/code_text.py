"""The human text of a line of app source code: policy text kept in string literals (``Text('SDK名称：极光推送')``,
``"收集个人信息：" + "设备标识符"``) or between markup tags (``<Text style={s.label}>第三方公司：…</Text>``).

Apps keep their privacy pages in code: React / React Native (JSX), Vue, Flutter (Dart), Kotlin / Java
(Android), Swift, Python. Read as plain text, such a line carries the code around its words, which hides a
label from the label pattern and puts quotes and brackets into names and values. :func:`human_text` returns
the words a line shows, or None when the line shows none (code, imports, identifiers) and is kept as written.
The loader keeps every line's source too (:attr:`auditor.policy.document.Document.code`): records kept as
data (object literals) are read from the code itself.
"""

from __future__ import annotations

import re

from auditor.policy.text import CJK_RE, SEPARATOR_RE, TAG_RE, width

CODE_SUFFIXES = frozenset({".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".vue", ".dart", ".kt",
                           ".kts", ".java", ".swift", ".py", ".m", ".mm", ".svelte"})
"""Source files whose lines are read through :func:`human_text` (not ``.json``: all of it is data)."""
_STRING_RE = re.compile(r"""'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\\n]|\\.)*)`""")
_EXPRESSION_RE = re.compile(r"\{[^{}'\"`]*\}")
"""A JSX / template expression without text of its own (``{styles.label}``, ``{index}``)."""
_PROPERTY_RE = re.compile(r"""^\s*[{,]?\s*(?:[\w$]+|'[^'\n]*'|"[^"\n]*")\s*:(?!:)""")
"""A line opening with an object property (``name: '…'``, ``"company": "…"``, ``{ tit: '…'``)."""
_SHOWN_PROPERTY_RE = re.compile(r"""^\s*(?:text|title|label|content|subtitle)\s*:\s*(?=[rR]?['"])""")
"""A named argument or property alone on its line that a widget shows as text (Flutter's ``text: '…',`` of a
``Text``/link widget, a component's ``title: '…'``), not a record's data field (``name:``, ``company:``)."""
_ESCAPE_RE = re.compile(r"\\(?:[nrt]|u[0-9a-fA-F]{4}|.)")
_WORDS_RE = re.compile(r"[A-Za-z]{2,}(?:[,.;:()'-]?\s+[A-Za-z]{2,}){2,}")
"""Three words or more: a sentence or a label, not an identifier, a path or a key."""


def human_text(line: str) -> str | None:
    """The words ``line`` shows (its strings' text, or the text between its tags), None when it shows none or
    is a property of an object literal (``name: '极光推送'``: data, read as such from the code)."""
    if _PROPERTY_RE.match(line):
        prop = _SHOWN_PROPERTY_RE.match(line)
        if prop is not None and _ONE_LINE_RECORD_RE.match(line) is None:
            said = _strings(line[prop.end():], only=True)  # "text: '🔵 Firebase Crashlytics',": a widget's words
            return said if said and _human(said) else None
        return _block_text(line)
    if "<" in line and TAG_RE.search(line):
        shown = _EXPRESSION_RE.sub(" ", TAG_RE.sub(" ", line))
        text = _strings(shown) or " ".join(shown.split())
        return text if _human(text) else None
    only = _ONLY_STRINGS_RE.fullmatch(line) is not None
    text = _strings(line, only)
    return text if text and (only or _human(text)) else None


def blank_strings(line: str) -> bool:
    """A line of only string literals that show no words (``"\\n" +``, ``" " +``): a break in the text they
    write, no text of its own."""
    line = _CALL_OPEN_RE.sub("", line, count=1)  # '.append("\\n" +': the call's argument is the text
    return _ONLY_STRINGS_RE.fullmatch(line) is not None and not _strings(line, only=True)


_CALL_OPEN_RE = re.compile(r"^\s*\.?[A-Za-z_$][\w$]*\(")


def string_indent(line: str) -> int:
    """Spaces opening the text of a line made of string literals only (``'  - 收集信息：…\\n' +``): the text's
    own indent inside the string, which the code's indent does not show."""
    if _ONLY_STRINGS_RE.fullmatch(line) is None:
        return 0
    m = _STRING_RE.search(line)
    if m is None:
        return 0
    text = next(g for g in m.groups() if g is not None)
    return len(text) - len(text.lstrip(" "))


_ONE_LINE_RECORD_RE = re.compile(r"^\s*\{.*\}\s*[,;]?\s*$")
_TAG_VALUE_RE = re.compile(r"^[A-Za-z_][\w-]{0,24}$")
MIN_BLOCK_TEXT = 12


def _block_text(line: str) -> str | None:
    """The text of a block of content kept as a one-line record (``{ type: 'bullet', text: '（1）相机权限：…' }``):
    its one value of words, when every other value is a tag (``'bullet'``, ``'p'``); None for any other record
    (an SDK's record names it and says more: data, read as such from the code)."""
    if _ONE_LINE_RECORD_RE.match(line) is None:
        return None
    bodies = [_ESCAPE_RE.sub(_unescape, next(g for g in m.groups() if g is not None)) for m in _STRING_RE.finditer(line)]
    words = [b for b in bodies if not _TAG_VALUE_RE.match(b)]
    if len(words) != 1 or not _human(words[0]) or width(words[0]) < MIN_BLOCK_TEXT:
        return None
    return words[0].strip()


def markup_text(lines: list[str]) -> str:
    """The page a source file keeps in string literals, one line for each line of the file (code shows
    nothing): each literal's text, a written line break (``\\n``) as ``<br>``, to be read as HTML."""
    out = []
    pending = ""  # a break that ends a line's text opens the next line (where the text after it is written)
    for line in lines:
        parts = []
        for m in _STRING_RE.finditer(line):
            body = next((g for g in m.groups() if g is not None), "")
            parts.append(markup_string(body))
        text = pending + "".join(parts).rstrip()
        pending = "<br>" if text.endswith("<br>") else ""
        out.append(text.removesuffix("<br>") if pending else text)
    return "\n".join(out)


def markup_string(body: str) -> str:
    """The text of one string literal's body for a markup parser: its escapes read, a written line break
    (``\\n``) as ``<br>``."""
    return _ESCAPE_RE.sub(lambda e: "<br>" if e.group(0) == "\\n" else _unescape(e), body)


def markup_in_strings(lines: list[str]) -> bool:
    """True when the markup of a source file sits inside its string literals, most lines that hold a tag being
    strings only (an HTML page written as ``"<p>\\n" +`` lines of a Java or Kotlin constant): the page is the
    strings' text (:func:`markup_text`), not the file with its code."""
    tagged = [t for t in lines if "<" in t and TAG_RE.search(t)]
    strings = sum(1 for t in tagged if _ONLY_STRINGS_RE.fullmatch(t) is not None)
    return len(tagged) >= 2 and strings * 10 >= len(tagged) * 7


_ONLY_STRINGS_RE = re.compile(r"""\s*[(\[+]?\s*(?:(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")\s*\+?\s*)+[)\],;+]*\s*""")
"""A line of only string literals (a long text written over lines: ``"• Full name\\n"``, ``'…' +``): all of it is
text, however short each piece."""
_LETTERS_RE = re.compile(r"[^\W\d_]")


def _strings(line: str, only: bool = False) -> str:
    """The text of the string literals in ``line`` that hold words (any with a letter when ``only``), joined."""
    parts = []
    for m in _STRING_RE.finditer(line):
        body = next((g for g in m.groups() if g is not None), "")
        body = _ESCAPE_RE.sub(_unescape, body)
        # a Markdown table's rule under its titles ("| --- | --- |\\n" +) is part of the text a table's strings show
        if _human(body) or (only and (_LETTERS_RE.search(body) or ("|" in body and SEPARATOR_RE.match(body)))):
            parts.append(body.strip())
    return " ".join(parts)


def unescaped(text: str) -> str:
    """``text`` with a string literal's escapes read (``\\n`` a line break, ``\\t`` a blank, ``\\u4e2d`` its
    character, ``\\'`` a quote): Java, Kotlin, JS and Android resource strings write them alike."""
    return _ESCAPE_RE.sub(_unescape, text)


def _unescape(m: re.Match[str]) -> str:
    s = m.group(0)
    if s == "\\n":
        return "\n"  # a line break the string shows: the loader cuts the line there
    if s in ("\\r", "\\t"):
        return " "
    if s.startswith("\\u") and len(s) == 6:
        return chr(int(s[2:], 16))
    return s[1:]


def _human(text: str) -> bool:
    """Words a reader sees: CJK text, or a run of three words or more."""
    return bool(CJK_RE.search(text) or _WORDS_RE.search(text))
