"""From the network to the joint arrangement: what each current body is and becomes, and
the topics still to settle with their status and the provisions that settle them."""

from __future__ import annotations

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.documents.markdown import md_paragraphs
from regiodocs.documents.views.common import FALLBACK_DATUM, Job, regional_job, versie_regel
from regiodocs.legal.numbering import REFERENCE, cite_reference, parse_reference

TOEKOMST = {
    "blijft": "blijft bestaan",
    "gaat-op-in-gr": "gaat op in de gemeenschappelijke regeling",
    "vervalt": "vervalt",
}
STATUS = {"geregeld": "geregeld", "in-uitwerking": "in uitwerking", "open": "open"}


def overgang(facts: Facts) -> Job:
    region = facts.region
    notitie = region.overgang
    assert notitie is not None
    regeling = region.regeling
    bestuur = region.bestuur
    organen = {o.id: o for o in bestuur.organen} if bestuur else {}
    beschrijving = {t.overleg: t for t in notitie.overleggen}
    overleggen = []
    for h in bestuur.huidige_overleggen if bestuur else []:
        opvolger = organen.get(h.opvolger) if h.opvolger else None
        t = beschrijving.get(h.id)
        overleggen.append(
            {
                "afkorting": h.afkorting,
                "naam": h.naam,
                "rol": h.rol,
                "wat": md_paragraphs(t.wat) if t else "",
                "toekomst": TOEKOMST[h.toekomst]
                + (f" (opvolger: {opvolger.naam})" if opvolger else ""),
                "in_de_gr": md_paragraphs(t.in_de_gr) if t and t.in_de_gr else "",
            }
        )

    def artikel(ref: str) -> str:
        """'[[stemverhouding]]' -> 'artikel 8': a provision of the region's regeling."""
        return REFERENCE.sub(
            lambda m: cite_reference(parse_reference(m.group(1), facts.numbering)), ref
        )

    onderwerpen = [
        {
            "nummer": n,
            "onderwerp": o.onderwerp,
            "status": STATUS[o.status],
            "toelichting": o.toelichting,
            "waar": fmt.opsomming([artikel(ref) for ref in o.geregeld_in]) or "-",
            "uitwerking": o.uitwerking_in or "-",
        }
        for n, o in enumerate(notitie.onderwerpen, start=1)
    ]
    telling = fmt.opsomming(
        [
            f"{sum(1 for o in notitie.onderwerpen if o.status == key)} {label}"
            for key, label in STATUS.items()
        ]
    )
    context = {
        "o": notitie,
        "regio": region.regio.naam,
        "gemeenten": fmt.opsomming([d.naam for d in region.regio.deelnemers]),
        "overleggen": overleggen,
        "onderwerpen": onderwerpen,
        "telling": f"Van de {len(onderwerpen)} onderwerpen zijn er {telling}.",
        "regeling": f"de {regeling.citeertitel}, {versie_regel(regeling)}" if regeling else "",
        "p": md_paragraphs,
    }
    return regional_job(
        facts,
        "overgang",
        "overgang",
        context,
        title=notitie.titel,
        subject=f"Huidige overleggen en uit te werken onderwerpen, regio {region.regio.naam}",
        author=f"Gemeenten van de regio {region.regio.naam}",
        kenmerk=f"Regeling {versie_regel(regeling)}" if regeling else notitie.titel,
        datum=regeling.datum_versie if regeling else FALLBACK_DATUM,
        eigenschappen=(("Vingerafdruk regeling", facts.fingerprints["regeling"]),)
        if regeling
        else (),
    )
