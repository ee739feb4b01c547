"""Templates compiled once per process: a second environment reuses the code, an edited template is compiled
again."""

from __future__ import annotations

from typing import Any

from jinja2 import DictLoader, Environment

from handoff_cli.render.compiled import Compiled


class Counting(Environment):
    compiled = 0

    def compile(self, *args: Any, **kwargs: Any) -> Any:
        Counting.compiled += 1
        return super().compile(*args, **kwargs)


def test_a_second_environment_reuses_the_code_and_an_edit_compiles_again() -> None:
    cache, sources = Compiled(), {"t.j2": "Hello {{ name }}"}
    Counting.compiled = 0
    for _ in range(3):
        env = Counting(loader=DictLoader(sources), bytecode_cache=cache)
        assert env.get_template("t.j2").render(name="Ada") == "Hello Ada"
    assert Counting.compiled == 1
    sources["t.j2"] = "Goodbye {{ name }}"
    env = Counting(loader=DictLoader(sources), bytecode_cache=cache)
    assert env.get_template("t.j2").render(name="Ada") == "Goodbye Ada"
    assert Counting.compiled == 2

