"""The adviesnotitie of one opgave under the afwegingskader."""

from __future__ import annotations

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.content.models.afwegingskader import Opgave
from regiodocs.documents.markdown import md_paragraphs
from regiodocs.documents.views.common import FALLBACK_DATUM, Job, regional_job
from regiodocs.governance.afweging import beoordeel


def afweging(facts: Facts, opgave: Opgave) -> Job:
    region = facts.region
    kader = region.afwegingskader
    assert kader is not None
    advies = beoordeel(kader, opgave)
    answers = {a.vraag: a for a in opgave.antwoorden}
    rows = []
    for label, v in [
        *((f"P{i}", v) for i, v in enumerate(kader.poortvragen, start=1)),
        *((str(i), v) for i, v in enumerate(kader.vragen, start=1)),
    ]:
        a = answers.get(v.id)
        rows.append(
            {
                "nummer": label,
                "vraag": v.vraag,
                "antwoord": a.antwoord if a else "-",
                "motivatie": (a.motivatie or "-")
                if a
                else "niet nodig: de eerste vraag besliste al",
            }
        )
    namen = {d.id: d.naam for d in region.regio.deelnemers}
    buiten = [
        {
            "gemeente": namen.get(m.gemeente, m.gemeente),
            "reden": m.reden,
            "effect": m.effect_op_anderen + (f" (besproken: {m.besproken})" if m.besproken else ""),
        }
        for m in advies.niet_meedoen
    ]
    mee = [d.naam for d in region.regio.deelnemers if d.naam not in {b["gemeente"] for b in buiten}]
    context = {
        "opgave": opgave,
        "kader": kader,
        "advies": advies,
        "rows": rows,
        "regio": region.regio.naam,
        "niet_meedoen": buiten,
        "deelnemers": fmt.opsomming(mee),
        "p": md_paragraphs,
    }
    return regional_job(
        facts,
        "afweging",
        f"afweging-{opgave.id}",
        context,
        title=f"Afweging: {opgave.titel}",
        subject=f"Advies over regionale samenwerking: {advies.uitkomst}",
        author=f"Gemeenten van de regio {region.regio.naam}",
        kenmerk=None,
        datum=region.regeling.datum_versie if region.regeling else FALLBACK_DATUM,
        eigenschappen=(("Opgave", opgave.id),),
    )
