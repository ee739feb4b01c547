"""The fast reader (libyaml) and the careful reader (ruamel) agree on every file the fast one accepts,
and the fast one declines everything a finding could be about."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handoff_cli.dossier.careful_reader import compose_text
from handoff_cli.dossier.fast_reader import fast_load
from handoff_cli.dossier.reader import load_text
from tests.conftest import CASES, EXAMPLES

FILES = sorted([*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("invalid/*.yaml"), *CASES.rglob("*.yaml")])


def _agree(text: str) -> bool:
    """True when the fast reader accepted the text (and then matched the careful one exactly)."""
    fast = fast_load(text, 40)
    if fast is None:
        return False
    careful, findings = compose_text(text, "x.yaml", max_depth=40)
    assert findings == []
    assert careful is not None
    assert fast == (careful.data, careful.positions)
    return True


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_both_readers_agree_on_every_shipped_file(path: Path) -> None:
    _agree(path.read_text(encoding="utf-8"))


def test_the_clean_examples_take_the_fast_path() -> None:
    clean = [p for p in EXAMPLES.glob("*.yaml")]
    assert clean and all(_agree(p.read_text(encoding="utf-8")) for p in clean)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: 2\n",  # an anchor with no alias
        "a: &x 1\nb: *x\n",
        "a: !!python/object:os.system 1\n",
        "a: !!str 1\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "? [a]\n: 1\n",
        "a: 1\n---\nb: 2\n",
        "- a\n",
        "just text\n",
        "",
        "a: [1\n",
        "a:\n\tb: 1\n",
        'a: "x"# c\n',  # not YAML, though both parsers read it
        "a: [x,\nb]\n",
        "? \n: 1\n",  # an empty key: the readers place it differently
        "a: |\n \n  text\n",  # ruamel refuses what libyaml reads
        "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 60)),
    ],
)
def test_anything_with_a_finding_is_left_to_the_careful_reader(text: str) -> None:
    assert fast_load(text, 40) is None


def test_a_declined_clean_file_still_loads() -> None:
    # PyYAML reads `!!str` as a tag; the careful reader allows the standard ones, so the result stands
    loaded, findings = load_text("a: !!str 1\n", "x.yaml", max_depth=40)
    assert findings == [] and loaded is not None and loaded.data == {"a": "1"}


_scalars = st.one_of(
    st.text(max_size=30),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.dates(),
)
_keys = st.text(min_size=1, max_size=12)
_documents = st.dictionaries(
    _keys,
    st.recursive(
        _scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4), max_leaves=20
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(document=_documents, flow=st.sampled_from([False, None, True]), width=st.sampled_from([20, 80]))
def test_both_readers_agree_on_random_documents(document: dict[str, Any], flow: bool | None, width: int) -> None:
    text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True, width=width)
    _agree(text)
