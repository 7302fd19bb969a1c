"""The raadsbesluit of one proposal for one municipality: the raadsvoorstel's context."""

from __future__ import annotations

from regiodocs.content.facts import Facts
from regiodocs.content.models.besluiten import Raadsvoorstel
from regiodocs.content.models.regio import Deelnemer
from regiodocs.documents.views.common import Job
from regiodocs.documents.views.raadsvoorstel import voorstel_job


def raadsbesluit(facts: Facts, voorstel: Raadsvoorstel, d: Deelnemer, mask: bool) -> Job:
    author = f"De raad van de gemeente {d.naam}"
    return voorstel_job(facts, "raadsbesluit", "Raadsbesluit", voorstel, d, mask, author)
