"""What a writer may change in a dossier, and the proof that the new text changed only that.

A change is text surgery (edit/insert.py, edit/status_text.py); before anything is written the new text is
read back as a dossier and compared with the old one, so a surgery that slipped can never reach the disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from handoff_cli.core.errors import HandoffError
from handoff_cli.core.exit_codes import ExitCode
from handoff_cli.dossier.reader import load_text
from handoff_cli.dossier.schema_check import validate
from handoff_cli.edit.insert import append_item
from handoff_cli.edit.status_text import set_keys
from handoff_cli.model import Dossier
from handoff_cli.model.common import line_break

Data = dict[str, Any]


class NotRecorded(HandoffError):
    """The dossier would not be valid with the change in it; nothing is written. Exits 1, like a finding."""

    exit_code = ExitCode.FINDINGS


class Change(Protocol):
    @property
    def noun(self) -> str:
        """Names the change in messages: "event", "review", "status"."""
        ...

    @property
    def given(self) -> Data:
        """The values as the user gave them, before the surgery."""
        ...

    def apply(self, text: str) -> str: ...

    def only_this(self, before: Data, after: Data) -> bool:
        """Whether `after` is `before` with this change and nothing else (both are model dumps)."""
        ...


@dataclass(frozen=True)
class Append:
    """One new item at the end of the list `handoff.<key>` (`log`, `accept`)."""

    key: str
    item: Data
    noun: str

    @property
    def given(self) -> Data:
        return self.item

    def apply(self, text: str) -> str:
        return append_item(text, self.key, self.item)

    def only_this(self, before: Data, after: Data) -> bool:
        old_items = (before.get("handoff") or {}).get(self.key) or []
        new_items = (after.get("handoff") or {}).get(self.key) or []
        grew = len(new_items) == len(old_items) + 1 and new_items[:-1] == old_items
        return grew and _without(before, self.key) == _without(after, self.key)


@dataclass(frozen=True)
class SetKeys:
    """New values for some keys of one item, found by `where` (keys and list indexes from the top): a status."""

    where: tuple[str | int, ...]
    values: Data
    noun: str = "status"

    @property
    def given(self) -> Data:
        return self.values

    def apply(self, text: str) -> str:
        return set_keys(text, self.where, self.values)

    def only_this(self, before: Data, after: Data) -> bool:
        old, new = _at(before, self.where), _at(after, self.where)
        if not isinstance(old, dict) or not isinstance(new, dict):
            return False
        if new != {**old, **self.values}:
            return False
        return bool(_replaced(before, self.where, new) == after)


def proven_text(text: str, dossier: Dossier, change: Change, *, display: str, max_depth: int) -> str:
    """The file's new text; raises NotRecorded unless it is a valid dossier equal to the old one plus the change."""
    for field, value in change.given.items():
        # YAML reads a NEL or a line separator in a plain scalar as a space, so the check of the
        # text read back below would pass what the model refuses: refuse it as it was given
        reason = line_break(value) if isinstance(value, str) else None
        if reason:
            raise NotRecorded(f"--{field} {value!r}: {reason}; nothing was written", path=display)
    new_text = change.apply(text)
    loaded, problems = load_text(new_text, display, max_depth=max_depth)
    after = None
    if loaded is not None:
        after, problems = validate(loaded, display)
    if after is None:
        first = problems[0]
        message = f"with the new {change.noun} the dossier would not be valid: line {first.line}: {first.message}"
        raise NotRecorded(f"{message}; nothing was written", path=display)
    if not change.only_this(dossier.model_dump(by_alias=True), after.model_dump(by_alias=True)):
        raise NotRecorded(
            f"the {change.noun} could not be added without changing other content; nothing was written", path=display
        )
    return new_text


def _at(data: Any, where: tuple[str | int, ...]) -> Any:
    for step in where:
        data = data[step]
    return data


def _replaced(data: Any, where: tuple[str | int, ...], new: Data) -> Any:
    """A copy of `data` with the item at `where` replaced by `new`."""
    if not where:
        return new
    step, rest = where[0], where[1:]
    if isinstance(data, list) and isinstance(step, int):
        return [_replaced(v, rest, new) if i == step else v for i, v in enumerate(data)]
    return {k: _replaced(v, rest, new) if k == step else v for k, v in data.items()}


def _without(data: Data, key: str) -> Data:
    handoff = {k: v for k, v in (data.get("handoff") or {}).items() if k != key and v is not None}
    return {**data, "handoff": handoff}
