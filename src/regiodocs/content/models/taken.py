"""taken.yaml: the tasks to place in the joint arrangement (or keep local)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regiodocs.content.models.common import Id, Model, Tekst

Beleidsveld = Literal["jeugd", "wmo", "mo-bw", "iza", "bedrijfsvoering"]
Plaatsing = Literal["regionaal", "lokaal", "onderzoek"]
Soort = Literal["beleid", "uitvoering", "ondersteuning"]


class Taak(Model):
    id: Id
    omschrijving: Tekst
    """Wat de taak inhoudt."""
    beleidsveld: Beleidsveld
    """jeugd, wmo, mo-bw, iza of bedrijfsvoering."""
    soort: Soort = Field(description="'beleid' mag niet in een bedrijfsvoeringsorganisatie.")
    plaatsing: Plaatsing = Field(
        description="'regionaal' = in de GR; 'lokaal' = blijft bij de gemeente; "
        "'onderzoek' = besluit volgt na onderzoek."
    )
    belegd_bij: Id | None = Field(
        default=None, description="Id van het orgaan (bestuur.yaml) dat de taak draagt."
    )
    artikel: Id | None = Field(default=None, description="Id van het artikel dat de taak regelt.")
    bepaling: Tekst | None = Field(
        default=None,
        description="Het onderdeel van de regeling dat de taak noemt: 'artikel-id.lid-id.onderdeel-id'.",
    )
    toelichting: Tekst | None = None
    """Optionele toelichting, bijv. waarom onderzoek nodig is."""


class Taken(Model):
    taken: list[Taak] = Field(min_length=1)
    """De taken, elk met beleidsveld en plaatsing."""
