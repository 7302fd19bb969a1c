"""visie.yaml: mission, vision, principles, goals, preconditions and planning."""

from __future__ import annotations

from pydantic import Field

from regiodocs.content.models.common import Id, Model, Tekst, Visieonderdeel


class Planningsfase(Model):
    id: Id
    periode: Tekst = Field(description="Jaar of periode, bijv. '2025' of '2026-2027'.")
    fase: Tekst = Field(description="Naam van de fase, bijv. 'Voorbereiding'.")
    activiteiten: list[Tekst] = Field(min_length=1)
    """De activiteiten in deze fase."""


class Samenwerking(Model):
    inleiding: Tekst
    """Inleiding op de samenwerking."""
    criteria: list[Tekst] = Field(
        default_factory=list, description="Wanneer de gemeenten in ieder geval samenwerken."
    )
    principes: list[Visieonderdeel] = Field(default_factory=list, description="Leidende principes.")
    partnerschap: Tekst | None = None
    """Optioneel: de rol van partners."""


class Visie(Model):
    """The regional vision (seed: Regiovisie Jeugdhulp en Wmo 2025-2029)."""

    titel: Tekst = Field(description="Titel van de regiovisie.")
    periode: Tekst = Field(description="Looptijd, bijv. '2025-2029'.")
    aanleiding: Tekst
    """Waarom er een regiovisie is; lege regel = nieuwe alinea."""
    stand_van_zaken: Tekst = Field(description="Inleiding op de uitdagingen.")
    uitdagingen: list[Visieonderdeel] = Field(default_factory=list)
    """De uitdagingen, elk met id, titel en tekst."""
    missie: Tekst
    """De gezamenlijke missie."""
    visie: Tekst
    """De visie op hulp en ondersteuning."""
    uitgangspunten: list[Visieonderdeel] = Field(min_length=1)
    """De uitgangspunten (principes), in volgorde."""
    doelen: list[Visieonderdeel] = Field(default_factory=list)
    """Doelen en aandachtspunten."""
    randvoorwaarden: list[Visieonderdeel] = Field(default_factory=list)
    """Randvoorwaarden voor het realiseren van de visie."""
    samenwerking: Samenwerking | None = None
    """Hoe de gemeenten samenwerken (criteria en principes)."""
    planning: list[Planningsfase] = Field(default_factory=list)
    """Planning per jaar of periode."""
