"""Types shared by every section of a dossier: text, people, money and the enums."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from handoff_cli.vocabulary import Level, Segment, Stage

__all__ = ["Level", "Segment", "Stage"]  # re-exported: the model is where most code looks for them

# Every scalar reaches the model as the text the user typed (see loader.py), so the
# schema alone decides what is a number, a date or a flag, and `NO` or `0123` in a
# text field stays exactly as written.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
TextList = list[Text]


class Model(BaseModel):
    """Base for every dossier section: unknown keys are errors, values are checked on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, populate_by_name=True)


class Person(Model):
    name: Text
    email: EmailStr | None = None
    title: Text | None = None


def _currency_code(value: str) -> str:
    if len(value) != 3 or not value.isascii() or not value.isupper() or not value.isalpha():
        raise ValueError("a currency is a three-letter ISO 4217 code in capitals, e.g. USD, EUR, ILS")
    return value


class Money(Model):
    amount: Annotated[Decimal, Field(ge=0, description="A plain number: 150000, not 150K.")]
    currency: Annotated[str, AfterValidator(_currency_code)] = Field(description="ISO 4217 code, e.g. USD, EUR, ILS.")
