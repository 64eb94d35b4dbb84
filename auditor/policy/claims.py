"""What extractors return: claims over line spans, each with a confidence and the extractor that made it.

An extractor (:class:`Extractor`) reads a :class:`~auditor.policy.document.Document` and returns
:class:`Structure` values: a region of lines it recognised (a table, a list, a block group, a sentence) and
the SDK rows and scene rows it read there. The coordinator (:mod:`auditor.policy.coordinator`) settles
structures that overlap; facts are mapped and names resolved afterwards (:mod:`auditor.policy.facts`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Protocol, TypeVar

from auditor.policy.memo import MAX_CACHED_TEXT

if TYPE_CHECKING:
    from auditor.policy.analysis import LineFacts
    from auditor.policy.document import Document
    from auditor.policy.lexicon import Lexicon
    from auditor.policy.names import NameIndex

_T = TypeVar("_T")


class ExtractorKind(str, Enum):
    """Every extractor of the pipeline; the value is the JSON ``extractor`` of a row."""

    HTML_TABLE = "html-table"
    PIPE_TABLE = "pipe-table"
    FLAT_TABLE = "flat-table"
    KEY_VALUE = "key-value"
    OBJECT_LITERAL = "object-literal"
    LIST = "list"
    PERMISSION_LIST = "permission-list"
    PROSE = "prose"
    DOCUMENT = "document"

    @property
    def shape(self) -> str:
        """The legacy JSON ``kind`` of rows it reads: ``table``, ``key-value``, ``list`` or ``prose``."""
        return _SHAPES[self]


_SHAPES = {
    ExtractorKind.HTML_TABLE: "table", ExtractorKind.PIPE_TABLE: "table", ExtractorKind.FLAT_TABLE: "table",
    ExtractorKind.KEY_VALUE: "key-value", ExtractorKind.OBJECT_LITERAL: "key-value", ExtractorKind.LIST: "list",
    ExtractorKind.PERMISSION_LIST: "list", ExtractorKind.PROSE: "prose", ExtractorKind.DOCUMENT: "prose",
}


@dataclass(frozen=True)
class RowFacts:
    """The fields of one SDK row, as written (mapped to data types, permissions and ids later)."""

    name: str
    """The SDK name cell / heading / item as written."""
    company: str = ""
    """Company / provider / operator as written."""
    purpose: str = ""
    """Purpose of use as written."""
    scene: str = ""
    """Business scene (使用场景) as written."""
    method: str = ""
    """How data is collected or shared (收集方式 / 共享方式) as written."""
    data: str = ""
    """Personal-information text."""
    permissions: str = ""
    """Permission text (a permission column or field)."""
    link: str = ""
    """Privacy-policy link text (may hold a URL)."""
    packages: str = ""
    """Package-name text."""
    other: str = ""
    """Any other text of the row (searched for permission constants and package names only)."""


@dataclass(frozen=True)
class SdkClaim:
    """One SDK row read by an extractor."""

    facts: RowFacts
    first: int
    """Index of its first line in ``Document.lines``."""
    last: int
    """Index of its last line (inclusive)."""
    listed: bool = False
    """One of the products a row's name lists ("华为推送SDK、华为联运SDK"), or of the parties one row names a line each
    ("华为" / "小米" beside "消息推送"): the row's package names are theirs together."""


@dataclass(frozen=True)
class SceneClaim:
    """One (scene, permissions) row: a scene-table row, a permission-list item or a permission sentence."""

    scene: str
    """The business scene / purpose as written ("" when none is given)."""
    description: str
    """Further description of the use ("" when none)."""
    permissions: str
    """The permission text (constants, Chinese or English labels), mapped through the lexicon later."""
    first: int
    last: int
    sentence: bool = False
    """True when ``permissions`` is a sentence (weak words count only next to a cue; negation applies)."""


@dataclass(frozen=True)
class Structure:
    """A region of the document one extractor recognised, and the rows it read there."""

    extractor: ExtractorKind
    first: int
    """First line index of the region."""
    last: int
    """Last line index of the region (inclusive)."""
    confidence: float
    """0..1: how sure the extractor is that the region has the shape it read (the coordinator's key)."""
    sdks: tuple[SdkClaim, ...] = ()
    scenes: tuple[SceneClaim, ...] = ()
    data: bool = False
    """True for a personal-data table or list that names no SDK (it only owns its lines)."""

    def overlaps(self, other: Structure) -> bool:
        return self.first <= other.last and other.first <= self.last

    def shifted(self, delta: int) -> Structure:
        """The same structure ``delta`` lines further down (an extractor that read the same lines before
        reuses what it read there)."""
        if not delta:
            return self
        return replace(self, first=self.first + delta, last=self.last + delta,
                       sdks=tuple(replace(c, first=c.first + delta, last=c.last + delta) for c in self.sdks),
                       scenes=tuple(replace(c, first=c.first + delta, last=c.last + delta) for c in self.scenes))


@dataclass(frozen=True)
class Context:
    """What every extractor may read besides the document (immutable; no state between extractors)."""

    lexicon: Lexicon
    names: NameIndex
    """Catalog names, to tell an SDK name from other words."""
    lines: tuple[LineFacts, ...]
    """What each line of the document is (:func:`auditor.policy.analysis.analyse`), index for index with
    ``Document.lines``: computed once per document and shared by every extractor."""
    claimed: frozenset[int] = frozenset()
    """Lines already owned by the structures the coordinator kept from the structured extractors; the
    fallback extractor (prose, the least confident) skips them: whatever it read there would lose anyway."""
    _memo: dict[tuple[Callable[..., object], str], object] = field(default_factory=dict, compare=False, repr=False)
    """This read's answers of the pure questions asked of a short text with this lexicon and these names
    (:meth:`ask`): a long policy repeats its lines, and every extractor asks of them again."""

    def ask(self, question: Callable[[str, Context], _T], text: str) -> _T:
        """``question(text, self)``, asked once per text in this read (texts of at most
        :data:`auditor.policy.memo.MAX_CACHED_TEXT` characters: the answers of longer ones are not kept, so the memo
        holds at most a bounded copy of each line). ``question`` must be a pure function of the text, the lexicon
        and the names."""
        if len(text) > MAX_CACHED_TEXT:
            return question(text, self)
        key = (question, text)
        if key not in self._memo:
            self._memo[key] = question(text, self)
        return self._memo[key]  # type: ignore[return-value]



class Extractor(Protocol):
    """One stage of the pipeline: reads a document, returns structures; never mutates anything shared."""

    kind: ExtractorKind

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        """Every structure of this extractor's shape in ``doc``."""
        ...
