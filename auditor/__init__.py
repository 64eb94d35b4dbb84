"""Static privacy auditor for mobile app builds.

The public entry points are :func:`auditor.scan.scan_build` (build -> :class:`auditor.model.ScanResult`)
and the ``auditor`` command line (:mod:`auditor.cli`).
"""

__version__ = "0.1.0"
