"""bestuur.yaml: the Wgr form, the bodies, their composition and powers."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regiodocs.content.models.common import Aantal, Id, Model, Naam, Percentage, Tekst

Vorm = Literal[
    "openbaar-lichaam",
    "bedrijfsvoeringsorganisatie",
    "gemeenschappelijk-orgaan",
    "centrumgemeente",
    "regeling-zonder-meer",
]
Orgaansoort = Literal[
    "algemeen-bestuur",
    "dagelijks-bestuur",
    "voorzitter",
    "bestuurscommissie",
    "adviescommissie",
    "ambtelijk-overleg",
    "ambtelijke-organisatie",
]
Aanwijzer = Literal["raad", "college", "burgemeester", "algemeen-bestuur", "dagelijks-bestuur"]


class Bevoegdheid(Model):
    id: Id
    omschrijving: Tekst
    """De bevoegdheid in woorden."""
    overgedragen_door: Aanwijzer | None = Field(
        default=None, description="Bestuursorgaan van de gemeente dat de bevoegdheid overdraagt."
    )
    bepaling: Tekst | None = Field(
        default=None,
        description="Waar de regeling de overdracht noemt: 'artikel-id.lid-id.onderdeel-id'.",
    )
    grondslag: Tekst | None = Field(
        default=None, description="Wettelijke grondslag, bijv. 'artikel 2.2 Jeugdwet'."
    )


class Orgaan(Model):
    id: Id
    naam: Naam
    """Naam van het orgaan, bijv. 'algemeen bestuur'."""
    afkorting: Naam | None = None
    """Afkorting, bijv. 'AB'."""
    soort: Orgaansoort
    """Soort orgaan (algemeen-bestuur, dagelijks-bestuur, voorzitter, ...)."""
    samenstelling: Tekst
    """Samenstelling in woorden."""
    leden_per_deelnemer: Aantal | None = Field(default=None, ge=1)
    """Aantal leden per gemeente (algemeen bestuur, art. 13, derde lid, Wgr)."""
    aantal_leden: Aantal | None = Field(
        default=None,
        ge=1,
        description="Totaal aantal leden, voorzitter inbegrepen (bijv. voor het DB).",
    )
    aangewezen_door: Aanwijzer | None = None
    """Wie de leden aanwijst."""
    uit_midden_van: Id | None = Field(
        default=None, description="Id van het orgaan uit wiens midden leden komen."
    )
    bevoegdheden: list[Bevoegdheid] = Field(default_factory=list)
    """Bevoegdheden van dit orgaan."""


class HuidigOverleg(Model):
    """A body of the current network cooperation and what happens to it."""

    id: Id
    afkorting: Naam
    """Afkorting, bijv. 'PHO'."""
    naam: Naam
    """Volledige naam."""
    rol: Tekst
    """Wat het overleg nu doet."""
    toekomst: Literal["blijft", "gaat-op-in-gr", "vervalt"]
    """blijft, gaat-op-in-gr of vervalt."""
    opvolger: Id | None = None
    """Id van het orgaan dat de rol overneemt."""


class Stemverhouding(Model):
    """How votes in the AB are weighed (Wgr art. 13, fourth lid)."""

    soort: Literal["gelijk", "gewogen"] = Field(
        default="gelijk",
        description="'gelijk': ieder lid evenveel stemmen; 'gewogen': naar inwonertal.",
    )
    stemmen_per_lid: Aantal = Field(default=1, ge=1, description="Bij 'gelijk': stemmen per lid.")
    totaal_stemmen: Aantal = Field(
        default=100, ge=2, le=10000, description="Bij 'gewogen': te verdelen stemmen."
    )
    minimaal_stemmen: Aantal = Field(
        default=1, ge=0, description="Bij 'gewogen': ondergrens per gemeente."
    )
    maximaal_aandeel_procent: Percentage | None = Field(
        default=None,
        gt=0,
        le=100,
        description="Bij 'gewogen': plafond per gemeente, in procenten van het totaal.",
    )


class Bestuur(Model):
    vorm: Vorm
    """Het Wgr-model; de Wgr-toets kijkt welke eisen gelden."""
    naam_openbaar_lichaam: Naam | None = None
    """Naam van het openbaar lichaam."""
    vestigingsplaats: Naam | None = None
    """Vestigingsplaats van het openbaar lichaam."""
    organen: list[Orgaan] = Field(min_length=1)
    """Bestuursorganen, commissies en ambtelijke overleggen."""
    stemverhouding: Stemverhouding = Stemverhouding()
    """Stemverhouding in het algemeen bestuur."""
    huidige_overleggen: list[HuidigOverleg] = Field(default_factory=list)
    """Overleggen van de huidige netwerksamenwerking en wat ermee gebeurt."""
