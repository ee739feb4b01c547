"""Settings, found and merged in one documented order: built-in defaults < handoff.toml < command-line flags.

handoff.toml is looked for from the current directory upwards, stopping at the git root; a
pyproject.toml with a [tool.handoff] table on the way counts too (handoff.toml wins in the same
folder). `--config FILE` names the file instead. Unknown or ill-typed settings are errors (exit 2).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from handoff_cli.core.config_errors import bounds, key_position, syntax_position
from handoff_cli.core.errors import ConfigError
from handoff_cli.core.field_paths import did_you_mean, keys_at
from handoff_cli.core.findings import DEFAULT_REPEATS
from handoff_cli.core.holiday_calendars import check_country
from handoff_cli.core.language_tags import DEFAULT_LANGUAGE, written_language_tag
from handoff_cli.core.render_settings import RenderSettings
from handoff_cli.core.report_settings import ReportSettings
from handoff_cli.core.sla_settings import SlaSettings
from handoff_cli.core.surveys import SURVEY_GRACE_DAYS, SURVEY_TARGET
from handoff_cli.core.time_zones import zone_problem
from handoff_cli.core.vocabulary import DEFAULT_FILLER, DealKind, Segment, Stage

CONFIG_NAME = "handoff.toml"
_OUT_OF_RANGE = frozenset(("greater_than", "greater_than_equal", "less_than", "less_than_equal"))
Score = Annotated[float, Field(ge=0, le=100)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SegmentPolicy(_Strict):
    """Per-segment overrides: a segment playbook's own threshold and must-have rules."""

    min_score: Score | None = Field(None, description="This segment's threshold instead of min_score.")
    require: list[str] = Field(default_factory=list, description="Rules (code or name) that must pass.")
    skip: list[str] = Field(default_factory=list, description="Rules that do not apply to this segment.")
    check_in_days: int | None = Field(
        None, ge=0, le=90, description="Days between the CSM's check-ins in the first 90 days (0 to 90; 0: contact "
        "follows usage, not the calendar); a longer quiet spell is momentum death. Built in: enterprise and "
        "strategic 7, mid-market 14, smb 0.",
    )


class KindPolicy(_Strict):
    """Per-kind overrides: the rules a new logo, an expansion or a renewal is held to, over each segment's."""

    require: list[str] = Field(default_factory=list, description="Rules (code or name) that must pass for this kind.")
    skip: list[str] = Field(default_factory=list, description="Rules that do not apply to this kind.")


# days between the CSM's check-ins by segment playbook: weekly, bi-weekly, and none for self-serve SMB,
# whose touchpoints follow usage patterns rather than the calendar
DEFAULT_CHECK_IN_DAYS: dict[Segment, int] = {
    Segment.ENTERPRISE: 7, Segment.MID_MARKET: 14, Segment.SMB: 0, Segment.STRATEGIC: 7,
}  # fmt: skip


class StagePolicy(_Strict):
    """Per-stage gate: a dossier still being filled in (pre-close) may be incomplete."""

    min_score: Score | None = Field(None, description="This stage's threshold, over the segment's and min_score.")
    enforce: bool = Field(True, description="false: must-have rules only warn at this stage.")


def _in_order(value: tuple[float, float]) -> tuple[float, float]:
    if value[0] > value[1]:
        raise ValueError(f"the fewest weeks ({value[0]:g}) must not be more than the most ({value[1]:g})")
    return value


DEFAULT_STAGES = {Stage.PRE_CLOSE: StagePolicy(min_score=0, enforce=False)}
DEFAULT_MIN_WORDS = {
    "customer.purchase.why_us": 4,
    "customer.purchase.why_now": 4,
    "goals.problem": 5,
    "stakeholders[].why_they_advocate": 4,
    "risks.objections[].handled": 3,
    "risks.register[].mitigation": 3,
    "deal.scope": 3,
    "deal.terms": 3,
}


# weeks from implementation start (else signature) to go-live that a segment's onboarding usually takes
DEFAULT_GO_LIVE_WEEKS: dict[Segment, tuple[float, float]] = {
    Segment.SMB: (1, 4), Segment.MID_MARKET: (6, 10), Segment.ENTERPRISE: (12, 20), Segment.STRATEGIC: (16, 26),
}  # fmt: skip
WeekRange = Annotated[tuple[Annotated[float, Field(ge=0)], Annotated[float, Field(ge=0)]], AfterValidator(_in_order)]


class Settings(_Strict):
    min_score: Score = Field(95.0, description="Completeness a dossier needs to pass (target: 95 %).")
    timezone: str = Field("UTC", description="IANA zone for timestamps written without an offset.")
    country: str | None = Field(None, description="ISO 3166 code whose public holidays are not business days.")
    subdivision: str | None = Field(None, description="State or region for holidays, e.g. NY or BY.")
    weekend: list[Annotated[int, Field(ge=0, le=6)]] | None = Field(
        None,
        description="Days that are not business days (Monday is 0), replacing the country's own week; "
        "unset: the country's week (Friday and Saturday in Israel), else Saturday and Sunday.",
    )
    paths: list[str] = Field(default_factory=lambda: ["."], description="What `validate` checks when given no path.")
    copied_text: Literal["repo", "given", "off"] = Field(
        "repo",
        description='Copied text (HF002) is looked for in: "repo" every dossier of the git repo, '
        '"given" the files of the run, "off" nowhere.',
    )
    change_control: bool = Field(
        True,
        description="Inside git, warn (HC001) for each commitment changed in a commit after signature, and list them "
        "per rep in the report; false: git is not read for it (--no-change-control for one run).",
    )
    language: str = Field(DEFAULT_LANGUAGE, description="The team's language (BCP 47), and each deal's default.")
    templates_dir: str = Field("templates", description="Templates here override the packaged ones by name.")
    max_file_bytes: int = Field(
        1_048_576, ge=1024, le=16_777_216, description="Larger dossiers are refused unread (1024 to 16777216)."
    )
    max_depth: int = Field(16, ge=4, le=64, description="Deeper nesting is refused (4 to 64).")
    lock_wait: float = Field(
        10.0, ge=0, le=3600, description="Seconds a writer waits for another on the same file (0 to 3600)."
    )
    repeats: int = Field(
        DEFAULT_REPEATS, ge=1, le=100_000, description="Findings of one code a text, GitHub or render report shows per "
        "file; the rest are counted in one line (1 to 100000). JSON and SARIF list every finding."
    )
    weights: dict[str, Annotated[float, Field(ge=0, le=100)]] = Field(
        default_factory=dict, description="Rule (code or name) -> points (0 to 100)."
    )
    segments: dict[Segment, SegmentPolicy] = Field(default_factory=dict)
    kinds: dict[DealKind, KindPolicy] = Field(
        default_factory=dict, description="A deal kind's own rules ([kinds.expansion] require/skip), over the "
        "segment's.",
    )
    survey_target: float = Field(
        SURVEY_TARGET, ge=1, le=5,
        description="The customer survey's target rating (1 to 5); a rating under it is followed up by the CSM.",
    )
    survey_grace_days: int = Field(
        SURVEY_GRACE_DAYS, ge=0, le=90,
        description="Days after day 30 (and day 90) a customer survey may take to be logged before the CSM owes it "
        "(0 to 90).",
    )
    stages: dict[Stage, StagePolicy] = Field(default_factory=lambda: dict(DEFAULT_STAGES))
    filler: list[str] = Field(default_factory=lambda: list(DEFAULT_FILLER), description="Placeholder answers.")
    min_words: dict[str, Annotated[int, Field(ge=0, le=100)]] = Field(
        default_factory=lambda: dict(DEFAULT_MIN_WORDS),
        description="Free-text field -> fewest words that count (0 to 100).",
    )
    sla: SlaSettings = Field(default_factory=SlaSettings, description="SLA clock targets and owners ([sla]).")
    render: RenderSettings = Field(default_factory=RenderSettings, description="Bounds of one document ([render]).")
    report: ReportSettings = Field(
        default_factory=ReportSettings, description="How the report links each deal's dossier ([report])."
    )
    go_live_weeks: dict[Segment, WeekRange] = Field(
        default_factory=lambda: dict(DEFAULT_GO_LIVE_WEEKS),
        description="Segment -> [fewest, most] weeks to go-live its onboarding usually takes; a segment left out "
        "keeps its built-in range.",
    )

    @field_validator("stages")
    @classmethod
    def _keep_default_stages(cls, value: dict[Stage, StagePolicy]) -> dict[Stage, StagePolicy]:
        return {**DEFAULT_STAGES, **value}

    @field_validator("go_live_weeks")
    @classmethod
    def _keep_default_ranges(cls, value: dict[Segment, tuple[float, float]]) -> dict[Segment, tuple[float, float]]:
        return {**DEFAULT_GO_LIVE_WEEKS, **value}

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if (problem := zone_problem(value)) is not None:
            raise ValueError(f"'{value}': {problem}")
        return value

    @field_validator("weekend")
    @classmethod
    def _a_working_day(cls, value: list[int]) -> list[int]:
        if len(set(value)) == 7:  # a week's days
            # no business day at all: every business-day clock would search for one forever
            raise ValueError("names all seven days; keep at least one working day out of the weekend")
        return value

    @field_validator("country")
    @classmethod
    def _holiday_country(cls, value: str | None) -> str | None:
        if value is not None:
            check_country(value)
        return value

    @field_validator("subdivision")
    @classmethod
    def _holiday_subdivision(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None:
            if not info.data.get("country"):  # absent, or refused already
                raise ValueError("a subdivision needs a country; set country too, e.g. country = \"US\"")
            check_country(f"{info.data['country']}-{value}")
        return value

    @field_validator("language")
    @classmethod
    def _language_tag(cls, value: str) -> str:
        return written_language_tag(value)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def min_score_for(self, segment: Segment, stage: Stage = Stage.CLOSED_WON) -> float:
        """The stage's threshold if it sets one, else the segment's, else the global one."""
        by_stage = self.stages.get(stage)
        if by_stage and by_stage.min_score is not None:
            return by_stage.min_score
        policy = self.segments.get(segment)
        return policy.min_score if policy and policy.min_score is not None else self.min_score

    def check_in_days(self, segment: Segment) -> int:
        """The segment's check-in cadence in days; 0 when its contact follows usage, not the calendar."""
        policy = self.segments.get(segment)
        own = policy.check_in_days if policy else None
        return DEFAULT_CHECK_IN_DAYS[segment] if own is None else own

    def enforced(self, stage: Stage) -> bool:
        policy = self.stages.get(stage)
        return policy.enforce if policy else True


@dataclass(frozen=True)
class Project:
    """The settings in force and where they came from; `root` anchors relative paths in them."""

    settings: Settings
    root: Path
    source: Path | None = None


def discover(start: Path, explicit: Path | None = None) -> Project:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("config file not found", path=explicit)
        return _load(explicit)
    for folder in (start, *start.parents):
        for candidate in (folder / CONFIG_NAME, folder / "pyproject.toml"):
            if candidate.is_file() and (candidate.name == CONFIG_NAME or _has_tool_table(candidate)):
                return _load(candidate)
        if (folder / ".git").exists():
            return Project(Settings(), folder)
    return Project(Settings(), start)


def _has_tool_table(path: Path) -> bool:
    return "[tool.handoff" in path.read_text(encoding="utf-8", errors="replace")


def _load(path: Path) -> Project:
    shown = from_here(path)
    try:
        # a byte-order mark is what many Windows editors write; TOML itself does not allow one
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
        data: Any = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", path=shown) from None
    except UnicodeDecodeError:
        raise ConfigError("not valid UTF-8", path=shown) from None
    except tomllib.TOMLDecodeError as exc:
        what, line, col = syntax_position(exc, text)
        raise ConfigError(f"invalid TOML: {what}", path=shown, line=line, col=col) from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("handoff", {})
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = tuple(p for p in err["loc"] if p != "[key]")  # a mistyped table name: pydantic marks its key so
        key = ".".join(str(p) for p in loc)
        if err["type"] == "extra_forbidden":
            message = f"unknown setting '{key}'{did_you_mean(str(loc[-1]), keys_at(Settings, loc[:-1]))}"
        elif err["type"] in _OUT_OF_RANGE and (allowed := bounds(Settings, loc)):
            message = f"setting '{key}': {err['input']} is out of range; write a number {allowed}"
        else:
            message = f"setting '{key}': {err['msg'].removeprefix('Value error, ')}"
        at, column = key_position(text, loc)
        raise ConfigError(message, path=shown, line=at, col=column) from None
    return Project(settings, path.parent, path)


def from_here(path: Path) -> Path:
    """A settings file in or above the current folder is named from it (handoff.toml, ../handoff.toml), as
    paths are in output; one elsewhere keeps the name it was found by."""
    here = Path.cwd()
    if not path.is_absolute() or not (path.is_relative_to(here) or here.is_relative_to(path.parent)):
        return path
    return Path(os.path.relpath(path, here))
