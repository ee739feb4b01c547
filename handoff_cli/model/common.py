"""Types shared by every section of a dossier: text, people, money and the enums."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    ValidatorFunctionWrapHandler,
    field_validator,
)
from pydantic_core import PydanticCustomError

from handoff_cli.dossier.vocabulary import FIRST_YEAR, LAST_YEAR, Level, Segment, Stage

__all__ = ["Level", "Segment", "Stage"]  # re-exported: the model is where most code looks for them

# Every scalar reaches the model as the text the user typed (see dossier/reader.py), so the
# schema alone decides what is a number, a date or a flag, and `NO` or `0123` in a
# text field stays exactly as written.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
TextList = list[Text]
# Documents and reports write numbers out digit by digit, so a number must be one a person types:
# unbounded, `1e999999999` (or `1e-999999999`) is a valid Decimal whose digits fill all memory.
Number = Annotated[Decimal, Field(max_digits=25, decimal_places=10)]


class Model(BaseModel):
    """Base for every dossier section: unknown keys are errors, values are checked on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, populate_by_name=True)

    @field_validator("*", mode="wrap")
    @classmethod
    def _plausible_year(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        # wrap, not after: the finding then quotes the text as typed rather than the parsed value
        parsed = handler(value)
        if isinstance(parsed, date) and not FIRST_YEAR <= parsed.year <= LAST_YEAR:
            kind = "datetime_out_of_range" if isinstance(parsed, datetime) else "date_out_of_range"
            reason = f"the year must be between {FIRST_YEAR} and {LAST_YEAR}"
            raise PydanticCustomError(kind, reason, {"error": reason})
        return parsed


class Person(Model):
    name: Text
    email: EmailStr | None = Field(
        None,
        description="Optional for the schema; the sales rep and the CSM need one (`HS801`, `HS802`: the intro email "
        "and the first contact are sent from it).",
    )
    title: Text | None = None


def _currency_code(value: str) -> str:
    if len(value) != 3 or not value.isascii() or not value.isupper() or not value.isalpha():
        raise ValueError("a currency is a three-letter ISO 4217 code in capitals, e.g. USD, EUR, ILS")
    return value


class Money(Model):
    amount: Annotated[Number, Field(ge=0, description="A plain number: 150000, not 150K.")]
    currency: Annotated[str, AfterValidator(_currency_code)] = Field(description="ISO 4217 code, e.g. USD, EUR, ILS.")
