"""afwegingskader.yaml: the questions that decide whether a topic is taken up regionally."""

from __future__ import annotations

from pydantic import Field

from .common import Id, Model, Tekst


class Vraag(Model):
    id: Id
    vraag: Tekst
    motivatie_verplicht: bool = True


class Beslisregel(Model):
    poortvraag_ja: Tekst = Field(description="Uitkomst als een poortvraag met ja is beantwoord.")
    minimaal_ja: int = Field(
        ge=1, description="Aantal ja-antwoorden op de vragen voor 'regionaal'."
    )
    daarna: Tekst = Field(description="Wat na een positieve uitkomst nog wordt gekozen.")
    niet_meedoen: Tekst = Field(description="Wat een gemeente die niet meedoet eerst bespreekt.")


class Afwegingskader(Model):
    titel: Tekst
    redenen: list[Tekst] = Field(default_factory=list)
    poortvragen: list[Vraag] = Field(min_length=1)
    vragen: list[Vraag] = Field(min_length=1)
    beslisregel: Beslisregel
