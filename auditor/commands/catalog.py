"""``auditor catalog list|show|validate|suggest``: inspect and check the SDK catalog, draft new entries."""

from __future__ import annotations

import json
from pathlib import Path

import click

from auditor.catalog import load_catalog
from auditor.catalog.loader import compiled_problems
from auditor.catalog.model import Catalog, Provenance, SdkEntry
from auditor.catalog.selftest import check_examples
from auditor.catalog.stats import catalog_stats, render_stats
from auditor.commands.common import BUILD_PATH, INPUT_PATH, bounded, handle_errors, resource_options, write_output
from auditor.errors import CatalogError, ConfigError
from auditor.outputs import write_atomic
from auditor.sanitize import one_line

_catalog_option = click.option(
    "--catalog", "catalog_dir", type=INPUT_PATH, default=None,
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
        write_output(json.dumps([{"id": e.id, "name": e.name, "kind": e.kind.value, "category": e.category,
                                  "vendor": e.vendor_name(), "part_of": list(e.part_of)}
                                 for e in entries], ensure_ascii=False, indent=2), None, fmt)
        return
    lines = [f"{e.id:<36} {e.category:<16} {e.name}  ({e.vendor_name() or 'vendor unknown'})" for e in entries]
    lines.append(f"{len(entries)} entries (catalog {cat.version}, sha256 {cat.sha256[:12]})")
    write_output("\n".join(lines), None)


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
    write_output(_describe(entry, cat), None)


_UNKNOWN = "unknown"


def _describe(e: SdkEntry, cat: Catalog) -> str:
    sig = e.signatures
    v = e.vendor

    def known(value: str | None) -> str:
        return value if value else _UNKNOWN

    def listed(values: tuple[str, ...] | None) -> str:
        return _UNKNOWN if values is None else (", ".join(values) or "none (by its source)")

    rows = [
        ("id", e.id), ("kind", e.kind.value), ("part of", ", ".join(e.part_of)),
        ("parts", ", ".join(cat.parts_of(e.id))), ("name", e.name), ("name (zh)", known(e.name_zh)),
        ("aliases", ", ".join(e.aliases)),
        ("vendor", f"{v.name} ({v.id})" if v else _UNKNOWN),
        ("legal name", known(v.legal_name) if v else ""), ("legal name (zh)", known(v.legal_name_zh) if v else ""),
        ("other entities", ", ".join(o.name for o in v.other_legal_names) if v else ""),
        ("country", known(v.country) if v else ""), ("category", e.category),
        ("purpose", e.purpose.en if e.purpose else _UNKNOWN), ("website", known(e.website)),
        ("privacy policy", known(e.policy_url())), ("maven", ", ".join(e.maven)),
        ("classes", ", ".join(sig.classes)), ("components", ", ".join(sig.components)),
        ("meta-data", ", ".join(sig.meta_data)), ("native libs", ", ".join(sig.native_libs)),
        ("files", ", ".join(sig.files)), ("domains", ", ".join(sig.domains)),
        ("permissions", listed(e.permissions)), ("data collected", listed(e.data_collected)),
        ("examples", ", ".join(e.examples) or "none: no real evidence yet"),
        ("provenance", "; ".join(_prov(p) for p in e.provenance)),
    ]
    return "\n".join(f"{k:<16} {val}" for k, val in rows if val)


def _prov(p: Provenance) -> str:
    fields = f" [{', '.join(p.fields)}]" if p.fields else ""
    return f"{p.source} {p.ref} {p.commit}".strip() + fields


@catalog.command("stats")
@_catalog_option
@handle_errors
def stats(catalog_dir: Path | None) -> None:
    """Coverage of the catalog's facts per field and per kind (absent = unknown)."""
    write_output(render_stats(catalog_stats(load_catalog(catalog_dir))), None)


@catalog.command("validate")
@_catalog_option
@handle_errors
def validate(catalog_dir: Path | None) -> None:
    """Validate the whole catalog: schema, cross-entry clashes, every entry against its examples, and that
    the parsed copy (_compiled.json), when present, matches the YAML files.

    Exit 0 when valid; exit 4 with every problem listed (one per line, naming the file) otherwise.
    """
    try:
        cat = load_catalog(catalog_dir, use_compiled=False)  # the YAML itself, never its parsed copy
    except CatalogError as exc:
        _problems(exc.problems)
        raise
    problems = compiled_problems(cat) + check_examples(cat)
    if problems:
        _problems(problems)
        raise CatalogError(problems)
    real = sum(1 for e in cat.entries if e.examples)
    write_output(f"catalog ok: {len(cat)} entries ({real} with real evidence), {len(cat.vendors)} vendors, "
                 f"version {cat.version}, sha256 {cat.sha256[:12]}", None)


def _problems(problems: list[str]) -> None:
    for problem in problems:
        click.echo(one_line(problem, limit=2000), err=True)


@catalog.command("suggest")
@click.argument("build", type=BUILD_PATH)
@_catalog_option
@click.option("-o", "--output-dir", "output_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Write one <id>.yaml draft per unknown package here (default: print them, separated by ---).")
@click.option("--min-classes", type=click.IntRange(min=1), default=5, show_default=True,
              help="Skip unknown packages with fewer classes.")
@resource_options
@handle_errors
def suggest(build: Path, catalog_dir: Path | None, output_dir: Path | None, min_classes: int,
            max_memory: int, max_seconds: float) -> None:
    """Draft catalog entries for the third-party code in BUILD that no entry claims.

    Each draft holds the package prefix, its manifest components, the native libraries bound to it, the
    hosts its code loads, a real class of the build as example, and the likely vendor with the evidence;
    review it, complete the facts marked TODO, then add it to the catalog.
    """
    from auditor.detect.suggest import draft_entries
    from auditor.scan import Scanner

    scanner = Scanner.create(load_catalog(catalog_dir), code=False, explain_code=True)
    result = bounded(scanner.scan, build, max_memory, max_seconds)
    drafts = draft_entries(result, scanner.matcher, min_classes)
    if output_dir is None:
        if drafts:  # escaped for the terminal: the class names are the build's (YAML reads the escapes back)
            write_output("---\n".join(d.yaml for d in drafts), None)
    else:
        for draft in drafts:
            write_atomic(output_dir / f"{draft.id}.yaml", draft.yaml, make_parents=True)
    click.echo(one_line(f"{len(drafts)} draft entries for {sum(1 for _ in result.unknown_packages)} unknown "
                        f"packages" + (f" written to {output_dir}" if output_dir else "")), err=True)
