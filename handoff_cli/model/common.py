"""Types shared by every section of a dossier: text, people, money and the enums."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from email.utils import parseaddr
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
from pydantic_core import PydanticCustomError

from handoff_cli.core.currencies import currency_code
from handoff_cli.core.visible import char_name, hidden_in
from handoff_cli.core.vocabulary import FIRST_YEAR, LAST_YEAR, Level, Segment, Stage
from handoff_cli.model.audience import customer_safe

__all__ = ["Level", "Segment", "Stage"]  # re-exported: the model is where most code looks for them

# Every scalar reaches the model as the text the user typed (see dossier/reader.py), so the
# schema alone decides what is a number, a date or a flag, and `NO` or `0123` in a
# text field stays exactly as written.
# C0 and C1 controls, bar tab and line feed: a YAML escape such as "\e" or "\x00" can put one in a
# value, and in a terminal, a mail header or a table cell it does what its writer meant, not what it says
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# what ends a line somewhere: in a mail header, an iCalendar property, a Markdown table row
_BREAK = re.compile(r"[\n\r\x0b\x0c\x85\u2028\u2029]")


def _no_control(value: str) -> str:
    if found := _CONTROL.search(value):
        reason = f"control character U+{ord(found.group()):04X} is not allowed in text; delete it"
        raise PydanticCustomError("control_character", reason, {"error": reason})
    return value


def line_break(value: str) -> str | None:
    """Why `value` cannot be a one-line field, or None."""
    if found := _BREAK.search(value):
        return (
            f"a line break (U+{ord(found.group()):04X}) is not allowed here; this field is one line "
            "(it goes into mail headers, calendar entries and table cells)"
        )
    return None


def _read_before(info: ValidationInfo) -> bool:
    """Whether the text comes from a dossier read back from the result cache: it was checked when first read."""
    return info.context is not None and info.context.get("read_before") is True


def _text(value: str, info: ValidationInfo) -> str:
    return value if _read_before(info) else _no_control(value)


def _one_line(value: str, info: ValidationInfo) -> str:
    if _read_before(info):  # checked when the dossier was first read, and stored only after passing
        return value
    if reason := line_break(value):
        raise PydanticCustomError("line_break", reason, {"error": reason})
    if (hidden := hidden_in(value)) is not None:
        # free text only warns (dossier/hidden_text.py); a one-line field is an account, a name, a subject line
        reason = (
            f"{char_name(hidden)} is not allowed here: it shows nothing or reorders the text around it, so this "
            "line reads differently in an email or a calendar than in the file; delete it"
        )
        raise PydanticCustomError("hidden_character", reason, {"error": reason})
    return _no_control(value)


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_text)]
TextList = list[Text]
# Names, ids, titles, short notes: text that ends up on one line of an email header, a calendar
# entry or a report's table, where a line break would start a new header or row
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_one_line)]
# Documents and reports write numbers out digit by digit, so a number must be one a person types:
# unbounded, `1e999999999` (or `1e-999999999`) is a valid Decimal whose digits fill all memory.
Number = Annotated[Decimal, Field(max_digits=25, decimal_places=10)]
_LARGEST = 10**15 - 1
# YAML 1.2's core schema spells booleans three ways; pydantic would also take yes/no/on/off/1/0, which
# YAML 1.1 tools read as booleans and YAML 1.2 tools as text, so a file means one thing to both only without them
_BOOLEANS = frozenset(("true", "True", "TRUE", "false", "False", "FALSE"))
_TRUTHY = frozenset(("yes", "y", "on", "1", "t"))


def _plausible_year(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # wrap, not after: the finding then quotes the text as typed rather than the parsed value
    parsed = handler(value)
    if isinstance(parsed, date) and not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        kind = "datetime_out_of_range" if isinstance(parsed, datetime) else "date_out_of_range"
        reason = f"the year must be between {FIRST_YEAR} and {LAST_YEAR}"
        raise PydanticCustomError(kind, reason, {"error": reason})
    return parsed


def _yaml_boolean(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    parsed = handler(value)
    if isinstance(value, str) and value not in _BOOLEANS:
        fix = "true" if value.lower() in _TRUTHY else "false"
        reason = f"booleans are written true or false here; write {fix}"
        raise PydanticCustomError("truthy", reason, {"error": reason})
    return parsed


def _bounded_whole(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    parsed = handler(value)
    if abs(parsed) > _LARGEST:
        # the same bound as Number's 15 digits before the point, so no count outgrows what a report prints
        raise PydanticCustomError("int_too_large", "out of range", {"error": "out of range"})
    return parsed


def _address_only(value: Any) -> Any:
    # pydantic reads `Jane O'Brien <jane@acme.example>` as the address alone and drops the name without a word
    if isinstance(value, str) and ("<" in value or ">" in value):
        name, address = parseaddr(value)
        reason = f"write the address alone, {address or 'name@example.com'}"
        raise PydanticCustomError("display_name", reason, {"error": reason, "name": name})
    return value


# the validation context of a dossier read back from the result cache, which was validated when it was written
READ_BEFORE = {"read_before": True}


def _checked_before(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
    # an address checked when the dossier was first read is not checked again: email_validator is most of the
    # time it takes to read a cached dossier back
    return value if isinstance(value, str) and _read_before(info) else handler(value)


# An email field holds one bare address: what the intro email and invites are addressed to
Email = Annotated[EmailStr, BeforeValidator(_address_only), WrapValidator(_checked_before)]
# Every date, flag and count field is one of these types, so each check sits on its fields alone: a
# validator on every field would be built into each of the model's ~200 fields at every start.
Day = Annotated[date, WrapValidator(_plausible_year)]
Moment = Annotated[datetime, WrapValidator(_plausible_year)]
Flag = Annotated[bool, WrapValidator(_yaml_boolean)]
Count = Annotated[int, Field(ge=0), WrapValidator(_bounded_whole)]


class Model(BaseModel):
    """Base for every dossier section: unknown keys are errors, values are checked on assignment."""

    # defer_build: the validator is built once, for the whole Dossier, when the first file is checked,
    # instead of once per section class at import
    model_config = ConfigDict(extra="forbid", validate_assignment=True, populate_by_name=True, defer_build=True)


class Person(Model):
    name: Annotated[Line, customer_safe("a name they are introduced to")]
    email: Annotated[Email | None, customer_safe("where they reach the person")] = Field(
        None,
        description="Optional for the schema; the sales rep and the CSM need one (`HS801`, `HS802`: the intro email "
        "and the first contact are sent from it).",
    )
    title: Annotated[Line | None, customer_safe("the person's title")] = None


class Money(Model):
    amount: Annotated[
        Annotated[Number, Field(ge=0, description="A plain number: 150000, not 150K.")],
        customer_safe("an amount where its field shows it"),
    ]
    currency: Annotated[Annotated[str, AfterValidator(currency_code)], customer_safe("the amount's currency")] = Field(
        description="ISO 4217 code, e.g. USD, EUR, ILS."
    )
