"""One module per CLI command. Shared plumbing (error mapping, output) is in :mod:`auditor.commands.common`."""
