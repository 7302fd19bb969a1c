"""visie.yaml: mission, vision, principles, goals, preconditions, planning and milestones."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regiodocs.content.models.common import (
    Datum,
    Id,
    Kommagetal,
    Model,
    Naam,
    Tekst,
    Visieonderdeel,
)


class Planningsfase(Model):
    id: Id
    periode: Naam = Field(description="Jaar of periode, bijv. '2025' of '2026-2027'.")
    fase: Naam = Field(description="Naam van de fase, bijv. 'Voorbereiding'.")
    activiteiten: list[Tekst] = Field(min_length=1)
    """De activiteiten in deze fase."""


class Mijlpaal(Model):
    """A date the regiovisie names and that decisions must respect (a deadline or a start)."""

    id: Id
    datum: Datum
    """De datum (JJJJ-MM-DD)."""
    omschrijving: Tekst
    """Wat er op of vóór deze datum moet gebeuren, bijv. 'de nieuwe inkoop gaat in'."""
    bron: Tekst
    """Waar de datum vandaan komt, bijv. 'Hervormingsagenda Jeugd'."""
    soort: Literal["uiterlijk", "start"] = "uiterlijk"
    """uiterlijk (een termijn) of start (een ingangsdatum)."""
    regeling_uiterlijk: bool = False
    """Waar: de gemeenschappelijke regeling moet uiterlijk op deze datum in werking zijn."""


class Cijfer(Model):
    """One row of a figures table: a measure and its value per column."""

    omschrijving: Tekst
    """Wat er gemeten is, bijv. 'Jaarlijkse groei van het aantal Wmo-cliënten'."""
    eenheid: Literal["procent", "aantal", "per-1000", "duizendtallen"]
    """procent, aantal, per-1000 (per 1.000 inwoners) of duizendtallen."""
    waarden: list[Kommagetal | None] = Field(min_length=1)
    """Eén waarde per kolom; leeg (null) = niet bekend."""


class Tabel(Model):
    """A table of figures (care use, trends), with its source."""

    id: Id
    titel: Naam
    """Titel boven de tabel."""
    kolommen: list[Tekst] = Field(min_length=1)
    """Kolomkoppen van de waarden, bijv. ['Utrecht West', 'Nederland']."""
    rijen: list[Cijfer] = Field(min_length=1)
    """De cijfers, één rij per maat."""
    bron: Tekst
    """Bron van de cijfers."""


class Zorggebruik(Model):
    """Care use in the region: text and figures."""

    tekst: Tekst
    """Duiding van het zorggebruik; lege regel = nieuwe alinea."""
    tabellen: list[Tabel] = Field(default_factory=list)
    """Tabellen met cijfers en trends."""


class Samenwerking(Model):
    inleiding: Tekst
    """Inleiding op de samenwerking."""
    hervormingsagenda: list[Visieonderdeel] = Field(default_factory=list)
    """De elementen van de Hervormingsagenda Jeugd die de samenwerking vormgeven."""
    niveaus: list[Tekst] = Field(default_factory=list)
    """Niveaus en onderdelen waarop de gemeenten samenwerken."""
    criteria: list[Tekst] = Field(
        default_factory=list, description="Wanneer de gemeenten in ieder geval samenwerken."
    )
    principes: list[Visieonderdeel] = Field(default_factory=list, description="Leidende principes.")
    onderdelen: list[Visieonderdeel] = Field(default_factory=list)
    """Verdere paragrafen (bijv. lokaal én regionaal, partnerschap)."""
    partnerschap: Tekst | None = None
    """Optioneel: de rol van partners."""


class Colofon(Model):
    opdrachtgever: Tekst
    """Wie de regiovisie heeft laten opstellen, bijv. 'de colleges van ...'."""
    opgesteld_door: Tekst
    """Wie de tekst heeft opgesteld (rol of team, geen persoonsnaam)."""
    vastgesteld_door: Tekst | None = None
    """Wie de regiovisie heeft vastgesteld, bijv. 'de vijf gemeenteraden'."""
    contact: Tekst | None = None
    """Waar vragen terechtkunnen (rol of adres, geen persoonsnaam)."""


class Visie(Model):
    """The regional vision (seed: Regiovisie Jeugdhulp en Wmo 2025-2029)."""

    titel: Naam = Field(description="Titel van de regiovisie.")
    periode: Naam = Field(description="Looptijd, bijv. '2025-2029'.")
    status: Tekst | None = None
    """Status op het titelblad, bijv. 'Vastgesteld door de vijf gemeenteraden'."""
    datum: Datum | None = None
    """Datum van deze versie (titelblad)."""
    colofon: Colofon | None = None
    """Colofon: opdrachtgever, opstellers, contact."""
    aanleiding: Tekst
    """Waarom er een regiovisie is; lege regel = nieuwe alinea."""
    inleiding: Tekst | None = None
    """Inleiding: waar de regio voor staat; lege regel = nieuwe alinea."""
    stand_van_zaken: Tekst = Field(description="Inleiding op de uitdagingen.")
    uitdagingen: list[Visieonderdeel] = Field(default_factory=list)
    """De uitdagingen, elk met id, titel en tekst."""
    zorggebruik: Zorggebruik | None = None
    """Zorggebruik in de regio, met tabellen."""
    missie: Tekst
    """De gezamenlijke missie."""
    visie: Tekst
    """De visie op hulp en ondersteuning."""
    leerniveaus: list[Visieonderdeel] = Field(default_factory=list)
    """De niveaus waarop de regio leert en ontwikkelt."""
    uitgangspunten: list[Visieonderdeel] = Field(min_length=1)
    """De uitgangspunten (principes), in volgorde."""
    doelen: list[Visieonderdeel] = Field(default_factory=list)
    """Doelen en aandachtspunten."""
    randvoorwaarden_inleiding: Tekst | None = None
    """Inleiding op de randvoorwaarden."""
    randvoorwaarden: list[Visieonderdeel] = Field(default_factory=list)
    """Randvoorwaarden voor het realiseren van de visie."""
    samenwerking: Samenwerking | None = None
    """Hoe de gemeenten samenwerken (criteria en principes)."""
    planning: list[Planningsfase] = Field(default_factory=list)
    """Planning per jaar of periode."""
    mijlpalen: list[Mijlpaal] = Field(default_factory=list)
    """Data die de visie noemt en waaraan besluiten zich moeten houden."""
