"""The policy lexicon (``auditor/data/lexicon.yaml``) as a frozen, validated value, and phrase matching.

No global state: :func:`load_lexicon` returns a :class:`Lexicon` that callers pass along.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import ConfigError
from auditor.vocab import DATA_TYPE_IDS

_PERMISSION_RE = re.compile(r"^[A-Za-z][\w]*(?:\.[\w]+)+$")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
ROLES = ("link", "company", "data", "permissions", "scene", "purpose", "description", "name")


@dataclass(frozen=True)
class Term:
    """One lexicon phrase and what it names."""

    phrase: str
    """Folded phrase (see :func:`fold`)."""
    permissions: tuple[str, ...]
    """Full Android permission names."""
    data_types: tuple[str, ...]
    """Data type ids."""
    weak: bool
    """True when the phrase is a disclosure only with a permission cue nearby or inside a permission cell."""


@dataclass(frozen=True)
class Hit:
    """A lexicon match in a text."""

    phrase: str
    """The matched text (folded)."""
    start: int
    """Offset in the folded text."""
    permissions: tuple[str, ...]
    """Permissions the match names (after weak filtering)."""
    data_types: tuple[str, ...]
    """Data types the match names."""


def fold(text: str) -> str:
    """Fold text for matching: NFKC (full-width to ASCII), split run-on words ("authorityRead"),
    case-fold, collapse whitespace."""
    text = _CAMEL_RE.sub(" ", unicodedata.normalize("NFKC", text))
    return " ".join(text.casefold().split())


def _pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    alts = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        body = re.escape(phrase).replace(r"\ ", r"\s*" if not phrase.isascii() else r"\s+")
        left = r"(?<![a-z0-9_])" if phrase[:1].isascii() and phrase[:1].isalnum() else ""
        right = r"(?![a-z0-9_])" if phrase[-1:].isascii() and phrase[-1:].isalnum() else ""
        alts.append(left + body + right)
    return re.compile("|".join(alts) if alts else r"(?!x)x")


@dataclass(frozen=True)
class Lexicon:
    """Validated lexicon."""

    terms: tuple[Term, ...]
    """Every phrase (permissions and data types)."""
    cues: tuple[str, ...]
    """Folded words that make weak permission words count on the same line."""
    fields: Mapping[str, tuple[str, ...]]
    """Role (:data:`ROLES`) -> folded header / key phrases, in precedence order."""
    name_suffixes: tuple[str, ...]
    """Folded suffixes dropped from SDK names when resolving ("sdk", "插件")."""
    vendor_words: tuple[str, ...]
    """Folded vendor words dropped from the front of SDK names when resolving ("腾讯", "google")."""
    login_cues: tuple[str, ...]
    """Folded words that introduce a list of login/sharing platforms in prose."""
    list_markers: tuple[str, ...]
    """Folded words that introduce a list ("such as", "例如")."""
    negations: tuple[str, ...] = ()
    """Folded words that negate a prose sentence ("never", "不会")."""
    conditions: tuple[str, ...] = ()
    """Folded words that make a following negation conditional ("if", "如果")."""
    negation_exceptions: tuple[str, ...] = ()
    """Folded phrases removed before looking for negations ("not limited to")."""
    _by_phrase: Mapping[str, tuple[Term, ...]] = field(default_factory=dict, compare=False, repr=False)
    _regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _cue_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _neg_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _cond_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _exc_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        by_phrase: dict[str, list[Term]] = {}
        for term in self.terms:
            by_phrase.setdefault(term.phrase, []).append(term)
        object.__setattr__(self, "_by_phrase", {k: tuple(v) for k, v in by_phrase.items()})
        object.__setattr__(self, "_regex", _pattern(by_phrase))
        object.__setattr__(self, "_cue_regex", _pattern(self.cues))
        object.__setattr__(self, "_neg_regex", _pattern(self.negations))
        object.__setattr__(self, "_cond_regex", _pattern(self.conditions))
        object.__setattr__(self, "_exc_regex", _pattern(self.negation_exceptions))

    def negated(self, folded: str, pos: int) -> bool:
        """True when the sentence of ``folded`` up to ``pos`` negates what follows (unconditionally)."""
        assert self._neg_regex and self._cond_regex and self._exc_regex
        start = max((folded.rfind(ch, 0, pos) for ch in ".。;；!?！？"), default=-1) + 1
        head = self._exc_regex.sub(" ", folded[start:pos])
        neg = self._neg_regex.search(head)
        if not neg:
            return False
        cond = self._cond_regex.search(head)
        return not (cond and cond.start() < neg.start())

    def has_cue(self, folded: str) -> bool:
        """True when folded text contains a permission cue."""
        assert self._cue_regex is not None
        return bool(self._cue_regex.search(folded))

    def find(self, text: str, weak: bool | None = None, prose: bool = False) -> list[Hit]:
        """Non-overlapping matches in ``text``, longest first at each position.

        ``weak``: True accepts weak permission words, False never, None only when the text has a cue.
        ``prose``: drop matches in negated sentences.
        """
        folded = fold(text)
        assert self._regex is not None
        allow_weak = self.has_cue(folded) if weak is None else weak
        hits = []
        for m in self._regex.finditer(folded):
            key = " ".join(m.group(0).split())
            terms = self._by_phrase.get(key) or self._by_phrase.get(_despace(key), ())
            perms: list[str] = []
            data: list[str] = []
            for term in terms:
                if term.weak and not allow_weak:
                    continue
                perms.extend(p for p in term.permissions if p not in perms)
                if not term.weak or weak is True:  # weak words name data only inside a table cell
                    data.extend(d for d in term.data_types if d not in data)
            if (perms or data) and not (prose and self.negated(folded, m.start())):
                hits.append(Hit(key, m.start(), tuple(perms), tuple(data)))
        return hits

    def permissions_in(self, text: str, weak: bool | None = None, prose: bool = False) -> list[tuple[str, str]]:
        """``(permission, phrase)`` pairs in order of appearance, each permission once."""
        seen: dict[str, str] = {}
        for hit in self.find(text, weak, prose):
            for perm in hit.permissions:
                seen.setdefault(perm, hit.phrase)
        return list(seen.items())

    def data_types_in(self, text: str, cell: bool = False, prose: bool = False) -> list[tuple[str, str]]:
        """``(data type, phrase)`` pairs in order of appearance, each data type once; ``cell``: the text is
        a table cell listing permissions or data, where weak permission words count too."""
        seen: dict[str, str] = {}
        for hit in self.find(text, weak=True if cell else None, prose=prose):
            for dt in hit.data_types:
                seen.setdefault(dt, hit.phrase)
        return list(seen.items())

    def role(self, header: str) -> str | None:
        """The role of a column header or block key, or None."""
        folded = fold(header).strip(" :：*#")
        if not folded or len(folded) > 48:
            return None
        for role in ROLES:
            for phrase in self.fields.get(role, ()):
                if folded == phrase:
                    return role
        for role in ROLES:
            for phrase in self.fields.get(role, ()):
                if len(phrase) >= 2 and _contains(folded, phrase):
                    return role
        return None


def _despace(text: str) -> str:
    return text.replace(" ", "") if not text.isascii() else text


def _contains(text: str, phrase: str) -> bool:
    if phrase.isascii():
        return re.search(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])", text) is not None
    return phrase in text


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """Load and validate the lexicon (default: the bundled ``auditor/data/lexicon.yaml``).

    Raises :class:`ConfigError` naming the file and every problem found.
    """
    if path is None:
        source = "auditor/data/lexicon.yaml"
        raw = resources.files("auditor").joinpath("data", "lexicon.yaml").read_bytes()
    else:
        source = str(path)
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise ConfigError(f"{source}: cannot read lexicon ({exc.strerror or exc})") from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: lexicon is not valid YAML ({' '.join(str(exc).split())[:160]})") from exc
    return build_lexicon(data, source)


def build_lexicon(data: Any, source: str = "lexicon") -> Lexicon:
    """Validate a parsed lexicon mapping into a :class:`Lexicon`; :class:`ConfigError` on problems."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: lexicon top level must be a mapping")
    terms: list[Term] = []
    for section, kind in (("permissions", "permission"), ("data_types", "data")):
        entries = data.get(section) or []
        if not isinstance(entries, list):
            problems.append(f"'{section}' must be a list")
            continue
        for i, entry in enumerate(entries):
            terms.extend(_entry_terms(entry, f"{section}[{i}]", kind, problems))
    cues = _phrases(data.get("cues"), "cues", problems)
    fields: dict[str, tuple[str, ...]] = {}
    raw_fields = data.get("fields") or {}
    if not isinstance(raw_fields, dict):
        problems.append("'fields' must be a mapping")
        raw_fields = {}
    for role, value in raw_fields.items():
        if role not in ROLES:
            problems.append(f"fields: unknown role '{role}' (known: {', '.join(ROLES)})")
            continue
        fields[role] = _phrases(value, f"fields.{role}", problems)
    names = data.get("sdk_names") or {}
    prose = data.get("prose") or {}
    negation = data.get("negation") or {}
    lexicon = Lexicon(
        terms=tuple(terms), cues=cues, fields=fields,
        name_suffixes=_phrases(names.get("suffixes"), "sdk_names.suffixes", problems),
        vendor_words=_phrases(names.get("vendor_words"), "sdk_names.vendor_words", problems),
        login_cues=_phrases(prose.get("login_cues"), "prose.login_cues", problems),
        list_markers=_phrases(prose.get("list_markers"), "prose.list_markers", problems),
        negations=_phrases(negation.get("words"), "negation.words", problems),
        conditions=_phrases(negation.get("conditions"), "negation.conditions", problems),
        negation_exceptions=_phrases(negation.get("exceptions"), "negation.exceptions", problems),
    )
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ConfigError(f"{source}: invalid lexicon: {problems[0]}{more}")
    return lexicon


def _entry_terms(entry: Any, where: str, kind: str, problems: list[str]) -> list[Term]:
    if not isinstance(entry, dict):
        problems.append(f"{where}: must be a mapping")
        return []
    perms = entry.get("permissions") or []
    data = entry.get("data_types") or []
    if not isinstance(perms, list) or not isinstance(data, list):
        problems.append(f"{where}: 'permissions' and 'data_types' must be lists")
        return []
    for perm in perms:
        if not isinstance(perm, str) or not _PERMISSION_RE.match(perm):
            problems.append(f"{where}: '{perm}' is not a full Android permission name")
    for dt in data:
        if dt not in DATA_TYPE_IDS:
            problems.append(f"{where}: data type '{dt}' is not in the vocabulary (auditor/vocab.py)")
    if kind == "permission" and not perms:
        problems.append(f"{where}: needs 'permissions'")
    if kind == "data" and not data:
        problems.append(f"{where}: needs 'data_types'")
    unknown = set(entry) - {"permissions", "data_types", "phrases", "words"}
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")
    out = []
    for key, weak in (("phrases", False), ("words", True)):
        for phrase in _phrases(entry.get(key), f"{where}.{key}", problems):
            out.append(Term(phrase, tuple(perms), tuple(data) if not weak or kind == "permission" else (), weak))
    if not out:
        problems.append(f"{where}: needs 'phrases'")
    return out


def _phrases(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    """A list, or a mapping of language -> list, of non-empty strings, folded."""
    if value is None:
        return ()
    items: list[Any] = []
    if isinstance(value, dict):
        for lang, sub in value.items():
            if lang not in ("en", "zh") or not isinstance(sub, list):
                problems.append(f"{where}: languages must be 'en'/'zh' with lists")
                continue
            items.extend(sub)
    elif isinstance(value, list):
        items = value
    else:
        problems.append(f"{where}: must be a list or a mapping of language to list")
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            problems.append(f"{where}: phrases must be non-empty strings")
            continue
        folded = fold(item)
        if folded not in out:
            out.append(folded)
    return tuple(out)
