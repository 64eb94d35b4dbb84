"""The extractor registry: one extractor per shape, in the coordinator's tie-break order.

Each module holds one :class:`~auditor.policy.claims.Extractor`; ``tests/policy/test_extractors.py`` checks
that every :class:`~auditor.policy.claims.ExtractorKind` has exactly one here.
"""

from __future__ import annotations

from auditor.policy.claims import Extractor
from auditor.policy.extractors.flat_table import FlatTableExtractor
from auditor.policy.extractors.html_table import HtmlTableExtractor
from auditor.policy.extractors.item_list import ListExtractor
from auditor.policy.extractors.key_value import KeyValueExtractor
from auditor.policy.extractors.object_literal import ObjectLiteralExtractor
from auditor.policy.extractors.permission_list import PermissionListExtractor
from auditor.policy.extractors.pipe_table import PipeTableExtractor
from auditor.policy.extractors.prose import ProseExtractor
from auditor.policy.extractors.subject import DocumentSubjectExtractor

REGISTRY: tuple[Extractor, ...] = (
    HtmlTableExtractor(),
    PipeTableExtractor(),
    FlatTableExtractor(),
    ObjectLiteralExtractor(),
    KeyValueExtractor(),
    PermissionListExtractor(),
    ListExtractor(),
    ProseExtractor(),
    DocumentSubjectExtractor(),
)
"""Every extractor, in tie-break order (structured shapes before lists, lists before prose, prose before the
document's own SDK)."""
