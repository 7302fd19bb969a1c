"""The raadsinformatiebrief of one letter for one municipality."""

from __future__ import annotations

from pathlib import PurePosixPath

from regiodocs.content.facts import Facts
from regiodocs.content.models.besluiten import Informatiebrief
from regiodocs.content.models.regio import Deelnemer
from regiodocs.documents.markdown import md_paragraphs
from regiodocs.documents.views.common import (
    Job,
    bijlage_eigenschappen,
    bijlagen_lines,
    gemeente_view,
    municipal_meta,
)


def raadsinformatiebrief(facts: Facts, brief: Informatiebrief, d: Deelnemer, mask: bool) -> Job:
    data = brief.per_gemeente[d.id]
    gemeente = gemeente_view(
        facts,
        d,
        kenmerk=data.kenmerk,
        datum=data.datum,
        collegebesluit=None,
        agendapunt="",
        portefeuillehouder=data.portefeuillehouder,
        posten=[],
        mask=mask,
    )
    context = {
        "brief": brief,
        "gemeente": gemeente,
        "regio": facts.region.regio.naam,
        "kern": [{"kop": k.kop, "tekst": md_paragraphs(k.tekst)} for k in brief.kern],
        "bijlagen": bijlagen_lines(facts, brief.bijlagen),
        "p": md_paragraphs,
    }
    meta = municipal_meta(
        facts,
        "Raadsinformatiebrief",
        brief.onderwerp,
        d,
        data.kenmerk,
        data.datum,
        f"Het college van burgemeester en wethouders van {d.naam}",
        (
            ("Portefeuillehouder", data.portefeuillehouder or d.portefeuillehouder),
            *bijlage_eigenschappen(facts, brief.bijlagen),
        ),
    )
    out = PurePosixPath(d.id, f"{data.datum.isoformat()}-raadsinformatiebrief-{brief.id}")
    return Job("raadsinformatiebrief", "raadsinformatiebrief.md.j2", out, context, meta, d.id)
