"""afwegingskader.yaml and opgaven/*.yaml: whether a topic is taken up regionally.

The rule is the one of the Lekstroom afwegingskader (2024), fixed in code
(``regiodocs.governance.afweging``): the first question (obliged, or a joint supra-regional
position) decides at once; otherwise one 'ja' on the questions makes the topic a focus of the
cooperation. Whether only the preparation or also the execution is done together is a
choice the municipalities record per opgave, as is a municipality's decision to stay out.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regiodocs.content.models.common import Id, Model, Naam, Tekst


class Vraag(Model):
    id: Id
    vraag: Tekst
    """De vraag zelf."""
    motivatie_verplicht: bool = True
    """Moet een antwoord gemotiveerd worden?"""


class Beslisregel(Model):
    """The decision rule in the region's own words, for the documents (the logic is fixed)."""

    poortvraag_ja: Tekst = Field(description="Wat volgt als de eerste vraag met ja is beantwoord.")
    focus: Tekst = Field(
        description="Wat volgt als een of meer van de vragen met ja zijn beantwoord."
    )
    daarna: Tekst = Field(
        description="De keuze daarna: alleen de voorbereiding of ook de uitvoering samen."
    )
    niet_meedoen: Tekst = Field(description="Hoe een gemeente kan besluiten niet mee te doen.")


class Afwegingskader(Model):
    titel: Naam
    """Titel van het afwegingskader."""
    inleiding: Tekst | None = None
    """Optioneel: waarom er een afwegingskader is."""
    redenen: list[Tekst] = Field(default_factory=list)
    """Belangrijkste redenen om samen te werken."""
    focus: Tekst | None = None
    """Optioneel: op welke beleidsvelden de samenwerking zich in ieder geval richt."""
    poortvragen: list[Vraag] = Field(min_length=1)
    """De eerste vraag (één of meer delen): één 'ja' beslist meteen dat de regio het samen doet."""
    vragen: list[Vraag] = Field(min_length=1)
    """De vragen daarna, in volgorde; één 'ja' maakt de opgave tot focus van de samenwerking."""
    beslisregel: Beslisregel
    """De beslisregel in woorden."""


class Antwoord(Model):
    vraag: Id = Field(description="Id van een poortvraag of vraag uit afwegingskader.yaml.")
    antwoord: Literal["ja", "nee"]
    """ja of nee."""
    motivatie: Tekst | None = None
    """Korte motivatie (verplicht waar het kader dat vraagt)."""


Samen = Literal["voorbereiding", "voorbereiding-en-uitvoering"]


class NietMeedoen(Model):
    """A municipality that stays out of a regional opgave, after discussing it with the others."""

    gemeente: Id
    """Id van de gemeente (regio.yaml) die niet meedoet."""
    reden: Tekst
    """Waarom de gemeente niet meedoet."""
    effect_op_anderen: Tekst = Field(
        description="Het vooraf besproken effect van het niet meedoen op de andere gemeenten."
    )
    besproken: Tekst | None = None
    """Optioneel: waar en wanneer dat is besproken, bijv. 'BPSDL, 12 september 2024'."""


class Opgave(Model):
    """A proposed regional topic, assessed with the afwegingskader."""

    id: Id
    titel: Naam
    """Titel van de opgave."""
    omschrijving: Tekst
    """Wat de opgave inhoudt."""
    taak: Id | None = Field(
        default=None,
        description="Id van de taak in taken.yaml waar de opgave over gaat; de uitkomst moet "
        "daarmee kloppen.",
    )
    antwoorden: list[Antwoord] = Field(min_length=1)
    """De antwoorden: op de eerste vraag, en (als die 'nee' is) op elke volgende vraag."""
    keuze: Samen | None = Field(
        default=None,
        description="Bij samenwerking de gemaakte keuze: 'voorbereiding' (alleen de "
        "voorbereiding samen) of 'voorbereiding-en-uitvoering'.",
    )
    keuze_motivatie: Tekst | None = None
    """Waarom voor deze vorm van samenwerken is gekozen."""
    niet_meedoen: list[NietMeedoen] = Field(default_factory=list)
    """Gemeenten die niet meedoen, elk met reden en het besproken effect op de anderen."""
