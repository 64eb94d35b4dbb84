"""Load and validate ``auditor/data/lexicon.yaml`` into a :class:`~auditor.policy.lexicon.Lexicon`.

Every problem is collected and reported once, naming the file (:class:`ConfigError`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import ConfigError
from auditor.inputs import UniqueKeyLoader
from auditor.policy.lexicon import ROLES, Lexicon, Term, fold
from auditor.vocab import CATEGORY_IDS, DATA_TYPE_IDS

_PERMISSION_RE = re.compile(r"^[A-Za-z][\w]*(?:\.[\w]+)+$")


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
        data = yaml.load(raw, Loader=UniqueKeyLoader)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: lexicon is not valid YAML ({' '.join(str(exc).split())[:160]})") from exc
    return build_lexicon(data, source, known_permissions(), android_labels())


def _aosp_permissions() -> dict[str, Any]:
    raw = resources.files("auditor").joinpath("data", "permissions.json").read_text(encoding="utf-8")
    names = json.loads(raw).get("permissions", {})
    return names if isinstance(names, dict) else {}


def known_permissions() -> frozenset[str]:
    """Full names of every AOSP permission (``auditor/data/permissions.json``), those Android declares outside
    ``android.permission`` too ("com.android.alarm.permission.SET_ALARM")."""
    return frozenset(n for n in _aosp_permissions() if ".permission." in n)


_LABEL_RE = re.compile(r"[A-Za-z][A-Za-z /()&'-]{5,60}[A-Za-z)]")
MAX_LABEL_WORDS = 8


def android_labels() -> dict[str, str]:
    """Folded AOSP label -> permission (``permissions.json``, from AOSP's own strings: "expand/collapse status
    bar", "reorder running apps"), for permissions an app can hold (protection level normal or dangerous at the
    newest level that defines them, not through a companion device); a label shared by two permissions, or
    written as a sentence ("This app can appear on top of other apps."), is left out. Android shows these
    labels to users, and policies copy them into their permission lists."""
    seen: dict[str, list[str]] = {}
    for name, info in _aosp_permissions().items():
        label = str(info.get("label") or "").strip() if isinstance(info, dict) else ""
        history = info.get("history") or [] if isinstance(info, dict) else []
        level = str(history[-1][1]) if history else ""
        if not _LABEL_RE.fullmatch(label) or len(label.split()) > MAX_LABEL_WORDS or label.lower().startswith("this "):
            continue
        if set(level.split("|")) - {"normal", "dangerous", "instant", "ephemeral", "runtime"} \
                or ".REQUEST_COMPANION_" in name:  # (held through a companion device: "run in the background")
            continue
        seen.setdefault(fold(label), []).append(name)
    return {label: names[0] for label, names in seen.items() if len(names) == 1}


def build_lexicon(data: Any, source: str = "lexicon", constants: frozenset[str] = frozenset(),
                  labels: Mapping[str, str] | None = None) -> Lexicon:
    """Validate a parsed lexicon mapping into a :class:`Lexicon`; :class:`ConfigError` on problems. ``labels``
    (:func:`android_labels`) add weak words for their permissions, where the lexicon has no such phrase."""
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
    written = {t.phrase for t in terms}
    terms += [Term(label, (name,), (), True) for label, name in sorted((labels or {}).items()) if label not in written]
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
    names = _mapping(data, "sdk_names", problems)
    prose = _mapping(data, "prose", problems)
    negation = _mapping(data, "negation", problems)
    raw_platforms = _mapping(data, "platforms", problems)
    companies = _mapping(data, "companies", problems)
    raw_dp = _mapping(data, "data_permissions", problems)
    data_permissions: dict[str, tuple[str, ...]] = {}
    for dt, perms in raw_dp.items():
        if dt not in DATA_TYPE_IDS or not isinstance(perms, list) or not all(
                isinstance(x, str) and _PERMISSION_RE.match(x) for x in perms):
            problems.append(f"data_permissions.{dt}: needs a known data type and a list of full permission names")
            continue
        data_permissions[dt] = tuple(perms)
    raw_categories = _mapping(data, "categories", problems)
    categories = {c: _phrases(v, f"categories.{c}", problems) for c, v in raw_categories.items()}
    unknown = sorted(set(categories) - CATEGORY_IDS)
    if unknown:
        problems.append(f"categories: unknown category ids {unknown} (auditor/vocab.py)")
    platforms = {p: _phrases(raw_platforms.get(p), f"platforms.{p}", problems) for p in ("ios", "android")}
    lexicon = Lexicon(
        terms=tuple(terms), cues=_phrases(data.get("cues"), "cues", problems), fields=fields,
        name_suffixes=_phrases(names.get("suffixes"), "sdk_names.suffixes", problems),
        vendor_words=_phrases(names.get("vendor_words"), "sdk_names.vendor_words", problems),
        generic_names=_phrases(names.get("generic"), "sdk_names.generic", problems),
        ordinary_names=_phrases(names.get("ordinary"), "sdk_names.ordinary", problems),
        login_cues=_phrases(prose.get("login_cues"), "prose.login_cues", problems),
        list_markers=_phrases(prose.get("list_markers"), "prose.list_markers", problems),
        negations=_phrases(negation.get("words"), "negation.words", problems),
        conditions=_phrases(negation.get("conditions"), "negation.conditions", problems),
        negation_exceptions=_phrases(negation.get("exceptions"), "negation.exceptions", problems),
        negative_answers=_phrases(negation.get("answers"), "negation.answers", problems),
        not_disclosures=_phrases(data.get("not_disclosures"), "not_disclosures", problems),
        platforms=platforms, constants=constants, data_permissions=data_permissions,
        not_names=_phrases({k: v for k, v in (data.get("not_names") or {}).items() if k != "edges"}, "not_names",
                           problems),
        not_name_edges=_phrases((data.get("not_names") or {}).get("edges"), "not_names.edges", problems),
        parties=_phrases(data.get("parties"), "parties", problems),
        service_kinds=_phrases(data.get("service_kinds"), "service_kinds", problems),
        scene_classes=_phrases(data.get("scene_classes"), "scene_classes", problems),
        developer_cues=_phrases(data.get("developer_cues"), "developer_cues", problems),
        verbs=_phrases(data.get("permission_verbs"), "permission_verbs", problems), category_words=categories,
        company_words=_phrases(companies.get("legal"), "companies.legal", problems)
        + _phrases(companies.get("places"), "companies.places", problems),
    )
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ConfigError(f"{source}: invalid lexicon: {problems[0]}{more}")
    return lexicon


def _mapping(data: dict[str, Any], key: str, problems: list[str]) -> dict[str, Any]:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        problems.append(f"'{key}' must be a mapping")
        return {}
    return value


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
