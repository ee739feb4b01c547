"""What identifies the code a verdict comes from: a changed install misses the result cache.

The stamp hashes the content of handoff's own modules and names the versions of the packages whose
behaviour shapes a verdict (schema types, email syntax, holidays, time zones, locales, language tags).
An installed wheel's RECORD already holds a hash of every file, so reading it costs one small file;
a source or editable install has no such list for its modules, and their contents are hashed instead.
Sizes and times are never trusted: an edit can keep both.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import sys
from functools import cache

import handoff_cli

DISTRIBUTION = "handoff-dossier"
PACKAGE = "handoff_cli"
# the packages a verdict depends on beside handoff itself; an upgrade of any of them misses the cache
SHAPING = ("pydantic", "pydantic-core", "email-validator", "holidays", "tzdata", "babel", "langcodes")


@cache  # the installed code does not change while a command runs
def code_stamp() -> str:
    stamp = hashlib.sha256(handoff_cli.__version__.encode())
    package = os.path.dirname(os.path.realpath(handoff_cli.__file__))
    installed = _dist_infos()
    stamp.update(_recorded(package, installed.get(_normal(DISTRIBUTION))) or source_hash(package))
    for name in SHAPING:
        found = installed.get(_normal(name))
        stamp.update(f"\0{name}={found[1] if found else '-'}".encode())
    return stamp.hexdigest()[:16]


def source_hash(package: str) -> bytes:
    """The SHA-256 of every module's path and content under `package`."""
    digest = hashlib.sha256()
    found: list[str] = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        found += [os.path.join(folder, name) for name in files if name.endswith(".py")]
    for path in sorted(found):
        with open(path, "rb") as module:
            digest.update(f"{os.path.relpath(path, package)}\0".encode() + hashlib.sha256(module.read()).digest())
    return digest.digest()


def _dist_infos() -> dict[str, tuple[str, str]]:
    """normalized name -> (dist-info folder, version) on sys.path, the first found winning as for imports.

    An installed distribution's folder is named `{name}-{version}.dist-info` (the binary distribution
    format); reading the names costs a folder listing, where importlib.metadata would cost more to
    import than the whole cached run."""
    found: dict[str, tuple[str, str]] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                dist, _, version = name[: -len(".dist-info")].partition("-")
                found.setdefault(_normal(dist), (os.path.join(entry or ".", name), version))
    return found


def _recorded(package: str, dist: tuple[str, str] | None) -> bytes | None:
    """handoff's module lines of the RECORD, when the distribution installed beside the package is the
    code that runs; None for an editable or source install, which records no modules of its own."""
    if dist is None or os.path.dirname(dist[0]) != os.path.dirname(package):
        return None
    try:
        with open(os.path.join(dist[0], "RECORD"), encoding="utf-8", newline="") as record:
            rows = sorted(
                f"{row[0]}:{row[1]}" for row in csv.reader(record) if len(row) >= 2 and _ours(row[0]) and row[1]
            )
    except OSError:
        return None
    return "\n".join(rows).encode() if rows else None


def _ours(path: str) -> bool:
    return path.startswith(f"{PACKAGE}/") and path.endswith(".py")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()
