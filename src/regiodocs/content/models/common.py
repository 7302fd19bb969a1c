"""Shared building blocks of the content model."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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
