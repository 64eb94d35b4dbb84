"""The SDK catalog: typed entries loaded from ``sdk_catalog/*.yaml`` and validated as a whole."""

from auditor.catalog.loader import default_catalog_path, load_catalog
from auditor.catalog.model import Catalog, LocalText, Provenance, SdkEntry, Signatures

__all__ = [
    "Catalog",
    "LocalText",
    "Provenance",
    "SdkEntry",
    "Signatures",
    "default_catalog_path",
    "load_catalog",
]
