"""Entry points of an app, from its manifest: what the framework calls, and what it calls at start-up.

Start-up (runs when the process starts, before any activity can show a consent dialog):
- the ``Application`` class: constructors, ``<clinit>``, ``attachBaseContext``, ``onCreate``;
- every manifest ``ContentProvider`` (providers are created before ``Application.onCreate``: the SDK
  auto-init trick): constructors, ``<clinit>``, ``attachInfo``, ``onCreate``;
- ``androidx.startup`` initializers, the ``<meta-data>`` names under
  ``androidx.startup.InitializationProvider``: constructors, ``create``, ``dependencies``.

Reachable (the framework may call them at some point): every virtual method, constructor and
``<clinit>`` of every manifest component (activities, aliases' targets, services, receivers, providers)
and of the ``Application`` class, including methods inherited from their superclasses in the build.
Lifecycle and callback names are not enumerated: any overridable method of a component counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.code.program import Program
from auditor.model import Manifest

STARTUP_PROVIDER = "androidx.startup.InitializationProvider"
_CTOR = "<init>"
_CLINIT = "<clinit>"
_APP_STARTUP = frozenset({_CTOR, _CLINIT, "attachBaseContext", "onCreate"})
_PROVIDER_STARTUP = frozenset({_CTOR, _CLINIT, "attachInfo", "onCreate"})
_INITIALIZER = frozenset({_CTOR, "create", "dependencies"})


@dataclass(frozen=True)
class EntryPoints:
    """Node ids of entry methods (sorted, de-duplicated)."""

    startup: tuple[int, ...]
    reachable: tuple[int, ...]
    """Every entry point, start-up ones included."""


def class_entries(program: Program, name: str, names: frozenset[str] | None) -> list[int]:
    """Nodes ``name.m`` for the methods ``name`` defines or inherits from build superclasses: those named
    in ``names``, or (``names`` None) every virtual method plus the class's own constructors and
    ``<clinit>``. Constructors and ``<clinit>`` are never inherited."""
    lineage = program.superclass_chain(name)
    out: list[int] = []
    keys, dispatchable = program.keys, program.methods.dispatchable
    for depth, info in enumerate(lineage):
        for node in info.method_nodes():
            _cls, method, proto = keys[node]
            own_only = method in (_CTOR, _CLINIT)
            if own_only and depth:
                continue
            if names is None:
                wanted = own_only or dispatchable[node]
            else:
                wanted = method in names
            if wanted:
                out.append(program.node((name, method, proto)))
    return out


def find_entry_points(program: Program, manifest: Manifest) -> EntryPoints:
    startup: set[int] = set()
    reachable: set[int] = set()
    app = manifest.application_class
    if app:
        startup.update(class_entries(program, app, _APP_STARTUP))
        reachable.update(class_entries(program, app, None))
    for comp in manifest.components:
        reachable.update(class_entries(program, comp.name, None))
        if comp.kind == "provider":
            startup.update(class_entries(program, comp.name, _PROVIDER_STARTUP))
    for meta in manifest.meta_data:
        if meta.parent == STARTUP_PROVIDER:
            startup.update(class_entries(program, meta.name, _INITIALIZER))
    reachable |= startup
    return EntryPoints(tuple(sorted(startup)), tuple(sorted(reachable)))


_UI_BASES = frozenset({"android.app.Activity", "android.app.Dialog", "android.app.Fragment",
                       "androidx.fragment.app.Fragment", "android.support.v4.app.Fragment",
                       "android.view.View", "android.webkit.WebView"})
_UI_PACKAGES = ("android.view.", "android.widget.", "android.webkit.")


def ui_classes(program: Program) -> frozenset[str]:
    """Build classes that are activities, fragments, dialogs or views (by superclass chain): their code
    runs once something is on screen, so the start-up search does not enter them."""
    memo: dict[str, bool] = {}  # class -> on screen; every class is walked once (chains share their tails)
    for name in program.classes:
        path: dict[str, None] = {}
        probe: str | None = name
        result = False
        while probe is not None and probe not in memo and probe not in path:  # a cycle ends the walk
            path[probe] = None
            if probe in _UI_BASES or (probe not in program.classes and (
                    probe.startswith(_UI_PACKAGES) or probe.startswith("android.") and probe.endswith("Activity"))):
                result = True
                break
            info = program.classes.get(probe)
            probe = info.superclass if info is not None else None
        if probe is not None and probe in memo:
            result = memo[probe]
        for seen in path:
            memo[seen] = result
    return frozenset(name for name in program.classes if memo[name])
