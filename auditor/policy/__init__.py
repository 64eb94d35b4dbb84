"""The privacy-policy reader: what a policy discloses (SDK rows, scenes and permissions, data types).

Public API: :func:`read_policy` returns a typed :class:`~auditor.policy.model.Disclosure`; its
``to_json()`` is the ``auditor policy --format json`` contract. The pipeline is in :mod:`auditor.policy.reader`.
"""

from __future__ import annotations

from auditor.policy.lexicon import Lexicon
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.loader import MAX_POLICY_BYTES, load_document
from auditor.policy.model import (
    SCHEMA_VERSION,
    DataTypeMention,
    Disclosure,
    PermissionDisclosure,
    Scene,
    SdkDisclosure,
    Span,
)
from auditor.policy.reader import read_document, read_policy

__all__ = [
    "MAX_POLICY_BYTES", "SCHEMA_VERSION", "DataTypeMention", "Disclosure", "Lexicon", "PermissionDisclosure",
    "Scene", "SdkDisclosure", "Span", "load_document", "load_lexicon", "read_document", "read_policy",
]
