"""visie.yaml: mission, vision, principles, goals, preconditions and planning."""

from __future__ import annotations

from pydantic import Field

from .common import Id, Model, Onderdeel, Tekst


class Planningsfase(Model):
    id: Id
    periode: Tekst = Field(description="Jaar of periode, bijv. '2025' of '2026-2027'.")
    fase: Tekst = Field(description="Naam van de fase, bijv. 'Voorbereiding'.")
    activiteiten: list[Tekst] = Field(min_length=1)


class Samenwerking(Model):
    inleiding: Tekst
    criteria: list[Tekst] = Field(
        default_factory=list, description="Wanneer de gemeenten in ieder geval samenwerken."
    )
    principes: list[Onderdeel] = Field(default_factory=list, description="Leidende principes.")
    partnerschap: Tekst | None = None


class Visie(Model):
    """The regional vision (seed: Regiovisie Jeugdhulp en Wmo 2025-2029)."""

    titel: Tekst = Field(description="Titel van de regiovisie.")
    periode: Tekst = Field(description="Looptijd, bijv. '2025-2029'.")
    aanleiding: Tekst
    stand_van_zaken: Tekst = Field(description="Inleiding op de uitdagingen.")
    uitdagingen: list[Onderdeel] = Field(default_factory=list)
    missie: Tekst
    visie: Tekst
    uitgangspunten: list[Onderdeel] = Field(min_length=1)
    doelen: list[Onderdeel] = Field(default_factory=list)
    randvoorwaarden: list[Onderdeel] = Field(default_factory=list)
    samenwerking: Samenwerking | None = None
    planning: list[Planningsfase] = Field(default_factory=list)
