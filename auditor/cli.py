"""The ``auditor`` command line. Thin: parse options, call the library, write output, map errors.

Every command lives in :mod:`auditor.commands` and is registered explicitly below. Exit codes (public
contract): 0 ok, 1 findings at or above ``--fail-on``, 2 usage, 3 unreadable build, 4 invalid
catalog/policy/baseline/config.
"""

from __future__ import annotations

import click

from auditor import __version__
from auditor.commands import baseline as baseline_cmd
from auditor.commands import batch as batch_cmd
from auditor.commands import catalog as catalog_cmd
from auditor.commands import diff as diff_cmd
from auditor.commands import disclose as disclose_cmd
from auditor.commands import policy as policy_cmd
from auditor.commands import scan as scan_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditor")
def cli() -> None:
    """Static privacy auditor for Android builds."""


cli.add_command(scan_cmd.scan)
cli.add_command(catalog_cmd.catalog)
cli.add_command(policy_cmd.policy)
cli.add_command(baseline_cmd.baseline)
cli.add_command(diff_cmd.diff)
cli.add_command(disclose_cmd.disclose)
cli.add_command(batch_cmd.batch)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="auditor")
