"""Consent gates inside one method: a branch on a stored agreement, and the calls it guards.

A *consent value* is, within one method (a linear pass over its instructions, moves followed):
- the result of a call that takes a *consent key*: a const-string whose text names an agreement
  (``SharedPreferences.getBoolean("privacy_agreed", false)``, ``MMKV.decodeBool("agree_policy")``, a DataStore
  key made from such a string, a helper ``Sp.getBool(ctx, "user_agreement")``), and anything computed
  from such a result (``Boolean.booleanValue()``);
- the result of a call to a boolean method whose name names an agreement (``isPrivacyAgreed()``,
  ``hasUserConsent()``), or that returns a consent value itself (``Store.isAccepted()`` returning
  ``getBoolean("user_agreement_accepted")``: one level of method summaries);
- a read of a field whose name names an agreement (``sAgreed``, ``privacyAccepted``), or of a boolean field
  that a method named for an agreement sets (``onAgreeClick`` writes ``App.ok = true``).

A *consent branch* is ``if-eqz``/``if-nez`` on a consent value; its *agreed edge* is the one taken when the
value is true (false for names that say the opposite: ``disagree``, ``refused``...). A call in the method is
*gated* when it cannot be reached from the method's first instruction once the agreed edges are removed
(try/catch handlers count as edges). A gate the analysis cannot see (a check in a callback, a value passed
through a field of another name, a flag in native code) leaves the call ungated: conservative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.code.decode import NO_REG, MethodBody

CONSENT_WORDS = re.compile(
    r"privacy|consent|agree|gdpr|ccpa|eula|隐私|同意|协议|"
    r"accept(ed)?_?(policy|terms|protocol|privacy|license|agreement)|(policy|terms|protocol)_?accept", re.IGNORECASE)
"""Names (preference keys, methods, fields) that name a user agreement."""
NEGATIVE_WORDS = re.compile(r"disagree|dis_agree|reject|refuse|denied|deny|declin|not_?agree|unagree|revoke",
                            re.IGNORECASE)
"""An agreement name that means the opposite (true = the user said no)."""

_IF_EQZ, _IF_NEZ = 0x38, 0x39
_MOVE_RESULT = (0x0A, 0x0B, 0x0C)
_MOVES = frozenset({0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09})
_INVOKES = frozenset(range(0x6E, 0x73)) | frozenset(range(0x74, 0x79)) | {0xFA, 0xFB}
_FIELD_READS = frozenset(range(0x52, 0x59)) | frozenset(range(0x60, 0x67))
_BOOLEAN_WRITES = frozenset({0x5C, 0x6A})  # iput-boolean, sput-boolean


def names_agreement(text: str) -> bool:
    return bool(CONSENT_WORDS.search(text))


def _negative(text: str) -> bool:
    return bool(NEGATIVE_WORDS.search(text))


@dataclass(frozen=True)
class Branch:
    """A consent branch: instruction index, the index its agreed edge leads to, what it tests."""

    at: int
    agreed: int
    check: str


@dataclass(frozen=True)
class Names:
    """How the gate finder names what an instruction refers to (one DEX file's tables)."""

    string: object
    """``idx -> str``: a string constant."""
    method: object
    """``idx -> (class, name, proto)``."""
    field: object
    """``idx -> (class, name)``."""
    consent_fields: frozenset[tuple[str, str]] = frozenset()
    """Boolean fields (class, name) set by a method whose name names an agreement."""
    predicate: object = None
    """``idx -> str | None``: what a called boolean method returns when it returns a consent value (one
    level of summaries: ``Store.isAccepted()`` reading ``getBoolean("user_agreement_accepted")``)."""


def _short(cls: str) -> str:
    return cls.rsplit(".", 1)[-1]


def consent_branches(body: MethodBody, names: Names) -> list[Branch]:
    """The consent branches of a method, in instruction order."""
    return _scan(body, names)[0]


def returned_consent(body: MethodBody, names: Names) -> str | None:
    """What a method returns when it returns a consent value (None otherwise)."""
    return _scan(body, names)[1]


def _scan(body: MethodBody, names: Names) -> tuple[list[Branch], str | None]:
    tag: dict[int, tuple[str, str, bool]] = {}  # register -> (kind "key"|"value", description, negative)
    pending: tuple[str, str, bool] | None = None
    out: list[Branch] = []
    returned: str | None = None
    at = body.index_of()
    for i, insn in enumerate(body.insns):
        op = insn.op
        result, pending = pending, None
        if op == 0x1A or op == 0x1B:
            text = names.string(insn.idx)  # type: ignore[operator]
            if names_agreement(text):
                tag[insn.dst] = ("key", f'"{text[:60]}"', _negative(text))
                continue
        elif op in _INVOKES:
            cls, name, proto = names.method(insn.idx)  # type: ignore[operator]
            marked = [tag[r] for r in insn.args if r in tag]
            if marked:
                key = next((m for m in marked if m[0] == "key"), marked[0])
                call = f"{_short(cls)}.{name}({key[1]})" if key[0] == "key" else key[1]
                pending = ("value", call, key[2])
            elif proto.endswith(")Z") and names_agreement(name):
                pending = ("value", f"{_short(cls)}.{name}()", _negative(name))
            elif proto.endswith(")Z") and names.predicate is not None:
                inner = names.predicate(insn.idx)  # type: ignore[operator]
                if inner:
                    pending = ("value", f"{_short(cls)}.{name}() ({inner})", _negative(inner))
        elif op == 0x0F and insn.args and tag.get(insn.args[0], ("",))[0] == "value":
            returned = tag[insn.args[0]][1]
        elif op in _MOVE_RESULT and result is not None:
            tag[insn.dst] = result
            continue
        elif op in _MOVES and insn.args and insn.args[0] in tag:
            tag[insn.dst] = tag[insn.args[0]]
            continue
        elif op in _FIELD_READS:
            cls, fname = names.field(insn.idx)  # type: ignore[operator]
            if names_agreement(fname) or (cls, fname) in names.consent_fields:
                tag[insn.dst] = ("value", f"{_short(cls)}.{fname}", _negative(fname))
                continue
        elif op in (_IF_EQZ, _IF_NEZ) and insn.args and insn.args[0] in tag:
            kind, check, negative = tag[insn.args[0]]
            target = at.get(insn.targets[0]) if insn.targets else None
            if kind == "value" and target is not None and i + 1 < len(body.insns):
                jump_when_true = (op == _IF_NEZ) != negative
                out.append(Branch(i, target if jump_when_true else i + 1, check))
        if insn.dst != NO_REG:
            tag.pop(insn.dst, None)
            if op in (0x04, 0x05, 0x06, 0x0B, 0x16, 0x17, 0x18, 0x19):  # wide: the pair's second register too
                tag.pop(insn.dst + 1, None)
    return out, returned


def consent_setters(body: MethodBody, field_of: object) -> set[tuple[str, str]]:
    """Boolean fields a method writes (the caller decides whether the method names an agreement)."""
    return {field_of(insn.idx) for insn in body.insns if insn.op in _BOOLEAN_WRITES}  # type: ignore[operator,misc]


def _reachable(succ: list[list[int]], removed: set[tuple[int, int]]) -> set[int]:
    seen = {0}
    stack = [0]
    while stack:
        i = stack.pop()
        for j in succ[i]:
            if j not in seen and (i, j) not in removed:
                seen.add(j)
                stack.append(j)
    return seen


def gate_of(body: MethodBody, branches: list[Branch], positions: list[int]) -> str | None:
    """The consent check(s) guarding every instruction at ``positions`` (code-unit offsets), or None."""
    if not branches or not positions or not body.insns:
        return None
    succ = body.successors()
    at = body.index_of()
    wanted = [at[p] for p in positions if p in at]
    if not wanted:
        return None
    removed = {(b.at, b.agreed) for b in branches}
    if any(i in _reachable(succ, removed) for i in wanted):
        return None
    for branch in branches:  # name the single check that suffices, when there is one
        alone = _reachable(succ, {(branch.at, branch.agreed)})
        if not any(i in alone for i in wanted):
            return branch.check
    return " and ".join(dict.fromkeys(b.check for b in branches))


__all__ = ["CONSENT_WORDS", "Branch", "Names", "consent_branches", "consent_setters", "gate_of",
           "names_agreement", "returned_consent"]
