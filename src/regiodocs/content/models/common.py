"""Shared building blocks of the content model."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from regiodocs.content import notatie

# Ids are used in references, file names and anchors: lower-case letters, digits and hyphens.
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$"),
    Field(
        description="Stabiele sleutel: kleine letters, cijfers en koppeltekens (bijv. 'woerden')."
    ),
]
Tekst = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Kleur = Annotated[
    str,
    StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$"),
    Field(description="Kleur als hexadecimale code, bijv. '#1F4E79'."),
]


_WOORD_DATUM = (
    r"^(?:0?[1-9]|[12]\d|3[01]) (?:januari|februari|maart|april|mei|juni|juli|augustus"
    r"|september|oktober|november|december) \d{4}$"
)
# Numbers and dates follow the Dutch rule in content/notatie.py: the YAML source text is
# parsed, so `aantal: 14.000` is 14000, never 14. Every number and date field uses one of
# these types (a test walks the models to make sure).
_GETAL_TEKST = r"^\s*[+-]?\d{1,3}(\.\d{3})*(,\d+)?\s*$|^\s*[+-]?\d+(,\d+)?\s*$"
Aantal = Annotated[
    int,
    BeforeValidator(notatie.geheel_getal),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer"},
                {"type": "string", "pattern": r"^\s*\d{1,3}(\.\d{3})+\s*$"},
            ]
        }
    ),
]
Bedrag = Annotated[
    Decimal,
    BeforeValidator(notatie.bedrag),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {
                    "type": "string",
                    "pattern": r"^\s*(€|EUR)?\s*\d{1,3}((\.\d{3})*|\d*)(,(\d{1,2}|-{1,2}))?\s*$",
                },
            ]
        }
    ),
]
Kommagetal = Annotated[
    float,
    BeforeValidator(notatie.kommagetal),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": _GETAL_TEKST}]}),
]
Percentage = Annotated[
    float,
    BeforeValidator(notatie.percentage),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^\s*\d+(,\d+)?\s*%?\s*$"},
            ]
        }
    ),
]
# JSON Schema cannot compare numbers inside a string, but a pattern can refuse impossible
# days: 31 only in long months, 30 never in February, 29 February only in leap years.
_ISO_DATUM = (
    r"^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
    r"|02-(?:0[1-9]|1\d|2[0-8]))"
    r"|(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"
)
_NL_DATUM = (
    r"^(?:(?:0?[1-9]|[12]\d|3[01])-(?:0?[13578]|1[02])|(?:0?[1-9]|[12]\d|30)-(?:0?[469]|11)"
    r"|(?:0?[1-9]|1\d|2[0-8])-0?2)-\d{4}$"
    r"|^29-0?2-(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)$"
)
Datum = Annotated[
    date,
    BeforeValidator(notatie.datum),
    WithJsonSchema(
        {
            "type": "string",
            "anyOf": [{"pattern": _ISO_DATUM}, {"pattern": _NL_DATUM}, {"pattern": _WOORD_DATUM}],
        }
    ),
]


class Model(BaseModel):
    """Base of every content model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Visieonderdeel(Model):
    """A titled piece of prose with a stable id (uitgangspunt, doel, randvoorwaarde, ...)."""

    id: Id
    """Nodig wanneer naar dit onderdeel wordt verwezen."""
    titel: Tekst = Field(description="Korte titel, verschijnt als kopje.")
    tekst: Tekst = Field(description="Lopende tekst; een lege regel begint een nieuwe alinea.")
    punten: list[Tekst] = Field(
        default_factory=list, description="Optionele opsomming na de tekst."
    )
