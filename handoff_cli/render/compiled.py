"""Templates compiled once per process: every environment a command builds (one per document, per language, per
page) would otherwise parse and compile the same template files again.

Jinja keys each compiled template by its name and file and checks it against the checksum of the source it was
compiled from, so an edited template is compiled afresh. The code is kept in memory only, never on disk: a
compiled template read from a shared folder would be code anyone who can write there could run.
"""

from __future__ import annotations

from types import CodeType

from jinja2.bccache import Bucket, BytecodeCache


class Compiled(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self._code.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)


# which templates are escaped is decided when a template is compiled, and a page's `words` macros are escaped
# only when the page is HTML: the code of one is not the code of the other
COMPILED = {True: Compiled(), False: Compiled()}
