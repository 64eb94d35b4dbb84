"""Batch engines: one interface (:mod:`.interface`), one module per implementation, registered explicitly."""

from auditor.batch.engines.interface import Engine, EngineKind, EngineSettings, create_engine

__all__ = ["Engine", "EngineKind", "EngineSettings", "create_engine"]
