"""What the resolver needs to know of each catalog entry besides its names: vendor, web hosts, packages.

This is the one place that reads vendor facts off the catalog model (an adapter): when the catalog gains
shared vendor records, only :func:`products` changes.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

from auditor.catalog.model import Catalog, SdkEntry


@dataclass(frozen=True)
class Product:
    """One catalog entry as evidence sees it."""

    sdk_id: str
    name: str
    vendor_names: tuple[str, ...]
    """The vendor's names as the catalog's vendor record writes them (legal and short, English and Chinese)."""
    hosts: tuple[str, ...]
    """Hosts of its (and its vendor's) privacy page and website, without ``www.``."""
    urls: tuple[str, ...]
    """Its privacy page and website, normalised by :func:`url_key`."""
    packages: tuple[str, ...]
    """Class / package prefixes of its signatures."""
    category: str
    purpose: str
    """Its purpose in English and Chinese (for matching a row's purpose words)."""
    vendor_id: str = ""
    part_of: tuple[str, ...] = ()
    """Products this entry is a part of (a common base: HMS Core in Push Kit, Account Kit…)."""
    maven: tuple[str, ...] = ()
    """Its Maven coordinates (``group:artifact``)."""


def products(catalog: Catalog) -> tuple[Product, ...]:
    """Every catalog entry as a :class:`Product` (the adapter)."""
    return tuple(_product(e) for e in catalog.entries)


def _product(entry: SdkEntry) -> Product:
    vendor = entry.vendor
    pages = [u for u in (entry.privacy_policy_url, entry.website,
                         vendor.privacy_policy_url if vendor else None, vendor.website if vendor else None) if u]
    purpose = " ".join(filter(None, (entry.purpose.en, entry.purpose.zh or ""))) if entry.purpose else ""
    return Product(
        sdk_id=entry.id, name=entry.name,
        vendor_names=vendor.names() if vendor else (),
        hosts=tuple(dict.fromkeys(h for h in (host(u) for u in pages) if h)),
        urls=tuple(dict.fromkeys(url_key(u) for u in pages)),
        packages=entry.signatures.classes, category=entry.category, purpose=purpose,
        vendor_id=vendor.id if vendor else "", part_of=tuple(entry.part_of), maven=tuple(entry.maven),
    )


def host(url: str) -> str:
    """The host of ``url`` in lower case, without ``www.`` ("" when none)."""
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        url = "http://" + url
    try:
        name = urllib.parse.urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return name.lower().removeprefix("www.")


def url_key(url: str) -> str:
    """A URL compared loosely: no scheme, no ``www.``, no query or fragment, no trailing slash."""
    url = urllib.parse.unquote(url.strip())
    url = re.sub(r"^[a-z]+://", "", url, flags=re.IGNORECASE)
    url = re.sub(r"[?#].*$", "", url).rstrip("/.,;")
    return url.lower().removeprefix("www.")
