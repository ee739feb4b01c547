"""The three ways a command ends, the same for every command, as the README promises them."""

from __future__ import annotations

from handoff_cli.core.errors import ConfigError, DossierInvalid, HandoffError, InputError, WriteError
from handoff_cli.core.exit_codes import ExitCode
from handoff_cli.edit.record import NotRecorded
from tests.conftest import ROOT


def test_the_readme_states_each_code_as_the_code_has_it() -> None:
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    assert [int(code) for code in ExitCode] == [0, 1, 2]
    assert (
        "Exit codes, the same for every command: 0 all good, 1 findings (invalid, below the minimum score, "
        "a breached clock), 2 usage error or unreadable input."
    ) in readme


def test_a_refusal_is_a_usage_error_and_an_invalid_dossier_a_finding() -> None:
    for usage in (HandoffError, ConfigError, InputError, WriteError):
        assert usage("x").exit_code is ExitCode.USAGE, usage
    assert DossierInvalid("d.yaml", []).exit_code is ExitCode.FINDINGS
    assert NotRecorded("x").exit_code is ExitCode.FINDINGS  # the change would make the dossier invalid
