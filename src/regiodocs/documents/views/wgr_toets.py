"""The Wgr-toets report: every rule, met or what is missing, from the checked outcomes."""

from __future__ import annotations

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.documents.views.common import Job, regional_job, versie_regel

# The Wgr forms by name, as the report writes them (the YAML keeps its ids).
VORMEN = {
    "openbaar-lichaam": "openbaar lichaam",
    "bedrijfsvoeringsorganisatie": "bedrijfsvoeringsorganisatie",
    "gemeenschappelijk-orgaan": "gemeenschappelijk orgaan",
    "centrumgemeente": "centrumgemeenteconstructie",
    "regeling-zonder-meer": "regeling zonder meer",
}


def wgr_toets(facts: Facts) -> Job:
    region = facts.region
    regeling = region.regeling
    assert regeling is not None
    uitkomsten = facts.wgr
    rows = [
        {
            "code": u.regel.code,
            "naam": u.regel.naam,
            "bron": u.regel.bron,
            "uitkomst": "voldaan" if u.voldaan else "niet voldaan",
            "waar": (fmt.opsomming(u.vindplaats) or "geen strijdigheid gevonden")
            if u.voldaan
            else "ontbreekt of onjuist: " + "; ".join(u.ontbreekt),
        }
        for u in uitkomsten
    ]
    failed = sum(1 for u in uitkomsten if not u.voldaan)
    context = {
        "regeling": regeling,
        "versie": versie_regel(regeling),
        "regels": rows,
        "samenvatting": f"{len(rows) - failed} van de {len(rows)} regels voldaan"
        + (f", {failed} niet" if failed else ""),
        "vorm": VORMEN[region.bestuur.vorm if region.bestuur else "openbaar-lichaam"],
    }
    return regional_job(
        facts,
        "wgr-toets",
        "wgr-toets",
        context,
        title=f"Wgr-toets {regeling.citeertitel}",
        subject="Toets van de regeling aan de Wet gemeenschappelijke regelingen",
        author="regiodocs",
        kenmerk=f"Toets van {versie_regel(regeling)}",
        datum=regeling.datum_versie,
        eigenschappen=(("Vingerafdruk regeling", facts.fingerprints["regeling"]),),
    )
