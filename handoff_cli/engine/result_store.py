"""A run's results kept on disk until they are printed: the memory a run holds does not grow with its results.

Each file's entry text (engine/result_text.py) goes into one anonymous temporary file as it arrives,
cached or computed; the run keeps only where each entry starts, whether the file passed, and the
copied-text findings that could only be known once every file was read. A reporter reads the results
back one at a time, in the order the files were given, so printing ten thousand files as text holds
one file's findings at a time. The temporary file has no name, and goes when the run ends.
"""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from handoff_cli.core.findings import FileResult, Finding, Severity
from handoff_cli.engine.result_text import result as result_of


class ResultStore(Sequence[FileResult]):
    """The results of `names` (by index), once `finish` has said which of them are shown."""

    def __init__(self, names: Sequence[str]) -> None:
        # open for the store's life, and unlinked at once on POSIX: nothing of it outlives the process
        self._spool = tempfile.TemporaryFile()  # noqa: SIM115
        self._names = names
        self._start = array("q", bytes(8 * len(names)))
        self._size = array("q", bytes(8 * len(names)))
        self._passed = bytearray(len(names))
        self._shown = array("q")
        self._extra: dict[int, list[Finding]] = {}
        self.ok = 0  # shown files that passed, copied text included: a summary needs no second read

    def put(self, index: int, text: str, passed: bool) -> None:
        data = text.encode("utf-8")
        self._start[index] = self._spool.seek(0, 2)
        self._size[index] = len(data)
        self._spool.write(data)
        self._passed[index] = passed

    def finish(self, shown: Iterable[int], extra: dict[int, list[Finding]]) -> None:
        """Show the files of `shown`, in that order, each with its copied-text findings from `extra`."""
        self._shown.extend(shown)
        self._extra = extra
        for index, found in extra.items():
            if any(f.severity is Severity.ERROR for f in found):
                self._passed[index] = False
        self.ok = sum(self._passed[i] for i in self._shown)

    def add(self, position: int, found: list[Finding]) -> None:
        """Findings known only after the run (change control from git) for the file shown at `position`."""
        index = self._shown[position]
        self._extra.setdefault(index, []).extend(found)
        if self._passed[index] and any(f.severity is Severity.ERROR for f in found):
            self._passed[index] = False
            self.ok -= 1

    def __len__(self) -> int:
        return len(self._shown)

    @overload
    def __getitem__(self, position: int) -> FileResult: ...
    @overload
    def __getitem__(self, position: slice) -> Sequence[FileResult]: ...
    def __getitem__(self, position: int | slice) -> FileResult | Sequence[FileResult]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        index = self._shown[position]
        self._spool.seek(self._start[index])
        result = result_of(self._spool.read(self._size[index]).decode("utf-8"), self._names[index])
        if index in self._extra:
            result.findings = sorted([*result.findings, *self._extra[index]], key=lambda f: (f.line, f.col, f.code))
        return result

    def __iter__(self) -> Iterator[FileResult]:
        return (self[i] for i in range(len(self)))
