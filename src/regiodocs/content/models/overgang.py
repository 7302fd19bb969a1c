"""overgang.yaml: from the network to the joint arrangement.

What each current body (bestuur.yaml, ``huidige_overleggen``) is and does, and the topics
still to settle for the arrangement with their status (advisory report, section 5.3). A
topic marked 'geregeld' names the provisions of the regeling that settle it, so the status
cannot drift from the text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regiodocs.content.models.common import Id, Model, Tekst

Status = Literal["geregeld", "in-uitwerking", "open"]


class OverlegToelichting(Model):
    overleg: Id = Field(description="Id van het overleg in bestuur.yaml (huidige_overleggen).")
    wat: Tekst
    """Wat het overleg is: wie erin zitten, hoe vaak, wat het doet."""
    in_de_gr: Tekst | None = None
    """Optioneel: wat er in de gemeenschappelijke regeling mee gebeurt, in woorden."""


class Onderwerp(Model):
    id: Id
    onderwerp: Tekst
    """Het onderwerp zoals het advies het noemt."""
    status: Status = Field(
        description="'geregeld' (staat in de regeling), 'in-uitwerking' of 'open'."
    )
    toelichting: Tekst
    """Wat er is besloten of nog moet gebeuren."""
    geregeld_in: list[Tekst] = Field(
        default_factory=list,
        description="Verwijzingen [[id]] naar de bepalingen van de regeling die het onderwerp "
        "(deels) regelen; verplicht bij 'geregeld'.",
    )
    uitwerking_in: Tekst | None = None
    """Waar het (verder) wordt uitgewerkt, bijv. 'bedrijfsvoeringsplan'."""


class Overgang(Model):
    titel: Tekst
    """Titel van het document."""
    inleiding: Tekst
    """Inleiding."""
    overleggen: list[OverlegToelichting] = Field(default_factory=list)
    """Per huidig overleg uit bestuur.yaml: wat het is."""
    onderwerpen_inleiding: Tekst
    """Inleiding op de uit te werken onderwerpen."""
    onderwerpen: list[Onderwerp] = Field(min_length=1)
    """De onderwerpen die voor de regeling nog moeten worden uitgewerkt, met hun status."""
