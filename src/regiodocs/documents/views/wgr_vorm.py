"""The advice on the Wgr form: the forms the Hervormingsagenda allows, compared on named
criteria and tested against the region's facts (governance/wgrvorm.py computes the outcome)."""

from __future__ import annotations

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.documents.markdown import md_paragraphs
from regiodocs.documents.views.common import Job, regional_job
from regiodocs.governance.wgrvorm import beoordeel, omvang

_PLAATSING = {"regionaal": "in de regeling", "lokaal": "blijft lokaal", "onderzoek": "na onderzoek"}


def wgr_vorm(facts: Facts) -> Job:
    region = facts.region
    advies = region.wgrvorm
    assert advies is not None
    uitkomsten = {u.vorm: u for u in beoordeel(region, advies)}
    o = omvang(region, advies)
    vormen = [
        {
            "naam": v.naam,
            "omschrijving": md_paragraphs(v.omschrijving),
            "kenmerken": v.kenmerken,
            "gebruikelijk_bij": v.gebruikelijk_bij,
            "past": "past" if uitkomsten[v.vorm].past else "past niet",
            "redenen": uitkomsten[v.vorm].redenen,
        }
        for v in advies.vormen
    ]
    vergelijking = [
        {"vraag": c.vraag, "waarden": [v.waarden.get(c.id, "-") for v in advies.vormen]}
        for c in advies.criteria
    ]
    gemeenten = sorted(region.regio.deelnemers, key=lambda d: (-d.inwoners.aantal, d.naam))
    context = {
        "a": advies,
        "p": md_paragraphs,
        "regio": region.regio.naam,
        "vormen": vormen,
        "vormnamen": [v.naam for v in advies.vormen],
        "vergelijking": vergelijking,
        "gekozen": next(v.naam for v in advies.vormen if v.vorm == advies.advies),
        "gemeenten": [
            {
                "naam": d.naam,
                "inwoners": fmt.getal(d.inwoners.aantal),
                "omvang": "klein"
                if d.inwoners.aantal < advies.feiten.kleine_gemeente_tot
                else "middelgroot",
            }
            for d in gemeenten
        ],
        "factor": fmt.decimaal(o.factor),
        "datum": fmt.datum(advies.datum),
        "taken": [
            {"omschrijving": t.omschrijving, "plaatsing": _PLAATSING[t.plaatsing]}
            for t in (region.taken.taken if region.taken else [])
        ],
    }
    return regional_job(
        facts,
        "wgr-vorm",
        "wgr-vorm",
        context,
        title=advies.titel,
        subject="Keuze van de Wgr-vorm: openbaar lichaam, centrumgemeente of bedrijfsvoeringsorganisatie",
        author=f"Gemeenten van de regio {region.regio.naam}",
        kenmerk=f"Advies: {next(v.naam for v in advies.vormen if v.vorm == advies.advies)}",
        datum=advies.datum,
    )
