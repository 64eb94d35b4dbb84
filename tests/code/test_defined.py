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


def test_a_class_listing_another_class_method_keeps_the_dict_semantics():
    """A hostile class_data: class A lists its own ``y`` and then B's ``y`` (same name and prototype).
    As with the dict the program used to build per class, A's map holds one ``("y", "()V")`` entry, the
    last one listed (B.y), and the graph walks exactly that map's nodes."""
    import struct

    from dexgen import ClassSpec, MethodSpec, build_code_dex

    from auditor.build.dex import DexFile
    from auditor.code.program import build_program

    raw = bytearray(build_code_dex([ClassSpec("p.A", methods=(MethodSpec("y"), MethodSpec("z"))),
                                    ClassSpec("p.B", methods=(MethodSpec("y"),))]))
    class_defs_off, = struct.unpack_from("<I", raw, 100)
    data_off, = struct.unpack_from("<I", raw, class_defs_off + 24)  # class A comes first
    assert raw[data_off:data_off + 4] == bytes([0, 0, 0, 2])  # no fields, no direct, two virtual methods
    # virtual methods: (diff, access, code_off) each; A.y=0, A.z=1, B.y=2: the second diff 1 -> 2
    second = data_off + 4 + 2 + len(_uleb_len(raw, data_off + 6))
    assert raw[second] == 1
    raw[second] = 2
    program = build_program([DexFile(bytes(raw))])
    a, b = program.classes["p.A"], program.classes["p.B"]
    a_y, a_z, b_y = (program.index[(c, n, "()V")] for c, n in (("p.A", "y"), ("p.A", "z"), ("p.B", "y")))
    assert a.nodes == [a_y, b_y]
    assert a.distinct is False and b.distinct is True
    assert a.methods == {("y", "()V"): b_y}
    assert a.method_nodes() == [b_y]
    assert a_z not in program.methods and a_y in program.methods


def _uleb_len(data: bytearray, pos: int) -> bytes:
    """The bytes of the ULEB128 value at ``pos``."""
    end = pos
    while data[end] & 0x80:
        end += 1
    return bytes(data[pos:end + 1])


def test_method_rows_list_each_class_methods_in_class_order_and_refuse_hostile_listings():
    """``Program.method_rows`` (the arrays edges 2 and 5 are built from) name each class's methods, class by
    class; a class listing another class's method (as above) makes it None, so the graph walks the classes."""
    from dexgen import ClassSpec, MethodSpec, build_code_dex

    from auditor.build.dex import DexFile
    from auditor.code.program import build_program

    program = build_program([DexFile(build_code_dex([ClassSpec("p.A", methods=(MethodSpec("y"), MethodSpec("z"))),
                                                     ClassSpec("p.B", methods=(MethodSpec("y"),))]))])
    rows = program.method_rows()
    assert rows is not None
    numbers = program.ids.tables[0]
    assert rows[0].tolist() == [numbers["p.A"], numbers["p.A"], numbers["p.B"]]
    assert rows[1].tolist() == [program.index[("p.A", "y", "()V")], program.index[("p.A", "z", "()V")],
                                program.index[("p.B", "y", "()V")]]
    program.classes["p.A"].distinct = False
    assert program.method_rows() is None
