"""The array table of defined methods reads like the dict it replaced (expected values written here)."""

from __future__ import annotations

import numpy as np

from auditor.code.defined import DefinedMethods, MethodInfo
from auditor.code.dexcode import ACC_PRIVATE, ACC_STATIC


def _arr(*values: int) -> np.ndarray:
    return np.array(values, dtype=np.int64)


def test_lookup_order_and_a_node_defined_twice():
    methods = DefinedMethods()
    methods.define(0, _arr(4, 2, 7), _arr(1, ACC_STATIC, ACC_PRIVATE), _arr(0, -1, 1), _arr(100, 0, 200))
    methods.define(1, _arr(9, 2, 9), _arr(1, 1, 0), _arr(5, 6, 7), _arr(300, 400, 500))
    assert list(methods) == [4, 2, 7, 9]  # first definition order; 2 keeps its place
    assert len(methods) == 4
    assert methods[2] == MethodInfo(2, 1, 1, 6, 400, True)  # defined again: the last values win
    assert methods[9] == MethodInfo(9, 1, 0, 7, 500, True)  # listed twice in one file: the last row wins
    assert methods[7].dispatchable is False and methods[4].dispatchable is True
    assert 3 not in methods and 5 not in methods and 100 not in methods and np.int64(4) in methods
    assert methods.get(3) is None
    assert methods.with_code() == [4, 2, 7, 9]
    assert methods.defined[:5] == [False, False, True, False, True]
    assert methods.dispatchable[7] is False
