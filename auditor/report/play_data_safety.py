"""A draft of Google Play's Data safety form in the Play Console CSV import format.

Five columns (question id, response id, response value, answer requirement, label), the question and
response ids of the Console's template (``auditor/data/play_data_safety.yaml``). What the draft knows:
- a data type is collected when an SDK in the build collects it by its vendor's own account, or when the
  SDK's code in this build reads it on a live path (an SDK reads data to send it);
- the collection purposes of the SDK categories that collect it (analytics SDK -> Analytics...).
Everything else (collected or shared, ephemeral, optional, encryption, deletion, the data the app's own
code reads, data types with no Play equivalent) is left blank and listed by :func:`open_questions` for a
human: the CSV says nothing it cannot know.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from auditor.disclose import APP, DisclosureTables
from auditor.inputs import UniqueKeyLoader
from auditor.sanitize import spreadsheet_cell
from auditor.vocab import DATA_TYPES

TRUE = "true"


@dataclass(frozen=True)
class PlayForm:
    """The Console template: header, questions, data types, purposes and our mappings."""

    header: tuple[str, ...]
    general: tuple[dict[str, str], ...]
    data_types: tuple[tuple[str, str, str], ...]
    purposes: tuple[tuple[str, str], ...]
    from_data_types: dict[str, str]
    purpose_of_category: dict[str, tuple[str, ...]]

    @classmethod
    def load(cls) -> PlayForm:
        text = resources.files("auditor").joinpath("data/play_data_safety.yaml").read_text(encoding="utf-8")
        raw: dict[str, Any] = yaml.load(text, Loader=UniqueKeyLoader)
        return cls(tuple(raw["header"]), tuple(raw["general"]), tuple(tuple(t) for t in raw["data_types"]),
                   tuple(tuple(p) for p in raw["purposes"]), dict(raw["from_data_types"]),
                   {k: tuple(v) for k, v in raw["purpose_of_category"].items()})


@dataclass(frozen=True)
class Draft:
    rows: tuple[tuple[str, str, str, str, str], ...]
    open_questions: tuple[str, ...]


def _collected(tables: DisclosureTables, form: PlayForm) -> tuple[dict[str, set[str]], dict[str, list[str]]]:
    """Play type -> purpose ids, and Play type -> names of the SDKs collecting it."""
    categories = {r.sdk_id: r.category_id for r in tables.sdks}
    purposes: dict[str, set[str]] = {}
    who: dict[str, list[str]] = {}
    for row in tables.personal_info:
        play = form.from_data_types.get(row.data_type)
        if row.collector == APP or play is None:
            continue
        purposes.setdefault(play, set()).update(form.purpose_of_category.get(categories.get(row.collector, ""), ()))
        who.setdefault(play, []).append(row.collector_name)
    return purposes, who


def _labels() -> dict[str, str]:
    return {t.id: t.en for t in DATA_TYPES}


def draft(tables: DisclosureTables, form: PlayForm | None = None) -> Draft:
    form = form or PlayForm.load()
    purposes, who = _collected(tables, form)
    rows: list[tuple[str, str, str, str, str]] = []
    todo: list[str] = []
    for q in form.general:
        value = TRUE if q["question"] == "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA" and purposes else ""
        rows.append((q["question"], q.get("response", ""), value, q["requirement"], q["label"]))
        if not value:
            todo.append(f"{q['label']} ({q['question']})")
    names = {rid: label for _q, rid, label in form.data_types}
    for question, rid, label in form.data_types:
        rows.append((question, rid, TRUE if rid in purposes else "", "MULTIPLE_CHOICE", label))
    for _q, rid, label in form.data_types:
        if rid not in purposes:
            continue
        short = label.split(" / ")[-1]
        base = f"PSL_DATA_USAGE_RESPONSES:{rid}"
        rows += [(f"{base}:PSL_DATA_USAGE_COLLECTION_AND_SHARING", r, "", "MULTIPLE_CHOICE",
                  f"Data usage and handling ({short}) / {text}")
                 for r, text in (("PSL_DATA_USAGE_ONLY_COLLECTED", "Collected"),
                                 ("PSL_DATA_USAGE_ONLY_SHARED", "Shared"))]
        rows.append((f"{base}:PSL_DATA_USAGE_EPHEMERAL", "", "", "MAYBE_REQUIRED",
                     f"Data usage and handling ({short}) / Is this data processed ephemerally?"))
        rows += [(f"{base}:DATA_USAGE_USER_CONTROL", r, "", "SINGLE_CHOICE",
                  f"Data usage and handling ({short}) / {text}")
                 for r, text in (("PSL_DATA_USAGE_USER_CONTROL_OPTIONAL", "Users can choose whether it is collected"),
                                 ("PSL_DATA_USAGE_USER_CONTROL_REQUIRED", "Collection is required"))]
        for pid, plabel in form.purposes:
            rows.append((f"{base}:DATA_USAGE_COLLECTION_PURPOSE", pid, TRUE if pid in purposes[rid] else "",
                         "MULTIPLE_CHOICE", f"Data usage and handling ({short}) / Collection purpose / {plabel}"))
        for pid, plabel in form.purposes:
            rows.append((f"{base}:DATA_USAGE_SHARING_PURPOSE", pid, "", "MULTIPLE_CHOICE",
                         f"Data usage and handling ({short}) / Sharing purpose / {plabel}"))
        sdks = ", ".join(sorted(set(who[rid])))
        todo.append(f"{names[rid]} (collected by {sdks}): collected or shared, processed ephemerally, "
                    "optional or required" + ("" if purposes[rid] else ", and why it is collected"))
    labels = _labels()
    unplaced: dict[str, list[str]] = {}
    for row in tables.personal_info:
        play = form.from_data_types.get(row.data_type)
        label = labels.get(row.data_type, row.data_type)
        if row.collector == APP:
            todo.append(f"{label}: read by the app's own code; declare it if it leaves the device"
                        + (f" ({names[play]})" if play else ""))
        elif play is None:
            unplaced.setdefault(label, []).append(row.collector_name)
    for label, sdks_ in unplaced.items():
        todo.append(f"{label} (collected by {', '.join(sorted(set(sdks_)))}): no single Play data type; "
                    "choose one if it leaves the device")
    return Draft(tuple(rows), tuple(dict.fromkeys(todo)))


def open_questions(tables: DisclosureTables) -> tuple[str, ...]:
    """Answers the draft leaves blank, for a human to give in the Console."""
    return draft(tables).open_questions


def render(tables: DisclosureTables) -> str:
    form = PlayForm.load()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(form.header)
    for row in draft(tables, form).rows:
        writer.writerow([spreadsheet_cell(c) for c in row])
    return out.getvalue()
