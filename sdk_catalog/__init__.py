"""The SDK catalog: one YAML file per SDK. Data only; loaded by :mod:`auditor.catalog`."""
