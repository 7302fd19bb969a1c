"""afwegingskader.yaml: the questions that decide whether a topic is taken up regionally."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regiodocs.content.models.common import Aantal, Id, Model, Tekst


class Vraag(Model):
    id: Id
    vraag: Tekst
    """De vraag zelf."""
    motivatie_verplicht: bool = True
    """Moet een antwoord gemotiveerd worden?"""


class Beslisregel(Model):
    poortvraag_ja: Tekst = Field(description="Uitkomst als een poortvraag met ja is beantwoord.")
    minimaal_ja: Aantal = Field(
        ge=1, description="Aantal ja-antwoorden op de vragen voor 'regionaal'."
    )
    daarna: Tekst = Field(description="Wat na een positieve uitkomst nog wordt gekozen.")
    uitvoering_als_ja: list[Id] = Field(
        default_factory=list,
        description="Vragen waarvan één 'ja' betekent dat ook de uitvoering samen gebeurt (anders alleen de voorbereiding).",
    )
    niet_meedoen: Tekst = Field(description="Wat een gemeente die niet meedoet eerst bespreekt.")


class Afwegingskader(Model):
    titel: Tekst
    """Titel van het afwegingskader."""
    redenen: list[Tekst] = Field(default_factory=list)
    """Belangrijkste redenen om samen te werken."""
    poortvragen: list[Vraag] = Field(min_length=1)
    """Poortvragen: één 'ja' maakt samenwerking verplicht."""
    vragen: list[Vraag] = Field(min_length=1)
    """De vragen na de poortvragen, in volgorde."""
    beslisregel: Beslisregel
    """Hoe de antwoorden tot een uitkomst leiden."""


class Antwoord(Model):
    vraag: Id = Field(description="Id van een poortvraag of vraag uit afwegingskader.yaml.")
    antwoord: Literal["ja", "nee"]
    """ja of nee."""
    motivatie: Tekst | None = None
    """Korte motivatie (verplicht waar het kader dat vraagt)."""


class Opgave(Model):
    """A proposed regional topic, assessed with the afwegingskader."""

    id: Id
    titel: Tekst
    """Titel van de opgave."""
    omschrijving: Tekst
    """Wat de opgave inhoudt."""
    antwoorden: list[Antwoord] = Field(min_length=1)
    """Een antwoord op elke poortvraag en vraag van het afwegingskader."""
