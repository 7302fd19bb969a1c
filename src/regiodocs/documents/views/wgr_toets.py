"""The Wgr-toets report: every rule with its outcome, and the points for a lawyer quoted."""

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
    rows = []
    punten = []
    for u in uitkomsten:
        if u.status == "niet voldaan":
            waar = "; ".join(u.ontbreekt)
        elif u.status == "juridisch te beoordelen":
            waar = "te beoordelen: " + fmt.opsomming(
                [p.plaats for p in u.punten if not p.afgetekend]
            )
        else:
            waar = fmt.opsomming(u.vindplaats) or "geen strijdige bepaling gevonden"
            if u.afgetekend:
                waar += (
                    " (juridisch beoordeeld: "
                    + fmt.opsomming([p.plaats for p in u.afgetekend])
                    + ")"
                )
        rows.append(
            {
                "code": u.regel.code,
                "naam": u.regel.naam,
                "bron": u.regel.bron,
                "uitkomst": u.status,
                "waar": waar,
            }
        )
        for p in u.punten:
            if p.afgetekend:
                b = p.afgetekend
                oordeel = f"Afgetekend door {b.rol} op {fmt.datum(b.datum)}: {b.opmerking}"
            elif p.vervallen:
                b = p.vervallen
                oordeel = f"Open. De beoordeling door {b.rol} van {fmt.datum(b.datum)} is vervallen: de tekst is sindsdien gewijzigd."
            else:
                oordeel = "Open: nog niet juridisch beoordeeld."
            punten.append(
                {
                    "kop": f"{u.regel.code} {u.regel.naam}, {p.plaats}",
                    "vraag": p.vraag[0].upper() + p.vraag[1:] + "?",
                    "tekst": p.tekst,
                    "oordeel": oordeel,
                }
            )
    tel = {
        s: sum(1 for u in uitkomsten if u.status == s)
        for s in ("voldaan", "niet voldaan", "juridisch te beoordelen")
    }
    context = {
        "regeling": regeling,
        "versie": versie_regel(regeling),
        "regels": rows,
        "punten": punten,
        "samenvatting": f"{tel['voldaan']} van de {len(rows)} eisen voldaan"
        + (
            f", {tel['juridisch te beoordelen']} juridisch te beoordelen"
            if tel["juridisch te beoordelen"]
            else ""
        )
        + (f", {tel['niet voldaan']} niet voldaan" if tel["niet voldaan"] else ""),
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
