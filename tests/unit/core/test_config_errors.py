"""Where a handoff.toml mistake is (line and column), and the range a bounded setting must fall in."""

from __future__ import annotations

import tomllib

import pytest
from pydantic import BaseModel, Field

from handoff_cli.core.config_errors import bounds, key_position, syntax_position
from handoff_cli.core.render_settings import RenderSettings


def _decode_error(text: str) -> tomllib.TOMLDecodeError:
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    return raised.value


def test_a_syntax_error_is_at_tomllib_s_line_and_column() -> None:
    text = 'timezone = "UTC"\nmin_score = \n'
    assert syntax_position(_decode_error(text), text) == ("Invalid value", 2, 13)


def test_an_error_at_the_end_of_the_file_is_after_its_last_character() -> None:
    text = 'timezone = "UTC"\nname = "x'
    assert syntax_position(_decode_error(text), text) == ("Unterminated string", 2, 10)


def test_a_setting_is_found_by_its_key_or_its_table() -> None:
    text = 'timezone = "UTC"\n\n[render]\n  max_seconds = 0.01\n"quoted" = 1\n'
    assert key_position(text, ["render", "max_seconds"]) == (4, 3)
    assert key_position(text, ["render"]) == (3, 1)
    assert key_position(text, ["quoted"]) == (5, 1)


def test_a_list_index_is_skipped_for_the_key_above_it() -> None:
    assert key_position('paths = ["a", 3]\n', ["paths", 1]) == (1, 1)


def test_a_setting_not_written_has_no_line() -> None:
    assert key_position('timezone = "UTC"\n', ["min_score"]) == (None, 1)
    assert key_position("", []) == (None, 1)


def test_a_key_is_not_found_inside_a_longer_one() -> None:
    assert key_position("max_seconds_total = 1\nmax_seconds = 2\n", ["max_seconds"]) == (2, 1)


class Limits(BaseModel):
    both: int = Field(5, ge=1, le=10)
    above: float = Field(1.0, gt=0)
    below: int = Field(1, lt=100)
    open_: int = Field(1, gt=0, lt=5)
    free: int = 1
    render: RenderSettings = RenderSettings()
    by_name: dict[str, RenderSettings] = {}


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        (["both"], "from 1 to 10"),
        (["above"], "over 0"),
        (["below"], "under 100"),
        (["open_"], "over 0 and under 5"),
        (["free"], ""),
        (["render", "max_output_bytes"], "from 1024 to 67108864"),
        (["render", "max_seconds"], "from 0.1 to 600"),
        (["by_name", "a", "max_seconds"], "from 0.1 to 600"),  # through a table of tables
    ],
)
def test_a_bounded_setting_says_its_range(loc: list[str], expected: str) -> None:
    assert bounds(Limits, loc) == expected
