"""The methods defined in the build, as arrays indexed by node id.

A build defines ~10^5 methods; the analyses look closely at a few hundred of them. :class:`DefinedMethods`
keeps the defining DEX file, access flags, code item and code offset of every defined method in numpy
arrays, and makes a :class:`MethodInfo` only for the node asked for. It reads like the dict it replaces
(``node in methods``, ``methods.get(node)``, ``methods[node]``, iteration in the order the methods were
defined), and gives the whole-table views the graph needs (:attr:`DefinedMethods.dispatchable`) as arrays.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from auditor.code.dexcode import ACC_CONSTRUCTOR, ACC_PRIVATE, ACC_STATIC

Array = npt.NDArray[np.int64]
NOT_DISPATCHED = ACC_STATIC | ACC_PRIVATE | ACC_CONSTRUCTOR
"""Access flags of methods that dynamic dispatch never reaches."""


@dataclass(slots=True)
class MethodInfo:
    """A method defined in the build; what its code references is in ``Program.ops[dex]``, item ``item``."""

    node: int
    dex: int
    access: int
    item: int
    """Code item number in :attr:`Program.ops` of its DEX file (-1: abstract or native, no code)."""
    code_off: int = 0
    dispatchable: bool = False
    """Virtual: can be reached by dynamic dispatch (not static, private or a constructor)."""


class DefinedMethods(Mapping[int, MethodInfo]):
    """Node id -> :class:`MethodInfo` of the methods defined in the build (made on demand)."""

    def __init__(self) -> None:
        self._dex = np.zeros(0, dtype=np.int32)
        """Defining DEX file of each node, -1 where the node is not defined in the build."""
        self._access = np.zeros(0, dtype=np.int64)
        self._item = np.zeros(0, dtype=np.int64)
        self._code_off = np.zeros(0, dtype=np.int64)
        self._order: list[Array] = []
        """The defined nodes, in the order they were first defined."""
        self._count = 0
        self._dispatchable: list[bool] | None = None
        self._defined: list[bool] | None = None

    def define(self, dex: int, nodes: Array, access: Array, items: Array, code_off: Array) -> None:
        """Record methods of DEX file ``dex`` (parallel arrays; a node defined again takes the last values,
        and keeps its place in the order)."""
        if not len(nodes):
            return
        self._dispatchable = self._defined = None
        size = int(nodes.max()) + 1
        if size > len(self._dex):
            grow = size - len(self._dex)
            self._dex = np.concatenate([self._dex, np.full(grow, -1, dtype=np.int32)])
            self._access, self._item, self._code_off = (
                np.concatenate([a, np.zeros(grow, dtype=np.int64)]) for a in (self._access, self._item, self._code_off))
        distinct, first = np.unique(nodes, return_index=True)
        if len(distinct) == len(nodes):
            last = np.arange(len(nodes))
        else:  # the last row of each node wins, as in a dict
            _d, from_end = np.unique(nodes[::-1], return_index=True)
            last = len(nodes) - 1 - from_end
        fresh = first[self._dex[distinct] < 0]
        self._order.append(nodes[np.sort(fresh)])
        self._count += len(fresh)
        at = nodes[last]
        self._dex[at] = dex
        self._access[at] = access[last]
        self._item[at] = items[last]
        self._code_off[at] = code_off[last]

    @property
    def dispatchable(self) -> list[bool]:
        """Per node (as far as nodes were defined): a defined virtual method, reached by dynamic dispatch
        (:attr:`MethodInfo.dispatchable` of every node at once)."""
        if self._dispatchable is None:
            self._dispatchable = ((self._dex >= 0) & (self._access & NOT_DISPATCHED == 0)).tolist()
        return self._dispatchable

    @property
    def defined(self) -> list[bool]:
        """Per node (as far as nodes were defined): defined in the build (``node in self`` for every node)."""
        if self._defined is None:
            self._defined = (self._dex >= 0).tolist()
        return self._defined

    def dispatchable_at(self, nodes: Array) -> npt.NDArray[np.bool_]:
        """:attr:`dispatchable` of each node of ``nodes`` (False beyond the defined range)."""
        inside = nodes < len(self._dex)
        out = np.zeros(len(nodes), dtype=bool)
        at = nodes[inside]
        out[inside] = (self._dex[at] >= 0) & (self._access[at] & NOT_DISPATCHED == 0)
        return out

    def defined_at(self, nodes: Array) -> npt.NDArray[np.bool_]:
        """Whether each node of ``nodes`` is defined in the build."""
        inside = nodes < len(self._dex)
        out = np.zeros(len(nodes), dtype=bool)
        out[inside] = self._dex[nodes[inside]] >= 0
        return out

    def with_code(self) -> list[int]:
        """The defined methods that have code, in definition order."""
        if not self._order:
            return []
        order = np.concatenate(self._order)
        return order[self._item[order] >= 0].tolist()  # type: ignore[no-any-return]

    def __getitem__(self, node: int) -> MethodInfo:
        if node not in self:
            raise KeyError(node)
        access = int(self._access[node])
        return MethodInfo(node, int(self._dex[node]), access, int(self._item[node]), int(self._code_off[node]),
                          not access & NOT_DISPATCHED)

    def __contains__(self, node: object) -> bool:
        if not isinstance(node, (int, np.integer)) or not 0 <= node < len(self._dex):
            return False
        return bool(self._dex[node] >= 0)

    def __iter__(self) -> Iterator[int]:
        for nodes in self._order:
            yield from nodes.tolist()

    def __len__(self) -> int:
        return self._count


__all__ = ["NOT_DISPATCHED", "DefinedMethods", "MethodInfo"]
