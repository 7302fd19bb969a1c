"""regeling.yaml: the draft Wgr-regeling, in chapters, articles, leden and onderdelen.

Nothing is numbered by hand: numbers follow from the order here. Legal text cites other
provisions by id with ``[[artikel-id]]``, ``[[artikel-id.lid-id]]``,
``[[artikel-id.lid-id.onderdeel-id]]``, ``[[hoofdstuk-id]]`` or ``[[paragraaf-id]]``, more at
once with ``[[id en id]]``, ``[[id, id en id]]`` or ``[[id tot en met id]]``; the renderer
writes the citation in the form of the Aanwijzingen voor de regelgeving.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema, model_validator

from regiodocs.content import notatie
from regiodocs.content.models.common import (
    AANTAL_TEKST,
    Datum,
    Id,
    Model,
    Naam,
    Tekst,
    text_policy,
)

# The number in force of an article ("5a") or a chapter or paragraph ("3A"), when it does not
# follow from the order: after an amendment inserted or removed one (Ar 236, 238).
Artikelnummer = Annotated[
    str, StringConstraints(pattern=r"^[1-9][0-9]{0,3}[a-z]{0,2}$"), BeforeValidator(text_policy)
]
Indelingsnummer = Annotated[
    str, StringConstraints(pattern=r"^[1-9][0-9]{0,2}[A-Z]{0,2}$"), BeforeValidator(text_policy)
]
_NUMMER_UITLEG = (
    "Geldend nummer, alleen nodig als het niet uit de volgorde volgt: een bij wijziging "
    "ingevoegd ({voorbeeld}) of een nummer na een vervallen {soort}. Zonder nummer telt "
    "regiodocs door vanaf het vorige nummer."
)

# Subjects the Wgr-toets knows; an article may also name a free subject (e.g. "klachten").
BEKENDE_ONDERWERPEN = (
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
)


class Subonderdeel(Model):
    id: Id | None = None
    """Nodig wanneer naar dit subonderdeel wordt verwezen."""
    tekst: Tekst
    """Tekst, zonder slotleesteken."""


class Onderdeel(Model):
    id: Id | None = None
    """Nodig wanneer naar dit onderdeel wordt verwezen."""
    tekst: Tekst = Field(description="Zonder slotleesteken: ';', '.' of ':' zet regiodocs zelf.")
    subonderdelen: list[Subonderdeel] = Field(default_factory=list)
    """Subonderdelen 1°, 2° van dit onderdeel."""


class Lid(Model):
    id: Id | None = Field(default=None, description="Nodig wanneer naar dit lid wordt verwezen.")
    nummer: Artikelnummer | None = Field(
        default=None,
        description="Geldend lidnummer, alleen nodig als het niet uit de volgorde volgt: een bij "
        "wijziging ingevoegd lid (2a) zonder vernummering van de leden erna, of het nummer na "
        "een vervallen lid. Zonder nummer telt regiodocs door vanaf het vorige lid.",
    )
    tekst: Tekst
    """Tekst van het lid; verwijs met [[id]]."""
    onderdelen: list[Onderdeel] = Field(default_factory=list)
    """Onderdelen a, b, c van dit lid."""


class Artikel(Model):
    id: Id
    nummer: Artikelnummer | None = Field(
        default=None, description=_NUMMER_UITLEG.format(voorbeeld="5a", soort="artikel")
    )
    kop: Naam | None = Field(
        default=None, description="Opschrift van het artikel, bijv. 'Toetreding' (mag ontbreken)."
    )
    regelt: list[Id] = Field(
        default_factory=list,
        description="Onderwerpen die dit artikel regelt (voor de Wgr-toets); de toets kent o.a. "
        + ", ".join(BEKENDE_ONDERWERPEN)
        + "; een ander onderwerp (bijv. klachten) mag ook.",
    )
    leden: list[Lid] = Field(min_length=1, description="Eén lid = een artikel zonder lidnummer.")
    toelichting: Tekst | None = Field(default=None, description="Artikelsgewijze toelichting.")
    toelichting_bij: Tekst | None = Field(
        default=None,
        description="Vingerafdruk van de artikeltekst waarbij de toelichting is geschreven "
        "(de check noemt haar). Verandert de tekst van het artikel, dan waarschuwt de check dat "
        "de toelichting verouderd kan zijn.",
    )


class Paragraaf(Model):
    id: Id
    nummer: Indelingsnummer | None = Field(
        default=None, description=_NUMMER_UITLEG.format(voorbeeld="2A", soort="paragraaf")
    )
    titel: Naam
    """Opschrift van de paragraaf."""
    artikelen: list[Artikel] = Field(min_length=1)
    """Artikelen van de paragraaf."""


class Hoofdstuk(Model):
    id: Id
    nummer: Indelingsnummer | None = Field(
        default=None, description=_NUMMER_UITLEG.format(voorbeeld="3A", soort="hoofdstuk")
    )
    titel: Naam
    """Opschrift van het hoofdstuk."""
    artikelen: list[Artikel] = Field(default_factory=list)
    """Artikelen direct in het hoofdstuk (of gebruik paragrafen)."""
    paragrafen: list[Paragraaf] = Field(default_factory=list)
    """Paragrafen met artikelen (of gebruik artikelen)."""

    @model_validator(mode="after")
    def _articles_or_paragraphs(self) -> Hoofdstuk:
        if bool(self.artikelen) == bool(self.paragrafen):
            raise ValueError("een hoofdstuk heeft óf artikelen óf paragrafen (met artikelen)")
        return self


class Aanhef(Model):
    bestuursorganen: list[Literal["raad", "college", "burgemeester"]] = Field(min_length=1)
    """raad, college en/of burgemeester."""
    overwegingen: list[Tekst] = Field(min_length=1)
    """Overwegingen ('overwegende dat ...'), zonder 'overwegende'."""
    gelet_op: list[Tekst] = Field(min_length=1)
    """Grondslagen ('gelet op ...'), zonder 'gelet op'."""


class Beoordeling(Model):
    """A lawyer's sign-off on one Wgr rule for one article, bound to the printed text."""

    regel: Tekst
    """Code van de Wgr-regel, bijv. 'WGR-23'."""
    artikel: Id
    """Id van het beoordeelde artikel."""
    rol: Tekst
    """Wie beoordeelde, bijv. 'wetgevingsjurist gemeente Woerden'."""
    datum: Datum
    """Datum van de beoordeling."""
    opmerking: Tekst
    """Wat is beoordeeld en met welk oordeel."""
    vingerafdruk: Tekst
    """Vingerafdruk van de artikeltekst die is beoordeeld (de Wgr-toets noemt haar); verandert
    de tekst, dan vervalt de beoordeling."""


def _parameter(value: Any) -> Any:
    """A parameter is a number (a YAML number, or digits as text: printed as a word) or a
    text; one rule decides which, so a bad value gets one message, not one per kind."""
    if isinstance(value, (bool, int, float)) or (
        isinstance(value, str) and re.fullmatch(r"\s*\d[\d.]*\s*", value)
    ):
        return notatie.geheel_getal(value)
    value = text_policy(value)
    if not isinstance(value, str):
        raise ValueError("verwacht een getal of een tekst")
    if not value.strip():
        raise ValueError("tekst mag niet leeg zijn")
    return value.strip()


Parameter = Annotated[
    int | Tekst,
    BeforeValidator(_parameter),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer"},
                {"type": "string", "pattern": AANTAL_TEKST},
                {"type": "string", "minLength": 1},
            ]
        }
    ),
]


class Regeling(Model):
    id: Id
    titel: Naam = Field(description="Volledige titel van de regeling.")
    citeertitel: Naam
    """Titel waarmee de regeling wordt aangehaald."""
    status: Literal["concept", "vastgesteld", "geimporteerd"] = Field(
        description="Een ontwerp is 'concept'; een met 'regiodocs import' ingelezen tekst is "
        "'geimporteerd' (overgenomen, niet door deze regio vastgesteld)."
    )
    versie: Naam
    """Versie van de tekst, bijv. '0.4'."""
    datum_versie: Datum
    """Datum van deze versie."""
    inwerkingtreding: Datum | None = None
    """Beoogde datum van inwerkingtreding; de check vergelijkt die met de termijn in visie.yaml."""
    aanhef: Aanhef
    """Aanhef: wie de regeling treffen, overwegingen, grondslag."""
    hoofdstukken: list[Hoofdstuk] = Field(min_length=1)
    """De hoofdstukken in volgorde; nummers volgen daaruit."""
    algemene_toelichting: Tekst
    """Algemeen deel van de toelichting."""
    vastgesteld: dict[Id, Datum] = Field(default_factory=dict)
    """Per gemeente (id uit regio.yaml) de datum waarop haar bestuursorgaan de regeling
    vaststelde; de ondertekening noemt die datum. Zolang een datum ontbreekt blijft de
    datum in de ondertekening open."""
    parameters: dict[Id, Parameter] = Field(
        default_factory=dict,
        description="Waarden die de tekst met ((naam)) noemt, zodat tekst en controle niet "
        "uiteenlopen: een getal wordt als woord gedrukt (12: 'twaalf'), tekst zoals geschreven. "
        "Uit bestuur.yaml komen daarnaast ab-leden-per-deelnemer, db-leden, db-andere-leden en "
        "stemmen-per-lid.",
    )
    beoordelingen: list[Beoordeling] = Field(default_factory=list)
    """Juridische beoordelingen van wat de Wgr-toets niet zelf kan vaststellen."""
