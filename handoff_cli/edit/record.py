"""Add one item to a list under `handoff:` and prove the result before anyone writes it (`log`, `accept`)."""

from __future__ import annotations

from typing import Any

from handoff_cli.core.errors import HandoffError
from handoff_cli.core.exit_codes import ExitCode
from handoff_cli.dossier.reader import load_text
from handoff_cli.dossier.schema_check import validate
from handoff_cli.edit.insert import append_item
from handoff_cli.model import Dossier
from handoff_cli.model.common import line_break


class NotRecorded(HandoffError):
    """The dossier would not be valid with the new item in it; nothing is written. Exits 1, like a finding."""

    exit_code = ExitCode.FINDINGS


def recorded_text(
    text: str, dossier: Dossier, key: str, item: dict[str, Any], *, noun: str, display: str, max_depth: int
) -> str:
    """The file's new text; raises NotRecorded unless it is a valid dossier equal to the old one plus the item.

    `noun` names the item in messages ("event", "review")."""
    for field, value in item.items():
        # YAML reads a NEL or a line separator in a plain scalar as a space, so the check of the
        # text read back below would pass what the model refuses: refuse it as it was given
        reason = line_break(value) if isinstance(value, str) else None
        if reason:
            raise NotRecorded(f"--{field} {value!r}: {reason}; nothing was written", path=display)
    new_text = append_item(text, key, item)
    loaded, problems = load_text(new_text, display, max_depth=max_depth)
    after = None
    if loaded is not None:
        after, problems = validate(loaded, display)
    if after is None:
        first = problems[0]
        message = f"with the new {noun} the dossier would not be valid: line {first.line}: {first.message}"
        raise NotRecorded(f"{message}; nothing was written", path=display)
    before, now = dossier.model_dump(), after.model_dump()
    old_items = (before.get("handoff") or {}).get(key) or []
    new_items = (now.get("handoff") or {}).get(key) or []
    # the insertion is text surgery: check it added exactly one item at the end and touched nothing else
    grew = len(new_items) == len(old_items) + 1 and new_items[:-1] == old_items
    if not grew or _without(before, key) != _without(now, key):
        raise NotRecorded(
            f"the {noun} could not be added without changing other content; nothing was written", path=display
        )
    return new_text


def _without(data: dict[str, Any], key: str) -> dict[str, Any]:
    handoff = {k: v for k, v in (data.get("handoff") or {}).items() if k != key and v is not None}
    return {**data, "handoff": handoff}
