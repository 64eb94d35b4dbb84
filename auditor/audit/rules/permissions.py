"""Permission rules: what the manifest requests against what the policy and the business scenes justify."""

from __future__ import annotations

from collections.abc import Iterable

from auditor.audit.knowledge import PermissionKnowledge, short_name
from auditor.audit.model import Finding, Location, Severity
from auditor.audit.policy_view import PolicyView
from auditor.audit.rules.interface import AuditContext, Rule, RuleInfo
from auditor.model import PermissionInfo

PERM_UNDISCLOSED = RuleInfo(
    "PERM-UNDISCLOSED", "Sensitive permission the policy never mentions", Severity.HIGH,
    "The build requests a dangerous or special permission (or a normal one that exposes personal data, "
    "such as QUERY_ALL_PACKAGES) that the policy mentions nowhere: not in its permission table, not in an "
    "SDK row, not in its text. Disclose it with the feature that needs it, or remove it from the manifest. "
    "A permission counts as disclosed when the policy names any permission of its family (e.g. 'storage').",
    precision="high", fix="disclose it with the feature that needs it, or remove it",
    basis=(
        "The manifest's uses-permission entries (exact) against every permission and data type the policy"
        " reader found in the policy."
    ),
)
PERM_NO_SCENE = RuleInfo(
    "PERM-NO-SCENE", "Dangerous permission with no business scene", Severity.MEDIUM,
    "No business scene (scenes.yaml or the policy's scene table) justifies this dangerous permission, and "
    "no SDK found in the build asks for it. App stores ask for a scene per permission: add one, or remove "
    "the permission.",
    needs_policy=False,
    precision="high", fix="add a business scene, or remove it",
    basis=(
        "The manifest's uses-permission entries (exact) against the business scenes and the catalog's SDK"
        " permissions."
    ),
)
PERM_SCENE_UNDECLARED = RuleInfo(
    "PERM-SCENE-UNDECLARED", "Scene claims a permission the build does not request", Severity.INFO,
    "A business scene lists a permission that the build's manifest does not request. The scene table is "
    "out of date, or the feature is gone.",
    needs_policy=False,
    precision="very-high", fix="update the scene table", fix_in="policy",
    basis=(
        "The scenes' permissions against the manifest's uses-permission entries (both exact)."
    ),
)


def reviewed(ctx: AuditContext) -> list[PermissionInfo]:
    """Permissions a privacy review looks at: dangerous, special, and the sensitive normal ones."""
    return [p for p in ctx.scan.permissions
            if p.kind in ("dangerous", "special") or p.name in ctx.knowledge.sensitive_normal]


def _manifest_location(p: PermissionInfo) -> Location:
    extra = f" maxSdkVersion={p.max_sdk_version}" if p.max_sdk_version else ""
    return Location("build", "AndroidManifest.xml", f"uses-permission {p.name}{extra}")


def permission_disclosed(name: str, policy: PolicyView, knowledge: PermissionKnowledge) -> bool:
    """The policy names the permission or one of its family, or all the data it exposes."""
    if any(p in policy.permissions for p in knowledge.same_family(name)):
        return True
    exposed = knowledge.exposes([name])
    # e.g. 'we read your installed app list' discloses QUERY_ALL_PACKAGES
    return bool(exposed) and all(d in policy.data_types for d in exposed)


def check_undisclosed(ctx: AuditContext) -> Iterable[Finding]:
    assert ctx.policy is not None
    for p in reviewed(ctx):
        if permission_disclosed(p.name, ctx.policy, ctx.knowledge):
            continue
        yield ctx.finding(PERM_UNDISCLOSED, p.name,
                          f"{short_name(p.name)} ({p.kind}) is requested but the policy does not disclose it",
                          [_manifest_location(p)])


def check_no_scene(ctx: AuditContext) -> Iterable[Finding]:
    if not ctx.scenes:
        return
    justified = {perm for scene in ctx.scenes for perm in scene.permissions}
    sdk_asks = {perm for hit in ctx.scan.sdks for perm in ctx.catalog[hit.sdk_id].permissions or ()}
    for p in ctx.scan.permissions:
        if p.kind != "dangerous":
            continue
        family = set(ctx.knowledge.same_family(p.name))
        if justified & family or p.name in sdk_asks:
            continue
        yield ctx.finding(PERM_NO_SCENE, p.name,
                          f"{short_name(p.name)} is dangerous and no business scene or detected SDK needs it",
                          [_manifest_location(p)])


def check_scene_undeclared(ctx: AuditContext) -> Iterable[Finding]:
    declared = {p.name for p in ctx.scan.permissions}
    seen: set[str] = set()
    for scene in ctx.scenes:
        for perm in scene.permissions:
            if perm in declared or perm in seen:
                continue
            if declared.intersection(ctx.knowledge.same_family(perm)):
                continue  # 'storage' scene on an API-33 build that requests READ_MEDIA_IMAGES instead
            seen.add(perm)
            loc = Location("policy" if scene.line_start else "scenes", scene.source,
                           f"scene '{scene.name.en}'", scene.line_start, scene.line_end)
            yield ctx.finding(PERM_SCENE_UNDECLARED, perm,
                              f"scene '{scene.name.en}' claims {short_name(perm)}, which the build does not request",
                              [loc])


RULES = (
    Rule(PERM_UNDISCLOSED, check_undisclosed),
    Rule(PERM_NO_SCENE, check_no_scene),
    Rule(PERM_SCENE_UNDECLARED, check_scene_undeclared),
)
