"""Real test material fetched at test time from the package registries.

Nothing in here is vendor code: ``corpus.json`` only pins *where* real files live (npm / PyPI
package, member path, sha256).  ``fetch`` downloads and caches them outside the work tree,
``tools`` locates the Android build tools, ``build`` turns real SDK jars into real signed APKs,
and ``fixtures`` exposes both to pytest.
"""

from .fetch import (  # noqa: F401
    CorpusEntry,
    CorpusError,
    CorpusUnavailable,
    HashMismatch,
    cache_root,
    corpus_entries,
    corpus_file,
    entry_for,
    find_entries,
    is_cached,
)
