"""regeling.yaml: the draft Wgr-regeling, in chapters, articles, leden and onderdelen.

Nothing is numbered by hand: numbers follow from the order here. Legal text cites other
provisions by id with ``[[artikel-id]]``, ``[[artikel-id.lid-id]]``,
``[[artikel-id.lid-id.onderdeel-id]]`` or ``[[hoofdstuk-id]]``; the renderer writes the
citation in the form of the Aanwijzingen voor de regelgeving.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from .common import Id, Model, Tekst

Onderwerp = Literal[
    "begrippen",
    "belang",
    "taken",
    "bevoegdheden",
    "openbaar-lichaam",
    "bestuursorganen",
    "samenstelling-ab",
    "stemverhouding",
    "vergaderingen-ab",
    "samenstelling-db",
    "taken-db",
    "voorzitter",
    "informatie-verantwoording",
    "ontslag-vertrouwen",
    "verantwoording-db",
    "zienswijze-besluiten",
    "participatie",
    "evaluatie",
    "begroting",
    "jaarrekening",
    "verdeelsleutel",
    "bestuurscommissies",
    "deelneming-rechtspersonen",
    "ambtelijke-organisatie",
    "archief",
    "toetreding",
    "uittreding",
    "wijziging",
    "opheffing",
    "geschillen",
    "overgangsrecht",
    "inwerkingtreding",
    "toezending-gs",
    "citeertitel",
]


class Subonderdeel(Model):
    id: Id | None = None
    tekst: Tekst


class Onderdeel(Model):
    id: Id | None = None
    tekst: Tekst = Field(description="Zonder slotleesteken: ';', '.' of ':' zet regiodocs zelf.")
    subonderdelen: list[Subonderdeel] = Field(default_factory=list)


class Lid(Model):
    id: Id | None = Field(default=None, description="Nodig wanneer naar dit lid wordt verwezen.")
    tekst: Tekst
    onderdelen: list[Onderdeel] = Field(default_factory=list)


class Artikel(Model):
    id: Id
    kop: Tekst | None = Field(
        default=None, description="Opschrift van het artikel, bijv. 'Toetreding' (mag ontbreken)."
    )
    regelt: list[Onderwerp] = Field(
        default_factory=list, description="Onderwerpen die dit artikel regelt (voor de Wgr-toets)."
    )
    leden: list[Lid] = Field(min_length=1, description="Eén lid = een artikel zonder lidnummer.")
    toelichting: Tekst | None = Field(default=None, description="Artikelsgewijze toelichting.")


class Paragraaf(Model):
    id: Id
    titel: Tekst
    artikelen: list[Artikel] = Field(min_length=1)


class Hoofdstuk(Model):
    id: Id
    titel: Tekst
    artikelen: list[Artikel] = Field(default_factory=list)
    paragrafen: list[Paragraaf] = Field(default_factory=list)

    @model_validator(mode="after")
    def _articles_or_paragraphs(self) -> Hoofdstuk:
        if bool(self.artikelen) == bool(self.paragrafen):
            raise ValueError("een hoofdstuk heeft óf artikelen óf paragrafen (met artikelen)")
        return self


class Aanhef(Model):
    bestuursorganen: list[Literal["raad", "college", "burgemeester"]] = Field(min_length=1)
    overwegingen: list[Tekst] = Field(min_length=1)
    gelet_op: list[Tekst] = Field(min_length=1)


class Regeling(Model):
    id: Id
    titel: Tekst = Field(description="Volledige titel van de regeling.")
    citeertitel: Tekst
    status: Literal["concept", "vastgesteld"] = Field(description="Een ontwerp is 'concept'.")
    versie: Tekst
    datum_versie: date
    aanhef: Aanhef
    hoofdstukken: list[Hoofdstuk] = Field(min_length=1)
    algemene_toelichting: Tekst
