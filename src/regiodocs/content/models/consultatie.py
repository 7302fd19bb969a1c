"""consultatie.yaml: remarks received from councils, committees and advisory bodies."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regiodocs.content.models.common import Datum, Id, Model, Tekst


class Afhandeling(Model):
    status: Literal["verwerkt", "deels-verwerkt", "niet-verwerkt"]
    """verwerkt, deels-verwerkt of niet-verwerkt."""
    reden: Tekst
    """Waarom zo afgehandeld."""
    verwijzing: Tekst | None = Field(
        default=None, description="Plek in regiovisie of regeling, als [[id]]-verwijzing."
    )


class Opmerking(Model):
    id: Id
    tekst: Tekst
    """De reactie in eigen woorden."""
    soort: Literal["opmerking", "amendement", "motie"] = "opmerking"
    """opmerking, amendement of motie."""
    afhandeling: Afhandeling | None = None
    """Hoe de reactie is afgehandeld; leeg = nog open."""


class Bron(Model):
    id: Id
    naam: Tekst
    """Naam van de bron, bijv. 'Commissie Samenleving Woerden'."""
    soort: Literal["gemeenteraad", "raadscommissie", "adviesraad", "partners"]
    """gemeenteraad, raadscommissie, adviesraad of partners."""
    gemeente: Id | None = None
    """Id van de gemeente (bij een raad of commissie)."""
    datum: Datum
    """Datum van de reactie of vergadering."""
    opmerkingen: list[Opmerking] = Field(min_length=1)
    """De genummerde reacties van deze bron."""


class Consultatie(Model):
    onderwerp: Tekst
    """Waarover is geconsulteerd."""
    bronnen: list[Bron] = Field(min_length=1)
    """Raden, commissies en adviesorganen die reageerden."""
