"""What identifies the installed code: a changed install misses the result cache."""

from __future__ import annotations

import hashlib
import os
from functools import cache

import handoff_cli


@cache  # the installed code does not change while a command runs
def code_stamp() -> str:
    """handoff's version and the size and time of each of its modules."""
    package = os.path.dirname(handoff_cli.__file__)
    modules: list[str] = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                info = os.stat(path)
                modules.append(f"{os.path.relpath(path, package)}:{info.st_size}:{info.st_mtime_ns}")
    stamp = hashlib.sha256(handoff_cli.__version__.encode())
    for module in sorted(modules):
        stamp.update(module.encode())
    return stamp.hexdigest()[:16]
