"""Read a policy file of any supported format into a :class:`Document` of numbered lines and tables.

Bounded: only a regular file is read, its size checked before reading (``MAX_POLICY_BYTES``) and at most that
many bytes read; containers are inflated under their own bounds (:mod:`auditor.policy.containers`), HTML is
parsed with an element budget, the text is at most :data:`MAX_POLICY_CHARS` characters, a line longer than
:data:`MAX_LINE_CHARS` is cut into pieces at sentence ends (each keeps its line number), and a table with a
cell longer than :data:`MAX_CELL_CHARS` is read as lines, not as a table.
Formats are detected by content first (PDF and ZIP magic, HTML tags), then by extension; an Android resource
file (``.xml`` with the Android namespace, or a ``<resources>`` file) is read as the text it shows. Encodings: BOM,
UTF-8, UTF-16 without BOM, GB18030/GBK, then charset-normalizer's best guess; binary content and text
that decodes to garbage are refused with :class:`PolicyError`.
"""

from __future__ import annotations

import codecs
import html as html_module
import json
import re
import unicodedata
from collections import Counter
from dataclasses import replace
from pathlib import Path

from auditor.errors import PolicyError
from auditor.inputs import read_bytes
from auditor.policy.code_text import (
    CODE_SUFFIXES,
    blank_strings,
    human_text,
    markup_in_strings,
    markup_string,
    markup_text,
    string_indent,
)
from auditor.policy.containers import docx_content, pdf_text
from auditor.policy.document import Document, Line, Row, Table
from auditor.policy.html_text import parse_html
from auditor.policy.literals import record_runs
from auditor.policy.resource_text import is_android_resource, resource_lines
from auditor.policy.text import LETTER_BULLETS, URL_ASCII_CHARS, inner_pipes, without_ruby

MAX_POLICY_BYTES = 50 * 1024 * 1024
MAX_POLICY_CHARS = 8_000_000
"""Characters of text a policy may have: the longest real policies have ~100,000; a 5 MB policy (the size the
reader is timed at, ``bench/bench_policy.py``) has 1.7-5.2 million (CJK-heavy to ASCII). It still bounds
memory and time: the bench's text cut at the bound (7.9 million characters) read in 15 s of CPU with a peak
RSS of 440 MiB, under the default 1 GiB memory cap."""
MAX_HTML_CHARS = 20_000_000
"""Characters of an HTML page, markup included, before its text is taken out."""
MAX_LINE_CHARS = 4_000
"""A longer line is cut into pieces at sentence ends (real paragraphs stay under ~1,500 characters)."""
MAX_CELL_CHARS = 20_000
"""A table with a longer cell (a page laid out in a one-cell table) is read as lines, not as a table."""
_HTML_RE = re.compile(r"<\s*(?:!doctype\s+html|html|body|p|div|table|h[1-6]|ul|ol|br|view)\b", re.IGNORECASE)
_ANY_TAG_RE = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_CODE_SUFFIXES = frozenset({".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".json", ".json5"})
"""Source files: one holding records (an SDK list as data) is read as lines even when its strings hold HTML."""
MAX_SCRIPT_CHARS = 1_000_000
"""A longer script is a bundle of code, not data: its records are not looked for."""
_SCRIPT_START = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)
_TABLE_START = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)
_MD_QUOTE = re.compile(r"^(?:\s{0,3}|(\s{4,}))(?:>\s?)+")
"""A blockquote's markers; deeper than three spaces (a quote inside a list item) the indent stays."""
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_MD_INLINE_TAG = re.compile(r"</?(?:br|b|strong|i|em|u|span|font|sup|sub|small|mark|center)\b[^<>]{0,200}?/?>", re.IGNORECASE)
"""Inline HTML a Markdown line may hold ("…images<br/>", "<b>Sentry</b>"): markup, not words."""
_MD_HTML_LINK = re.compile(r"<a\s[^<>]{0,300}?href\s*=\s*[\"']([^\"'<>]+)[\"'][^<>]{0,300}>([^<>]{1,200})</a>", re.IGNORECASE)
"""An HTML link in a Markdown line: read as the Markdown link it stands for."""
_MD_EMPHASIS = re.compile(r"(?<![A-Za-z0-9_*])[_*]([^_*\s](?:[^_*]*?[^_*\s])?)[_*](?![A-Za-z0-9_*])")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def load_document(path: Path | str) -> Document:
    """Read ``path`` into a :class:`Document`; :class:`PolicyError` for anything unreadable."""
    path = Path(path)
    name = str(path)
    data = read_bytes(path, "policy file", MAX_POLICY_BYTES, PolicyError)
    if not data.strip():
        raise PolicyError(f"{name}: policy file is empty")
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF-"):
        return _from_lines(name, "pdf", "binary", _within(name, pdf_text(name, data), MAX_POLICY_CHARS).splitlines())
    if data.startswith(b"PK\x03\x04"):
        if suffix == ".docx" or b"word/document.xml" in data[:65536] or b"word/" in data:
            return _from_docx(name, data)
        raise PolicyError(f"{name}: a ZIP archive, not a policy (supported: text, HTML, Markdown, PDF, DOCX)")
    text, encoding = decode(name, data)
    text = without_ruby(text)
    if suffix == ".xml" and is_android_resource(text):
        return _from_resource(name, encoding, _within(name, text, MAX_HTML_CHARS))
    tags = len(_HTML_RE.findall(text[:20000]))
    # (a page saved as ".html" holding no markup at all, a converter's text, is read as text)
    html = (suffix in (".html", ".htm", ".xhtml") and (tags or _ANY_TAG_RE.search(text[:20000]) is not None)) \
        or (suffix not in (".md", ".markdown", ".txt") and tags >= 2) or _html_page(text)
    if html and suffix in _CODE_SUFFIXES and record_runs(_within(name, text, MAX_POLICY_CHARS).split("\n")):
        html = False  # records whose strings hold markup ("<p>…</p>"): the data shape, not a page
    if html and suffix in CODE_SUFFIXES and markup_in_strings(text[:MAX_POLICY_CHARS].splitlines()):
        text = markup_text(_within(name, text, MAX_HTML_CHARS).splitlines())  # a page kept in strings ("<p>\\n" +)
    if html and suffix in CODE_SUFFIXES:
        text = _JSX_STRING_RE.sub(_jsx_string, text)  # "{'关于极光推送SDK：'}" between tags: the words it shows
        # a React fragment is a block of its own; an element of an array ("items={[ <>…</>, <>…</> ]}") an item of
        # a list
        text = _ITEM_FRAGMENT_RE.sub(lambda m: "</li>" if m.group(2) else f"{m.group(1) or ''}<li>", text)
        text = _FRAGMENT_RE.sub(lambda m: "</div>" if m.group(1) else "<div>", text)
    if html:
        raw_lines, raw_tables = parse_html(_within(name, text, MAX_HTML_CHARS), name)
        lines = [_line(no, t, mark, indent) for no, t, mark, indent in raw_lines]
        tables = [Table(tuple(Row(tuple(cells), i, i) for i, cells in rows), "html") for rows in raw_tables]
        return _checked(_with_script_records(Document(name, "html", encoding, tuple(lines), tuple(tables)), text))
    fmt = "markdown" if suffix in (".md", ".markdown") else "text"
    text = _within(name, text, MAX_POLICY_CHARS)
    if suffix not in CODE_SUFFIXES and len(_ESCAPED_MARKUP_RE.findall(text[:20000])) >= MIN_ESCAPED_MARKUP:
        # a page's text saved with its markup escaped ("&quot;&lt;uses-permission…"): read unescaped, a manifest's
        # permission element pasted in it read as the permission's name
        text = _USES_PERMISSION_RE.sub(r" \1 ", html_module.unescape(text))
    spans = _html_tables(text)
    if spans:
        return _checked(_with_html_tables(name, fmt, encoding, text, spans, code=suffix in CODE_SUFFIXES))
    raw = _tab_rows(_rejoined_cells(text.splitlines()))
    if suffix not in CODE_SUFFIXES:
        raw = _rejoined_addresses(raw)  # (in code, "//" opens a comment)
    if suffix not in CODE_SUFFIXES and _ESCAPED_NUMBER_RE.search(text):
        raw = [_ESCAPED_NUMBER_RE.sub(r"\1.", t) for t in raw]  # "1\. …": a numbered item a converter escaped
    if suffix in _JSON_SUFFIXES:
        raw = _json_texts(raw)
    indents = [_indent(t) for t in raw]
    marks = [""] * len(raw)
    if fmt == "markdown":
        raw, marks, indents = _markdown(raw)
    if suffix in CODE_SUFFIXES:
        return _from_code(name, encoding, raw, indents)
    return _from_lines(name, fmt, encoding, raw, marks, indents)


_ESCAPED_NUMBER_RE = re.compile(r"^(\s*\d{1,3})\\\.(?=\s)", re.MULTILINE)
"""A numbered item's marker escaped by a Markdown converter ("1\\. 允许…"), so that no list would start there."""
_USES_PERMISSION_RE = re.compile(r"\"?<\"?uses-permission(?:-sdk-\d+)?\s+android:name\s*=\s*\"([\w.]+)\"[^<>\n]{0,80}?/?\"?>\"?")
"""A manifest's permission element pasted into a text (``<uses-permission android:name="android.permission.CAMERA"/>``,
quotes around its brackets too): the permission's name, as text names it."""
_ESCAPED_MARKUP_RE = re.compile(r"&(?:lt|gt|quot|amp);")
MIN_ESCAPED_MARKUP = 6
"""Escaped markup characters in a text (not a page) that make it a page's text saved escaped: read unescaped."""
_FRAGMENT_RE = re.compile(r"<(/?)>")
_ITEM_FRAGMENT_RE = re.compile(r"(?<=[\[,])(\s*)<>|<(/)>(?=\s*[,\]])")
_JSX_STRING_RE = re.compile(r"""\{\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")\s*\}""")
"""A JSX expression that is one string literal (``{'《隐私政策》'}``): text a page of code shows as written."""


def _jsx_string(m: re.Match[str]) -> str:
    """The text of one string expression, for the markup parser (:func:`markup_string`: ``\\n`` breaks the line)."""
    return markup_string(m.group(1) if m.group(1) is not None else m.group(2))


def _from_resource(name: str, encoding: str, text: str) -> Document:
    """An Android layout or values file: the lines of text it shows (:func:`resource_lines`), blank lines
    kept where a value had one."""
    lines = [Line(no, t, "", 0) for no, t in resource_lines(text)]
    while lines and not lines[-1].text:
        lines.pop()
    return _checked(Document(name, "text", encoding, tuple(lines)))


def _from_code(name: str, encoding: str, raw: list[str], indents: list[int], commented: bool = False,
               checked: bool = True) -> Document:
    """A source file: each line as the words it shows (:func:`human_text`), its code kept beside it. Lines
    commented out show nothing, unless nothing else shows any words (a page kept whole in comments, the file
    the user asked to read): then they are read with their comment marks dropped."""
    lines: list[Line] = []
    code: list[str] = []
    bare_before = False  # the line before is text written bare in the code (no quotes, no markup)
    item_open = False
    for i, t in enumerate(raw):
        if not t.strip():
            if lines and lines[-1].text:
                lines.append(Line(i + 1, "", "", 0))  # a blank line in a string's text ends its paragraph
                code.append("")
            bare_before = False
            continue
        if commented and _COMMENTED_RE.match(t):
            t = _COMMENTED_RE.sub(lambda m: m.group(0)[:-2], t, count=1)
        item_open, open_before = _ITEM_OPEN_RE.search(t) is not None, item_open  # "<li>" over the item's text
        if _TAGS_ONLY_RE.match(t) and not _COMMENTED_RE.match(t):
            said = _said(t)  # a component showing text through a prop (<Bullet text="…" />)
            lines.extend(Line(i + 1, p, "", indents[i]) for p in said)
            code.extend(" ".join(t.split()) for _ in said)
            bare_before = False
        elif not _COMMENTED_RE.match(t) and ('"' in t or "'" in t) and blank_strings(t):
            bare_before = False  # '"\n" +': a break in the text the strings write, no text of its own
        elif not _COMMENTED_RE.match(t):  # (code commented out shows nothing)
            shown = human_text(t)
            if shown is not None and "\n" not in shown and "ermission" in t.casefold() \
                    and (key := _PERMISSION_KEY_RE.search(t)) is not None:  # (see _PERMISSION_KEY_RE)
                shown = f"{_CODE_PREFIX_RE.sub('android.permission.', key.group(1))}：{shown}"
            if shown is None and _CALL_ONLY_RE.match(t):
                continue  # ".append(personalInformation1)": a call of names only shows no words of its own
            text = " ".join((shown if shown is not None else _DELIMITER_RE.sub("", t)).split())
            # JSX text: written bare, or beside inline tags and no string ("<strong>Unity</strong> &mdash; collects")
            jsx = (shown is None and _BARE_TEXT_RE.match(text) is not None) or (
                shown is not None and "<" in t and not _QUOTE_RE.search(t))
            if jsx and "&" in text and _ENTITY_RE.search(text):
                text = html_module.unescape(text)  # shown decoded ("&mdash;" as "—")
            bare = jsx
            if bare and bare_before and lines[-1].no == i and _HUMAN_RE.search(text) \
                    and not _LIST_MARK_RE.match(text) and not lines[-1].text.endswith(_ENDS) \
                    and " | " not in text and " | " not in lines[-1].text \
                    and not _LABEL_COLON_RE.search(lines[-1].text) \
                    and not (indents[i] > lines[-1].indent and _LABEL_OPENS_RE.match(text)):
                # an element's text wrapped by a formatter ("Sentry" / "SDK：主要收集…"): one line of text
                lines[-1] = Line(lines[-1].no, f"{lines[-1].text} {text}", "", lines[-1].indent)
                code[-1] = f"{code[-1]} {' '.join(t.split())}"
                continue
            bare_before = bare
            pieces = [" ".join(p.split()) for p in shown.split("\n")] if shown and "\n" in shown else [text]
            pieces = [p for p in pieces if p] or [text]
            inner = string_indent(t) if shown is not None else 0  # ('  - 收集信息：…' under '• 友盟统计')
            mark = "li" if open_before and len(pieces) == 1 else ""  # the text of an open <li>
            lines.extend(Line(i + 1, p, mark, indents[i] + inner) for p in pieces)  # its string's breaks cut the line
            code.extend([" ".join(t.split())] + [""] * (len(pieces) - 1))
    if not commented and not any(line.text for line in lines) and any(_COMMENTED_RE.match(t) for t in raw):
        return _from_code(name, encoding, raw, indents, commented=True, checked=checked)
    doc = Document(name, "text", encoding, tuple(lines), code=tuple(code))
    return _checked(doc) if checked else doc


_PERMISSION_KEY_RE = re.compile(
    r"(?<![\w.])((?:android\.)?Manifest\.permission\.[A-Z][A-Z0-9_]*|android\.permission\.[A-Z][A-Z0-9_]*|"
    r"(?:PermissionsAndroid\.)?PERMISSIONS\.[A-Z][A-Z0-9_]*|Permission\.[a-z][A-Za-z]*)"
    r"\]?\s*(?:,|:|\bto\b|=>|->)\s*[rR]?[\"'`]")
"""A permission written as code, keying the string after it: a map or pair of permissions and their uses
(``Permission.camera: '用于…'`` in Dart, ``Pair(Manifest.permission.CAMERA, "用于…")`` in Kotlin,
``[PermissionsAndroid.PERMISSIONS.CAMERA]: '…'`` in React Native). The string alone does not say which."""
_CODE_PREFIX_RE = re.compile(r"^(?:(?:android\.)?Manifest\.permission\.|(?:PermissionsAndroid\.)?PERMISSIONS\.)")
"""How code writes a constant's ``android.permission.`` (shown as the constant's full name)."""
_COMPONENT_TAG_RE = re.compile(r"<(?:[A-Z][\w.]*|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(\s(?:=>|[^<>])*)>")
"""A component's start tag in a page of code, its props after the name (an arrow function among them,
``onPress={() => …}``, does not close it): a React / React Native component (``<Bullet``) or a custom element
(``<uni-list-item``); not an HTML element, whose ``title`` is a tooltip."""
_TEXT_PROP_RE = re.compile(r"(?<!\S)(?:text|title|label|content|desc|description|note|subtitle|message)\s*=\s*"
                           r"(?:\"([^\"<>{}]+)\"|'([^'<>{}]+)'|\{\s*(?:\"([^\"<>{}]+)\"|'([^'<>{}]+)')\s*\})")
"""A prop whose value a component shows as text (``text="…"``, ``title='…'``, ``label={'…'}``)."""


def _said(line: str) -> list[str]:
    """The texts the components of a line of tags show through their props, when they are words
    (``<Bullet text="…" />``, ``<uni-list-item title='…'>``)."""
    return [" ".join(value.split()) for tag in _COMPONENT_TAG_RE.finditer(line)
            for prop in _TEXT_PROP_RE.finditer(tag.group(1))
            if _HUMAN_RE.search(value := next(g for g in prop.groups() if g))]


_ITEM_OPEN_RE = re.compile(r"<li\b[^<>]*>\s*$")
"""A line of markup ending with an open list item: the text on the next line is that item."""
_CALL_ONLY_RE = re.compile(r"^\s*\.?[A-Za-z_$][\w$.]*\(\s*[A-Za-z_$][\w$.]*(?:\s*,\s*[A-Za-z_$][\w$.]*)*\s*\)\s*[;,]?\s*$")
"""A line of code calling a function with names only (``.append(personalInformation1)``, ``show(dialog);``)."""
_QUOTE_RE = re.compile(r"[\"'`]")
_ENTITY_RE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
"""An HTML entity in JSX text (``&mdash;``, ``&nbsp;``), which the page shows decoded."""


_DELIMITER_RE = re.compile(r"""^\s*[rRfFbB]?(?:'{3}|"{3}|`)|(?:'{3}|"{3}|`)\s*[,;)]*\s*$""")
"""The quotes that open or close a multi-line string on a line of its text ('''• Internet: …)."""
_COMMENTED_RE = re.compile(r"^\s*//")
"""A line commented out (``//   name: '…SDK',``): code the app does not run, text it does not show."""
_TAGS_ONLY_RE = re.compile(r"^\s*(?:</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>\s*)+$")
"""A line of markup tags only (``<Text style={s.p}>``, ``</View>``)."""
_BARE_TEXT_RE = re.compile(r"^[^<>{}()\[\]=;\"'`]+$")
"""A line of code that is text written bare (JSX text between tags, a line inside a multi-line string)."""
_HUMAN_RE = re.compile(r"[\u3400-\u9fff]|[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}")
_LIST_MARK_RE = re.compile(r"^(?:[-*•·●▪◦]|\d{1,2}[.、)）]|[(（]\d{1,2}[)）])")
_ENDS = ("。", ".", "；", ";", "：", ":", "！", "!", "？", "?", "，", ",")
_LABEL_COLON_RE = re.compile(r"[:：]")
"""A line with a colon is a label line or a sentence of its own, never the first half of a wrapped one."""
_LABEL_OPENS_RE = re.compile(r"^[^:：,，。.]{1,20}[:：]")
"""A line indented under the one before that opens with a label ("1. 微信OpenSDK" over "   开发者：…") is a line of
its own, not the second half of a wrapped one ("Sentry" over "SDK：主要收集…", at one indent, is)."""


_MARKDOWN_LINE_RE = re.compile(r"^\s*(?:[|#]|[-*+]\s|>\s|\d{1,3}[.)]\s)")
MIN_PAGE_TAGS = 4


def _html_page(text: str) -> bool:
    """A Markdown or text file that is an HTML page (a page saved as ``.md``, formatted with tags and
    attributes over many lines): it opens and ends with a tag, has many block tags, and next to no Markdown
    lines (a README opening with ``<p align="center">…</p>`` stays Markdown)."""
    head = text[:20000]
    body = text.strip()
    if not body.startswith("<") or not body.endswith(">") or len(_HTML_RE.findall(head)) < MIN_PAGE_TAGS:
        return False
    lines = [t for t in head.splitlines() if t.strip()]
    return sum(1 for t in lines if _MARKDOWN_LINE_RE.match(t)) * 20 < len(lines)


def _with_script_records(doc: Document, text: str) -> Document:
    """``doc`` (a page read as HTML, scripts left out) with the source lines of the records its scripts hold
    (a Vue page's SDK list kept as data in its ``<script>``), in line order."""
    extra: list[Line] = []
    pos = newlines = counted = 0  # newlines before ``counted``, counted as the scripts are found
    while (start := _SCRIPT_START.search(text, pos)) is not None:
        end = _SCRIPT_END.search(text, start.end())
        stop = end.start() if end is not None else len(text)
        raw = text[start.end():stop].split("\n") if stop - start.end() <= MAX_SCRIPT_CHARS else []
        newlines += text.count("\n", counted, start.end())
        counted = start.end()
        base = newlines + 1  # line number of raw[0]
        taken: set[int] = set()
        for run in record_runs(raw):
            if any(len(r.fields) >= 2 for r in run.records):
                taken.update(range(run.first, run.last + 1))
        extra += [Line(base + k, " ".join(raw[k].split()), "", _indent(raw[k])) for k in sorted(taken)
                  if raw[k].strip()]
        if end is None:
            break
        pos = end.end()
    if not extra:
        return doc
    merged = sorted([(line.no, 0, k, line) for k, line in enumerate(doc.lines)]
                    + [(line.no, 1, k, line) for k, line in enumerate(extra)], key=lambda t: t[:3])
    moved = {k: i for i, (_, src, k, _) in enumerate(merged) if src == 0}
    tables = tuple(replace(t, rows=tuple(replace(r, first=moved[r.first], last=moved[r.last]) for r in t.rows))
                   for t in doc.tables)
    return replace(doc, lines=tuple(line for *_, line in merged), tables=tables)


def _html_tables(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each ``<table>...</table>`` in ``text``, found in one pass (a regular expression
    with a lazy ``.*?`` would rescan to the end from every unclosed ``<table``)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (start := _TABLE_START.search(text, pos)) is not None:
        end = _TABLE_END.search(text, start.end())
        if end is None:  # a table left open (an excerpt cut inside it, a page that never closes it): to the end
            spans.append((start.start(), len(text)))
            break
        spans.append((start.start(), end.end()))
        pos = end.end()
    return spans


def _with_html_tables(name: str, fmt: str, encoding: str, text: str, spans: list[tuple[int, int]],
                      code: bool = False) -> Document:
    """Markdown, text or (``code``) a source file with HTML tables inside: the tables read as HTML, the rest
    line by line (a source file's as the words it shows, :func:`_from_code`, its code kept beside them)."""
    lines: list[Line] = []
    sources: list[str] = []
    tables: list[Table] = []
    pos = 0
    newlines = 0  # newlines before ``pos``, counted as ``pos`` moves (not from the start each time)
    for span in [*spans, None]:
        end = span[0] if span else len(text)
        first_no = newlines + 1
        raw = text[pos:end].split("\n")
        indents = [_indent(t) for t in raw]
        marks = [""] * len(raw)
        if fmt == "markdown":
            raw, marks, indents = _markdown(raw)
        if code:
            part = _from_code(name, encoding, raw, indents, checked=False)
            lines += [replace(line, no=line.no + first_no - 1) for line in part.lines]
            sources += part.code
        else:
            lines += [_line(first_no + i, t, marks[i], indents[i]) for i, t in enumerate(raw) if t.strip()]
        if span is None:
            break
        offset = newlines + text.count("\n", pos, span[0])
        raw_lines, raw_tables = parse_html(text[span[0]:span[1]], name)
        base = len(lines)
        lines += [_line(no + offset, t, mark, indent) for no, t, mark, indent in raw_lines]
        sources += [t for _, t, _, _ in raw_lines]
        tables += [Table(tuple(Row(tuple(cells), base + i, base + i) for i, cells in rows), "html")
                   for rows in raw_tables]
        newlines = offset + text.count("\n", span[0], span[1])
        pos = span[1]
    return Document(name, fmt, encoding, tuple(lines), tuple(tables), code=tuple(sources) if code else ())


def _indent(line: str) -> int:
    """Leading blanks of a source line, a tab counting 4."""
    if not line[:1].isspace():
        return 0
    lead = line[:len(line) - len(line.lstrip())]
    return len(lead.replace("\t", "    "))


_SETEXT = re.compile(r"^\s{0,3}(?:=+|-{3,})\s*$")
_MD_BOLD_LINE = re.compile(r"^\s{0,3}\*\*[^*]{1,60}(?<![.。!！?？;；])\*\*\s*$")
"""A line of only bold words, not a sentence ("**Unity**", not "**Used to read photos.**")."""


def _markdown(raw: list[str]) -> tuple[list[str], list[str], list[int]]:
    """Markdown lines without quote, heading and bullet markup (kept as each line's mark: ``h1``..``h6``
    (also for a title underlined with ``===`` / ``---``), ``li``, or ``b`` for a line of only bold words) or
    emphasis, and each line's indent (after the quote markup)."""
    lines: list[str] = []
    marks: list[str] = []
    indents: list[int] = []
    wrapped: int | None = None  # the list item the line before was the wrapped rest of
    for ln in raw:  # each pattern is tried only when its marker character is in the line
        if lines and ln[:1] in "=-" and _SETEXT.match(ln) and lines[-1].strip() and not marks[-1] \
                and (ln[:1] == "=" or not _MARKDOWN_LINE_RE.match(lines[-1])):
            marks[-1] = "h1" if ln[:1] == "=" else "h2"  # "Privacy Policy" over "=====": a heading
            wrapped = None
            lines.append("")
            marks.append("")
            indents.append(0)
            continue
        if ">" in ln:
            ln = _MD_QUOTE.sub(lambda m: m.group(1) or "", ln)
            if "<" in ln:
                ln = _MD_INLINE_TAG.sub(" ", _MD_HTML_LINK.sub(r"[\2](\1)", ln)).rstrip()
        indents.append(_indent(ln))
        mark = ""
        heading = _MD_HEADING.match(ln) if "#" in ln else None
        if heading:
            mark, ln = f"h{len(heading.group(1))}", ln[heading.end():]
        elif ln.lstrip()[:1] in ("-", "*", "+") and _MD_BULLET.match(ln):
            mark, ln = "li", _MD_BULLET.sub("", ln)
        if not mark and "**" in ln and _MD_BOLD_LINE.match(ln):
            mark = "b"  # a line of only bold words ("**Unity**" over its paragraph): see Line.bold
        if (mark == "li" and ln.lstrip().startswith(("**", "__"))) or (not mark and "**" in ln and _MD_NUMBERED_BOLD.match(ln)):
            # "- **Sentry** for crash reports", "1. **相机** 用于拍照": the name, then its use
            ln = _MD_BOLD_HEAD.sub(r"\1 — ", ln, count=1)
        ln = ln.replace("**", "").replace("__", "")
        if "\\" in ln:
            ln = _MD_ESCAPE.sub(r"\1", ln)
        ln = _MD_EMPHASIS.sub(r"\1", ln) if "_" in ln or "*" in ln else ln
        item = wrapped if wrapped is not None else len(lines) - 1 if lines and marks[-1] == "li" else None
        wrapped = None
        if not mark and indents[-1] > 0 and item is not None and _MD_WRAPPED_RE.match(ln) \
                and not lines[item].rstrip().endswith((":", "：")):
            lines[item] = f"{lines[item].rstrip()} {ln.strip()}"  # "- The scene value…, used" / "  only to…"
            ln, wrapped = "", item
        lines.append(ln)
        marks.append(mark)
    return lines, marks, indents


_MD_BOLD_HEAD = re.compile(r"^(\s*(?:\d{1,3}[.)、]\s*)?(?:\*\*|__)[^*_:：]{2,60}?(?:\*\*|__))\s+(?=[a-z\u3400-\u9fff])")
"""A list item opening with bold words followed by lower-case or Chinese words: the bold words are what the item
names."""
_MD_NUMBERED_BOLD = re.compile(r"^\s*\d{1,3}[.)、]\s*\*\*")
"""A numbered item opening with bold words ("1. **相机** 用于…")."""
_MD_WRAPPED_RE = re.compile(r"^\s+[a-z(`]")
"""An indented line opening in lower case or with a code span: the rest of a list item wrapped onto the next line."""


_JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
_TEXT_KEYS = ("text", "content", "paragraph", "sentence")
MAX_JSON_LINE = 1_000_000
"""Characters of one line parsed as JSON (a longer one is kept as written)."""


def _json_texts(raw: list[str]) -> list[str]:
    """A policy kept as JSON paragraphs, a ``{"text": "…"}`` object per line (JSON Lines) or an array of them on
    one line: each paragraph's text as a line of its own (a line that is no such object kept as written)."""
    if not any('"text"' in t or '"content"' in t for t in raw[:50]):
        return raw
    out: list[str] = []
    for t in raw:
        stripped = t.strip().rstrip(",")
        if stripped[:1] not in "[{" or len(stripped) > MAX_JSON_LINE:
            out.append(t)
            continue
        try:
            value = json.loads(stripped)
        except (ValueError, RecursionError):  # (not JSON; nested too deep to be a paragraph)
            out.append(t)
            continue
        items = value if isinstance(value, list) else [value]
        texts = [_paragraph(item) for item in items]
        if texts and all(x is not None for x in texts):
            out.extend(x for x in texts if x is not None)
        else:
            out.append(t)
    return out


def _paragraph(item: object) -> str | None:
    """The text of one JSON paragraph object (its ``text`` / ``content`` string), None for anything else."""
    if not isinstance(item, dict):
        return None
    return next((v for k in _TEXT_KEYS if isinstance(v := item.get(k), str)), None)


_INNER_TABS_RE = re.compile(r"(?<=\S)[ ]*\t[\t ]*(?=\S)")
MIN_TAB_CELLS = 3


def _tab_rows(raw: list[str]) -> list[str]:
    """A table copied as tab-separated cells ("序号", "SDK名称", "授权用户权限", … parted by tabs): lines of at least
    ``MIN_TAB_CELLS`` cells beside a line of as many, their tabs written as pipes (a pipe table's row)."""
    if not any("\t" in t.strip() for t in raw):
        return raw
    counts = [len(_INNER_TABS_RE.findall(t.strip())) + 1 if "\t" in t.strip() else 0 for t in raw]
    out = list(raw)
    for k, n in enumerate(counts):
        if n < MIN_TAB_CELLS:
            continue
        near = [counts[j] for j in (k - 1, k + 1, k - 2, k + 2) if 0 <= j < len(raw)]
        if n in near:
            indent = raw[k][:len(raw[k]) - len(raw[k].lstrip())]
            out[k] = indent + _INNER_TABS_RE.sub(" | ", raw[k].strip())
    return out


MIN_CELL_BARS = 4
"""Lines of a lone "|" a text must hold before its tables are taken for tables with cells broken over lines."""
_SEPARATOR_ROW_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")


def _rejoined_addresses(raw: list[str]) -> list[str]:
    """Addresses a page broke over lines, each line after the first a piece of its path or query and nothing else
    ("https://wiki.connect.qq.com" / "/qq%E4%BA%92%E8%81%94sdk%E9" / "%9A%90%E7%A7%81…"): each joined at the line it
    opens on (the lines it took left blank, so that every line keeps its number). A piece opens with a path's or a
    query's mark ("/", "%", "?", "&", "#", "=": :data:`_ADDRESS_PIECE_RE`), holds no blank, and follows a line that
    ends with an address."""
    out = list(raw)
    last = -1  # the line the address being joined stands on
    for k, line in enumerate(raw):
        text = line.strip()
        if last >= 0 and _ADDRESS_PIECE_RE.fullmatch(text):
            out[last] = out[last].rstrip() + text
            out[k] = ""
            continue
        last = k if text and _ENDS_WITH_ADDRESS_RE.search(text) else -1
    return out


_ADDRESS_PIECE_RE = re.compile(rf"[/%?&#=⟨✓][{URL_ASCII_CHARS}⟨✓]*")
"""The rest of an address on a line of its own (a path, an escaped path, a query's parameters; "⟨", "✓": a query's
"&lang=", "&check=" that a crawler read as entities)."""
_ENDS_WITH_ADDRESS_RE = re.compile(rf"https?://[{URL_ASCII_CHARS}⟨✓]+$")


def _rejoined_cells(raw: list[str]) -> list[str]:
    """A converted page's tables whose cells broke over lines, each cell's lines then a line of a lone "|", a
    row ending at a blank line ("友盟消息推送SDK" / "|" / "IMEI、IMSI…" / "|" / "推送消息" / ""): each row joined
    into one line of cells between pipes, at its first line (its other lines left blank, so every line keeps its
    number). A header is the last cells over the separator row, as many as the separator has columns: what
    stands above them with no blank line between (the last row of the table above, a heading, paragraphs) is
    not part of it; and a row ends at a rule line ("==========")."""
    if sum(1 for t in raw if t.strip() == "|") < MIN_CELL_BARS or not any(_SEPARATOR_ROW_RE.match(t) for t in raw):
        return raw  # (cells one per line with no table's rule under a header are a flattened table's own shape)
    out = list(raw)
    i, n = 0, len(raw)
    while i < n:
        if not raw[i].strip():
            i += 1
            continue
        j = i
        while j < n and raw[j].strip():
            j += 1
        bars = [k for k in range(i, j) if raw[k].strip() == "|"]
        rule = next((t for t in raw[j:] if t.strip()), "")
        columns = inner_pipes(rule) + 1 if _SEPARATOR_ROW_RE.match(rule) else 0
        end = j
        if columns and len(bars) >= columns - 1 and bars[-(columns - 1)] - 1 > i:
            end = bars[-(columns - 1)] - 1  # the header's first cell
            _join_cells(out, raw, end, j)
        if bars and bars[0] < end:
            _join_cells(out, raw, i, _row_end(raw, bars[0], end))
        i = j
    return out


_SETEXT_RULE_RE = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")
"""A line of a rule only ("==========", "---"): under a heading, or between sections; never in a cell."""


def _row_end(raw: list[str], first_bar: int, end: int) -> int:
    """Where a row of broken cells that ends by ``end`` stops: at a rule line ("==========", "----"), which
    no cell holds (what follows it is a heading or a section of text)."""
    last_bar = max(k for k in range(first_bar, end) if raw[k].strip() == "|")
    return next((k for k in range(last_bar + 2, end) if _SETEXT_RULE_RE.match(raw[k])), end)


def _join_cells(out: list[str], raw: list[str], start: int, end: int) -> None:
    """Lines ``start``..``end`` (lone "|" lines between cells) as one line of cells at ``start``."""
    cells: list[str] = []
    cell: list[str] = []
    for t in raw[start:end]:
        if t.strip() == "|":
            cells.append(" ".join(cell))
            cell = []
        else:
            cell.append(t.strip())
    cells.append(" ".join(cell))
    out[start] = " | ".join(cells)
    out[start + 1:end] = [""] * (end - start - 1)


def _within(name: str, text: str, limit: int) -> str:
    """``text`` when it has at most ``limit`` characters (checked before it is split or parsed)."""
    _at_most(name, len(text), limit)
    return text


def _at_most(name: str, length: int, limit: int) -> None:
    if length > limit:
        raise PolicyError(f"{name}: policy text of {length} characters is more than the {limit} character limit")


def decode(name: str, data: bytes) -> tuple[str, str]:
    """Decode policy bytes: ``(text, encoding)``; :class:`PolicyError` for binary or undecodable data."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _checked_text(name, _strict(name, data[len(bom):], enc.replace("-sig", "")), enc), enc
    utf16 = _utf16_guess(data)
    if utf16:
        return _checked_text(name, _strict(name, data, utf16), utf16), utf16
    if b"\x00" in data:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and _plausible(text):
                return text, enc
        raise PolicyError(f"{name}: binary content, not a text policy")
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-8" or _plausible(text):
            return _checked_text(name, text, enc), enc
    try:
        from charset_normalizer import from_bytes
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise PolicyError(f"{name}: cannot detect the text encoding (charset-normalizer missing)") from exc
    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        raise PolicyError(f"{name}: cannot detect the text encoding (binary content?)")
    enc = str(best.encoding)
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError) as exc:
        raise PolicyError(f"{name}: cannot decode as {enc}") from exc
    return _checked_text(name, text, enc), enc


def _strict(name: str, data: bytes, enc: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise PolicyError(f"{name}: invalid {enc} text at byte {exc.start}") from exc


def _utf16_guess(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _plausible(text: str) -> bool:
    """True when decoded text is mostly letters, CJK, digits, spaces and punctuation."""
    if not text:
        return False
    good = 0
    for ch, n in Counter(text[:200_000]).items():  # each distinct character classified once
        cat = unicodedata.category(ch)
        if ch in "\t\n\r\f\v" or cat[0] in "LNPZMS" or cat == "Cf":
            good += n
    return good / min(len(text), 200_000) > 0.97


def _checked_text(name: str, text: str, enc: str) -> str:
    if "\x00" in text or not _plausible(text):
        raise PolicyError(f"{name}: binary content, not a text policy (decoded as {enc})")
    return text


def _from_lines(name: str, fmt: str, encoding: str, raw: list[str], marks: list[str] | None = None,
                indents: list[int] | None = None) -> Document:
    if any(t.count("\\n") >= MIN_ESCAPED_BREAKS for t in raw):
        return _from_escaped(name, fmt, encoding, raw)
    if marks and "b" in marks:
        lines = tuple(_line(i + 1, t, marks[i], indents[i] if indents else 0) for i, t in enumerate(raw) if t.strip())
    else:
        lines = tuple(Line(i + 1, " ".join(t.split()), marks[i] if marks else "", indents[i] if indents else 0)
                      for i, t in enumerate(raw) if t.strip())
    return _checked(Document(name, fmt, encoding, lines))


MIN_ESCAPED_BREAKS = 3
"""Written line breaks (``\\n``, two characters) a line must hold to be text kept in a string of a data file."""
_ESCAPED_BREAK_RE = re.compile(r"(?:\\r)?\\n")
_ESCAPED_BLANK_RE = re.compile(r"\\[tr]")


def _from_escaped(name: str, fmt: str, encoding: str, raw: list[str]) -> Document:
    """A text whose lines hold policy text with its line breaks written as ``\\n`` (a SQL migration, an XML
    string resource, a JSON value read as text): each such line is cut at them, every piece keeping the
    line's number; the line as written is kept as its first piece's code (records are read from it)."""
    lines: list[Line] = []
    code: list[str] = []
    for i, t in enumerate(raw):
        pieces = _ESCAPED_BREAK_RE.split(t) if t.count("\\n") >= MIN_ESCAPED_BREAKS else [t]
        first = True
        for piece in pieces:
            text = " ".join(_ESCAPED_BLANK_RE.sub(" ", piece).replace('\\"', '"').split())
            if text:
                lines.append(Line(i + 1, text, "", _indent(piece)))
                code.append(" ".join(t.split()) if first else "")
                first = False
    return _checked(Document(name, fmt, encoding, tuple(lines), code=tuple(code)))


def _line(no: int, text: str, mark: str, indent: int) -> Line:
    """A text line; Markdown's mark ``b`` (a line of only bold words) becomes :attr:`Line.bold`."""
    if mark == "b":
        return Line(no, " ".join(text.split()), "", indent, bold=True)
    return Line(no, " ".join(text.split()), mark, indent)


def _from_docx(name: str, data: bytes) -> Document:
    raw_lines, raw_rows, raw_tables = docx_content(name, data)
    lines = tuple(Line(i + 1, t) for i, t in enumerate(raw_lines))
    tables = tuple(
        Table(tuple(Row(tuple(raw_rows[r][1]), raw_rows[r][0], raw_rows[r][0]) for r in table), "docx")
        for table in raw_tables
    )
    return _checked(Document(name, "docx", "binary", lines, tables))


def _checked(doc: Document) -> Document:
    """``doc`` within the text bounds (see the module docstring); :class:`PolicyError` when it has no text
    or too much."""
    if not doc.lines:
        raise PolicyError(f"{doc.path}: policy has no text")
    _at_most(doc.path, sum(len(line.text) for line in doc.lines), MAX_POLICY_CHARS)
    if any(line.text[:1] in _BULLET_OPENINGS for line in doc.lines):
        doc = replace(doc, lines=tuple(replace(line, text=_GLYPH_BULLET_RE.sub("• ", line.text, count=1))
                                       if line.text[:1] in _BULLET_OPENINGS else line for line in doc.lines))
    tables = tuple(t for t in doc.tables if all(len(c) <= MAX_CELL_CHARS for r in t.rows for c in r.cells))
    if all(len(line.text) <= MAX_LINE_CHARS for line in doc.lines):
        return doc if len(tables) == len(doc.tables) else replace(doc, tables=tables)
    lines: list[Line] = []
    moved: list[tuple[int, int]] = []  # old index -> (first, last) new index
    code: list[str] = []
    for k, line in enumerate(doc.lines):
        first = len(lines)
        lines.extend(replace(line, text=piece) for piece in _pieces(line.text))
        moved.append((first, len(lines) - 1))
        if doc.code:  # a cut line's code stays with its first piece (the others show no code of their own)
            code.extend([doc.code[k]] + [""] * (len(lines) - first - 1))
    tables = tuple(replace(t, rows=tuple(replace(r, first=moved[r.first][0], last=moved[r.last][1]) for r in t.rows))
                   for t in tables)
    return replace(doc, lines=tuple(lines), tables=tables, code=tuple(code))


_GLYPH_BULLETS = frozenset("✔✓✅☑➢➤►▶◆◇■□★☆❖→" "\uf06c\uf06e\uf076\uf0a7\uf0b7\uf0d8\uf0fc")
"""Glyphs policies open list items with besides the usual bullets ("✔ Firebase Analytics", "➢ 相机权限"), and the
private-use characters a Word document's bullets in the Symbol and Wingdings fonts become when it is saved as HTML or
text (U+F0B7 Symbol's bullet; U+F06C ●, U+F06E ■, U+F0A7 ▪, U+F0D8 ➢, U+F076 ❖, U+F0FC ✓ in Wingdings)."""
_GLYPH_BULLET_RE = re.compile("^(?:[" + "".join(sorted(_GLYPH_BULLETS)) + r"]\ufe0f?\s+(?=\S)"
                              "|[" + LETTER_BULLETS + r"][\s\u00a0]+(?=[\u3400-\u9fff]))")
"""A glyph bullet, or the letter a Wingdings bullet became, before Chinese ("l 丙丁SDK", "Ø 设备型号")."""
_BULLET_OPENINGS = _GLYPH_BULLETS | frozenset(LETTER_BULLETS)
"""First characters of a line that :data:`_GLYPH_BULLET_RE` may rewrite."""
_SENTENCE_END = re.compile(r"[.!?;。！？；](?:\s|$)|[。！？；]")


def _pieces(text: str) -> list[str]:
    """``text`` cut into pieces of at most :data:`MAX_LINE_CHARS`, at the last sentence end (else space)
    inside each window."""
    out: list[str] = []
    while len(text) > MAX_LINE_CHARS:
        window = text[:MAX_LINE_CHARS]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends and ends[-1] > MAX_LINE_CHARS // 2 else window.rfind(" ") + 1
        if cut <= MAX_LINE_CHARS // 2:
            cut = MAX_LINE_CHARS
        out.append(text[:cut].strip())
        text = text[cut:].lstrip()
    out.append(text)
    return [piece for piece in out if piece]
