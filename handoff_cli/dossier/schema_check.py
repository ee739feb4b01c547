"""Match loaded data against the Dossier model, turning each pydantic error into a located finding."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from handoff_cli.core.codes import CODES
from handoff_cli.core.field_paths import choices_at, did_you_mean, dotted, keys_at, sections_with
from handoff_cli.core.findings import Finding, Severity
from handoff_cli.dossier.yaml_codes import Loaded
from handoff_cli.model import Dossier

_DATE = {
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
    "date_type",
    "datetime_parsing",
    "datetime_from_date_parsing",
    "datetime_type",
    "datetime_object_invalid",
    "date_out_of_range",
    "datetime_out_of_range",
}
_NUMBER = {
    "decimal_parsing",
    "decimal_type",
    "int_parsing",
    "int_type",
    "float_parsing",
    "float_type",
    "int_from_float",
    "greater_than_equal",
    "greater_than",
    "decimal_max_digits",
    "decimal_max_places",
    "decimal_whole_digits",
    "finite_number",
}
_SHAPE = {"string_type", "dict_type", "list_type", "model_type", "model_attributes_type"}
_SHAPE_NAMES = {
    "string_type": "text",
    "dict_type": "a mapping",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "list_type": "a list",
}


def validate(loaded: Loaded, display: str) -> tuple[Dossier | None, list[Finding]]:
    try:
        return Dossier.model_validate(loaded.data), []
    except ValidationError as exc:
        findings = [_finding(loaded, display, err) for err in exc.errors(include_url=False)]
        findings.sort(key=lambda f: (f.line, f.col, f.code))
        return None, findings


def _finding(loaded: Loaded, display: str, err: ErrorDetails) -> Finding:
    loc = tuple(err["loc"])
    field = dotted(loc)
    code, message = _classify(err, loc, field)
    if code == "HV001":
        line, col = loaded.positions.key(loc)
    elif code == "HV002":
        line, col = loaded.positions.locate(loc)
    else:
        line, col = loaded.positions.value(loc)
    name, why = CODES[code].name, CODES[code].why
    return Finding(code, name, Severity.ERROR, display, line, col, field, message, why)


def _classify(err: ErrorDetails, loc: tuple[str | int, ...], field: str) -> tuple[str, str]:
    kind, value = err["type"], err.get("input")
    shown = _show(value)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        hint = did_you_mean(key, keys_at(Dossier, loc[:-1]))
        if not hint and (homes := sections_with(Dossier, key)):
            hint = f"; '{key}' belongs under {' or '.join(homes)}: check the indentation"
        return "HV001", f"unknown key '{key}'{hint}"
    if kind == "missing":
        where = dotted(loc[:-1]) or "the top level"
        choices = choices_at(Dossier, loc)
        return "HV002", f"'{loc[-1]}' is required in {where}" + (f"; one of {', '.join(choices)}" if choices else "")
    if loc == ("schema",):
        return "HV009", f"schema: {err['msg'].removeprefix('Value error, ')}"
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",")]
        return "HV003", f"{field}: {shown} is not one of {', '.join(options)}{did_you_mean(str(value), options)}"
    if kind in _DATE:
        form = "YYYY-MM-DDTHH:MM:SS±HH:MM" if kind.startswith("datetime") else "YYYY-MM-DD"
        return "HV004", f"{field}: {shown} is not a valid date ({form}): {_reason(err)}"
    if kind in _NUMBER:
        if kind.startswith("greater_than"):
            return "HV005", f"{field}: {shown} must not be negative"
        if kind in ("decimal_max_digits", "decimal_max_places", "decimal_whole_digits"):
            return "HV005", f"{field}: {shown} is out of range; write at most 15 digits before the point and 10 after"
        return "HV005", f"{field}: {shown} is not a number; write digits only, e.g. 150000"
    if kind == "value_error" and "email" in err["msg"]:
        reason = str(err.get("ctx", {}).get("reason", "")).rstrip(".")
        return "HV006", f"{field}: {shown} is not a valid email address" + (f" ({reason})" if reason else "")
    if kind in _SHAPE:
        return "HV007", f"{field}: expected {_SHAPE_NAMES[kind]}, found {_describe(value)}"
    if kind == "truthy":
        return "HV008", f"{field}: {shown} is not true or false; {_reason(err).split('; ')[-1]}"
    if kind == "int_too_large":
        return "HV005", f"{field}: {shown} is out of range; write at most 15 digits"
    if kind in ("bool_parsing", "bool_type"):
        return "HV008", f"{field}: {shown} is not true or false"
    if kind in ("line_break", "control_character"):
        return ("HV012" if kind == "line_break" else "HV013"), f"{field}: {shown}: {_reason(err)}"
    if kind == "string_too_short":
        return "HV010", f"{field} is empty; give an answer or remove the key"
    return "HV011", f"{field}: {shown}: {err['msg'].removeprefix('Value error, ')}"


def _reason(err: ErrorDetails) -> str:
    error = str(err.get("ctx", {}).get("error", "")).replace("_", " ")
    return error or "unrecognised"


def _show(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"text {_show(value)}"
