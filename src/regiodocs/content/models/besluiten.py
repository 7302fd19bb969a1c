"""raadsvoorstellen/*.yaml and informatiebrieven/*.yaml: decision documents.

Shared text lives once; what differs per municipality (meeting date, agenda number, kenmerk,
portfolio holder) lives in ``per_gemeente`` and nowhere else.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regiodocs.content.models.common import Datum, Id, Model, Naam, Tekst

Bijlagedocument = Literal["regiovisie", "regeling", "reactienota", "wgr-toets"]


class Besluitpunt(Model):
    id: Id
    tekst: Tekst = Field(
        description="Wat de raad besluit, als infinitief: 'de regiovisie ... vast te stellen'."
    )


class Argument(Model):
    besluitpunt: Id = Field(description="Id van het besluitpunt waar dit argument bij hoort.")
    kop: Naam
    """Het argument in één zin."""
    tekst: Tekst
    """Uitwerking van het argument."""


class Kanttekening(Model):
    kop: Naam
    """Kop in één zin."""
    tekst: Tekst
    """Uitwerking."""


class FinancieleGevolgen(Model):
    soort: Literal["geen", "incidenteel", "structureel", "incidenteel-en-structureel"]
    """geen, incidenteel, structureel of beide."""
    tekst: Tekst
    """De gevolgen in woorden."""
    dekking: Tekst | None = None
    """Hoe de kosten gedekt worden."""
    begrotingsposten: list[Id] = Field(
        default_factory=list,
        description="Ids van begrotingsposten waarvan het aandeel per gemeente wordt getoond.",
    )


class Bijlage(Model):
    titel: Naam
    """Titel van de bijlage."""
    document: Bijlagedocument | None = Field(
        default=None,
        description="Een door regiodocs gemaakt document; de vingerafdruk wordt vermeld.",
    )


Anker = Literal[
    "samenvatting",
    "inleiding",
    "participatie",
    "wat-willen-we-bereiken",
    "wat-gaan-we-doen",
    "argumenten",
    "kanttekeningen",
    "financiele-gevolgen",
    "communicatie",
    "vervolgproces",
]
ANKERS: dict[str, str] = {
    "samenvatting": "Samenvatting",
    "inleiding": "Inleiding",
    "participatie": "Participatie",
    "wat-willen-we-bereiken": "Wat willen we bereiken",
    "wat-gaan-we-doen": "Wat gaan we daarvoor doen",
    "argumenten": "Argumenten",
    "kanttekeningen": "Kanttekeningen, risico's en alternatieven",
    "financiele-gevolgen": "Financiële gevolgen",
    "communicatie": "Communicatie",
    "vervolgproces": "Vervolgproces",
}


class LokaleParagraaf(Model):
    """A paragraph only one municipality's raadsvoorstel has (a local consequence or motion).

    It differs on purpose: the consistency proof names it instead of reporting it.
    """

    id: Id
    """Naam van de paragraaf, uniek binnen de gemeente; de consistentiecontrole noemt hem."""
    titel: Tekst
    """Kop van de paragraaf."""
    tekst: Tekst
    """De tekst; een lege regel begint een nieuwe alinea."""
    na: Anker = Field(
        description="Het hoofdstuk van het raadsvoorstel waar de paragraaf aan het eind komt, "
        "bijv. 'financiele-gevolgen'."
    )


class Voorgeschiedenis(Model):
    """An earlier step the proposal builds on: a meeting, a decision, a letter or a report."""

    datum: Datum
    """Datum van de stap (JJJJ-MM-DD)."""
    maand: bool = False
    """Waar: alleen de maand is bekend; het document noemt 'oktober 2024'."""
    soort: Literal["raadssessie", "collegebesluit", "raadsinformatiebrief", "advies", "besluit"]
    """raadssessie, collegebesluit, raadsinformatiebrief, advies of besluit."""
    omschrijving: Tekst
    """Wat er gebeurde of wat het document is."""
    kenmerk: Tekst | None = None
    """Kenmerk van het document, bijv. van een raadsinformatiebrief."""


class RaadsvoorstelGemeente(Model):
    """The per-municipality fields of one raadsvoorstel."""

    raadsvergadering: Datum
    """Datum van de raadsvergadering; moet in regio.yaml staan."""
    collegebesluit: Datum = Field(description="Datum van het collegevoorstel aan de raad.")
    agendapunt: Naam
    """Agendapunt van de vergadering."""
    kenmerk: Naam = Field(description="Volgnummer; het voorvoegsel komt uit regio.yaml.")
    portefeuillehouder: Naam | None = Field(
        default=None, description="Afwijkende portefeuillehouder (rol); leeg = die uit regio.yaml."
    )
    lokale_paragrafen: list[LokaleParagraaf] = Field(default_factory=list)
    """Paragrafen die alleen deze gemeente heeft, elk op een benoemde plaats."""


class Raadsvoorstel(Model):
    id: Id
    onderwerp: Naam
    """Onderwerp, zoals in de kop en het raadsbesluit."""
    samenvatting: Tekst
    """Korte samenvatting."""
    gevraagd_besluit: list[Besluitpunt] = Field(min_length=1)
    """De besluitpunten; ze worden genummerd."""
    aanleiding: Tekst
    """Inleiding en aanleiding."""
    participatie: Tekst
    """Hoe inwoners, partners en raden betrokken zijn."""
    wat_willen_we_bereiken: Tekst
    """Wat het voorstel beoogt."""
    wat_gaan_we_doen: Tekst
    """Wat er gebeurt na het besluit."""
    argumenten: list[Argument] = Field(min_length=1)
    """Argumenten, elk bij een besluitpunt; genummerd 1.1, 1.2."""
    kanttekeningen: list[Kanttekening] = Field(default_factory=list)
    """Kanttekeningen, risico's en alternatieven."""
    financiele_gevolgen: FinancieleGevolgen
    """Financiële gevolgen en dekking."""
    communicatie: Tekst
    """Communicatie na het besluit."""
    vervolg: Tekst
    """Vervolgproces."""
    bevoegdheid: Tekst = Field(description="Waarop de bevoegdheid van de raad berust.")
    gelet_op: list[Tekst] = Field(
        min_length=1, description="Wettelijke grondslag in de aanhef van het raadsbesluit."
    )
    bijlagen: list[Bijlage] = Field(default_factory=list)
    """Bijlagen; een door regiodocs gemaakt document krijgt zijn vingerafdruk."""
    voor: list[Id] = Field(default_factory=list)
    """Ids van mijlpalen uit visie.yaml waarvóór de raad moet besluiten."""
    voorgeschiedenis: list[Voorgeschiedenis] = Field(default_factory=list)
    """Eerdere stappen en documenten waarop dit voorstel voortbouwt, in datumvolgorde."""
    ontwerp_verzonden: Datum | None = Field(
        default=None,
        description="Datum waarop de colleges het ontwerp van de regeling aan de raden zonden "
        "(artikel 1, tweede lid, Wgr); de zienswijzetermijn van acht weken loopt vanaf hier.",
    )
    per_gemeente: dict[Id, RaadsvoorstelGemeente]
    """Per gemeente-id de gegevens die per gemeente verschillen."""


class InformatiebriefGemeente(Model):
    datum: Datum
    """Datum van de brief."""
    kenmerk: Naam
    """Volgnummer; het voorvoegsel komt uit regio.yaml."""
    portefeuillehouder: Naam | None = None
    """Afwijkende portefeuillehouder (rol)."""


class Informatiebrief(Model):
    id: Id
    onderwerp: Naam
    """Onderwerp van de brief."""
    kennisnemen_van: list[Tekst] = Field(min_length=1)
    """Waarvan de raad kennis neemt."""
    inleiding: Tekst
    """Inleiding."""
    kern: list[Kanttekening] = Field(min_length=1, description="De kern, in kopjes met tekst.")
    vervolg: Tekst
    """Vervolg."""
    bijlagen: list[Bijlage] = Field(default_factory=list)
    """Bijlagen."""
    per_gemeente: dict[Id, InformatiebriefGemeente]
    """Per gemeente-id: datum, kenmerk, portefeuillehouder."""
