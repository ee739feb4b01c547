"""Property tests: whatever a dossier file holds, `handoff` answers with its own errors, never a crash,
and `handoff log` adds the one event and changes no other value. Every renderer, given any text that
`validate` accepts, renders without an internal error and without a line or table cell more than plain
text gives; parallel `log` runs keep every event they report.

Runs are derandomized (a fixed seed per test), so CI sees the same examples every time.
"""

from __future__ import annotations

import faulthandler
import io
import re
import time
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from typer.testing import CliRunner

from handoff_cli.cli import app
from handoff_cli.dossier.reader import load_bytes
from handoff_cli.dossier.schema_check import validate
from handoff_cli.model import Dossier
from handoff_cli.model.progress import EventName
from tests.conftest import AS_OF, CASES, EXAMPLES, Run

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

VALID_EXAMPLES = sorted(EXAMPLES.glob("*.yaml"))
# one finding line: `path:line:col: CODE name: message`
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?:error|warning): (?P<code>H[A-Z]\d{3}) [a-z-]+: ")

# Text that has tripped YAML tools before: YAML 1.1 booleans and numbers, indicators, control and
# invisible characters, dates that do not exist or overflow, numbers too large to format.
AWKWARD = [
    "", " ", "~", "null", "Null", "NO", "yes", "off", "0123", "0x1F", "0o17", "1_000", "1e3", ".inf", "-.nan",
    "NaN", "Infinity", "-0", "1e400", "1e999999999", "-1e999999999", "9" * 5000, "0.0000000001", "-1",
    "2026-02-30", "2026-13-45", "9999-12-31", "9999-12-31T23:59:59", "0001-01-01", "0000-00-00", "99999-01-01",
    "2026-11-23T25:61:00", "2026-11-23T12:00:00+99:00", "2026-11-23 12:00", "-", "- a", ": ", "a: b", "? x",
    "#x", " #x", "&a", "*a", "!", "!!python/name:os.system", "<<", "'", '"', "`", "|", ">", "%", "@", "{", "}",
    "[", "]", ",", "\t", "\n", "\r", "\r\n", "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\u00a0", "\u200b",
    "\u2028", "\u2029", "\ufeff", "\ufffe", "é", "日本語", "😀", "ünïcödé\u0301", "a" * 300, "x@y", "a@b.c",
    "USD", "usd", "150K", "{{ deal.id }}", "{% raw %}", "<script>alert(1)</script>", "&amp;", "TBD", "n/a",
    "champion", "mid-market", "closed-won", "pre-close", "kickoff", "HS201", "true", "false",
]  # fmt: skip
SECTION_KEYS = [
    "schema", "deal", "customer", "stakeholders", "goals", "commitments", "technical", "implementation", "risks",
    "handoff", "id", "account", "segment", "stage", "value", "amount", "currency", "signed_at", "sales_rep", "csm",
    "name", "email", "role", "events", "event", "at", "note", "by", "waivers", "rule", "expires", "due", "what",
    "kind", "severity", "start", "go_live", "milestones", "<<",
]  # fmt: skip

awkward_text = st.sampled_from(AWKWARD) | st.text(max_size=12)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.dates()
    | st.datetimes(timezones=st.none() | st.timezones())
    | awkward_text
)
keys = st.sampled_from(SECTION_KEYS) | awkward_text
trees = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25,
)

runner = CliRunner()
SLOW_SECONDS = 10  # a command takes well under a second on a dossier; ten is a bug
# the time limit is about what a dossier costs, not start-up: the validator a process builds on its
# first check is built here, before any command is timed
Dossier.model_rebuild(force=True)
HANG_SECONDS = 60


def invoke(*args: str) -> Run:
    # exceptions propagate (catch_exceptions=False): a crash fails the property with its traceback.
    # A hang would stall the suite instead, so past the limit the stacks are dumped and the run ends.
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
    started = time.monotonic()
    try:
        result = runner.invoke(app, list(args), catch_exceptions=False)
    finally:
        faulthandler.cancel_dump_traceback_later()
    took = time.monotonic() - started
    assert took < SLOW_SECONDS, f"handoff {' '.join(args)} took {took:.0f} s"
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with an empty handoff.toml, passed as --config so no settings leak in from around the repo."""
    folder = tmp_path_factory.mktemp("props")
    (folder / "handoff.toml").write_text("", encoding="utf-8")
    return folder


def dump(data: Any, *, flow: bool | None, mapping_indent: int, offset: int, unicode: bool) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    yaml.allow_unicode = unicode
    yaml.indent(mapping=mapping_indent, sequence=offset + 2, offset=offset)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@st.composite
def yaml_documents(draw: st.DrawFn) -> bytes:
    """A random tree, or a shipped dossier with random subtrees, written out as YAML with a random style."""
    if draw(st.booleans()):
        data: Any = draw(trees)
    else:
        data = _plain(load_bytes(draw(st.sampled_from(VALID_EXAMPLES)).read_bytes(), "x", max_depth=40)[0])
        for _ in range(draw(st.integers(1, 4))):
            data = _replace(data, draw(st.sampled_from(list(_paths(data)))), draw(trees))
    text = dump(
        data,
        flow=draw(st.sampled_from([None, True, False])),
        mapping_indent=draw(st.sampled_from([2, 4])),
        offset=draw(st.sampled_from([0, 2])),
        unicode=draw(st.booleans()),
    )
    prefix = draw(st.sampled_from(["", "---\n", "%YAML 1.1\n---\n", "# comment\n", "\ufeff", "schema: 1\n"]))
    suffix = draw(st.sampled_from(["", "...\n", "---\nx: 1\n", "\n\n", "# end", "\x00"]))
    return (prefix + text + suffix).encode("utf-8")


def _plain(loaded: Any) -> Any:
    assert loaded is not None
    return loaded.data


def _paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in children:
        yield from _paths(value, (*path, key))


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = deepcopy(data)
    parent = copy
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return copy


def assert_clean(run: Run, display: str) -> None:
    """The tool's own answer: a known exit code, no traceback or internal error, and problems named by file."""
    shown = run.stdout + run.stderr
    assert run.exit_code in {0, 1, 2}, shown
    assert "Traceback" not in shown and "internal error" not in shown, shown
    if run.exit_code:
        assert display in shown, shown


def assert_findings_inside(run: Run, raw: bytes) -> None:
    """Every `file:line:col` points at a place that exists in the file (at most the end of the last line)."""
    lines = raw.count(b"\n") + 1
    matched = 0
    for line in run.stdout.splitlines():
        found = FINDING.match(line)
        if found:
            matched += 1
            assert 1 <= int(found["line"]) <= lines and int(found["col"]) >= 1, line
    assert matched or run.exit_code != 1, run.stdout  # a failed check names at least one place


def check_validate(folder: Path, raw: bytes) -> None:
    path = folder / "deal.yaml"
    path.write_bytes(raw)
    run = invoke("validate", "deal.yaml", "--config", str(folder / "handoff.toml"), "--as-of", AS_OF)
    assert_clean(run, "deal.yaml")
    assert_findings_inside(run, raw)
    assert path.read_bytes() == raw, "validate changed the file"


@pytest.fixture
def in_workdir(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(workdir)
    return workdir


# The monkeypatched working directory is the same for every example, so sharing it is safe.
USES_FIXTURE = settings(
    PROPERTY, suppress_health_check=[*PROPERTY.suppress_health_check, HealthCheck.function_scoped_fixture]
)


@USES_FIXTURE
@given(raw=yaml_documents())
def test_random_yaml_documents_get_clean_errors(in_workdir: Path, raw: bytes) -> None:
    check_validate(in_workdir, raw)


@USES_FIXTURE
@given(raw=st.binary(max_size=600))
def test_random_bytes_get_clean_errors(in_workdir: Path, raw: bytes) -> None:
    check_validate(in_workdir, raw)


YAMLISH = [
    "schema: 1\n", "deal:\n", "  id: x\n", "- ", ": ", "\n", "  ", "\t", "{", "}", "[", "]", ",", "'", '"', "&a ",
    "*a", "!!str ", "? ", "|\n", ">-\n", "#", "---\n", "...\n", "%TAG ! tag:x:\n", "<<: ", "\r", "é",
]  # fmt: skip


@USES_FIXTURE
@given(text=st.text(max_size=400) | st.lists(st.sampled_from(YAMLISH) | st.text(max_size=5), max_size=40).map("".join))
def test_random_text_gets_clean_errors(in_workdir: Path, text: str) -> None:
    check_validate(in_workdir, text.encode("utf-8", errors="surrogatepass"))


# ---- mutations of the shipped examples ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """One of the edits a hurried person (or a bad merge) makes to a dossier; its repr says which."""

    kind: str
    at: int = 0  # which line, byte or value, modulo how many there are
    other: int = 0  # the second line of a swap
    text: bytes = b""  # what an insert, retype, extreme or setting writes
    delta: int = 0  # how far an indent moves a line

    def __call__(self, raw: bytes) -> bytes:
        if self.kind == "truncate":
            return raw[: self.at % (len(raw) + 1)]
        if self.kind == "insert":
            cut = self.at % (len(raw) + 1)
            return raw[:cut] + self.text + raw[cut:]
        if self.kind in ("retype", "extreme", "setting"):
            return _replace_value(raw, self)
        return _lines_edit(raw, self)


@st.composite
def mutations(draw: st.DrawFn) -> Edit:
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "retype", "extreme", "truncate", "insert"]))
    at, other = draw(st.integers(0, 10_000)), draw(st.integers(0, 10_000))
    if kind == "extreme":
        return Edit(kind, at, text=draw(st.sampled_from(EXTREMES)).encode())
    if kind == "retype":
        replacement = draw(st.sampled_from(RETYPED) | awkward_text.map(lambda s: s.replace("\n", " ")))
        return Edit(kind, at, text=replacement.encode("utf-8", errors="surrogatepass"))
    if kind == "indent":
        return Edit(kind, at, delta=draw(st.sampled_from([-4, -2, -1, 1, 2, 4])))
    if kind == "insert":
        piece = draw(st.sampled_from(["\t", "\ufeff", "\x00", "\r", "\u2028", "\x85", "#", ":", "- "]))
        return Edit(kind, at, text=draw(st.sampled_from([piece.encode("utf-8"), b"\xff", b"\xc3"])))
    return Edit(kind, at, other)


def setting(key: str, value: str) -> Edit:
    """Replace the value of the first `key:` (in block or flow style)."""
    return Edit("setting", text=f"{key}\0{value}".encode())


# Values of another type than the one a field expects, in YAML: collections for scalars and the reverse,
# absurd magnitudes, dates at the ends of the calendar.
RETYPED = [
    "[]", "{}", "~", "''", "[1, 2]", "{a: 1}", "- x", "12", "-1", "0", "1.5", "1e400", "1e999999999",
    "-1e999999999", "Infinity", "NaN", "true", "no", "9999-12-31", "9999-12-31T23:59:59+00:00", "0001-01-01",
    "0001-01-01T00:00:00+14:00", "2026-02-30", "|\n  block text", "&a x", "*a", "!!binary aGk=", "'9.6K'",
    "{amount: 1e999999999, currency: USD}", "{amount: -5, currency: usd}", "[{name: x, role: champion}]",
]  # fmt: skip
# Numbers and dates at the edges of what Python can hold or write out.
EXTREMES = [
    "1e999999999", "1e-999999999", "-1e999999999", "9" * 400, "0.00000000001", "-1", "0", "9999-12-31",
    "9999-12-31T23:59:59-12:00", "0001-01-01", "0001-01-01T00:00:00+14:00", "2999-12-31T23:59:59-12:00",
    "1900-01-01T00:00:00+14:00", "99999999999", "2026-11-23T12:00:00+23:59",
]  # fmt: skip
# what each value-replacing edit replaces: any value after a key; a number or date; one key's value
TARGETS = {
    "retype": re.compile(rb"^\s*(?:- )?[A-Za-z_]+:[ ]+(?P<value>[^#\r\n]+)", re.MULTILINE),
    "extreme": re.compile(rb"(?<=: )(?P<value>\d[\d.:+TZ-]*)"),
}


def _replace_value(raw: bytes, edit: Edit) -> bytes:
    text = edit.text
    if edit.kind == "setting":
        key, text = edit.text.split(b"\0")
        pattern = re.compile(rb"(?<=\b" + re.escape(key) + rb": )(?P<value>[^,}\r\n]+)")
    else:
        pattern = TARGETS[edit.kind]
    found = list(pattern.finditer(raw))
    if not found:
        return raw
    match = found[edit.at % len(found)]
    # a multi-line replacement (a block scalar) continues indented under its key
    line_start = raw.rfind(b"\n", 0, match.start()) + 1
    indent = len(raw[line_start:]) - len(raw[line_start:].lstrip(b" -")) + 2
    return raw[: match.start("value")] + text.replace(b"\n", b"\n" + b" " * indent) + raw[match.end("value") :]


def _lines_edit(raw: bytes, edit: Edit) -> bytes:
    lines = raw.splitlines(keepends=True)
    if not lines:
        return raw
    i, j = edit.at % len(lines), edit.other % len(lines)
    if edit.kind == "delete":
        del lines[i]
    elif edit.kind == "duplicate":
        lines.insert(i, lines[i])
    elif edit.kind == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif edit.kind == "indent":
        stripped = lines[i].lstrip(b" ")
        lines[i] = b" " * max(0, len(lines[i]) - len(stripped) + edit.delta) + stripped
    return b"".join(lines)


# (the command, its options): the commands that read a dossier and write its values out
READERS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("validate",), ("--as-of", AS_OF)),
    (("sla",), ("--as-of", AS_OF)),
    (("report",), ("--as-of", AS_OF)),
    (("render", "plan"), ()),
    (("render", "intro"), ("--format", "eml", "--date", AS_OF)),
    (("render", "agenda"), ("--meeting", "kickoff")),
    (("render", "calendar"), ("--date", AS_OF)),
]


ACME = EXAMPLES / "midmarket-acme.yaml"


@settings(USES_FIXTURE, max_examples=40)  # each example runs eight commands
@given(example=st.sampled_from(VALID_EXAMPLES), edits=st.lists(mutations(), min_size=1, max_size=3))
# found by these properties once: the report spent half a minute and gigabytes writing the amount out,
# and the documents crashed on a target too large for Decimal's context
@example(example=ACME, edits=[setting("amount", "1e999999999")])
@example(example=ACME, edits=[setting("target", "1e999999999")])
# adding days to a date at the end of the calendar crashed validate, sla, report and render
@example(example=ACME, edits=[setting("signed_at", "9999-12-31T23:00:00-12:00")])
@example(example=ACME, edits=[setting("by", "9999-12-31")])
@example(example=ACME, edits=[setting("signed_at", "0001-01-01T00:00:00+14:00")])
def test_mutated_examples_get_clean_errors(in_workdir: Path, example: Path, edits: list[Edit]) -> None:
    raw = example.read_bytes()
    for edit in edits:
        raw = edit(raw)
    path = in_workdir / "deal.yaml"
    path.write_bytes(raw)
    config = ("--config", str(in_workdir / "handoff.toml"))
    for command, options in READERS:
        run = invoke(*command, "deal.yaml", *options, *config)
        assert_clean(run, "deal.yaml")
        assert path.read_bytes() == raw, f"{' '.join(command)} changed the file"
    run = invoke("log", "deal.yaml", "kickoff", "--at", "2026-11-20T10:00:00+00:00", "--force", *config)
    assert_clean(run, "deal.yaml")
    if run.exit_code:
        assert path.read_bytes() == raw, "a refused log changed the file"


# ---- handoff log: the new event and nothing else -----------------------------------------------------------------

HEAD = "schema: 1\ndeal:\n  id: D-1\n  account: Initech\n  segment: smb\n  signed_at: 2026-11-09T09:00:00+00:00\n"
HEAD4 = (
    "# four-space indentation\nschema: 1\ndeal:\n    id: '0042'\n    account: \"Initech, Inc.\"\n"
    "    segment: mid-market\n    signed_at: 2026-11-09T09:00:00Z\n"
)
TAILS = [
    "",
    "handoff:\n",
    "handoff: ~  # later\n",
    "handoff: null\n",
    "handoff:\n  events:\n",
    "handoff:\n  events: []\n",
    "handoff:\n  events: []   # none yet\n  checklist:\n    - {item: x}\n",
    "handoff:\n  checklist:\n    - {item: x, done: true}\n",
    "handoff:\n  events: [{event: intro_email, at: 2026-11-09T10:00:00Z}]  # one so far\n",
    "handoff:\n  events: [\n    {event: intro_email, at: 2026-11-09T10:00:00Z},\n  ]\n",
    "handoff:\n  events:\n  - event: intro_email\n    at: 2026-11-09T10:00:00Z",
    "handoff:\n  events:\n    - event: intro_email\n      at: 2026-11-09T10:00:00Z\n      note: >-\n        two\n"
    "        lines\n\n# trailing comment\n",
    "handoff:\n  events:\n    - event: intro_email\n      at: 2026-11-09T10:00:00Z\n      note: >-\n"
    "        folded\n",
    "handoff:\n  events:\n    # a comment before the first item\n    - {event: intro_email, at: 2026-11-09T10:00:00Z}\n"
    "    # and one after it\n\n\n",
    "handoff:\n  waivers:\n    - {rule: HS202, reason: known gap, approved_by: Lee, expires: 2027-01-31}\n"
    "  events:\n    - event: intro_email\n      at: 2026-11-09T10:00:00Z\n      by: 'Rita: rep'\n",
]  # fmt: skip
def four_spaces(text: str) -> str:
    """Two-space indentation doubled, with a list item's keys still lined up after its dash."""
    lines = []
    for line in text.split("\n"):
        body = line.lstrip(" ")
        if body.startswith("- "):
            body = "-   " + body[2:]
        lines.append(" " * 2 * (len(line) - len(line.lstrip(" "))) + body)
    return "\n".join(lines)


BASES = [
    *(p.read_text(encoding="utf-8") for p in VALID_EXAMPLES),
    (CASES / "sla" / "commented.yaml").read_text(encoding="utf-8"),
    (CASES / "render" / "complete.yaml").read_text(encoding="utf-8"),
    *(HEAD + tail for tail in TAILS),
    *(HEAD4 + four_spaces(tail) for tail in TAILS),
]
SIGNED_BEFORE = datetime(2026, 11, 13, tzinfo=UTC)  # every base is signed by then, so --at after it is not early
NOW_BEFORE = datetime(2026, 11, 23, tzinfo=UTC)  # and this is in the past, so --at is never in the future


def test_every_log_base_is_a_valid_dossier() -> None:
    for text in BASES:
        loaded, problems = load_bytes(text.encode("utf-8"), "deal.yaml", max_depth=16)
        assert loaded is not None, (problems, text)
        assert validate(loaded, "deal.yaml")[0] is not None, text


@st.composite
def bases(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(BASES))
    if draw(st.booleans()):
        text = text.rstrip("\n")
    if draw(st.booleans()):
        text += draw(st.sampled_from(["\n# appended comment\n", "\n\n\n", "   # trailing\n"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


moments = st.datetimes(
    min_value=SIGNED_BEFORE.replace(tzinfo=None),
    max_value=NOW_BEFORE.replace(tzinfo=None),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=-7)), timezone(timedelta(hours=5, minutes=30))]),
)
notes = st.none() | awkward_text | st.text(min_size=1, max_size=40)
NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # line breaks and control characters


@USES_FIXTURE
@given(text=bases(), event=st.sampled_from(list(EventName)), at=moments, note=notes, by=notes)
def test_log_adds_the_event_and_changes_nothing_else(
    in_workdir: Path, text: str, event: EventName, at: datetime, note: str | None, by: str | None
) -> None:
    path = in_workdir / "deal.yaml"
    raw = text.encode("utf-8")
    path.write_bytes(raw)
    before, problems = load_bytes(raw, "deal.yaml", max_depth=16)
    assert before is not None, problems
    stamp = at.isoformat()
    extra = [*(("--note", note) if note is not None else ()), *(("--by", by) if by is not None else ())]
    run = invoke(
        "log", "deal.yaml", event.value, "--at", stamp, "--force", *extra, "--config", str(in_workdir / "handoff.toml")
    )
    assert_clean(run, "deal.yaml")
    refused = [v for v in (note, by) if v is not None and (not v.strip() or NOT_ONE_LINE.search(v.strip()))]
    if run.exit_code:
        # the only refusals left: a note or name that is blank, or not one line of printable text (HV012,
        # HV013), which the dossier's schema does not accept
        assert refused and run.exit_code == 1, run.stderr
        assert path.read_bytes() == raw
        return
    after, problems = load_bytes(path.read_bytes(), "deal.yaml", max_depth=16)
    assert after is not None, problems
    item = {
        "event": event.value,
        "at": stamp,
        **({"by": by} if by is not None else {}),
        **({"note": note} if note is not None else {}),
    }
    assert after.data == with_event(before.data, item)


def with_event(data: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    expected = deepcopy(data)
    section = expected.get("handoff") or {}
    section["events"] = [*(section.get("events") or []), item]
    expected["handoff"] = section
    return expected


# ---- what the properties found, pinned with the messages a user sees ----------------------------------------------


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            setting("amount", "1e999999999"),
            "deal.yaml:10:19: error: HV005 invalid-number: deal.value.amount: '1e999999999' is out of range; "
            "write at most 15 digits before the point and 10 after",
        ),
        (
            setting("signed_at", "9999-12-31T23:00:00-12:00"),
            "deal.yaml:11:14: error: HV004 invalid-date: deal.signed_at: '9999-12-31T23:00:00-12:00' is not a valid "
            "date "
            "(YYYY-MM-DDTHH:MM:SS±HH:MM): the year must be between 1900 and 2999",
        ),
        (
            setting("by", "0001-01-01"),
            "deal.yaml:81:100: error: HV004 invalid-date: goals.success_criteria[0].by: '0001-01-01' is not a valid "
            "date "
            "(YYYY-MM-DD): the year must be between 1900 and 2999",
        ),
        (
            # libyaml took the tab for a space; `handoff log` then crashed on the file validate had passed
            Edit("insert", ACME.read_bytes().index(b": Number 3"), text=b"\t"),
            "deal.yaml:19:20: error: HY001 yaml-syntax: found character '\\t' that cannot start any token "
            "(while scanning for the next token); indent with spaces, not tabs",
        ),
    ],
    ids=["huge-amount", "year-9999", "year-1", "tab-before-colon"],
)
def test_found_problems_are_findings(in_workdir: Path, edit: Edit, expected: str) -> None:
    path = in_workdir / "deal.yaml"
    path.write_bytes(edit(ACME.read_bytes()))
    config = ("--config", str(in_workdir / "handoff.toml"))
    run = invoke("validate", "deal.yaml", "--as-of", AS_OF, *config)
    assert run.exit_code == 1 and expected in run.stdout.splitlines(), run.stdout
    logged = invoke("log", "deal.yaml", "kickoff", "--at", "2026-11-20T10:00:00+00:00", *config)
    assert (logged.exit_code, logged.stdout, logged.stderr.splitlines()[0]) == (1, "", expected)
    assert logged.stderr.splitlines()[-1].startswith("handoff: error: deal.yaml: not a valid dossier")


@pytest.mark.parametrize("command", [("validate", "deal.yaml"), ("sla", "deal.yaml"), ("report", "deal.yaml")])
def test_as_of_outside_the_calendar_is_a_usage_error(in_workdir: Path, command: tuple[str, ...]) -> None:
    (in_workdir / "deal.yaml").write_bytes(ACME.read_bytes())
    run = invoke(*command, "--as-of", "9999-12-31T23:59:59-12:00", "--config", str(in_workdir / "handoff.toml"))
    words = " ".join(re.sub("[│╭╮╰╯─]", " ", run.stderr).split())  # the usage box wraps its text
    assert run.exit_code == 2 and "the year must be between 1900 and 2999" in words, run.stderr


# --- every renderer, over any text that `validate` accepts -----------------------------------------

COMPLETE = CASES / "render" / "complete.yaml"
# where arbitrary text goes: one-line fields (headers, subjects, table cells, calendar summaries)
ONE_LINE = [
    ("deal", "account"), ("deal", "id"), ("deal", "sales_rep", "name"), ("deal", "sales_rep", "title"),
    ("deal", "csm", "name"), ("stakeholders", 0, "name"), ("stakeholders", 0, "title"),
    ("goals", "success_criteria", 0, "metric"), ("implementation", "milestones", 0, "name"),
]  # fmt: skip
DOCUMENTS = [
    ("intro",), ("intro", "--from", "csm"), ("intro", "--format", "eml", "--date", AS_OF),
    ("plan",), ("plan", "--format", "html"), ("agenda", "--meeting", "kickoff"),
    ("agenda", "--meeting", "joint", "--format", "html"), ("calendar", "--date", AS_OF),
]  # fmt: skip
any_text = st.sampled_from(AWKWARD) | st.text(max_size=30)


def _rendered(folder: Path, data: Any) -> dict[tuple[str, ...], str]:
    (folder / "deal.yaml").write_text(dump(data, flow=False, mapping_indent=2, offset=0, unicode=True), "utf-8")
    outputs = {}
    for document in DOCUMENTS:
        run = invoke("render", document[0], "deal.yaml", *document[1:], "--config", str(folder / "handoff.toml"))
        assert_clean(run, "deal.yaml")
        assert run.exit_code == 0, run.stderr
        outputs[document] = run.stdout
    return outputs


_BAR = re.compile(r"(?<!\\)[|]")  # a Markdown cell boundary; an escaped \\| is text
_HEADER = re.compile(r"^(From|To|Cc|Bcc|Subject|Reply-To|Date|Message-ID|X-[A-Za-z-]+|Content-[A-Za-z-]+):")


def _shape(text: str, *, markdown: bool) -> tuple[list[int], list[str]]:
    """What no value may change: how many lines, the cells of each Markdown table row, the mail headers."""
    lines = text.splitlines()
    bars = [len(_BAR.findall(line)) if markdown and line.startswith("|") else 0 for line in lines]
    return bars, [m.group(1) for line in lines if (m := _HEADER.match(line))]


@settings(USES_FIXTURE, max_examples=15)  # each example renders eight documents
@given(values=st.lists(any_text, min_size=len(ONE_LINE), max_size=len(ONE_LINE)))
@example(values=["Evil Corp\nBcc: attacker@example.com"] + ["x"] * (len(ONE_LINE) - 1))
@example(values=["<script>alert(1)</script> | `x`"] * len(ONE_LINE))
def test_renderers_never_crash_or_grow_a_line_on_text_validate_accepts(in_workdir: Path, values: list[str]) -> None:
    base = _plain(load_bytes(COMPLETE.read_bytes(), "x", max_depth=40)[0])
    data = base
    for path, value in zip(ONE_LINE, values, strict=True):
        data = _replace(data, path, value)
    (in_workdir / "deal.yaml").write_text(dump(data, flow=False, mapping_indent=2, offset=0, unicode=True), "utf-8")
    check = invoke("validate", "deal.yaml", "--config", str(in_workdir / "handoff.toml"), "--as-of", AS_OF)
    assert_clean(check, "deal.yaml")
    if re.search(r": (H[YV]\d{3}|HF001) ", check.stdout):
        return  # refused at validation with its place, or a placeholder the renderers ask to fill in
    plain = {path: "x" for path in ONE_LINE}
    expected = _rendered(in_workdir, _fill(base, plain))
    for document, text in _rendered(in_workdir, data).items():
        markdown = document[0] in ("plan", "agenda") and "html" not in document
        shape = _shape(_unfolded(text), markdown=markdown)
        assert shape == _shape(_unfolded(expected[document]), markdown=markdown), (document, text)
        if "eml" in document:
            assert max(len(line.encode()) for line in text.splitlines()) <= 998


def _unfolded(text: str) -> str:
    """Mail headers and iCalendar lines folded onto the next line (CRLF then a space) read as one line."""
    return re.sub(r"\r?\n[ \t]", " ", text)  # the test runner shows CRLF as LF


def _fill(data: Any, values: dict[tuple[Any, ...], str]) -> Any:
    for path, value in values.items():
        data = _replace(data, path, value)
    return data


# --- writers under concurrency ---------------------------------------------------------------------

one_line_notes = st.text(
    st.characters(blacklist_categories=["Cc", "Cs", "Zl", "Zp"]), min_size=1, max_size=20
).filter(lambda s: s.strip() == s and s.strip() != "")


@settings(PROPERTY, max_examples=4)  # each example starts several processes at once
@given(notes=st.lists(one_line_notes, min_size=2, max_size=4, unique=True))
def test_parallel_logs_keep_every_reported_event(tmp_path_factory: pytest.TempPathFactory, notes: list[str]) -> None:
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("writers")
    (folder / "handoff.toml").write_text("", encoding="utf-8")
    (folder / "deal.yaml").write_bytes(COMPLETE.read_bytes())
    args = ["log", "deal.yaml", "kickoff", "--force", "--at", "2026-11-20T10:00:00+00:00", "--note"]
    running = [
        subprocess.Popen(
            [sys.executable, "-m", "handoff_cli", *args, note],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for note in notes
    ]
    reported = [note for note, p in zip(notes, running, strict=True) if p.wait(timeout=120) == 0]
    for p in running:
        p.communicate()
    events = YAML(typ="safe").load((folder / "deal.yaml").read_text(encoding="utf-8"))["handoff"]["events"]
    assert sorted(str(e["note"]) for e in events if "note" in e) == sorted(reported)
    assert reported == notes  # nobody had to give up: the waits are short
