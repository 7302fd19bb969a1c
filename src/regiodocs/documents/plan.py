"""Which documents a build makes: every requested kind, for the region or one municipality,
in a stable order. Each document's view comes from its module in ``documents/views/``."""

from __future__ import annotations

from regiodocs.content.facts import Facts
from regiodocs.documents.views.afweging import afweging
from regiodocs.documents.views.common import Job
from regiodocs.documents.views.overgang import overgang
from regiodocs.documents.views.raadsbesluit import raadsbesluit
from regiodocs.documents.views.raadsinformatiebrief import raadsinformatiebrief
from regiodocs.documents.views.raadsvoorstel import raadsvoorstel
from regiodocs.documents.views.reactienota import reactienota
from regiodocs.documents.views.regeling import regeling
from regiodocs.documents.views.regiovisie import regiovisie
from regiodocs.documents.views.toekomstnotitie import toekomstnotitie
from regiodocs.documents.views.wgr_toets import wgr_toets
from regiodocs.documents.views.wgr_vorm import wgr_vorm


def plan_documents(
    facts: Facts, kinds: tuple[str, ...], gemeente: str | None = None, *, mask: bool = False
) -> list[Job]:
    """All documents of the requested kinds; ``mask`` hides the municipal values."""
    region = facts.region
    jobs: list[Job] = []
    if gemeente is None:
        if "regiovisie" in kinds:
            jobs.append(regiovisie(facts))
        if "regeling" in kinds and region.regeling:
            jobs.append(regeling(facts))
        if "wgr-toets" in kinds and region.regeling:
            jobs.append(wgr_toets(facts))
        if "reactienota" in kinds and region.consultatie:
            jobs.append(reactienota(facts))
        if "afweging" in kinds and region.afwegingskader:
            jobs.extend(afweging(facts, opgave) for opgave in region.opgaven)
        if "toekomstnotitie" in kinds and region.toekomstnotitie:
            jobs.append(toekomstnotitie(facts))
        if "wgr-vorm" in kinds and region.wgrvorm:
            jobs.append(wgr_vorm(facts))
        if "overgang" in kinds and region.overgang:
            jobs.append(overgang(facts))
    for d in region.regio.deelnemers:
        if gemeente not in (None, d.id):
            continue
        for voorstel in region.raadsvoorstellen:
            if "raadsvoorstel" in kinds:
                jobs.append(raadsvoorstel(facts, voorstel, d, mask))
            if "raadsbesluit" in kinds:
                jobs.append(raadsbesluit(facts, voorstel, d, mask))
        if "raadsinformatiebrief" in kinds:
            jobs.extend(raadsinformatiebrief(facts, b, d, mask) for b in region.informatiebrieven)
    return jobs
