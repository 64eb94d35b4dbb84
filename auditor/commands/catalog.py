"""``auditor catalog list|show|validate``: inspect and check the SDK catalog."""

from __future__ import annotations

import json
from pathlib import Path

import click

from auditor.catalog import load_catalog
from auditor.catalog.model import SdkEntry
from auditor.catalog.selftest import check_examples
from auditor.commands.common import handle_errors
from auditor.errors import CatalogError, ConfigError

_catalog_option = click.option(
    "--catalog", "catalog_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="Catalog directory (default: the bundled one).",
)


@click.group()
def catalog() -> None:
    """Inspect and check the SDK catalog."""


@catalog.command("list")
@_catalog_option
@click.option("--category", default=None, help="Only entries of this category.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@handle_errors
def list_entries(catalog_dir: Path | None, category: str | None, fmt: str) -> None:
    """List catalog entries (id, category, name, vendor)."""
    cat = load_catalog(catalog_dir)
    entries = [e for e in cat.entries if category is None or e.category == category]
    if fmt == "json":
        click.echo(json.dumps([{"id": e.id, "name": e.name, "category": e.category, "vendor": e.vendor.en}
                               for e in entries], ensure_ascii=False, indent=2))
        return
    for e in entries:
        click.echo(f"{e.id:<36} {e.category:<16} {e.name}  ({e.vendor.en})")
    click.echo(f"{len(entries)} entries (catalog {cat.version}, sha256 {cat.sha256[:12]})")


@catalog.command("show")
@click.argument("sdk_id")
@_catalog_option
@handle_errors
def show(sdk_id: str, catalog_dir: Path | None) -> None:
    """Show one entry."""
    cat = load_catalog(catalog_dir)
    entry = cat.get(sdk_id)
    if entry is None:
        raise ConfigError(f"no catalog entry '{sdk_id}' (see 'auditor catalog list')")
    click.echo(_describe(entry))


def _describe(e: SdkEntry) -> str:
    sig = e.signatures
    rows = [
        ("id", e.id), ("name", e.name), ("aliases", ", ".join(e.aliases)),
        ("vendor", e.vendor.en + (f" / {e.vendor.zh}" if e.vendor.zh else "")),
        ("country", e.vendor_country), ("category", e.category),
        ("purpose", e.purpose.en if e.purpose else ""), ("website", e.website),
        ("privacy policy", e.privacy_policy_url), ("maven", ", ".join(e.maven)),
        ("classes", ", ".join(sig.classes)), ("components", ", ".join(sig.components)),
        ("meta-data", ", ".join(sig.meta_data)), ("native libs", ", ".join(sig.native_libs)),
        ("files", ", ".join(sig.files)), ("domains", ", ".join(sig.domains)),
        ("permissions", ", ".join(e.permissions)), ("data collected", ", ".join(e.data_collected)),
        ("examples", ", ".join(e.examples)),
        ("provenance", "; ".join(f"{p.source} {p.ref} {p.commit}".strip() for p in e.provenance)),
    ]
    return "\n".join(f"{k:<15} {v}" for k, v in rows if v)


@catalog.command("validate")
@_catalog_option
@handle_errors
def validate(catalog_dir: Path | None) -> None:
    """Validate the whole catalog: schema, cross-entry clashes, and every entry against its examples.

    Exit 0 when valid; exit 4 with every problem listed (one per line, naming the file) otherwise.
    """
    try:
        cat = load_catalog(catalog_dir)
    except CatalogError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        raise
    problems = check_examples(cat)
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        raise CatalogError(problems)
    click.echo(f"catalog ok: {len(cat)} entries, version {cat.version}, sha256 {cat.sha256[:12]}")
