"""consultatie.yaml: remarks received from councils, committees and advisory bodies."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from .common import Id, Model, Tekst


class Afhandeling(Model):
    status: Literal["verwerkt", "deels-verwerkt", "niet-verwerkt"]
    reden: Tekst
    verwijzing: Tekst | None = Field(
        default=None, description="Plek in regiovisie of regeling, als [[id]]-verwijzing."
    )


class Opmerking(Model):
    id: Id
    tekst: Tekst
    soort: Literal["opmerking", "amendement", "motie"] = "opmerking"
    afhandeling: Afhandeling | None = None


class Bron(Model):
    id: Id
    naam: Tekst
    soort: Literal["gemeenteraad", "raadscommissie", "adviesraad", "partners"]
    gemeente: Id | None = None
    datum: date
    opmerkingen: list[Opmerking] = Field(min_length=1)


class Consultatie(Model):
    onderwerp: Tekst
    bronnen: list[Bron] = Field(min_length=1)
