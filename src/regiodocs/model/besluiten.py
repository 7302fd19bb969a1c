"""raadsvoorstellen/*.yaml and informatiebrieven/*.yaml: decision documents.

Shared text lives once; what differs per municipality (meeting date, agenda number, kenmerk,
portfolio holder) lives in ``per_gemeente`` and nowhere else.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from .common import Id, Model, Tekst

Bijlagedocument = Literal["regiovisie", "regeling", "reactienota", "wgr-toets"]


class Besluitpunt(Model):
    id: Id
    tekst: Tekst = Field(
        description="Wat de raad besluit, als infinitief: 'de regiovisie ... vast te stellen'."
    )


class Argument(Model):
    besluitpunt: Id = Field(description="Id van het besluitpunt waar dit argument bij hoort.")
    kop: Tekst
    tekst: Tekst


class Kanttekening(Model):
    kop: Tekst
    tekst: Tekst


class FinancieleGevolgen(Model):
    soort: Literal["geen", "incidenteel", "structureel", "incidenteel-en-structureel"]
    tekst: Tekst
    dekking: Tekst | None = None
    begrotingsposten: list[Id] = Field(
        default_factory=list,
        description="Ids van begrotingsposten waarvan het aandeel per gemeente wordt getoond.",
    )


class Bijlage(Model):
    titel: Tekst
    document: Bijlagedocument | None = Field(
        default=None,
        description="Een door regiodocs gemaakt document; de vingerafdruk wordt vermeld.",
    )


class RaadsvoorstelGemeente(Model):
    """The per-municipality fields of one raadsvoorstel."""

    raadsvergadering: date
    collegebesluit: date = Field(description="Datum van het collegevoorstel aan de raad.")
    agendapunt: Tekst
    kenmerk: Tekst = Field(description="Volgnummer; het voorvoegsel komt uit regio.yaml.")
    portefeuillehouder: Tekst | None = Field(
        default=None, description="Afwijkende portefeuillehouder (rol); leeg = die uit regio.yaml."
    )


class Raadsvoorstel(Model):
    id: Id
    onderwerp: Tekst
    samenvatting: Tekst
    gevraagd_besluit: list[Besluitpunt] = Field(min_length=1)
    aanleiding: Tekst
    participatie: Tekst
    wat_willen_we_bereiken: Tekst
    wat_gaan_we_doen: Tekst
    argumenten: list[Argument] = Field(min_length=1)
    kanttekeningen: list[Kanttekening] = Field(default_factory=list)
    financiele_gevolgen: FinancieleGevolgen
    communicatie: Tekst
    vervolg: Tekst
    bevoegdheid: Tekst = Field(description="Waarop de bevoegdheid van de raad berust.")
    gelet_op: list[Tekst] = Field(
        min_length=1, description="Wettelijke grondslag in de aanhef van het raadsbesluit."
    )
    bijlagen: list[Bijlage] = Field(default_factory=list)
    per_gemeente: dict[Id, RaadsvoorstelGemeente]


class InformatiebriefGemeente(Model):
    datum: date
    kenmerk: Tekst
    portefeuillehouder: Tekst | None = None


class Informatiebrief(Model):
    id: Id
    onderwerp: Tekst
    kennisnemen_van: list[Tekst] = Field(min_length=1)
    inleiding: Tekst
    kern: list[Kanttekening] = Field(min_length=1, description="De kern, in kopjes met tekst.")
    vervolg: Tekst
    bijlagen: list[Bijlage] = Field(default_factory=list)
    per_gemeente: dict[Id, InformatiebriefGemeente]
