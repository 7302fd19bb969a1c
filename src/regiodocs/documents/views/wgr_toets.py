"""The Wgr-toets report: every rule, met or what is missing, from the checked outcomes."""

from __future__ import annotations

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.documents.views.common import Job, regional_job


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
        "vingerafdruk": facts.fingerprints["regeling"],
        "regels": rows,
        "samenvatting": f"{len(rows) - failed} van de {len(rows)} regels voldaan"
        + (f", {failed} niet" if failed else ""),
        "vorm": region.bestuur.vorm if region.bestuur else "openbaar-lichaam",
    }
    return regional_job(
        facts,
        "wgr-toets",
        "wgr-toets",
        context,
        title=f"Wgr-toets {regeling.citeertitel}",
        subject="Toets van de regeling aan de Wet gemeenschappelijke regelingen",
        author="regiodocs",
        kenmerk=f"Regeling versie {regeling.versie}, vingerafdruk {facts.fingerprints['regeling']}",
        datum=regeling.datum_versie,
    )
