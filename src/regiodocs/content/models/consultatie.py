"""consultatie.yaml: remarks received from councils, committees and advisory bodies."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regiodocs.content.models.common import Datum, Id, Model, Naam, Tekst


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
    soort: Literal["opmerking", "vraag", "amendement", "motie"] = "opmerking"
    """opmerking, vraag, amendement (voorgesteld) of motie (voorgesteld)."""
    kenmerk_bron: Tekst | None = None
    """Het nummer dat de bron zelf gaf, bijv. 'B.2'; de reactienota nummert doorlopend."""
    groep: Tekst | None = None
    """Het kopje waaronder de bron de reactie plaatste, bijv. 'Betrokkenheid raad'."""
    pagina: Tekst | None = None
    """Pagina (en plaats) in het geconsulteerde concept, bijv. '28, tweede alinea'."""
    afhandeling: Afhandeling | None = None
    """Hoe de reactie is afgehandeld; leeg = nog open."""


class Bron(Model):
    id: Id
    naam: Naam
    """Naam van de bron, bijv. 'Commissie Samenleving Woerden'."""
    soort: Literal["gemeenteraad", "raadscommissie", "adviesraad", "partners"]
    """gemeenteraad, raadscommissie, adviesraad of partners."""
    gemeente: Id | None = None
    """Id van de gemeente (bij een raad of commissie)."""
    datum: Datum
    """Datum van de reactie of vergadering (bij 'uiterlijk': de laatste datum)."""
    datum_tot: Datum | None = None
    """Tweede vergaderdatum, als de bron op twee data is besproken."""
    datum_soort: Literal["vergadering", "uiterlijk"] = "vergadering"
    """vergadering (de datum is bekend) of uiterlijk (ingebracht vóór of op deze datum)."""
    opmerkingen: list[Opmerking] = Field(min_length=1)
    """De genummerde reacties van deze bron."""


class Onderwerpgroep(Model):
    """A group of topics raised in a (regional) meeting, e.g. 'Governance en inkoop'."""

    titel: Tekst
    """Titel van de groep."""
    punten: list[Tekst] = Field(min_length=1)
    """De onderwerpen."""


class Consultatie(Model):
    onderwerp: Tekst
    """Waarover is geconsulteerd."""
    inleiding: Tekst | None = None
    """Hoe de consultatie verliep; lege regel = nieuwe alinea."""
    overleg: Tekst | None = None
    """Het overleg waarin de onderwerpen hieronder zijn geïnventariseerd, met datum."""
    onderwerpen: list[Onderwerpgroep] = Field(default_factory=list)
    """Onderwerpen uit het regionale overleg, per groep."""
    bronnen: list[Bron] = Field(min_length=1)
    """Raden, commissies en adviesorganen die reageerden."""
