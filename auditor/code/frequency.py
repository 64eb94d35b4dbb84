"""How often code runs: methods the platform or the app runs again and again, with the period when the code
states it as a constant.

*Repeating methods* (roots):
- the task of a fixed-rate or fixed-delay schedule: ``Timer.schedule(task, delay, period)``,
  ``Timer.scheduleAtFixedRate``, ``ScheduledExecutorService.scheduleAtFixedRate/WithFixedDelay`` (the
  ``run``/``call`` of the class instantiated for the task argument);
- the target of a repeating alarm, ``AlarmManager.setRepeating/setInexactRepeating`` (the receiver or
  service class named by ``const-class`` in the same method: ``new Intent(ctx, X.class)``);
- the worker of a periodic WorkManager job, ``new PeriodicWorkRequest.Builder(X.class, period, unit)``;
- a ``Runnable.run`` that posts itself again (``handler.postDelayed(this, d)``), a ``handleMessage`` that
  sends itself a delayed message (``sendEmptyMessageDelayed``).
Code within :data:`REPEAT_DEPTH` calls of a root runs as often as the root.

*Sleeping loops*: a call inside a loop (a cycle of the method's control flow) that also sleeps or waits
(``Thread.sleep``, ``SystemClock.sleep``, ``Object.wait(ms)``, ``TimeUnit.sleep``, Kotlin ``delay``) repeats
with the sleep as its period. A plain loop (over a list of providers, of SIM slots) is not counted: it is a
burst, not a schedule.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.code.decode import NO_REG, Insn, MethodBody

REPEAT_DEPTH = 3
"""Calls from a repeating method whose code is counted as repeating with it."""

_TIME_UNIT = "java.util.concurrent.TimeUnit"
_UNIT_MS = {"NANOSECONDS": 1e-6, "MICROSECONDS": 1e-3, "MILLISECONDS": 1.0, "SECONDS": 1000.0,
            "MINUTES": 60_000.0, "HOURS": 3_600_000.0, "DAYS": 86_400_000.0}


@dataclass(frozen=True)
class Scheduler:
    """A platform API that runs a task repeatedly: which parameters hold the task, period and unit."""

    classes: frozenset[str]
    name: str
    task: int
    """Parameter index of the task (a Runnable/TimerTask object, a ``Class``, or a PendingIntent)."""
    period: int
    unit: int = -1
    """Parameter index of a ``TimeUnit`` (-1: the period is in milliseconds)."""
    params: int = 0
    """Only the overloads with this many parameters (0: any)."""
    kind: str = "schedule"
    """``schedule`` (task object), ``class`` (task named by a Class argument), ``intent`` (a PendingIntent:
    the target class is a const-class of the same method), ``self-post`` (repeats only when the task is the
    calling Runnable itself), ``self-message`` (repeats only from a Handler's handleMessage)."""


_EXECUTORS = frozenset({"java.util.concurrent.ScheduledExecutorService",
                        "java.util.concurrent.ScheduledThreadPoolExecutor"})
_HANDLERS = frozenset({"android.os.Handler"})
SCHEDULERS: tuple[Scheduler, ...] = (
    Scheduler(frozenset({"java.util.Timer"}), "scheduleAtFixedRate", 0, 2),
    Scheduler(frozenset({"java.util.Timer"}), "schedule", 0, 2, params=3),
    Scheduler(_EXECUTORS, "scheduleAtFixedRate", 0, 2, unit=3),
    Scheduler(_EXECUTORS, "scheduleWithFixedDelay", 0, 2, unit=3),
    Scheduler(frozenset({"android.app.AlarmManager"}), "setRepeating", 3, 2, kind="intent"),
    Scheduler(frozenset({"android.app.AlarmManager"}), "setInexactRepeating", 3, 2, kind="intent"),
    Scheduler(frozenset({"androidx.work.PeriodicWorkRequest$Builder"}), "<init>", 0, 1, unit=2, kind="class"),
    Scheduler(_HANDLERS | {"android.view.View"}, "postDelayed", 0, 1, kind="self-post"),
    Scheduler(_HANDLERS, "sendEmptyMessageDelayed", 0, 1, kind="self-message"),
    Scheduler(_HANDLERS, "sendMessageDelayed", 0, 1, kind="self-message"),
)
SLEEPS: dict[tuple[str, str], int] = {
    ("java.lang.Thread", "sleep"): 0, ("android.os.SystemClock", "sleep"): 0, ("java.lang.Object", "wait"): 0,
    (_TIME_UNIT, "sleep"): 0, ("kotlinx.coroutines.DelayKt", "delay"): 0,
}
"""Sleeping calls -> parameter index of the duration."""

_INVOKE_STATIC = frozenset({0x71, 0x77})
_CONSTS = frozenset({0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19})


def param_registers(insn: Insn, proto: str) -> list[int]:
    """First register of each declared parameter of an invoke (the receiver, if any, left out)."""
    params: list[int] = []
    shorty = proto[1:proto.index(")")]
    i = 0
    while i < len(shorty):
        ch = shorty[i]
        params.append(2 if ch in "JD" else 1)
        while shorty[i] == "[":
            i += 1
        i = shorty.index(";", i) + 1 if shorty[i] == "L" else i + 1
    regs = list(insn.args)
    if insn.op not in _INVOKE_STATIC:
        regs = regs[1:]
    out: list[int] = []
    k = 0
    for width in params:
        out.append(regs[k] if k < len(regs) else NO_REG)
        k += width
    return out


@dataclass
class Values:
    """What registers hold just before each instruction, from a linear pass (constants, classes, units)."""

    literal: dict[int, int]
    type_name: dict[int, str]
    unit_ms: dict[int, float]


def values_before(body: MethodBody, index: int, names_type: object, names_field: object) -> Values:
    """Register contents before instruction ``index`` (a linear pass: good for straight-line set-up code)."""
    vals = Values({}, {}, {})
    for insn in body.insns[:index]:
        if insn.dst == NO_REG:
            continue
        for table in (vals.literal, vals.type_name, vals.unit_ms):
            table.pop(insn.dst, None)
        if insn.op in _CONSTS and insn.lit is not None:
            vals.literal[insn.dst] = insn.lit
        elif insn.op in (0x1C, 0x22):
            vals.type_name[insn.dst] = names_type(insn.idx)  # type: ignore[operator]
        elif insn.op == 0x62:
            cls, fname = names_field(insn.idx)  # type: ignore[operator]
            if cls == _TIME_UNIT and fname in _UNIT_MS:
                vals.unit_ms[insn.dst] = _UNIT_MS[fname]
        elif insn.op in (0x07, 0x08, 0x09) and insn.args:
            src = insn.args[0]
            for table in (vals.literal, vals.type_name, vals.unit_ms):  # type: ignore[assignment]
                if src in table:
                    table[insn.dst] = table[src]  # type: ignore[index,assignment]
    return vals


def period_ms(vals: Values, regs: list[int], period: int, unit: int) -> int | None:
    if period >= len(regs) or regs[period] not in vals.literal:
        return None
    scale = 1.0
    if unit >= 0:
        if unit >= len(regs) or regs[unit] not in vals.unit_ms:
            return None
        scale = vals.unit_ms[regs[unit]]
    return max(0, round(vals.literal[regs[period]] * scale))


def in_sleeping_loop(body: MethodBody, position: int, sleeps: list[tuple[int, int | None]]) -> tuple[bool, int | None]:
    """Whether the instruction at code-unit ``position`` lies in a loop that also holds one of ``sleeps``
    (``(position, period or None)``), and the shortest such period."""
    at = body.index_of()
    if position not in at or not sleeps:
        return False, None
    succ = body.successors()
    start = at[position]
    forward: set[int] = set()
    stack = list(succ[start])
    while stack:
        i = stack.pop()
        if i not in forward:
            forward.add(i)
            stack.extend(succ[i])
    if start not in forward:
        return False, None
    preds: list[list[int]] = [[] for _ in succ]
    for i, nxt in enumerate(succ):
        for j in nxt:
            preds[j].append(i)
    backward: set[int] = set()
    stack = [start]
    while stack:
        i = stack.pop()
        if i not in backward:
            backward.add(i)
            stack.extend(preds[i])
    loop = forward & backward
    periods = [p for pos, p in sleeps if at.get(pos) in loop]
    if not periods and not any(at.get(pos) in loop for pos, _p in sleeps):
        return False, None
    known = [p for p in periods if p is not None]
    return True, min(known) if known else None


__all__ = ["REPEAT_DEPTH", "SCHEDULERS", "SLEEPS", "Scheduler", "Values", "in_sleeping_loop", "param_registers",
           "period_ms", "values_before"]
