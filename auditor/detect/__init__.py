"""Interpretation of a :class:`auditor.model.Build`: SDK detection and unknown third-party code."""
