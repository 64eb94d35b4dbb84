"""Object literals in source text: runs of sibling records (``[{ name: 'X SDK', company: '…' }, …]``).

Apps often keep their third-party SDK list or permission list as data in a ``.ts`` / ``.js`` / ``.vue`` /
``.json`` file. :func:`record_runs` finds, in JS or JSON syntax (quoted or bare keys, '…' "…" `…` strings,
arrays, trailing commas, comments, string concatenation), every array of object literals, every object
whose values are object literals, two or more objects written one after another at the top level (an
excerpt cut out of its array), and calls with named arguments written one after another or in a list
(Kotlin / Python ``Partner(name = "AdMob", link = "…")``, Dart / Swift ``Sdk(name: 'AdMob')``; a list built by
a call, ``listOf(Partner(…))``, is an array), and returns
each as a :class:`RecordRun` of :class:`Record` values: the record's keys as written, each with its value as
text (an array of strings joined with "、", or with "；" when they are "label：value" strings; a nested object
flattened), and the lines the record spans. A nested list of records (``{ title: '推送', children: [...] }``)
is a run of its own and not a field of its parent.

No lexicon here: what a key means is the reader's business (:mod:`auditor.policy.extractors.object_literal`).

Bounded and linear: one left-to-right pass of a tokenizer over at most :data:`MAX_TOKENS` tokens, an explicit
stack (no recursion) at most :data:`MAX_DEPTH` deep (deeper brackets are skipped), at most
:data:`MAX_PARTS` tokens kept per item and
:data:`MAX_TEXT` characters per value; an unterminated quote ends its line, an unterminated template literal
or block comment ends the scan (as it would in JS).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

MAX_DEPTH = 64
"""Brackets nested deeper than this are skipped (real data files nest 3-6 deep)."""
MAX_PARTS = 64
"""Tokens kept for one key/value item (a longer item is code, not data: the rest is ignored)."""
MAX_TEXT = 4_000
"""Characters of one value's text (a longer value is cut)."""
MAX_TOKENS = 1_000_000
"""Tokens (line ends included) read in one text, about 50,000 records of a real SDK list, 1-2 s at worst: the
rest is not scanned."""
MAX_KEYS = 32
"""Keys of one record (the rest are ignored)."""

_HINT_RE = re.compile(r"""\{\s*(?:"[^"\n]{1,40}"|'[^'\n]{1,40}'|[\w$]{1,40})\s*:(?!//)|\(\s*[\w$]{1,40}\s*(?:=(?![=>])|:(?!:))""")
"""An object literal opening with a key, or a call opening with a named argument: without one the text holds
no record (checked before tokenizing)."""
_TOKEN_RE = re.compile(r"""
  (?P<nl>\n)
| (?P<str>'[^'\\\n]*+(?:\\.[^'\\\n]*+)*+'|"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+")
| (?P<tpl>`[^`\\]*+(?:\\.[^`\\]*+)*+`)
| (?P<quote>['"`])
| (?P<lc>//[^\n]*+)
| (?P<bc>/\*)
| (?P<key>(?<![\w$])[\w$]++[^\S\n]*+:(?!:))
| (?P<arg>(?<![\w$.])[\w$]++[^\S\n]*+=(?![=>]))
| (?P<list>(?<![\w$.])(?:listOf|mutableListOf|arrayListOf|arrayOf|setOf|mutableSetOf|persistentListOf|List\.of|Arrays\.asList)
    (?:<[^<>()\n]{0,80}>)?[^\S\n]*+\()
| (?P<punct>[{}\[\](),:])
""", re.VERBOSE)
"""What the scanner reads; everything else (words, numbers, operators, blanks) is skipped by the search.
Possessive quantifiers and the look-behind keep every match linear."""
_NO_TEMPLATE_RE = re.compile(_TOKEN_RE.pattern.replace("(?P<tpl>`", "(?P<tpl>(?!)`"), re.VERBOSE)
"""The same without template literals (after one left unclosed: a backtick then only ends its line)."""
_ESCAPE_RE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
_ESCAPES = {"n": " ", "t": " ", "r": " ", "b": "", "f": "", "v": " ", "0": ""}
_TAG_RE = re.compile(r"""<(?:a\b[^<>]{0,300}?\bhref\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)')[^<>]{0,300}|/?[A-Za-z][^<>]{0,300})>""")
"""A tag in a string value (its ``href`` kept)."""
_CLOSERS = {"}": "{", "]": "[", ")": "("}
_ROOT = "^"
"""The kind of the bottom frame: the text around every bracket (never closed by one)."""
JOINER = "、"
_LABELLED_RE = re.compile(r"^[^:：，,。；;]{1,24}[:：]\s*\S")
"""A string that is a label and its value ("第三方名称：…"): an array of them is a record's fields."""
"""Joins the strings of an array value."""


@dataclass(frozen=True)
class Record:
    """One object literal: its keys as written, each with its value's text."""

    fields: tuple[tuple[str, str], ...]
    first: int
    """Index of the line of its ``{``."""
    last: int
    """Index of the line of its ``}``."""
    nested: tuple[tuple[str, str], ...] = ()
    """Keys holding a list of records of their own (a run read apart), each with that list's text: the
    reader decides whether it is a value of this record (``collect: [{ item: 'IMEI', … }]``) or a group's
    children."""
    children: tuple[tuple[Record, ...], ...] = ()
    """The records of each list in :attr:`nested`, in the same order (the same records as that run's)."""


@dataclass(frozen=True)
class RecordRun:
    """Sibling records: the object items of one array, or the object values of one object."""

    records: tuple[Record, ...]
    first: int
    """Line index of the array's (object's) opening bracket."""
    last: int
    """Line index of its closing bracket."""


@dataclass(frozen=True)
class GridRun:
    """An array of rows of cells: arrays of strings (``[["SDK名称", "公司"], ["Bugly", "腾讯"]]``), objects each
    holding one such array (``trList: [{ tdList: [{ text: "Bugly", url: "" }, …] }, …]``), or calls of strings
    only in a list (``listOf(SdkInfo("Bugly", "腾讯", "https://…"), …)``), a table kept as data."""

    rows: tuple[tuple[tuple[str, ...], int, int], ...]
    """Each row's cells (a cell's strings joined) and its first and last line indexes."""
    first: int
    last: int


@dataclass(frozen=True)
class Literals:
    """What :func:`scan_literals` finds: runs of sibling records and arrays of rows of cells."""

    records: tuple[RecordRun, ...]
    grids: tuple[GridRun, ...]


@dataclass(frozen=True)
class _Node:
    """A closed bracket: an object, an array or a parenthesised group."""

    kind: str
    """``{``, ``[`` or ``(``."""
    first: int
    last: int
    text: str
    """The strings inside, flattened (at most :data:`MAX_TEXT` characters)."""
    pairs: tuple[tuple[str, str | _Node], ...] = ()
    """An object's keys and values (a value is a text or an object / array)."""
    records: bool = False
    """An array of objects or an object of objects (a run of its own)."""
    children: tuple[Record, ...] = ()
    """That run's records."""
    call: bool = False
    """A call with two or more named arguments (``GDPRNetwork(name = "AdMob", link = "…")``): a record."""
    cells: tuple[str, ...] | None = None
    """An array's items as the cells of a table row (each item's text), or an object's when its one key holds
    such an array (``{ tdList: [...] }``); None otherwise."""


_Part = tuple[str, str, int] | _Node
"""A token of the current item (kind, text, line) or a bracket closed inside it."""


@dataclass
class _Frame:
    kind: str
    first: int
    items: list[tuple[str, str | _Node]] = field(default_factory=list)
    """Completed items: (key, value) of an object ("" key in an array or a group)."""
    parts: list[_Part] = field(default_factory=list)
    calls: list[_Node] = field(default_factory=list)
    """Calls with named arguments closed inside this bracket (``GDPRNetwork(name = "AdMob", link = …)``):
    siblings, a run of records when there are two or more."""
    listing: bool = False
    """The parentheses of a call that builds a list (Kotlin ``listOf(``, Java ``List.of(``): an array."""


def record_runs(lines: Sequence[str]) -> list[RecordRun]:
    """Every run of sibling records in ``lines`` (the lines of a document, joined by newlines), inner runs
    before the runs holding them."""
    return list(scan_literals(lines).records)


def scan_literals(lines: Sequence[str]) -> Literals:
    """The runs of sibling records (:func:`record_runs`) and the arrays of rows of cells (:class:`GridRun`) in
    ``lines``, in one pass."""
    text = "\n".join(lines)
    if _HINT_RE.search(text) is None and _GRID_HINT_RE.search(text) is None:
        return Literals((), ())
    scanner = _Scanner()
    runs = scanner.scan(text)
    return Literals(tuple(runs), tuple(scanner.grids))


def code_link_rows(lines: Sequence[str]) -> list[GridRun]:
    """Names each given a link, one to a few lines of source code each, three or more in a run
    (:data:`MIN_CODE_ROWS`, each at most :data:`MAX_CODE_GAP` lines after the one before), as a table of
    (name, link) rows, the name as written:

    - the branches of a switch: ``case AdNetwork.Vungle: return "https://…";`` (C#, Java, Swift ``case
      .vungle:``), ``AdNetwork.Vungle -> "https://…"`` (a Kotlin ``when``), the address on the branch's line
      or the next two;
    - statements that each construct one record of the same class from a quoted name and address, any other
      arguments between (``VUNGLE = new Network(context, "Vungle", "https://…", R.string.ads, true);``);
    - addresses in an array, each under a comment line that names it (``//Vungle`` over ``"https://…",``); an
      address itself commented out is no entry."""
    runs: list[GridRun] = []
    rows: list[tuple[tuple[str, ...], int, int]] = []
    kind = ""

    def close() -> None:
        nonlocal rows
        if len(rows) >= MIN_CODE_ROWS:
            runs.append(GridRun(tuple(rows), rows[0][1], rows[-1][2]))
        rows = []

    near = [False] * (len(lines) + 2)  # an address on the line or the next two
    for k, line in enumerate(lines):
        if "http" in line:
            near[max(0, k - 2):k + 1] = [True] * (k + 1 - max(0, k - 2))
    for k in range(len(lines)):
        found = _code_link(lines, k) if near[k] else None
        if found is None:
            continue
        shape, name, url = found
        if rows and (k - rows[-1][2] > MAX_CODE_GAP or shape != kind):
            close()
        kind = shape
        rows.append(((name, url), k, k))
    close()
    return runs


def _code_link(lines: Sequence[str], k: int) -> tuple[str, str, str] | None:
    """``(shape, name, address)`` of line ``k`` when it opens one of :func:`code_link_rows`' entries."""
    line = lines[k]
    m = _CASE_RE.match(line)
    if m is not None:
        url = next((u.group(1) for j in range(k, min(k + 3, len(lines))) for u in [_QUOTED_URL_RE.search(lines[j])]
                    if u and (j == k or not _CASE_RE.match(lines[j]))), None)
        return ("case:", m.group(1) or m.group(2), url) if url else None
    m = _CONSTRUCTED_RE.search(line)
    if m is not None:
        return "new:" + m.group(1), m.group(2), m.group(3)
    m = _COMMENT_NAME_RE.match(line)
    if m is not None and k + 1 < len(lines):
        u = _LISTED_URL_RE.match(lines[k + 1])
        return ("comment:", m.group(1).strip(), u.group(1)) if u else None
    return None


_CASE_RE = re.compile(r"^\s*(?:case\s+(?:[A-Za-z_][\w]*\.)*\.?([A-Za-z_]\w*)\s*:(?!:)"
                      r"|(?:[A-Za-z_]\w*\.)+([A-Za-z_]\w*)\s*->)")
_QUOTED_URL_RE = re.compile(r"""["'`](https?://[^"'`\s]+)["'`]""")
_CONSTRUCTED_RE = re.compile(r"""(?:\bnew\s+|=\s*)([A-Z]\w*)\s*\((?:[^()"']*,\s*)?["']([^"'\n]{2,40})["']\s*,"""
                             r"""\s*["'](https?://[^"'\s]+)["']""")
_COMMENT_NAME_RE = re.compile(r"^\s*(?://|#)\s*([A-Za-z][\w .+&-]{1,30}?)\s*$")
_LISTED_URL_RE = re.compile(r"""^\s*["'`](https?://[^"'`\s]+)["'`]\s*,?\s*$""")
MIN_CODE_ROWS = 3
MAX_CODE_GAP = 4
"""Lines from one entry to the next (a comment, a blank line, a ``break``, a call chained on the next line)."""


_GRID_HINT_RE = re.compile(r"""\[\s*\[\s*["'`]|(?:listOf|arrayOf|List\.of|asList)\b[^()\n]{0,80}\(\s*[\w$.]+\s*\(\s*["'`]""")
"""An array opening with an array of strings, or a list built of calls of strings (``listOf(Sdk("A", …``): a
table kept as rows of cells (checked before tokenizing)."""
MIN_GRID_CELLS = 2
MIN_GRID_ROWS = 2


class _Scanner:
    def __init__(self) -> None:
        self.stack: list[_Frame] = [_Frame(_ROOT, 0)]
        """The text itself is the bottom frame: objects written one after another at the top level (an
        excerpt cut out of its array) are a run too, when there are two or more."""
        self.open: dict[str, int] = {"{": 0, "[": 0, "(": 0}
        self.skipped = 0  # brackets open past MAX_DEPTH
        self.runs: list[RecordRun] = []
        self.grids: list[GridRun] = []

    def scan(self, text: str) -> list[RecordRun]:
        line = 0
        pattern = _TOKEN_RE
        tokens = pattern.finditer(text)
        budget = MAX_TOKENS
        while (m := next(tokens, None)) is not None:  # (``tokens`` restarts past a skipped part)
            kind = m.lastgroup
            budget -= 1
            if budget < 0:
                break
            if kind == "nl":
                line += 1
            elif kind == "punct":
                self._punct(m.group(), line)
            elif kind == "list":  # "listOf(": an array written as a call
                depth = len(self.stack)
                self._punct("(", line)
                if len(self.stack) > depth:  # (not past MAX_DEPTH)
                    self.stack[-1].listing = True
            elif kind == "str":
                self._part(("str", _unquote(m.group()), line))
            elif kind == "key":
                self._part(("key", m.group().rstrip(": \t"), line))
            elif kind == "arg":  # a named argument ("name = 'AdMob'" in a Kotlin / Python call)
                self._part(("arg", m.group().rstrip("= \t"), line))
            elif kind == "tpl":
                value = m.group()
                self._part(("str", _unquote(value), line))
                line += value.count("\n")
            elif kind == "quote":  # an unterminated string: the rest of its line is skipped
                end = text.find("\n", m.start())
                if end < 0:
                    break
                # no closing backtick after an unclosed one: later ones are not looked for past their line
                pattern = _NO_TEMPLATE_RE if m.group() == "`" else pattern
                tokens = pattern.finditer(text, end)
            elif kind == "bc":
                end = text.find("*/", m.end())
                if end < 0:
                    break
                line += text.count("\n", m.end(), end)
                tokens = pattern.finditer(text, end + 2)
        self.skipped = 0
        while self.stack:  # brackets left open at the end (cut text, the token bound): closed there
            frame = self.stack.pop()
            _finish(frame)
            self._part(self._node(frame, line))
        return self.runs

    def _part(self, part: _Part) -> None:
        if self.stack and not self.skipped:
            parts = self.stack[-1].parts
            if len(parts) < MAX_PARTS:
                parts.append(part)

    def _punct(self, p: str, line: int) -> None:
        if p in "{[(":
            if self.skipped or len(self.stack) >= MAX_DEPTH:
                self.skipped += 1
            else:
                self.stack.append(_Frame(p, line))
                self.open[p] += 1
        elif p in _CLOSERS:
            if self.skipped:
                self.skipped -= 1
                return
            opener = _CLOSERS[p]
            if not self.open[opener]:
                return  # a closer with no opener: ignored
            while self.stack[-1].kind != opener:  # unbalanced: drop the brackets left open inside
                self.open[self.stack.pop().kind] -= 1
            frame = self.stack.pop()
            self.open[opener] -= 1
            _finish(frame)
            node = self._node(frame, line)
            if node.call and self.stack and not self.skipped:
                self.stack[-1].calls.append(node)
            elif frame.kind == "(" and len(frame.calls) == 1 and len(frame.items) == 1 \
                    and frame.items[0][1] is frame.calls[0] and self.stack and not self.skipped:
                self.stack[-1].calls.append(frame.calls[0])  # "list.add(Bean(name: …));": the record the call adds
            self._part(node)
        elif self.stack and not self.skipped:
            frame = self.stack[-1]
            if p == ",":
                _finish(frame)
            elif frame.kind == "{" and len(frame.parts) == 1 and not isinstance(frame.parts[0], _Node) \
                    and frame.parts[0][0] == "str":  # '"sdkName":' : a quoted key
                frame.parts[0] = ("key", frame.parts[0][1], frame.parts[0][2])

    def _node(self, frame: _Frame, line: int) -> _Node:
        texts: list[str] = []
        size = 0
        for _, value in frame.items:
            piece = value if isinstance(value, str) else value.text
            if piece and size < MAX_TEXT:
                texts.append(piece)
                size += len(piece) + 1
        labelled = sum(1 for t in texts if _LABELLED_RE.match(t))
        sep = "；" if frame.kind == "{" or (len(texts) >= 2 and labelled * 2 > len(texts)) else JOINER
        text = sep.join(texts)[:MAX_TEXT]
        keyed = tuple((k, v) for k, v in frame.items if k)
        call = frame.kind == "(" and len(keyed) >= 2
        objects = [v for _, v in frame.items if isinstance(v, _Node) and (v.kind == "{" or v.call)]
        if frame.kind != "[" and len(objects) < 2 and len(frame.calls) >= 2:
            objects = frame.calls  # calls written one after another in a body ("val A = X(…)" "val B = X(…)")
        pairs = tuple(frame.items) if frame.kind == "{" else keyed if call else ()
        runs = len(objects) >= (1 if frame.kind == "[" or frame.listing else 2)  # (the top level: two, as an object's values)
        records: tuple[Record, ...] = ()
        if runs:
            records = tuple(r for r in (_record(o) for o in objects) if r is not None)
            if records:
                self.runs.append(RecordRun(records, frame.first, line))
        cells = _cells(frame)
        if frame.kind == "[" or frame.listing:  # (a list built by a call, "listOf(Sdk("A", "B"), …)", too)
            rows = [(v.cells, v.first, v.last) for _, v in frame.items if isinstance(v, _Node) and v.cells is not None]
            if len(rows) >= MIN_GRID_ROWS and len(rows) == len(frame.items) \
                    and sum(len(r[0]) >= MIN_GRID_CELLS for r in rows) * 2 > len(rows):
                self.grids.append(GridRun(tuple(rows), frame.first, line))
        return _Node(frame.kind, frame.first, line, text, pairs, runs, records, call, cells)


def _cells(frame: _Frame) -> tuple[str, ...] | None:
    """The cells of a row (:attr:`_Node.cells`): an array's items, each a string or a bracket whose strings make
    the cell's text (``{ text: "Bugly", url: "" }``); an object whose one key holds an array of cells."""
    if frame.kind == "[":
        if not frame.items or any(isinstance(v, _Node) and v.kind == "[" and v.cells is not None
                                  and len(v.cells) >= MIN_GRID_CELLS for _, v in frame.items):
            return None  # (an array of rows is a table, not a row)
        return tuple(" ".join((v if isinstance(v, str) else v.text.replace("；", " ")).split()) for _, v in frame.items)
    if frame.kind == "(" and not frame.listing and len(frame.items) >= MIN_GRID_CELLS \
            and all(not k and isinstance(v, str) for k, v in frame.items):
        return tuple(" ".join(v.split()) for _, v in frame.items if isinstance(v, str))  # a call of strings only:
        # SdkInfo("A", "B", "…")
    if frame.kind == "{" and len(frame.items) == 1:  # (not a section's title over its paragraphs)
        value = frame.items[0][1]
        if isinstance(value, _Node) and value.kind == "[" and value.cells is not None:
            return value.cells
    return None


def _finish(frame: _Frame) -> None:
    """Close the current item of ``frame`` (at a comma or its closing bracket)."""
    parts = frame.parts
    if not parts:
        return
    frame.parts = []
    head = parts[0]
    if frame.kind == "{":
        if len(parts) < 2 or isinstance(head, _Node) or head[0] != "key":
            return  # a shorthand property, a method, a spread: not a key and its value
        key, value = head[1], parts[1:]
    elif frame.kind == "(" and len(parts) >= 2 and not isinstance(head, _Node) and head[0] in ("arg", "key"):
        key, value = head[1], parts[1:]  # a named argument: "name = 'AdMob'", Dart / Swift "name: 'AdMob'"
    else:
        key, value = "", parts
    item = _value(value)
    if frame.kind == _ROOT and not (isinstance(item, _Node) and (item.kind == "{" or item.call)):
        return  # the top level keeps only its objects
    frame.items.append((key, item))


def _value(parts: list[_Part]) -> str | _Node:
    """One value: a bracket alone is itself; anything else is the text of the strings in it."""
    if len(parts) == 1 and isinstance(parts[0], _Node) and (parts[0].kind != "(" or parts[0].call
                                                             or parts[0].cells is not None):
        return parts[0]  # (a call of strings only stays a bracket: a row of cells in a list)
    texts = [p.text if isinstance(p, _Node) else p[1] for p in parts
             if isinstance(p, _Node) or p[0] == "str"]
    return "".join(t for t in texts if t)[:MAX_TEXT].strip()


def _record(node: _Node) -> Record | None:
    """The fields of one object (a nested run is not a field); None when no value has text (its nested runs
    are read on their own)."""
    fields: list[tuple[str, str]] = []
    nested: list[tuple[str, str]] = []
    children: list[tuple[Record, ...]] = []
    for key, value in node.pairs[:MAX_KEYS]:
        if isinstance(value, _Node):
            if value.records:  # a list of records under it ("children": [...]) is a run of its own
                nested.append((key, " ".join(value.text.split())))
                children.append(value.children)
                continue
            value = value.text
        if value.strip():
            fields.append((key, " ".join(value.split())))
    return Record(tuple(fields), node.first, node.last, tuple(nested), tuple(children)) if fields else None


def _unquote(token: str) -> str:
    """The text of a string token, escapes decoded, markup taken out (a link keeps its address)."""
    body = token[1:-1]
    if "\\" in body:
        body = _ESCAPE_RE.sub(_escape, body)
    if "<" in body:
        body = _TAG_RE.sub(lambda m: f" {m.group(1) or m.group(2) or ''} ", body)
    return html.unescape(body) if "&" in body else body


def _escape(m: re.Match[str]) -> str:
    e = m.group(1)
    if e[0] == "u" and len(e) > 1:
        code = int(e[2:-1] if e[1] == "{" else e[1:], 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""
    if e[0] == "x" and len(e) == 3:
        return chr(int(e[1:], 16))
    return _ESCAPES.get(e, e if e != "\n" else "")
