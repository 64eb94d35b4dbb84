"""Reading every file a user hands the auditor besides the build's contents: bounded, typed, one-line errors.

Each kind of input has its own size bound, checked from ``fstat`` before anything is read and again while
reading (a file can grow, ``/proc`` files report size 0). Only regular files are read: a FIFO, device,
socket or directory is refused at once (opened non-blocking, so a FIFO cannot hang the open), with the
error type, and so the exit code, of the input (``error=``). YAML and JSON are checked for nesting depth
and node count before a document is built (libyaml's composer recurses on the C stack: a document nested
50,000 deep would crash the process), and numbers too long to convert are refused.

:class:`Problems` is the one validation layer for config, scenes, baseline and policy-map files: typed
accessors that record every problem (with where it is) and raise one :class:`ConfigError` (exit 4) at the
end, so a user fixes the whole file in one go.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

import yaml

from auditor.errors import AuditorError, ConfigError
from auditor.sanitize import display_path, one_line

KiB = 1024
MiB = 1024 * KiB
MAX_INPUT_FILE = 16 * MiB
"""Default bound of a side input (each kind passes its own)."""
MAX_DEPTH = 32
"""Deepest nesting of mappings and lists accepted in a YAML or JSON input (real ones are 3-5 deep)."""
MAX_NODES = 1_000_000
"""Most YAML nodes (scalars, mappings, lists, aliases) accepted in one document."""
MAX_PROBLEMS_SHOWN = 20
_CHUNK = MiB
ErrorType = Callable[[str], AuditorError]


class UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe YAML loader (libyaml's when present), refusing a key written twice in one mapping: YAML keeps the
    last silently, so a second ``zh:`` list or a repeated option would hide the first."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if isinstance(key, (str, int, float, bool)) or key is None:
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} written twice", key_node.start_mark)
            seen.add(key)
    return loader.construct_mapping(node)


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)
_Loader = UniqueKeyLoader


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: Path, what: str, max_bytes: int, error: ErrorType = ConfigError) -> IO[bytes]:
    """Open ``path`` for reading if it is a regular file of at most ``max_bytes`` (else ``error``)."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):  # refused before opening: opening a device can have effects
            raise error(f"{display_path(path)}: {what} is {_kind(mode)}, not a regular file")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise error(f"{display_path(path)}: cannot read {what} ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped between stat and open
            raise error(f"{display_path(path)}: {what} is {_kind(st.st_mode)}, not a regular file")
        if st.st_size > max_bytes:
            raise error(f"{display_path(path)}: {what} is {st.st_size} bytes, more than the {max_bytes} byte limit")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except OSError as exc:
        os.close(fd)
        raise error(f"{display_path(path)}: cannot read {what} ({exc.strerror or exc})") from None
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: Path, what: str, max_bytes: int = MAX_INPUT_FILE, error: ErrorType = ConfigError) -> bytes:
    """The bytes of regular file ``path``, at most ``max_bytes`` of them."""
    with open_regular(path, what, max_bytes, error) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(size + 1)  # one read when the size is honest
            if len(data) > size:  # the file grew, or reports size 0 (/proc): the rest, within the bound
                data += handle.read(max_bytes + 1 - len(data))
        except OSError as exc:
            raise error(f"{display_path(path)}: cannot read {what} ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise error(f"{display_path(path)}: {what} is more than the {max_bytes} byte limit")
    return data


def hash_file(path: Path, what: str, max_bytes: int, error: ErrorType) -> tuple[str, int]:
    """``(sha256 hex, size)`` of regular file ``path`` (at most ``max_bytes``)."""
    digest = hashlib.sha256()
    size = 0
    with open_regular(path, what, max_bytes, error) as handle:
        try:
            for block in iter(lambda: handle.read(_CHUNK), b""):
                digest.update(block)
                size += len(block)
                if size > max_bytes:
                    raise error(f"{display_path(path)}: {what} is more than the {max_bytes} byte limit")
        except OSError as exc:
            raise error(f"{display_path(path)}: cannot read {what} ({exc.strerror or exc})") from None
    return digest.hexdigest(), size


def decode_text(data: bytes, source: str, what: str, error: ErrorType = ConfigError) -> str:
    """UTF-8 text (a BOM is allowed); binary content refused."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{source}: {what} is not UTF-8 text (invalid byte at {exc.start})") from None
    if "\0" in text:
        raise error(f"{source}: {what} is binary, not text")
    return text


def read_text(path: Path, what: str, max_bytes: int = MAX_INPUT_FILE, error: ErrorType = ConfigError) -> str:
    """The UTF-8 text of regular file ``path`` (size checked before reading)."""
    return decode_text(read_bytes(path, what, max_bytes, error), display_path(path), what, error)


def parse_yaml(text: str | bytes, source: str, what: str, error: ErrorType = ConfigError,
               max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> Any:
    """``yaml.safe_load`` of ``text`` after a bounded pass over its events (depth, node count)."""
    try:
        depth = nodes = 0
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > max_depth:
                    raise error(f"{source}: {what} is nested deeper than {max_depth} levels")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            if isinstance(event, yaml.NodeEvent):
                nodes += 1
                if nodes > max_nodes:
                    raise error(f"{source}: {what} has more than {max_nodes} YAML nodes")
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise error(f"{source}: not valid YAML ({one_line(str(exc), 200)})") from None
    except (ValueError, OverflowError) as exc:  # e.g. an integer of 5,000 digits
        raise error(f"{source}: {what} has a value that cannot be read ({one_line(str(exc), 120)})") from None
    except RecursionError:
        raise error(f"{source}: {what} is nested too deeply") from None


def parse_json(text: str, source: str, what: str, error: ErrorType = ConfigError) -> Any:
    """``json.loads`` of ``text``; NaN/Infinity, over-long numbers and deep nesting refused."""
    def constant(name: str) -> Any:
        raise ValueError(f"{name} is not a JSON number")

    try:
        return json.loads(text, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise error(f"{source}: {what} is not valid JSON ({one_line(str(exc), 200)})") from None
    except (ValueError, OverflowError) as exc:
        raise error(f"{source}: {what} has a value that cannot be read ({one_line(str(exc), 120)})") from None
    except RecursionError:
        raise error(f"{source}: {what} is nested too deeply") from None


def load_yaml(path: Path, what: str, max_bytes: int = MAX_INPUT_FILE) -> Any:
    """Read and parse a YAML side input (:class:`ConfigError` on any problem)."""
    return parse_yaml(read_text(path, what, max_bytes), display_path(path), what)


def load_json(path: Path, what: str, max_bytes: int = MAX_INPUT_FILE) -> Any:
    """Read and parse a JSON side input (:class:`ConfigError` on any problem)."""
    data = parse_json(read_text(path, what, max_bytes), display_path(path), what)
    _check_depth(data, display_path(path), what)
    return data


def _check_depth(value: Any, source: str, what: str) -> None:
    """Refuse JSON values nested deeper than :data:`MAX_DEPTH` (iterative; json's own limit is ~1,000)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ConfigError(f"{source}: {what} is nested deeper than {MAX_DEPTH} levels")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)


class Problems:
    """Every problem found in one input file, then one :class:`ConfigError` (exit 4) naming them all.

    The typed accessors check a value, record a problem (``where``: a path such as ``scenes[2].name``)
    when it is wrong, and return a safe default so checking can go on.
    """

    def __init__(self, source: Path | str, what: str) -> None:
        self.source = display_path(source)
        self.what = what
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}" if where else message)

    def raise_if_any(self) -> None:
        if not self.items:
            return
        shown = self.items[:MAX_PROBLEMS_SHOWN]
        more = f" (and {len(self.items) - len(shown)} more)" if len(self.items) > len(shown) else ""
        count = f"{len(self.items)} problems" if len(self.items) > 1 else "1 problem"
        raise ConfigError(f"{self.source}: invalid {self.what}, {count}: {'; '.join(shown)}{more}")

    # -- typed accessors ------------------------------------------------------------------------------
    def mapping(self, value: Any, where: str, allowed: Iterable[str] | None = None) -> dict[str, Any]:
        """A mapping with string keys (only ``allowed`` ones, when given)."""
        if not isinstance(value, dict):
            self.add(where, f"must be a mapping, not {_type(value)}")
            return {}
        out: dict[str, Any] = {}
        keys = None if allowed is None else tuple(allowed)
        for key, item in value.items():
            if not isinstance(key, str):
                self.add(where, f"key {_shown(key)} must be a string")
            elif keys is not None and key not in keys:
                self.add(where, f"unknown key {_shown(key)} (expected {', '.join(keys)})")
            else:
                out[key] = item
        return out

    def items_of(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            self.add(where, f"must be a list, not {_type(value)}")
            return []
        return value

    def string(self, value: Any, where: str, required: bool = True) -> str:
        """A string, stripped; ``required``: present and not blank."""
        if isinstance(value, str) and (value.strip() or not required):
            return value.strip()
        if value is None and not required:
            return ""
        self.add(where, "must be a non-empty string" if value is None or isinstance(value, str)
                 else f"must be a string, not {_type(value)}")
        return ""

    def strings(self, value: Any, where: str) -> tuple[str, ...]:
        """A list of non-empty strings (``None``: empty)."""
        if value is None:
            return ()
        out = []
        for i, item in enumerate(self.items_of(value, where)):
            text = self.string(item, f"{where}[{i}]")
            if text:
                out.append(text)
        return tuple(out)

    def integer(self, value: Any, where: str, minimum: int | None = None, maximum: int | None = None) -> int | None:
        """An integer (``true``/``false`` are not integers) within the bounds."""
        if type(value) is not int:
            self.add(where, f"must be an integer, not {_type(value)}")
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.add(where, f"must be between {minimum} and {maximum}")
            return None
        return value

    def choice(self, value: Any, where: str, allowed: Iterable[str], expected: str = "") -> str:
        """One of ``allowed`` (a string); ``expected`` names them in the problem (default: the list)."""
        options = tuple(allowed)
        text = self.string(value, where)
        if text and text not in options:
            self.add(where, f"{_shown(text)} is not {expected or 'one of ' + ', '.join(options)}")
            return ""
        return text


def _type(value: Any) -> str:
    if value is None:
        return "empty"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a mapping"}.get(type(value), type(value).__name__)


def _shown(value: Any) -> str:
    try:
        text = value if isinstance(value, str) else repr(value)
    except ValueError:  # an integer too long to print
        text = type(value).__name__
    return "'" + one_line(text, 80) + "'"
