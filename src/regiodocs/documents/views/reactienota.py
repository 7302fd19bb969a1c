"""The reactienota: per consultation response its handling and where it was worked in."""

from __future__ import annotations

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.content.models.consultatie import Bron, Opmerking
from regiodocs.documents.markdown import md_paragraphs
from regiodocs.documents.views.common import Job, regional_job
from regiodocs.documents.views.regiovisie import visie_place
from regiodocs.legal.numbering import REFERENCE, VerwijzingFout
from regiodocs.legal.regeling_view import citation_outside

LABELS = {
    "verwerkt": "verwerkt",
    "deels-verwerkt": "deels verwerkt",
    "niet-verwerkt": "niet verwerkt",
}


def reactienota(facts: Facts) -> Job:
    region = facts.region
    c = region.consultatie
    assert c is not None
    bronnen = []
    nummer = 0
    # Sources in date order (stable for equal dates); remarks numbered continuously.
    for bron in sorted(c.bronnen, key=lambda b: b.datum):
        rows = []
        for o in bron.opmerkingen:
            nummer += 1
            a = o.afhandeling
            rows.append(
                {
                    "nummer": nummer,
                    "soort": o.soort,
                    "tekst": o.tekst,
                    "plaats": _plaats(o),
                    "afhandeling": LABELS[a.status] if a else "open",
                    "reden": a.reden if a else "nog niet afgehandeld",
                    "waar": _verwijzing(facts, a.verwijzing) if a and a.verwijzing else "-",
                }
            )
        bronnen.append({"naam": bron.naam, "datum": _bron_datum(bron), "rows": rows})
    alle = [o for b in c.bronnen for o in b.opmerkingen]
    telling = [
        {
            "afhandeling": label,
            "aantal": sum(1 for o in alle if o.afhandeling and o.afhandeling.status == key),
        }
        for key, label in LABELS.items()
    ]
    telling.append({"afhandeling": "open", "aantal": sum(1 for o in alle if o.afhandeling is None)})
    context = {
        "consultatie": c,
        "p": md_paragraphs,
        "bronnen": bronnen,
        "telling": telling,
        "totaal": len(alle),
        "ontvangen": f"Er {fmt.werkwoord(len(alle))} "
        f"{fmt.aantal(len(alle), 'reactie', 'reacties')} ontvangen.",
    }
    return regional_job(
        facts,
        "reactienota",
        "reactienota",
        context,
        title=f"Reactienota: {c.onderwerp}",
        subject=c.onderwerp,
        author=f"Gemeenten van de regio {region.regio.naam}",
        kenmerk=None,
        datum=max(b.datum_tot or b.datum for b in c.bronnen),
        eigenschappen=(("Vingerafdruk", facts.fingerprints["reactienota"]),),
    )


def _verwijzing(facts: Facts, text: str) -> str:
    """A [[id]] in a handling: an article of the regeling or a part of the regiovisie."""
    region = facts.region

    def one(key: str) -> str:
        if region.regeling:
            try:
                return citation_outside(region.regeling, key, facts.numbering)
            except VerwijzingFout:
                pass
        return visie_place(region, key) or key

    return REFERENCE.sub(lambda m: one(m.group(1).strip()), text)


def _plaats(o: Opmerking) -> str:
    """'amendement, blz. 28, bron: D.1' for a remark; empty for a plain remark without place."""
    parts: list[str] = [o.soort] if o.soort != "opmerking" else []
    if o.pagina:
        parts.append(f"blz. {o.pagina}")
    if o.kenmerk_bron:
        parts.append(f"bron: {o.kenmerk_bron}")
    if o.groep:
        parts.append(f"onder '{o.groep}'")
    return ", ".join(parts)


def _bron_datum(bron: Bron) -> str:
    if bron.datum_soort == "uiterlijk":
        return f"uiterlijk {fmt.datum(bron.datum)}"
    if bron.datum_tot:
        if bron.datum.year == bron.datum_tot.year:
            return f"{fmt.datum(bron.datum).rsplit(' ', 1)[0]} en {fmt.datum(bron.datum_tot)}"
        return f"{fmt.datum(bron.datum)} en {fmt.datum(bron.datum_tot)}"
    return fmt.datum(bron.datum)
