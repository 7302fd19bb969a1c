"""financien.yaml: the cost-sharing key's definition and the budget lines (no computed figures)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regiodocs.content.models.common import Aantal, Bedrag, Id, Model, Tekst


class Verdeelsleutel(Model):
    grondslag: Literal["inwoners"] = "inwoners"
    """Waarnaar verdeeld wordt (nu: inwoners)."""
    peildatum_regel: Tekst = Field(
        description="Peildatum van de inwonertallen, bijv. '1 januari van het jaar voorafgaand "
        "aan het begrotingsjaar'; het artikel over de verdeelsleutel noemt dezelfde peildatum."
    )
    raming: Tekst | None = Field(
        default=None,
        description="Alleen als de inwonertallen (nog) niet op de peildatum voor een "
        "begrotingsjaar liggen, bijv. omdat die cijfers er nog niet zijn: waarmee is gerekend en "
        "wanneer dat wordt rechtgezet. Deze tekst staat in de documenten bij de bijdragen.",
    )
    decimalen: Aantal = Field(default=2, ge=0, le=4)
    """Aantal decimalen van de percentages."""


class Begrotingspost(Model):
    id: Id
    omschrijving: Tekst
    """Omschrijving van de post."""
    soort: Literal["structureel", "incidenteel"]
    """structureel of incidenteel."""
    jaar: Aantal = Field(ge=2000, le=2100)
    """Begrotingsjaar."""
    bedrag: Bedrag = Field(ge=0, max_digits=14, decimal_places=2, description="Bedrag in euro.")
    taak: Id | None = None
    """Optioneel: id van de taak waar de post bij hoort."""


class Financien(Model):
    verdeelsleutel: Verdeelsleutel
    """Hoe kosten over de gemeenten worden verdeeld."""
    begrotingsposten: list[Begrotingspost] = Field(default_factory=list)
    """Begrotingsposten; bijdragen per gemeente worden berekend."""
